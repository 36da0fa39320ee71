"""Hulp zoeken does not move under a visitor's thumb while its script starts (issue 22).

The page is first painted without the finder's script (its response is held back, as on a slow
phone), then the script runs. Chromium's own layout-shift entries are summed, as Lighthouse does for
the cumulative layout shift; "good" is at most 0.1, our budget 0.05."""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.browser

OBSERVE = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({type: "layout-shift", buffered: true});
"""
VIEWPORTS = {"telefoon": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def shift_after_load(page, url: str, held_back: str) -> float:
    def slow(route):
        time.sleep(0.6)  # the script arrives after the first paint
        route.continue_()

    page.add_init_script(OBSERVE)
    page.route(f"**/{held_back}", slow)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(800)
    return page.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("query", ["", "?gemeente=Zwolle&leeftijd=8"])
def test_hulp_zoeken_does_not_shift_while_its_script_starts(page, site_url, viewport, query):
    page.set_viewport_size(VIEWPORTS[viewport])
    cls = shift_after_load(page, f"{site_url}hulp-zoeken/{query}", "assets/finder.js")
    # The finder did start: the filters work and the count names the matches.
    assert page.locator("#wz-f-gemeente").is_visible()
    assert page.get_by_role("button", name="Toon hulp").is_visible()
    assert cls <= 0.05, f"verschuiving {cls:.3f} op {viewport}"


def test_without_javascript_the_finder_has_no_dead_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}hulp-zoeken/")
    assert "Hieronder staat al het hulpaanbod" in page.locator(".wz-finder__nojs").inner_text()
    assert page.locator(".wz-finder__nojs").is_visible()
    assert not page.locator("#wz-f-gemeente").is_visible()
    assert page.locator(".wz-finder__list > li").count() > 20
    context.close()
