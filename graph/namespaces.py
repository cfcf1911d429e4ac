"""The namespaces of the graph: the project's own and the standard vocabularies it reuses."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/scomm-kg/"

class SCOMM(DefinedNamespace):
    """The project's own terms (ontology/scomm.ttl); a misspelt term fails at once."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Agreement: URIRef
    Campaign: URIRef
    Characterization: URIRef
    Claim: URIRef
    Contradiction: URIRef
    EventRecord: URIRef
    InformationSystem: URIRef
    Jurisdiction: URIRef
    Mention: URIRef
    Policy: URIRef
    PolicyInstrument: URIRef
    PostRecord: URIRef
    ProcessStep: URIRef
    Program: URIRef
    Relationship: URIRef
    SourceDocument: URIRef
    Stance: URIRef
    Statement: URIRef
    StatisticalClaim: URIRef
    about: URIRef
    action: URIRef
    actor: URIRef
    addressee: URIRef
    after: URIRef
    answer: URIRef
    asOf: URIRef
    between: URIRef
    callsForMoratoriumOn: URIRef
    callsToEnd: URIRef
    callsToHalt: URIRef
    characterCount: URIRef
    characterizedBy: URIRef
    comparator: URIRef
    consultsWith: URIRef
    contradicts: URIRef
    contradictionBasis: URIRef
    corroborates: URIRef
    criticizes: URIRef
    dateBasis: URIRef
    dateForm: URIRef
    dateNote: URIRef
    directedAt: URIRef
    directProperty: URIRef
    earliestDate: URIRef
    entityClass: URIRef
    entityType: URIRef
    eventType: URIRef
    evidence: URIRef
    expands: URIRef
    fips: URIRef
    informationSharingParty: URIRef
    item: URIRef
    jurisdiction: URIRef
    labelText: URIRef
    latestDate: URIRef
    measure: URIRef
    mentionOf: URIRef
    occasion: URIRef
    operatedBy: URIRef
    opposes: URIRef
    participant: URIRef
    periodEnd: URIRef
    periodStart: URIRef
    perspective: URIRef
    plaintiff: URIRef
    polarity: URIRef
    position: URIRef
    postTitle: URIRef
    question: URIRef
    reason: URIRef
    recipient: URIRef
    refusesToJoin: URIRef
    relation: URIRef
    reportedBy: URIRef
    scope: URIRef
    seeksDisclosureOn: URIRef
    seeksToNarrow: URIRef
    seeksToOptOutOf: URIRef
    sender: URIRef
    signer: URIRef
    stepOrder: URIRef
    subject: URIRef
    supersededBy: URIRef
    supports: URIRef
    suspendsParticipationIn: URIRef
    system: URIRef
    target: URIRef
    usesSystem: URIRef


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

ONTOLOGY_GRAPH = GRAPH["ontology"]
REGISTRY_GRAPH = GRAPH["registry"]
SOURCES_GRAPH = GRAPH["sources"]
ANALYSIS_GRAPH = GRAPH["analysis"]


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
