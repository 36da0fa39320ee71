"""The package's import rule: core <- pages <- editors <- site <- cli; nothing imports upward, no cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wijzer"
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


def _module_name(path: Path) -> str:
    return ".".join(("wijzer", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")


def test_no_module_imports_itself_round_about():
    """No import cycles between modules (counting imports inside functions and for type checking):
    each cycle means two modules that cannot be understood, or changed, one without the other."""
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py") if "starter" not in p.parts}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_modules(path):
            while imported and imported not in modules:  # `from wijzer.core import models` names a module
                imported = imported.rpartition(".")[0]
            if imported and imported != name and imported != "wijzer":
                targets.add(imported)
        graph[name] = targets
    cycles = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*trail[trail.index(target):], target]))
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert cycles == [], "\n".join(cycles)
