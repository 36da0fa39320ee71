"""The signaleringshulp (taxatie) in real Chromium, on the real built site from the real data.

Each scripted answer set below has its documented outcome (tier, or the safety route). The
expected offers and contacts are computed from the catalogue, the way the page documents them:
offers of that tier that are national or available in the chosen gemeente; contacts are the
gemeente's entry point, then the tier's national contacts from data/taxatie.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from search_ui import SEARCH_FILES

from conftest import each_case, listen, requests_in_flight, settled
from wijzer.core.catalogue import load_catalogue
from wijzer.core.crisis import veilig_thuis_for
from wijzer.core.sorting import name_sort_key
from wijzer.core.taxatie import assess

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Scenario:
    name: str
    answers: dict[str, str]
    gemeente: str | None  # CBS code
    tier: str | None  # None: the safety route
    why: str = ""
    extra: dict = field(default_factory=dict)


QUIET = {
    "communicatie": "overleg", "afspraken": "lukt", "ruzie-bij-kind": "nee", "procedures": "geen",
    "loyaliteit": "vrij", "welzijn": "geen", "verloop": "nieuw", "veiligheid": "geen-zorgen",
}
SCENARIOS = [
    Scenario("rustig", QUIET, "GM0193", "basis", "every answer 0: score 0"),
    Scenario(
        "spanning",
        {**QUIET, "communicatie": "spanning", "afspraken": "gedoe", "ruzie-bij-kind": "soms", "welzijn": "tijdelijk"},
        "GM0193", "licht", "four phase-1 signals: score 4 (licht from 3)",
    ),
    Scenario(
        "vastgelopen",
        {**QUIET, "communicatie": "via-anderen", "afspraken": "vast", "ruzie-bij-kind": "soms", "loyaliteit": "oppassen",
         "welzijn": "aanhoudend", "verloop": "maanden"},
        "GM0150", "midden", "score 9 (midden from 9), no phase marker",
    ),
    Scenario(
        "fase-2-overal",
        {"communicatie": "via-anderen", "afspraken": "vast", "ruzie-bij-kind": "vaak", "procedures": "rechter",
         "loyaliteit": "partij", "welzijn": "aanhoudend", "verloop": "vastgelopen", "veiligheid": "felle-ruzie"},
        "GM0014", "midden", "the phase-2 answer to every question: score 16, gerichte hulp (a third party between the parents)",
    ),
    Scenario(
        "vechtscheiding",
        {"communicatie": "verwijten", "afspraken": "vast", "ruzie-bij-kind": "vaak", "procedures": "rechter",
         "loyaliteit": "partij", "welzijn": "aanhoudend", "verloop": "vastgelopen", "veiligheid": "felle-ruzie"},
        "GM0014", "zwaar", "phase 3 on one question, phase 2 on the others: score 17, above phase 2 on average (zwaar from 17)",
    ),
    Scenario("fase-3-signaal", {**QUIET, "verloop": "schaden"}, None, "zwaar", "score 3 says licht; the phase-3 marker lifts it to zwaar"),
    Scenario("rechter", {"procedures": "rechter"}, "GM0363", "midden", "one answer, score 2 says basis; a court case lifts it to midden; Amsterdam has no entry point"),
    Scenario("onveilig", {**QUIET, "veiligheid": "geweld"}, "GM0193", None, "a safety answer overrides the score"),
]


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert not result.errors
    return result.catalogue


def expected(cat, scenario: Scenario) -> tuple[list[str], list[str], list[str]]:
    """(local offers, national offers, contacts) the page must show, from the catalogue."""
    tax = cat.extras["taxatie"]
    if scenario.tier is None:
        wanted = lambda o: o.id in tax.safety.offers  # noqa: E731
        national_contacts = tax.safety.organisations
    else:
        wanted = lambda o: scenario.tier in o.tiers  # noqa: E731
        national_contacts = next(r for r in tax.rules if r.tier == scenario.tier).contacts
    local, national = [], []
    for offer in sorted(cat.offers.values(), key=lambda o: name_sort_key(o.name)):
        if not wanted(offer):
            continue
        codes = cat.area_gemeenten(offer.area)
        if codes is None:
            national.append(offer.id)
        elif scenario.gemeente in codes:
            local.append(offer.id)
    contacts = []
    entry = cat.gemeenten[scenario.gemeente].entry_point if scenario.gemeente else None
    # The regional Veilig Thuis instead of the national one when the gemeente has one (first, when unsafe).
    vt = veilig_thuis_for(cat, scenario.gemeente) if scenario.gemeente else None
    regional = vt.id if vt is not None and not vt.area.national else None
    national_vt = veilig_thuis_for(cat, None).id
    first = ([entry] if entry else []) + ([regional] if regional and scenario.tier is None else [])
    for org in first + [regional if regional and o == national_vt else o for o in national_contacts]:
        if org not in contacts:
            contacts.append(org)
    return local, national, contacts


def outcome_with_cards(page) -> None:
    """Wait for the outcome and its cards. The cards come in one request on the first interaction;
    an outcome asked for before they arrive is shown at once and filled in when they do (flow.js)."""
    page.locator("#uitkomst").wait_for(state="visible")
    page.locator("[data-wz-taxatie-templates] > *").first.wait_for(state="attached")


def shown(page, selector: str, attribute: str) -> list[str]:
    return page.locator(f"{selector} [{attribute}]").evaluate_all(f"els => els.map(e => e.getAttribute('{attribute}'))")


def test_a_threat_to_take_the_child_leads_to_guidance_on_abduction(page, site_url):
    """'Er wordt gedreigd het kind mee te nemen' is a safety answer: the safety route links to the page on
    passports, travel and international child abduction, which names the Centrum IKO and has a quick exit."""
    open_page(page, site_url)
    label = page.locator('label[for="wz-veiligheid-dreiging"]')
    assert "mee te nemen" in label.inner_text()
    answer(page, {**QUIET, "veiligheid": "dreiging"})
    safety = page.locator("[data-wz-taxatie-safety]")
    safety.wait_for(state="visible")
    link = safety.get_by_role("link", name=re.compile("kinderontvoering"))
    assert link.is_visible()
    link.click()
    page.wait_for_url(re.compile(r"juridisch/paspoort-vakantie-en-kinderontvoering/$"))
    body = page.locator("article.md-content__inner").inner_text()
    assert "Centrum Internationale Kinderontvoering" in body and "Paspoortwet" in body and "279" in body
    assert page.get_by_role("link", name="Snel weg").is_visible()


def answer(page, answers: dict[str, str]) -> None:
    for question, choice in answers.items():
        page.locator(f'input[name="wz-{question}"][value="{choice}"]').check()


def sent_nothing(requests: list[str], site_url: str) -> bool:
    """Nothing about the answers or the gemeente left the browser: after the page had loaded, the
    only request is the one file with every card, the same for every visitor (no query, no gemeente)."""
    return set(requests) <= {site_url + "signaleren/kaarten.json"} and len(requests) <= 1


def open_page(page, site_url: str) -> list[str]:
    with requests_in_flight(page) as pending:
        page.goto(site_url + "signaleren/")
        settled(page, pending)  # loaded, and every request it made answered
    requests: list[str] = []
    listen(page, "request", lambda r: requests.append(r.url))
    return requests


def test_scripted_answers_give_the_documented_tier_offers_and_contacts(page, site_url, cat):
    def check(scenario: Scenario) -> None:
        requests = open_page(page, site_url)
        answer(page, scenario.answers)
        if scenario.gemeente:
            page.select_option("#wz-taxatie-gemeente", scenario.gemeente)
        if scenario.tier is not None:
            page.get_by_role("button", name="Bekijk de uitkomst").click()
        outcome_with_cards(page)

        # the documented outcome, and the same as the Python reference implementation
        outcome = assess(cat.extras["taxatie"], cat.tiers, scenario.answers)
        assert outcome.tier == scenario.tier and outcome.safety == (scenario.tier is None), scenario.why
        if scenario.tier is None:
            assert page.locator("[data-wz-taxatie-safety]").is_visible()
            assert page.locator("[data-wz-taxatie-tier]:visible").count() == 0
            safety_text = page.locator("[data-wz-taxatie-safety]").inner_text()
            assert "112" in safety_text and "0800-2000" in safety_text and "meldcode" in safety_text
            assert page.locator("[data-wz-taxatie-safety]").get_by_role("link", name=re.compile("Beroepsgeheim, meldcode")).is_visible()
            assert "telt de score niet" in page.locator("[data-wz-taxatie-why]").inner_text()
        else:
            label = cat.tiers[scenario.tier].label
            visible = page.locator("[data-wz-taxatie-tier]:visible")
            assert visible.count() == 1
            assert visible.get_attribute("data-wz-taxatie-tier") == scenario.tier
            assert visible.locator("h3").inner_text() == f"Trede: {label}"
            assert not page.locator("[data-wz-taxatie-safety]").is_visible()
            # 7 questions x 3, plus 2 for safety (its answers of weight 3 set the score aside)
            assert f"Score: {outcome.score} van 23" in page.locator("[data-wz-taxatie-count]").inner_text()

        local, national, contacts = expected(cat, scenario)
        assert shown(page, "[data-wz-taxatie-local]", "data-offer") == local
        assert shown(page, "[data-wz-taxatie-national]", "data-offer") == national
        assert shown(page, "[data-wz-taxatie-contacts]", "data-organisation") == contacts
        assert page.locator("[data-wz-taxatie-local-block]").is_visible() == bool(local)
        if scenario.gemeente:
            name = cat.gemeenten[scenario.gemeente].name
            more = page.get_by_role("link", name=f"Bekijk de hele sociale kaart van {name}")
            assert more.is_visible()
            assert more.get_attribute("href") == f"../gemeenten/{cat.gemeente_slugs[scenario.gemeente]}/"
            if not cat.gemeenten[scenario.gemeente].entry_point:
                assert "nog geen vast aanspreekpunt" in page.locator("[data-wz-taxatie-contacts-note]").inner_text()
        # the contact cards carry real phone links where the data has a number
        for org_id in contacts:
            phone = cat.organisations[org_id].contact.phone
            if phone:
                card = page.locator(f'[data-wz-taxatie-contacts] [data-organisation="{org_id}"]')
                assert card.get_by_role("link", name=phone).is_visible()

        # nothing was sent: after the page had loaded, only the cards every visitor gets
        assert sent_nothing(requests, site_url), requests

    assert each_case(SCENARIOS, check, name=lambda scenario: scenario.name) == {}


def test_safety_answer_shows_112_and_veilig_thuis_immediately(page, site_url):
    requests = open_page(page, site_url)
    page.locator('input[name="wz-communicatie"][value="overleg"]').check()
    page.locator('input[name="wz-veiligheid"][value="dreiging"]').check()
    # no button press: the alert next to the question and the safety route appear at once
    alert = page.locator('[data-wz-question="veiligheid"] [role="alert"]')
    assert alert.is_visible()
    assert alert.get_by_role("link", name="112").get_attribute("href") == "tel:112"
    assert alert.get_by_role("link", name="0800-2000").get_attribute("href") == "tel:+318002000"
    assert alert.get_by_role("link", name="meldcode").is_visible()
    assert page.locator("[data-wz-taxatie-safety]").is_visible()
    # the Veilig Thuis card: the cards arrive in one request that the first answer started
    page.locator('[data-wz-taxatie-contacts] [data-organisation="veilig-thuis"]').wait_for(state="visible", timeout=5000)
    assert "veiligheid gaat voor" in page.locator('[data-wz-taxatie-status]').inner_text().lower()
    # choosing a safe answer again takes the alert away and shows a tier
    page.locator('input[name="wz-veiligheid"][value="geen-zorgen"]').check()
    assert not alert.is_visible()
    assert page.locator("[data-wz-taxatie-tier]:visible").get_attribute("data-wz-taxatie-tier") == "basis"
    assert sent_nothing(requests, site_url), requests


def test_nothing_is_stored_and_the_page_says_so(page, site_url):
    requests = open_page(page, site_url)
    assert page.get_by_text("JavaScript staat uit").is_hidden()  # the no-JS note goes once the script runs
    notice = page.locator(".wz-taxatie-notice")
    assert "geen diagnose" in notice.inner_text()
    assert "Er wordt niets verstuurd of bewaard" in notice.inner_text()
    answer(page, SCENARIOS[2].answers)
    page.select_option("#wz-taxatie-gemeente", "GM0150")
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert page.locator("#uitkomst").is_hidden()
    assert page.locator(".wz-question input:checked").count() == 0
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert page.context.cookies() == []
    assert sent_nothing(requests, site_url), requests


def test_keyboard_only_run_reaches_the_result(page, site_url, cat):
    scenario = SCENARIOS[2]  # vastgelopen: midden in Deventer
    requests = open_page(page, site_url)
    page.locator("body").focus()
    first = None
    for _ in range(150):
        page.keyboard.press("Tab")
        first = page.evaluate("document.activeElement.name || ''")
        if first == "wz-communicatie":
            break
    assert first == "wz-communicatie", "de eerste vraag is niet met Tab te bereiken"
    tax = cat.extras["taxatie"]
    for q in tax.questions:
        for _ in range(3):  # a phone number in a question's help text is a link: one stop of its own
            if page.evaluate("document.activeElement.name") == f"wz-{q.id}":
                break
            assert page.evaluate("document.activeElement.getAttribute('href') || ''").startswith("tel:")
            page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == f"wz-{q.id}"
        index = [a.id for a in q.answers].index(scenario.answers.get(q.id, q.answers[0].id))
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "wz-taxatie-gemeente"
    page.keyboard.type("Deventer")
    assert page.evaluate("document.activeElement.value") == "GM0150"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bekijk de uitkomst"
    page.keyboard.press("Enter")
    # focus moves to the result, which is labelled by its heading
    assert page.evaluate("document.activeElement.id") == "uitkomst-kop"  # the heading: no focus ring around the whole outcome
    assert page.locator("#uitkomst").get_attribute("aria-labelledby") == "uitkomst-kop"
    assert page.locator("[data-wz-taxatie-tier]:visible").get_attribute("data-wz-taxatie-tier") == "midden"
    assert "Gerichte hulp" in page.locator('[data-wz-taxatie-status]').inner_text()
    assert shown(page, "[data-wz-taxatie-local]", "data-offer") == expected(cat, scenario)[0]
    # Tabbing from the top passes the site search's field, which loads the search code and word
    # list on focus (nothing typed, nothing about the answers); nothing else is fetched.
    assert sent_nothing([r for r in requests if not SEARCH_FILES.search(r)], site_url), requests


def test_questions_are_fieldsets_with_legends_and_radio_buttons(page, site_url, cat):
    page.goto(site_url + "signaleren/")
    tax = cat.extras["taxatie"]
    for i, q in enumerate(tax.questions, start=1):
        group = page.get_by_role("group", name=re.compile(re.escape(f"{i}. {q.theme}")))
        assert group.is_visible()
        assert group.get_by_role("radio").count() == len(q.answers)
        for a in q.answers:
            assert group.get_by_role("radio", name=a.label).is_visible()


def test_result_prints_without_answers_unless_asked(page, site_url):
    page.goto(site_url + "signaleren/")
    answer(page, SCENARIOS[1].answers)
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    page.emulate_media(media="print")
    assert page.locator(".wz-taxatie-form").is_hidden()
    assert page.locator("#uitkomst").is_visible()
    assert page.locator("[data-wz-taxatie-answers]").is_hidden()
    assert "geen diagnose" in page.locator("#uitkomst .wz-print-meta").inner_text()
    page.emulate_media(media="screen")
    page.get_by_label("Print ook mijn antwoorden").check()
    page.emulate_media(media="print")
    answers = page.locator("[data-wz-taxatie-answers]")
    assert answers.is_visible()
    assert "Er is spanning en discussie, maar meestal komen ze er samen uit." in answers.inner_text()


def test_without_javascript_questions_and_tiers_show_as_plain_content(new_page, site_url, cat):
    page = new_page(java_script_enabled=False)
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("http://127.0.0.1") else foreign.append(r.url))
    page.goto(site_url + "signaleren/")
    tax = cat.extras["taxatie"]
    assert page.locator("fieldset.wz-question legend").count() == len(tax.questions)
    for q in tax.questions:
        assert page.get_by_text(q.text, exact=True).is_visible()
    # (Playwright's text search skips <noscript>, where this note lives: look it up by its class.)
    note = page.locator(".wz-taxatie-nojs")
    assert note.is_visible() and note.inner_text().startswith("JavaScript staat uit")
    assert not page.get_by_role("button", name="Bekijk de uitkomst").is_visible(), "knoppen die zonder JavaScript niets doen"
    for tier in cat.tier_order:
        heading = page.locator(f"#trede-uitleg-{tier.id}")
        assert heading.is_visible() and heading.inner_text() == tier.label
        section = page.locator(".wz-taxatie-tierinfo", has=heading)
        assert section.get_by_text(tier.summary).is_visible()
        assert tier.glasl in section.inner_text()
    assert page.get_by_role("button", name="Bekijk de uitkomst").count() == 0  # no button that does nothing
    assert page.locator("#uitkomst").is_hidden()
    assert foreign == []


def test_flow_script_leaves_other_pages_alone(page, site_url):
    page.goto(site_url)
    assert page.evaluate("document.querySelectorAll('[data-wz-has-result], [data-wz-printing]').length") == 0
    assert page.locator("[data-wz-js]").count() == 0


def test_questions_and_result_have_no_wcag_aa_violations(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + "signaleren/")
    answer(page, {**QUIET, "communicatie": "spanning", "veiligheid": "dreiging"})  # alert and safety route showing
    page.select_option("#wz-taxatie-gemeente", "GM0193")
    result = Axe().run(
        page,
        context={"include": [[".wz-taxatie"], [".wz-taxatie-model"]]},
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
    )
    assert result.response["violations"] == [], result.generate_report()


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=["390", "1280"])
def test_teacher_gets_a_safety_outcome_for_a_gemeente_with_its_regional_veilig_thuis_and_no_score(new_page, site_url, cat, viewport):
    """Home -> signaleringshulp -> outcome for Zwolle: regional Veilig Thuis, no score, sane headings."""
    page = new_page(viewport=viewport)
    page.goto(site_url)
    page.goto(site_url + "signaleren/")
    tax = cat.extras["taxatie"]
    question, answer_id = next((q.id, a.id) for q in tax.questions for a in q.answers if a.safety)
    page.locator(f'input[name="wz-{question}"][value="{answer_id}"]').check()
    zwolle = next(c for c, g in cat.gemeenten.items() if g.name == "Zwolle")
    page.select_option("#wz-taxatie-gemeente", zwolle)
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    outcome_with_cards(page)
    assert "Score" not in page.locator("[data-wz-taxatie-count]").inner_text()
    contacts = page.locator("[data-wz-taxatie-contacts] .wz-card__title").all_inner_texts()
    assert "Veilig Thuis IJsselland" in contacts and "Veilig Thuis" not in contacts
    # Headings: no h5 (Material shows those in capitals), no skipped levels inside the outcome.
    levels = page.eval_on_selector_all("#uitkomst h2:not([hidden] *), #uitkomst h3, #uitkomst h4, #uitkomst h5, #uitkomst h6",
                                       "hs => hs.filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]))")
    assert 5 not in levels and 6 not in levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert page.evaluate("getComputedStyle(document.querySelector('#uitkomst')).outlineStyle") == "none"

