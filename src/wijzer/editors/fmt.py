"""``wijzer fmt``: one canonical layout for the data files, the layout the CMS writes.

The redactieomgeving (Sveltia CMS) writes a whole file each time it saves, with the ``yaml`` library
of JavaScript and the output settings in ``cmsconfig.OUTPUT`` (indent 2, lists indented under their
key, no quotes unless needed, then single quotes, a text with line breaks as a ``|`` block, no line
folding, no blank lines). When the files are already in that layout, a one-field change in the CMS is
a one-line change in the diff. ``wijzer fmt`` writes that layout with ruamel.yaml's round trip, and
unlike the CMS it keeps comments, and the ``# yaml-language-server`` line on top (added if missing).

Formatting never changes meaning: ``format_text`` refuses to return a text that parses to other data.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString, SingleQuotedScalarString

from wijzer.core.yamlsource import parse
from wijzer.editors.fieldspec import FieldSpec, file_fields, walk

INDENT = 2
# Sveltia CMS's output settings (config.yml ``output.yaml``) that give the layout below.
CMS_YAML_OUTPUT = {"indent_size": INDENT, "indent_sequences": True, "quote": "none"}
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/{stem}.schema.json"
_BLOCK_START = re.compile(r"^(\s*)(?:- )*(?:[^#'\"\s][^:]*:\s+|- )?[|>][-+]?\d*\s*$")


class FormatError(Exception):
    """The file cannot be formatted (it is not valid YAML, or formatting would change its data)."""


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments and key order stay
    yaml.indent(mapping=INDENT, sequence=INDENT * 2, offset=INDENT)
    yaml.width = 1_000_000  # never fold a long line (the CMS writes lineWidth: 0)
    yaml.preserve_quotes = False
    yaml.allow_unicode = True
    yaml.explicit_start = False
    return yaml


def _canonical(value: Any) -> Any:
    """Every collection in block style; text with line breaks as a literal block, other text plain."""
    if isinstance(value, CommentedMap):
        value.fa.set_block_style()
        for key in list(value):
            # CommentedMap.__setitem__ would keep the old style (a '|' text stays a block): bypass it
            super(CommentedMap, value).__setitem__(key, _canonical(value[key]))
        return value
    if isinstance(value, CommentedSeq):
        value.fa.set_block_style()
        for i, item in enumerate(value):
            super(CommentedSeq, value).__setitem__(i, _canonical(item))
        return value
    if isinstance(value, str):
        # the CMS trims texts: a text with line breaks is a '|-' block, a one-line text is plain
        text = str(value).rstrip("\n") if "\n" in str(value) else str(value)
        if "\n" in text:
            return LiteralScalarString(text)
        return SingleQuotedScalarString(text) if _needs_quotes(text) else text
    return value


def _field_order(value: Any, specs: tuple[FieldSpec, ...]) -> None:
    """Keys in the order of the model (the order of the CMS form, which is the order it writes), and
    true/false fields written out, because the CMS writes every true/false field it shows."""
    if isinstance(value, CommentedSeq):
        for item in value:
            _field_order(item, specs)
        return
    if not isinstance(value, CommentedMap) or not specs:
        return
    names = [spec.name for spec in specs]
    for spec in specs:  # output.omit_empty_optional_fields: the CMS leaves empty optional fields out
        if not spec.required and spec.name in value and _empty(value[spec.name]):
            del value[spec.name]
        elif spec.kind == "markdown" and isinstance(value.get(spec.name), str):
            text = _markdown_like_cms(str(value[spec.name]))
            block = LiteralScalarString(text) if "\n" in text else text
            super(CommentedMap, value).__setitem__(spec.name, block)
    for position, spec in enumerate(specs):
        if spec.kind == "bool" and spec.default is False and spec.name not in value:
            value.insert(min(position, len(value)), spec.name, False)
    for name in [n for n in names if n in value] + [k for k in list(value) if k not in names]:
        value.move_to_end(name)
    for spec in specs:
        if spec.name in value and spec.children:
            _field_order(value[spec.name], spec.children)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | list | dict) and len(value) == 0)


_HEADING = re.compile(r"^#{1,6}\s")


def _markdown_like_cms(text: str) -> str:
    """The CMS's Markdown editor puts a blank line before and after each heading."""
    out: list[str] = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if _HEADING.match(line) and out and out[-1].strip():
            out.append("")
        out.append(line)
        if _HEADING.match(line) and i + 1 < len(lines) and lines[i + 1].strip():
            out.append("")
    return "\n".join(out)


