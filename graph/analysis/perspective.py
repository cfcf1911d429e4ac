"""Source perspective: whom each document reports, with which positions, and how documents overlap."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

ACTOR_RELATIONS = ("stance", "claim", "participant", "figure", "relationship", "post", "process")


@dataclass(frozen=True)
class SourceView:
    source: str
    title: str
    actors: tuple[str, ...]  # labels of the actors it reports, sorted
    positions: tuple[tuple[str, str, str], ...]  # (actor, position label, target), sorted
    statements: int


@dataclass(frozen=True)
class Overlap:
    a: str
    b: str
    shared: tuple[str, ...]  # labels
    jaccard: float


@dataclass(frozen=True)
class Divergence:
    actor: str
    target: str
    views: tuple[tuple[str, str], ...]  # (source, position label), sorted


def source_views(eg: nx.MultiDiGraph) -> tuple[list[SourceView], list[Overlap], list[Divergence]]:
    """Per document its actors and positions; pairwise overlap; where they diverge."""
    actors: dict[str, set[str]] = defaultdict(set)
    positions: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    statements: dict[str, set[str]] = defaultdict(set)
    titles: dict[str, str] = {}
    sides: dict[tuple[str, str], dict[str, set[tuple[int, str]]]] = defaultdict(lambda: defaultdict(set))
    for u, v, d in eg.edges(data=True):
        src = d["source"]
        titles[src] = d["source_title"]
        statements[src].add(d["statement_id"])
        if d["relation"] not in ACTOR_RELATIONS:
            continue
        for n in (u, v):
            if eg.nodes[n]["group"] not in ("event", "source", "program"):
                actors[src].add(n)
        if d["relation"] == "stance":
            positions[src].add((eg.nodes[u]["label"], d["label"], eg.nodes[v]["label"]))
            sides[(u, v)][src].add((d["polarity"], d["label"]))

    def label(n: str) -> str:
        return str(eg.nodes[n]["label"])

    views = [
        SourceView(s, titles[s], tuple(sorted(label(n) for n in actors[s])), tuple(sorted(positions[s])), len(statements[s]))
        for s in sorted(statements)
    ]
    overlaps = []
    for a, b in combinations(sorted(statements), 2):
        union = actors[a] | actors[b]
        shared = actors[a] & actors[b]
        overlaps.append(Overlap(a, b, tuple(sorted(label(n) for n in shared)), round(len(shared) / len(union), 6) if union else 0.0))
    divergences = []
    for (u, v), per_source in sorted(sides.items()):
        polarities = {p for s in per_source.values() for p, _ in s}
        if len(per_source) > 1 and len(polarities) > 1:
            views_ = tuple(sorted((src, lab) for src, s in per_source.items() for _, lab in s))
            divergences.append(Divergence(label(u), label(v), views_))
    return views, overlaps, divergences
