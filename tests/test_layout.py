"""The package layout: stages as packages, few modules at the top, no import cycles, a README map."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("graph", "viz")


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            name = ".".join(path.relative_to(REPO).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (at any depth in its code, type-only included)."""
    edges: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in PACKAGES:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    targets.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.split(".")[0] in PACKAGES)
        edges[name] = {t for t in targets if t in modules and t != name}
    return edges


def test_top_of_graph_holds_at_most_eight_modules() -> None:
    top = sorted(p.name for p in (REPO / "graph").glob("*.py"))
    assert len(top) <= 8, top


def test_every_stage_package_says_what_it_reads_and_writes() -> None:
    for init in (REPO / "graph").glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc, f"{init} has no docstring"


def test_no_module_imports_one_that_imports_it_back() -> None:
    edges = _imports(_modules())
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "\n".join(" -> ".join(c) for c in cycles)


def test_readme_map_matches_the_folders() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    mapped = set(re.findall(r"^\| `(graph/[a-z_]+/)`", readme, flags=re.M))
    folders = {f"graph/{p.name}/" for p in (REPO / "graph").iterdir() if (p / "__init__.py").exists()}
    assert mapped == folders


def test_query_files_live_beside_the_code_that_runs_them() -> None:
    assert not list((REPO / "graph").glob("*.rq"))
    assert list((REPO / "graph" / "store" / "queries").glob("*.rq"))
    assert list((REPO / "graph" / "analysis" / "projections").glob("*.rq"))
