"""One error format for everything an editor sees: ``file:line:col: path: message``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from wijzer.core.fields import CBS_RE, SLUG_RE

Severity = Literal["error", "warning"]
PathPart = str | int
Path = tuple[PathPart, ...]

# The field that names an item of a list: ``id`` (offers, organisations, topics, tiers, regions, roles,
# questions, answers, outcomes, ...), ``code`` (gemeenten) or ``tier`` (the thresholds in taxatie.yaml).
KEY_FIELDS = ("id", "code", "tier")
_MAX_KEY = 80


def _key_field(item: Any) -> str | None:
    return next((k for k in KEY_FIELDS if k in item), None) if isinstance(item, dict) else None


def _usable(value: Any) -> bool:
    """An id an editor can search the file for: a valid slug or CBS code (no spaces, no odd characters)."""
    return isinstance(value, str) and len(value) <= _MAX_KEY and bool(SLUG_RE.match(value) or CBS_RE.match(value))


class PathLabels:
    """Labels for the paths of one file's data, as the editor reads them in a message.

    ``('offers', 30, 'audiences', 0)`` -> ``offers[kies-op-school].audiences[item 1]``:

    - an item of a list whose key field (``KEY_FIELDS``) holds a valid id, unique in its list, is named by it;
    - any other item by its position, counted from 1: ``[item 31]``. That includes an item whose
      id is missing, not a valid id, used twice, or is the very field the message is about
      (``offers[item 31].id: ...``): the message itself quotes the wrong id.

    An id never contains a space, so ``[item 3]`` can only be a position. The counts of ids per
    list are kept, so labelling many problems of a long list stays fast.
    """

    def __init__(self, data: Any = None) -> None:
        self.data = data
        self._counts: dict[int, Counter[str]] = {}

    def _unique(self, items: list[Any], value: str) -> bool:
        counts = self._counts.get(id(items))
        if counts is None:
            counts = Counter(
                str(item[key]) for item in items if (key := _key_field(item)) and isinstance(item[key], str)
            )
            self._counts[id(items)] = counts
        return counts[value] == 1

    def _item(self, items: Any, index: int, rest: Path) -> str:
        item = items[index] if isinstance(items, list) and 0 <= index < len(items) else None
        key = _key_field(item)
        if key is not None and (not rest or rest[0] != key):
            value = item[key]  # type: ignore[index]
            if _usable(value) and self._unique(items, value):
                return f"[{value}]"
        return f"[item {index + 1}]"

    def __call__(self, path: Path) -> str:
        out = ""
        node = self.data
        for n, part in enumerate(path):
            if isinstance(part, int):
                out += self._item(node, part, path[n + 1 :])
                node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            else:
                out += ("." if out else "") + part
                node = node.get(part) if isinstance(node, dict) else None
        return out


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    col: int
    path: str
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}"
        label = "" if self.severity == "error" else "waarschuwing: "
        return f"{where}: {self.path + ': ' if self.path else ''}{label}{self.message}"

    def github_annotation(self) -> str:
        """A GitHub Actions workflow command, so the problem shows on the changed line."""
        kind = "error" if self.severity == "error" else "warning"
        text = (f"{self.path}: " if self.path else "") + self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.file},line={self.line},col={self.col}::{text}"


def text_position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), both from 1, of the character at ``offset`` in ``text``: where a message points."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def summary(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return "Geen problemen gevonden."
    return f"{errors} fout{'en' if errors != 1 else ''}, {warnings} waarschuwing{'en' if warnings != 1 else ''}."


MAX_SHOWN = 50  # a terminal or CI log with thousands of lines hides the first cause
MAX_ANNOTATIONS = 10  # GitHub shows at most 10 annotations of each kind per step


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.file, p.line, p.col, p.path, p.message))


def report(problems: Iterable[Problem], limit: int | None = None) -> str:
    """All problems sorted by file and line (the first ``limit`` if given), then one summary line."""
    found = ordered(problems)
    shown = found if limit is None else found[:limit]
    lines = [str(p) for p in shown]
    if len(found) > len(shown):
        rest = len(found) - len(shown)
        lines.append(f"… en nog {rest} probleem" if rest == 1 else f"… en nog {rest} problemen")
    return "\n".join([*lines, summary(found)])


def annotations(problems: Iterable[Problem], limit: int = MAX_ANNOTATIONS) -> list[str]:
    """GitHub annotations for the first ``limit`` problems, errors before warnings."""
    found = sorted(ordered(problems), key=lambda p: p.severity != "error")
    return [p.github_annotation() for p in found[:limit]]
