"""Stored answers (graph/store/answers.py): each equals the live SPARQL answer, rows and order,
in every format; a changed store, other parameters or another query text are never served."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.commands.store import render
from graph.folders import Project, project
from graph.store import answers
from graph.store import query as q
from graph.store.embedded import open_store

ANSWERED = sorted(name for name, query in q.library().items() if answers.answerable(query))


def test_the_answered_queries_are_those_without_a_required_parameter() -> None:
    assert "stances-on" in ANSWERED and "coverage-by-source" in ANSWERED
    assert "under-umbrella" not in ANSWERED and "actor-record" not in ANSWERED


@pytest.mark.parametrize("name", ANSWERED)
def test_stored_answer_equals_the_live_answer_in_every_format(built: Project, name: str) -> None:
    # `built` is the corpus built and then the real activation table imported: the answers
    # are those `scomm import` wrote, of the store as the import left it
    live = q.run(q.LocalBackend(open_store(built.out_dir)), q.library()[name], {})
    for fmt in answers.FORMATS:
        assert answers.stored(built.out_dir, q.library()[name], {}, fmt) == render(live, fmt), (name, fmt)


def test_the_command_line_prints_the_stored_answer_and_the_same_with_the_default_spelled_out(built: Project) -> None:
    live = render(q.run(q.LocalBackend(open_store(built.out_dir)), q.library()["stances-on"], {}), "csv")
    for extra in ([], ["--param", "program=secure-communities"]):
        result = CliRunner().invoke(main, ["query", "stances-on", "--format", "csv", "--out", str(built.out_dir), *extra])
        assert result.exit_code == 0, result.output
        assert result.output == live


def test_other_parameters_or_another_text_run_the_query(built: Project) -> None:
    opponents = q.library()["opponents"]
    assert answers.stored(built.out_dir, opponents, {}, "csv") is not None
    assert answers.stored(built.out_dir, opponents, {"source": "backgrounder-2011"}, "csv") is None
    edited = q.parse_query(opponents.text + "\n# edited\n", "opponents", opponents.path)
    assert answers.stored(built.out_dir, edited, {}, "csv") is None
    assert answers.stored(built.out_dir, opponents, {}, "turtle") is None


def test_a_changed_store_is_never_answered_from_the_old_answers(built: Project, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built.out_dir.resolve() / ".build", out, symlinks=True)
    query = q.library()["coverage-by-source"]
    assert answers.stored(out, query, {}, "table") is not None
    store = pyoxigraph.Store(str(out / "store"))
    store.add(pyoxigraph.Quad(pyoxigraph.NamedNode("https://example.org/s"), pyoxigraph.NamedNode("https://example.org/p"),
                              pyoxigraph.Literal("o"), pyoxigraph.NamedNode("https://example.org/g")))
    store.flush()
    del store
    assert answers.stored(out, query, {}, "table") is None
    result = CliRunner().invoke(main, ["query", "coverage-by-source", "--out", str(out)])
    assert result.exit_code == 0, result.output  # answered live


def test_a_rebuild_writes_answers_of_its_own_store(mini: Project) -> None:
    from graph.build.pipeline import build

    build(mini)
    query = q.library()["coverage-by-position"]
    first = answers.stored(mini.out_dir, query, {}, "json")
    assert first == render(q.run(q.LocalBackend(open_store(mini.out_dir)), query, {}), "json")
    build(project(mini.root))
    assert answers.stored(mini.out_dir, query, {}, "json") == first


def test_analyze_leaves_the_stored_answers_current(mini: Project) -> None:
    # `scomm all` builds, then analyze writes its named graph into the store: the answers it
    # leaves must be of that store, so that the main job's store is answered from them
    from graph.build.pipeline import build

    build(mini)
    result = CliRunner().invoke(main, ["analyze", "--out", str(mini.out_dir), "--root", str(mini.root)])
    assert result.exit_code == 0, result.output
    for name in ("stances-on", "coverage-by-source"):
        live = render(q.run(q.LocalBackend(open_store(mini.out_dir)), q.library()[name], {}), "csv")
        assert answers.stored(mini.out_dir, q.library()[name], {}, "csv") == live, name
