"""Make Material's search index find what people type (pure functions, no MkDocs).

Material writes ``search/search_index.json`` (lunr documents: one per page section). After
the build we add, per section, the synonyms and spelling variants of the words that occur in
it (``data/synonyms.yaml``) in two extra fields. Material's search worker indexes every field
listed in the index's ``config.fields`` but only shows ``title`` and ``text``, so the added
words help finding without ever being shown. Words found in a title go into a field with the
title's weight, words found in the text into one with the text's weight.

We also repair section titles: Material's indexer glues the titles of cards (headings of the
same level inside a section) onto the section title; the page's table of contents knows the
real one.
"""

from __future__ import annotations

import bisect
import functools
import gzip
import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from wijzer.core.synonyms import Thesaurus, normalise

TITLE_FIELD = "title_synonyms"
TEXT_FIELD = "text_synonyms"
_TAG = re.compile(r"<[^>]+>")
_SPLIT = re.compile(r"[^\wà-ÿ]+")  # Material splits on spaces and hyphens; we also drop punctuation


def tokens(text: str) -> list[str]:
    """The words of an index field (HTML fragments and entities allowed), as compared with terms."""
    plain = html.unescape(_TAG.sub(" ", text))
    return [t for t in _SPLIT.split(normalise(plain)) if t]


@functools.lru_cache(maxsize=4096)
def _term_tokens(term: str) -> tuple[str, ...]:
    """Tokens of a thesaurus term: the same few hundred terms are tested against every section."""
    return tuple(tokens(term))


@dataclass(frozen=True)
class _Words:
    """The words of one field: in order (for word groups) and sorted (for prefix look-ups)."""

    order: list[str]
    sorted: list[str]

    @classmethod
    def of(cls, text: str) -> _Words:
        order = tokens(text)
        return cls(order, sorted(set(order)))

    def has_prefix(self, prefix: str) -> bool:
        i = bisect.bisect_left(self.sorted, prefix)
        return i < len(self.sorted) and self.sorted[i].startswith(prefix)

    def contains(self, term: str) -> bool:
        """A term occurs if its words occur in a row; the last may run on ('regeling' in 'regelingen')."""
        parts = _term_tokens(term)
        if not parts:
            return False
        if len(parts) == 1:
            return self.has_prefix(parts[0])
        if not self.has_prefix(parts[-1]):
            return False
        n = len(parts)
        for i in range(len(self.order) - n + 1):
            if self.order[i : i + n - 1] == list(parts[:-1]) and self.order[i + n - 1].startswith(parts[-1]):
                return True
        return False


def expansions(text: str, thesaurus: Thesaurus) -> list[str]:
    """The words to add for a field: other terms of every synonym group that occurs, then the
    spelling variants of every word that occurs or was added. Words already present are skipped."""
    words = _Words.of(text)
    added: list[str] = []
    for group in thesaurus.groups:
        present = [t for t in group if words.contains(t)]
        if present:
            added.extend(t for t in group if t not in present and t not in added)
    added_words = _Words.of(" ".join(added))
    for word, variants in thesaurus.spelling.items():
        if words.contains(word) or added_words.contains(word):
            added.extend(v for v in variants if v not in added)
    return added


# Sections that only repeat what has its own page or is no text to search (lists of source URLs,
# the gemeenten an organisation covers, a gemeente's entry point, which has its own page). They
# stay on the page, not in the index a phone downloads: (folder of the page, section anchor).
LEFT_OUT = (
    ("aanbod/", "bronnen"),
    ("organisaties/", "bronnen"),
    ("juridisch/", "bronnen"),
    ("organisaties/", "werkgebied"),
    ("gemeenten/", "hier-begin-je"),
)


def leave_out(index: dict, rules: tuple[tuple[str, str], ...] = LEFT_OUT) -> dict:
    """A copy of the index without the sections named in ``rules``."""

    def kept(doc: dict) -> bool:
        page, _, anchor = doc["location"].partition("#")
        return not any(page.startswith(folder) and page != folder and anchor == name for folder, name in rules)

    return {**index, "docs": [d for d in index["docs"] if kept(d)]}


_MEMO: dict[tuple, dict[str, list[str]]] = {}


def _memo_for(thesaurus: Thesaurus) -> dict[str, list[str]]:
    """Expansions of earlier texts with the same synonym list: `wijzer serve` rebuilds the index
    after every edit, and most sections did not change."""
    key = (thesaurus.groups, tuple(thesaurus.spelling.items()))
    if key not in _MEMO or len(_MEMO[key]) > 200_000:
        _MEMO.clear()
        _MEMO[key] = {}
    return _MEMO[key]


