"""`wijzer init <map>`: a region starts its own platform from the wheel, without this repository.

The wheel is built from a copy of the project (``pip wheel``), installed into a fresh virtual
environment (its dependencies come from the test environment, the wijzer package only from the
wheel), and that installation makes a new platform in an empty folder, builds it with
``wijzer build --strict`` and the site is opened in Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import serve_subpath

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = ("pyproject.toml", "setup.py", "README.md", "src", "overrides")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    copy = tmp_path_factory.mktemp("project")
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(src, copy / name)
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(copy)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-3000:]
    return next(out.glob("wijzer-*.whl"))


def test_the_wheel_holds_what_init_and_the_build_need(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    starter = "wijzer/editors/starter/"
    for needed in ("mkdocs.yml", "README.md", "content/index.md", "content/hulp-zoeken.md", "content/gemeenten/index.md",
                   "data/offers.yaml", "data/organisations.yaml", "data/regions.yaml", "data/legal.yaml", "data/tiers.yaml",
                   "data/settings.yaml", "overrides/main.html", "overrides/404.html", "overrides/assets/wijzer.css",
                   "overrides/assets/finder.js", "overrides/assets/search.js", "overrides/partials/header.html"):
        assert starter + needed in names, f"{needed} ontbreekt in het wiel"
    assert {"wijzer/pages/templates/offer.html", "wijzer/pages/templates/gemeente.html", "wijzer/site/search/build.py"} <= names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[mkdocs.plugins]" in text and "wijzer = wijzer.site.plugin:WijzerPlugin" in text


@pytest.mark.browser
def test_a_platform_made_by_init_from_the_wheel_builds_and_shows_its_example(wheel: Path, tmp_path: Path, new_page):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             capture_output=True, text=True, check=True).stdout.strip()
    with zipfile.ZipFile(wheel) as whl:  # installing a wheel is unpacking it (no scripts needed here)
        whl.extractall(purelib)
    # the dependencies from the test environment; wijzer itself only from the wheel
    env = {**os.environ, "CI": "1", "PYTHONPATH": sysconfig.get_path("purelib")}
    where = subprocess.run([str(python), "-c", "import wijzer; print(wijzer.__file__)"], capture_output=True, text=True, env=env)
    assert where.stdout.startswith(purelib), where.stdout + where.stderr

    platform = tmp_path / "regio"
    made = subprocess.run([str(python), "-m", "wijzer.cli", "init", str(platform), "--name", "Hulp in de regio"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert made.returncode == 0, made.stderr
    assert "wijzer build --strict" in (platform / "README.md").read_text(encoding="utf-8")
    assert "- wijzer:" in (platform / "mkdocs.yml").read_text(encoding="utf-8")
    again = subprocess.run([str(python), "-m", "wijzer.cli", "init", str(platform)], capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 1 and "niet leeg" in again.stderr  # never overwrites a platform

    for command in (["validate"], ["build", "--strict"]):
        done = subprocess.run([str(python), "-m", "wijzer.cli", *command], cwd=platform, capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-2000:]
    site = platform / "site"

    page = new_page()
    foreign: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:")) else foreign.append(r.url))
    with serve_subpath(site) as url:
        page.goto(url)
        assert "Hulp in de regio" in page.title()
        card = page.locator("main a", has_text="De Kindertelefoon").first
        card.click()
        page.wait_for_url("**/aanbod/kindertelefoon/")
        assert page.locator("h1").inner_text().strip() == "De Kindertelefoon"
        assert page.get_by_text("0800-0432").first.is_visible()
        page.goto(url + "gemeenten/zwolle/")
        assert "Zwolle" in page.locator("h1").inner_text()
    assert not foreign, f"verzoeken naar andere hosts: {foreign}"
