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
   cards, not thousands); without it, every offer is listed. No storage, no inline script or
   handlers (CSP script-src 'self'). */
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
    var byKey = {};
    var byBase = {};
    slice.call(root.querySelectorAll("datalist option")).forEach(function (option) {
      var code = option.getAttribute("data-code");
      var g = byKey[code.toLowerCase()] || {
        code: code,
        name: option.getAttribute("data-name"),
        slug: option.getAttribute("data-slug"),
        regions: words(option.getAttribute("data-regions"))
      };
      byKey[code.toLowerCase()] = g;
      byKey[g.slug] = g;
      byKey[fold(option.value)] = g;
      var base = fold(option.value).replace(/\s*\(.*\)$/, "");
      var list = byBase[base] || (byBase[base] = []);
      if (list.indexOf(g) < 0) list.push(g);
    });
    function resolve(text) {
      var key = fold(text.trim().replace(/\s+/g, " "));
      if (!key) return null;
      if (byKey[key]) return byKey[key];
      var list = byBase[key]; // "Hengelo" -> "Hengelo (O.)", but "Bergen" stays ambiguous
      return list && list.length === 1 ? list[0] : null;
    }

    var facets = slice.call(form.querySelectorAll("fieldset[data-facet]")).map(function (fieldset) {
      var boxes = slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
      return { attr: fieldset.getAttribute("data-facet"), param: boxes[0].name, boxes: boxes, more: !!more && more.contains(fieldset) };
    });
    var results = root.querySelector(".wz-finder__results");

    // Precomputed once: each card's facets as arrays, its age range, its area.
    var items = slice.call(root.querySelectorAll(".wz-finder__list > li")).map(function (li) {
      var d = li.dataset;
      var ages = d.ages ? d.ages.split("-") : null;
      var groups = (d.f || "").split("-");
      return {
        el: li,
        shown: !li.classList.contains("wz-finder__off"),
        national: d.national !== undefined,
        gemeenten: words(d.gemeenten),
        regions: words(d.regions),
        min: ages ? Number(ages[0]) : -Infinity,
        max: ages ? Number(ages[1]) : Infinity,
        facets: facets.map(function (f, i) { return groups[i] ? groups[i].split("") : []; }),
        text: null
      };
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
        text: textInput.value.trim().replace(/\s+/g, " "),
        chosen: facets.map(function (f) {
          return f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        }),
        codes: facets.map(function (f) {
          return f.boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.getAttribute("data-code"); });
        })
      };
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

    function filter(state) {
      var terms = state.text ? fold(state.text).split(" ") : [];
      var code = state.gemeente ? state.gemeente.code : null;
      var regions = state.gemeente ? state.gemeente.regions : [];
      var active = [];
      facets.forEach(function (f, i) { if (state.chosen[i].length) active.push(i); });
      matches = [];
      for (var n = 0; n < items.length; n++) {
        var item = items[n];
        var ok = !code || item.national || item.gemeenten.indexOf(code) >= 0 || intersects(item.regions, regions);
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
      var rest = matches.length - limit;
      moreBox.hidden = rest <= 0;
      if (rest > 0) {
        shownText.textContent = "Je ziet er " + number.format(limit) + " van de " + number.format(matches.length) + ".";
        moreButton.textContent = "Toon er nog " + number.format(Math.min(pageSize, rest));
      }
      return matches.length;
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
        el.querySelector("a").setAttribute("href", hrefPattern.replace("{slug}", g.slug));
        el.querySelector("[data-wz-gemeente-name]").textContent = g.name;
      });
      var unknown = !g && gemeenteInput.value.trim() !== "";
      if (!unknown) {
        gemeenteInput.removeAttribute("aria-invalid");
        hint.textContent = hintText;
      } else if (committed) {
        gemeenteInput.setAttribute("aria-invalid", "true");
        hint.textContent = "We kennen geen gemeente met de naam \u201c" + gemeenteInput.value.trim() + "\u201d. Kies een naam uit de lijst.";
      }
    }

    // ------------------------------------------------------------------ summaries fetched later

    var summaryBase = root.getAttribute("data-summaries");
    var inline = Number(root.getAttribute("data-summaries-inline"));
    var chunkSize = Number(root.getAttribute("data-summaries-chunk")) || 250;
    var chunkCount = summaryBase && items.length > inline ? Math.ceil((items.length - inline) / chunkSize) : 0;
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
      var all = [];
      for (var n = 0; n < chunkCount; n++) all.push(loadChunk(n));
      return Promise.all(all);
    }
    if (chunkCount && "IntersectionObserver" in window) {
      var observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          if (!entry.isIntersecting) return;
          observer.unobserve(entry.target);
          loadChunk(Math.floor((Number(entry.target.getAttribute("data-wz-i")) - inline) / chunkSize));
        });
      }, { rootMargin: "800px 0px" });
      items.slice(inline).forEach(function (item, k) {
        item.el.setAttribute("data-wz-i", String(inline + k));
        observer.observe(item.el);
      });
    }

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
      var text = number.format(count) + " van " + number.format(items.length) + " hulpvormen";
      if (countEl.textContent !== text) countEl.textContent = text;
      empty.hidden = count > 0;
      renderChips(state);
      renderGemeente(state, committed);
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
      render(state, kind === "commit");
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
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update("commit");
      countEl.focus();
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
      var first = matches[limit];  // the first card that comes into view: focus goes to its link
      limit += pageSize;
      render(readForm(), false);
      if (first) first.el.querySelector("h3 a").focus();
    });
    window.addEventListener("popstate", function () {
      limit = pageSize;
      fromUrl();
      var state = readForm();
      render(state, true);
      committedQuery = location.search;
    });

    // ------------------------------------------------------------------ start

    fromUrl();
    var state = readForm();
    render(state, true);
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
