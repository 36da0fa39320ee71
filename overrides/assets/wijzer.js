/* Wijzer: small progressive enhancements of our own. No network, no storage. */
(function () {
  "use strict";
  function printDate() {
    var d = new Date();
    var months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    return d.getDate() + " " + months[d.getMonth()] + " " + d.getFullYear();
  }
  // A gemeente page reached from the finder with an age (?leeftijd=7): "Zoek hulp in ..." keeps it.
  function keepAge() {
    var age = new URLSearchParams(location.search).get("leeftijd");
    if (!age || !/^\d{1,2}$/.test(age) || Number(age) > 25) return;
    document.querySelectorAll("a[data-wz-keep-age]").forEach(function (a) {
      var url = new URL(a.href);
      url.searchParams.set("leeftijd", age);
      a.href = url.href;
    });
  }
  function setup() {
    keepAge();
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
