"""Node positions computed in Python, seeded, so that a page is still when it opens.

igraph's Fruchterman-Reingold layout with its grid approximation is near-linear: about
0.5 s for 5,000 nodes and 15,000 edges on this machine, where networkx's spring_layout
takes 90 s. Starting positions come from a seeded generator and are spread over a square
of side sqrt(n), the scale at which igraph's grid works; without that spread all nodes
fall into one grid cell and the layout becomes quadratic again.
"""

from __future__ import annotations

import math
import random

import igraph
import networkx as nx
import numpy as np

SEED = 20080101
EDGE_LENGTH = 150.0  # pixels between neighbours, roughly, on the page


def layout(graph: nx.Graph, *, seed: int = SEED, niter: int = 500) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in page pixels, centred on 0; the same graph and seed give the same result."""
    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v})
    g = igraph.Graph(n=n, edges=pairs)
    side = math.sqrt(n)
    start = np.random.default_rng(seed).uniform(-side / 2, side / 2, size=(n, 2))
    # igraph draws from Python's `random` module unless told otherwise: give it its own
    # seeded generator for this call, and put the global one back afterwards.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = np.array(g.layout_fruchterman_reingold(seed=start.tolist(), niter=niter, grid="auto").coords)
    finally:
        igraph.set_random_number_generator(random)
    coords = _pack_isolated(coords, g)
    coords -= coords.mean(axis=0)
    scale = EDGE_LENGTH / _typical_edge_length(coords, pairs)
    coords *= scale
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, coords)}


def _typical_edge_length(coords: np.ndarray, pairs: list[tuple[int, int]]) -> float:
    """Median edge length, or the typical spacing when there are no edges."""
    if pairs:
        a = np.array(pairs)
        lengths = np.linalg.norm(coords[a[:, 0]] - coords[a[:, 1]], axis=1)
        median = float(np.median(lengths))
        if median > 0:
            return median
    spread = float(np.ptp(coords, axis=0).max()) or 1.0
    return spread / math.sqrt(len(coords))


def _pack_isolated(coords: np.ndarray, g: igraph.Graph) -> np.ndarray:
    """Put nodes without edges on a tidy grid below the rest, not flung to the rim."""
    isolated = [i for i in range(g.vcount()) if g.degree(i) == 0]
    if not isolated or len(isolated) == g.vcount():
        return coords
    connected = [i for i in range(g.vcount()) if g.degree(i) > 0]
    lo, hi = coords[connected].min(axis=0), coords[connected].max(axis=0)
    spacing = max(float((hi - lo).max()) / max(math.sqrt(len(connected)), 1.0), 1e-6)
    per_row = max(1, int((hi[0] - lo[0]) / spacing) + 1)
    out = coords.copy()
    for k, i in enumerate(isolated):
        out[i] = (lo[0] + (k % per_row) * spacing, hi[1] + spacing * (2 + k // per_row))
    return out
