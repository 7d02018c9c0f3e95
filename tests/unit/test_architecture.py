"""The layout rules that import-linter cannot express: no import cycles, capabilities of one
shape.  (The layer contracts themselves are in pyproject.toml and run by scripts/test.sh.)"""

from __future__ import annotations

from pathlib import Path

import grimp

import villagebook

PACKAGE = Path(villagebook.__file__).parent
CAPABILITIES = ("roster", "meetings", "development", "deliberations")
#: The modules every capability's services package has (DOMAIN of docs/architecture.md).
SERVICE_MODULES = {"api", "commands", "queries", "checks", "printouts", "exchange", "demo"}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_among_villagebook_modules() -> None:
    """Function-level imports count too: they hid six cycles before the spine."""
    graph = grimp.build_graph("villagebook", exclude_type_checking_imports=True)
    edges = {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in graph.modules}
        for module in graph.modules
    }
    assert _cycles(edges) == []


def test_every_capability_has_the_same_service_modules() -> None:
    for capability in CAPABILITIES:
        folder = PACKAGE / "services" / capability
        public = {p.stem for p in folder.glob("*.py") if not p.stem.startswith("_")}
        assert public == SERVICE_MODULES, capability


def test_no_capability_imports_another_capabilitys_private_modules() -> None:
    graph = grimp.build_graph("villagebook", exclude_type_checking_imports=True)
    crossing = []
    for module in graph.modules:
        parts = module.split(".")
        if len(parts) < 3 or parts[1] not in ("services", "domain"):
            continue
        for imported in graph.find_modules_directly_imported_by(module):
            other = imported.split(".")
            if (
                len(other) == 4
                and other[1] in ("services", "domain")
                and other[2] != parts[2]
                and other[3].startswith("_")
            ):
                crossing.append(f"{module} -> {imported}")
    assert crossing == []
