"""The CMS configuration is generated from the models and checked against two independent
descriptions of the same data: the pydantic models themselves (every field is there, with the
same required flag) and the JSON Schema that editors get (every widget fits the type, the limits
and the pattern). It must also be a configuration Sveltia CMS accepts (its own JSON Schema)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from pydantic import BaseModel

from wijzer.core.models import DATA_FILES
from wijzer.core.validation import _unwrap
from wijzer.editors.cmsconfig import COLLECTIONS, cms_config, parse_repo, render_config
from wijzer.editors.fieldspec import LABELS, REFERENCES
from wijzer.editors.schema import schemas
from wijzer.site.admin import cms_settings

ROOT = Path(__file__).resolve().parents[2]
SVELTIA_SCHEMA = ROOT / "node_modules" / "@sveltia" / "cms" / "schema" / "sveltia-cms.json"


@pytest.fixture(scope="module")
def config() -> dict:
    # through YAML and back: what the CMS reads is the rendered file
    return yaml.safe_load(render_config(cms_config("wijzer-nl/wijzer", "main")))


def files_by_path(config: dict) -> dict[str, dict]:
    return {f["file"]: f for c in config["collections"] for f in c["files"]}


def model_paths(model: type[BaseModel], prefix: str = "") -> dict[str, tuple[type[BaseModel], str]]:
    """Every field path of a model, straight from pydantic: 'offers.evidence.level' -> (Evidence, 'level')."""
    out = {}
    for name, info in model.model_fields.items():
        path = prefix + name
        out[path] = (model, name)
        inner = _unwrap(info.annotation)
        if inner is not None:
            out.update(model_paths(inner, path + "."))
    return out


def cms_paths(fields: list[dict], prefix: str = "") -> dict[str, dict]:
    out = {}
    for field in fields:
        path = prefix + field["name"]
        out[path] = field
        out.update(cms_paths(field.get("fields", []), path + "."))
    return out


def resolve(node: dict, root: dict) -> tuple[dict, bool]:
    """A property of the editors' JSON Schema with $ref/allOf/anyOf-null unwrapped; and whether null is allowed."""
    nullable = False
    while True:
        if "$ref" in node:
            node = {**root["definitions"][node["$ref"].rsplit("/", 1)[1]], **{k: v for k, v in node.items() if k != "$ref"}}
        elif "allOf" in node and len(node["allOf"]) == 1:
            node = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
        elif "anyOf" in node:
            options = [o for o in node["anyOf"] if o.get("type") != "null"]
            nullable = nullable or len(options) < len(node["anyOf"])
            node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
        else:
            return node, nullable


def schema_properties(node: dict, root: dict, prefix: str = "") -> dict[str, tuple[dict, bool]]:
    """path -> (resolved property, required in its parent) for every property in a file's schema."""
    out = {}
    node, _ = resolve(node, root)
    required = set(node.get("required", []))
    for name, prop in node.get("properties", {}).items():
        path = prefix + name
        resolved, _ = resolve(prop, root)
        out[path] = (prop, name in required)
        inner = resolved
        if inner.get("type") == "array":
            inner, _ = resolve(inner["items"], root)
        if inner.get("type") == "object" or "properties" in inner:
            out.update(schema_properties(inner, root, path + "."))
    return out


def test_every_data_file_is_in_one_collection(config):
    files = files_by_path(config)
    assert sorted(files) == sorted(f"data/{name}" for name in DATA_FILES)
    assert [c["name"] for c in config["collections"]] == [c[0] for c in COLLECTIONS]
    assert config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {"name": "github", "repo": "wijzer-nl/wijzer", "branch": "main"}


@pytest.mark.parametrize("data_file", list(DATA_FILES))
def test_every_model_field_is_a_form_field_with_the_same_required_flag(config, data_file):
    fields = cms_paths(files_by_path(config)[f"data/{data_file}"]["fields"])
    expected = model_paths(DATA_FILES[data_file])
    assert sorted(fields) == sorted(expected)
    for path, (model, name) in expected.items():
        info = model.model_fields[name]
        field = fields[path]
        assert field["required"] is info.is_required(), path
        assert field["hint"] == info.description, path
        assert field["label"] == LABELS[name], f"{path}: no Dutch label in fieldspec.LABELS"


