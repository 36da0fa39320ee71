"""JSON Schema for editors (yaml-language-server), generated from the models: draft-07 keywords only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from wijzer.core.catalogue import data_files


def _draft07(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$defs":
                out["definitions"] = _draft07(value)
            elif key == "$ref" and isinstance(value, str):
                out["$ref"] = value.replace("#/$defs/", "#/definitions/")
            else:
                out[key] = _draft07(value)
        # draft-07 ignores siblings of $ref: wrap so descriptions still show in editors
        if "$ref" in out and len(out) > 1:
            ref = out.pop("$ref")
            out["allOf"] = [{"$ref": ref}]
        return out
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def schemas() -> dict[str, dict]:
    """File name in schema/ -> schema, for every data file: the core files and those of the
    extensions (synonyms, routekaart, taxatie)."""
    out = {}
    for data_file, model in data_files().items():
        schema = _draft07(model.model_json_schema(mode="validation"))
        schema = {"$schema": "http://json-schema.org/draft-07/schema#", "$id": f"{data_file.removesuffix('.yaml')}.schema.json", **schema}
        out[data_file.replace(".yaml", ".schema.json")] = schema
    return out


def render(schema: dict) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = target / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
