"""The beslishulp "Mag ik …?" in real Chromium, on the real built site from the real data.

The case table (tests/fixtures/beslishulp/cases.yaml, written from the legal sources) runs through
the page itself: what a professional sees must be what the law gives. Also: keyboard only, no
request while answering, the safety route first, one printed A4 page, and the page without JS.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from search_ui import SEARCH_FILES

from conftest import listen, pdf_pages, requests_in_flight, settled
from wijzer.core.beslishulp import combinations, decide
from wijzer.core.catalogue import load_catalogue

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "beslishulp" / "cases.yaml").read_text(encoding="utf-8"))["cases"]
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
PATH = "professionals/beslishulp/"


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert not result.errors
    return result.catalogue


@pytest.fixture(scope="module")
def bh(cat):
    return cat.extras["beslishulp"]


def open_page(page, site_url: str) -> list[str]:
    """Open the page and start recording every request made after it has loaded."""
    with requests_in_flight(page) as pending:
        page.goto(site_url + PATH)
        settled(page, pending)  # loaded, and every request it made answered
    requests: list[str] = []
    # The browser fetches the site's icon on its own schedule (sometimes after the load): a fixed
    # address that carries no answer, so it is not the page sending anything.
    listen(page, "request", lambda r: None if "/favicon" in r.url else requests.append(r.url))
    return requests


def answer(page, answers: dict[str, str]) -> None:
    for question, choice in answers.items():
        page.locator(f'input[name="wz-bh-{question}"][value="{choice}"]').check()


def visible_blocks(page, section: str) -> list[str]:
    return page.locator(f'[data-wz-section="{section}"] [data-wz-outcome]:visible').evaluate_all(
        "els => els.map(e => e.getAttribute('data-wz-outcome'))"
    )


# Every 6th case of the table is answered with Playwright's own clicks, as a visitor clicks (the
# element must be visible, enabled and not covered); the others in one call into the page, with the
# same click events on the page's own buttons and radio buttons (ANSWER_ALL below). A round trip per
# click and per check made this the slowest test of the file.
CLICKED = CASES[::6]


def shown_by_playwright(page) -> dict[str, object]:
    """What the outcome shows, read the way Playwright sees the page."""
    consent = page.locator("[data-wz-beslishulp-consent-line]")
    return {
        "safety": page.locator("[data-wz-beslishulp-safety]").is_visible(),
        "consent": consent.inner_text() if consent.is_visible() else None,
        "exceptions_shown": page.locator('[data-wz-section="uitzonderingen"]').is_visible(),
        **{section: visible_blocks(page, section) for section in SECTIONS},
    }


SECTIONS = ("antwoord", "uitzonderingen", "ouder-zonder-gezag", "gezag", "beroepsgeheim", "meldcode")
# The same, read inside the page after answering each case with the page's own buttons.
ANSWER_CASES = """(cases) => cases.map((chosen) => {
  const visible = (e) => e !== null && e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0;
  document.querySelector("[data-wz-beslishulp-reset]").click();
  for (const [question, choice] of Object.entries(chosen)) {
    document.querySelector(`input[name="wz-bh-${question}"][value="${choice}"]`).click();
  }
  document.querySelector("[data-wz-beslishulp-show]").click();
  const consent = document.querySelector("[data-wz-beslishulp-consent-line]");
  const seen = {
    safety: visible(document.querySelector("[data-wz-beslishulp-safety]")),
    consent: visible(consent) ? consent.innerText : null,
    exceptions_shown: visible(document.querySelector('[data-wz-section="uitzonderingen"]')),
  };
  for (const section of document.querySelectorAll("[data-wz-section]")) {
    seen[section.getAttribute("data-wz-section")] = [...section.querySelectorAll("[data-wz-outcome]")]
      .filter(visible).map((e) => e.getAttribute("data-wz-outcome"));
  }
  return seen;
})"""


def check_case(case: dict, seen: dict) -> None:
    want, where = case["verwacht"], case["id"]
    assert seen["safety"] is want["veiligheid"], where
    assert seen["consent"] == (None if want["toestemming"] is None else f"Wie geeft toestemming: {want['toestemming']}"), where
    assert seen["antwoord"] == [want["antwoord"]], where
    assert seen["uitzonderingen"] == want["uitzonderingen"], where
    assert seen["exceptions_shown"] is bool(want["uitzonderingen"]), where
    assert seen["ouder-zonder-gezag"] == [want["ouder_zonder_gezag"]], where
    for section in ("gezag", "beroepsgeheim", "meldcode"):
        assert len(seen[section]) == 1, (where, section)


def test_every_case_of_the_table_gives_on_the_page_what_the_law_gives(page, site_url):
    requests = open_page(page, site_url)
    reset = page.get_by_role("button", name="Wis mijn antwoorden")
    show = page.get_by_role("button", name="Bekijk de uitkomst")
    assert len(CLICKED) >= 4
    for case in CLICKED:
        reset.click()
        answer(page, case["antwoorden"])
        show.click()
        check_case(case, shown_by_playwright(page))
    rest = [case for case in CASES if case not in CLICKED]
    shown = page.evaluate(ANSWER_CASES, [case["antwoorden"] for case in rest])
    assert len(shown) == len(rest) == len(CASES) - len(CLICKED)
    for case, seen in zip(rest, shown, strict=True):
        check_case(case, seen)
    # the last case, seen the way Playwright sees it, is what the page call saw
    seen = shown_by_playwright(page)
    assert seen == {key: shown[-1][key] for key in seen}
    assert requests == [], "tijdens het beantwoorden gaat er geen verzoek de deur uit"


# Answers a list of combinations in the page, as clicks on its own buttons and radio buttons (the same
# events as a visitor's clicks), and returns per combination the outcome blocks that are visible per section.
ANSWER_ALL = """(sample) => sample.map((chosen) => {
  document.querySelector("[data-wz-beslishulp-reset]").click();
  for (const [question, choice] of Object.entries(chosen)) {
    document.querySelector(`input[name="wz-bh-${question}"][value="${choice}"]`).click();
  }
  document.querySelector("[data-wz-beslishulp-show]").click();
  const seen = {};
  for (const section of document.querySelectorAll("[data-wz-section]")) {
    seen[section.getAttribute("data-wz-section")] = [...section.querySelectorAll("[data-wz-outcome]")]
      .filter((e) => e.checkVisibility({ visibilityProperty: true }) && e.getClientRects().length > 0)
      .map((e) => e.getAttribute("data-wz-outcome"));
  }
  return seen;
})"""


def test_page_and_python_agree_on_a_sample_of_all_paths(page, site_url, bh):
    """Every 7th of the 480 combinations: the page shows exactly the blocks of the reference model.
    (All answered in one call into the page: a round trip per click made this the slowest test.)"""
    open_page(page, site_url)
    sample = combinations(bh.questions)[::7]
    assert page.get_by_role("button", name="Wis mijn antwoorden").is_visible()
    assert page.get_by_role("button", name="Bekijk de uitkomst").is_visible()
    shown = page.evaluate(ANSWER_ALL, sample)
    assert len(shown) == len(sample) > 60
    for chosen, seen in zip(sample, shown, strict=True):
        decision = decide(bh, chosen)
        for section, ids in decision.blocks.items():
            assert seen[section] == ids, (chosen, section)
    # the last combination, seen the way Playwright sees it, is what the page call saw
    for section, ids in decide(bh, sample[-1]).blocks.items():
        assert visible_blocks(page, section) == ids, section


def test_safety_signal_puts_meldcode_and_veilig_thuis_before_anything_else(page, site_url, cat, bh):
    requests = open_page(page, site_url)
    veilig_thuis = cat.organisations["veilig-thuis"]
    page.locator('input[name="wz-bh-veiligheid"][value="ja"]').check()
    # at once, next to the question: 112, Veilig Thuis with the number from organisations.yaml, the meldcode
    alert = page.locator('[data-wz-question="veiligheid"] [role="alert"]')
    assert alert.is_visible()
    assert alert.get_by_role("link", name="112").get_attribute("href") == "tel:112"
    assert alert.get_by_role("link", name=veilig_thuis.contact.phone).is_visible()
    answer(page, {"leeftijd": "12-15", "gezag": "een-ouder", "hulp": "medisch", "doel": "delen"})
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    safety = page.locator("[data-wz-beslishulp-safety]")
    assert safety.is_visible()
    assert safety.get_by_role("heading", name=bh.safety.title).is_visible()
    assert safety.get_by_role("link", name=veilig_thuis.contact.phone).is_visible()
    assert safety.get_by_role("link", name="Besluit verplichte meldcode art. 2").get_attribute("href").startswith("https://wetten.overheid.nl/")
    # before anything else: the first visible part of the outcome after its heading and meta lines
    first = page.evaluate(
        """() => [...document.querySelectorAll('#uitkomst > *')]
            .filter(e => e.offsetParent !== null && !['H2'].includes(e.tagName) && !e.matches('.wz-beslishulp-meta, .wz-beslishulp-situation'))[0]
            .className"""
    )
    assert "wz-beslishulp-safety" in first
    assert "veiligheid gaat voor" in page.locator("[data-wz-beslishulp-status]").inner_text().lower()
    # the professional's own question is still answered below it
    assert visible_blocks(page, "antwoord") == ["delen-zorg-12-plus"]
    # choosing "no signals" takes the alert and the route away again
    page.locator('input[name="wz-bh-veiligheid"][value="nee"]').check()
    assert alert.is_hidden() and safety.is_hidden()
    assert requests == []


def test_keyboard_only_reaches_an_outcome(page, site_url, bh):
    requests = open_page(page, site_url)
    chosen = {"veiligheid": "nee", "leeftijd": "16-plus", "gezag": "een-ouder", "hulp": "jeugdhulp", "doel": "ouder-informeren"}
    page.locator("body").focus()
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name || ''") == "wz-bh-veiligheid":
            break
    for q in bh.questions:
        assert page.evaluate("document.activeElement.name") == f"wz-bh-{q.id}"
        index = [a.id for a in q.answers].index(chosen[q.id])
        if index == 0:
            page.keyboard.press("Space")
        for _ in range(index):
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Bekijk de uitkomst"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "uitkomst"
    assert page.locator("#uitkomst").get_attribute("aria-labelledby") == "uitkomst-kop"
    assert page.locator("[data-wz-beslishulp-consent-line]").inner_text() == "Wie geeft toestemming: het kind"
    assert visible_blocks(page, "antwoord") == ["informeren-zorg-16-plus"]
    assert "het kind" in page.locator("[data-wz-beslishulp-status]").inner_text()
    # Tabbing from the top passes the site search's field, which loads the search code and word
    # list on focus (static files, nothing typed); the decision aid itself asks for nothing.
    assert [r for r in requests if not SEARCH_FILES.search(r)] == []


def test_questions_are_fieldsets_and_an_unanswered_question_is_named(page, site_url, bh):
    open_page(page, site_url)
    for i, q in enumerate(bh.questions, start=1):
        group = page.get_by_role("group", name=re.compile(re.escape(f"{i}. {q.text}")))
        assert group.get_by_role("radio").count() == len(q.answers)
    answer(page, {"veiligheid": "nee", "leeftijd": "onder-12"})
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    assert page.locator("#uitkomst").is_hidden()
    assert page.locator("[data-wz-beslishulp-status]").inner_text() == "Beantwoord eerst alle vragen. Nog open: vraag 3, 4, 5."
    assert page.evaluate("document.activeElement.name") == "wz-bh-gezag"


def test_outcome_prints_on_one_a4_page_with_date_and_no_legal_advice(page, site_url, bh):
    out = {o.id: o for o in bh.outcomes}

    def size(chosen):
        decision = decide(bh, chosen)
        text = sum(len(out[i].title) + len(out[i].text) + 25 * len(out[i].law) for ids in decision.blocks.values() for i in ids)
        return text + (len(bh.safety.text) + 200 if decision.safety else 0)

    longest = max(combinations(bh.questions), key=size)  # the longest outcome the data can give
    open_page(page, site_url)
    answer(page, longest)
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    # on screen the outcome says nothing about printing; on paper it says when and where from
    assert "Afgedrukt" not in page.locator(".wz-beslishulp-meta").inner_text()
    page.emulate_media(media="print")
    assert page.locator(".wz-beslishulp-form").is_hidden()
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    meta = " ".join(page.locator(".wz-beslishulp-meta").inner_text().split())
    today = dt.date.today()
    assert "Geen juridisch advies." in meta
    assert f"Afgedrukt op {today.day} {MONTHS[today.month - 1]} {today.year}" in meta
    assert page.locator("[data-wz-beslishulp-safety]").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert box and abs(float(box.group(1)) - 595.3) < 2 and abs(float(box.group(2)) - 841.9) < 2, "A4"
    pages = pdf_pages(pdf)
    assert pages == 1, f"de langste uitkomst ({longest}) past op {pages} pagina's"


def test_nothing_is_stored_and_the_page_says_what_it_is_for(page, site_url, bh):
    requests = open_page(page, site_url)
    about = page.locator(".wz-beslishulp-about")
    assert bh.about.purpose in about.inner_text() and bh.about.limits in about.inner_text()
    assert "Er wordt niets verstuurd of bewaard" in page.locator(".wz-beslishulp-private").inner_text()
    assert page.locator("[data-wz-nojs]").is_hidden()
    answer(page, CASES[0]["antwoorden"])
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    page.get_by_role("button", name="Wis mijn antwoorden").click()
    assert page.locator("#uitkomst").is_hidden()
    assert page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
    assert page.context.cookies() == []
    assert requests == []


def test_without_javascript_the_page_explains_and_the_reasoning_page_has_everything(new_page, site_url, bh):
    page = new_page(java_script_enabled=False)
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("http://127.0.0.1") else foreign.append(r.url))
    page.goto(site_url + PATH)
    note = page.locator("[data-wz-nojs]")
    assert note.is_visible() and "JavaScript staat uit" in note.inner_text()
    assert note.get_by_role("link", name="112").is_visible()
    assert page.get_by_role("button", name="Bekijk de uitkomst").count() == 0  # no button that does nothing
    note.get_by_role("link", name="Zo redeneert de beslishulp").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text().startswith("Zo redeneert de beslishulp")
    items = page.locator(".wz-beslishulp-uitleg__list > li")
    assert items.count() == len(bh.outcomes)
    for outcome in bh.outcomes:
        item = page.locator(f"#uitkomst-{outcome.id}")
        assert item.get_by_text(outcome.title).is_visible()
        assert "Geldt bij:" in item.inner_text()
    assert page.locator("table tbody tr").count() == len(CASES)
    assert foreign == []


def test_legal_topics_it_draws_on_link_to_it_and_the_menu_has_it(page, site_url, bh, cat):
    for topic in sorted(bh.topics_used):
        page.goto(f"{site_url}juridisch/{topic}/")
        page.locator(".wz-decision-aid").get_by_role("link", name="Mag ik …?").click()
        page.wait_for_load_state()
        assert page.url == site_url + PATH
    others = sorted(set(cat.topics) - bh.topics_used)
    if others:
        page.goto(f"{site_url}juridisch/{others[0]}/")
        assert page.locator(".wz-decision-aid").count() == 0
    page.goto(site_url + "professionals/")
    nav = page.locator(".md-nav--primary")
    assert nav.get_by_role("link", name="Mag ik …?").count() >= 1


def test_questions_and_outcome_have_no_wcag_aa_violations(page, site_url):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(site_url + PATH)
    answer(page, CASES[3]["antwoorden"] | {"veiligheid": "ja"})  # alert, safety route and exceptions showing
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    result = Axe().run(
        page,
        context={"include": [[".wz-beslishulp"]]},
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
    )
    assert result.response["violations"] == [], result.generate_report()
