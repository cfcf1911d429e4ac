"""Judgements of a program in evaluative words no cue list holds (graph/ingest/judgements.py, cues.yaml
`judgements`): a clause whose subject is the program, its predicate read by a general sentiment lexicon,
for who says it. Sentences of my own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.build.vocabulary import Vocabulary
from graph.ingest import lexicon
from graph.ingest.candidates import propose
from graph.ingest.mentions import Known, find_mentions, find_titles

pytest.importorskip("vaderSentiment")

REGISTER = [
    Known("beta-program", "program", "Secure Beta Program", ("Secure Beta Program", "Beta")),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("john-doe", "person", "John Doe", ("John Doe",)),
]


def judged(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    mentions = find_mentions(text, REGISTER)
    found = propose("doc", text, "2015-05-01", mentions, find_titles(text, mentions, REGISTER), REGISTER, vocab, None)
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in found
            if c.kind == "stances" and c.why.startswith("a judgement of the program")}


def test_a_quoted_clause_whose_subject_is_the_program(vocab: Vocabulary) -> None:
    text = "“Beta is a bad idea, and it has been deployed with deception,” said Jane Roe."
    assert judged(text, vocab) == {("jane-roe", "beta-program", "criticizes")}


def test_it_for_the_program_of_the_sentence_before(vocab: Vocabulary) -> None:
    text = ("Jane Roe spoke about the Secure Beta Program on Monday.\n\n"
            "“It hurts families and makes victims more vulnerable,” John Doe said.")
    assert judged(text, vocab) == {("john-doe", "beta-program", "criticizes")}


@pytest.fixture
def reported_on() -> Iterator[dict[str, Any]]:
    cfg = lexicon.data()["judgements"]
    saved = list(cfg["roles"])
    cfg["roles"] = [*saved, "reported"]
    yield cfg
    cfg["roles"] = saved


def test_reported_speech_is_off_as_shipped(vocab: Vocabulary) -> None:
    # "X said the program was bad": measured on W (3 of 5 right) and left off
    assert lexicon.data()["judgements"]["roles"] == ["quotation"]
    text = "The Secure Beta Program began in May. John Doe said he had long felt the program was bad public policy."
    assert judged(text, vocab) == set()


def test_reported_speech_is_the_sayers(vocab: Vocabulary, reported_on: dict[str, Any]) -> None:
    text = "The Secure Beta Program began in May. John Doe said he had long felt the program was bad public policy."
    assert judged(text, vocab) == {("john-doe", "beta-program", "criticizes")}


def test_a_judgement_of_a_person_is_none_of_the_program(vocab: Vocabulary) -> None:
    # the program is no clause's subject: the bad words judge the director
    text = "“The director of the Secure Beta Program is a terrible, dishonest manager,” said Jane Roe."
    assert judged(text, vocab) == set()


def test_a_claim_of_unnamed_critics_is_no_ones(vocab: Vocabulary) -> None:
    text = "Critics say the Secure Beta Program is a terrible failure."
    assert judged(text, vocab) == set()


def test_praise_is_not_read(vocab: Vocabulary) -> None:
    # positive polarity is off as shipped (W: 5 of 14 right)
    text = "“The Secure Beta Program is a great success and a wonderful help,” said Jane Roe."
    assert judged(text, vocab) == set()
