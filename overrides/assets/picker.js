/* "Waar woon je?" (src/wijzer/pages/gemeente_picker.py has the rules): the typed name of a gemeente
   goes straight to its page; more than one match ("Bergen") asks which one, and so does a name that
   is only close to a gemeente or its beginning ("Weesp" is not "Weert", "Grave" is not 's-Gravenhage:
   towns that are part of another gemeente). The name of a former gemeente ("Weesp", "Haaren") or of
   a town that is not a gemeente ("Zaandam") says which gemeente it is part of now, with a link
   (herindelingen and woonplaatsen in data/regions.yaml). Without JavaScript the form
   is a GET to the A-Z list of gemeenten. No storage, no network, no inline code (CSP).
   The matching itself is window.WijzerGemeenten.matcher, also used by the finder (finder.js). */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\u2019`]/g, "'");
  }
  function squeeze(text) {
    return text.replace(/[^a-z0-9]/g, "");
  }
  // "'s-Hertogenbosch" -> "hertogenbosch", "Bergen (L.)" -> "bergen"
  function bare(text) {
    return text.replace(/^'\s*[st][\s-]+/, "").replace(/\s*\(.*\)\s*$/, "");
  }

  // Optimal string alignment distance (Levenshtein with swapped neighbours), stopping above max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var rows = [];
    for (var i = 0; i <= a.length; i++) {
      rows[i] = [i];
      for (var j = 1; j <= b.length; j++) {
        if (i === 0) { rows[i][j] = j; continue; }
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
        rows[i][j] = d;
      }
    }
    return rows[a.length][b.length];
  }

  // The matcher, shared with the finder's own gemeente field (finder.js): entries are objects with a
  // name and optional other names (aliases); match(text) -> { found: [entries], how }.
  function matcher(entries) {
    entries.forEach(function (g) {
      var name = fold(g.name);
      g.keys = [squeeze(name), squeeze(bare(name))];
      (g.aliases || []).forEach(function (alias) { g.keys.push(squeeze(fold(alias))); });
      // The towns in a name with a hyphen: "Geleen" is in Sittard-Geleen, "Volendam" in Edam-Volendam.
      g.parts = bare(name).indexOf("-") === -1 ? [] : bare(name).split("-").map(squeeze).filter(function (p) { return p.length >= 3; });
    });

    function unique(list) {
      return list.filter(function (g, i) { return list.indexOf(g) === i; });
    }

    // -> { found: [entries], how: "exact" | "prefix" | "typo" | "none" }; "prefix" is also a town in
    // a hyphenated name ("Geleen"). Only "exact" is followed without asking.
    return function match(text) {
      var key = squeeze(fold(text));
      if (!key) return { found: [], how: "none" };
      var exact = entries.filter(function (g) { return g.keys.indexOf(key) >= 0; });
      if (exact.length) return { found: exact, how: "exact" };
      var prefix = key.length >= 2 ? entries.filter(function (g) {
        return g.parts.indexOf(key) >= 0 || g.keys.some(function (k) { return k.indexOf(key) === 0; });
      }) : [];
      if (prefix.length) return { found: prefix, how: "prefix" };
      var max = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
      var best = max + 1;
      var near = [];
      entries.forEach(function (g) {
        var d = Math.min.apply(null, g.keys.map(function (k) { return distance(key, k, max); }));
        if (d < best) { best = d; near = [g]; } else if (d === best) near.push(g);
      });
      return best <= max ? { found: unique(near), how: "typo" } : { found: [], how: "none" };
    };
  }
  window.WijzerGemeenten = { matcher: matcher };

  // Said with every answer that is not a gemeente's own name: many towns are part of a larger gemeente.
  var TOWN = "Woon je in een dorp of stad die bij een grotere gemeente hoort? Typ dan de naam van die gemeente.";

  function setup(form) {
    var data = JSON.parse(form.querySelector("[data-wz-picker-data]").textContent);
    var input = form.querySelector("input[name=gemeente]");
    var answer = form.querySelector("[data-wz-picker-answer]");
    var pattern = form.getAttribute("data-gemeente-href");
    var listHref = form.getAttribute("action");

    var gemeenten = data.g.map(function (row) {
      return { name: row[0], slug: row[1], province: row[2], aliases: [] };
    });
    Object.keys(data.a).forEach(function (alias) {
      gemeenten[data.a[alias]].aliases.push(alias);
    });
    // Former gemeenten ("Weesp", "Haaren", with the year they ended) and towns that are not a gemeente
    // ("Zaandam"): found as another name of the gemeente(n) they are part of now.
    var placeByKey = {};
    function keyOf(name) { return squeeze(fold(name)); }
    function place(name, year, now, list) {
      now.forEach(function (g) { g.aliases.push(name); (g[list] = g[list] || []).push(name); });
      return (placeByKey[keyOf(name)] = { name: name, year: year, now: now, villages: {} });
    }
    (data.f || []).forEach(function (row) {
      place(row[0], row[1], row[2].map(function (i) { return gemeenten[i]; }), "former");
    });
    // A town may name the former gemeente it belonged to, when that one was divided ("Esch", once
    // Haaren, now Boxtel): the answer to "Haaren" then says which village went where. The village
    // that shares the former gemeente's name (Haaren, now Oisterwijk) is answered by that entry.
    (data.w || []).forEach(function (row) {
      var g = gemeenten[row[1]];
      var was = row[2] ? placeByKey[keyOf(row[2])] : null;
      // the village that shares the former gemeente's name: "voor het dorp Haaren", not the whole of it
      var village = was && keyOf(row[0]) === keyOf(row[2]) ? "het dorp " + row[0] : row[0];
      if (was) (was.villages[g.name] = was.villages[g.name] || []).push(village);
      if (!was || keyOf(row[0]) !== keyOf(row[2])) place(row[0], null, [g], "towns").was = was;
    });
    var match = matcher(gemeenten);

    function href(g) {
      return pattern.replace("{slug}", g.slug);
    }

    function say(nodes) {
      answer.textContent = "";
      nodes.forEach(function (node) { answer.appendChild(node); });
    }
    function paragraph(text) {
      var p = document.createElement("p");
      p.textContent = text;
      return p;
    }
    // The former gemeente or town that made a gemeente an answer, when its own name did not:
    // "Boxmer" -> "Land van Cuijk, waar Boxmeer nu bij hoort"; "Zaandm" -> "Zaanstad, waar Zaandam bij hoort".
    function via(g, key) {
      if (g.keys.slice(0, 2).some(function (k) { return k.indexOf(key) === 0 || distance(key, k, 2) <= 2; })) return "";
      function close(name) {
        var k = squeeze(fold(name));
        return k.indexOf(key) === 0 || distance(key, k, 3) <= 3;
      }
      var former = (g.former || []).filter(close);
      if (former.length) return ", waar " + former[0] + " nu bij hoort";
      var towns = (g.towns || []).filter(close);
      return towns.length ? ", waar " + towns[0] + " bij hoort" : "";
    }
    function choices(list, typed, villages) {
      var key = squeeze(fold(typed || ""));
      var ul = document.createElement("ul");
      ul.className = "wz-picker__choices";
      list.slice(0, 8).forEach(function (g) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href(g);
        a.textContent = g.name;
        li.appendChild(a);
        // "Bergen (L.)" already says where it is: no "(Limburg)" after it
        if (g.name.indexOf("(") === -1) li.appendChild(document.createTextNode(" (" + g.province + ")"));
        var was = key ? via(g, key) : "";
        if (was) li.appendChild(document.createTextNode(was));
        if (villages && villages[g.name]) li.appendChild(document.createTextNode(", voor " + inWords(villages[g.name])));
        ul.appendChild(li);
      });
      return ul;
    }
    function allLink() {
      var p = document.createElement("p");
      var a = document.createElement("a");
      a.href = listHref;
      a.textContent = "alle gemeenten van A tot Z";
      p.appendChild(document.createTextNode("Of kies je gemeente uit de lijst met "));
      p.appendChild(a);
      p.appendChild(document.createTextNode("."));
      return p;
    }

    function inWords(names) {
      return names.length === 1 ? names[0] : names.slice(0, -1).join(", ") + " en " + names[names.length - 1];
    }

    function go(text, replace) {
      var result = match(text);
      var found = result.found;
      input.removeAttribute("aria-invalid");
      // A former gemeente or a town: say which gemeente it is part of now, and link to it (not a jump
      // to a page with another name on it, which would look like a mistake).
      var known = result.how === "exact" ? placeByKey[squeeze(fold(text))] : null;
      if (known) {
        var now = known.now.map(function (g) { return g.name; });
        var sentence = known.year === null
          ? (known.was
            ? known.name + " hoorde tot " + known.was.year + " bij de gemeente " + known.was.name + ". Nu hoort "
              + known.name + " bij de gemeente " + now[0] + "."
            : known.name + " hoort bij de gemeente " + now[0] + ".")
          : known.name + " is sinds " + known.year + " geen aparte gemeente meer. " + (now.length === 1
            ? known.name + " hoort nu bij de gemeente " + now[0] + "."
            : "Het is verdeeld over de gemeenten " + inWords(now) + ". Bij welke gemeente woon je nu?");
        say([paragraph(sentence), choices(known.now, "", known.villages)]);
        answer.querySelector("a").focus();
        return;
      }
      if (found.length === 1 && result.how === "exact") {
        say([paragraph("Je gaat naar " + found[0].name + ".")]);
        if (replace) location.replace(href(found[0])); else location.assign(href(found[0]));
        return;
      }
      if (found.length === 0) {
        input.setAttribute("aria-invalid", "true");
        say(text.trim()
          ? [paragraph("We vinden geen gemeente met de naam \u201c" + text.trim() + "\u201d. Kijk of de naam goed gespeld is. " + TOWN), allLink()]
          : [paragraph("Typ eerst de naam van je gemeente."), allLink()]);
        return;
      }
      // A name that is only close to a gemeente is asked about, never followed: a town that is part
      // of a larger gemeente ("Weesp", "Haren") is close to another gemeente far away ("Weert", "Laren").
      // A beginning ("Zwol") is asked about too: "Grave" is a town, and the beginning of 's-Gravenhage.
      var question = result.how === "exact"
        ? "Er zijn meer gemeenten met de naam \u201c" + text.trim() + "\u201d. Welke bedoel je?"
        : found.length === 1
          ? "We vinden geen gemeente met de naam \u201c" + text.trim() + "\u201d. Bedoel je deze gemeente?"
          : result.how === "typo"
            ? "We vinden geen gemeente met de naam \u201c" + text.trim() + "\u201d. Bedoel je een van deze gemeenten?"
            : "Welke gemeente bedoel je?";
      var nodes = [paragraph(question), choices(found, text)];
      if (found.length > 8) nodes.push(paragraph("Staat je gemeente er niet bij? Typ meer letters."));
      if (result.how === "typo" || found.length === 1) {
        nodes.push(paragraph(TOWN));
        nodes.push(allLink());
      }
      say(nodes);
      var first = answer.querySelector("a");
      if (first) first.focus();
    }

    form.noValidate = true;  // our own message, in Dutch, instead of the browser's bubble
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      go(input.value, false);
    });

    // /gemeenten/?gemeente=... (the form without JavaScript, or a shared link): resolve it here.
    if (form.hasAttribute("data-wz-picker-query")) {
      var wanted = new URLSearchParams(location.search).get("gemeente");
      if (wanted) {
        input.value = wanted;
        go(wanted, true);
      }
    }
  }

  function init() {
    document.querySelectorAll("form[data-wz-picker]").forEach(function (form) {
      if (form.hasAttribute("data-wz-ready")) return;
      form.setAttribute("data-wz-ready", "");
      setup(form);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
