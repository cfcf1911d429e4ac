"""The evidence graph (graph.project) on the small hand-written TriG fixture."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from graph.errors import UsageError
from graph.analysis.projection import evidence_graph

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "analysis" / "small.trig"
ID = "https://w3id.org/scomm-kg/id/"


def load_fixture() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    store.load(
        path=str(ROOT / "ontology" / "vocabularies.ttl"),
        format=pyoxigraph.RdfFormat.TURTLE,
        to_graph=pyoxigraph.NamedNode("https://w3id.org/scomm-kg/graph/ontology"),
    )
    return store


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return load_fixture()


def keys(g) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(k for _, _, k in g.edges(keys=True))


def test_only_entities_statements_touch_appear(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store)
    assert ID + "alpine-county" not in g  # in the registry, but nobody speaks of it
    assert ID + "deval-patrick" in g
    assert g.nodes[ID + "deval-patrick"]["type"] == "person"


def test_node_attributes(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store)
    ndlon = g.nodes[ID + "national-day-laborer-organizing-network"]
    assert ndlon["label"] == "National Day Laborer Organizing Network"
    assert ndlon["slug"] == "national-day-laborer-organizing-network"
    assert ndlon["group"] == "group" and ndlon["aliases"] == ["NDLON"]
    assert g.nodes[ID + "santa-clara-county"]["group"] == "jurisdiction"
    assert g.nodes[ID + "janet-napolitano"]["posts"] == ["DHS Secretary, Department of Homeland Security"]
    assert g.nodes[ID + "deval-patrick"]["posts"] == ["Governor, Massachusetts"]
    event = g.nodes["https://w3id.org/scomm-kg/statement/lofgren-letter-2010"]
    assert (event["type"], event["group"], event["date"]) == ("event", "event", "2010")
    source = g.nodes["https://w3id.org/scomm-kg/source/nif-2010-10-14"]
    assert (source["type"], source["group"], source["label"]) == ("source", "source", "Insecurities about Secure Communities")


def test_stance_edge_carries_its_evidence(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store)
    e = g.edges[ID + "deval-patrick", ID + "secure-communities", "patrick-refuses-scomm-2011-06"]
    assert e["relation"] == "stance" and e["detail"] == "refuses-to-join"
    assert e["label"] == "refuses to join" and e["polarity"] == -1
    assert e["source"] == "blog-scomm-topic-2012"
    assert e["source_title"] == "Secure Communities (blog topic page)"
    assert e["quote"] == "Deval Patrick refuses to join Secure Communities"
    text = (ROOT / "data" / "corpus" / "000_f2bd0ada508f4ac0.txt").read_text(encoding="utf-8")
    assert text[e["start"] : e["end"]] == e["quote"]
    assert (e["date"], e["earliest"], e["latest"]) == ("2011-06-06", "2011-06-06", "2011-06-06")
    assert e["statement"] == "https://w3id.org/scomm-kg/statement/patrick-refuses-scomm-2011-06"
    assert e["also_in"] == []
    supports = g.edges[ID + "dhs", ID + "secure-communities", "dhs-expands-scomm-2011-08"]
    assert supports["polarity"] == 1


def test_also_in_names_the_other_source(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store)
    e = g.edges[ID + "santa-clara-county", ID + "secure-communities", "santa-clara-opt-out-bg"]
    assert e["also_in"] == ["blog-scomm-topic-2012"]


def test_one_edge_per_role(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store)
    letter = "https://w3id.org/scomm-kg/statement/lofgren-letter-2010"
    assert g.edges[ID + "zoe-lofgren", letter, "lofgren-letter-2010#sender"]["detail"] == "sender"
    assert g.edges[ID + "janet-napolitano", letter, "lofgren-letter-2010#recipient"]["relation"] == "participant"
    assert g.edges[letter, ID + "secure-communities", "lofgren-letter-2010#about"]["relation"] == "event-about"
    post = g.edges[ID + "janet-napolitano", ID + "dhs", "napolitano-dhs-secretary#organization"]
    assert (post["relation"], post["detail"]) == ("post", "DHS Secretary")
    fig = g.edges[ID + "dhs", ID + "secure-communities", "removals-fy2010-blog#about"]
    assert fig["label"] == "removals: more than 392,000 persons"
    assert fig["date"] == "2009-10-01/2010-09-30"
    ch = g.edges["https://w3id.org/scomm-kg/source/blog-scomm-topic-2012", ID + "national-day-laborer-organizing-network", "blog-calls-ndlon-far-left"]
    assert (ch["relation"], ch["detail"]) == ("characterization", "far-left")


def test_time_window(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store, date_from="2010-01", date_to="2010-12")
    k = keys(g)
    assert "santa-clara-opt-out-bg" in k and "ndlon-calls-to-end-2010-04" in k
    assert "patrick-refuses-scomm-2011-06" not in k  # 2011
    assert "aclu-halt-scomm-2008" not in k  # 2008
    assert "ice-part-of-dhs" in k  # undated standing fact stays
    assert ID + "american-civil-liberties-union" not in g


def test_sources_by_id_and_perspective(store: pyoxigraph.Store) -> None:
    by_perspective = evidence_graph(store, sources=["critical"])
    assert {d["source"] for *_, d in by_perspective.edges(data=True)} == {"nif-2010-10-14"}
    by_id = evidence_graph(store, sources=["backgrounder-2011"])
    assert {d["source"] for *_, d in by_id.edges(data=True)} == {"backgrounder-2011"}
    with pytest.raises(UsageError, match="no source or perspective"):
        evidence_graph(store, sources=["nonesuch"])


def test_program_filter_by_alias(store: pyoxigraph.Store) -> None:
    g = evidence_graph(store, program="287g")
    assert keys(g) == ["aclu-halt-287g-2008"]
    with pytest.raises(UsageError, match="no program named"):
        evidence_graph(store, program="Secure Comunities 2")


def test_bad_dates_are_usage_errors(store: pyoxigraph.Store) -> None:
    with pytest.raises(UsageError, match="--from '2010-13'"):
        evidence_graph(store, date_from="2010-13")
    with pytest.raises(UsageError, match="after --to"):
        evidence_graph(store, date_from="2011", date_to="2010")


def test_deterministic_order(store: pyoxigraph.Store) -> None:
    a, b = evidence_graph(store), evidence_graph(load_fixture())
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(keys=True, data=True)) == list(b.edges(keys=True, data=True))
    assert list(a.nodes) == sorted(a.nodes)
