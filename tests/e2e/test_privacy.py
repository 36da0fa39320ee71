"""Privacy by default: on every page type, with the search used, the browser asks nothing of
any other host, gets no cookie and nothing is written to localStorage or sessionStorage."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "",  # home
    "ouders/",
    "kinderen/",
    "professionals/",
    "professionals/voorveld/",
    "hulp-zoeken/",  # the finder
    "gemeenten/",
    "gemeenten/zwolle/",
    "aanbod/",
    "aanbod/kies/",
    "organisaties/",
    "organisaties/veilig-thuis/",
    "juridisch/",
    "juridisch/ouderlijk-gezag/",
    "routekaart/",
    "signaleren/",  # the taxatie
    "over/privacy/",
    "bestaat-niet/",  # the test server's own 404 (the site's 404 page is visited in test_hosting)
    "404.html",
]

# Every write to Web Storage is recorded before any page script runs.
RECORD_STORAGE = """
(() => {
  const writes = [];
  Object.defineProperty(window, "__wzStorageWrites", { value: writes });
  for (const name of ["setItem", "removeItem", "clear"]) {
    const original = Storage.prototype[name];
    Storage.prototype[name] = function (...args) {
      writes.push([this === window.localStorage ? "localStorage" : "sessionStorage", name, String(args[0])]);
      return original.apply(this, args);
    };
  }
})();
"""


@pytest.fixture(scope="module")
def visit(browser, site_url):
    """One fresh browser profile that visits every page type and uses the search; returns what it saw."""
    context = browser.new_context(service_workers="block", locale="nl-NL")
    context.add_init_script(RECORD_STORAGE)
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    seen = {"requests": requests, "writes": [], "cookies": None, "storage": []}

    def look(tab) -> None:
        """What the page wrote, once it has asked nothing for half a second (networkidle)."""
        tab.wait_for_load_state("networkidle")
        seen["writes"] += tab.evaluate("window.__wzStorageWrites")
        seen["storage"].append(tab.evaluate("[localStorage.length, sessionStorage.length, document.cookie]"))

    # A page is looked at only after it has been quiet for half a second, so a late request (a timer,
    # a tracker) is seen. Four tabs in turn: while one page waits out its quiet half second, the
    # next ones load, instead of the whole tour waiting half a second per page.
    tabs = [context.new_page() for _ in range(4)]
    for number, path in enumerate(PAGE_TYPES):
        tab = tabs[number % len(tabs)]
        if number >= len(tabs):
            look(tab)
        tab.goto(site_url + path)
    for tab in tabs:
        look(tab)
    page = tabs[0]
    # use the search and follow a result, as a visitor would
    page.goto(site_url + "ouders/")
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.fill("omgangsregeling")
    page.locator("#wz-search-results a.wz-search__link").first.click()
    page.wait_for_url(lambda url: "/ouders/" not in url)
    look(page)
    seen["cookies"] = context.cookies()
    yield seen
    context.close()


def test_no_request_leaves_the_site(visit, site_url):
    origin = site_url.split("/kennisplatform/")[0]
    foreign = [u for u in visit["requests"] if not u.startswith((origin + "/", "data:", "blob:", "about:"))]
    assert len(visit["requests"]) > len(PAGE_TYPES)  # the recorder saw the pages and their assets
    assert not foreign, foreign


def test_no_cookies(visit):
    assert visit["cookies"] == []
    assert all(cookie == "" for _, _, cookie in visit["storage"])


def test_nothing_is_stored_in_the_browser(visit):
    assert visit["writes"] == [], visit["writes"]
    assert all(local == 0 and session == 0 for local, session, _ in visit["storage"])
