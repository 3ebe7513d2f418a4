// Search that understands the words patients type. Loaded before Material's bundle (see
// overrides/main.html); it changes nothing on a page without Material's search.
//
// Material searches with lunr in a Web Worker: it adds a wildcard to every word, ranks with lunr
// and counts the pages found. This file puts a small stand-in in front of that worker, which:
//  - waits to start the worker and to download the search index until the reader opens the search
//    (most visits never search: that saves the index and the worker on every page view);
//  - on setup, fills each page's "keywords" field (mkdocs.yml, search: fields) with the page's
//    title and description and a marker word for the page;
//  - on every query (plan): drops common words ("in", "my", "can't": the `stop` list), mends
//    typos and missing spaces against the words the site uses, adds other names of what was typed
//    (glossary, brand names, lay words: `same`), and boosts the marker of each page that
//    docs/_data/search-words.yml says answers those words (`pages`), far more for red-flag words
//    (`first`: they put "When to get help urgently" first);
//  - in the results (keep): lists only pages that have every word the reader typed (or another name
//    or mended form of it), or that search-words.yml sends those words to, so the count Material
//    shows is the number of pages that really match; and never shows "Missing:" words.
// The word lists come from search-words.js (made by `python -m scripts.search_words`), loaded with
// the index. Without it, search works as Material's own. An edition in a language whose words change
// form (Russian) also gets every form of its words there (`lexicon`): a typed word then stands for
// each form of it the site has ("пальцев" for пальцы, пальцах), and the lists match in any form. Its
// `keyboard` lets a query typed with the English layout still on ("jcntj[jylhjp") be read as the
// letters the same keys type on the edition's layout («остеохондроз»), and `translit` one typed in
// Latin letters ("osteohondroz"), when that finds more words.
(function () {
  "use strict";
  var Base = window.Worker;
  var script = document.currentScript;
  if (!Base || !script) return;
  var wordsUrl = script.getAttribute("data-words");
  var SETUP = 0, QUERY = 2, RESULT = 3;
  var PAGE_BOOST = 2000; // a marker clause per word of the listed phrase: above a title match (x1000)
  var FIRST_BOOST = 1000000; // red flags: above anything else a query can score
  var lists = null; // __searchWords, once loaded
  // Word sets are objects without a prototype, so a typed "constructor" is just a word.
  var vocabulary = set(); // every word of the index and of the lists -> in how many index entries
  var listed = set(); // the words of the lists
  var stop = set(); // common words (search-words.yml, stop)
  var formOf = set(); // a word form -> the numbers of the lexemes (one word in all its forms) it is a form of
  var lexemes = []; // a lexeme's number -> its forms

  // Material counts pages (it groups sections under their page), but its English says "documents"
  // (and its Russian "совпадений", matches): the count in the page's language.
  var COUNTS = {
    en: ["No matching pages", "1 matching page", "# matching pages"],
    ru: ["Подходящих страниц нет", "Найдена 1 страница", "Найдено страниц: #"]
  };
  var config = document.getElementById("__config");
  var counts = COUNTS[(document.documentElement.lang || "en").split("-")[0]];
  if (config && counts) {
    var settings = JSON.parse(config.textContent);
    settings.translations["search.result.none"] = counts[0];
    settings.translations["search.result.one"] = counts[1];
    settings.translations["search.result.other"] = counts[2];
    config.textContent = JSON.stringify(settings);
  }

  // --- Words, as scripts/search_words.py splits them -----------------------------------------
  function set() {
    return Object.create(null);
  }
  function words(text) {
    return String(text).toLowerCase().replace(/[\u2019']/g, "").match(/[a-z0-9а-яё]+/g) || [];
  }
  function marker(page) {
    return "zzpage" + page.replace(/\.html$/, "").replace(/[^a-z0-9]/g, "");
  }
  function isStop(word) {
    return word.length < 2 || word in stop;
  }
  function known(word) {
    return word in vocabulary || word in stop || word in formOf;
  }
  // The lexemes a word form belongs to, as keys of a slot's words ("#12").
  function lexemeKeys(word) {
    return (formOf[word] || []).map(function (id) { return "#" + id; });
  }
  // A word and the other forms of it that the site has, or the word alone.
  function forms(word) {
    var found = [word];
    (formOf[word] || []).forEach(function (id) {
      lexemes[id].forEach(function (form) { if (vocabulary[form] && found.indexOf(form) < 0) found.push(form); });
    });
    return found.length > 1 ? found : word;
  }
  // A query typed with the wrong keyboard layout, as the edition's layout reads the same keys.
  function retype(query) {
    var keys = lists.keyboard;
    return String(query).split("").map(function (c) { var at = keys.latin.indexOf(c); return at < 0 ? c : keys.native.charAt(at); }).join("");
  }
  // Russian typed in Latin letters ("osteohondroz"): the longest spelling first at each letter.
  function transliterate(query) {
    var text = String(query).toLowerCase(), out = "", i = 0;
    while (i < text.length) {
      var pair = lists.translit.filter(function (p) { return text.substr(i, p[0].length) === p[0]; })[0];
      out += pair ? pair[1] : text.charAt(i);
      i += pair ? pair[0].length : 1;
    }
    return out;
  }
  // How many of a query's words the site knows (or has a word beginning with, or a near spelling of).
  function recognised(query) {
    return words(query).filter(function (w) {
      if (isStop(w)) return false;
      if (known(w)) return true;
      return w.length >= 3 && (Object.keys(vocabulary).some(function (v) { return v.indexOf(w) === 0; }) || mend(w).length > 0);
    }).length;
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
  // The site's words (and their other forms) a typo most likely meant: the nearest ones (1 slip, 2 in
  // long words), commonest first.
  var spellings = null;
  function mend(word) {
    var max = word.length >= 8 ? 2 : 1, found = [], nearest = max + 1;
    if (!spellings) spellings = Object.keys(vocabulary).concat(Object.keys(formOf).filter(function (w) { return !(w in vocabulary); }));
    spellings.forEach(function (w) {
      if (w.length < 4) return;
      var d = distance(word, w, max);
      if (d < nearest) { nearest = d; found = []; }
      if (d === nearest && d <= max) found.push(w);
    });
    return found.sort(function (a, b) { return (vocabulary[b] || 0) - (vocabulary[a] || 0); }).slice(0, 3);
  }
  // Words run together on a phone ("pinsandneedles"): the site's words they are made of, or null.
  function unjoin(word, depth) {
    for (var i = word.length - 2; i >= 2; i--) {
      var head = word.slice(0, i), rest = word.slice(i);
      if (!known(head)) continue;
      if (known(rest)) return [head, rest];
      var more = depth < 3 && rest.length >= 4 ? unjoin(rest, depth + 1) : null;
      if (more) return [head].concat(more);
    }
    return null;
  }
  // A word as a lunr clause. Material adds a wildcard to plain words (so "numb" finds "numbness");
  // a short word the site knows is kept exact with `^1`, so "wee" does not find "weeks".
  function clause(word) {
    return word.length <= 3 && known(word) ? word + "^1" : word;
  }

  // --- The query -----------------------------------------------------------------------------
  // Each typed word becomes a slot: the word and what it may stand for (its mended forms, its
  // singular, other names), each a list of words a page must all have ("back pain" for "backache").
  // A query is answered by pages that have one of these for every slot that is not a common word.
  // A word of an alternative may be a list of forms, any of which will do.
  function plan(query) {
    var slots = [];
    if (lists && (lists.keyboard || lists.translit) && !/[а-яё]/i.test(query)) {
      // Latin letters on a site in another alphabet: the reading of them the site knows most words of.
      var best = recognised(query);
      [lists.keyboard ? retype(query) : null, lists.translit ? transliterate(query) : null].forEach(function (other) {
        var found = other === null ? 0 : recognised(other);
        if (found > best) { best = found; query = other; }
      });
    }
    function add(slot, phrase, own) {
      var main = words(phrase).filter(function (w) { return !isStop(w); }).map(forms);
      var key = JSON.stringify(main);
      if (main.length && !slot.alts.some(function (a) { return JSON.stringify(a) === key; })) slot.alts.push(main);
      words(phrase).forEach(function (w) {
        [w].concat(lexemeKeys(w)).forEach(function (k) { slot.has[k] = true; if (own) slot.own[k] = true; });
      });
    }
    words(query).forEach(function (typed) {
      var parts = known(typed) || typed.length < 6 || mend(typed).length ? null : unjoin(typed, 1);
      (parts || [typed]).forEach(function (word) {
        var slot = { stop: isStop(word), alts: [], has: set(), own: set() }; // own: the word as typed or mended
        add(slot, word, true);
        if (!slot.stop && word.length >= 4 && !known(word)) {
          var more = Object.keys(listed).filter(function (w) { return w.indexOf(word) === 0; }); // still typing
          if (!more.length && !Object.keys(vocabulary).some(function (w) { return w.indexOf(word) === 0; })) more = mend(word);
          more.slice(0, 3).forEach(function (w) { add(slot, w, true); });
        }
        if (/[^s]s$/.test(word) && known(word.slice(0, -1))) add(slot, word.slice(0, -1), true); // fingers -> finger
        slots.push(slot);
      });
    });
    var result = { slots: slots, routes: {}, query: "" };
    // Which slots a listed phrase uses (its words in any order; its common words are optional unless
    // it has no others, as in "can't feel"), or null.
    function uses(phrase, field) {
      var need = words(phrase), main = need.filter(function (w) { return !isStop(w); }), used = [];
      (main.length ? main : need).forEach(function (w) {
        var at = -1, keys = [w].concat(lexemeKeys(w)); // in any of its forms
        slots.forEach(function (s, i) { if (at < 0 && keys.some(function (k) { return s[field][k]; })) at = i; });
        used.push(at);
      });
      return used.length && used.indexOf(-1) < 0 ? used : null;
    }
    if (lists) {
      // Other names: a slot a phrase of the group uses may also be found by the group's other phrases
      // (one step: "nurofen" finds ibuprofen, but not every medicine ibuprofen is grouped with).
      lists.same.forEach(function (group) {
        group.forEach(function (phrase) {
          (uses(phrase, "own") || []).forEach(function (i) {
            group.forEach(function (other) { add(slots[i], other); });
            slots[i].stop = false; // "can't feel" means numb
          });
        });
      });
      // Pages that answer these words: the more words of a listed phrase, the higher.
      [[lists.first, FIRST_BOOST], [lists.pages, PAGE_BOOST]].forEach(function (pair) {
        Object.keys(pair[0]).forEach(function (page) {
          var score = Math.max.apply(null, pair[0][page].map(function (phrase) { return (uses(phrase, "has") || []).length; }));
          if (score > 0 && !result.routes[page]) result.routes[page] = pair[1] * score;
        });
      });
    }
    var terms = [];
    slots.forEach(function (s) {
      if (s.stop) return;
      s.alts.forEach(function (alt) {
        [].concat.apply([], alt).forEach(function (w) { if (terms.indexOf(clause(w)) < 0) terms.push(clause(w)); });
      });
    });
    Object.keys(result.routes).forEach(function (page) { terms.push(marker(page) + "^" + result.routes[page]); });
    result.query = slots.some(function (s) { return !s.stop; }) ? terms.join(" ") : ""; // only common words: no results
    return result;
  }

  // --- The index -----------------------------------------------------------------------------
  function augment(index) {
    vocabulary = set();
    spellings = null;
    index.docs.forEach(function (doc) {
      var seen = set();
      words((doc.title || "") + " " + String(doc.text || "").replace(/<[^>]*>/g, " ")).forEach(function (w) {
        if (!seen[w]) { seen[w] = 1; vocabulary[w] = (vocabulary[w] || 0) + 1; }
      });
    });
    if (!lists) return index;
    var phrases = [].concat.apply([], lists.same);
    [lists.first, lists.pages].forEach(function (map) { Object.keys(map).forEach(function (page) { phrases = phrases.concat(map[page]); }); });
    listed = set();
    words(phrases.join(" ")).forEach(function (w) { if (!(w in stop)) listed[w] = true; });
    Object.keys(listed).forEach(function (w) { if (!vocabulary[w]) vocabulary[w] = 0; });
    index.docs.forEach(function (doc) {
      if (doc.location.indexOf("#") >= 0) return;
      var page = doc.location.replace(/^.*\//, "") || "index.html";
      doc.keywords = marker(page) + " " + (lists.describe[page] || "");
    });
    return index;
  }

  // --- The results ---------------------------------------------------------------------------
  // Material sends one group per page (the page and its sections), each item with the query words
  // it has. Keep the pages that have every typed word (in one of its forms) or that the lists send
  // those words to; if no page has them all, the pages that have the most.
  function keep(message, asked) {
    if (!message || message.type !== RESULT || !message.data || !message.data.items) return message;
    var needed = asked.slots.filter(function (s) { return !s.stop; });
    var scored = message.data.items.map(function (group) {
      var has = set();
      group.forEach(function (item) { Object.keys(item.terms || {}).forEach(function (t) { if (item.terms[t]) has[t] = true; }); });
      var page = group[0].location.split("#")[0].replace(/^.*\//, "") || "index.html";
      var found = needed.filter(function (s) {
        return s.alts.some(function (alt) { return alt.every(function (w) { return [].concat(w).some(function (x) { return has[x]; }); }); });
      }).length;
      return { group: group, found: asked.routes[page] ? needed.length : found };
    });
    var most = Math.max.apply(null, [0].concat(scored.map(function (x) { return x.found; })));
    message.data.items = scored.filter(function (x) { return most > 0 && x.found === most; }).map(function (x) {
      x.group.forEach(function (item) { // no "Missing:" line, no marker words
        var terms = set();
        Object.keys(item.terms || {}).forEach(function (t) { if (item.terms[t] && t.indexOf("zzpage") !== 0) terms[t] = true; });
        item.terms = terms;
      });
      return x.group;
    });
    return message;
  }

  // The lexicon: stems, each with the number (base 36) of its list of endings ("пал.1" + "ец|ьца|...").
  function readLexicon(lexicon) {
    var endings = lexicon.endings.map(function (list) { return list.split("|"); });
    lexicon.stems.split(" ").forEach(function (entry, id) {
      var dot = entry.lastIndexOf("."), stem = entry.slice(0, dot);
      var all = endings[parseInt(entry.slice(dot + 1), 36)].map(function (ending) { return stem + ending; });
      lexemes.push(all);
      all.forEach(function (form) { (formOf[form] = formOf[form] || []).push(id); });
    });
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
    }).then(function () {
      lists = window.__searchWords || null;
      if (lists) Object.keys(lists.stop).forEach(function (w) { stop[w] = true; });
      if (lists && lists.lexicon) readLexicon(lists.lexicon);
    });
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
    var self = new EventTarget(), real = null, asked = []; // queries sent, answered in order
    self.postMessage = function (message) {
      if (!real) {
        real = new Base(url, options);
        real.addEventListener("message", function (ev) {
          var query = ev.data && ev.data.type === RESULT ? asked.shift() : null;
          var event = new MessageEvent("message", { data: query ? keep(ev.data, query) : ev.data });
          self.dispatchEvent(event);
          if (typeof self.onmessage === "function") self.onmessage(event);
        });
        real.addEventListener("error", function (ev) { self.dispatchEvent(new ErrorEvent("error", { message: ev.message })); });
      }
      if (message && message.type === SETUP && message.data && Array.isArray(message.data.docs)) {
        loadWords().then(function () { real.postMessage({ type: SETUP, data: augment(message.data) }); });
      } else if (message && message.type === QUERY && typeof message.data === "string") {
        var query = plan(message.data);
        asked.push(query);
        real.postMessage({ type: QUERY, data: query.query });
      } else {
        real.postMessage(message);
      }
    };
    self.terminate = function () { if (real) real.terminate(); };
    return self;
  }
  window.Worker = SearchWorker;
  // For curious readers: what the search box sends for a query.
  window.searchPatients = { plan: plan, words: words };
})();
