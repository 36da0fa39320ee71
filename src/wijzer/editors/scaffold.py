"""``wijzer new``: a valid skeleton with today's date, already in the layout of ``wijzer fmt``.

Every 'TODO' (in a value or in a comment after a chosen default) is a warning from ``wijzer validate``
until an editor fills it in or confirms the choice; ``--strict`` refuses them.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from wijzer.core import clock

TEMPLATES = {
    "offer": ("offers.yaml", """\
  - id: {id}
    name: 'TODO: naam van het aanbod'
    summary: 'TODO: één zin in gewone taal: wat is het en voor wie?'
    description: 'TODO: wat gebeurt er, voor wie, en hoe kom je er? Schrijf in gewone taal (B1).'
    audiences:
      - ouders
    phases:
      - tijdens-scheiding
    tiers:
      - licht
    forms:  # TODO: kies uit individueel, gezin, groep, online, telefoon-chat, informatie
      - groep
    access: vrij-toegankelijk  # TODO: of verwijzing-nodig of beschikking
    costs: gratis  # TODO: of vergoed, eigen-bijdrage of betaald
    evidence:
      level: niet-beoordeeld
    area:
      national: true  # TODO: of gemeenten (CBS-codes, zoals GM0193) of regions (id's)
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
    quick_exit: false
"""),
    "organisation": ("organisations.yaml", """\
  - id: {id}
    name: 'TODO: naam van de organisatie'
    kind: jeugdhulp  # TODO: kies de soort organisatie (zie CONTRIBUTING.md)
    island: hulpverlening  # TODO: of voorveld of recht
    contact:
      website: https://TODO.example.nl
    area:
      national: true  # TODO: of gemeenten (CBS-codes, zoals GM0193) of regions (id's)
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
    quick_exit: false
"""),
    "topic": ("legal.yaml", """\
  - id: {id}
    title: 'TODO: titel'
    summary: 'TODO: één zin in gewone taal'
    parents: "TODO: tekst voor ouders in gewone taal (B1): korte zinnen, 'je' en 'jullie'."
    professionals: 'TODO: tekst voor professionals, met wetsartikelen (bijvoorbeeld art. 1:251 BW).'
    law:
      - ref: TODO
        title: 'TODO: waar het artikel over gaat'
        url: https://wetten.overheid.nl/TODO
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
    quick_exit: false
"""),
}


def skeleton(kind: str, entry_id: str, today: dt.date | None = None) -> str:
    _, template = TEMPLATES[kind]
    return template.format(id=entry_id, today=(today or clock.today()).isoformat())


def _existing_line(text: str, entry_id: str) -> int | None:
    """Line of an item with this id in a data file, if there is one."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.fullmatch(rf"\s*-?\s*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*(#.*)?", line):
            return number
    return None


def scaffold(kind: str, entry_id: str | None, data_dir: Path, append: bool) -> int:
    from wijzer.core.fields import SLUG_RE

    if not entry_id:
        print(f"Geef een id, bijvoorbeeld: wijzer new {kind} mijn-{ {'offer': 'aanbod', 'organisation': 'organisatie', 'topic': 'onderwerp'}[kind] }",
              file=sys.stderr)
        return 2
    if not SLUG_RE.match(entry_id):
        print(f"'{entry_id}' is geen geldige id: gebruik kleine letters, cijfers en streepjes.", file=sys.stderr)
        return 1
    text = skeleton(kind, entry_id)
    path = data_dir / TEMPLATES[kind][0]
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    taken = _existing_line(existing, entry_id)
    if taken:
        print(f"{path}:{taken}: er is al een item met id '{entry_id}'; kies een andere id.", file=sys.stderr)
        return 1
    if not append:
        print(text, end="")
        return 0
    path.write_text(existing.rstrip("\n") + "\n" + text, encoding="utf-8")
    line = existing.rstrip("\n").count("\n") + 2
    print(f"{path}:{line}: nieuw item '{entry_id}' toegevoegd; vul elke TODO in (of haal hem weg als de keuze klopt) en draai 'wijzer validate'.")
    return 0
