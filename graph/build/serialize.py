"""Serialize the dataset deterministically: sorted N-Quads, then TriG, Turtle and JSON-LD."""

from __future__ import annotations

import pyoxigraph
from rdflib import Dataset

from graph.namespaces import PREFIXES


def canonical_nquads(dataset: Dataset, extra: bytes = b"") -> bytes:
    """Every quad as sorted, de-duplicated N-Quads lines: the same input gives the same bytes."""
    text = dataset.serialize(format="nquads", encoding="utf-8")
    lines = {line for line in (text + extra).splitlines() if line.strip()}
    return b"".join(line + b"\n" for line in sorted(lines))


def serializations(nquads: bytes) -> dict[str, bytes]:
    """TriG, Turtle (the union of the graphs) and JSON-LD of the given sorted N-Quads."""
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    triples = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return {
        "graph.trig": pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES) or b"",
        "graph.ttl": pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES) or b"",
        "graph.jsonld": pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.JSON_LD, prefixes=PREFIXES) or b"",
    }
