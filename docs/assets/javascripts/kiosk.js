// Waiting-room kiosk (only in the kiosk build: mkdocs-kiosk.yml). Settings come from the page
// (overrides/partials/kiosk.html). What this script does, and why:
// - In-site links open with location.replace, so the browser history never grows; Back uses our
//   own list in sessionStorage instead. After a reset there is exactly one history entry.
// - Links that leave the site show their address and QR code instead (nothing leaves 127.0.0.1).
// - "Take this page home" lists the ticked boxes of the page: the code cannot carry them.
// - No new windows, printing, context menu or drag-out (the Chromium policy blocks them too).
// - After idle_seconds without touch, scroll or keys: "Still reading?" with a countdown; then
//   all stored state is wiped and the DEFAULT language's home screen loads (settings.start: the
//   English home, also from the Russian kiosk in ru/), so the next person starts where everyone
//   starts (WCAG 2.2.1: the user can extend).
// - No words here: everything the patient reads is in the template, in the edition's language.
(function () {
  "use strict";
  var configElement = document.getElementById("kiosk-config");
  if (!configElement) return;
  var settings = JSON.parse(configElement.textContent);
  var IDLE_MS = settings.idle_seconds * 1000;
  var WARNING_MS = settings.warning_seconds * 1000;
  var ATTRACT_MS = settings.attract_seconds * 1000;
  var BACK_KEY = "kiosk-back";
  var ACTIVE_KEY = "kiosk-active";
  var TEXT_KEY = "kiosk-text-step";
  var TEXT_STEPS = [1, 1.15, 1.3, 1.5, 1.75];
  var HOME = document.querySelector("[data-kiosk-home]").href; // this language's home (Home, Back)
  var START = new URL(settings.start || HOME, location.href).href; // the default language's home (reset)

  var idleDialog = document.getElementById("kiosk-idle");
  var externalDialog = document.getElementById("kiosk-external");
  var countdown = idleDialog.querySelector("[data-kiosk-countdown]");
  var attract = document.querySelector("[data-kiosk-attract]");

  if ("scrollRestoration" in history) history.scrollRestoration = "manual";

  function pathOf(url) {
    return new URL(url, location.href).pathname.replace(/index\.html$/, "");
  }
  var onStart = pathOf(location.href) === pathOf(START);

  // ---- Navigation without history -------------------------------------------------------
  function readBack() {
    try { return JSON.parse(sessionStorage.getItem(BACK_KEY)) || []; } catch (error) { return []; }
  }
  function go(url, remember) {
    if (remember) {
      var stack = readBack();
      stack.push(location.href);
      sessionStorage.setItem(BACK_KEY, JSON.stringify(stack.slice(-50)));
    }
    location.replace(url);
  }
  function goBack() {
    var stack = readBack();
    var previous = stack.pop();
    sessionStorage.setItem(BACK_KEY, JSON.stringify(stack));
    location.replace(previous || HOME);
  }

  function showExternal(link, url) {
    var holder = externalDialog.querySelector(".kiosk-external__qr");
    var stored = document.getElementById(link.getAttribute("data-kiosk-external") || "");
    holder.innerHTML = stored ? stored.innerHTML : "";
    externalDialog.querySelector("[data-kiosk-external-address]").textContent =
      url.href.replace(/^(https?|mailto|tel):(\/\/)?/, "").replace(/\/$/, "");
    externalDialog.showModal();
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (!link) return;
    event.preventDefault(); // every link: no new tabs or windows (Ctrl/Shift/middle click), no downloads
    var url = new URL(link.getAttribute("href"), location.href);
    if (link.hasAttribute("data-kiosk-external") || url.origin !== location.origin) {
      showExternal(link, url);
    } else if (/\.pdf$/i.test(url.pathname) || link.hasAttribute("download")) {
      return; // the kiosk has no downloads; such links are hidden too (kiosk.css)
    } else {
      go(url.href, pathOf(url.href) !== pathOf(location.href));
    }
  }, true);

  // ---- Lock-down --------------------------------------------------------------------------
  window.open = function () { return null; };
  window.print = function () {};
  document.querySelectorAll("a[target], a[download]").forEach(function (link) {
    link.removeAttribute("target");
    link.removeAttribute("download");
  });
  function block(event) { event.preventDefault(); }
  document.addEventListener("contextmenu", block, true);
  document.addEventListener("dragstart", block, true);
  document.addEventListener("auxclick", block, true);
  document.addEventListener("keydown", function (event) {
    // Print, save, open file, view source, new window/tab.
    if ((event.ctrlKey || event.metaKey) && /^[psount]$/i.test(event.key)) event.preventDefault();
  }, true);

  // ---- Kiosk bar and dialogs ----------------------------------------------------------------
  // The bar's real height (one row or two, by screen width) keeps focused content clear of it (kiosk.css).
  var bar = document.querySelector(".kiosk-bar");
  if (bar && "ResizeObserver" in window) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--kiosk-bar-height", bar.offsetHeight + "px");
    }).observe(bar);
  }
  document.querySelector("[data-kiosk-back]").addEventListener("click", goBack);
  // Ticks cannot travel in the "Take this page home" code (it is made at build time), so the dialog
  // lists what was ticked, for a photo; overrides/partials/kiosk.html says so.
  function showTicked(dialog) {
    var box = dialog.querySelector("[data-kiosk-ticked]");
    if (!box) return;
    var list = box.querySelector("[data-kiosk-ticked-list]");
    list.textContent = "";
    document.querySelectorAll(".task-list-item input[type=checkbox]:checked").forEach(function (tick) {
      var item = tick.closest(".task-list-item");
      var words = (item.querySelector(".task-list-control") || item).textContent.replace(/\s+/g, " ").trim();
      var line = document.createElement("li");
      line.textContent = words;
      list.appendChild(line);
    });
    box.hidden = !list.children.length;
  }
  document.querySelectorAll("[data-kiosk-open]").forEach(function (button) {
    button.addEventListener("click", function () {
      var dialog = document.getElementById(button.getAttribute("data-kiosk-open"));
      showTicked(dialog);
      dialog.showModal();
    });
  });
  document.querySelectorAll("[data-kiosk-close]").forEach(function (button) {
    button.addEventListener("click", function () { button.closest("dialog").close(); });
  });
  document.querySelectorAll("dialog.kiosk-dialog:not(#kiosk-idle)").forEach(function (dialog) {
    dialog.addEventListener("click", function (event) { // a tap outside the box closes it
      if (event.target === dialog) dialog.close();
    });
  });

  // Text size: scale the root font size (Material sizes everything in rem). Zoom stays allowed.
  var baseFontPx = parseFloat(getComputedStyle(document.documentElement).fontSize);
  function applyTextStep(step) {
    step = Math.max(0, Math.min(TEXT_STEPS.length - 1, step));
    sessionStorage.setItem(TEXT_KEY, String(step));
    document.documentElement.style.fontSize = step ? baseFontPx * TEXT_STEPS[step] + "px" : "";
  }
  var textStep = parseInt(sessionStorage.getItem(TEXT_KEY) || "0", 10) || 0;
  if (textStep) applyTextStep(textStep);
  document.querySelectorAll("[data-kiosk-text]").forEach(function (button) {
    button.addEventListener("click", function () {
      textStep = Math.max(0, Math.min(TEXT_STEPS.length - 1, textStep + parseInt(button.getAttribute("data-kiosk-text"), 10)));
      applyTextStep(textStep);
    });
  });

  // ---- Idle reset ---------------------------------------------------------------------------
  var lastActivity = Date.now();
  var warningSince = null;
  var timer = null;

  function arm(ms) {
    clearTimeout(timer);
    timer = setTimeout(function () { timer = null; check(); }, Math.max(0, ms));
  }

  // Nothing to protect: the untouched start screen (the default language's home) with no stored state.
  function isClean() {
    return onStart && !sessionStorage.getItem(ACTIVE_KEY) && sessionStorage.length === 0 &&
      localStorage.length === 0 && !document.cookie;
  }

  function check() {
    var now = Date.now();
    if (warningSince !== null) {
      var left = WARNING_MS - (now - warningSince);
      if (left <= 0) { reset(); return; }
      countdown.textContent = String(Math.ceil(left / 1000));
      arm(left % 1000 || 1000);
      return;
    }
    var clean = isClean();
    var wait = lastActivity + (clean ? ATTRACT_MS : IDLE_MS) - now;
    // While clean, look again every second: state can appear without a touch we saw.
    if (wait > 0) { arm(clean ? Math.min(wait, 1000) : wait); return; }
    if (clean) attract.hidden = false;
    else showWarning(now);
  }

  function showWarning(now) {
    warningSince = now;
    countdown.textContent = String(settings.warning_seconds);
    if (!idleDialog.open) idleDialog.showModal();
    idleDialog.querySelector("[data-kiosk-keep]").focus();
    arm(1000);
  }

  function keepReading() {
    warningSince = null;
    if (idleDialog.open) idleDialog.close();
    lastActivity = Date.now();
    arm(IDLE_MS);
  }
  idleDialog.querySelector("[data-kiosk-keep]").addEventListener("click", keepReading);
  idleDialog.addEventListener("cancel", function (event) { event.preventDefault(); keepReading(); });

  function activity(event) {
    if (warningSince !== null) return; // only "Keep reading" ends the warning
    lastActivity = Date.now();
    if (event.type !== "scroll") sessionStorage.setItem(ACTIVE_KEY, "1");
    if (timer === null) arm(IDLE_MS);
  }
  ["pointerdown", "pointermove", "touchstart", "wheel", "keydown", "scroll"].forEach(function (type) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  });
  attract.querySelector("[data-kiosk-wake]").addEventListener("click", function () {
    attract.hidden = true;
  });

  function clearCookies() {
    var paths = ["/"];
    location.pathname.split("/").slice(1, -1).reduce(function (path, part) {
      path += "/" + part;
      paths.push(path, path + "/");
      return path;
    }, "");
    document.cookie.split(";").forEach(function (cookie) {
      var name = cookie.split("=")[0].trim();
      if (!name) return;
      paths.forEach(function (path) {
        document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0; path=" + path;
      });
      document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; max-age=0";
    });
  }

  // Wipe everything the last patient left (incl. Material's saved palette and search state,
  // which live in localStorage/sessionStorage), close dialogs and tooltips, then load the default
  // language's home in place of the current page: the history keeps one entry and the page starts
  // at the top. Both languages are served from one origin, so one wipe clears both.
  function reset() {
    clearTimeout(timer);
    document.querySelectorAll("dialog[open]").forEach(function (dialog) { dialog.close(); });
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    try { localStorage.clear(); } catch (error) { /* storage disabled: nothing to clear */ }
    try { sessionStorage.clear(); } catch (error) { /* as above */ }
    clearCookies();
    window.scrollTo(0, 0);
    location.replace(START);
  }

  window.kiosk = { reset: reset }; // for the launcher and tests
  check();
})();
