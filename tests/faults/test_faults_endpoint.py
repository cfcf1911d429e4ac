"""`scomm serve` only answers: against the real server, hostile queries are refused or stopped,
no connection leaves it, and it stays up (issue 14); FROM, DESCRIBE and the service
description as the SPARQL specs say (issue 16)."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.folders import Project
from graph.store.embedded import store_dir
from graph.store.serve import Server, free_port

TIME_LIMIT = 2
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(mini_built: Project) -> Iterator[Server]:
    with Server(store_dir(mini_built.out_dir), read_only=True, timeout_s=TIME_LIMIT) as running:
        yield running


class Listener:
    """A local TCP listener that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", free_port()))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=2)
        self.sock.close()


@pytest.fixture()
def listener() -> Iterator[Listener]:
    running = Listener()
    yield running
    running.close()


def ask(server: Server, query: str, how: str = "get", accept: str = "application/sparql-results+json",
        extra: list[tuple[str, str]] | None = None, timeout: float = 30) -> tuple[int, str]:
    fields = [("query", query), *(extra or [])]
    if how == "get":
        request = urllib.request.Request(server.query_url + "?" + urllib.parse.urlencode(fields), headers={"Accept": accept})
    elif how == "form":
        request = urllib.request.Request(server.query_url, data=urllib.parse.urlencode(fields).encode(), method="POST",
                                         headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    else:
        request = urllib.request.Request(server.query_url, data=query.encode(), method="POST",
                                         headers={"Accept": accept, "Content-Type": "application/sparql-query"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def count(server: Server, query: str = COUNT, extra: list[tuple[str, str]] | None = None) -> int:
    status, body = ask(server, query, extra=extra)
    assert status == 200, body
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("how", ["get", "form", "sparql-query"])
@pytest.mark.parametrize("spelling", [
    "SERVICE <{url}> {{ ?s ?p ?o }}",
    "service silent <{url}> {{ ?s ?p ?o }}",
    "\\u0053ERVICE <{url}> {{ ?s ?p ?o }}",
    "{{ SERVICE<{url}>{{?s ?p ?o}} }}",
])
def test_service_is_refused_and_no_connection_is_made(server: Server, listener: Listener, how: str, spelling: str) -> None:
    url = f"http://127.0.0.1:{listener.port}/sparql"
    status, body = ask(server, "SELECT * WHERE { " + spelling.format(url=url) + " }", how)
    assert status == 400 and "SERVICE is refused" in body
    time.sleep(0.3)
    assert listener.connections == 0
    assert count(server) > 0  # still answering


def test_scomm_query_refuses_service_too(mini_built: Project, listener: Listener) -> None:
    from graph.cli import main

    url = f"http://127.0.0.1:{listener.port}/sparql"
    result = CliRunner().invoke(main, ["query", f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
                                       "--out", str(mini_built.out_dir)])
    assert result.exit_code == 2 and "SERVICE is refused" in result.output and "Traceback" not in result.output
    assert listener.connections == 0


def test_deep_nesting_and_huge_requests_are_refused_and_the_server_stays_up(server: Server) -> None:
    deep = "SELECT * WHERE " + "{" * 20000 + "}" * 20000
    status, body = ask(server, deep, "form")
    assert status == 400 and "nests brackets more than" in body
    status, body = ask(server, "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }", "sparql-query")
    assert status == 400
    status, body = ask(server, "SELECT * WHERE { ?s ?p ?o } # " + "x" * 200_000, "sparql-query")
    assert status in (400, 413)
    assert count(server) > 0


@pytest.mark.parametrize("query", [
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "CONSTRUCT { ?a ?b ?i } WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
])
def test_runaway_queries_are_stopped_at_the_time_limit_or_the_answer_cap(server: Server, query: str) -> None:
    started = time.monotonic()
    accept = {"SELECT *": "text/csv", "CONSTRUCT": "text/turtle"}.get(query[:9].rstrip(), "application/sparql-results+json")
    status, body = ask(server, query, accept=accept)
    elapsed = time.monotonic() - started
    assert status == 500 and ("time limit" in body or "larger than" in body), body[:300]
    assert elapsed < TIME_LIMIT + 10
    assert count(server) > 0  # a fresh worker answers


def test_from_is_honoured_and_the_union_only_without_a_dataset(server: Server) -> None:
    status, body = ask(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    graphs = [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]]
    source = next(g for g in graphs if "/graph/source/" in g)
    whole = count(server)
    one = count(server, f"SELECT (COUNT(*) AS ?n) FROM <{source}> WHERE {{ ?s ?p ?o }}")
    assert 0 < one < whole
    assert count(server, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{source}> WHERE {{ ?s ?p ?o }}") == 0
    assert count(server, f"SELECT (COUNT(*) AS ?n) FROM NAMED <{source}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}") == one
    assert count(server, extra=[("default-graph-uri", source)]) == one


def test_describe_has_no_duplicates_and_the_description_lists_the_graphs(server: Server) -> None:
    status, body = ask(server, "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s)) } "
                               "GROUP BY ?s HAVING (COUNT(DISTINCT ?g) > 1) LIMIT 1")
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    subject = rows[0]["s"]["value"] if rows else None
    if subject is not None:
        status, body = ask(server, f"DESCRIBE <{subject}>", accept="application/n-triples")
        lines = [line for line in body.splitlines() if line.strip()]
        assert status == 200 and lines and len(lines) == len(set(lines))
    request = urllib.request.Request(server.query_url, headers={"Accept": "text/turtle"})
    with urllib.request.urlopen(request, timeout=10) as response:
        description = response.read().decode()
    status, body = ask(server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    for binding in json.loads(body)["results"]["bindings"]:
        assert f"<{binding['g']['value']}>" in description
    assert "sparql-service-description#namedGraph" in description


def test_the_server_listens_on_loopback_only(server: Server) -> None:
    from graph.store.serve import serve_command

    command = serve_command(Path("store"), 18149)
    assert command[command.index("--host") + 1] == "127.0.0.1"
