"""Serving the built store over the SPARQL 1.1 Protocol: an endpoint that only answers.

`scomm serve` is a small Python server over pyoxigraph, bound to 127.0.0.1 unless told
otherwise. It answers GET, form POST and `application/sparql-query` POST at /query, SELECT
and ASK in SPARQL JSON, XML, CSV and TSV, CONSTRUCT and DESCRIBE in Turtle, N-Triples,
JSON-LD and RDF/XML, by `Accept`; a GET without a query gives the service description
(listing the named graphs). Updates are refused.

Every query is checked before it runs (graph/store/sparql_text.py): `SERVICE` is refused, so
the server never sends a request anywhere; too long or too deeply nested queries are
refused. Queries run in worker processes that open the store read-only; a worker whose
query passes the time limit is killed and replaced, so the limit stops every query,
sorting and streaming ones included. Answers larger than a cap are refused. The dataset is
the query's own (`FROM`, `FROM NAMED`) or the Protocol's (`default-graph-uri`,
`named-graph-uri`); only when neither names one is the default graph the union of the named
graphs. The limits are in docs/scale.md.

A request whose query is exactly the text of a library question with its defaults (as
`scomm query NAME --endpoint` sends it), naming no dataset, on the store the build answered
it on, is answered from that stored answer (graph/store/answers.py: the same text run on
the same store by the same engine, serialized the same way), in JSON, XML, CSV or TSV, with
the header `Scomm-Answer: stored; query=NAME`; every other request runs on the engine.

`Server` starts one for tests and benchmarks (with
`read_only=False`, Oxigraph's own read-write server, as a target for `scomm push`).
"""

from __future__ import annotations

import json
import os
import queue
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from graph.errors import ScommError, UsageError


from graph.store import sparql_text

if TYPE_CHECKING:
    from graph.store.answers import EndpointAnswers

DEFAULT_TIMEOUT_S = 30
MAX_RESULT_BYTES = 64_000_000
MAX_RESULT_TRIPLES = 1_000_000
MAX_REQUEST_BYTES = 1_000_000
WORKER_MEMORY = 4 * 1024**3
QUEUE_WAIT_S = 60


def oxigraph_binary() -> str:
    """The `oxigraph` CLI installed with this Python (beside it), else the first on PATH."""
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if found is None:
        raise ScommError("the Oxigraph server is not installed: `pip install oxigraph` (same version as pyoxigraph)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_command(store: Path, port: int, timeout_s: int = DEFAULT_TIMEOUT_S, read_only: bool = True,
                  union: bool = True, cors: bool = False, host: str = "127.0.0.1", workers: int = 2) -> list[str]:
    """The argument vector of a server on `store`: ours read-only, Oxigraph's read-write."""
    if port <= 0 or port > 65535:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    if read_only:
        command = [sys.executable, "-m", "graph.store.serve", str(store), "--port", str(port), "--host", host,
                   "--timeout", str(timeout_s), "--workers", str(workers)]
        return command + (["--cors"] if cors else [])
    command = [oxigraph_binary(), "serve", "--location", str(store), "--bind", f"{host}:{port}"]
    if union:
        command.append("--union-default-graph")
    if cors:
        command.append("--cors")
    return command


# ------------------------------------------------------------------ workers


