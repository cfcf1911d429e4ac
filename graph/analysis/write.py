"""Write an analysis: out/analysis/ (report, tables, GraphML/GEXF, analysis.nq) in one go,
and the store's analysis named graph."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph

from graph.analysis.network_files import flat, gephi_look, gexf_bytes, graphml_bytes, statement_intervals
from graph.analysis.report import html_report, markdown_report
from graph.analysis.results import Analysis
from graph.analysis.results_rdf import analysis_nquads, load_analysis
from graph.analysis.tables import tables
from graph.folders import collect, new_generation, output_lock, swap_folder


def write_analysis(analysis: Analysis, out_dir: Path, store: pyoxigraph.Store | None = None) -> list[Path]:
    """Write out/analysis/ (all files at once) and, given a store, replace its analysis graph."""
    target = out_dir / "analysis"
    files: dict[str, bytes] = {}
    files["report.md"] = markdown_report(analysis).encode("utf-8")
    files["report.html"] = html_report(analysis).encode("utf-8")
    files.update(tables(analysis))
    from viz.style import load_style  # the explorer's look, so that Gephi draws the same graph

    style = load_style()
    evidence = analysis.networks.get("evidence")
    intervals = statement_intervals(evidence) if evidence is not None else {}
    for name, g in analysis.networks.items():
        h = flat(g)
        files[f"{name}.graphml"] = graphml_bytes(h, flattened=True)
        files[f"{name}.gexf"] = gexf_bytes(h, flattened=True, look=gephi_look(g, style, intervals))
    nquads = analysis_nquads(analysis)
    files["analysis.nq"] = nquads
    with output_lock(out_dir):
        collect(out_dir, "analysis", keep=None)  # what a killed run left half-written
        stage = new_generation(out_dir, "analysis")
        try:
            for name, data in files.items():
                path = stage / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
            swap_folder(stage, target, "analysis")  # the old folder and the new one exchanged in one step
        except BaseException:
            shutil.rmtree(stage, ignore_errors=True)
            raise
        if store is not None:
            load_analysis(store, nquads)
    return sorted(target / n for n in files)
