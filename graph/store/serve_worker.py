"""One query worker of `scomm serve`: runs queries on the store opened read-only.

It reads jobs from stdin and writes answers to stdout, each framed by an 8-byte length. The
server kills a worker whose query passes the time limit and starts another; a worker never
runs a query the server has not checked (graph/store/sparql_text.py).
"""

from __future__ import annotations

import json
import os
import resource
import struct
import sys
from typing import Any, BinaryIO

import pyoxigraph

RESULT_TYPES = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "application/xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": pyoxigraph.QueryResultsFormat.CSV,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
GRAPH_TYPES = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
}
CHARSET = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain"}


class TooLarge(Exception):
    pass


class Capped:
    """A write-only buffer that refuses to grow past `limit` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise TooLarge()
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def value(self) -> bytes:
        return b"".join(self.parts)


def choose(accept: list[str], offered: dict[str, Any]) -> str | None:
    """The first media type of the client's list that is offered (the list is already sorted)."""
    for media in accept:
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            return next(iter(offered))
    return None if accept else next(iter(offered))


def answer(store: pyoxigraph.Store, job: dict[str, Any], max_bytes: int, max_rows: int) -> tuple[dict[str, Any], bytes]:
    options: dict[str, Any] = {}
    if job["default_graphs"] or job["named_graphs"]:
        options["default_graph"] = [pyoxigraph.NamedNode(g) for g in job["default_graphs"]]
        options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in job["named_graphs"]]
    elif not job["names_dataset"]:
        options["use_default_graph_as_union"] = True
    try:
        result = store.query(job["query"], **options)
    except SyntaxError as exc:
        return {"status": 400, "message": f"SPARQL syntax error: {exc}"}, b""
    output = Capped(max_bytes)
    try:
        if isinstance(result, pyoxigraph.QueryTriples):
            media = choose(job["accept"], GRAPH_TYPES)
            if media is None:
                return _not_acceptable(GRAPH_TYPES), b""
            seen: dict[pyoxigraph.Triple, None] = {}
            for triple in result:  # a graph is a set: DESCRIBE over several graphs repeats triples
                seen[triple] = None
                if len(seen) > max_rows:
                    raise TooLarge()
            pyoxigraph.serialize(list(seen), output, format=GRAPH_TYPES[media])  # type: ignore[arg-type]
        else:
            media = choose(job["accept"], RESULT_TYPES)
            if media is None:
                return _not_acceptable(RESULT_TYPES), b""
            result.serialize(output, format=RESULT_TYPES[media])  # type: ignore[arg-type]
    except TooLarge:
        return {"status": 500, "message": (
            f"the answer is larger than this endpoint's limit ({max_bytes // 1_000_000} MB, {max_rows:,} triples); "
            "add LIMIT, narrow the query, or read the dataset files (out/graph.nq)")}, b""
    except OSError as exc:
        return {"status": 500, "message": f"the query failed: {exc}"}, b""
    content_type = media + ("; charset=utf-8" if media in CHARSET else "")
    return {"status": 200, "content_type": content_type}, output.value()


def _not_acceptable(offered: dict[str, Any]) -> dict[str, Any]:
    return {"status": 406, "message": "no acceptable result format; this query can answer in " + ", ".join(offered)}


def _read(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def main() -> None:
    store_path, max_bytes, max_rows, memory = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    if memory > 0:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    store = pyoxigraph.Store.read_only(store_path)
    stdin = sys.stdin.buffer
    stdout = os.fdopen(os.dup(1), "wb")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)  # stray prints cannot corrupt the answers
    stdout.write(b"R")
    stdout.flush()
    while True:
        try:
            (size,) = struct.unpack(">Q", _read(stdin, 8))
            job = json.loads(_read(stdin, size))
        except EOFError:
            return
        try:
            head, body = answer(store, job, max_bytes, max_rows)
        except MemoryError:
            head, body = {"status": 500, "message": "the query needed more memory than this endpoint allows"}, b""
        except Exception as exc:  # noqa: BLE001 - reported to the client, the worker goes on
            head, body = {"status": 500, "message": f"the query failed: {type(exc).__name__}: {exc}"}, b""
        encoded = json.dumps(head).encode("utf-8")
        stdout.write(struct.pack(">QQ", len(encoded), len(body)) + encoded + body)
        stdout.flush()


if __name__ == "__main__":
    main()
