"""Search glue and the quick-exit policy, called by the Wijzer plugin (wijzer.site.plugin).

What is left here of the old hooks module are the parts other work owns: Material's search
(section titles, the generated pages' search documents, the index rewrite and the serve-time
merge) and which generated pages show "Snel weg". Everything else moved to modules named by
concern: generated_files, rebuilds, page_security, outputs, progress.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from wijzer.core.catalogue import Catalogue
from wijzer.pages.generated import GeneratedPage
from wijzer.site.state import BuildState, ServeMemory

log = logging.getLogger("mkdocs.plugins.wijzer")

# Generated pages about violence and unsafety: they show the quick-exit control ("Snel weg").
QUICK_EXIT_TOPICS = {"beroepsgeheim-en-meldcode", "kinderbeschermingsmaatregelen", "spoedmaatregelen", "paspoort-vakantie-en-kinderontvoering"}
QUICK_EXIT_OFFERS = {"veilig-thuis-advies", "ondertoezichtstelling"}


def needs_quick_exit(gen: GeneratedPage, cat: Catalogue) -> bool:
    """Generated pages about violence and unsafety get the 'Snel weg' control."""
    if gen.kind == "topic":
        return gen.key in QUICK_EXIT_TOPICS
    if gen.kind == "offer":
        return gen.key in QUICK_EXIT_OFFERS
    if gen.kind == "organisation":
        return cat.organisations[gen.key].kind == "veilig-thuis"
    return False


def search_on_config(config: Any) -> None:
    # `wijzer serve`: Material carries earlier search entries over itself, correctly only when one
    # page was rebuilt; _merge_search_index does that for any number of pages, so Material starts
    # from nothing in every build.
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None


def search_on_page_context(page: Any, state: BuildState) -> None:
    from wijzer.site.search_index import section_titles

    state.titles.update(section_titles(page.url, page.toc))
    state.built.add(page.url)


def search_on_post_build(config: Any, state: BuildState, memory: ServeMemory, *, offline: bool) -> None:
    cat = state.catalogue
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.exists():
        from wijzer.site.search_index import rewrite_index_file, write_worker

        if memory.dirty:
            _merge_search_index(index_file, state, memory)
        write_worker(Path(config.site_dir))
        thesaurus = cat.extras.get("synonyms") if cat is not None else None
        core, full = _generated_search_docs(config, state)
        raw, gzipped = rewrite_index_file(index_file, thesaurus, state.titles, core, full, single=offline)
        if offline:  # Material's offline plugin wrote its script from the file before we added to it
            index_file.with_suffix(".js").write_text("var __index = " + index_file.read_text(encoding="utf-8"), encoding="utf-8")
        log.info(f"Zoekindex: {raw / 1024:.0f} kB, met gzip {gzipped / 1024:.0f} kB")


def _generated_search_docs(config: Any, state: BuildState) -> tuple[list[dict], list[dict]]:
    from wijzer.pages.render import page_url
    from wijzer.pages.search_docs import generated_docs

    cat = state.catalogue
    return generated_docs(cat, state.pages.values(), lambda p: page_url(p.src_uri, config.use_directory_urls))


def _merge_search_index(index_file: Path, state: BuildState, memory: ServeMemory) -> None:
    """In a dirty rebuild Material indexes only the rebuilt pages: keep the other pages' entries."""
    fresh = json.loads(index_file.read_text(encoding="utf-8"))
    previous = memory.search_index
    if previous is not None:
        built, urls = state.built, state.urls
        page = lambda doc: doc["location"].split("#")[0]  # noqa: E731
        kept = [doc for doc in previous["docs"] if page(doc) not in built and page(doc) in urls]
        fresh["docs"] = kept + fresh["docs"]
        index_file.write_text(json.dumps(fresh, ensure_ascii=False), encoding="utf-8")
    memory.search_index = fresh
