"""The Wijzer MkDocs plugin: ``plugins: [wijzer]`` in mkdocs.yml (entry point ``wijzer``).

- on_config: load and check the data; any error stops the build with every problem listed.
- on_files: add one in-memory page per offer, organisation, gemeente and legal topic.
- on_page_markdown / on_page_content: generated pages skip Markdown and macros entirely;
  their HTML comes from our escaped templates.
- on_post_page / on_post_template: Content-Security-Policy and HTML repair.
- on_post_build: open data (JSON/CSV), the CMS, and the search index next to the pages.
- on_serve: `wijzer serve` also watches the data folder.

The plugin's state lives on its instance (``BuildState`` for one build, ``ServeMemory`` across the
rebuilds of one `serve`); the work itself lives in modules named by concern.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from wijzer.core.catalogue import Catalogue, LoadResult, load_cached
from wijzer.core.problems import report
from wijzer.editors.report import REPORT_URI
from wijzer.pages.kinds import GeneratedPage, RenderedPage, render
from wijzer.pages.render import nl_date
from wijzer.site import fingerprint, hooks, outputs, page_assets, page_security, rebuilds, theme_context
from wijzer.site.generated_files import GeneratedDocPage, add_generated_pages
from wijzer.site.page_assets import PageAssets
from wijzer.site.progress import count_page
from wijzer.site.sidebar import SidebarMemo
from wijzer.site.state import BuildState, Progress, ServeMemory

log = logging.getLogger("mkdocs.plugins.wijzer")

__all__ = ["CmsConfig", "WijzerConfig", "WijzerPlugin"]


class CmsConfig(base.Config):
    """Where the editors' CMS (``admin/``) saves its pull requests (docs/cms.md). Each setting can
    also come from the environment (``WIJZER_CMS_REPO``, ``WIJZER_CMS_BRANCH``, ``WIJZER_CMS_AUTH_URL``,
    ``WIJZER_CMS=off``), which wins."""

    enabled = c.Type(bool, default=True)
    """False: build no ``admin/``."""
    repo = c.Optional(c.Type(str))
    """``owner/name`` of the repository; default: taken from ``edit_data_base``."""
    branch = c.Optional(c.Type(str))
    """The branch the pull requests go to; default: taken from ``edit_data_base``, else ``main``."""
    auth_url = c.Optional(c.Type(str))
    """The sign-in service for GitHub (an OAuth proxy); default: none (the editor uses a token)."""


class ColophonConfig(base.Config):
    """The colophon in the footer: who runs the platform, how to reach them, when it was last updated."""

    organisation = c.Optional(c.Type(str))
    """The organisation that runs the platform, e.g. "de jeugdregio IJsselland"."""
    contact = c.Optional(c.Type(str))
    """An e-mail address or an https page where visitors can reach the editors."""
    date = c.Optional(c.Type(str))
    """When the platform was last updated, in words, e.g. "december 2026"."""


class WijzerConfig(base.Config):
    """The plugin's settings in mkdocs.yml (``plugins: - wijzer: {...}``)."""

    data_dir = c.Type(str, default="data")
    """The folder with the YAML data, relative to mkdocs.yml. The environment variable
    ``WIJZER_DATA`` replaces it (the benchmark and tests build other data with the same site)."""
    edit_data_base = c.Optional(c.Type(str))
    """Where the edit links of generated pages point: this plus the data file's name
    (e.g. ``https://github.com/owner/repo/edit/main/data/``). None: generated pages have no edit link."""
    quick_exit_url = c.Type(str, default="https://www.google.nl/")
    """Where "Snel weg" (on pages about violence, only when the visitor asks) goes: any neutral https site."""
    offline = c.Type(bool, default=False)
    """The build opened from disk (mkdocs.offline.yml): every finder summary inline, no CSP ``<meta>``
    (Material's offline search writes an inline script), one search index file."""
    cms = c.SubConfig(CmsConfig)
    """The editors' CMS; see ``CmsConfig``."""
    colophon = c.SubConfig(ColophonConfig)
    """Who runs this platform, shown in the footer of every page; see ``ColophonConfig``."""
    theme = c.Type(str, default="wijzer")
    """The look: the design tokens in ``overrides/assets/tokens/<theme>.css`` (colours, heading weight),
    mapped onto Material's ``--md-*`` variables. A region adds its own file and names it here."""


