"""`scomm analyze`, `scomm path`, `scomm ego`, `scomm timeline`, `scomm disagreements`.

Thin commands over graph.analyze, graph.evidence_paths, graph.timeline, graph.disagree.
"""

from __future__ import annotations

import gc
import os
import time
from pathlib import Path
from typing import Any

import click

from graph.commands.options import out_option, root_option
from graph.commands.output import flatten, format_option, render_rows
from graph.commands.progress import progress

ROOT_OPTION = root_option()
OUT_OPTION = out_option("The analysis goes to <out>/analysis/.")


_PATH_COLUMNS = ("path", "hop", "from", "relation", "says", "to", "forward", "date", "source", "statement", "quote")
_EGO_COLUMNS = ("from", "from_name", "from_distance", "relation", "says", "to", "to_name", "to_distance", "date",
                "source", "statement", "quote")


def _statements(eg: Any) -> int:
    """How many statements the evidence graph's edges stand for (an event has one edge per participant)."""
    return len({d.get("statement_id", k) for *_, k, d in eg.edges(keys=True, data=True)})


def _filters(f: Any) -> Any:
    for option in reversed([
        click.option("--from", "date_from", metavar="DATE", default=None, help="Keep statements dated on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--to", "date_to", metavar="DATE", default=None, help="Keep statements dated on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."),
        click.option("--source", "sources", metavar="ID", multiple=True, help="Keep statements of this source id or perspective (e.g. opposes-program); repeatable."),
        click.option("--program", metavar="NAME", default=None, help="Keep statements about this program (slug, name or alias)."),
    ]):
        f = option(f)
    return f


ANALYSIS_KEY = "scomm.analysis"


def remember_analysis(out: Path, analysis: Any) -> None:
    """Keep the whole-graph analysis for a later command of the same process (`scomm all`'s viz).

    Keyed by the store's current generation, so a rebuild in between is never mixed up with it.
    """
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.find_root().meta[ANALYSIS_KEY] = (os.path.realpath(out / "store"), analysis)


def remembered_analysis(out: Path) -> Any:
    """The analysis remember_analysis kept for this store generation (taken, not copied), or None."""
    ctx = click.get_current_context(silent=True)
    kept = ctx.find_root().meta.pop(ANALYSIS_KEY, None) if ctx is not None else None
    return kept[1] if kept is not None and kept[0] == os.path.realpath(out / "store") else None


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
    with progress("analysing"):
        selection, nodes = selection_for(backend, sources=list(sources) or None, date_from=date_from, date_to=date_to, program=program)
        analysis = run_analysis(backend, selection, normalization=normalization, nodes=nodes)
        files = write_analysis(analysis, out, store)
        # the store changed (its analysis graph): answer the library again, on the store as it
        # now is and closed first, so that the stored answers stay current (graph/store/answers.py)
        del backend, store
        gc.collect()
        from graph.store import answers

        answers.write((out / "store").resolve().parent)
    if selection.is_empty and normalization == "raw":
        remember_analysis(out, analysis)
    c = analysis.coalitions
    score = "n/a" if c.polarization is None or c.polarization.score is None else f"{c.polarization.score:.3f}"
    click.echo(
        f"analysed {selection.describe()}: {_statements(analysis.networks['evidence'])} statements as "
        f"{analysis.networks['evidence'].number_of_edges()} edges, "
        f"{len(c.coalitions)} coalitions (polarization {score}), {len(analysis.disagreements)} disagreements; "
        f"wrote {len(files)} files to {out / 'analysis'} in {time.perf_counter() - started:.2f} s"
    )


