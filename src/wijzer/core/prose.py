"""Checks on running text, in data text fields and in content/*.md: typed phone numbers and plain Dutch.

- A phone number typed in running text is not checked against a source, so it is an error. A number
  of an organisation in data/organisations.yaml is referenced (``[[telefoon:id]]`` in data texts,
  ``{{ telefoon("id") }}`` on pages; see contactrefs); any other number first goes to an organisation,
  with a source.
- Texts for parents and children must be plain Dutch: Flesch-Douma at least ``PLAIN_LANGUAGE_MIN``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijzer.core.problems import Problem
from wijzer.core.readability import flesch_douma
from wijzer.core.yamlsource import Source

# B1 target for texts read by parents and children (CONTRIBUTING.md, "Gewone taal").
PLAIN_LANGUAGE_MIN = 60
# Hand-written pages read by parents and children (relative to content/; a folder means every page in it).
PLAIN_LANGUAGE_PAGES = ("index.md", "hulp-zoeken.md", "gemeenten/index.md", "ouders/", "kinderen/")
PHONE_EXAMPLE = "0800-2000"

# A Dutch number as people type it: 0800-2000, 088 123 45 67, 06-12345678, +31 88 123 4567.
PHONE = re.compile(r"(?<![\w/=.-])(?:\+31[\s-]?|0)(?:6[\s-]?\d{8}|\d{2,3}[\s-]?\d{2,4}(?:[\s-]?\d{2,4})?)(?![\w/])")
_URL = re.compile(r"https?://\S+")
# Fields that hold a phone number on purpose, or text that is not running text (addresses, links, ids).
NOT_RUNNING_TEXT = {"phone", "short_number", "website", "url", "sources", "id", "code", "postcode", "street", "email"}


def digits(number: str) -> str:
    """``+31 800 2000`` and ``0800-2000`` -> ``08002000``."""
    found = re.sub(r"\D", "", number)
    return "0" + found[2:] if number.lstrip().startswith("+31") else found


def phone_numbers(text: str) -> Iterator[tuple[int, str]]:
    """(line offset within the text, number) for every phone number typed in ``text``."""
    for line_no, line in enumerate(text.split("\n")):
        for match in PHONE.finditer(_URL.sub(" ", line)):
            yield line_no, match.group()


# The emergency number, typed as a word in running text ("Bel 112."): not inside a word, a link or a reference.
EMERGENCY = re.compile(r"(?<![\w/=.:(\[-])112(?![\w/-])")
_REFERENCE = re.compile(r"\[\[telefoon:[^\]]*\]\]|\{\{-?\s*telefoon\([^)]*\)\s*-?\}\}")
# Keys whose value names something (an organisation called "Alarmnummer 112"), not running text.
NOT_CALL_TEXT = {"name", "title"}


def emergency_numbers(text: str) -> Iterator[tuple[int, int]]:
    """(line offset within the text, column, 0-based) of every 112 typed in ``text`` (not via a reference)."""
    for line_no, line in enumerate(text.split("\n")):
        cleaned = _REFERENCE.sub(lambda m: " " * len(m.group()), _URL.sub(lambda m: " " * len(m.group()), line))
        for match in EMERGENCY.finditer(cleaned):
            yield line_no, match.start()


def emergency_message(known: dict[str, str], *, page: bool = False) -> str | None:
    """The message for a typed 112, when an organisation in the data has 112 as its short number."""
    owner = known.get("112")
    if owner is None:
        return None
    reference = f'{{{{ telefoon("{owner}") }}}}' if page else f"[[telefoon:{owner}]]"
    return (
        f"het alarmnummer 112 is overgetypt; schrijf {reference}, dan wordt het een belknop (tel:) "
        f"en staat het nummer op één plek: bij '{owner}' in data/organisations.yaml"
    )


def known_numbers(sources: dict[str, Source]) -> dict[str, str]:
    """Digits of each organisation's phone number -> the organisation's id."""
    src = sources.get("organisations.yaml")
    data = src.data if src else None
    out: dict[str, str] = {}
    for org in (data or {}).get("organisations") or [] if isinstance(data, dict) else []:
        if isinstance(org, dict) and isinstance(org.get("contact"), dict) and isinstance(org.get("id"), str):
            for key in ("phone", "short_number"):
                phone = org["contact"].get(key)
                if isinstance(phone, str):
                    out.setdefault(digits(phone), org["id"])
    return out


def phone_message(number: str, known: dict[str, str], *, page: bool = False) -> tuple[str, str]:
    """(message, severity) for a number typed in running text; ``page``: a hand-written page (macro)."""
    owner = known.get(digits(number))
    if owner:
        reference = f'{{{{ telefoon("{owner}") }}}}' if page else f"[[telefoon:{owner}]]"
        return (
            f"telefoonnummer {number} is overgetypt; het staat bij de organisatie '{owner}' in "
            f"data/organisations.yaml: schrijf {reference}, dan staat overal hetzelfde nummer",
            "error",
        )
    return (
        f"telefoonnummer {number} staat bij geen enkele organisatie in data/organisations.yaml; zet het "
        f"met een bron bij de organisatie (contact.phone, bijvoorbeeld {PHONE_EXAMPLE}) en verwijs daarnaar",
        "error",
    )


def _walk(value: Any, path: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in NOT_RUNNING_TEXT:
                yield from _walk(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, (*path, i))
    elif isinstance(value, str):
        yield path, value


def data_texts(src: Source) -> Iterator[tuple[tuple, str]]:
    """(path, text) for every text value in a data file that is running text."""
    yield from _walk(src.data, ())


def _text_line(src: Source, path: tuple, offset: int) -> tuple[int, int]:
    """Line of a line within a text value: block texts (``|``) start on the line after the key."""
    line, col = src.where(path)
    return (line + 1 + offset, col) if src.block_lines.get(path) else (line + offset if offset else line, col)


def check_data_phones(sources: dict[str, Source]) -> list[Problem]:
    known = known_numbers(sources)
    problems: list[Problem] = []
    for src in sources.values():
        if src.data is None:
            continue
        for path, text in data_texts(src):
            for offset, number in phone_numbers(text):
                message, severity = phone_message(number, known)
                line, col = _text_line(src, path, offset)
                problem = src.problem(path, message, severity=severity)
                problems.append(Problem(problem.file, line, col, problem.path, message, problem.severity))
            emergency = emergency_message(known)
            if emergency and not (set(path) & NOT_CALL_TEXT):
                for offset, _ in emergency_numbers(text):
                    line, col = _text_line(src, path, offset)
                    problem = src.problem(path, emergency)
                    problems.append(Problem(problem.file, line, col, problem.path, emergency, problem.severity))
    return problems


@dataclass(frozen=True)
class PlainText:
    """A text for parents or children, with where it stands."""

    src: Source
    path: tuple
    audience: str


def _plain_texts(sources: dict[str, Source]) -> Iterator[PlainText]:
    legal = sources.get("legal.yaml")
    for i, topic in enumerate(_items(legal, "topics")):
        for field, audience in (("parents", "ouders"), ("children", "kinderen")):
            if isinstance(topic.get(field), str):
                yield PlainText(legal, ("topics", i, field), audience)  # type: ignore[arg-type]
    offers = sources.get("offers.yaml")
    for i, offer in enumerate(_items(offers, "offers")):
        audiences = offer.get("audiences")
        for_families = isinstance(audiences, list) and {"ouders", "kinderen", "jongeren"} & {a for a in audiences if isinstance(a, str)}
        if for_families and isinstance(offer.get("description"), str):
            yield PlainText(offers, ("offers", i, "description"), "ouders en kinderen")  # type: ignore[arg-type]


def _items(src: Source | None, key: str) -> list[dict]:
    data = src.data if src else None
    items = data.get(key) if isinstance(data, dict) else None
    return [item if isinstance(item, dict) else {} for item in items] if isinstance(items, list) else []


def readability_message(score: float, audience: str) -> str:
    return (
        f"tekst voor {audience} is te moeilijk: Flesch-Douma {score:g}, minimaal {PLAIN_LANGUAGE_MIN} (B1); "
        "schrijf kortere zinnen en kortere woorden"
    )


def check_data_readability(sources: dict[str, Source]) -> list[Problem]:
    problems = []
    for text in _plain_texts(sources):
        value: Any = text.src.data
        for part in text.path:
            value = value[part]
        score = flesch_douma(value)
        if score is not None and score < PLAIN_LANGUAGE_MIN:
            problems.append(text.src.problem(text.path, readability_message(score, text.audience)))
    return problems


def _front_matter_lines(text: str) -> int:
    """How many lines the YAML front matter takes (0 without one): its description is metadata, not a link."""
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        for i, line in enumerate(lines[1:], start=1):
            if line.strip() == "---":
                return i + 1
    return 0


def is_plain_language_page(rel: str) -> bool:
    return any(rel == page or (page.endswith("/") and rel.startswith(page)) for page in PLAIN_LANGUAGE_PAGES)


def check_content(content_dir: Path, sources: dict[str, Source], display: str = "content") -> list[Problem]:
    """Phone numbers and readability in the hand-written pages."""
    if not content_dir.is_dir():
        return []
    known = known_numbers(sources)
    problems: list[Problem] = []
    for page in sorted(content_dir.rglob("*.md")):
        rel = page.relative_to(content_dir).as_posix()
        file = f"{display}/{rel}"
        text = page.read_text(encoding="utf-8", errors="replace")
        for offset, number in phone_numbers(text):
            line = text.split("\n")[offset]
            message, severity = phone_message(number, known, page=True)
            problems.append(Problem(file, offset + 1, line.find(number) + 1, "", message, severity))  # type: ignore[arg-type]
        emergency = emergency_message(known, page=True)
        if emergency:
            body_start = _front_matter_lines(text)
            for offset, col in emergency_numbers(text):
                if offset >= body_start:
                    problems.append(Problem(file, offset + 1, col + 1, "", emergency))
        if is_plain_language_page(rel):
            score = flesch_douma(text)
            if score is not None and score < PLAIN_LANGUAGE_MIN:
                problems.append(Problem(file, 1, 1, "", readability_message(score, "ouders en kinderen")))
    return problems
