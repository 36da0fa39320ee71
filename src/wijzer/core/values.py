"""Checks on single values in any data file, whatever the model: placeholders, curly quotes, repeats.

- Placeholders ("TODO", example.nl, "naam van het aanbod", lorem ipsum) are warnings, so a skeleton
  from ``wijzer new`` validates; ``wijzer validate --strict`` (CI, ``make site``) refuses them.
- A value wrapped in curly quotes (“…”, ‘…’, „…”) is a warning: YAML only knows straight quotes, so
  the curly ones would appear on the site.
- A value that stands twice in one list is an error (reported once per value, with a count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source

PLACEHOLDER = re.compile(
    r"\bTODO\b|\bexample\.(?:nl|com|org|net)\b|naam van het aanbod|naam van de organisatie|\blorem ipsum\b|\blorem\b",
    re.IGNORECASE,
)
_CURLY_PAIRS = {"“": "”", "‘": "’", "„": "”", "‚": "’", "«": "»"}


def placeholder_message(found: str) -> str:
    return f"nog niet ingevuld: bevat de voorbeeldtekst '{found}'; vul de echte gegevens in"


def curly_message(value: str) -> str:
    return (
        f"staat tussen gekrulde aanhalingstekens ({value[0]}…{value[-1]}); die komen zo op de site. "
        "Haal ze weg, of gebruik rechte aanhalingstekens (\")"
    )


def repeat_message(value: Any, first_line: int, extra: int) -> str:
    times = "één keer" if extra == 1 else f"{extra} keer"
    return f"'{value}' staat {times} te veel in deze lijst (eerst op regel {first_line}); haal de herhaling weg"


def _walk(value: Any, path: tuple) -> Iterator[tuple[tuple, Any]]:
    stack = [(path, value)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack.extend(((*path, key), child) for key, child in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend(((*path, i), child) for i, child in reversed(list(enumerate(value))))


def check_values(src: Source) -> list[Problem]:
    problems: list[Problem] = []
    for path, value in _walk(src.data, ()):
        if isinstance(value, str):
            found = PLACEHOLDER.search(value)
            if found:
                problems.append(src.problem(path, placeholder_message(found.group()), severity="warning"))
            stripped = value.strip()
            if len(stripped) >= 2 and _CURLY_PAIRS.get(stripped[0]) == stripped[-1]:
                problems.append(src.problem(path, curly_message(stripped), severity="warning"))
        elif isinstance(value, list) and len(value) > 1:
            seen: dict[Any, int] = {}
            repeats: dict[Any, tuple[int, int]] = {}  # value -> (index of the first repeat, count)
            for i, item in enumerate(value):
                if not isinstance(item, str | int | bool) or item is None:
                    continue
                if item in seen:
                    first, count = repeats.get(item, (i, 0))
                    repeats[item] = (first, count + 1)
                else:
                    seen[item] = i
            for item, (first_repeat, count) in repeats.items():
                first_line = src.where((*path, seen[item]))[0]
                problems.append(src.problem((*path, first_repeat), repeat_message(item, first_line, count)))
    return problems


_TODO_COMMENT = re.compile(r"(?:^|\s)#.*?\bTODO\b:?\s*(.*)$")


def todo_comment_message(note: str) -> str:
    hint = f" ({note.strip()})" if note.strip() else ""
    return f"nog niet bevestigd: op deze regel staat '# TODO'{hint}; controleer de waarde en haal de opmerking weg"


def check_comments(raw: bytes, file: str) -> list[Problem]:
    """A default from ``wijzer new`` that nobody has confirmed yet carries a '# TODO' comment."""
    if b"TODO" not in raw:
        return []
    problems = []
    for number, line in enumerate(raw.decode("utf-8-sig", errors="replace").splitlines(), 1):
        found = _TODO_COMMENT.search(line)
        if found and not line.lstrip().startswith("#"):
            problems.append(Problem(file, number, found.start() + 1 + (line[found.start()] != "#"), "",
                                    todo_comment_message(found.group(1)), "warning"))
    return problems
