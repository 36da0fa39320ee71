"""The real site, built in strict mode from the shipped data: every generated page exists, is
reachable from an overview page and the search index, and links back to its YAML for editing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from wijzer.core.catalogue import load_catalogue
from wijzer.pages.generated import generated_pages
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
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    for page in pages:
        if page.kind != "gemeente":
            assert page_url(page.src_uri) in locations, page.src_uri


def test_generated_page_edit_link_points_at_its_yaml(built_site, cat):
    html = (built_site / "aanbod" / "kies" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)" title="Wijzig deze pagina"', html)
    assert edit and edit.group(1).endswith("/data/offers.yaml"), "bewerk-link van een aanbodpagina"
    html = (built_site / "ouders" / "index.html").read_text(encoding="utf-8")
    edit = re.search(r'<a href="([^"]+)" title="Wijzig deze pagina"', html)
    assert edit and edit.group(1).endswith("/content/ouders/index.md")


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
