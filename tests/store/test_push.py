"""scomm push and --endpoint: the built dataset in a real SPARQL store, same answers remotely."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.store import query as q
from graph.cli import main
from graph.folders import Project
from graph.store.push import push
from graph.store.remote import EndpointError, RemoteBackend
from graph.store.serve import Server, free_port
from graph.store.embedded import open_store
from library_samples import sample_params

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.fixture(scope="module")
def target(tmp_path_factory: pytest.TempPathFactory, built: Project) -> Iterator[Server]:
    """A real read-write Oxigraph server holding the pushed dataset, default graph = union."""
    with Server(tmp_path_factory.mktemp("target") / "store", read_only=False, union=True) as server:
        push(built.out_dir, server.store_url, method="gsp")
        yield server


def graph_counts(backend: q.Backend) -> dict[str, int]:
    _, rows = backend.select(COUNTS)
    return {str(r["g"].value): int(r["n"].value) for r in rows}  # type: ignore[union-attr]


def comparable(result: q.Result) -> list[str]:
    """Rows as sorted text (row order is the store's business unless the query sorts)."""
    def text(term: object) -> str:
        return "_:b" if isinstance(term, ox.BlankNode) else str(term)

    return sorted("|".join(text(row[c]) for c in result.columns) for row in result.rows)


def test_push_keeps_every_named_graph_and_its_triples(built: Project, target: Server) -> None:
    local = graph_counts(q.LocalBackend(open_store(built.out_dir)))
    remote = graph_counts(RemoteBackend(target.query_url))
    assert remote == local
    assert "https://w3id.org/scomm-kg/graph/reference/us-jurisdictions" in remote
    assert "https://w3id.org/scomm-kg/graph/import/sc-activation" in remote
    assert len(remote) >= 8


def test_every_library_query_gives_the_same_answers_remotely(built: Project, target: Server) -> None:
    local = q.LocalBackend(open_store(built.out_dir))
    remote = RemoteBackend(target.query_url, timeout=120)
    checked = 0
    for name, query in q.library().items():
        params = sample_params(query, local)
        here, there = q.run(local, query, params), q.run(remote, query, params)
        assert there.columns == here.columns, name
        assert comparable(there) == comparable(here), name
        checked += bool(here.rows)
    assert checked >= len(q.library()) - 3  # nearly every query has answers to compare
    assert remote.dataset == "union"  # found out that the server's default graph is the union


def test_a_store_without_union_default_graph_gets_the_dataset_named_in_each_request(built: Project, tmp_path: Path) -> None:
    local = q.LocalBackend(open_store(built.out_dir))
    with Server(tmp_path / "store", read_only=False, union=False) as plain:
        push(built.out_dir, plain.store_url)
        remote = RemoteBackend(plain.query_url, timeout=120)
        for name in ("claims-vs-records", "coverage-by-source", "opt-out-attempts"):
            here, there = q.run(local, name), q.run(remote, name)
            assert here.rows and comparable(there) == comparable(here), name
        assert remote.dataset == "protocol"
        # without the dataset in the request the default graph of this store is empty
        assert RemoteBackend(plain.query_url, dataset="union").select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")[1] == []


def test_push_by_sparql_update_gives_the_same_store(tmp_path: Path, built: Project, target: Server) -> None:
    with Server(tmp_path / "store", read_only=False, union=True) as other:
        push(built.out_dir, other.update_url, method="update", part_size=20_000)
        sources = [g for g in graph_counts(RemoteBackend(other.query_url)) if "/graph/source/" in g]
        again = push(built.out_dir, other.update_url, method="update", part_size=500, only=sources)
        assert sorted(again.triples) == sorted(sources)
        assert graph_counts(RemoteBackend(other.query_url)) == graph_counts(RemoteBackend(target.query_url))  # replaced


def test_cli_push_then_query_with_endpoint(tmp_path: Path, built: Project) -> None:
    runner = CliRunner()
    with Server(tmp_path / "store", read_only=False, union=True) as server:
        pushed = runner.invoke(main, ["push", "--endpoint", server.store_url, "--out", str(built.out_dir)])
        assert pushed.exit_code == 0, pushed.output
        assert pushed.output.startswith("pushed ") and "(gsp, " in pushed.output
        answered = runner.invoke(main, ["query", "activation-and-opt-out", "--param", "jurisdiction=santa-clara-county",
                                        "--endpoint", server.query_url, "--format", "csv"])
        assert answered.exit_code == 0, answered.output
        assert "Santa Clara County,06085,2010-05-04,sc_activation_by_county.csv,229,2010-09," in answered.output
        report = runner.invoke(main, ["records-report", "--endpoint", server.query_url])
        assert report.exit_code == 0 and "| 2008-12-31 | 14 |" in report.output


def test_an_endpoint_that_is_not_there_is_reported() -> None:
    backend = RemoteBackend(f"http://127.0.0.1:{free_port()}/query", timeout=5)
    with pytest.raises(EndpointError, match="cannot reach the endpoint"):
        backend.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    result = CliRunner().invoke(main, ["query", "opponents", "--endpoint", backend.endpoint])
    assert result.exit_code == 2 and "is the server running?" in result.output
