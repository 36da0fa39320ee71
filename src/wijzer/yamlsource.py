"""Read a YAML file into plain Python values and remember where every value stands.

PyYAML's composer gives nodes with positions; we build the values ourselves so that
- duplicate keys are errors (PyYAML silently keeps the last one),
- only ``true``/``false`` are booleans (YAML 1.2): ``no``, ``yes``, ``on`` stay text,
- aliases (``*naam``) are refused, so a "billion laughs" file cannot explode,
- deep nesting, binary files, non-UTF-8 text and huge files give a positioned message.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wijzer.problems import Path, Problem, format_path

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 40

_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

# PyYAML's problem texts, said in Dutch with a hint of what to do.
_YAML_HINTS = {
    "mapping values are not allowed here": (
        "hier mag geen 'sleutel: waarde' staan; controleer de inspringing, of zet tekst met "
        "een dubbele punt tussen aanhalingstekens"
    ),
    "found character '\\t' that cannot start any token": "tab-teken gevonden; gebruik spaties om in te springen",
    "could not find expected ':'": "dubbele punt ':' na de sleutel ontbreekt",
    "did not find expected key": "verwachtte hier een sleutel; controleer de inspringing",
    "did not find expected '-' indicator": "verwachtte hier een lijstitem ('- '); controleer de inspringing",
    "found undefined tag handle": "onbekende tag",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken of haakje niet gesloten?)",
}


@dataclass
class Source:
    """The values of one YAML file plus the position (line, col; 1-based) of each path."""

    file: str
    data: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``; falls back to the nearest enclosing value that has one."""
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def problem(self, path: Path, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, format_path(path), message, severity)  # type: ignore[arg-type]


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        self.mark = mark
        self.message = message


class _Loader(yaml.SafeLoader):
    """Composer that refuses aliases and limits nesting depth."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(
                event.start_mark,
                "verwijzingen met '*' (YAML-aliassen) worden niet ondersteund; schrijf de waarde uit",
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(self.peek_event().start_mark, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _scalar(node: ScalarNode) -> Any:
    text = node.value
    if node.style:  # quoted or block: always text
        return text
    if text in _NULL:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        # '0363' or '0800' is a code or a number someone typed, not the integer 363
        return text if text.lstrip("+-").startswith("0") and len(text.lstrip("+-")) > 1 else int(text)
    if _FLOAT.match(text):
        return float(text)
    if _DATE.match(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text  # an impossible date stays text; the model says so
    return text


def _build(node: Node, path: Path, src: Source) -> Any:
    src.positions[path] = _pos(node.start_mark)
    if isinstance(node, ScalarNode):
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_build(child, (*path, i), src) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                src.problems.append(
                    Problem(src.file, *_pos(key_node.start_mark), format_path(path), "een sleutel moet gewone tekst zijn")
                )
                continue
            key = str(key_node.value)
            child = (*path, key)
            if key in out:
                first = src.key_positions[child]
                src.problems.append(
                    Problem(
                        src.file,
                        *_pos(key_node.start_mark),
                        format_path(child),
                        f"dubbele sleutel '{key}' (staat ook op regel {first[0]}); haal er één weg",
                    )
                )
                continue
            src.key_positions[child] = _pos(key_node.start_mark)
            out[key] = _build(value_node, child, src)
        return out
    raise _Refused(node.start_mark, "onbekend soort YAML-waarde")  # pragma: no cover


def _offset_to_pos(raw: bytes, offset: int) -> tuple[int, int]:
    before = raw[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def parse(raw: bytes, file: str) -> Source:
    """Parse bytes of a YAML file. Problems are collected in ``Source.problems``."""
    src = Source(file)
    if len(raw) > MAX_BYTES:
        src.problems.append(Problem(file, 1, 1, "", f"bestand is te groot ({len(raw)} bytes; hooguit {MAX_BYTES})"))
        return src
    if b"\x00" in raw:
        line, col = _offset_to_pos(raw, raw.index(b"\x00"))
        src.problems.append(Problem(file, line, col, "", "dit is geen tekstbestand (bevat een nul-byte)"))
        return src
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _offset_to_pos(raw, exc.start)
        src.problems.append(
            Problem(file, line, col, "", "het bestand is niet in UTF-8 opgeslagen; sla het op als UTF-8")
        )
        return src
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
        finally:
            loader.dispose()
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark else (1, 1)
        src.problems.append(Problem(file, line, col, "", exc.message))
        return src
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        problem = exc.problem or "onleesbare YAML"
        hint = _YAML_HINTS.get(problem, problem)
        src.problems.append(Problem(file, line, col, "", f"YAML-fout: {hint}"))
        return src
    except yaml.YAMLError as exc:  # e.g. a reader error on a forbidden character
        mark = getattr(exc, "position", None)
        src.problems.append(Problem(file, 1, 1, "", f"YAML-fout: {exc}"))
        del mark
        return src
    except RecursionError:
        src.problems.append(Problem(file, 1, 1, "", "te diep genest"))
        return src
    if root is None:
        src.problems.append(Problem(file, 1, 1, "", "het bestand is leeg"))
        return src
    try:
        src.data = _build(root, (), src)
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark else (1, 1)
        src.problems.append(Problem(file, line, col, "", exc.message))
    return src