class Worker:
    """A worker process (graph/store/serve_worker.py) and its pipes."""

    def __init__(self, store: Path, max_bytes: int, max_triples: int, memory: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "graph.store.serve_worker", str(store), str(max_bytes), str(max_triples), str(memory)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin = self.process.stdin
        self.fd = self.process.stdout.fileno()

    def wait_ready(self, timeout_s: float) -> None:
        if self._read(1, time.monotonic() + timeout_s) != b"R":
            raise OSError("the worker did not start")

    def ask(self, job: dict[str, object], timeout_s: float) -> tuple[dict[str, object], bytes]:
        """The worker's answer; TimeoutError at the limit, EOFError if it died."""
        payload = json.dumps(job).encode("utf-8")
        self.stdin.write(struct.pack(">Q", len(payload)) + payload)
        self.stdin.flush()
        deadline = time.monotonic() + timeout_s
        head_size, body_size = struct.unpack(">QQ", self._read(16, deadline))
        head = json.loads(self._read(head_size, deadline))
        return head, self._read(body_size, deadline)

    def _read(self, size: int, deadline: float) -> bytes:
        parts: list[bytes] = []
        while size > 0:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                raise TimeoutError
            data = os.read(self.fd, min(size, 1 << 20))
            if not data:
                raise EOFError
            parts.append(data)
            size -= len(data)
        return b"".join(parts)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


class Pool:
    """Worker processes, each running one query at a time; one killed is replaced."""

    def __init__(self, store: Path, size: int, max_bytes: int, max_triples: int, memory: int) -> None:
        self.args = (store, max_bytes, max_triples, memory)
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.size = size
        self.closed = False
        for _ in range(size):
            worker = Worker(*self.args)
            worker.wait_ready(60)
            self.idle.put(worker)

    def replace(self, worker: Worker) -> None:
        worker.kill()

        def start() -> None:
            if self.closed:
                return
            fresh = Worker(*self.args)
            try:
                fresh.wait_ready(60)
            except (OSError, TimeoutError, EOFError):
                fresh.kill()
                time.sleep(1)
                start()
                return
            self.idle.put(fresh)

        threading.Thread(target=start, daemon=True).start()

    def run(self, job: dict[str, object], timeout_s: float) -> tuple[int, dict[str, str], bytes]:
        try:
            worker = self.idle.get(timeout=QUEUE_WAIT_S)
        except queue.Empty:
            return 503, {}, b"the endpoint is busy: every worker is running a query; try again\n"
        try:
            head, body = worker.ask(job, timeout_s)
        except TimeoutError:
            self.replace(worker)
            return 500, {}, f"the endpoint stopped the query at its time limit of {timeout_s:g} s\n".encode()
        except (EOFError, OSError, ValueError):
            self.replace(worker)
            return 500, {}, b"the query failed: its worker process ended (a query too large or too deep?)\n"
        self.idle.put(worker)
        status = int(head["status"])  # type: ignore[call-overload]
        if status != 200:
            return status, {}, (str(head.get("message", "")) + "\n").encode("utf-8")
        return 200, {"Content-Type": str(head["content_type"])}, body

    def close(self) -> None:
        self.closed = True
        while True:
            try:
                self.idle.get_nowait().kill()
            except queue.Empty:
                return


# ------------------------------------------------------------------ the HTTP side


@dataclass
class Endpoint:
    """What the request handlers share: the store, its named graphs, the limits, the workers."""

    store: Path
    timeout_s: float = DEFAULT_TIMEOUT_S
    cors: bool = False
    workers: int = 2
    max_bytes: int = MAX_RESULT_BYTES
    max_triples: int = MAX_RESULT_TRIPLES
    memory: int = WORKER_MEMORY
    graphs: list[str] = field(default_factory=list)
    pool: Pool | None = None
    stored: EndpointAnswers | None = None

    def start(self) -> None:
        import pyoxigraph

        store = pyoxigraph.Store.read_only(str(self.store))
        self.graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, pyoxigraph.NamedNode))
        del store
        from graph.store import answers

        self.stored = answers.for_endpoint(self.store)
        self.pool = Pool(self.store, self.workers, self.max_bytes, self.max_triples, self.memory)

    def stored_answer(self, text: str, accept: list[str]) -> tuple[str, str, bytes] | None:
        """(query name, content type, body) of the stored answer to this exact text, in the
        format the client accepts, if there is a current one (the caller has checked that the
        request names no dataset); else None, and the engine answers."""
        from graph.store.serve_worker import CHARSET, RESULT_TYPES, choose

        if self.stored is None:
            return None
        media = choose(accept, RESULT_TYPES)
        if media is None:
            return None
        found = self.stored.lookup(text, RESULT_SUFFIX[media])
        if found is None:
            return None
        name, path = found
        try:
            if path.stat().st_size > self.max_bytes:
                return None  # the engine refuses it as it refuses any answer over the cap
            body = path.read_bytes()
        except OSError:
            return None
        return name, media + ("; charset=utf-8" if media in CHARSET else ""), body

    def description(self, url: str, accept: list[str]) -> tuple[str, bytes]:
        """The SPARQL 1.1 Service Description, with the named graphs and the limits."""
        import pyoxigraph as ox

        from graph.store.serve_worker import GRAPH_TYPES, choose

        sd = "http://www.w3.org/ns/sparql-service-description#"
        formats = "http://www.w3.org/ns/formats/"
        rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
        service = ox.NamedNode(url)
        triples = [
            ox.Triple(service, rdf_type, ox.NamedNode(sd + "Service")),
            ox.Triple(service, ox.NamedNode(sd + "endpoint"), service),
            ox.Triple(service, ox.NamedNode(sd + "supportedLanguage"), ox.NamedNode(sd + "SPARQL11Query")),
            ox.Triple(service, ox.NamedNode(sd + "feature"), ox.NamedNode(sd + "UnionDefaultGraph")),
            ox.Triple(service, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(
                f"Read-only. SERVICE is refused. Limits: {self.timeout_s:g} s per query, answers up to "
                f"{self.max_bytes // 1_000_000} MB, queries up to {sparql_text.MAX_QUERY_CHARS:,} characters and "
                f"{sparql_text.MAX_NESTING} levels of brackets. The default graph is the union of the named graphs "
                "unless the query (FROM, FROM NAMED) or the request (default-graph-uri, named-graph-uri) names a dataset.")),
        ]
        for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                     "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
            triples.append(ox.Triple(service, ox.NamedNode(sd + "resultFormat"), ox.NamedNode(formats + name)))
        dataset = ox.BlankNode("dataset")
        default = ox.BlankNode("default")
        triples += [
            ox.Triple(service, ox.NamedNode(sd + "defaultDataset"), dataset),
            ox.Triple(dataset, rdf_type, ox.NamedNode(sd + "Dataset")),
            ox.Triple(dataset, ox.NamedNode(sd + "defaultGraph"), default),
            ox.Triple(default, rdf_type, ox.NamedNode(sd + "Graph")),
        ]
        for n, graph in enumerate(self.graphs):
            node = ox.BlankNode(f"g{n}")
            triples += [
                ox.Triple(dataset, ox.NamedNode(sd + "namedGraph"), node),
                ox.Triple(node, rdf_type, ox.NamedNode(sd + "NamedGraph")),
                ox.Triple(node, ox.NamedNode(sd + "name"), ox.NamedNode(graph)),
            ]
        media = choose(accept, GRAPH_TYPES) or "text/turtle"
        body = ox.serialize(triples, format=GRAPH_TYPES[media])
        return media, body if isinstance(body, bytes) else b""


