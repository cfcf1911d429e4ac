"""Coalitions: seeded communities on the congruence network, and polarization.

Polarization of a partition into coalitions (docs/analysis.md):

    polarization = X_between / (X_between + X_within + C_between)

with C the congruence and X the conflict tie weight, split by whether a tie runs within
a coalition or between two (an unaligned actor is a coalition of its own). Agreement
inside a coalition is cohesion, not division, so it stays out of the denominator: of the
remaining ties, the score is the share that are conflicts across coalition lines. 1 = two
or more camps, agreeing inside and in conflict with each other; 0 = no conflict across
camps (consensus, or conflict only inside coalitions). The four parts are reported
beside it so that other indices can be computed.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import networkx as nx

from graph.analysis.networks import StanceFact

SEED = 42
SMALL, SMALL_EDGES = 500, 5000  # up to this size networkx's Louvain, above it igraph's multilevel


@dataclass(frozen=True)
class Binding:
    """A side on a target that several members of a coalition take."""

    target: str
    target_label: str
    polarity: int
    members: int
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Coalition:
    number: int  # 1 = largest
    members: tuple[str, ...]  # node IRIs, sorted by slug
    labels: tuple[str, ...]
    binding: tuple[Binding, ...]


@dataclass(frozen=True)
class Polarization:
    score: float | None  # None when there are no ties at all
    congruence_within: float
    congruence_between: float
    conflict_within: float
    conflict_between: float


@dataclass
class CoalitionResult:
    coalitions: list[Coalition]
    unaligned: list[str]  # actors with no congruence tie
    community: dict[str, int] = field(default_factory=dict)  # node -> coalition number (0 = unaligned)
    polarization: Polarization | None = None


def find_coalitions(
    congruence: nx.Graph,
    conflict: nx.Graph,
    facts: list[StanceFact],
    *,
    labels: dict[str, str] | None = None,
    seed: int = SEED,
) -> CoalitionResult:
    """Louvain communities (seeded) of the congruence network, with what binds each.

    `labels` names the targets (node IRI -> display name) for the binding positions.
    """
    labels = labels or {}
    tied = congruence.subgraph([n for n in congruence if congruence.degree(n) > 0])
    parts = louvain(tied, seed) if tied.number_of_edges() else []

    def slug(n: str) -> str:
        return str(congruence.nodes[n].get("slug", n))

    groups = sorted((sorted(p, key=slug) for p in parts if len(p) > 1), key=lambda m: (-len(m), slug(m[0])))
    community: dict[str, int] = {n: 0 for n in congruence}
    by_actor: dict[str, list[StanceFact]] = defaultdict(list)
    for f in facts:
        by_actor[f.actor].append(f)
    coalitions = []
    for number, members in enumerate(groups, start=1):
        for m in members:
            community[m] = number
        count: Counter[tuple[str, int]] = Counter()
        statements: dict[tuple[str, int], set[str]] = defaultdict(set)
        for m in members:
            for f in by_actor[m]:
                count[(f.target, f.polarity)] += 1
                statements[(f.target, f.polarity)].update(f.statements)
        binding = tuple(
            Binding(
                target=t,
                target_label=labels.get(t, t.rsplit("/", 1)[-1]),
                polarity=p,
                members=c,
                statements=tuple(sorted(statements[(t, p)])),
            )
            for (t, p), c in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))
            if c >= 2
        )
        coalitions.append(
            Coalition(
                number=number,
                members=tuple(members),
                labels=tuple(str(congruence.nodes[m].get("label", m)) for m in members),
                binding=binding,
            )
        )
    unaligned = sorted((n for n, c in community.items() if c == 0), key=slug)
    return CoalitionResult(coalitions, unaligned, community, polarization(congruence, conflict, community))


def louvain(g: nx.Graph, seed: int = SEED) -> list[set[str]]:
    """Louvain communities of a weighted graph, reproducible for a given seed.

    networkx's louvain_communities up to SMALL nodes; above, igraph's C implementation
    (multilevel), its random choices drawn from a seeded generator (networkx's when
    igraph is missing). Both are reproducible; they may split a network differently.
    """
    if g.number_of_nodes() <= SMALL and g.number_of_edges() <= SMALL_EDGES:
        # importing igraph takes seconds; networkx's Louvain is quick at this size
        return list(nx.community.louvain_communities(g, weight="weight", seed=seed))
    try:
        import igraph
    except ImportError:
        return list(nx.community.louvain_communities(g, weight="weight", seed=seed))
    nodes = sorted(g)
    index = {n: i for i, n in enumerate(nodes)}
    edges = sorted((min(index[u], index[v]), max(index[u], index[v]), float(d.get("weight", 1.0))) for u, v, d in g.edges(data=True))
    ig = igraph.Graph(n=len(nodes), edges=[(u, v) for u, v, _ in edges], directed=False)
    rng = random.Random(seed)
    igraph.set_random_number_generator(rng)
    try:
        clustering = ig.community_multilevel(weights=[w for *_, w in edges])
    finally:
        igraph.set_random_number_generator(random)
    return [{nodes[i] for i in members} for members in clustering]


def polarization(congruence: nx.Graph, conflict: nx.Graph, community: dict[str, int]) -> Polarization:
    """Split tie weight by whether it runs within or between coalitions (unaligned: own group)."""

    def same(u: str, v: str) -> bool:
        cu, cv = community.get(u, 0), community.get(v, 0)
        return cu == cv and cu != 0

    parts = {"cw": 0.0, "cb": 0.0, "xw": 0.0, "xb": 0.0}
    for u, v, d in congruence.edges(data=True):
        parts["cw" if same(u, v) else "cb"] += float(d.get("weight", 1.0))
    for u, v, d in conflict.edges(data=True):
        parts["xw" if same(u, v) else "xb"] += float(d.get("weight", 1.0))
    denominator = parts["xb"] + parts["xw"] + parts["cb"]
    if denominator:
        score: float | None = round(parts["xb"] / denominator, 6)
    else:
        score = 0.0 if parts["cw"] else None
    return Polarization(
        score=score,
        congruence_within=round(parts["cw"], 6),
        congruence_between=round(parts["cb"], 6),
        conflict_within=round(parts["xw"], 6),
        conflict_between=round(parts["xb"], 6),
    )
