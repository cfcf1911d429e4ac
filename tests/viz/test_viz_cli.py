"""`scomm viz` end to end: one explorer file and its index; all at once; errors that say where."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main

FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"


def test_viz_writes_the_explorer_and_an_index_linking_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--out", str(out)])
    assert result.exit_code == 0, result.output
    site = out / "viz"
    assert "wrote the explorer" in result.output
    assert sorted(p.name for p in site.rglob("*") if p.is_file()) == [".scomm-viz", "explorer.html", "index.html"]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="explorer.html"' in index and 'href="explorer.html#view=stance"' in index
    assert 'href="explorer.html#view=source:src-a"' in index
    assert not list(tmp_path.glob("out/.viz*"))  # no temporary folder left behind


def test_viz_is_byte_identical_on_rerun_and_replaces_old_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(main, ["viz", "--graph", str(FIXTURE), "--out", str(out)]).exit_code == 0
    first = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (out / "viz" / "stale.html").write_text("old", encoding="utf-8")
    assert runner.invoke(main, ["viz", "--graph", str(FIXTURE), "--out", str(out)]).exit_code == 0
    second = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert first == second


def test_viz_options_choose_the_opening_view_measure_and_figures(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--out", str(tmp_path), "--view", "stance",
                                       "--measure", "none", "--figures"])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "viz" / "explorer.html").read_text(encoding="utf-8")
    assert '"initial":{"view":"stance","size_by":"none","color_by":"class"}' in page
    figures = sorted(p.name for p in (tmp_path / "viz" / "figures").iterdir())
    assert figures == ["graph.png", "graph.svg", "stance-network.png", "stance-network.svg"]


def test_viz_errors_say_where(tmp_path: Path) -> None:
    bad = tmp_path / "graph.json"
    bad.write_text(json.dumps({"nodes": [{"id": "a"}, {"label": "no id"}],
                               "edges": [{"from": "a", "to": "zz", "key": "s1"}], "contradicts": [["x"]]}),
                   encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", "--graph", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "nodes[1]: needs a string 'id'" in result.output
    assert "edges[0] (s1): unknown node zz" in result.output
    assert "contradicts: expected a list of [statement id, statement id] pairs" in result.output
    assert not (tmp_path / "out" / "viz").exists()
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--out", str(tmp_path / "o2"),
                                       "--program", "nothing-like-this"])
    assert result.exit_code == 2
    assert "--program 'nothing-like-this': no such node" in result.output
    result = CliRunner().invoke(main, ["viz", "--out", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "scomm build" in result.output


def test_viz_never_replaces_a_folder_it_did_not_write(tmp_path: Path) -> None:
    precious = tmp_path / "notes"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = CliRunner().invoke(main, ["viz", "--graph", str(FIXTURE), "--dest", str(precious)])
    assert result.exit_code == 2
    assert "exists and was not written by scomm viz" in result.output
    assert (precious / "thesis.txt").read_text(encoding="utf-8") == "years of work"
