/* Safety: the quick exit ("Snel weg") on pages about violence and unsafety and on the taxatie.
 *
 * One click on the button, or the Escape key anywhere on the page, swaps this page for a neutral
 * site with location.replace(): the page is not kept in the back-button history, so pressing
 * Back does not bring it up again. The page is blanked first, so nothing stays on screen while
 * the other site loads. Without JavaScript the button is an ordinary link to the same site.
 * Escape first closes the site search or a dialog if one is open (a second Escape leaves).
 * No network request is made until the visitor asks to leave; nothing is stored.
 */
(function () {
  "use strict";

  function leave(href) {
    try { document.documentElement.style.display = "none"; } catch (e) { /* blanking is a nicety */ }
    window.location.replace(href);
  }

  function exitLink() {
    return document.querySelector("a[data-wz-quick-exit]");
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
    leave(link.href);
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
  // Material's instant navigation (if a site owner turns it on) swaps pages without a reload.
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(setup);
})();
