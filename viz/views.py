"""Which pages exist: the whole graph, the stance network, ego, source and year views.

A view is a subgraph with a title and a place in the output folder. Year snapshots keep
the whole graph's positions, so that a node stays where it was from one year to the next;
the other views get a layout of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.errors import UsageError

KINDS = ("whole", "stance", "ego", "source", "year")
ACTOR_GROUPS = ("agency", "person", "group", "media", "jurisdiction")
STANCE_RELATIONS = ("stance", "claim")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def file_name(text: str) -> str:
    """A file name made from an id: ids are slugs already, but a graph file may hold anything."""
    name = _UNSAFE.sub("-", text).strip(".-")
    return name or "unnamed"


@dataclass(frozen=True)
class View:
    kind: str
    path: str  # of the HTML page, relative to the output folder, e.g. "ego/ice.html"
    title: str
    description: str
    graph: nx.MultiDiGraph
    whole_layout: bool = False  # reuse the whole graph's positions

    @property
    def name(self) -> str:
        """The path without its extension: "ego/ice"."""
        return self.path.rsplit(".", 1)[0]


def find_program(graph: nx.MultiDiGraph, program: str) -> Any:
    """The node of a program given by slug, name or alias (case-insensitive)."""
    wanted = program.strip().casefold()
    for n, a in sorted(graph.nodes(data=True), key=lambda t: str(t[0])):
        names = [str(a.get("slug", "")), str(a.get("label", "")), str(n), *map(str, a.get("aliases", []))]
        if wanted in (x.casefold() for x in names):
            return n
    programs = sorted(str(a.get("slug") or n) for n, a in graph.nodes(data=True) if a.get("group") == "program")
    raise UsageError(
        f"--program {program!r}: no such node in the graph; programs present: {', '.join(programs) or 'none'}"
    )


def _edge_view(graph: nx.MultiDiGraph, keep: list[tuple[Any, Any, Any]]) -> nx.MultiDiGraph:
    sub = nx.MultiDiGraph()
    for u, v, _k in keep:
        for n in (u, v):
            if n not in sub:
                sub.add_node(n, **graph.nodes[n])
    for u, v, k in sorted(keep, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        sub.add_edge(u, v, key=k, **graph.edges[u, v, k])
    return sub


def stance_view(graph: nx.MultiDiGraph, program: Any) -> nx.MultiDiGraph:
    """Who takes which stance on the program, and what they claim about it."""
    keep = [
        (u, v, k)
        for u, v, k, a in graph.in_edges(program, keys=True, data=True)
        if a.get("relation") in STANCE_RELATIONS
    ]
    return _edge_view(graph, keep)


def ego_view(graph: nx.MultiDiGraph, node: Any) -> nx.MultiDiGraph:
    """The node, its neighbours either way, and every statement among them."""
    around = {node, *graph.predecessors(node), *graph.successors(node)}
    keep = [(u, v, k) for u, v, k in graph.edges(keys=True) if u in around and v in around]
    sub = _edge_view(graph, keep)
    if node not in sub:
        sub.add_node(node, **graph.nodes[node])
    return sub


def source_view(graph: nx.MultiDiGraph, source: str) -> nx.MultiDiGraph:
    """What one source document says."""
    return _edge_view(graph, [(u, v, k) for u, v, k, s in graph.edges(keys=True, data="source") if s == source])


def year_view(graph: nx.MultiDiGraph, year: int) -> nx.MultiDiGraph:
    """Statements whose date (at its precision) falls in, or overlaps, the year."""
    lo, hi = f"{year:04d}-01-01", f"{year:04d}-12-31"
    keep = []
    for u, v, k, a in graph.edges(keys=True, data=True):
        first = str(a.get("earliest") or a.get("date") or "")
        last = str(a.get("latest") or first)
        if first and first <= hi and last >= lo:
            keep.append((u, v, k))
    return _edge_view(graph, keep)


def _years(graph: nx.MultiDiGraph) -> list[int]:
    found: set[int] = set()
    for _, _, a in graph.edges(data=True):
        first = str(a.get("earliest") or a.get("date") or "")[:4]
        last = str(a.get("latest") or "")[:4] or first
        if first.isdigit() and last.isdigit():
            found.update(range(int(first), int(last) + 1))
    return sorted(found)


def plan_views(graph: nx.MultiDiGraph, *, program: str = "secure-communities", kinds: tuple[str, ...] = KINDS) -> list[View]:
    """Every view of the graph, in the order the index lists them."""
    unknown = sorted(set(kinds) - set(KINDS))
    if unknown:
        raise UsageError(f"unknown view kind(s) {', '.join(unknown)}; choose from {', '.join(KINDS)}")
    views: list[View] = []
    if "whole" in kinds:
        views.append(View("whole", "graph.html", "The whole evidence graph",
                          "Every statement the sources make, one edge per statement.", graph))
    if "stance" in kinds:
        node = find_program(graph, program)
        label = str(graph.nodes[node].get("label", program))
        views.append(View("stance", "stance-network.html", f"Stances on {label}",
                          f"Who takes which position on {label}, and what they claim about it.",
                          stance_view(graph, node)))
    if "source" in kinds:
        titles: dict[str, str] = {}
        for _, _, a in graph.edges(data=True):
            if a.get("source"):
                titles.setdefault(str(a["source"]), str(a.get("source_title", "")))
        for source, title in sorted(titles.items()):
            views.append(View("source", f"source/{file_name(source)}.html", f"According to {title or source}",
                              f"What the source document {source} says.", source_view(graph, source)))
    if "year" in kinds:
        for year in _years(graph):
            views.append(View("year", f"year/{year}.html", f"{year}",
                              f"Statements dated in {year} (or whose imprecise date overlaps it), "
                              "placed as in the whole graph.", year_view(graph, year), whole_layout=True))
    if "ego" in kinds:
        for n, a in sorted(graph.nodes(data=True), key=lambda t: str(t[1].get("slug") or t[0])):
            if a.get("group") in ACTOR_GROUPS:
                slug = str(a.get("slug") or n)
                views.append(View("ego", f"ego/{file_name(slug)}.html", str(a.get("label", slug)),
                                  f"{a.get('label', slug)}: its statements and neighbours.", ego_view(graph, n)))
    return _unique_paths(views)


def _unique_paths(views: list[View]) -> list[View]:
    """Two ids that make the same file name get -2, -3, ... rather than overwrite."""
    seen: set[str] = set()
    out = []
    for v in views:
        path, n = v.path, 1
        while path in seen:
            n += 1
            path = f"{v.name}-{n}.html"
        seen.add(path)
        out.append(v if path == v.path else View(v.kind, path, v.title, v.description, v.graph, v.whole_layout))
    return out
