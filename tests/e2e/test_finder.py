"""The finder ("Hulp zoeken") in real Chromium, on the real site built from the real data.

Every expectation is computed here from ``load_catalogue('data')`` with the rules a visitor is
promised (national help counts everywhere; offers without an age range fit every age; within one
filter the choices are alternatives, different filters combine), not taken from the finder code."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import each_case
from wijzer.core import models as m
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
FINDER = "hulp-zoeken/"
CARDS = ".wz-finder__list > li"

# What a visitor sees as the legend of each filter, and which values of an offer it filters on.
FACETS = {
    "Voor wie": (m.AUDIENCE_LABELS, lambda o: o.audiences),
    "Zwaarte van de hulp": (None, lambda o: o.tiers),  # labels come from data/tiers.yaml
    "Fase van de scheiding": (m.PHASE_LABELS, lambda o: o.phases),
    "Vorm": (m.FORM_LABELS, lambda o: o.forms),
    "Kosten": (m.COSTS_LABELS, lambda o: [o.costs]),
    "Hoe kom je erbij": (m.ACCESS_LABELS, lambda o: [o.access]),
    "Bewezen effect": (m.EVIDENCE_LABELS, lambda o: [o.evidence.level]),
}


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None, result.errors
    return result.catalogue


# ---------------------------------------------------------------------------- expectations


def area_codes(cat, area: m.Area) -> set[str] | None:
    if area.national:
        return None
    codes = set(area.gemeenten)
    for region_id in area.regions:
        codes |= set(cat.regions[region_id].gemeenten)
    return codes


def in_gemeente(cat, code: str) -> set[str]:
    return {o.id for o in cat.offers.values() if (codes := area_codes(cat, o.area)) is None or code in codes}


def for_age(cat, age: int) -> set[str]:
    return {o.id for o in cat.offers.values() if o.ages is None or o.ages.min <= age <= o.ages.max}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


def everything(cat) -> set[str]:
    return set(cat.offers)


# ---------------------------------------------------------------------------- helpers


def open_finder(page, site_url: str, query: str = "") -> None:
    page.goto(site_url + FINDER + query)
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")


def shown(page) -> set[str]:
    """Offers whose card takes up space on the page (a hidden card has no layout box)."""
    return set(
        page.eval_on_selector_all(
            CARDS, "els => els.filter(li => li.getClientRects().length > 0).map(li => li.querySelector('h3 a').getAttribute('href').split('/').at(-2))"
        )
    )


def count_text(page) -> str:
    return page.locator("[aria-live=polite]").inner_text()


def professional_only(cat) -> set[str]:
    return {o.id for o in cat.offers.values() if set(o.audiences) == {"professionals"}}


def assert_result(page, cat, expected: set[str]) -> None:
    """Parents and children do not see professional-only help unless they pick that audience."""
    if "professionals" not in query_of(page).get("voor", []):
        expected = expected - professional_only(cat)
    assert shown(page) == expected
    assert count_text(page) == f"{len(expected)} van {len(cat.offers)} hulpvormen"


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def choose_gemeente(page, name: str) -> None:
    field = page.get_by_label("Gemeente", exact=True)
    field.fill(name)
    field.press("Tab")  # leaving the field commits the choice


# ---------------------------------------------------------------------------- gemeente


def sample_gemeenten(cat) -> dict[str, str]:
    """One gemeente named directly by an offer, one reached only through a region, one without local help."""
    listed = sorted({c for o in cat.offers.values() for c in o.area.gemeenten})
    via_region = sorted(
        c for c in cat.gemeenten
        if cat.local_offers(c) and not any(c in o.area.gemeenten for o in cat.offers.values())
    )
    without = sorted(c for c in cat.gemeenten if not cat.local_offers(c))
    assert listed and via_region and without
    return {"genoemd": listed[0], "via regio": via_region[0], "geen lokaal aanbod": without[0]}


def test_gemeente_typed_by_name_lists_national_and_local_help(page, site_url, cat):
    def check(kind: str) -> None:
        code = sample_gemeenten(cat)[kind]
        gemeente = cat.gemeenten[code]
        open_finder(page, site_url)
        choose_gemeente(page, gemeente.name)
        expected = in_gemeente(cat, code)
        assert_result(page, cat, expected)
        assert {o.id for o in cat.national_offers} <= expected
        assert query_of(page) == {"gemeente": [code]}
        chip = page.get_by_role("button", name=f"Filter verwijderen: {gemeente.name}")
        assert chip.is_visible()
        kaart = page.get_by_role("link", name=f"sociale kaart van {gemeente.name}").first
        assert kaart.is_visible()
        kaart.click()
        page.wait_for_load_state()
        assert page.url.endswith(f"/gemeenten/{cat.gemeente_slugs[code]}/")
        assert page.locator("h1").inner_text() == f"Hulp bij scheiding in {gemeente.name}"

    assert each_case(["genoemd", "via regio", "geen lokaal aanbod"], check) == {}


def test_gemeente_names_people_use_and_unknown_names(page, site_url, cat):
    open_finder(page, site_url)
    choose_gemeente(page, "den haag")  # not the CBS name, still found
    assert_result(page, cat, in_gemeente(cat, "GM0518"))
    assert page.get_by_role("button", name="Filter verwijderen: 's-Gravenhage").is_visible()
    choose_gemeente(page, "Hengelo")  # CBS: "Hengelo (O.)"
    hengelo = next(c for c, g in cat.gemeenten.items() if g.name == "Hengelo (O.)")
    assert_result(page, cat, in_gemeente(cat, hengelo))
    choose_gemeente(page, "Atlantis")
    assert_result(page, cat, everything(cat))
    field = page.get_by_label("Gemeente", exact=True)
    assert field.get_attribute("aria-invalid") == "true"
    assert "Atlantis" in page.locator("#wz-f-gemeente-hint").inner_text()



def test_the_finder_understands_gemeente_names_as_the_home_page_does(page, site_url, cat):
    def check(case: tuple[str, str]) -> None:
        typed, official = case
        code = next(c for c, g in cat.gemeenten.items() if g.name == official)
        open_finder(page, site_url)
        choose_gemeente(page, typed)
        assert_result(page, cat, in_gemeente(cat, code))
        assert query_of(page) == {"gemeente": [code]}
        assert page.get_by_role("button", name=f"Filter verwijderen: {official}").is_visible()

    # ... and a former gemeente counts as the gemeente it is part of now (herindelingen in data/regions.yaml)
    names = [("Den Bosch", "'s-Hertogenbosch"), ("sudwest fryslan", "Súdwest-Fryslân"), ("Hengelo", "Hengelo (O.)"), ("Weesp", "Amsterdam")]
    assert each_case(names, check, name=lambda case: case[0]) == {}
    # a name only close to a gemeente, or its beginning, is asked about, not chosen ("Bornee" is not Borne
    # for sure, and Born, a village in Sittard-Geleen, is one letter from it)
    for typed, close in (("Utrehct", "Utrecht"), ("Bornee", "Borne"), ("Leeuward", "Leeuwarden"), ("Zwol", "Zwolle")):
        open_finder(page, site_url)
        choose_gemeente(page, typed)
        assert_result(page, cat, everything(cat))
        assert page.locator("#wz-f-gemeente-hint").inner_text().startswith(f"Bedoel je {close}?")
        # and a screen reader hears it once the name is committed (a status, not a change at every letter)
        assert page.get_by_role("status").filter(has_text=f"Bedoel je {close}?").count() == 1
        assert "gemeente" not in query_of(page)


def test_the_finder_asks_which_bergen(page, site_url, cat):
    open_finder(page, site_url)
    choose_gemeente(page, "Bergen")
    assert_result(page, cat, everything(cat))  # no gemeente chosen for the visitor
    hint = page.locator("#wz-f-gemeente-hint").inner_text()
    assert hint.startswith("Welke gemeente bedoel je:")
    bergens = [g.name for g in cat.gemeenten.values() if g.name.startswith("Bergen (")]
    assert len(bergens) >= 2 and all(name in hint for name in bergens)
    # and which part of a former gemeente that was divided over four
    choose_gemeente(page, "Haaren")
    assert page.locator("#wz-f-gemeente-hint").inner_text().startswith("Welke gemeente bedoel je: Boxtel, Oisterwijk, Tilburg of Vught?")
    choose_gemeente(page, bergens[0])
    code = next(c for c, g in cat.gemeenten.items() if g.name == bergens[0])
    assert query_of(page) == {"gemeente": [code]}

def test_every_gemeente_can_be_picked_from_the_list(page, site_url, cat):
    open_finder(page, site_url)
    options = page.eval_on_selector_all("#wz-f-gemeenten option", "os => os.map(o => [o.value, o.dataset.code])")
    names = {code: name for name, code in options if name == cat.gemeenten[code].name}
    assert names == {code: g.name for code, g in cat.gemeenten.items()}
    assert len(names) == 342


# ---------------------------------------------------------------------------- age, facets, text


def test_age_of_the_child(page, site_url, cat):
    def check(age: int) -> None:
        open_finder(page, site_url)
        field = page.get_by_label("Leeftijd van je kind")
        field.fill(str(age))
        field.press("Enter")
        assert_result(page, cat, for_age(cat, age))
        assert query_of(page) == {"leeftijd": [str(age)]}
        assert page.get_by_role("button", name=f"Filter verwijderen: {age} jaar").is_visible()

    assert each_case([0, 5, 9, 13, 17, 24], check) == {}


def facet_options(page) -> list[tuple[str, str, str]]:
    """(legend, option label, value) of every checkbox, as the page shows them."""
    return page.eval_on_selector_all(
        "fieldset",
        """fs => fs.flatMap(f => Array.from(f.querySelectorAll('input[type=checkbox]')).map(b =>
            [f.querySelector('legend').textContent.trim(), b.closest('label').textContent.trim(), b.value]))""",
    )


def test_every_filter_option_lists_exactly_the_matching_offers(page, site_url, cat):
    open_finder(page, site_url)
    page.get_by_text("Meer filters").click()
    options = facet_options(page)
    assert {legend for legend, _, _ in options} == set(FACETS)
    tier_labels = {t.id: t.label for t in cat.tiers.values()}
    for legend, (labels, values_of) in FACETS.items():
        labels = labels or tier_labels
        in_data = {v for o in cat.offers.values() for v in values_of(o)}
        shown_options = {labels_value for lg, _, labels_value in options if lg == legend}
        assert shown_options == in_data, f"{legend}: opties horen precies de waarden in de gegevens te zijn"
    for legend, label, value in options:
        labels, values_of = FACETS[legend]
        assert label == (labels or tier_labels)[value]
        box = page.get_by_role("group", name=legend).get_by_role("checkbox", name=label, exact=True)
        box.check()
        expected = {o.id for o in cat.offers.values() if value in values_of(o)}
        assert_result(page, cat, expected)
        assert list(query_of(page).values()) == [[value]]
        box.uncheck()
        assert_result(page, cat, everything(cat))


def test_choices_within_a_filter_add_up_and_filters_combine(page, site_url, cat):
    open_finder(page, site_url)
    audiences = page.get_by_role("group", name="Voor wie")
    audiences.get_by_role("checkbox", name="Ouders").check()
    audiences.get_by_role("checkbox", name=m.AUDIENCE_LABELS["professionals"]).check()
    either = {o.id for o in cat.offers.values() if {"ouders", "professionals"} & set(o.audiences)}
    assert_result(page, cat, either)
    lightest = min(cat.tiers.values(), key=lambda t: t.level)
    page.get_by_role("group", name="Zwaarte van de hulp").get_by_role("checkbox", name=lightest.label).check()
    age = 9
    page.get_by_label("Leeftijd van je kind").fill(str(age))
    expected = {o.id for o in cat.offers.values() if o.id in either and lightest.id in o.tiers} & for_age(cat, age)
    assert_result(page, cat, expected)


def test_free_text_matches_name_and_summary(page, site_url, cat):
    label_text = fold(" ".join(
        [*m.AUDIENCE_LABELS.values(), *m.COSTS_LABELS.values(), *m.EVIDENCE_LABELS.values(), "Voor Leeftijd kind tot jaar Landelijk In een deel van Nederland"]
    ))

    def expected(query: str) -> set[str]:
        words = fold(query).split()
        return {
            o.id for o in cat.offers.values()
            if all(w in fold(o.name + " " + o.summary) for w in words)
        }

    open_finder(page, site_url)
    field = page.get_by_label("Zoekwoord")
    for query in ["KIES", "mediator", "Rechter", "Villa Pinedo", "pinedo buddy", "kinderbescherming"]:
        assert not any(w in label_text for w in fold(query).split()), query
        field.fill(query)
        assert expected(query), query
        assert_result(page, cat, expected(query))
    field.fill("")
    assert_result(page, cat, everything(cat))


# ---------------------------------------------------------------------------- chips, empty state, live region


def test_chips_remove_their_filter_and_no_results_offers_a_way_out(page, site_url, cat):
    code = sample_gemeenten(cat)["genoemd"]
    name = cat.gemeenten[code].name
    open_finder(page, site_url, f"?gemeente={code}&leeftijd=9&zoek=onvindbaarwoord")
    assert_result(page, cat, set())
    empty = page.locator("[data-wz-empty]")
    assert empty.is_visible()
    assert "Geen hulp gevonden" in empty.inner_text()
    assert "minder filters" in empty.inner_text()
    assert empty.get_by_role("link", name=f"sociale kaart van {name}").is_visible()
    assert empty.get_by_role("link", name="al het hulpaanbod").is_visible()
    page.get_by_role("button", name="Filter verwijderen: \u201convindbaarwoord\u201d").click()
    assert_result(page, cat, in_gemeente(cat, code) & for_age(cat, 9))
    assert not empty.is_visible()
    page.get_by_role("button", name="Filter verwijderen: 9 jaar").click()
    assert_result(page, cat, in_gemeente(cat, code))
    assert page.get_by_label("Leeftijd van je kind").input_value() == ""
    empty_button = page.get_by_role("button", name="Filter verwijderen: " + name)
    empty_button.click()
    assert_result(page, cat, everything(cat))
    assert page.locator("[data-wz-chips] button").count() == 0
    assert urlsplit(page.url).query == ""


def test_clear_all_from_the_no_results_state(page, site_url, cat):
    open_finder(page, site_url, "?zoek=onvindbaarwoord&kosten=betaald&trede=basis")
    assert_result(page, cat, set())
    page.locator("[data-wz-empty]").get_by_role("button", name="wis alle filters").click()
    assert_result(page, cat, everything(cat))
    assert page.evaluate("document.activeElement.id") == "wz-f-gemeente"


def test_live_region_announces_the_count(page, site_url, cat):
    open_finder(page, site_url)
    live = page.locator("[aria-live=polite]")
    assert live.count() == 1
    pro = professional_only(cat)
    assert live.inner_text() == f"{len(cat.offers) - len(pro)} van {len(cat.offers)} hulpvormen"
    page.get_by_label("Leeftijd van je kind").fill("16")
    assert live.inner_text() == f"{len(for_age(cat, 16) - pro)} van {len(cat.offers)} hulpvormen"


# ---------------------------------------------------------------------------- URL and history


def test_a_link_reproduces_the_view_and_back_restores_the_previous_one(page, site_url, cat):
    code = sample_gemeenten(cat)["via regio"]
    lightest = min(cat.tiers.values(), key=lambda t: t.level)
    open_finder(page, site_url, f"?gemeente={code}&leeftijd=9&trede={lightest.id}")
    first = {o for o in in_gemeente(cat, code) & for_age(cat, 9) if lightest.id in cat.offers[o].tiers}
    assert_result(page, cat, first)
    assert page.get_by_label("Gemeente", exact=True).input_value() == cat.gemeenten[code].name
    assert page.get_by_label("Leeftijd van je kind").input_value() == "9"
    tier_box = page.get_by_role("group", name="Zwaarte van de hulp").get_by_role("checkbox", name=lightest.label)
    assert tier_box.is_checked()
    first_url = page.url

    page.get_by_role("group", name="Voor wie").get_by_role("checkbox", name="Ouders").check()
    second = {o for o in first if "ouders" in cat.offers[o].audiences}
    assert_result(page, cat, second)
    assert query_of(page)["voor"] == ["ouders"]

    page.go_back()
    assert page.url == first_url
    assert_result(page, cat, first)
    assert not page.get_by_role("group", name="Voor wie").get_by_role("checkbox", name="Ouders").is_checked()
    page.go_forward()
    assert_result(page, cat, second)

    # The same address in a fresh tab gives the same view.
    other = page.context.new_page()
    other.goto(page.url)
    other.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    assert shown(other) == second
    other.close()


def test_typing_replaces_the_history_entry_and_a_finished_search_adds_one(page, site_url, cat):
    open_finder(page, site_url)
    start_length = page.evaluate("history.length")
    field = page.get_by_label("Zoekwoord")
    field.press_sequentially("mediator", delay=20)
    assert page.evaluate("history.length") == start_length, "elke toetsaanslag een eigen stap terug is onhandig"
    assert query_of(page) == {"zoek": ["mediator"]}
    field.press("Enter")
    assert page.evaluate("history.length") == start_length + 1
    filtered = shown(page)
    assert filtered and filtered != everything(cat)
    page.go_back()
    assert urlsplit(page.url).query == ""
    assert_result(page, cat, everything(cat))
    assert field.input_value() == ""
    page.go_forward()
    assert shown(page) == filtered
    assert field.input_value() == "mediator"


# ---------------------------------------------------------------------------- without JavaScript


def test_without_javascript_every_offer_is_listed(new_page, site_url, cat):
    page = new_page(java_script_enabled=False)
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("http://127.0.0.1") else foreign.append(r.url))
    page.goto(site_url + FINDER)
    cards = page.locator(CARDS)
    assert cards.count() == len(cat.offers)
    assert shown(page) == everything(cat)
    for offer in cat.offers.values():
        link = page.locator(CARDS).get_by_role("link", name=offer.name, exact=True)
        assert link.count() == 1, offer.name
        link.scroll_into_view_if_needed()  # cards far down are rendered when they come into view
        assert link.is_visible(), offer.name
    assert not page.locator("form.wz-finder__form").is_visible(), "filters zonder JavaScript zouden niets doen"
    assert page.get_by_role("link", name="lijst van alle gemeenten").is_visible()
    assert not foreign


# ---------------------------------------------------------------------------- keyboard only


def tab_to(page, predicate: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(el => {predicate})(document.activeElement)"):
            return
    raise AssertionError(f"met Tab niet bereikt: {predicate}")


def test_filters_work_with_the_keyboard_alone(page, site_url, cat):
    code = sample_gemeenten(cat)["genoemd"]
    name = cat.gemeenten[code].name
    open_finder(page, site_url)
    tab_to(page, "el.id === 'wz-f-gemeente'")
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "wz-f-leeftijd"
    page.keyboard.type("9")
    tab_to(page, "el.type === 'checkbox' && el.closest('label').textContent.trim() === 'Ouders'")
    page.keyboard.press("Space")
    expected = {o for o in in_gemeente(cat, code) & for_age(cat, 9) if "ouders" in cat.offers[o].audiences}
    assert_result(page, cat, expected)

    tab_to(page, "el.tagName === 'SUMMARY'")
    page.keyboard.press("Enter")
    tab_to(page, "el.type === 'checkbox' && el.value === 'gratis'")
    page.keyboard.press("Space")
    expected = {o for o in expected if cat.offers[o].costs == "gratis"}
    assert_result(page, cat, expected)

    # The chips come after the form; removing one moves focus to the next chip.
    tab_to(page, f"el.getAttribute('aria-label') === 'Filter verwijderen: {name}'")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Filter verwijderen: 9 jaar"
    assert_result(page, cat, {o for o in for_age(cat, 9) if "ouders" in cat.offers[o].audiences and cat.offers[o].costs == "gratis"})


# ---------------------------------------------------------------------------- the way in


def test_home_to_gemeente_and_age_in_one_click(page, site_url, cat):
    code = sample_gemeenten(cat)["via regio"]
    page.goto(site_url)
    page.locator(".md-content").get_by_role("link", name=re.compile("Hulp zoeken")).first.click()  # click 1
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    choose_gemeente(page, cat.gemeenten[code].name)
    page.get_by_label("Leeftijd van je kind").fill("7")
    assert_result(page, cat, in_gemeente(cat, code) & for_age(cat, 7))


def test_gemeente_page_leads_to_the_finder_for_that_gemeente(page, site_url, cat):
    code = sample_gemeenten(cat)["via regio"]
    name = cat.gemeenten[code].name
    page.goto(site_url + f"gemeenten/{cat.gemeente_slugs[code]}/")
    page.get_by_role("link", name=f"Zoek hulp in {name}").click()
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    assert_result(page, cat, in_gemeente(cat, code))
    assert page.get_by_label("Gemeente", exact=True).input_value() == name


def test_the_age_goes_along_to_the_gemeente_page_and_back(page, site_url, cat):
    code = sample_gemeenten(cat)["genoemd"]
    name = cat.gemeenten[code].name
    open_finder(page, site_url, f"?gemeente={code}&leeftijd=7")
    page.get_by_role("link", name=f"sociale kaart van {name}").first.click()
    page.wait_for_url(f"**/gemeenten/{cat.gemeente_slugs[code]}/?leeftijd=7")
    page.get_by_role("link", name=f"Zoek hulp in {name}").click()
    page.wait_for_selector("[data-wz-finder][data-wz-ready]", state="attached")
    assert query_of(page) == {"gemeente": [code], "leeftijd": ["7"]}
    assert page.get_by_label("Leeftijd van je kind").input_value() == "7"
    assert_result(page, cat, in_gemeente(cat, code) & for_age(cat, 7))


# ---------------------------------------------------------------------------- from a card to the offer page

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]


def nl_date(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def offer_examples(cat) -> dict[str, str]:
    """Offers that each show one kind of answer: a rated one, one with a provider's phone, one without a provider."""
    offers = sorted(cat.offers.values(), key=lambda o: o.id)
    rated = next(o for o in offers if o.evidence.level != "niet-beoordeeld")
    phone = next(o for o in offers if any(cat.organisations[p].contact.phone for p in o.providers))
    alone = next(o for o in offers if not o.providers and o.audiences != ["professionals"] and not o.sessions)
    local = next(o for o in offers if not o.area.national)
    return {"beoordeeld": rated.id, "telefoon": phone.id, "zonder aanbieder": alone.id, "lokaal": local.id}


