"""MkDocs hooks: a thin adapter that wires MkDocs events to the pure core.

- on_config: load and check the data; any error stops the build with every problem listed.
- on_files: add one in-memory page per offer, organisation, gemeente and legal topic.
- on_page_markdown / on_page_content: generated pages skip Markdown and macros entirely;
  their HTML comes from our escaped templates.
- on_post_build: open data (JSON/CSV) next to the pages.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import logging
import os
from pathlib import Path
from typing import Any

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from wijzer.core import clock
from wijzer.core.catalogue import Catalogue, load_cached
from wijzer.core.problems import report
from wijzer.editors.report import REPORT_URI
from wijzer.pages.generated import GeneratedPage, generated_pages, render_page
from wijzer.pages.render import nl_date
from wijzer.site import fingerprint

log = logging.getLogger("mkdocs.plugins.wijzer")

_state: dict[str, Any] = {"catalogue": None, "pages": {}, "titles": {}, "built": set()}
# Generated pages about violence and unsafety: they show the quick-exit control ("Snel weg").
QUICK_EXIT_TOPICS = {"beroepsgeheim-en-meldcode", "kinderbeschermingsmaatregelen", "spoedmaatregelen", "paspoort-vakantie-en-kinderontvoering"}
QUICK_EXIT_OFFERS = {"veilig-thuis-advies", "ondertoezichtstelling"}


def data_dir(config: Any) -> Path:
    configured = os.environ.get("WIJZER_DATA") or config.extra.get("wijzer", {}).get("data_dir", "data")
    return Path(config.config_file_path).parent / configured


def catalogue_for(config: Any) -> Catalogue:
    result = load_cached(data_dir(config))
    if result.errors:
        raise PluginError("De gegevens bevatten fouten:\n" + report(result.problems))
    for problem in result.warnings:
        log.info(str(problem))  # stale reviews: `wijzer validate --strict` is where they fail
    assert result.catalogue is not None
    return result.catalogue


def on_config(config: Any) -> Any:
    _state["catalogue"] = cat = catalogue_for(config)
    log.info(f"Gegevens ingelezen: {len(cat.offers)} aanbod, {len(cat.organisations)} organisaties, {len(cat.gemeenten)} gemeenten")
    # `wijzer serve`: Material carries earlier search entries over itself, correctly only when one
    # page was rebuilt; _merge_search_index does that for any number of pages, so Material starts
    # from nothing in every build.
    search = config.plugins.get("material/search")
    if search is not None and hasattr(search, "search_index_prev"):
        search.search_index_prev = None
    _state["fingerprinted"] = fingerprint.rename_assets(config)
    return config


def on_files(files: Files, config: Any) -> Files:
    cat = catalogue_for(config)
    _state["catalogue"] = cat
    pages: dict[str, GeneratedPage] = {}
    for page in generated_pages(cat):
        if files.get_file_from_path(page.src_uri) is not None:
            raise PluginError(f"{page.src_uri}: bestaat al in content/ en zou een gegenereerde pagina overschrijven")
        # outside the navigation by design: MkDocs need not list them as forgotten
        files.append(File.generated(config, page.src_uri, content=_front_matter(page), inclusion=InclusionLevel.NOT_IN_NAV))
        pages[page.src_uri] = page
    fingerprint.add_files(files, config, _state.get("fingerprinted", {}))
    if files.get_file_from_path(REPORT_URI) is None:  # the editors' report: not in the navigation
        files.append(File.generated(config, REPORT_URI, content="", inclusion=InclusionLevel.NOT_IN_NAV))
    _state["pages"] = pages
    _state["built"] = set()
    _state["urls"] = {"" if f.url == "./" else f.url for f in files.documentation_pages()}  # as page.url
    _state["progress"] = [0, len(_state["urls"])]
    log.info(f"{len(_state['urls'])} pagina's te maken: {len(pages)} uit de gegevens, {len(_state['urls']) - len(pages)} andere")
    # What else a page's Markdown output depends on: the files it may link to and the extensions.
    _state["render_inputs"] = hash((tuple(sorted(f.src_uri for f in files)), repr(config.markdown_extensions), repr(config.mdx_configs)))
    if _state.get("dirty"):
        _mark_unchanged(files, pages, cat, config)
    else:
        _state["titles"] = {}
    return files


def _front_matter(page: GeneratedPage) -> str:
    """Generated pages skip mkdocs-macros (their text is data, never a template); offers,
    organisations and gemeenten also skip Material's HTML indexing: their search documents
    come from the data (wijzer.pages.search_docs)."""
    from wijzer.pages.search_docs import KINDS

    search = "search:\n  exclude: true\n" if page.kind in KINDS else ""
    return f"---\nrender_macros: false\n{search}---\n"


def _mark_unchanged(files: Files, pages: dict[str, GeneratedPage], cat: Catalogue, config: Any) -> None:
    """`wijzer serve` rebuilds only what changed: a generated page whose HTML is the same as in
    the previous build is skipped; hand-written pages are read again when the data changed (their
    macros show data), and skipped after all when their content came out the same
    (``_skip_if_unchanged``) — unless a hand-written page or mkdocs.yml changed, which can change
    the navigation or the theme of every page."""
    import hashlib

    overrides = str(Path(config.config_file_path).parent / "overrides")
    bodies = {uri: render_page(cat, gen, directory_urls=config.use_directory_urls, overrides=overrides) for uri, gen in pages.items()}
    hashes = {uri: hashlib.sha256(body.encode()).digest() for uri, body in bodies.items()}
    previous = _state.get("hashes")
    data_changed = previous is not None and cat is not _state.get("previous_catalogue")
    settings = Path(config.config_file_path).read_bytes()
    handwritten = [f for f in files.documentation_pages() if f.src_uri not in pages and f.src_uri != REPORT_URI]
    _state["pages_may_skip"] = (
        previous is not None and settings == _state.get("settings") and not any(f.is_modified() for f in handwritten)
    )
    _state.update(bodies=bodies, hashes=hashes, previous_catalogue=cat, settings=settings)
    if previous is None:
        return
    for file in files.documentation_pages():
        if file.src_uri in pages:
            if previous.get(file.src_uri) == hashes[file.src_uri]:
                file.is_modified = lambda: False  # type: ignore[method-assign]
        elif data_changed:
            file.is_modified = lambda: True  # type: ignore[method-assign]


def _generated(page: Any) -> GeneratedPage | None:
    return _state["pages"].get(page.file.src_uri)


def on_pre_page(page: Any, config: Any, files: Files) -> Any:
    """A generated page has no Markdown: MkDocs need not build a Markdown converter for it
    (one per page, with every extension); its HTML comes in ``on_page_content``. In `wijzer
    serve` a hand-written page whose Markdown (after the macros) did not change keeps its HTML."""
    if _generated(page) is not None:
        page.render = functools.partial(_render_without_markdown, page)
        return page
    from wijzer.pages import blocks

    blocks.start_page()
    if _state.get("dirty"):
        page.render = functools.partial(_render_remembered, page, page.render)
    return page


def _render_remembered(page: Any, render: Any, config: Any, files: Files) -> None:
    """Python-Markdown once per distinct text of a page (`wijzer serve` rebuilds every
    hand-written page after a data edit, as their macros show data)."""
    memo = _state.setdefault("rendered", {})
    key = (page.file.src_uri, page.markdown, _state["render_inputs"])
    if key in memo:
        content, toc, title, anchors, links = memo[key]
        page.content, page.toc, page._title_from_render, page.present_anchor_ids = content, toc, title, anchors
        page.links_to_anchors = links
        return
    render(config, files)
    memo.pop(next((k for k in memo if k[0] == page.file.src_uri), None), None)  # one text per page
    memo[key] = (page.content, page.toc, page._title_from_render, page.present_anchor_ids, page.links_to_anchors)


def _render_without_markdown(page: Any, config: Any, files: Files) -> None:
    from mkdocs.structure.toc import get_toc

    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def on_page_markdown(markdown: str, page: Any, config: Any, files: Files) -> str:
    if page.file.src_uri == REPORT_URI:
        return _report_markdown(page)
    gen = _generated(page)
    if gen is None:
        # Material prints a page's front-matter title and description unescaped (in <title>, the
        # header and <meta name="description">): a quote or '<' there would break the page.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key], quote=True)
        if isinstance(page.meta.get("reviewed"), dt.date):  # "Laatst gecontroleerd" in Dutch
            page.meta["reviewed_label"] = nl_date(page.meta["reviewed"])
        return markdown
    # Material prints page titles unescaped in places; give it text that is already escaped.
    page.meta["title"] = html.escape(gen.title, quote=True)
    page.meta["description"] = html.escape(gen.description, quote=True)
    page.meta["render_macros"] = False
    page.meta["wijzer_kind"] = gen.kind
    page.meta["quick_exit"] = needs_quick_exit(gen, _state["catalogue"])
    return ""


def on_page_content(content: str, page: Any, config: Any, files: Files) -> str:
    if page.file.src_uri == REPORT_URI:
        return _report_html(config)
    gen = _generated(page)
    if gen is None:
        return _with_phone_numbers(_put_back_blocks(content, page))
    if gen.src_uri in _state.get("bodies", {}):
        return _state["bodies"][gen.src_uri]
    out = render_page(
        _state["catalogue"],
        gen,
        directory_urls=config.use_directory_urls,
        overrides=str(Path(config.config_file_path).parent / "overrides"),
    )
    # MkDocs found no headings in the (empty) Markdown: give Material a TOC for the skip link.
    from mkdocs.structure.toc import get_toc

    from wijzer.pages.toc import toc_tokens, with_title_id

    out = with_title_id(out)
    page.toc = get_toc(toc_tokens(out))
    return out


def _with_phone_numbers(html_text: str) -> str:
    """``[[telefoon:id]]`` in data texts becomes the organisation's number (wijzer.core.contactrefs)."""
    from wijzer.core.contactrefs import resolve_html

    cat = _state.get("catalogue")
    return resolve_html(html_text, cat.organisations) if cat is not None else html_text


