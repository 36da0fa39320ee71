"""The committed JSON Schemas for editors must match the models (run `wijzer schema` after a model change)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from wijzer.editors.schema import render, schemas

SCHEMA_DIR = Path(__file__).parent.parent.parent / "schema"


@pytest.mark.parametrize("name", sorted(schemas()))
def test_committed_schema_is_current(name):
    committed = SCHEMA_DIR / name
    assert committed.exists(), f"{committed} ontbreekt: draai 'wijzer schema'"
    assert committed.read_text(encoding="utf-8") == render(schemas()[name]), f"{committed} is verouderd: draai 'wijzer schema'"


@pytest.mark.parametrize("name", sorted(schemas()))
def test_schema_is_valid_draft07_and_describes_every_field(name):
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)

    def walk(node, where):
        if isinstance(node, dict):
            for prop, sub in node.get("properties", {}).items():
                assert "description" in sub, f"{name}: {where}.{prop} heeft geen beschrijving"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, where)

    walk(schema, "")


def test_real_data_passes_the_schema_too():
    """yaml-language-server will use these schemas: the shipped data must not show red squiggles."""
    import datetime as dt

    import yaml

    def plain(value):
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    data_dir = SCHEMA_DIR.parent / "data"
    for name, schema in schemas().items():
        data_file = data_dir / name.replace(".schema.json", ".yaml")
        if not data_file.exists():
            continue
        data = plain(yaml.safe_load(data_file.read_text(encoding="utf-8")))
        errors = sorted(Draft7Validator(schema).iter_errors(data), key=lambda e: list(e.path))
        assert not errors, f"{data_file.name}: {errors[0].message} bij {list(errors[0].path)}"
