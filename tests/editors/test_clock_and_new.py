"""The date Wijzer works with is the Dutch date on every machine (issue 19, item 14), and `wijzer new`
refuses what would confuse an editor (item 12)."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from wijzer.core import clock

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid"


def wijzer(*args: str, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wijzer.cli", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_late_evening_utc_is_already_tomorrow_in_the_netherlands():
    assert clock.today(dt.datetime(2026, 12, 6, 23, 30, tzinfo=dt.UTC)) == dt.date(2026, 12, 7)
    assert clock.today(dt.datetime(2026, 7, 1, 21, 59, tzinfo=dt.UTC)) == dt.date(2026, 7, 1)
    assert clock.today(dt.datetime(2026, 7, 1, 22, 0, tzinfo=dt.UTC)) == dt.date(2026, 7, 2)  # summer time


def test_the_report_says_the_same_date_in_every_time_zone():
    stands = set()
    for zone in ("America/New_York", "Pacific/Kiritimati", "Europe/Amsterdam", "UTC"):
        out = wijzer("report", "--data", str(VALID), "--content", str(VALID / "geen-map"), env={"TZ": zone, "WIJZER_TODAY": ""}).stdout
        stands.add(re.search(r"^Stand op (.+?) ·", out, re.M).group(1))
    assert len(stands) == 1, stands


def test_a_fixed_day_is_the_day_of_every_report():
    out = wijzer("report", "--data", str(VALID), "--content", str(VALID / "geen-map"), env={"WIJZER_TODAY": "2030-02-03"}).stdout
    assert re.search(r"^Stand op 3 februari 2030 ·", out, re.M), out[:500]
    wrong = wijzer("report", "--data", str(VALID), env={"WIJZER_TODAY": "3-2-2030"})
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "WIJZER_TODAY='3-2-2030' is geen datum; schrijf JJJJ-MM-DD, of laat de variabele weg"


def test_new_without_an_id_asks_for_one():
    result = wijzer("new", "offer")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "Geef een id, bijvoorbeeld: wijzer new offer mijn-aanbod"


def test_new_with_an_existing_id_names_where_it_is_also_without_append(tmp_path):
    shutil.copytree(VALID, tmp_path / "data")
    result = wijzer("new", "offer", "advieslijn", cwd=tmp_path)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == "data/offers.yaml:25: er is al een item met id 'advieslijn'; kies een andere id."


def test_new_defaults_are_warnings_until_confirmed(tmp_path):
    shutil.copytree(VALID, tmp_path / "data")
    assert wijzer("new", "offer", "mijn-aanbod", "--append", cwd=tmp_path).returncode == 0
    result = wijzer("validate", cwd=tmp_path)
    assert result.returncode == 0
    offers = (tmp_path / "data" / "offers.yaml").read_text(encoding="utf-8").splitlines()
    costs = next(i for i, line in enumerate(offers, 1) if line.startswith("    costs: gratis  # TODO"))
    assert (f"data/offers.yaml:{costs}:20: waarschuwing: nog niet bevestigd: op deze regel staat '# TODO' "
            "(of vergoed, eigen-bijdrage of betaald); controleer de waarde en haal de opmerking weg") in result.stderr.splitlines()
    national = next(i for i, line in enumerate(offers, 1) if "national: true  # TODO" in line)
    assert any(line.startswith(f"data/offers.yaml:{national}:") for line in result.stderr.splitlines())
    assert wijzer("validate", "--strict", cwd=tmp_path).returncode == 1
