"""Every term the graph and the ontology use exists in its vocabulary and is used where its
definition puts it; the shapes hold with and without RDFS inference.

Term lists: rdflib's closed namespaces (PROV, ORG, FOAF, SKOS, Dublin Core, RDF, RDFS, OWL,
XSD, SHACL), schema.org's release 30.0 and the Web Annotation vocabulary vendored under
ontology/vendor/ with their licences, the project's own terms from ontology/*.ttl.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD, DefinedNamespace

from graph.build.validate import curated_graph
from graph.build.vocabulary import load_ontology
from graph.folders import Project
from graph.namespaces import BASE

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
CLOSED: tuple[type[DefinedNamespace], ...] = (DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, XSD)
# rdflib lists these as attributes of the namespace but not as annotations
EXTRA = {str(RDF) + "type", str(RDFS) + "label", str(RDFS) + "comment", str(SH) + "class", str(SH) + "or",
         str(SH) + "and", str(SH) + "not", str(SH) + "in"}  # Python keywords: rdflib cannot annotate them
EDTF = "http://id.loc.gov/datatypes/edtf/EDTF"  # the EDTF datatype (Library of Congress)
# SKOS: the semantic and mapping relations hold between concepts (SKOS Reference, 8.6.5 and 10)
SKOS_RELATIONS = {SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch, SKOS.relatedMatch,
                  SKOS.broader, SKOS.narrower, SKOS.related, SKOS.broaderTransitive, SKOS.narrowerTransitive}


def vendored(name: str) -> dict[str, tuple[str, set[str]]]:
    """term -> (kind, supertypes or domain) from a vendored TSV list; a superseded term's kind
    ends in "superseded"."""
    terms = {}
    for line in (ONTOLOGY / "vendor" / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cells = line.split("\t") + ["", ""]
        kind = cells[1] + (" superseded" if cells[3] == "superseded" else "")
        terms[cells[0]] = (kind, {c for c in cells[2].split(",") if c})
    return terms


@pytest.fixture(scope="module")
def schema_org() -> dict[str, tuple[str, set[str]]]:
    return vendored("schemaorg-30.0.tsv")


@pytest.fixture(scope="module")
def web_annotation() -> dict[str, tuple[str, set[str]]]:
    return vendored("oa-terms.tsv")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology(ONTOLOGY)


@pytest.fixture(scope="module")
def data(corpus_built: Project) -> Graph:
    """The union of the built graphs (ontology, registry, sources, statements, reference layer)."""
    dataset = Dataset()
    dataset.parse(corpus_built.out_dir / "graph.nq", format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def used_terms(graph: Graph) -> set[URIRef]:
    """Properties, classes, and the terms the ontology and shapes point at."""
    terms: set[URIRef] = set()
    pointers = {RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, OWL.inverseOf,
                SH.path, SH["class"], SH.targetClass, SH.datatype, SH.targetSubjectsOf, SH.targetObjectsOf,
                URIRef(BASE + "ontology#directProperty")}
    for s, p, o in graph:
        terms.add(p)
        if p in pointers and isinstance(o, URIRef):
            terms.add(o)
    return terms


def unknown_terms(graphs: list[Graph], ontology: Graph, schema_org: dict[str, tuple[str, set[str]]],
                  web_annotation: dict[str, tuple[str, set[str]]]) -> list[str]:
    declared = {str(s) for s in ontology.subjects(RDF.type, None)}
    unknown = []
    for term in sorted(set().union(*(used_terms(g) for g in graphs))):
        iri = str(term)
        if iri.startswith(BASE):
            ok = iri in declared or not iri.startswith(BASE + "ontology#")  # data IRIs are not terms
        elif iri.startswith(SCHEMA):
            ok = iri[len(SCHEMA):] in schema_org and "superseded" not in schema_org[iri[len(SCHEMA):]][0]
        elif iri.startswith(OA):
            ok = iri[len(OA):] in web_annotation
        elif iri == EDTF:
            ok = True
        else:
            namespace = next((ns for ns in CLOSED if iri.startswith(str(ns._NS))), None)
            ok = namespace is not None and (iri[len(str(namespace._NS)):] in namespace.__annotations__ or iri in EXTRA)
        if not ok:
            unknown.append(iri)
    return unknown


def test_every_term_exists_in_its_vocabulary(data: Graph, ontology: Graph,
                                             schema_org: dict[str, tuple[str, set[str]]],
                                             web_annotation: dict[str, tuple[str, set[str]]]) -> None:
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    unknown = unknown_terms([data, ontology, shapes], ontology, schema_org, web_annotation)
    assert not unknown, "terms that their vocabulary does not define:\n" + "\n".join(unknown)


def test_the_checks_catch_the_cases_issue_16_found(ontology: Graph, schema_org: dict[str, tuple[str, set[str]]],
                                                    web_annotation: dict[str, tuple[str, set[str]]]) -> None:
    bad = Graph().parse(data="""
        @prefix schema: <https://schema.org/> . @prefix scomm: <https://w3id.org/scomm-kg/ontology#> .
        @prefix prov: <http://www.w3.org/ns/prov#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> .
        <urn:doc> a scomm:SourceDocument ; schema:characterCount 120 ; foaf:nmae "x" .
        <urn:event> a scomm:EventRecord, prov:Activity ; schema:sender <urn:a> .
    """, format="turtle")
    assert unknown_terms([bad], ontology, schema_org, web_annotation) == [
        "http://xmlns.com/foaf/0.1/nmae", "https://schema.org/characterCount"]
    assert schema_domain_problems(bad, ontology, schema_org) == {
        "schema:sender on https://schema.org/Event, https://schema.org/Thing, "
        "https://w3id.org/scomm-kg/ontology#EventRecord, https://w3id.org/scomm-kg/ontology#Statement": 1}
    types = types_closure(bad, ontology, schema_org)
    assert {str(PROV.Activity), str(PROV.Entity)} <= types[URIRef("urn:event")]


def types_closure(graph: Graph, ontology: Graph, schema_org: dict[str, tuple[str, set[str]]]) -> dict[URIRef, set[str]]:
    """Each node's classes with every superclass (the ontology's and schema.org's), as IRIs."""
    supers: dict[str, set[str]] = defaultdict(set)
    for sub, sup in ontology.subject_objects(RDFS.subClassOf):
        supers[str(sub)].add(str(sup))
    for name, (kind, parents) in schema_org.items():
        if kind.startswith("type"):
            supers[SCHEMA + name] |= {SCHEMA + p for p in parents}

    def up(cls: str, seen: set[str]) -> set[str]:
        for parent in supers.get(cls, ()):
            if parent not in seen:
                seen.add(parent)
                up(parent, seen)
        return seen

    closure: dict[URIRef, set[str]] = defaultdict(set)
    for node, cls in graph.subject_objects(RDF.type):
        closure[node] |= up(str(cls), {str(cls)})  # type: ignore[index]
    return closure


