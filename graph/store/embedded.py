"""The embedded Oxigraph store the build writes and `scomm query` reads."""

from __future__ import annotations

from collections.abc import Sequence
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


def create_store(path: Path, nquads: bytes | Path | Sequence[Path]) -> None:
    """Write a new store directory at `path` holding the given N-Quads: bytes, or better
    one or more N-Quads files, which Oxigraph streams from disk (the bytes are then never
    all in memory: peak memory stays at the bulk loader's own)."""
    store = pyoxigraph.Store(str(path))
    if isinstance(nquads, bytes):
        store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    else:
        for file in [nquads] if isinstance(nquads, Path) else nquads:
            store.bulk_load(path=str(file), format=pyoxigraph.RdfFormat.N_QUADS)
    store.optimize()
    store.flush()
    del store


def memory_store(nquads: bytes) -> pyoxigraph.Store:
    """An in-memory store holding the given N-Quads (for tests and the Python API)."""
    store = pyoxigraph.Store()
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    return store
