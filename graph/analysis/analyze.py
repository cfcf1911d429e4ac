"""`scomm analyze`: run every projection and measure, and gather the findings.

run_analysis() computes an `Analysis` (graph.analysis.results); graph.analysis.write
writes it out.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import pyoxigraph

from graph.analysis.coalitions import find_coalitions
from graph.analysis.disagreements import find_disagreements
from graph.analysis.measures import annotate, centrality
from graph.analysis.networks import NetworkTooLarge, actor_network, relationship_network, stance_facts, two_mode
from graph.analysis.perspective import source_views
from graph.analysis.projection import SelectBackend, as_backend, build_evidence_graph, fetch_nodes, fetch_sources
from graph.analysis.resolve import resolve_entity
from graph.analysis.selection import Selection, make_selection
from graph.analysis.results import Analysis, Window
from graph.analysis.timeline import Entry, actor_timeline, figure_series, jurisdiction_history

PROJECTIONS = ("evidence", "two-mode", "congruence", "conflict", "relationship")


def selection_for(
    backend: SelectBackend,
    *,
    sources: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    program: str | None = None,
) -> tuple[Selection, dict[str, dict[str, Any]]]:
    """Check user filters against the store; also return the node table for reuse."""
    known = {s: meta["perspective"] for s, meta in fetch_sources(backend).items()}
    nodes = fetch_nodes(backend)
    program_iri = resolve_entity(nodes, program, what="program") if program else ""
    return make_selection(sources=sources, date_from=date_from, date_to=date_to, program=program_iri, known_sources=known), nodes


def yearly_windows(eg: nx.MultiDiGraph, normalization: str) -> list[Window]:
    """One window per calendar year, holding the stances whose time lies wholly in that year.

    A stance whose interval spans two years ("on or before 2010-10-14", fiscal 2010) is in
    no yearly window: counting it in each would count one stance twice, and placing it in
    one would assert more than its text supports.
    """
    years = sorted(
        {d["earliest"][:4] for *_, d in eg.edges(data=True)
         if d["relation"] == "stance" and d["earliest"] and d["latest"] and d["earliest"][:4] == d["latest"][:4]}
    )
    out = []
    for year in years:
        window = Selection(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        sub = nx.MultiDiGraph()
        sub.add_nodes_from(eg.nodes(data=True))
        sub.add_edges_from(
            (u, v, k, d)
            for u, v, k, d in eg.edges(keys=True, data=True)
            if d["relation"] == "stance" and window.within_window(d["earliest"], d["latest"])
        )
        facts = stance_facts(sub)
        cong = actor_network(sub, "congruence", normalization, facts)
        conf = actor_network(sub, "conflict", normalization, facts)
        result = find_coalitions(cong, conf, facts)
        assert result.polarization is not None
        out.append(Window(year, sub.number_of_edges(), cong.number_of_nodes(), len(result.coalitions), result.polarization))
    return out


def run_analysis(
    backend: SelectBackend | pyoxigraph.Store,
    selection: Selection | None = None,
    *,
    normalization: str = "raw",
    nodes: dict[str, dict[str, Any]] | None = None,
) -> Analysis:
    """Every projection, measure and finding for the selected statements."""
    backend = as_backend(backend)
    selection = selection or Selection()
    eg = build_evidence_graph(backend, selection, nodes=nodes)
    facts = stance_facts(eg)
    skipped: list[str] = []

    def actors(kind: str) -> nx.Graph:
        try:
            return actor_network(eg, kind, normalization, facts)
        except NetworkTooLarge as exc:
            skipped.append(str(exc))
            return nx.Graph(projection=kind, normalization=normalization, skipped=str(exc))

    networks: dict[str, nx.Graph] = {
        "evidence": eg,
        "two-mode": two_mode(eg),
        "congruence": actors("congruence"),
        "conflict": actors("conflict"),
        "relationship": relationship_network(eg),
    }
    ranks = {name: centrality(g) for name, g in networks.items()}
    for name, g in networks.items():
        annotate(g, ranks[name])
    labels = {n: str(d.get("label", n)) for n, d in eg.nodes(data=True)}
    coalitions = find_coalitions(networks["congruence"], networks["conflict"], facts, labels=labels)
    for n, c in coalitions.community.items():
        networks["congruence"].nodes[n]["community"] = c
        networks["conflict"].nodes[n]["community"] = c
        if n in eg:
            eg.nodes[n]["community"] = c
    views, overlaps, divergences = source_views(eg)
    timelines: dict[str, list[Entry]] = {}
    for actor in sorted({u for u, _, d in eg.edges(data=True) if d["relation"] in ("stance", "claim")}):
        _, entries = actor_timeline(eg, actor, include_affiliates=True)
        if any(e.change for e in entries):
            timelines[actor] = entries
    return Analysis(
        selection=selection,
        normalization=normalization,
        networks=networks,
        centrality=ranks,
        coalitions=coalitions,
        windows=[] if skipped else yearly_windows(eg, normalization),
        disagreements=find_disagreements(eg, backend),
        views=views,
        overlaps=overlaps,
        divergences=divergences,
        jurisdictions=jurisdiction_history(eg),
        figures=figure_series(eg),
        timelines=timelines,
        sources=fetch_sources(backend),
        skipped=skipped,
    )
