"""Serialize the dataset deterministically: sorted N-Quads, then TriG, Turtle and JSON-LD."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pyoxigraph

from graph.namespaces import PREFIXES


def canonical_nquads(nquads: bytes, extra: bytes = b"") -> bytes:
    """Every quad as sorted, de-duplicated N-Quads lines: the same input gives the same bytes."""
    lines = set(nquads.splitlines())
    lines.update(extra.splitlines())
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


def serializations(nquads: bytes) -> dict[str, bytes]:
    """TriG, Turtle (the union of the graphs) and JSON-LD of the given sorted N-Quads."""
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    # The lines are sorted, and a triple's graph comes last on its line: the quads of one
    # triple are neighbours, so the union keeps the first of each run (sorted, no re-sort).
    triples: list[pyoxigraph.Triple] = []
    previous = None
    for quad in quads:
        triple = quad.triple
        if triple != previous:
            triples.append(triple)
            previous = triple
    jobs = {
        "graph.trig": (quads, pyoxigraph.RdfFormat.TRIG),
        "graph.ttl": (triples, pyoxigraph.RdfFormat.TURTLE),
        "graph.jsonld": (quads, pyoxigraph.RdfFormat.JSON_LD),
    }
    # The three are written without waiting on each other.
    with ThreadPoolExecutor(max_workers=3) as pool:
        done = {name: pool.submit(pyoxigraph.serialize, data, format=fmt, prefixes=PREFIXES) for name, (data, fmt) in jobs.items()}
        return {name: future.result() or b"" for name, future in done.items()}