def _bool_defaults() -> set[str]:
    return {spec.name for specs in file_fields(extensions=True).values() for _, spec in walk(specs)
            if spec.kind == "bool" and spec.default is False}


def _meaning(value: Any, bools: set[str]) -> Any:
    """Data as the models see it: texts without trailing line breaks, false defaults and empty values left out."""
    if isinstance(value, dict):
        return {k: _meaning(v, bools) for k, v in value.items() if not (k in bools and v is False) and not _empty(v)}
    if isinstance(value, list):
        return [_meaning(v, bools) for v in value]
    if isinstance(value, str):  # blank lines around a Markdown heading change nothing on the page
        return re.sub(r"\n\n+(?=#{1,6}\s)", "\n", re.sub(r"(?m)^(#{1,6}\s[^\n]*)\n\n+", r"\1\n", value.rstrip("\n")))
    return value


_STR_TAG = "tag:yaml.org,2002:str"
_RESOLVER = pyyaml.resolver.Resolver()


def _needs_quotes(text: str) -> bool:
    """Text that a YAML 1.1 reader (PyYAML, yamllint) would take for something else: ``no``, ``1:20``.

    ruamel.yaml and the CMS follow YAML 1.2, where ``no`` is text; quoting it keeps every reader agreed.
    """
    return _RESOLVER.resolve(pyyaml.ScalarNode, text, (True, False)) != _STR_TAG


def _without_blank_lines(text: str) -> str:
    """Drop blank lines between entries (the CMS writes none), but keep those inside ``|`` texts."""
    out: list[str] = []
    block_indent: int | None = None  # indentation of the line that opened a block text
    pending: list[str] = []  # blank lines inside a block text, kept only if the text goes on
    for line in text.split("\n"):
        if not line.strip():
            if block_indent is not None:
                pending.append("")
            continue
        indent = len(line) - len(line.lstrip(" "))
        if block_indent is not None and indent > block_indent:
            out.extend(pending)
        else:
            block_indent = None
        pending = []
        out.append(line)
        if block_indent is None and _BLOCK_START.match(line) and not line.lstrip().startswith("#"):
            block_indent = indent
    return "\n".join(out) + "\n"


def format_text(text: str, file_name: str, *, add_header: bool = True) -> str:
    """The canonical layout of one data file's text.

    ``add_header=False`` leaves a missing ``# yaml-language-server`` line missing: the CMS cannot keep
    comments, so ``--check`` does not fail a pull request from the CMS for that line alone.
    """
    before = parse(text.encode("utf-8"), file_name)
    if before.problems or before.data is None:
        raise FormatError("heeft fouten; draai eerst 'wijzer validate' en herstel ze")
    yaml = _yaml()
    try:
        data = yaml.load(text)
    except Exception as exc:  # pragma: no cover - wijzer's own parser is stricter than ruamel.yaml
        raise FormatError("heeft fouten; draai eerst 'wijzer validate' en herstel ze") from exc
    data = _canonical(data)
    # only the files the CMS edits: elsewhere a moved key could carry a comment away from its place
    _field_order(data, file_fields().get(Path(file_name).name, ()))
    out = io.StringIO()
    yaml.dump(data, out)
    result = _without_blank_lines(out.getvalue())
    header = SCHEMA_LINE.format(stem=Path(file_name).stem)
    if add_header and not result.startswith("# yaml-language-server:"):
        result = header + "\n" + result
    after = parse(result.encode("utf-8"), file_name)
    bools = _bool_defaults()
    if after.problems or _meaning(after.data, bools) != _meaning(before.data, bools):
        raise FormatError("opmaken zou de gegevens veranderen; meld dit als fout in Wijzer")
    return result


def format_files(paths: list[Path], *, check: bool) -> tuple[list[Path], list[tuple[Path, str]]]:
    """(files that are or were not in the canonical layout, files that could not be formatted)."""
    changed: list[Path] = []
    failed: list[tuple[Path, str]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            result = format_text(text, path.name, add_header=not check)
        except FormatError as exc:
            failed.append((path, str(exc)))
            continue
        if result != text:
            changed.append(path)
            if not check:
                path.write_text(result, encoding="utf-8", newline="\n")
    return changed, failed