def _put_back_blocks(content: str, page: Any) -> str:
    """The HTML blocks of the page's macros, in the places Markdown kept for them (wijzer.pages.blocks)."""
    from wijzer.pages import blocks

    content, ids, unknown = blocks.put_back(content)
    if unknown:
        raise PluginError(f"{page.file.src_uri}: macro-uitvoer kwam niet op zijn plaats terecht ({len(unknown)}×)")
    page.present_anchor_ids = set(page.present_anchor_ids or ()) | ids
    if _state.get("dirty"):
        _skip_if_unchanged(page, content)
    return content


def _skip_if_unchanged(page: Any, content: str) -> None:
    """`wijzer serve`: a hand-written page whose content is what it was in the previous build
    keeps the file it has (MkDocs reads every page before it writes any)."""
    contents = _state.setdefault("contents", {})
    same = contents.get(page.file.src_uri) == content
    contents[page.file.src_uri] = content
    if same and _state.get("pages_may_skip"):
        page.file.is_modified = lambda: False


def needs_quick_exit(gen: GeneratedPage, cat: Catalogue) -> bool:
    """Generated pages about violence and unsafety get the 'Snel weg' control."""
    if gen.kind == "topic":
        return gen.key in QUICK_EXIT_TOPICS
    if gen.kind == "offer":
        return gen.key in QUICK_EXIT_OFFERS
    if gen.kind == "organisation":
        return cat.organisations[gen.key].kind == "veilig-thuis"
    return False


