"""The search files in ``search/`` of the built site, from the collected documents.

- ``search/meta.js``: number of pages, stop words, spelling variants, best bets, shard names.
- ``search/t/<xx>.js``: the terms (Snowball stems, ``search_text.stem``) starting with ``xx`` and, per term, the pages with a score
  (title, headings and text weighted; synonyms and parts of compound words count less). The
  browser loads the shards of the words typed, nothing else.
- ``search/d/<n>.js``: page ``n``: URL, title, type, phone and the text for the snippet;
  loaded for the best results (the snippet, and the bonus for query words that stand together).
- ``search/stem.js``: Snowball's Dutch stemmer for the query, from lunr-languages (``vendor/``,
  unchanged, pinned in package.json), wrapped to register itself as ``wzSearch.add("stem", fn)``.

Every file is a script calling ``wzSearch.add(name, data)``: scripts load from ``file://`` (the
offline zip) as well as over HTTP, and ``script-src 'self'`` allows them.
"""

from __future__ import annotations

import gzip
import json
import math
import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from wijzer.core.search_text import STOP_WORDS, compound_parts, query_key, query_words, stem, words
from wijzer.core.synonyms import Thesaurus
from wijzer.site.search.documents import KIND_LABELS, Document, page_key

FOLDER = "search"
SNIPPET_CHARS = 6000
# Field weights. A word in the title says most about a page, then headings, then the text.
TITLE, HEADING, TEXT = 12.0, 6.0, 1.0
HIDDEN = 0.6  # a synonym or a part of a compound counts for this share of the word itself
K1, B = 1.2, 0.75


@dataclass(frozen=True)
class Written:
    files: int
    bytes_raw: int
    bytes_gzip: int
    terms: int


class Synonyms:
    """Finds the synonym groups whose terms occur in a list of words: a single word also with an
    ending of up to three letters (regeling in regelingen), a group of words in a row."""

    def __init__(self, groups: list[list[tuple[str, ...]]]) -> None:
        self.groups = groups
        self.single: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        self.multi: dict[str, list[tuple[int, tuple[str, ...]]]] = defaultdict(list)
        for number, group in enumerate(groups):
            for term in group:
                if len(term) == 1:
                    self.single[term[0]].append((number, term))
                elif term:
                    self.multi[term[0]].append((number, term))
        self.memo: dict[tuple[str, ...], list[str]] = {}

    def added(self, ws: list[str]) -> list[str]:
        """The words of every other term of each group that occurs in ``ws``."""
        key = tuple(ws)
        if len(ws) <= 12 and key in self.memo:  # titles and headings repeat across generated pages
            return self.memo[key]
        present: dict[int, set[tuple[str, ...]]] = defaultdict(set)
        for w in set(ws):
            for cut in range(4):
                base = w[: len(w) - cut] if cut else w
                for number, term in self.single.get(base, ()):
                    present[number].add(term)
        for i, w in enumerate(ws):
            for number, term in self.multi.get(w, ()):
                if tuple(ws[i : i + len(term)]) == term:
                    present[number].add(term)
        out: list[str] = []
        for number in sorted(present):
            for term in self.groups[number]:
                if term not in present[number]:
                    out.extend(term)
        if len(ws) <= 12:
            self.memo[key] = out
        return out


def _saturate(tf: float, length: int, average: float) -> float:
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / max(average, 1.0)))


def score_documents(docs: list[Document], thesaurus: Thesaurus | None) -> dict[str, dict[int, float]]:
    """term -> {document number: score}."""
    synonyms = Synonyms([[tuple(words(t)) for t in group] for group in (thesaurus.groups if thesaurus else ())])
    fields: list[tuple[list[str], list[list[str]], list[str]]] = []
    vocabulary: set[str] = set()
    for doc in docs:
        t, hs, x = words(doc.title), [words(h) for h in doc.headings], words(doc.text)
        fields.append((t, hs, x))
        vocabulary.update(t, x, *hs)
    parts_memo: dict[str, list[str]] = {}

    def parts(ws: Iterable[str]) -> list[str]:
        out: list[str] = []
        for w in ws:
            if w not in parts_memo:
                parts_memo[w] = compound_parts(w, vocabulary)
            out.extend(parts_memo[w])
        return out

    average = sum(len(x) for _, _, x in fields) / max(len(fields), 1)
    scores: dict[str, dict[int, float]] = defaultdict(dict)
    for number, (t, hs, x) in enumerate(fields):
        doc_scores: Counter[str] = Counter()
        # the title, each heading on its own (the best heading counts), and the text
        short: list[tuple[list[str], float]] = [(t, TITLE)] + [(h, HEADING) for h in hs]
        best: dict[str, float] = {}
        for ws, weight in short:
            content = [w for w in ws if w not in STOP_WORDS]
            if not content:
                continue
            value = 3 / (2 + len(content))  # a short title or heading says more per word than a long one
            hidden = [stem(w) for w in synonyms.added(ws) + parts(content) if w not in STOP_WORDS]
            for term, share in [(stem(w), 1.0) for w in content] + [(w, HIDDEN) for w in hidden]:
                key = (term, weight)
                best[key] = max(best.get(key, 0.0), weight * share * value)  # type: ignore[call-overload]
        for (term, _), value in best.items():  # type: ignore[misc]
            doc_scores[term] += value
        content = [w for w in x if w not in STOP_WORDS]
        hidden = synonyms.added(x) + parts(content)
        stems = Counter(stem(w) for w in content)
        for counts, share in ((stems, 1.0), (Counter(stem(w) for w in hidden if w not in STOP_WORDS), HIDDEN)):
            for term, tf in counts.items():
                doc_scores[term] += TEXT * share * _saturate(tf, len(x), average)
        for term, value in doc_scores.items():
            scores[term][number] = value
    return scores


