/* Wijzer search: the field in the header (overrides/partials/wz-search.html). Nothing is loaded
 * for search until the field gets focus or the address has ?q=; then search-engine.js (under the
 * fingerprinted name in the form's data-wz-engine) and the index files in search/ come as scripts
 * (they work from file:// and under script-src 'self'). */
(function () {
  "use strict";
  var script = document.currentScript;
  // The site root: this file is assets/search.js, or assets/v/search.<hash>.js (wijzer.site.fingerprint).
  var root = script ? script.src.replace(/assets\/(v\/)?search(\.[0-9a-f]+)?\.js(\?.*)?$/, "") : "";
  var waiting = {}, store = {};
  // The index files call wzSearch.add(name, data); load(name) resolves with that data.
  var api = window.wzSearch = {
    root: root,
    add: function (name, data) {
      store[name] = data;
      (waiting[name] || []).forEach(function (w) { w[0](data); });
      delete waiting[name];
    },
    load: function (name, path) {
      if (name in store) return Promise.resolve(store[name]);
      return new Promise(function (resolve, reject) {
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push([resolve, reject]);
        if (!first) return;
        var el = document.createElement("script");
        el.src = root + (path || "search/" + name + ".js");
        el.async = true;
        el.onerror = function () {
          (waiting[name] || []).forEach(function (w) { w[1](new Error(name)); });
          delete waiting[name];
        };
        el.onload = function () { el.remove(); };
        document.head.appendChild(el);
      });
    }
  };
  var started = null;
  var engine = "assets/search-engine.js";  // unfingerprinted: for a theme whose form does not name it
  function start() {
    if (!started) started = api.load("engine", engine);
    return started;
  }
  function setup() {
    var input = document.getElementById("wz-search-input");
    if (!input) return;
    // The engine's fingerprinted name (wijzer.site.fingerprint), from the site root.
    var named = input.form && input.form.getAttribute("data-wz-engine");
    if (named) engine = named;
    input.addEventListener("focus", start, { once: true });
    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      input.value = q;
      start();
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
