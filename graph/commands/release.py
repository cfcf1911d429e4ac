"""Commands of the release stage: release."""

from __future__ import annotations

from pathlib import Path

import click

from graph.commands.options import out_option, root_option
from graph.commands.progress import progress


@click.command()
@root_option()
@out_option()
@click.option("--to", "target", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The archive to write; default: out/release/scomm-kg-<version>.zip.")
@click.option("--version", "version", default=None, help="The release's version; default: the project's (pyproject.toml).")
@click.option("--license", "license_id", default="MIT", show_default=True,
              help="The dataset's licence, as an SPDX identifier (CC-BY-4.0, CC0-1.0, MIT, ...).")
def release(root: Path | None, out_dir: Path | None, target: Path | None, version: str | None, license_id: str) -> None:
    """Write one citable archive of the build: dataset, tables, explorer, ontology, description.

    The zip holds the dataset (TriG and N-Quads), CSV tables of statements, entities and
    sources, the explorer (out/viz, if drawn), the ontology with its documentation, the
    query library, a DCAT/VoID description (metadata/dataset.ttl), a CITATION.cff and a
    SHA256SUMS manifest. The same build gives the same archive, byte for byte. Run
    `scomm build` (and `scomm viz` for the explorer) first.
    """
    from graph.folders import project
    from graph.release.archive import write_release
    from graph.store.embedded import open_store
    from graph.store.query import LocalBackend

    proj = project(root, out_dir)
    if not (proj.out_dir / "graph.nq").is_file():
        from graph.errors import UsageError

        raise UsageError(f"no build under {proj.out_dir}: run `scomm build` first")
    with progress("writing the release"):
        made = write_release(proj, LocalBackend(open_store(proj.out_dir)), target=target, version=version,
                             license_id=license_id)
    size = made.path.stat().st_size
    explorer = "with the explorer" if made.has_explorer else "without the explorer (run `scomm viz` first to include it)"
    click.echo(f"wrote {made.path} ({size:,} bytes, {len(made.members)} files, {made.facts.quads} quads in "
               f"{len(made.facts.graphs)} named graphs), {explorer}")


COMMANDS: list[click.Command] = [release]