@pytest.mark.parametrize("data_file", list(DATA_FILES))
def test_widgets_match_the_editors_json_schema(config, data_file):
    schema = schemas()[data_file.replace(".yaml", ".schema.json")]
    fields = cms_paths(files_by_path(config)[f"data/{data_file}"]["fields"])
    props = schema_properties(schema, schema)
    assert sorted(props) == sorted(fields)
    for path, (prop, required) in props.items():
        field = fields[path]
        node, nullable = resolve(prop, schema)
        assert field["required"] is (required and not nullable), path
        many = node.get("type") == "array"
        item = resolve(node["items"], schema)[0] if many else node
        widget = field["widget"]
        if many and "minItems" in node:
            assert field["min"] == node["minItems"], path
        if "enum" in item or "const" in item:
            assert widget == "select", path
            assert field.get("multiple", False) is many, path
            assert [o["value"] for o in field["options"]] == item.get("enum", [item.get("const")]), path
        elif item.get("type") == "object" or "properties" in item:
            assert widget == ("list" if many else "object"), path
        elif widget == "relation":
            assert item["type"] == "string" and field.get("multiple", False) is many, path
        elif many:
            assert widget == "list", path
            sub = field["field"]
            assert sub["widget"] == "string" and item["type"] == "string", path
            assert sub.get("pattern", [item.get("pattern")])[0] == item.get("pattern"), path
        elif item.get("type") == "integer":
            assert (widget, field["value_type"]) == ("number", "int"), path
            assert (field.get("min"), field.get("max")) == (item.get("minimum"), item.get("maximum")), path
        elif item.get("type") == "boolean":
            assert widget == "boolean", path
        elif item.get("format") == "date":
            assert (widget, field["type"], field["format"]) == ("datetime", "date", "YYYY-MM-DD"), path
        elif item.get("format") == "email":
            assert (widget, field["type"]) == ("string", "email"), path
        elif item.get("format") == "uri":
            assert (widget, field["type"], field["pattern"][0]) == ("string", "url", item["pattern"]), path
        elif "pattern" in item:
            assert (widget, field["pattern"][0]) == ("string", item["pattern"]), path
        else:
            assert item["type"] == "string" and widget in ("string", "markdown"), path


def test_references_become_relation_fields_that_point_at_a_real_list(config):
    files = files_by_path(config)
    by_collection_file = {(c["name"], f["name"]): f for c in config["collections"] for f in c["files"]}
    relations = [f for fs in files.values() for f in cms_paths(fs["fields"]).values() if f["widget"] == "relation"]
    assert len(relations) == len(REFERENCES) + 2  # Area is used by both offers and organisations
    for field in relations:
        target = by_collection_file[(field["collection"], field["file"])]
        list_key, star, id_field = field["value_field"].split(".")
        assert star == "*"
        target_fields = cms_paths(target["fields"])
        assert f"{list_key}.{id_field}" in target_fields
        for display in field["display_fields"] + field["search_fields"]:
            assert display.replace(".*", "") in target_fields


def test_markdown_fields_only_offer_what_the_site_keeps(config):
    from wijzer.pages.render import ALLOWED_TAGS

    tags = {"bold": "strong", "italic": "em", "link": "a", "heading-three": "h3", "heading-four": "h4",
            "bulleted-list": "ul", "numbered-list": "ol", "quote": "blockquote", "code": "code"}
    markdown = [f for fs in files_by_path(config).values() for f in cms_paths(fs["fields"]).values() if f["widget"] == "markdown"]
    assert markdown
    for field in markdown:
        assert field["editor_components"] == []  # no images or embeds
        assert {tags[b] for b in field["buttons"]} <= ALLOWED_TAGS


@pytest.mark.skipif(not SVELTIA_SCHEMA.exists(), reason="npm ci has not run (make test runs it)")
def test_sveltia_accepts_the_configuration(config):
    schema = json.loads(SVELTIA_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(config, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**config, "publish_mode": "direct"}, schema)


def test_the_repository_comes_from_the_edit_links_or_the_environment():
    assert parse_repo("https://github.com/wijzer-nl/wijzer/edit/main/data/") == ("wijzer-nl/wijzer", "main")
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "edit_data_base" in mkdocs
    extra: dict[str, Any] = {"edit_data_base": "https://github.com/gemeente/sociale-kaart/edit/productie/data/"}
    assert cms_settings(extra, {}) == {"repo": "gemeente/sociale-kaart", "branch": "productie", "base_url": None, "data_dir": "data"}
    env = {"WIJZER_CMS_REPO": "fork/wijzer", "WIJZER_CMS_AUTH_URL": "https://auth.example.org"}
    assert cms_settings(extra, env)["repo"] == "fork/wijzer"
    assert cms_settings(extra, env)["base_url"] == "https://auth.example.org"
    assert cms_settings(extra, {"WIJZER_CMS": "off"}) is None
    assert cms_settings({**extra, "cms": {"enabled": False}}, {}) is None
