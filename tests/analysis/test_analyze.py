"""Measures, coalitions, paths, timelines, disagreements and outputs on hand-checkable networks.

The fixture (tests/fixtures/analysis/small.trig) has two camps on Secure Communities:
DHS, ICE and Napolitano for it; ACLU, CCR, NDLON, Patrick, Santa Clara County and the
NIF post against it; ACLU also against 287(g). Napolitano answers the opt-out question
yes, then no; two figures for FY2010 removals exclude each other.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner

from graph.analysis.analyze import run_analysis
from graph.analysis.write import write_analysis
from graph.analysis.coalitions import find_coalitions
from graph.analysis.disagreements import find_disagreements
from graph.errors import UsageError
from graph.analysis.tracing import ego_network, find_paths, format_paths
from graph.analysis.measures import centrality
from graph.analysis.networks import actor_network, relationship_network, stance_facts, tie_statements, two_mode
from graph.analysis.projection import StoreBackend, evidence_graph
from graph.analysis.timeline import actor_timeline, figure_series, jurisdiction_history

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "analysis" / "small.trig"
ID = "https://w3id.org/scomm-kg/id/"
ONTOLOGY_GRAPH = pyoxigraph.NamedNode("https://w3id.org/scomm-kg/graph/ontology")

OPPONENTS = {
    ID + "american-civil-liberties-union", ID + "center-for-constitutional-rights", ID + "deval-patrick",
    ID + "national-day-laborer-organizing-network", ID + "santa-clara-county",
    "https://w3id.org/scomm-kg/source/nif-2010-10-14",
}
SUPPORTERS = {ID + "dhs", ID + "ice", ID + "janet-napolitano"}


def fill(store: pyoxigraph.Store) -> pyoxigraph.Store:
    store.load(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG)
    store.load(path=str(ROOT / "ontology" / "vocabularies.ttl"), format=pyoxigraph.RdfFormat.TURTLE, to_graph=ONTOLOGY_GRAPH)
    return store


@pytest.fixture(scope="module")
def store() -> pyoxigraph.Store:
    return fill(pyoxigraph.Store())


@pytest.fixture(scope="module")
def eg(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    return evidence_graph(store)


# ---------------------------------------------------------------- measures on known graphs

def test_centrality_of_a_star() -> None:
    g = nx.star_graph(4)  # centre 0, leaves 1..4
    nx.set_node_attributes(g, {n: str(n) for n in g}, "slug")
    rows = {r.node: r for r in centrality(g)}
    assert rows[0].degree == 1.0 and rows[0].betweenness == 1.0 and rows[0].ties == 4
    assert rows[1].degree == 0.25 and rows[1].betweenness == 0.0
    assert rows[0].eigenvector == pytest.approx(math.sqrt(0.5), abs=1e-4)  # centre of a star: 1/sqrt(2)
    assert centrality(g)[0].node == 0


def test_centrality_of_a_path() -> None:
    g = nx.path_graph(5)  # 0-1-2-3-4
    rows = {r.node: r for r in centrality(g)}
    assert rows[2].betweenness == pytest.approx(4 / 6)  # 4 of the 6 pairs of others pass through 2
    assert rows[1].betweenness == pytest.approx(3 / 6)
    assert rows[0].betweenness == 0.0


def test_communities_of_two_triangles_joined_by_a_bridge(eg: nx.MultiDiGraph) -> None:
    g = nx.Graph()
    g.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")])
    nx.set_node_attributes(g, {n: n for n in g}, "slug")
    result = find_coalitions(g, nx.Graph(), [])
    assert [set(c.members) for c in result.coalitions] == [{"a", "b", "c"}, {"x", "y", "z"}]


# ---------------------------------------------------------------- projections on the fixture

def test_two_mode_weights_by_independent_sources(eg: nx.MultiDiGraph) -> None:
    tm = two_mode(eg)
    e = tm.edges[ID + "santa-clara-county", ID + "secure-communities"]
    assert e["weight"] == 2 and e["polarity"] == -1  # two sources report the same opt-out
    assert tm.edges[ID + "dhs", ID + "secure-communities"]["polarity"] == 1
    assert tm.nodes[ID + "secure-communities"]["bipartite"] == 1


@pytest.mark.parametrize(
    "normalization, expected",
    [("raw", 1.0), ("average", round(1 / 1.5, 6)), ("jaccard", 0.5), ("cosine", round(1 / math.sqrt(2), 6))],
)
def test_congruence_normalizations(eg: nx.MultiDiGraph, normalization: str, expected: float) -> None:
    # ACLU takes 2 sides (against SComm, against 287(g)); NDLON 1; they share 1.
    g = actor_network(eg, "congruence", normalization)
    e = g.edges[ID + "american-civil-liberties-union", ID + "national-day-laborer-organizing-network"]
    assert e["weight"] == expected and e["raw"] == 1
    facts = stance_facts(eg)
    assert tie_statements(facts, ID + "american-civil-liberties-union", ID + "national-day-laborer-organizing-network", e["targets"]) == [
        "aclu-halt-scomm-2008", "ndlon-calls-to-end-2010-04"]


def test_conflict_ties_only_across_sides(eg: nx.MultiDiGraph) -> None:
    g = actor_network(eg, "conflict")
    assert g.number_of_edges() == len(OPPONENTS) * len(SUPPORTERS)
    assert g.has_edge(ID + "dhs", ID + "deval-patrick")
    assert not g.has_edge(ID + "dhs", ID + "ice")
    with pytest.raises(UsageError):
        actor_network(eg, "congruence", "median")


def test_relationship_network_links_sender_to_addressee(eg: nx.MultiDiGraph) -> None:
    g = relationship_network(eg)
    e = g.edges[ID + "zoe-lofgren", ID + "janet-napolitano", "lofgren-letter-2010#addressed"]
    assert e["label"] == "wrote to" and e["quote"].startswith("Representative Zoe Lofgren")
    assert g.has_edge(ID + "ice", ID + "dhs")
    assert not any(d["relation"] == "stance" for *_, d in g.edges(data=True))


def test_coalitions_are_the_two_camps(eg: nx.MultiDiGraph) -> None:
    facts = stance_facts(eg)
    result = find_coalitions(actor_network(eg, "congruence"), actor_network(eg, "conflict"), facts)
    assert [set(c.members) for c in result.coalitions] == [OPPONENTS, SUPPORTERS]
    against = result.coalitions[0].binding[0]
    assert (against.target, against.polarity, against.members) == (ID + "secure-communities", -1, 6)
    assert result.polarization is not None and result.polarization.score == 1.0
    assert result.polarization.conflict_between == 18.0 and result.polarization.congruence_between == 0.0


def test_polarization_is_zero_without_conflict(eg: nx.MultiDiGraph) -> None:
    opponents_only = eg.edge_subgraph([(u, v, k) for u, v, k, d in eg.edges(keys=True, data=True) if d["polarity"] < 0]).copy()
    facts = stance_facts(opponents_only)
    result = find_coalitions(actor_network(opponents_only, "congruence"), actor_network(opponents_only, "conflict"), facts)
    assert result.polarization is not None and result.polarization.score == 0.0


# ---------------------------------------------------------------- paths, ego, timelines

def test_path_from_governor_to_advocacy_group_cites_quotes(eg: nx.MultiDiGraph) -> None:
    paths = find_paths(eg, "Deval Patrick", "NDLON", k=3)
    assert paths[0].nodes == (ID + "deval-patrick", ID + "secure-communities", ID + "national-day-laborer-organizing-network")
    assert [len(p.hops) for p in paths] == sorted(len(p.hops) for p in paths)
    text = format_paths(eg, paths[:1])
    assert '"Deval Patrick refuses to join Secure Communities"' in text
    assert '"By terminating all police and ICE partnerships"' in text
    assert "patrick-refuses-scomm-2011-06" in text and "2011-06-06" in text


def test_paths_never_pass_through_a_source_document(eg: nx.MultiDiGraph) -> None:
    for p in find_paths(eg, "ndlon", "santa clara", k=10):
        assert not any(n.startswith("https://w3id.org/scomm-kg/source/") for n in p.nodes[1:-1])


def test_unknown_or_ambiguous_actor_is_a_usage_error(eg: nx.MultiDiGraph) -> None:
    with pytest.raises(UsageError, match="close matches: janet-napolitano"):
        find_paths(eg, "Napolitno", "NDLON")


def test_ego_depth(eg: nx.MultiDiGraph) -> None:
    centre, sub, distance = ego_network(eg, "NDLON", depth=1)
    assert set(distance) == {centre, ID + "secure-communities", "https://w3id.org/scomm-kg/statement/lawsuit-2010-04"}
    _, sub2, distance2 = ego_network(eg, "NDLON", depth=2)
    assert ID + "deval-patrick" in distance2 and distance2[ID + "deval-patrick"] == 2


def test_timeline_flags_dhs_changing_its_answer(eg: nx.MultiDiGraph) -> None:
    centre, entries = actor_timeline(eg, "DHS")
    changed = [e for e in entries if e.change]
    assert [e.statement_id for e in changed] == ["napolitano-opt-out-no-2010-10"]
    assert changed[0].via == "post: DHS Secretary" and "yes → no" in changed[0].change
    _, own = actor_timeline(eg, "DHS", include_affiliates=False)
    assert {e.actor for e in own} == {centre}
    # time order: by the last day each statement's time can denote (docs/time.md)
    dates = [e.latest or e.earliest or "9999-12-31" for e in entries]
    assert dates == sorted(dates)


def test_jurisdiction_history_and_figure_series(eg: nx.MultiDiGraph) -> None:
    history = [e.statement_id for e in jurisdiction_history(eg)]
    assert history == ["jurisdictions-14-2008", "santa-clara-opt-out-bg", "santa-clara-opt-out-blog", "jurisdictions-660-2010"]
    series = figure_series(eg)[("jurisdictions-activated", "United States")]
    assert [p.value for p in series] == [14.0, 660.0]


def test_disagreements(store: pyoxigraph.Store, eg: nx.MultiDiGraph) -> None:
    found = find_disagreements(eg, StoreBackend(store))
    pairs = {(x.kind, x.a.statement_id, x.b.statement_id): x for x in found}
    napolitano = pairs[("claim", "napolitano-opt-out-no-2010-10", "napolitano-opt-out-yes-2010-09")]
    assert napolitano.curated and napolitano.same_source
    assert napolitano.a.quote == "it was not possible for communities to withdraw"
    assert ("claim", "ice-memo-opt-out-yes-2010-08", "napolitano-opt-out-no-2010-10") in pairs
    assert ("figure", "removals-fy2010-bg", "removals-fy2010-blog") in pairs  # 380,000 vs more than 392,000
    # Two yes answers agree, and figures at different dates are a series, not a disagreement.
    assert not any({x.a.statement_id, x.b.statement_id} == {"ice-memo-opt-out-yes-2010-08", "napolitano-opt-out-yes-2010-09"} for x in found)
    assert not any(x.a.statement_id.startswith("jurisdictions-") for x in found)


# ---------------------------------------------------------------- outputs

def test_outputs_are_deterministic_and_open_in_networkx(store: pyoxigraph.Store, tmp_path: Path) -> None:
    first = write_analysis(run_analysis(store), tmp_path / "one")
    second = write_analysis(run_analysis(fill(pyoxigraph.Store())), tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    folder = tmp_path / "one" / "analysis"
    g = nx.read_graphml(folder / "congruence.graphml")
    assert g.nodes[ID + "deval-patrick"]["community"] == 1
    gexf = nx.read_gexf(folder / "evidence.gexf")
    assert gexf.number_of_nodes() == evidence_graph(store).number_of_nodes()
    coalitions = json.loads((folder / "coalitions.json").read_text(encoding="utf-8"))
    assert coalitions["coalitions"][1]["members"] == ["dhs", "ice", "janet-napolitano"]
    report = (folder / "report.md").read_text(encoding="utf-8")
    assert "## Coalitions" in report and "it was not possible for communities to withdraw" in report
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_measures_are_written_back_as_rdf(tmp_path: Path) -> None:
    store = fill(pyoxigraph.Store())
    write_analysis(run_analysis(store), tmp_path, store)
    # the most central opponents in the conflict network, by SPARQL
    rows = list(store.query(
        """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
        SELECT ?actor ?degree WHERE {
          GRAPH <https://w3id.org/scomm-kg/graph/analysis> {
            ?s scomm:projection <https://w3id.org/scomm-kg/analysis/conflict> ; scomm:scoreOf ?actor ;
               scomm:degreeCentrality ?degree . }
          ?actor scomm:refusesToJoin|scomm:callsToEnd|scomm:seeksToOptOutOf ?program .
        } ORDER BY DESC(?degree) ?actor""",
        use_default_graph_as_union=True,
    ))
    assert {r["actor"].value for r in rows} == {ID + "deval-patrick", ID + "national-day-laborer-organizing-network", ID + "santa-clara-county"}
    assert {float(r["degree"].value) for r in rows} == {0.375}  # tied to 3 of the 8 other actors: the supporters
    derived = list(store.query(
        """PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?st WHERE { <https://w3id.org/scomm-kg/analysis/disagreement/napolitano-opt-out-no-2010-10--napolitano-opt-out-yes-2010-09> prov:wasDerivedFrom ?st }""",
        use_default_graph_as_union=True,
    ))
    assert len(derived) == 2
    write_analysis(run_analysis(store), tmp_path, store)  # replaces, never duplicates
    count = len(list(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode("https://w3id.org/scomm-kg/graph/analysis"))))
    assert count == len((tmp_path / "analysis" / "analysis.nq").read_text(encoding="utf-8").splitlines())


