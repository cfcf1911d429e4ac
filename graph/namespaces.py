"""The namespaces of the graph: the project's own and the standard vocabularies it reuses."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

BASE = "https://w3id.org/scomm-kg/"


def _uriref(iri: str) -> Any:
    from rdflib import URIRef  # only where a caller asks for rdflib terms: the build never does

    return URIRef(iri)


class Namespace(str):
    """An IRI prefix: `NS.name` and `NS["name"]` are the term's IRI as an rdflib URIRef.

    rdflib is imported on the first such term, not with this module: the build's path
    (pyoxigraph terms) never loads it. `NS.iris` is the same namespace giving plain strings.
    With `terms`, a name outside them (a misspelt term) fails at once (AttributeError).
    """

    _terms: frozenset[str] | None

    def __new__(cls, iri: str, terms: Iterable[str] | None = None) -> Namespace:
        made = super().__new__(cls, iri)
        made._terms = frozenset(terms) if terms is not None else None
        return made

    def _iri(self, name: str) -> str:
        if self._terms is not None and name not in self._terms:
            raise AttributeError(f"term {name!r} not in {str(self)}")
        return str.__add__(self, name)

    def __getitem__(self, name: str) -> Any:  # type: ignore[override]
        return _uriref(self._iri(name))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    @property
    def title(self) -> Any:  # dcterms:title, not str.title (other str method names: NS["name"])
        return self["title"]

    @property
    def iris(self) -> Prefix:
        """The same namespace, its terms as plain IRI strings."""
        return Prefix(self, self._terms)


class Prefix(Namespace):
    """A namespace whose terms are plain IRI strings (no rdflib)."""

    def __getitem__(self, name: str) -> Any:  # type: ignore[override]
        return self._iri(name)


class _ScommTerms:
    """The names of the project's own terms (ontology/scomm.ttl)."""

    Agreement: str
    Campaign: str
    Characterization: str
    Claim: str
    Contradiction: str
    EventRecord: str
    InformationSystem: str
    Jurisdiction: str
    Mention: str
    Policy: str
    PolicyInstrument: str
    PostRecord: str
    ProcessStep: str
    Program: str
    Relationship: str
    SourceDocument: str
    Stance: str
    Statement: str
    StatisticalClaim: str
    about: str
    action: str
    actor: str
    addressee: str
    after: str
    answer: str
    asOf: str
    between: str
    callsForMoratoriumOn: str
    callsToEnd: str
    callsToHalt: str
    characterCount: str
    characterizedBy: str
    comparator: str
    consultsWith: str
    contradicts: str
    contradictionBasis: str
    corroborates: str
    criticizes: str
    dateBasis: str
    dateForm: str
    dateNote: str
    directedAt: str
    directProperty: str
    earliestDate: str
    entityClass: str
    entityType: str
    eventType: str
    evidence: str
    expands: str
    fips: str
    governingBodyOf: str
    informationSharingParty: str
    item: str
    jurisdiction: str
    labelText: str
    latestDate: str
    measure: str
    mentionOf: str
    occasion: str
    operatedBy: str
    opposes: str
    participant: str
    periodEnd: str
    periodStart: str
    perspective: str
    plaintiff: str
    polarity: str
    position: str
    postTitle: str
    question: str
    reason: str
    recipient: str
    refusesToJoin: str
    relation: str
    reportedBy: str
    scope: str
    seeksDisclosureOn: str
    seeksToNarrow: str
    seeksToOptOutOf: str
    sender: str
    signer: str
    stepOrder: str
    subject: str
    supersededBy: str
    supports: str
    suspendsParticipationIn: str
    system: str
    target: str
    usesSystem: str


SCOMM_TERMS = frozenset(_ScommTerms.__annotations__)
SCOMM = Namespace(BASE + "ontology#", SCOMM_TERMS)
"""The project's own terms; a misspelt term fails at once."""

# The standard vocabularies the graph reuses.
DCTERMS = Namespace("http://purl.org/dc/terms/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
PROV = Namespace("http://www.w3.org/ns/prov#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")

ID = Namespace(BASE + "id/")
SOURCE = Namespace(BASE + "source/")
STATEMENT = Namespace(BASE + "statement/")
EVIDENCE = Namespace(BASE + "evidence/")
VOCAB = Namespace(BASE + "vocab/")
GRAPH = Namespace(BASE + "graph/")
REF_FIPS = Namespace(BASE + "ref/fips/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

ONTOLOGY_GRAPH = GRAPH.iris["ontology"]
REGISTRY_GRAPH = GRAPH.iris["registry"]
SOURCES_GRAPH = GRAPH.iris["sources"]
ANALYSIS_GRAPH = GRAPH.iris["analysis"]


def source_graph(source_id: str) -> str:
    """The IRI of the named graph holding what one source says."""
    return f"{BASE}graph/source/{source_id}"


PREFIXES: dict[str, str] = {
    "scomm": BASE + "ontology#",
    "id": str(ID),
    "src": str(SOURCE),
    "st": str(STATEMENT),
    "ev": str(EVIDENCE),
    "etype": str(VOCAB) + "entity-type/",
    "pos": str(VOCAB) + "position/",
    "evt": str(VOCAB) + "event-type/",
    "role": str(VOCAB) + "role/",
    "rel": str(VOCAB) + "relation/",
    "msr": str(VOCAB) + "measure/",
    "q": str(VOCAB) + "question/",
    "ans": str(VOCAB) + "answer/",
    "cmp": str(VOCAB) + "comparator/",
    "basis": str(VOCAB) + "date-basis/",
    "act": str(VOCAB) + "action/",
    "persp": str(VOCAB) + "perspective/",
    "schema": "https://schema.org/",
    "oa": "http://www.w3.org/ns/oa#",
    "prov": str(PROV),
    "org": str(ORG),
    "foaf": str(FOAF),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}
