/* "Your appointment": the "Print the diary" button, and tick boxes that survive a reload.
   The button is hidden in the HTML and shown here, so readers without JavaScript never see a
   button that does nothing. A script file, not an inline onclick, so a strict
   Content-Security-Policy can still block inline code.
   Ticks are kept in sessionStorage: per tab and gone when the tab closes, so the next person at a
   shared computer does not inherit them (the kiosk's reset wipes storage as well). Printing the
   page gives the ticked questions and the diary (diary.css). */
(function () {
  var KEY = "ticked-questions:" + location.pathname;

  function questionOf(box) {
    var item = box.closest(".task-list-item");
    return item ? item.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function readTicks() {
    try { return JSON.parse(sessionStorage.getItem(KEY) || "[]"); } catch (error) { return []; }
  }

  function keepTicks(boxes) {
    var ticked = boxes.filter(function (box) { return box.checked; }).map(questionOf);
    try {
      if (ticked.length) sessionStorage.setItem(KEY, JSON.stringify(ticked));
      else sessionStorage.removeItem(KEY);
    } catch (error) { /* storage switched off: ticks last until the page is left */ }
  }

  function setUp() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".task-list-item input[type=checkbox]"));
    var ticked = readTicks();
    boxes.forEach(function (box) {
      if (ticked.indexOf(questionOf(box)) !== -1) box.checked = true;
      box.addEventListener("change", function () { keepTicks(boxes); });
    });
    // The waiting-room kiosk has no printer (and blocks printing): keep the button hidden there.
    if (document.getElementById("kiosk-config")) return;
    document.querySelectorAll(".diary-print").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
