"""The tone of a quotation (graph/ingest/clauses.tones, cues.yaml `tone`): measured in session 11 and
left off (`roles: []`); these fixtures check the mechanism as it runs when a user turns it on."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from graph.build.vocabulary import Vocabulary
from graph.ingest import clauses, lexicon
from graph.ingest.candidates import propose
from graph.ingest.mentions import Known, find_mentions, find_titles

pytest.importorskip("vaderSentiment")

REGISTER = [
    Known("beta-program", "program", "Secure Beta Program", ("Secure Beta Program",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
]


def stances(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    mentions = find_mentions(text, REGISTER)
    found = propose("doc", text, "2015-05-01", mentions, find_titles(text, mentions, REGISTER), REGISTER, vocab, None)
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in found
            if c.kind == "stances" and c.why.startswith("the tone of the sentence")}


@pytest.fixture
def tone_on() -> Iterator[dict[str, Any]]:
    tone = lexicon.data()["tone"]
    saved = dict(tone)
    tone.update({"roles": ["quotation"], "negative": -0.2, "positive": 0.4, "negative_position": "opposes"})
    yield tone
    tone.clear()
    tone.update(saved)


def test_off_as_shipped(vocab: Vocabulary) -> None:
    assert lexicon.data()["tone"]["roles"] == []
    text = "“The Secure Beta Program has torn apart countless families and destroyed trust,” said Jane Roe."
    assert stances(text, vocab) == set()


def test_a_quotation_against_the_program_is_its_speakers_opposition(vocab: Vocabulary, tone_on: dict[str, Any]) -> None:
    text = "“The Secure Beta Program has torn apart countless families and hurt our neighbors,” said Jane Roe."
    assert stances(text, vocab) == {("jane-roe", "beta-program", "opposes")}


def test_a_quotation_in_favour_is_support(vocab: Vocabulary, tone_on: dict[str, Any]) -> None:
    text = "“The Secure Beta Program is a great help and a real improvement for our officers,” said Jane Roe."
    assert stances(text, vocab) == {("jane-roe", "beta-program", "supports")}


def test_the_programs_subject_matter_is_no_feeling(vocab: Vocabulary, tone_on: dict[str, Any]) -> None:
    # "criminal", "dangerous", "arrested" name what the program is about; "Secure" is a word of its name
    text = "“The Secure Beta Program identifies dangerous criminal aliens arrested by local police,” said Jane Roe."
    assert stances(text, vocab) == set()
    assert clauses.polarity("identifies dangerous criminal aliens", tuple(lexicon.data()["tone"]["neutral"])) == 0.0


def test_the_documents_own_words_and_a_reporters_are_not_read(vocab: Vocabulary, tone_on: dict[str, Any]) -> None:
    text = "Jane Roe wrote that the Secure Beta Program has torn apart countless families and hurt our neighbors."
    assert stances(text, vocab) == set()


def test_the_bench_counts_additions_as_the_evaluation_does(bench_script: Any, vocab: Vocabulary) -> None:
    module = bench_script("stance_tone")

    class Curated:  # stance_matches reads the position scheme only
        pass

    curated = Curated()
    curated.vocab = vocab  # type: ignore[attr-defined]
    row = {"round": 14, "gold": [("jane-roe", "beta-program", "criticizes"), ("gamma-agency", "beta-program", "supports")],
           "rest": {("gamma-agency", "beta-program", "supports")},
           "tones": [{"triple": ("jane-roe", "beta-program", "opposes"), "score": -0.6, "role": "quotation", "quote": ""},
                     {"triple": ("omega", "beta-program", "opposes"), "score": 0.5, "role": "quotation", "quote": ""},
                     {"triple": ("delta", "beta-program", "opposes"), "score": -0.5, "role": "voice", "quote": ""}]}
    # opposes stands for the narrower criticizes; the positive one is support, not coded; the voice is not asked for
    assert module.measure([row], curated, {14}, {"quotation"}, -0.2, 0.4, "opposes") == (1, 1, 2, 2, 1)
    assert module.measure([row], curated, {14}, {"quotation"}, -0.2, 0.4, "criticizes")[:3] == (1, 1, 2)
    assert module.measure([row], curated, {1}, {"quotation"}, -0.2, 0.4, "opposes")[:3] == (0, 0, 0)
