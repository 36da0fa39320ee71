"""The public-service look in Chromium: bold dark headings, Dutch landmark names, no edit pencil on public
pages, a colophon from the configuration, and a region's design tokens chosen in configuration."""

from __future__ import annotations

import pytest

from conftest import REGION_SITE_ENV, serve_subpath

pytestmark = pytest.mark.browser

PUBLIC = ["", "ouders/", "kinderen/", "gemeenten/zwolle/", "aanbod/kies/", "signaleren/"]


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_have_bold_headings_dutch_landmarks_a_colophon_and_no_edit_pencil(page, site_url, path):
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


def test_a_region_switches_its_design_tokens_in_configuration(browser, site_url, region_site):
    """The shared site has the default look; the run's second shared site (conftest.region_site) was
    built with WIJZER_THEME=utrecht and WIJZER_BEHEERDER="regio utrecht"."""
    assert REGION_SITE_ENV["WIJZER_THEME"] == "utrecht" and REGION_SITE_ENV["WIJZER_BEHEERDER"] == "regio utrecht"
    site, status, output = region_site
    assert status == 0, output[-3000:]
    colours, colophons = {}, {}
    with serve_subpath(site) as region_url:
        for theme, url in (("wijzer", site_url), ("utrecht", region_url)):
            context = browser.new_context(locale="nl-NL")
            page = context.new_page()
            page.goto(url + "ouders/")
            colours[theme] = page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")
            colophons[theme] = page.locator("footer .wz-colophon").inner_text()
            context.close()
    assert colours == {"wijzer": "rgb(29, 79, 115)", "utrecht": "rgb(176, 0, 25)"}
    assert "regio utrecht" in colophons["utrecht"] and "regio utrecht" not in colophons["wijzer"]
