"""Before/after screenshots for docs/voor-en-na.md.

Usage: python tools/screenshots.py SITE_DIR PREFIX  (e.g. build/site-main voor)
Serves SITE_DIR under /kennisplatform/ and writes docs/img/PREFIX-<page>-<width>.png (top of the page,
one screen high) with Debian's Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS, serve_subpath  # noqa: E402

PAGES = {
    "home": "",
    "gemeente": "gemeenten/utrecht/",
    "ouders": "ouders/",
    "kinderen": "kinderen/",
    "signaleren": "signaleren/",
}
VIEWPORTS = {390: 844, 1280: 900}


def main(site: Path, prefix: str) -> None:
    out = ROOT / "docs" / "img"
    out.mkdir(parents=True, exist_ok=True)
    with serve_subpath(site) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        for width, height in VIEWPORTS.items():
            context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL")
            page = context.new_page()
            for name, path in PAGES.items():
                page.goto(url + path)
                page.screenshot(path=str(out / f"{prefix}-{name}-{width}.png"))
            context.close()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
