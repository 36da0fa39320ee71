"""Hulp zoeken with more offers than fit on a screen (synthetic data from `wijzer synth`, built
like the real site): the page carries the first page of cards and fetches the others on the first
interaction (issue 22); with JavaScript the list shows one page of matches and a "Toon meer" button
that shows the next page and moves the focus to it; the count always names every match; a filter
change starts again at the first page and searches every offer; without JavaScript the first page
is listed with a link to the overview of every offer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import run_wijzer, serve_subpath
from wijzer.core.catalogue import load_catalogue
from wijzer.pages.finder import finder_offers

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


def open_finder(new_page, url: str, query: str = "", requests: list[str] | None = None):
    page = new_page()
    if requests is not None:
        page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "hulp-zoeken/" + query)
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    return page


def show_more(page, button) -> None:
    """Press "Toon er nog …" as a visitor does, once the cards above it are complete: their summaries
    arrive as they come into view, and would move the button between the press and the release."""
    button.scroll_into_view_if_needed()
    page.locator(CARDS).filter(visible=True).last.locator("article > h3 + p:not(.wz-card__meta)").wait_for()
    button.click()


def for_parents(cat) -> set[str]:
    """What a parent sees without choosing an audience: everything but professional-only help."""
    return {o.id for o in cat.offers.values() if set(o.audiences) != {"professionals"}}


def test_one_page_of_cards_then_more_on_request(new_page, scaled):
    url, cat = scaled
    requests: list[str] = []
    page = open_finder(new_page, url, requests=requests)
    order = [o.id for o in finder_offers(cat)]
    in_page = slugs(page, visible_only=False)
    assert in_page == order[: len(in_page)] and PAGE <= len(in_page) < OFFERS
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if u.endswith("kaarten.json")], "de andere kaarten komen pas bij de eerste handeling"
    shown = [slug for slug in order if slug in for_parents(cat)]
    total = len(shown)
    assert total > 3 * PAGE
    assert page.locator("[aria-live=polite]").inner_text() == f"{total} van {OFFERS} hulpvormen"
    assert slugs(page, visible_only=True) == shown[:PAGE]
    more = page.get_by_role("button", name="Toon er nog 60")
    assert page.locator("[data-wz-shown]").inner_text() == f"Je ziet er {PAGE} van de {total}."
    show_more(page, more)
    page.locator(".wz-finder__results:not([aria-busy])").wait_for(state="attached")  # every card is in
    assert sorted(slugs(page, visible_only=False)) == sorted(cat.offers)  # every card is in now
    assert slugs(page, visible_only=True) == shown[: 2 * PAGE]
    assert [u for u in requests if u.endswith("kaarten.json")] == [url + "hulp-zoeken/kaarten.json"]
    # the keyboard user continues at the first new card
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.split("/")[-2] == shown[PAGE]
    show_more(page, page.get_by_role("button", name="Toon er nog 60"))
    rest = total - 3 * PAGE
    show_more(page, page.get_by_role("button", name=f"Toon er nog {rest}"))
    assert slugs(page, visible_only=True) == shown
    assert page.locator("[data-wz-more-results]").is_hidden()


def test_a_filter_change_starts_at_the_first_page_of_its_matches(new_page, scaled):
    url, cat = scaled
    page = open_finder(new_page, url)
    order = [o.id for o in finder_offers(cat)]
    show_more(page, page.get_by_role("button", name="Toon er nog 60"))
    age = 15
    fits = {o.id for o in cat.offers.values() if o.ages is None or o.ages.min <= age <= o.ages.max} & for_parents(cat)
    assert PAGE < len(fits) < OFFERS
    page.get_by_label("Leeftijd van je kind").fill(str(age))
    expected = [slug for slug in order if slug in fits]
    # the filter runs once the cards fetched on the first interaction are in: wait for its count (the list is drawn with it)
    expect(page.locator("[aria-live=polite]")).to_have_text(f"{len(fits)} van {OFFERS} hulpvormen")
    assert slugs(page, visible_only=True) == expected[:PAGE]
    while page.locator("[data-wz-more-results]").is_visible():
        page.locator("[data-wz-show-more]").click()
    assert slugs(page, visible_only=True) == expected


def test_a_gemeente_finds_its_offers_beyond_the_first_page(new_page, scaled):
    """Typing a gemeente is the first interaction: the other cards come, and the gemeente's own
    offers (most of them not among the page's first cards) come first."""
    url, cat = scaled
    page = open_finder(new_page, url)
    in_page = set(slugs(page, visible_only=False))
    local = [o for o in finder_offers(cat) if o.id not in in_page and not o.area.national and o.area.gemeenten
             and set(o.audiences) != {"professionals"}]
    assert local, "de synthetische gegevens horen lokaal aanbod buiten de eerste pagina te hebben"
    offer = local[0]
    code = sorted(offer.area.gemeenten)[0]
    page.get_by_label("Gemeente", exact=True).fill(cat.gemeenten[code].name)
    page.get_by_label("Gemeente", exact=True).press("Enter")
    page.locator(".wz-finder__results:not([aria-busy])").wait_for(state="attached")  # every card is in
    assert offer.id in slugs(page, visible_only=True)
    assert f"gemeente={code}" in page.url


def test_without_javascript_the_first_page_links_to_every_offer(new_page, scaled):
    url, cat = scaled
    page = new_page(java_script_enabled=False)
    page.goto(url + "hulp-zoeken/")
    listed = slugs(page, visible_only=True)
    assert listed == [o.id for o in finder_offers(cat)][: len(listed)] and PAGE <= len(listed) < OFFERS
    assert page.locator("[data-wz-show-more]").is_hidden()
    note = page.locator(".wz-finder__nojs").first
    assert f"de eerste {len(listed)} van de {OFFERS} hulpvormen" in note.inner_text()
    note.get_by_role("link", name="overzicht van al het hulpaanbod").click()
    page.wait_for_url("**/aanbod/")
    linked = set(page.eval_on_selector_all("main a", "els => els.map(a => a.href).filter(h => h.includes('/aanbod/'))"
                                                     ".map(h => h.split('/').at(-2))"))
    assert set(cat.offers) <= linked
