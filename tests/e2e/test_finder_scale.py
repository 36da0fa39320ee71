"""Hulp zoeken with more offers than fit on a screen (synthetic data from `wijzer synth`, built
like the real site): with JavaScript the list shows one page of matches and a "Toon meer" button
that shows the next page and moves the focus to it; the count always names every match; a filter
change starts again at the first page; without JavaScript every offer is listed."""

from __future__ import annotations

import pytest

from conftest import run_wijzer, serve_subpath
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

OFFERS = 200
PAGE = 60  # what a visitor sees before "Toon meer" (wijzer.pages.finder.PAGE_SIZE)
CARDS = ".wz-finder__list > li"


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    root = tmp_path_factory.mktemp("finder-scale")
    data, site = root / "data", root / "site"
    made = run_wijzer("synth", "--out", str(data), "--offers", str(OFFERS), "--organisations", "40")
    assert made.returncode == 0, made.stderr
    built = run_wijzer("build", "--site-dir", str(site), env={"WIJZER_DATA": str(data)})
    assert built.returncode == 0, built.stderr[-3000:]
    cat = load_catalogue(data).catalogue
    assert cat is not None and len(cat.offers) == OFFERS
    with serve_subpath(site) as url:
        yield url, cat


def slugs(page, visible_only: bool) -> list[str]:
    """Offer ids of the cards in page order; only those that take up space if ``visible_only``."""
    return page.eval_on_selector_all(
        CARDS,
        "(els, visible) => els.filter(li => !visible || li.getClientRects().length > 0)"
        ".map(li => li.querySelector('h3 a').getAttribute('href').split('/').at(-2))",
        visible_only,
    )


def open_finder(browser, url: str, query: str = ""):
    context = browser.new_context(service_workers="block", locale="nl-NL")
    page = context.new_page()
    page.goto(url + "hulp-zoeken/" + query)
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    return page


def for_parents(cat) -> set[str]:
    """What a parent sees without choosing an audience: everything but professional-only help."""
    return {o.id for o in cat.offers.values() if set(o.audiences) != {"professionals"}}


def test_one_page_of_cards_then_more_on_request(browser, scaled):
    url, cat = scaled
    page = open_finder(browser, url)
    order = slugs(page, visible_only=False)
    assert sorted(order) == sorted(cat.offers)
    shown = [slug for slug in order if slug in for_parents(cat)]
    total = len(shown)
    assert total > 3 * PAGE
    assert page.locator("[aria-live=polite]").inner_text() == f"{total} van {OFFERS} hulpvormen"
    assert slugs(page, visible_only=True) == shown[:PAGE]
    more = page.get_by_role("button", name="Toon er nog 60")
    assert page.locator("[data-wz-shown]").inner_text() == f"Je ziet er {PAGE} van de {total}."
    more.click()
    assert slugs(page, visible_only=True) == shown[: 2 * PAGE]
    # the keyboard user continues at the first new card
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.split("/")[-2] == shown[PAGE]
    page.get_by_role("button", name="Toon er nog 60").click()
    rest = total - 3 * PAGE
    page.get_by_role("button", name=f"Toon er nog {rest}").click()
    assert slugs(page, visible_only=True) == shown
    assert page.locator("[data-wz-more-results]").is_hidden()
    page.context.close()


def test_a_filter_change_starts_at_the_first_page_of_its_matches(browser, scaled):
    url, cat = scaled
    page = open_finder(browser, url)
    order = slugs(page, visible_only=False)
    page.get_by_role("button", name="Toon er nog 60").click()
    age = 15
    fits = {o.id for o in cat.offers.values() if o.ages is None or o.ages.min <= age <= o.ages.max} & for_parents(cat)
    assert PAGE < len(fits) < OFFERS
    page.get_by_label("Leeftijd van je kind").fill(str(age))
    expected = [slug for slug in order if slug in fits]
    assert page.locator("[aria-live=polite]").inner_text() == f"{len(fits)} van {OFFERS} hulpvormen"
    assert slugs(page, visible_only=True) == expected[:PAGE]
    while page.locator("[data-wz-more-results]").is_visible():
        page.locator("[data-wz-show-more]").click()
    assert slugs(page, visible_only=True) == expected
    page.context.close()


def test_without_javascript_every_offer_is_listed(browser, scaled):
    url, cat = scaled
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url + "hulp-zoeken/")
    assert sorted(slugs(page, visible_only=True)) == sorted(cat.offers)
    assert page.locator("[data-wz-show-more]").is_hidden()
    context.close()
