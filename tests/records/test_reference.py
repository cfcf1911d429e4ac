"""The reference layer: every state, DC, territory and county-equivalent, keyed by FIPS."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from graph.folders import project
from graph.records.reference import GRAPH_IRI, jurisdictions, reference_nquads

REPO = Path(__file__).resolve().parents[2]
Q = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
"""


def store_of(nquads: str) -> ox.Store:
    store = ox.Store()
    store.bulk_load(nquads.encode(), format=ox.RdfFormat.N_QUADS)
    return store


def select(store: ox.Store, body: str) -> list[ox.QuerySolution]:
    return list(store.query(Q + body, use_default_graph_as_union=True))  # type: ignore[arg-type]


def test_every_state_dc_and_territory_is_there_with_its_code() -> None:
    top = {j.postal: (j.fips, j.etype) for j in jurisdictions() if j.parent_fips is None}
    assert len([c for c, (_, t) in top.items() if t == "state"]) == 50
    assert top["DC"] == ("11", "district")
    assert top["CA"] == ("06", "state")
    for code, fips in {"PR": "72", "GU": "66", "VI": "78", "AS": "60", "MP": "69"}.items():
        assert top[code] == (fips, "territory")


def test_counties_include_equivalents_and_independent_cities() -> None:
    counties = {j.fips: j for j in jurisdictions() if j.parent_fips is not None}
    assert len(counties) > 3200
    assert counties["06085"].name == "Santa Clara County"
    assert counties["51760"].name == "Richmond city"          # an independent city
    assert counties["22071"].name == "Orleans Parish"         # a Louisiana parish
    assert counties["02020"].parent_fips == "02"              # an Alaska borough
    assert counties["72127"].parent_fips == "72"              # a Puerto Rico municipio
    assert all(fips.startswith(j.parent_fips or "") for fips, j in counties.items())


def test_the_graph_says_name_code_type_and_containment() -> None:
    store = store_of(reference_nquads(project(REPO)))
    rows = select(store, """SELECT ?name ?fips ?state ?stateName WHERE {
        <https://w3id.org/scomm-kg/ref/fips/06085> skos:prefLabel ?name ; scomm:fips ?fips ;
            a scomm:Jurisdiction, schema:AdministrativeArea ;
            scomm:entityType <https://w3id.org/scomm-kg/vocab/entity-type/county> ;
            schema:containedInPlace ?state . ?state skos:prefLabel ?stateName ; a schema:State }""")
    assert [(r["name"].value, r["fips"].value, r["state"].value, r["stateName"].value) for r in rows] == [
        ("Santa Clara County", "06085", "https://w3id.org/scomm-kg/ref/fips/06", "California")
    ]
    # DC and territories are jurisdictions but not schema:State, as the entity-type scheme says
    assert not select(store, "SELECT * WHERE { <https://w3id.org/scomm-kg/ref/fips/72> a schema:State }")
    assert select(store, "SELECT * WHERE { <https://w3id.org/scomm-kg/ref/fips/72> a scomm:Jurisdiction }")
    # every county-level jurisdiction lies in a state-level one that is in the layer
    orphans = select(store, """SELECT ?c WHERE { ?c scomm:entityType <https://w3id.org/scomm-kg/vocab/entity-type/county> .
        FILTER NOT EXISTS { ?c schema:containedInPlace ?s . ?s scomm:fips ?f } }""")
    assert orphans == []


def test_everything_is_in_its_own_named_graph_sorted_and_deterministic() -> None:
    first = reference_nquads(project(REPO))
    assert first == reference_nquads(project(REPO))
    lines = first.splitlines()
    assert lines == sorted(lines)
    assert all(line.endswith(f"<{GRAPH_IRI}> .") for line in lines)


def test_classes_come_from_the_entity_type_scheme(tmp_path: Path) -> None:
    shutil.copytree(REPO / "ontology", tmp_path / "ontology")
    vocab = tmp_path / "ontology" / "vocabularies.ttl"
    text = vocab.read_text(encoding="utf-8")
    marker = "scomm:entityClass scomm:Jurisdiction, schema:AdministrativeArea, prov:Agent .\netype:city"
    assert marker in text  # the county concept's classes, just before the city concept
    vocab.write_text(text.replace(marker, marker.replace("prov:Agent .", "prov:Agent, schema:Place .")), encoding="utf-8")
    store = store_of(reference_nquads(project(tmp_path)))
    assert select(store, "SELECT * WHERE { <https://w3id.org/scomm-kg/ref/fips/06085> a schema:Place }")
    assert not select(store, "SELECT * WHERE { <https://w3id.org/scomm-kg/ref/fips/06> a schema:Place }")