def on_page_context(context: dict, page: Any, config: Any, nav: Any) -> dict:
    from wijzer.site.search_index import section_titles

    _state["titles"].update(section_titles(page.url, page.toc))
    _state["built"].add(page.url)
    gen = _generated(page)
    if gen is not None:
        base = config.extra.get("wijzer", {}).get("edit_data_base")
        page.edit_url = f"{base}{gen.edit_file.removeprefix('data/')}" if base else None
    return context


class _MemoryBytecode(BytecodeCache):
    """Jinja's compiled theme templates, kept between `wijzer serve` rebuilds (MkDocs makes a new
    environment for every rebuild; Jinja checks each template's source checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecode()


def on_env(env: Any, config: Any, files: Files) -> Any:
    from wijzer.site.sidebar import SidebarMemo

    env.globals["wijzer_sidebar"] = SidebarMemo()
    env.globals["wijzer_contact"] = _contact
    if _state.get("dirty"):
        env.bytecode_cache = _BYTECODE
    return env


def _contact(org_id: str) -> dict[str, str] | None:
    """Name and numbers of an organisation for the theme (the crisis banner on every page), from
    data/organisations.yaml: a number is written down once. None when it has no phone number."""
    from wijzer.core.fields import phone_href

    cat = _state.get("catalogue")
    org = cat.organisations.get(org_id) if cat is not None else None
    if org is None or not (org.contact.phone or org.contact.short_number):
        return None
    numbers = [n for n in (org.contact.short_number, org.contact.phone) if n]
    return {"name": org.name, "numbers": [(n, phone_href(n)) for n in numbers]}


def on_startup(command: str, dirty: bool) -> None:
    _state["dirty"] = dirty
    # `serve` injects an inline live-reload script into every page; the policy would block it.
    _state["serving"] = command == "serve"


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Content-Security-Policy: refuse executable content, move the theme's inline scripts out, add the <meta>."""
    if page.file.src_uri == REPORT_URI:  # the editors' report: not for search engines
        output = output.replace("<head>", '<head>\n<meta name="robots" content="noindex, nofollow">', 1)
    from wijzer.site import csp

    # The preview skips generated pages: their HTML comes from our escaping templates, and every
    # real build checks them (and the whole page) all the same.
    preview_of_generated = _state.get("serving") and _generated(page) is not None
    found = [] if preview_of_generated else csp.check_content(page.content or "")
    if found:
        raise PluginError(
            f"{page.file.src_uri}: de inhoud bevat {'; '.join(found)}. Dat mag niet: de site voert alleen "
            "eigen scripts uit (Content-Security-Policy, zie docs/security.md)."
        )
    from wijzer.pages.render import external_rel

    prefix = "../" * page.file.dest_uri.count("/")
    output = _secure(external_rel(output), config, prefix, page.file.src_uri)
    _count_page()
    return output


