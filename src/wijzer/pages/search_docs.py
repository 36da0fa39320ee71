"""Search documents for the generated offer, organisation and gemeente pages, made from the data.

Material's search plugin parses the HTML of every page into sections. For thousands of generated
pages that is the slowest step of the build and gives an index that grows with every offer, which
every visitor would download. So those pages are left out of Material's indexing (their front
matter says ``search: exclude``) and get their documents here, in two parts:

- the **core**: one document per page with its title (and for organisations and gemeenten a few
  words: the kind of organisation, the gemeente's province and regions). Enough to find any page
  by its name. It goes into ``search/search_index.json``, which Material loads with every page,
  so it stays small at national scale (5,000 offers: see docs/benchmarks.md).
- the **full text**: per offer and organisation its description and practical details. It goes
  into ``search/search_fulltext.json``, which the search worker fetches the first time someone
  searches and merges into the index (``search_worker.js``); until then the core answers.

Legal topics and hand-written pages stay with Material (whole text, section by section): they are
the knowledge base, and few. Text here is plain text, HTML-escaped: Material shows it as HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue
from wijzer.pages.generated import GeneratedPage
from wijzer.pages.render import markdown_html

# The kinds of generated page indexed here; topics go through Material.
KINDS = frozenset({"offer", "organisation", "gemeente"})
FULLTEXT_FILE = "search_fulltext.json"  # next to search_index.json
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _text(*parts: str | None) -> str:
    """Plain text, escaped for Material's result list (which inserts it as HTML)."""
    return html.escape(_SPACE.sub(" ", " ".join(p for p in parts if p)).strip(), quote=False)


def _markdown_text(source: str | None) -> str:
    """The words of a Markdown field, without markup (through the same allow-list as the page)."""
    if not source:
        return ""
    return html.unescape(_TAG.sub(" ", str(markdown_html(source))))


def _labels(values: Iterable[str], labels: dict[str, str]) -> str:
    return ", ".join(labels.get(v, v) for v in values)


def core_doc(cat: Catalogue, page: GeneratedPage, location: str) -> dict:
    """Title and a few words; an offer's summary waits in the full text (5,000 summaries would
    double what every visitor loads)."""
    if page.kind == "offer":
        text = ""
    elif page.kind == "organisation":
        org = cat.organisations[page.key]
        text = _text(f"{m.KIND_LABELS[org.kind]} ({m.ISLAND_LABELS[org.island].lower()}).")
    else:
        gemeente = cat.gemeenten[page.key]
        regions = ", ".join(r.name for r in cat.regions_of.get(page.key, []))
        text = _text(f"Gemeente {gemeente.name}, {gemeente.province}.", f"Regio: {regions}." if regions else None,
                     "Waar je terechtkunt en welke hulp er is.")
    return _doc(page, location, text)


def _doc(page: GeneratedPage, location: str, text: str) -> dict:
    return {"location": location, "title": html.escape(page.title, quote=False), "text": text}


def full_doc(cat: Catalogue, page: GeneratedPage, location: str) -> dict | None:
    """The whole text of an offer or organisation page that is worth searching; None for a gemeente
    (its page lists offers and organisations that have their own documents)."""
    if page.kind == "offer":
        offer = cat.offers[page.key]
        providers = ", ".join(cat.organisations[p].name for p in offer.providers if p in cat.organisations)
        text = _text(
            offer.summary,
            _markdown_text(offer.description),
            f"Voor: {_labels(offer.audiences, m.AUDIENCE_LABELS)}.",
            f"Vorm: {_labels(offer.forms, m.FORM_LABELS)}.",
            offer.sessions,
            f"Kosten: {m.COSTS_LABELS[offer.costs]}.",
            offer.costs_note,
            f"Aangeboden door {providers}." if providers else None,
        )
    elif page.kind == "organisation":
        org = cat.organisations[page.key]
        text = _text(f"{m.KIND_LABELS[org.kind]}.", _markdown_text(org.description))
    else:
        return None
    from wijzer.core.contactrefs import resolve_plain

    return _doc(page, location, resolve_plain(text, cat.organisations))


def generated_docs(
    cat: Catalogue, pages: Iterable[GeneratedPage], url: Callable[[GeneratedPage], str]
) -> tuple[list[dict], list[dict]]:
    """(core, full text) documents for the generated pages of the kinds in ``KINDS``."""
    core: list[dict] = []
    full: list[dict] = []
    for page in pages:
        if page.kind not in KINDS:
            continue
        location = url(page)
        core.append(core_doc(cat, page, location))
        doc = full_doc(cat, page, location)
        if doc is not None:
            full.append(doc)
    return core, full