def test_offer_page_from_the_finder_answers_what_a_parent_asks(page, site_url, cat):
    def check(kind: str) -> None:
        offer = cat.offers[offer_examples(cat)[kind]]
        open_finder(page, site_url)
        page.locator(CARDS).get_by_role("link", name=offer.name, exact=True).click()
        page.wait_for_load_state()
        content = page.locator(".md-content")
        assert content.locator("h1").inner_text() == offer.name
        facts = " ".join(content.locator(".wz-facts").inner_text().split())
        assert "Voor wie" in facts and m.ACCESS_LABELS[offer.access] in facts and m.COSTS_LABELS[offer.costs] in facts
        assert (offer.sessions or "Niet bekend in Wijzer") in facts
        evidence = content.locator(".wz-evidence")
        if offer.evidence.level == "niet-beoordeeld":
            assert "Effect niet beoordeeld" in evidence.inner_text()
        else:
            assert nl_date(offer.evidence.date) in evidence.inner_text()
            assert evidence.get_by_role("link").get_attribute("href") == offer.evidence.url
        where = content.locator("#waar + *").inner_text()
        if offer.area.national:
            assert where == "In heel Nederland."
        else:
            names = content.locator("#waar ~ ul").first.locator("li").all_inner_texts()
            assert set(names) == {cat.gemeenten[c].name for c in in_gemeente_codes(cat, offer)}
        for org_id in offer.providers:
            org = cat.organisations[org_id]
            card = content.locator(f".wz-contact[data-organisation='{org_id}']")
            assert card.get_by_role("link", name=org.name, exact=True).is_visible()
            if org.contact.phone:
                assert card.get_by_role("link", name=org.contact.phone).get_attribute("href").startswith("tel:+31")
            if org.contact.email:
                assert card.get_by_role("link", name=org.contact.email).get_attribute("href") == f"mailto:{org.contact.email}"
        if not offer.providers:
            assert "geen vaste aanbieder" in content.locator("#aanbieders + p").inner_text()
        sources = content.locator(".wz-sources a")
        assert [sources.nth(i).get_attribute("href") for i in range(sources.count())] == list(offer.sources)
        assert content.get_by_text(f"Laatst gecontroleerd: {nl_date(offer.reviewed)}").is_visible()

    assert each_case(["beoordeeld", "telefoon", "zonder aanbieder", "lokaal"], check) == {}


