"""Validation of data/routekaart.yaml and data/taxatie.yaml, the scoring model and the drawings.

Each file in tests/fixtures/flow/ has one defect: ``# target:`` names the data file it replaces
in a valid data set (tests/fixtures/valid + tests/fixtures/flow/valid) and every ``# expect:``
line is one exact message, in order.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from wijzer.core.catalogue import load_catalogue
from wijzer.core.taxatie import assess
from wijzer.pages import flowchart
from wijzer.pages.flowpages import FlowDataMissing, _json_block, render_routekaart, tier_marks
from wijzer.pages.render import Linker

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
BROKEN = sorted((FIXTURES / "flow").glob("*.yaml"))


def _data_set(tmp_path: Path, *, flow: bool = True) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for f in (FIXTURES / "valid").glob("*.yaml"):
        shutil.copy(f, data)
    if flow:
        for f in (FIXTURES / "flow" / "valid").glob("*.yaml"):
            shutil.copy(f, data)
    return data


def _header(path: Path) -> tuple[str, list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    target = next(line.removeprefix("# target: ") for line in lines if line.startswith("# target: "))
    return target, [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def test_there_is_a_fixture_per_failure_mode():
    names = {p.stem for p in BROKEN}
    for needed in (
        "routekaart_tiers_unknown", "routekaart_offers_unknown", "routekaart_topics_unknown",
        "taxatie_weight_too-high", "taxatie_safety_missing", "taxatie_tier_unknown",
        "taxatie_min-score_not-ascending", "taxatie_min-score_unreachable",
    ):
        assert needed in names


@pytest.mark.parametrize("fixture", BROKEN, ids=[p.stem for p in BROKEN])
def test_broken_file_gives_exactly_the_expected_messages(fixture: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    target, expected = _header(fixture)
    assert expected, f"{fixture.name} heeft geen '# expect:'-regel"
    data = _data_set(tmp_path)
    shutil.copy(fixture, data / target)
    monkeypatch.chdir(tmp_path)
    result = load_catalogue("data")
    assert [str(p) for p in result.problems] == expected
    assert result.catalogue is None or not result.errors


def test_valid_fixtures_load_without_problems(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _data_set(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = load_catalogue("data")
    assert [str(p) for p in result.problems] == []
    cat = result.catalogue
    assert [r.id for r in cat.extras["routekaart"].roles] == ["school", "ouder"]
    assert [r.tier for r in cat.extras["taxatie"].rules] == ["basis", "licht", "midden", "zwaar"]


def test_data_sets_without_flow_files_still_load_but_the_pages_say_what_is_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _data_set(tmp_path, flow=False)
    monkeypatch.chdir(tmp_path)
    result = load_catalogue("data")
    assert result.problems == []
    with pytest.raises(FlowDataMissing, match="data/routekaart.yaml ontbreekt"):
        render_routekaart(result.catalogue, Linker("routekaart/index.md"))


def test_shipped_data_is_valid_and_complete():
    result = load_catalogue(ROOT / "data")
    assert result.errors == []
    cat = result.catalogue
    tax = cat.extras["taxatie"]
    assert any(a.safety for q in tax.questions for a in q.answers)
    assert [r.tier for r in tax.rules] == [t.id for t in cat.tier_order]
    assert all(r.min_score <= tax.max_score for r in tax.rules)
    groups = {r.group for r in cat.extras["routekaart"].roles}
    assert groups == {"voorveld", "hulpverlening", "recht", "ouders"}
    roles = {r.id for r in cat.extras["routekaart"].roles}
    assert {"school", "huisarts", "wijkteam-jgz", "hulpverlener", "advocaat", "mediator", "rechter", "ouder"} <= roles
    school = next(r for r in cat.extras["routekaart"].roles if r.id == "school")
    assert any("gemeenten" in s.pages for s in school.steps), "de school moet bij het aanspreekpunt van de gemeente uitkomen"


# --------------------------------------------------------------------------- the scoring model


@pytest.fixture(scope="module")
def fixture_catalogue(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("flow")
    data = _data_set(tmp)
    return load_catalogue(data).catalogue


@pytest.mark.parametrize(
    ("answers", "safety", "tier", "score"),
    [
        ({}, False, "basis", 0),
        ({"communicatie": "spanning"}, False, "basis", 1),
        ({"communicatie": "verwijten"}, False, "licht", 2),  # exactly on the threshold
        ({"communicatie": "verwijten", "veiligheid": "geen-zorgen"}, False, "licht", 2),
        ({"communicatie": "spanning", "procedures": "steeds-opnieuw"}, False, "zwaar", 3),  # score says licht, min_tier says zwaar
        ({"communicatie": "overleg", "veiligheid": "geweld"}, True, None, 3),  # safety overrides the score
    ],
)
def test_assess_follows_the_documented_model(fixture_catalogue, answers, safety, tier, score):
    outcome = assess(fixture_catalogue.extras["taxatie"], fixture_catalogue.tiers, answers)
    assert (outcome.safety, outcome.tier, outcome.score) == (safety, tier, score)


def test_a_phase_marker_is_reported_as_the_reason(fixture_catalogue):
    outcome = assess(fixture_catalogue.extras["taxatie"], fixture_catalogue.tiers, {"procedures": "steeds-opnieuw"})
    assert outcome.tier == "zwaar" and outcome.raised_by == ("procedures/steeds-opnieuw",)


# --------------------------------------------------------------------------- drawings and data block


def test_flowcharts_are_well_formed_labelled_svg_with_escaped_text(fixture_catalogue):
    marks = list(tier_marks(fixture_catalogue).values())
    steps = [flowchart.StepBox('<script>alert("x")</script> & meer', marks[:2]), flowchart.StepBox("Twee", marks[2:], safety=True)]
    for svg in (flowchart.overview(marks), flowchart.route("wz-rol-test", "Test", steps)):
        root = ET.fromstring(str(svg))  # well-formed XML, so no stray markup
        ns = {"s": "http://www.w3.org/2000/svg"}
        assert root.get("role") == "img"
        ids = root.get("aria-labelledby").split()
        assert [el.get("id") for el in root.iter() if el.get("id") in ids] == ids
        assert root.find("s:title", ns).text and root.find("s:desc", ns).text
    route = str(flowchart.route("wz-rol-test", "Test", steps))
    assert "<script>" not in route and "&lt;script&gt;" in route
    assert route.count("<rect") >= 2 and 'marker-end="url(#wz-rol-test-pijl)"' in route


def test_route_snakes_in_rows_of_three(fixture_catalogue):
    marks = list(tier_marks(fixture_catalogue).values())
    svg = str(flowchart.route("k", "Rol", [flowchart.StepBox(f"Stap {i}", marks[:1]) for i in range(1, 6)]))
    boxes = [(float(x), float(y)) for x, y in re.findall(r'<rect x="([0-9.]+)" y="([0-9.]+)" width="2', svg)]
    assert len(boxes) == 5
    assert boxes[0][1] == boxes[1][1] == boxes[2][1] < boxes[3][1] == boxes[4][1]
    assert boxes[3][0] == boxes[2][0] and boxes[4][0] == boxes[1][0]  # second row runs right to left


def test_json_block_cannot_be_ended_by_data():
    block = str(_json_block("x", {"text": "</script><script>alert(1)</script> & <!--"}))
    body = block.split(">", 1)[1].rsplit("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body
    assert json.loads(body) == {"text": "</script><script>alert(1)</script> & <!--"}
