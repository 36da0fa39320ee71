"""A first-time visitor opens the home page and a generated offer page in real Chromium."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def test_home_page_shows_doors_and_emergency_numbers(page, site_url):
    page.goto(site_url)
    assert page.title().startswith("Wijzer")
    body = page.locator(".md-content")
    for door in ("Voor ouders", "Voor kinderen en jongeren", "Voor professionals"):
        assert body.get_by_role("link", name=re.compile(door, re.IGNORECASE)).first.is_visible()
    banner = page.locator(".wz-emergency")
    assert banner.is_visible()
    assert banner.get_by_role("link", name="0800-2000").get_attribute("href") == "tel:+318002000"
    assert "112" in banner.inner_text()


def test_generated_offer_page_is_reachable_from_the_overview(page, site_url):
    page.goto(site_url + "aanbod/")
    page.get_by_role("link", name="KIES", exact=False).first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/aanbod/kies/")
    assert page.locator("h1").inner_text().startswith("KIES")
    assert page.get_by_text("Laatst gecontroleerd").is_visible()
    # the rating with its year; KIES was rated in December 2020, more than five years before the build
    assert page.locator(".wz-badge").first.inner_text() == "Effectief volgens goede aanwijzingen (beoordeeld in 2020; ouder dan vijf jaar)"


@pytest.mark.parametrize(
    ("link", "url", "heading"),
    [("Zoek hulp", "/hulp-zoeken/", "Hulp zoeken"), ("Routekaart", "/routekaart/", "Routekaart"), ("Signaleren", "/signaleren/", "Signaleren")],
)
def test_the_tools_are_in_the_menu_of_a_generated_page(page, site_url, link, url, heading):
    """The finder, the routekaart and the signaleringshulp are one click away in the menu, also on
    the thousands of pages outside it (a gemeente page here)."""
    page.goto(site_url + "gemeenten/zwolle/")
    menu = page.locator(".md-sidebar--primary nav")
    menu.get_by_role("link", name=link, exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith(url)
    assert page.locator("h1").first.inner_text().startswith(heading)


def test_the_finder_is_in_the_phone_menu(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "gemeenten/zwolle/")
    page.get_by_role("button", name="Menu").click()
    drawer = page.locator(".md-sidebar--primary nav")
    drawer.get_by_text("Hulp zoeken", exact=True).first.click()  # opens the section
    drawer.get_by_role("link", name="Zoek hulp", exact=True).click()
    page.wait_for_load_state()
    assert page.url.endswith("/hulp-zoeken/")


def test_a_parent_on_a_legal_topic_jumps_past_the_lawyers_text_to_the_help(page, site_url):
    """A law page has a part for parents, then a long part for professionals, then the help that
    fits: on a phone the parent gets there in one tap from the top."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "juridisch/zorgregeling-en-omgang/")
    page.get_by_role("navigation", name="Kies je tekst").get_by_role("link", name="Hulp die hierbij past").click()
    help_heading = page.locator("#hulp")
    assert help_heading.inner_text().startswith("Hulp die hierbij past")
    box = help_heading.bounding_box()
    assert box and 0 <= box["y"] < 844, "de hulp staat na één tik in beeld"
    assert page.locator("#hulp + .wz-cards .wz-offer").count() >= 1
