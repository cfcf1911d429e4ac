"""The embedded Oxigraph store the build writes and `scomm query` reads."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph

from graph.errors import DataError


def store_dir(out_dir: Path) -> Path:
    return out_dir / "store"


def open_store(out_dir: Path, writable: bool = False) -> pyoxigraph.Store:
    """Open the built store (read-only unless asked); DataError if there is none yet."""
    path = store_dir(out_dir)
    if not (path / "CURRENT").exists():
        raise DataError(f"no built graph at {path}: run `scomm build` first")
    return pyoxigraph.Store(str(path)) if writable else pyoxigraph.Store.read_only(str(path))


def create_store(path: Path, nquads: bytes) -> None:
    """Write a new store directory at `path` holding the given N-Quads."""
    store = pyoxigraph.Store(str(path))
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store


def memory_store(nquads: bytes) -> pyoxigraph.Store:
    """An in-memory store holding the given N-Quads (for tests and the Python API)."""
    store = pyoxigraph.Store()
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return store
