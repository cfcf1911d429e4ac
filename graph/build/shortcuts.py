"""Derived shortcuts: the flat row the big questions read, copied onto each statement node.

A question whose answer is most of the graph ("every stance on the program") joins, for
each statement, its source's identifier, its first evidence's quote, its actor's name and
its position's notation. On Oxigraph's disk store each of those joins is an index look-up
per row, and ORDER BY over names compares strings it must fetch (docs/scale.md). The build
does these joins once, here, and states their results on the statement node, in the
statement's own source graph (so FROM and GRAPH scoping still see them), with the
properties of `ontology/shortcuts.ttl` (each a `scomm:DerivedShortcut`). The library
queries read them. They repeat what the graph already says, nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pyoxigraph

from graph.namespaces import BASE

SCOMM_NS = BASE + "ontology#"

_XSD_INTEGER = pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")

PREFIXES = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""

KINDS = """VALUES (?class ?kind) {
    (scomm:Stance "stance") (scomm:Claim "claim") (scomm:EventRecord "event")
    (scomm:StatisticalClaim "figure") (scomm:Relationship "relationship") (scomm:PostRecord "post")
    (scomm:Characterization "characterization") (scomm:ProcessStep "process step")
    (scomm:Mention "mention")
  }"""

# Each query gives (?g ?st ?value): the value to state on ?st in ?st's source graph ?g.
DERIVATIONS: dict[str, str] = {
    "sourceIdentifier": """SELECT DISTINCT ?g ?st ?value WHERE {
  GRAPH ?g { ?st a scomm:Statement ; dcterms:source ?doc }
  ?doc dcterms:identifier ?value .
}""",
    "quoteText": """SELECT DISTINCT ?g ?st ?value WHERE {
  GRAPH ?g { ?st a scomm:Statement ; scomm:evidence ?ev }
  FILTER(STRENDS(STR(?ev), "/1"))
  ?ev oa:hasTarget/oa:hasSelector ?sel . ?sel a oa:TextQuoteSelector ; oa:exact ?value .
}""",
    "statementKind": """SELECT DISTINCT ?g ?st ?value WHERE {
  GRAPH ?g { ?st a scomm:Statement ; a ?class }
  %s
  BIND(?kind AS ?value)
}""" % KINDS,
    "actorName": """SELECT DISTINCT ?g ?st ?value WHERE {
  GRAPH ?g { ?st a scomm:Statement ; scomm:actor ?actor }
  ?actor rdfs:label ?value .
}""",
    "positionNotation": """SELECT DISTINCT ?g ?st ?value WHERE {
  GRAPH ?g { ?st a scomm:Stance ; scomm:position ?concept }
  ?concept skos:notation ?value .
}""",
    # how many statements this one follows in its source's order (scomm:after, transitively):
    # actor-record orders by it; counted once here instead of walking every chain per question
    "followsCount": """SELECT ?g ?st (COUNT(DISTINCT ?prior) AS ?value) WHERE {
  GRAPH ?g { ?st a scomm:Statement ; scomm:after ?first }
  ?st scomm:after+ ?prior .
} GROUP BY ?g ?st""",
}

SORT_ROWS = """SELECT DISTINCT ?g ?st ?from ?name WHERE {
  GRAPH ?g { ?st a scomm:Statement ; scomm:actor ?actor }
  ?actor rdfs:label ?name .
  OPTIONAL { ?st scomm:earliestDate ?from }
}"""


def _select(store: pyoxigraph.Store, sparql: str) -> pyoxigraph.QuerySolutions:
    solutions = store.query(PREFIXES + sparql, use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)
    return solutions


def shortcut_quads(store: pyoxigraph.Store) -> Iterator[pyoxigraph.Quad]:
    """The derived shortcut quads for every statement of the store (its union of graphs)."""
    for name, sparql in DERIVATIONS.items():
        predicate = pyoxigraph.NamedNode(SCOMM_NS + name)
        for row in _select(store, sparql):
            graph, node, value = row["g"], row["st"], row["value"]
            yield pyoxigraph.Quad(node, predicate, value, graph)
    # The sort key: the order of ORDER BY ?earliestDate ?actorName ?statement (an unbound
    # date first, as SPARQL orders it; names and IRIs by code point, as Oxigraph does).
    keyed: dict[tuple[Any, Any], tuple[str, str, str]] = {}
    for row in _select(store, SORT_ROWS):
        start = row["from"]
        key = ("" if start is None else "1" + start.value, row["name"].value, row["st"].value)
        slot = (row["g"], row["st"])
        if slot not in keyed or key < keyed[slot]:
            keyed[slot] = key
    predicate = pyoxigraph.NamedNode(SCOMM_NS + "sortKey")
    for rank, (graph, node) in enumerate(sorted(keyed, key=lambda slot: keyed[slot]), start=1):
        yield pyoxigraph.Quad(node, predicate, pyoxigraph.Literal(str(rank), datatype=_XSD_INTEGER), graph)


def shortcut_nquads(store: pyoxigraph.Store) -> bytes:
    """The shortcut quads as N-Quads lines (unsorted)."""
    return pyoxigraph.serialize(list(shortcut_quads(store)), format=pyoxigraph.RdfFormat.N_QUADS) or b""


def merge_sorted(nquads: bytes, extra: bytes) -> bytes:
    """Sorted, de-duplicated N-Quads lines of both (the canonical form of the build)."""
    lines = set(nquads.splitlines()) | set(extra.splitlines())
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


__all__ = ["DERIVATIONS", "merge_sorted", "shortcut_nquads", "shortcut_quads"]