def test_analysis_under_a_time_window(store: pyoxigraph.Store) -> None:
    from graph.analysis.selection import Selection

    a = run_analysis(store, Selection(date_from="2010-01-01", date_to="2010-12-31"))
    assert ID + "american-civil-liberties-union" not in a.networks["congruence"]
    assert [w.label for w in run_analysis(store).windows] == ["2008", "2010", "2011", "2012"]


# ---------------------------------------------------------------- CLI end to end

@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    store = fill(pyoxigraph.Store(str(out / "store")))
    store.flush()
    del store
    return out


def test_cli_analyze_path_ego_timeline(built: Path) -> None:
    from graph.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["analyze", "--out", str(built), "--from", "2008", "--to", "2012"])
    assert r.exit_code == 0, r.output
    assert "2 coalitions" in r.output and (built / "analysis" / "report.html").exists()
    r = runner.invoke(main, ["path", "deval patrick", "NDLON", "-k", "2", "--out", str(built)])
    assert r.exit_code == 0 and "Path 2" in r.output and "refuses to join" in r.output
    r = runner.invoke(main, ["ego", "ndlon", "--depth", "2", "--out", str(built)])
    assert r.exit_code == 0 and "depth 2:" in r.output
    r = runner.invoke(main, ["timeline", "DHS", "--out", str(built)])
    assert r.exit_code == 0 and "! answer changed: yes → no" in r.output
    r = runner.invoke(main, ["disagreements", "--out", str(built)])
    assert r.exit_code == 0 and "removals" in r.output


