"""The beslishulp "Mag ik …?" on the real data: every path ends in an outcome, the case table holds.

The case table (tests/fixtures/beslishulp/cases.yaml) is written from the legal sources, not from
data/beslishulp.yaml; here each case runs through ``decide`` with the shipped data. The same cases
run in Chromium against the built page in tests/e2e/test_beslishulp.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from wijzer.core.beslishulp import Beslishulp, combinations, decide, law_index, resolve
from wijzer.core.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
CASES = yaml.safe_load((ROOT / "tests" / "fixtures" / "beslishulp" / "cases.yaml").read_text(encoding="utf-8"))["cases"]
DOC = ROOT / "content" / "professionals" / "beslishulp-uitleg.md"


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert not result.errors, result.errors
    return result.catalogue


@pytest.fixture(scope="module")
def bh(cat) -> Beslishulp:
    return cat.extras["beslishulp"]


def test_the_case_table_covers_what_the_issue_asks_for():
    assert len(CASES) >= 20
    answers = [c["antwoorden"] for c in CASES]
    assert {a["leeftijd"] for a in answers} == {"onder-12", "12-15", "16-plus"}
    assert {a["gezag"] for a in answers} == {"gezamenlijk", "een-ouder", "voogd", "ots"}
    assert {a["hulp"] for a in answers} == {"jeugdhulp", "medisch", "school", "informeel"}
    assert {a["doel"] for a in answers} == {"hulp-starten", "ouder-informeren", "delen", "inzage", "veiligheid"}
    assert any(a["veiligheid"] == "ja" for a in answers)
    assert any("weigering-een-ouder" in c["verwacht"]["uitzonderingen"] for c in CASES)
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case_gives_the_outcome_the_law_gives(bh, case):
    decision = decide(bh, case["antwoorden"])
    want = case["verwacht"]
    assert decision.safety is want["veiligheid"]
    assert decision.consent == want["toestemming"]
    assert decision.blocks["antwoord"] == [want["antwoord"]]
    assert decision.blocks["uitzonderingen"] == want["uitzonderingen"]
    assert decision.blocks["ouder-zonder-gezag"] == [want["ouder_zonder_gezag"]]


def test_every_path_reaches_one_answer_in_every_required_section(bh):
    combos = combinations(bh.questions)
    assert len(combos) == 2 * 3 * 4 * 4 * 5
    required = [s.id for s in bh.sections if s.required]
    used: set[str] = set()
    for chosen in combos:
        decision = decide(bh, chosen)
        for section in required:
            assert len(decision.blocks[section]) == 1, (section, chosen)
        used.update(i for ids in decision.blocks.values() for i in ids)
        unsafe = chosen["veiligheid"] == "ja" or chosen["doel"] == "veiligheid"
        assert decision.safety is unsafe
    assert used == {o.id for o in bh.outcomes}, "elk blok is bereikbaar"


def test_starting_care_always_says_who_consents(bh):
    for chosen in combinations(bh.questions):
        if chosen["doel"] == "hulp-starten" and chosen["hulp"] in ("jeugdhulp", "medisch"):
            consent = decide(bh, chosen).consent
            assert consent, chosen
            if chosen["leeftijd"] == "16-plus":
                assert consent == "het kind"
            elif chosen["leeftijd"] == "12-15":
                assert consent.startswith("het kind en ")
            else:
                assert "kind" not in consent


def test_every_cited_article_links_to_the_official_text(bh, cat):
    laws = law_index(cat)
    cited = [t for o in bh.outcomes for t in o.law] + bh.safety.law
    assert cited
    for text in cited:
        citation = resolve(text, laws)
        assert citation is not None, text
        assert citation.url.startswith(("https://wetten.overheid.nl/", "https://eur-lex.europa.eu/")), citation
    assert resolve("BW 7:450 lid 2", laws).ref == "BW 7:450"
    assert resolve("BW 7:45", laws) is None
    assert resolve("BW 7:450 sub b", laws) is None


def test_texts_type_no_phone_numbers_the_contacts_come_from_the_organisations(bh):
    texts = [bh.safety.text] + [o.text + o.title for o in bh.outcomes]
    for text in texts:
        assert not re.search(r"\d{3,4}-?\d{4}", text), text


def test_the_documented_case_table_matches_the_fixture():
    """content/professionals/beslishulp-uitleg.md shows every case with its expected consent."""
    doc = DOC.read_text(encoding="utf-8")
    rows = [line for line in doc.splitlines() if line.startswith("| ") and re.match(r"\| \d+ \|", line)]
    assert len(rows) == len(CASES)
    for row, case in zip(rows, CASES, strict=True):
        number = case["id"].split("-", 1)[0]
        assert row.startswith(f"| {number} |"), row
        consent = case["verwacht"]["toestemming"] or "staat niet vast in de wet"
        assert consent in row, (row, consent)
