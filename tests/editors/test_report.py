"""`wijzer report`: the content health report, run as an editor runs it (a subprocess), on the real
data and on a copy of the fixture data with known problems planted in it."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from wijzer.core.catalogue import load_catalogue

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid"
SECTIONS = [
    "Controle verlopen",
    "Binnenkort controleren",
    "Zonder bron",
    "Pagina's zonder controledatum",
    "Gemeenten zonder toegang",
    "Gemeenten zonder eigen team",
    "Aanbod zonder aanbieder",
    "Aanbod zonder trede",
    "Kapotte verwijzingen",
]


def report(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wijzer.cli", "report", *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "CI": "1"}, timeout=300,
    )


def counts(markdown: str) -> dict[str, int]:
    return {m.group(1): int(m.group(2)) for m in re.finditer(r"^\| \[([^\]]+)\]\(#[a-z-]+\) \| (\d+) \|$", markdown, re.MULTILINE)}


def section(markdown: str, title: str) -> str:
    return markdown.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_report_on_the_real_data_matches_the_data():
    result = report()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Inhoudsrapport Wijzer\n")
    assert list(counts(out)) == SECTIONS
    for title in SECTIONS:
        assert f"\n## {title}\n" in out

    cat = load_catalogue(ROOT / "data").catalogue
    assert cat is not None
    without_entry = [g for g in cat.gemeenten.values() if not g.entry_point]
    without_provider = [o for o in cat.offers.values() if not o.providers]
    assert counts(out)["Gemeenten zonder toegang"] == len(without_entry)
    generic = [g for g in cat.gemeenten.values() if g.entry_point and cat.organisations[g.entry_point].kind == "gemeente"]
    assert counts(out)["Gemeenten zonder eigen team"] == len(generic)
    for gemeente in generic:  # each with the reason the data gives
        assert f"**{gemeente.name}** " in section(out, "Gemeenten zonder eigen team")
        assert str(gemeente.entry_point_note) in section(out, "Gemeenten zonder eigen team")
    assert counts(out)["Aanbod zonder aanbieder"] == len(without_provider)
    # the real data passes validation, so no id points nowhere
    assert counts(out)["Kapotte verwijzingen"] == 0
    # every hand-written page without 'reviewed:' is listed, and none with it
    listed = set(re.findall(r"`(content/[^`:]+):1`", section(out, "Pagina's zonder controledatum")))
    pages = {p for p in (ROOT / "content").rglob("*.md")}
    undated = {"content/" + p.relative_to(ROOT / "content").as_posix() for p in pages if "\nreviewed:" not in p.read_text(encoding="utf-8").split("\n---", 1)[0]}
    assert listed == undated

    # each offer line points at the line where that offer starts
    lines = (ROOT / "data" / "offers.yaml").read_text(encoding="utf-8").splitlines()
    for key, line in re.findall(r"\(aanbod `([a-z0-9-]+)`\) — `data/offers\.yaml:(\d+)`", section(out, "Aanbod zonder aanbieder")):
        assert lines[int(line) - 1].strip() == f"- id: {key}"


def _plant_problems(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    offers = data / "offers.yaml"
    text = offers.read_text(encoding="utf-8")
    # praatgroep: last checked long ago, and its text links to pages that do not exist
    text = text.replace(
        "      In **acht** bijeenkomsten praten kinderen met elkaar.\n",
        "      In **acht** bijeenkomsten praten kinderen met elkaar. Zie [advies](../advieslijn/),\n"
        "      [de oude pagina](../bestaat-niet/) en [de wet](/juridisch/gezag/).\n",
    )
    text = text.replace("      - https://www.zwolle.nl\n    reviewed: 2026-11-01", "      - https://www.zwolle.nl\n    reviewed: 2025-01-02", 1)
    # advieslijn: only a placeholder source, and no provider
    text = text.replace("    providers: [veilig-thuis]\n", "")
    text = text.replace("      - https://veiligthuis.nl\n", "      - https://TODO.example.nl/bron\n")
    offers.write_text(text, encoding="utf-8")
    regions = data / "regions.yaml"
    text = re.sub(r"https://www\.cbs\.nl/\S+", "https://www.example.org/indeling", regions.read_text(encoding="utf-8"))
    # Zwolle's entry point is the gemeente itself, not a team: the valid set says why (entry_point_note)
    assert "    entry_point_note: alleen algemene gemeentepagina gevonden\n" in text
    regions.write_text(text, encoding="utf-8")
    content = tmp_path / "content"
    (content / "over").mkdir(parents=True)
    (content / "index.md").write_text("---\nreviewed: 2026-10-01\n---\n\n# Welkom\n", encoding="utf-8")
    (content / "over" / "oud.md").write_text("---\nreviewed: 2024-05-01\n---\n\n# Een oude pagina\n", encoding="utf-8")
    (content / "over" / "zonder.md").write_text("# Zonder datum\n", encoding="utf-8")
    return data, content


def test_report_lists_each_planted_problem_with_file_and_line(tmp_path):
    data, content = _plant_problems(tmp_path)
    result = report("--data", str(data), "--content", str(content), "--today", "2026-11-20", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "Stand op 20 november 2026" in out
    table = counts(out)

    overdue = section(out, "Controle verlopen")
    assert "**Praatgroep voor kinderen** (aanbod `praatgroep`) — `data/offers.yaml:2` — laatst gecontroleerd op 2025-01-02, 687 dagen geleden" in overdue
    assert "**Een oude pagina** — `content/over/oud.md:1` — laatst gecontroleerd op 2024-05-01" in overdue
    assert table["Controle verlopen"] == 2

    assert "**Advieslijn** (aanbod `advieslijn`) — `data/offers.yaml:26` — alleen een voorbeeld- of TODO-bron: https://TODO.example.nl/bron" in section(out, "Zonder bron")
    assert "**IJsselland** (regio `ijsselland`) — `data/regions.yaml:14` — alleen een voorbeeld- of TODO-bron: https://www.example.org/indeling" in section(out, "Zonder bron")
    assert table["Zonder bron"] == 2
    assert "**Advieslijn** (aanbod `advieslijn`) — `data/offers.yaml:26` — geen providers" in section(out, "Aanbod zonder aanbieder")
    assert table["Aanbod zonder aanbieder"] == 1
    assert section(out, "Pagina's zonder controledatum").count("\n- ") == 1
    assert "**Zonder datum** — `content/over/zonder.md:1`" in out

    broken = section(out, "Kapotte verwijzingen")
    assert "description: '../bestaat-niet/' wijst naar een pagina die niet bestaat" in broken
    assert "description: '/juridisch/gezag/' begint met '/' en werkt niet als de site in een map staat" in broken
    assert "advieslijn/'" not in broken  # that page exists
    assert table["Kapotte verwijzingen"] == 2

    gemeenten = section(out, "Gemeenten zonder toegang")
    # the fixture has three gemeenten; only Zwolle has an entry point
    assert table["Gemeenten zonder toegang"] == 2
    assert "Zwolle" not in gemeenten
    assert "- **Overijssel** (1): Deventer, ook zonder website (`GM0150`)" in gemeenten
    assert table["Gemeenten zonder eigen team"] == 1
    assert "**Zwolle** — `data/regions.yaml:5` — Gemeente Zwolle: alleen algemene gemeentepagina gevonden" in section(out, "Gemeenten zonder eigen team")


def test_report_due_soon_and_exit_status_on_broken_data(tmp_path):
    data, content = _plant_problems(tmp_path)
    today = dt.date(2026, 11, 1) + dt.timedelta(days=365 - 10)  # fixtures were checked on 2026-11-01
    out = report("--data", str(data), "--content", str(content), "--today", today.isoformat(), cwd=tmp_path).stdout
    assert "uiterlijk 2027-11-01 opnieuw controleren" in section(out, "Binnenkort controleren")

    (data / "offers.yaml").write_text((data / "offers.yaml").read_text(encoding="utf-8").replace("tiers: [licht]", "tiers: [lichtt]"), encoding="utf-8")
    result = report("--data", str(data), "--content", str(content), cwd=tmp_path)
    assert result.returncode == 1
    assert "## Fouten in de gegevens" in result.stdout
    assert "onbekende trede 'lichtt'" in result.stdout