def expand_index(index: dict, thesaurus: Thesaurus) -> dict:
    """A copy of Material's search index with the hidden synonym fields filled in."""
    config = dict(index["config"])
    fields = dict(config.get("fields", {}))
    fields[TITLE_FIELD] = {"boost": fields.get("title", {}).get("boost", 1000.0)}
    fields[TEXT_FIELD] = {"boost": fields.get("text", {}).get("boost", 1.0)}
    config["fields"] = fields
    docs = []
    memo = _memo_for(thesaurus)
    for doc in index["docs"]:
        doc = dict(doc)
        for source, target in (("title", TITLE_FIELD), ("text", TEXT_FIELD)):
            text = doc.get(source, "")
            if text not in memo:
                memo[text] = expansions(text, thesaurus)
            extra = memo[text]
            if extra:
                doc[target] = " ".join(extra)
        docs.append(doc)
    return {**index, "config": config, "docs": docs}


def section_titles(url: str, toc: Iterable) -> dict[str, str]:
    """``location -> title`` for every heading of a page, from MkDocs' table of contents."""
    out: dict[str, str] = {}

    def walk(items: Iterable) -> None:
        for item in items:
            out[url + item.url] = item.title
            walk(item.children)

    walk(toc)
    return out


def fix_titles(index: dict, titles: dict[str, str]) -> dict:
    """Replace a section title that has card titles glued onto it by the real heading text."""
    docs = []
    for doc in index["docs"]:
        real = titles.get(doc["location"])
        if real is not None:
            escaped = html.escape(html.unescape(real), quote=False)
            if doc["title"] != escaped and html.unescape(doc["title"]).startswith(html.unescape(real)):
                doc = {**doc, "title": escaped}
        docs.append(doc)
    return {**index, "docs": docs}


def serialise(index: dict) -> bytes:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sizes(data: bytes) -> tuple[int, int]:
    """Raw and gzipped size in bytes (what a phone downloads from a server that compresses)."""
    return len(data), len(gzip.compress(data, compresslevel=9, mtime=0))


def rewrite_index_file(
    path: Path,
    thesaurus: Thesaurus | None,
    titles: dict[str, str],
    core: list[dict] | None = None,
    full: list[dict] | None = None,
    *,
    single: bool = False,
) -> tuple[int, int]:
    """Post-process the index file Material wrote, add the documents of the generated pages
    (``search_docs``) and write the full text next to it; returns the raw and gzipped size of
    what a visitor loads first. ``single`` puts everything in one file (the offline build, whose
    worker cannot fetch)."""
    index = leave_out(fix_titles(json.loads(path.read_text(encoding="utf-8")), titles))
    full = full or []
    if single:
        replaced = {d["location"] for d in full}
        index = {**index, "docs": index["docs"] + [d for d in core or [] if d["location"] not in replaced] + full}
        full = []
    else:
        index = {**index, "docs": index["docs"] + list(core or [])}
    fulltext = {"config": index["config"], "docs": full}
    if thesaurus is not None:
        index = expand_index(index, thesaurus)
        fulltext = expand_index(fulltext, thesaurus)
    if full:
        from wijzer.pages.search_docs import FULLTEXT_FILE

        index["config"]["wijzer_fulltext"] = f"search/{FULLTEXT_FILE}"  # the worker fetches it (search_worker.js)
        path.with_name(FULLTEXT_FILE).write_bytes(serialise({"docs": fulltext["docs"]}))
    data = serialise(index)
    path.write_bytes(data)
    return sizes(data)


WORKER_SOURCE = Path(__file__).with_name("search_worker.js")


def write_worker(site_dir: Path) -> list[Path]:
    """Write ``wijzer-search.<hash>.min.js`` in front of each of Material's search workers.

    ``overrides/main.html`` points Material at it; it loads Material's worker itself, so the
    search stays Material's (same results page, same keyboard use) with Dutch query help.
    """
    workers = site_dir / "assets" / "javascripts" / "workers"
    written = []
    for material in sorted(workers.glob("search.*.min.js")):
        target = workers / material.name.replace("search.", "wijzer-search.", 1)
        loader = (
            "\n// Material's own worker, from the same folder (also inside the offline build's iframe shim).\n"
            "importScripts(new URL(" + json.dumps(material.name) + ", "
            "typeof document !== 'undefined' && document.currentScript ? document.currentScript.src : self.location.href).href);\n"
        )
        target.write_text(WORKER_SOURCE.read_text(encoding="utf-8") + loader, encoding="utf-8")
        written.append(target)
    return written
