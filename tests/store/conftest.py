"""Fixtures of the store tests: a real Virtuoso server, started once for the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.folders import Project, project
from virtuoso_server import Virtuoso, installed

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO.parent / "shared" / "data" / "sc_activation_by_county.csv"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real corpus built, with the real activation table imported (every kind of graph)."""
    from graph.build.pipeline import build
    from graph.records.imports import import_table

    proj = project(REPO, tmp_path_factory.mktemp("push") / "out")
    build(proj)
    import_table(proj, TABLE, REPO / "data" / "imports" / "sc-activation.yaml", keep_good_rows=True)
    return proj


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Virtuoso]:
    """Virtuoso 7.2 on 127.0.0.1 with a fresh database, stopped at the end of the session."""
    if not installed():
        pytest.skip("Virtuoso is not installed: `bash scripts/setup` installs Debian's virtuoso-opensource")
    server = Virtuoso(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
