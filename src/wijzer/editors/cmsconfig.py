"""The CMS configuration (``admin/config.yml`` for Sveltia CMS), generated from the models.

Every field of every data file becomes a form field with the same name, the Dutch description
as help text, a widget that matches its type and the same required flag, so the CMS cannot
drift from what ``wijzer validate`` accepts. Changes go through the editorial workflow: each
save becomes a branch and a pull request, checked by the same validation as any other.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from wijzer.editors.fieldspec import FILE_LABELS, FieldSpec, file_fields
from wijzer.editors.fmt import CMS_YAML_OUTPUT

# collection name, label, description, icon (Material Symbols), data files in it
COLLECTIONS: tuple[tuple[str, str, str, str, tuple[str, ...]], ...] = (
    ("aanbod", "Hulpaanbod", "Hulp bij scheiding, van licht naar zwaar.", "volunteer_activism", ("offers.yaml",)),
    ("organisaties", "Organisaties", "Organisaties en hun contactgegevens.", "apartment", ("organisations.yaml",)),
    ("juridisch", "Wet en regels", "Juridische basiskennis per onderwerp.", "gavel", ("legal.yaml",)),
    (
        "basis",
        "Ladder, gemeenten en instellingen",
        "De treden van de ladder, gemeenten met hun toegang, regio's en de controletermijn.",
        "tune",
        ("tiers.yaml", "regions.yaml", "settings.yaml"),
    ),
)
# what a collapsed entry in a list shows
SUMMARY_FIELDS = ("name", "title", "label", "ref")

PATTERN_MESSAGES = {
    "slug": "Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld ouderschap-blijft.",
    "cbs": "Schrijf GM met vier cijfers, bijvoorbeeld GM0193.",
    "postcode": "Schrijf vier cijfers en twee hoofdletters, bijvoorbeeld 8011 PK.",
    "phone": "Alleen cijfers, spaties, streepjes, haakjes en +.",
    "url": "Begin met https://",
    "pattern": "Gebruik de vorm die in de uitleg staat.",
}
URL_PATTERN = "^https://"
# only what the site's Markdown filter keeps (render.ALLOWED_TAGS): no images, no big headings
MARKDOWN_BUTTONS = ["bold", "italic", "link", "heading-three", "heading-four", "bulleted-list", "numbered-list", "quote", "code"]


def file_stem(data_file: str) -> str:
    return data_file.removesuffix(".yaml")


def collection_of(data_file: str) -> str:
    return next(name for name, _, _, _, files in COLLECTIONS if data_file in files)


def _base(spec: FieldSpec) -> dict[str, Any]:
    out: dict[str, Any] = {"name": spec.name, "label": spec.label}
    if spec.description:
        out["hint"] = spec.description
    out["required"] = spec.required
    return out


def _scalar_widget(spec: FieldSpec) -> dict[str, Any]:
    """Widget options for one value of ``spec`` (without name, label and required)."""
    kind = spec.kind
    if kind == "text":
        return {"widget": "string", "maxlength": 1000}
    if kind == "markdown":
        return {"widget": "markdown", "buttons": MARKDOWN_BUTTONS, "editor_components": [], "modes": ["rich_text", "raw"]}
    if kind == "url":
        return {"widget": "string", "type": "url", "pattern": [spec.pattern or URL_PATTERN, PATTERN_MESSAGES["url"]]}
    if kind == "email":
        return {"widget": "string", "type": "email"}
    if kind in ("slug", "cbs", "postcode", "phone", "pattern"):
        assert spec.pattern, spec.name
        return {"widget": "string", "pattern": [spec.pattern, PATTERN_MESSAGES[kind]]}
    if kind == "int":
        out: dict[str, Any] = {"widget": "number", "value_type": "int"}
        if spec.minimum is not None:
            out["min"] = spec.minimum
        if spec.maximum is not None:
            out["max"] = spec.maximum
        return out
    if kind == "bool":
        return {"widget": "boolean"}
    if kind == "date":
        return {"widget": "datetime", "type": "date", "format": "YYYY-MM-DD"}
    if kind == "choice":
        return {"widget": "select", "options": [{"label": label, "value": value} for value, label in spec.choices]}
    raise ValueError(f"{spec.name}: geen widget voor {kind}")  # pragma: no cover


def _relation(spec: FieldSpec) -> dict[str, Any]:
    assert spec.reference
    data_file, list_key, id_field, display = spec.reference
    return {
        "widget": "relation",
        "collection": collection_of(data_file),
        "file": file_stem(data_file),
        "value_field": f"{list_key}.*.{id_field}",
        "search_fields": [f"{list_key}.*.{display}", f"{list_key}.*.{id_field}"],
        "display_fields": [f"{list_key}.*.{display}"],
    }


def _summary(children: tuple[FieldSpec, ...]) -> str | None:
    names = [c.name for c in children]
    shown = next((n for n in SUMMARY_FIELDS if n in names), None) or ("id" if "id" in names else names[0] if names else None)
    return f"{{{{fields.{shown}}}}}" if shown else None


def widget(spec: FieldSpec) -> dict[str, Any]:
    """The CMS field for one model field."""
    out = _base(spec)
    if spec.reference:
        out.update(_relation(spec))
        if spec.many:
            out["multiple"] = True
    elif spec.kind == "object":
        out["widget"] = "list" if spec.many else "object"
        out["fields"] = [widget(child) for child in spec.children]
        summary = _summary(spec.children)
        if spec.many and summary:
            out["summary"] = summary
        if spec.many:
            out["collapsed"] = True
    elif spec.many and spec.kind == "choice":
        out.update(_scalar_widget(spec))
        out["multiple"] = True
    elif spec.many:
        item = {"name": spec.name.removesuffix("s") or "item", "label": spec.label, **_scalar_widget(spec)}
        out.update({"widget": "list", "field": item})
    else:
        out.update(_scalar_widget(spec))
    if spec.many and spec.min_items:
        out["min"] = spec.min_items
    if spec.kind == "bool" and spec.default is not None:
        out["default"] = bool(spec.default)
    if spec.kind == "int" and spec.default is not None:
        out["default"] = spec.default
    return out


def parse_repo(edit_url: str | None) -> tuple[str, str] | None:
    """``https://github.com/owner/repo/edit/main/data/`` -> (``owner/repo``, ``main``)."""
    match = re.match(r"^https://github\.com/([^/]+/[^/]+)/(?:edit|blob|tree)/([^/]+)/", edit_url or "")
    return (match.group(1), match.group(2)) if match else None


