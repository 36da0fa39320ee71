"""Validate parsed YAML against the models and say every problem in the editor's terms."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from wijzer.core.problems import Path, Problem
from wijzer.core.yamlsource import Source

_DATE_LIKE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def minimum_message(count: int) -> str:
    return "moet minstens 1 item bevatten" if count == 1 else f"moet minstens {count} items bevatten"


def _describe(value: Any) -> str:
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return f"de ja/nee-waarde {str(value).lower()}"
    if isinstance(value, int | float):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return repr(value)


def _unwrap(annotation: Any) -> Any:
    """The model class inside ``X | None``, ``list[X]``, ``Annotated[X, ...]``, if any."""
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin in (list, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _unwrap(arg)
            if found is not None:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _unwrap(info.annotation)
    return current


def _message(error: dict[str, Any], model: type[BaseModel]) -> tuple[str, bool]:
    """Dutch message for one pydantic error, and whether it points at the key (not the value)."""
    kind = error["type"]
    value = error.get("input")
    ctx = error.get("ctx") or {}
    loc = tuple(error["loc"])
    if kind == "missing":
        return "verplicht veld ontbreekt", False
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        known = list(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; bedoelde je '{close[0]}'?" if close else (f"; toegestaan: {', '.join(known)}" if known else "")
        return f"onbekend veld '{loc[-1]}'{hint}", True
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        return f"{_describe(value)} is geen toegestane waarde; kies uit: {', '.join(allowed)}", False
    if kind in ("string_type", "str_type"):
        hint = ""
        if isinstance(value, bool | int | float):
            hint = "; zet de tekst tussen aanhalingstekens"
        return f"verwacht tekst, maar vond {_describe(value)}{hint}", False
    if kind in ("bool_type", "bool_parsing"):
        return f"verwacht true of false, maar vond {_describe(value)}", False
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"verwacht een heel getal, maar vond {_describe(value)}", False
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and _DATE_LIKE.match(value):
            return f"'{value}' is geen bestaande datum", False
        return f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2026-03-01), maar vond {_describe(value)}", False
    if kind == "list_type":
        return f"verwacht een lijst (regels die beginnen met '- '), maar vond {_describe(value)}", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"verwacht een blok met velden (sleutel: waarde), maar vond {_describe(value)}", False
    if kind == "too_short":
        if isinstance(value, list):
            return minimum_message(int(ctx.get("min_length", 1))), False
        return "mag niet leeg zijn", False
    if kind == "too_long":
        return f"is te lang (hooguit {ctx.get('max_length')})", False
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn, maar is {value}", False
    if kind == "less_than_equal":
        return f"mag hooguit {ctx.get('le')} zijn, maar is {value}", False
    if kind == "string_pattern_mismatch":
        if loc and loc[-1] == "postcode":
            return f"{_describe(value)} is geen postcode; schrijf vier cijfers en twee hoofdletters, bijvoorbeeld 8011 PK", False
        return f"{_describe(value)} heeft niet de juiste vorm", False
    if kind == "value_error":
        return str(error.get("msg", "")).removeprefix("Value error, "), False
    return str(error.get("msg", kind)), False


def problems_from(exc: ValidationError, src: Source, prefix: Path, model: type[BaseModel]) -> list[Problem]:
    found = []
    for error in exc.errors(include_url=False):
        message, at_key = _message(error, model)
        path = (*prefix, *error["loc"])
        # a missing field has no position of its own: point at the entry that lacks it
        line, col = src.where(path[:-1] if error["type"] == "missing" else path, key=at_key)
        found.append(Problem(src.file, line, col, src.label(path), message))
    return found


def validate_file(src: Source, file_model: type[BaseModel]) -> tuple[dict[str, Any], list[Problem]]:
    """Validate one file item by item, so one bad entry doesn't hide the others.

    Returns the valid values per top-level key (a list of valid items, or one model).
    """
    problems: list[Problem] = []
    valid: dict[str, Any] = {}
    data = src.data
    if not isinstance(data, dict):
        keys = ", ".join(file_model.model_fields)
        valid[":unloaded"] = True
        return valid, [src.problem((), f"het bestand moet beginnen met een sleutel ({keys}), maar bevat {_describe(data)}")]
    for key in data:
        if key not in file_model.model_fields:
            close = difflib.get_close_matches(key, list(file_model.model_fields), n=1)
            hint = f"; bedoelde je '{close[0]}'?" if close else f"; toegestaan: {', '.join(file_model.model_fields)}"
            problems.append(src.problem((key,), f"onbekend veld '{key}'{hint}", key=True))
    for name, info in file_model.model_fields.items():
        if name not in data:
            if info.is_required():
                problems.append(src.problem((), f"'{name}:' ontbreekt bovenaan het bestand"))
            continue
        value = data[name]
        item_model = _unwrap(info.annotation)
        if get_origin(info.annotation) is list and item_model is not None:
            if not isinstance(value, list):
                problems.append(src.problem((name,), f"verwacht een lijst (regels die beginnen met '- '), maar vond {_describe(value)}"))
                valid[":unloaded"] = True  # follow-up checks into this file would only repeat this one cause
                continue
            items = []
            rejected: set[str] = set()  # ids of invalid entries: references to them are not reported twice
            for i, item in enumerate(value):
                try:
                    items.append((i, item_model.model_validate(item)))
                except ValidationError as exc:
                    problems.extend(problems_from(exc, src, (name, i), item_model))
                    if isinstance(item, dict):
                        rejected.add(str(item.get("id", item.get("code", ""))))
                    else:  # an item without fields has no id: references into this list cannot be judged
                        valid[":unloaded"] = True
            valid[name] = items
            valid[f"{name}:rejected"] = rejected
            min_length = next((m.min_length for m in info.metadata if hasattr(m, "min_length")), None)
            if min_length and len(value) < min_length:
                problems.append(src.problem((name,), minimum_message(min_length)))
        elif item_model is not None:
            try:
                valid[name] = item_model.model_validate(value)
            except ValidationError as exc:
                problems.extend(problems_from(exc, src, (name,), item_model))
    return valid, problems
