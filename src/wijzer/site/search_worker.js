/* Wijzer: Dutch query help in front of Material's search worker (no network, no storage).
 *
 * Material's lunr search matches every typed word as the start of a word on the site, but it
 * does not stem the query: 'omgangsregelingen' does not find 'omgangsregeling', and a typo finds
 * nothing. Before Material's worker sees a query, this script rewrites each plain word:
 *   - Dutch stop words ('ik', 'de', 'moet') are dropped, unless nothing else is left;
 *   - a word that starts no word on the site is replaced by its Dutch stem (the Snowball stemmer
 *     Material ships with lunr) if that does: 'omgangsregelingen' finds 'omgangsregeling';
 *   - if neither does, by the site's closest words (one letter off, two for words of eight
 *     letters or more): a typo still finds the page.
 * Words with search operators (+ - * ~ ^ : or quotes) are left alone.
 * The build writes this file next to Material's worker and appends the line that loads it
 * (wijzer.site.search_index.write_worker).
 */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;
  var vocabulary = [];   // sorted, unique words of the index
  var separator = /[\s\-]+/;

  function lower(text) {
    return text.normalize ? text.normalize("NFC").toLowerCase() : text.toLowerCase();
  }

  function words(text) {
    return lower(String(text || "").replace(/<[^>]+>/g, " ")).split(separator);
  }

  function learn(config, docs) {
    if (config && config.separator) separator = new RegExp(config.separator);
    var seen = Object.create(null);
    var fields = Object.keys((config && config.fields) || { title: 1, text: 1 });
    docs.forEach(function (doc) {
      fields.forEach(function (field) {
        words(doc[field]).forEach(function (word) {
          word = word.replace(/^[^\wà-ÿ]+|[^\wà-ÿ]+$/g, "");
          if (word.length > 1) seen[word] = true;
        });
      });
    });
    vocabulary = Object.keys(seen).sort();
  }

  function startsSomeWord(prefix) {
    var lo = 0, hi = vocabulary.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (vocabulary[mid] < prefix) lo = mid + 1; else hi = mid;
    }
    return lo < vocabulary.length && vocabulary[lo].lastIndexOf(prefix, 0) === 0;
  }

  // Optimal string alignment distance (a swap of two letters counts as one), with a cut-off.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        row[j] = d;
        if (d < best) best = d;
      }
      if (best > max) return max + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function closest(word) {
    var max = word.length >= 8 ? 2 : 1, found = [];
    for (var k = 0; k < vocabulary.length; k++) {
      var candidate = vocabulary[k];
      // compare with whole words, and with the start of longer words (the user may still be typing)
      var d = Math.min(distance(word, candidate, max), distance(word, candidate.slice(0, word.length), max));
      if (d <= max) found.push([d, candidate]);
    }
    found.sort(function (x, y) { return x[0] - y[0] || x[1].length - y[1].length; });
    return found.slice(0, 3).map(function (f) { return f[1]; });
  }

  function stem(word) {
    var nl = self.lunr && self.lunr.nl;
    return nl && nl.stemmer ? String(nl.stemmer(word)) : word;
  }

  function isStopWord(word) {
    var nl = self.lunr && self.lunr.nl;
    return !!(nl && nl.stopWordFilter && !nl.stopWordFilter(word));
  }

  function rewrite(query) {
    if (/["+*~^:]|(^|\s)-/.test(query)) return query;  // the user speaks lunr's query language: leave it
    var terms = lower(query).split(separator).filter(Boolean);
    var content = terms.filter(function (t) { return !isStopWord(t); });
    if (content.length) terms = content;
    if (!vocabulary.length) return terms.join(" ");
    var out = [];
    terms.forEach(function (word, index) {
      if (word.length < 4 || startsSomeWord(word)) { out.push(word); return; }
      var root = stem(word);
      if (root.length >= 4 && root !== word && startsSomeWord(root)) { out.push(root); return; }
      var typing = index === terms.length - 1 && word.length < 5;  // the user may not be done yet
      var near = typing ? [] : closest(word);
      out.push.apply(out, near.length ? near : [word]);
    });
    return out.join(" ");
  }

  // The full text of offers and organisations (wijzer.pages.search_docs): the index Material loads with
  // the page holds their title and one line; the first search fetches the rest, merges it and has
  // Material's worker rebuild its index, then repeats the last query so the results update.
  var READY = 1, setup = null, fullState = "none", lastQuery = null;

  function merge(core, full) {
    var replaced = Object.create(null);
    full.forEach(function (doc) { replaced[doc.location] = true; });
    return core.filter(function (doc) { return !replaced[doc.location]; }).concat(full);
  }

  function loadFullText() {
    var path = setup && setup.config && setup.config.wijzer_fulltext;
    if (!path || fullState !== "none" || typeof fetch !== "function") return;
    fullState = "loading";
    fetch(new URL("../../../" + path, self.location.href).href, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (full) {
        var docs = merge(setup.docs || [], full.docs || []);
        learn(setup.config, docs);
        fullState = "done";
        var send = self.postMessage;
        self.postMessage = function (message) {
          if (message && message.type === READY) {  // the page already knows search is ready
            self.postMessage = send;
            if (lastQuery !== null) self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: lastQuery } }));
            return;
          }
          return send.apply(self, arguments);
        };
        self.dispatchEvent(new MessageEvent("message", { data: {
          type: SETUP, wijzer: true, data: { config: setup.config, docs: docs, options: setup.options } } }));
      })
      .catch(function () { fullState = "failed"; });  // titles and summaries still answer
  }

  self.wijzerRewriteQuery = rewrite;  // for tests and curious readers
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (!message || message.wijzer) return;
    if (message.type === SETUP && message.data) {
      setup = message.data;
      learn(message.data.config, message.data.docs || []);
    }
    if (message.type === QUERY && typeof message.data === "string") {
      lastQuery = message.data;
      if (message.data.trim()) loadFullText();
      message.data = rewrite(message.data);
    }
  });
})();
