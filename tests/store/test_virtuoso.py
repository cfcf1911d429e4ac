"""A second real SPARQL engine: the dataset pushed into Virtuoso 7.2, both ways, same answers there.

Virtuoso is Debian's `virtuoso-opensource` (scripts/setup installs it); the session fixture
in conftest.py starts it with a fresh database. Its default graph is the union of every graph
it holds (ours plus a few of its own); it honours FROM.
"""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import UsageError
from graph.folders import Project
from graph.store import query as q
from graph.store.embedded import open_store
from graph.store.push import PENDING, push
from graph.store.remote import EndpointError, RemoteBackend
from library_samples import sample_params
from virtuoso_server import PASSWORD, USER, Virtuoso

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
NIF = "https://w3id.org/scomm-kg/graph/source/nif-2010-10-14"
SC = "https://w3id.org/scomm-kg/id/secure-communities"
XSD = "http://www.w3.org/2001/XMLSchema#"


def graph_counts(backend: q.Backend, prefix: str = "https://w3id.org/scomm-kg/") -> dict[str, int]:
    """Triples per graph, ours only (Virtuoso keeps graphs of its own)."""
    _, rows = backend.select(COUNTS)
    counts = {str(r["g"].value): int(r["n"].value) for r in rows}  # type: ignore[union-attr]
    return {g: n for g, n in counts.items() if g.startswith(prefix)}


@pytest.fixture(scope="module")
def local(built: Project) -> q.LocalBackend:
    return q.LocalBackend(open_store(built.out_dir))


@pytest.fixture(scope="module")
def remote(virtuoso: Virtuoso) -> RemoteBackend:
    return RemoteBackend(virtuoso.sparql_url, timeout=300)


@pytest.fixture(scope="module")
def expected(local: q.LocalBackend) -> dict[str, int]:
    counts = graph_counts(local)
    assert len(counts) >= 8 and sum(counts.values()) > 30_000
    return counts


@pytest.fixture(scope="module")
def loaded(built: Project, virtuoso: Virtuoso, remote: RemoteBackend, expected: dict[str, int]) -> RemoteBackend:
    """The dataset pushed by the Graph Store Protocol with Digest credentials from the environment."""
    result = CliRunner().invoke(main, ["push", "--endpoint", virtuoso.gsp_auth_url, "--out", str(built.out_dir)],
                                env={"SCOMM_PUSH_USER": USER, "SCOMM_PUSH_PASSWORD": PASSWORD})
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"pushed {sum(expected.values())} triples in {len(expected)} graphs")
    return remote


def test_push_by_graph_store_protocol_with_digest_credentials(loaded: RemoteBackend, expected: dict[str, int]) -> None:
    assert graph_counts(loaded) == expected


def test_push_by_update_in_parts_replaces_each_graph_without_duplicates(
        built: Project, virtuoso: Virtuoso, loaded: RemoteBackend, expected: dict[str, int]) -> None:
    # Virtuoso's INSERT DATA takes about 2,500 triples/s: the source graphs here, all of them by GSP
    sources = sorted(g for g in expected if "/graph/source/" in g)
    result = push(built.out_dir, virtuoso.sparql_auth_url, method="update", part_size=500, user=USER, password=PASSWORD,
                  only=sources)
    assert result.triples == {g: expected[g] for g in sources} and sum(result.triples.values()) > 9_000
    assert result.requests > len(sources) * 3  # the biggest graphs went in several parts
    assert graph_counts(loaded) == expected
    assert not [g for g in graph_counts(loaded, "") if g.endswith(PENDING)]
    # the anonymous endpoints work too once the fixture has granted their rights
    push(built.out_dir, virtuoso.gsp_url)
    assert graph_counts(loaded) == expected


def test_a_refused_part_leaves_every_graph_as_it_was(built: Project, virtuoso: Virtuoso, loaded: RemoteBackend,
                                                     expected: dict[str, int]) -> None:
    # Virtuoso refuses an INSERT DATA this big (SP031): the push fails, nothing is dropped
    with pytest.raises((EndpointError, UsageError)):
        push(built.out_dir, virtuoso.sparql_url, method="update", part_size=100_000)
    assert graph_counts(loaded) == expected
    assert not [g for g in graph_counts(loaded, "") if g.endswith(PENDING)]


