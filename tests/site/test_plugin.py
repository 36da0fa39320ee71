"""The Wijzer MkDocs plugin: its internals guard (compat) and its typed settings. `wijzer serve`
(MkDocs' own serve, with the plugin watching the data folder) is tested in test_serve.py."""

from __future__ import annotations

import os
import subprocess
import sys
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
