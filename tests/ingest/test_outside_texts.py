"""bench/outside_texts.py: texts placed again in a set kept outside the repository are checked
against their gold quotes and recorded digests, every problem named at once."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "bench" / "outside_texts.py"), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=60)


def _set(root: Path) -> None:
    """Three entries: one right, one lacking a quote, one absent."""
    (root / "texts").mkdir()
    (root / "gold").mkdir()
    entries = [{"id": name, "file": f"texts/{name}.txt", "url": f"https://example.org/{name}", "extent": "the headline"}
               for name in ("right", "typed", "absent")]
    (root / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")
    gold = {"stances": [{"actor": "ice", "target": "secure-communities", "position": "supports",
                         "quote": "ICE praised Secure Communities."}],
            "figures": [{"value": "7", "unit": "persons", "measure": "", "quote": "7 people"}]}
    for name in ("right", "typed", "absent"):
        (root / "gold" / f"{name}.yaml").write_text(yaml.safe_dump(gold), encoding="utf-8")
    (root / "texts" / "right.txt").write_text("ICE praised Secure Communities. It held 7 people.\n", encoding="utf-8")
    (root / "texts" / "typed.txt").write_text("ICE praised Secure  Communities. It held 7 people.\n", encoding="utf-8")


def test_each_absent_text_and_each_missing_quote_is_named_at_once(tmp_path: Path) -> None:
    _set(tmp_path)
    run = _run("check", "--eval-set", str(tmp_path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{tmp_path / 'texts/absent.txt'}: no text (obtain it from https://example.org/absent, keeping the headline)" in run.stdout
    assert f"{tmp_path / 'texts/typed.txt'}: the stances quote 'ICE praised Secure Communities.' of typed.yaml is not in the text" in run.stdout
    assert "right.txt" not in run.stdout


def test_recorded_digests_check_a_later_placing_byte_for_byte(tmp_path: Path) -> None:
    _set(tmp_path)
    run = _run("record", "--eval-set", str(tmp_path))
    assert run.returncode == 0 and "1 of 3 texts recorded" in run.stdout
    digest = hashlib.sha256((tmp_path / "texts" / "right.txt").read_bytes()).hexdigest()
    assert (tmp_path / "texts.sha256").read_text(encoding="utf-8") == f"{digest}  texts/right.txt\n"
    (tmp_path / "texts" / "right.txt").write_text("ICE praised Secure Communities. It held 7 people. \n", encoding="utf-8")
    run = _run("check", "--eval-set", str(tmp_path), "right")
    assert run.returncode == 1 and f"is not the recorded {digest}" in run.stdout


def test_a_text_obtained_again_may_differ_in_its_runs_of_blank_lines_only(tmp_path: Path) -> None:
    _set(tmp_path)
    placed = "ICE praised Secure Communities.\n\n\nIt held 7 people.\n"
    collapsed = hashlib.sha256(b"ICE praised Secure Communities.\n\nIt held 7 people.\n").hexdigest()
    manifest = yaml.safe_load((tmp_path / "manifest.yaml").read_text(encoding="utf-8"))
    manifest["documents"][0].update(sha256="0" * 64, sha256_blank_lines_collapsed=collapsed)
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    (tmp_path / "texts" / "right.txt").write_text(placed, encoding="utf-8")
    assert _run("check", "--eval-set", str(tmp_path), "right").returncode == 0
    (tmp_path / "texts" / "right.txt").write_text(placed.replace("held", "holds"), encoding="utf-8")
    run = _run("check", "--eval-set", str(tmp_path), "right")
    assert run.returncode == 1 and f"is not the recorded {'0' * 64}" in run.stdout


def test_the_committed_federal_texts_hold_every_gold_quote() -> None:
    root = REPO / "bench" / "ingest-eval"
    count = len(yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))["documents"])
    run = _run("check", "--eval-set", str(root))
    assert run.returncode == 0, run.stdout
    assert f"{count} texts: every one present and holding its gold quotes" in run.stdout


def test_a_text_that_copies_development_text_is_shown_with_the_runs_it_shares(tmp_path: Path) -> None:
    _set(tmp_path)
    corpus = (REPO / "data" / "corpus" / "002_6ff925d5ca819fe5.txt").read_text(encoding="utf-8")
    copied = " ".join(corpus.split()[200:240])  # forty words of the corpus, inside a text of its own
    (tmp_path / "texts" / "right.txt").write_text(f"A law firm's alert. {copied} The rest is its own.\n", encoding="utf-8")
    run = _run("overlap", "right", "absent", "--eval-set", str(tmp_path))
    assert run.returncode == 0, run.stderr
    head, *runs = run.stdout.splitlines()
    assert head.startswith("right: ") and "shared with data/corpus/002_6ff925d5ca819fe5.txt" in head
    assert runs[0].startswith("    ") and len(runs[0].split()) >= 30  # the shared words, lower-cased
    assert runs[-1] == f"{tmp_path / 'texts' / 'absent.txt'}: no text"
