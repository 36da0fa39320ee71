"""The one call the MkDocs hooks make after the build: write ``search/`` for the pages made."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from wijzer.core.catalogue import Catalogue
from wijzer.site.search.documents import COLLECTOR, page_key
from wijzer.site.search.index import write_index

log = logging.getLogger("mkdocs.plugins.wijzer")


def write_site_search(site_dir: Path, cat: Catalogue | None, urls: set[str] | None) -> None:
    if urls is not None:
        COLLECTOR.keep_only(urls)
    thesaurus = cat.extras.get("synonyms") if cat is not None else None
    bets = {q: list(pages) for q, pages in (thesaurus.best_bets.items() if thesaurus else ())}
    known = {page_key(u) for u in COLLECTOR.docs}
    missing = sorted({p for pages in bets.values() for p in pages if page_key(p) not in known})
    if missing:  # wijzer validate checks this with file and line; a page left out of search can still slip
        raise PluginError(f"data/synonyms.yaml, best_bets: deze pagina's staan niet in de zoekfunctie: {', '.join(missing)}")
    written = write_index(site_dir, COLLECTOR.docs.values(), thesaurus, bets)
    log.info(
        f"Zoekindex: {len(COLLECTOR.docs)} pagina's, {written.terms} woorden, "
        f"{written.bytes_raw / 1024:.0f} kB (gzip {written.bytes_gzip / 1024:.0f} kB) in {written.files} bestanden"
    )
