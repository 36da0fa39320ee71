/* Wijzer search engine and results panel (loaded by search.js on the first focus of the field).
 * The index (src/wijzer/site/search/index.py): search/meta.js, search/t/<xx>.js per two first
 * letters of a term, search/d/<n>.js per page, search/stem.js (Snowball's Dutch stemmer). A query
 * is folded (lower case, no accents), law articles become one token (1:377c -> 1_377c), spelling
 * variants are replaced, stop words dropped, each word stemmed as the index is (kinderen -> kinder);
 * each stem matches the terms that equal it, that it starts (typing, parts of compounds), that
 * are it plus a Dutch ending (scheid -> scheiding), else terms one or two typos away.
 * A page scores per word with the best matching term (idf x stored score); pages that match
 * more of the words (weighted by how rare they are) rank far higher. The best pages then get a
 * bonus when query words stand next to each other or close together in their title, a heading
 * or the text (proximity). Best bets come first. */
(function () {
  "use strict";
  var api = window.wzSearch;
  var SHOWN = 8;
  var RERANK = SHOWN;  // the pages shown get the proximity bonus: their files are loaded anyway
  var meta = null, stemmer = null, stems = {};

  // Same as wijzer.core.search_text.stem: only words of letters are stemmed.
  function stem(word) {
    if (!/^[a-z]+$/.test(word)) return word;
    if (!(word in stems)) stems[word] = stemmer(word);
    return stems[word];
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  // Same as wijzer.core.search_text.law_tokens.
  function lawTokens(text) {
    return text
      .replace(/\b(\d{1,2})\s*[:\-]\s*(\d{1,4}[a-z]{0,2})\b/g, " $1_$2 $2 ")
      .replace(/\b(\d{1,3}(?:\.\d{1,3}){1,3}[a-z]{0,2})\b/g, function (m) { return " " + m.replace(/\./g, "_") + " "; });
  }
  // A hyphenated word stays one word (co-ouderschap): rank() looks it up written together, as the
  // index also holds it (wijzer.core.search_text.words), else as its parts.
  function words(text) {
    return lawTokens(fold(text)).match(/[a-z0-9_]+(?:-[a-z]+)*/g) || [];
  }

  function respell(list) {
    var line = " " + list.join(" ") + " ";
    Object.keys(meta.spell).sort(function (a, b) { return b.length - a.length; }).forEach(function (variant) {
      line = line.split(" " + variant + " ").join(" " + meta.spell[variant] + " ");
    });
    return line.trim().split(" ").filter(Boolean);
  }

  function analyse(query) {
    var all = respell(words(query)), stop = meta.stopSet;
    var content = all.filter(function (w) { return !stop[w]; });
    var list = content.length ? content : all;
    var seen = {};
    return list.filter(function (w) { if (seen[w]) return false; seen[w] = 1; return true; });
  }

  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      var row = [i], best = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
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

  // Dutch endings that Snowball leaves on a stem (scheiding, but scheiden -> scheid): a stem plus
  // one of these is the same word in another form.
  var ENDINGS = ["ing", "ingen", "heid", "e", "s", "en", "er", "ers", "st", "t", "d"];

  // The terms of the index a query word stands for, with how sure we are: [[term, weight], ...].
  // word: the stem; raw: the word as typed (the last word may be half typed: its prefix counts).
  function candidates(word, shard, last, raw) {
    var out = [], terms = Object.keys(shard), exact = false;
    terms.forEach(function (t) {
      if (t === word) { out.push([t, 1]); exact = true; }
      else if (t.length >= 3 && word.indexOf(t) === 0 && ENDINGS.indexOf(word.slice(t.length)) !== -1) out.push([t, 0.9]);
      else if (t.indexOf(word) === 0 && ENDINGS.indexOf(t.slice(word.length)) !== -1) out.push([t, 0.85]);
      else if (raw.length >= 3 && t.indexOf(raw) === 0) out.push([t, last ? 0.8 : 0.3]);  // typing on, a compound
    });
    if (word.length >= 5 && !/[0-9_]/.test(word)) {  // typos (never in numbers); also other vowels (afspreken, afspraken)
      var max = exact ? 1 : word.length >= 8 ? 2 : 1, known = {};
      out.forEach(function (c) { known[c[0]] = 1; });
      if (!exact || word.length >= 7) terms.forEach(function (t) {
        if (known[t] || Math.abs(t.length - word.length) > max) return;
        var d = distance(word, t, max);
        if (d <= max) out.push([t, exact ? 0.4 : d === 1 ? 0.7 : 0.5]);
      });
    }
    if (out.length > 40) {  // a short prefix: keep the most telling terms
      out.sort(function (a, b) { return b[1] - a[1] || a[0].length - b[0].length; });
      out = out.slice(0, 40);
    }
    return out;
  }

  function postings(flat) {
    var out = [], id = 0;
    for (var i = 0; i < flat.length; i += 2) { id += flat[i]; out.push([id, flat[i + 1]]); }
    return out;
  }

  function idf(df) {
    return Math.log(1 + (meta.n - df + 0.5) / (df + 0.5));
  }

  function loadShards(list) {
    var names = {};
    list.forEach(function (word) {
      word.split("-").concat([word.replace(/-/g, "")]).forEach(function (w) { if (meta.shardSet[w.slice(0, 2)]) names[w.slice(0, 2)] = 1; });
    });
    return Promise.all(Object.keys(names).map(function (k) {
      return api.load("t/" + k).then(function (data) { return [k, data]; });
    })).then(function (pairs) {
      var shards = {};
      pairs.forEach(function (p) { shards[p[0]] = p[1]; });
      return shards;
    });
  }

  // Proximity: for each pair of query words that follow each other in the query, 1 when they stand
  // next to each other in that order in the title, a heading or the text (stop words left out:
  // "kind wil niet naar vader" holds "kind vader"), 0.5 when they stand within WINDOW words of each
  // other, else 0; a page's bonus is the mean over the pairs. A word counts where its stem is one of
  // the query word's sure terms (the same stem, another form, one typo).
  var WINDOW = 4, PROXIMITY = 1, SURE = 0.7;

  function positions(field, sure, starts) {
    var tokens = lawTokens(fold(field)).match(/[a-z0-9_]+/g) || [], at = [], n = 0;
    sure.forEach(function () { at.push([]); });
    tokens.forEach(function (token) {
      if (meta.stopSet[token]) return;
      if (starts[token.slice(0, 2)]) {
        var s = stem(token);
        sure.forEach(function (terms, k) { if (terms[s]) at[k].push(n); });
      }
      n++;
    });
    return at;
  }

  function proximity(doc, sure) {
    var starts = {};
    sure.forEach(function (terms) { Object.keys(terms).forEach(function (t) { starts[t.slice(0, 2)] = 1; }); });
    var fields = [doc.t].concat(doc.h || [], [doc.x]), best = [];
    for (var k = 0; k + 1 < sure.length; k++) best.push(0);
    fields.forEach(function (field) {
      var at = positions(field, sure, starts);
      best.forEach(function (value, k) {
        at[k].forEach(function (i) {
          at[k + 1].forEach(function (j) {
            var v = j - i === 1 ? 1 : Math.abs(j - i) <= WINDOW ? 0.5 : 0;
            if (v > best[k]) best[k] = v;
          });
        });
      });
    });
    return best.length ? best.reduce(function (a, b) { return a + b; }, 0) / best.length : 0;
  }

  function rank(query) {
    var list = analyse(query);
    if (!list.length) return Promise.resolve({ words: [], terms: [], ids: [] });
    return loadShards(list).then(function (shards) {
      var scores = {}, hits = {}, total = 0, matched = [], sure = [];
      var expanded = [];
      list.forEach(function (word, index) {
        var last = index === list.length - 1;
        if (word.indexOf("-") === -1) { expanded.push([word, last]); return; }
        var joined = word.replace(/-/g, "");
        if (candidates(stem(joined), shards[joined.slice(0, 2)] || {}, last, joined).length) expanded.push([joined, last]);
        else word.split("-").forEach(function (part) { if (!meta.stopSet[part]) expanded.push([part, last]); });
      });
      expanded.forEach(function (pair) {
        var word = stem(pair[0]), shard = shards[word.slice(0, 2)] || {};
        var cands = candidates(word, shard, pair[1], pair[0]);
        if (!cands.length) return;
        var best = {}, weightOfWord = 0, terms = {};
        cands.forEach(function (c) {
          var p = postings(shard[c[0]]), w = idf(p.length);
          weightOfWord = Math.max(weightOfWord, w * c[1]);
          matched.push(c[0]);
          if (c[1] >= SURE) terms[c[0]] = 1;
          p.forEach(function (pair) {
            var s = c[1] * w * pair[1] / 10;
            if (!best[pair[0]] || best[pair[0]] < s) best[pair[0]] = s;
          });
        });
        sure.push(terms);
        total += weightOfWord;
        Object.keys(best).forEach(function (id) {
          scores[id] = (scores[id] || 0) + best[id];
          hits[id] = (hits[id] || 0) + weightOfWord;
        });
      });
      var ids = Object.keys(scores).map(Number);
      var final = {};
      ids.forEach(function (id) {
        var coverage = total ? hits[id] / total : 1;
        final[id] = scores[id] * coverage * coverage * coverage;
      });
      function byScore(a, b) { return final[b] - final[a] || a - b; }
      ids.sort(byScore);
      var top = sure.length > 1 ? ids.slice(0, RERANK) : [];
      return Promise.all(top.map(function (id) { return api.load("d/" + id); })).then(function (docs) {
        var near = {};
        docs.forEach(function (doc, i) {
          near[top[i]] = proximity(doc, sure);
          final[top[i]] *= 1 + PROXIMITY * near[top[i]];
        });
        ids = top.sort(byScore).concat(ids.slice(top.length));
        var bets = meta.bets[list.map(function (w) { return w.replace(/-/g, ""); }).join(" ")] || [];
        ids = bets.concat(ids.filter(function (id) { return bets.indexOf(id) === -1; }));
        return { words: list, terms: matched, ids: ids, scores: final, coverage: hits, total: total, near: near };
      });
    });
  }

  // ---------------------------------------------------------------- snippet around the matched words

  function foldKeepLength(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var f = fold(text[i]);
      out += f.length === 1 ? f : (f[0] || " ");
    }
    return out;
  }

  function termPattern(terms) {
    var parts = terms.filter(function (t) { return t.length >= 2; }).map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/_/g, "[:.\\- ]");
    });
    parts.sort(function (a, b) { return b.length - a.length; });
    return parts.length ? new RegExp("(^|[^a-z0-9])(" + parts.join("|") + ")[a-z0-9]*", "g") : null;
  }

  function snippet(text, terms) {
    var folded = foldKeepLength(text), pattern = termPattern(terms), found = [];
    if (pattern) {
      var m;
      while ((m = pattern.exec(folded)) !== null && found.length < 200) {
        var start = m.index + m[1].length;
        found.push([start, start + m[0].length - m[1].length, m[2]]);
      }
    }
    var from = 0, width = 180;
    if (found.length) {  // the window with the most different words
      var bestCount = -1;
      found.forEach(function (f) {
        var seen = {};
        found.forEach(function (g) { if (g[0] >= f[0] && g[1] <= f[0] + width) seen[g[2]] = 1; });
        var n = Object.keys(seen).length;
        if (n > bestCount) { bestCount = n; from = f[0]; }
      });
      from = Math.max(0, from - 50);
      var space = text.lastIndexOf(" ", from);
      from = from === 0 ? 0 : (space === -1 ? from : space + 1);
    }
    var to = Math.min(text.length, from + width + 60);
    var cut = text.indexOf(" ", to);
    to = cut === -1 ? text.length : cut;
    var parts = [], at = from;
    found.forEach(function (f) {
      if (f[0] < at || f[1] > to) return;
      parts.push([text.slice(at, f[0]), false], [text.slice(f[0], f[1]), true]);
      at = f[1];
    });
    parts.push([text.slice(at, to), false]);
    if (from > 0) parts[0][0] = "… " + parts[0][0];
    if (to < text.length) parts[parts.length - 1][0] += " …";
    return parts;
  }

  // ---------------------------------------------------------------- results panel

  var input, panel, status, list, more, lastQuery = null, counter = 0;
  var typing = null;  // the search the last keystroke asked for, 60 ms later
  var WHOLE_INPUT = /^insert(FromPaste|FromDrop|ReplacementText)$/;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // The list shown: its answer, and how many of its pages are in the list (the rest come with "Toon meer").
  var current = null;

  function counted() {
    var total = current.result.ids.length;
    status.textContent = total === 1 ? "1 resultaat" : total + " resultaten" +
      (total > current.shown ? ", de beste " + current.shown + " staan hieronder" : "");
    var left = total - current.shown;
    more.hidden = left <= 0;
    more.textContent = left > 0 ? "Toon " + Math.min(left, SHOWN) + " meer resultaten" : "";
  }

  function clear() {
    list.textContent = "";
    more.hidden = true;
    current = null;
  }

  function render(result, docs, query) {
    // A late answer to the last query may arrive after the visitor has moved into the results
    // with the arrow keys: keep focus on the same place in the new list instead of losing it.
    var focused = links().indexOf(document.activeElement);
    clear();
    if (!result.words.length) { status.textContent = ""; if (focused !== -1) input.focus(); return; }
    if (!docs.length) {
      status.textContent = "Geen resultaten voor ‘" + query + "’. Probeer een ander woord, of kijk bij Hulp zoeken.";
      if (focused !== -1) input.focus();
      return;
    }
    current = { result: result, shown: docs.length };
    counted();
    docs.forEach(function (doc) { list.appendChild(item(doc, result.terms)); });
    if (focused !== -1) { var now = links(); if (now.length) now[Math.min(focused, now.length - 1)].focus(); }
  }

  // The next pages of the same answer, below the others; the focus goes to the first new one.
  function showMore() {
    if (!current) return;
    var mine = counter, from = current.shown, shown = current;
    var ids = shown.result.ids.slice(from, from + SHOWN);
    Promise.all(ids.map(function (id) { return api.load("d/" + id); })).then(function (docs) {
      if (mine !== counter || shown !== current) return;  // a new search came in between
      var first = null;
      docs.forEach(function (doc) {
        var li = item(doc, shown.result.terms);
        list.appendChild(li);
        first = first || li.querySelector("a");
      });
      shown.shown += docs.length;
      counted();
      if (first) first.focus();
    }).catch(function () {
      if (mine === counter) status.textContent = "Meer resultaten laden lukt nu niet. Probeer het opnieuw.";
    });
  }

  function item(doc, terms) {
    var li = el("li", "wz-search__result");
    var a = el("a", "wz-search__link");
    a.href = api.root + doc.u;
    a.appendChild(el("span", "wz-search__kind", doc.k));
    a.appendChild(el("span", "wz-search__title", doc.t));
    li.appendChild(a);
    var p = el("p", "wz-search__snippet");
    snippet(doc.x, terms).forEach(function (part) {
      p.appendChild(part[1] ? el("mark", null, part[0]) : document.createTextNode(part[0]));
    });
    li.appendChild(p);
    if (doc.p) {
      var phone = el("p", "wz-search__phone", "Telefoon: ");
      var tel = el("a", null, doc.p);
      tel.href = "tel:" + doc.p.replace(/[^0-9+]/g, "");
      phone.appendChild(tel);
      li.appendChild(phone);
    }
    return li;
  }

  function search(query) {
    var mine = ++counter;
    lastQuery = query;
    open();
    if (!query.trim()) { clear(); status.textContent = "Typ een woord of een vraag."; return Promise.resolve(); }
    return rank(query).then(function (result) {
      var top = result.ids.slice(0, SHOWN);
      return Promise.all(top.map(function (id) { return api.load("d/" + id); })).then(function (docs) {
        if (mine === counter) {
          render(result, docs, query);
          panel.setAttribute("data-wz-query", query);  // for tests: the list shows this query
        }
      });
    }).catch(function () {
      if (mine === counter) status.textContent = "Zoeken lukt nu niet. Laad de pagina opnieuw of kijk bij Hulp zoeken.";
    });
  }

  function open() { panel.hidden = false; }
  // Closing also drops a search still waiting for the end of typing: Escape right after the last
  // letter must not see the panel open again 60 ms later.
  function close() { clearTimeout(typing); panel.hidden = true; }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a.wz-search__link")); }

  function setup() {
    input = document.getElementById("wz-search-input");
    panel = document.getElementById("wz-search-panel");
    list = document.getElementById("wz-search-results");
    status = el("p", "wz-search__status");  // made here, so pages without a search have no extra live region
    status.id = "wz-search-status";
    status.setAttribute("role", "status");
    panel.insertBefore(status, list);
    more = el("button", "wz-search__more");
    more.type = "button";
    more.hidden = true;
    more.addEventListener("click", showMore);
    panel.appendChild(more);
    var box = document.getElementById("wz-search");
    input.addEventListener("input", function (ev) {
      clearTimeout(typing);
      // A pasted or dropped question, or a word the phone keyboard puts in, comes whole: answer at
      // once. While someone types, wait 60 ms for the next letter.
      if (WHOLE_INPUT.test(ev.inputType || "")) search(input.value);
      else typing = setTimeout(function () { search(input.value); }, 60);
    });
    input.addEventListener("focus", function (ev) {  // coming back to the field from elsewhere: show the results again
      if (input.value.trim() && !(ev.relatedTarget && box.contains(ev.relatedTarget))) search(input.value);
    });
    box.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = links()[0];
      if (first) location.href = first.href; else search(input.value);
    });
    box.addEventListener("keydown", function (ev) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (ev.key === "Escape") {  // closes the results; with none open, leaves the field (then Escape may mean 'Snel weg')
        // (preventDefault: a search field would also empty itself, and that would start a search)
        if (!panel.hidden) { ev.preventDefault(); close(); input.focus(); } else input.blur();
        ev.stopPropagation();
      }
      else if (ev.key === "ArrowDown" && all.length) { ev.preventDefault(); all[Math.min(at + 1, all.length - 1)].focus(); }
      else if (ev.key === "ArrowUp" && at !== -1) { ev.preventDefault(); if (at === 0) input.focus(); else all[at - 1].focus(); }
    });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target)) close(); });
    box.addEventListener("focusout", function (ev) { if (ev.relatedTarget && !box.contains(ev.relatedTarget)) close(); });
    if (input.value.trim()) search(input.value);
  }

  Promise.all([api.load("meta"), api.load("stem")]).then(function (loaded) {
    var data = loaded[0];
    stemmer = loaded[1];
    meta = data;
    meta.stopSet = {};
    data.stop.forEach(function (w) { meta.stopSet[w] = 1; });
    meta.shardSet = {};
    data.shards.forEach(function (s) { meta.shardSet[s] = 1; });
    setup();
    api.search = search;
    api.rank = rank;
    api.analyse = analyse;
    api.stem = stem;
    api.add("engine", true);
  });
})();
