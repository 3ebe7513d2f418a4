/* "Print the diary" button on "Your appointment". The button is hidden in the HTML and shown
   here, so readers without JavaScript never see a button that does nothing. A script file,
   not an inline onclick, so a strict Content-Security-Policy can still block inline code. */
(function () {
  function setUp() {
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
