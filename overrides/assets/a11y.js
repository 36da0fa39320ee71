/* Accessibility: a table that is wider than the screen scrolls sideways inside Material's
 * wrapper, and so does a flowchart on a phone. Keyboard users can only scroll it if it can take focus (WCAG 2.1.1; axe
 * scrollable-region-focusable), a screen reader should hear what the region is, and a line above
 * the table says that it scrolls.
 * Checked again when the window size changes.
 * And the menu button on a phone (Material's ☰ is a label, which Tab skips): a real button takes
 * its place, says whether the menu is open, moves the focus into the menu when a key opened it, and
 * Escape closes the menu again (before Escape could mean "Snel weg"). Without JavaScript the label
 * stays (a mouse or a tap opens the menu). No network, no storage.
 */
(function () {
  "use strict";
  // A wide flowchart on a phone scrolls the same way (.wz-flow-scroll, flow.css): its text stays readable.
  var WIDE = ".md-typeset__scrollwrap, .wz-flow-scroll";
  function isChart(wrap) { return wrap.classList.contains("wz-flow-scroll"); }
  function label(wrap) {
    var caption = wrap.querySelector("caption, svg > title");
    return caption ? caption.textContent.trim() : isChart(wrap) ? "Schema" : "Tabel";
  }
  // The same for sighted readers: a line above the table, as the table's right edge is cut off
  // without a sign that there is more (screen readers hear it in the region's name instead).
  function hintOf(wrap) {
    var before = wrap.previousElementSibling;
    return before && before.classList.contains("wz-scroll-hint") ? before : null;
  }
  function update() {
    document.querySelectorAll(WIDE).forEach(function (wrap) {
      var hint = hintOf(wrap);
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap) + " (schuif opzij om alles te zien)");
        if (!hint) {
          hint = document.createElement("p");
          hint.className = "wz-scroll-hint";
          hint.setAttribute("aria-hidden", "true");
          hint.textContent = "Schuif " + (isChart(wrap) ? "het schema" : "de tabel") + " opzij om alles te zien \u2192";
          wrap.parentNode.insertBefore(hint, wrap);
        }
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
        if (hint) hint.remove();
      }
    });
  }
  var timer;
  function later() { clearTimeout(timer); timer = setTimeout(update, 100); }
  window.addEventListener("load", update);
  window.addEventListener("resize", later);
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(later);

  function menu() {
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    if (!toggle || !label || label.hidden) return;
    var drawer = document.querySelector(".md-sidebar--primary");
    /* A real button in the label's place, with Material's icon and classes (a label cannot be a button) */
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " wz-menu-button";
    button.setAttribute("aria-label", "Menu");
    while (label.firstChild) button.appendChild(label.firstChild);
    label.parentNode.insertBefore(button, label);
    label.hidden = true;
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function (ev) {
      toggle.click();  /* Material listens to the checkbox */
      if (ev.detail === 0 && toggle.checked && drawer) {  /* opened with Enter or Space: into the menu */
        setTimeout(function () {  /* once the drawer is visible (wijzer.css) */
          var first = drawer.querySelector("a[href], label[tabindex], input");
          if (first) first.focus();
        }, 30);
      }
    });
    document.addEventListener("keydown", function (ev) {
      if ((ev.key === "Escape" || ev.key === "Esc") && toggle.checked && getComputedStyle(button).display !== "none") {
        ev.preventDefault();
        ev.stopPropagation();
        toggle.click();
        button.focus();
      }
    }, true);  /* capture: before safety.js reads Escape as "leave this page" */
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", menu); else menu();
})();
