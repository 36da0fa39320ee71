"""Open data: the sociale kaart as JSON and CSV, so others can reuse it.

The format is documented (fields, version policy, licence) in docs/open-data.md; change both
together and raise ``FORMAT_VERSION`` as described there. Output is deterministic: entities
sorted by id or code, lists inside an entity in the order of the data, no timestamps.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from wijzer.core import models as m
from wijzer.core.catalogue import Catalogue

FORMAT = "wijzer-open-data"
FORMAT_VERSION = "1.1"
LICENCE = "CC-BY-4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.nl"

OFFER_COLUMNS = [
    "id", "name", "summary", "audiences", "ages_min", "ages_max", "phases", "tiers", "forms", "sessions",
    "access", "costs", "costs_note", "evidence_level", "evidence_date", "evidence_url", "providers",
    "national", "gemeenten", "regions", "website", "sources", "sources_consulted", "reviewed",
]
ORGANISATION_COLUMNS = [
    "id", "name", "kind", "island", "phone", "email", "website", "street", "postcode", "city", "opening_hours",
    "national", "gemeenten", "regions", "sources", "sources_consulted", "reviewed", "short_number", "chat",
]
GEMEENTE_COLUMNS = ["code", "name", "province", "slug", "entry_point", "website", "regions", "offers", "organisations"]


def _dump(model: Any) -> dict:
    """The entity as in the YAML: every field, optional ones left out when they are empty.

    ``sources`` stays a list of web addresses (as in format 1.0); when each source was consulted
    is in ``sources_consulted`` ({url, consulted}, same order). Texts keep ``[[telefoon:id]]``
    references as written: the number is in the organisation with that id."""
    data = model.model_dump(mode="json", exclude_none=True)
    if isinstance(model, m.Sourced):  # every source with its date, not only those with their own
        data["sources_consulted"] = [{"url": url, "consulted": day.isoformat()} for url, day in model.consulted_sources]
    return data


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...), +cmd|...).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """CSV injection: a cell a spreadsheet would read as a formula gets a leading apostrophe, as OWASP
    advises, so it shows as text. Only in the CSV files; the JSON keeps the value exactly."""
    return "'" + text if text.startswith(FORMULA_START) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return neutralise("; ".join(f"{v['url']} ({v['consulted']})" if isinstance(v, dict) and "consulted" in v else str(v) for v in value))
    return neutralise(str(value))


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()


def _meta() -> dict:
    return {"format": FORMAT, "version": FORMAT_VERSION, "licence": LICENCE, "licence_url": LICENCE_URL}


def _area_columns(area: dict) -> dict:
    return {"national": area.get("national", False), "gemeenten": area.get("gemeenten", []), "regions": area.get("regions", [])}


def offers_document(cat: Catalogue) -> dict:
    return {
        **_meta(),
        "vocabularies": {
            "tiers": [_dump(t) for t in cat.tier_order],
            "audiences": m.AUDIENCE_LABELS,
            "phases": m.PHASE_LABELS,
            "forms": m.FORM_LABELS,
            "access": m.ACCESS_LABELS,
            "costs": m.COSTS_LABELS,
            "evidence": m.EVIDENCE_LABELS,
        },
        "offers": [_dump(o) for o in sorted(cat.offers.values(), key=lambda o: o.id)],
    }


def organisations_document(cat: Catalogue) -> dict:
    return {
        **_meta(),
        "vocabularies": {"kinds": m.KIND_LABELS, "islands": m.ISLAND_LABELS},
        "organisations": [_dump(o) for o in sorted(cat.organisations.values(), key=lambda o: o.id)],
    }


def gemeenten_document(cat: Catalogue) -> dict:
    gemeenten = []
    for code in sorted(cat.gemeenten):
        g = cat.gemeenten[code]
        gemeenten.append(
            {
                **_dump(g),
                "slug": cat.gemeente_slugs[code],
                "regions": sorted(r.id for r in cat.regions_of.get(code, [])),
                "offers": sorted(o.id for o in cat.local_offers(code)),
                "organisations": sorted(o.id for o in cat.local_organisations(code)),
            }
        )
    return {
        **_meta(),
        "national_offers": sorted(o.id for o in cat.national_offers),
        "national_organisations": sorted(o.id for o in cat.national_organisations),
        "regions": [_dump(r) for r in sorted(cat.regions.values(), key=lambda r: r.id)],
        "gemeenten": gemeenten,
    }


def open_data(cat: Catalogue) -> dict[str, str]:
    """File name -> content of every open-data file."""
    documents = {
        "offers.json": offers_document(cat),
        "organisations.json": organisations_document(cat),
        "gemeenten.json": gemeenten_document(cat),
    }
    out = {name: json.dumps(body, ensure_ascii=False, indent=1) + "\n" for name, body in documents.items()}

    offer_rows = [
        {
            **o,
            "ages_min": o.get("ages", {}).get("min"),
            "ages_max": o.get("ages", {}).get("max"),
            "evidence_level": o["evidence"]["level"],
            "evidence_date": o["evidence"].get("date"),
            "evidence_url": o["evidence"].get("url"),
            **_area_columns(o["area"]),
        }
        for o in documents["offers.json"]["offers"]
    ]
    out["offers.csv"] = _csv(offer_rows, OFFER_COLUMNS)

    org_rows = [
        {**o, **o.get("contact", {}), **o.get("contact", {}).get("address", {}), **_area_columns(o["area"])}
        for o in documents["organisations.json"]["organisations"]
    ]
    out["organisations.csv"] = _csv(org_rows, ORGANISATION_COLUMNS)
    out["gemeenten.csv"] = _csv(documents["gemeenten.json"]["gemeenten"], GEMEENTE_COLUMNS)
    return out


def write_open_data(cat: Catalogue, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, content in open_data(cat).items():
        (target / name).write_text(content, encoding="utf-8", newline="\n")
