"""Centrality measures of a network, as ranked rows.

Degree centrality counts ties (normalised by n - 1). Betweenness is unweighted (a
congruence weight is a strength, not a distance) and exact up to EXACT_BETWEENNESS_MAX
nodes, then estimated from a seeded sample of pivots. Eigenvector centrality uses the
tie weights. Values are rounded to 6 decimals so that files are byte-identical.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from graph.networks import simple_undirected

EXACT_BETWEENNESS_MAX = 1000
BETWEENNESS_SAMPLE = 200
SEED = 42


@dataclass(frozen=True)
class Centrality:
    node: str
    slug: str
    label: str
    group: str
    degree: float
    betweenness: float
    eigenvector: float
    ties: int


def centrality(g: nx.Graph) -> list[Centrality]:
    """Degree, betweenness and eigenvector centrality of every node, most central first."""
    h = simple_undirected(g) if (g.is_directed() or g.is_multigraph()) else g
    n = h.number_of_nodes()
    if n == 0:
        return []
    degree = nx.degree_centrality(h) if n > 1 else {x: 0.0 for x in h}
    if n <= EXACT_BETWEENNESS_MAX:
        betweenness = nx.betweenness_centrality(h)
    else:
        betweenness = nx.betweenness_centrality(h, k=BETWEENNESS_SAMPLE, seed=SEED)
    eigen = _eigenvector(h)
    rows = [
        Centrality(
            node=x,
            slug=str(g.nodes[x].get("slug", x)),
            label=str(g.nodes[x].get("label", x)),
            group=str(g.nodes[x].get("group", "")),
            degree=round(degree[x], 6),
            betweenness=round(betweenness[x], 6),
            eigenvector=round(eigen[x], 6),
            ties=h.degree(x),
        )
        for x in h
    ]
    return sorted(rows, key=lambda r: (-r.degree, -r.betweenness, -r.eigenvector, r.slug))


def _eigenvector(h: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality; 0 for every node of a graph without ties."""
    if h.number_of_edges() == 0:
        return {x: 0.0 for x in h}
    try:
        return nx.eigenvector_centrality(h, max_iter=1000, tol=1e-08, weight="weight")
    except nx.PowerIterationFailedConvergence:
        # Per component: power iteration on a disconnected graph can stall.
        out = {x: 0.0 for x in h}
        for comp in nx.connected_components(h):
            if len(comp) > 1:
                sub = h.subgraph(comp)
                out.update(nx.eigenvector_centrality(sub, max_iter=5000, tol=1e-06, weight="weight"))
        return out


def annotate(g: nx.Graph, rows: list[Centrality]) -> None:
    """Write the measures onto the graph's nodes (degree, betweenness, eigenvector)."""
    for r in rows:
        g.nodes[r.node].update(degree=r.degree, betweenness=r.betweenness, eigenvector=r.eigenvector)
