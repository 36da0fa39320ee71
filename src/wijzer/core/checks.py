"""Checks across entries and files: unique ids, references that resolve, dates that make sense.

The public API for the extension files (routekaart, taxatie, synonyms): a ``Checker`` for one
load (``refs``, ``ref``, ``dates``) and ``first_of_each`` for ids that must be unique.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlsplit

from wijzer.core import models as m
from wijzer.core.catalogue_model import Catalogue, Origin
from wijzer.core.problems import Path, Problem
from wijzer.core.yamlsource import Source

Group = tuple[Source | None, list[tuple[int, Any]], str]
T = TypeVar("T")


def unknown_message(what: str, value: str, known: dict[str, Any]) -> str:
    """``onbekende trede 'lich'; bedoelde je 'licht'?`` (a suggestion only when one is close)."""
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.75)
    return f"onbekende {what} '{value}'" + (f"; bedoelde je '{close[0]}'?" if close else "")


def first_of_each(
    src: Source, list_path: Path, entries: Iterable[tuple[int, T]], key: Callable[[T], str], field_name: str,
    problems: list[Problem], *, within: str = "",
) -> dict[str, tuple[int, T]]:
    """The entries whose id was not seen before (id -> (index, entry)); each repeat is reported
    with the line of the first. ``within``: where the id must be unique, when not in the whole file."""
    seen: dict[str, tuple[int, T]] = {}
    for index, entry in entries:
        value = key(entry)
        if value in seen:
            first_line = src.where((*list_path, seen[value][0]))[0]
            tail = "" if within else f"; een {field_name} moet uniek zijn"
            problems.append(src.problem((*list_path, index, field_name), f"'{value}' komt twee keer voor{within} (ook op regel {first_line}){tail}"))
            continue
        seen[value] = (index, entry)
    return seen


@dataclass
class Checker:
    """What the cross-file checks of one load know: the catalogue being filled, today's date, the
    ids of entries that failed validation and the tables whose file could not be read. References
    to a rejected entry or into an unreadable file are not reported (they would only repeat)."""

    catalogue: Catalogue
    today: dt.date
    rejected: set[str] = field(default_factory=set)
    unreadable: set[int] = field(default_factory=set)  # id() of catalogue tables

    def known(self, value: str, table: dict[str, Any]) -> bool:
        return value in table or id(table) in self.unreadable or value in self.rejected

    def refs(self, src: Source, path: Path, values: Iterable[str], table: dict[str, Any], what: str, problems: list[Problem]) -> None:
        """A list of references: each must name an entry of ``table``."""
        for j, value in enumerate(values):
            if not self.known(value, table):
                problems.append(src.problem((*path, j), unknown_message(what, value, table)))

    def ref(self, src: Source, path: Path, value: str, table: dict[str, Any], what: str, problems: list[Problem]) -> bool:
        """One reference (not a list); False when it names nothing."""
        if self.known(value, table):
            return True
        problems.append(src.problem(path, unknown_message(what, value, table)))
        return False

    def dates(self, src: Source, path: Path, entry: m.Sourced, problems: list[Problem]) -> None:
        """Dates consulted belong to a source and are not in the future; ``reviewed`` not in the
        future, and a warning when it is older than the review interval."""
        today = self.today
        seen: set[str] = set()
        for j, ref in enumerate(entry.sources_consulted):
            where = (*path, "sources_consulted", j)
            if ref.url not in entry.sources:
                problems.append(src.problem((*where, "url"), f"'{ref.url}' staat niet onder sources; zet het webadres precies zo bij sources, of haal deze regel weg"))
            elif ref.url in seen:
                problems.append(src.problem((*where, "url"), f"'{ref.url}' heeft al een datum hierboven"))
            seen.add(ref.url)
            if ref.consulted > today:
                problems.append(src.problem((*where, "consulted"), f"datum van raadplegen {ref.consulted.isoformat()} ligt in de toekomst"))
        if entry.reviewed > today:
            problems.append(src.problem((*path, "reviewed"), f"datum {entry.reviewed.isoformat()} ligt in de toekomst"))
            return
        age = (today - entry.reviewed).days
        limit = self.catalogue.settings.review_interval_days
        if age > limit:
            problems.append(
                src.problem(
                    (*path, "reviewed"),
                    f"laatst gecontroleerd op {entry.reviewed.isoformat()}, {age} dagen geleden (meer dan {limit}); controleer het item opnieuw",
                    severity="warning",
                )
            )


def _fill(catalogue: Catalogue, kind: str, group: Group, problems: list[Problem]) -> dict[str, tuple[int, Any]]:
    """Put valid entries in the catalogue; report duplicate ids. Returns id -> (index, entry)."""
    src, entries, id_field = group
    assert src is not None
    target: dict[str, Any] = getattr(catalogue, kind)
    where = first_of_each(src, (kind,), entries, lambda entry: getattr(entry, id_field), id_field, problems)
    for key, (index, entry) in where.items():
        target[key] = entry
        catalogue.origins[(kind, key)] = Origin(src.file, src.where((kind, index))[0])
    return where


def _area(checker: Checker, src: Source, path: Path, area: m.Area, problems: list[Problem]) -> None:
    catalogue = checker.catalogue
    checker.refs(src, (*path, "area", "gemeenten"), area.gemeenten, catalogue.gemeenten, "gemeente", problems)
    checker.refs(src, (*path, "area", "regions"), area.regions, catalogue.regions, "regio", problems)


def _phone_refs(checker: Checker, src: Source, path: Path, entry: m.Entry, problems: list[Problem]) -> None:
    """``[[telefoon:id]]`` in any text of the entry must name an organisation with a phone number."""
    from wijzer.core.contactrefs import references

    catalogue = checker.catalogue
    if id(catalogue.organisations) in checker.unreadable:
        return

    def walk(value: Any, where: Path) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*where, key))
        elif isinstance(value, list):
            for j, item in enumerate(value):
                walk(item, (*where, j))
        elif isinstance(value, str) and "[[telefoon:" in value:
            line, col = src.where(where)
            block = 1 if "\n" in value else 0  # a block scalar starts on the line after 'key: |'
            for org_id, offset in references(value):
                org = catalogue.organisations.get(org_id)
                if org_id in checker.rejected:
                    continue
                if org is None:
                    message = f"[[telefoon:{org_id}]] verwijst naar een onbekende organisatie '{org_id}'; gebruik een id uit data/organisations.yaml"
                elif not (org.contact.phone or org.contact.short_number):
                    message = f"[[telefoon:{org_id}]]: organisatie '{org_id}' heeft geen telefoonnummer (contact.phone)"
                else:
                    continue
                problems.append(Problem(src.file, line + block + offset, col if not (block or offset) else 1, src.label(where), message))

    walk(entry.model_dump(mode="python", exclude_none=True), path)


def _audiences_and_ages(src: Source, path: Path, offer: m.Offer, problems: list[Problem]) -> None:
    """A card says "Voor: Kinderen (tot 12 jaar)" next to "Leeftijd kind: 0 tot 18 jaar": the two
    must tell the same story (kinderen are under 12, jongeren 12 and older)."""
    if offer.ages is None:
        return
    said = set(offer.audiences)
    if offer.ages.max > 12 and "kinderen" in said and "jongeren" not in said:
        problems.append(src.problem((*path, "audiences"), f"leeftijd tot {offer.ages.max} jaar, maar 'jongeren' (12 jaar en ouder) staat niet bij audiences", severity="warning"))
    if offer.ages.min < 12 and "jongeren" in said and "kinderen" not in said:
        problems.append(src.problem((*path, "audiences"), f"leeftijd vanaf {offer.ages.min} jaar, maar 'kinderen' (tot 12 jaar) staat niet bij audiences", severity="warning"))


def _website(checker: Checker, src: Source, path: Path, gemeente: m.Gemeente, problems: list[Problem]) -> None:
    """A gemeente's website has the date it was checked, and that date has passed."""
    if gemeente.website and gemeente.website_consulted is None:
        problems.append(src.problem((*path, "website"), "website staat er zonder website_consulted: zet erbij op welke datum je het adres hebt gecontroleerd"))
    elif gemeente.website_consulted and not gemeente.website:
        problems.append(src.problem((*path, "website_consulted"), "staat er zonder website; haal de datum weg of vul website in", severity="warning"))
    if gemeente.website_consulted and gemeente.website_consulted > checker.today:
        problems.append(src.problem((*path, "website_consulted"), f"datum van raadplegen {gemeente.website_consulted.isoformat()} ligt in de toekomst"))


