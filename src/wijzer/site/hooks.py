"""Search glue and the quick-exit policy, called by the Wijzer plugin (wijzer.site.plugin).

What is left here of the old hooks module are the parts other work owns: Material's search
(section titles, the generated pages' search documents, the index rewrite and the serve-time
merge) and which generated pages show "Snel weg". Everything else moved to modules named by
concern: generated_files, rebuilds, page_security, outputs, progress.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from wijzer.core.catalogue import Catalogue
from wijzer.pages.generated import GeneratedPage
from wijzer.site.state import BuildState, ServeMemory

log = logging.getLogger("mkdocs.plugins.wijzer")

def needs_quick_exit(gen: GeneratedPage, cat: Catalogue) -> bool:
    """Generated pages about violence and unsafety get the 'Snel weg' control: the data says which
    (``quick_exit: true`` on an offer, organisation or legal topic; every Veilig Thuis)."""
    if gen.kind == "topic":
        return cat.topics[gen.key].quick_exit
    if gen.kind == "offer":
        return cat.offers[gen.key].quick_exit
    if gen.kind == "organisation":
        org = cat.organisations[gen.key]
        return org.quick_exit or org.kind == "veilig-thuis"
    return False


def search_on_config(config: Any, dirty: bool) -> None:
    """A full build collects the search documents anew; `wijzer serve` keeps those of the pages it skips."""
    from wijzer.site.search.documents import COLLECTOR

    if not dirty:
        COLLECTOR.reset()


def search_on_page_context(page: Any, state: BuildState) -> None:
    from wijzer.site.generated_files import GeneratedDocPage
    from wijzer.site.search.documents import COLLECTOR

    gen = page.generated if isinstance(page, GeneratedDocPage) else None
    COLLECTOR.collect(page, gen, state.catalogue)
    state.built.add(page.url)


def search_on_post_build(config: Any, state: BuildState, memory: ServeMemory, *, offline: bool) -> None:
    """The site's own search index (wijzer.site.search), written next to the pages."""
    from wijzer.site.search.build import write_site_search

    if state.catalogue is not None:
        write_site_search(Path(config.site_dir), state.catalogue, state.urls)


