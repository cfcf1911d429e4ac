"""Commands of the nationwide records: import a table, check the sources' claims against the records."""

from __future__ import annotations

from pathlib import Path

import click

from graph.commands.options import out_option, root_option
from graph.commands.output import render_rows
from graph.commands.progress import progress
from graph.commands.store import backend_for

_root = root_option()
_out = out_option()


@click.command("import")
@click.argument("table", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--mapping", "mapping", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="YAML file saying how to read the table (see data/imports/).")
@click.option("--keep-good-rows", is_flag=True,
              help="Import the good rows even when some rows are bad (the bad ones are listed and left out).")
@click.option("--allow-empty", is_flag=True,
              help="Accept a table with no rows to import (it replaces the previous import with nothing).")
@_out
@_root
def import_(table: Path, mapping: Path, keep_good_rows: bool, allow_empty: bool, out_dir: Path | None, root: Path | None) -> None:
    """Import a table of records (CSV keyed by FIPS code or entity id) into its own named graph.

    Every value keeps its provenance: file name, SHA-256, row and column. Bad rows (unknown
    key, unparseable value, duplicate key) are all listed with their row numbers; then
    nothing is written unless --keep-good-rows is given. The import is written to
    out/imports/NAME.nq and loaded into the built store; `scomm build` keeps it.

    \b
    scomm import ../shared/data/sc_activation_by_county.csv \\
        --mapping data/imports/sc-activation.yaml --keep-good-rows
    """
    from graph.records.imports import import_table
    from graph.folders import project

    with progress(f"importing {table.name}"):
        result = import_table(project(root, out_dir), table, mapping, keep_good_rows=keep_good_rows,
                              allow_empty=allow_empty)
    for problem in result.left_out:
        click.echo(f"left out: {problem}", err=True)
    click.echo(
        f"imported {result.rows_imported} of {result.rows_read} rows ({result.values} values) "
        f"into <{result.graph}>; {len(result.left_out)} rows left out; wrote {result.path}"
    )


@click.command("records-report")
@click.option("--measure", default="jurisdictions-activated", show_default=True,
              help="Measure (notation) of the figures to hold against the records.")
@click.option("--format", "fmt", type=click.Choice(("markdown", "csv", "tsv", "json")), default="markdown",
              show_default=True, help="markdown to read; csv, tsv or json (one row per figure) for a spreadsheet, pandas or jq.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the report here instead of printing it.")
@click.option("--endpoint", default=None, metavar="URL", help="Ask a SPARQL 1.1 query endpoint instead of the built store.")
@_out
@_root
def records_report(measure: str, fmt: str, output: Path | None, endpoint: str | None, out_dir: Path | None,
                   root: Path | None) -> None:
    """Claims against records: each figure the documents give beside the imported records' count.

    The rows of csv, tsv and json: as_of, comparator (exactly, more-than, less-than or about),
    claimed, source, quote, records, difference, agrees, file, sha256, table.
    """
    from graph.records.crosscheck import COLUMNS, claims_vs_records_markdown, claims_vs_records_rows
    from graph.folders import write_atomic

    backend = backend_for(endpoint, out_dir, root)
    if fmt == "markdown":
        text = claims_vs_records_markdown(backend, measure)
    else:
        text = render_rows(claims_vs_records_rows(backend, measure), fmt, COLUMNS)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))
        click.echo(f"wrote {output}")


COMMANDS: list[click.Command] = [import_, records_report]