def in_gemeente_codes(cat, offer) -> set[str]:
    codes = area_codes(cat, offer.area)
    assert codes is not None
    return codes


def test_organisation_page_has_its_contact_card_and_its_offers(page, site_url, cat):
    orgs = sorted(cat.organisations.values(), key=lambda o: o.id)
    org = next((o for o in orgs if o.contact.phone and o.contact.opening_hours), None) or next(o for o in orgs if o.contact.phone)
    page.goto(f"{site_url}organisaties/{org.id}/")
    content = page.locator(".md-content")
    assert content.locator("h1").inner_text() == org.name
    card = content.locator("#contact + .wz-contact")
    assert card.get_by_role("link", name=org.contact.phone).get_attribute("href").startswith("tel:+31")
    for text in filter(None, [org.contact.opening_hours, org.contact.address and org.contact.address.postcode]):
        assert text in card.inner_text()
    provided = {o.name for o in cat.offers.values() if org.id in o.providers}
    assert set(content.locator(".wz-offer .wz-card__title").all_inner_texts()) == provided
    assert content.get_by_text(f"Laatst gecontroleerd: {nl_date(org.reviewed)}").is_visible()


def test_a_number_that_works_only_within_the_netherlands_is_dialled_without_31(page, site_url, cat):
    """A gemeente's 14 + netnummer (Delft Support: 14015) cannot be called as +31 14015: the call
    would not connect. Its link dials the number as written, on the gemeente page and the organisation page."""
    import phonenumbers

    local_only = [o for o in cat.organisations.values()
                  if o.contact.phone and not phonenumbers.can_be_internationally_dialled(phonenumbers.parse(o.contact.phone, "NL"))]
    assert local_only, "de gegevens hebben geen 14-nummer meer: kies een ander voorbeeld voor deze test"
    for org in local_only:
        digits = re.sub(r"\D", "", org.contact.phone)
        pages = [f"organisaties/{org.id}/"] + [f"gemeenten/{cat.gemeente_slugs[code]}/" for code, g in cat.gemeenten.items() if g.entry_point == org.id]
        for path in pages:
            page.goto(site_url + path)
            hrefs = page.locator(".md-content").get_by_role("link", name=org.contact.phone).evaluate_all("els => els.map(e => e.getAttribute('href'))")
            assert hrefs and set(hrefs) == {f"tel:{digits}"}, (path, hrefs)


