"""The RDF the build makes from the mini fixture: statement nodes, direct triples, evidence."""

from __future__ import annotations

import pyoxigraph
import pytest

from graph.folders import Project
from graph.store.query import LocalBackend
from graph.store.embedded import open_store

ASK_PREFIXES = """
PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX id: <https://w3id.org/scomm-kg/id/>
PREFIX st: <https://w3id.org/scomm-kg/statement/>
PREFIX src: <https://w3id.org/scomm-kg/source/>
PREFIX pos: <https://w3id.org/scomm-kg/vocab/position/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX schema: <https://schema.org/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""


@pytest.fixture(scope="module")
def store(mini_built: Project) -> pyoxigraph.Store:
    return open_store(mini_built.out_dir)


def ask(store: pyoxigraph.Store, body: str) -> bool:
    result = store.query(ASK_PREFIXES + "ASK { " + body + " }", use_default_graph_as_union=True)
    assert isinstance(result, pyoxigraph.QueryBoolean)
    return bool(result)


@pytest.mark.parametrize(
    "pattern",
    [
        # the stance node and its direct triple, both in the source's named graph
        "GRAPH <https://w3id.org/scomm-kg/graph/source/doc-a> { st:alpha-seeks-opt-out a scomm:Stance ; "
        "scomm:actor id:alpha-county ; scomm:target id:beta-program ; scomm:position pos:seeks-opt-out ; "
        "dcterms:source src:doc-a . id:alpha-county scomm:seeksToOptOutOf id:beta-program }",
        # a month stays a month, with day bounds beside it
        'st:alpha-seeks-opt-out dcterms:date "2010-09"^^xsd:gYearMonth ; '
        'scomm:earliestDate "2010-09-01"^^xsd:date ; scomm:latestDate "2010-09-30"^^xsd:date',
        # the evidence annotation with both selectors and exact offsets
        "st:alpha-seeks-opt-out scomm:evidence ?ev . ?ev a oa:Annotation ; oa:hasBody st:alpha-seeks-opt-out ; "
        "oa:hasTarget ?t . ?t oa:hasSource src:doc-a ; oa:hasSelector ?q, ?p . ?q a oa:TextQuoteSelector . ?p a oa:TextPositionSelector . "
        '?q oa:exact "Alpha County, Calif., Sept. 2010: the county asked to opt out of the Beta Program." . '
        '?p oa:start "0"^^xsd:nonNegativeInteger ; oa:end "82"^^xsd:nonNegativeInteger',
        # relationship statement and its direct triple
        "st:gamma-in-delta rdf:subject id:gamma-agency ; rdf:predicate org:subOrganizationOf ; rdf:object id:delta-department . "
        "id:gamma-agency org:subOrganizationOf id:delta-department",
        # event roles materialize the generic participant property too
        "st:roe-letter a schema:Event ; scomm:sender id:jane-roe ; scomm:addressee id:alpha-county ; "
        "scomm:participant id:jane-roe, id:alpha-county",
        # posts
        'id:jane-roe org:holds st:roe-director . st:roe-director org:postIn id:gamma-agency ; scomm:postTitle "Director"',
        # contradiction marks are symmetric and kept apart from the sources' graphs
        "GRAPH <https://w3id.org/scomm-kg/graph/curation> { st:roe-opt-out-yes scomm:contradicts st:roe-opt-out-no . "
        "st:roe-opt-out-no scomm:contradicts st:roe-opt-out-yes }",
        # registry: names, aliases, classes from the entity type, and the FIPS link
        'GRAPH <https://w3id.org/scomm-kg/graph/registry> { id:california a scomm:Jurisdiction ; skos:altLabel "Calif." ; '
        "owl:sameAs <https://w3id.org/scomm-kg/ref/fips/06> }",
        # the characterization is the source's claim, not a type of the actor
        'st:critics-gamma scomm:labelText "heavy-handed" ; scomm:characterizedBy src:doc-a',
        # figures keep value, unit, comparator and as-of date
        'st:removals-a schema:value 1200.0 ; schema:unitText "persons" ; scomm:asOf "2011-04-30"^^xsd:date',
        # the manifest
        'src:doc-a a scomm:SourceDocument ; dcterms:title "Document A" ; dcterms:publisher id:epsilon-coalition',
    ],
)
def test_pattern_present(store: pyoxigraph.Store, pattern: str) -> None:
    assert ask(store, pattern), pattern


def test_labels_never_become_types(store: pyoxigraph.Store) -> None:
    assert not ask(store, 'id:gamma-agency ?p ?o . FILTER(CONTAINS(STR(?o), "heavy"))')


def test_every_statement_has_source_and_quote(store: pyoxigraph.Store) -> None:
    backend = LocalBackend(store)
    _, rows = backend.select(
        ASK_PREFIXES + "SELECT ?s WHERE { ?s a scomm:Statement . "
        "FILTER NOT EXISTS { ?s dcterms:source ?d ; scomm:evidence/oa:hasTarget/oa:hasSelector/oa:exact ?q } }"
    )
    assert rows == []
    _, counted = backend.select(ASK_PREFIXES + "SELECT (COUNT(?s) AS ?n) WHERE { ?s a scomm:Statement }")
    assert int(counted[0]["n"].value) == 15  # type: ignore[union-attr]
