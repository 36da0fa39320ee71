"""Hulp zoeken, the signaleringshulp and the beslishulp do not move under a visitor's thumb while
their script starts (issue 22).

The page is first painted without the tool's script (the test server holds its response back for
0.6 s, as on a slow phone), then the script runs. Chromium's own layout-shift entries are summed, as
Lighthouse does for the cumulative layout shift; "good" is at most 0.1, our budget 0.05. Every
page and screen size has a tab of its own, and the tabs load side by side: each waits out its held
script and the time after it at the same moment as the others."""

from __future__ import annotations

import fnmatch
import itertools
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import SUBPATH, _Handler, each_case, serve_subpath

pytestmark = pytest.mark.browser

OBSERVE = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
}).observe({type: "layout-shift", buffered: true});
"""
VIEWPORTS = {"telefoon": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
HELD_BACK = ("assets/v/finder.*.js", "assets/v/flow.*.js", "assets/v/beslishulp.*.js")  # each tool's own script
HOLD_S = 0.6  # the script arrives after the first paint
AFTER_LOAD_MS = 800  # shifts after the load event count too
# page -> what shows that its script did start
PAGES = {
    "hulp-zoeken/": "finder",
    "hulp-zoeken/?gemeente=Zwolle&leeftijd=8": "finder",
    "signaleren/": "signaleren",
    "professionals/beslishulp/": "beslishulp",
}


class _SlowScripts(_Handler):
    """The site under SUBPATH, with the tools' scripts held back and never taken from a cache."""

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0]
        self.held = any(fnmatch.fnmatch(path, SUBPATH + pattern) for pattern in HELD_BACK)
        if self.held:
            time.sleep(HOLD_S)
        super().do_GET()

    def end_headers(self) -> None:
        if getattr(self, "held", False):
            self.send_header("Cache-Control", "no-store")
        super().end_headers()


@pytest.fixture(scope="module")
def slow_url(built_site: Path) -> Iterator[str]:
    with serve_subpath(built_site, _SlowScripts) as url:
        yield url


def started(kind: str, tab: Any, requests: list[str]) -> None:
    """The tool's script did start (else a page without shifts proves nothing)."""
    if kind == "finder":  # the filters work
        assert tab.locator("#wz-f-gemeente").is_visible()
        assert tab.get_by_role("button", name="Toon hulp").is_visible()
    elif kind == "signaleren":
        # The questions come first. The cards and the offers' data (every offer nationally: megabytes)
        # come in one request on the first interaction, not while the page loads.
        assert tab.locator("fieldset.wz-question").first.is_visible()
        cards = [url for url in requests if url.endswith("kaarten.json")]
        assert cards == [] and tab.locator("template[data-wz-offer-card]").count() == 0
        assert tab.evaluate("JSON.parse(document.getElementById('wz-taxatie-data').textContent).offers") is None
        tab.locator(".wz-question input").first.check()
        tab.locator("template[data-wz-offer-card]").first.wait_for(state="attached")  # no wait_for_function: the CSP forbids eval
        assert [url for url in requests if url.endswith("kaarten.json")] == [tab.url.split("?")[0] + "kaarten.json"]
    else:  # the decision aid's buttons are laid out from the first paint; only without JavaScript they are not there
        assert tab.get_by_role("button", name="Bekijk de uitkomst").is_visible()
        assert tab.get_by_text("JavaScript staat uit").is_hidden()


def test_no_tool_shifts_while_its_script_starts(new_page, slow_url):
    tabs: dict[str, dict[str, Any]] = {}
    for (path, kind), (screen, viewport) in itertools.product(PAGES.items(), VIEWPORTS.items()):
        tab = new_page()
        tab.set_viewport_size(viewport)
        seen: dict[str, Any] = {"tab": tab, "kind": kind, "errors": [], "requests": []}
        tab.on("pageerror", lambda error, seen=seen: seen["errors"].append(str(error)))
        tab.on("request", lambda request, seen=seen: seen["requests"].append(request.url))
        tab.add_init_script(OBSERVE)
        tab.goto(slow_url + path, wait_until="commit")  # the others load meanwhile
        tabs[f"{path} op {screen}"] = seen
    for seen in tabs.values():
        seen["tab"].wait_for_load_state("load")
    next(iter(tabs.values()))["tab"].wait_for_timeout(AFTER_LOAD_MS)

    def check(name: str) -> None:
        seen = tabs[name]
        tab = seen["tab"]
        cls = tab.evaluate("window.__shifts.reduce((a, b) => a + b, 0)")
        held = [url for url in seen["requests"] if any(fnmatch.fnmatch(url, "*/" + pattern) for pattern in HELD_BACK)]
        assert len(held) == 1, f"het script van de pagina werd niet opgehaald: {held}"
        assert cls <= 0.05, f"verschuiving {cls:.3f}"
        started(seen["kind"], tab, seen["requests"])
        assert not [url for url in seen["requests"] if not url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))]
        assert seen["errors"] == []

    assert each_case(sorted(tabs), check) == {}


def test_without_javascript_the_finder_has_no_dead_form(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(f"{site_url}hulp-zoeken/")
    assert "Hieronder staat al het hulpaanbod" in page.locator(".wz-finder__nojs").inner_text()
    assert page.locator(".wz-finder__nojs").is_visible()
    assert not page.locator("#wz-f-gemeente").is_visible()
    assert page.locator(".wz-finder__list > li").count() > 20


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
