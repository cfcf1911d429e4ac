"""Loading and checking the curated records: every failure mode names file, line and fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graph.errors import DataErrors
from graph.build.load import load
from graph.folders import Project
from graph.build.pipeline import check

ERRORS = Path(__file__).parents[1] / "fixtures" / "errors"


def with_bad_file(mini: Project, name: str) -> Project:
    shutil.copy(ERRORS / name, mini.data_dir / "statements" / "zz-bad.yaml")
    return mini


def problems(proj: Project) -> list[str]:
    with pytest.raises(DataErrors) as caught:
        check(proj)
    return caught.value.messages


def test_mini_loads_with_offsets(mini: Project) -> None:
    curated = load(mini)
    stance = curated.statements["alpha-seeks-opt-out"]
    located = stance.evidence[0]
    text = curated.texts["doc-a"]
    assert text[located.start : located.end] == located.exact
    assert located.start == 0
    claim = curated.statements["roe-opt-out-yes"]
    assert text[claim.evidence[0].start : claim.evidence[0].end] == "saying that opting out is possible"
    assert claim.evidence[0].prefix.endswith("Alpha County ")


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("unknown-entity.yaml", ["zz-bad.yaml:3 (bad-actor-stance)", "'alpha-countyy' is neither an entity", "did you mean alpha-county"]),
        ("quote-not-found.yaml", ["zz-bad.yaml:3 (misquoted-stance)", "quote not found", "closest passage: 'the county asked to opt out of the Beta Program"]),
        ("bad-date.yaml", ["zz-bad.yaml:7 (bad-date-stance)", "'Sept. 2010' is not YYYY, YYYY-MM or YYYY-MM-DD"]),
        ("impossible-date.yaml", ["zz-bad.yaml:7 (impossible-date-stance)", "does not exist"]),
        ("duplicate-id.yaml", ["duplicate statement id 'alpha-seeks-opt-out'", "first at data/statements/doc-a.yaml:3"]),
        ("unknown-position.yaml", ["zz-bad.yaml:6 (unknown-position-stance)", "unknown position 'dislikes'", "seeks-opt-out"]),
        ("malformed.yaml", ["zz-bad.yaml:5", "malformed YAML"]),
        ("ambiguous-quote.yaml", ["(ambiguous-stance)", "occurs 5 times", "occurrence: N"]),
        ("unknown-source.yaml", ["zz-bad.yaml:1", "`source: doc-z` is not a source id"]),
    ],
)
def test_each_failure_names_the_place(mini: Project, fixture: str, expected: list[str]) -> None:
    messages = "\n".join(problems(with_bad_file(mini, fixture)))
    for fragment in expected:
        assert fragment in messages, messages


def test_all_problems_reported_in_one_run(mini: Project) -> None:
    messages = problems(with_bad_file(mini, "many-problems.yaml"))
    joined = "\n".join(messages)
    assert "(first-problem)" in joined and "(second-problem)" in joined and "(third-problem)" in joined
    assert len(messages) == 3


def test_changed_corpus_file_is_refused(mini: Project) -> None:
    doc = mini.data_dir / "corpus" / "doc-b.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("1,500", "1,600"), encoding="utf-8")
    joined = "\n".join(problems(mini))
    assert "data/sources.yaml:" in joined and "(doc-b)" in joined and "has changed" in joined


def test_shape_violation_points_at_the_record(mini: Project) -> None:
    joined = "\n".join(problems(with_bad_file(mini, "wrong-target-class.yaml")))
    assert "zz-bad.yaml:3 (target-is-an-agency)" in joined
    assert "program, policy, law, order or agreement" in joined


def test_unknown_field_and_missing_required(mini: Project) -> None:
    bad = mini.data_dir / "statements" / "zz-bad.yaml"
    bad.write_text(
        "source: doc-a\nstances:\n  - id: odd\n    actor: alpha-county\n    position: opposes\n"
        "    quote: \"the county\"\n    colour: red\n",
        encoding="utf-8",
    )
    joined = "\n".join(problems(mini))
    assert "zz-bad.yaml:7 (odd): unknown field 'colour'" in joined
    assert "zz-bad.yaml:3 (odd): missing required field 'target'" in joined
