"""Every broken-input fixture makes `wijzer validate` fail with exactly the message an editor needs.

Each file in tests/fixtures/invalid/ starts with two header lines:

    # target: offers.yaml
    # expect: data/offers.yaml:42:7: offers[advieslijn].area: ...

The test copies the valid fixture set to a fresh ``data/``, puts the broken file in the place of
its target, runs the real command (its own ``main``, in this process: conftest.wijzer_in_process)
and checks the exit status, the exact message and that no Python traceback reaches the editor.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import wijzer_in_process
from wijzer.core import models as m
from wijzer.core.catalogue import extensions

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
# the core files and the optional extension files (added next to the valid set when targeted)
DATA_FILES = {*m.DATA_FILES, *(name for name, _, _ in extensions())}


def headers(path: Path) -> tuple[str, str]:
    target = expect = ""
    for line in path.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("# target:"):
            target = line.removeprefix("# target:").strip()
        elif line.startswith("# expect:"):
            expect = line.removeprefix("# expect:").strip()
    return target, expect


def validate(project: Path, *args: str) -> subprocess.CompletedProcess:
    # the fixtures were reviewed on 2026-11-01: judge them on a fixed day, not on the day the tests run
    return wijzer_in_process("validate", "--today", "2026-12-01", *args, cwd=project, env={**os.environ, "CI": "1"})


def test_there_is_a_fixture_per_failure_mode():
    assert len(INVALID) >= 30
    for path in INVALID:
        target, expect = headers(path)
        assert target in DATA_FILES, f"{path.name}: '# target: {target}' is geen databestand"
        assert expect.startswith(f"data/{target}:"), f"{path.name}: '# expect:' moet met data/{target}: beginnen"


def test_the_valid_set_passes(tmp_path):
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    result = validate(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@pytest.mark.parametrize("fixture", INVALID, ids=[p.stem for p in INVALID])
def test_broken_input_gives_the_expected_message(fixture: Path, tmp_path: Path):
    target, expect = headers(fixture)
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    shutil.copyfile(fixture, tmp_path / "data" / target)

    result = validate(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert expect in lines, f"verwacht:\n{expect}\nkreeg:\n{result.stderr}"
    assert "Traceback" not in result.stderr + result.stdout
    # one defect, one message: no follow-up errors that send the editor elsewhere
    assert lines[-1] == "1 fout, 0 waarschuwingen.", result.stderr


def _plant(tmp_path: Path, file: str, old: str, new: str) -> None:
    path = tmp_path / "data" / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("plant", "expect"),
    [
        (
            [("regions.yaml", "    name: Deventer\n    province: Overijssel\n",
              "    name: Deventer\n    province: Overijssel\n    entry_point_note: alleen algemene gemeentepagina gevonden\n")],
            "data/regions.yaml:5:23: gemeenten[GM0150].entry_point_note: waarschuwing: staat er zonder entry_point; "
            "haal de reden weg of vul entry_point in",
        ),
        (
            [("organisations.yaml", "    name: Gemeente Zwolle\n    kind: gemeente\n", "    name: Gemeente Zwolle\n    kind: wijkteam\n")],
            "data/regions.yaml:9:23: gemeenten[GM0193].entry_point_note: waarschuwing: 'gemeente-zwolle' is een eigen team; "
            "de reden waarom er geen team is, klopt niet meer",
        ),
        (
            [("regions.yaml", "    entry_point_note: alleen algemene gemeentepagina gevonden\n", "")],
            "data/regions.yaml:8:18: gemeenten[GM0193].entry_point: waarschuwing: 'gemeente-zwolle' is de gemeente zelf, geen team: "
            "zeg in entry_point_note waarom er geen wijkteam, sociaal team of CJG staat (het inhoudsrapport toont die reden)",
        ),
        (
            [("organisations.yaml", "    name: Gemeente Zwolle\n    kind: gemeente\n", "    name: Gemeente Zwolle\n    kind: wijkteam\n"),
             ("regions.yaml", "    entry_point_note: alleen algemene gemeentepagina gevonden\n", "")],
            "data/organisations.yaml:26:7: organisations[gemeente-zwolle].sources: waarschuwing: is als team het aanspreekpunt van Zwolle, "
            "maar heeft alleen een homepage als bron: zet de pagina die het team noemt onder sources",
        ),
    ],
    ids=["note-without-entry-point", "note-next-to-a-team", "gemeente-without-a-reason", "team-with-only-a-homepage"],
)
def test_a_reason_for_a_missing_team_that_does_not_fit_is_a_warning(plant, expect, tmp_path: Path):
    """entry_point_note explains why a gemeente has no team; left behind elsewhere it misleads the report,
    and a gemeente whose entry point is the gemeente itself gives that reason."""
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    for file, old, new in plant:
        _plant(tmp_path, file, old, new)
    relaxed = validate(tmp_path)
    assert relaxed.returncode == 0, relaxed.stderr
    assert expect in relaxed.stderr.splitlines()
    strict = validate(tmp_path, "--strict")
    assert strict.returncode == 1
