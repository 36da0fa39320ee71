"""Open data: the sociale kaart as JSON and CSV, so others can reuse it (format documented in docs/open-data.md)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from wijzer.catalogue import Catalogue

FORMAT_VERSION = "1.0"


def _dump(model: Any) -> dict:
    return model.model_dump(mode="json", exclude_none=True)


def _csv(rows: list[dict], columns: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("; ".join(map(str, v)) if isinstance(v, list) else v) for k, v in row.items()})
    return out.getvalue()


def open_data(cat: Catalogue) -> dict[str, str]:
    """File name -> content. Deterministic: sorted by id, no timestamps."""
    meta = {"format": "wijzer-open-data", "version": FORMAT_VERSION}
    offers = [_dump(o) for o in sorted(cat.offers.values(), key=lambda o: o.id)]
    orgs = [_dump(o) for o in sorted(cat.organisations.values(), key=lambda o: o.id)]
    gemeenten = []
    for code in sorted(cat.gemeenten):
        g = cat.gemeenten[code]
        gemeenten.append(
            {
                **_dump(g),
                "regions": sorted(r.id for r in cat.regions_of.get(code, [])),
                "offers": sorted(o.id for o in cat.local_offers(code)),
                "organisations": sorted(o.id for o in cat.local_organisations(code)),
            }
        )
    files = {
        "offers.json": {**meta, "offers": offers},
        "organisations.json": {**meta, "organisations": orgs},
        "gemeenten.json": {**meta, "national_offers": sorted(o.id for o in cat.national_offers), "gemeenten": gemeenten},
    }
    out = {name: json.dumps(body, ensure_ascii=False, indent=1, sort_keys=False) + "\n" for name, body in files.items()}
    flat_offers = [
        {
            **{k: v for k, v in o.items() if not isinstance(v, dict)},
            "ages_min": o.get("ages", {}).get("min"),
            "ages_max": o.get("ages", {}).get("max"),
            "evidence_level": o["evidence"]["level"],
            "evidence_date": o["evidence"].get("date"),
            "national": o["area"].get("national", False),
            "gemeenten": o["area"].get("gemeenten", []),
            "regions": o["area"].get("regions", []),
        }
        for o in offers
    ]
    out["offers.csv"] = _csv(
        flat_offers,
        ["id", "name", "summary", "audiences", "ages_min", "ages_max", "phases", "tiers", "forms", "sessions", "access", "costs",
         "evidence_level", "evidence_date", "providers", "national", "gemeenten", "regions", "website", "sources", "reviewed"],
    )
    flat_orgs = [
        {**{k: v for k, v in o.items() if not isinstance(v, dict)}, **o.get("contact", {}),
         "national": o["area"].get("national", False), "gemeenten": o["area"].get("gemeenten", []), "regions": o["area"].get("regions", [])}
        for o in orgs
    ]
    for row in flat_orgs:
        address = row.pop("address", None)
        if address:
            row["address"] = f"{address['street']}, {address['postcode']} {address['city']}"
    out["organisations.csv"] = _csv(
        flat_orgs,
        ["id", "name", "kind", "island", "phone", "email", "website", "address", "opening_hours", "national", "gemeenten", "regions", "sources", "reviewed"],
    )
    out["gemeenten.csv"] = _csv(gemeenten, ["code", "name", "province", "entry_point", "regions", "offers", "organisations"])
    return out


def write_open_data(cat: Catalogue, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name, content in open_data(cat).items():
        (target / name).write_text(content, encoding="utf-8")
