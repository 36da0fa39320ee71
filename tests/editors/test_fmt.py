"""`wijzer fmt`: one canonical layout (the one the CMS writes), comments kept, meaning unchanged."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import wijzer_in_process
from wijzer.core.catalogue import data_files
from wijzer.core.yamlsource import parse
from wijzer.editors.fmt import format_text
from wijzer.editors.scaffold import TEMPLATES, skeleton

ROOT = Path(__file__).resolve().parents[2]
DATA = sorted((ROOT / "data").glob("*.yaml"))

HAND_EDITED = """\
# Een opmerking bovenaan.
offers:

  - id: a   # na de waarde
    name: "Villa Pinedo"
    audiences: [ouders, kinderen]
    phone: "0800-2000"
    code: '0363'
    answer: 'no'
    description: |
      Eerste alinea.

      Tweede alinea.
    empty: []

  # tussen twee items
  - id: b
    reviewed: 2026-11-23
"""

CANONICAL = """\
# yaml-language-server: $schema=../schema/offers.schema.json
# Een opmerking bovenaan.
offers:
  - id: a   # na de waarde
    name: Villa Pinedo
    description: |-
      Eerste alinea.

      Tweede alinea.
    audiences:
      - ouders
      - kinderen
    quick_exit: false
    phone: 0800-2000
    code: '0363'
    answer: 'no'
    empty: []
  # tussen twee items
  - id: b
    reviewed: 2026-11-23
    quick_exit: false
"""


def wijzer(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return wijzer_in_process(*args, cwd=cwd)


def test_a_hand_edited_file_gets_the_canonical_layout_with_its_comments():
    assert format_text(HAND_EDITED, "offers.yaml") == CANONICAL
    assert format_text(CANONICAL, "offers.yaml") == CANONICAL  # and fmt leaves it so
    before, after = parse(HAND_EDITED.encode(), "x").data, parse(CANONICAL.encode(), "x").data
    assert after["offers"][0]["description"] == before["offers"][0]["description"].rstrip("\n")  # the CMS trims texts
    after["offers"][0]["description"] += "\n"
    for entry in after["offers"]:  # a true/false field written out with its default means the same as none
        if entry.get("quick_exit") is False:
            del entry["quick_exit"]
    assert after == before


def test_keys_follow_the_form_and_true_false_fields_are_written_as_the_cms_does():
    text = "offers:\n  - area:\n      regions:\n        - twente\n    id: a\n"
    assert format_text(text, "offers.yaml").splitlines()[1:] == [
        "offers:", "  - id: a", "    area:", "      national: false", "      regions:", "        - twente", "    quick_exit: false"]


@pytest.mark.parametrize("path", DATA, ids=[p.name for p in DATA])
def test_the_real_data_is_in_the_canonical_layout_and_fmt_keeps_its_meaning(path):
    """Each shipped file is in fmt's layout already (fmt gives it back unchanged, so the layout is a fixed
    point, comments included), and fmt turns another layout of the same data (PyYAML's own, keys sorted,
    no comments) into one that says exactly the same."""
    text = path.read_text(encoding="utf-8")
    assert format_text(text, path.name) == text, f"data/{path.name}: niet in de vaste opmaak; draai 'wijzer fmt'"
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../schema/{path.stem}.schema.json"
    from wijzer.editors.fmt import _bool_defaults, _meaning

    other = yaml.safe_dump(yaml.safe_load(text), allow_unicode=True, sort_keys=True, width=60)
    assert other != text
    again = format_text(other, path.name)
    bools = _bool_defaults()
    assert _meaning(parse(again.encode(), path.name).data, bools) == _meaning(parse(text.encode(), path.name).data, bools)
    assert again.splitlines()[0] == text.splitlines()[0]


def data_with(tmp_path: Path, name: str) -> Path:
    """A data folder with one copy of the real ``name``: what a test changes and checks (the real
    files are checked by test_the_real_data_is_in_the_canonical_layout_and_fmt_keeps_its_meaning)."""
    (tmp_path / "data").mkdir()
    return Path(shutil.copy(ROOT / "data" / name, tmp_path / "data" / name))


def test_check_names_the_file_and_fmt_repairs_it(tmp_path):
    offers = data_with(tmp_path, "offers.yaml")
    offers.write_text(offers.read_text(encoding="utf-8").replace("\n  - id: ", "\n\n  - id: ", 3), encoding="utf-8")
    result = wijzer("fmt", "--check", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["data/offers.yaml: niet in de vaste opmaak; draai 'wijzer fmt' en commit het resultaat"]
    assert wijzer("fmt", cwd=tmp_path).stdout.splitlines() == ["opgemaakt: data/offers.yaml"]
    assert wijzer("fmt", "--check", cwd=tmp_path).returncode == 0


def test_a_broken_file_is_left_alone_with_a_dutch_message(tmp_path):
    (tmp_path / "data").mkdir()
    broken = tmp_path / "data" / "offers.yaml"
    broken.write_text("offers:\n  - id: a\n   name: b\n", encoding="utf-8")
    result = wijzer("fmt", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["data/offers.yaml: heeft fouten; draai eerst 'wijzer validate' en herstel ze"]
    assert broken.read_text(encoding="utf-8") == "offers:\n  - id: a\n   name: b\n"


@pytest.mark.parametrize("kind", list(TEMPLATES))
def test_wijzer_new_writes_the_canonical_layout(kind):
    file_name = TEMPLATES[kind][0]
    base = format_text((ROOT / "data" / file_name).read_text(encoding="utf-8"), file_name)
    text = base + skeleton(kind, "mijn-item")
    assert format_text(text, file_name) == text


def test_every_data_file_has_a_schema_for_the_header_line():
    for name in data_files():
        assert (ROOT / "schema" / name.replace(".yaml", ".schema.json")).exists(), name


def test_a_file_saved_by_the_cms_without_the_schema_line_passes_check_and_fmt_puts_it_back(tmp_path):
    tiers = data_with(tmp_path, "tiers.yaml")
    text = tiers.read_text(encoding="utf-8")
    tiers.write_text(text.split("\n", 1)[1], encoding="utf-8")  # what the CMS writes: no comments
    assert wijzer("fmt", "--check", cwd=tmp_path).returncode == 0
    wijzer("fmt", cwd=tmp_path)
    assert tiers.read_text(encoding="utf-8") == text
