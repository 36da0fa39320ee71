"""The package's import rule: core <- pages <- editors <- site <- cli; nothing imports upward, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "wijzer"
ORDER = ["core", "pages", "editors", "site"]
# Libraries a layer may not use at all: the core knows neither templates nor MkDocs.
FORBIDDEN_LIBRARIES = {"core": {"jinja2", "mkdocs", "material", "mkdocs_macros", "markupsafe"}}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


@pytest.mark.parametrize("layer", ORDER)
def test_a_layer_imports_only_the_layers_below_it(layer):
    allowed = set(ORDER[: ORDER.index(layer) + 1])
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imported_modules(path):
            parts = name.split(".")
            if parts[0] == "wijzer" and len(parts) > 1 and parts[1] in ORDER + ["cli"] and parts[1] not in allowed:
                offences.append(f"{path.relative_to(PACKAGE)} importeert {name}")
            if parts[0] in FORBIDDEN_LIBRARIES.get(layer, set()):
                offences.append(f"{path.relative_to(PACKAGE)} gebruikt {parts[0]}")
    assert offences == [], "\n".join(offences)


def test_every_module_sits_in_a_layer():
    loose = sorted(p.name for p in PACKAGE.glob("*.py") if p.name not in {"__init__.py", "cli.py"})
    assert loose == [], f"modules outside a layer: {loose}"