def schema_domain_problems(graph: Graph, ontology: Graph, schema_org: dict[str, tuple[str, set[str]]]) -> dict[str, int]:
    types = types_closure(graph, ontology, schema_org)
    wrong: dict[str, int] = defaultdict(int)
    for s, p, _ in graph:
        name = str(p)[len(SCHEMA):] if str(p).startswith(SCHEMA) else None
        if name is None or not schema_org.get(name, ("", set()))[1] or "Thing" in schema_org[name][1]:
            continue  # no domain, or any thing
        domain = {SCHEMA + d for d in schema_org[name][1]}
        if not types[s] & domain:  # type: ignore[index]
            kinds = sorted(t for t in types[s] if t.startswith(BASE) or t.startswith(SCHEMA))  # type: ignore[index]
            wrong[f"schema:{name} on {', '.join(kinds) or 'an untyped node'}"] += 1
    return dict(wrong)


def test_schema_org_properties_are_used_on_their_domain(data: Graph, ontology: Graph,
                                                        schema_org: dict[str, tuple[str, set[str]]]) -> None:
    wrong = schema_domain_problems(data, ontology, schema_org)
    assert not wrong, "schema.org properties used outside their domainIncludes:\n" + "\n".join(f"{k} ({n})" for k, n in sorted(wrong.items()))


