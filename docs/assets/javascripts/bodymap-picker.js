// "Where is it numb?": each part of the picture links to its line in the list below it (so it
// works without JavaScript). Here the part links straight to where that line's first link goes.
document$.subscribe(function () {
  document.querySelectorAll(".bodymap-picker a[href^='#']").forEach(function (part) {
    var item = document.getElementById(part.getAttribute("href").slice(1));
    var link = item && item.querySelector("a[href]");
    if (link) part.setAttribute("href", link.getAttribute("href"));
  });
});