def test_cli_errors_exit_2_with_the_reason(built: Path) -> None:
    from graph.cli import main

    runner = CliRunner()
    r = runner.invoke(main, ["path", "Nobody", "NDLON", "--out", str(built)])
    assert r.exit_code == 2 and "no actor named 'Nobody'" in r.output
    r = runner.invoke(main, ["analyze", "--from", "2010-13", "--out", str(built)])
    assert r.exit_code == 2 and "--from '2010-13'" in r.output


def test_an_actor_network_too_large_is_refused_with_the_remedy(eg: nx.MultiDiGraph) -> None:
    from graph.analysis.networks import NetworkTooLarge

    # 6 opponents of Secure Communities make 15 congruence ties, 3 supporters 3 more (plus 0 on 287(g))
    assert actor_network(eg, "congruence", max_ties=18).number_of_edges() == 18
    with pytest.raises(NetworkTooLarge, match="up to 18 ties .* narrow the selection"):
        actor_network(eg, "congruence", max_ties=17)


def test_betweenness_of_a_large_graph_is_estimated_reproducibly() -> None:
    g = nx.star_graph(6000)  # above the exact limit; every path between two leaves runs through the centre
    first = {r.node: r.betweenness for r in centrality(g)}
    assert first[0] == pytest.approx(1.0, abs=1e-3)
    assert first[1] == 0.0
    assert first == {r.node: r.betweenness for r in centrality(g)}
