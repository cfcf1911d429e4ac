"""The ontology and its SKOS schemes, read from the Turtle files under ontology/."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from graph.namespaces import RDF, SCOMM, SKOS, VOCAB

IRI = str  # concepts hold plain IRI strings: the build does not import rdflib
RDF, SCOMM, SKOS = RDF.iris, SCOMM.iris, SKOS.iris


@dataclass(frozen=True)
class Concept:
    """One concept of a scheme, with what the build needs of it."""

    iri: IRI
    notation: str
    label: str
    broader: tuple[IRI, ...] = ()
    direct_property: IRI | None = None
    polarity: int = 0
    classes: tuple[IRI, ...] = ()
    alt_labels: tuple[str, ...] = ()


@dataclass
class Vocabulary:
    """Every scheme by its short name (`position`, `relation`, ...), each by notation."""

    schemes: dict[str, dict[str, Concept]] = field(default_factory=dict)

    def concept(self, scheme: str, notation: str) -> Concept | None:
        return self.schemes.get(scheme, {}).get(notation)

    def notations(self, scheme: str) -> list[str]:
        return sorted(self.schemes.get(scheme, {}))


def ontology_files(ontology_dir: Path) -> list[Path]:
    """Every Turtle file of the ontology except the shapes, in a stable order."""
    return sorted(p for p in ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")


def load_ontology(ontology_dir: Path) -> Any:
    """The ontology and vocabularies as one rdflib graph."""
    from rdflib import Graph

    graph = Graph()
    for path in ontology_files(ontology_dir):
        graph.parse(path, format="turtle")
    return graph


_READ: dict[tuple[tuple[str, int, int], ...], list[ox.Triple]] = {}


def ontology_triples(ontology_dir: Path) -> list[ox.Triple]:
    """The ontology and vocabularies as pyoxigraph triples (parsed once per content of the files).

    What the build reads: Oxigraph's Turtle parser is about 20x faster than rdflib's.
    """
    files = ontology_files(ontology_dir)
    key = tuple((str(p), (st := p.stat()).st_mtime_ns, st.st_size) for p in files)
    if key not in _READ:
        triples: list[ox.Triple] = []
        for path in files:
            triples.extend(quad.triple for quad in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        _READ.clear()
        _READ[key] = triples
    return _READ[key]


def _text(term: Any) -> str:
    return term.value if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def vocabulary(ontology: Iterable[Any]) -> Vocabulary:
    """The schemes of the ontology (an rdflib graph or pyoxigraph triples), keyed by the last segment of the scheme IRI."""
    wanted = {str(p) for p in (RDF.type, SKOS.inScheme, SKOS.notation, SKOS.prefLabel, SKOS.broader, SKOS.altLabel,
                               SCOMM.polarity, SCOMM.directProperty, SCOMM.entityClass)}
    values: dict[tuple[str, str], list[str]] = defaultdict(list)
    concepts: set[str] = set()
    concept_type = str(SKOS.Concept)
    for s, p, o in ontology:
        predicate = _text(p)
        if predicate not in wanted:
            continue
        subject, obj = _text(s), _text(o)
        if predicate == str(RDF.type):
            if obj == concept_type:
                concepts.add(subject)
            continue
        values[(subject, predicate)].append(obj)

    def first(subject: str, predicate: Any) -> str | None:
        found = values.get((subject, str(predicate)))
        return min(found) if found else None

    def every(subject: str, predicate: Any) -> list[str]:
        return sorted(values.get((subject, str(predicate)), []))

    vocab = Vocabulary()
    prefix = str(VOCAB)
    for concept in sorted(concepts):
        scheme_iri = first(concept, SKOS.inScheme)
        notation = first(concept, SKOS.notation)
        if scheme_iri is None or notation is None or not scheme_iri.startswith(prefix):
            continue
        scheme = scheme_iri[len(prefix) :]
        polarity = first(concept, SCOMM.polarity)
        direct = first(concept, SCOMM.directProperty)
        vocab.schemes.setdefault(scheme, {})[notation] = Concept(
            iri=IRI(concept),
            notation=notation,
            label=first(concept, SKOS.prefLabel) or notation,
            broader=tuple(IRI(b) for b in every(concept, SKOS.broader)),
            direct_property=IRI(direct) if direct is not None else None,
            polarity=int(polarity) if polarity is not None else 0,
            classes=tuple(IRI(c) for c in every(concept, SCOMM.entityClass)),
            alt_labels=tuple(every(concept, SKOS.altLabel)),
        )
    return vocab
