/* Routekaart and signaleringshulp (taxatie). Runs only on pages that have them; sends nothing,
   stores nothing (no network, no cookies, no storage). The scoring model is documented in
   src/wijzer/core/taxatie.py and on the page itself; this file does the same sum. */
(function () {
  "use strict";

  var shared = window.wzQuestions;  // questions.js, published before this file
  var all = shared.all;
  var one = shared.one;
  var reveal = shared.reveal;

  // ------------------------------------------------------------------ routekaart

  function setupRoutekaart(root) {
    reveal(root);
    var select = one("#wz-rk-gemeente", root);
    var error = one("[data-wz-go-error]", root);
    function go() {
      if (select.value) {
        window.location.href = select.value;
      } else {
        error.hidden = false;
        select.focus();
      }
    }
    one("[data-wz-go]", root).addEventListener("click", go);
    select.addEventListener("change", function () { error.hidden = true; });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); go(); }
    });
    all("[data-wz-print-role]", root).forEach(function (button) {
      button.addEventListener("click", function () {
        var role = button.getAttribute("data-wz-print-role");
        root.setAttribute("data-wz-printing", role);
        all(".wz-role", root).forEach(function (section) {
          section.classList.toggle("wz-role--print", section.id === "rol-" + role);
        });
        window.print();
      });
    });
    // On a phone the steps per role are folded (one tap opens them); a link to a role opens its steps.
    var steps = all("[data-wz-role-steps]", root);
    if (window.matchMedia && window.matchMedia("(max-width: 44.9375em)").matches) {
      steps.forEach(function (details) { details.open = false; });
    }
    function openTarget() {
      var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
      var details = target && (target.closest(".wz-role") || target).querySelector("[data-wz-role-steps]");
      if (details) details.open = true;
    }
    openTarget();
    window.addEventListener("hashchange", openTarget);
    window.addEventListener("beforeprint", function () { steps.forEach(function (details) { details.open = true; }); });
    window.addEventListener("afterprint", function () {
      root.removeAttribute("data-wz-printing");
      all(".wz-role--print", root).forEach(function (section) { section.classList.remove("wz-role--print"); });
    });
  }

  // ------------------------------------------------------------------ taxatie

  /* The scoring model: safety overrides; otherwise the sum of weights picks the heaviest tier
     whose min_score is reached, and an answer's min_tier lifts the outcome to at least that tier. */
  function assess(data, chosen) {
    var score = 0;
    var safety = false;
    var picked = [];
    data.questions.forEach(function (q) {
      var answerId = chosen[q.id];
      if (!answerId) return;
      var answer = q.answers[answerId];
      picked.push({ question: q, id: answerId, answer: answer });
      score += answer.weight;
      if (answer.safety) safety = true;
    });
    if (safety) return { safety: true, score: score, picked: picked };
    var byScore = data.tiers[0];
    data.tiers.forEach(function (tier) { if (score >= tier.min_score) byScore = tier; });
    var tier = byScore;
    var lifts = [];
    picked.forEach(function (p) {
      var floor = p.answer.min_tier && tierById(data, p.answer.min_tier);
      if (floor && floor.level > byScore.level) {
        lifts.push(p);
        if (floor.level > tier.level) tier = floor;
      }
    });
    return { safety: false, score: score, byScore: byScore, tier: tier, lifts: lifts, picked: picked };
  }

  function tierById(data, id) {
    for (var i = 0; i < data.tiers.length; i++) if (data.tiers[i].id === id) return data.tiers[i];
    return null;
  }

  function setupTaxatie(root) {
    var block = document.getElementById("wz-taxatie-data");
    if (!block) return;
    var data = JSON.parse(block.textContent);
    reveal(root);
    var output = one("[data-wz-taxatie-output]", root);
    var status = one("[data-wz-taxatie-status]", root);
    var gemeente = one("#wz-taxatie-gemeente", root);
    var shown = false;

    function chosen() {
      var out = {};
      data.questions.forEach(function (q) {
        var input = one('input[name="wz-' + q.id + '"]:checked', root);
        if (input) out[q.id] = input.value;
      });
      return out;
    }

    /* The cards and the offers' data come on the first interaction with the page (a visitor who only
       reads fetches nothing more), in one request that every visitor makes, whatever the gemeente;
       a result asked for before they arrive is redrawn when they do. */
    var cardsBox = one("[data-wz-taxatie-templates]", root);
    var cardsUrl = cardsBox && cardsBox.getAttribute("data-wz-taxatie-cards");
    var cardsLoaded = !cardsUrl;
    var cardsAsked = false;
    var redrawWhenLoaded = false;
    function loadCards() {
      if (cardsLoaded || cardsAsked) return;
      cardsAsked = true;
      fetch(cardsUrl, { credentials: "same-origin" })
        .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
        .then(function (cards) {
          cardsBox.innerHTML = cards.html;  /* our own escaped templates, from this site */
          data.offers = cards.offers;
          cardsLoaded = true;
          if (redrawWhenLoaded && !output.hidden) render(false);
        })
        .catch(function () { cardsAsked = false; });  /* the next interaction tries again */
    }
    ["focusin", "pointerdown", "change"].forEach(function (type) { root.addEventListener(type, loadCards); });

    function fill(container, selector, ids) {
      if (!cardsLoaded) redrawWhenLoaded = true;
      container.textContent = "";
      ids.forEach(function (id) {
        var template = one("template[" + selector + '="' + id + '"]', root);
        if (template) container.appendChild(template.content.cloneNode(true));
      });
    }

    function offerIds(wanted, code) {
      var local = [];
      var national = [];
      (data.offers || []).forEach(function (offer) {
        if (!wanted(offer)) return;
        if (offer.national) national.push(offer.id);
        else if (code && offer.gemeenten.indexOf(code) !== -1) local.push(offer.id);
      });
      return { local: local, national: national };
    }

    function render(moveFocus) {
      loadCards();
      var answers = chosen();
      var count = Object.keys(answers).length;
      if (count === 0) {
        status.textContent = "Beantwoord eerst minstens één vraag.";
        var first = one(".wz-question input", root);
        if (first && moveFocus) first.focus();
        return;
      }
      var result = assess(data, answers);
      var code = gemeente.value;
      var place = code ? data.gemeenten[code] : null;

      one("[data-wz-taxatie-safety]", output).hidden = !result.safety;
      all("[data-wz-taxatie-tier]", output).forEach(function (panel) {
        panel.hidden = result.safety || panel.getAttribute("data-wz-taxatie-tier") !== result.tier.id;
      });
      // A safety outcome shows no score: the score does not count there, and a number would distract.
      one("[data-wz-taxatie-count]", output).textContent =
        "Je beantwoordde " + count + " van de " + data.questions.length + " vragen." +
        (result.safety ? "" : " Score: " + result.score + " van " + data.max_score + ".");

      var why = one("[data-wz-taxatie-why]", output);
      if (result.safety) {
        why.textContent = "Je gaf een signaal van onveiligheid of geweld. Daarom telt de score niet: veiligheid gaat voor.";
      } else if (result.lifts.length) {
        why.textContent = "De score " + result.score + " past bij ‘" + result.byScore.label + "’. Maar " +
          result.lifts.map(function (p) { return "het antwoord ‘" + p.answer.label + "’ (" + p.question.theme + ")"; }).join(" en ") +
          " hoort bij een latere fase van het conflict. Daarom is de uitkomst minstens ‘" + result.tier.label + "’.";
      } else {
        why.textContent = "De score " + result.score + " valt bij ‘" + result.tier.label + "’ (vanaf " + result.tier.min_score + ").";
      }

      var offers = offerIds(result.safety
        ? function (offer) { return data.safety.offers.indexOf(offer.id) !== -1; }
        : function (offer) { return offer.tiers.indexOf(result.tier.id) !== -1; }, code);
      var localBlock = one("[data-wz-taxatie-local-block]", output);
      localBlock.hidden = !place || offers.local.length === 0;
      if (place) one("[data-wz-taxatie-local-heading]", output).textContent = "In " + place.name + " en de regio";
      fill(one("[data-wz-taxatie-local]", output), "data-wz-offer-card", offers.local);
      fill(one("[data-wz-taxatie-national]", output), "data-wz-offer-card", offers.national);
      var note = one("[data-wz-taxatie-offers-note]", output);
      if (!place) note.textContent = "Kies hierboven een gemeente om ook de hulp in die gemeente te zien. Hieronder staat de landelijke hulp.";
      else if (offers.local.length === 0) note.textContent = "Voor " + place.name + " staat bij deze uitkomst geen hulp uit de gemeente of de regio in Wijzer. De landelijke hulp staat hieronder; het aanspreekpunt van de gemeente weet wat er in de buurt is.";
      else note.textContent = "Hulp in " + place.name + " en de regio, en landelijke hulp.";

      var contacts = [];
      if (place && place.entry) contacts.push(place.entry);
      // The regional Veilig Thuis instead of the national one when the gemeente is known.
      var regional = place && place.vt;
      if (result.safety && regional) contacts.push(regional);
      (result.safety ? data.safety.contacts : result.tier.contacts).forEach(function (id) {
        if (regional && id === data.veilig_thuis) id = regional;
        if (contacts.indexOf(id) === -1) contacts.push(id);
      });
      fill(one("[data-wz-taxatie-contacts]", output), "data-wz-contact-card", contacts);
      var contactsNote = one("[data-wz-taxatie-contacts-note]", output);
      if (!place) contactsNote.textContent = "Kies een gemeente om ook het aanspreekpunt van die gemeente te zien.";
      else if (!place.entry) contactsNote.textContent = "Voor " + place.name + " staat nog geen vast aanspreekpunt in Wijzer. Vraag de gemeente naar het wijkteam, sociaal team of CJG.";
      else contactsNote.textContent = "Begin bij het aanspreekpunt van " + place.name + ".";
      var more = one("[data-wz-taxatie-gemeente-more]", output);
      more.hidden = !place;
      if (place) {
        var moreLink = one("[data-wz-taxatie-gemeente-link]", output);
        moreLink.href = place.url;
        moreLink.textContent = "Bekijk de hele sociale kaart van " + place.name;
      }

      var list = one("[data-wz-taxatie-answer-list]", output);
      list.textContent = "";
      result.picked.forEach(function (p) {
        var dt = document.createElement("dt");
        dt.textContent = p.question.theme;
        var dd = document.createElement("dd");
        dd.textContent = p.answer.label;
        list.appendChild(dt);
        list.appendChild(dd);
      });

      output.hidden = false;
      root.setAttribute("data-wz-has-result", result.safety ? "veiligheid" : result.tier.id);
      status.textContent = result.safety
        ? "Uitkomst: veiligheid gaat voor. Bel bij direct gevaar 112, of Veilig Thuis" + (data.safety.phone ? ": " + data.safety.phone : "") + "."
        : "Uitkomst bijgewerkt: " + result.tier.label + ".";
      shown = true;
      if (moveFocus) {
        var heading = one("#uitkomst-kop", output);  // the heading, not the whole outcome: no ring around it all
        heading.focus();
        heading.scrollIntoView({ block: "start" });
      }
    }

    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type === "radio") {
        var question = target.closest("[data-wz-question]");
        var alert = question && one("[data-wz-safety-alert]", question);
        var q = question && data.questions.filter(function (x) { return x.id === question.getAttribute("data-wz-question"); })[0];
        var unsafe = !!(q && q.answers[target.value] && q.answers[target.value].safety);
        if (alert) alert.hidden = !unsafe;
        if (unsafe || shown) render(false);
      } else if (target === gemeente && shown) {
        render(false);
      }
    });
    one("[data-wz-taxatie-show]", root).addEventListener("click", function () { render(true); });
    shared.onReset(one("[data-wz-taxatie-reset]", root), root, output, status, function () { shown = false; });
  }

  function setup() {
    var routekaart = one("[data-wz-routekaart]");
    if (routekaart) setupRoutekaart(routekaart);
    var taxatie = one("[data-wz-taxatie]");
    if (taxatie) setupTaxatie(taxatie);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
