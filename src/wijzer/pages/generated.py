"""Pure page generation: Catalogue -> the generated pages and their body HTML, through the kinds
in ``wijzer.pages.kinds`` (one module per kind). No MkDocs here: the plugin, the tests and the
benchmark floor call the same functions."""

from __future__ import annotations

from wijzer.core.catalogue import Catalogue
from wijzer.pages.kinds import GeneratedPage, generated_pages, kind_of

__all__ = ["GeneratedPage", "generated_pages", "render_page"]


def render_page(cat: Catalogue, page: GeneratedPage, *, directory_urls: bool = True, overrides: str | None = None) -> str:
    """The body HTML of a generated page, with ``[[telefoon:id]]`` references resolved."""
    return kind_of(page).body(cat, page, directory_urls=directory_urls, overrides=overrides)
