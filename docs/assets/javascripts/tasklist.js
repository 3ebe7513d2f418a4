/* Checklists (pymdownx.tasklist, e.g. the questions on "Your appointment"). The extension puts
   each item's words after the tick box's <label>, so the box has no name for screen readers
   (axe: "Form elements must have labels"). Moving the words into the label names the box and
   lets a tap on the words tick it too. Nested lists stay where they are. */
(function () {
  function labelTickBoxes() {
    document.querySelectorAll(".task-list-item > .task-list-control").forEach(function (control) {
      var node = control.nextSibling;
      while (node && !(node.nodeType === 1 && /^(UL|OL)$/.test(node.tagName))) {
        var next = node.nextSibling;
        control.appendChild(node);
        node = next;
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", labelTickBoxes);
  } else {
    labelTickBoxes();
  }
})();
