"""The NL Design System files in overrides/assets are the pinned npm packages' (tools/nlds.py), and the
token names tokens.css applies to Material (and nlds/link.css to tel: links) are the ones the NLDS candidate components read."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("nlds", ROOT / "tools" / "nlds.py")
assert _spec and _spec.loader
nlds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(nlds)


def test_the_vendored_files_equal_what_the_pinned_packages_give():
    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for package in (nlds.LINK_PACKAGE, nlds.TOKENS_PACKAGE):
        assert nlds.package_version(package) == pinned[package], f"node_modules is not package.json's {package}: npm ci"
    for path, text in nlds.vendored().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.relative_to(ROOT)} differs from the package: python tools/nlds.py"


def test_every_theme_sets_the_nlds_tokens_that_tokens_css_reads_and_they_are_the_components_own():
    components = "".join(
        (ROOT / "node_modules" / "@nl-design-system-candidate" / name / "dist" / f"{name.removesuffix('-css')}.css").read_text(encoding="utf-8")
        for name in ("heading-css", "link-css", "skip-link-css")
    )
    read_by_components = set(re.findall(r"var\((--nl-[\w-]+)", components))
    assets = ROOT / "overrides" / "assets"
    site_css = "".join(p.read_text(encoding="utf-8") for p in [assets / "tokens.css", *sorted((assets / "nlds").glob("*.css"))])
    read_by_site = set(re.findall(r"var\((--nl-[\w-]+)", site_css))
    assert set(nlds.NL_TOKENS) <= read_by_components  # a renamed token in a package upgrade fails here
    assert set(nlds.NL_TOKENS) <= read_by_site  # every token a theme sets is used
    for theme in (ROOT / "overrides" / "assets" / "tokens").glob("*.css"):
        declared = set(re.findall(r"^\s*(--nl-[\w-]+)\s*:", theme.read_text(encoding="utf-8"), re.MULTILINE))
        assert declared == set(nlds.NL_TOKENS), theme.name
