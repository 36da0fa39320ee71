"""``wijzer new``: a valid skeleton with today's date. Every 'TODO' is reported by validate until filled in."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

TEMPLATES = {
    "offer": ("offers.yaml", """\
  - id: {id}
    name: "TODO: naam van het aanbod"
    summary: "TODO: één zin in gewone taal: wat is het en voor wie?"
    description: |
      TODO: wat gebeurt er, voor wie, en hoe kom je er? Schrijf in gewone taal (B1).
    audiences: [ouders]
    phases: [tijdens-scheiding]
    tiers: [licht]
    forms: [groep]
    access: vrij-toegankelijk
    costs: gratis
    evidence:
      level: niet-beoordeeld
    providers: []
    area:
      national: true
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
"""),
    "organisation": ("organisations.yaml", """\
  - id: {id}
    name: "TODO: naam van de organisatie"
    kind: jeugdhulp
    island: hulpverlening
    contact:
      website: https://TODO.example.nl
    area:
      national: true
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
"""),
    "topic": ("legal.yaml", """\
  - id: {id}
    title: "TODO: titel"
    summary: "TODO: één zin in gewone taal"
    parents: |
      TODO: tekst voor ouders in gewone taal (B1): korte zinnen, 'je' en 'jullie'.
    professionals: |
      TODO: tekst voor professionals, met wetsartikelen (bijvoorbeeld art. 1:251 BW).
    law:
      - ref: "TODO"
        title: "TODO: waar het artikel over gaat"
        url: https://wetten.overheid.nl/TODO
    sources:
      - https://TODO.example.nl/bron
    reviewed: {today}
"""),
}


def skeleton(kind: str, entry_id: str, today: dt.date | None = None) -> str:
    _, template = TEMPLATES[kind]
    return template.format(id=entry_id, today=(today or dt.date.today()).isoformat())


def scaffold(kind: str, entry_id: str | None, data_dir: Path, append: bool) -> int:
    from wijzer.core.fields import SLUG_RE

    entry_id = entry_id or f"nieuw-{kind}"
    if not SLUG_RE.match(entry_id):
        print(f"'{entry_id}' is geen geldige id: gebruik kleine letters, cijfers en streepjes.", file=sys.stderr)
        return 1
    text = skeleton(kind, entry_id)
    if not append:
        print(text, end="")
        return 0
    path = data_dir / TEMPLATES[kind][0]
    existing = path.read_text(encoding="utf-8")
    if f"id: {entry_id}\n" in existing:
        print(f"{path}: er is al een item met id '{entry_id}'.", file=sys.stderr)
        return 1
    path.write_text(existing.rstrip("\n") + "\n" + text, encoding="utf-8")
    line = existing.rstrip("\n").count("\n") + 2
    print(f"{path}:{line}: nieuw item '{entry_id}' toegevoegd; vul elke TODO in en draai 'wijzer validate'.")
    return 0
