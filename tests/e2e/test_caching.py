"""A second page costs only its HTML: our style sheets and scripts have names that change with
their content, so a server may keep them for a year (deploy/, docs/hosting.md)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from conftest import listen
from wijzer.site.fingerprint import FOLDER, HASH_LENGTH
from wijzer.site.page_assets import FEATURES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
OWN = re.compile(rf"{FOLDER}/((?:[a-z0-9-]+/)*[a-z0-9-]+)\.([0-9a-f]{{{HASH_LENGTH}}})\.(css|js)$")


def sources(name: str, suffix: str) -> list[Path]:
    """The files under overrides/ a published file is made of: a tool's joined files (wijzer.site.page_assets), or the one file."""
    feature = next((f for f in FEATURES if f.name == name), None)
    parts = (feature.css if suffix == "css" else feature.js) if feature else (f"assets/{name}.{suffix}",)
    return [ROOT / "overrides" / part for part in parts]


@pytest.mark.parametrize("path", ["", "signaleren/", "professionals/beslishulp/"])
def test_own_assets_are_named_after_their_content(page, site_url, built_site, path):
    requested: list[str] = []
    listen(page, "request", lambda r: requested.append(r.url))
    page.goto(site_url + path)
    page.locator("#wz-search-input").focus()  # loads the search engine
    page.wait_for_load_state("networkidle")
    own = [u for u in requested if "/assets/" in u and not re.search(r"/assets/(javascripts|stylesheets|images|wijzer-inline)/", u)]
    assert any("search-engine" in u for u in own), "de zoekmachine is niet geladen"
    for url in own:
        match = OWN.search(url)
        assert match, f"{url}: naam zonder vingerafdruk; een browser zou een oude versie kunnen houden"
        name, digest, suffix = match.groups()
        published = (built_site / FOLDER / f"{name}.{digest}.{suffix}").read_bytes()
        files = sources(name, suffix)
        assert all(f.is_file() for f in files), f"{url}: geen bron in overrides/"
        for source in files:
            assert source.read_bytes().rstrip(b"\n") in published, f"{url}: {source.name} ontbreekt"
        assert hashlib.sha256(published).hexdigest().startswith(digest), f"{url}: vingerafdruk past niet bij de inhoud"


def test_deploy_examples_cache_fingerprinted_assets_for_a_year():
    nginx = (ROOT / "deploy" / "nginx" / "wijzer-subpath.conf").read_text(encoding="utf-8")
    netlify = (ROOT / "deploy" / "netlify" / "netlify.toml").read_text(encoding="utf-8")
    assert "assets/v/" in nginx and "immutable" in nginx
    assert '"/assets/v/*"' in netlify and "immutable" in netlify
    # everything else, also the cards Hulp zoeken and signaleren fetch, is asked for again each time,
    # so a page and its cards always match after an update
    assert 'location ~* "\\.(html|json|js|csv|xml|txt)$|/$"' in nginx and 'Cache-Control = "no-cache"' in netlify
