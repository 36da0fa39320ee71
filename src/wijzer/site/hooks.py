"""Search glue, called by the Wijzer plugin (wijzer.site.plugin): collecting each page's search
document while MkDocs renders it, and writing the index after the build.

This is what is left of the old hooks module. Which generated pages show "Snel weg" is now for
their kind to say (wijzer.pages.kinds); everything else moved to modules named by concern:
generated_files, rebuilds, page_security, outputs, progress.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from wijzer.site.state import BuildState, ServeMemory

log = logging.getLogger("mkdocs.plugins.wijzer")


def search_on_config(config: Any, dirty: bool) -> None:
    """A full build collects the search documents anew; `wijzer serve` keeps those of the pages it skips."""
    from wijzer.site.search.documents import COLLECTOR

    if not dirty:
        COLLECTOR.reset()


def search_on_page_context(page: Any, state: BuildState) -> None:
    from wijzer.site.generated_files import GeneratedDocPage
    from wijzer.site.search.documents import COLLECTOR

    COLLECTOR.collect(page, page.search if isinstance(page, GeneratedDocPage) else None)
    state.built.add(page.url)


def search_on_post_build(config: Any, state: BuildState, memory: ServeMemory, *, offline: bool) -> None:
    """The site's own search index (wijzer.site.search), written next to the pages."""
    from wijzer.site.search.build import write_site_search

    if state.catalogue is not None:
        write_site_search(Path(config.site_dir), state.catalogue, state.urls)


