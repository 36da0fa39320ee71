"""Load every data file into one checked ``Catalogue``: the single entry point for the CLI, the plugin and the macros."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from wijzer.core import beslishulp, clock, routekaart, synonyms, taxatie
from wijzer.core import models as m
from wijzer.core.catalogue_model import Catalogue, LoadResult, Origin
from wijzer.core.checks import Checker, check_catalogue
from wijzer.core.place_names import check_place_names
from wijzer.core.problems import Problem
from wijzer.core.slugs import slugify
from wijzer.core.validation import validate_file
from wijzer.core.yamlsource import Source, parse

__all__ = ["Catalogue", "LoadResult", "Origin", "slugify", "load_catalogue", "load_cached", "data_files", "extensions"]

OPTIONAL_FILES = {"settings.yaml", "synonyms.yaml"}  # a site works without search synonyms
# Pages that need these files say so when they are missing (see flowpages), so data sets without them still load.
OPTIONAL_FILES |= {"routekaart.yaml", "taxatie.yaml", "beslishulp.yaml"}


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


# Extra data files (routekaart, taxatie, synonyms, ...) live in their own modules. Each defines
# ``EXTENSION = (file_name, FileModel, attach)``; ``attach(catalogue, valid, source, checker)``
# cross-checks the valid values, stores them in ``catalogue.extras`` and returns problems.
EXTENSIONS: tuple[tuple[str, type, Any], ...] = (
    synonyms.EXTENSION, routekaart.EXTENSION, taxatie.EXTENSION, beslishulp.EXTENSION,
)


def extensions() -> list[tuple[str, type, Any]]:
    return list(EXTENSIONS)


def data_files() -> dict[str, type]:
    """Every data file and its model: the core files, then those of the extensions."""
    return {**m.DATA_FILES, **{name: model for name, model, _ in extensions()}}


def load_catalogue(data_dir: str | Path = "data", today: dt.date | None = None) -> LoadResult:
    """Read, validate and cross-check every file in ``data_dir``; never raises for bad data."""
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
    checker = Checker(catalogue, today)
    problems.extend(
        check_catalogue(
            checker,
            {
                "tiers": (loaded("tiers.yaml"), items("tiers.yaml", "tiers"), "id"),
                "gemeenten": (loaded("regions.yaml"), items("regions.yaml", "gemeenten"), "code"),
                "regions": (loaded("regions.yaml"), items("regions.yaml", "regions"), "id"),
                "organisations": (loaded("organisations.yaml"), items("organisations.yaml", "organisations"), "id"),
                "offers": (loaded("offers.yaml"), items("offers.yaml", "offers"), "id"),
                "topics": (loaded("legal.yaml"), items("legal.yaml", "topics"), "id"),
            },
            rejected,
        )
    )
    problems.extend(check_place_names(checker, loaded("regions.yaml"), items("regions.yaml", "herindelingen"), items("regions.yaml", "woonplaatsen")))
    for name, _, attach in exts:
        if name in valid:
            problems.extend(attach(catalogue, valid[name], sources[name], checker))
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
