"""The generated pages (offer, organisation, gemeente, legal topic) as MkDocs files and pages.

``on_files`` adds one in-memory file per page (``File.generated``) and its ``GeneratedDocPage``:
a MkDocs page without Markdown. Its HTML comes from our escaping templates
and its table of contents and search document come from one rendering by its kind
(``wijzer.pages.kinds``).
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from wijzer.pages.kinds import GeneratedPage, RenderedPage, SearchEntry, generated_pages, kind_of
from wijzer.site.rebuilds import TrackedFile

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

    from wijzer.core.catalogue import Catalogue


ANCHOR_ID = re.compile(r'\sid="([^"]+)"')


class GeneratedDocPage(Page):
    """A page made from the data: MkDocs need not build a Markdown converter for it (one per page,
    with every extension); its HTML comes in ``on_page_content`` (``body``)."""

    def __init__(self, file: TrackedFile, config: MkDocsConfig, generated: GeneratedPage) -> None:
        super().__init__(None, file, config)
        self.generated = generated
        self.search: SearchEntry | None = None  # from its rendering

    def render(self, config: MkDocsConfig, files: Files) -> None:
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()

    def set_meta(self, cat: Catalogue) -> None:
        """Material prints page titles unescaped in places; give it text that is already escaped."""
        gen = self.generated
        self.meta["title"] = html.escape(gen.title, quote=True)
        self.meta["description"] = html.escape(gen.description, quote=True)
        self.meta["render_macros"] = False
        self.meta["wijzer_kind"] = gen.kind
        self.meta["quick_exit"] = kind_of(gen).quick_exit(cat, gen.key)

    def with_rendered(self, rendered: RenderedPage) -> str:
        """The page's HTML; MkDocs found no headings in the (empty) Markdown: give Material the
        TOC read from the same rendering (for the skip link), keep its search document, and tell
        MkDocs every anchor the page has, so that a link to one of them (a hand-written page's
        ``juridisch/stem-van-het-kind.md#voor-kinderen-en-jongeren``) passes its check."""
        self.toc = get_toc(rendered.toc)
        self.search = rendered.search
        self.present_anchor_ids = {html.unescape(found) for found in ANCHOR_ID.findall(rendered.html)}
        return rendered.html


def front_matter(page: GeneratedPage) -> str:
    """Generated pages skip mkdocs-macros (their text is data, never a template)."""
    return "---\nrender_macros: false\n---\n"


def add_generated_pages(files: Files, cat: Catalogue, config: MkDocsConfig) -> dict[str, GeneratedPage]:
    """One in-memory file and page per generated page, outside the navigation by design (MkDocs
    need not list them as forgotten). A hand-written file at the same path is an error."""
    pages: dict[str, GeneratedPage] = {}
    for page in generated_pages(cat):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{page.src_uri}: bestaat al in content/ en zou een gegenereerde pagina overschrijven")
        file = TrackedFile.generated(config, page.src_uri, content=front_matter(page), inclusion=InclusionLevel.NOT_IN_NAV)
        files.append(file)
        GeneratedDocPage(file, config, page)  # MkDocs finds it as file.page
        pages[page.src_uri] = page
    return pages


def is_generated(page: Any) -> bool:
    return isinstance(page, GeneratedDocPage)
