"""Inside GitHub Actions, `wijzer validate` also prints workflow commands, so each problem shows on
the changed line of the pull request. Run as the workflow runs it: a subprocess in the checkout."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wijzer.core.problems import Problem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)::(.*)$")
CASES = ["offer_audiences_unknown", "organisation_phone_invalid", "offer_reviewed_future", "topic_related-offers_unknown"]


def validate(project: Path, *args: str, github: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "wijzer.cli", "validate", "--today", "2026-12-01", *args], cwd=project, capture_output=True, text=True, env=env, timeout=120
    )


def broken_project(tmp_path: Path, fixture: str) -> tuple[str, str]:
    path = FIXTURES / "invalid" / f"{fixture}.yaml"
    header = dict(line[2:].split(": ", 1) for line in path.read_text(encoding="utf-8").splitlines()[:2])
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    shutil.copyfile(path, tmp_path / "data" / header["target"])
    return header["target"], header["expect"]


@pytest.mark.parametrize("fixture", CASES)
def test_github_actions_gets_an_annotation_on_the_broken_line(tmp_path, fixture):
    target, expect = broken_project(tmp_path, fixture)
    result = validate(tmp_path, github=True)
    assert result.returncode == 1
    annotations = [ANNOTATION.match(line) for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 1 and annotations[0], result.stdout
    kind, file, line, col, text = annotations[0].groups()
    # the same place and words as the message in the log
    assert expect == f"{file}:{line}:{col}: {text}"
    assert (kind, file) == ("error", f"data/{target}")
    # and that place is where the wrong value is written
    source_line = (tmp_path / file).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    key = text.split(":", 1)[0].rsplit(".", 1)[-1].split("[")[0]
    assert key in source_line or source_line.lstrip().startswith("- "), source_line
    # the human-readable report still goes to stderr
    assert expect in result.stderr.splitlines()


def test_no_annotations_outside_github_unless_asked(tmp_path):
    broken_project(tmp_path, "offer_audiences_unknown")
    plain = validate(tmp_path, github=False)
    assert plain.returncode == 1 and "::error" not in plain.stdout + plain.stderr
    asked = validate(tmp_path, "--github", github=False)
    assert asked.stdout.startswith("::error file=data/offers.yaml,line=9,col=17::")


def test_overdue_reviews_are_warnings(tmp_path):
    shutil.copytree(FIXTURES / "valid", tmp_path / "data")
    offers = tmp_path / "data" / "offers.yaml"
    offers.write_text(offers.read_text(encoding="utf-8").replace("reviewed: 2026-11-01", "reviewed: 2020-01-02", 1), encoding="utf-8")
    result = validate(tmp_path, github=True)
    assert result.returncode == 0  # a warning does not fail the check; --strict does
    (annotation,) = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotation.startswith("::warning file=data/offers.yaml,line=24,col=15::offers[praatgroep].reviewed: laatst gecontroleerd op 2020-01-02")
    assert validate(tmp_path, "--strict", github=True).returncode == 1


def test_workflow_command_characters_are_escaped():
    problem = Problem("data/offers.yaml", 3, 5, "offers[praatgroep].name", "100% fout\nnieuwe regel\r")
    assert problem.github_annotation() == "::error file=data/offers.yaml,line=3,col=5::offers[praatgroep].name: 100%25 fout%0Anieuwe regel%0D"