def card_order(page) -> list[str]:
    return page.eval_on_selector_all(
        CARDS, "els => els.filter(li => li.getClientRects().length > 0).map(li => li.querySelector('h3 a').getAttribute('href').split('/').at(-2))"
    )


def test_local_help_comes_first_and_professional_only_help_on_request(page, site_url, cat):
    """Zwolle: its own offers before the national ones; professional-only items only when asked."""
    code = next(c for c, g in cat.gemeenten.items() if g.name == "Zwolle")
    local = {o.id for o in cat.local_offers(code)}
    assert local
    open_finder(page, site_url, f"?gemeente={code}")
    order = card_order(page)
    assert set(order[: len(local)]) == local, order
    assert not set(order) & professional_only(cat)
    page.get_by_role("group", name="Voor wie").get_by_label("Professionals").check()
    assert professional_only(cat) <= set(card_order(page))
    # Names sort without leading punctuation: "!JES" is not first because of its "!".
    open_finder(page, site_url)
    names = page.eval_on_selector_all(CARDS + " h3", "els => els.map(h => h.textContent.trim())")
    assert names[0] != "!JES"


AGES_THAT_CANNOT_BE_USED = [
    ("30", "Vul een leeftijd in van 0 tot en met 25 jaar."),
    ("-3", "Vul een leeftijd in van 0 tot en met 25 jaar."),
    ("7.5", "Vul de leeftijd in hele jaren in, bijvoorbeeld 7."),
]