def _entry_point(checker: Checker, src: Source, path: Path, gemeente: m.Gemeente, problems: list[Problem]) -> None:
    """The entry point serves the gemeente, and a reason why there is no team is not left behind next to a team."""
    catalogue = checker.catalogue
    org = catalogue.organisations.get(gemeente.entry_point or "")
    if org is None:
        if gemeente.entry_point in checker.rejected:  # the organisation has errors of its own, reported there
            return
        if gemeente.entry_point_note:
            problems.append(src.problem((*path, "entry_point_note"), "staat er zonder entry_point; haal de reden weg of vul entry_point in", severity="warning"))
        return
    served = catalogue.area_gemeenten(org.area)
    if served is not None and gemeente.code not in served:
        problems.append(
            src.problem(
                (*path, "entry_point"),
                f"organisatie '{org.id}' werkt niet in {gemeente.name}: zet {gemeente.code} in area.gemeenten van '{org.id}' "
                "of kies een organisatie die in deze gemeente werkt",
            )
        )
        return  # the wrong organisation: what it lacks besides is not the point
    if org.kind == "gemeente" and not gemeente.entry_point_note:
        problems.append(src.problem((*path, "entry_point"), f"'{org.id}' is de gemeente zelf, geen team: zeg in entry_point_note "
                                    "waarom er geen wijkteam, sociaal team of CJG staat (het inhoudsrapport toont die reden)", severity="warning"))
    if org.kind in m.ENTRY_TEAM_KINDS and gemeente.entry_point_note:
        problems.append(src.problem((*path, "entry_point_note"), f"'{org.id}' is een eigen team; de reden waarom er geen team is, klopt niet meer", severity="warning"))


