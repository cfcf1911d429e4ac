"""The Python API for notebooks: open the built graph and ask it questions.

    >>> from graph.api import open_graph
    >>> kg = open_graph()
    >>> kg.query("stances-on", program="secure-communities").records()
"""

from __future__ import annotations

from pathlib import Path

from graph.store import query as q
from graph.folders import project
from graph.store.embedded import open_store


class KnowledgeGraph:
    """The built graph, queried through the library or with SPARQL text."""

    def __init__(self, backend: q.Backend) -> None:
        self.backend = backend

    def queries(self) -> dict[str, q.Query]:
        """The library of named questions."""
        return q.library()

    def query(self, name_or_sparql: str, **params: str) -> q.Result:
        """Run a library query by name (or SPARQL text) with parameters as keywords."""
        return q.run(self.backend, q.resolve(name_or_sparql), params)

    def dataframe(self, name_or_sparql: str, **params: str) -> object:
        """The answers as a pandas DataFrame (pandas must be installed)."""
        return self.query(name_or_sparql, **params).as_dataframe()


def open_graph(out_dir: Path | None = None, root: Path | None = None, endpoint: str | None = None) -> KnowledgeGraph:
    """The graph built under `out_dir` (default: the project's out/), or a SPARQL endpoint."""
    if endpoint:
        import importlib

        return KnowledgeGraph(importlib.import_module("graph.store.remote").RemoteBackend(endpoint))
    return KnowledgeGraph(q.LocalBackend(open_store(project(root, out_dir).out_dir)))