def test_web_annotation_properties_are_used_on_their_domain(data: Graph, ontology: Graph,
                                                            web_annotation: dict[str, tuple[str, set[str]]]) -> None:
    supers = {OA + name: {OA + p for p in parents} for name, (kind, parents) in web_annotation.items() if kind.startswith("type")}
    wrong = set()
    for s, p, _ in data:
        name = str(p)[len(OA):] if str(p).startswith(OA) else None
        if name is None or not web_annotation[name][1]:
            continue
        classes = {str(c) for c in data.objects(s, RDF.type)}
        classes |= {sup for c in classes for sup in supers.get(c, set())}
        classes |= {sup for c in set(classes) for sup in supers.get(c, set())}
        if not classes & {OA + d for d in web_annotation[name][1]}:
            wrong.add(f"oa:{name} on {sorted(classes)}")
    assert not wrong, "\n".join(sorted(wrong))


def test_prov_activities_are_not_entities(data: Graph, ontology: Graph, schema_org: dict[str, tuple[str, set[str]]]) -> None:
    """PROV-O: prov:Activity and prov:Entity are disjoint, also through domains and ranges."""
    types = types_closure(data, ontology, schema_org)
    activity, entity = str(PROV.Activity), str(PROV.Entity)
    for s, p, o in data:  # PROV's own domains and ranges that would make a node an activity
        if p in (PROV.wasGeneratedBy, PROV.used, PROV.wasInformedBy, PROV.wasAssociatedWith, PROV.wasStartedBy, PROV.wasEndedBy):
            types[o if p == PROV.wasGeneratedBy else s].add(activity)  # type: ignore[index]
    both = sorted(str(n) for n, classes in types.items() if activity in classes and entity in classes)
    assert not both, "both prov:Activity and prov:Entity:\n" + "\n".join(both)


def test_skos_relations_link_concepts(data: Graph, ontology: Graph, schema_org: dict[str, tuple[str, set[str]]]) -> None:
    types = types_closure(data, ontology, schema_org)
    concept = str(SKOS.Concept)
    wrong = sorted({f"skos:{str(p).rsplit('#', 1)[1]}" for s, p, o in data if p in SKOS_RELATIONS
                    and not (concept in types[s] and concept in types[o])})  # type: ignore[index]
    assert not wrong, "SKOS relations between nodes that are not skos:Concept: " + ", ".join(wrong)


def test_project_properties_are_used_on_their_domain(data: Graph, ontology: Graph,
                                                     schema_org: dict[str, tuple[str, set[str]]]) -> None:
    types = types_closure(data, ontology, schema_org)
    domains = {p: str(d) for p, d in ontology.subject_objects(RDFS.domain) if str(p).startswith(BASE)}
    wrong: dict[str, int] = defaultdict(int)
    for s, p, _ in data:
        if p in domains and domains[p] not in types[s]:  # type: ignore[index]
            wrong[f"{p} on {sorted(types[s])}"] += 1  # type: ignore[index]
    assert not wrong, "\n".join(f"{k} ({n})" for k, n in sorted(wrong.items()))


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_shapes_hold_with_and_without_rdfs_inference(corpus_built: Project, inference: str) -> None:
    """The build validates without inference; under RDFS with the ontology nothing may break."""
    dataset = Dataset()
    dataset.parse(corpus_built.out_dir / "graph.nq", format="nquads")
    curated = curated_graph(dataset)
    conforms, _, text = validate(curated, shacl_graph=Graph().parse(ONTOLOGY / "shapes.ttl"),
                                 ont_graph=load_ontology(ONTOLOGY), inference=inference, advanced=True)
    assert conforms, str(text)[:3000]
