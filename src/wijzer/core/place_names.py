"""Names people type for their gemeente that are not its name, in data/regions.yaml: the checks.

- ``herindelingen``: people still call their town by the name of the gemeente it was before a
  merger ("Weesp", "Veghel", "Boxmeer");
- ``woonplaatsen``: a town that was never a gemeente of its own, or not for a long time
  ("Zaandam", "Hoofddorp").

The "Waar woon je?" field (pages/gemeente_picker.py, picker.js) tells them which gemeente that is.
Each name is compared with the others the way the field compares what is typed: without accents,
case, spaces or punctuation, and without a leading 's-/'t or a province suffix. A name answers
one question only: it is not a gemeente, and not both a former gemeente and a town (except the village
that gave its name to a former gemeente that was divided: the village Haaren, in Oisterwijk).
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


def check_place_names(checker: Checker, src: Source | None, herindelingen: list[tuple[int, Any]],
                      woonplaatsen: list[tuple[int, Any]]) -> list[Problem]:
    """The former gemeenten, then the towns; the valid ones go into the catalogue."""
    if src is None:
        return []
    current = {key: g.name for g in checker.catalogue.gemeenten.values() for key in name_keys(g.name)}
    seen: dict[str, int] = {}  # name key -> line of its first mention
    return _herindelingen(checker, src, herindelingen, current, seen) + _woonplaatsen(checker, src, woonplaatsen, current, seen)


def _name(src: Source, where: tuple, name: str, current: dict[str, str], seen: dict[str, int], problems: list[Problem]) -> None:
    key = name_key(name)
    if not key:
        problems.append(src.problem(where, f"'{name}' heeft geen letters of cijfers uit het Latijnse alfabet"))
    elif key in current:
        problems.append(src.problem(where, f"'{name}' is de naam van een gemeente ({current[key]}); die vindt 'Waar woon je?' al"))
    elif key in seen:
        problems.append(src.problem(where, f"'{name}' staat al eerder bij herindelingen of woonplaatsen (regel {seen[key]})"))
    else:
        seen[key] = src.where(where)[0]


def _herindelingen(checker: Checker, src: Source, entries: list[tuple[int, Any]], current: dict[str, str], seen: dict[str, int]) -> list[Problem]:
    """Each herindeling went into known gemeenten, has happened, and names gemeenten that no longer
    exist, each once."""
    problems: list[Problem] = []
    catalogue, today = checker.catalogue, checker.today
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
            _name(src, (*path, "former", j), name, current, seen, problems)
        if len(problems) == before:
            catalogue.herindelingen.append(h)
    return problems


def _woonplaatsen(checker: Checker, src: Source, entries: list[tuple[int, Any]], current: dict[str, str], seen: dict[str, int]) -> list[Problem]:
    """Each town lies in a known gemeente, is not a gemeente or a former one, and is named once. A
    village of a former gemeente that was divided (``former``) lies in one of the gemeenten it went
    into, and may have that gemeente's name (the village Haaren)."""
    problems: list[Problem] = []
    catalogue = checker.catalogue
    former_by_key = {name_key(name): h for h in catalogue.herindelingen for name in h.former}
    for i, entry in entries:
        w: m.Woonplaats = entry
        path = ("woonplaatsen", i)
        before = len(problems)
        checker.ref(src, (*path, "gemeente"), w.gemeente, catalogue.gemeenten, "gemeente", problems)
        if w.consulted > checker.today:
            problems.append(src.problem((*path, "consulted"), f"datum van raadplegen {w.consulted.isoformat()} ligt in de toekomst"))
        was = former_by_key.get(name_key(w.former)) if w.former is not None else None
        if w.former is not None and was is None:
            problems.append(src.problem((*path, "former"), f"'{w.former}' staat niet als opgeheven gemeente bij herindelingen"))
        elif was is not None and len(was.into) < 2:
            problems.append(src.problem((*path, "former"), f"'{w.former}' is niet over meer gemeenten verdeeld; laat former weg"))
        elif was is not None and w.gemeente not in was.into and w.gemeente in catalogue.gemeenten:
            problems.append(src.problem((*path, "gemeente"), f"{w.gemeente} staat niet bij de gemeenten waarover '{w.former}' is verdeeld"))
        if w.former is None or name_key(w.name) != name_key(w.former):
            _name(src, (*path, "name"), w.name, current, seen, problems)
        if len(problems) == before:
            catalogue.woonplaatsen.append(w)
    return problems
