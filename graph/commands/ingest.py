"""Commands to grow the corpus: ingest a document, propose candidates, accept a review, merge."""

from __future__ import annotations

from pathlib import Path

import click

from graph.commands.options import root_option

ROOT = root_option()


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--title", required=True, help="The document's title.")
@click.option("--publisher", default=None,
              help="The publisher: an entity id, name or alias; a name the register does not know is proposed for review.")
@click.option("--publisher-type", default=None, help="Entity type of a new publisher (default: guessed, else media).")
@click.option("--author", multiple=True,
              help="An author: an entity id, name or alias; a name the register does not know is proposed for review. "
                   "Repeat it for a joint letter or release. The authors speak the document's own words.")
@click.option("--date", "date", default=None, help="YYYY, YYYY-MM or YYYY-MM-DD, at the precision known.")
@click.option("--url", default=None, help="Where the document was found.")
@click.option("--id", "ident", default=None, help="Source id (a slug); default: from the title and year.")
@click.option("--perspective", default="descriptive", show_default=True,
              help="Perspective scheme notation: critical, descriptive, favours-enforcement, opposes-program.")
@click.option("--encoding", default=None, help="The file's encoding when it is not UTF-8 and does not declare one.")
@click.option("--no-review", is_flag=True, help="Only copy and record the document; write no review file.")
@ROOT
def ingest(path: Path, title: str, publisher: str | None, publisher_type: str | None, author: tuple[str, ...],
           date: str | None, url: str | None, ident: str | None,
           perspective: str, encoding: str | None, no_review: bool, root: Path | None) -> None:
    """Copy a plain-text or HTML document into the corpus and propose what it says.

    Records the document in data/sources.yaml with its SHA-256 (refusing a document
    already in the corpus, or an id already naming another file), then writes
    data/review/<id>.yaml: mentions of known entities, new entity candidates and
    candidate statements, each with its quote and offsets checked, `status: unreviewed`.
    Review it, then run `scomm accept data/review/<id>.yaml`.
    """
    from graph.ingest import review
    from graph.ingest.document import ingest as run
    from graph.folders import project

    proj = project(root)
    done = run(proj, path, title, date=date, publisher=publisher, url=url, ident=ident,
               perspective=perspective, encoding=encoding, review=not no_review, author=list(author),
               publisher_type=publisher_type)
    click.echo(f"ingested {path} as source {done.source!r}: data/{done.file} (sha256 {done.sha256[:12]}...)")
    if done.review:
        tally = review.counts(proj.root / done.review)
        click.echo(f"review file {done.review}: " + ", ".join(f"{n} {k}" for k, n in tally.items()))
        click.echo(f"next: set each candidate's status to keep or drop, then: scomm accept {done.review}")


@click.command()
@click.argument("source")
@click.option("--overwrite", is_flag=True, help="Replace an existing review file (its edits are lost).")
@click.option("--publisher", default=None,
              help="The publisher, if the source does not record it: an entity id, name or alias, or a new name.")
@click.option("--author", multiple=True,
              help="An author beside those the source records: an entity id, name or alias, or a new name (repeatable).")
@ROOT
def propose(source: str, overwrite: bool, publisher: str | None, author: tuple[str, ...], root: Path | None) -> None:
    """Write the review file of a source already in the corpus (data/review/SOURCE.yaml).

    The source's publisher and authors (and those given here) speak the document's own words:
    a name the register does not know is proposed as a new entity and acts under its proposed id."""
    from graph.ingest import review
    from graph.folders import project

    proj = project(root)
    roles = [("publisher", publisher, review.role_type("publisher", publisher))] if publisher else []
    roles += [("author", a, review.role_type("author", a)) for a in author]
    path = review.write_review(proj, source, overwrite=overwrite, roles=roles)
    tally = review.counts(path)
    click.echo(f"wrote {proj.relative(path)}: " + ", ".join(f"{n} {k}" for k, n in tally.items()))


@click.command()
@click.argument("review_file", type=click.Path(dir_okay=False, path_type=Path))
@ROOT
def accept(review_file: Path, root: Path | None) -> None:
    """Move the kept candidates of a review file into the curated data, all or nothing.

    Checks statuses, fields and every kept quote, then validates the whole project with
    the new records on a temporary copy; only then writes data/statements/<source>.yaml
    and data/entities/*.yaml (appending, keeping comments) and marks the candidates
    `accepted`. On any problem nothing is written and every problem is listed.
    """
    from graph.ingest.accept import accept as run
    from graph.folders import project

    proj = project(root)
    done = run(proj, review_file.resolve())
    if not done.files:
        click.echo(f"nothing to accept: no candidate has `status: keep` ({done.unreviewed} unreviewed)")
        return
    summary = ", ".join(f"{n} {k}" for k, n in sorted(done.records.items()))
    click.echo(f"accepted {summary} into {', '.join(done.files)}")
    if done.covered_mentions:
        click.echo(f"not added as mentions (other statements of the source name them): {', '.join(done.covered_mentions)}")
    if done.unreviewed:
        click.echo(f"{done.unreviewed} candidate(s) still unreviewed")


@click.command()
@click.argument("old")
@click.argument("new")
@ROOT
def merge(old: str, new: str, root: Path | None) -> None:
    """Merge entity OLD into NEW: rewrite every reference, keep OLD's id and names as aliases.

    Nothing is written unless the whole project still validates afterwards.
    """
    from graph.ingest.merge import merge as run
    from graph.folders import project

    done = run(project(root), old, new)
    click.echo(f"merged {old} into {new}: {done.references} reference(s) rewritten in {', '.join(done.files)}")
    if done.aliases_added:
        click.echo(f"aliases added to {new}: {', '.join(done.aliases_added)}")


@click.command()
@click.argument("source")
@click.option("--context", default=300, show_default=True, help="Characters of the document shown around each quote.")
@click.option("--color/--no-color", default=None, help="Highlight quotes with terminal colours (default: when on a terminal).")
@ROOT
def review(source: str, context: int, color: bool | None, root: Path | None) -> None:
    """Review the candidates of data/review/SOURCE.yaml one keystroke each.

    Shows each unreviewed candidate, highest score first, with its quote highlighted in the
    document and why it was proposed; k keeps it, d drops it, s skips it, u undoes the last
    decision, q quits. Each decision is saved at once. Keys may be piped:
    `printf 'kdd' | scomm review SOURCE`. Then run `scomm accept data/review/SOURCE.yaml`.
    """
    import sys

    from graph.folders import project
    from graph.ingest import session

    use_color = sys.stdout.isatty() if color is None else color
    session.run(project(root), source, session.keys_from(sys.stdin), click.echo, color=use_color, context=context)


COMMANDS: list[click.Command] = [ingest, propose, accept, merge, review]
