"""Commands for nationwide scale: import records, check claims against them, serve, push."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.commands.options import out_option, root_option

from graph.errors import DataError

if TYPE_CHECKING:
    from graph.query import Backend

_root = root_option()
_out = out_option()


@click.command("import")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--mapping", "mapping", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="YAML file saying how to read the table (see data/imports/).")
@click.option("--keep-good-rows", is_flag=True,
              help="Import the good rows even when some rows are bad (the bad ones are listed and left out).")
@_out
@_root
def import_(table: Path, mapping: Path, keep_good_rows: bool, out_dir: Path | None, root: Path | None) -> None:
    """Import a table of records (CSV keyed by FIPS code or entity id) into its own named graph.

    Every value keeps its provenance: file name, SHA-256, row and column. Bad rows (unknown
    key, unparseable value, duplicate key) are all listed with their row numbers; then
    nothing is written unless --keep-good-rows is given. The import is written to
    out/imports/NAME.nq and loaded into the built store; `scomm build` keeps it.

    \b
    scomm import ../shared/data/sc_activation_by_county.csv \\
        --mapping data/imports/sc-activation.yaml --keep-good-rows
    """
    from graph.imports import import_table
    from graph.paths import project

    result = import_table(project(root, out_dir), table, mapping, keep_good_rows=keep_good_rows)
    for problem in result.left_out:
        click.echo(f"left out: {problem}", err=True)
    click.echo(
        f"imported {result.rows_imported} of {result.rows_read} rows ({result.values} values) "
        f"into <{result.graph}>; {len(result.left_out)} rows left out; wrote {result.path}"
    )


@click.command("records-report")
@click.option("--measure", default="jurisdictions-activated", show_default=True,
              help="Measure (notation) of the figures to hold against the records.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the markdown here instead of printing it.")
@click.option("--endpoint", default=None, metavar="URL", help="Ask a SPARQL 1.1 query endpoint instead of the built store.")
@_out
@_root
def records_report(measure: str, output: Path | None, endpoint: str | None, out_dir: Path | None, root: Path | None) -> None:
    """Claims against records: each figure the documents give beside the imported records' count."""
    from graph.crosscheck import claims_vs_records_markdown
    from graph.export import write_atomic

    text = claims_vs_records_markdown(_backend(endpoint, out_dir, root), measure)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}")


@click.command("serve")
@click.option("--port", default=7878, show_default=True, help="Port on 127.0.0.1.")
@click.option("--timeout", "timeout_s", default=30, show_default=True, help="Query time limit in seconds.")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for YASGUI in a browser).")
@_out
@_root
def serve(port: int, timeout_s: int, cors: bool, out_dir: Path | None, root: Path | None) -> None:
    """Serve the built graph read-only over the SPARQL 1.1 Protocol on 127.0.0.1.

    Queries go to http://127.0.0.1:PORT/query (GET or POST); results come as JSON, XML,
    CSV or TSV by the Accept header. The default graph is the union of the named graphs,
    as for `scomm query`. Stops on Ctrl-C. Do not import or build while it runs.
    """
    from graph.paths import project
    from graph.serve import serve_forever
    from graph.store import open_store, store_dir

    out = project(root, out_dir).out_dir
    open_store(out)  # only the check: "run scomm build first" when there is no store
    click.echo(f"SPARQL endpoint: http://127.0.0.1:{port}/query (Ctrl-C stops)", err=True)
    code = serve_forever(store_dir(out), port, timeout_s, cors)
    if code:
        raise DataError(f"the Oxigraph server stopped with exit code {code}")


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store endpoint (Oxigraph: http://HOST:PORT/store; Fuseki: .../DATASET/data), "
                   "or with --method update the SPARQL Update endpoint.")
@click.option("--method", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="Graph Store HTTP Protocol, or SPARQL 1.1 Update.")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait for each request.")
@_out
@_root
def push(endpoint: str, method: str, timeout: float, out_dir: Path | None, root: Path | None) -> None:
    """Load the built dataset, named graphs intact, into any SPARQL 1.1 store.

    Each named graph is replaced in the target store, so pushing again gives the same
    store. Then `scomm query --endpoint URL` runs the query library against it.
    """
    from graph.paths import project
    from graph.push import push as push_dataset

    result = push_dataset(project(root, out_dir).out_dir, endpoint, method, timeout)
    total = sum(result.triples.values())
    click.echo(f"pushed {total} triples in {len(result.triples)} graphs to {endpoint} ({method})")


def _backend(endpoint: str | None, out_dir: Path | None, root: Path | None) -> "Backend":
    from graph.query import LocalBackend

    if endpoint:
        from graph.remote import RemoteBackend

        return RemoteBackend(endpoint)
    from graph.paths import project
    from graph.store import open_store

    return LocalBackend(open_store(project(root, out_dir).out_dir))


COMMANDS: list[click.Command] = [import_, records_report, serve, push]
