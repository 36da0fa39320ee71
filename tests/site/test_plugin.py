"""The Wijzer MkDocs plugin: its internals guard (compat), its typed settings, and `wijzer serve`
(MkDocs' own serve, with the plugin watching the data folder)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from importlib.metadata import version
from pathlib import Path

from wijzer.site import compat

ROOT = Path(__file__).resolve().parents[2]


def test_compat_matches_the_pinned_mkdocs_and_material():
    """wijzer.site.compat relies on details of these exact versions: a new version fails here
    first. Then check each item in compat's docstring against the new version and update PINNED."""
    pinned = dict(line.split("==") for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").split() if "==" in line)
    for package, expected in compat.PINNED.items():
        assert pinned[package] == expected, f"requirements.lock pint {package} {pinned[package]}, compat.py kent {expected}"
        assert version(package) == expected, f"{package} {version(package)} is geïnstalleerd; compat.py is getoetst met {expected}"


def test_an_unknown_plugin_setting_is_refused(tmp_path: Path):
    """The settings are typed: a typo in mkdocs.yml stops a strict build with the option's name."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("content", "overrides", "macros", "data"):
        (project / name).symlink_to(ROOT / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("      quick_exit_url:", "      quick_exit_ur:", 1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "wijzer.cli", "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=project, capture_output=True, text=True, timeout=600, env={**os.environ, "CI": "1"})
    assert result.returncode == 1
    assert "quick_exit_ur" in result.stderr
    assert not (tmp_path / "site").exists()


def test_a_theme_without_its_token_file_is_named_with_the_choices():
    """A region that sets a house style it has not added gets the file and the choices, not a
    site without colours."""
    result = subprocess.run([sys.executable, "-m", "wijzer.cli", "build", "--site-dir", "/nonexistent/never-built"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "CI": "1", "WIJZER_THEME": "utrecht"})
    assert result.returncode == 1
    assert "Huisstijl 'utrecht'" in result.stderr and "assets/tokens/utrecht.css ontbreekt" in result.stderr
    assert "Kies uit: voorbeeld, wijzer" in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback
            return response.read().decode("utf-8")
    except OSError:
        return None


def test_serve_rebuilds_the_page_after_a_data_edit(tmp_path: Path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "content", "overrides", "macros", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, project / name)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "wijzer.cli", "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=project,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, "CI": "1"})
    url = f"http://127.0.0.1:{port}/aanbod/kies/"
    try:
        deadline = time.monotonic() + 300
        while (page := _get(url)) is None:
            assert server.poll() is None, server.stderr.read()[-3000:] if server.stderr else ""
            assert time.monotonic() < deadline, "wijzer serve kwam niet op"
            time.sleep(0.5)
        assert "Hernoemd KIES" not in page
        offers = project / "data" / "offers.yaml"
        text = offers.read_text(encoding="utf-8")
        assert "name: KIES" in text, "the test renames KIES: its name line is not where the test looks"
        offers.write_text(text.replace("name: KIES", "name: Hernoemd KIES", 1), encoding="utf-8")
        deadline = time.monotonic() + 300
        while "Hernoemd KIES" not in (_get(url) or ""):
            assert server.poll() is None, server.stderr.read()[-3000:] if server.stderr else ""
            assert time.monotonic() < deadline, "de wijziging in data/ kwam niet op de pagina"
            time.sleep(0.5)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # pragma: no cover
            server.kill()
