"""Contradiction, defined: every pair the graph reports holds by docs/contradiction.md and has a basis."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.build.load import load
from graph.errors import DataErrors
from graph.folders import Project
from graph.store.embedded import open_store
from graph.store.query import LocalBackend, run


@pytest.fixture(scope="module")
def backend(corpus_built: Project) -> LocalBackend:
    return LocalBackend(open_store(corpus_built.out_dir))


def ask(backend: LocalBackend, sparql_or_name: str, **params: str) -> list[dict[str, Any]]:
    return run(backend, sparql_or_name, params).records()


def slug(iri: Any) -> str:
    return str(iri).rsplit("/", 1)[1]


PREFIXES = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def test_no_contradiction_involves_an_unclear_or_unknown_answer(backend: LocalBackend) -> None:
    rows = ask(backend, PREFIXES + """SELECT ?s ?answer WHERE {
        ?s scomm:contradicts ?other ; scomm:answer ?a . ?a skos:notation ?answer .
        FILTER(?answer NOT IN ("yes", "no")) }""")
    assert rows == []


def test_every_contradiction_has_a_basis(backend: LocalBackend) -> None:
    without = ask(backend, PREFIXES + """SELECT ?a ?b WHERE { ?a scomm:contradicts ?b .
        FILTER NOT EXISTS { ?c a scomm:Contradiction ; scomm:between ?a, ?b ;
                               scomm:contradictionBasis ?basis ; scomm:reason ?reason . FILTER(STRLEN(?reason) > 20) } }""")
    assert without == []
    nodes = ask(backend, PREFIXES + """SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?c a scomm:Contradiction ; scomm:between ?s } GROUP BY ?c""")
    assert nodes and all(int(str(r["n"])) == 2 for r in nodes)


def test_contradictions_query_returns_exactly_the_pairs_with_a_basis(backend: LocalBackend) -> None:
    listed = {frozenset((slug(r["a"]), slug(r["b"]))) for r in ask(backend, "contradictions")}
    linked = {frozenset((slug(r["a"]), slug(r["b"]))) for r in ask(backend, PREFIXES + "SELECT ?a ?b WHERE { ?a scomm:contradicts ?b }")}
    assert listed == linked and listed
    assert all(r["basis"] and r["reason"] and (r.get("curatorReason") or r.get("ruleReason")) for r in ask(backend, "contradictions"))


def test_contradictions_on_a_question_are_claims_on_it(backend: LocalBackend) -> None:
    rows = ask(backend, "contradictions", question="opt-out-possible")
    assert rows
    on_question = {slug(r["s"]) for r in ask(backend, PREFIXES + """SELECT ?s WHERE {
        ?s scomm:question <https://w3id.org/scomm-kg/vocab/question/opt-out-possible> }""")}
    assert all(slug(r["a"]) in on_question and slug(r["b"]) in on_question for r in rows)
    pairs = {frozenset((slug(r["a"]), slug(r["b"]))) for r in rows}
    assert frozenset(("napolitano-opt-out-yes-reply-2010", "napolitano-opt-out-no-press-conference-2010")) in pairs
    assert frozenset(("napolitano-opt-out-no-2010-10", "napolitano-opt-out-yes-2010-09")) in pairs
    # superseded: a "no" after the agreements were voided does not contradict a 2010 "yes"
    assert not any("2011-08" in a or "2011-08" in b for a, b in (tuple(p) for p in pairs))
    # a question nobody contradicts returns nothing, not the other questions' pairs
    assert ask(backend, "contradictions", question="deports-before-conviction") == []


def test_pairs_that_can_both_hold_are_not_contradictions(backend: LocalBackend) -> None:
    pairs = {frozenset((slug(r["a"]), slug(r["b"]))) for r in ask(backend, "contradictions")}
    assert frozenset(("san-francisco-seeks-opt-out-2011-06", "san-francisco-seeks-opt-out-blog-2010-10")) not in pairs
    assert not any("local-police" in i or "police-role" in i for p in pairs for i in p)


def test_answer_differences_are_named_for_what_they_are(backend: LocalBackend) -> None:
    rows = ask(backend, "answer-differences", question="opt-out-possible")
    answers = {(r["aAnswer"], r["bAnswer"]) for r in rows} | {(r["bAnswer"], r["aAnswer"]) for r in rows}
    assert ("unclear", "yes") in answers  # listed as a difference ...
    unclear = [r for r in rows if "unclear" in (str(r["aAnswer"]), str(r["bAnswer"]))]
    assert unclear and all(str(r["contradiction"]) == "no" for r in unclear)  # ... never as a contradiction


def test_marks_are_checked_against_the_definition(mini: Project) -> None:
    """A mark without a reason, on an unclear answer, or between one actor's stances is refused, with where."""
    extra = mini.data_dir / "statements" / "doc-a-marks.yaml"
    extra.write_text(
        """source: doc-a
claims:
  - id: test-claim-yes
    actor: jane-roe
    question: opt-out-possible
    answer: "yes"
    about: beta-program
    quote: "saying that opting out is possible"
    contradicts:
      - statement: test-claim-unclear
        reason: "the two cannot both hold"
      - statement: roe-opt-out-no
  - id: test-claim-unclear
    actor: jane-roe
    question: opt-out-possible
    answer: unclear
    about: beta-program
    quote: "saying that opting out is possible"
""",
        encoding="utf-8",
    )
    with pytest.raises(DataErrors) as raised:
        load(mini)
    message = str(raised.value)
    assert "doc-a-marks.yaml" in message and "test-claim-yes" in message
    assert "no written reason" in message
    extra.write_text(extra.read_text(encoding="utf-8").replace(
        "      - statement: roe-opt-out-no\n", "      - statement: roe-opt-out-no\n        reason: both cannot hold\n"), encoding="utf-8")
    with pytest.raises(DataErrors) as raised:
        load(mini)
    assert "contradicts 'test-claim-unclear': not a contradiction by the definition" in str(raised.value)
    assert "contradicts nothing" in str(raised.value)


def test_rule_respects_supersession() -> None:
    """A claim's validity ends the day before the event that supersedes it."""
    from datetime import date

    from graph.build.contradictions import Validity

    before = Validity(date(2010, 9, 1), date(2011, 7, 31))
    after = Validity(date(2011, 8, 1), None)
    assert not before.overlaps(after) and not after.overlaps(before)
    assert Validity(None, date(2010, 10, 14)).overlaps(Validity(date(2010, 9, 1), None))
