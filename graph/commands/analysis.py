"""`scomm analyze`, `scomm path`, `scomm ego`, `scomm timeline`, `scomm disagreements`.

Thin commands over graph.analyze, graph.evidence_paths, graph.timeline, graph.disagree.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import click

from graph.commands.options import out_option, root_option

ROOT_OPTION = root_option()
OUT_OPTION = out_option("The analysis goes to <out>/analysis/.")


def _filters(f: Any) -> Any:
    for option in reversed([
        click.option("--from", "date_from", metavar="DATE", default=None, help="Keep statements dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", default=None, help="Keep statements dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--source", "sources", metavar="ID", multiple=True, help="Keep statements of this source id or perspective (e.g. opposes-program); repeatable."),
        click.option("--program", metavar="NAME", default=None, help="Keep statements about this program (slug, name or alias)."),
    ]):
        f = option(f)
    return f


def _open(root: Path | None, out_dir: Path | None, writable: bool = False) -> tuple[Any, Path]:
    from graph.folders import project
    from graph.store.embedded import open_store

    out = project(root, out_dir).out_dir
    return open_store(out, writable=writable), out


def _evidence(store: Any, date_from: str | None, date_to: str | None, sources: tuple[str, ...], program: str | None) -> Any:
    from graph.analysis.projection import evidence_graph

    return evidence_graph(store, sources=list(sources) or None, date_from=date_from, date_to=date_to, program=program)


@click.command()
@_filters
@click.option("--normalization", type=click.Choice(["raw", "average", "jaccard", "cosine"]), default="raw", show_default=True,
              help="Tie weights of the congruence and conflict networks (as in the Discourse Network Analyzer).")
@OUT_OPTION
@ROOT_OPTION
def analyze(date_from: str | None, date_to: str | None, sources: tuple[str, ...], program: str | None,
            normalization: str, out_dir: Path | None, root: Path | None) -> None:
    """Run the network analyses and write out/analysis/.

    Writes report.md and report.html, CSV/JSON tables, GraphML and GEXF files of each
    network (evidence, two-mode, congruence, conflict, relationship), and analysis.nq;
    loads the measures into the store's analysis named graph.
    """
    from graph.analysis.analyze import run_analysis, selection_for
    from graph.analysis.write import write_analysis
    from graph.analysis.projection import StoreBackend

    started = time.perf_counter()
    store, out = _open(root, out_dir, writable=True)
    backend = StoreBackend(store)
    selection, nodes = selection_for(backend, sources=list(sources) or None, date_from=date_from, date_to=date_to, program=program)
    analysis = run_analysis(backend, selection, normalization=normalization, nodes=nodes)
    files = write_analysis(analysis, out, store)
    c = analysis.coalitions
    score = "n/a" if c.polarization is None or c.polarization.score is None else f"{c.polarization.score:.3f}"
    click.echo(
        f"analysed {selection.describe()}: {analysis.networks['evidence'].number_of_edges()} statement edges, "
        f"{len(c.coalitions)} coalitions (polarization {score}), {len(analysis.disagreements)} disagreements; "
        f"wrote {len(files)} files to {out / 'analysis'} in {time.perf_counter() - started:.2f} s"
    )


@click.command()
@click.argument("start")
@click.argument("end")
@click.option("-k", "k", type=int, default=1, show_default=True, help="How many shortest connections to list.")
@_filters
@OUT_OPTION
@ROOT_OPTION
def path(start: str, end: str, k: int, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
         program: str | None, out_dir: Path | None, root: Path | None) -> None:
    """Shortest connections between two actors, each hop with its quote and source.

    START and END are slugs, names or aliases (case-insensitive): scomm path "Deval Patrick" NDLON -k 3
    """
    from graph.analysis.tracing import find_paths, format_paths

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    click.echo(format_paths(eg, find_paths(eg, start, end, k)), nl=False)


@click.command()
@click.argument("actor")
@click.option("--depth", type=int, default=1, show_default=True, help="How many hops out from the actor.")
@_filters
@OUT_OPTION
@ROOT_OPTION
def ego(actor: str, depth: int, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
        program: str | None, out_dir: Path | None, root: Path | None) -> None:
    """An actor's neighbourhood: who and what is within --depth hops, with every statement."""
    from graph.analysis.tracing import ego_network, format_ego

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    click.echo(format_ego(eg, *ego_network(eg, actor, depth)), nl=False)


@click.command()
@click.argument("actor")
@click.option("--own", is_flag=True, help="Only the actor's own statements, not its sub-organizations' or post holders'.")
@_filters
@OUT_OPTION
@ROOT_OPTION
def timeline(actor: str, own: bool, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
             program: str | None, out_dir: Path | None, root: Path | None) -> None:
    """An actor's statements over time, with changes of side or answer marked '!'."""
    from graph.analysis.timeline import actor_timeline, format_timeline

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    centre, entries = actor_timeline(eg, actor, include_affiliates=not own)
    click.echo(format_timeline(entries, f"{eg.nodes[centre]['label']} ({eg.nodes[centre]['slug']})"), nl=False)


@click.command()
@_filters
@OUT_OPTION
@ROOT_OPTION
def disagreements(date_from: str | None, date_to: str | None, sources: tuple[str, ...], program: str | None,
                  out_dir: Path | None, root: Path | None) -> None:
    """Claims that cannot both hold and figures that differ, each pair with both quotes."""
    from graph.analysis.disagreements import find_disagreements, format_disagreements
    from graph.analysis.projection import StoreBackend

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    click.echo(format_disagreements(find_disagreements(eg, StoreBackend(store))), nl=False)


COMMANDS: list[click.Command] = [analyze, path, ego, timeline, disagreements]
