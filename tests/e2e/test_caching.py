"""A second page costs only its HTML: our style sheets and scripts have names that change with
their content, so a server may keep them for a year (deploy/, docs/hosting.md)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from wijzer.site.fingerprint import FOLDER, HASH_LENGTH

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
OWN = re.compile(rf"{FOLDER}/((?:[a-z0-9-]+/)*[a-z0-9-]+)\.([0-9a-f]{{{HASH_LENGTH}}})\.(css|js)$")


def test_own_assets_are_named_after_their_content(page, site_url, built_site):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url)
    own = [u for u in requested if "/assets/" in u and not re.search(r"/assets/(javascripts|stylesheets|images|wijzer-inline)/", u)]
    assert own, "geen eigen CSS of JavaScript geladen"
    for url in own:
        match = OWN.search(url)
        assert match, f"{url}: naam zonder vingerafdruk; een browser zou een oude versie kunnen houden"
        name, digest, suffix = match.groups()
        source = ROOT / "overrides" / "assets" / f"{name}.{suffix}"
        published = (built_site / FOLDER / f"{name}.{digest}.{suffix}").read_bytes()
        assert published == source.read_bytes()
        assert hashlib.sha256(published).hexdigest().startswith(digest), f"{url}: vingerafdruk past niet bij de inhoud"


def test_deploy_examples_cache_fingerprinted_assets_for_a_year():
    nginx = (ROOT / "deploy" / "nginx" / "wijzer-subpath.conf").read_text(encoding="utf-8")
    netlify = (ROOT / "deploy" / "netlify" / "netlify.toml").read_text(encoding="utf-8")
    assert "assets/v/" in nginx and "immutable" in nginx
    assert '"/assets/v/*"' in netlify and "immutable" in netlify
