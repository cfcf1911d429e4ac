"""What a release says about itself: a DCAT/VoID description, a CITATION.cff, a README.

The description uses each vocabulary in its own sense: the release is a `dcat:Dataset`
(DCAT 3: `dcat:version`, distributions with `dcat:byteSize`, `dcat:mediaType` and an
`spdx:checksum`) and a `void:Dataset` (VoID: `void:triples`, `void:distinctSubjects`,
`void:properties`, `void:vocabulary`, `void:exampleResource`); as an RDF dataset it is an
`sd:Dataset` whose `sd:namedGraph`s pair an `sd:name` with an `sd:Graph` that is also a
`void:Dataset` subset with its own size (the SPARQL 1.1 Service Description pattern).
Example queries are `sh:SPARQLSelectExecutable`s with their `sh:select` text (the SHACL
terms the SIB "SPARQL examples" convention uses), `schema:target` the dataset.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, RDFS, SH, VOID, XSD

from graph.namespaces import BASE

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SCHEMA = Namespace("https://schema.org/")
MEDIA = "https://www.iana.org/assignments/media-types/"
DCAT3_VERSION = URIRef("http://www.w3.org/ns/dcat#version")  # DCAT 3; rdflib's DCAT namespace is DCAT 2
TITLE = "scomm-kg: an evidence-backed knowledge graph of the Secure Communities debate (2008-2013)"
ABSTRACT = (
    "Actors, programs and positions around the US Secure Communities immigration-enforcement program, "
    "from five source documents that disagree with each other. Every stance, claim, event, relationship "
    "and figure is a statement made by a source document, with the exact quote and its character offsets "
    "(a W3C Web Annotation); where sources disagree, both sides are kept."
)
RIGHTS = ("The quoted passages are excerpts of the source documents and remain their authors'; the "
          "documents themselves are not part of the release (sources.csv gives each one's SHA-256).")
KEYWORDS = ("Secure Communities", "immigration enforcement", "knowledge graph", "discourse network",
            "provenance", "Web Annotation")


@dataclass(frozen=True)
class Member:
    """One file of the archive, as the description lists it."""

    path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class DatasetFacts:
    """What the description counts in the dataset (from graph.nq)."""

    quads: int
    subjects: int
    properties: int
    graphs: dict[str, int]  # named graph IRI -> quads in it
    vocabularies: tuple[str, ...]


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    sparql: str


DISTRIBUTIONS = {
    "data/graph.trig": ("The dataset in TriG (named graphs)", "application/trig"),
    "data/graph.nq": ("The dataset in N-Quads (named graphs, sorted)", "application/n-quads"),
    "tables/statements.csv": ("Statements, one row per statement, actor and target", "text/csv"),
    "tables/entities.csv": ("Entities, events and source documents with their kind", "text/csv"),
    "tables/sources.csv": ("The source documents", "text/csv"),
}


def dataset_iri(version: str) -> URIRef:
    return URIRef(f"{BASE}release/{version}")


def describe(version: str, license_id: str, facts: DatasetFacts, members: dict[str, Member],
             examples: list[Example], sources: list[str]) -> bytes:
    """The release's DCAT/VoID description as Turtle."""
    g = Graph()
    for prefix, ns in (("dcat", DCAT), ("dcterms", DCTERMS), ("void", VOID), ("sd", SD), ("spdx", SPDX),
                       ("sh", SH), ("schema", SCHEMA), ("xsd", XSD), ("rdfs", RDFS)):
        g.bind(prefix, ns)
    ds = dataset_iri(version)
    here = f"{ds}/"
    for cls in (DCAT.Dataset, VOID.Dataset, SD.Dataset):
        g.add((ds, RDF.type, cls))
    g.add((ds, DCTERMS.title, Literal(TITLE, lang="en")))
    g.add((ds, DCTERMS.description, Literal(ABSTRACT, lang="en")))
    g.add((ds, DCTERMS.license, URIRef(f"http://spdx.org/licenses/{license_id}")))
    g.add((ds, DCTERMS.rights, Literal(RIGHTS, lang="en")))
    g.add((ds, DCAT3_VERSION, Literal(version)))
    for word in KEYWORDS:
        g.add((ds, DCAT.keyword, Literal(word, lang="en")))
    for source in sources:
        g.add((ds, DCTERMS.source, URIRef(source)))
    g.add((ds, VOID.triples, Literal(facts.quads, datatype=XSD.integer)))
    g.add((ds, VOID.distinctSubjects, Literal(facts.subjects, datatype=XSD.integer)))
    g.add((ds, VOID.properties, Literal(facts.properties, datatype=XSD.integer)))
    g.add((ds, VOID.uriSpace, Literal(BASE)))
    g.add((ds, VOID.exampleResource, URIRef(f"{BASE}id/secure-communities")))
    for vocabulary in facts.vocabularies:
        g.add((ds, VOID.vocabulary, URIRef(vocabulary)))
    for i, (name, count) in enumerate(sorted(facts.graphs.items()), start=1):
        named, graph = URIRef(f"{here}named-graph/{i}"), URIRef(f"{here}graph/{i}")
        g.add((ds, SD.namedGraph, named))
        g.add((named, RDF.type, SD.NamedGraph))
        g.add((named, SD.name, URIRef(name)))
        g.add((named, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        g.add((graph, RDF.type, VOID.Dataset))
        g.add((graph, VOID.triples, Literal(count, datatype=XSD.integer)))
        g.add((ds, VOID.subset, graph))
    for path, (title, media) in DISTRIBUTIONS.items():
        member = members.get(path)
        if member is None:
            continue
        dist = URIRef(here + path)
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCTERMS.title, Literal(title, lang="en")))
        g.add((dist, DCAT.downloadURL, dist))
        g.add((dist, DCAT.mediaType, URIRef(MEDIA + media)))
        g.add((dist, DCAT.byteSize, Literal(member.size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode(f"checksum{len(path)}{member.sha256[:16]}")
        g.add((dist, SPDX.checksum, checksum))
        g.add((checksum, RDF.type, SPDX.Checksum))
        g.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        g.add((checksum, SPDX.checksumValue, Literal(member.sha256, datatype=XSD.hexBinary)))
        if path.startswith("data/"):
            g.add((ds, VOID.dataDump, dist))
    for example in examples:
        ex = URIRef(f"{here}example/{example.name}")
        g.add((ex, RDF.type, SH.SPARQLExecutable))
        g.add((ex, RDF.type, SH.SPARQLSelectExecutable))
        g.add((ex, RDFS.label, Literal(example.title, lang="en")))
        if example.description:
            g.add((ex, RDFS.comment, Literal(example.description, lang="en")))
        g.add((ex, SH.select, Literal(example.sparql)))
        g.add((ex, SCHEMA.target, ds))
    text = g.serialize(format="turtle")
    return text.encode("utf-8") if isinstance(text, str) else bytes(text)


def citation(version: str, license_id: str) -> bytes:
    """CITATION.cff (Citation File Format 1.2.0) for the release."""
    cff: dict[str, Any] = {
        "cff-version": "1.2.0",
        "message": "If you use this dataset, please cite it as below.",
        "type": "dataset",
        "title": TITLE,
        "version": version,
        "license": license_id,
        "authors": [{"name": "The scomm-kg project"}],
        "abstract": ABSTRACT,
        "keywords": list(KEYWORDS),
        "identifiers": [{"type": "url", "value": str(dataset_iri(version)),
                         "description": "The release's IRI in the dataset description (metadata/dataset.ttl)"}],
    }
    return yaml.safe_dump(cff, sort_keys=False, allow_unicode=True, width=100).encode("utf-8")


def readme(version: str, license_id: str, facts: DatasetFacts, has_explorer: bool) -> bytes:
    """README.md of the archive: what is in it and how a user starts."""
    explorer = ("- `explorer/`: the interactive graph; open `explorer/index.html` in a browser (works offline).\n"
                if has_explorer else "- (no explorer: it was not drawn before this release; `scomm viz` draws it)\n")
    text = f"""# {TITLE}

Version {version}. Licence: {license_id} (SPDX). {RIGHTS}

{ABSTRACT}

## What is here

- `data/graph.trig`, `data/graph.nq`: the dataset, {facts.quads} quads in {len(facts.graphs)} named graphs
  (each source document's statements in its own graph).
- `tables/statements.csv`, `tables/entities.csv`, `tables/sources.csv`: flat tables for
  spreadsheets and pandas (`pandas.read_csv("tables/statements.csv", parse_dates=["earliest", "latest"])`).
{explorer}- `ontology/`: the terms (`scomm.ttl`, `vocabularies.ttl`, `shapes.ttl`, ...) and `ontology/ontology.md`,
  every term with its label and definition.
- `queries/`: the library of questions as SPARQL files, each with a title and description.
- `metadata/dataset.ttl`: the DCAT/VoID description (licence, version, sizes, named graphs,
  example queries); `CITATION.cff`: how to cite it.
- `SHA256SUMS`: the checksum of every other file; check with `sha256sum -c SHA256SUMS`.

## How to start

Load `data/graph.trig` into any SPARQL store (Oxigraph, Jena, GraphDB, Virtuoso...), or in
Python: `pyoxigraph.Store().bulk_load(path="data/graph.nq", format=pyoxigraph.RdfFormat.N_QUADS)`.
Query the union of the named graphs as the default graph, or scope a question to one source
with `GRAPH <https://w3id.org/scomm-kg/graph/source/ID>`.
"""
    return text.encode("utf-8")
