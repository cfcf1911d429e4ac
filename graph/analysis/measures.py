"""Centrality measures of a network, as ranked rows.

Degree centrality counts ties (normalised by n - 1). Betweenness is unweighted (a
congruence weight is a strength, not a distance), exact (igraph) up to 5,000 nodes, then
estimated from 500 seeded sample sources. Eigenvector centrality uses the
tie weights (numpy/scipy). Values are rounded to 6 decimals so that files are byte-identical.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import networkx as nx

from graph.analysis.networks import simple_undirected

EXACT_BETWEENNESS_MAX = 1000  # networkx, when igraph is missing
EXACT_BETWEENNESS_IGRAPH_MAX = 5000
BETWEENNESS_SAMPLE_IGRAPH = 500
DENSE_MAX = 300
SMALL = 500  # nodes and
SMALL_EDGES = 5000  # ties below which networkx is fast enough and igraph's import is not
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
    betweenness = _betweenness(h)
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


def _betweenness(h: nx.Graph) -> dict[str, float]:
    """Exact, unweighted, normalised betweenness: igraph's C code, networkx's scale.

    Without igraph, networkx: exact up to EXACT_BETWEENNESS_MAX nodes, else estimated
    from BETWEENNESS_SAMPLE seeded pivots.
    """
    nodes = list(h)
    n = len(nodes)
    if n <= SMALL and h.number_of_edges() <= SMALL_EDGES:
        # importing igraph takes seconds (it loads its plotting stack); not worth it here
        return dict(nx.betweenness_centrality(h))
    try:
        import igraph
    except ImportError:
        if n <= EXACT_BETWEENNESS_MAX:
            return dict(nx.betweenness_centrality(h))
        return dict(nx.betweenness_centrality(h, k=BETWEENNESS_SAMPLE, seed=SEED))
    if n < 3:
        return {x: 0.0 for x in nodes}
    index = {x: i for i, x in enumerate(nodes)}
    ig = igraph.Graph(n=n, edges=[(index[u], index[v]) for u, v in h.edges()], directed=False)
    scale = 2.0 / ((n - 1) * (n - 2))  # each unordered pair of other nodes once, as networkx
    if n <= EXACT_BETWEENNESS_IGRAPH_MAX:
        return {x: b * scale for x, b in zip(nodes, ig.betweenness(directed=False))}
    # Estimated from shortest paths out of a seeded sample of sources, scaled up (as
    # networkx's k-sampling): exact betweenness is O(nodes x ties).
    sample = sorted(random.Random(SEED).sample(range(n), BETWEENNESS_SAMPLE_IGRAPH))
    raw = ig.betweenness(directed=False, sources=sample)
    factor = scale * n / len(sample)
    return {x: b * factor for x, b in zip(nodes, raw)}


def _eigenvector(h: nx.Graph) -> dict[str, float]:
    """Weighted eigenvector centrality from the leading eigenvector of the adjacency matrix.

    Computed with numpy/scipy rather than networkx's power iteration, which fails to
    converge on two-mode (bipartite) networks. Dense solver up to DENSE_MAX nodes, else
    ARPACK started from a fixed vector, so results repeat exactly. Normalised to unit
    length and sign, as networkx does; on a disconnected graph the components other than
    the leading one get (near) 0.
    """
    import numpy as np
    from threadpoolctl import threadpool_limits

    nodes = list(h)
    if h.number_of_edges() == 0:
        return {x: 0.0 for x in nodes}
    # One BLAS thread: OpenBLAS's threads on matrices this small cost more than they save,
    # and on a busy machine they spin against each other (10 eigh of 300 x 300 took 15 s
    # with the default threads on 2 shared cores, 0.35 s with one).
    with threadpool_limits(limits=1, user_api="blas"):
        if len(nodes) <= DENSE_MAX:
            _, vectors = np.linalg.eigh(nx.to_numpy_array(h, nodelist=nodes, weight="weight", dtype=float))
            vector = vectors[:, -1]
        else:
            import scipy.sparse.linalg

            matrix = nx.to_scipy_sparse_array(h, nodelist=nodes, weight="weight", dtype=float, format="csr")
            _, vectors = scipy.sparse.linalg.eigsh(matrix, k=1, which="LA", v0=np.ones(len(nodes)), tol=1e-9)
            vector = vectors[:, 0]
    vector = np.abs(vector)
    norm = float(np.linalg.norm(vector)) or 1.0
    return {x: float(v) / norm for x, v in zip(nodes, vector)}


def annotate(g: nx.Graph, rows: list[Centrality]) -> None:
    """Write the measures onto the graph's nodes (degree, betweenness, eigenvector)."""
    for r in rows:
        g.nodes[r.node].update(degree=r.degree, betweenness=r.betweenness, eigenvector=r.eigenvector)