def _reachable_entry_points(src: Source | None, organisations: dict[str, tuple[int, Any]], gemeenten: dict[str, tuple[int, Any]],
                            problems: list[Problem]) -> None:
    """An organisation that is a gemeente's entry point ("Hier begin je") has a website or a phone
    number: it is the first next step a parent is given. A team there also has a source deeper than
    a homepage, the page that names the team (a warning)."""
    if src is None:
        return
    names: dict[str, list[str]] = {}
    for _, gemeente in gemeenten.values():
        if gemeente.entry_point in organisations:
            names.setdefault(gemeente.entry_point, []).append(gemeente.name)
    for org_id, served in names.items():
        i, org = organisations[org_id]
        if org.kind in m.ENTRY_TEAM_KINDS and not any(urlsplit(url).path.strip("/") for url in org.sources):
            problems.append(src.problem(("organisations", i, "sources"), f"is als team het aanspreekpunt van {', '.join(served)}, maar heeft "
                                        "alleen een homepage als bron: zet de pagina die het team noemt onder sources", severity="warning"))
        if not org.contact.website and not org.contact.phone:
            path = ("organisations", i, "contact") if "contact" in org.model_fields_set else ("organisations", i, "id")
            problems.append(src.problem(path, f"is het aanspreekpunt van {', '.join(served)}, maar heeft geen website en geen "
                                              "telefoonnummer: zet contact.website of contact.phone erbij, zodat ouders het kunnen bereiken"))