def _count_page() -> None:
    """Progress in a terminal (`wijzer build` logs INFO only there): a line per tenth of the pages."""
    if _state.get("serving") or "progress" not in _state:
        return
    progress = _state["progress"]
    progress[0] += 1
    done, total = progress
    if done == total or done % max(1, total // 10) == 0:
        log.info(f"Pagina's gemaakt: {done} van {total}")


def _offline(config: Any) -> bool:
    """The offline build (mkdocs.offline.yml): its search runs in Material's iframe shim, which
    writes an inline script, so that build has no CSP <meta>; it is opened from disk, no network."""
    return bool(config.extra.get("wijzer", {}).get("offline"))


def _secure(output: str, config: Any, prefix: str, name: str) -> str:
    from wijzer.site import csp
    from wijzer.site.html_fixes import fix_theme_html

    output = fix_theme_html(output)  # Nu Html Checker: Material's few invalid attributes

    try:
        return csp.secure_page(
            output,
            config.site_dir,
            prefix,
            tuple(config.theme.dirs),
            meta=not _state.get("serving") and not _offline(config),
            check=not _state.get("serving"),  # the preview checks the content only (on_post_page)
        )
    except csp.UnsafePage as exc:
        raise PluginError(
            f"{name}: de pagina bevat {exc}. Dat mag niet: de site voert alleen eigen scripts uit "
            "(Content-Security-Policy, zie docs/security.md)."
        ) from exc


def on_post_template(output_content: str, template_name: str, config: Any) -> str:
    if not template_name.endswith(".html"):  # sitemap.xml
        return output_content
    return _secure(output_content, config, "", template_name)


def on_post_build(config: Any) -> None:
    log.info("Redactieomgeving, open data en zoekindex schrijven")
    _write_cms(config)
    from wijzer.site.opendata import write_open_data

    cat = _state["catalogue"]
    if cat is not None:
        write_open_data(cat, Path(config.site_dir) / "data")
        if not _offline(config):
            _write_finder_summaries(cat, Path(config.site_dir))
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if index_file.exists():
        from wijzer.site.search_index import rewrite_index_file, write_worker

        if _state.get("dirty"):
            _merge_search_index(index_file)
        write_worker(Path(config.site_dir))
        thesaurus = cat.extras.get("synonyms") if cat is not None else None
        core, full = _generated_search_docs(config)
        offline = _offline(config)
        raw, gzipped = rewrite_index_file(index_file, thesaurus, _state["titles"], core, full, single=offline)
        if offline:  # Material's offline plugin wrote its script from the file before we added to it
            index_file.with_suffix(".js").write_text("var __index = " + index_file.read_text(encoding="utf-8"), encoding="utf-8")
        log.info(f"Zoekindex: {raw / 1024:.0f} kB, met gzip {gzipped / 1024:.0f} kB")


def _generated_search_docs(config: Any) -> tuple[list[dict], list[dict]]:
    from wijzer.pages.render import page_url
    from wijzer.pages.search_docs import generated_docs

    cat = _state["catalogue"]
    return generated_docs(cat, _state["pages"].values(), lambda p: page_url(p.src_uri, config.use_directory_urls))


def _write_finder_summaries(cat: Catalogue, site_dir: Path) -> None:
    """The summaries the finder page does not carry itself (wijzer.pages.finder.summary_chunks)."""
    import json
    import shutil

    from wijzer.pages.finder import SUMMARY_FOLDER, summary_chunks

    folder = site_dir / SUMMARY_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    chunks = summary_chunks(cat)
    if chunks:
        folder.mkdir(parents=True)
    for name, summaries in chunks.items():
        (folder / name).write_text(json.dumps(summaries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _merge_search_index(index_file: Path) -> None:
    """In a dirty rebuild Material indexes only the rebuilt pages: keep the other pages' entries."""
    import json

    fresh = json.loads(index_file.read_text(encoding="utf-8"))
    previous = _state.get("search_index")
    if previous is not None:
        built, urls = _state["built"], _state["urls"]
        page = lambda doc: doc["location"].split("#")[0]  # noqa: E731
        kept = [doc for doc in previous["docs"] if page(doc) not in built and page(doc) in urls]
        fresh["docs"] = kept + fresh["docs"]
        index_file.write_text(json.dumps(fresh, ensure_ascii=False), encoding="utf-8")
    _state["search_index"] = fresh


# --------------------------------------------------------------------------- editors: report page and CMS


def _report_markdown(page: Any) -> str:
    page.meta["title"] = "Inhoudsrapport voor de redactie"
    page.meta["description"] = "Wat de redactie moet nakijken: verlopen controles, ontbrekende bronnen en verwijzingen."
    page.meta["render_macros"] = False
    page.meta["search"] = {"exclude": True}
    page.meta["wijzer_kind"] = "report"
    return ""


def _report_html(config: Any) -> str:

    from wijzer.editors.report import build_report, to_html

    findings = build_report(load_cached(data_dir(config)), Path(config.docs_dir), clock.today())
    return to_html(
        findings,
        directory_urls=config.use_directory_urls,
        overrides=str(Path(config.config_file_path).parent / "overrides"),
        edit_base=config.extra.get("wijzer", {}).get("edit_data_base"),
    )


def _write_cms(config: Any) -> None:
    """admin/: Sveltia CMS from node_modules with a config generated from the models (docs/cms.md)."""
    from wijzer.site.admin import CmsMissing, build_admin

    root = Path(config.config_file_path).parent
    key = (config.site_dir, repr(config.extra.get("wijzer", {})), config.site_url)
    if _state.get("dirty") and _state.get("cms") == key and (Path(config.site_dir) / "admin").is_dir():
        return  # `wijzer serve`: the CMS does not depend on the data
    _state["cms"] = key
    try:
        build_admin(root, Path(config.site_dir), config.extra.get("wijzer", {}), dict(os.environ), config.site_url)
    except CmsMissing as exc:
        raise PluginError(f"Redactieomgeving admin/: {exc}") from exc
