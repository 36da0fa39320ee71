"""References from hand-written pages to entries in the data: ``{{ contact_card("veilig-thuis") }}``,
``{{ offer_card("kies") }}``, ``{{ topic_link("ouderlijk-gezag") }}`` and ``{{ trede("licht") }}``.

The build stops on an unknown id (the macro raises); ``wijzer validate`` names it first, with file,
line and column, so an editor learns it before the build (phone references: wijzer.core.contactrefs).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from wijzer.core.problems import Problem

# macro -> (which entries it names, where they live, "an unknown ..." in Dutch)
MACROS: dict[str, tuple[str, str, str]] = {
    "contact_card": ("organisations", "data/organisations.yaml", "een onbekende organisatie"),
    "offer_card": ("offers", "data/offers.yaml", "een onbekend aanbod"),
    "topic_link": ("topics", "data/legal.yaml", "een onbekend juridisch onderwerp"),
    "trede": ("tiers", "data/tiers.yaml", "een onbekende trede"),
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
        line = text.count("\n", 0, match.start()) + 1
        col = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        found.append(Problem(file, line, col, "", f"{match.group(0)} noemt {what} '{key}'; gebruik een id uit {where}"))
    return found
