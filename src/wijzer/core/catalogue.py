"""Load every data file into one checked ``Catalogue``: the single entry point for CLI, hooks and macros."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from wijzer.core import clock
from wijzer.core import models as m
from wijzer.core.problems import Problem
from wijzer.core.validation import validate_file
from wijzer.core.yamlsource import Source, parse

OPTIONAL_FILES = {"settings.yaml", "synonyms.yaml"}  # a site works without search synonyms
# Pages that need these files say so when they are missing (see flowpages), so data sets without them still load.
OPTIONAL_FILES |= {"routekaart.yaml", "taxatie.yaml", "beslishulp.yaml"}


def slugify(text: str) -> str:
    """Dutch URL slug: ``'s-Gravenhage`` -> ``s-gravenhage``, ``Hengelo (O.)`` -> ``hengelo-o``."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


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

    # ------------------------------------------------------------------ derived views

    @cached_property
    def tier_order(self) -> list[m.Tier]:
        return sorted(self.tiers.values(), key=lambda t: t.level)

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


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


# Extra data files (routekaart, taxatie, synonyms, ...) live in their own modules. Each module
# listed here defines ``EXTENSION = (file_name, FileModel, attach)``; ``attach(catalogue, valid,
# source)`` cross-checks the valid values, stores them in ``catalogue.extras`` and returns problems.
EXTENSION_MODULES: tuple[str, ...] = ("wijzer.core.synonyms", "wijzer.core.routekaart", "wijzer.core.taxatie", "wijzer.core.beslishulp")


def extensions() -> list[tuple[str, type, Any]]:
    return [importlib.import_module(name).EXTENSION for name in EXTENSION_MODULES]


def data_files() -> dict[str, type]:
    """Every data file and its model: the core files, then those of the extensions."""
    return {**m.DATA_FILES, **{name: model for name, model, _ in extensions()}}


def load_catalogue(data_dir: str | Path = "data", today: dt.date | None = None) -> LoadResult:
    """Read, validate and cross-check every file in ``data_dir``; never raises for bad data."""
    from wijzer.core.checks import check_catalogue
    from wijzer.core.values import check_comments, check_values

    data_dir = Path(data_dir)
    today = today or clock.today()
    problems: list[Problem] = []
    valid: dict[str, dict] = {}
    sources: dict[str, Source] = {}
    exts = extensions()
    for name, file_model in data_files().items():
        path = data_dir / name
        display = _display(path)
        if not path.exists():
            if name not in OPTIONAL_FILES:
                problems.append(Problem(display, 1, 1, "", "bestand ontbreekt"))
            continue
        raw = path.read_bytes()
        src = parse(raw, display)
        sources[name] = src
        problems.extend(src.problems)
        problems.extend(check_comments(raw, display))
        if src.problems:
            continue
        values, found = validate_file(src, file_model)
        problems.extend(found)
        problems.extend(check_values(src))
        valid[name] = values

    def items(file: str, key: str) -> list:
        return valid.get(file, {}).get(key, [])

    def loaded(file: str) -> Source | None:
        """The file's source, or None if it could not be read as a whole: references into it are not checked."""
        return None if valid.get(file, {}).get(":unloaded") else sources.get(file)

    rejected = set().union(*(v for f in valid.values() for k, v in f.items() if k.endswith(":rejected")))

    settings = valid.get("settings.yaml", {}).get("settings") or m.Settings()
    catalogue = Catalogue(settings=settings, tiers={}, gemeenten={}, regions={}, organisations={}, offers={}, topics={}, today=today)
    problems.extend(
        check_catalogue(
            catalogue,
            {
                "tiers": (loaded("tiers.yaml"), items("tiers.yaml", "tiers"), "id"),
                "gemeenten": (loaded("regions.yaml"), items("regions.yaml", "gemeenten"), "code"),
                "regions": (loaded("regions.yaml"), items("regions.yaml", "regions"), "id"),
                "organisations": (loaded("organisations.yaml"), items("organisations.yaml", "organisations"), "id"),
                "offers": (loaded("offers.yaml"), items("offers.yaml", "offers"), "id"),
                "topics": (loaded("legal.yaml"), items("legal.yaml", "topics"), "id"),
            },
            today,
            rejected,
        )
    )
    for name, _, attach in exts:
        if name in valid:
            problems.extend(attach(catalogue, valid[name], sources[name]))
    problems = _suggest_codes(problems, sources.get("regions.yaml"))
    has_errors = any(p.severity == "error" for p in problems)
    return LoadResult(None if has_errors else catalogue, sorted(problems), sources)


_NOT_A_CODE = re.compile(r"^'([^']+)' is geen CBS-gemeentecode; ")


def _suggest_codes(problems: list[Problem], regions: Source | None) -> list[Problem]:
    """``gemeenten: [Zwolle]``: name the code of the gemeente with that name (from data/regions.yaml)."""
    data = regions.data if regions else None
    rows = data.get("gemeenten") if isinstance(data, dict) else None
    codes = {str(g.get("name", "")).casefold(): (g.get("code"), g.get("name"))
             for g in rows or [] if isinstance(g, dict)}
    out = []
    for problem in problems:
        found = _NOT_A_CODE.match(problem.message)
        hit = codes.get(found.group(1).strip().casefold()) if found else None
        if hit and isinstance(hit[0], str):
            problem = replace(problem, message=f"{problem.message}; bedoelde je {hit[0]} ({hit[1]})?")
        out.append(problem)
    return out


_CACHE: dict[tuple, LoadResult] = {}


def load_cached(data_dir: str | Path = "data") -> LoadResult:
    """``load_catalogue`` once per state of the data files (for ``serve`` and the macros)."""
    data_dir = Path(data_dir).resolve()
    stamp = tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in data_dir.glob("*.yaml")))
    key = (str(data_dir), stamp, clock.today())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = load_catalogue(data_dir)
    return _CACHE[key]
