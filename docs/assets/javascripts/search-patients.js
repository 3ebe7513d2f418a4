// Search that understands the words patients type. Loaded before Material's bundle (see
// overrides/main.html); it changes nothing on a page without Material's search.
//
// Material searches with lunr in a Web Worker. This file puts a small stand-in in front of that
// worker, which:
//  - waits to start the worker and to download the search index until the reader opens the search
//    (most visits never search: that saves the index and the worker on every page view);
//  - on setup, gives each page's first index entry a "keywords" field: the page's title and
//    description, and a marker word for the page;
//  - on every query, adds other names of what was typed (glossary aliases, brand -> generic names,
//    lay words), typo-tolerant forms of words the site does not use (lunr's word~1), and the
//    marker of each page that docs/_data/search-words.yml says answers those words;
//  - in the results, lists as "missing" only words the reader typed, never the added ones.
// The word lists come from search-words.js (made by `python -m scripts.search_words`), loaded with
// the index. Without it, search works as Material's own.
(function () {
  "use strict";
  var Base = window.Worker;
  var script = document.currentScript;
  if (!Base || !script) return;
  var wordsUrl = script.getAttribute("data-words");
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var KEYWORDS_BOOST = 10; // the keywords field: title and description weigh more than body text
  var PAGE_BOOST = 60; // a marker clause, per word of the matching phrase in search-words.yml
  var STOP = { a: 1, an: 1, the: 1, and: 1, or: 1, of: 1, in: 1, on: 1, my: 1, i: 1, is: 1, it: 1, to: 1, at: 1, me: 1 };
  var lists = null; // __searchWords, once loaded
  var known = {}; // every word of the index, to tell typos from real words

  // --- Words, as scripts/search_words.py splits them -----------------------------------------
  function words(text) {
    return String(text).toLowerCase().replace(/[\u2019']/g, "").match(/[a-z0-9]+/g) || [];
  }
  function marker(page) {
    return "zzpage" + page.replace(/\.html$/, "").replace(/[^a-z0-9]/g, "");
  }
  // Damerau-Levenshtein distance, stopping early once it is over `max`.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var d = [];
    for (var i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (var j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      var best = max + 1;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        best = Math.min(best, d[i][j]);
      }
      if (best > max) return max + 1;
    }
    return d[a.length][b.length];
  }
  // Is the typed word `t` the listed word `w`, allowing plurals, unfinished words and typos?
  function same(t, w) {
    if (t === w) return true;
    if (w.length >= 4 && t.length >= 4 && w.indexOf(t) === 0) return true; // still typing
    if (t.indexOf(w) === 0 && t.length - w.length <= 2 && w.length >= 3) return true; // plurals
    if (w.length < 5) return false;
    return distance(t, w, w.length >= 8 ? 2 : 1) <= (w.length >= 8 ? 2 : 1);
  }
  // Do the listed phrase's words appear in the typed words, in order (small words skipped)?
  function contains(typed, phrase) {
    var need = words(phrase).filter(function (w) { return !STOP[w]; });
    if (!need.length) return 0;
    var at = 0;
    for (var i = 0; i < typed.length && at < need.length; i++) {
      if (same(typed[i], need[at])) at++;
    }
    return at === need.length ? need.length : 0;
  }

  // --- The query -----------------------------------------------------------------------------
  function rewrite(query) {
    var typed = words(query);
    if (!lists || !typed.length) return query;
    var all = typed.slice(), extra = [];
    function add(word) { if (all.indexOf(word) < 0) { all.push(word); extra.push(word); } }
    typed.forEach(function (w) {
      var isKnown = known[w] || Object.keys(known).some(function (k) { return k.indexOf(w) === 0; });
      if (w.length >= 4 && !STOP[w] && !isKnown) extra.push(w + "~" + (w.length >= 8 ? 2 : 1));
    });
    lists.same.forEach(function (group) {
      if (group.some(function (phrase) { return contains(typed, phrase); })) {
        group.forEach(function (phrase) { words(phrase).forEach(add); });
      }
    });
    Object.keys(lists.pages).forEach(function (page) {
      var score = 0;
      lists.pages[page].forEach(function (phrase) { score += contains(all, phrase); });
      if (score) extra.push(marker(page) + "^" + PAGE_BOOST * score);
    });
    return typed.join(" ") + (extra.length ? " " + extra.join(" ") : "");
  }

  // --- The index -----------------------------------------------------------------------------
  function augment(index) {
    known = {};
    index.docs.forEach(function (doc) {
      words((doc.title || "") + " " + String(doc.text || "").replace(/<[^>]*>/g, " ")).forEach(function (w) { known[w] = 1; });
    });
    if (!lists) return index;
    index.config.fields.keywords = { boost: KEYWORDS_BOOST };
    index.docs.forEach(function (doc) {
      if (doc.location.indexOf("#") >= 0) return;
      var page = doc.location.replace(/^.*\//, "") || "index.html";
      doc.keywords = marker(page) + " " + (lists.describe[page] || "");
    });
    return index;
  }
  // Results: "missing" words are only those the reader typed.
  function clean(message, typed) {
    if (!message || message.type !== RESULT || !message.data || !message.data.items) return message;
    message.data.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = {};
        Object.keys(item.terms || {}).forEach(function (t) { if (typed.indexOf(t) >= 0) terms[t] = item.terms[t]; });
        item.terms = terms;
      });
    });
    return message;
  }

  // --- Loading only when wanted --------------------------------------------------------------
  var wanted = new Promise(function (resolve) {
    if (/[?&]q=/.test(location.search)) resolve();
    document.addEventListener("focusin", function (ev) { if (ev.target.matches && ev.target.matches("[data-md-component=search-query]")) resolve(); });
    document.addEventListener("change", function (ev) { if (ev.target.id === "__search" && ev.target.checked) resolve(); });
    document.addEventListener("click", function (ev) { if (ev.target.closest && ev.target.closest("[for=__search]")) resolve(); }, true);
  });
  var loaded = null;
  function loadWords() {
    if (!loaded) loaded = new Promise(function (resolve) {
      if (!wordsUrl || window.__searchWords) return resolve();
      var tag = document.createElement("script");
      tag.src = wordsUrl;
      tag.onload = tag.onerror = function () { resolve(); };
      document.head.appendChild(tag);
    }).then(function () { lists = window.__searchWords || null; });
    return loaded;
  }

  // Material downloads the index with XMLHttpRequest at start-up: hold that request until wanted.
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this._searchIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request._searchIndex) return send.apply(request, args);
    wanted.then(loadWords).then(function () { send.apply(request, args); });
  };

  // The stand-in: starts the real worker with the first message (the index, sent once wanted).
  function SearchWorker(url, options) {
    if (!/workers\/search\.[^/]*\.js/.test(String(url))) return new Base(url, options);
    var self = new EventTarget(), real = null, typed = [];
    self.postMessage = function (message) {
      if (!real) {
        real = new Base(url, options);
        real.addEventListener("message", function (ev) {
          var event = new MessageEvent("message", { data: clean(ev.data, typed) });
          self.dispatchEvent(event);
          if (typeof self.onmessage === "function") self.onmessage(event);
        });
        real.addEventListener("error", function (ev) { self.dispatchEvent(new ErrorEvent("error", { message: ev.message })); });
      }
      if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
        loadWords().then(function () { real.postMessage({ type: SETUP, data: augment(message.data) }); });
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        typed = words(message.data);
        real.postMessage({ type: QUERY, data: rewrite(message.data) });
      } else {
        real.postMessage(message);
      }
    };
    self.terminate = function () { if (real) real.terminate(); };
    return self;
  }
  window.Worker = SearchWorker;
  // For tests and curious readers: what the search box sends for a query.
  window.searchPatients = { rewrite: rewrite, words: words };
})();
