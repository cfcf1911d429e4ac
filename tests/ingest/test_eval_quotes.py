"""bench/eval_ingest.py --quotes: the gold's quotes alone, each run as a text, on an evaluation set
whose texts are absent (bench/eval_quotes.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]

FOUND = "Governor Pat Quinn withdrew Illinois from Secure Communities."
MISSED = "It has made immigrant communities afraid to call the police."
FIGURE = "Through Secure Communities, ICE removed more than 77,000 convicted criminal aliens as of April 30, 2011."


def _set(root: Path) -> None:
    """Two documents with gold and no texts: a stance found and one missed (its actor outside the
    quote) in the first, and one coded without a quote; a figure in the second."""
    entry = {"split": "dev", "date": "2011-06-01", "publisher": "Example Gazette", "author": ""}
    docs = [{"id": "quotes-a", "file": "texts/quotes-a.txt", "round": 9, **entry},
            {"id": "quotes-b", "file": "texts/quotes-b.txt", "round": 10, **entry}]
    (root / "gold").mkdir()
    (root / "manifest.yaml").write_text(yaml.safe_dump({"documents": docs}), encoding="utf-8")
    gold_a = {"mentions": ["illinois", "secure-communities"],
              "new_entities": [{"name": "Pat Quinn", "type": "person", "aliases": ["Quinn"]}],
              "stances": [{"actor": "Pat Quinn", "target": "secure-communities", "position": "seeks-opt-out", "quote": FOUND},
                          {"actor": "illinois", "target": "secure-communities", "position": "criticizes", "quote": MISSED},
                          {"actor": "illinois", "target": "secure-communities", "position": "seeks-opt-out"}]}
    gold_b = {"mentions": ["ice", "secure-communities"],
              "figures": [{"value": "77000", "unit": "persons", "measure": "scomm-criminal-removals",
                           "date": "2011-04-30", "quote": FIGURE}]}
    for ident, gold in (("quotes-a", gold_a), ("quotes-b", gold_b)):
        (root / "gold" / f"{ident}.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")


def test_each_quote_is_run_alone_and_scored_with_the_gold_coded_with_it(tmp_path: Path) -> None:
    _set(tmp_path)
    run = subprocess.run([sys.executable, str(REPO / "bench" / "eval_ingest.py"), "--quotes", "--eval-set", str(tmp_path),
                          "--verbose"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    out = run.stdout
    # three quotes; the stance coded without a quote is left out
    assert "2 documents, 3 distinct quotes (1 gold stances and figures have no quote and are left out)" in out
    round9 = next(line for line in out.splitlines() if line.startswith("round 9 "))
    assert "stance rec 1/2 0.50" in round9  # the new entity proposed as "Pat Quinn" stands for the gold one
    assert "named-pair rec 1/1 1.00" in round9  # Illinois, the missed stance's actor, is not in its quote
    # Illinois's opt-out, proposed from the first quote, is coded in the document but not with that quote
    assert "stance prec 1/2 0.50" in round9 and "prec in doc 2/2 1.00" in round9
    round10 = next(line for line in out.splitlines() if line.startswith("round 10 "))
    assert "fig values 1/1 1.00" in round10 and "fig m+d right 1/1 1.00" in round10
    assert "pooled (2 texts, 3 quotes)" in out and "seconds: " in out
    misses = out[out.index("\nquotes-a (round 9):"):]
    assert f"  {MISSED!r}\n    missed stance ('illinois', 'secure-communities', 'criticizes')" in misses
    assert f"  {FOUND!r}\n    wrong stance ('illinois', 'secure-communities', 'seeks-opt-out')\n" in misses
    assert f"  {FIGURE!r}" not in out  # a quote with nothing missed is not listed


def test_rounds_choose_the_documents(tmp_path: Path) -> None:
    _set(tmp_path)
    run = subprocess.run([sys.executable, str(REPO / "bench" / "eval_ingest.py"), "--quotes", "--eval-set", str(tmp_path),
                          "--rounds", "10"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "1 documents, 1 distinct quotes" in run.stdout and "round 9 " not in run.stdout


def test_the_test_half_is_left_out(tmp_path: Path) -> None:
    """A round kept for its one held-out run is not read by the development set, misses or figures."""
    _set(tmp_path)
    manifest = yaml.safe_load((tmp_path / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"][0]["split"] = "test"
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    run = subprocess.run([sys.executable, str(REPO / "bench" / "eval_ingest.py"), "--quotes", "--eval-set", str(tmp_path),
                          "--verbose"], capture_output=True, text=True, cwd=REPO, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "1 documents, 1 distinct quotes" in run.stdout
    assert "1 documents of the test half left out" in run.stdout and MISSED not in run.stdout
