"""Safety: every page says where to get help now; pages about violence and the taxatie have a
quick exit that leaves with one click or the Escape key and keeps the page out of the back
history. The neutral site is answered by the test itself (no request leaves this machine)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from conftest import BrowserProfiles, each_case

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.google.nl/"
EVERY_KIND = ["", "ouders/", "kinderen/", "hulp-zoeken/", "gemeenten/zwolle/", "aanbod/kies/", "organisaties/de-kindertelefoon/",
              "juridisch/ouderlijk-gezag/", "signaleren/", "404.html"]
QUICK_EXIT = ["", "ouders/", "signaleren/", "kinderen/", "kinderen/kindertelefoon/", "organisaties/de-kindertelefoon/", "aanbod/kindertelefoon/",
              "juridisch/beroepsgeheim-en-meldcode/", "aanbod/veilig-thuis-advies/", "organisaties/veilig-thuis/",
              "juridisch/spoedmaatregelen/", "juridisch/paspoort-vakantie-en-kinderontvoering/",
              "hulp-zoeken/", "gemeenten/zwolle/",  # the parents' way to local help: ouders/, the finder, the gemeente
              "juridisch/verhuizen-met-kind/", "aanbod/begeleide-omgang/",  # every topic, organisation and offer for parents
              "gemeenten/"]  # and the overviews: the A-Z list is where "Waar woon je?" sends who types no known name


@contextlib.contextmanager
def guard(page) -> Iterator[list[str]]:
    """Record the page's requests to hosts other than this one and the neutral site while the block runs."""
    outside: list[str] = []

    def asked(request) -> None:
        if not request.url.startswith(("http://127.0.0.1", NEUTRAL, "data:", "about:")):
            outside.append(request.url)

    page.on("request", asked)
    try:
        yield outside
    finally:
        page.remove_listener("request", asked)


@contextlib.contextmanager
def leaving(page) -> Iterator[None]:
    """Around the action that leaves the site: the visit to the neutral site is answered locally,
    and the test waits until the page is there. Only around that action, as a route makes
    Chromium hand every request to Playwright, which doubles the cost of a visit."""
    page.route(NEUTRAL + "**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>Neutraal</title>neutraal"))
    try:
        yield
        page.wait_for_url(NEUTRAL)
    finally:
        page.unroute(NEUTRAL + "**")


@pytest.fixture
def guarded(browser_profiles, new_page):
    """The tab the tests share (conftest.BrowserProfiles; emptied after the test by new_page), failing
    the test on any request to a host other than this one and the neutral site."""
    page = browser_profiles.reused_page()
    with guard(page) as outside:
        yield page
    assert not outside, outside


@pytest.fixture
def guarded_with_clock(browser):
    """As guarded, in a profile of its own: the test sets the profile's clock."""
    context = browser.new_context(**BrowserProfiles.DEFAULTS)
    page = context.new_page()
    with guard(page) as outside:
        yield page
    context.close()
    assert not outside, outside


def test_every_page_shows_where_to_get_help_now(page, site_url):
    def check(path: str) -> None:
        page.goto(site_url + path)
        bar = page.locator(".wz-emergency")
        assert bar.is_visible(), "geen balk met hulp"
        assert bar.get_by_role("link", name="bel 112").get_attribute("href") == "tel:112"
        assert bar.get_by_role("link", name="0800-2000").get_attribute("href") == "tel:+318002000"
        assert bar.get_by_role("link", name="0800-0432").get_attribute("href") == "tel:+318000432"

    assert each_case(EVERY_KIND, check, name=lambda path: path or "/") == {}


def test_quick_exit_click_leaves_without_a_trace_in_history(guarded, site_url):
    page = guarded
    before = site_url + "over/privacy/"  # a page without the quick exit (a light one: each case loads it twice)

    def check(path: str) -> None:
        if page.url != before:  # Terug after the last case came back here
            page.goto(before)
        page.goto(site_url + path)
        button = page.get_by_role("link", name="Snel weg")
        assert button.is_visible(), "geen knop 'Snel weg'"
        with leaving(page):
            button.click()
        page.go_back()
        assert page.url == before, "na 'Snel weg' mag Terug de pagina niet meer tonen"

    assert each_case(QUICK_EXIT, check, name=lambda path: path or "/") == {}


def test_escape_leaves_a_page_about_unsafety_at_once(guarded, site_url):
    page = guarded
    page.goto(site_url + "ouders/")
    page.goto(site_url + "juridisch/beroepsgeheim-en-meldcode/")
    with leaving(page):
        page.keyboard.press("Escape")
    page.go_back()
    assert page.url == site_url + "ouders/"


