"""viz.layout: seeded, deterministic positions for every node."""

from __future__ import annotations

import random

import networkx as nx

from viz.layout import layout


def _graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_edges_from([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("a", "b")])
    g.add_node("lonely")
    return g


def test_same_graph_and_seed_give_the_same_positions() -> None:
    first, second = layout(_graph(), seed=7), layout(_graph(), seed=7)
    assert first == second
    assert set(first) == {"a", "b", "c", "d", "e", "lonely"}
    assert layout(_graph(), seed=8) != first


def test_the_global_random_state_is_left_alone() -> None:
    random.seed(123)
    expected = random.random()
    random.seed(123)
    layout(_graph())
    assert random.random() == expected


def test_neighbours_are_closer_than_strangers() -> None:
    g = nx.path_graph(30)
    pos = layout(g)
    def dist(u: int, v: int) -> float:
        return float(((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5)
    assert dist(0, 1) < dist(0, 29)


def test_isolated_nodes_sit_apart_from_the_connected_part() -> None:
    pos = layout(_graph())
    connected_bottom = max(pos[n][1] for n in "abcde")
    assert pos["lonely"][1] > connected_bottom


def test_empty_and_single_node_graphs() -> None:
    assert layout(nx.MultiDiGraph()) == {}
    g = nx.MultiDiGraph()
    g.add_node("x")
    assert layout(g) == {"x": (0.0, 0.0)}
