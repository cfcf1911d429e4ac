"""`scomm serve` answers a library question from its stored answer (graph/store/answers.py)
only when the request's query is exactly the text a client sends for it, naming no dataset,
on the store answered on; that answer equals the engine's, rows and order, in every format."""

from __future__ import annotations

import csv
import io
import shutil
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest

from graph.folders import Project
from graph.store import answers
from graph.store import query as q
from graph.store.embedded import store_dir
from graph.store.remote import RemoteBackend
from graph.store.serve import Server
from graph.store.serve_worker import answer

ANSWERED = sorted(name for name, query in q.library().items() if answers.answerable(query))
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
         "csv": "text/csv", "tsv": "text/tab-separated-values"}
PARSED = {"json": pyoxigraph.QueryResultsFormat.JSON, "xml": pyoxigraph.QueryResultsFormat.XML,
          "tsv": pyoxigraph.QueryResultsFormat.TSV}


def rows(body: bytes, suffix: str) -> tuple[list[str], list[list[object]]]:
    """The variables and the rows, in order, of a SPARQL results document (CSV: its cells)."""
    if suffix == "csv":
        table = list(csv.reader(io.StringIO(body.decode("utf-8"))))
        return table[0], [list(r) for r in table[1:]]
    parsed = pyoxigraph.parse_query_results(body, format=PARSED[suffix])
    names = [v.value for v in parsed.variables]  # type: ignore[union-attr]
    return names, [[s[n] for n in names] for s in parsed]  # type: ignore[union-attr]


def engine(store: pyoxigraph.Store, text: str, suffix: str) -> bytes:
    """The engine's answer, as the endpoint's worker process gives it."""
    job = {"query": text, "accept": [MEDIA[suffix]], "names_dataset": False, "default_graphs": [], "named_graphs": []}
    head, body = answer(store, job, 64_000_000, 1_000_000)
    assert head["status"] == 200, head
    return body


@pytest.mark.parametrize("name", ANSWERED)
def test_each_stored_answer_equals_the_engines_in_every_format(built: Project, name: str) -> None:
    # `built`: the corpus with the real activation table imported (the answers `scomm import` wrote)
    store = pyoxigraph.Store.read_only(str(store_dir(built.out_dir)))
    found = answers.for_endpoint(store_dir(built.out_dir))
    assert found is not None
    text = answers.endpoint_text(q.library()[name])
    for suffix in MEDIA:
        hit = found.lookup(text, suffix)
        assert hit is not None and hit[0] == name, (name, suffix)
        stored = hit[1].read_bytes()
        assert rows(stored, suffix) == rows(engine(store, text, suffix), suffix), (name, suffix)


def post(url: str, text: str, accept: str, extra: dict[str, str] | None = None) -> tuple[int, str | None, bytes]:
    data = urllib.parse.urlencode({"query": text, **(extra or {})}).encode()
    request = urllib.request.Request(url, data=data, headers={
        "Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Scomm-Answer"), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, None, exc.read()


@pytest.fixture(scope="module")
def server(built: Project) -> Iterator[Server]:
    with Server(store_dir(built.out_dir), read_only=True, timeout_s=30) as running:
        yield running


def test_the_endpoint_serves_every_stored_answer_as_stored_and_equal_to_the_engine(built: Project, server: Server) -> None:
    store = pyoxigraph.Store.read_only(str(store_dir(built.out_dir)))
    for name in ANSWERED:
        text = answers.endpoint_text(q.library()[name])
        for suffix, media in MEDIA.items():
            status, said, body = post(server.query_url, text, media)
            assert status == 200 and said == f"stored; query={name}", (name, suffix)
            assert rows(body, suffix) == rows(engine(store, text, suffix), suffix), (name, suffix)


def test_scomm_query_endpoint_gets_the_stored_answer(built: Project, server: Server) -> None:
    local = q.run(q.LocalBackend(pyoxigraph.Store.read_only(str(store_dir(built.out_dir)))), "stances-on")
    remote = q.run(RemoteBackend(server.query_url), "stances-on")
    assert remote.columns == local.columns and remote.rows == local.rows


def test_any_other_request_runs_on_the_engine(built: Project, server: Server) -> None:
    stances = q.library()["stances-on"]
    text = answers.endpoint_text(stances)
    graph = "https://w3id.org/scomm-kg/graph/source/nif-2010-10-14"
    media = MEDIA["json"]
    # the library's text without its default bound: another question (?program unbound)
    assert post(server.query_url, stances.text, media)[1] is None
    # another text asking the same: the engine, the same rows
    status, said, body = post(server.query_url, text + "\n# mine\n", media)
    assert status == 200 and said is None
    assert rows(body, "json") == rows(post(server.query_url, text, media)[2], "json")
    # a dataset named by the request or by the query
    status, said, body = post(server.query_url, text, media, {"default-graph-uri": graph})
    assert status == 200 and said is None
    brace = text.index("WHERE")
    status, said, _ = post(server.query_url, text[:brace] + f"FROM <{graph}>\n" + text[brace:], media)
    assert status == 200 and said is None
    # a format the stored answers are not in: the engine says what it can give
    assert post(server.query_url, text, "text/turtle")[0] == 406


def test_a_changed_store_is_answered_by_the_engine(built: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built.out_dir.resolve() / ".build", out, symlinks=True)
    text = answers.endpoint_text(q.library()["coverage-by-source"])
    with Server(store_dir(out), read_only=True, timeout_s=30) as running:
        assert post(running.query_url, text, MEDIA["csv"])[1] == "stored; query=coverage-by-source"
    store = pyoxigraph.Store(str(out / "store"))
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("https://example.org/s"), pyoxigraph.NamedNode("https://example.org/p"),
                              pyoxigraph.Literal("o"), pyoxigraph.NamedNode("https://example.org/g")))
    store.flush()
    del store
    with Server(store_dir(out), read_only=True, timeout_s=30) as running:
        status, said, _ = post(running.query_url, text, MEDIA["csv"])
        assert status == 200 and said is None
