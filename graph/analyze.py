"""`scomm analyze`: run every projection and measure, and gather the findings.

run_analysis() computes; write_analysis() writes out/analysis/ (report, tables,
GraphML/GEXF, analysis.nq) in one go and loads the analysis named graph into the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph

from graph.coalitions import CoalitionResult, Polarization, find_coalitions
from graph.disagree import Disagreement, find_disagreements
from graph.measures import Centrality, annotate, centrality
from graph.networks import NetworkTooLarge, actor_network, relationship_network, stance_facts, two_mode
from graph.perspective import Divergence, Overlap, SourceView, source_views
from graph.project import SelectBackend, as_backend, build_evidence_graph, fetch_nodes, fetch_sources
from graph.resolve import resolve_entity
from graph.selection import Selection, make_selection
from graph.timeline import Entry, FigurePoint, actor_timeline, figure_series, jurisdiction_history

PROJECTIONS = ("evidence", "two-mode", "congruence", "conflict", "relationship")


@dataclass(frozen=True)
class Window:
    """Coalitions and polarization of the stances dated within one year."""

    label: str
    stances: int
    actors: int
    coalitions: int
    polarization: Polarization


@dataclass
class Analysis:
    selection: Selection
    normalization: str
    networks: dict[str, nx.Graph]
    centrality: dict[str, list[Centrality]]
    coalitions: CoalitionResult
    windows: list[Window]
    disagreements: list[Disagreement]
    views: list[SourceView]
    overlaps: list[Overlap]
    divergences: list[Divergence]
    jurisdictions: list[Entry]
    figures: dict[tuple[str, str], list[FigurePoint]]
    timelines: dict[str, list[Entry]] = field(default_factory=dict)  # actors whose position changed
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # networks too large to build, and why


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
    """One window per calendar year in which some stance is dated."""
    years = sorted({d["earliest"][:4] for *_, d in eg.edges(data=True) if d["relation"] == "stance" and d["earliest"]})
    out = []
    for year in years:
        window = Selection(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        sub = nx.MultiDiGraph()
        sub.add_nodes_from(eg.nodes(data=True))
        sub.add_edges_from(
            (u, v, k, d)
            for u, v, k, d in eg.edges(keys=True, data=True)
            if d["relation"] == "stance" and d["earliest"] and window.in_window("stance", d["earliest"], d["latest"])
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


def write_analysis(analysis: Analysis, out_dir: Path, store: pyoxigraph.Store | None = None) -> list[Path]:
    """Write out/analysis/ (all files at once) and, given a store, replace its analysis graph."""
    from graph.analysis_rdf import analysis_nquads, load_analysis
    from graph.analysis_tables import tables
    from graph.export import publish, staging
    from graph.network_files import flat, gexf_bytes, graphml_bytes
    from graph.report import html_report, markdown_report

    target = out_dir / "analysis"
    files: dict[str, bytes] = {}
    files["report.md"] = markdown_report(analysis).encode("utf-8")
    files["report.html"] = html_report(analysis).encode("utf-8")
    files.update(tables(analysis))
    for name, g in analysis.networks.items():
        h = flat(g)
        files[f"{name}.graphml"] = graphml_bytes(h, flattened=True)
        files[f"{name}.gexf"] = gexf_bytes(h, flattened=True)
    nquads = analysis_nquads(analysis)
    files["analysis.nq"] = nquads
    with staging(target) as stage:
        for name, data in files.items():
            path = stage / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        publish(stage, target, sorted({n.split("/")[0] for n in files}))
    if store is not None:
        load_analysis(store, nquads)
    return sorted(target / n for n in files)
