"""The real site, built in strict mode from the shipped data: every generated page exists, is
reachable from an overview page and the search index, and links back to its YAML for editing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.generated import generated_pages
from wijzer.pages.page_text import plain_text
from wijzer.pages.render import page_url

ROOT = Path(__file__).resolve().parent.parent.parent
OVERVIEWS = {"offer": "aanbod/index.html", "organisation": "organisaties/index.html", "topic": "juridisch/index.html", "gemeente": "gemeenten/index.html"}


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(ROOT / "data").catalogue


@pytest.fixture(scope="module")
def pages(cat):
    return generated_pages(cat)


def test_every_generated_page_is_in_the_build(built_site, pages):
    missing = [p.src_uri for p in pages if not (built_site / page_url(p.src_uri) / "index.html").is_file()]
    assert not missing


def test_every_generated_page_is_linked_from_its_overview(built_site, pages):
    for kind, overview in OVERVIEWS.items():
        html = (built_site / overview).read_text(encoding="utf-8")
        hrefs = set(re.findall(r'href="([^"]+)"', html))
        base = Path(overview).parent.as_posix()
        for page in (p for p in pages if p.kind == kind):
            target = page_url(page.src_uri)
            relative = target[len(base) + 1:] if target.startswith(base + "/") else "../" + target
            assert relative in hrefs, f"{overview} linkt niet naar {target}"


def test_overview_pages_are_in_the_navigation(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):]
    for overview in OVERVIEWS.values():
        assert f'href="{Path(overview).parent.as_posix()}/"' in nav, overview


def test_generated_pages_are_in_the_search_index(built_site, pages):
    """Every offer, organisation, gemeente and legal topic can be found (search/d/<n>.js per page)."""
    locations = set()
    for file in (built_site / "search" / "d").glob("*.js"):
        text = file.read_text(encoding="utf-8")
        locations.add(json.loads(text[text.index(",") + 1 : text.rindex(");")])["u"])
    for page in pages:
        assert page_url(page.src_uri) in locations, page.src_uri


def test_a_gemeente_is_found_by_what_its_own_page_says(built_site, cat):
    """Its search text is read from the built page: where to start there, not the crisis lines or
    national lists that stand on every gemeente page (else each would match every question)."""
    docs = {}
    for file in (built_site / "search" / "d").glob("*.js"):
        text = file.read_text(encoding="utf-8")
        doc = json.loads(text[text.index(",") + 1 : text.rindex(");")])
        docs[doc["u"]] = doc
    zwolle = docs["gemeenten/zwolle/"]["x"]
    shown = plain_text((built_site / "gemeenten" / "zwolle" / "index.html").read_text(encoding="utf-8"))
    assert set(zwolle.split()) <= set(shown.split())
    assert cat.organisations[cat.gemeenten["GM0193"].entry_point].name in zwolle
    assert "Acuut gevaar" in shown and "Acuut gevaar" not in zwolle
    assert all(o.name not in zwolle for o in cat.national_offers)


def test_edit_links_are_for_editors_not_on_public_pages(built_site, cat):
    """No 'Wijzig deze pagina' pencil for parents and children; the editors' report links each item to its YAML."""
    for page in ("aanbod/kies/index.html", "ouders/index.html", "kinderen/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert 'title="Wijzig deze pagina"' not in html and "/edit/" not in html, page
    report = (built_site / "redactie" / "rapport" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="[^"]+/edit/[^"]+/data/offers\.yaml', report), "bewerk-links in het rapport"


def test_pages_carry_dutch_language_and_no_third_party_assets(built_site):
    for html_file in [built_site / "index.html", built_site / "aanbod" / "kies" / "index.html"]:
        html = html_file.read_text(encoding="utf-8")
        assert '<html lang="nl"' in html
        assert not re.search(r'(src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]*\.(js|css|woff2?)"', html)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_every_public_page_says_when_it_was_last_checked(built_site):
    """Generated and hand-written pages alike show 'Laatst gecontroleerd' (not the 404 page,
    the editors' pages or the CMS)."""
    missing = []
    for html_file in sorted(built_site.rglob("index.html")):
        rel = html_file.relative_to(built_site).as_posix()
        if rel.startswith(("admin/", "redactie/")):
            continue
        if "Laatst gecontroleerd" not in html_file.read_text(encoding="utf-8"):
            missing.append(rel)
    assert not missing, f"zonder 'Laatst gecontroleerd': {missing}"
