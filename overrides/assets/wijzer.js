/* Wijzer: small progressive enhancements of our own. No network, no storage. */
(function () {
  "use strict";
  function printDate() {
    var d = new Date();
    var months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    return d.getDate() + " " + months[d.getMonth()] + " " + d.getFullYear();
  }
  function setup() {
    document.querySelectorAll("[data-wz-print-date]").forEach(function (el) {
      el.textContent = "Afgedrukt op " + printDate() + " van " + location.href.split("#")[0];
    });
    document.querySelectorAll("button[data-wz-print]").forEach(function (button) {
      if (button.dataset.wzBound) return;
      button.dataset.wzBound = "1";
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
