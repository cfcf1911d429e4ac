"""Analysis findings the corpus documents make certain, on the real build.

Each test fails if the finding is missing; none depends on how many statements the
curators recorded beyond what the texts say outright.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from click.testing import CliRunner

from graph.analysis.analyze import run_analysis
from graph.analysis.disagreements import find_disagreements
from graph.analysis.tracing import find_paths
from graph.folders import Project
from graph.analysis.projection import StoreBackend, evidence_graph
from graph.analysis.resolve import resolve_entity
from graph.store.embedded import open_store
from graph.analysis.timeline import actor_timeline, jurisdiction_history

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def store(corpus_built: Project) -> pyoxigraph.Store:
    return open_store(corpus_built.out_dir)


@pytest.fixture(scope="module")
def eg(store: pyoxigraph.Store) -> nx.MultiDiGraph:
    return evidence_graph(store)


@pytest.fixture(scope="module")
def texts(corpus_built: Project) -> dict[str, str]:
    import yaml

    manifest = yaml.safe_load((REPO / "data" / "sources.yaml").read_text(encoding="utf-8"))
    return {m["id"]: (REPO / "data" / m["file"]).read_text(encoding="utf-8") for m in manifest}


def test_opt_out_contradiction_is_found(store: pyoxigraph.Store, eg: nx.MultiDiGraph) -> None:
    # Napolitano told Lofgren communities could withdraw, then said they could not (nif-2010-10-14).
    found = [
        x for x in find_disagreements(eg, StoreBackend(store))
        if x.kind == "claim" and "opt out" in x.topic.lower()
        and "Janet Napolitano" in {x.a.speaker, x.b.speaker}
    ]
    assert found, "no disagreement on opting out involving Napolitano"
    assert all(x.a.quote and x.b.quote for x in found)


def test_path_from_governor_to_advocacy_group_cites_quotes(eg: nx.MultiDiGraph, texts: dict[str, str]) -> None:
    paths = find_paths(eg, "Deval Patrick", "NDLON", k=3)
    assert paths, "no connection from Deval Patrick to NDLON"
    assert eg.nodes[paths[0].nodes[-1]]["group"] == "group"
    for p in paths:
        for hop in p.hops:
            assert hop.edges
            for d in hop.edges:
                assert texts[d["source"]][d["start"] : d["end"]] == d["quote"], d["statement_id"]


def test_dhs_timeline_flags_the_change_on_opting_out(eg: nx.MultiDiGraph) -> None:
    _, entries = actor_timeline(eg, "DHS")
    changes = [e for e in entries if e.change and e.relation == "claim"]
    assert any("yes → no" in e.change or "no → yes" in e.change for e in changes), [e.statement_id for e in entries]


def test_opponents_and_the_agency_are_in_different_coalitions(store: pyoxigraph.Store) -> None:
    a = run_analysis(store)
    eg = a.networks["evidence"]
    community = a.coalitions.community
    ndlon = resolve_entity(eg.nodes, "NDLON")
    dhs = resolve_entity(eg.nodes, "DHS")
    assert community[ndlon] != 0
    assert community[ndlon] != community.get(dhs, 0)
    assert a.coalitions.polarization is not None and (a.coalitions.polarization.score or 0) > 0


def test_jurisdictions_that_tried_to_opt_out(eg: nx.MultiDiGraph) -> None:
    # backgrounder-2011 lists them: Washington D.C., Arlington County, Santa Clara County, ...
    labels = {e.actor_label for e in jurisdiction_history(eg) if e.relation == "stance"}
    assert any("Santa Clara" in x for x in labels) and any("Arlington" in x for x in labels), labels


def test_analyze_on_the_corpus_writes_report_and_analysis_graph(corpus_built: Project, tmp_path: Path) -> None:
    from graph.cli import main

    out = tmp_path / "out"
    shutil.copytree(corpus_built.out_dir / "store", out / "store")  # the shared build stays untouched
    result = CliRunner().invoke(main, ["analyze", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "analysis" / "report.md").read_text(encoding="utf-8")
    assert "## Coalitions" in report and "## Disagreements" in report
    store = open_store(out)
    count = len(list(store.quads_for_pattern(None, None, None, pyoxigraph.NamedNode("https://w3id.org/scomm-kg/graph/analysis"))))
    assert count > 0
