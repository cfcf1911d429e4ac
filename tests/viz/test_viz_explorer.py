"""viz.explorer: one self-contained file; record text escaped; pure and deterministic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from viz.explorer import Document, ExplorerInput, explorer_data, render_explorer, script_json
from viz.graph_file import graph_json, read_graph
from viz.layout import side_layout
from viz.style import load_style

FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return read_graph(FIXTURE)


def _extra(g: nx.MultiDiGraph, **kw: object) -> ExplorerInput:
    docs = {sid: Document(title=d["title"], text=d["text"], publisher=d["publisher"], date=d["date"],
                          perspective=d["perspective"]) for sid, d in g.graph["documents"].items()}
    return ExplorerInput(documents=docs, contradicts=tuple(g.graph["contradicts"]), **kw)  # type: ignore[arg-type]


def _blob(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="x-data">(.*?)</script>', page, re.S)
    assert m is not None
    return json.loads(m.group(1))


def test_one_file_one_copy_of_vis_network_nothing_from_the_network(graph: nx.MultiDiGraph) -> None:
    page = render_explorer(graph, load_style(), _extra(graph))
    assert page.count("vis-network") >= 1 and page.count("function Network(") <= 1
    assert "bootstrap" not in page.lower()
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=\"(https?:)?//", page, re.I)
    assert '<meta name="viewport"' in page


def test_record_text_never_appears_as_markup(graph: nx.MultiDiGraph) -> None:
    page = render_explorer(graph, load_style(), _extra(graph, title="Title <script>window.__xss=9</script>"))
    for raw in ("<script>window.__xss", "<img src=x onerror", "<b>bold</b>", "window.__xss=9</script>"):
        assert raw not in page
    assert "Title &lt;script&gt;window.__xss=9&lt;/script&gt;" in page
    data = _blob(page)
    assert any("<script>window.__xss=1;alert(1)</script>" in e["quote"] for e in data["edges"])
    assert any("<script>" in d["text"] for d in data["documents"].values())


def test_script_json_escapes_markup_characters() -> None:
    text = script_json({"q": "</script><b>&"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"q": "</script><b>&"}


def test_rendering_is_pure_and_deterministic(graph: nx.MultiDiGraph) -> None:
    before = json.dumps(graph_json(graph), sort_keys=True)
    first = render_explorer(graph, load_style(), _extra(graph))
    assert first == render_explorer(graph, load_style(), _extra(graph))
    assert json.dumps(graph_json(graph), sort_keys=True) == before


def test_data_carries_spans_contested_pairs_and_layouts(graph: nx.MultiDiGraph) -> None:
    data = explorer_data(graph, load_style(), _extra(graph))
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 14
    edges = {e["statement_id"]: (k, e) for k, e in enumerate(data["edges"])}
    k_yes, yes = edges["dhs-opt-out-yes"]
    k_no, no = edges["ice-opt-out-no"]
    assert yes["contested"] == [k_no] and no["contested"] == [k_yes]
    assert edges["nif-opposes-2011"][1]["contested"] == []
    text = data["documents"]["src-a"]["text"]
    a, b = yes["spans"][0]
    assert text[a:b] == yes["quote"]
    assert data["years"] == [2009, 2011]
    assert len(data["positions"]["whole"]) == 9
    stance = data["positions"]["stance"]
    program = data["program"]
    assert stance[str(program)] == [0.0, 0.0]
    supporter = next(i for i, n in enumerate(data["nodes"]) if n["slug"] == "ice")
    opponent = next(i for i, n in enumerate(data["nodes"]) if n["slug"] == "santa-clara-county")
    assert stance[str(supporter)][0] < 0 < stance[str(opponent)][0]


def test_offsets_count_utf16_units_when_the_text_needs_it() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", label="A", group="group")
    g.add_node("b", label="B", group="program")
    text = "\U0001F600 emoji first, then the quote."
    start = text.index("the quote")
    g.add_edge("a", "b", key="s1", relation="stance", detail="opposes", polarity=-1, statement_id="s1", source="d",
               quote="the quote", start=start, end=start + 9, earliest="2010-01-01", latest="2010-12-31", date="2010")
    data = explorer_data(g, load_style(), ExplorerInput(documents={"d": Document(title="D", text=text)}))
    assert data["edges"][0]["spans"] == [[start + 1, start + 10]]


def test_side_layout_puts_sides_apart_and_coalitions_together() -> None:
    items = [("s1", 1.0, 1, "S1"), ("s2", 1.0, 1, "S2"), ("o1", -1.0, 2, "O1"), ("o2", -0.5, 2, "O2"),
             ("n1", 0.0, 0, "N1")]
    pos = side_layout(items, centre="p")
    assert pos["p"] == (0.0, 0.0)
    assert pos["s1"][0] < 0 and pos["s2"][0] < 0 and pos["o1"][0] > 0 and pos["o2"][0] > 0
    assert pos["n1"][1] > max(pos[n][1] for n in ("s1", "s2", "o1", "o2"))
    assert side_layout(items, centre="p") == pos
