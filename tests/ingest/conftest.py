"""Fixtures shared by the ingest tests."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from graph.build.vocabulary import Vocabulary, load_ontology, vocabulary

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    """The project's vocabularies (positions, measures, ...), read once."""
    return vocabulary(load_ontology(REPO / "ontology"))


@pytest.fixture(scope="session")
def bench_script() -> Callable[[str], ModuleType]:
    """Load a script of bench/ (not a package) as a module, with bench/ importable while it loads."""
    def load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        sys.path.insert(0, str(REPO / "bench"))
        try:
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(REPO / "bench"))
        return module
    return load