def test_escape_while_typing_asks_first_and_a_second_leaves(guarded, site_url):
    """On the home page, Escape in "Waar woon je?" often means "close the suggestions": it must not
    throw a parent out of the site halfway through a name. A second Escape leaves, as on the taxatie."""
    page = guarded
    page.goto(site_url + "ouders/")
    page.goto(site_url)
    field = page.get_by_label("Waar woon je?")
    field.fill("Zwol")
    page.keyboard.press("Escape")
    assert page.url == site_url
    assert "Druk nog een keer op Esc" in page.get_by_role("status").filter(has_text="Esc").inner_text()
    with leaving(page):
        page.keyboard.press("Escape")
    page.go_back()
    assert page.url == site_url + "ouders/"


def test_on_the_taxatie_one_stray_escape_keeps_the_answers_and_a_second_leaves(guarded, site_url):
    """A professional's answers live only in the page: one Escape asks, a second one leaves."""
    page = guarded
    page.goto(site_url + "ouders/")
    page.goto(site_url + "signaleren/")
    first = page.locator("input[type=radio]").first
    first.check()
    page.keyboard.press("Escape")
    status = page.get_by_role("status").filter(has_text="Esc")
    assert "Druk nog een keer op Esc" in status.inner_text()
    assert page.url == site_url + "signaleren/"
    assert first.is_checked(), "één Esc wist de antwoorden niet"
    with leaving(page):
        page.keyboard.press("Escape")
    page.go_back()
    assert page.url == site_url + "ouders/"


def test_one_escape_on_the_taxatie_expires(guarded_with_clock, site_url):
    page = guarded_with_clock
    page.clock.install()
    page.goto(site_url + "signaleren/")
    page.keyboard.press("Escape")
    page.clock.run_for(5000)
    page.keyboard.press("Escape")  # a new first press, not the second of a pair
    assert page.url == site_url + "signaleren/"


@pytest.mark.parametrize(("touch", "hint"), [(False, True), (True, False)], ids=["muis", "touch"])
def test_no_escape_hint_on_touch_screens(new_page, site_url, touch, hint):
    page = new_page(has_touch=touch, is_mobile=touch, viewport={"width": 390, "height": 844})
    page.goto(site_url + "kinderen/")
    assert page.get_by_role("link", name="Snel weg").is_visible()
    assert page.locator(".wz-quick-exit__hint").is_visible() is hint


def test_escape_closes_search_first(guarded, site_url):
    page = guarded
    page.goto(site_url + "signaleren/")
    page.get_by_role("searchbox", name="Zoeken").click()
    page.keyboard.press("Escape")
    assert page.url == site_url + "signaleren/"
    with leaving(page):
        page.keyboard.press("Escape")
        page.keyboard.press("Escape")


def test_quick_exit_is_reachable_by_keyboard_first(guarded, site_url):
    page = guarded
    page.goto(site_url + "juridisch/beroepsgeheim-en-meldcode/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-wz-quick-exit')"):
            break
    else:
        pytest.fail("'Snel weg' is niet met Tab te bereiken")
    with leaving(page):
        page.keyboard.press("Enter")


def test_other_pages_have_no_quick_exit_and_escape_stays(page, site_url):
    page.goto(site_url + "aanbod/richtlijn-scheiding/")  # for professionals only
    assert page.locator("[data-wz-quick-exit]").count() == 0
    page.keyboard.press("Escape")
    assert page.url == site_url + "aanbod/richtlijn-scheiding/"


def test_in_the_finder_one_stray_escape_closing_a_list_stays(guarded, site_url):
    """Hulp zoeken has the quick exit (it is the parents' way to local help), but Escape also closes
    the list of gemeenten there: one Escape asks, a second one leaves."""
    page = guarded
    page.goto(site_url + "ouders/")
    page.goto(site_url + "hulp-zoeken/")
    page.get_by_label("Gemeente", exact=True).focus()  # where Escape closes the list of suggestions
    page.keyboard.press("Escape")
    assert "Druk nog een keer op Esc" in page.get_by_role("status").filter(has_text="Esc").inner_text()
    assert page.url == site_url + "hulp-zoeken/"
    with leaving(page):
        page.keyboard.press("Escape")
    page.go_back()
    assert page.url == site_url + "ouders/"


def test_at_the_bottom_of_a_page_the_button_covers_no_text_on_a_phone(page, site_url):
    """The button stays in the corner; scrolled to the very end, the last lines of the page (the
    footer's small print included) stand clear of it."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "gemeenten/zwolle/")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    covered = page.evaluate(
        """() => {
          const button = document.querySelector("[data-wz-quick-exit]").getBoundingClientRect();
          const hit = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            if (!node.data.trim() || node.parentElement.closest("[data-wz-quick-exit]")) continue;
            const range = document.createRange();
            range.selectNodeContents(node);
            for (const r of range.getClientRects()) {
              if (r.width && r.bottom > button.top && r.top < button.bottom && r.right > button.left && r.left < button.right) hit.push(node.data.trim().slice(0, 40));
            }
          }
          return hit;
        }"""
    )
    assert covered == [], f"de knop Snel weg staat over: {covered}"