def test_an_age_that_cannot_be_used_gets_a_message_above_the_field_and_a_summary(page, site_url, cat):
    def check(case: tuple[str, str]) -> None:
        typed, message = case
        open_finder(page, site_url)
        field = page.get_by_label("Leeftijd van je kind")
        field.fill(typed)
        field.press("Enter")
        error = page.locator("#wz-f-leeftijd-fout")
        assert error.is_visible() and error.inner_text() == "Fout: " + message
        assert field.get_attribute("aria-invalid") == "true"
        assert "wz-f-leeftijd-fout" in field.get_attribute("aria-describedby").split()
        assert error.bounding_box()["y"] < field.bounding_box()["y"]  # above the field
        summary = page.locator("[data-wz-errors]")
        assert summary.is_visible() and page.evaluate("document.activeElement.hasAttribute('data-wz-errors')")
        summary.get_by_role("link", name=message).click()
        assert page.evaluate("document.activeElement.id") == "wz-f-leeftijd"
        assert_result(page, cat, everything(cat))  # the list ignores the age, and says why above
        assert "leeftijd" not in query_of(page)
        field.fill("9")
        field.press("Enter")
        assert not error.is_visible() and not summary.is_visible()
        assert field.get_attribute("aria-invalid") is None
        assert query_of(page) == {"leeftijd": ["9"]}

    assert each_case(AGES_THAT_CANNOT_BE_USED, check, name=lambda case: case[0]) == {}

