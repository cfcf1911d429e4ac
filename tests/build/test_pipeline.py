"""Determinism and atomicity of the build's outputs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import DataErrors
from graph.folders import Project, project
from graph.build.pipeline import OUTPUT_FILES, build

FILES = [name for name in OUTPUT_FILES if name != "store"]


def digests(out: Path) -> dict[str, str]:
    return {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in FILES}


def test_two_builds_are_byte_identical_across_processes(mini: Project, tmp_path: Path) -> None:
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "graph", "build", "--root", str(mini.root), "--out", str(out)],
            check=True, env=env, capture_output=True,
        )
        outs.append(digests(out))
    assert outs[0] == outs[1]


def test_failed_build_leaves_previous_output_untouched(mini: Project) -> None:
    build(mini)
    before = digests(mini.out_dir)
    (mini.data_dir / "statements" / "zz-bad.yaml").write_text(
        "source: doc-a\nstances:\n  - id: x\n    actor: nobody\n    target: beta-program\n"
        "    position: opposes\n    quote: \"the county\"\n",
        encoding="utf-8",
    )
    with pytest.raises(DataErrors):
        build(mini)
    assert digests(mini.out_dir) == before
    leftovers = [p.name for p in mini.out_dir.parent.iterdir() if "staging" in p.name]
    assert leftovers == []


def test_failed_first_build_writes_nothing(mini: Project, tmp_path: Path) -> None:
    (mini.data_dir / "sources.yaml").write_text("- id: Bad Id\n", encoding="utf-8")
    out = tmp_path / "never"
    with pytest.raises(DataErrors):
        build(project(mini.root, out))
    assert not out.exists()


def test_serializations_parse_back_to_the_same_quads(mini_built: Project) -> None:
    import pyoxigraph

    out = mini_built.out_dir
    nq = set(pyoxigraph.parse(path=str(out / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS))
    trig = set(pyoxigraph.parse(path=str(out / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG))
    jsonld = set(pyoxigraph.parse(path=str(out / "graph.jsonld"), format=pyoxigraph.RdfFormat.JSON_LD))
    assert nq == trig == jsonld
    ttl = {q.triple for q in pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)}
    assert ttl == {q.triple for q in nq}
