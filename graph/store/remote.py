"""A query backend over the SPARQL 1.1 Protocol: any SPARQL store, from `scomm serve` to Fuseki.

The library queries read the union of the named graphs, as the embedded store does. A
store's default graph is often not that union (Oxigraph unless started with
--union-default-graph, as `scomm serve` does; Fuseki unless configured). On first use the
backend asks the endpoint for its named graphs and checks whether a triple of the first
and of the last graph is in the default graph. If so the default graph is the union and
queries go as they are; if not, each request names every graph (`default-graph-uri` and
`named-graph-uri`, the Protocol's way of choosing the dataset), so the same query text
gives the same answers everywhere and `GRAPH ?g` patterns still see each source's graph.
The second way works on any store but is slower: Oxigraph took 13 s instead of 2.6 s for
the heaviest library query (docs/scale.md).
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import pyoxigraph

from graph.errors import ScommError, UsageError
from graph.store.query import Term, distinct_triples, names_dataset

RESULTS_JSON = "application/sparql-results+json"
N_TRIPLES = "application/n-triples"
GRAPHS_QUERY = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class EndpointError(ScommError):
    """The endpoint could not be reached, timed out, or answered with an error (exit 2)."""


def post_form(url: str, fields: list[tuple[str, str]], accept: str, timeout: float) -> bytes:
    """POST an urlencoded form and return the body; EndpointError says what went wrong."""
    body = urllib.parse.urlencode(fields).encode("utf-8")
    request = urllib.request.Request(
        url, data=body, method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
    )
    return send(request, timeout)


def send(request: urllib.request.Request, timeout: float) -> bytes:
    url = request.full_url
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data: bytes = response.read()
            return data
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:500]
        if exc.code == 400:
            raise UsageError(f"{url}: the endpoint rejected the request: {detail}") from None
        raise EndpointError(f"{url}: HTTP {exc.code} {exc.reason}: {detail}") from None
    except (socket.timeout, TimeoutError):
        raise EndpointError(f"{url}: no answer within {timeout:g} s") from None
    except urllib.error.URLError as exc:
        raise EndpointError(f"{url}: cannot reach the endpoint ({exc.reason}); is the server running?") from None


def term_from_json(value: dict[str, Any]) -> Term:
    """One binding of SPARQL 1.1 Query Results JSON as a pyoxigraph term."""
    kind = value.get("type")
    if kind == "uri":
        return pyoxigraph.NamedNode(value["value"])
    if kind == "bnode":
        return pyoxigraph.BlankNode(value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return pyoxigraph.Literal(value["value"], language=value["xml:lang"])
        if "datatype" in value:
            return pyoxigraph.Literal(value["value"], datatype=pyoxigraph.NamedNode(value["datatype"]))
        return pyoxigraph.Literal(value["value"])
    if kind == "triple":
        inner = value["value"]
        subject, predicate, obj = (term_from_json(inner[k]) for k in ("subject", "predicate", "object"))
        return pyoxigraph.Triple(subject, predicate, obj)  # type: ignore[arg-type]
    raise UsageError(f"unknown term type {kind!r} in the endpoint's results")


class RemoteBackend:
    """A SPARQL 1.1 query endpoint (for Oxigraph: http://HOST:PORT/query)."""

    def __init__(self, endpoint: str, timeout: float = 30.0, dataset: str = "auto") -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise UsageError(f"--endpoint {endpoint!r}: give the http(s) URL of a SPARQL query endpoint")
        if dataset not in ("auto", "union", "protocol"):
            raise UsageError(f"dataset {dataset!r}: use auto, union (the server unions) or protocol (name every graph)")
        self.endpoint = endpoint
        self.timeout = timeout
        self.dataset = dataset
        self._graphs: list[str] | None = None

    def graphs(self) -> list[str]:
        """The endpoint's named graphs, asked once."""
        if self._graphs is None:
            _, rows = self._select(GRAPHS_QUERY, dataset=[])
            self._graphs = sorted(str(g.value) for row in rows if isinstance(g := row.get("g"), pyoxigraph.NamedNode))
        return self._graphs

    def default_is_union(self) -> bool:
        """Whether a triple of the first and of the last named graph is in the default graph."""
        for graph in {self.graphs()[0], self.graphs()[-1]} if self.graphs() else set():
            _, rows = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} LIMIT 1", dataset=[])
            if not rows:
                continue
            s, p, o = (rows[0][k] for k in ("s", "p", "o"))
            if isinstance(s, pyoxigraph.BlankNode) or isinstance(o, pyoxigraph.BlankNode):
                return False
            data = post_form(self.endpoint, [("query", f"ASK {{ {s} {p} {o} }}")], RESULTS_JSON, self.timeout)
            if json.loads(data).get("boolean") is not True:
                return False
        return True

    def request_dataset(self, sparql: str) -> list[tuple[str, str]]:
        """The Protocol's dataset fields for this query: none when the query names its own
        (FROM, FROM NAMED) or the server's default graph is already the union."""
        if names_dataset(sparql):
            return []
        if self.dataset == "auto":
            self.dataset = "union" if self.default_is_union() else "protocol"
        if self.dataset == "union":
            return []
        graphs = self.graphs()
        return [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Term | None]]]:
        return self._select(sparql, self.request_dataset(sparql))

    def ask(self, sparql: str) -> bool:
        data = post_form(self.endpoint, [("query", sparql), *self.request_dataset(sparql)], RESULTS_JSON, self.timeout)
        try:
            answer = json.loads(data).get("boolean")
        except json.JSONDecodeError:
            answer = None
        if not isinstance(answer, bool):
            raise EndpointError(f"{self.endpoint}: the answer to an ASK is not SPARQL JSON results: {data[:200]!r}")
        return answer

    def graph(self, sparql: str) -> list[pyoxigraph.Triple]:
        data = post_form(self.endpoint, [("query", sparql), *self.request_dataset(sparql)], N_TRIPLES, self.timeout)
        try:
            return distinct_triples(q.triple for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES))
        except SyntaxError as exc:
            raise EndpointError(f"{self.endpoint}: the answer is not N-Triples ({exc}): {data[:200]!r}") from None

    def _select(self, sparql: str, dataset: list[tuple[str, str]]) -> tuple[list[str], list[dict[str, Term | None]]]:
        data = post_form(self.endpoint, [("query", sparql), *dataset], RESULTS_JSON, self.timeout)
        try:
            doc = json.loads(data)
        except json.JSONDecodeError:
            if b"has been cancelled" in data[-200:]:
                # Oxigraph's server answers 200 and then cuts the body at its time limit
                raise EndpointError(f"{self.endpoint}: the endpoint stopped the query at its time limit") from None
            raise EndpointError(f"{self.endpoint}: the answer is not SPARQL JSON results: {data[:200]!r}") from None
        if "boolean" in doc or "results" not in doc:
            raise UsageError("only SELECT queries return tables; this query is ASK, CONSTRUCT or DESCRIBE")
        columns = list(doc.get("head", {}).get("vars", []))
        rows: list[dict[str, Term | None]] = []
        for binding in doc["results"]["bindings"]:
            rows.append({name: term_from_json(binding[name]) if name in binding else None for name in columns})
        return columns, rows
