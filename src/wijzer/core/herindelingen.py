"""Former gemeenten (``herindelingen`` in data/regions.yaml): the checks of the list.

People still call their town by the name of the gemeente it was before a merger ("Weesp",
"Veghel", "Boxmeer"). The "Waar woon je?" field (pages/gemeente_picker.py, picker.js) tells them
which gemeente that is now. A former name is compared with the current names the way the field
compares what is typed: without accents, case, spaces or punctuation, and without a leading
's-/'t or a province suffix.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wijzer.core import models as m
from wijzer.core.checks import Checker
from wijzer.core.problems import Problem
from wijzer.core.yamlsource import Source


def name_key(name: str) -> str:
    """How the "Waar woon je?" field compares names: "Súdwest-Fryslân" -> "sudwestfryslan"."""
    folded = unicodedata.normalize("NFD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower().replace("\u2019", "'").replace("`", "'")
    return re.sub(r"[^a-z0-9]", "", folded)


def name_keys(name: str) -> set[str]:
    """The keys under which the field finds a gemeente's name: whole, and without 's-/'t and "(L.)"."""
    folded = name.lower().strip()
    bare = re.sub(r"\s*\(.*\)\s*$", "", re.sub(r"^'\s*[st][\s-]+", "", folded))
    return {key for key in (name_key(name), name_key(bare)) if key}


def check_herindelingen(checker: Checker, src: Source | None, entries: list[tuple[int, Any]]) -> list[Problem]:
    """Each herindeling went into known gemeenten, has happened, and names gemeenten that no longer
    exist, each once; the valid ones go into ``catalogue.herindelingen``."""
    problems: list[Problem] = []
    if src is None:
        return problems
    catalogue, today = checker.catalogue, checker.today
    current = {key: g.name for g in catalogue.gemeenten.values() for key in name_keys(g.name)}
    seen: dict[str, int] = {}  # name key -> line of its first mention
    for i, entry in entries:
        h: m.Herindeling = entry
        path = ("herindelingen", i)
        before = len(problems)
        checker.refs(src, (*path, "into"), h.into, catalogue.gemeenten, "gemeente", problems)
        if len(set(h.into)) < len(h.into):
            problems.append(src.problem((*path, "into"), "dezelfde gemeente staat twee keer bij into"))
        if h.since > today:
            problems.append(src.problem((*path, "since"), f"datum {h.since.isoformat()} ligt in de toekomst; zet een herindeling pas in de lijst als hij is ingegaan"))
        if h.consulted > today:
            problems.append(src.problem((*path, "consulted"), f"datum van raadplegen {h.consulted.isoformat()} ligt in de toekomst"))
        for j, name in enumerate(h.former):
            key = name_key(name)
            where = (*path, "former", j)
            if not key:
                problems.append(src.problem(where, f"'{name}' heeft geen letters of cijfers uit het Latijnse alfabet"))
            elif key in current:
                problems.append(src.problem(where, f"'{name}' is nog een gemeente ({current[key]}); zet bij former alleen opgeheven gemeenten"))
            elif key in seen:
                problems.append(src.problem(where, f"'{name}' staat al bij een herindeling (regel {seen[key]})"))
            else:
                seen[key] = src.where(where)[0]
        if len(problems) == before:
            catalogue.herindelingen.append(h)
    return problems
