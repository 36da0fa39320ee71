"""Hulp zoeken, the signaleringshulp and the beslishulp do not move under a visitor's thumb while
their script starts (issue 22).

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
def test_hulp_zoeken_does_not_shift_while_its_script_starts(fresh_page, site_url, viewport, query):
    page = fresh_page
    page.set_viewport_size(VIEWPORTS[viewport])
    cls = shift_after_load(page, f"{site_url}hulp-zoeken/{query}", "assets/v/finder.*.js")
    # The finder did start: the filters work and the count names the matches.
    assert page.locator("#wz-f-gemeente").is_visible()
    assert page.get_by_role("button", name="Toon hulp").is_visible()
    assert cls <= 0.05, f"verschuiving {cls:.3f} op {viewport}"


def test_without_javascript_the_finder_has_no_dead_form(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(f"{site_url}hulp-zoeken/")
    assert "Hieronder staat al het hulpaanbod" in page.locator(".wz-finder__nojs").inner_text()
    assert page.locator(".wz-finder__nojs").is_visible()
    assert not page.locator("#wz-f-gemeente").is_visible()
    assert page.locator(".wz-finder__list > li").count() > 20


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_signaleren_shows_its_questions_first_and_does_not_shift(fresh_page, site_url, viewport):
    """The cards and the offers' data (every offer nationally: megabytes) come in one request on the
    first interaction, not while the page loads."""
    page = fresh_page
    page.set_viewport_size(VIEWPORTS[viewport])
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if r.url.endswith("kaarten.json") else None)
    cls = shift_after_load(page, f"{site_url}signaleren/", "assets/v/flow.*.js")
    assert cls <= 0.05, f"verschuiving {cls:.3f} op {viewport}"
    assert page.locator("fieldset.wz-question").first.is_visible()
    assert fetched == [] and page.locator("template[data-wz-offer-card]").count() == 0
    assert page.evaluate("JSON.parse(document.getElementById('wz-taxatie-data').textContent).offers") is None
    page.locator(".wz-question input").first.check()
    page.locator("template[data-wz-offer-card]").first.wait_for(state="attached")  # no wait_for_function: the CSP forbids eval
    assert fetched == [f"{site_url}signaleren/kaarten.json"]


def test_signaleren_page_carries_no_cards_and_fetches_the_same_file_for_every_gemeente(page, site_url):
    urls: list[str] = []
    page.on("request", lambda r: urls.append(r.url))
    html = page.request.get(f"{site_url}signaleren/").text()
    assert "data-wz-offer-card" not in html, "de kaarten horen niet in de pagina zelf"
    page.goto(f"{site_url}signaleren/")
    page.locator(".wz-question input").first.check()
    page.select_option("#wz-taxatie-gemeente", label="Zwolle")
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    assert page.locator("[data-wz-taxatie-national] .wz-card").count() > 0
    fetched = [u for u in urls if "kaarten" in u]
    assert fetched == [f"{site_url}signaleren/kaarten.json"], fetched
    assert not any("GM0" in u or "zwolle" in u.lower() for u in urls), "de gekozen gemeente mag niet in een verzoek staan"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_beslishulp_does_not_shift_while_its_script_starts(fresh_page, site_url, viewport):
    """The decision aid's buttons are laid out from the first paint; only without JavaScript they are not there."""
    page = fresh_page
    page.set_viewport_size(VIEWPORTS[viewport])
    cls = shift_after_load(page, f"{site_url}professionals/beslishulp/", "assets/v/beslishulp.*.js")
    assert page.get_by_role("button", name="Bekijk de uitkomst").is_visible()  # the script did start
    assert page.get_by_text("JavaScript staat uit").is_hidden()
    assert cls <= 0.05, f"verschuiving {cls:.3f} op {viewport}"
