"""The library queries that read the build's derived shortcuts (ontology/shortcuts.ttl)
give the same answers as the joins they replace (kept in tests/fixtures/queries-joined/)."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest

from graph.folders import Project
from graph.store.embedded import open_store
from graph.store.query import LocalBackend, library, parse_query, run

JOINED = Path(__file__).resolve().parents[1] / "fixtures" / "queries-joined"
PARAMS = {
    "actor-record": [{"actor": "janet-napolitano"}, {"actor": "santa-clara-county"}, {"actor": "ice"}],
    "event-participants": [{"event": "napolitano-letter-to-lofgren-2010-09"}],
    "under-umbrella": [{"umbrella": "dhs"}, {"umbrella": "ice-access"}],
    "opponents": [{}, {"source": "backgrounder-2011"}],
    "activation-and-opt-out": [{}, {"jurisdiction": "santa-clara-county"}],
    "answer-differences": [{}, {"question": "opt-out-possible"}],
}


@pytest.fixture(scope="module")
def backend(corpus_built: Project) -> LocalBackend:
    return LocalBackend(open_store(corpus_built.out_dir))


@pytest.mark.parametrize("name", sorted(p.stem for p in JOINED.glob("*.rq")))
def test_shortcut_query_answers_as_the_join(backend: LocalBackend, name: str) -> None:
    joined = parse_query((JOINED / f"{name}.rq").read_text(encoding="utf-8"), name)
    for params in PARAMS.get(name, [{}]):
        expected = run(backend, joined, params)
        got = run(backend, library()[name], params)
        assert got.columns == expected.columns
        assert normal(got.rows) == normal(expected.rows), f"{name} {params}"


def normal(rows: list[dict]) -> list[dict]:
    """GROUP_CONCAT's order is the engine's (SPARQL leaves it open): compare its parts as sets."""
    return [{k: (sorted(v.value.split(", ")) if k == "positions" and v is not None else v) for k, v in r.items()} for r in rows]


def test_shortcuts_sit_in_the_statements_source_graph(corpus_built: Project) -> None:
    store = open_store(corpus_built.out_dir)
    rows = list(store.query("""
        SELECT ?g ?st WHERE { GRAPH ?g { ?st <https://w3id.org/scomm-kg/ontology#quoteText> ?q }
          FILTER NOT EXISTS { GRAPH ?g { ?st <http://purl.org/dc/terms/source> ?doc } } }"""))
    assert rows == []
    count = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?st <https://w3id.org/scomm-kg/ontology#sortKey> ?k } }")))
    assert isinstance(count["n"], pyoxigraph.Literal) and int(count["n"].value) > 0


def test_each_statement_sits_in_one_graph_that_holds_one_source(corpus_built: Project) -> None:
    """coverage-by-position and coverage-by-source count sources as graphs: this must hold."""
    store = open_store(corpus_built.out_dir)
    prefixes = "PREFIX scomm: <https://w3id.org/scomm-kg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
    mixed = list(store.query(prefixes + """SELECT ?g WHERE { GRAPH ?g { ?st a scomm:Statement ; dcterms:source ?doc } }
        GROUP BY ?g HAVING (COUNT(DISTINCT ?doc) > 1)"""))
    assert mixed == []
    twice = list(store.query(prefixes + """SELECT ?st WHERE { GRAPH ?g1 { ?st a scomm:Statement } GRAPH ?g2 { ?st a scomm:Statement }
        FILTER(?g1 != ?g2) } LIMIT 1"""))
    assert twice == []
    unsourced = list(store.query(prefixes + """SELECT ?st WHERE { GRAPH ?g { ?st a scomm:Statement }
        FILTER NOT EXISTS { GRAPH ?g { ?st dcterms:source ?doc } } } LIMIT 1"""))
    assert unsourced == []
