"""The ontology: every term labelled and defined; the Python namespace matches the Turtle."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.namespaces import SCOMM, SCOMM_TERMS
from graph.build.vocabulary import load_ontology, vocabulary

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
NS = "https://w3id.org/scomm-kg/"


def graph() -> Graph:
    return load_ontology(ONTOLOGY)


def test_header() -> None:
    g = graph()
    onto = URIRef(NS + "ontology")
    assert (onto, RDF.type, OWL.Ontology) in g
    for prop in ("title", "description", "license"):
        assert g.value(onto, URIRef("http://purl.org/dc/terms/" + prop)) is not None, prop
    assert g.value(onto, OWL.versionIRI) is not None


def test_every_project_term_has_label_and_definition() -> None:
    g = graph()
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
    missing = sorted(
        str(t) for t in terms
        if (g.value(t, RDFS.label) is None and g.value(t, SKOS.prefLabel) is None) or g.value(t, SKOS.definition) is None
    )
    assert missing == []


def test_python_namespace_terms_are_declared() -> None:
    g = graph()
    declared = {str(s) for s in g.subjects(RDF.type, None) if str(s).startswith(str(SCOMM))}
    in_python = {str(SCOMM) + name for name in SCOMM_TERMS}
    assert in_python - declared == set()
    core = Graph().parse(ONTOLOGY / "scomm.ttl")
    core_terms = {str(s) for s in core.subjects(RDF.type, None) if str(s).startswith(str(SCOMM))}
    assert core_terms - in_python == set()


def test_direct_properties_are_declared() -> None:
    g = graph()
    vocab = vocabulary(g)
    for scheme in ("position", "relation", "role"):
        for concept in vocab.schemes[scheme].values():
            prop = concept.direct_property
            assert prop is not None, concept.notation
            if str(prop).startswith(str(SCOMM)):
                assert (URIRef(prop), RDF.type, OWL.ObjectProperty) in g, prop  # concepts hold plain IRIs


def test_positions_are_signed_and_rooted() -> None:
    vocab = vocabulary(graph())
    positions = vocab.schemes["position"]
    assert {"supports", "opposes", "suspends-participation", "refuses-to-join", "seeks-opt-out",
            "seeks-to-narrow", "calls-for-moratorium"} <= set(positions)
    for concept in positions.values():
        assert concept.polarity in (1, -1)


def test_generated_ontology_doc_is_current() -> None:
    from graph.build.ontology_doc import markdown

    committed = (ONTOLOGY.parent / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert committed == markdown(ONTOLOGY), "docs/ontology.md is out of date: run `scomm ontology-doc`"
