"""Pushing the built dataset, named graphs intact, into any SPARQL 1.1 store.

Two ways, both standard, and neither leaves the target without a graph it had:

- `gsp`, the Graph Store HTTP Protocol: one `PUT ENDPOINT?graph=IRI` per graph, which the
  store answers by replacing that graph with the body in one request (Oxigraph: /store;
  Fuseki: /DATASET/data; Virtuoso: /sparql-graph-crud, or /sparql-graph-crud-auth with
  credentials).
- `update`, SPARQL 1.1 Update: the graph's triples go into a temporary graph in batches of
  `INSERT DATA` (`part_size` triples each: Virtuoso refuses an `INSERT DATA` of more than
  about 10,000 lines), then one `MOVE` replaces the graph with it (Oxigraph: /update;
  Virtuoso: /sparql, or /sparql-auth with credentials). If a batch fails, the temporary
  graph is dropped and the target graph is as it was.

Each graph is replaced, so pushing twice gives the same store. A graph holding blank nodes
is sent in one part, so that its blank nodes stay one. Credentials (HTTP Basic or Digest,
whichever the store asks for) come from the caller: `scomm push --user/--password` or the
environment variables SCOMM_PUSH_USER and SCOMM_PUSH_PASSWORD.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from graph.errors import UsageError
from graph.namespaces import BASE
from graph.store.embedded import open_store
from graph.store.remote import EndpointError, send

METHODS = ("gsp", "update")
PART_SIZE = 500  # triples per INSERT DATA: Virtuoso compiles parts of 2,000 typed triples out of memory,
# and is fastest near 250-500 (about 2,500 triples/s either way)
PENDING = "#push-in-progress"  # a graph's temporary twin while its new triples go in


@dataclass
class PushResult:
    endpoint: str
    method: str
    triples: dict[str, int] = field(default_factory=dict)  # graph IRI ("" for default) -> triples
    requests: int = 0


def parts(store: ox.Store, graph: ox.NamedNode | ox.DefaultGraph, size: int) -> list[bytes]:
    """The graph's triples as N-Triples, in parts of at most `size` (one part with blank nodes)."""
    triples = [q.triple for q in store.quads_for_pattern(None, None, None, graph)]
    has_bnodes = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)
    step = len(triples) if has_bnodes or not triples else size
    chunks = []
    for start in range(0, len(triples), max(step, 1)):
        data = ox.serialize(triples[start:start + step], format=ox.RdfFormat.N_TRIPLES)
        assert data is not None
        chunks.append(data)
    return chunks


class Credentials:
    """HTTP Basic or Digest credentials, sent with the request itself.

    urllib answers a challenge only after sending the whole body once without credentials,
    and a store may close the connection on a big unauthenticated body (Virtuoso resets it
    for a 10 MB PUT). So each request is preceded by a bodiless HEAD that fetches the
    challenge, and the request goes with its `Authorization` header from the start.
    """

    def __init__(self, endpoint: str, user: str, password: str) -> None:
        self.passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        self.passwords.add_password(None, endpoint, user, password)  # type: ignore[arg-type]
        self.user, self.password = user, password

    def authorize(self, request: urllib.request.Request, timeout: float) -> None:
        probe = urllib.request.Request(request.full_url, method="HEAD")
        try:
            with urllib.request.urlopen(probe, timeout=timeout):
                return  # no credentials asked for
        except urllib.error.HTTPError as exc:
            challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
        except (urllib.error.URLError, OSError):
            return  # the request itself will say what is wrong
        scheme, _, rest = challenge.partition(" ")
        if scheme.lower() == "digest":
            chal = urllib.request.parse_keqv_list(urllib.request.parse_http_list(rest))
            value = urllib.request.HTTPDigestAuthHandler(self.passwords).get_authorization(request, chal)
            if value:
                request.add_unredirected_header("Authorization", f"Digest {value}")
        elif scheme.lower() == "basic":
            token = base64.b64encode(f"{self.user}:{self.password}".encode("utf-8")).decode("ascii")
            request.add_unredirected_header("Authorization", f"Basic {token}")


