"""Stored answers: the library's questions without required parameters, answered once.

A question whose answer is most of the graph ("every stance on the program", 80k rows at
2.8M quads) costs Oxigraph's disk store about 8 µs of CPU per index look-up and row, so
seven columns take seconds however the query is written (docs/scale.md). The build and
`scomm import` therefore answer, once, every library SELECT query whose parameters all
have a default or are optional, **by running that library query itself** on the store
they have just written (so the question has one definition: its `.rq` file), and write
its answer, rendered the way `scomm query` prints it, in each of its formats:

    out/answers/<query>.table   .csv   .tsv   .json
    out/answers/<query>.sparql.json  .sparql.xml  .sparql.csv  .sparql.tsv
                                the answer as the SPARQL endpoint gives it (SPARQL 1.1
                                Query Results formats, serialized by Oxigraph)
    out/answers/manifest.json   the store's fingerprint, and each query's text hash,
                                bound parameters and row count, and the hash of the text
                                an endpoint receives for it

`scomm query NAME` on the built store prints the stored answer when the query is that
library query (same text), the parameters are those it was answered with (defaults), and
the store is the one it was answered on (same fingerprint); otherwise it runs the SPARQL.
The SPARQL endpoint (`scomm serve`) answers a request from the stored answer when its
query is exactly the text a client sends for that library question (`q.bind(query, {})`:
the library's text, with the defaults as a VALUES block when it has any, as `scomm query
--endpoint` sends it), the request names no dataset, and the store it serves is the one
answered on; that answer was made by running that very text the way the endpoint's workers
run it (graph/store/serve_worker.py). Anything else runs on the engine. The stored answers
are a cache, never a second source of truth (tests/store/test_answers.py checks that each
equals the live one, in every format, rows and order).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from graph.store import query as q
from graph.store import sparql_text

FOLDER = "answers"
FORMATS = ("table", "csv", "tsv", "json")
MANIFEST = "manifest.json"
VERSION = 2
# the SPARQL 1.1 Query Results formats the endpoint serves, by file suffix
RESULTS = {
    "json": pyoxigraph.QueryResultsFormat.JSON,
    "xml": pyoxigraph.QueryResultsFormat.XML,
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
}


def fingerprint(store_path: Path) -> str:
    """The store's files by name and size (RocksDB writes new files on every change; its
    LOG files change on a mere open and are left out)."""
    entries = sorted(
        f"{entry.name}:{entry.stat().st_size}" for entry in os.scandir(store_path)
        if entry.is_file() and not entry.name.startswith("LOG")
    )
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


def _text_hash(query: q.Query) -> str:
    return text_hash(query.text)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def endpoint_text(query: q.Query) -> str:
    """The text an endpoint receives for a library query with its defaults: what `scomm
    query NAME --endpoint URL` and `q.bind(query, {})` send."""
    return q.bind(query, {})


def results_file(folder: Path, name: str, suffix: str) -> Path:
    return folder / f"{name}.sparql.{suffix}"


def _endpoint_answer(store: pyoxigraph.Store, text: str) -> bytes:
    """The answer to `text` as the endpoint's workers give it (the union default graph unless
    the query names its dataset), in SPARQL JSON, serialized by Oxigraph."""
    union = not sparql_text.check(text).names_dataset
    solutions = store.query(text, use_default_graph_as_union=union)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    data = solutions.serialize(format=pyoxigraph.QueryResultsFormat.JSON)
    assert data is not None
    return data


def answerable(query: q.Query) -> bool:
    """A SELECT query of the library that can run without a parameter given."""
    return q.query_form(query.text) == "SELECT" and all(p.default is not None or p.optional for p in query.params)


def _bound_key(bound: dict[str, q.Term]) -> dict[str, str]:
    return {name: str(term) for name, term in sorted(bound.items())}


def write(generation: Path, store: pyoxigraph.Store | None = None) -> dict[str, int]:
    """Answer every answerable library query on `generation`/store and write the answers to
    `generation`/answers (replacing any there). Returns the row count of each."""
    store_path = generation / "store"
    folder = generation / FOLDER
    folder.mkdir(exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    opened = store if store is not None else pyoxigraph.Store.read_only(str(store_path))
    backend = q.LocalBackend(opened)
    entries: dict[str, dict[str, object]] = {}
    for name, query in q.library().items():
        if not answerable(query):
            continue
        sent = endpoint_text(query)
        as_json = _endpoint_answer(opened, sent)
        bound = q.bindings(query, {})
        result = None
        if bound:
            # what q.run does on the embedded store: the parameters as substitutions, unless
            # pyoxigraph refuses them (a variable not projected): then the VALUES text, `sent`
            try:
                columns, rows = backend.select(query.text, bound)
                result = q.Result(columns=columns, rows=rows)
            except q._NotProjected:
                pass
        if result is None:
            # q.run runs `sent` itself: its rows read back from the JSON, the engine run once
            parsed = pyoxigraph.parse_query_results(as_json, format=pyoxigraph.QueryResultsFormat.JSON)
            assert isinstance(parsed, pyoxigraph.QuerySolutions)
            names = [v.value for v in parsed.variables]
            result = q.Result(columns=names, rows=[{c: s[c] for c in names} for s in parsed])
        for suffix, results_format in RESULTS.items():
            if suffix == "json":
                data = as_json
            else:
                again = pyoxigraph.parse_query_results(as_json, format=pyoxigraph.QueryResultsFormat.JSON)
                assert isinstance(again, pyoxigraph.QuerySolutions)
                data = again.serialize(format=results_format) or b""
            results_file(folder, name, suffix).write_bytes(data)
        renderers: dict[str, Callable[[], str]] = {
            "table": result.to_table, "csv": result.to_csv, "tsv": result.to_tsv, "json": result.to_json,
        }
        for fmt in FORMATS:
            (folder / f"{name}.{fmt}").write_text(renderers[fmt](), encoding="utf-8")
        entries[name] = {"sha256": _text_hash(query), "params": _bound_key(q.bindings(query, {})), "rows": len(result.rows),
                         "endpoint_sha256": text_hash(sent)}
    del backend, opened
    manifest = {"version": VERSION, "store": fingerprint(store_path), "queries": entries}
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return {name: int(entry["rows"]) for name, entry in entries.items()}  # type: ignore[call-overload]


def stored(out_dir: Path, query: q.Query, given: dict[str, str], fmt: str) -> str | None:
    """The stored answer of a library query in format `fmt`, or None when there is none that
    is current: another text, other parameters, or a store changed since it was answered."""
    if fmt not in FORMATS or query.path is None:
        return None
    folder = out_dir / FOLDER
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        entry = manifest["queries"][query.name]
        if manifest.get("version") != VERSION or entry["sha256"] != _text_hash(query):
            return None
        if entry["params"] != _bound_key(q.bindings(query, given)):
            return None
        if manifest["store"] != fingerprint(out_dir / "store"):
            return None
        return (folder / f"{query.name}.{fmt}").read_text(encoding="utf-8")
    except (OSError, ValueError, KeyError, TypeError):
        return None


@dataclass(frozen=True)
class EndpointAnswers:
    """The stored answers an endpoint may serve: by the SHA-256 of the request's query text,
    the query's name; valid while the store's fingerprint is `store`."""

    folder: Path
    store_path: Path
    store: str
    by_text: dict[str, str]

    def current(self) -> bool:
        try:
            return fingerprint(self.store_path) == self.store
        except OSError:
            return False

    def lookup(self, text: str, suffix: str) -> tuple[str, Path] | None:
        """The query's name and the file of its stored answer in `suffix` (json, xml, csv,
        tsv), when `text` is a stored query's text and the store is still the one answered."""
        name = self.by_text.get(text_hash(text))
        if name is None or suffix not in RESULTS or not self.current():
            return None
        path = results_file(self.folder, name, suffix)
        return (name, path) if path.is_file() else None


def for_endpoint(store_path: Path) -> EndpointAnswers | None:
    """The stored answers beside `store_path` (its generation's answers folder), if any."""
    real = store_path.resolve()
    folder = real.parent / FOLDER
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("version") != VERSION:
            return None
        by_text = {entry["endpoint_sha256"]: name for name, entry in manifest["queries"].items()}
        return EndpointAnswers(folder=folder, store_path=real, store=str(manifest["store"]), by_text=by_text)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


__all__ = ["FORMATS", "RESULTS", "EndpointAnswers", "answerable", "endpoint_text", "fingerprint", "for_endpoint", "stored", "write"]
