"""Bad input, one case per promise: line numbers kept, fast nearest passage, internal errors exit 2."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.build.load import load
from graph.build.quotes import nearest
from graph.errors import DataErrors
from graph.folders import project

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "data", tmp_path / "data")
    (tmp_path / "ontology").symlink_to(REPO / "ontology")
    return tmp_path


@pytest.mark.parametrize("name", ["sources.yaml", "entities/people.yaml"])
def test_a_yaml_error_keeps_its_line(root: Path, name: str) -> None:
    path = root / "data" / name
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(8, "  bad: [unclosed")
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        load(project(root))
    assert any(m.startswith(f"data/{name}:") and "malformed YAML" in m for m in caught.value.messages), caught.value.messages


def test_every_bad_file_is_named_at_once(root: Path) -> None:
    (root / "data" / "entities" / "folder.yaml").mkdir()
    (root / "data" / "statements" / "gone.yaml").symlink_to("nowhere.yaml")
    (root / "data" / "statements" / "loop.yaml").symlink_to("loop.yaml")
    with pytest.raises(DataErrors) as caught:
        load(project(root))
    text = str(caught.value)
    assert "data/entities/folder.yaml: is a directory" in text
    assert "data/statements/gone.yaml: is a dangling symbolic link" in text
    assert "data/statements/loop.yaml: cannot be opened" in text


def test_non_ascii_digits_are_not_a_date(root: Path) -> None:
    path = root / "data" / "statements" / "nif-2010-10-14.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('date: "2010-10-14"', 'date: "\u0662\u0660\u0661\u0660-10-14"', 1), encoding="utf-8")
    with pytest.raises(DataErrors, match="ASCII digits"):
        load(project(root))


def test_nearest_passage_is_fast_for_any_length() -> None:
    text = (REPO / "data" / "corpus" / "000_f2bd0ada508f4ac0.txt").read_text(encoding="utf-8") * 40
    quote = text[5000:7000].replace("e", "a")
    started = time.perf_counter()
    found = nearest(text, quote)
    assert time.perf_counter() - started < 1.0
    assert len(found) == len(quote) and found[:20] == text[5000:5020]


def test_an_internal_error_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from graph.cli import main

    def boom(*args: object, **kwargs: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr("graph.build.pipeline.build", boom)
    result = CliRunner().invoke(main, ["build", "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.output
    assert "this is a bug" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    debug = CliRunner().invoke(main, ["--debug", "build", "--out", str(tmp_path / "out")])
    assert isinstance(debug.exception, KeyError)
