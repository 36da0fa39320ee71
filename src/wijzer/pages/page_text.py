"""The words of a page's HTML, for its search document: no markup, permalink signs, bare URLs,
scripts or source lists; and, where a kind of page asks for it, none of the parts marked
``data-search-exclude`` (lists that repeat other pages) or carrying a class it names."""

from __future__ import annotations

import html
import re
from functools import lru_cache

_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(
    r"<(script|style|template)\b.*?</\1\s*>|<a [^>]*class=\"headerlink\"[^>]*>.*?</a>|<div class=\"wz-sources\".*?</div>",
    re.DOTALL | re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=8)
def _excluded_start(classes: tuple[str, ...]) -> re.Pattern[str]:
    """The start tag of an element with ``data-search-exclude`` or one of ``classes``."""
    marks = [r"\sdata-search-exclude\b"]
    if classes:
        names = "|".join(re.escape(c) for c in classes)
        marks.append(rf"""\sclass=["'](?:[^"']*\s)?(?:{names})(?=[\s"'])""")
    return re.compile(rf"<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*(?:{'|'.join(marks)})[^>]*>")


def plain_text(content: str) -> str:
    """The words of a page's HTML, without markup, permalink signs or bare URLs."""
    text = html.unescape(_TAG.sub(" ", _DROP.sub(" ", content)))
    return _SPACE.sub(" ", _URL.sub(" ", text)).strip()


def without_excluded(content: str, classes: tuple[str, ...] = ()) -> str:
    """The HTML without the elements marked ``data-search-exclude`` or with a class in ``classes``
    (each with all it holds)."""
    start = _excluded_start(classes)
    out: list[str] = []
    pos = 0
    while found := start.search(content, pos):
        out.append(content[pos : found.start()])
        same_tag = re.compile(rf"<(/?){found.group(1)}\b[^>]*>", re.IGNORECASE)
        depth, pos = 1, found.end()
        while depth and (tag := same_tag.search(content, pos)):
            depth += -1 if tag.group(1) else 1
            pos = tag.end()
        if depth:  # never closed: the rest of the page is inside it
            pos = len(content)
    out.append(content[pos:])
    return "".join(out)
