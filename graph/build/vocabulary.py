"""The ontology and its SKOS schemes, read from the Turtle files under ontology/."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from graph.namespaces import SCOMM, VOCAB


@dataclass(frozen=True)
class Concept:
    """One concept of a scheme, with what the build needs of it."""

    iri: URIRef
    notation: str
    label: str
    broader: tuple[URIRef, ...] = ()
    direct_property: URIRef | None = None
    polarity: int = 0
    classes: tuple[URIRef, ...] = ()
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


def load_ontology(ontology_dir: Path) -> Graph:
    """The ontology and vocabularies as one rdflib graph."""
    graph = Graph()
    for path in ontology_files(ontology_dir):
        graph.parse(path, format="turtle")
    return graph


def vocabulary(ontology: Graph) -> Vocabulary:
    """The schemes of the ontology graph, keyed by the last segment of the scheme IRI."""
    vocab = Vocabulary()
    prefix = str(VOCAB)
    for concept in sorted(URIRef(str(c)) for c in set(ontology.subjects(RDF.type, SKOS.Concept))):
        scheme_iri = ontology.value(concept, SKOS.inScheme)
        notation = ontology.value(concept, SKOS.notation)
        if scheme_iri is None or notation is None or not str(scheme_iri).startswith(prefix):
            continue
        scheme = str(scheme_iri)[len(prefix) :]
        polarity = ontology.value(concept, SCOMM.polarity)
        direct = ontology.value(concept, SCOMM.directProperty)
        vocab.schemes.setdefault(scheme, {})[str(notation)] = Concept(
            iri=concept,
            notation=str(notation),
            label=str(ontology.value(concept, SKOS.prefLabel) or notation),
            broader=tuple(sorted(URIRef(str(b)) for b in ontology.objects(concept, SKOS.broader))),
            direct_property=URIRef(str(direct)) if direct is not None else None,
            polarity=int(str(polarity)) if polarity is not None else 0,
            classes=tuple(sorted(URIRef(str(c)) for c in ontology.objects(concept, SCOMM.entityClass))),
            alt_labels=tuple(sorted(str(a) for a in ontology.objects(concept, SKOS.altLabel))),
        )
    return vocab
