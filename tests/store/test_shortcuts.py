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


# answer-differences as it was before its pairs were found per subject (one pairing of every
# claim on a question with every other, then the subject filter): the rows must not change.
PAIR_ALL = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?a ?aAnswer ?aDate ?aSource ?aQuote ?b ?bAnswer ?bDate ?bSource ?bQuote ?questionName ?contradiction
WHERE {
  ?a a scomm:Claim ; scomm:question ?question ; scomm:answer ?ansA .
  ?b a scomm:Claim ; scomm:question ?question ; scomm:answer ?ansB .
  FILTER(STR(?a) < STR(?b) && ?ansA != ?ansB)
  FILTER NOT EXISTS { ?a scomm:about ?x . ?b scomm:about ?y . FILTER(?x != ?y) }
  ?question skos:notation ?questionName .
  ?ansA skos:notation ?aAnswer . ?ansB skos:notation ?bAnswer .
  ?a scomm:sourceIdentifier ?aSource ; scomm:quoteText ?aQuote .
  ?b scomm:sourceIdentifier ?bSource ; scomm:quoteText ?bQuote .
  OPTIONAL { ?a dcterms:date ?aDate } OPTIONAL { ?b dcterms:date ?bDate }
  BIND(IF(EXISTS { ?a scomm:contradicts ?b }, "yes", "no") AS ?contradiction)
}
ORDER BY ?questionName ?a ?b"""


def test_answer_differences_pairs_per_subject_as_the_pairing_of_all() -> None:
    """Every kind of pair the subject filter decides, on a small hand-made graph: one subject on
    both sides (same or different), none on either or both, two subjects on one side."""
    S, V = "https://w3id.org/scomm-kg/ontology#", "https://w3id.org/scomm-kg/vocab/"
    claims = {  # id: (question, answer, subjects)
        "c1": ("q1", "yes", ["p"]), "c2": ("q1", "no", ["p"]), "c3": ("q1", "no", ["r"]),
        "c4": ("q1", "unclear", []), "c5": ("q1", "yes", []), "c6": ("q1", "no", ["p", "r"]),
        "c7": ("q1", "yes", ["r"]), "c8": ("q2", "no", ["p"]), "c9": ("q2", "yes", []),
        "d1": ("q2", "no", []), "d2": ("q1", "yes", ["p", "r"]),
    }
    lines = []
    for concept in ("q1", "q2", "yes", "no", "unclear"):
        scheme = "question" if concept.startswith("q") else "answer"
        lines.append(f"<{V}{scheme}/{concept}> <http://www.w3.org/2004/02/skos/core#notation> \"{concept}\" .")
    for cid, (question, answer, subjects) in claims.items():
        node = f"<https://w3id.org/scomm-kg/statement/{cid}>"
        lines += [f"{node} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{S}Claim> .", f"{node} <{S}question> <{V}question/{question}> .",
                  f"{node} <{S}answer> <{V}answer/{answer}> .", f"{node} <{S}sourceIdentifier> \"src-{cid}\" .",
                  f"{node} <{S}quoteText> \"quote {cid}\" ."]
        lines += [f"{node} <{S}about> <https://w3id.org/scomm-kg/id/{s}> ." for s in subjects]
    lines.append(f"<https://w3id.org/scomm-kg/statement/c1> <{S}contradicts> <https://w3id.org/scomm-kg/statement/c2> .")
    store = pyoxigraph.Store()
    store.load("\n".join(lines).encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    backend = LocalBackend(store)
    pair_all = parse_query("# param: question concept:question?\n" + PAIR_ALL, "answer-differences")
    for params in ({}, {"question": "q1"}):
        got = run(backend, library()["answer-differences"], params)
        assert got.rows == run(backend, pair_all, params).rows and got.rows
    got = run(backend, library()["answer-differences"], {})
    pairs = {(r["a"].value.rsplit("/", 1)[1], r["b"].value.rsplit("/", 1)[1]) for r in got.rows}
    assert ("c1", "c2") in pairs and ("c1", "c4") in pairs and ("c4", "c5") in pairs
    assert ("c1", "c3") not in pairs and ("c1", "c6") not in pairs and ("c6", "d2") not in pairs
