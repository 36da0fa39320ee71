"""Whatever lands in data/, the loader answers with positioned messages, never with a crash.

- property tests (hypothesis) on raw bytes, YAML-ish text and generated data structures;
- a bounded, seeded mutation fuzz of the real data files through the full ``load_catalogue``
  (set WIJZER_FUZZ_RUNS to run more mutations per file);
- the nasty cases by name: huge input, deep nesting, alias bombs, tags, binary, non-UTF-8,
  BOMs, CRLF and control characters; and one run of the real command on a broken real file.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijzer.core import models as m
from wijzer.core.catalogue import load_catalogue
from wijzer.core.problems import Problem
from wijzer.core.validation import validate_file
from wijzer.core.yamlsource import MAX_BYTES, MAX_DEPTH, parse

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
VALID = ROOT / "tests" / "fixtures" / "valid"
TODAY = dt.date(2026, 11, 15)
FUZZ_RUNS = int(os.environ.get("WIJZER_FUZZ_RUNS", "12"))


def assert_positioned(problems: list[Problem], raw: bytes, file: str) -> None:
    """Each problem names the file, a line and column inside it, and says something."""
    lines = raw.count(b"\n") + raw.count(b"\r") + 2  # generous: CR-only files count CRs as lines
    for problem in problems:
        assert problem.file == file
        assert 1 <= problem.line <= lines, problem
        assert problem.col >= 1, problem
        assert problem.message.strip(), problem
        assert "Traceback" not in problem.message
        assert "<unicode string>" not in problem.message, problem  # PyYAML internals never reach an editor


def problems_of(raw: bytes, file: str = "data/offers.yaml") -> list[Problem]:
    src = parse(raw, file)
    problems = list(src.problems)
    if not problems:
        _, found = validate_file(src, m.OffersFile)
        problems = found
    assert_positioned(problems, raw, file)
    return problems


def messages(raw: bytes) -> list[str]:
    return [str(p) for p in parse(raw, "data/offers.yaml").problems]


# --------------------------------------------------------------------------- properties

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_data_or_positioned_problems(raw: bytes):
    problems_of(raw)


YAML_TEXT = st.text(
    alphabet=st.sampled_from(list("abc:-?,[]{}#&*!|>'\"%@`\\ \t\n\r\x85\u2028\u00e9\u202e\ufeff0123.~")),
    max_size=200,
)


@FAST
@given(YAML_TEXT)
def test_yaml_like_text_gives_data_or_positioned_problems(text: str):
    problems_of(text.encode("utf-8"))


@FAST
@given(YAML_TEXT)
def test_crlf_line_ends_give_the_same_result_as_lf(text: str):
    text = text.replace("\r", "").replace("\x85", "").replace("\u2028", "")
    lf = parse(text.encode(), "f")
    crlf = parse(text.replace("\n", "\r\n").encode(), "f")
    assert [(p.line, p.col, p.message) for p in crlf.problems] == [(p.line, p.col, p.message) for p in lf.problems]
    assert crlf.data == lf.data


# Text an editor might type, including the hostile kind; control characters are rejected elsewhere.
TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp")), max_size=40)
SCALARS = st.one_of(TEXT, st.integers(-(10**6), 10**6), st.booleans(), st.none())
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=20,
)


@FAST
@given(st.dictionaries(TEXT, VALUES, max_size=5))
def test_the_loader_reads_what_the_yaml_says(value: dict):
    """Round trip: text stays text ('no', '0800', '{{ x }}'), numbers stay numbers, nothing is lost."""
    raw = yaml.safe_dump(value, allow_unicode=True).encode()
    src = parse(raw, "f")
    assert src.problems == [] or all("onzichtbaar" in p.message for p in src.problems)
    if not src.problems:
        assert src.data == value


OFFER_KEYS = list(m.Offer.model_fields)


def _valid_offers() -> list[dict]:
    return yaml.safe_load((VALID / "offers.yaml").read_text(encoding="utf-8"))["offers"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 1), st.sampled_from(OFFER_KEYS), VALUES), min_size=1, max_size=4))
def test_wrong_values_in_real_fields_give_positioned_problems(tmp_path_factory, changes):
    """Structure-aware: a valid offer with some fields replaced by anything at all."""
    offers = _valid_offers()
    for index, key, value in changes:
        offers[index][key] = value
    data = tmp_path_factory.mktemp("data")
    for f in VALID.iterdir():
        shutil.copyfile(f, data / f.name)
    raw = yaml.safe_dump({"offers": offers}, allow_unicode=True, sort_keys=False).encode()
    (data / "offers.yaml").write_bytes(raw)
    result = load_catalogue(data, today=TODAY)
    for problem in result.problems:
        assert problem.line >= 1 and problem.col >= 1 and problem.message.strip(), problem


# --------------------------------------------------------------------------- mutation fuzz of the real files

HOSTILE_INSERTS = [
    ":", ": ", "- ", "  ", "\t", "#", "&a ", "*a", "!!python/object:os.system ", "'", '"', "{", "}", "[", "]",
    "|", ">", "%", "@", "`", "? ", "---\n", "...\n", "\\", "\xe9", "\u202e", "\ufeff", "{{ 7*7 }}", "<script>",
    "\x00", "\x07", "\u2028", "9" * 5000, "\r",
]


def mutate(text: str, rng: random.Random) -> bytes:
    lines = text.split("\n")
    kind = rng.choice(["delete", "duplicate", "indent", "dedent", "insert", "swap", "truncate", "bytes"])
    i = rng.randrange(len(lines))
    if kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "indent":
        lines[i] = " " * rng.choice([1, 2, 3, 4]) + lines[i]
    elif kind == "dedent":
        lines[i] = lines[i].lstrip()
    elif kind == "insert":
        col = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:col] + rng.choice(HOSTILE_INSERTS) + lines[i][col:]
    elif kind == "swap":
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif kind == "truncate":
        return "\n".join(lines).encode()[: rng.randrange(len(text.encode()))]
    else:  # flip a few raw bytes
        raw = bytearray("\n".join(lines).encode())
        for _ in range(rng.randint(1, 4)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    return "\n".join(lines).encode()


@pytest.fixture(scope="module")
def data_copy(tmp_path_factory) -> Path:
    if not DATA.is_dir():
        pytest.skip("data/ ontbreekt")
    target = tmp_path_factory.mktemp("fuzz") / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.mark.parametrize("name", ["offers.yaml", "organisations.yaml", "regions.yaml", "legal.yaml", "tiers.yaml"])
def test_mutated_real_files_give_positioned_problems(data_copy: Path, name: str):
    original = (DATA / name).read_text(encoding="utf-8")
    rng = random.Random(f"wijzer-{name}")  # same mutations every run: a failure can be replayed
    try:
        for run in range(FUZZ_RUNS):
            raw = mutate(original, rng)
            (data_copy / name).write_bytes(raw)
            try:
                result = load_catalogue(data_copy, today=TODAY)
            except Exception as exc:  # pragma: no cover - this is the failure we look for
                raise AssertionError(f"mutatie {run} van {name} laat de lader crashen: {exc!r}") from exc
            mine = [p for p in result.problems if Path(p.file).name == name]
            assert_positioned(mine, raw, mine[0].file if mine else "")
            for problem in result.problems:
                assert problem.line >= 1 and problem.col >= 1, problem
    finally:
        shutil.copyfile(DATA / name, data_copy / name)


# --------------------------------------------------------------------------- the nasty cases by name


def test_huge_file_is_refused_before_parsing():
    raw = b"offers:\n" + b"  - id: x\n" * (MAX_BYTES // 10 + 1)
    assert messages(raw) == [f"data/offers.yaml:1:1: bestand is te groot ({len(raw)} bytes; hooguit {MAX_BYTES})"]


@pytest.mark.parametrize(
    "raw",
    [
        b"a: " + b"[" * 100_000 + b"]" * 100_000,
        b"a: " + b"{b: " * 100_000 + b"}" * 100_000,
        b"".join(b"  " * i + b"- k:\n" for i in range(2000)),
    ],
    ids=["flow-lists", "flow-maps", "block"],
)
def test_deep_nesting_is_refused_with_a_position(raw: bytes):
    found = messages(raw)
    assert len(found) == 1
    assert found[0].endswith(f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
    assert not found[0].startswith("data/offers.yaml:1:1:")  # it says where


def test_alias_bomb_is_refused_at_the_first_alias():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    assert messages("\n".join(lines).encode()) == [
        "data/offers.yaml:2:10: verwijzingen met '*' (YAML-aliassen) worden niet ondersteund; schrijf de waarde uit"
    ]


def test_merge_keys_are_refused_too():
    found = messages(b"basis: &b {costs: gratis}\noffers:\n  - <<: *b\n")
    assert found == [
        "data/offers.yaml:3:9: verwijzingen met '*' (YAML-aliassen) worden niet ondersteund; schrijf de waarde uit"
    ]


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        (b"a: !!python/object/apply:os.system ['echo hoi']\n", "!!python/object/apply:os.system"),
        (b"a: !!str 0800\n", "!!str"),
        (b"a: !eigen waarde\n", "!eigen"),
    ],
)
def test_yaml_tags_are_refused_not_executed(raw: bytes, shown: str):
    assert messages(raw) == [
        f"data/offers.yaml:1:4: YAML-tags zoals '{shown}' worden niet ondersteund; laat de tag weg "
        "(zet tekst tussen aanhalingstekens als het tekst moet blijven)"
    ]


def test_binary_file_is_named_as_such():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
    assert messages(png) == ["data/offers.yaml:3:1: dit is geen tekstbestand (bevat een nul-byte)"]


def test_latin1_file_says_save_as_utf8_with_the_position():
    raw = "offers:\n  - name: Café\n".encode("latin-1")
    assert messages(raw) == ["data/offers.yaml:2:14: het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8"]


def test_utf16_file_is_refused():
    found = messages("offers: []\n".encode("utf-16"))
    assert len(found) == 1 and found[0].startswith("data/offers.yaml:1:")


def test_utf8_bom_is_accepted_and_positions_stay_right():
    plain = (VALID / "offers.yaml").read_bytes()
    with_bom = parse(b"\xef\xbb\xbf" + plain, "f")
    without = parse(plain, "f")
    assert with_bom.problems == [] and with_bom.data == without.data
    assert with_bom.positions == without.positions


def test_crlf_file_is_accepted_and_positions_stay_right():
    plain = (VALID / "offers.yaml").read_bytes()
    crlf = parse(plain.replace(b"\n", b"\r\n"), "f")
    lf = parse(plain, "f")
    assert crlf.problems == [] and crlf.data == lf.data
    assert crlf.positions == lf.positions


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        ("offers:\n  - name: a\x07b\n", "2:12", "0007"),
        ("offers:\n  - name: a\x1b[31mrood\n", "2:12", "001B"),
        ("offers:\n  - name: a\x85b\n", "2:12", "0085"),
        ("offers:\n  - name: a\u2028b\n", "2:12", "2028"),
    ],
    ids=["bell", "terminal-escape", "nel", "line-separator"],
)
def test_control_characters_are_refused_with_their_position(text: str, where: str, code: str):
    assert messages(text.encode()) == [f"data/offers.yaml:{where}: bevat een onzichtbaar stuurteken (U+{code}); haal het weg"]


def test_escaped_control_characters_in_keys_never_reach_a_log():
    """A key like "\\e]8;;..." or with a newline would otherwise be printed raw into the terminal or CI log."""
    src = parse(b'offers:\n  - "x\\e[2J": 1\n    "y\\n::error::nep": 2\n', "data/offers.yaml")
    text = "\n".join(map(str, src.problems))
    assert "\x1b" not in text and "\n::error" not in text
    assert [p.line for p in src.problems] == [2, 3]


def test_huge_numbers_do_not_crash():
    problems = problems_of(b"offers:\n  - ages: {min: " + b"9" * 5000 + b", max: 3}\n")
    assert problems  # reported as a problem in the offer, not a crash


def test_broken_real_file_through_the_command_shows_no_traceback(tmp_path: Path):
    if not DATA.is_dir():
        pytest.skip("data/ ontbreekt")
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "organisations.yaml").write_bytes(b"\xff\xfe" + (DATA / "organisations.yaml").read_bytes())
    result = subprocess.run(
        [sys.executable, "-m", "wijzer.cli", "validate"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/organisations.yaml:1:1: het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8"
    )
    assert "Traceback" not in result.stderr
