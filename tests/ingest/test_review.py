"""Review files: proposals with verified quotes, and `accept` all or nothing."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from graph.ingest.accept import accept
from graph.errors import DataErrors, UsageError
from graph.build.load import load
from graph.folders import Project
from graph.build.pipeline import check
from graph.ingest.review import review_path, write_review

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


def snapshot(proj: Project) -> dict[str, str]:
    return {str(p.relative_to(proj.root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(proj.data_dir.rglob("*")) if p.is_file() and "review" not in p.parts}


def place(proj: Project, name: str) -> Path:
    target = proj.data_dir / "review" / "doc-a.yaml"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(FIXTURES / name, target)
    return target


def test_every_proposed_quote_sits_at_its_offsets(mini: Project) -> None:
    path = write_review(mini, "doc-a")
    text = load(mini).texts["doc-a"]
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [item for section in ("entities", "mentions", "stances", "figures", "posts") for item in content[section]]
    assert items and all(item["status"] == "unreviewed" for item in items)
    for item in items:
        pieces = item["quote"] if isinstance(item["quote"], list) else [item["quote"]]
        starts = item["start"] if isinstance(item["start"], list) else [item["start"]]
        for piece, start in zip(pieces, starts):
            assert text[start : start + len(piece)] == piece


def test_review_proposes_the_curated_opt_out(mini: Project) -> None:
    # Drop doc-a's statements so that the proposal is not filtered out as already stated.
    (mini.data_dir / "statements" / "doc-a.yaml").write_text("source: doc-a\n", encoding="utf-8")
    (mini.data_dir / "statements" / "doc-b.yaml").write_text("source: doc-b\n", encoding="utf-8")
    content = yaml.safe_load(write_review(mini, "doc-a").read_text(encoding="utf-8"))
    stances = {(s["actor"], s["target"], s["position"]) for s in content["stances"]}
    assert ("alpha-county", "beta-program", "seeks-opt-out") in stances
    figures = [(f["value"], f["unit"], f.get("as_of")) for f in content["figures"]]
    assert ("1200", "persons", "2011-04-30") in figures


def test_review_refuses_to_overwrite(mini: Project) -> None:
    write_review(mini, "doc-a")
    with pytest.raises(UsageError, match="--overwrite"):
        write_review(mini, "doc-a")
    write_review(mini, "doc-a", overwrite=True)


def test_accept_moves_kept_candidates_and_keeps_comments(mini: Project) -> None:
    statements = mini.data_dir / "statements" / "doc-a.yaml"
    statements.write_text("# doc-a, curated by hand\n" + statements.read_text(encoding="utf-8"), encoding="utf-8")
    review = place(mini, "review-good.yaml")
    done = accept(mini, review)
    assert done.records == {"entities": 1, "stances": 1, "figures": 1}
    assert done.covered_mentions == ["california", "alpha-county"]  # doc-a's statements already name them
    assert done.unreviewed == 1
    text = statements.read_text(encoding="utf-8")
    assert text.startswith("# doc-a, curated by hand\n")
    curated = check(mini).curated
    assert curated.statements["critics-criticize-beta"].get("actor") == "critics-of-gamma"
    assert curated.entities["critics-of-gamma"].where.file.endswith("all.yaml")
    assert "doc-a-mentions-california" not in curated.statements
    assert "doc-a-mentions-critics-of-gamma" not in curated.statements  # the kept stance names it
    assert "dropped-thing" not in curated.entities
    assert "roe-supports-beta" not in curated.statements
    assert review.read_text(encoding="utf-8").count("status: accepted") == 5
    # Accepting again adds nothing: the kept candidates are now marked accepted.
    assert accept(mini, review).files == []


def test_a_stance_whose_position_the_reviewer_changed_is_named_by_the_kept_position(mini: Project) -> None:
    """A proposed id names actor, position and target; edited to another position and kept, the
    statement's id names the kept position. An id the reviewer wrote stays as written."""
    review = place(mini, "review-good.yaml")
    text = review.read_text(encoding="utf-8").replace(
        "id: critics-criticize-beta\n  actor: critics-of-gamma\n  target: beta-program\n  position: criticizes",
        "id: critics-of-gamma-supports-beta-program-2011-05\n  actor: critics-of-gamma\n  target: beta-program\n"
        "  position: criticizes")
    review.write_text(text, encoding="utf-8")
    accept(mini, review)
    statements = check(mini).curated.statements
    assert "critics-of-gamma-criticizes-beta-program-2011-05" in statements
    assert "critics-of-gamma-supports-beta-program-2011-05" not in statements


def test_a_figure_whose_measure_the_reviewer_changed_is_named_by_the_kept_measure(mini: Project) -> None:
    """A proposed figure id names its measure and value ("removals-1200-..."); kept under another
    measure, the statement's id names the kept one (found as a user: 'removals-2614-2012-01' kept as
    scomm-removals)."""
    review = place(mini, "review-good.yaml")
    text = review.read_text(encoding="utf-8").replace("id: removals-1200-again\n  measure: removals\n",
                                                      "id: removals-1200-again\n  measure: scomm-removals\n")
    review.write_text(text, encoding="utf-8")
    accept(mini, review)
    statements = check(mini).curated.statements
    assert "scomm-removals-1200-again" in statements and "removals-1200-again" not in statements


def test_a_kept_entity_no_statement_names_gets_a_mention(mini: Project) -> None:
    review = place(mini, "review-good.yaml")
    review.write_text(review.read_text(encoding="utf-8").replace("c005\n  status: keep", "c005\n  status: drop"), encoding="utf-8")
    done = accept(mini, review)
    assert done.records["mentions"] == 1
    mention = check(mini).curated.statements["doc-a-mentions-critics-of-gamma"]
    assert mention.get("entity") == "critics-of-gamma"
    assert mention.evidence[0].exact == "Critics"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("review-bad-status.yaml", r"doc-a.yaml:\d+ \(c005\): status 'maybe'"),
        ("review-bad-quote.yaml", r"doc-a.yaml:\d+ \(c005\): the kept quote no longer matches.*closest passage"),
        ("review-missing-field.yaml", r"doc-a.yaml:\d+ \(c005\): kept candidate lacks position"),
        ("review-unknown-field.yaml", r"doc-a.yaml:\d+ \(c005\): unknown field\(s\) stance"),
        ("review-invalid-data.yaml", r"doc-a.yaml:\d+ \(c005 critics-criticize-beta\).*beta-programme.*nothing written"),
        ("review-unknown-source.yaml", r"doc-a.yaml:3: `source: doc-z` is not a source id"),
    ],
)
def test_bad_review_is_refused_whole(mini: Project, fixture: str, expected: str) -> None:
    review = place(mini, fixture)
    before, review_before = snapshot(mini), review.read_bytes()
    with pytest.raises(DataErrors) as caught:
        accept(mini, review)
    assert any(re.search(expected, m) for m in caught.value.messages), caught.value.messages
    assert snapshot(mini) == before
    assert review.read_bytes() == review_before


def test_malformed_review_names_its_line(mini: Project) -> None:
    review = place(mini, "review-malformed.yaml")
    before = snapshot(mini)
    with pytest.raises(Exception, match=r"data/review/doc-a.yaml:\d+: malformed YAML"):
        accept(mini, review)
    assert snapshot(mini) == before


def test_review_path_is_per_source(mini: Project) -> None:
    assert review_path(mini, "doc-b") == mini.data_dir / "review" / "doc-b.yaml"