def cms_config(
    repo: str,
    branch: str = "main",
    *,
    data_dir: str = "data",
    base_url: str | None = None,
    site_url: str | None = None,
) -> dict[str, Any]:
    backend: dict[str, Any] = {"name": "github", "repo": repo, "branch": branch}
    if base_url:
        backend["base_url"] = base_url
    specs = file_fields()
    collections = []
    for name, label, description, icon, files in COLLECTIONS:
        collections.append(
            {
                "name": name,
                "label": label,
                "description": description,
                "icon": icon,
                "files": [
                    {
                        "name": file_stem(data_file),
                        "label": FILE_LABELS[data_file],
                        "file": f"{data_dir.strip('/')}/{data_file}",
                        "fields": [widget(spec) for spec in specs[data_file]],
                    }
                    for data_file in files
                ],
            }
        )
    config: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "app_title": "Wijzer redactie",
        "media_folder": "content/assets/uploads",
        "public_folder": "/assets/uploads",
        # the layout of `wijzer fmt`, so a one-field change is a one-line diff (docs/cms.md)
        "output": {"omit_empty_optional_fields": True, "yaml": dict(CMS_YAML_OUTPUT)},
        "collections": collections,
    }
    if site_url:
        config["site_url"] = site_url
    return config


class _PlainDumper(yaml.SafeDumper):
    """No ``&id001`` anchors: the file stays readable for people."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def render_config(config: dict[str, Any]) -> str:
    header = (
        "# Gegenereerd door Wijzer (src/wijzer/editors/cmsconfig.py) uit src/wijzer/core/models.py.\n"
        "# Niet met de hand aanpassen: wijzig het model en bouw de site opnieuw.\n"
    )
    return header + yaml.dump(config, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=100)
