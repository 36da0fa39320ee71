"""Two builds of the same tree are byte-identical: every file, the open data, the search index, the sitemap.

The build's date in the output is the sitemap's <lastmod>, taken from SOURCE_DATE_EPOCH (the Makefile
and `wijzer build` set it to the time of the last commit), so it is the same in both builds too. What
counts from today (the editors' report, overdue reviews) counts from WIJZER_TODAY, which the conftest
sets once per run, so a run that passes midnight does not see two days.
The builds run with different hash seeds, so no set or dict order can leak into the output.

The first build is the run's shared site (conftest.built_site, hash seed 1), the second is made here
with the same settings and hash seed 2. With a prebuilt WIJZER_TEST_SITE both are made here, from a
frozen copy of the project.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import BUILT_SITE_ENV

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {"site", ".git", ".venv", "tests", "benchmarks", "build", ".pytest_cache", "__pycache__"}
EPOCH = BUILT_SITE_ENV["SOURCE_DATE_EPOCH"]  # 2026-01-01


def snapshot_project(target: Path) -> Path:
    """A frozen copy of the project, so edits made while the test runs cannot differ between the builds."""
    target.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name in SKIPPED or entry.name.startswith((".site-", ".git")):
            continue
        if entry.name == "node_modules":
            (target / entry.name).symlink_to(entry)
        elif entry.is_dir():
            shutil.copytree(entry, target / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(entry, target / entry.name)
    return target


def build(project: Path, site: Path, seed: str) -> None:
    env = {**os.environ, "CI": "1", **BUILT_SITE_ENV, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "wijzer.cli", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr


def tree(site: Path) -> dict[str, str]:
    return {str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path, built_site: Path):
    if os.environ.get("WIJZER_TEST_SITE"):  # built elsewhere, perhaps with other settings
        project, a = snapshot_project(tmp_path / "project"), tmp_path / "a"
        build(project, a, seed="1")
    else:
        project, a = ROOT, built_site
        assert BUILT_SITE_ENV["PYTHONHASHSEED"] == "1"
    build(project, tmp_path / "b", seed="2")

    first, second = tree(a), tree(tmp_path / "b")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert len(first) > 100 and "search/meta.js" in first and "sitemap.xml.gz" in first

    # the one date in the output is the documented one
    day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date().isoformat()
    sitemap = (a / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>")
    assert gzip.decompress((a / "sitemap.xml.gz").read_bytes()).decode() == sitemap
