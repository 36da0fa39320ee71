"""The checked data: ``Catalogue`` (every valid entry, with the lookups pages need), where each
entry is written down (``Origin``) and the result of a load (``LoadResult``). Filled by
``wijzer.core.checks``, loaded by ``wijzer.core.catalogue.load_catalogue``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from wijzer.core import clock
from wijzer.core import models as m
from wijzer.core.problems import Problem
from wijzer.core.slugs import slugify
from wijzer.core.yamlsource import Source


@dataclass
class Origin:
    """Where an entity is written down: for edit links and messages."""

    file: str
    line: int


@dataclass
class Catalogue:
    settings: m.Settings
    tiers: dict[str, m.Tier]
    gemeenten: dict[str, m.Gemeente]
    regions: dict[str, m.Region]
    organisations: dict[str, m.Organisation]
    offers: dict[str, m.Offer]
    topics: dict[str, m.LegalTopic]
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    today: dt.date = field(default_factory=clock.today)  # the date the data was checked against
    extras: dict[str, object] = field(default_factory=dict)
    herindelingen: list[m.Herindeling] = field(default_factory=list)  # checked: every code in ``gemeenten``
    woonplaatsen: list[m.Woonplaats] = field(default_factory=list)  # checked: every code in ``gemeenten``

    def origin(self, kind: str, key: str) -> tuple[str, int]:
        """File and line of an entry (``kind`` as in ``origins``: offers, organisations, ...)."""
        found = self.origins.get((kind, key))
        return (found.file, found.line) if found else ("data", 1)

    # ------------------------------------------------------------------ derived views

    @cached_property
    def tier_order(self) -> list[m.Tier]:
        return sorted(self.tiers.values(), key=lambda t: t.level)

    @cached_property
    def tier_levels(self) -> dict[str, int]:
        """Tier id -> its level (light to heavy)."""
        return {t.id: t.level for t in self.tier_order}

    @cached_property
    def gemeente_slugs(self) -> dict[str, str]:
        return {code: slugify(g.name) for code, g in self.gemeenten.items()}

    @cached_property
    def regions_of(self) -> dict[str, list[m.Region]]:
        out: dict[str, list[m.Region]] = {code: [] for code in self.gemeenten}
        for region in self.regions.values():
            for code in region.gemeenten:
                out.setdefault(code, []).append(region)
        return out

    def area_gemeenten(self, area: m.Area) -> set[str] | None:
        """The CBS codes an area covers; ``None`` means national."""
        if area.national:
            return None
        codes = set(area.gemeenten)
        for region_id in area.regions:
            region = self.regions.get(region_id)
            if region:
                codes.update(region.gemeenten)
        return codes

    @cached_property
    def _offers_by_gemeente(self) -> dict[str, list[m.Offer]]:
        out: dict[str, list[m.Offer]] = {}
        for offer in self.offers.values():
            for code in self.area_gemeenten(offer.area) or ():
                out.setdefault(code, []).append(offer)
        return out

    @cached_property
    def _orgs_by_gemeente(self) -> dict[str, list[m.Organisation]]:
        out: dict[str, list[m.Organisation]] = {}
        for org in self.organisations.values():
            for code in self.area_gemeenten(org.area) or ():
                out.setdefault(code, []).append(org)
        return out

    @cached_property
    def national_offers(self) -> list[m.Offer]:
        return [o for o in self.offers.values() if o.area.national]

    @cached_property
    def national_organisations(self) -> list[m.Organisation]:
        return [o for o in self.organisations.values() if o.area.national]

    def local_offers(self, code: str) -> list[m.Offer]:
        return self._offers_by_gemeente.get(code, [])

    def local_organisations(self, code: str) -> list[m.Organisation]:
        return self._orgs_by_gemeente.get(code, [])

    @cached_property
    def offers_by_provider(self) -> dict[str, list[m.Offer]]:
        out: dict[str, list[m.Offer]] = {}
        for offer in self.offers.values():
            for org_id in offer.providers:
                out.setdefault(org_id, []).append(offer)
        return out

    @cached_property
    def topics_by_offer(self) -> dict[str, list[m.LegalTopic]]:
        out: dict[str, list[m.LegalTopic]] = {}
        for topic in self.topics.values():
            for offer_id in topic.related_offers:
                out.setdefault(offer_id, []).append(topic)
        return out


@dataclass
class LoadResult:
    catalogue: Catalogue | None
    problems: list[Problem]
    sources: dict[str, Source] = field(default_factory=dict)  # file name -> parsed file (for text checks)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]
