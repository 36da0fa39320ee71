"""What every kind of generated page (offer, organisation, legal topic, gemeente) does, in one
place: say which pages it has, build the template context once, render the HTML from it, and
give that HTML's table of contents and search document. A kind module says only what differs."""

from __future__ import annotations

import html
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

from wijzer.core.catalogue import Catalogue
from wijzer.core.contactrefs import resolve_html
from wijzer.pages.context import context
from wijzer.pages.page_text import plain_text
from wijzer.pages.render import Linker, environment
from wijzer.pages.toc import toc_tokens, with_title_id


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    kind: str  # the name of its PageKind: offer | organisation | topic | gemeente
    key: str
    title: str  # raw text; escape before use in HTML
    description: str
    edit_file: str
    edit_line: int


@dataclass(frozen=True)
class SearchEntry:
    """What the site search knows of a generated page (the site adds its URL)."""

    title: str
    kind: str
    headings: tuple[str, ...]
    text: str
    phone: str | None


@dataclass(frozen=True)
class RenderedPage:
    """One rendering of a page and all that is read from it."""

    page: GeneratedPage
    html: str  # the body, ``[[telefoon:id]]`` resolved, the title with an id (the skip link's target)
    toc: list[dict]  # MkDocs' toc tokens
    search: SearchEntry


class PageKind(ABC):
    name: ClassVar[str]  # GeneratedPage.kind
    search_label: ClassVar[str]  # what a search result says it is
    template: ClassVar[str]

    @abstractmethod
    def pages(self, cat: Catalogue) -> Iterator[GeneratedPage]:
        """This kind's pages, in the order of the data."""

    @abstractmethod
    def values(self, cat: Catalogue, key: str, ctx: dict[str, Any], env: Any) -> dict[str, Any]:
        """What this kind adds to the shared template context for the page of ``key``."""

    def phone(self, cat: Catalogue, key: str) -> str | None:
        """The phone number a search result shows, if any."""
        return None

    def quick_exit(self, cat: Catalogue, key: str) -> bool:
        """Whether the page gets the 'Snel weg' control (pages about violence and unsafety)."""
        return False

    def search_text(self, body: str) -> str:
        """The text of the search document, read from the rendered body."""
        return plain_text(body)

    def body(self, cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> str:
        """The body HTML of a page, with ``[[telefoon:id]]`` references resolved (the golden files)."""
        env = environment(overrides)
        ctx = context(cat, Linker(page.src_uri, directory_urls))
        ctx.update(self.values(cat, page.key, ctx, env))
        return resolve_html(env.get_template(self.template).render(ctx), cat.organisations)

    def render(self, cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> RenderedPage:
        out = with_title_id(self.body(cat, page, directory_urls=directory_urls, overrides=overrides))
        toc = toc_tokens(out)
        headings = tuple(h for h in _names(toc) if h != page.title)
        search = SearchEntry(page.title, self.name, headings, self.search_text(out), self.phone(cat, page.key))
        return RenderedPage(page, out, toc, search)


def _names(toc: list[dict]) -> Iterator[str]:
    for token in toc:
        yield html.unescape(token["name"])
        yield from _names(token["children"])
