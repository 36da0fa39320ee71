"""The kinds of generated page, one module each, and their registry.

``KINDS`` lists them in the order their pages are made; ``kind_of`` finds the kind of a page.
Each kind renders a page once (``PageKind.render``) and reads its table of contents and search
document from that rendering: there is no second rendering of the same facts.
"""

from __future__ import annotations

from wijzer.core.catalogue import Catalogue
from wijzer.pages.kinds.base import GeneratedPage, PageKind, RenderedPage, SearchEntry
from wijzer.pages.kinds.gemeente import GemeenteKind
from wijzer.pages.kinds.offer import OfferKind
from wijzer.pages.kinds.organisation import OrganisationKind
from wijzer.pages.kinds.topic import TopicKind

__all__ = ["KINDS", "GeneratedPage", "PageKind", "RenderedPage", "SearchEntry", "generated_pages", "kind_of", "render"]

KINDS: tuple[PageKind, ...] = (OfferKind(), OrganisationKind(), TopicKind(), GemeenteKind())
_BY_NAME = {kind.name: kind for kind in KINDS}


def kind_of(page: GeneratedPage) -> PageKind:
    return _BY_NAME[page.kind]


def generated_pages(cat: Catalogue) -> list[GeneratedPage]:
    """Every page made from the data: offers, organisations, legal topics, gemeenten."""
    return [page for kind in KINDS for page in kind.pages(cat)]


def render(cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> RenderedPage:
    """The page's HTML, table of contents and search document, from one rendering."""
    return kind_of(page).render(cat, page, directory_urls=directory_urls, overrides=overrides)
