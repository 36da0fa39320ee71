"""The data model seen as a tree of fields: one walk over ``models.py`` that the editors'
field reference (CONTRIBUTING.md) and the CMS configuration are both generated from.

Everything an editor reads comes from the models: the Dutch ``description`` of each field, the
allowed values and their labels (``*_LABELS`` in models.py), limits and whether a field is
required. Only two things are not in the models and live here: a short Dutch label per field
name (the descriptions are sentences) and which list points at which other list.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le, MinLen
from pydantic import AfterValidator, BaseModel, WithJsonSchema
from pydantic.fields import FieldInfo

from wijzer.core import fields as f
from wijzer.core import models as m

Kind = Literal["text", "markdown", "url", "slug", "cbs", "phone", "email", "postcode", "pattern", "int", "bool", "date", "choice", "object"]

_VALIDATOR_KINDS: dict[Any, Kind] = {
    f._plain: "text",
    f._markdown: "markdown",
    f.check_url: "url",
    f._slug: "slug",
    f._law_ref: "text",
    f._cbs: "cbs",
    f._phone: "phone",
    f._short_number: "phone",
    f._email: "email",
}

# One label per data file: the CMS's collection entries and the headings of the field reference.
FILE_LABELS: dict[str, str] = {
    "offers.yaml": "Hulpaanbod",
    "organisations.yaml": "Organisaties",
    "legal.yaml": "Juridische onderwerpen",
    "regions.yaml": "Gemeenten en regio's",
    "tiers.yaml": "Treden van de ladder",
    "settings.yaml": "Instellingen",
    "taxatie.yaml": "Signaleringshulp (taxatie)",
    "beslishulp.yaml": "Beslishulp Mag ik …?",
    "routekaart.yaml": "Routekaart",
    "synonyms.yaml": "Zoekwoorden (synoniemen en schrijfwijzen)",
}

# Short labels for forms and tables. A model field without a label here fails
# tests/editors/test_cms_config.py, so a new field cannot slip through unlabelled.
LABELS: dict[str, str] = {
    "access": "Toegang",
    "address": "Bezoekadres",
    "ages": "Leeftijd kinderen",
    "area": "Werkgebied",
    "audiences": "Voor wie",
    "children": "Tekst voor kinderen en jongeren",
    "city": "Plaats",
    "code": "CBS-code",
    "contact": "Contact",
    "costs": "Kosten",
    "costs_note": "Toelichting kosten",
    "date": "Datum beoordeling",
    "description": "Beschrijving",
    "email": "E-mailadres",
    "entry_point": "Toegang in de gemeente",
    "entry_point_note": "Waarom geen eigen team",
    "website_consulted": "Website gecontroleerd op",
    "evidence": "Bewijsniveau (NJi)",
    "forms": "Vorm",
    "gemeenten": "Gemeenten",
    "herindelingen": "Herindelingen (opgeheven gemeenten)",
    "former": "Opgeheven gemeenten",
    "into": "Hoort nu bij",
    "since": "Ingegaan op",
    "woonplaatsen": "Plaatsen die geen gemeente zijn",
    "gemeente": "Gemeente",
    "glasl": "Fasen van Glasl",
    "id": "Id",
    "island": "Eiland",
    "kind": "Soort",
    "label": "Naam van de trede",
    "law": "Wetsartikelen",
    "level": "Niveau",
    "max": "Tot en met leeftijd",
    "min": "Vanaf leeftijd",
    "name": "Naam",
    "national": "Landelijk",
    "offers": "Hulpaanbod",
    "opening_hours": "Bereikbaarheid",
    "short_number": "Kort nummer",
    "chat": "Chat",
    "consulted": "Geraadpleegd op",
    "sources_consulted": "Bronnen met eigen datum",
    "organisations": "Organisaties",
    "parents": "Tekst voor ouders",
    "phases": "Fase",
    "phone": "Telefoon",
    "postcode": "Postcode",
    "professionals": "Tekst voor professionals",
    "providers": "Aanbieders",
    "province": "Provincie",
    "ref": "Verwijzing",
    "regions": "Regio's",
    "related_offers": "Passend aanbod",
    "related_topics": "Verwante onderwerpen",
    "review_interval_days": "Controletermijn (dagen)",
    "finder_summaries_inline": "Korte beschrijvingen direct op Hulp zoeken",
    "reviewed": "Laatst gecontroleerd",
    "quick_exit": "Knop 'Snel weg'",
    "sessions": "Bijeenkomsten",
    "settings": "Instellingen",
    "sources": "Bronnen",
    "street": "Straat en huisnummer",
    "summary": "Samenvatting",
    "tiers": "Treden",
    "title": "Titel",
    "topics": "Juridische onderwerpen",
    "url": "Link",
    "website": "Website",
}

# (model, field) -> the list it refers to: (data file, list key, id field, display field)
Reference = tuple[str, str, str, str]
_ORGANISATIONS: Reference = ("organisations.yaml", "organisations", "id", "name")
_GEMEENTEN: Reference = ("regions.yaml", "gemeenten", "code", "name")
_REGIONS: Reference = ("regions.yaml", "regions", "id", "name")
REFERENCES: dict[tuple[type[BaseModel], str], Reference] = {
    (m.Offer, "tiers"): ("tiers.yaml", "tiers", "id", "label"),
    (m.Offer, "providers"): _ORGANISATIONS,
    (m.LegalTopic, "related_offers"): ("offers.yaml", "offers", "id", "name"),
    (m.LegalTopic, "related_topics"): ("legal.yaml", "topics", "id", "title"),
    (m.Area, "gemeenten"): _GEMEENTEN,
    (m.Area, "regions"): _REGIONS,
    (m.Region, "gemeenten"): _GEMEENTEN,
    (m.Gemeente, "entry_point"): _ORGANISATIONS,
    (m.Herindeling, "into"): _GEMEENTEN,
    (m.Woonplaats, "gemeente"): _GEMEENTEN,
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    description: str
    kind: Kind
    required: bool
    many: bool = False  # a list of values of this kind
    min_items: int = 0
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    reference: Reference | None = None
    children: tuple[FieldSpec, ...] = field(default=())
    default: Any = None


def _label_table(values: tuple[str, ...]) -> dict[str, str]:
    for name in dir(m):
        table = getattr(m, name)
        if name.endswith("_LABELS") and isinstance(table, dict) and set(table) == set(values):
            return table
    return {v: v for v in values}


def _strip(annotation: Any, metadata: list[Any]) -> tuple[Any, bool, bool, list[Any]]:
    """-> (inner type, optional, many, metadata of the inner type)."""
    optional = many = False
    meta = list(metadata)
    while True:
        origin = get_origin(annotation)
        if origin is typing.Annotated:
            annotation, *extra = get_args(annotation)
            meta.extend(extra)
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(args) < len(get_args(annotation))
            annotation = args[0]  # ``X | Y``: forms edit the first, plainest form
        elif origin is list:
            many = True
            annotation = get_args(annotation)[0]
        else:
            return annotation, optional, many, meta


def field_spec(model: type[BaseModel], name: str, info: FieldInfo) -> FieldSpec:
    inner, optional, many, meta = _strip(info.annotation, info.metadata)
    list_meta = info.metadata if many else []
    kind: Kind | None = None
    pattern = minimum = maximum = None
    choices: tuple[tuple[str, str], ...] = ()
    children: tuple[FieldSpec, ...] = ()
    for item in meta:
        if isinstance(item, AfterValidator) and item.func in _VALIDATOR_KINDS:
            kind = _VALIDATOR_KINDS[item.func]
        if isinstance(item, Ge) and not many:
            minimum = int(item.ge)
        if isinstance(item, Le) and not many:
            maximum = int(item.le)
        if getattr(item, "pattern", None):
            pattern = item.pattern
        if isinstance(item, WithJsonSchema) and (item.json_schema or {}).get("pattern"):
            pattern = item.json_schema["pattern"]  # the same pattern editors get from the JSON Schema
    if kind is None:
        if get_origin(inner) is Literal:
            kind = "choice"
            table = _label_table(get_args(inner))
            choices = tuple((v, table[v]) for v in get_args(inner))
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            kind = "object"
            children = model_fields(inner)
        elif inner is bool:
            kind = "bool"
        elif inner is int:
            kind = "int"
        elif inner is dt.date:
            kind = "date"
        elif inner is str and pattern:
            # only the address's postcode is a postcode; other text with a fixed form (the search words
            # in synonyms.yaml: small letters) is named by its pattern
            kind = "postcode" if name == "postcode" else "pattern"
        elif get_origin(inner) is dict:  # a free mapping, such as the conditions of the beslishulp
            kind = "object"
        else:  # pragma: no cover - a new field type must be added above
            raise TypeError(f"{model.__name__}.{name}: geen soort voor {inner!r}")
    min_items = next((int(x.min_length) for x in list_meta if isinstance(x, MinLen)), 0)
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    if isinstance(default, BaseModel):
        default = None
    return FieldSpec(
        name=name,
        label=info.title or LABELS.get(name, name),
        description=info.description or "",
        kind=kind,
        required=info.is_required() and not optional,
        many=many,
        min_items=min_items,
        minimum=minimum,
        maximum=maximum,
        pattern=pattern,
        choices=choices,
        reference=REFERENCES.get((model, name)),
        children=children,
        default=default,
    )


def model_fields(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    """The model's own fields first, then inherited ones (``sources``/``reviewed`` come last)."""
    own = set(model.__dict__.get("__annotations__", {}))
    names = sorted(model.model_fields, key=lambda n: n not in own)
    return tuple(field_spec(model, name, model.model_fields[name]) for name in names)


def file_fields(extensions: bool = False) -> dict[str, tuple[FieldSpec, ...]]:
    """Data file name -> its top-level fields (each usually one list of entries). With
    ``extensions`` also the files of the extensions (synonyms, routekaart, taxatie)."""
    from wijzer.core.catalogue import data_files

    files: dict[str, type[BaseModel]] = data_files() if extensions else dict(m.DATA_FILES)
    return {name: model_fields(model) for name, model in files.items()}


def walk(specs: tuple[FieldSpec, ...], prefix: str = "") -> typing.Iterator[tuple[str, FieldSpec]]:
    """Every field with its dotted path (``evidence.level``), parents before children."""
    for spec in specs:
        path = f"{prefix}{spec.name}"
        yield path, spec
        yield from walk(spec.children, path + ".")
