/* Safety: the quick exit ("Snel weg") on every page parents and children read, and on the
 * signaleringshulp (docs/snel-weg.md).
 *
 * One click on the button, or the Escape key, swaps this page for a neutral site with
 * location.replace(): this page is not kept in the back-button history, so Back does not bring it
 * up again (pages of the site visited before it stay in the history: no browser lets a page remove
 * those; docs/snel-weg.md). The page is blanked first, so nothing stays on screen while the other
 * site loads, and it is never restored from the back/forward cache.
 * Where the link says data-wz-escape-twice (the signaleringshulp, where a professional's answers
 * live only in the page, and the finder, where Escape also closes the list of gemeenten), and on
 * any page while the focus is in a text field, one Escape only says "press Esc again"; a second
 * Escape within four seconds leaves. The button itself always leaves at once.
 * Escape first closes the site search or an open dialog. Without JavaScript the button is an
 * ordinary link. No network request until the visitor asks to leave; nothing is stored.
 */
(function () {
  "use strict";

  var ARMED_MS = 4000;
  var TYPING = "input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select";
  var armedUntil = 0;
  var disarm = null;

  function leave(href) {
    try { document.documentElement.style.display = "none"; } catch (e) { /* blanking is a nicety */ }
    window.location.replace(href);
  }

  function exitLink() {
    return document.querySelector("a[data-wz-quick-exit]");
  }

  function status(text) {
    var el = document.querySelector("[data-wz-quick-exit-status]");
    if (el) el.textContent = text;
  }

  // Escape in the site search first closes its results or leaves its field (search-engine.js
  // does that once loaded; until then, here).
  function searchOpen() {
    var field = document.getElementById("wz-search-input");
    if (field && document.activeElement === field) { field.blur(); return true; }
    var panel = document.getElementById("wz-search-panel");
    return !!(panel && !panel.hidden);
  }

  function setup() {
    var link = exitLink();
    if (!link || link.dataset.wzBound) return;
    link.dataset.wzBound = "1";
    link.addEventListener("click", function (ev) {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      leave(link.href);
    });
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape" && ev.key !== "Esc") return;
    var link = exitLink();
    if (!link || ev.defaultPrevented || searchOpen()) return;
    if (document.querySelector("dialog[open]")) return;
    // Escape while typing (the "Waar woon je?" field, a form) often means "close the suggestions":
    // there, too, the first Escape only says "press Esc again".
    var typing = ev.target instanceof Element && ev.target.matches(TYPING);
    if ((typing || link.hasAttribute("data-wz-escape-twice")) && Date.now() > armedUntil) {
      armedUntil = Date.now() + ARMED_MS;
      status("Druk nog een keer op Esc om deze pagina snel te verlaten. Wat je hier hebt ingevuld, wordt dan gewist.");
      clearTimeout(disarm);
      disarm = setTimeout(function () { armedUntil = 0; status(""); }, ARMED_MS);
      return;
    }
    leave(link.href);
  });

  // Coming back to a blanked page from the back/forward cache: load it fresh instead.
  window.addEventListener("pageshow", function (ev) {
    if (ev.persisted && document.documentElement.style.display === "none") window.location.reload();
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
  // Material's instant navigation (if a site owner turns it on) swaps pages without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
})();
