"""Build the RDF dataset from the checked records: one named graph per source.

Each statement becomes a node carrying its source, dates and evidence annotations, and,
where its kind has one, the direct (truthy) triple beside it in the same source graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import Literal as RdflibLiteral, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

from graph.dates import When
from graph.build.load import Curated, Record
from graph.namespaces import (
    BASE,
    EVIDENCE,
    GRAPH,
    ID,
    OA,
    ONTOLOGY_GRAPH,
    REF_FIPS,
    REGISTRY_GRAPH,
    SCHEMA,
    SCOMM,
    SOURCE,
    SOURCES_GRAPH,
    STATEMENT,
    source_graph,
)
from graph.build.vocabulary import Vocabulary

CURATION_GRAPH = GRAPH["curation"]

# The classes each kind of statement record is typed with.
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "stances": (SCOMM.Stance,),
    "claims": (SCOMM.Claim,),
    "events": (SCOMM.EventRecord, SCHEMA.Event),  # a record is a prov:Entity, never also an Activity
    "figures": (SCOMM.StatisticalClaim, SCHEMA.QuantitativeValue),
    "relations": (SCOMM.Relationship, RDF.Statement),
    "posts": (SCOMM.PostRecord, ORG.Post, SCHEMA.OrganizationRole),
    "characterizations": (SCOMM.Characterization,),
    "process": (SCOMM.ProcessStep,),
    "mentions": (SCOMM.Mention,),
}


_XSD_STRING = ox.NamedNode(str(XSD.string))
_XSD_INTEGER = ox.NamedNode(str(XSD.integer))
_NAMED: dict[str, ox.NamedNode] = {}


def _named(iri: str) -> ox.NamedNode:
    node = _NAMED.get(iri)
    if node is None:
        node = _NAMED[iri] = ox.NamedNode(iri)
    return node


def Literal(value: Any, datatype: str | None = None) -> ox.Literal:  # noqa: N802 - rdflib's name, kept for reading
    """A literal with the lexical form rdflib gives the same Python value (text, int, decimal)."""
    if isinstance(value, str) and datatype is None:
        return ox.Literal(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return ox.Literal(str(value), datatype=_named(datatype or _XSD_INTEGER.value))
    if isinstance(value, str):
        return ox.Literal(value, datatype=_named(datatype))  # type: ignore[arg-type]
    return _literal(RdflibLiteral(value, datatype=datatype))


def _literal(literal: RdflibLiteral) -> ox.Literal:
    if literal.language:
        return ox.Literal(str(literal), language=literal.language)
    if literal.datatype is None:
        return ox.Literal(str(literal))
    return ox.Literal(str(literal), datatype=_named(str(literal.datatype)))


def _term(term: Any) -> Any:
    if type(term) is URIRef:
        node = _NAMED.get(term)
        return node if node is not None else _named(term)
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term
    if isinstance(term, RdflibLiteral):
        return _literal(term)
    return _named(term)


class _Graph:
    """One named graph of a QuadSet: `add((s, p, o))` as on an rdflib graph."""

    __slots__ = ("name", "quads")

    def __init__(self, name: str, quads: list[ox.Quad]) -> None:
        self.name = _named(name)
        self.quads = quads

    def add(self, triple: tuple[Any, Any, Any]) -> None:
        s, p, o = triple
        self.quads.append(ox.Quad(_term(s), _term(p), _term(o), self.name))


class QuadSet:
    """The built quads (pyoxigraph terms), added graph by graph; duplicates are kept until written."""

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self._graphs: dict[str, _Graph] = {}

    def graph(self, name: str) -> _Graph:
        found = self._graphs.get(name)
        if found is None:
            found = self._graphs[name] = _Graph(name, self.quads)
        return found

    def nquads(self) -> bytes:
        """Every quad as N-Quads lines, unsorted."""
        return ox.serialize(self.quads, format=ox.RdfFormat.N_QUADS) or b""


def build_dataset(curated: Curated, ontology: Iterable[Any]) -> QuadSet:
    """The whole dataset: ontology, registry, sources, curation and one graph per source.

    `ontology` is the ontology's triples (pyoxigraph triples, or an rdflib graph).
    """
    dataset = QuadSet()
    target = dataset.graph(ONTOLOGY_GRAPH)
    for triple in ontology:
        target.add(tuple(triple))  # type: ignore[arg-type]
    builder = _Builder(curated, dataset)
    builder.registry()
    builder.sources()
    for record in curated.statements.values():
        builder.statement(record)
    builder.contradictions()
    return dataset


class _Builder:
    def __init__(self, curated: Curated, dataset: QuadSet) -> None:
        self.curated = curated
        self.vocab: Vocabulary = curated.vocab
        self.dataset = dataset

    # -------------------------------------------------------------- terms

    def ref(self, ident: str) -> URIRef:
        """The IRI of an entity, source or statement id."""
        if ident in self.curated.entities:
            return ID[ident]
        if ident in self.curated.sources:
            return SOURCE[ident]
        return STATEMENT[ident]

    def concept(self, scheme: str, notation: str) -> URIRef:
        found = self.vocab.concept(scheme, notation)
        assert found is not None, f"{scheme}:{notation} was checked by the loader"
        return found.iri

    def label(self, scheme: str, notation: str) -> str:
        found = self.vocab.concept(scheme, notation)
        return found.label if found else notation

    def name(self, ident: str | None) -> str:
        return self.curated.name_of(ident) if ident else "?"

    # -------------------------------------------------------------- registry and sources

    def registry(self) -> None:
        graph = self.dataset.graph(REGISTRY_GRAPH)
        for ident, record in self.curated.entities.items():
            node = ID[ident]
            concept = self.vocab.concept("entity-type", record.values["type"])
            assert concept is not None
            for cls in concept.classes:
                graph.add((node, RDF.type, cls))
            graph.add((node, SCOMM.entityType, concept.iri))
            graph.add((node, SKOS.prefLabel, Literal(record.values["name"])))
            graph.add((node, RDFS.label, Literal(record.values["name"])))
            for alias in record.get("aliases", []):
                graph.add((node, SKOS.altLabel, Literal(alias)))
            if record.get("fips"):
                graph.add((node, SCOMM.fips, Literal(record.values["fips"])))
                # the same jurisdiction in the reference layer (not SKOS concepts: no skos:exactMatch)
                graph.add((node, OWL.sameAs, REF_FIPS[record.values["fips"]]))
            if record.get("note"):
                graph.add((node, SKOS.note, Literal(record.values["note"])))

    def sources(self) -> None:
        graph = self.dataset.graph(SOURCES_GRAPH)
        for ident, record in self.curated.sources.items():
            node = SOURCE[ident]
            for cls in (SCOMM.SourceDocument, URIRef("http://xmlns.com/foaf/0.1/Document"), PROV.Entity, SCHEMA.MediaObject):
                graph.add((node, RDF.type, cls))
            graph.add((node, DCTERMS.identifier, Literal(ident)))
            graph.add((node, DCTERMS.title, Literal(record.values["title"])))
            graph.add((node, RDFS.label, Literal(record.values["title"])))
            graph.add((node, SCHEMA.sha256, Literal(record.values["sha256"])))
            graph.add((node, SCHEMA.encodingFormat, Literal("text/plain")))
            graph.add((node, SCOMM.perspective, self.concept("perspective", record.values["perspective"])))
            graph.add((node, SCOMM.characterCount, Literal(len(self.curated.texts.get(ident, "")))))
            if record.get("date"):
                self.dates(graph, node, record.values["date"])
            if record.get("publisher"):
                graph.add((node, DCTERMS.publisher, ID[record.values["publisher"]]))
            if record.get("author"):
                graph.add((node, DCTERMS.creator, ID[record.values["author"]]))
            if record.get("description"):
                graph.add((node, DCTERMS.description, Literal(record.values["description"])))
            if record.get("url"):
                graph.add((node, SCHEMA.url, Literal(record.values["url"], datatype=XSD.anyURI)))

    # -------------------------------------------------------------- statements

    def statement(self, record: Record) -> None:
        assert record.source is not None
        graph = self.dataset.graph(URIRef(source_graph(record.source)))
        node = STATEMENT[record.id]
        graph.add((node, RDF.type, SCOMM.Statement))
        graph.add((node, RDF.type, PROV.Entity))
        for cls in KIND_CLASSES[record.kind]:
            graph.add((node, RDF.type, cls))
        graph.add((node, DCTERMS.source, SOURCE[record.source]))
        graph.add((node, DCTERMS.identifier, Literal(record.id)))
        if record.get("date"):
            self.dates(graph, node, record.values["date"])
            graph.add((node, SCOMM.dateBasis, self.concept("date-basis", record.values["date_basis"])))
        if record.get("date_note"):
            graph.add((node, SCOMM.dateNote, Literal(record.values["date_note"])))
        for other in record.get("after", []):
            # the order the source states, so it stays in the source's graph
            graph.add((node, SCOMM.after, STATEMENT[other]))
        if record.get("note"):
            graph.add((node, SKOS.note, Literal(record.values["note"])))
        for index, located in enumerate(record.evidence, start=1):
            self.evidence(graph, node, record, index, located)
        curation = self.dataset.graph(CURATION_GRAPH)
        for other in record.get("corroborates", []):
            curation.add((node, SCOMM.corroborates, STATEMENT[other]))
            curation.add((STATEMENT[other], SCOMM.corroborates, node))
        if record.get("valid") is not None:
            graph.add((node, DCTERMS.valid, record.values["valid"].literal()))
        for event in record.get("superseded_by", []):
            curation.add((node, SCOMM.supersededBy, STATEMENT[event]))
        label = self.KIND_BUILDERS[record.kind](self, graph, node, record)
        graph.add((node, RDFS.label, Literal(label)))

    def contradictions(self) -> None:
        """Each contradiction: the symmetric link, and a node with its basis and reason (docs/contradiction.md)."""
        from graph.build.contradictions import contradictions

        curation = self.dataset.graph(CURATION_GRAPH)
        for c in contradictions(self.curated):
            a, b = STATEMENT[c.a], STATEMENT[c.b]
            curation.add((a, SCOMM.contradicts, b))
            curation.add((b, SCOMM.contradicts, a))
            node = URIRef(f"{BASE}contradiction/{c.a}--{c.b}/{c.basis}")
            curation.add((node, RDF.type, SCOMM.Contradiction))
            curation.add((node, SCOMM.between, a))
            curation.add((node, SCOMM.between, b))
            curation.add((node, SCOMM.contradictionBasis, self.concept("contradiction-basis", c.basis)))
            curation.add((node, SCOMM.reason, Literal(c.reason)))

    def dates(self, graph: _Graph, node: URIRef, when: When) -> None:
        graph.add((node, DCTERMS.date, when.literal()))
        graph.add((node, SCOMM.dateForm, self.concept("date-form", when.form)))
        self.bounds(graph, node, when, when)

    def bounds(self, graph: _Graph, node: URIRef, first: When, last: When) -> None:
        """scomm:earliestDate and scomm:latestDate, each absent when that side is open."""
        if first.earliest is not None:
            graph.add((node, SCOMM.earliestDate, Literal(first.earliest.isoformat(), datatype=XSD.date)))
        if last.latest is not None:
            graph.add((node, SCOMM.latestDate, Literal(last.latest.isoformat(), datatype=XSD.date)))

    def evidence(self, graph: _Graph, node: URIRef, record: Record, index: int, located: object) -> None:
        from graph.build.quotes import Located

        assert isinstance(located, Located) and record.source is not None
        annotation = EVIDENCE[f"{record.id}/{index}"]
        target = URIRef(f"{annotation}/target")
        quote = URIRef(f"{annotation}/quote")
        position = URIRef(f"{annotation}/position")
        graph.add((node, SCOMM.evidence, annotation))
        graph.add((annotation, RDF.type, OA.Annotation))
        graph.add((annotation, OA.motivatedBy, OA.describing))
        graph.add((annotation, OA.hasBody, node))
        graph.add((annotation, OA.hasTarget, target))
        graph.add((target, RDF.type, OA.SpecificResource))
        graph.add((target, OA.hasSource, SOURCE[record.source]))
        graph.add((target, OA.hasSelector, quote))
        graph.add((target, OA.hasSelector, position))
        graph.add((quote, RDF.type, OA.TextQuoteSelector))
        graph.add((quote, OA.exact, Literal(located.exact)))
        graph.add((quote, OA.prefix, Literal(located.prefix)))
        graph.add((quote, OA.suffix, Literal(located.suffix)))
        graph.add((position, RDF.type, OA.TextPositionSelector))
        graph.add((position, OA.start, Literal(located.start, datatype=XSD.nonNegativeInteger)))
        graph.add((position, OA.end, Literal(located.end, datatype=XSD.nonNegativeInteger)))

    # -------------------------------------------------------------- kinds

    def stance(self, graph: _Graph, node: URIRef, record: Record) -> str:
        actor, target = record.values["actor"], record.values["target"]
        position = self.vocab.concept("position", record.values["position"])
        assert position is not None
        graph.add((node, SCOMM.actor, self.ref(actor)))
        graph.add((node, SCOMM.target, self.ref(target)))
        graph.add((node, SCOMM.position, position.iri))
        if record.get("event"):
            graph.add((node, SCOMM.occasion, STATEMENT[record.values["event"]]))
        if position.direct_property is not None:
            graph.add((self.ref(actor), position.direct_property, self.ref(target)))
        return f"{self.name(actor)} {position.label} {self.name(target)}"

    def claim(self, graph: _Graph, node: URIRef, record: Record) -> str:
        actor = record.values["actor"]
        graph.add((node, SCOMM.actor, self.ref(actor)))
        graph.add((node, SCOMM.question, self.concept("question", record.values["question"])))
        graph.add((node, SCOMM.answer, self.concept("answer", record.values["answer"])))
        if record.get("about"):
            graph.add((node, SCOMM.about, self.ref(record.values["about"])))
        if record.get("event"):
            graph.add((node, SCOMM.occasion, STATEMENT[record.values["event"]]))
        question = self.label("question", record.values["question"])
        return f"{self.name(actor)}: {question} {self.label('answer', record.values['answer'])}"

    def event(self, graph: _Graph, node: URIRef, record: Record) -> str:
        graph.add((node, SCOMM.eventType, self.concept("event-type", record.values["type"])))
        graph.add((node, SCHEMA.name, Literal(record.values["label"])))
        if record.get("place"):
            graph.add((node, SCHEMA.location, self.ref(record.values["place"])))
        for about in record.get("about", []):
            graph.add((node, SCOMM.about, self.ref(about)))
        for role, members in sorted(record.get("participants", {}).items()):
            concept = self.vocab.concept("role", role)
            assert concept is not None
            for member in members:
                graph.add((node, SCOMM.participant, self.ref(member)))
                if concept.direct_property is not None:
                    graph.add((node, concept.direct_property, self.ref(member)))
        return str(record.values["label"])

    def figure(self, graph: _Graph, node: URIRef, record: Record) -> str:
        measure = record.values["measure"]
        value: Decimal = record.values["value"]
        comparator = record.get("comparator", "exactly")
        graph.add((node, SCOMM.measure, self.concept("measure", measure)))
        graph.add((node, SCHEMA.value, Literal(value, datatype=XSD.decimal)))
        graph.add((node, SCHEMA.unitText, Literal(record.values["unit"])))
        graph.add((node, SCOMM.comparator, self.concept("comparator", comparator)))
        graph.add((node, SCOMM.reportedBy, self.ref(record.values["reported_by"])))
        for field, prop in (("scope", SCOMM.scope), ("about", SCOMM.about)):
            if record.get(field):
                graph.add((node, prop, self.ref(record.values[field])))
        as_of, start, end = record.get("as_of"), record.get("period_start"), record.get("period_end")
        if as_of is not None:
            graph.add((node, SCOMM.asOf, as_of.literal()))
        if start is not None:
            graph.add((node, SCOMM.periodStart, start.literal()))
        if end is not None:
            graph.add((node, SCOMM.periodEnd, end.literal()))
        if not record.get("date"):
            first = as_of or start or end
            last = as_of or end or start
            if first is not None and last is not None:
                self.bounds(graph, node, first, last)
        comparator_label = "" if comparator == "exactly" else self.label("comparator", comparator) + " "
        return f"{self.label('measure', measure)}: {comparator_label}{value} {record.values['unit']}"

    def relation(self, graph: _Graph, node: URIRef, record: Record) -> str:
        subject, obj = record.values["subject"], record.values["object"]
        concept = self.vocab.concept("relation", record.values["relation"])
        assert concept is not None and concept.direct_property is not None
        graph.add((node, SCOMM.relation, concept.iri))
        graph.add((node, RDF.subject, self.ref(subject)))
        graph.add((node, RDF.predicate, concept.direct_property))
        graph.add((node, RDF.object, self.ref(obj)))
        graph.add((self.ref(subject), concept.direct_property, self.ref(obj)))
        return f"{self.name(subject)} {concept.label} {self.name(obj)}"

    def post(self, graph: _Graph, node: URIRef, record: Record) -> str:
        person = record.values["person"]
        graph.add((node, SCOMM.postTitle, Literal(record.values["title"])))
        graph.add((node, ORG.heldBy, self.ref(person)))
        graph.add((self.ref(person), ORG.holds, node))
        where = []
        if record.get("organization"):
            graph.add((node, ORG.postIn, self.ref(record.values["organization"])))
            where.append(self.name(record.values["organization"]))
        if record.get("jurisdiction"):
            graph.add((node, SCOMM.jurisdiction, self.ref(record.values["jurisdiction"])))
            where.append(self.name(record.values["jurisdiction"]))
        if record.get("from"):
            graph.add((node, SCHEMA.startDate, record.values["from"].literal()))
        if record.get("to"):
            graph.add((node, SCHEMA.endDate, record.values["to"].literal()))
        suffix = f" ({', '.join(where)})" if where else ""
        return f"{self.name(person)}: {record.values['title']}{suffix}"

    def characterization(self, graph: _Graph, node: URIRef, record: Record) -> str:
        subject = record.values["subject"]
        by = record.get("by") or record.source
        assert by is not None
        graph.add((node, SCOMM.subject, self.ref(subject)))
        graph.add((node, SCOMM.labelText, Literal(record.values["label"])))
        graph.add((node, SCOMM.characterizedBy, self.ref(by)))
        return f"{self.name(by)} calls {self.name(subject)} \u201c{record.values['label']}\u201d"

    def process(self, graph: _Graph, node: URIRef, record: Record) -> str:
        actor = record.values["actor"]
        graph.add((node, SCOMM.stepOrder, Literal(record.values["step"])))
        graph.add((node, SCOMM.actor, self.ref(actor)))
        graph.add((node, SCOMM.action, self.concept("action", record.values["action"])))
        parts = [f"step {record.values['step']}: {self.name(actor)} {self.label('action', record.values['action'])}"]
        if record.get("item"):
            graph.add((node, SCOMM.item, Literal(record.values["item"])))
            parts.append(str(record.values["item"]))
        if record.get("recipient"):
            graph.add((node, SCOMM.recipient, self.ref(record.values["recipient"])))
            parts.append(f"to {self.name(record.values['recipient'])}")
        if record.get("system"):
            graph.add((node, SCOMM.system, self.ref(record.values["system"])))
            parts.append(f"against {self.name(record.values['system'])}")
        if record.get("program"):
            graph.add((node, SCOMM.about, self.ref(record.values["program"])))
        return " ".join(parts)

    def mention(self, graph: _Graph, node: URIRef, record: Record) -> str:
        entity = record.values["entity"]
        assert record.source is not None
        graph.add((node, SCOMM.mentionOf, self.ref(entity)))
        graph.add((SOURCE[record.source], SCHEMA.mentions, self.ref(entity)))
        return f"{self.name(record.source)} mentions {self.name(entity)}"

    KIND_BUILDERS: dict[str, Callable[[_Builder, _Graph, URIRef, Record], str]] = {
        "stances": stance,
        "claims": claim,
        "events": event,
        "figures": figure,
        "relations": relation,
        "posts": post,
        "characterizations": characterization,
        "process": process,
        "mentions": mention,
    }


__all__ = ["BASE", "CURATION_GRAPH", "QuadSet", "build_dataset"]
