"""Commands of the build stage: build, validate, stats, ontology-doc."""

from __future__ import annotations

from pathlib import Path

import click

from graph.commands.options import out_option, root_option
from graph.commands.progress import progress

_root = root_option()
_out = out_option()


@click.command()
@_root
@_out
def build(root: Path | None, out_dir: Path | None) -> None:
    """Build the validated graph under out/ (TriG, N-Quads, Turtle, JSON-LD, store).

    Loads the manifest, corpus and curated records, checks every quote against its
    document, builds the RDF dataset, validates it with the SHACL shapes and writes all
    outputs at once: on any problem nothing is written and every problem is listed.
    """
    from graph.folders import project
    from graph.build.pipeline import build as run_build

    proj = project(root, out_dir)
    with progress("building the graph"):
        result = run_build(proj)
    totals = result.coverage["totals"]
    assert isinstance(totals, dict)
    summary = ", ".join(f"{v} {k}" for k, v in totals.items())
    click.echo(f"built {result.quads} quads into {result.out_dir}: {summary}")
    missing = result.coverage["entities_without_statements"]
    assert isinstance(missing, list)
    if missing:
        click.echo(f"note: {len(missing)} entities have no statement (see {result.out_dir / 'stats.md'})")


@click.command()
@_root
def validate(root: Path | None) -> None:
    """Check data, quotes and shapes without writing anything."""
    from graph.folders import project
    from graph.build.pipeline import check

    with progress("checking data, quotes and shapes"):
        checked = check(project(root))
    click.echo(
        f"valid: {len(checked.curated.sources)} sources, {len(checked.curated.entities)} entities, "
        f"{len(checked.curated.statements)} statements; shapes conform"
    )


@click.command()
@_out
@_root
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown", show_default=True)
def stats(out_dir: Path | None, root: Path | None, fmt: str) -> None:
    """The coverage report: counts per kind, source, position and entity type; entities
    without any statement; statements without a date."""
    import json

    from graph.build import coverage
    from graph.folders import project
    from graph.store.embedded import open_store

    report = coverage.coverage(open_store(project(root, out_dir).out_dir))
    click.echo(json.dumps(report, indent=2) if fmt == "json" else coverage.markdown(report), nl=False)


@click.command(name="ontology-doc")
@_root
@click.option("--check", is_flag=True, help="Exit 1 if docs/ontology.md is not what the ontology generates.")
def ontology_doc(root: Path | None, check: bool) -> None:
    """Write docs/ontology.md: every class, property and concept with label and definition."""
    from graph.errors import DataError
    from graph.folders import write_atomic
    from graph.build.ontology_doc import markdown
    from graph.folders import project

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


COMMANDS: list[click.Command] = [build, validate, stats, ontology_doc]
