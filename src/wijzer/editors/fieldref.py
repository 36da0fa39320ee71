"""The field reference in CONTRIBUTING.md, generated from the models (see fieldspec.py).

``wijzer docs`` rewrites the part between the two markers; ``wijzer docs --check`` fails when
the committed file is stale, so the reference can never drift from what validation accepts.
"""

from __future__ import annotations

from pathlib import Path

from wijzer.editors.fieldspec import FILE_LABELS, FieldSpec, file_fields, walk

BEGIN = "<!-- VELDEN:BEGIN — gegenereerd door 'wijzer docs' uit src/wijzer/core/models.py; niet met de hand aanpassen -->"
END = "<!-- VELDEN:EIND -->"
ORDER = (
    "offers.yaml",
    "organisations.yaml",
    "legal.yaml",
    "regions.yaml",
    "tiers.yaml",
    "settings.yaml",
    "taxatie.yaml",
    "beslishulp.yaml",
    "routekaart.yaml",
    "synonyms.yaml",
)
KIND_TEXT = {
    "text": "tekst (één regel)",
    "markdown": "tekst met opmaak (Markdown)",
    "url": "webadres dat begint met https://",
    "slug": "id: kleine letters, cijfers en streepjes",
    "cbs": "CBS-code: GM en vier cijfers",
    "phone": "telefoonnummer",
    "email": "e-mailadres",
    "postcode": "postcode, bijvoorbeeld 8011 PK",
    "pattern": "tekst in een vaste vorm (zie de uitleg)",
    "int": "heel getal",
    "bool": "true of false",
    "date": "datum JJJJ-MM-DD",
    "choice": "één waarde uit de lijst",
    "object": "blok met velden",
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def kind_text(spec: FieldSpec) -> str:
    if spec.reference:
        data_file, list_key, id_field, _ = spec.reference
        what = f"de `{id_field}` van een item onder `{list_key}:` in `data/{data_file}`"
        return f"lijst; per regel {what}" if spec.many else what
    text = KIND_TEXT[spec.kind]
    if spec.kind == "choice" and spec.many:
        text = "één of meer waarden uit de lijst"
    elif spec.many:
        text = f"lijst; per regel: {text}"
    if spec.minimum is not None or spec.maximum is not None:
        text += f" van {spec.minimum} tot en met {spec.maximum}"
    if spec.min_items > 1:
        text += f"; minstens {spec.min_items}"
    return text


def required_text(spec: FieldSpec, optional_parent: str | None = None) -> str:
    if spec.required:
        return f"ja, als er `{optional_parent}` staat" if optional_parent else "ja"
    if spec.default not in (None, [], ""):
        return f"nee (standaard `{str(spec.default).lower() if isinstance(spec.default, bool) else spec.default}`)"
    return "nee"


def _choices(spec: FieldSpec) -> str:
    return "<br>Kies uit: " + ", ".join(f"`{value}` ({_cell(label)})" if label != value else f"`{value}`" for value, label in spec.choices)


def _table(spec: FieldSpec) -> list[str]:
    out = ["| Veld | Verplicht | Soort | Wat vul je in? |", "| --- | --- | --- | --- |"]
    optional: set[str] = set()
    for path, child in walk(spec.children):
        if not child.required:
            optional.add(path)
        # the nearest optional parent: contact.address.street is required when there is an address
        parent = next((p for p in sorted(optional, key=len, reverse=True) if path.startswith(p + ".")), None)
        explanation = _cell(child.description) + (_choices(child) if child.choices else "")
        out.append(f"| `{path}` | {required_text(child, parent)} | {kind_text(child)} | {explanation} |")
    return out


def file_section(data_file: str, specs: tuple[FieldSpec, ...]) -> list[str]:
    out = [f"### {FILE_LABELS.get(data_file, data_file)} — `data/{data_file}`", ""]
    for spec in specs:
        shape = "een lijst; elk item begint met `- `" if spec.many else "een blok met velden"
        out += [f"Onder `{spec.name}:` staat {shape}. {spec.description}", ""]
        out += _table(spec) if spec.children else [f"Soort: {kind_text(spec)}."]
        out.append("")
    return out


def field_reference() -> str:
    """The generated Markdown (without markers)."""
    specs = file_fields(extensions=True)
    out = [
        "Deze tabellen komen rechtstreeks uit het datamodel (`src/wijzer/core/models.py`). Een veld met een punt,",
        "zoals `evidence.level`, staat ingesprongen onder het eerste deel (`evidence:` en daaronder `level:`).",
        "",
    ]
    for data_file in ORDER:
        out += file_section(data_file, specs[data_file])
    return "\n".join(out).rstrip("\n") + "\n"


def with_reference(document: str) -> str:
    """``document`` with the part between the markers replaced by the current reference."""
    start = document.find(BEGIN)
    end = document.find(END)
    if start < 0 or end < start:
        raise ValueError(f"de markeringen {BEGIN!r} en {END!r} ontbreken")
    return document[: start + len(BEGIN)] + "\n\n" + field_reference() + "\n" + document[end:]


def update(path: Path, check: bool = False) -> bool:
    """Rewrite ``path`` (or with ``check``, only compare). Returns True when it was up to date."""
    current = path.read_text(encoding="utf-8")
    fresh = with_reference(current)
    if fresh == current:
        return True
    if not check:
        path.write_text(fresh, encoding="utf-8")
    return False
