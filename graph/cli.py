"""The `scomm` command line: thin commands over the library; errors become exit codes.

Exit codes: 0 ok, 1 invalid data or shapes, 2 usage or internal error.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.commands.options import out_option, root_option
from graph.errors import ScommError

if TYPE_CHECKING:
    from graph.query import Backend

# Feature modules that add commands; each exposes COMMANDS: list[click.Command].
COMMAND_MODULES: tuple[str, ...] = ("graph.commands.scale", "graph.commands.analysis", "graph.commands.viz", "graph.commands.ingest")

ROOT_OPTION = root_option()
OUT_OPTION = out_option()


class _Group(click.Group):
    """Turns the project's errors into messages and exit codes, in one place."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ScommError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)


@click.group(cls=_Group)
@click.version_option(package_name="scomm-kg")
def main() -> None:
    """scomm-kg: an evidence-backed knowledge graph of the Secure Communities program.

    Every stance, event, relationship and figure in the graph is a statement by a source
    document, with the exact quote and its character offsets.

    Exit codes: 0 ok, 1 invalid data or shapes, 2 usage or internal error.
    """


@main.command()
@ROOT_OPTION
@OUT_OPTION
def build(root: Path | None, out_dir: Path | None) -> None:
    """Build the validated graph under out/ (TriG, N-Quads, Turtle, JSON-LD, store).

    Loads the manifest, corpus and curated records, checks every quote against its
    document, builds the RDF dataset, validates it with the SHACL shapes and writes all
    outputs at once: on any problem nothing is written and every problem is listed.
    """
    from graph.paths import project
    from graph.pipeline import build as run_build

    proj = project(root, out_dir)
    result = run_build(proj)
    totals = result.coverage["totals"]
    assert isinstance(totals, dict)
    summary = ", ".join(f"{v} {k}" for k, v in totals.items())
    click.echo(f"built {result.quads} quads into {result.out_dir}: {summary}")
    missing = result.coverage["entities_without_statements"]
    assert isinstance(missing, list)
    if missing:
        click.echo(f"note: {len(missing)} entities have no statement (see {result.out_dir / 'stats.md'})")


@main.command()
@ROOT_OPTION
def validate(root: Path | None) -> None:
    """Check data, quotes and shapes without writing anything."""
    from graph.paths import project
    from graph.pipeline import check

    checked = check(project(root))
    click.echo(
        f"valid: {len(checked.curated.sources)} sources, {len(checked.curated.entities)} entities, "
        f"{len(checked.curated.statements)} statements; shapes conform"
    )


@main.command()
@click.argument("query", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List the library of named questions, with titles.")
@click.option("--endpoint", default=None, metavar="URL", help="Run against a SPARQL 1.1 endpoint instead of the built store.")
@OUT_OPTION
@ROOT_OPTION
def query(query: str | None, params: tuple[str, ...], fmt: str, list_: bool, endpoint: str | None,
          out_dir: Path | None, root: Path | None) -> None:
    """Answer a SPARQL query: a library name, a .rq file, or query text.

    \b
    scomm query --list
    scomm query stances-on --param program=secure-communities
    scomm query my-question.rq --format csv
    scomm query 'SELECT ?s WHERE { ?s a <https://w3id.org/scomm-kg/ontology#Stance> }'
    """
    from graph import query as q

    if list_:
        for name, item in q.library().items():
            click.echo(f"{name}: {item.title}")
            for param in item.params:
                default = f" (default {param.default})" if param.default else (" (optional)" if param.optional else "")
                click.echo(f"    --param {param.name}=<{param.type}>{default}  {param.doc}")
        return
    if not query:
        raise click.UsageError("give a query name, a .rq file or SPARQL text (or --list)")
    bound: dict[str, str] = {}
    for pair in params:
        if "=" not in pair:
            raise click.UsageError(f"--param {pair!r}: write NAME=VALUE")
        name, value = pair.split("=", 1)
        bound[name.strip()] = value.strip()
    backend = _backend(endpoint, out_dir, root)
    result = q.run(backend, q.resolve(query), bound)
    renderers: dict[str, Callable[[], str]] = {
        "table": result.to_table, "csv": result.to_csv, "tsv": result.to_tsv, "json": result.to_json,
    }
    output = renderers[fmt]()
    click.echo(output, nl=False)


def _backend(endpoint: str | None, out_dir: Path | None, root: Path | None) -> "Backend":
    from graph.query import LocalBackend

    if endpoint:
        remote = importlib.import_module("graph.remote")
        backend: "Backend" = remote.RemoteBackend(endpoint)
        return backend
    from graph.paths import project
    from graph.store import open_store

    return LocalBackend(open_store(project(root, out_dir).out_dir))


@main.command()
@OUT_OPTION
@ROOT_OPTION
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def stats(out_dir: Path | None, root: Path | None, fmt: str) -> None:
    """The coverage report: counts per kind, source, position and entity type; entities
    without any statement; statements without a date."""
    import json

    from graph import stats as coverage
    from graph.paths import project
    from graph.store import open_store

    report = coverage.coverage(open_store(project(root, out_dir).out_dir))
    click.echo(json.dumps(report, indent=2) if fmt == "json" else coverage.markdown(report), nl=False)


@main.command(name="all")
@ROOT_OPTION
@OUT_OPTION
@click.pass_context
def all_(ctx: click.Context, root: Path | None, out_dir: Path | None) -> None:
    """The main job: build the graph, then run the analyses and write the HTML views.

    The same as `scomm build`, then `scomm analyze` and `scomm viz` (each where installed).
    """
    ctx.invoke(build, root=root, out_dir=out_dir)
    for name in ("analyze", "viz"):
        command = main.get_command(ctx, name)
        if command is not None:
            accepted = {p.name for p in command.params}
            given = {k: v for k, v in (("root", root), ("out_dir", out_dir)) if k in accepted and v is not None}
            ctx.invoke(command, **given)


@main.command(name="ontology-doc")
@ROOT_OPTION
@click.option("--check", is_flag=True, help="Exit 1 if docs/ontology.md is not what the ontology generates.")
def ontology_doc(root: Path | None, check: bool) -> None:
    """Write docs/ontology.md: every class, property and concept with label and definition."""
    from graph.errors import DataError
    from graph.export import write_atomic
    from graph.ontodoc import markdown
    from graph.paths import project

    proj = project(root)
    text = markdown(proj.ontology_dir)
    target = proj.root / "docs" / "ontology.md"
    if check:
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            raise DataError(f"{target} is out of date: run `scomm ontology-doc`")
        click.echo(f"{target} is up to date")
        return
    write_atomic(target, text.encode("utf-8"))
    click.echo(f"wrote {target}")


def _register() -> None:
    for module_name in COMMAND_MODULES:
        module = importlib.import_module(module_name)
        for command in module.COMMANDS:
            main.add_command(command)


_register()
