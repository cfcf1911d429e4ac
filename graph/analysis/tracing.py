"""Shortest connections between two actors, every hop with the statements behind it.

Paths run over the evidence graph with directions ignored (a letter links its sender
and its addressee whichever way the edges point). Source documents are never
intermediate hops: a document that speaks of two actors does not connect them.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from typing import Any

import networkx as nx

from graph.errors import UsageError
from graph.analysis.resolve import resolve_entity


@dataclass(frozen=True)
class Hop:
    start: str  # node IRI
    end: str
    start_label: str
    end_label: str
    edges: tuple[dict[str, Any], ...]  # evidence edges between the two, oldest first; each has "forward"


@dataclass(frozen=True)
class EvidencePath:
    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]


def _walkable(eg: nx.MultiDiGraph, ends: set[str]) -> nx.Graph:
    h = nx.Graph()
    keep = sorted(n for n, d in eg.nodes(data=True) if d.get("group") != "source" or n in ends)
    h.add_nodes_from(keep)
    for u, v in sorted({(u, v) for u, v in eg.edges() if u in h and v in h and u != v}):
        h.add_edge(u, v)
    return h


def _hop(eg: nx.MultiDiGraph, a: str, b: str) -> Hop:
    found: list[dict[str, Any]] = []
    for u, v, forward in ((a, b, True), (b, a, False)):
        if eg.has_edge(u, v):
            for k, d in eg[u][v].items():
                found.append(dict(d, key=k, forward=forward))
    found.sort(key=lambda d: (d.get("earliest") or "9999", d["key"]))
    return Hop(a, b, eg.nodes[a]["label"], eg.nodes[b]["label"], tuple(found))


def find_paths(eg: nx.MultiDiGraph, start: str, end: str, k: int = 1) -> list[EvidencePath]:
    """Up to k shortest simple paths from start to end (names resolved), shortest first."""
    if k < 1:
        raise UsageError(f"-k {k}: give 1 or more")
    a = resolve_entity(eg.nodes, start)
    b = resolve_entity(eg.nodes, end)
    if a == b:
        raise UsageError(f"{start!r} and {end!r} name the same entity")
    h = _walkable(eg, {a, b})
    try:
        paths = list(islice(nx.shortest_simple_paths(h, a, b), k))
    except nx.NetworkXNoPath:
        return []
    return [
        EvidencePath(tuple(p), tuple(_hop(eg, x, y) for x, y in zip(p, p[1:])))
        for p in paths
    ]


def ego_network(eg: nx.MultiDiGraph, actor: str, depth: int = 1) -> tuple[str, nx.MultiDiGraph, dict[str, int]]:
    """The actor's neighbourhood up to `depth` hops: (centre IRI, subgraph, node -> distance)."""
    if depth < 1:
        raise UsageError(f"--depth {depth}: give 1 or more")
    centre = resolve_entity(eg.nodes, actor)
    h = _walkable(eg, {centre})
    distance = nx.single_source_shortest_path_length(h, centre, cutoff=depth)
    keep = sorted(distance)
    return centre, eg.subgraph(keep).copy(), dict(sorted(distance.items()))


def format_edge(eg: nx.MultiDiGraph, d: dict[str, Any], a: str, b: str) -> str:
    """One line for an edge between a and b: '<subject> <label> <object> (date)'."""
    subject, obj = (a, b) if d.get("forward", True) else (b, a)
    when = f" ({d['date']})" if d.get("date") else ""
    return f"{eg.nodes[subject]['label']} —{d['label']}→ {eg.nodes[obj]['label']}{when}"


def format_paths(eg: nx.MultiDiGraph, paths: list[EvidencePath]) -> str:
    """The paths as plain text, each hop with its relation, date, quote and source."""
    if not paths:
        return "No connection found."
    lines: list[str] = []
    for i, p in enumerate(paths, start=1):
        names = " — ".join(eg.nodes[n]["label"] for n in p.nodes)
        lines.append(f"Path {i} ({len(p.hops)} hop{'s' if len(p.hops) != 1 else ''}): {names}")
        for j, hop in enumerate(p.hops, start=1):
            for d in hop.edges:
                lines.append(f"  {j}. {format_edge(eg, d, hop.start, hop.end)}  [{d['relation']}: {d['detail']}]")
                lines.append(f"     \"{d['quote']}\"")
                also = f"; also in {', '.join(d['also_in'])}" if d.get("also_in") else ""
                lines.append(f"     — {d['source']} ({d['source_title']}), chars {d['start']}-{d['end']}, statement {d['statement_id']}{also}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def format_ego(eg: nx.MultiDiGraph, centre: str, sub: nx.MultiDiGraph, distance: dict[str, int]) -> str:
    """The neighbourhood as text: nodes by distance, then every statement among them."""
    lines = [f"{eg.nodes[centre]['label']} ({eg.nodes[centre]['slug']}): {sub.number_of_nodes() - 1} neighbours, {sub.number_of_edges()} statements"]
    for dist in sorted(set(distance.values()) - {0}):
        members = sorted((n for n, x in distance.items() if x == dist), key=lambda n: eg.nodes[n]["slug"])
        lines.append(f"  depth {dist}: " + ", ".join(f"{eg.nodes[n]['label']} [{eg.nodes[n]['group']}]" for n in members))
    lines.append("Statements:")
    for u, v, k, d in sorted(sub.edges(keys=True, data=True), key=lambda e: (e[3].get("earliest") or "9999", e[2])):
        lines.append(f"  - {format_edge(eg, d, u, v)}  \"{d['quote']}\" — {d['source']}")
    return "\n".join(lines) + "\n"
