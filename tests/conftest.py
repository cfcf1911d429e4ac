"""Shared fixtures: a tiny hand-checkable project, and the real corpus built once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.folders import Project, project

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def make_mini(root: Path) -> Project:
    """A copy of the mini fixture data with the real ontology, at `root`."""
    shutil.copytree(FIXTURES / "mini" / "data", root / "data")
    shutil.copytree(REPO / "ontology", root / "ontology")
    return project(root)


@pytest.fixture
def mini(tmp_path: Path) -> Project:
    return make_mini(tmp_path / "mini")


@pytest.fixture(scope="session")
def mini_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from graph.build.pipeline import build

    proj = make_mini(tmp_path_factory.mktemp("mini-built"))
    build(proj)
    return proj


@pytest.fixture(scope="session")
def corpus_built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The real project's data, built into a temporary output folder."""
    from graph.build.pipeline import build

    proj = project(REPO, tmp_path_factory.mktemp("corpus-out") / "out")
    build(proj)
    return proj
