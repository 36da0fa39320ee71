"""`wijzer build` (wijzer.site.build): atomic and deterministic.

Atomic: a build that fails, at any stage, or is killed halfway, leaves the previous site/ exactly as
it was, and a build that succeeds replaces it completely. Works on a copy of the project (real
mkdocs.yml, content, overrides, macros and data) in a temporary folder: break something, build
again, compare every byte of site/. The site/ it starts with is the run's shared site
(conftest.built_site, hash seed 1), copied in.

Deterministic: the successful build here runs with another hash seed (2), in another folder, and
must give the shared site again byte for byte: every file, the open data, the search index, the
sitemap. So no set or dict order and no path can leak into the output. The build's date in the
output is the sitemap's <lastmod>, taken from SOURCE_DATE_EPOCH (the Makefile and `wijzer build` set
it to the time of the last commit). What counts from today (the editors' report, overdue reviews)
counts from WIJZER_TODAY, which the conftest sets once per run, so a run that passes midnight does
not see two days.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import BUILT_SITE_ENV

ROOT = Path(__file__).resolve().parents[2]
# Copied (so a test can break them); everything else in the project is linked read-only.
COPIED = {"mkdocs.yml", "data", "content"}
SKIPPED = {"site", ".git", ".venv", "tests", "benchmarks", "build", ".pytest_cache", "__pycache__"}


def make_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name in SKIPPED or entry.name.startswith((".site-", ".git")):
            continue
        if entry.name in COPIED:
            (shutil.copytree if entry.is_dir() else shutil.copyfile)(entry, target / entry.name)
        else:
            (target / entry.name).symlink_to(entry)
    return target


def wijzer(project: Path, *args: str, wait: bool = True, seed: str = BUILT_SITE_ENV["PYTHONHASHSEED"]) -> subprocess.CompletedProcess | subprocess.Popen:
    cmd = [sys.executable, "-m", "wijzer.cli", *args]
    env = {**os.environ, "CI": "1", **BUILT_SITE_ENV, "PYTHONHASHSEED": seed}
    if not wait:
        return subprocess.Popen(cmd, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True, timeout=600)


def snapshot(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.iterdir() if p.name.startswith(".site-"))


@pytest.fixture(scope="module")
def project(tmp_path_factory, built_site: Path) -> Path:
    project = make_project(tmp_path_factory.mktemp("atomic") / "project")
    if os.environ.get("WIJZER_TEST_SITE"):  # built elsewhere, perhaps with other settings: build here
        result = wijzer(project, "build", "--strict")
        assert result.returncode == 0, result.stderr
    else:
        shutil.copytree(built_site, project / "site")
    assert (project / "site" / "index.html").is_file()
    return project


@pytest.fixture
def before(project: Path):
    """The site as it stands, and a way to undo whatever the test breaks."""
    saved = {name: (project / name).read_bytes() for name in ("data/offers.yaml", "content/over/toegankelijkheid.md")}
    state = snapshot(project / "site")
    yield state
    for name, raw in saved.items():
        (project / name).write_bytes(raw)


def test_invalid_data_stops_the_build_and_keeps_the_site(project: Path, before: dict):
    offers = project / "data" / "offers.yaml"
    offers.write_text(offers.read_text(encoding="utf-8").replace("costs: gratis", "costs: gratiss", 1), encoding="utf-8")

    result = wijzer(project, "build", "--strict")

    assert result.returncode == 1
    assert "Bouwen mislukt; site/ is niet veranderd." in result.stderr
    assert "data/offers.yaml:" in result.stderr and "'gratiss' is geen toegestane waarde" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_failure_late_in_the_build_keeps_the_site(project: Path, before: dict):
    """The content check runs page by page, after many pages are already written to the temporary folder."""
    page = project / "content" / "over" / "toegankelijkheid.md"  # last in the navigation
    page.write_text(page.read_text(encoding="utf-8") + '\n<p onclick="alert(1)">Klik</p>\n', encoding="utf-8")

    result = wijzer(project, "build", "--strict")

    assert result.returncode == 1
    assert "Bouwen mislukt; site/ is niet veranderd." in result.stderr
    assert "over/toegankelijkheid.md: de inhoud bevat een event-handler onclick= op <p>" in result.stderr
    assert snapshot(project / "site") == before
    assert leftovers(project) == []


def test_a_killed_build_leaves_the_site_and_its_leftovers_are_cleaned(project: Path, before: dict):
    build = wijzer(project, "build", "--strict", wait=False)
    temp = project / f".site-build-{build.pid}"
    deadline = time.monotonic() + 300
    while not (temp / "assets").exists() and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert build.poll() is None, "de bouw was klaar voordat hij kon worden onderbroken"
    build.send_signal(signal.SIGKILL)
    build.wait()

    assert snapshot(project / "site") == before
    assert leftovers(project) == [temp.name]  # hidden, and never served as the site

    # the next build (here one that fails on its data, so quickly) clears what the killed one left
    offers = project / "data" / "offers.yaml"
    offers.write_bytes(b"\x00")
    result = wijzer(project, "build", "--strict")
    assert result.returncode == 1
    assert leftovers(project) == []
    assert snapshot(project / "site") == before


def test_a_successful_build_replaces_the_site_completely_and_gives_the_same_bytes(project: Path, before: dict):
    """Byte for byte the site it replaces, although that one was built with another hash seed in another folder."""
    assert BUILT_SITE_ENV["PYTHONHASHSEED"] != "2"
    (project / "site" / "verouderd.html").write_text("oud", encoding="utf-8")
    result = wijzer(project, "build", "--strict", seed="2")
    assert result.returncode == 0, result.stderr
    assert not (project / "site" / "verouderd.html").exists()
    after = snapshot(project / "site")
    assert sorted(after) == sorted(before)
    assert [name for name in after if after[name] != before[name]] == []
    assert len(after) > 100 and "search/meta.js" in after and "sitemap.xml.gz" in after
    assert leftovers(project) == []

    # the one date in the output is the documented one
    day = dt.datetime.fromtimestamp(int(BUILT_SITE_ENV["SOURCE_DATE_EPOCH"]), dt.UTC).date().isoformat()
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<lastmod>{day}</lastmod>" in sitemap
    assert sitemap.count("<lastmod>") == sitemap.count(f"<lastmod>{day}</lastmod>")
    assert gzip.decompress((project / "site" / "sitemap.xml.gz").read_bytes()).decode() == sitemap
