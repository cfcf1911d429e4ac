"""Build the RDF dataset from the checked records: one named graph per source.

Each statement becomes a node carrying its source, dates and evidence annotations, and,
where its kind has one, the direct (truthy) triple beside it in the same source graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from graph.dates import When
from graph.build.load import Curated, Record
from graph.namespaces import (
    BASE,
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SKOS,
    XSD,
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

# The builder works with plain IRI strings (turned into pyoxigraph terms as each quad is
# added), so that the build never imports rdflib.
IRI = str
DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD = (ns.iris for ns in (DCTERMS, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD))
EVIDENCE, GRAPH, ID, OA, REF_FIPS, SCHEMA, SCOMM, SOURCE, STATEMENT = (
    ns.iris for ns in (EVIDENCE, GRAPH, ID, OA, REF_FIPS, SCHEMA, SCOMM, SOURCE, STATEMENT)
)

# The terms the builder adds for every statement, looked up once, here.
_DCTERMS_creator = DCTERMS.creator
_DCTERMS_date = DCTERMS.date
_DCTERMS_description = DCTERMS.description
_DCTERMS_identifier = DCTERMS.identifier
_DCTERMS_publisher = DCTERMS.publisher
_DCTERMS_source = DCTERMS.source
_DCTERMS_title = DCTERMS.title
_DCTERMS_valid = DCTERMS.valid
_OA_Annotation = OA.Annotation
_OA_SpecificResource = OA.SpecificResource
_OA_TextPositionSelector = OA.TextPositionSelector
_OA_TextQuoteSelector = OA.TextQuoteSelector
_OA_describing = OA.describing
_OA_end = OA.end
_OA_exact = OA.exact
_OA_hasBody = OA.hasBody
_OA_hasSelector = OA.hasSelector
_OA_hasSource = OA.hasSource
_OA_hasTarget = OA.hasTarget
_OA_motivatedBy = OA.motivatedBy
_OA_prefix = OA.prefix
_OA_start = OA.start
_OA_suffix = OA.suffix
_ORG_Post = ORG.Post
_ORG_heldBy = ORG.heldBy
_ORG_holds = ORG.holds
_ORG_postIn = ORG.postIn
_OWL_sameAs = OWL.sameAs
_PROV_Entity = PROV.Entity
_RDF_Statement = RDF.Statement
_RDF_object = RDF.object
_RDF_predicate = RDF.predicate
_RDF_subject = RDF.subject
_RDF_type = RDF.type
_RDFS_label = RDFS.label
_SCHEMA_Event = SCHEMA.Event
_SCHEMA_MediaObject = SCHEMA.MediaObject
_SCHEMA_OrganizationRole = SCHEMA.OrganizationRole
_SCHEMA_QuantitativeValue = SCHEMA.QuantitativeValue
_SCHEMA_encodingFormat = SCHEMA.encodingFormat
_SCHEMA_endDate = SCHEMA.endDate
_SCHEMA_location = SCHEMA.location
_SCHEMA_mentions = SCHEMA.mentions
_SCHEMA_name = SCHEMA.name
_SCHEMA_sha256 = SCHEMA.sha256
_SCHEMA_startDate = SCHEMA.startDate
_SCHEMA_unitText = SCHEMA.unitText
_SCHEMA_url = SCHEMA.url
_SCHEMA_value = SCHEMA.value
_SCOMM_Characterization = SCOMM.Characterization
_SCOMM_Claim = SCOMM.Claim
_SCOMM_Contradiction = SCOMM.Contradiction
_SCOMM_EventRecord = SCOMM.EventRecord
_SCOMM_Mention = SCOMM.Mention
_SCOMM_PostRecord = SCOMM.PostRecord
_SCOMM_ProcessStep = SCOMM.ProcessStep
_SCOMM_Relationship = SCOMM.Relationship
_SCOMM_SourceDocument = SCOMM.SourceDocument
_SCOMM_Stance = SCOMM.Stance
_SCOMM_Statement = SCOMM.Statement
_SCOMM_StatisticalClaim = SCOMM.StatisticalClaim
_SCOMM_about = SCOMM.about
_SCOMM_action = SCOMM.action
_SCOMM_actor = SCOMM.actor
_SCOMM_after = SCOMM.after
_SCOMM_answer = SCOMM.answer
_SCOMM_asOf = SCOMM.asOf
_SCOMM_between = SCOMM.between
_SCOMM_characterCount = SCOMM.characterCount
_SCOMM_characterizedBy = SCOMM.characterizedBy
_SCOMM_comparator = SCOMM.comparator
_SCOMM_contradictionBasis = SCOMM.contradictionBasis
_SCOMM_contradicts = SCOMM.contradicts
_SCOMM_corroborates = SCOMM.corroborates
_SCOMM_dateBasis = SCOMM.dateBasis
_SCOMM_dateForm = SCOMM.dateForm
_SCOMM_dateNote = SCOMM.dateNote
_SCOMM_earliestDate = SCOMM.earliestDate
_SCOMM_entityType = SCOMM.entityType
_SCOMM_eventType = SCOMM.eventType
_SCOMM_evidence = SCOMM.evidence
_SCOMM_fips = SCOMM.fips
_SCOMM_item = SCOMM.item
_SCOMM_jurisdiction = SCOMM.jurisdiction
_SCOMM_labelText = SCOMM.labelText
_SCOMM_latestDate = SCOMM.latestDate
_SCOMM_measure = SCOMM.measure
_SCOMM_mentionOf = SCOMM.mentionOf
_SCOMM_occasion = SCOMM.occasion
_SCOMM_participant = SCOMM.participant
_SCOMM_periodEnd = SCOMM.periodEnd
_SCOMM_periodStart = SCOMM.periodStart
_SCOMM_perspective = SCOMM.perspective
_SCOMM_position = SCOMM.position
_SCOMM_postTitle = SCOMM.postTitle
_SCOMM_question = SCOMM.question
_SCOMM_reason = SCOMM.reason
_SCOMM_recipient = SCOMM.recipient
_SCOMM_relation = SCOMM.relation
_SCOMM_reportedBy = SCOMM.reportedBy
_SCOMM_scope = SCOMM.scope
_SCOMM_stepOrder = SCOMM.stepOrder
_SCOMM_subject = SCOMM.subject
_SCOMM_supersededBy = SCOMM.supersededBy
_SCOMM_system = SCOMM.system
_SCOMM_target = SCOMM.target
_SKOS_altLabel = SKOS.altLabel
_SKOS_note = SKOS.note
_SKOS_prefLabel = SKOS.prefLabel

CURATION_GRAPH = GRAPH["curation"]

# The classes each kind of statement record is typed with.
KIND_CLASSES: dict[str, tuple[IRI, ...]] = {
    "stances": (_SCOMM_Stance,),
    "claims": (_SCOMM_Claim,),
    "events": (_SCOMM_EventRecord, _SCHEMA_Event),  # a record is a prov:Entity, never also an Activity
    "figures": (_SCOMM_StatisticalClaim, _SCHEMA_QuantitativeValue),
    "relations": (_SCOMM_Relationship, _RDF_Statement),
    "posts": (_SCOMM_PostRecord, _ORG_Post, _SCHEMA_OrganizationRole),
    "characterizations": (_SCOMM_Characterization,),
    "process": (_SCOMM_ProcessStep,),
    "mentions": (_SCOMM_Mention,),
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
    if isinstance(value, Decimal) and datatype is not None and datatype == XSD["decimal"]:
        return ox.Literal(format(value, "f"), datatype=_named(datatype))  # rdflib's lexical form
    raise TypeError(f"no literal for {type(value).__name__} {value!r} ({datatype})")


def _when(when: When) -> ox.Literal:
    """A date as written: xsd:gYear, gYearMonth or date when plain, EDTF otherwise."""
    return ox.Literal(when.text, datatype=_named(when.datatype))


def _literal(literal: Any) -> ox.Literal:
    """An rdflib literal as a pyoxigraph one."""
    if literal.language:
        return ox.Literal(str(literal), language=literal.language)
    if literal.datatype is None:
        return ox.Literal(str(literal))
    return ox.Literal(str(literal), datatype=_named(str(literal.datatype)))


def _term(term: Any) -> Any:
    if type(term) is str:
        node = _NAMED.get(term)
        return node if node is not None else _named(term)
    if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return term
    return _rdflib_term(term)


def _rdflib_term(term: Any) -> Any:
    """A term from a caller's rdflib graph (rdflib is loaded already: the build passes none)."""
    from rdflib import BNode, Literal as RdflibLiteral

    if isinstance(term, RdflibLiteral):
        return _literal(term)
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return _named(str(term))


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

    def ref(self, ident: str) -> IRI:
        """The IRI of an entity, source or statement id."""
        if ident in self.curated.entities:
            return ID[ident]
        if ident in self.curated.sources:
            return SOURCE[ident]
        return STATEMENT[ident]

    def concept(self, scheme: str, notation: str) -> IRI:
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
                graph.add((node, _RDF_type, cls))
            graph.add((node, _SCOMM_entityType, concept.iri))
            graph.add((node, _SKOS_prefLabel, Literal(record.values["name"])))
            graph.add((node, _RDFS_label, Literal(record.values["name"])))
            for alias in record.get("aliases", []):
                graph.add((node, _SKOS_altLabel, Literal(alias)))
            if record.get("fips"):
                graph.add((node, _SCOMM_fips, Literal(record.values["fips"])))
                # the same jurisdiction in the reference layer (not SKOS concepts: no skos:exactMatch)
                graph.add((node, _OWL_sameAs, REF_FIPS[record.values["fips"]]))
            if record.get("note"):
                graph.add((node, _SKOS_note, Literal(record.values["note"])))

    def sources(self) -> None:
        graph = self.dataset.graph(SOURCES_GRAPH)
        for ident, record in self.curated.sources.items():
            node = SOURCE[ident]
            for cls in (_SCOMM_SourceDocument, IRI("http://xmlns.com/foaf/0.1/Document"), _PROV_Entity, _SCHEMA_MediaObject):
                graph.add((node, _RDF_type, cls))
            graph.add((node, _DCTERMS_identifier, Literal(ident)))
            graph.add((node, _DCTERMS_title, Literal(record.values["title"])))
            graph.add((node, _RDFS_label, Literal(record.values["title"])))
            graph.add((node, _SCHEMA_sha256, Literal(record.values["sha256"])))
            graph.add((node, _SCHEMA_encodingFormat, Literal("text/plain")))
            graph.add((node, _SCOMM_perspective, self.concept("perspective", record.values["perspective"])))
            graph.add((node, _SCOMM_characterCount, Literal(len(self.curated.texts.get(ident, "")))))
            if record.get("date"):
                self.dates(graph, node, record.values["date"])
            if record.get("publisher"):
                graph.add((node, _DCTERMS_publisher, ID[record.values["publisher"]]))
            for author in record.get("author") or []:  # one author or several (a joint letter)
                graph.add((node, _DCTERMS_creator, ID[author]))
            if record.get("description"):
                graph.add((node, _DCTERMS_description, Literal(record.values["description"])))
            if record.get("url"):
                graph.add((node, _SCHEMA_url, Literal(record.values["url"], datatype=XSD.anyURI)))

    # -------------------------------------------------------------- statements

    def statement(self, record: Record) -> None:
        assert record.source is not None
        graph = self.dataset.graph(IRI(source_graph(record.source)))
        node = STATEMENT[record.id]
        graph.add((node, _RDF_type, _SCOMM_Statement))
        graph.add((node, _RDF_type, _PROV_Entity))
        for cls in KIND_CLASSES[record.kind]:
            graph.add((node, _RDF_type, cls))
        graph.add((node, _DCTERMS_source, SOURCE[record.source]))
        graph.add((node, _DCTERMS_identifier, Literal(record.id)))
        if record.get("date"):
            self.dates(graph, node, record.values["date"])
            graph.add((node, _SCOMM_dateBasis, self.concept("date-basis", record.values["date_basis"])))
        if record.get("date_note"):
            graph.add((node, _SCOMM_dateNote, Literal(record.values["date_note"])))
        for other in record.get("after", []):
            # the order the source states, so it stays in the source's graph
            graph.add((node, _SCOMM_after, STATEMENT[other]))
        if record.get("note"):
            graph.add((node, _SKOS_note, Literal(record.values["note"])))
        for index, located in enumerate(record.evidence, start=1):
            self.evidence(graph, node, record, index, located)
        curation = self.dataset.graph(CURATION_GRAPH)
        for other in record.get("corroborates", []):
            curation.add((node, _SCOMM_corroborates, STATEMENT[other]))
            curation.add((STATEMENT[other], _SCOMM_corroborates, node))
        if record.get("valid") is not None:
            graph.add((node, _DCTERMS_valid, _when(record.values["valid"])))
        for event in record.get("superseded_by", []):
            curation.add((node, _SCOMM_supersededBy, STATEMENT[event]))
        label = self.KIND_BUILDERS[record.kind](self, graph, node, record)
        graph.add((node, _RDFS_label, Literal(label)))

    def contradictions(self) -> None:
        """Each contradiction: the symmetric link, and a node with its basis and reason (docs/contradiction.md)."""
        from graph.build.contradictions import contradictions

        curation = self.dataset.graph(CURATION_GRAPH)
        for c in contradictions(self.curated):
            a, b = STATEMENT[c.a], STATEMENT[c.b]
            curation.add((a, _SCOMM_contradicts, b))
            curation.add((b, _SCOMM_contradicts, a))
            node = IRI(f"{BASE}contradiction/{c.a}--{c.b}/{c.basis}")
            curation.add((node, _RDF_type, _SCOMM_Contradiction))
            curation.add((node, _SCOMM_between, a))
            curation.add((node, _SCOMM_between, b))
            curation.add((node, _SCOMM_contradictionBasis, self.concept("contradiction-basis", c.basis)))
            curation.add((node, _SCOMM_reason, Literal(c.reason)))

    def dates(self, graph: _Graph, node: IRI, when: When) -> None:
        graph.add((node, _DCTERMS_date, _when(when)))
        graph.add((node, _SCOMM_dateForm, self.concept("date-form", when.form)))
        self.bounds(graph, node, when, when)

    def bounds(self, graph: _Graph, node: IRI, first: When, last: When) -> None:
        """scomm:earliestDate and scomm:latestDate, each absent when that side is open."""
        if first.earliest is not None:
            graph.add((node, _SCOMM_earliestDate, Literal(first.earliest.isoformat(), datatype=XSD.date)))
        if last.latest is not None:
            graph.add((node, _SCOMM_latestDate, Literal(last.latest.isoformat(), datatype=XSD.date)))

    def evidence(self, graph: _Graph, node: IRI, record: Record, index: int, located: object) -> None:
        from graph.build.quotes import Located

        assert isinstance(located, Located) and record.source is not None
        annotation = EVIDENCE[f"{record.id}/{index}"]
        target = IRI(f"{annotation}/target")
        quote = IRI(f"{annotation}/quote")
        position = IRI(f"{annotation}/position")
        graph.add((node, _SCOMM_evidence, annotation))
        graph.add((annotation, _RDF_type, _OA_Annotation))
        graph.add((annotation, _OA_motivatedBy, _OA_describing))
        graph.add((annotation, _OA_hasBody, node))
        graph.add((annotation, _OA_hasTarget, target))
        graph.add((target, _RDF_type, _OA_SpecificResource))
        graph.add((target, _OA_hasSource, SOURCE[record.source]))
        graph.add((target, _OA_hasSelector, quote))
        graph.add((target, _OA_hasSelector, position))
        graph.add((quote, _RDF_type, _OA_TextQuoteSelector))
        graph.add((quote, _OA_exact, Literal(located.exact)))
        graph.add((quote, _OA_prefix, Literal(located.prefix)))
        graph.add((quote, _OA_suffix, Literal(located.suffix)))
        graph.add((position, _RDF_type, _OA_TextPositionSelector))
        graph.add((position, _OA_start, Literal(located.start, datatype=XSD.nonNegativeInteger)))
        graph.add((position, _OA_end, Literal(located.end, datatype=XSD.nonNegativeInteger)))

    # -------------------------------------------------------------- kinds

    def stance(self, graph: _Graph, node: IRI, record: Record) -> str:
        actor, target = record.values["actor"], record.values["target"]
        position = self.vocab.concept("position", record.values["position"])
        assert position is not None
        graph.add((node, _SCOMM_actor, self.ref(actor)))
        graph.add((node, _SCOMM_target, self.ref(target)))
        graph.add((node, _SCOMM_position, position.iri))
        if record.get("event"):
            graph.add((node, _SCOMM_occasion, STATEMENT[record.values["event"]]))
        if position.direct_property is not None:
            graph.add((self.ref(actor), position.direct_property, self.ref(target)))
        return f"{self.name(actor)} {position.label} {self.name(target)}"

    def claim(self, graph: _Graph, node: IRI, record: Record) -> str:
        actor = record.values["actor"]
        graph.add((node, _SCOMM_actor, self.ref(actor)))
        graph.add((node, _SCOMM_question, self.concept("question", record.values["question"])))
        graph.add((node, _SCOMM_answer, self.concept("answer", record.values["answer"])))
        if record.get("about"):
            graph.add((node, _SCOMM_about, self.ref(record.values["about"])))
        if record.get("event"):
            graph.add((node, _SCOMM_occasion, STATEMENT[record.values["event"]]))
        question = self.label("question", record.values["question"])
        return f"{self.name(actor)}: {question} {self.label('answer', record.values['answer'])}"

    def event(self, graph: _Graph, node: IRI, record: Record) -> str:
        graph.add((node, _SCOMM_eventType, self.concept("event-type", record.values["type"])))
        graph.add((node, _SCHEMA_name, Literal(record.values["label"])))
        if record.get("place"):
            graph.add((node, _SCHEMA_location, self.ref(record.values["place"])))
        for about in record.get("about", []):
            graph.add((node, _SCOMM_about, self.ref(about)))
        for role, members in sorted(record.get("participants", {}).items()):
            concept = self.vocab.concept("role", role)
            assert concept is not None
            for member in members:
                graph.add((node, _SCOMM_participant, self.ref(member)))
                if concept.direct_property is not None:
                    graph.add((node, concept.direct_property, self.ref(member)))
        return str(record.values["label"])

    def figure(self, graph: _Graph, node: IRI, record: Record) -> str:
        measure = record.values["measure"]
        value: Decimal = record.values["value"]
        comparator = record.get("comparator", "exactly")
        graph.add((node, _SCOMM_measure, self.concept("measure", measure)))
        graph.add((node, _SCHEMA_value, Literal(value, datatype=XSD.decimal)))
        graph.add((node, _SCHEMA_unitText, Literal(record.values["unit"])))
        graph.add((node, _SCOMM_comparator, self.concept("comparator", comparator)))
        graph.add((node, _SCOMM_reportedBy, self.ref(record.values["reported_by"])))
        for field, prop in (("scope", _SCOMM_scope), ("about", _SCOMM_about)):
            if record.get(field):
                graph.add((node, prop, self.ref(record.values[field])))
        as_of, start, end = record.get("as_of"), record.get("period_start"), record.get("period_end")
        if as_of is not None:
            graph.add((node, _SCOMM_asOf, _when(as_of)))
        if start is not None:
            graph.add((node, _SCOMM_periodStart, _when(start)))
        if end is not None:
            graph.add((node, _SCOMM_periodEnd, _when(end)))
        if not record.get("date"):
            first = as_of or start or end
            last = as_of or end or start
            if first is not None and last is not None:
                self.bounds(graph, node, first, last)
        comparator_label = "" if comparator == "exactly" else self.label("comparator", comparator) + " "
        return f"{self.label('measure', measure)}: {comparator_label}{value} {record.values['unit']}"

    def relation(self, graph: _Graph, node: IRI, record: Record) -> str:
        subject, obj = record.values["subject"], record.values["object"]
        concept = self.vocab.concept("relation", record.values["relation"])
        assert concept is not None and concept.direct_property is not None
        graph.add((node, _SCOMM_relation, concept.iri))
        graph.add((node, _RDF_subject, self.ref(subject)))
        graph.add((node, _RDF_predicate, concept.direct_property))
        graph.add((node, _RDF_object, self.ref(obj)))
        graph.add((self.ref(subject), concept.direct_property, self.ref(obj)))
        return f"{self.name(subject)} {concept.label} {self.name(obj)}"

    def post(self, graph: _Graph, node: IRI, record: Record) -> str:
        person = record.values["person"]
        graph.add((node, _SCOMM_postTitle, Literal(record.values["title"])))
        graph.add((node, _ORG_heldBy, self.ref(person)))
        graph.add((self.ref(person), _ORG_holds, node))
        where = []
        if record.get("organization"):
            graph.add((node, _ORG_postIn, self.ref(record.values["organization"])))
            where.append(self.name(record.values["organization"]))
        if record.get("jurisdiction"):
            graph.add((node, _SCOMM_jurisdiction, self.ref(record.values["jurisdiction"])))
            where.append(self.name(record.values["jurisdiction"]))
        if record.get("from"):
            graph.add((node, _SCHEMA_startDate, _when(record.values["from"])))
        if record.get("to"):
            graph.add((node, _SCHEMA_endDate, _when(record.values["to"])))
        suffix = f" ({', '.join(where)})" if where else ""
        return f"{self.name(person)}: {record.values['title']}{suffix}"

    def characterization(self, graph: _Graph, node: IRI, record: Record) -> str:
        subject = record.values["subject"]
        by = record.get("by") or record.source
        assert by is not None
        graph.add((node, _SCOMM_subject, self.ref(subject)))
        graph.add((node, _SCOMM_labelText, Literal(record.values["label"])))
        graph.add((node, _SCOMM_characterizedBy, self.ref(by)))
        return f"{self.name(by)} calls {self.name(subject)} \u201c{record.values['label']}\u201d"

    def process(self, graph: _Graph, node: IRI, record: Record) -> str:
        actor = record.values["actor"]
        graph.add((node, _SCOMM_stepOrder, Literal(record.values["step"])))
        graph.add((node, _SCOMM_actor, self.ref(actor)))
        graph.add((node, _SCOMM_action, self.concept("action", record.values["action"])))
        parts = [f"step {record.values['step']}: {self.name(actor)} {self.label('action', record.values['action'])}"]
        if record.get("item"):
            graph.add((node, _SCOMM_item, Literal(record.values["item"])))
            parts.append(str(record.values["item"]))
        if record.get("recipient"):
            graph.add((node, _SCOMM_recipient, self.ref(record.values["recipient"])))
            parts.append(f"to {self.name(record.values['recipient'])}")
        if record.get("system"):
            graph.add((node, _SCOMM_system, self.ref(record.values["system"])))
            parts.append(f"against {self.name(record.values['system'])}")
        if record.get("program"):
            graph.add((node, _SCOMM_about, self.ref(record.values["program"])))
        return " ".join(parts)

    def mention(self, graph: _Graph, node: IRI, record: Record) -> str:
        entity = record.values["entity"]
        assert record.source is not None
        graph.add((node, _SCOMM_mentionOf, self.ref(entity)))
        graph.add((SOURCE[record.source], _SCHEMA_mentions, self.ref(entity)))
        return f"{self.name(record.source)} mentions {self.name(entity)}"

    KIND_BUILDERS: dict[str, Callable[[_Builder, _Graph, IRI, Record], str]] = {
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
