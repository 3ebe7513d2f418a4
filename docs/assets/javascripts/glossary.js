// Glossary words are <abbr title="…">. Make them reachable by keyboard so the tooltip also
// opens on focus, not only on mouse hover. (Material shows the tooltip on hover and focus.)
document$.subscribe(function () {
  document.querySelectorAll(".md-content abbr[title]").forEach(function (el) {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
  });
});

// Pop-ups open above the word (extra.css), so they never cover the line the reader goes on to.
// Near the top of the screen there is no room above (the header would hide it): open it below.
new MutationObserver(function (changes) {
  changes.forEach(function (change) {
    var tip = change.target;
    if (!tip.classList || !tip.classList.contains("md-tooltip2--active") || tip.getAttribute("role") !== "tooltip") return;
    var host = document.querySelector("[aria-describedby='" + tip.id + "']");
    var header = document.querySelector(".md-header");
    if (!host) return;
    var room = host.getBoundingClientRect().top - (header ? header.getBoundingClientRect().bottom : 0);
    tip.classList.toggle("tooltip-below", room < tip.firstElementChild.offsetHeight + 16);
  });
}).observe(document.body, { attributes: true, attributeFilter: ["class"], subtree: true });
