"""viz.render: one self-contained page; record text escaped; pure and deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from viz.graph_file import graph_json, read_graph
from viz.layout import layout
from viz.render import PageMeta, page_data, render_page, script_json
from viz.style import load_style

FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return read_graph(FIXTURE)


def _render(g: nx.MultiDiGraph, title: str = "Fixture") -> str:
    return render_page(g, load_style(), layout(g), PageMeta(title=title))


def test_page_loads_nothing_from_the_network(graph: nx.MultiDiGraph) -> None:
    page = _render(graph)
    assert "bootstrap" not in page.lower()
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=\"(https?:)?//", page, re.I)
    assert "vis.Network" in page  # vis-network is inlined


def test_record_text_never_appears_as_markup(graph: nx.MultiDiGraph) -> None:
    page = _render(graph, title="Title <script>window.__xss=9</script>")
    for raw in ("<script>window.__xss", "<img src=x onerror", "<b>bold</b>", "window.__xss=9</script>"):
        assert raw not in page
    assert "Title &lt;script&gt;window.__xss=9&lt;/script&gt;" in page
    # and the text is still there, as escaped JSON the page's script reads
    blob = re.search(r'<script type="application/json" id="scomm-data">(.*?)</script>', page, re.S)
    assert blob is not None
    data = json.loads(blob.group(1))
    quotes = [e["quote"] for e in data["edges"]]
    assert any("<script>window.__xss=1;alert(1)</script>" in q for q in quotes)


def test_script_json_escapes_markup_characters() -> None:
    text = script_json({"q": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><b>&"}


def test_rendering_is_pure_and_deterministic(graph: nx.MultiDiGraph) -> None:
    before = json.dumps(graph_json(graph), sort_keys=True)
    first, second = _render(graph), _render(graph)
    assert first == second
    assert json.dumps(graph_json(graph), sort_keys=True) == before


def test_page_data_carries_the_contract(graph: nx.MultiDiGraph) -> None:
    _, data = page_data(graph, load_style(), PageMeta(title="x"))
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 13
    opt_out = [e for e in data["edges"] if e["statement_id"] == "santa-clara-opt-out-b"][0]
    assert opt_out["also_in"] == ["src-a"]
    assert opt_out["position_label"] == "seeks to opt out"
    assert data["years"] == [2009, 2011]
    assert set(data["measures"]) == {"degree"}
    assert data["sources"]["src-a"].startswith("Source A")


def test_measures_and_coalitions_are_offered_when_present(graph: nx.MultiDiGraph) -> None:
    for i, n in enumerate(sorted(graph.nodes)):
        graph.nodes[n].update(betweenness=i / 10, community=i % 3)
    _, data = page_data(graph, load_style(), PageMeta(title="x", size_by="betweenness", color_by="community"))
    assert set(data["measures"]) == {"degree", "betweenness"}
    assert data["has_community"] is True
    assert data["initial"] == {"size_by": "betweenness", "color_by": "community"}
