"""Node positions computed in Python, seeded, so that a page is still when it opens.

igraph's Fruchterman-Reingold layout with its grid approximation is near-linear: about
0.5 s for 5,000 nodes and 15,000 edges on this machine, where networkx's spring_layout
takes 90 s. Starting positions come from a seeded generator and are spread over a square
of side sqrt(n), the scale at which igraph's grid works; without that spread all nodes
fall into one grid cell and the layout becomes quadratic again.
"""

from __future__ import annotations

import math
from typing import Any
import random

import networkx as nx
import numpy as np

SEED = 20080101


def _igraph() -> Any:
    """igraph, imported without its plotting stack.

    On import igraph looks for matplotlib and, when present, imports pyplot: about 0.6 s
    of CPU that `scomm viz` paid on every run for nothing (igraph draws nothing here).
    Hiding matplotlib for the duration of the import skips it; matplotlib stays
    importable afterwards (the figures use it).
    """
    import sys

    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        import igraph

        return igraph
    sys.modules["matplotlib"] = None  # type: ignore[assignment]
    try:
        import igraph
    finally:
        del sys.modules["matplotlib"]
    return igraph
EDGE_LENGTH = 150.0  # pixels between neighbours, roughly, on the page
# igraph's own "auto" switches to the grid only above 1,000 nodes, where the exact
# layout already takes 3 s; the grid's approximation is invisible well below that.
GRID_MIN_NODES = 300
MIN_SPACING = 70.0  # pixels from a typical node to its nearest neighbour, at least


def layout(graph: nx.Graph, *, seed: int = SEED, niter: int = 500) -> dict[str, tuple[float, float]]:
    """Node -> (x, y) in page pixels, centred on 0; the same graph and seed give the same result.

    Each connected part is laid out alone and the parts are packed, largest first, in
    rows under the largest: left to itself a force layout lets small parts drift far
    away, and fitting them all to the screen then shrinks the main part to a dot.
    """
    nodes = sorted(graph.nodes, key=str)
    if not nodes:
        return {}
    igraph = _igraph()
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in graph.edges() if u != v})
    g = igraph.Graph(n=len(nodes), edges=pairs)
    parts = sorted((sorted(c) for c in g.connected_components()), key=lambda c: (-len(c), c[0]))
    placed: list[tuple[list[int], np.ndarray]] = [(part, _part_layout(g.induced_subgraph(part), seed, niter))
                                                  for part in parts]
    coords = _pack(placed, len(nodes))
    coords -= (coords.min(axis=0) + coords.max(axis=0)) / 2
    return {node: (round(float(x), 1), round(float(y), 1)) for node, (x, y) in zip(nodes, coords)}


def _part_layout(g: Any, seed: int, niter: int) -> np.ndarray:
    """Positions of one connected part, scaled so that a typical edge is EDGE_LENGTH long."""
    n = g.vcount()
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [EDGE_LENGTH, 0.0]])
    side = math.sqrt(n)
    start = np.random.default_rng(seed).uniform(-side / 2, side / 2, size=(n, 2))
    # igraph draws from Python's `random` module unless told otherwise: give it its own
    # seeded generator for this call, and put the global one back afterwards.
    igraph = _igraph()
    igraph.set_random_number_generator(random.Random(seed))
    try:
        coords = np.array(
            g.layout_fruchterman_reingold(seed=start.tolist(), niter=niter, grid=n > GRID_MIN_NODES).coords
        )
    finally:
        igraph.set_random_number_generator(random)
    a = np.array(g.get_edgelist())
    median = float(np.median(np.linalg.norm(coords[a[:, 0]] - coords[a[:, 1]], axis=1)))
    coords = (coords - coords.min(axis=0)) * (EDGE_LENGTH / median if median > 0 else 1.0)
    # A hub draws its many neighbours into a tight ring; spread the whole part until
    # most nodes have room for their names.
    spacing = _median_nearest(coords)
    if 0 < spacing < MIN_SPACING:
        coords *= MIN_SPACING / spacing
    return coords


