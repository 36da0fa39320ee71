/* Beslishulp "Mag ik …?". Runs only on the page that has it; sends nothing, stores nothing (no
   network, no cookies, no storage). The decision model is documented in src/wijzer/core/beslishulp.py
   (decide) and on the page "Zo redeneert de beslishulp"; this file does the same. */
(function () {
  "use strict";

  var shared = window.wzQuestions;  // questions.js, published before this file
  var all = shared.all;
  var one = shared.one;

  function listed(condition, chosen) {
    return Object.keys(condition).some(function (q) { return condition[q].indexOf(chosen[q]) !== -1; });
  }
  function applies(outcome, chosen) {
    var when = Object.keys(outcome.when).every(function (q) { return outcome.when[q].indexOf(chosen[q]) !== -1; });
    return when && !listed(outcome.unless, chosen);
  }

  /* The decision: safety first; every block whose conditions hold; who consents from the one block that says so. */
  function decide(data, chosen) {
    var safety = false;
    var holders = null;
    data.questions.forEach(function (q) {
      var answer = q.answers[chosen[q.id]];
      if (!answer) return;
      if (answer.safety) safety = true;
      if (answer.holders) holders = answer.holders;
    });
    var blocks = {};
    data.sections.forEach(function (s) { blocks[s.id] = []; });
    var consent = null;
    data.outcomes.forEach(function (o) {
      if (!applies(o, chosen)) return;
      blocks[o.section].push(o.id);
      if (o.consent) {
        var names = o.consent.map(function (role) { return role === "kind" ? "het kind" : (holders || "de ouders met gezag"); });
        consent = names.length ? names.join(" en ") : "geen toestemming nodig";
      }
    });
    return { safety: safety, blocks: blocks, consent: consent };
  }

  function setup(root) {
    var block = document.getElementById("wz-beslishulp-data");
    if (!block) return;
    var data = JSON.parse(block.textContent);
    shared.reveal(root);
    var output = one("[data-wz-beslishulp-output]", root);
    var status = one("[data-wz-beslishulp-status]", root);
    var shown = false;

    function chosen() {
      var out = {};
      data.questions.forEach(function (q) {
        var input = one('input[name="wz-bh-' + q.id + '"]:checked', root);
        if (input) out[q.id] = input.value;
      });
      return out;
    }

    function render(moveFocus) {
      var answers = chosen();
      var missing = data.questions.filter(function (q) { return !answers[q.id]; });
      if (missing.length) {
        status.textContent = "Beantwoord eerst alle vragen. Nog open: vraag " +
          missing.map(function (q) { return data.questions.indexOf(q) + 1; }).join(", ") + ".";
        if (moveFocus) one('input[name="wz-bh-' + missing[0].id + '"]', root).focus();
        return;
      }
      var result = decide(data, answers);
      one("[data-wz-beslishulp-safety]", output).hidden = !result.safety;
      var consentLine = one("[data-wz-beslishulp-consent-line]", output);
      consentLine.hidden = result.consent === null;
      one("[data-wz-beslishulp-consent]", output).textContent = result.consent || "";
      all("[data-wz-section]", output).forEach(function (section) {
        var ids = result.blocks[section.getAttribute("data-wz-section")] || [];
        all("[data-wz-outcome]", section).forEach(function (el) {
          el.hidden = ids.indexOf(el.getAttribute("data-wz-outcome")) === -1;
        });
        section.hidden = ids.length === 0;
      });
      one("[data-wz-beslishulp-situation]", output).textContent = data.questions.map(function (q) {
        return q.answers[answers[q.id]].label;
      }).join(" · ");
      output.hidden = false;
      root.setAttribute("data-wz-has-result", result.safety ? "veiligheid" : "ja");
      status.textContent = result.safety
        ? "Uitkomst: veiligheid gaat voor. Volg de meldcode en vraag advies aan Veilig Thuis."
        : "Uitkomst bijgewerkt." + (result.consent ? " Wie geeft toestemming: " + result.consent + "." : "");
      shown = true;
      if (moveFocus) {
        output.focus();
        output.scrollIntoView({ block: "start" });
      }
    }

    root.addEventListener("change", function (event) {
      var target = event.target;
      if (target.type !== "radio") return;
      var question = target.closest("[data-wz-question]");
      var alert = question && one("[data-wz-safety-alert]", question);
      var q = data.questions.filter(function (x) { return question && x.id === question.getAttribute("data-wz-question"); })[0];
      if (alert) alert.hidden = !(q && q.answers[target.value] && q.answers[target.value].safety);
      if (shown) render(false);
    });
    one("[data-wz-beslishulp-show]", root).addEventListener("click", function () { render(true); });
    shared.onReset(one("[data-wz-beslishulp-reset]", root), root, output, status, function () { shown = false; });
  }

  function start() {
    var root = one("[data-wz-beslishulp]");
    if (root) setup(root);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
