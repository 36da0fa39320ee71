"""References from hand-written pages to entries in the data: ``{{ contact_card("veilig-thuis") }}``,
``{{ offer_card("kies") }}``, ``{{ topic_link("ouderlijk-gezag") }}``, ``{{ trede("licht") }}`` and the
filters of ``{{ offer_list(audience="ouders", tier="licht") }}`` (a misspelt audience or phase would
quietly show "Geen aanbod gevonden").

The build stops on an unknown id (the macro raises); ``wijzer validate`` names it first, with file,
line and column, so an editor learns it before the build (phone references: wijzer.core.contactrefs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wijzer.core.models import AUDIENCE_LABELS, PHASE_LABELS
from wijzer.core.problems import Problem, text_position

# macro -> (which entries it names, where they live, "an unknown ..." in Dutch)
MACROS: dict[str, tuple[str, str, str]] = {
    "contact_card": ("organisations", "data/organisations.yaml", "een onbekende organisatie"),
    "offer_card": ("offers", "data/offers.yaml", "een onbekend aanbod"),
    "topic_link": ("topics", "data/legal.yaml", "een onbekend juridisch onderwerp"),
    "trede": ("tiers", "data/tiers.yaml", "een onbekende trede"),
}
LIST_RE = re.compile(r"""\{\{-?\s*offer_list\(([^)]*)\)\s*-?\}\}""")
ARG_RE = re.compile(r"""(\w+)\s*=\s*["']([^"']*)["']""")
# offer_list's filters: the values each may have
FILTERS: dict[str, tuple[str, str]] = {
    "audience": ("doelgroep", ", ".join(AUDIENCE_LABELS)),
    "phase": ("fase", ", ".join(PHASE_LABELS)),
    "tier": ("trede", "een id uit data/tiers.yaml"),
    "gemeente": ("gemeente", "een CBS-code uit data/regions.yaml, bijvoorbeeld GM0193"),
}
CALL_RE = re.compile(r"""\{\{-?\s*(""" + "|".join(MACROS) + r""")\(\s*["']([^"']*)["']\s*\)\s*-?\}\}""")


def page_ref_problems(text: str, file: str, catalogue: Any) -> list[Problem]:
    """Every macro call on the page that names an id the data does not have, with its position."""
    found = []
    for match in CALL_RE.finditer(text):
        macro, key = match.group(1), match.group(2)
        table, where, what = MACROS[macro]
        entries: Mapping[str, object] = getattr(catalogue, table)
        if key in entries:
            continue
        found.append(Problem(file, *text_position(text, match.start()), "", f"{match.group(0)} noemt {what} '{key}'; gebruik een id uit {where}"))
    known = {"audience": AUDIENCE_LABELS, "phase": PHASE_LABELS, "tier": catalogue.tiers, "gemeente": catalogue.gemeenten}
    for match in LIST_RE.finditer(text):
        for arg in ARG_RE.finditer(match.group(1)):
            name, value = arg.group(1), arg.group(2)
            if name in FILTERS and value not in known[name]:
                what, allowed = FILTERS[name]
                at = match.start(1) + arg.start()
                found.append(Problem(file, *text_position(text, at), "", f"offer_list: {name}=\"{value}\" is geen bekende {what}; kies uit {allowed}"))
    return found
