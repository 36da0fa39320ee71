"""`wijzer serve` rebuilds only what an edit changed (wijzer.site.rebuilds: skipped pages, remembered
templates and search expansions, one sidebar per folder). After an edit, the site it
serves must be exactly the site a clean build of the edited data gives.

Runs MkDocs' own build the way `mkdocs serve --dirty` does (a new config per rebuild, plugins
started once), on a copy of the project, in a separate process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import sys
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

URL = "http://127.0.0.1:8000/"


def config(site):
    c = load_config(config_file="mkdocs.yml", site_dir=site, strict=False)
    c.site_url = URL
    return c


served, clean_site = sys.argv[1:3]
edits = list(zip(sys.argv[3::2], sys.argv[4::2]))
first = config(served)
first.plugins.on_startup(command="serve", dirty=True)
build(first, serve_url=URL, dirty=True)
offers = Path("data/offers.yaml")
text = offers.read_text(encoding="utf-8")
for old, new in edits:
    assert old in text, old
    text = text.replace(old, new, 1)
offers.write_text(text, encoding="utf-8")
build(config(served), serve_url=URL, dirty=True)
clean = config(clean_site)
clean.plugins.on_startup(command="serve", dirty=False)
build(clean, serve_url=URL, dirty=False)
"""


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_the_site_served_after_an_edit_is_the_site_a_clean_build_gives(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "overrides", "macros", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    served, clean = tmp_path / "served", tmp_path / "clean"
    # A national offer renamed (it stands on every gemeente page) and its description changed.
    edits = ['name: KIES', 'name: Hernoemd KIES', "In een KIES-groep praten", "In een KIES-groep spelen en praten"]
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(served), str(clean), *edits], cwd=project,
                            capture_output=True, text=True, timeout=900, env={**os.environ, "CI": "1"})
    assert result.returncode == 0, result.stderr[-3000:]

    got, want = files(served), files(clean)
    assert sorted(got) == sorted(want)
    # the search files too: a rebuild keeps the documents of the pages it did not rebuild
    differ = [name for name in want if got[name] != want[name]]
    assert differ == [], f"na de wijziging anders dan een schone build: {differ[:10]}"
    # And the edit is there, on the offer's page and on a gemeente page.
    assert "Hernoemd KIES" in got["aanbod/kies/index.html"].decode() and "spelen en praten" in got["aanbod/kies/index.html"].decode()
    assert "Hernoemd KIES" in got["gemeenten/utrecht/index.html"].decode()
