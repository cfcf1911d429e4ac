"""`scomm viz`: the research explorer (one offline HTML file) under out/viz/.

A thin command over viz.site.write_site; the graph comes from the built store (with the
analyses' measures and coalitions attached, every quote's offsets, the contested pairs of
the contradicts projection and the source documents' texts) or from a saved graph file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from graph.commands.options import out_option, root_option
from graph.commands.progress import progress

VIEWS = ("whole", "stance", "actors", "figures")
DEFAULT_PROGRAM = "secure-communities"


def documents_of(data_dir: Path, labels: dict[str, str]) -> dict[str, Any]:
    """The source documents' texts and descriptions, from data/sources.yaml and data/corpus/."""
    import yaml

    from viz.explorer import Document

    manifest = data_dir / "sources.yaml"
    if not manifest.is_file():
        return {}
    out: dict[str, Document] = {}
    for rec in yaml.safe_load(manifest.read_text(encoding="utf-8")) or []:
        if not isinstance(rec, dict) or "id" not in rec or "file" not in rec:
            continue
        path = data_dir / str(rec["file"])
        if not path.is_file():
            continue
        publisher = str(rec.get("publisher", "") or "")
        out[str(rec["id"])] = Document(
            title=str(rec.get("title", rec["id"])), text=path.read_text(encoding="utf-8"),
            publisher=labels.get(publisher, publisher), date=str(rec.get("date", "") or ""),
            perspective=str(rec.get("perspective", "") or ""), description=str(rec.get("description", "") or ""),
        )
    return dict(sorted(out.items()))


def _from_store(root: Path | None, out_dir: Path | None, measures: bool) -> tuple[Any, Path, dict[str, Any]]:
    from graph.analysis.projection import StoreBackend, evidence_graph, fetch_nodes, fetch_quotes, select_rows, slug_of
    from graph.folders import project
    from graph.store.embedded import open_store

    proj = project(root, out_dir)
    store = open_store(proj.out_dir)
    backend = StoreBackend(store)
    nodes = fetch_nodes(backend)
    if measures:
        from graph.analysis.analyze import run_analysis
        from graph.commands.analysis import remembered_analysis

        # degree, betweenness, eigenvector and coalition (community) numbers on the nodes;
        # under `scomm all` the analysis analyze just ran on this store, not a second run
        analysis = remembered_analysis(proj.out_dir) or run_analysis(backend, nodes=nodes)
        graph = analysis.networks["evidence"]
    else:
        graph = evidence_graph(backend)
    quotes = fetch_quotes(backend)
    for _, _, a in graph.edges(data=True):
        a["spans"] = [[q.start, q.end] for q in quotes.get(a.get("statement", ""), [])]
    pairs = tuple(sorted(tuple(sorted((slug_of(r["a"]), slug_of(r["b"])))) for r in select_rows(backend, "contradicts.rq")))
    labels = {str(a.get("slug", "")): str(a.get("label", "")) for a in nodes.values()}
    extra = {"documents": documents_of(proj.data_dir, labels), "contradicts": pairs,
             "report": proj.out_dir / "analysis" / "report.html"}
    return graph, proj.out_dir, extra


@click.command("viz")
@out_option("The explorer goes to <out>/viz/.")
@root_option()
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write the explorer to, replaced whole; default: <out>/viz.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Draw a graph saved as JSON (see docs/viz.md) instead of the built store.")
@click.option("--view", type=click.Choice(VIEWS), default="whole", show_default=True,
              help="The view the explorer opens on (every other view is a click away).")
@click.option("--measure", type=click.Choice(["degree", "betweenness", "eigenvector", "none"]), default="degree",
              show_default=True, help="What node size shows when the explorer opens (it can switch).")
@click.option("--colour", "--color", "colour", type=click.Choice(["class", "community"]), default="class",
              show_default=True, help="What node colour shows when the explorer opens: class, or coalition (community).")
@click.option("--no-measures", is_flag=True,
              help="Do not run the analyses: sizes by degree only, no coalitions.")
@click.option("--program", default=None,
              help=f"The program of the stance view (slug, name or alias; default {DEFAULT_PROGRAM}).")
@click.option("--figures/--no-figures", default=False, show_default=True,
              help="Also write static SVG and PNG figures of the whole graph and the stance view.")
@click.option("--style", "style_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Style file (colours and shapes); default: viz/style.yaml.")
@click.option("--seed", type=int, default=None, help="Layout seed (default: fixed, so the file is reproducible).")
def viz(out_dir: Path | None, root: Path | None, dest: Path | None, graph_file: Path | None, view: str,
        measure: str, colour: str, no_measures: bool, program: str | None, figures: bool, style_file: Path | None,
        seed: int | None) -> None:
    """Write the research explorer: one offline HTML file with every view of the graph.

    \b
    Views (each a click away, and citable by URL): the whole graph, the stances on
    --program, actors' congruence and conflict, figures, per source, per year, per actor.
    \b
    scomm viz
    scomm viz --view stance --measure betweenness --colour community
    """
    from viz.explorer import Document
    from viz.graph_file import read_graph
    from viz.layout import SEED
    from viz.site import SiteOptions, write_site
    from viz.style import load_style

    started = time.perf_counter()
    with progress("drawing the explorer"):
        if graph_file is not None:
            from graph.folders import project

            graph, out = read_graph(graph_file), project(root, out_dir).out_dir
            docs = {sid: Document(title=str(d.get("title", sid)), text=d["text"], publisher=str(d.get("publisher", "")),
                                  date=str(d.get("date", "")), perspective=str(d.get("perspective", "")),
                                  description=str(d.get("description", "")))
                    for sid, d in sorted(graph.graph.get("documents", {}).items())}
            extra: dict[str, Any] = {"documents": docs, "contradicts": tuple(graph.graph.get("contradicts", ())),
                                     "report": None}
        else:
            graph, out, extra = _from_store(root, out_dir, measures=not no_measures)
        style = load_style(style_file)
        options = SiteOptions(program=program or DEFAULT_PROGRAM, program_required=program is not None, view=view,
                              size_by=measure, color_by=colour, figures=figures, seed=SEED if seed is None else seed,
                              **extra)
        report = write_site(graph, dest or out / "viz", style, options)
    extra_figs = f" and {len(report.figures)} figures" if report.figures else ""
    click.echo(f"wrote the explorer ({report.explorer_bytes / 1e6:.1f} MB){extra_figs} to {report.out_dir} "
               f"in {time.perf_counter() - started:.1f} s; open {report.out_dir / 'index.html'}")


COMMANDS: list[click.Command] = [viz]
