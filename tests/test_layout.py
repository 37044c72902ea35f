"""The package keeps the shape of the pipeline (docs/ARCHITECTURE.md).

Imports are read with ``ast`` (nothing is imported or executed), every import counts: at module
level, inside functions and under ``TYPE_CHECKING``. The checks: no import cycle between
modules; no module imports a layer above its own (stages in the order data flows, the shared
knowledge below them, ``pipeline`` and ``cli`` above); only ``cli`` imports click; no module over
500 lines; every package says in its docstring what it takes in and what it hands on.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "osai_scan"

#: Top-level units of ``osai_scan`` from the bottom up; a unit may import its own layer and
#: the layers below it. Stages are in the order data flows (shared/DESIGN.md).
LAYERS: tuple[tuple[str, ...], ...] = (
    ("errors", "constants"),
    ("models",),
    ("ruleset",),
    ("licenses",),
    ("findings",),
    ("sources",),
    ("inventory",),
    ("classify",),
    ("detect",),
    ("attribute",),
    ("policy",),
    ("report",),
    ("pipeline",),
    ("fleet",),
    ("cli",),
    ("__init__", "__main__"),
)
STAGES = ("sources", "inventory", "classify", "detect", "attribute", "policy", "report")
#: The fleet runner calls ``pipeline.scan``, never the stages.
FLEET_MAY_IMPORT = frozenset({"errors", "constants", "models", "ruleset", "licenses", "findings", "pipeline",
                              "report"})
#: Stages the CLI may name directly: it opens targets (sources) and renders formats (report);
#: everything else it reaches through ``pipeline``.
CLI_STAGES = frozenset({"sources", "report"})
MAX_LINES = 500
LAYER_OF = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}


def _module_name(path: Path) -> str:
    parts = ["osai_scan", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _resolve(importer: str, is_package: bool, level: int, module: str | None) -> str:
    base = importer.split(".") if is_package else importer.split(".")[:-1]
    if level > 1:
        base = base[: len(base) - (level - 1)]
    return ".".join(base + ([module] if module else []))


def _imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The osai_scan modules ``name`` imports (a name imported from a package counts as its module
    when one of that name exists, else as the package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "osai_scan")
        elif isinstance(node, ast.ImportFrom):
            target = (_resolve(name, is_package, node.level, node.module) if node.level else node.module or "")
            if target.split(".")[0] != "osai_scan":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    return {m for m in found if m != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    return {name: _imports(name, path, known) for name, path in modules.items()}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _third_party(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a list of modules (first == last), or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 1:
                return stack[stack.index(dep):] + [dep]
            if dep not in state:
                cycle = visit(dep)
                if cycle:
                    return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            cycle = visit(node)
            if cycle:
                return cycle
    return None


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a higher layer, of a stage the CLI must reach through the pipeline, and of
    a stage by the fleet runner."""
    out = []
    for module, deps in sorted(graph.items()):
        unit = _unit(module)
        for dep in sorted(deps):
            target = _unit(dep)
            if target == unit:
                continue
            if LAYER_OF[target] > LAYER_OF[unit]:
                out.append(f"{module} imports {dep}: '{target}' comes after '{unit}'")
            elif unit == "fleet" and target not in FLEET_MAY_IMPORT:
                out.append(f"{module} imports {dep}: the fleet runner calls pipeline.scan, not the stages")
            elif unit == "cli" and target in STAGES and target not in CLI_STAGES:
                out.append(f"{module} imports {dep}: the CLI reaches '{target}' through pipeline")
    return out


def test_every_unit_has_a_layer() -> None:
    units = {_unit(m) for m in _modules()}
    assert units <= set(LAYER_OF), f"place these in LAYERS: {sorted(units - set(LAYER_OF))}"
    assert set(STAGES) <= units


def test_no_import_cycle() -> None:
    cycle = find_cycle(_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())


def test_imports_flow_one_way() -> None:
    assert layer_violations(_graph()) == []


def test_only_the_cli_knows_click() -> None:
    users = sorted(_module_name(p) for p in PACKAGE.rglob("*.py")
                   if "click" in _third_party(p) and _unit(_module_name(p)) != "cli")
    assert users == []


def test_no_module_over_500_lines() -> None:
    sizes = {_module_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {m: n for m, n in sizes.items() if n > MAX_LINES} == {}


@pytest.mark.parametrize("unit", ["models", "ruleset", "licenses", "findings", *STAGES, "pipeline"])
def test_each_stage_says_what_it_takes_in_and_hands_on(unit: str) -> None:
    path = PACKAGE / unit / "__init__.py" if (PACKAGE / unit).is_dir() else PACKAGE / f"{unit}.py"
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert "Takes in:" in doc and "Hands on:" in doc, unit


def test_the_checks_catch_what_they_guard() -> None:
    """The checks fail on a cycle, on a stage importing a later one, and on the CLI or the fleet
    runner reaching into a stage (so a passing suite means something)."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
    bad = {
        "osai_scan.detect.detector": {"osai_scan.policy.evaluate"},
        "osai_scan.models.enums": {"osai_scan.ruleset"},
        "osai_scan.cli.main": {"osai_scan.detect.workers", "osai_scan.pipeline"},
        "osai_scan.fleet.runner": {"osai_scan.classify.classifier", "osai_scan.pipeline"},
        "osai_scan.policy.mof": {"osai_scan.sources.interface"},
    }
    assert layer_violations(bad) == [
        "osai_scan.cli.main imports osai_scan.detect.workers: the CLI reaches 'detect' through pipeline",
        "osai_scan.detect.detector imports osai_scan.policy.evaluate: 'policy' comes after 'detect'",
        "osai_scan.fleet.runner imports osai_scan.classify.classifier: the fleet runner calls pipeline.scan, "
        "not the stages",
        "osai_scan.models.enums imports osai_scan.ruleset: 'ruleset' comes after 'models'",
    ]