@click.command()
@click.argument("start")
@click.argument("end")
@click.option("-k", "k", type=int, default=1, show_default=True, help="How many shortest connections to list.")
@_filters
@format_option()
@OUT_OPTION
@ROOT_OPTION
def path(start: str, end: str, k: int, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
         program: str | None, fmt: str, out_dir: Path | None, root: Path | None) -> None:
    """Shortest connections between two actors, each hop with its quote and source.

    START and END are slugs, names or aliases (case-insensitive): scomm path "Deval Patrick" NDLON -k 3
    """
    from graph.analysis.tracing import find_paths, format_paths

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    paths = find_paths(eg, start, end, k)
    if fmt == "text":
        click.echo(format_paths(eg, paths), nl=False)
        return
    rows = [{"path": i, "hop": j, "from": hop.start_label, "relation": d.get("relation", ""), "says": d.get("label", ""),
             "to": hop.end_label, "forward": d.get("forward", True), "date": d.get("date", ""), "source": d.get("source", ""),
             "statement": d.get("statement_id", ""), "quote": d.get("quote", "")}
            for i, p in enumerate(paths, start=1) for j, hop in enumerate(p.hops, start=1) for d in hop.edges]
    click.echo(render_rows(rows, fmt, list(_PATH_COLUMNS)), nl=False)


@click.command()
@click.argument("actor")
@click.option("--depth", type=int, default=1, show_default=True, help="How many hops out from the actor.")
@_filters
@format_option()
@OUT_OPTION
@ROOT_OPTION
def ego(actor: str, depth: int, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
        program: str | None, fmt: str, out_dir: Path | None, root: Path | None) -> None:
    """An actor's neighbourhood: who and what is within --depth hops, with every statement."""
    from graph.analysis.tracing import ego_network, format_ego

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    centre, sub, distance = ego_network(eg, actor, depth)
    if fmt == "text":
        click.echo(format_ego(eg, centre, sub, distance), nl=False)
        return
    rows = [{"from": eg.nodes[u]["slug"], "from_name": eg.nodes[u]["label"], "from_distance": distance.get(u, ""),
             "relation": d.get("relation", ""), "says": d.get("label", ""), "to": eg.nodes[v]["slug"],
             "to_name": eg.nodes[v]["label"], "to_distance": distance.get(v, ""), "date": d.get("date", ""),
             "source": d.get("source", ""), "statement": d.get("statement_id", k), "quote": d.get("quote", "")}
            for u, v, k, d in sorted(sub.edges(keys=True, data=True), key=lambda e: (str(e[0]), str(e[1]), str(e[2])))]
    click.echo(render_rows(rows, fmt, list(_EGO_COLUMNS)), nl=False)


@click.command()
@click.argument("actor")
@click.option("--own", is_flag=True, help="Only the actor's own statements, not its sub-organizations' or post holders'.")
@_filters
@format_option()
@OUT_OPTION
@ROOT_OPTION
def timeline(actor: str, own: bool, date_from: str | None, date_to: str | None, sources: tuple[str, ...],
             program: str | None, fmt: str, out_dir: Path | None, root: Path | None) -> None:
    """An actor's statements over time, with changes of side or answer marked '!'."""
    from graph.analysis.timeline import actor_timeline, format_timeline

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    centre, entries = actor_timeline(eg, actor, include_affiliates=not own)
    if fmt != "text":
        click.echo(render_rows([flatten(e) for e in entries], fmt), nl=False)
        return
    click.echo(format_timeline(entries, f"{eg.nodes[centre]['label']} ({eg.nodes[centre]['slug']})"), nl=False)


@click.command()
@_filters
@format_option()
@OUT_OPTION
@ROOT_OPTION
def disagreements(date_from: str | None, date_to: str | None, sources: tuple[str, ...], program: str | None,
                  fmt: str, out_dir: Path | None, root: Path | None) -> None:
    """Claims that cannot both hold and figures that differ, each pair with both quotes."""
    from graph.analysis.disagreements import find_disagreements, format_disagreements
    from graph.analysis.projection import StoreBackend

    store, _ = _open(root, out_dir)
    eg = _evidence(store, date_from, date_to, sources, program)
    found = find_disagreements(eg, StoreBackend(store))
    if fmt != "text":
        click.echo(render_rows([flatten(x) for x in found], fmt), nl=False)
        return
    click.echo(format_disagreements(found), nl=False)


COMMANDS: list[click.Command] = [analyze, path, ego, timeline, disagreements]
