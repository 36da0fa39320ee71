"""Content health report for editors: what needs attention, as Markdown (for a pull request or an
issue) and as an unlisted page in the built site (``redactie/rapport/``).

One ``build_report`` computes the findings from the checked catalogue and the hand-written pages;
``to_markdown`` and the template ``report.html`` only present them.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from wijzer.core import clock
from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue, LoadResult, load_catalogue
from wijzer.core.problems import Problem
from wijzer.editors.fieldspec import model_fields, walk
from wijzer.pages.context import Uris
from wijzer.pages.kinds import generated_pages
from wijzer.pages.render import Linker, environment, nl_date, page_url

REPORT_URI = "redactie/rapport.md"
SOON_DAYS = 30
PLACEHOLDER_HOSTS = re.compile(r"(^|\.)(example\.(nl|org|com|net)|todo\.[a-z.]+)$")
# [text](target) and <a href="target">: the two ways a link gets into a Markdown field
MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|href=[\"']([^\"']+)[\"']")
KIND_NAMES = {"offers": "aanbod", "organisations": "organisatie", "topics": "onderwerp", "tiers": "trede", "regions": "regio", "page": "pagina"}


@dataclass(frozen=True)
class Finding:
    kind: str  # offers | organisations | topics | tiers | gemeenten | page
    key: str
    title: str
    file: str
    line: int
    note: str = ""
    src_uri: str | None = None  # the page on the site, if there is one

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass
class Section:
    anchor: str
    title: str
    explanation: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class Report:
    today: dt.date
    interval: int
    counts: dict[str, int]
    sections: list[Section]
    errors: list[Problem]

    @property
    def total(self) -> int:
        return sum(len(s.findings) for s in self.sections) + len(self.errors)


# --------------------------------------------------------------------------- hand-written pages


@dataclass(frozen=True)
class ContentPage:
    src_uri: str  # relative to content/
    file: str  # as shown to editors
    title: str
    reviewed: dt.date | None


def _front_matter(text: str) -> dict:
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    try:
        meta = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def content_pages(content_dir: Path) -> list[ContentPage]:
    pages = []
    for path in sorted(content_dir.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta = _front_matter(text)
        heading = re.search(r"^# (.+)$", text, re.MULTILINE)
        reviewed = meta.get("reviewed")
        if isinstance(reviewed, str):
            try:
                reviewed = dt.date.fromisoformat(reviewed)
            except ValueError:
                reviewed = None
        pages.append(
            ContentPage(
                src_uri=path.relative_to(content_dir).as_posix(),
                file=(content_dir.name + "/" + path.relative_to(content_dir).as_posix()),
                title=str(meta.get("title") or (heading.group(1).strip() if heading else path.stem)),
                reviewed=reviewed if isinstance(reviewed, dt.date) else None,
            )
        )
    return pages


# --------------------------------------------------------------------------- findings


def _entries(cat: Catalogue) -> Iterable[tuple[str, str, m.Sourced, str, str]]:
    """(kind, id, entry, title, src_uri) for everything that carries sources and a review date."""
    uri = Uris(cat)
    for key, offer in cat.offers.items():
        yield "offers", key, offer, offer.name, uri.offer(key)
    for key, org in cat.organisations.items():
        yield "organisations", key, org, org.name, uri.organisation(key)
    for key, topic in cat.topics.items():
        yield "topics", key, topic, topic.title, uri.topic(key)


def _is_placeholder(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return "TODO" in url or bool(PLACEHOLDER_HOSTS.search(host))


def _age(today: dt.date, date: dt.date) -> str:
    days = (today - date).days
    return f"laatst gecontroleerd op {date.isoformat()}, {days} dag{'en' if days != 1 else ''} geleden"


def _review_findings(cat: Catalogue, pages: list[ContentPage], today: dt.date) -> tuple[list[Finding], list[Finding], list[Finding]]:
    interval = cat.settings.review_interval_days
    overdue: list[tuple[dt.date, Finding]] = []
    soon: list[tuple[dt.date, Finding]] = []
    dated: list[tuple[str, str, str, dt.date, str, int, str | None]] = []
    for kind, key, entry, title, src_uri in _entries(cat):
        file, line = cat.origin(kind, key)
        dated.append((kind, key, title, entry.reviewed, file, line, src_uri))
    undated = []
    for page in pages:
        if page.reviewed is None:
            undated.append(Finding("page", page.src_uri, page.title, page.file, 1, "geen 'reviewed:' bovenaan de pagina", page.src_uri))
        else:
            dated.append(("page", page.src_uri, page.title, page.reviewed, page.file, 1, page.src_uri))
    for kind, key, title, reviewed, file, line, src_uri in dated:
        due = reviewed + dt.timedelta(days=interval)
        if due < today:
            overdue.append((reviewed, Finding(kind, key, title, file, line, _age(today, reviewed), src_uri)))
        elif (due - today).days <= SOON_DAYS:
            note = f"{_age(today, reviewed)}; uiterlijk {due.isoformat()} opnieuw controleren"
            soon.append((reviewed, Finding(kind, key, title, file, line, note, src_uri)))
    by_date = lambda pair: (pair[0], pair[1].file, pair[1].line)  # noqa: E731
    return [f for _, f in sorted(overdue, key=by_date)], [f for _, f in sorted(soon, key=by_date)], undated


def _source_findings(cat: Catalogue) -> list[Finding]:
    found = []
    for kind, key, entry, title, src_uri in _entries(cat):
        real = [url for url in entry.source_urls if not _is_placeholder(url)]
        if not real:
            file, line = cat.origin(kind, key)
            note = "geen bron" if not entry.sources else "alleen een voorbeeld- of TODO-bron: " + ", ".join(entry.source_urls)
            found.append(Finding(kind, key, title, file, line, note, src_uri))
    for key, region in cat.regions.items():
        if not [url for url in region.sources if not _is_placeholder(url)]:
            file, line = cat.origin("regions", key)
            found.append(Finding("regions", key, region.name, file, line, "alleen een voorbeeld- of TODO-bron: " + ", ".join(region.sources)))
    return found


def _gemeente_findings(cat: Catalogue) -> list[Finding]:
    uri = Uris(cat)
    found = []
    for code, gemeente in sorted(cat.gemeenten.items(), key=lambda item: (item[1].province, item[1].name)):
        if not gemeente.entry_point:
            file, line = cat.origin("gemeenten", code)
            title = gemeente.name if gemeente.website else f"{gemeente.name}, ook zonder website"
            found.append(Finding("gemeenten", code, title, file, line, gemeente.province, uri.gemeente(code)))
    return found


def _generic_entry_findings(cat: Catalogue) -> list[Finding]:
    """Gemeenten whose entry point is the gemeente as a whole, not a named team, with the reason given."""
    uri = Uris(cat)
    found = []
    for code, gemeente in sorted(cat.gemeenten.items(), key=lambda item: (item[1].province, item[1].name)):
        org = cat.organisations.get(gemeente.entry_point or "")
        if org is not None and org.kind == "gemeente":
            file, line = cat.origin("gemeenten", code)
            reason = gemeente.entry_point_note or "geen reden opgegeven (entry_point_note)"
            found.append(Finding("gemeenten", code, gemeente.name, file, line, f"{org.name}: {reason}", uri.gemeente(code)))
    return found


def _offer_findings(cat: Catalogue, attribute: str, note: str) -> list[Finding]:
    uri = Uris(cat)
    found = []
    for key, offer in cat.offers.items():
        if not getattr(offer, attribute):
            file, line = cat.origin("offers", key)
            found.append(Finding("offers", key, offer.name, file, line, note, uri.offer(key)))
    return found


def site_paths(cat: Catalogue, pages: list[ContentPage], content_dir: Path | None) -> set[str]:
    """Every URL path (relative to the site root) a link inside the site may point at."""
    paths = {page_url(p.src_uri) for p in generated_pages(cat)} | {page_url(p.src_uri) for p in pages}
    paths.add(page_url(REPORT_URI))
    paths |= {f"data/{name}" for name in ("offers.json", "organisations.json", "gemeenten.json", "offers.csv", "organisations.csv", "gemeenten.csv")}
    if content_dir is not None:
        paths |= {p.relative_to(content_dir).as_posix() for p in content_dir.rglob("*") if p.is_file() and p.suffix != ".md"}
    return paths


def _markdown_fields(model: type) -> list[str]:
    return [path for path, spec in walk(model_fields(model)) if spec.kind == "markdown" and "." not in path]


def broken_link(target: str, from_src_uri: str, paths: set[str]) -> str | None:
    """Why a link in a Markdown field does not work on the site, or None if it does."""
    parts = urlsplit(target)
    if parts.scheme or target.startswith(("#", "//")):
        return None
    if target.startswith("/"):
        return f"'{target}' begint met '/' en werkt niet als de site in een map staat; gebruik een relatieve link"
    base = page_url(from_src_uri)
    path = posixpath.normpath(posixpath.join(base, parts.path)) if parts.path else base.rstrip("/")
    if path.startswith(".."):
        return f"'{target}' wijst buiten de site"
    candidates = {path, path + "/", path.removesuffix("index.md"), page_url(path) if path.endswith(".md") else path}
    if parts.path.endswith(".md"):
        candidates.add(page_url(path))
    if candidates & paths or path in ("", "."):
        return None
    return f"'{target}' wijst naar een pagina die niet bestaat"


def _reference_findings(cat: Catalogue, pages: list[ContentPage], content_dir: Path | None) -> list[Finding]:
    """Links in Markdown fields to pages that do not exist. (Unknown ids need no section: they are
    errors of `wijzer validate`, and with errors the report shows only those.)"""
    found = []
    uri = Uris(cat)
    paths = site_paths(cat, pages, content_dir)
    sources = [
        ("offers", cat.offers, m.Offer, uri.offer, "name"),
        ("organisations", cat.organisations, m.Organisation, uri.organisation, "name"),
        ("topics", cat.topics, m.LegalTopic, uri.topic, "title"),
    ]
    for kind, entries, model, page_of, title_field in sources:
        for name in _markdown_fields(model):
            for key, entry in entries.items():
                text = getattr(entry, name) or ""
                for match in MD_LINK.finditer(text):
                    target = match.group(1) or match.group(2)
                    problem = broken_link(target, page_of(key), paths)
                    if problem:
                        file, line = cat.origin(kind, key)
                        found.append(Finding(kind, key, getattr(entry, title_field), file, line, f"{name}: {problem}", page_of(key)))
    return found


def build_report(result: LoadResult, content_dir: Path | None, today: dt.date) -> Report:
    errors = result.errors
    cat = result.catalogue
    if cat is None:
        return Report(today, 0, {}, [], errors)
    pages = content_pages(content_dir) if content_dir and content_dir.is_dir() else []
    overdue, soon, undated = _review_findings(cat, pages, today)
    sections = [
        Section("controle-verlopen", "Controle verlopen",
                f"Langer dan {cat.settings.review_interval_days} dagen niet met de bronnen vergeleken. Controleer het item en zet de datum bij 'reviewed' op vandaag.", overdue),
        Section("binnenkort-controleren", "Binnenkort controleren",
                f"De controle verloopt binnen {SOON_DAYS} dagen.", soon),
        Section("zonder-bron", "Zonder bron",
                "Geen bron, of alleen een voorbeeld- of TODO-adres. Zonder bron kan niemand de gegevens controleren.", _source_findings(cat)),
        Section("pagina-zonder-datum", "Pagina's zonder controledatum",
                "Handgeschreven pagina's zonder 'reviewed: JJJJ-MM-DD' bovenaan. Zonder die datum toont de pagina geen 'Laatst gecontroleerd'.", undated),
        Section("gemeenten-zonder-toegang", "Gemeenten zonder toegang",
                "Gemeenten zonder entry_point: de gemeentepagina noemt geen vaste plek (meestal het wijkteam) waar gezinnen terechtkunnen, "
                "maar verwijst naar de website van de gemeente (website). Staat die er ook niet, dan verwijst ze naar overheid.nl.", _gemeente_findings(cat)),
        Section("gemeenten-zonder-eigen-team", "Gemeenten zonder eigen team",
                "Het entry_point is de algemene gemeente, geen wijkteam, sociaal team of CJG. Erbij staat waarom (entry_point_note). "
                "Vind je een team met een bron, maak dan een organisatie voor dat team en zet die als entry_point.", _generic_entry_findings(cat)),
        Section("aanbod-zonder-aanbieder", "Aanbod zonder aanbieder",
                "Aanbod zonder providers: bezoekers zien niet welke organisatie het geeft.", _offer_findings(cat, "providers", "geen providers")),
        Section("aanbod-zonder-trede", "Aanbod zonder trede",
                "Aanbod zonder tiers staat nergens op de ladder van licht naar zwaar.", _offer_findings(cat, "tiers", "geen tiers")),
        Section("kapotte-verwijzingen", "Kapotte verwijzingen",
                "Id's die niet bestaan en links in tekstvelden naar pagina's die niet bestaan.", _reference_findings(cat, pages, content_dir)),
    ]
    counts = {"aanbod": len(cat.offers), "organisaties": len(cat.organisations), "onderwerpen": len(cat.topics),
              "gemeenten": len(cat.gemeenten), "pagina's": len(pages)}
    return Report(today, cat.settings.review_interval_days, counts, sections, errors)


def load_report(data_dir: Path, content_dir: Path | None, today: dt.date | None = None) -> Report:
    today = today or clock.today()
    return build_report(load_catalogue(data_dir, today=today), content_dir, today)


# --------------------------------------------------------------------------- Markdown

_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~])")  # enough to keep names from becoming links or markup


def md_escape(text: str) -> str:
    return _MD_ESCAPE.sub(r"\\\1", text)


def _line(f: Finding) -> str:
    label = KIND_NAMES.get(f.kind, f.kind)
    what = f"**{md_escape(f.title)}** ({label} `{f.key}`)" if f.kind not in ("page", "gemeenten") else f"**{md_escape(f.title)}**"
    note = f" — {md_escape(f.note)}" if f.note else ""
    return f"- {what} — `{f.where}`{note}"


def to_markdown(report: Report) -> str:
    out = ["# Inhoudsrapport Wijzer", ""]
    if report.errors:
        out += [f"**De gegevens bevatten {len(report.errors)} fout(en).** Eerst herstellen; daarna volgt het volledige rapport.", "",
                "## Fouten in de gegevens", ""]
        out += [f"- `{p.file}:{p.line}:{p.col}` {md_escape(p.path + ': ' if p.path else '')}{md_escape(p.message)}" for p in report.errors]
        return "\n".join(out) + "\n"
    counts = ", ".join(f"{n} {what}" for what, n in report.counts.items())
    out += [f"Stand op {nl_date(report.today)} · controletermijn {report.interval} dagen · {counts}.", ""]
    out += ["| Onderdeel | Aantal |", "| --- | ---: |"]
    out += [f"| [{s.title}](#{s.anchor}) | {len(s.findings)} |" for s in report.sections]
    for section in report.sections:
        out += ["", f"## {section.title}", "", section.explanation, ""]
        if not section.findings:
            out.append("Niets gevonden.")
        elif section.anchor == "gemeenten-zonder-toegang":
            by_province: dict[str, list[Finding]] = {}
            for f in section.findings:
                by_province.setdefault(f.note, []).append(f)
            for province, items in by_province.items():
                out.append(f"- **{md_escape(province)}** ({len(items)}): " + ", ".join(f"{md_escape(f.title)} (`{f.key}`)" for f in items))
        else:
            out += [_line(f) for f in section.findings]
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- HTML (the site page)


def to_html(report: Report, *, directory_urls: bool = True, overrides: str | None = None, edit_base: str | None = None) -> str:
    env = environment(overrides)
    return env.get_template("report.html").render(
        report=report, link=Linker(REPORT_URI, directory_urls), kind_names=KIND_NAMES, edit_base=edit_base
    )