RESULT_SUFFIX = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}


def _accepted(header: str | None) -> list[str]:
    """The media types of an Accept header, most wanted first."""
    if not header:
        return []
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(header.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        quality = 1.0
        for piece in pieces[1:]:
            if piece.startswith("q="):
                try:
                    quality = float(piece[2:])
                except ValueError:
                    quality = 0.0
        if pieces[0] and quality > 0:
            ranked.append((-quality, n, pieces[0].lower()))
    return [media for _, _, media in sorted(ranked)]


class Handler(BaseHTTPRequestHandler):
    endpoint: Endpoint
    server_version = "scomm-serve"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8",
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if self.endpoint.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, status: int, message: str) -> None:
        self._send(status, (message.rstrip("\n") + "\n").encode("utf-8"))

    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's naming
        extra = {"Allow": "GET, POST, HEAD, OPTIONS"}
        if self.endpoint.cors:
            extra |= {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                      "Access-Control-Allow-Headers": "Content-Type, Accept", "Access-Control-Max-Age": "86400"}
        self._send(204, b"", extra=extra)

    def do_GET(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/query", "/sparql"):
            return self._not_here(url.path)
        self._query(urllib.parse.parse_qs(url.query, keep_blank_values=True))

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        url = urllib.parse.urlsplit(self.path)
        if url.path not in ("/query", "/sparql"):
            return self._not_here(url.path)
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            return self._error(400, "Content-Length is not a number")
        if length > MAX_REQUEST_BYTES:
            self.close_connection = True
            return self._error(413, f"the request is larger than {MAX_REQUEST_BYTES:,} bytes")
        body = self.rfile.read(length) if length > 0 else b""
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        fields = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(400, "the request body is not UTF-8")
        if kind == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(text, keep_blank_values=True).items():
                fields.setdefault(key, []).extend(values)
            if "update" in fields:
                return self._error(403, "this endpoint is read-only: SPARQL Update is refused")
        elif kind == "application/sparql-query":
            fields["query"] = [text]
        elif kind == "application/sparql-update":
            return self._error(403, "this endpoint is read-only: SPARQL Update is refused")
        else:
            return self._error(415, "send the query as application/sparql-query or an urlencoded form")
        self._query(fields)

    do_PUT = do_DELETE = do_PATCH = lambda self: self._error(405, "this endpoint is read-only")  # noqa: E731

    def _not_here(self, path: str) -> None:
        if path in ("/update", "/store"):
            return self._error(403, "this endpoint is read-only: updates and the Graph Store Protocol are refused")
        if path == "/":
            return self._error(404, "the SPARQL endpoint is at /query")
        return self._error(404, f"nothing at {path}; the SPARQL endpoint is at /query")

    def _query(self, fields: dict[str, list[str]]) -> None:
        accept = _accepted(self.headers.get("Accept"))
        queries = fields.get("query", [])
        if not queries:
            host = self.headers.get("Host") or "127.0.0.1"
            media, body = self.endpoint.description(f"http://{host}/query", accept)
            return self._send(200, body, media + ("; charset=utf-8" if media.startswith("text/") else ""))
        if len(queries) > 1:
            return self._error(400, "give one query per request")
        text = queries[0]
        if sparql_text.is_update(text):
            return self._error(403, "this endpoint is read-only: SPARQL Update is refused")
        try:
            shape = sparql_text.check(text)
        except UsageError as exc:
            return self._error(400, str(exc))
        job = {
            "query": text, "accept": accept, "names_dataset": shape.names_dataset,
            "default_graphs": fields.get("default-graph-uri", []), "named_graphs": fields.get("named-graph-uri", []),
        }
        if not (shape.names_dataset or job["default_graphs"] or job["named_graphs"]):
            found = self.endpoint.stored_answer(text, accept)
            if found is not None:
                name, content_type, answer = found
                return self._send(200, answer, content_type, extra={"Scomm-Answer": f"stored; query={name}"})
        assert self.endpoint.pool is not None
        status, headers, body = self.endpoint.pool.run(job, self.endpoint.timeout_s)
        if status == 200:
            return self._send(200, body, headers["Content-Type"])
        self._error(status, body.decode("utf-8", "replace"))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def make_server(store: Path, port: int, host: str = "127.0.0.1", timeout_s: float = DEFAULT_TIMEOUT_S,
                cors: bool = False, workers: int = 2) -> tuple[_HTTPServer, Endpoint]:
    """A server bound and ready (its workers started); call serve_forever() on it."""
    endpoint = Endpoint(store=store, timeout_s=timeout_s, cors=cors, workers=max(1, workers))
    endpoint.start()
    handler = type("BoundHandler", (Handler,), {"endpoint": endpoint})
    try:
        httpd = _HTTPServer((host, port), handler)
    except OSError as exc:
        assert endpoint.pool is not None
        endpoint.pool.close()
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return httpd, endpoint


def serve_forever(store: Path, port: int, timeout_s: float, cors: bool, host: str = "127.0.0.1",
                  workers: int = 2) -> int:
    """Serve until Ctrl-C or SIGTERM; 0. The workers stop with the server."""
    httpd, endpoint = make_server(store, port, host, timeout_s, cors, workers)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        httpd.server_close()
        assert endpoint.pool is not None
        endpoint.pool.close()
    return 0


@dataclass
class Server:
    """A running server in a child process; use as a context manager so that it is always stopped.

    read_only=True is `scomm serve`'s server; read_only=False is Oxigraph's read-write server
    (a target for `scomm push` in tests).
    """

    store: Path
    read_only: bool = True
    port: int = field(default_factory=free_port)
    timeout_s: int = DEFAULT_TIMEOUT_S
    union: bool = True
    cors: bool = False
    process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def store_url(self) -> str:
        return self.base + "/store"

    def start(self, wait_s: float = 60.0) -> "Server":
        command = serve_command(self.store, self.port, self.timeout_s, self.read_only, self.union, self.cors)
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                raise ScommError(f"the server stopped at start: {err.strip()}")
            try:
                probe = urllib.request.Request(self.query_url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(probe, timeout=2):
                    return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.1)
        self.stop()
        raise ScommError(f"the server did not answer on {self.base} within {wait_s:g} s")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
        self.process = None

    def __enter__(self) -> "Server":
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """`python -m graph.store.serve STORE --port N`: the read-only server in this process."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m graph.store.serve")
    parser.add_argument("store")
    parser.add_argument("--port", type=int, default=7878)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--cors", action="store_true")
    args = parser.parse_args(argv)
    try:
        return serve_forever(Path(args.store), args.port, args.timeout, args.cors, args.host, args.workers)
    except ScommError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_code


if __name__ == "__main__":
    sys.exit(main())
