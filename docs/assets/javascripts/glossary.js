// Glossary words are <abbr title="…">. Make them reachable by keyboard so the tooltip also
// opens on focus, not only on mouse hover. (Material shows the tooltip on hover and focus.)
document$.subscribe(function () {
  document.querySelectorAll(".md-content abbr[title]").forEach(function (el) {
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
  });
});
