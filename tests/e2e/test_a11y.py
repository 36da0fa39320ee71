"""Accessibility (WCAG 2.1 AA): axe-core in Chromium reports zero violations on every page type,
also with the search open and on a phone-sized screen; the search works by keyboard alone."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_hosting import root_url  # noqa: F401 - fixture: the site at a domain root with its 404 page

from conftest import requests_in_flight, settled

pytestmark = pytest.mark.browser

PAGE_TYPES = {
    "home": "",
    "ouders": "ouders/",
    "kinderen": "kinderen/",
    "professionals": "professionals/",
    "professionals-eiland": "professionals/recht/",
    "finder": "hulp-zoeken/",
    "gemeente": "gemeenten/zwolle/",
    "offer": "aanbod/kies/",
    "organisation": "organisaties/veilig-thuis/",
    "legal-topic": "juridisch/ouderlijk-gezag/",
    "legal-topic-quick-exit": "juridisch/spoedmaatregelen/",
    "overview-aanbod": "aanbod/",
    "overview-organisaties": "organisaties/",
    "overview-gemeenten": "gemeenten/",
    "overview-juridisch": "juridisch/",
    "routekaart": "routekaart/",
    "signaleren": "signaleren/",
    "beslishulp": "professionals/beslishulp/",
    "beslishulp-uitleg": "professionals/beslishulp-uitleg/",
    "over": "over/toegankelijkheid/",
    "over-code-examples": "over/opname-criteria/",
}
AXE = Axe()


def violations(page) -> list[str]:
    result = AXE.run(page, options={"resultTypes": ["violations"]})
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])}x, bijvoorbeeld {v['nodes'][0]['target']}: {v['help']}"
        for v in result.response["violations"]
    ]


def axe_walk(page, site_url: str, paths: dict[str, str]) -> dict[str, list[str]]:
    """Every page in one tab, as a visitor clicks from page to page; returns each page's
    violations, so that one failing page type does not hide the next. axe looks at a page once
    it is complete: loaded, and with an answer to everything it asked for (see settled)."""
    found: dict[str, list[str]] = {}
    with requests_in_flight(page) as pending:
        for name, path in paths.items():
            page.goto(site_url + path)  # waits for the load event
            settled(page, pending)
            if problems := violations(page):
                found[name] = problems
    return found


def test_every_page_type_has_no_axe_violations(page, site_url):
    assert axe_walk(page, site_url, PAGE_TYPES) == {}


PHONE_PAGES = {name: PAGE_TYPES[name] for name in ("home", "gemeente", "signaleren", "beslishulp")}


def test_phone_sized_screen_has_no_axe_violations(new_page, site_url):
    page = new_page(viewport={"width": 390, "height": 844})
    assert axe_walk(page, site_url, PHONE_PAGES) == {}


def test_404_page_has_no_axe_violations(page, root_url):  # noqa: F811
    page.goto(root_url + "bestaat/niet/")
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    assert page.title().startswith("Pagina niet gevonden")  # a tab, a bookmark or a screen reader says what happened
    assert violations(page) == []


def test_open_search_with_results_has_no_axe_violations(page, site_url):
    page.goto(site_url + "ouders/")
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.fill("ouderschapsplan")
    page.locator("#wz-search-results .wz-search__result").first.wait_for()
    assert violations(page) == []


def test_open_search_on_a_phone_keeps_the_field_in_view_and_has_no_axe_violations(new_page, site_url):
    """On a phone the field sits under the emergency bar at the top of a page: the results open
    below it, so what was typed stays in view and can be corrected."""
    page = new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site_url + "kinderen/")
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.fill("kindertelefoon")
    page.locator("#wz-search-results .wz-search__result").first.wait_for()
    panel, field = page.locator("#wz-search-panel").bounding_box(), box.bounding_box()
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 375, panel
    assert panel["y"] >= field["y"] + field["height"], f"de resultaten bedekken het zoekveld: {panel} over {field}"
    assert panel["y"] + panel["height"] <= 740, "de resultaten lopen van het scherm"
    assert violations(page) == []


def test_results_that_arrive_late_keep_the_keyboard_focus(page, site_url):
    """Someone who arrows into the results while the answer to their last letters is still on its
    way must not be thrown back to the top of the page when that answer replaces the list."""
    page.goto(site_url + "kinderen/")
    page.get_by_role("searchbox", name="Zoeken").fill("kindertelefoon")
    page.locator("#wz-search-results .wz-search__result").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the second result
    page.evaluate("wzSearch.search('kindertelefoon chat')")  # a late answer replaces the list
    page.locator('#wz-search-panel[data-wz-query="kindertelefoon chat"]').wait_for(state="attached")
    assert page.evaluate("document.activeElement.matches('#wz-search-results a')"), "de focus is uit de resultaten verdwenen"
    assert page.evaluate("Array.from(document.querySelectorAll('#wz-search-results a.wz-search__link')).indexOf(document.activeElement)") == 1


def test_search_by_keyboard_alone(page, site_url):
    page.goto(site_url + "kinderen/")
    for _ in range(30):  # Tab from the top of the page until the search field has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id === 'wz-search-input'"):
            break
    else:
        pytest.fail("het zoekveld is niet met Tab te bereiken")
    page.keyboard.type("kindertelefoon")
    page.locator("#wz-search-results .wz-search__result").first.wait_for()
    page.keyboard.press("ArrowDown")  # to the first result
    assert page.evaluate("document.activeElement.matches('#wz-search-results a')")
    page.keyboard.press("Escape")  # closes the panel, back in the field
    assert page.locator("#wz-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "wz-search-input"
    page.keyboard.type(" ")
    page.locator("#wz-search-results .wz-search__result").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"kindertelefoon"))
    assert "Kindertelefoon" in page.locator("h1").inner_text()


def test_escape_right_after_the_last_letter_keeps_the_results_closed(page, site_url):
    """The search runs 60 ms after the last keystroke: an Escape within that time closes the
    panel for good, it does not open again when that search starts."""
    page.goto(site_url + "kinderen/")
    box = page.get_by_role("searchbox", name="Zoeken")
    box.click()
    box.press_sequentially("gezag")
    page.locator('#wz-search-panel[data-wz-query="gezag"]').wait_for(state="attached")
    box.press("s")
    box.press("Escape")
    page.wait_for_timeout(300)
    assert page.locator("#wz-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "wz-search-input"
    assert box.input_value() == "gezags", "Escape sluit de resultaten en laat de zoekvraag staan"


def test_skip_link_goes_to_the_content(page, site_url):
    page.goto(site_url + "aanbod/kies/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text().strip() == "Ga naar inhoud"
    page.keyboard.press("Enter")
    assert page.url.endswith("#kies-kinderen-in-een-scheiding")  # the page title of a generated page
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_on_a_phone_the_keyboard_reaches_the_menu_and_no_invisible_link(page, site_url):
    """At 390 px (and at 400 % zoom) the menu is a drawer. Tab reaches its button, Enter opens it with
    the focus inside, Escape closes it again (and does not leave the page, which has Snel weg); while
    it is closed, Tab never lands on a link that is off screen (WCAG 2.1.1, 2.4.7)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url)
    unseen = []
    for _ in range(25):  # from the top of the page into its content
        page.keyboard.press("Tab")
        box = page.evaluate("""() => { const r = document.activeElement.getBoundingClientRect();
                                       return [document.activeElement.textContent.trim().slice(0, 30), r.right, r.width]; }""")
        if box[1] <= 0 or box[2] == 0:
            unseen.append(box[0])
    assert unseen == [], f"Tab komt op onzichtbare links: {unseen}"
    button = page.get_by_role("button", name="Menu")
    assert button.get_attribute("aria-expanded") == "false"
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    page.wait_for_function("() => document.activeElement.closest('.md-sidebar--primary') !== null")
    # the focus is in the menu as it slides in (a quarter of a second), and ends in view
    page.wait_for_function("() => document.activeElement.getBoundingClientRect().left >= 0", timeout=5000)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Menu"
    assert page.url == site_url, "Esc sloot het menu en liet de pagina staan"