# lunr-languages' files expect a global `lunr`; they get a small object of their own instead, with
# no-ops for the parts of lunr's pipeline they register with. Only the stemmer is used.
_STEM_HEAD = """/* Snowball Dutch stemmer for the Wijzer search (search-engine.js: stem).
 * From lunr-languages (https://github.com/MihaiValentin/lunr-languages), MPL-1.1, files unchanged:
 * lunr.stemmer.support.js and lunr.nl.js; the licence is in search/lunr-languages.LICENSE. */
(function () {
  var define, exports, module;  // eslint-disable-line no-unused-vars -- the files take their browser branch
  var root = { lunr: { Pipeline: { registerFunction: function () {} }, generateStopWordFilter: function () { return function () {}; } } };
"""
_STEM_PART = "  (function () {{\n{source}\n  }}).call(root);\n"
_STEM_TAIL = "  wzSearch.add(\"stem\", root.lunr.nl.stemmer);\n})();\n"
VENDOR = ("lunr.stemmer.support.js", "lunr.nl.js")
LICENSE = "lunr-languages.LICENSE"


def stemmer_script() -> bytes:
    vendor = resources.files("wijzer.site.search") / "vendor"
    parts = [_STEM_PART.format(source=(vendor / name).read_text(encoding="utf-8")) for name in VENDOR]
    return (_STEM_HEAD + "".join(parts) + _STEM_TAIL).encode()


def shard_of(term: str) -> str:
    return term[:2]


def _script(name: str, data: object) -> bytes:
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"wzSearch.add({json.dumps(name)},{payload});\n".encode()


def write_index(
    site_dir: Path,
    docs: Iterable[Document],
    thesaurus: Thesaurus | None,
    best_bets: dict[str, list[str]] | None = None,
) -> Written:
    """Write ``search/`` (replacing an earlier one); best bets map a query to page keys
    (``page_key``) that must all be in ``docs``."""
    ordered = sorted(docs, key=lambda d: d.url)
    folder = site_dir / FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "t").mkdir(parents=True)
    (folder / "d").mkdir()
    scores = score_documents(ordered, thesaurus)
    shards: dict[str, dict[str, list[int]]] = defaultdict(dict)
    for term in sorted(scores):
        flat: list[int] = []
        previous = 0
        for number, value in sorted(scores[term].items()):
            flat += [number - previous, max(1, round(value * 10))]
            previous = number
        shards[shard_of(term)][term] = flat
    files: list[tuple[Path, bytes]] = []
    for key, terms in shards.items():
        files.append((folder / "t" / f"{key}.js", _script(f"t/{key}", terms)))
    for number, doc in enumerate(ordered):
        data = {"u": doc.url, "t": doc.title, "k": KIND_LABELS[doc.kind], "x": doc.text[:SNIPPET_CHARS]}
        if doc.headings:
            data["h"] = list(doc.headings)
        if doc.phone:
            data["p"] = doc.phone
        files.append((folder / "d" / f"{number}.js", _script(f"d/{number}", data)))
    numbers = {page_key(d.url): n for n, d in enumerate(ordered)}
    bets = {query_key(q): [numbers[page_key(p)] for p in pages if page_key(p) in numbers] for q, pages in (best_bets or {}).items()}
    spelling = {" ".join(query_words(v)): " ".join(query_words(w)) for w, vs in (thesaurus.spelling.items() if thesaurus else ()) for v in vs}
    spelling = {v: w for v, w in spelling.items() if v != w}  # co ouderschap: already the same words
    meta = {
        "n": len(ordered),
        "stop": sorted(STOP_WORDS),
        "spell": spelling,
        "bets": {k: v for k, v in bets.items() if k and v},
        "shards": sorted(shards),
    }
    files.append((folder / "meta.js", _script("meta", meta)))
    files.append((folder / "stem.js", stemmer_script()))
    files.append((folder / LICENSE, (resources.files("wijzer.site.search") / "vendor" / LICENSE).read_bytes()))
    raw = zipped = 0
    for path, data in files:
        path.write_bytes(data)
        raw += len(data)
        zipped += len(gzip.compress(data, compresslevel=6, mtime=0))
    return Written(len(files), raw, zipped, len(scores))


def idf(df: int, n: int) -> float:
    """As the browser computes it (search-engine.js)."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))
