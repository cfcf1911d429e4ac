"""The whole workflow on one public-domain document the extractor was not developed on:
ingest (with a publisher the register does not know), review with one key per candidate,
accept, build, and ask the library questions, as a researcher would from the command line."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from graph.cli import main

REPO = Path(__file__).resolve().parents[2]
DOCUMENT = REPO / "bench" / "ingest-eval" / "texts" / "norton-letter-obama-2011.txt"  # a US House member's letter


def test_ingest_review_accept_build_query(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(REPO / "data", root / "data", ignore=shutil.ignore_patterns("review"))
    shutil.copytree(REPO / "ontology", root / "ontology")
    runner = CliRunner()
    where = ["--root", str(root)]

    result = runner.invoke(main, ["ingest", str(DOCUMENT), "--title", "Letter to President Obama", "--date", "2011-11-17",
                                  "--publisher", "Office of Delegate Eleanor Holmes Norton", "--publisher-type", "office",
                                  "--url", "https://justfacts.votesmart.org/public-statement/656300/", "--id", "norton-2011", *where])
    assert result.exit_code == 0, result.output
    review = root / "data" / "review" / "norton-2011.yaml"
    content = yaml.safe_load(review.read_text(encoding="utf-8"))
    assert content["entities"][0]["role"] == "publisher"
    assert ("eleanor-holmes-norton", "secure-communities", "calls-to-end") in {
        (s["actor"], s["target"], s["position"]) for s in content["stances"]}

    # keep every candidate with one key each, as `printf 'kkk...' | scomm review norton-2011` does
    total = sum(len(content.get(k) or []) for k in ("entities", "mentions", "stances", "figures", "posts"))
    result = runner.invoke(main, ["review", "norton-2011", "--no-color", *where], input="k" * total)
    assert result.exit_code == 0, result.output
    assert f"kept {total}, dropped 0" in result.output
    assert "[[" in result.output  # quotes are marked in the document

    result = runner.invoke(main, ["accept", str(review), *where])
    assert result.exit_code == 0, result.output
    assert "stances" in result.output

    out = tmp_path / "out"
    result = runner.invoke(main, ["build", *where, "--out", str(out)])
    assert result.exit_code == 0, result.output

    result = runner.invoke(main, ["query", "actor-record", "--param", "actor=eleanor-holmes-norton", "--format", "csv",
                                  *where, "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    labels = {r["label"] for r in rows}
    assert "Eleanor Holmes Norton calls to end Secure Communities" in labels
    assert all(r["source"] == "norton-2011" for r in rows)
    sources = yaml.safe_load((root / "data" / "sources.yaml").read_text(encoding="utf-8"))
    assert next(s for s in sources if s["id"] == "norton-2011")["publisher"] == "office-of-delegate-eleanor-holmes-norton"
