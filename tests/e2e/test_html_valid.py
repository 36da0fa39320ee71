"""The HTML of every page passes the Nu Html Checker (npm vnu-jar, on Java) with zero errors: all
of the built site (about 25 s for some 520 pages), so every page type is certainly in it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent.parent
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = [
    "index.html", "ouders/index.html", "kinderen/index.html", "professionals/index.html",
    "professionals/voorveld/index.html", "hulp-zoeken/index.html", "gemeenten/index.html",
    "gemeenten/zwolle/index.html", "gemeenten/aalten/index.html", "aanbod/index.html", "aanbod/kies/index.html",
    "aanbod/veilig-thuis-advies/index.html", "organisaties/index.html", "organisaties/veilig-thuis/index.html",
    "juridisch/index.html", "juridisch/ouderlijk-gezag/index.html", "routekaart/index.html",
    "signaleren/index.html", "professionals/beslishulp/index.html", "professionals/beslishulp-uitleg/index.html",
    "juridisch/toestemming-jeugdhulp-en-behandeling/index.html", "over/privacy/index.html", "404.html",
]
# One run of a few seconds: Java's quick compiler alone costs about 40% less CPU than with its optimising
# one (which compiles on other cores while the checker runs); that compiler needs a deeper stack for the schema.
JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
ERROR = re.compile(r'^"file:(?P<file>[^"]+)":(?P<line>\d+)\.\d+-\d+\.\d+: error: (?P<message>.*)$')


def in_template(file: Path, line: int) -> bool:
    """Inside a <template>: markup that flow.js copies under a heading at run time."""
    before = "\n".join(file.read_text(encoding="utf-8").splitlines()[: line])
    return before.rfind("<template") > before.rfind("</template>")


def test_every_page_is_valid_html(built_site):
    java = shutil.which("java")
    assert java, "java ontbreekt (Debian: default-jre-headless)"
    assert VNU.exists(), "vnu-jar ontbreekt: 'make test' draait 'npm ci'"
    files = [built_site / p for p in PAGES]
    assert all(f.exists() for f in files), [str(f) for f in files if not f.exists()]  # each type is built
    result = subprocess.run(
        [java, *JAVA_OPTIONS, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(built_site)],
        capture_output=True, text=True, timeout=600,
    )
    errors = []
    for line in (result.stderr + result.stdout).splitlines():
        found = ERROR.match(line)
        if not found:
            continue
        # The checker also walks <template> contents for its heading-level rule, though they are
        # not part of the document; there the level fits the place flow.js puts the card.
        if "skipping" in found["message"] and in_template(Path(found["file"]), int(found["line"])):
            continue
        errors.append(line.replace(str(built_site), ""))
    assert not errors, "\n".join(errors[:30])
