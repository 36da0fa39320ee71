"""Read a YAML file into plain Python values and remember where every value stands.

PyYAML's composer gives nodes with positions; we build the values ourselves so that
- duplicate keys are errors (PyYAML silently keeps the last one),
- only ``true``/``false`` are booleans (YAML 1.2): ``no``, ``yes``, ``on`` stay text,
- aliases (``*naam``) are refused, so a "billion laughs" file cannot explode,
- tags (``!!python/...``, ``!!str``) are refused: a value means what it looks like,
- deep nesting, binary files, non-UTF-8 text, control characters and huge files give a
  positioned message (no PyYAML text, no traceback).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from wijzer.core.problems import Path, PathLabels, Problem

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 40
MAX_DIGITS = 30  # a longer run of digits is text (Python refuses to convert > 4300 digits)

# Characters a YAML file may not contain: control characters (except tab and line ends),
# YAML 1.1's extra line breaks (NEL, U+2028, U+2029: editors do not show them as new lines,
# so every line number after them would be wrong) and the non-characters U+FFFE/U+FFFF.
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# In a key (which ends up in messages and CI logs) also no line ends, tabs, bidi or zero-width characters;
# a double-quoted key can spell them as escapes ("\n", "\e", "\u202e").
_KEY_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff0-\uffff]")

_NBSP_INDENT = re.compile("^[ \t]*\u00a0", re.MULTILINE)
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}

# PyYAML's problem texts, said in Dutch with a hint of what to do.
_MAPPING_HINT = (
    "hier mag geen 'sleutel: waarde' staan; controleer de inspringing, of zet tekst met "
    "een dubbele punt tussen aanhalingstekens"
)
_TAB_HINT = "tab-teken gevonden; gebruik spaties om in te springen"
# PyYAML's and libyaml's problem texts, said in Dutch with a hint of what to do.
_YAML_HINTS = {
    "mapping values are not allowed here": _MAPPING_HINT,
    "mapping values are not allowed in this context": _MAPPING_HINT,
    "found character '\\t' that cannot start any token": _TAB_HINT,
    "found character that cannot start any token": (
        "dit teken mag hier niet aan het begin staan (bijvoorbeeld @ of `); zet de tekst tussen aanhalingstekens"
    ),
    "could not find expected ':'": "dubbele punt ':' na de sleutel ontbreekt",
    "did not find expected key": "verwachtte hier een sleutel; controleer de inspringing",
    "did not find expected '-' indicator": "verwachtte hier een lijstitem ('- '); controleer de inspringing",
    "did not find expected ',' or ']'": "een ']' of ',' ontbreekt in de lijst tussen blokhaken",
    "did not find expected ',' or '}'": "een '}' of ',' ontbreekt in het blok tussen accolades",
    "did not find expected node content": "verwachtte hier een waarde",
    "found undefined tag handle": "onbekende tag",
    "found unknown escape character": "onbekende \\-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken of haakje niet gesloten?)",
    "found invalid Unicode character escape code": "ongeldige \\u-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of typ het teken zelf",
    "did not find expected hexdecimal number": "ongeldige \\u- of \\x-code tussen dubbele aanhalingstekens; gebruik enkele aanhalingstekens of typ het teken zelf",
    "did not find expected comment or line break": "na de waarde staat nog iets op deze regel; zet de hele tekst tussen aanhalingstekens",
    "unclosed quote": "dit aanhalingsteken wordt niet gesloten; zet hetzelfde aanhalingsteken aan het eind van de tekst",
    "found a tab character that violates indentation": _TAB_HINT,
    "found a tab character where an indentation space is expected": _TAB_HINT,
}


@dataclass
class Source:
    """The values of one YAML file plus the position (line, col; 1-based) of each path."""

    file: str
    data: Any = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    block_lines: dict[Path, bool] = field(default_factory=dict)  # paths of block texts ('|' or '>')
    problems: list[Problem] = field(default_factory=list)
    # problems found while the values are being built: labelled once the values are complete
    pending: list[tuple[int, int, Path, str]] = field(default_factory=list, repr=False)
    _labels: PathLabels = field(default_factory=PathLabels, init=False, repr=False, compare=False)

    def label(self, path: Path) -> str:
        """How the editor reads ``path`` in a message: list items by their id, else ``item N``."""
        if self._labels.data is not self.data:
            self._labels = PathLabels(self.data)
        return self._labels(path)

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
        return Problem(self.file, line, col, self.label(path), message, severity)  # type: ignore[arg-type]


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        self.mark = mark
        self.message = message


_EventLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's event parser when available


_CLOSE = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
_OPEN = {yaml.SequenceStartEvent: SequenceNode, yaml.MappingStartEvent: MappingNode}


def _compose(text: str) -> Node | None:
    """Build the node tree from parser events with an explicit stack (no recursion).

    libyaml's own composer recurses in C and crashes on very deep input, and PyYAML's pure
    Python composer is slow on large files; events are flat, so we compose them ourselves and
    refuse aliases, tags and excessive depth on the way.
    """
    loader = _EventLoader(io.BytesIO(text.encode("utf-8")))  # bytes: libyaml reads them fastest
    stack: list[list] = []  # [node, pending_key] per open collection
    root: Node | None = None
    documents = 0
    get_event = loader.get_event
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.tag is not None:
                    _refuse_tag(event)
                node: Node = ScalarNode("", event.value, event.start_mark, event.end_mark, style=event.style)
            elif kind in _OPEN:
                if event.tag is not None:
                    _refuse_tag(event)
                node = _OPEN[kind]("", [], event.start_mark, event.end_mark)
            elif kind in _CLOSE:
                stack.pop()
                continue
            elif kind is yaml.StreamEndEvent:
                return root
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Refused(event.start_mark, "een databestand bevat één YAML-document; haal de regel '---' weg")
                continue
            elif kind is AliasEvent:
                raise _Refused(
                    event.start_mark, "verwijzingen met '*' (YAML-aliassen) worden niet ondersteund; schrijf de waarde uit"
                )
            else:  # stream start, document end
                continue
            if stack:
                parent = stack[-1]
                if type(parent[0]) is SequenceNode:
                    parent[0].value.append(node)
                elif parent[1] is None:
                    parent[1] = node
                else:
                    parent[0].value.append((parent[1], node))
                    parent[1] = None
            else:
                root = node
            if kind in _OPEN:
                if len(stack) >= MAX_DEPTH:
                    raise _Refused(event.start_mark, f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
                stack.append([node, None])
    finally:
        loader.dispose()


def _refuse_tag(event: yaml.NodeEvent) -> None:
    raise _Refused(
        event.start_mark,
        f"YAML-tags zoals '{event.tag.replace('tag:yaml.org,2002:', '!!')}' worden niet ondersteund; laat de tag weg "
        "(zet tekst tussen aanhalingstekens als het tekst moet blijven)",
    )


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
        digits = text.lstrip("+-")
        return text if (digits.startswith("0") and len(digits) > 1) or len(digits) > MAX_DIGITS else int(text)
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
        if node.style in ("|", ">"):
            src.block_lines[path] = True
        return _scalar(node)
    if isinstance(node, SequenceNode):
        return [_build(child, (*path, i), src) for i, child in enumerate(node.value)]
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        new_item_suspected = False
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                src.pending.append((*_pos(key_node.start_mark), path, "een sleutel moet gewone tekst zijn"))
                continue
            key = str(key_node.value)
            child = (*path, key)
            hidden = _KEY_HIDDEN.search(key)
            if hidden:
                # a key ends up in messages and CI logs: no control characters there
                src.pending.append((*_pos(key_node.start_mark), path,
                                    f"sleutel {key!r} bevat een onzichtbaar teken (U+{ord(hidden.group()):04X}); haal het weg"))
                continue
            if key in out:
                first = src.key_positions[child]
                if new_item_suspected:
                    continue  # one message for the item that lost its '- ', not one per field
                if path and isinstance(path[-1], int) and key == next(iter(out)):
                    # the first key of a list item again: a new item whose '- ' is missing
                    new_item_suspected = True
                    message = (f"'{key}' staat al op regel {first[0]} in dit item; begint hier een nieuw item? "
                               f"Zet dan '- ' vóór '{key}:'")
                else:
                    message = f"dubbele sleutel '{key}' (staat ook op regel {first[0]}); haal er één weg"
                src.pending.append((*_pos(key_node.start_mark), child, message))
                continue
            src.key_positions[child] = _pos(key_node.start_mark)
            out[key] = _build(value_node, child, src)
        return out
    raise _Refused(node.start_mark, "onbekend soort YAML-waarde")  # pragma: no cover


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


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
    bad = _FORBIDDEN_CHAR.search(text)
    if bad:
        before = text[: bad.start()]
        line, col = before.count("\n") + 1, bad.start() - (before.rfind("\n") + 1) + 1
        src.problems.append(
            Problem(file, line, col, "", f"bevat een onzichtbaar stuurteken (U+{ord(bad.group()):04X}); haal het weg")
        )
        return src
    nbsp = _NBSP_INDENT.search(text)
    if nbsp:
        before = text[: nbsp.end() - 1]
        line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
        src.problems.append(
            Problem(file, line, col, "", "de inspringing bevat een onzichtbaar teken, een harde spatie (U+00A0, vaak uit een tekstverwerker "
                    "of webpagina geplakt); vervang die door gewone spaties")
        )
        return src
    try:
        root = _compose(text)
    except _Refused as exc:
        line, col = _pos(exc.mark) if exc.mark else (1, 1)
        src.problems.append(Problem(file, line, col, "", exc.message))
        return src
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "onleesbare YAML"
        if exc.context_mark is not None and "quoted scalar" in (exc.context or "") and "end of stream" in problem:
            mark, problem = exc.context_mark, "unclosed quote"  # where the quote opens, not where the file ends
        line, col = _pos(mark) if mark else (1, 1)
        if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
            problem = "found a tab character that violates indentation"
        hint = _YAML_HINTS.get(problem) or _YAML_HINTS.get(problem.split(" '")[0].split(" (")[0], problem)
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
    src.problems.extend(Problem(file, line, col, src.label(path), message) for line, col, path, message in src.pending)
    src.pending.clear()
    return src