def check_catalogue(checker: Checker, groups: dict[str, Group], rejected: set[str] | None = None) -> list[Problem]:
    """Fill ``checker.catalogue`` from the groups and check them. ``rejected``: ids of entries that
    failed validation; references to them are not reported again."""
    problems: list[Problem] = []
    catalogue, today = checker.catalogue, checker.today
    checker.rejected = set(rejected or ())
    # a file that could not be read says nothing about which ids exist: skip references into it
    checker.unreadable = {id(getattr(catalogue, kind)) for kind, g in groups.items() if g[0] is None or g[0].problems}
    index = {kind: _fill(catalogue, kind, group, problems) if group[0] else {} for kind, group in groups.items()}

    region_src = groups["regions"][0]
    for i, gemeente in index["gemeenten"].values():
        if gemeente.entry_point and gemeente.entry_point not in catalogue.organisations and gemeente.entry_point not in checker.rejected and region_src:
            problems.append(region_src.problem(("gemeenten", i, "entry_point"), unknown_message("organisatie", gemeente.entry_point, catalogue.organisations)))
    for i, gemeente in index["gemeenten"].values():
        if region_src:
            _entry_point(checker, region_src, ("gemeenten", i), gemeente, problems)
            _website(checker, region_src, ("gemeenten", i), gemeente, problems)
    for _, (i, region) in index["regions"].items():
        assert region_src is not None
        checker.refs(region_src, ("regions", i, "gemeenten"), region.gemeenten, catalogue.gemeenten, "gemeente", problems)
    _reachable_entry_points(groups["organisations"][0], index["organisations"], index["gemeenten"], problems)

    tier_src = groups["tiers"][0]
    levels: dict[int, str] = {}
    for tier_id, (i, tier) in index["tiers"].items():
        assert tier_src is not None
        if tier.level in levels:
            problems.append(tier_src.problem(("tiers", i, "level"), f"niveau {tier.level} is al gebruikt door '{levels[tier.level]}'"))
        levels[tier.level] = tier_id
        _phone_refs(checker, tier_src, ("tiers", i), tier, problems)

    slugs: dict[str, str] = {}
    for code in catalogue.gemeenten:
        slug = catalogue.gemeente_slugs[code]
        if not slug and region_src:
            i = index["gemeenten"][code][0]
            problems.append(region_src.problem(("gemeenten", i, "name"), "geeft geen webadres: de naam heeft geen letters of cijfers uit het Latijnse alfabet"))
            continue
        if slug in slugs and region_src:
            i = index["gemeenten"][code][0]
            problems.append(region_src.problem(("gemeenten", i, "name"), f"geeft hetzelfde webadres '{slug}' als {slugs[slug]}"))
        slugs[slug] = code
    for kind, list_key in (("offers", "offers"), ("organisations", "organisations"), ("topics", "topics")):
        src = groups[kind][0]
        if "index" in index[kind] and src:
            problems.append(src.problem((list_key, index[kind]["index"][0], "id"), "'index' is gereserveerd voor de overzichtspagina"))

    org_src = groups["organisations"][0]
    for _, (i, org) in index["organisations"].items():
        assert org_src is not None
        _area(checker, org_src, ("organisations", i), org.area, problems)
        checker.dates(org_src, ("organisations", i), org, problems)
        _phone_refs(checker, org_src, ("organisations", i), org, problems)

    offer_src = groups["offers"][0]
    for _, (i, offer) in index["offers"].items():
        assert offer_src is not None
        path = ("offers", i)
        checker.refs(offer_src, (*path, "tiers"), offer.tiers, catalogue.tiers, "trede", problems)
        checker.refs(offer_src, (*path, "providers"), offer.providers, catalogue.organisations, "organisatie", problems)
        _area(checker, offer_src, path, offer.area, problems)
        checker.dates(offer_src, path, offer, problems)
        _phone_refs(checker, offer_src, path, offer, problems)
        if offer.evidence.date and offer.evidence.date > today:
            problems.append(offer_src.problem((*path, "evidence", "date"), f"datum {offer.evidence.date.isoformat()} ligt in de toekomst"))
        _audiences_and_ages(offer_src, path, offer, problems)

    topic_src = groups["topics"][0]
    for topic_id, (i, topic) in index["topics"].items():
        assert topic_src is not None
        path = ("topics", i)
        checker.refs(topic_src, (*path, "related_offers"), topic.related_offers, catalogue.offers, "aanbod-id", problems)
        checker.refs(topic_src, (*path, "related_topics"), topic.related_topics, catalogue.topics, "onderwerp", problems)
        if topic_id in topic.related_topics:
            problems.append(topic_src.problem((*path, "related_topics"), "een onderwerp kan niet naar zichzelf verwijzen"))
        checker.dates(topic_src, path, topic, problems)
        _phone_refs(checker, topic_src, path, topic, problems)
    return problems
