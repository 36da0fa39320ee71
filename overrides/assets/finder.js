/* Finder ("Hulp zoeken"): progressive enhancement of the server-rendered list of offers.
   Reads every card's data-* facets once, filters by toggling one class per card (no re-rendering;
   a class, not the `hidden` attribute: Material's CSS has "x:not([hidden]) ~ y" rules, so every
   `hidden` change makes Chromium check all following siblings, quadratic over 5000 cards) and keeps
   the filters in the URL (typing replaces the history entry, a committed change adds one, Back
   restores). Matching rules: see src/wijzer/pages/finder.py. Does nothing on pages without the finder.
   Each card's facets are one code (data-f: per facet a group of one-letter codes, groups joined
   by '-', letters as in the checkboxes' data-code). Summaries of cards after the first
   data-summaries-inline come from data-summaries<n>.json (same site) when the cards come into
   view, or all at once for a free-text search. With JavaScript the list shows the first
   data-page-size matches and a "Toon meer" button (a filter change touches at most two pages of
   cards, not thousands). The page carries the first page of cards; the others (data-cards, one
   file, the same for everyone) come on the first focus or touch in the finder, or at once when the
   URL has filters. No storage, no inline script or handlers (CSP script-src 'self'). */
(function () {
  "use strict";

  var slice = Array.prototype.slice;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(value) {
    return value ? value.split(" ") : [];
  }

  function intersects(values, wanted) {
    for (var i = 0; i < values.length; i++) if (wanted.indexOf(values[i]) >= 0) return true;
    return false;
  }

  function setup(root) {
    var form = root.querySelector("form");
    var gemeenteInput = form.elements.namedItem("gemeente");
    var ageInput = form.elements.namedItem("leeftijd");
    var textInput = form.elements.namedItem("zoek");
    var hint = root.querySelector("[data-wz-gemeente-hint]");
    // What a screen reader hears when a typed name is committed ("Bedoel je Weert?"): a status that
    // changes only then, not at every letter (the hint itself changes while typing).
    var said = root.querySelector("[data-wz-gemeente-said]");
    var hintText = hint.textContent;
    var countEl = root.querySelector("[data-wz-count]");
    var activeBox = root.querySelector("[data-wz-active]");
    var chipList = root.querySelector("[data-wz-chips]");
    var gemeenteLink = root.querySelector("[data-wz-gemeente-link]");
    var empty = root.querySelector("[data-wz-empty]");
    var emptyGemeente = root.querySelector("[data-wz-empty-gemeente]");
    var more = root.querySelector("[data-wz-more]");
    var hrefPattern = root.getAttribute("data-gemeente-href");

    // Gemeenten, from the datalist: official name, alias, code or slug all resolve to one gemeente.
    // Typed names go through the "Waar woon je?" matcher (picker.js: aliases, typos, prefixes, no
    // accents); more than one match ("Bergen") is not a choice: the hint asks which one.
    var byKey = {};
    var gemeenten = [];
    slice.call(root.querySelectorAll("datalist option")).forEach(function (option) {
      var code = option.getAttribute("data-code");
      var g = byKey[code.toLowerCase()];
      if (!g) {
        g = {
          code: code,
          name: option.getAttribute("data-name"),
          slug: option.getAttribute("data-slug"),
          regions: words(option.getAttribute("data-regions")),
          aliases: []
        };
        gemeenten.push(g);
      }
      byKey[code.toLowerCase()] = g;
      byKey[g.slug] = g;
      if (option.value !== g.name) g.aliases.push(option.value);
    });
    var matchGemeente = null;  // made on first use: picker.js may run after this script
    function match(text) {
      if (!matchGemeente && window.WijzerGemeenten) matchGemeente = window.WijzerGemeenten.matcher(gemeenten);
      return matchGemeente ? matchGemeente(text) : { found: [] };
    }
    var candidates = [];  // the gemeenten the last typed text could mean, when more than one
    function resolve(text) {
      candidates = [];
      var trimmed = text.trim();
      if (!trimmed) return null;
      if (byKey[trimmed.toLowerCase()]) return byKey[trimmed.toLowerCase()];
      var result = match(trimmed);
      // A name only close to a gemeente ("Weesp": Weert?) or its beginning ("Grave": 's-Gravenhage?)
      // is asked about, as on the home page.
      if (result.found.length === 1 && result.how === "exact") return result.found[0];
      if (result.found.length) candidates = result.found;
      return null;
    }

    var facets = slice.call(form.querySelectorAll("fieldset[data-facet]")).map(function (fieldset) {
      var boxes = slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
      return { attr: fieldset.getAttribute("data-facet"), param: boxes[0].name, boxes: boxes, more: !!more && more.contains(fieldset) };
    });
    var results = root.querySelector(".wz-finder__results");
    var list = root.querySelector(".wz-finder__list");
    var audienceFacet = -1;
    facets.forEach(function (f, i) { if (f.attr === "audiences") audienceFacet = i; });

    // Precomputed once per card: its facets as arrays, its age range, its area.
    function readCards(elements) {
      return elements.map(readCard);
    }
    function readCard(li) {
      var d = li.dataset;
      var ages = d.ages ? d.ages.split("-") : null;
      var groups = (d.f || "").split("-");
      return {
        el: li,
        shown: !li.classList.contains("wz-finder__off"),
        national: d.national !== undefined,
        pro: d.pro !== undefined,
        gemeenten: words(d.gemeenten),
        regions: words(d.regions),
        min: ages ? Number(ages[0]) : -Infinity,
        max: ages ? Number(ages[1]) : Infinity,
        facets: facets.map(function (f, i) { return groups[i] ? groups[i].split("") : []; }),
        text: null
      };
    }
    var items = readCards(slice.call(list.children));

    // The page carries the first page of cards; the others (data-cards, one file that is the same
    // for everyone) come on the first interaction with the finder, or at once for a link with filters.
    // Until then an unfiltered list is what the page shows, and the counts come from the page.
    var cardsUrl = root.getAttribute("data-cards");
    var total = Number(root.getAttribute("data-total")) || items.length;
    var forParents = Number(root.getAttribute("data-for-parents")) || items.length;
    var restLoaded = !cardsUrl;
    var restPromise = null;
    function loadRest() {
      if (!restPromise) {
        restPromise = restLoaded ? Promise.resolve() : fetch(cardsUrl, { credentials: "same-origin" })
          .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
          .then(function (cards) {
            var holder = document.createElement("template");
            holder.innerHTML = cards.html;  /* our own escaped template output, from this site */
            var added = readCards(slice.call(holder.content.children));
            added.forEach(function (item) { item.el.classList.add("wz-finder__off"); item.shown = false; });
            list.appendChild(holder.content);
            var offset = items.length;
            items = items.concat(added);
            localOrder = localThenNational(items);
            localFirst = null;  // the next filter puts every card in its place
            restLoaded = true;
            observeSummaries(offset);
          })
          .catch(function () { restPromise = null; });  // the first page stays usable; a later interaction tries again
      }
      return restPromise;
    }
    // Runs `then` once every card is in the page (at once if it is); the list is busy meanwhile.
    function withAllCards(then) {
      if (restLoaded) return then();
      results.setAttribute("aria-busy", "true");
      loadRest().then(function () {
        results.removeAttribute("aria-busy");
        then();
      });
    }
    ["focusin", "pointerdown"].forEach(function (type) {
      root.addEventListener(type, function () { loadRest(); }, { once: true });
    });
    function searchText(item) {
      if (item.text === null) item.text = fold(item.el.textContent.replace(/\s+/g, " "));
      return item.text;
    }

    function readForm() {
      var age = ageInput.value === "" ? NaN : Number(ageInput.value);
      return {
        gemeente: resolve(gemeenteInput.value),
        age: Number.isInteger(age) && age >= 0 && age <= 25 ? age : null,
        ageProblem: ageProblem(),
        text: textInput.value.trim().replace(/\s+/g, " "),
        chosen: facets.map(function (f) {
          return f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        }),
        codes: facets.map(function (f) {
          return f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-code"); });
        })
      };
    }

    // An age that cannot be used gets a message above the field (GOV.UK's error message pattern);
    // on submit also an error summary at the top of the form. The list then ignores the age.
    var ageError = root.querySelector("[data-wz-age-error]");
    var ageHint = ageInput.getAttribute("aria-describedby");
    var errorSummary = root.querySelector("[data-wz-errors]");
    function ageProblem() {
      var value = ageInput.value.trim();
      if (ageInput.validity && ageInput.validity.badInput) return "Vul de leeftijd in met cijfers, bijvoorbeeld 7.";
      if (value === "") return null;
      var n = Number(value);
      if (!isFinite(n)) return "Vul de leeftijd in met cijfers, bijvoorbeeld 7.";
      if (!Number.isInteger(n)) return "Vul de leeftijd in hele jaren in, bijvoorbeeld 7.";
      if (n < 0 || n > 25) return "Vul een leeftijd in van 0 tot en met 25 jaar.";
      return null;
    }
    function renderAge(state, committed, submitted) {
      var problem = state.ageProblem;
      if (problem && (committed || !ageError.hidden)) {
        ageError.textContent = "Fout: " + problem;
        ageError.hidden = false;
        ageInput.setAttribute("aria-invalid", "true");
        ageInput.setAttribute("aria-describedby", ageError.id + " " + ageHint);
      } else if (!problem) {
        ageError.hidden = true;
        ageError.textContent = "";
        ageInput.removeAttribute("aria-invalid");
        ageInput.setAttribute("aria-describedby", ageHint);
      }
      if (!problem) errorSummary.hidden = true;
      if (problem && submitted) {
        errorSummary.querySelector("a").textContent = problem;
        errorSummary.hidden = false;
      }
    }

    function toQuery(state) {
      var params = new URLSearchParams();
      if (state.gemeente) params.append("gemeente", state.gemeente.code);
      if (state.age !== null) params.append("leeftijd", String(state.age));
      facets.forEach(function (f, i) {
        state.chosen[i].forEach(function (value) { params.append(f.param, value); });
      });
      if (state.text) params.append("zoek", state.text);
      var query = params.toString();
      return query ? "?" + query : "";
    }

    function fromUrl() {
      var params = new URLSearchParams(location.search);
      var wanted = params.get("gemeente") || "";
      var g = resolve(wanted);
      gemeenteInput.value = g ? g.name : wanted;
      ageInput.value = params.get("leeftijd") || "";
      textInput.value = params.get("zoek") || "";
      facets.forEach(function (f) {
        var values = params.getAll(f.param);
        f.boxes.forEach(function (b) { b.checked = values.indexOf(b.value) >= 0; });
        if (f.more && values.length) more.open = true;
      });
    }

    // ------------------------------------------------------------------ filtering and feedback

    var pageSize = Number(root.getAttribute("data-page-size")) || 60;
    var limit = pageSize;  // matches shown; a filter change starts again at one page
    var matches = [];
    var moreBox = root.querySelector("[data-wz-more-results]");
    var moreButton = root.querySelector("[data-wz-show-more]");
    var shownText = root.querySelector("[data-wz-shown]");
    var number = new Intl.NumberFormat("nl-NL");

    // With a gemeente chosen, its own (local and regional) offers come first, then national ones;
    // the DOM order follows, so "Toon meer", the tab order and screen readers agree with the screen.
    var localFirst = false;
    function localThenNational(all) {
      return all.filter(function (i) { return !i.national; }).concat(all.filter(function (i) { return i.national; }));
    }
    var localOrder = localThenNational(items);
    function placeLocalFirst(wanted) {
      var ordered = wanted ? localOrder : items;
      if (wanted !== localFirst) {
        localFirst = wanted;
        var fragment = document.createDocumentFragment();
        ordered.forEach(function (item) { fragment.appendChild(item.el); });
        list.appendChild(fragment);
      }
      return ordered;
    }

    function filter(state) {
      var terms = state.text ? fold(state.text).split(" ") : [];
      var code = state.gemeente ? state.gemeente.code : null;
      var regions = state.gemeente ? state.gemeente.regions : [];
      var active = [];
      facets.forEach(function (f, i) { if (state.chosen[i].length) active.push(i); });
      var pro = audienceFacet >= 0 && state.chosen[audienceFacet].indexOf("professionals") >= 0;
      var ordered = placeLocalFirst(!!code);
      matches = [];
      for (var n = 0; n < ordered.length; n++) {
        var item = ordered[n];
        var ok = !code || item.national || item.gemeenten.indexOf(code) >= 0 || intersects(item.regions, regions);
        if (ok && item.pro && !pro) ok = false;
        if (ok && state.age !== null) ok = state.age >= item.min && state.age <= item.max;
        for (var a = 0; ok && a < active.length; a++) ok = intersects(item.facets[active[a]], state.codes[active[a]]);
        for (var t = 0; ok && t < terms.length; t++) ok = searchText(item).indexOf(terms[t]) >= 0;
        if (ok) matches.push(item);
        var show = ok && matches.length <= limit;
        if (item.shown !== show) {
          item.shown = show;
          item.el.classList.toggle("wz-finder__off", !show);
        }
      }
      // Before the other cards are in, only the unfiltered list is shown: the page knows its size.
      var unfiltered = !code && state.age === null && !active.length && !terms.length;
      var count = !restLoaded && unfiltered ? forParents : matches.length;
      var rest = count - limit;
      moreBox.hidden = rest <= 0;
      if (rest > 0) {
        shownText.textContent = "Je ziet er " + number.format(limit) + " van de " + number.format(count) + ".";
        moreButton.textContent = "Toon er nog " + number.format(Math.min(pageSize, rest));
      }
      return count;
    }

    function chipsFor(state) {
      var chips = [];
      if (state.gemeente) chips.push({ label: state.gemeente.name, clear: function () { gemeenteInput.value = ""; } });
      if (state.age !== null) chips.push({ label: state.age + " jaar", clear: function () { ageInput.value = ""; } });
      facets.forEach(function (f) {
        f.boxes.forEach(function (b) {
          if (b.checked) chips.push({ label: b.getAttribute("data-chip"), clear: function () { b.checked = false; } });
        });
      });
      if (state.text) chips.push({ label: "\u201c" + state.text + "\u201d", clear: function () { textInput.value = ""; } });
      return chips;
    }

    var chips = [];
    function renderChips(state) {
      var next = chipsFor(state);
      var same = next.length === chips.length && next.every(function (c, i) { return c.label === chips[i].label; });
      chips = next;
      activeBox.hidden = chips.length === 0;
      if (same) return;
      chipList.textContent = "";
      chips.forEach(function (chip, i) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "wz-chip";
        button.setAttribute("data-index", String(i));
        button.setAttribute("aria-label", "Filter verwijderen: " + chip.label);
        var text = document.createElement("span");
        text.textContent = chip.label;
        var cross = document.createElement("span");
        cross.className = "wz-chip__x";
        cross.setAttribute("aria-hidden", "true");
        cross.textContent = "\u00d7";
        button.appendChild(text);
        button.appendChild(cross);
        li.appendChild(button);
        chipList.appendChild(li);
      });
    }

    function renderGemeente(state, committed) {
      var g = state.gemeente;
      [gemeenteLink, emptyGemeente].forEach(function (el) {
        el.hidden = !g;
        if (!g) return;
        // the age goes along, so "Zoek hulp in ..." on the gemeente page brings it back (wijzer.js)
        el.querySelector("a").setAttribute("href", hrefPattern.replace("{slug}", g.slug) + (state.age !== null ? "?leeftijd=" + state.age : ""));
        el.querySelector("[data-wz-gemeente-name]").textContent = g.name;
      });
      var unknown = !g && gemeenteInput.value.trim() !== "";
      if (!unknown) {
        gemeenteInput.removeAttribute("aria-invalid");
        hint.textContent = hintText;
      } else if (candidates.length) {
        var names = candidates.slice(0, 8).map(function (c) { return c.name; });
        var last = names.pop();
        hint.textContent = (candidates.length === 1 ? "Bedoel je " : "Welke gemeente bedoel je: ") +
          (names.length ? names.join(", ") + " of " : "") + last + "?" +
          (candidates.length > 8 ? " Typ meer letters." : " Typ de naam zoals in de lijst.");
      } else if (committed) {
        gemeenteInput.setAttribute("aria-invalid", "true");
        hint.textContent = "We kennen geen gemeente met de naam \u201c" + gemeenteInput.value.trim() + "\u201d. Kies een naam uit de lijst.";
      }
      if (committed && said) said.textContent = unknown ? hint.textContent : "";
    }

    // ------------------------------------------------------------------ summaries fetched later

    var summaryBase = root.getAttribute("data-summaries");
    var inline = Number(root.getAttribute("data-summaries-inline"));
    var chunkSize = Number(root.getAttribute("data-summaries-chunk")) || 250;
    var chunkCount = summaryBase && total > inline ? Math.ceil((total - inline) / chunkSize) : 0;
    var chunks = [];
    var allSummaries = chunkCount === 0;

    function loadChunk(n) {
      if (!chunks[n]) {
        chunks[n] = fetch(summaryBase + n + ".json", { credentials: "same-origin" })
          .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
          .then(function (summaries) {
            summaries.forEach(function (summary, i) {
              var item = items[inline + n * chunkSize + i];
              if (!item || item.summary) return;
              var p = document.createElement("p");
              p.textContent = summary;
              var title = item.el.querySelector("h3");
              title.parentNode.insertBefore(p, title.nextSibling);
              item.summary = true;
              item.text = null;
            });
          })
          .catch(function () { chunks[n] = null; });  // the card still names and links the offer
      }
      return chunks[n];
    }
    function loadAllSummaries() {
      return loadRest().then(function () {
        var all = [];
        for (var n = 0; n < chunkCount; n++) all.push(loadChunk(n));
        return Promise.all(all);
      });
    }
    var observer = chunkCount && "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        loadChunk(Math.floor((Number(entry.target.getAttribute("data-wz-i")) - inline) / chunkSize));
      });
    }, { rootMargin: "800px 0px" }) : null;
    // Cards from position `from` on without their summary get it when they come into view.
    function observeSummaries(from) {
      if (!observer) return;
      for (var k = Math.max(from, inline); k < items.length; k++) {
        items[k].el.setAttribute("data-wz-i", String(k));
        observer.observe(items[k].el);
      }
    }
    observeSummaries(0);

    function render(state, committed) {
      if (state.text && !allSummaries) {  // free text also searches the summaries: fetch them all first
        allSummaries = true;
        results.setAttribute("aria-busy", "true");
        loadAllSummaries().then(function () {
          results.removeAttribute("aria-busy");
          render(readForm(), false);
        });
      }
      var count = filter(state);
      var text = number.format(count) + " van " + number.format(total) + " hulpvormen";
      if (countEl.textContent !== text) countEl.textContent = text;
      empty.hidden = count > 0;
      renderChips(state);
      renderGemeente(state, committed);
      renderAge(state, committed, false);
    }

    // ------------------------------------------------------------------ URL and history

    function urlFor(query) {
      return location.pathname + query + location.hash;
    }
    var committedQuery = "";

    // kind "type": while typing, replace the current history entry.
    // kind "commit": a finished change gets its own entry, so Back returns to the view before it.
    function update(kind) {
      limit = pageSize;
      var state = readForm();
      withAllCards(function () { render(readForm(), kind === "commit"); });
      var query = toQuery(state);
      if (kind === "commit" && query !== committedQuery) {
        if (location.search !== committedQuery) history.replaceState(null, "", urlFor(committedQuery));
        history.pushState(null, "", urlFor(query));
        committedQuery = query;
      } else if (query !== location.search) {
        history.replaceState(null, "", urlFor(query));
      }
    }

    // ------------------------------------------------------------------ events

    form.addEventListener("input", function (event) {
      var target = event.target;
      if (target.type === "checkbox") return; // "change" commits those
      // Picking a name from the datalist is a finished choice, not typing.
      var picked = target === gemeenteInput && (event.inputType === "insertReplacementText" || event.inputType === undefined);
      update(picked ? "commit" : "type");
    });
    form.addEventListener("change", function () { update("commit"); });
    form.noValidate = true;  // our own message in Dutch above the field, not the browser's bubble
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update("commit");
      var state = readForm();
      if (state.ageProblem) {
        renderAge(state, true, true);
        errorSummary.focus();
      } else {
        countEl.focus();
      }
    });
    root.querySelectorAll("[data-wz-clear]").forEach(function (button) {
      button.addEventListener("click", function () {
        gemeenteInput.value = "";
        ageInput.value = "";
        textInput.value = "";
        facets.forEach(function (f) { f.boxes.forEach(function (b) { b.checked = false; }); });
        update("commit");
        gemeenteInput.focus();
      });
    });
    chipList.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-index]");
      if (!button) return;
      var index = Number(button.getAttribute("data-index"));
      chips[index].clear();
      update("commit");
      var buttons = chipList.querySelectorAll("button");
      if (buttons.length) buttons[Math.min(index, buttons.length - 1)].focus();
      else countEl.focus();
    });
    moreButton.addEventListener("click", function () {
      withAllCards(function () {
        filter(readForm());  // the matches among all cards
        var first = matches[limit];  // the first card that comes into view: focus goes to its link
        limit += pageSize;
        render(readForm(), false);
        if (first) first.el.querySelector("h3 a").focus();
      });
    });
    window.addEventListener("popstate", function () {
      limit = pageSize;
      fromUrl();
      withAllCards(function () { render(readForm(), true); });
      committedQuery = location.search;
    });

    // ------------------------------------------------------------------ start

    fromUrl();
    var state = readForm();
    if (toQuery(state)) withAllCards(function () { render(readForm(), true); });
    else render(state, true);
    committedQuery = toQuery(state);
    if (committedQuery !== location.search) history.replaceState(null, "", urlFor(committedQuery));
  }

  function init() {
    var root = document.querySelector("[data-wz-finder]");
    if (root && !root.hasAttribute("data-wz-ready")) {
      root.setAttribute("data-wz-ready", "");
      setup(root);
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
