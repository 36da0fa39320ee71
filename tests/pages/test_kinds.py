"""The kinds of generated page (wijzer.pages.kinds): one rendering of a page gives its HTML, its
table of contents and its search document; a gemeente's search text is read from its own page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.generated import render_page
from wijzer.pages.kinds import KINDS, generated_pages, kind_of, render
from wijzer.pages.kinds.gemeente import GemeenteKind
from wijzer.pages.page_text import plain_text, without_excluded
from wijzer.pages.toc import with_title_id

FIXTURES = Path(__file__).parent.parent / "fixtures" / "valid"
_HEADING_WITH_ID = re.compile(r'<h([12])[^>]*\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)


@pytest.fixture(scope="module")
def catalogue():
    result = load_catalogue(FIXTURES, today=dt.date(2026, 11, 23))
    assert result.catalogue is not None, result.problems
    return result.catalogue


@pytest.fixture(scope="module")
def rendered(catalogue):
    return {page.src_uri: render(catalogue, page) for page in generated_pages(catalogue)}


def _flat(toc: list[dict]) -> list[tuple[str, str]]:
    return [pair for t in toc for pair in [(t["id"], t["name"]), *_flat(t["children"])]]


def test_every_kind_has_pages_and_every_page_its_kind(catalogue):
    pages = generated_pages(catalogue)
    assert len({k.name for k in KINDS}) == len(KINDS)
    assert {p.kind for p in pages} == {k.name for k in KINDS}
    assert all(kind_of(p).name == p.kind for p in pages)


def test_toc_and_search_headings_are_read_from_the_one_rendering(catalogue, rendered):
    for page in generated_pages(catalogue):
        got = rendered[page.src_uri]
        assert got.html == with_title_id(render_page(catalogue, page)), page.src_uri
        in_html = [(i, re.sub(r"<[^>]+>", "", name).strip()) for _, i, name in _HEADING_WITH_ID.findall(got.html)]
        assert _flat(got.toc) == in_html, page.src_uri
        assert got.toc[0]["level"] == 1 and got.toc[0]["name"] == page.title  # the skip link's target
        assert got.search.headings == tuple(name for _, name in in_html if name != page.title)
        assert (got.search.title, got.search.kind) == (page.title, page.kind)


def test_search_text_of_offers_organisations_and_topics_is_their_whole_page(catalogue, rendered):
    """All the page says, except an organisation's line with its kind and island (the same words on
    many pages: a search for "jeugdhulp" would find every organisation of that island)."""
    for page in generated_pages(catalogue):
        if page.kind != "gemeente":
            html = rendered[page.src_uri].html
            assert rendered[page.src_uri].search.text == plain_text(without_excluded(html))
            assert html.count("data-search-exclude") == (1 if page.kind == "organisation" else 0), page.src_uri


def test_gemeente_search_text_is_what_its_page_says_about_the_gemeente(catalogue, rendered):
    for page in (p for p in generated_pages(catalogue) if p.kind == "gemeente"):
        got = rendered[page.src_uri]
        text, shown = got.search.text, plain_text(got.html)
        assert text and set(text.split()) <= set(shown.split()), page.src_uri  # nothing the page does not say
        gemeente = catalogue.gemeenten[page.key]
        assert text.startswith(f"Hulp bij scheiding in {gemeente.name}")
        entry = catalogue.organisations.get(gemeente.entry_point or "")
        if entry is not None:
            assert entry.name in text
            assert got.search.phone == entry.contact.phone
        assert "Acuut gevaar" in shown and "Acuut gevaar" not in text  # the crisis block is on every gemeente page
        for offer in catalogue.national_offers:
            assert offer.name in shown and offer.name not in text


def test_each_part_a_gemeente_page_keeps_out_of_search_stands_on_a_gemeente_page(catalogue, rendered):
    """A class renamed in gemeente.html would quietly put its part back into every gemeente's search text."""
    pages = "".join(rendered[p.src_uri].html for p in generated_pages(catalogue) if p.kind == "gemeente")
    for name in GemeenteKind.search_skip:
        assert re.search(rf'class="(?:[^"]*\s)?{re.escape(name)}[\s"]', pages), name


def test_quick_exit_is_the_kinds_answer(catalogue):
    pages = {p.src_uri: p for p in generated_pages(catalogue)}
    veilig_thuis = pages["organisaties/veilig-thuis.md"]
    assert kind_of(veilig_thuis).quick_exit(catalogue, veilig_thuis.key)
    # every page a parent or child reads: each gemeente, organisation and legal topic, each offer for them
    for kind in ("gemeente", "organisation", "topic"):
        assert all(kind_of(p).quick_exit(catalogue, p.key) for p in pages.values() if p.kind == kind), kind
    assert all(kind_of(p).quick_exit(catalogue, p.key) for p in pages.values() if p.kind == "offer")  # for parents, children
    # in the shipped data, only the two offers for professionals alone have none
    real = load_catalogue(Path(__file__).parent.parent.parent / "data").catalogue
    without = {p.key for p in generated_pages(real) if p.kind == "offer" and not kind_of(p).quick_exit(real, p.key)}
    assert without == {"nji-interventies-scheiding", "richtlijn-scheiding"}


def test_without_excluded_drops_marked_elements_with_all_they_hold():
    source = (
        '<div><ul data-search-exclude><li>a<ul><li>b</li></ul></li></ul><p>keep</p>'
        '<div class="x wz-skip"><div>c</div>d</div><div class="wz-skipped">keep too</div></div>'
    )
    assert plain_text(without_excluded(source, ("wz-skip",))) == "keep keep too"
    assert plain_text(without_excluded(source)) == "keep c d keep too"
    assert plain_text(without_excluded("<p>x</p><section data-search-exclude><p>never closed")) == "x"
