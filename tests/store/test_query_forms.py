"""Exact SPARQL in the embedded store and `scomm query`: the dataset a query names, every query form."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from graph.cli import main
from graph.folders import Project
from graph.store import query as q
from graph.store.embedded import open_store

NIF = "https://w3id.org/scomm-kg/graph/source/nif-2010-10-14"
IPC = "https://w3id.org/scomm-kg/graph/source/ipc-what-is-scomm-2011"
DHS = "https://w3id.org/scomm-kg/id/secure-communities"  # described by several sources


@pytest.fixture(scope="module")
def local(corpus_built: Project) -> q.LocalBackend:
    return q.LocalBackend(open_store(corpus_built.out_dir))


@pytest.fixture(scope="module")
def reference(corpus_built: Project) -> rdflib.Dataset:
    """rdflib's reading of the same dataset, as a second opinion on what the spec says."""
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(corpus_built.out_dir / "graph.nq", format="nquads")
    return dataset


def count(backend: q.Backend, sparql: str) -> int:
    return int(q.run(backend, sparql).rows[0]["n"].value)  # type: ignore[union-attr]


def cli(corpus_built: Project, *args: str) -> str:
    result = CliRunner().invoke(main, ["query", *args, "--out", str(corpus_built.out_dir)])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("keyword", ["FROM", "from"])
def test_from_scopes_the_default_graph_to_the_graphs_named(local: q.LocalBackend, reference: rdflib.Dataset, keyword: str) -> None:
    one = count(local, f"SELECT (COUNT(*) AS ?n) {keyword} <{NIF}> WHERE {{ ?s ?p ?o }}")
    assert one == len(reference.graph(rdflib.URIRef(NIF)))
    two = count(local, f"SELECT (COUNT(*) AS ?n) FROM <{NIF}> FROM <{IPC}> WHERE {{ ?s ?p ?o }}")
    assert two == count(local, f"SELECT (COUNT(*) AS ?n) WHERE {{ {{ SELECT DISTINCT ?s ?p ?o WHERE {{ "
                               f"{{ GRAPH <{NIF}> {{ ?s ?p ?o }} }} UNION {{ GRAPH <{IPC}> {{ ?s ?p ?o }} }} }} }} }}")
    everything = count(local, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert 0 < one < two < everything


def test_without_a_dataset_clause_the_default_graph_is_the_union(local: q.LocalBackend, reference: rdflib.Dataset) -> None:
    distinct = count(local, "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")
    assert distinct == len({(s, p, o) for s, p, o, _ in reference.quads((None, None, None, None))})


def test_from_named_alone_leaves_an_empty_default_graph(local: q.LocalBackend) -> None:
    sparql = f"SELECT ?g (COUNT(*) AS ?n) FROM NAMED <{NIF}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} GROUP BY ?g"
    rows = q.run(local, sparql).rows
    assert [str(r["g"].value) for r in rows] == [NIF]  # type: ignore[union-attr]
    assert count(local, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{NIF}> WHERE {{ ?s ?p ?o }}") == 0


def test_the_word_from_in_strings_iris_and_comments_is_no_dataset_clause() -> None:
    assert q.names_dataset(f"SELECT * FROM <{NIF}> WHERE {{ ?s ?p ?o }}")
    assert q.names_dataset(f"CONSTRUCT {{ ?s ?p ?o }} from named <{NIF}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}")
    for text in ['SELECT ?from WHERE { ?s ?p "taken FROM a letter" }', "# FROM <x>\nSELECT * WHERE { ?s ?p ?o }",
                 "PREFIX from: <http://example.org/from#FROM> SELECT * WHERE { ?s from:p '''FROM''' }"]:
        assert not q.names_dataset(text), text
    assert q.query_form('PREFIX x: <http://e/SELECT> ASK { ?s x:p "SELECT" }') == "ASK"


def test_ask(local: q.LocalBackend, corpus_built: Project) -> None:
    assert q.run(local, "ASK { ?s a <https://w3id.org/scomm-kg/ontology#Stance> }").boolean is True
    assert q.run(local, f"ASK FROM <{NIF}> {{ <{DHS}> <http://example.org/none> ?o }}").boolean is False
    assert cli(corpus_built, "ASK { ?s ?p ?o }") == "true\n"
    assert json.loads(cli(corpus_built, "ASK { ?s ?p ?o }", "--format", "json")) == {"head": {}, "boolean": True}


def test_describe_gives_each_triple_once_in_every_rdf_format(local: q.LocalBackend, corpus_built: Project) -> None:
    triples = q.run(local, f"DESCRIBE <{DHS}>").triples
    assert triples is not None and len(triples) == len(set(triples)) > 3
    # the same triples stated by several sources come back once, not once per graph
    union = q.run(local, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{DHS}> ?p ?o }}")
    assert len(triples) < int(union.rows[0]["n"].value)  # type: ignore[union-attr]
    expected = {(str(t.subject), str(t.predicate), str(t.object)) for t in triples}
    for fmt, parser in [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml"), ("table", "turtle")]:
        text = cli(corpus_built, f"DESCRIBE <{DHS}>", "--format", fmt)
        parsed = rdflib.Graph().parse(data=text, format=parser)
        assert len(parsed) == len(triples), fmt
    nt = cli(corpus_built, f"DESCRIBE <{DHS}>", "--format", "ntriples")
    assert {(str(t.subject), str(t.predicate), str(t.object)) for t in ox.parse(nt.encode(), format=ox.RdfFormat.N_TRIPLES)} == expected


def test_construct_with_from(local: q.LocalBackend, reference: rdflib.Dataset) -> None:
    triples = q.run(local, f"CONSTRUCT {{ ?s ?p ?o }} FROM <{NIF}> WHERE {{ ?s ?p ?o }}").triples
    assert triples is not None and len(triples) == len(reference.graph(rdflib.URIRef(NIF)))


def test_formats_that_do_not_fit_the_answer_are_refused(corpus_built: Project) -> None:
    runner = CliRunner()
    out = ["--out", str(corpus_built.out_dir)]
    refused = runner.invoke(main, ["query", f"DESCRIBE <{DHS}>", "--format", "csv", *out])
    assert refused.exit_code == 2 and "a CONSTRUCT or DESCRIBE answer is a graph" in refused.output
    refused = runner.invoke(main, ["query", "opponents", "--format", "turtle", *out])
    assert refused.exit_code == 2 and "a SELECT answer is a table" in refused.output


def test_show_prints_a_runnable_query_with_its_bindings(local: q.LocalBackend, corpus_built: Project) -> None:
    text = cli(corpus_built, "stances-on", "--param", "program=secure-communities", "--show")
    assert "# bound: ?program = <https://w3id.org/scomm-kg/id/secure-communities>" in text
    shown = q.run(local, text)
    bound = q.run(local, "stances-on", {"program": "secure-communities"})
    assert shown.rows and shown.rows == bound.rows
    missing = CliRunner().invoke(main, ["query", "actor-record", "--show"])
    assert missing.exit_code == 2 and "needs --param" in missing.output
