"""The one place the site search touches the theme: our copy of Material's partials/header.html
(overrides/partials/header.html) with Material's search replaced by ours, and without its colour
switch (the site has one colour scheme). When Material changes that file, this test fails: copy it
again, make the same two changes and update the hash here."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parent.parent.parent
OURS = ROOT / "overrides" / "partials" / "header.html"
THEIRS = Path(material.__file__).parent / "templates" / "partials" / "header.html"
# The version of Material's header.html our copy is based on.
HEADER_SHA256 = "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f"


def test_material_header_is_the_one_we_copied():
    digest = hashlib.sha256(THEIRS.read_bytes()).hexdigest()
    assert digest == HEADER_SHA256, (
        f"Material's partials/header.html is veranderd (mkdocs-material {material.__version__}). Kopieer hem opnieuw naar "
        "overrides/partials/header.html, vervang het zoekgedeelte weer door {% include \"partials/wz-search.html\" %} "
        "en zet de nieuwe hash in dit bestand en in de kop van de kopie."
    )
    assert HEADER_SHA256 in OURS.read_text(encoding="utf-8")


def test_our_copy_differs_from_material_only_in_the_search_and_the_colour_switch():
    theirs = THEIRS.read_text(encoding="utf-8")
    ours = OURS.read_text(encoding="utf-8")
    search = re.search(r'    \{% if "material/search" in config\.plugins %\}.*?\n    \{% endif %\}\n', theirs, re.DOTALL)
    assert search, "Material's header heeft geen zoekblok meer op de verwachte plek"
    palette = re.search(r'    \{% if config\.theme\.palette %\}.*?partials/javascripts/palette\.html" %\}\n    \{% endif %\}\n', theirs, re.DOTALL)
    assert palette, "Material's header heeft geen kleurschakelaar (palette) meer op de verwachte plek"
    expected = theirs.replace(search.group(0), "").replace(palette.group(0), "").split("\n", 3)[3]  # without Material's "generated" note
    ours_body = re.sub(r"^\{#-.*?-#\}\n", "", ours, count=1, flags=re.DOTALL)
    ours_body = re.sub(r"    \{#- Wijzer:.*?-#\}\n    \{% include \"partials/wz-search\.html\" %\}\n", "", ours_body)
    assert ours_body == expected


def test_built_pages_use_our_search_and_nothing_of_materials(built_site):
    html = (built_site / "ouders" / "index.html").read_text(encoding="utf-8")
    header = html[html.index('<header class="md-header'):html.index("</header>")]
    assert 'id="wz-search-input"' in header and 'role="search"' in header
    # Material's search dialog is gone (its JavaScript starts its worker only for that component)
    assert "md-search" not in html and 'data-md-component="search"' not in html
    assert not (built_site / "search" / "search_index.json").exists()
    assert (built_site / "search" / "meta.js").exists() and (built_site / "assets" / "search-engine.js").exists()
    # one colour scheme: no palette stylesheet to fetch and no palette script reading the browser's storage
    assert "palette" not in html and "data-md-color" not in html