def test_missing_or_wrong_credentials_are_reported(built: Project, virtuoso: Virtuoso, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SCOMM_PUSH_USER", raising=False)
    monkeypatch.delenv("SCOMM_PUSH_PASSWORD", raising=False)
    runner = CliRunner()
    anonymous = runner.invoke(main, ["push", "--endpoint", virtuoso.gsp_auth_url, "--out", str(built.out_dir)])
    assert anonymous.exit_code == 2 and "give --user and --password" in anonymous.output
    wrong = runner.invoke(main, ["push", "--endpoint", virtuoso.gsp_auth_url, "--user", USER, "--password", "nope",
                                 "--out", str(built.out_dir)])
    assert wrong.exit_code == 2 and "refused the credentials" in wrong.output


def test_from_is_honoured_there_as_here(loaded: RemoteBackend, local: q.LocalBackend) -> None:
    text = f"SELECT (COUNT(*) AS ?n) FROM <{NIF}> WHERE {{ ?s ?p ?o }}"
    assert q.run(loaded, text).rows == q.run(local, text).rows
    assert q.run(loaded, f"ASK FROM <{NIF}> {{ ?s ?p ?o }}").boolean is True
    construct = f"CONSTRUCT {{ <{SC}> ?p ?o }} FROM <{NIF}> WHERE {{ <{SC}> ?p ?o }}"
    assert q.run(loaded, construct).triples == q.run(local, construct).triples
    # what DESCRIBE returns is the engine's choice (the spec leaves it open); each triple once
    described = q.run(loaded, f"DESCRIBE <{SC}>").triples
    assert described and len(described) == len(set(described))


# ------------------------------------------------------------ every library query, both engines

_ORDER = re.compile(r"\bORDER\s+BY\s+(?P<keys>[^{}]*?)\s*(?:LIMIT|OFFSET|$)", re.IGNORECASE | re.DOTALL)
_CONCAT = re.compile(r"GROUP_CONCAT\s*\([^)]*?separator\s*=\s*\"(?P<sep>[^\"]*)\"\s*\)\s+AS\s+\?(?P<var>\w+)", re.IGNORECASE)


def order_keys(query: q.Query) -> list[str]:
    """The variables of the final ORDER BY, in order (ASC/DESC around a variable count as it)."""
    match = _ORDER.search(re.sub(r"(?m)#.*$", "", query.text).rstrip())
    if not match:
        return []
    keys = []
    for key in re.findall(r"(?:ASC|DESC)?\s*\(?\s*\?(\w+)\s*\)?|\S+", match["keys"], re.IGNORECASE):
        if not key:
            break  # an expression, not a variable: the order after it is not compared
        keys.append(key)
    return keys


def cell(term: object, separator: str | None) -> str:
    if isinstance(term, ox.BlankNode):
        return "_:b"
    if isinstance(term, ox.Literal) and term.datatype.value in (XSD + "boolean", XSD + "integer") \
            and term.value in ("true", "false", "1", "0"):
        # Virtuoso gives the value of a boolean expression as 1 or 0 (xsd:integer)
        return "1/true" if term.value in ("true", "1") else "0/false"
    text = "" if term is None else str(term.value) if isinstance(term, ox.Literal) and separator else str(term)
    # GROUP_CONCAT's order is the engine's business: compare the parts as a set
    return separator.join(sorted(text.split(separator))) if separator else text


def comparable(query: q.Query, result: q.Result) -> list[str]:
    concat = {m["var"]: m["sep"] for m in _CONCAT.finditer(query.text)}
    return sorted("|".join(cell(row[c], concat.get(c)) for c in result.columns) for row in result.rows)


def sequence(result: q.Result, keys: list[str]) -> list[tuple[str, ...]]:
    """The rows' values of the sort keys that are projected, up to the first that is not."""
    shown: list[str] = []
    for key in keys:
        if key not in result.columns:
            break
        shown.append(key)
    return [tuple(str(row[k]) for k in shown) for row in result.rows]


def _rows_apart(a: list[str], b: list[str]) -> str:
    """The rows one answer has more often than the other (so that a failure says which differ)."""
    from collections import Counter

    extra = Counter(a) - Counter(b)
    return f"{sum(extra.values())} of {len(a)}: {sorted(extra)[:10]}"


def test_every_library_query_answers_the_same_in_virtuoso(loaded: RemoteBackend, local: q.LocalBackend) -> None:
    compared, ordered, rows = 0, 0, 0
    for name, query in q.library().items():
        params = sample_params(query, local)
        here, there = q.run(local, query, params), q.run(loaded, query, params)
        assert there.columns == here.columns, name
        mine, theirs = comparable(query, here), comparable(query, there)
        assert theirs == mine, f"{name} {params}: only here {_rows_apart(mine, theirs)}, only there {_rows_apart(theirs, mine)}"
        keys = order_keys(query)
        if keys and sequence(here, keys)[:1] != [()]:
            assert sequence(there, keys) == sequence(here, keys), f"{name}: rows in another order"
            ordered += 1
        compared += bool(here.rows)
        rows += len(here.rows)
    assert compared >= len(q.library()) - 3
    assert ordered >= compared // 2
    print(f"\n{compared} library queries with answers compared ({rows} rows), order compared in {ordered}")
