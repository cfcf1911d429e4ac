"""bench/eval_ingest.py --unseen --eval-set: an evaluation set kept outside the repository (texts
that may not be redistributed), laid out like bench/ingest-eval/, is evaluated the same way."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
EVAL = REPO / "bench" / "ingest-eval"
TEXT = "ice-puerto-rico-activation-2011"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(REPO / "bench" / "eval_ingest.py"), "--unseen", *args],
                          capture_output=True, text=True, cwd=REPO, timeout=300)


def test_a_set_outside_the_repository_is_evaluated_by_its_own_manifest(tmp_path: Path) -> None:
    entry = next(d for d in yaml.safe_load((EVAL / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
                 if d["id"] == TEXT)
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(EVAL / entry["file"], tmp_path / entry["file"])
    shutil.copy(EVAL / "gold" / f"{TEXT}.yaml", tmp_path / "gold" / f"{TEXT}.yaml")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump({"documents": [{**entry, "split": "test", "round": 9}]}),
                                            encoding="utf-8")
    run = _run("--eval-set", str(tmp_path))
    assert run.returncode == 0, run.stderr
    assert "== test half (1 documents)" in run.stdout
    assert f"\n{TEXT} " in run.stdout and "round 9 (1 texts, ninth" in run.stdout
    assert "95% interval over its 1 texts" in run.stdout  # one text: nothing to resample, a zero-width interval


def test_a_folder_without_a_manifest_is_named_in_the_error(tmp_path: Path) -> None:
    run = _run("--eval-set", str(tmp_path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"{tmp_path}: no manifest.yaml" in run.stderr


def test_texts_kept_out_of_the_repository_are_named_when_absent(tmp_path: Path) -> None:
    entries = [d for d in yaml.safe_load((EVAL / "manifest.yaml").read_text(encoding="utf-8"))["documents"]][:2]
    (tmp_path / "gold").mkdir()
    for d in entries:
        shutil.copy(EVAL / "gold" / f"{d['id']}.yaml", tmp_path / "gold" / f"{d['id']}.yaml")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")
    run = _run("--eval-set", str(tmp_path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    for d in entries:  # every absent text at once, with where to obtain it
        assert f"{tmp_path / d['file']}: no text (manifest entry {d['id']!r}; obtain it from {d['url']}" in run.stderr


def _set_with_an_absent_text(folder: Path, split: str, round_: int, absent: str) -> None:
    """An evaluation set in `folder`: TEXT placed in `round_` and a text `absent` of round 9 not placed."""
    entry = next(d for d in yaml.safe_load((EVAL / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
                 if d["id"] == TEXT)
    entries = [{**entry, "split": split, "round": round_},
               {"id": absent, "file": f"texts/{absent}.txt", "split": split, "round": 9, "url": "https://example.org/"}]
    (folder / "texts").mkdir()
    (folder / "gold").mkdir()
    shutil.copy(EVAL / entry["file"], folder / entry["file"])
    shutil.copy(EVAL / "gold" / f"{TEXT}.yaml", folder / "gold" / f"{TEXT}.yaml")
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}), encoding="utf-8")


def test_only_the_rounds_asked_for_are_read_so_other_rounds_texts_may_be_absent(tmp_path: Path) -> None:
    _set_with_an_absent_text(tmp_path, "dev", 22, "a-lost-text")
    assert "a-lost-text" in _run("--eval-set", str(tmp_path)).stderr  # every round: the lost text is named
    run = _run("--eval-set", str(tmp_path), "--rounds", "22")
    assert run.returncode == 0, run.stderr
    assert "== dev half (1 documents)" in run.stdout and "a-lost-text" not in run.stdout + run.stderr
    none = _run("--eval-set", str(tmp_path), "--rounds", "30-31")
    assert none.returncode == 0 and "no texts of rounds 30, 31" in none.stdout


def test_a_text_left_out_is_not_read_and_an_unknown_id_is_named(tmp_path: Path) -> None:
    _set_with_an_absent_text(tmp_path, "test", 9, "a-heavy-text")
    run = _run("--eval-set", str(tmp_path), "--without", "a-heavy-text")
    assert run.returncode == 0, run.stderr
    assert "== test half (1 documents)" in run.stdout and "a-heavy-text" not in run.stdout + run.stderr
    wrong = _run("--eval-set", str(tmp_path), "--without", "a-heavy-text,no-such-text")
    assert wrong.returncode == 1 and "Traceback" not in wrong.stderr
    assert "--without names no document of the set: no-such-text" in wrong.stderr


def test_a_given_author_is_no_new_entity_to_find_but_stands_for_the_voice(tmp_path: Path) -> None:
    """README, "The document's given authors": a writer the text does not name, listed with
    `given: true`, is left out of the new-entity counts; the voice of that name takes its stances."""
    doc = "sanders-grijalva-letter-johnson-pep-2016"
    entry = next(d for d in yaml.safe_load((EVAL / "manifest.yaml").read_text(encoding="utf-8"))["documents"]
                 if d["id"] == doc)
    gold = yaml.safe_load((EVAL / "gold" / f"{doc}.yaml").read_text(encoding="utf-8"))
    given = [g["name"] for g in gold["new_entities"] if g.get("given")]
    assert given == ["Bernie Sanders", "Raúl Grijalva"]
    (tmp_path / "texts").mkdir()
    (tmp_path / "gold").mkdir()
    shutil.copy(EVAL / entry["file"], tmp_path / entry["file"])
    shutil.copy(EVAL / "gold" / f"{doc}.yaml", tmp_path / "gold" / f"{doc}.yaml")
    (tmp_path / "manifest.yaml").write_text(yaml.safe_dump({"documents": [entry]}), encoding="utf-8")
    run = _run("--eval-set", str(tmp_path), "--verbose")
    assert run.returncode == 0, run.stderr
    row = next(line for line in run.stdout.splitlines() if line.startswith(doc)).split()
    assert row[7].endswith(f"/{len(gold['new_entities']) - len(given)}")  # new-entity recall: the others only
    assert not any(f"gold new entity {name!r}" in run.stdout for name in given)
    # a candidate of the voice is read as the gold author of its name, never under its own new id
    assert "'bernie-sanders'" not in run.stdout and "'raul-grijalva'" not in run.stdout


def test_a_list_of_authors_gives_each_writer_on_its_own() -> None:
    """A manifest `author` may be a list (several organizations that issue one text): each is given
    as a user would give `--author` once per writer, not cut at the first comma."""
    sys.path.insert(0, str(REPO / "bench"))
    from eval_unseen import given_voices

    entry = {"publisher": "Host Site", "author": ["Alpha Coalition (AC)", "Beta Project, Inc.", "Gamma Network"]}
    assert given_voices(entry) == ("Host Site", ["Alpha Coalition", "Beta Project", "Gamma Network"])
    assert given_voices({"publisher": "Host Site", "author": "Alpha Coalition, Beta Project"}) == ("Host Site", ["Alpha Coalition"])


def test_the_interval_comes_from_drawing_the_texts_again_and_is_the_same_each_run() -> None:
    sys.path.insert(0, str(REPO / "bench"))
    from eval_unseen import interval

    pairs = [(1, 10), (5, 10), (0, 4), (3, 3), (2, 8)]
    low, high = interval(pairs)
    pooled = sum(p for p, _ in pairs) / sum(w for _, w in pairs)
    assert low < pooled < high and (low, high) == interval(pairs)
    assert interval([(3, 4)]) == (0.75, 0.75) and interval([(0, 0), (0, 0)]) == (0.0, 0.0)
