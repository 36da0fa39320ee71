"""The sociale kaart of a gemeente in real Chromium: what it shows on screen, and that printing it
gives a clean A4 handout (no navigation, addresses readable on paper, print date and review range)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import printed_pages
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
SCREEN_ONLY = [".md-header", ".md-banner", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".wz-search", ".md-content__button", "button[data-wz-print]"]


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None, result.errors
    return result.catalogue


def nl_date(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def with_entry_point(cat) -> list[str]:
    """The gemeenten with an entry point in the data: all of the seed regions, and the large
    gemeenten elsewhere where a team was found (docs/aanspreekpunten.md)."""
    codes = sorted(c for c, g in cat.gemeenten.items() if g.entry_point)
    assert len(codes) >= 70
    return codes


def url_of(cat, site_url: str, code: str) -> str:
    return f"{site_url}gemeenten/{cat.gemeente_slugs[code]}/"


def in_area(cat, area, code: str) -> bool:
    if area.national:
        return False
    codes = set(area.gemeenten)
    for region_id in area.regions:
        codes |= set(cat.regions[region_id].gemeenten)
    return code in codes


def review_range(cat, code: str) -> tuple[dt.date, dt.date]:
    shown = [o for o in cat.offers.values() if o.area.national or in_area(cat, o.area, code)]
    shown += [o for o in cat.organisations.values() if o.area.national or in_area(cat, o.area, code)]
    entry = cat.gemeenten[code].entry_point
    if entry:
        shown.append(cat.organisations[entry])
    dates = [x.reviewed for x in shown]
    return min(dates), max(dates)


def busiest(cat) -> str:
    return max(with_entry_point(cat), key=lambda c: sum(in_area(cat, o.area, c) for o in [*cat.offers.values(), *cat.organisations.values()]))


def test_sociale_kaart_on_screen_orders_help_light_to_heavy(page, site_url, cat):
    code = busiest(cat)
    gemeente = cat.gemeenten[code]
    page.goto(url_of(cat, site_url, code))
    content = page.locator(".md-content")
    assert content.locator("h1").inner_text() == f"Hulp bij scheiding in {gemeente.name}"
    entry = cat.organisations[gemeente.entry_point]
    start = content.locator("#hier-begin-je + p + .wz-contact")
    assert start.get_by_role("link", name=entry.name).is_visible()
    # Tiers light to heavy, local help first, then national help.
    labels = {t.label: t.level for t in cat.tiers.values()}
    headings = content.locator("h2, h3").all_inner_texts()
    national_at = headings.index("Landelijke hulp")
    local = [labels[h] for h in headings[:national_at] if h in labels]
    national = [labels[h] for h in headings[national_at:] if h in labels]
    assert local and local == sorted(local)
    assert national == sorted(national)
    local_offers = {o.name for o in cat.offers.values() if in_area(cat, o.area, code)}
    national_offers = {o.name for o in cat.offers.values() if o.area.national}
    local_cards = content.locator("#aanbod-in-de-buurt ~ .wz-flow .wz-offer .wz-card__title").all_inner_texts()
    assert set(local_cards) == local_offers
    offer_links = content.locator("a[href*='aanbod/']").all_inner_texts()
    assert set(offer_links) == local_offers | national_offers
    # "Landelijke hulp" is help a parent or child can ask for; a richtlijn stands with the professionals
    listed = set(content.locator("#landelijk ~ .wz-flow a").all_inner_texts())
    theirs = {o.name for o in cat.offers.values() if o.area.national and set(o.audiences) == {"professionals"}}
    assert theirs and listed == national_offers - theirs
    # help that needs a verwijzing says where to ask, in the list itself (not "just call")
    by_name = {o.name: o for o in cat.offers.values()}
    for item in content.locator("#landelijk ~ .wz-flow li").all():
        offer = by_name[item.locator("a").inner_text()]
        said = item.inner_text()
        assert ("Vraag je wijkteam, huisarts of jeugdarts" in said) is (offer.access == "verwijzing-nodig"), offer.id
    assert theirs <= set(content.locator("#organisaties ~ ul a").all_inner_texts())
    for island in ("voorveld", "hulpverlening", "recht"):
        assert content.locator(f"#eiland-{island}").is_visible()
    assert content.locator(".wz-crisis a[href^='tel:']").count() == 3  # 112, Veilig Thuis, De Kindertelefoon
    # A page for 342 gemeenten: keep it light.
    assert page.evaluate("document.querySelectorAll('*').length") < 1500
    assert page.locator(".md-header").is_visible()
    assert not page.locator(".wz-print-meta").is_visible()
    # the two things to do with the page stand side by side (not as a list, one under the other)
    tops = page.locator(".wz-page-actions > li").evaluate_all("items => items.map(li => li.getBoundingClientRect().top)")
    assert len(tops) == 2 and tops[0] == tops[1], tops


def test_printed_sociale_kaart_is_a_clean_a4_handout(page, site_url, cat):
    code = busiest(cat)
    page.goto(url_of(cat, site_url, code))
    page.emulate_media(media="print")
    for selector in SCREEN_ONLY:
        assert not page.locator(selector).first.is_visible(), f"{selector} hoort niet op papier"
    assert page.locator("h1").is_visible()
    meta = page.locator(".wz-print-meta")
    assert meta.is_visible()
    oldest, newest = review_range(cat, code)
    text = " ".join(meta.inner_text().split())
    # One date when all data were checked on the same day (not "tussen 23 november en 23 november").
    checked = f"op {nl_date(newest)}" if oldest == newest else f"tussen {nl_date(oldest)} en {nl_date(newest)}"
    assert f"Gegevens gecontroleerd {checked}." in text
    assert f"Afgedrukt op {nl_date(dt.date.today())}" in text
    assert url_of(cat, site_url, code) in text

    # On paper every web address must be readable: in the link text, or printed after the link.
    links = page.eval_on_selector_all(
        ".md-content a[href^='http']",
        "as => as.filter(a => a.getClientRects().length).map(a => [a.href, a.textContent.trim(), getComputedStyle(a, '::after').content])",
    )
    assert links
    for href, label, after in links:
        bare = re.sub(r"^https?://(www\.)?", "", href).rstrip("/")
        assert href in after or label == bare, (href, label, after)

    pdf = page.pdf(prefer_css_page_size=True, print_background=False)
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert box and abs(float(box.group(1)) - 595.3) < 2 and abs(float(box.group(2)) - 841.9) < 2, "A4"


def one_per_region(cat) -> list[str]:
    """A seed gemeente from every region that has one (the same template serves them all)."""
    picked: dict[str, str] = {}
    for code in with_entry_point(cat):
        for region in cat.regions_of.get(code, []):
            picked.setdefault(region.id, code)
    return sorted(set(picked.values()))


def test_seed_region_gemeenten_print_without_navigation(page, site_url, cat):
    page.emulate_media(media="print")
    for code in one_per_region(cat):
        page.goto(url_of(cat, site_url, code), wait_until="load")
        state = page.evaluate(
            """() => ({
                header: document.querySelector('.md-header').getClientRects().length,
                nav: document.querySelector('.md-sidebar--primary').getClientRects().length,
                meta: document.querySelector('.wz-print-meta').getClientRects().length,
                entry: document.querySelector('#hier-begin-je + p + .wz-contact .wz-card__title').textContent.trim(),
            })"""
        )
        name = cat.gemeenten[code].name
        assert state["header"] == 0 and state["nav"] == 0, name
        assert state["meta"] > 0, name
        assert state["entry"] == cat.organisations[cat.gemeenten[code].entry_point].name, name


# The crisis block as the printed page has it: shown (a box with a size, not hidden by CSS), its text,
# and its links to call 112.
CRISIS_BLOCK = """() => {
  const block = document.querySelector(".wz-crisis");
  if (block === null) return { visible: false, text: "", calls_112: 0 };
  const box = block.getBoundingClientRect();
  return {
    visible: box.width > 0 && box.height > 0 && block.checkVisibility({ visibilityProperty: true }),
    text: block.innerText,
    calls_112: block.querySelectorAll("a[href='tel:112']").length,
  };
}"""


def test_every_gemeente_with_an_entry_point_prints_on_exactly_one_a4_page_with_a_crisis_block(page, site_url, cat):
    from wijzer.core.crisis import veilig_thuis_for

    codes = with_entry_point(cat)
    seed = {code for region in cat.regions.values() for code in region.gemeenten}
    assert len(seed & set(codes)) == 73 and len(codes) > 73  # every seed gemeente, and those elsewhere
    too_long = {}
    page.emulate_media(media="print")  # each page is laid out for paper only
    for code in codes:
        page.goto(url_of(cat, site_url, code), wait_until="load")
        crisis = page.evaluate(CRISIS_BLOCK)  # one call into the page for all of the block
        assert crisis["visible"], code
        text = crisis["text"]
        vt = veilig_thuis_for(cat, code)
        assert "112" in text and vt.name in text and vt.contact.phone in text and "0800-0432" in text, (code, text)
        assert crisis["calls_112"] == 1
        pages = printed_pages(page, prefer_css_page_size=True)
        if pages != 1:
            too_long[cat.gemeenten[code].name] = pages
    assert too_long == {}, f"meer dan één A4: {too_long}"


def test_regional_veilig_thuis_where_known_and_an_honest_next_step_without_entry_point(page, site_url, cat):
    zwolle = next(c for c, g in cat.gemeenten.items() if g.name == "Zwolle")
    page.goto(url_of(cat, site_url, zwolle))
    assert "Veilig Thuis IJsselland" in page.locator(".wz-crisis").inner_text()
    without = next(c for c, g in sorted(cat.gemeenten.items()) if not g.entry_point)
    page.goto(url_of(cat, site_url, without))
    steps = page.locator("#hier-begin-je ~ ol.wz-next-steps")
    assert steps.is_visible()
    text = steps.inner_text()
    assert f"website van de gemeente {cat.gemeenten[without].name}" in text
    assert "wijkteam" in text
    assert steps.locator("a[href^='tel:']").count() >= 1  # a national line to call
    # and where the rules are explained, for a parent who came here first
    rules = page.locator(".md-content p", has_text="Wat zegt de wet over omgang").get_by_role("link", name="wet en regels")
    assert rules.get_attribute("href").endswith("juridisch/")
    loket = cat.organisations["het-juridisch-loket"].contact.phone
    assert loket.startswith("0900") and f"{loket} (betaald nummer)" in text  # "Bel ..." next to "gratis advies" says it costs
    # the gemeente's own website, where it is known: one tap to the next step (else overheid.nl)
    site = cat.gemeenten[without].website
    assert site, "kies een gemeente met een bekende website"
    shown = site.removeprefix("https://").removeprefix("www.").rstrip("/")  # meierijstad.nl
    assert steps.get_by_role("link", name=shown, exact=True).get_attribute("href") == site
    # The crisis block comes right after the first step, before the lists.
    order = page.evaluate("[...document.querySelectorAll('.md-content h2')].map(h => h.id)")
    assert order.index("niet-veilig") == order.index("hier-begin-je") + 1
    assert order.index("landelijk") > order.index("niet-veilig")
