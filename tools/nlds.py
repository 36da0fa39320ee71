"""Vendor the NL Design System files the site uses from the pinned npm packages (package.json).

The site is self-hosted and its build does not read node_modules for the look, so the few small
files it needs are copied into overrides/assets by this script (run after ``npm ci``):

- ``overrides/assets/nlds/link.css``: the Link component of ``@nl-design-system-candidate/link-css``
  (EUPL-1.2), unchanged but for its source-map comment; ``contactrefs.phone_link`` gives every
  ``tel:`` link its ``nl-link`` class.
- ``overrides/assets/tokens/voorbeeld.css``: the example region theme. Its values come from
  ``@nl-design-system-unstable/voorbeeld-design-tokens`` (EUPL-1.2): the NLDS component tokens
  that tokens.css applies to Material (headings, links, skip link) and the colours for Material's
  header (``--wz-*``), each resolved to its literal value, so the page loads a handful of
  properties instead of the package's 200 KB.

tests/site/test_nlds_vendored.py regenerates both from node_modules and fails when a file differs:
after an upgrade in package.json, run ``python tools/nlds.py`` and review the diff.

Usage: ``.venv/bin/python tools/nlds.py``
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
ASSETS = ROOT / "overrides" / "assets"

LINK_PACKAGE = "@nl-design-system-candidate/link-css"
TOKENS_PACKAGE = "@nl-design-system-unstable/voorbeeld-design-tokens"

# Copied component CSS: (package, file in the package, file in overrides/assets)
COMPONENTS = [(LINK_PACKAGE, "dist/link.css", "nlds/link.css")]

# The NLDS component tokens tokens.css reads (sizes stay Material's: the packages count in rem on
# a 16px root, Material's root is 20px; font families stay the self-hosted one).
NL_TOKENS = [
    *(f"--nl-heading-level-{level}-{part}" for level in range(1, 7) for part in ("color", "font-weight", "line-height")),
    "--nl-link-color",
    "--nl-link-hover-color",
    "--nl-link-active-color",
    "--nl-link-text-decoration-line",
    "--nl-skip-link-color",
    "--nl-skip-link-background-color",
    "--nl-skip-link-min-block-size",
    "--nl-skip-link-min-inline-size",
]
# Material's own colours (tokens.css maps --wz-* onto --md-*), from the theme's basis tokens.
WZ_FROM_BASIS = {
    "--wz-color-primary": "--basis-color-accent-1-inverse-bg-default",
    "--wz-color-primary-light": "--basis-color-accent-1-color-default",
    "--wz-color-primary-dark": "--basis-color-accent-1-inverse-bg-active",
    "--wz-color-accent": "--basis-color-action-2-color-hover",
    "--wz-color-text": "--basis-color-default-color-document",
}

DECLARATION = re.compile(r"^\s*(--[\w-]+)\s*:\s*(.+?);", re.MULTILINE)
VAR = re.compile(r"var\((--[\w-]+)\)")
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/\s*$")


def package_version(package: str) -> str:
    return json.loads((NODE / package / "package.json").read_text(encoding="utf-8"))["version"]


def component_css(package: str, file: str) -> str:
    """The package's CSS file without its source-map comment (the map is not published)."""
    css = (NODE / package / file).read_text(encoding="utf-8")
    header = f"/* {package} {package_version(package)}, {file} (EUPL-1.2), vendored by tools/nlds.py: do not edit. */\n"
    return header + SOURCE_MAP.sub("", css).rstrip() + "\n"


def declarations(css: str) -> dict[str, str]:
    """Custom properties declared in a token file (the first declaration of each)."""
    found: dict[str, str] = {}
    for name, value in DECLARATION.findall(css):
        found.setdefault(name, value.strip())
    return found


def resolve(name: str, tokens: dict[str, str], seen: tuple[str, ...] = ()) -> str:
    """The literal value of a token: every var(--x) replaced by x's value, recursively."""
    if name in seen:
        raise ValueError(f"token cycle: {' -> '.join((*seen, name))}")
    if name not in tokens:
        raise KeyError(f"{TOKENS_PACKAGE} has no token {name}: update tools/nlds.py")
    return VAR.sub(lambda m: resolve(m.group(1), tokens, (*seen, name)), tokens[name])


def voorbeeld_theme() -> str:
    tokens = declarations((NODE / TOKENS_PACKAGE / "dist" / "variables.css").read_text(encoding="utf-8"))
    lines = [
        f"/* Design tokens: the example region theme, values from {TOKENS_PACKAGE} {package_version(TOKENS_PACKAGE)}",
        "   (EUPL-1.2), written by tools/nlds.py: do not edit. tokens.css applies them to Material. */",
        ":root {",
    ]
    lines += [f"  {name}: {resolve(basis, tokens)};" for name, basis in WZ_FROM_BASIS.items()]
    lines += [f"  --wz-color-link: {resolve('--nl-link-color', tokens)};"]
    lines += [f"  {name}: {resolve(name, tokens)};" for name in NL_TOKENS]
    lines.append("}")
    return "\n".join(lines) + "\n"


def vendored() -> dict[Path, str]:
    """Each vendored file (under overrides/assets) and the text it must have."""
    files = {ASSETS / target: component_css(package, file) for package, file, target in COMPONENTS}
    files[ASSETS / "tokens" / "voorbeeld.css"] = voorbeeld_theme()
    return files


def main() -> int:
    if not NODE.is_dir():
        print("node_modules ontbreekt: draai eerst 'npm ci'", file=sys.stderr)
        return 1
    for path, text in vendored().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
