// Tables on phones: each row becomes a stacked card with the column's name above each cell
// (CSS in extra.css, under 45em wide). Here each cell gets its column's name, and the table keeps
// its table roles for screen readers when CSS shows it as blocks. Loaded only on pages with tables.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
    if (table.closest(".symptom-diary") || table.hasAttribute("data-stack")) return;
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    if (!names.length) return;
    table.setAttribute("role", "table");
    table.querySelectorAll("tr").forEach(function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.children, function (cell, index) {
        cell.setAttribute("role", cell.tagName === "TH" ? "columnheader" : "cell");
        if (cell.tagName === "TD" && names[index]) cell.setAttribute("data-label", names[index]);
      });
    });
    table.querySelectorAll("thead, tbody").forEach(function (group) { group.setAttribute("role", "rowgroup"); });
    table.setAttribute("data-stack", "");
  });
});
