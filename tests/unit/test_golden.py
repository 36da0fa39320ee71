"""Golden files of one generated page of each kind, rendered from the small valid fixture data.

Regenerate after an intended change with: pytest tests/unit/test_golden.py --update-goldens
(then read the diff: it is the HTML every page of that kind will get)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.generated import generated_pages, render_page

FIXTURES = Path(__file__).parent.parent / "fixtures" / "valid"
GOLDEN = Path(__file__).parent.parent / "golden"
CASES = {
    "offer": "aanbod/praatgroep.md",
    "organisation": "organisaties/veilig-thuis.md",
    "topic": "juridisch/ouderlijk-gezag.md",
    "gemeente": "gemeenten/zwolle.md",
}


@pytest.fixture(scope="module")
def catalogue():
    result = load_catalogue(FIXTURES, today=dt.date(2026, 11, 23))
    assert result.catalogue is not None, result.problems
    return result.catalogue


@pytest.mark.parametrize("kind", sorted(CASES))
def test_generated_page_matches_golden(kind, catalogue, update_goldens):
    pages = {p.src_uri: p for p in generated_pages(catalogue)}
    page = pages[CASES[kind]]
    assert page.kind == kind
    html = render_page(catalogue, page)
    golden = GOLDEN / f"{kind}.html"
    if update_goldens or not golden.exists():
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8"), f"{golden} verschilt; draai met --update-goldens als dit de bedoeling is"


def test_every_entity_gets_exactly_one_page(catalogue):
    pages = generated_pages(catalogue)
    uris = [p.src_uri for p in pages]
    assert len(uris) == len(set(uris))
    assert len(pages) == len(catalogue.offers) + len(catalogue.organisations) + len(catalogue.topics) + len(catalogue.gemeenten)


def test_edit_location_points_at_the_yaml_line(catalogue):
    page = next(p for p in generated_pages(catalogue) if p.src_uri == "aanbod/advieslijn.md")
    assert page.edit_file.endswith("offers.yaml")
    lines = (FIXTURES / "offers.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[page.edit_line - 1].strip() == "- id: advieslijn"