def _median_nearest(coords: np.ndarray) -> float:
    """The median distance from each point to its nearest other point.

    Up to a few thousand points by brute force in numpy; beyond, scipy's k-d tree (whose
    import alone costs about 0.3 s, which the corpus need not pay).
    """
    n = len(coords)
    if n < 2:
        return 0.0
    if n > 3000:
        from scipy.spatial import cKDTree

        return float(np.median(cKDTree(coords).query(coords, k=2)[0][:, 1]))
    diff = coords[:, None, :] - coords[None, :, :]
    dist = np.sqrt((diff * diff).sum(axis=2))
    np.fill_diagonal(dist, np.inf)
    return float(np.median(dist.min(axis=1)))


def _pack(placed: list[tuple[list[int], np.ndarray]], n: int) -> np.ndarray:
    """The largest part on top; the others in rows beneath it, as wide as it is."""
    out = np.zeros((n, 2))
    gap = EDGE_LENGTH
    first, first_xy = placed[0]
    out[first] = first_xy
    width = max(float(first_xy[:, 0].max()), 6 * gap)
    x, y, row_height = 0.0, float(first_xy[:, 1].max()) + 2 * gap, 0.0
    for part, xy in placed[1:]:
        w, h = float(xy[:, 0].max()), float(xy[:, 1].max())
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        out[part] = xy + (x, y)
        x += w + gap
        row_height = max(row_height, h)
    return out


SIDE_GAP_X = 230.0  # pixels between columns of a side's grid (room for a name)
SIDE_GAP_Y = 60.0


def side_layout(items: list[tuple[Any, float, int, str]], *, centre: Any | None = None) -> dict[Any, tuple[float, float]]:
    """Actors placed by side: supporters on the left, opponents on the right, the rest below.

    `items` are (node, side score in [-1, 1], coalition number (0 = none), label). Within a
    side, the members of one coalition sit together in a block (blocks in coalition order),
    each block a grid sorted by score then label. `centre` (the program of a stance view)
    sits in the middle. Deterministic: no randomness at all.
    """
    sides: dict[int, list[tuple[Any, float, int, str]]] = {1: [], -1: [], 0: []}
    for node, score, community, label in items:
        if node == centre:
            continue
        sides[1 if score > 1e-9 else -1 if score < -1e-9 else 0].append((node, score, community, label))
    out: dict[Any, tuple[float, float]] = {}
    if centre is not None:
        out[centre] = (0.0, 0.0)
    for side, members in sides.items():
        blocks: dict[int, list[tuple[Any, float, int, str]]] = {}
        for m in members:
            blocks.setdefault(m[2], []).append(m)
        order = sorted(blocks, key=lambda c: (c == 0, c))
        y = 0.0 if side else max((xy[1] for xy in out.values()), default=0.0) + 2 * SIDE_GAP_Y
        cols_all = max(2, math.ceil(math.sqrt(max(len(members), 1) / 2)))
        for c in order:
            block = sorted(blocks[c], key=lambda m: (-m[1] * side if side else 0.0, m[3], str(m[0])))
            cols = min(cols_all, len(block))
            rows = math.ceil(len(block) / cols)
            for i, (node, *_rest) in enumerate(block):
                r, k = divmod(i, cols)
                if side == 0:
                    x = (k - (cols - 1) / 2) * SIDE_GAP_X
                else:
                    # the grid grows away from the centre: column 0 nearest to it
                    x = side * -(2 * SIDE_GAP_X + k * SIDE_GAP_X)
                out[node] = (round(x, 1), round(y + r * SIDE_GAP_Y, 1))
            y += rows * SIDE_GAP_Y + SIDE_GAP_Y * 0.8
    if out:
        ys = [xy[1] for xy in out.values()]
        mid = (min(ys) + max(ys)) / 2
        out = {n: (x, round(y - mid, 1)) for n, (x, y) in out.items()}
        if centre is not None:
            out[centre] = (0.0, 0.0)
    return out
