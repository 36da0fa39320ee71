"""One error format for everything an editor sees: ``file:line:col: path: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]
PathPart = str | int
Path = tuple[PathPart, ...]


def format_path(path: Path) -> str:
    """``('offers', 3, 'audiences', 1)`` -> ``offers[3].audiences[1]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + part
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
