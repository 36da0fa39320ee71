/* What the question tools share: the signaleringshulp and routekaart (flow.js) and the beslishulp
   (beslishulp.js). Not a file of its own on the page: it is published at the start of each tool's
   script (wijzer.site.page_assets), so a page still makes one request for its tool. No network,
   no storage. */
(function () {
  "use strict";

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }
  function one(selector, root) {
    return (root || document).querySelector(selector);
  }

  window.wzQuestions = {
    all: all,
    one: one,
    /* Parts that only work with JavaScript are shown; notes for readers without it go. */
    reveal: function (root) {
      all("[data-wz-js]", root).forEach(function (el) { el.hidden = false; });
      all("[data-wz-nojs]", root).forEach(function (el) { el.hidden = true; });
    },
    /* "Wis mijn antwoorden": every answer and safety alert off, the outcome hidden, the status
       says so and focus goes back to the first question; then ``done`` (the tool's own state). */
    onReset: function (button, root, output, status, done) {
      button.addEventListener("click", function () {
        all(".wz-question input:checked", root).forEach(function (input) { input.checked = false; });
        all("[data-wz-safety-alert]", root).forEach(function (alert) { alert.hidden = true; });
        output.hidden = true;
        root.removeAttribute("data-wz-has-result");
        if (done) done();
        status.textContent = "Je antwoorden zijn gewist.";
        var first = one(".wz-question input", root);
        if (first) first.focus();
      });
    }
  };
})();
