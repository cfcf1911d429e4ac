"""Commands of the store stage: query the library or any SPARQL, serve the store, push it elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from graph.commands.options import out_option, root_option
from graph.commands.progress import progress
from graph.errors import DataError

if TYPE_CHECKING:
    from graph.store.query import Backend, Result

_root = root_option()
_out = out_option()


@click.command()
@click.argument("query", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "turtle", "ntriples", "jsonld", "rdfxml"]),
              default="table", show_default=True,
              help="SELECT: table, csv, tsv, json. ASK: true/false, or json. CONSTRUCT and DESCRIBE: "
                   "turtle (also for table), ntriples, jsonld (also for json), rdfxml.")
@click.option("--list", "list_", is_flag=True, help="List the library of named questions, with titles (--format csv, tsv or json for a table).")
@click.option("--show", is_flag=True, help="Print the query's SPARQL with its parameters bound, without running it.")
@click.option("--endpoint", default=None, metavar="URL", help="Run against a SPARQL 1.1 endpoint instead of the built store.")
@_out
@_root
def query(query: str | None, params: tuple[str, ...], fmt: str, list_: bool, show: bool, endpoint: str | None,
          out_dir: Path | None, root: Path | None) -> None:
    """Answer a SPARQL query: a library name, a .rq file, or query text.

    Any query form: SELECT prints a table, ASK true or false, CONSTRUCT and DESCRIBE a
    graph (Turtle unless --format says otherwise). A query that names no dataset reads
    the union of the named graphs as its default graph; one with FROM or FROM NAMED
    reads exactly the graphs it names. A library question asked with its defaults on the
    built store is printed from out/answers/ (answered there, by the same query, when
    build, import or analyze last changed the store); anything else runs the SPARQL.

    \b
    scomm query --list
    scomm query stances-on --param program=secure-communities
    scomm query stances-on --param program=secure-communities --show
    scomm query my-question.rq --format csv
    scomm query 'SELECT ?s WHERE { ?s a <https://w3id.org/scomm-kg/ontology#Stance> }'
    scomm query 'DESCRIBE <https://w3id.org/scomm-kg/id/dhs>' --format ntriples
    """
    from graph.store import query as q

    if list_ and fmt in ("csv", "tsv", "json"):
        from graph.commands.output import render_rows

        rows = [{"name": name, "title": item.title, "description": item.description,
                 "params": "; ".join(f"{p.name}=<{p.type}>" for p in item.params)}
                for name, item in q.library().items()]
        click.echo(render_rows(rows, fmt), nl=False)
        return
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
    resolved = q.resolve(query)
    if show:
        click.echo(q.show(resolved, bound), nl=False)
        return
    if not endpoint:
        # a library question answered at build or import time, on this very store (graph/store/answers.py)
        from graph.folders import project
        from graph.store import answers

        answer = answers.stored(project(root, out_dir).out_dir, resolved, bound, fmt)
        if answer is not None:
            click.echo(answer, nl=False)
            return
    backend = backend_for(endpoint, out_dir, root)
    result = q.run(backend, resolved, bound)
    click.echo(render(result, fmt), nl=False)


def render(result: "Result", fmt: str) -> str:
    """The answer in the format asked for; a format that does not fit its form is a usage error."""
    from graph.store.query import RDF_FORMATS

    if result.form == "boolean":
        if fmt in RDF_FORMATS:
            raise click.UsageError(f"--format {fmt}: an ASK answer is true or false; use table, csv, tsv or json")
        return result.to_boolean(fmt)
    if result.form == "graph":
        rdf = {"table": "turtle", "json": "jsonld"}.get(fmt, fmt)
        if rdf not in RDF_FORMATS:
            raise click.UsageError(f"--format {fmt}: a CONSTRUCT or DESCRIBE answer is a graph; "
                                   f"use {', '.join(RDF_FORMATS)}")
        return result.to_rdf(rdf)
    if fmt in RDF_FORMATS:
        raise click.UsageError(f"--format {fmt}: a SELECT answer is a table; use table, csv, tsv or json")
    renderers: dict[str, Callable[[], str]] = {
        "table": result.to_table, "csv": result.to_csv, "tsv": result.to_tsv, "json": result.to_json,
    }
    return renderers[fmt]()


@click.command("serve")
@click.option("--port", default=7878, show_default=True, help="Port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; only 127.0.0.1 (this machine) unless you mean to share the endpoint.")
@click.option("--timeout", "timeout_s", default=30.0, show_default=True, help="Query time limit in seconds (every query is stopped at it).")
@click.option("--workers", default=2, show_default=True, help="Queries run at once (one worker process each).")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (for YASGUI in a browser).")
@_out
@_root
def serve(port: int, host: str, timeout_s: float, workers: int, cors: bool, out_dir: Path | None, root: Path | None) -> None:
    """Serve the built graph read-only over the SPARQL 1.1 Protocol.

    Queries go to http://127.0.0.1:PORT/query (GET or POST); results come as JSON, XML,
    CSV or TSV (SELECT, ASK) or Turtle, N-Triples, JSON-LD (CONSTRUCT, DESCRIBE) by the
    Accept header; a GET without a query gives the service description. The default graph
    is the union of the named graphs unless the query names its dataset (FROM, FROM NAMED).
    SERVICE is refused: the server never sends a request anywhere. A library question sent
    exactly as `scomm query NAME --endpoint` sends it (naming no dataset) is answered from
    out/answers/ when that answer was made on this store (header `Scomm-Answer: stored`);
    anything else runs on the engine. Limits (time, answer size, query length and nesting)
    are in docs/scale.md. Stops on Ctrl-C.
    """
    from graph.folders import project
    from graph.store.serve import serve_forever
    from graph.store.embedded import open_store, store_dir

    if timeout_s <= 0 or workers < 1:
        raise click.UsageError("--timeout must be above 0 and --workers at least 1")
    out = project(root, out_dir).out_dir
    open_store(out)  # only the check: "run scomm build first" when there is no store
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"SPARQL endpoint: http://{shown}:{port}/query (Ctrl-C stops)", err=True)
    serve_forever(store_dir(out), port, timeout_s, cors, host, workers)


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store endpoint (Oxigraph: http://HOST:PORT/store; Fuseki: .../DATASET/data; "
                   "Virtuoso: .../sparql-graph-crud-auth), or with --method update the SPARQL Update endpoint "
                   "(Oxigraph: .../update; Virtuoso: .../sparql-auth).")
@click.option("--method", type=click.Choice(["gsp", "update"]), default="gsp", show_default=True,
              help="Graph Store HTTP Protocol (one PUT per graph), or SPARQL 1.1 Update (INSERT DATA in parts, then MOVE).")
@click.option("--part-size", default=500, show_default=True, metavar="TRIPLES",
              help="Triples per INSERT DATA request with --method update (Virtuoso refuses parts of a few thousand).")
@click.option("--graph", "graphs", multiple=True, metavar="IRI", help="Push only this named graph (repeatable).")
@click.option("--user", envvar="SCOMM_PUSH_USER", default=None, help="User name for HTTP Basic or Digest authentication "
              "[env SCOMM_PUSH_USER].")
@click.option("--password", envvar="SCOMM_PUSH_PASSWORD", default=None, help="Password [env SCOMM_PUSH_PASSWORD; "
              "prefer the variable: a command line is visible to other users].")
@click.option("--timeout", default=300.0, show_default=True, help="Seconds to wait for each request.")
@_out
@_root
def push(endpoint: str, method: str, part_size: int, graphs: tuple[str, ...], user: str | None, password: str | None,
         timeout: float, out_dir: Path | None, root: Path | None) -> None:
    """Load the built dataset, named graphs intact, into any SPARQL 1.1 store.

    Each named graph is replaced in the target store, and never dropped before its
    replacement is in: a failed push leaves the store's graphs as they were. Pushing again
    gives the same store. Then `scomm query --endpoint URL` runs the query library against it.

    \b
    scomm push --endpoint http://127.0.0.1:7878/store
    SCOMM_PUSH_USER=dba SCOMM_PUSH_PASSWORD=... scomm push --endpoint http://HOST:8890/sparql-graph-crud-auth
    scomm push --method update --endpoint http://HOST:8890/sparql-auth --user dba
    """
    from graph.folders import project
    from graph.store.push import push as push_dataset

    with progress(f"pushing to {endpoint}"):
        result = push_dataset(project(root, out_dir).out_dir, endpoint, method, timeout, part_size, user, password,
                              list(graphs) or None)
    total = sum(result.triples.values())
    click.echo(f"pushed {total} triples in {len(result.triples)} graphs to {endpoint} ({method}, {result.requests} requests)")


def backend_for(endpoint: str | None, out_dir: Path | None, root: Path | None) -> "Backend":
    """The remote endpoint if one is given, else the built store."""
    from graph.store.query import LocalBackend

    if endpoint:
        from graph.store.remote import RemoteBackend

        return RemoteBackend(endpoint)
    from graph.folders import project
    from graph.store.embedded import open_store

    return LocalBackend(open_store(project(root, out_dir).out_dir))


COMMANDS: list[click.Command] = [query, serve, push]
