"""One search document per page, collected while MkDocs renders the pages (``hooks.py`` calls
``collect`` from ``on_page_context``). The documents stay between `wijzer serve` rebuilds: a page
that was not rebuilt keeps its document."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.pages.generated import GeneratedPage

# What a result says it is (search-engine.js shows it above the title).
KIND_LABELS = {
    "topic": "wet en regels",
    "offer": "hulpaanbod",
    "organisation": "organisatie",
    "gemeente": "gemeente",
    "page": "pagina",
}
_TAG = re.compile(r"<[^>]+>")
_DROP = re.compile(
    r"<(script|style|template)\b.*?</\1\s*>|<a [^>]*class=\"headerlink\"[^>]*>.*?</a>|<div class=\"wz-sources\".*?</div>",
    re.DOTALL | re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Document:
    url: str  # as MkDocs writes it: "" for the home page, "juridisch/ouderlijk-gezag/" or "....html"
    title: str
    kind: str  # a key of KIND_LABELS
    headings: tuple[str, ...]
    text: str
    phone: str | None = None


def plain_text(content: str) -> str:
    """The words of a page's HTML, without markup, permalink signs or bare URLs."""
    text = html.unescape(_TAG.sub(" ", _DROP.sub(" ", content)))
    return _SPACE.sub(" ", _URL.sub(" ", text)).strip()


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


def phone_of(cat: Catalogue | None, gen: GeneratedPage | None) -> str | None:
    """The phone number a result shows: an organisation's own, a gemeente's entry point's."""
    if cat is None or gen is None:
        return None
    if gen.kind == "organisation":
        return cat.organisations[gen.key].contact.phone
    if gen.kind == "gemeente":
        entry = cat.gemeenten[gen.key].entry_point
        org = cat.organisations.get(entry) if entry else None
        return org.contact.phone if org else None
    return None


def gemeente_text(cat: Catalogue, key: str) -> str:
    """A gemeente page lists the national offers too; its document holds only what is about the
    gemeente (else every gemeente would match every question)."""
    gemeente = cat.gemeenten[key]
    parts = [f"Gemeente {gemeente.name}, {gemeente.province}. Hulp bij scheiding in {gemeente.name}."]
    parts += [f"Regio {r.name}." for r in cat.regions_of.get(key, [])]
    entry = cat.organisations.get(gemeente.entry_point) if gemeente.entry_point else None
    if entry is not None:
        parts.append(f"Hier begin je: {entry.name} ({m.KIND_LABELS[entry.kind]}).")
    local = [o.name for o in cat.local_organisations(key)]
    parts += [f"{name}." for name in local if entry is None or name != entry.name]
    return " ".join(parts)


class Collector:
    """The documents of the current site, by URL."""

    def __init__(self) -> None:
        self.docs: dict[str, Document] = {}

    def reset(self) -> None:
        self.docs = {}

    def collect(self, page: Any, gen: GeneratedPage | None, cat: Catalogue | None) -> None:
        meta = page.meta or {}
        search = meta.get("search")
        if isinstance(search, dict) and search.get("exclude"):
            self.docs.pop(page.url, None)
            return
        kind = gen.kind if gen is not None else "page"
        if gen is not None and gen.kind == "gemeente" and cat is not None:
            text = gemeente_text(cat, gen.key)
        else:
            text = plain_text(page.content or "")
        title = gen.title if gen is not None else str(meta.get("title") or page.title or "")
        headings = [h for h in headings_of(page.toc) if h != title]
        self.docs[page.url] = Document(page.url, title, kind, tuple(headings), text, phone_of(cat, gen))

    def keep_only(self, urls: set[str]) -> None:
        """Forget pages that are no longer part of the site (`wijzer serve` after a deletion)."""
        self.docs = {u: d for u, d in self.docs.items() if u in urls}


COLLECTOR = Collector()
