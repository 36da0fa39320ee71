"""Checks across entries and files: unique ids, references that resolve, dates that make sense."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from wijzer.core import models as m
from wijzer.core.problems import Path, Problem
from wijzer.core.yamlsource import Source

if TYPE_CHECKING:
    from wijzer.core.catalogue import Catalogue

Group = tuple[Source | None, list[tuple[int, Any]], str]
_rejected: set[str] = set()
_unreadable: set[int] = set()


def _fill(
    catalogue: Catalogue, kind: str, group: Group, problems: list[Problem]
) -> dict[str, tuple[int, Any]]:
    """Put valid entries in the catalogue; report duplicate ids. Returns id -> (index, entry)."""
    from wijzer.core.catalogue import Origin

    src, entries, id_field = group
    target: dict[str, Any] = getattr(catalogue, kind)
    where: dict[str, tuple[int, Any]] = {}
    list_key = "topics" if kind == "topics" else kind
    for index, entry in entries:
        key = getattr(entry, id_field)
        assert src is not None
        if key in where:
            first_line = src.where((list_key, where[key][0]))[0]
            problems.append(
                src.problem((list_key, index, id_field), f"'{key}' komt twee keer voor (ook op regel {first_line}); een {id_field} moet uniek zijn")
            )
            continue
        where[key] = (index, entry)
        target[key] = entry
        catalogue.origins[(kind, key)] = Origin(src.file, src.where((list_key, index))[0])
    return where


def _refs(
    src: Source,
    path: Path,
    values: Iterable[str],
    known: dict[str, Any],
    what: str,
    problems: list[Problem],
) -> None:
    if id(known) in _unreadable:
        return
    for j, value in enumerate(values):
        if value not in known and value not in _rejected:
            problems.append(src.problem((*path, j), unknown_message(what, value, known)))


def unknown_message(what: str, value: str, known: dict[str, Any]) -> str:
    """``onbekende trede 'lich'; bedoelde je 'licht'?`` (a suggestion only when one is close)."""
    close = difflib.get_close_matches(str(value), [str(k) for k in known], n=1, cutoff=0.75)
    return f"onbekende {what} '{value}'" + (f"; bedoelde je '{close[0]}'?" if close else "")


def _area(src: Source, path: Path, area: m.Area, catalogue: Catalogue, problems: list[Problem]) -> None:
    _refs(src, (*path, "area", "gemeenten"), area.gemeenten, catalogue.gemeenten, "gemeente", problems)
    _refs(src, (*path, "area", "regions"), area.regions, catalogue.regions, "regio", problems)


def _phone_refs(src: Source, path: Path, entry: m.Entry, catalogue: Catalogue, problems: list[Problem]) -> None:
    """``[[telefoon:id]]`` in any text of the entry must name an organisation with a phone number."""
    from wijzer.core.contactrefs import references
    from wijzer.core.problems import Problem as P
    from wijzer.core.problems import format_path

    if id(catalogue.organisations) in _unreadable:
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
                if org_id in _rejected:
                    continue
                if org is None:
                    message = f"[[telefoon:{org_id}]] verwijst naar een onbekende organisatie '{org_id}'; gebruik een id uit data/organisations.yaml"
                elif not (org.contact.phone or org.contact.short_number):
                    message = f"[[telefoon:{org_id}]]: organisatie '{org_id}' heeft geen telefoonnummer (contact.phone)"
                else:
                    continue
                problems.append(P(src.file, line + block + offset, col if not (block or offset) else 1, format_path(where), message))

    walk(entry.model_dump(mode="python", exclude_none=True), path)


def _dates(src: Source, path: Path, entry: m.Sourced, catalogue: Catalogue, today: dt.date, problems: list[Problem]) -> None:
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
    limit = catalogue.settings.review_interval_days
    if age > limit:
        problems.append(
            src.problem(
                (*path, "reviewed"),
                f"laatst gecontroleerd op {entry.reviewed.isoformat()}, {age} dagen geleden (meer dan {limit}); controleer het item opnieuw",
                severity="warning",
            )
        )


def _entry_point(src: Source, path: Path, gemeente: m.Gemeente, catalogue: Catalogue, problems: list[Problem]) -> None:
    """The entry point serves the gemeente, and a reason why there is no team is not left behind next to a team."""
    org = catalogue.organisations.get(gemeente.entry_point or "")
    if org is None:
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
    if org.kind in m.ENTRY_TEAM_KINDS and gemeente.entry_point_note:
        problems.append(src.problem((*path, "entry_point_note"), f"'{org.id}' is een eigen team; de reden waarom er geen team is, klopt niet meer", severity="warning"))


def check_catalogue(catalogue: Catalogue, groups: dict[str, Group], today: dt.date, rejected: set[str] | None = None) -> list[Problem]:
    """``rejected``: ids of entries that failed validation; references to them are not reported again."""
    problems: list[Problem] = []
    _rejected.clear()
    _rejected.update(rejected or ())
    # a file that could not be read says nothing about which ids exist: skip references into it
    _unreadable.clear()
    _unreadable.update(id(getattr(catalogue, kind)) for kind, g in groups.items() if g[0] is None or g[0].problems)
    index = {kind: _fill(catalogue, kind, group, problems) if group[0] else {} for kind, group in groups.items()}

    region_src = groups["regions"][0]
    for i, gemeente in index["gemeenten"].values():
        if gemeente.entry_point and gemeente.entry_point not in catalogue.organisations and gemeente.entry_point not in _rejected and region_src:
            problems.append(region_src.problem(("gemeenten", i, "entry_point"), unknown_message("organisatie", gemeente.entry_point, catalogue.organisations)))
    for i, gemeente in index["gemeenten"].values():
        if region_src:
            _entry_point(region_src, ("gemeenten", i), gemeente, catalogue, problems)
    for _, (i, region) in index["regions"].items():
        assert region_src is not None
        _refs(region_src, ("regions", i, "gemeenten"), region.gemeenten, catalogue.gemeenten, "gemeente", problems)

    tier_src = groups["tiers"][0]
    levels: dict[int, str] = {}
    for tier_id, (i, tier) in index["tiers"].items():
        assert tier_src is not None
        if tier.level in levels:
            problems.append(tier_src.problem(("tiers", i, "level"), f"niveau {tier.level} is al gebruikt door '{levels[tier.level]}'"))
        levels[tier.level] = tier_id
        _phone_refs(tier_src, ("tiers", i), tier, catalogue, problems)

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
        _area(org_src, ("organisations", i), org.area, catalogue, problems)
        _dates(org_src, ("organisations", i), org, catalogue, today, problems)
        _phone_refs(org_src, ("organisations", i), org, catalogue, problems)

    offer_src = groups["offers"][0]
    for _, (i, offer) in index["offers"].items():
        assert offer_src is not None
        path = ("offers", i)
        _refs(offer_src, (*path, "tiers"), offer.tiers, catalogue.tiers, "trede", problems)
        _refs(offer_src, (*path, "providers"), offer.providers, catalogue.organisations, "organisatie", problems)
        _area(offer_src, path, offer.area, catalogue, problems)
        _dates(offer_src, path, offer, catalogue, today, problems)
        _phone_refs(offer_src, path, offer, catalogue, problems)
        if offer.evidence.date and offer.evidence.date > today:
            problems.append(offer_src.problem((*path, "evidence", "date"), f"datum {offer.evidence.date.isoformat()} ligt in de toekomst"))

    topic_src = groups["topics"][0]
    for topic_id, (i, topic) in index["topics"].items():
        assert topic_src is not None
        path = ("topics", i)
        _refs(topic_src, (*path, "related_offers"), topic.related_offers, catalogue.offers, "aanbod-id", problems)
        _refs(topic_src, (*path, "related_topics"), topic.related_topics, catalogue.topics, "onderwerp", problems)
        if topic_id in topic.related_topics:
            problems.append(topic_src.problem((*path, "related_topics"), "een onderwerp kan niet naar zichzelf verwijzen"))
        _dates(topic_src, path, topic, catalogue, today, problems)
        _phone_refs(topic_src, path, topic, catalogue, problems)
    return problems
