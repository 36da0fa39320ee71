"""The public-service look in Chromium: bold dark headings, Dutch landmark names, no edit pencil on public
pages, a colophon from the configuration, and a region's design tokens chosen in configuration."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import REGION_SITE_ENV, each_case, serve_subpath

pytestmark = pytest.mark.browser

PUBLIC = ["", "ouders/", "kinderen/", "gemeenten/zwolle/", "aanbod/kies/", "signaleren/"]


def test_public_pages_have_bold_headings_dutch_landmarks_a_colophon_and_no_edit_pencil(page, site_url):
    def check(path: str) -> None:
        page.goto(site_url + path)
        h1 = page.locator("h1").first
        assert int(h1.evaluate("h => getComputedStyle(h).fontWeight")) >= 700
        assert h1.evaluate("h => getComputedStyle(h).color") in {"rgb(20, 32, 43)", "rgb(0, 0, 0)"}
        assert page.locator(".md-content__button, a[title*='Wijzig'], a[href*='/edit/']").count() == 0
        assert page.locator("[aria-label='Header'], [aria-label='Footer']").count() == 0
        assert page.locator(".md-header [aria-label='Paginakop']").count() == 1
        colophon = page.locator("footer .wz-colophon")
        assert "Dit platform wordt beheerd door" in colophon.inner_text()
        assert colophon.get_by_role("link").count() == 1
        # the default contact is a public issue tracker: the footer says so, so no one posts their story there
        assert "openbaar: zet er geen persoonlijke gegevens in" in colophon.inner_text()

    assert each_case(PUBLIC, check, name=lambda path: path or "/") == {}


def test_a_region_switches_its_design_tokens_in_configuration(new_page, site_url, region_site):
    """The shared site has the default look; the run's second shared site (conftest.region_site) was
    built with WIJZER_THEME=voorbeeld and WIJZER_BEHEERDER="regio voorbeeld"."""
    assert REGION_SITE_ENV["WIJZER_THEME"] == "voorbeeld" and REGION_SITE_ENV["WIJZER_BEHEERDER"] == "regio voorbeeld"
    site, status, output = region_site
    assert status == 0, output[-3000:]
    colours, colophons = {}, {}
    with serve_subpath(site) as region_url:
        for theme, url in (("wijzer", site_url), ("voorbeeld", region_url)):
            page = new_page()
            page.goto(url + "ouders/")
            colours[theme] = page.evaluate(
                "[getComputedStyle(document.querySelector('.md-header')).backgroundColor,"
                " getComputedStyle(document.querySelector('h1')).color]"
            )
            colophons[theme] = page.locator("footer .wz-colophon").inner_text()
            result = Axe().run(page, options={"resultTypes": ["violations"]})
            assert [v["id"] for v in result.response["violations"]] == [], theme  # contrast AA with either set
            page.keyboard.press("Tab")  # the skip link takes the NLDS Skip Link tokens
            skip = page.locator(":focus")
            assert skip.inner_text().strip() == "Ga naar inhoud"
            assert skip.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 221, 0)"
    # voorbeeld: the header and heading colours of @nl-design-system-unstable/voorbeeld-design-tokens
    assert colours == {"wijzer": ["rgb(29, 79, 115)", "rgb(20, 32, 43)"], "voorbeeld": ["rgb(81, 21, 239)", "rgb(0, 26, 64)"]}
    assert "regio voorbeeld" in colophons["voorbeeld"] and "regio voorbeeld" not in colophons["wijzer"]
