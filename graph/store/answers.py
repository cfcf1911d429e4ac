"""Stored answers: the library's questions without required parameters, answered once.

A question whose answer is most of the graph ("every stance on the program", 80k rows at
2.8M quads) costs Oxigraph's disk store about 8 µs of CPU per index look-up and row, so
seven columns take seconds however the query is written (docs/scale.md). The build and
`scomm import` therefore answer, once, every library SELECT query whose parameters all
have a default or are optional, **by running that library query itself** on the store
they have just written (so the question has one definition: its `.rq` file), and write
its answer, rendered the way `scomm query` prints it, in each of its formats:

    out/answers/<query>.table   .csv   .tsv   .json
    out/answers/manifest.json   the store's fingerprint, and each query's text hash,
                                bound parameters and row count

`scomm query NAME` on the built store prints the stored answer when the query is that
library query (same text), the parameters are those it was answered with (defaults), and
the store is the one it was answered on (same fingerprint); otherwise it runs the SPARQL.
The SPARQL endpoint (`scomm serve`) and remote stores run the queries themselves: the
stored answers are a cache of the command line, never a second source of truth
(tests/store/test_answers.py checks that each stored answer equals the live one).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import pyoxigraph

from graph.store import query as q

FOLDER = "answers"
FORMATS = ("table", "csv", "tsv", "json")
MANIFEST = "manifest.json"
VERSION = 1


def fingerprint(store_path: Path) -> str:
    """The store's files by name and size (RocksDB writes new files on every change; its
    LOG files change on a mere open and are left out)."""
    entries = sorted(
        f"{entry.name}:{entry.stat().st_size}" for entry in os.scandir(store_path)
        if entry.is_file() and not entry.name.startswith("LOG")
    )
    return hashlib.sha256("\n".join(entries).encode()).hexdigest()


def _text_hash(query: q.Query) -> str:
    return hashlib.sha256(query.text.encode("utf-8")).hexdigest()


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
        result = q.run(backend, query, {})
        renderers: dict[str, Callable[[], str]] = {
            "table": result.to_table, "csv": result.to_csv, "tsv": result.to_tsv, "json": result.to_json,
        }
        for fmt in FORMATS:
            (folder / f"{name}.{fmt}").write_text(renderers[fmt](), encoding="utf-8")
        entries[name] = {"sha256": _text_hash(query), "params": _bound_key(q.bindings(query, {})), "rows": len(result.rows)}
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


__all__ = ["FORMATS", "answerable", "fingerprint", "stored", "write"]
