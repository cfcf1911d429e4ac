"""`scomm viz`: the interactive pages and the figures, under out/viz/.

A thin command over viz.site.write_site; the graph comes from the built store (with the
analyses' measures and coalitions attached) or from a saved graph file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from graph.commands.options import out_option, root_option

from viz.views import KINDS


def _graph_from_store(root: Path | None, out_dir: Path | None, measures: bool) -> tuple[Any, Path]:
    from graph.folders import project
    from graph.analysis.projection import StoreBackend, evidence_graph
    from graph.store.embedded import open_store

    out = project(root, out_dir).out_dir
    store = open_store(out)
    if not measures:
        return evidence_graph(StoreBackend(store)), out
    from graph.analysis.analyze import run_analysis

    # The analysis annotates the evidence graph with degree, betweenness, eigenvector
    # and coalition (community) numbers; the pages can size and colour by them.
    return run_analysis(StoreBackend(store)).networks["evidence"], out


@click.command("viz")
@out_option("Pages go to <out>/viz/.")
@root_option()
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write the pages to, replaced whole; default: <out>/viz.")
@click.option("--graph", "graph_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Draw a graph saved as JSON (see docs/viz.md) instead of the built store.")
@click.option("--view", "views", type=click.Choice(KINDS), multiple=True,
              help="Which views to write (repeatable); default: all of them.")
@click.option("--measure", type=click.Choice(["degree", "betweenness", "eigenvector", "none"]), default="degree",
              show_default=True, help="What node size shows when a page opens (the page can switch).")
@click.option("--colour", "--color", "colour", type=click.Choice(["class", "community"]), default="class",
              show_default=True, help="What node colour shows when a page opens: class, or coalition (community).")
@click.option("--no-measures", is_flag=True,
              help="Do not run the analyses: sizes by degree in each view only, no coalitions.")
@click.option("--program", default="secure-communities", show_default=True,
              help="The program of the stance network view (slug, name or alias).")
@click.option("--figures/--no-figures", default=True, show_default=True,
              help="Also write SVG and PNG figures of the whole, stance, source and year views.")
@click.option("--style", "style_file", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Style file (colours and shapes); default: viz/style.yaml.")
@click.option("--seed", type=int, default=None, help="Layout seed (default: fixed, so pages are reproducible).")
def viz(out_dir: Path | None, root: Path | None, dest: Path | None, graph_file: Path | None, views: tuple[str, ...],
        measure: str, colour: str, no_measures: bool, program: str, figures: bool, style_file: Path | None,
        seed: int | None) -> None:
    """Write the interactive graph pages (one offline HTML file per view) and figures.

    \b
    Views: the whole graph, the stance network on --program, one page per source
    document, one per year, one per actor; index.html links them all.
    \b
    scomm viz
    scomm viz --view whole --view stance --measure betweenness --colour community
    """
    from viz.graph_file import read_graph
    from viz.layout import SEED
    from viz.site import SiteOptions, write_site
    from viz.style import load_style

    started = time.perf_counter()
    if graph_file is not None:
        from graph.folders import project

        graph, out = read_graph(graph_file), project(root, out_dir).out_dir
    else:
        graph, out = _graph_from_store(root, out_dir, measures=not no_measures)
    options = SiteOptions(program=program, kinds=views or KINDS, size_by=measure, color_by=colour,
                          figures=figures, seed=SEED if seed is None else seed)
    report = write_site(graph, dest or out / "viz", load_style(style_file), options)
    click.echo(f"wrote {len(report.pages)} pages and {len(report.figures)} figures to {report.out_dir} "
               f"in {time.perf_counter() - started:.1f} s; open {report.out_dir / 'index.html'}")


COMMANDS: list[click.Command] = [viz]
