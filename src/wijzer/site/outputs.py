"""What the build writes besides the pages: open data, the finder's summaries, the editors'
report page and the CMS (``admin/``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from wijzer.core import clock
from wijzer.core.catalogue import Catalogue, LoadResult
from wijzer.editors.report import build_report, to_html
from wijzer.pages.finder import SUMMARY_FOLDER, summary_chunks
from wijzer.site.admin import CmsMissing, build_admin
from wijzer.site.opendata import write_open_data

__all__ = ["write_open_data", "write_finder_summaries", "report_meta", "report_html", "write_cms"]


def write_finder_summaries(cat: Catalogue, site_dir: Path) -> None:
    """The summaries the finder page does not carry itself (wijzer.pages.finder.summary_chunks)."""
    folder = site_dir / SUMMARY_FOLDER
    shutil.rmtree(folder, ignore_errors=True)
    chunks = summary_chunks(cat)
    if chunks:
        folder.mkdir(parents=True)
    for name, summaries in chunks.items():
        (folder / name).write_text(json.dumps(summaries, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def report_meta(meta: dict[str, Any]) -> None:
    """The editors' report page: its title, and no macros or search."""
    meta["title"] = "Inhoudsrapport voor de redactie"
    meta["description"] = "Wat de redactie moet nakijken: verlopen controles, ontbrekende bronnen en verwijzingen."
    meta["render_macros"] = False
    meta["search"] = {"exclude": True}
    meta["wijzer_kind"] = "report"


def report_html(result: LoadResult, docs_dir: Path, *, directory_urls: bool, overrides: str | None, edit_base: str | None) -> str:
    findings = build_report(result, docs_dir, clock.today())
    return to_html(findings, directory_urls=directory_urls, overrides=overrides, edit_base=edit_base)


def write_cms(root: Path, site_dir: Path, settings: dict[str, Any], environ: dict[str, str], site_url: str | None) -> None:
    """admin/: Sveltia CMS from node_modules with a config generated from the models (docs/cms.md)."""
    try:
        build_admin(root, site_dir, settings, environ, site_url)
    except CmsMissing as exc:
        raise PluginError(f"Redactieomgeving admin/: {exc}") from exc


def write_companions(site_dir: Path, companions: dict[str, str]) -> None:
    """Files a macro made next to its page (the signaleringshulp's cards: wijzer.pages.flowpages)."""
    for path, text in companions.items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