class WijzerPlugin(BasePlugin[WijzerConfig]):
    def __init__(self) -> None:
        self.state = BuildState()
        self.memory = ServeMemory()
        self.overrides: str | None = None  # theme.custom_dir: may hold wijzer/ templates that replace ours
        self.data_path: Path = Path("data")
        self.fingerprinted = fingerprint.Published()  # our assets under content-hashed names (wijzer.site.fingerprint)
        self.page_assets = PageAssets((), {})  # the files only some pages load (wijzer.site.page_assets)

    # ------------------------------------------------------------------ data

    @property
    def catalogue(self) -> Catalogue:
        """The checked data of this build (the macros ask for it)."""
        if self.state.catalogue is None:
            raise PluginError("De gegevens zijn nog niet ingelezen (on_config van de wijzer-plugin liep niet).")
        return self.state.catalogue

    def load(self) -> LoadResult:
        return load_cached(self.data_path)

    def _checked_catalogue(self) -> Catalogue:
        result = self.load()
        if result.errors:
            raise PluginError("De gegevens bevatten fouten:\n" + report(result.problems))
        for problem in result.warnings:
            log.info(str(problem))  # stale reviews: `wijzer validate --strict` is where they fail
        assert result.catalogue is not None
        return result.catalogue

    def cms_settings(self) -> dict[str, Any]:
        """The CMS settings as wijzer.site.admin reads them."""
        return {"cms": dict(self.config.cms), "edit_data_base": self.config.edit_data_base, "data_dir": self.config.data_dir}

    # ------------------------------------------------------------------ events

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.memory.dirty = dirty
        # `serve` injects an inline live-reload script into every page; the policy would block it.
        self.memory.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        self.data_path = root / (os.environ.get("WIJZER_DATA") or self.config.data_dir)
        self.overrides = config.theme.custom_dir
        cat = self._checked_catalogue()
        titles = self.state.titles if self.memory.dirty else {}
        self.state = BuildState(catalogue=cat, titles=titles)
        # The region's design tokens come first among our style sheets (overrides/assets/tokens/<theme>.css).
        tokens = f"assets/tokens/{self.config.theme}.css"
        custom = fingerprint.custom_dir(config)
        if custom is None or not (custom / tokens).is_file():
            known = sorted(p.stem for p in (custom / "assets" / "tokens").glob("*.css")) if custom else []
            raise PluginError(f"Huisstijl '{self.config.theme}' (plugins → wijzer → theme in mkdocs.yml) bestaat niet: "
                              f"{tokens} ontbreekt in {custom}. Kies uit: {', '.join(known) or 'geen'} (docs/huisstijl.md).")
        if tokens not in config.extra_css:
            config.extra_css.insert(0, tokens)
        twice = page_assets.listed_site_wide(config.extra_css, config.extra_javascript)
        if twice:
            raise PluginError("Deze bestanden staan in extra_css of extra_javascript in mkdocs.yml, maar Wijzer laadt ze zelf "
                              "op de pagina's die ze gebruiken (src/wijzer/site/page_assets.py). Haal ze uit de lijst: "
                              + ", ".join(twice))
        self.fingerprinted = fingerprint.rename_assets(config)  # our CSS and JS under content-hashed names
        self.page_assets = PageAssets.publish(fingerprint.custom_dir(config), self.fingerprinted)
        log.info(f"Gegevens ingelezen: {len(cat.offers)} aanbod, {len(cat.organisations)} organisaties, {len(cat.gemeenten)} gemeenten")
        hooks.search_on_config(config, self.memory.dirty)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        state = self.state
        assert state.catalogue is not None
        if self.memory.dirty:
            rebuilds.track_handwritten(files, skip={REPORT_URI})
        state.pages = add_generated_pages(files, state.catalogue, config)
        fingerprint.add_files(files, config, self.fingerprinted)
        if files.get_file_from_path(REPORT_URI) is None:  # the editors' report: not in the navigation
            files.append(File.generated(config, REPORT_URI, content="", inclusion=InclusionLevel.NOT_IN_NAV))
        state.built = set()
        state.urls = {"" if f.url == "./" else f.url for f in files.documentation_pages()}  # as page.url
        state.progress = Progress(0, len(state.urls))
        log.info(f"{len(state.urls)} pagina's te maken: {len(state.pages)} uit de gegevens, {len(state.urls) - len(state.pages)} andere")
        if self.memory.dirty:
            rebuilds.mark_unchanged(files, state, self.memory, config, lambda gen: self._render(gen, config), {REPORT_URI})
        return files

    def _render(self, gen: GeneratedPage, config: MkDocsConfig) -> RenderedPage:
        return render(self.catalogue, gen, directory_urls=config.use_directory_urls, overrides=self.overrides)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if not isinstance(page, GeneratedDocPage):
            from wijzer.pages import blocks

            blocks.start_page()
        return page

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == REPORT_URI:
            outputs.report_meta(page.meta)
            return ""
        if isinstance(page, GeneratedDocPage):
            page.set_meta(self.catalogue)
            return ""
        # Material prints a page's front-matter title and description unescaped (in <title>, the
        # header and <meta name="description">): a quote or '<' there would break the page.
        for key in ("title", "description"):
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key], quote=True)
        if isinstance(page.meta.get("reviewed"), dt.date):  # "Laatst gecontroleerd" in Dutch
            page.meta["reviewed_label"] = nl_date(page.meta["reviewed"])
        return markdown

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == REPORT_URI:
            return outputs.report_html(self.load(), Path(config.docs_dir), directory_urls=config.use_directory_urls,
                                       overrides=self.overrides, edit_base=self.config.edit_data_base)
        if isinstance(page, GeneratedDocPage):
            rendered = self.state.bodies.get(page.file.src_uri)
            return page.with_rendered(rendered if rendered is not None else self._render(page.generated, config))
        return theme_context.with_phone_numbers(self._put_back_blocks(content, page), self.state.catalogue)

    def _put_back_blocks(self, content: str, page: Page) -> str:
        """The HTML blocks of the page's macros, in the places Markdown kept for them (wijzer.pages.blocks)."""
        from wijzer.pages import blocks

        content, ids, unknown = blocks.put_back(content)
        if unknown:
            raise PluginError(f"{page.file.src_uri}: macro-uitvoer kwam niet op zijn plaats terecht ({len(unknown)}×)")
        page.present_anchor_ids = set(page.present_anchor_ids or ()) | ids
        if self.memory.dirty:
            rebuilds.skip_if_unchanged(page.file, content, self.memory)
        return content

    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        hooks.search_on_page_context(page, self.state)
        context["wijzer_page_files"] = self.page_assets.for_page(page)  # overrides/main.html links them
        if isinstance(page, GeneratedDocPage):
            base_url = self.config.edit_data_base
            page.edit_url = f"{base_url}{page.generated.edit_file.removeprefix('data/')}" if base_url else None
        return context

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        env.globals["wijzer_sidebar"] = SidebarMemo()
        env.globals["wijzer"] = self.config  # the templates' settings, e.g. wijzer.quick_exit_url
        env.globals["wijzer_asset"] = lambda path: self.fingerprinted.name(path)  # an asset's published (fingerprinted) path
        env.globals["wijzer_contact"] = lambda org_id: theme_context.contact(self.state.catalogue, org_id)
        if self.memory.dirty:
            env.bytecode_cache = self.memory.bytecode
        return env

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri == REPORT_URI:
            output = page_security.not_for_robots(output)
        # The preview skips generated pages: their HTML comes from our escaping templates, and every
        # real build checks them (and the whole page) all the same.
        if not (self.memory.serving and isinstance(page, GeneratedDocPage)):
            page_security.check_page_content(page.content or "", page.file.src_uri)
        output = page_security.secure_page(output, config, page.file.dest_uri, page.file.src_uri,
                                           serving=self.memory.serving, offline=self.config.offline)
        if not self.memory.serving:
            count_page(self.state.progress)
        return output

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        if not template_name.endswith(".html"):  # sitemap.xml
            return output_content
        return page_security.secure(output_content, config, "", template_name, serving=self.memory.serving, offline=self.config.offline)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        log.info("Redactieomgeving, open data en zoekindex schrijven")
        site_dir = Path(config.site_dir)
        key = (config.site_dir, repr(dict(self.config)), config.site_url)
        if not (self.memory.dirty and self.memory.cms == key and (site_dir / "admin").is_dir()):  # serve: CMS does not depend on the data
            self.memory.cms = key
            outputs.write_cms(Path(config.config_file_path).parent, site_dir, self.cms_settings(), dict(os.environ), config.site_url)
        cat = self.state.catalogue
        if cat is not None:
            outputs.write_open_data(cat, site_dir / "data")
            if not self.config.offline:
                outputs.write_finder_summaries(cat, site_dir)
        outputs.write_companions(site_dir, self.state.companions)
        if not config.site_url:  # a sitemap needs absolute addresses: better none than wrong ones
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                (site_dir / name).unlink(missing_ok=True)
            log.info("Geen sitemap en geen canonieke links: zet WIJZER_SITE_URL op het echte adres (docs/hosting.md).")
        hooks.search_on_post_build(config, self.state, self.memory, offline=self.config.offline)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """`wijzer serve` rebuilds when the data change too (and notices a save sooner)."""
        from wijzer.site.compat import faster_server

        server = faster_server(server, config, builder)
        server.watch(str(self.data_path))
        return server
