"""Search that finds: parents, children and professionals type their own words (typos, plurals,
other names for the same thing) into the site's search box in real Chromium, and the page they
need is among the first three results. Also: the index stays small enough for a phone, and the
search works with the keyboard alone."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from wijzer.site.search_index import sizes

pytestmark = pytest.mark.browser

# (what someone types, the page they need, who and why). Pages are site paths under the base URL;
# where two pages answer the question equally well, either counts. Known misses are listed in
# docs/audits.md (search), with the reason.
QUERIES: list[tuple[str, str | tuple[str, ...], str]] = [
    # parents
    ("omgangsregeling", "juridisch/zorgregeling-en-omgang/", "ouder; het woord dat ouders kennen"),
    ("omgangsregelingen afspreken", "juridisch/zorgregeling-en-omgang/", "ouder; meervoud (stemming)"),
    ("bezoekregeling vader", "juridisch/zorgregeling-en-omgang/", "ouder; synoniem uit data/synonyms.yaml"),
    ("co-ouderschap", "juridisch/zorgregeling-en-omgang/", "ouder; synoniem"),
    ("vechtscheiding hulp", "aanbod/uniform-hulpaanbod/", "ouder; de site zegt complexe scheiding"),
    ("hulp bij vastgelopen scheiding", "aanbod/uniform-hulpaanbod/", "ouder"),
    ("hoeveel kinderalimentatie moet ik betalen", "juridisch/kinderalimentatie/", "ouder; hele vraag met stopwoorden"),
    ("allimentatie", ("juridisch/kinderalimentatie/", "aanbod/kinderalimentatie-informatie/"), "ouder; tikfout uit de spellinglijst"),
    ("ex betaalt alimentatie niet", "aanbod/lbio-inning-alimentatie/", "ouder"),
    ("ouderschapplan", "juridisch/ouderschapsplan/", "ouder; tikfout (ontbrekende s)"),
    ("ouderschapsplan maken hulp", "aanbod/ouderschapsplan-hulp/", "ouder"),
    ("voogdij", "juridisch/ouderlijk-gezag/", "ouder; synoniem van ouderlijk gezag"),
    ("eenhoofdig gezag aanvragen", "juridisch/ouderlijk-gezag/", "ouder"),
    ("pro deo advocaat", "aanbod/gesubsidieerde-rechtsbijstand/", "ouder; oude naam van toevoeging"),
    ("mediator zoeken", "aanbod/mediator-zoeken/", "ouder"),
    # typos that are in no list: the search worker corrects them to the site's closest words
    ("mediatior zoeken", "aanbod/mediator-zoeken/", "ouder; tikfout, niet in de spellinglijst"),
    ("ouderschapsbemideling", "aanbod/ouderschapsbemiddeling/", "ouder; tikfout, niet in de spellinglijst"),
    ("begeleidde omgang", "aanbod/begeleide-omgang/", "ouder; tikfout, niet in de spellinglijst"),
    ("raadsondrezoek", "aanbod/raadsonderzoek/", "professional; letters omgewisseld"),
    ("omgangshuis", "aanbod/begeleide-omgang/", "ouder"),
    ("informatieplicht", ("juridisch/informatie-en-consultatie/", "juridisch/toestemming-jeugdhulp-en-behandeling/"), "ouder"),
    ("hulp in zwolle", "gemeenten/zwolle/", "ouder; eigen gemeente"),
    ("amersfoort", "gemeenten/amersfoort/", "ouder; alleen de plaatsnaam"),
    ("emigreren", "juridisch/verhuizen-met-kind/", "ouder; synoniem van verhuizen"),
    ("verhuizen zonder toestemming", "juridisch/verhuizen-met-kind/", "ouder"),
    ("ontvoeren", "juridisch/paspoort-vakantie-en-kinderontvoering/", "ouder; eigen woord"),
    ("paspoort kind toestemming", "juridisch/paspoort-vakantie-en-kinderontvoering/", "ouder"),
    ("huisverbod", "juridisch/spoedmaatregelen/", "ouder"),
    ("straatverbod", "juridisch/spoedmaatregelen/", "ouder; synoniem van contactverbod"),
    ("dossier inzien", "juridisch/dossierrechten/", "ouder"),
    ("stiefvader gezag", "juridisch/stiefouders-en-grootouders/", "ouder; synoniem van stiefouder"),
    ("omgang opa en oma", "juridisch/stiefouders-en-grootouders/", "grootouder"),
    ("kinderbijslag co-ouderschap", "juridisch/hoofdverblijf-inschrijving-en-toeslagen/", "ouder"),
    # children and young people
    ("kindertelfoon", "aanbod/kindertelefoon/", "kind; tikfout"),
    ("anoniem praten", ("aanbod/kindertelefoon/", "organisaties/de-kindertelefoon/", "kinderen/"), "kind"),
    ("praten met iemand", "kinderen/", "kind; eigen woorden"),
    ("geweld thuis", "organisaties/veilig-thuis/", "kind of ouder"),
    ("brief aan de rechter", "aanbod/kind-en-de-rechter/", "jongere"),
    ("training voor kinderen", "aanbod/kies/", "ouder"),
    ("lotgenoten", "aanbod/villa-pinedo/", "jongere"),
    ("kindgesprek", "aanbod/kind-en-de-rechter/", "jongere"),
    ("villa pinedo", "aanbod/villa-pinedo/", "jongere"),
    ("gratis advies voor jongeren", "aanbod/kinder-en-jongerenrechtswinkel/", "jongere"),
    # professionals
    ("meldplicht", "juridisch/beroepsgeheim-en-meldcode/", "professional; er is geen meldplicht maar een meldcode"),
    ("beroepsgeheim doorbreken", "juridisch/beroepsgeheim-en-meldcode/", "professional"),
    ("AMHK", ("organisaties/veilig-thuis/", "aanbod/veilig-thuis-advies/"), "professional; oude naam van Veilig Thuis (de organisatie of advies en melding daar)"),
    ("OTS", "aanbod/ondertoezichtstelling/", "professional; afkorting"),
    ("gezinsvoogd", "aanbod/ondertoezichtstelling/", "professional"),
    ("raadsonderzoek", "aanbod/raadsonderzoek/", "professional"),
    ("uniform hulpaanbod", "aanbod/uniform-hulpaanbod/", "professional"),
    ("richtlijn scheiding jeugdhulp", "aanbod/richtlijn-scheiding/", "professional"),
    ("AVG gegevens delen", "juridisch/privacy-en-gegevens-delen/", "professional"),
    ("toestemming behandeling 12 jaar", "juridisch/toestemming-jeugdhulp-en-behandeling/", "professional"),
    ("toestemming ouders onder 16 app", "juridisch/toestemming-en-privacy-van-kinderen/", "professional; AVG/UAVG-leeftijd"),
    ("loyaliteitsconflict", "aanbod/kinderen-uit-de-knel/", "professional"),
]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    """One page with the search index loaded, shared by the queries (building it takes seconds)."""
    context = browser.new_context(service_workers="block", locale="nl-NL")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site_url)
    # The first search fetches the full text of offers and organisations; wait until it is in.
    assert wait_for_full_text(page), "de volledige tekst kwam niet in de zoekindex"
    yield page
    context.close()
    assert not errors, f"JavaScript-fouten: {errors}"


# A word that is only in the description of an offer (not in its title or summary).
FULL_TEXT_WORD, FULL_TEXT_PAGE = "omgangshuizen", "aanbod/begeleide-omgang/"


def wait_for_full_text(page, timeout_s: float = 20) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if FULL_TEXT_PAGE in search(page, FULL_TEXT_WORD, timeout_ms=2000)[:3]:
            return True
        page.wait_for_timeout(250)
    return False


def search(page, query: str, timeout_ms: int = 15000) -> list[str]:
    """Type a query into the real search box; return the result pages (site paths), best first."""
    box = page.get_by_role("textbox", name="Zoeken")
    box.click()
    box.fill("")
    box.press("End")  # Material reads the box on keyup
    page.get_by_text("Typ om te beginnen met zoeken").wait_for()
    box.fill(query)
    box.press("End")
    try:  # the worker builds the index first; an empty result list would also end the wait, later
        page.locator(".md-search-result__item").first.wait_for(timeout=timeout_ms)
    except PlaywrightTimeout:
        return []
    # one list item per page, its first link is the page itself (the others are its sections)
    hrefs = page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)"
    )
    return [re.sub(r"^.*?/kennisplatform/", "", h).split("#")[0].split("?")[0] for h in hrefs]


@pytest.mark.parametrize(("query", "expected", "who"), QUERIES, ids=[q for q, _, _ in QUERIES])
def test_query_finds_the_page_in_the_top_three(search_page, query, expected, who):
    found = search(search_page, query)
    wanted = (expected,) if isinstance(expected, str) else expected
    assert set(wanted) & set(found[:3]), f"{query!r} ({who}): verwacht {expected} bij de eerste drie, kreeg {found[:5]}"


def test_at_least_25_realistic_queries():
    assert len(QUERIES) >= 25
    assert len({q for q, _, _ in QUERIES}) == len(QUERIES)


def test_search_index_is_small_enough_for_a_phone(built_site):
    data = (built_site / "search" / "search_index.json").read_bytes()
    raw, gzipped = sizes(data)
    index = json.loads(data)
    assert gzipped < 100 * 1024, f"zoekindex {raw} bytes, gzip {gzipped} bytes"  # measured: 355 kB, 70 kB gzip
    # a generated page is one document (title and one line), not its sections
    zwolle = [d["location"] for d in index["docs"] if d["location"].startswith("gemeenten/zwolle/")]
    assert zwolle == ["gemeenten/zwolle/"]
    kies = [d for d in index["docs"] if d["location"].startswith("aanbod/kies/")]
    assert len(kies) == 1 and kies[0]["title"].startswith("KIES")
    # the descriptions wait in the full-text file, fetched at the first search
    assert FULL_TEXT_WORD not in data.decode()
    full = json.loads((built_site / index["config"]["wijzer_fulltext"]).read_bytes())
    assert FULL_TEXT_PAGE in [d["location"] for d in full["docs"] if FULL_TEXT_WORD in d["text"]]


def test_a_word_from_a_description_is_found_after_the_first_search(browser, site_url):
    """Before any search the page has loaded only the small index; the first search brings the
    full text, and the results update by themselves (no second keystroke)."""
    context = browser.new_context(service_workers="block", locale="nl-NL")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "search_fulltext" in r.url else None)
    page.goto(site_url)
    page.wait_for_timeout(1000)
    assert not fetched, "de volledige tekst hoort pas bij de eerste zoekopdracht te komen"
    box = page.get_by_role("textbox", name="Zoeken")
    box.click()
    box.fill(FULL_TEXT_WORD)
    box.press("End")
    page.locator(f".md-search-result__item a[href*='{FULL_TEXT_PAGE}']").first.wait_for(timeout=20000)
    assert fetched
    context.close()


def test_search_works_with_the_keyboard_alone(page, site_url):
    page.goto(site_url + "ouders/")
    page.keyboard.press("/")  # Material's shortcut; Tab to the search field works too
    page.keyboard.type("kinderalimentatie")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kennisplatform/.+"))
    assert "alimentatie" in page.locator("h1").inner_text().lower()
