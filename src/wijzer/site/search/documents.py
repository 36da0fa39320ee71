"""One search document per page, collected while MkDocs renders the pages (the plugin calls
``collect`` from ``on_page_context``). A generated page brings its own (``SearchEntry``, read by
its kind from the one rendering of the page); a hand-written page's is read from its HTML here.
The documents stay between `wijzer serve` rebuilds: a page that was not rebuilt keeps its document."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wijzer.pages.kinds import KINDS, SearchEntry
from wijzer.pages.page_text import plain_text

__all__ = ["KIND_LABELS", "COLLECTOR", "Collector", "Document", "headings_of", "page_key"]

# What a result says it is (search-engine.js shows it above the title).
KIND_LABELS = {kind.name: kind.search_label for kind in KINDS} | {"page": "pagina"}
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Document:
    url: str  # as MkDocs writes it: "" for the home page, "juridisch/ouderlijk-gezag/" or "....html"
    title: str
    kind: str  # a key of KIND_LABELS
    headings: tuple[str, ...]
    text: str
    phone: str | None = None


def headings_of(toc: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for item in toc:
        out.append(html.unescape(_TAG.sub("", str(item.title))))
        out.extend(headings_of(item.children))
    return out


def page_key(url: str) -> str:
    """The same page under directory URLs and file URLs (the offline build): no index.html, no
    .html, no slash at the end. Best bets name pages this way too (``juridisch/ouderlijk-gezag/``)."""
    return url.removesuffix("index.html").removesuffix(".html").strip("/")


class Collector:
    """The documents of the current site, by URL."""

    def __init__(self) -> None:
        self.docs: dict[str, Document] = {}

    def reset(self) -> None:
        self.docs = {}

    def collect(self, page: Any, entry: SearchEntry | None) -> None:
        """``entry``: a generated page's own search document; None for a hand-written page."""
        meta = page.meta or {}
        search = meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            self.docs.pop(page.url, None)
            return
        if entry is not None:
            self.docs[page.url] = Document(page.url, entry.title, entry.kind, entry.headings, entry.text, entry.phone)
            return
        title = str(meta.get("title") or page.title or "")
        headings = [h for h in headings_of(page.toc) if h != title]
        self.docs[page.url] = Document(page.url, title, "page", tuple(headings), plain_text(page.content or ""))

    def keep_only(self, urls: set[str]) -> None:
        """Forget pages that are no longer part of the site (`wijzer serve` after a deletion)."""
        self.docs = {u: d for u, d in self.docs.items() if u in urls}


COLLECTOR = Collector()
