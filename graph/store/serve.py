"""Serving the built store over the SPARQL 1.1 Protocol with Oxigraph's own server.

`scomm serve` runs `oxigraph serve-read-only` (from the `oxigraph` package, the same
version as pyoxigraph) on out/store, bound to 127.0.0.1, with the union of the named
graphs as default graph and a query time limit. Oxigraph answers SPARQL JSON, XML, CSV
and TSV by content negotiation at /query; YASGUI, SPARQLWrapper and rdflib's SPARQLStore
work with it. `Server` starts and stops one for tests and benchmarks.
"""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from graph.errors import ScommError, UsageError


def oxigraph_binary() -> str:
    """The `oxigraph` CLI: on PATH, or beside this Python (a virtualenv not on PATH)."""
    found = shutil.which("oxigraph") or shutil.which("oxigraph", path=str(Path(sys.executable).parent))
    if found is None:
        raise ScommError("the Oxigraph server is not installed: `pip install oxigraph` (same version as pyoxigraph)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def serve_command(store: Path, port: int, timeout_s: int = 30, read_only: bool = True,
                  union: bool = True, cors: bool = False, host: str = "127.0.0.1") -> list[str]:
    """The argument vector of an Oxigraph server on `store`."""
    if port <= 0 or port > 65535:
        raise UsageError(f"--port {port}: give a port between 1 and 65535")
    command = [oxigraph_binary(), "serve-read-only" if read_only else "serve",
               "--location", str(store), "--bind", f"{host}:{port}"]
    if read_only:
        command += ["--timeout-s", str(timeout_s)]
    if union:
        command.append("--union-default-graph")
    if cors:
        command.append("--cors")
    return command


@dataclass
class Server:
    """A running Oxigraph server; use as a context manager so that it is always stopped."""

    store: Path
    read_only: bool = True
    port: int = field(default_factory=free_port)
    timeout_s: int = 30
    union: bool = True
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

    def start(self, wait_s: float = 20.0) -> "Server":
        command = serve_command(self.store, self.port, self.timeout_s, self.read_only, self.union)
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                raise ScommError(f"the Oxigraph server stopped at start: {err.strip()}")
            try:
                probe = urllib.request.Request(self.query_url + "?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(probe, timeout=1):
                    return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.05)
        self.stop()
        raise ScommError(f"the Oxigraph server did not answer on {self.base} within {wait_s:g} s")

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


def serve_forever(store: Path, port: int, timeout_s: int, cors: bool) -> int:
    """Run the read-only server until it stops, Ctrl-C or SIGTERM; the server's exit code.

    The server is a child process: it is stopped with us, never left behind.
    """
    command = serve_command(store, port, timeout_s, read_only=True, union=True, cors=cors)
    process = subprocess.Popen(command)

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return process.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
