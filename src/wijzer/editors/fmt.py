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
            value[key] = _canonical(value[key])
        return value
    if isinstance(value, CommentedSeq):
        value.fa.set_block_style()
        for i, item in enumerate(value):
            value[i] = _canonical(item)
        return value
    if isinstance(value, str):
        text = str(value)
        if "\n" in text.strip("\n") or (isinstance(value, LiteralScalarString) and "\n" in text):
            return LiteralScalarString(text)
        return SingleQuotedScalarString(text) if _needs_quotes(text) else text
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
    out = io.StringIO()
    yaml.dump(data, out)
    result = _without_blank_lines(out.getvalue())
    header = SCHEMA_LINE.format(stem=Path(file_name).stem)
    if add_header and not result.startswith("# yaml-language-server:"):
        result = header + "\n" + result
    after = parse(result.encode("utf-8"), file_name)
    if after.problems or after.data != before.data:
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
