"""A query backend over the SPARQL 1.1 Protocol: any SPARQL store, from `scomm serve` to Fuseki.

The library queries read the union of the named graphs, as the embedded store does. A
store's default graph is often not that union (Oxigraph unless started with
--union-default-graph, Fuseki unless configured), so the backend asks the endpoint once
for its named graphs and names them all in each request (`default-graph-uri` and
`named-graph-uri`, the Protocol's way of choosing the dataset): the same query text then
gives the same answers everywhere, and `GRAPH ?g` patterns still see each source's graph.
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
from graph.query import Term

RESULTS_JSON = "application/sparql-results+json"
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

    def __init__(self, endpoint: str, timeout: float = 30.0) -> None:
        if not endpoint.startswith(("http://", "https://")):
            raise UsageError(f"--endpoint {endpoint!r}: give the http(s) URL of a SPARQL query endpoint")
        self.endpoint = endpoint
        self.timeout = timeout
        self._graphs: list[str] | None = None

    def graphs(self) -> list[str]:
        """The endpoint's named graphs, asked once."""
        if self._graphs is None:
            _, rows = self._select(GRAPHS_QUERY, dataset=[])
            self._graphs = sorted(str(g.value) for row in rows if isinstance(g := row.get("g"), pyoxigraph.NamedNode))
        return self._graphs

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Term | None]]]:
        graphs = self.graphs()
        dataset = [("default-graph-uri", g) for g in graphs] + [("named-graph-uri", g) for g in graphs]
        return self._select(sparql, dataset)

    def _select(self, sparql: str, dataset: list[tuple[str, str]]) -> tuple[list[str], list[dict[str, Term | None]]]:
        data = post_form(self.endpoint, [("query", sparql), *dataset], RESULTS_JSON, self.timeout)
        try:
            doc = json.loads(data)
        except json.JSONDecodeError:
            raise EndpointError(f"{self.endpoint}: the answer is not SPARQL JSON results: {data[:200]!r}") from None
        if "boolean" in doc or "results" not in doc:
            raise UsageError("only SELECT queries return tables; this query is ASK, CONSTRUCT or DESCRIBE")
        columns = list(doc.get("head", {}).get("vars", []))
        rows: list[dict[str, Term | None]] = []
        for binding in doc["results"]["bindings"]:
            rows.append({name: term_from_json(binding[name]) if name in binding else None for name in columns})
        return columns, rows
