/* Accessibility: a table that is wider than the screen scrolls sideways inside Material's
 * wrapper. Keyboard users can only scroll it if it can take focus (WCAG 2.1.1; axe
 * scrollable-region-focusable), and a screen reader should hear what the region is.
 * Checked again when the window size changes. No network, no storage.
 */
(function () {
  "use strict";
  function label(wrap) {
    var caption = wrap.querySelector("caption");
    return caption ? caption.textContent.trim() : "Tabel";
  }
  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap) + " (schuif opzij om alles te zien)");
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  var timer;
  function later() { clearTimeout(timer); timer = setTimeout(update, 100); }
  window.addEventListener("load", update);
  window.addEventListener("resize", later);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(later);
})();
