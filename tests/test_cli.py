"""The CLI end to end on the mini fixture: build, validate, query, stats, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from graph.cli import main
from graph.folders import Project

ERRORS = Path(__file__).parent / "fixtures" / "errors"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_build_then_query(mini: Project) -> None:
    root = str(mini.root)
    code, out, _ = invoke("build", "--root", root)
    assert code == 0 and "3 stance" in out
    code, out, _ = invoke("query", "stances-on", "--root", root, "--param", "program=beta-program", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert {r["position"] for r in rows} == {"seeks-opt-out", "opposes", "criticizes"}
    assert all(r["quote"] for r in rows)
    code, out, _ = invoke("query", "opponents", "--root", root, "-p", "program=beta-program", "-p", "source=doc-a", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("actor,actorName,position") and len(out.splitlines()) == 2
    code, out, _ = invoke("query", "--root", root, "--format", "tsv",
                          "SELECT ?n WHERE { GRAPH <https://w3id.org/scomm-kg/graph/registry> { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?n } } ORDER BY ?n LIMIT 2")
    assert code == 0 and out.splitlines() == ["n", "Alpha County", "Beta Program"]
    code, out, _ = invoke("stats", "--root", root)
    assert code == 0 and "## Statements per kind" in out


def test_query_list_shows_titles_and_params() -> None:
    code, out, _ = invoke("query", "--list")
    assert code == 0
    assert "stances-on: Stances on a program" in out
    assert "--param program=<entity> (default secure-communities)" in out


def test_validate_ok_and_invalid_exit_codes(mini: Project) -> None:
    code, out, _ = invoke("validate", "--root", str(mini.root))
    assert code == 0 and "shapes conform" in out
    shutil.copy(ERRORS / "many-problems.yaml", mini.data_dir / "statements" / "zz-bad.yaml")
    code, _, err = invoke("validate", "--root", str(mini.root))
    assert code == 1
    assert "3 problems found" in err and "zz-bad.yaml:3 (first-problem)" in err


def test_usage_errors_exit_2(mini_built: Project) -> None:
    root = str(mini_built.root)
    code, _, err = invoke("query", "stances-on", "--root", root, "--param", "colour=red")
    assert code == 2 and "has no parameter colour" in err
    code, _, err = invoke("query", "--root", root, "SELECT ?s WHERE { ?s ?p }")
    assert code == 2 and "SPARQL syntax error" in err
    code, _, err = invoke("query", "no-such-question", "--root", root)
    assert code == 2 and "scomm query --list" in err
    code, _, err = invoke("query", "actor-record", "--root", root)
    assert code == 2 and "needs --param actor" in err


def test_query_before_build_says_what_to_do(mini: Project) -> None:
    code, _, err = invoke("query", "stances-on", "--root", str(mini.root))
    assert code == 1 and "run `scomm build` first" in err


def test_query_list_as_a_table_and_into_a_closed_pipe() -> None:
    import csv
    import io
    import subprocess
    import sys

    out = CliRunner().invoke(main, ["query", "--list", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert {"stances-on", "contradictions"} <= {r["name"] for r in rows}
    # a reader that stops early (| head) is no internal error
    proc = subprocess.run(f"{sys.executable} -m graph query --list | head -1", shell=True,
                          capture_output=True, text=True, cwd=Path(__file__).resolve().parents[1])
    assert "internal error" not in proc.stderr
