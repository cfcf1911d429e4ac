"""viz.views: the subgraphs of the static figures (the explorer draws the same views in the page)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graph.errors import UsageError
from viz.graph_file import read_graph
from viz.views import file_name, plan_views

FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"
ID = "https://w3id.org/scomm-kg/id/"


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return read_graph(FIXTURE)


def test_every_kind_of_view(graph: nx.MultiDiGraph) -> None:
    views = {v.path: v for v in plan_views(graph)}
    assert "graph.html" in views and "stance-network.html" in views
    assert {"source/src-a.html", "source/src-b.html"} <= set(views)
    assert {"year/2009.html", "year/2010.html", "year/2011.html"} <= set(views)
    assert "ego/santa-clara-county.html" in views and "ego/ed-prieto.html" in views
    assert "ego/secure-communities.html" not in views  # programs are not actors
    assert views["graph.html"].graph.number_of_edges() == 14


def test_stance_network_holds_stances_and_claims_on_the_program(graph: nx.MultiDiGraph) -> None:
    (view,) = [v for v in plan_views(graph, kinds=("stance",))]
    relations = {a["relation"] for _, _, a in view.graph.edges(data=True)}
    assert relations == {"stance", "claim"}
    assert all(v == ID + "secure-communities" for _, v in view.graph.edges())
    assert view.graph.number_of_edges() == 7
    assert view.title == "Stances on Secure Communities"


def test_program_found_by_alias_and_unknown_program_named(graph: nx.MultiDiGraph) -> None:
    assert plan_views(graph, program="S-Comm", kinds=("stance",))[0].graph.number_of_edges() == 7
    with pytest.raises(UsageError, match="no-such-program.*programs present: secure-communities"):
        plan_views(graph, program="no-such-program", kinds=("stance",))


def test_source_year_and_ego_views(graph: nx.MultiDiGraph) -> None:
    views = {v.path: v for v in plan_views(graph)}
    assert {a["source"] for *_, a in views["source/src-b.html"].graph.edges(data=True)} == {"src-b"}
    y2010 = views["year/2010.html"]
    assert y2010.whole_layout
    assert all(a["date"].startswith("2010") for *_, a in y2010.graph.edges(data=True))
    assert y2010.graph.number_of_edges() == 7
    ego = views["ego/ed-prieto.html"].graph
    assert set(ego.nodes) == {ID + "ed-prieto", ID + "santa-clara-county"}


def test_unknown_kind_and_unsafe_ids() -> None:
    with pytest.raises(UsageError, match="unknown view kind"):
        plan_views(nx.MultiDiGraph(), kinds=("nope",))
    assert file_name("../../etc/passwd") == "etc-passwd"
    assert file_name("santa-clara-county") == "santa-clara-county"