def credentials(endpoint: str, user: str | None, password: str | None) -> Credentials | None:
    if not user:
        if password:
            raise UsageError("a password was given without a user: give --user (or SCOMM_PUSH_USER) too")
        return None
    return Credentials(endpoint, user, password or "")


def push(out_dir: Path, endpoint: str, method: str = "gsp", timeout: float = 300.0, part_size: int = PART_SIZE,
         user: str | None = None, password: str | None = None, only: list[str] | None = None) -> PushResult:
    """Load every graph of the built store (or the graphs `only` names) into the store at `endpoint`, replacing each."""
    if method not in METHODS:
        raise UsageError(f"--method {method!r}: use one of {', '.join(METHODS)}")
    if not endpoint.startswith(("http://", "https://")):
        raise UsageError(f"--endpoint {endpoint!r}: give the http(s) URL of the store's Graph Store or Update endpoint")
    if part_size < 1:
        raise UsageError(f"--part-size {part_size}: give a number of triples, at least 1")
    auth = credentials(endpoint, user, password)
    store = open_store(out_dir)
    named = sorted((g for g in store.named_graphs() if isinstance(g, ox.NamedNode)), key=lambda g: g.value)
    graphs: list[ox.NamedNode | ox.DefaultGraph] = list(named)
    if any(True for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph())):
        graphs.insert(0, ox.DefaultGraph())
    if only is not None:
        missing = sorted(set(only) - {g.value for g in named})
        if missing:
            raise UsageError(f"--graph: the built store has no graph {', '.join(missing)}")
        graphs = [g for g in named if g.value in only]
    result = PushResult(endpoint, method)
    for graph in graphs:
        name = graph.value if isinstance(graph, ox.NamedNode) else ""
        if method == "gsp":
            chunks = parts(store, graph, 1 << 62)  # the whole graph in one PUT: the store replaces it at once
            target = f"{endpoint}?{urllib.parse.urlencode({'graph': name})}" if name else f"{endpoint}?default"
            request = urllib.request.Request(
                target, data=b"".join(chunks), method="PUT", headers={"Content-Type": "application/n-triples"},
            )
            _send(request, timeout, auth)
            result.requests += 1
        else:
            chunks = parts(store, graph, part_size)
            result.requests += _replace_by_update(endpoint, name, chunks, timeout, auth)
        result.triples[name] = sum(c.count(b"\n") for c in chunks)
    return result


def _replace_by_update(endpoint: str, name: str, chunks: list[bytes], timeout: float,
                       auth: Credentials | None) -> int:
    """Fill the graph's temporary twin batch by batch, then MOVE it onto the graph; the requests sent."""
    pending = (name or BASE + "graph/default") + PENDING
    target = f"GRAPH <{name}>" if name else "DEFAULT"
    _send(_update(endpoint, f"DROP SILENT GRAPH <{pending}>"), timeout, auth)
    try:
        for chunk in chunks:
            body = chunk.decode("utf-8")
            _send(_update(endpoint, f"INSERT DATA {{ GRAPH <{pending}> {{\n{body}}} }}"), timeout, auth)
    except Exception:
        try:
            _send(_update(endpoint, f"DROP SILENT GRAPH <{pending}>"), timeout, auth)
        except EndpointError:
            pass  # the first error is the one to report; the target graph is untouched either way
        raise
    # MOVE replaces the target with the temporary graph in one request (SPARQL 1.1 Update, 3.2.4)
    _send(_update(endpoint, f"MOVE SILENT GRAPH <{pending}> TO {target}"), timeout, auth)
    return len(chunks) + 2


def _send(request: urllib.request.Request, timeout: float, auth: Credentials | None) -> bytes:
    if auth:
        auth.authorize(request, timeout)
    try:
        return send(request, timeout)
    except EndpointError as exc:
        if "HTTP 401" in str(exc) or "HTTP 403" in str(exc):
            hint = ("the store refused the credentials given" if auth else
                    "the store asks for credentials: give --user and --password "
                    "(or SCOMM_PUSH_USER and SCOMM_PUSH_PASSWORD)")
            raise EndpointError(f"{exc} ({hint})") from None
        raise


def _update(endpoint: str, text: str) -> urllib.request.Request:
    return urllib.request.Request(
        endpoint, data=text.encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
