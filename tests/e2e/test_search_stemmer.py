"""The index and the query are stemmed alike: Python (snowballstemmer, wijzer.core.search_text.stem)
when the site is built, JavaScript (lunr-languages' lunr.nl.js, search/stem.js) when someone types.
A word stemmed differently on the two sides is a word search cannot find."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wijzer.core.search_text import stem, words
from wijzer.site.search.index import LICENSE, VENDOR

ROOT = Path(__file__).resolve().parent.parent.parent
VENDORED = ROOT / "src" / "wijzer" / "site" / "search" / "vendor"
SAMPLE = 600


def site_words(built_site: Path) -> list[str]:
    """Words of letters from the real pages (titles, headings, text of search/d/*.js): an even
    spread over the alphabet, plus words whose endings the stemmer handles in special ways."""
    found: set[str] = set()
    for path in (built_site / "search" / "d").glob("*.js"):
        source = path.read_text(encoding="utf-8")
        doc = json.loads(source[source.index(",") + 1 : source.rindex(");")])
        for text in [doc["t"], doc["x"], *doc.get("h", [])]:
            found.update(w for w in words(text) if w.isalpha() and len(w) >= 3)
    ordered = sorted(found)
    step = max(1, len(ordered) // SAMPLE)
    special = [w for w in ordered if w.endswith(("heden", "ene", "lijk", "baar", "bar", "ig", "end", "ing", "kken", "tten"))]
    return sorted(set(ordered[::step] + special[:200]))


@pytest.mark.browser
def test_browser_and_build_stem_every_word_alike(page, site_url, built_site):
    sample = site_words(built_site)
    assert len(sample) >= 500
    page.goto(site_url)
    page.get_by_role("searchbox", name="Zoeken").focus()
    page.wait_for_function("() => window.wzSearch && window.wzSearch.stem")
    in_browser = page.evaluate("ws => ws.map(w => window.wzSearch.stem(w))", sample)
    at_build = [stem(w) for w in sample]
    differ = [(w, b, p) for w, b, p in zip(sample, in_browser, at_build, strict=True) if b != p]
    assert differ == [], f"{len(differ)} woorden anders gestemd (woord, browser, bouw): {differ[:20]}"
    changed = sum(s != w for w, s in zip(sample, at_build, strict=True))
    assert changed >= len(sample) // 4, "de stemmer doet (bijna) niets"
    assert stem("omgangsregelingen") == "omgangsregel" and stem("kinderen") == "kinder"
    assert stem("1_377c") == "1_377c"  # law articles stay whole


def test_vendored_stemmer_is_the_pinned_package():
    """src/wijzer/site/search/vendor/ holds lunr-languages' files unchanged, at the version in
    package.json (npm ci installs it in node_modules)."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = package["dependencies"]["lunr-languages"]
    assert lock["packages"]["node_modules/lunr-languages"]["version"] == version
    installed = ROOT / "node_modules" / "lunr-languages"
    if not (installed / "package.json").is_file():
        pytest.skip("node_modules/lunr-languages ontbreekt: eerst npm ci (make doet dat)")
    assert json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"] == version
    for name in VENDOR:
        assert (VENDORED / name).read_bytes() == (installed / name).read_bytes(), name
    assert (VENDORED / LICENSE).read_bytes() == (installed / "LICENSE").read_bytes()
