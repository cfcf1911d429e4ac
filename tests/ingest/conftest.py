"""Fixtures shared by the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.build.vocabulary import Vocabulary, load_ontology, vocabulary

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    """The project's vocabularies (positions, measures, ...), read once."""
    return vocabulary(load_ontology(REPO / "ontology"))
