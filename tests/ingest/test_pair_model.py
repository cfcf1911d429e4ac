"""The learned pair model (graph/ingest/pair_model.py, cues.yaml `pair_model`): the features it reads of a
found pair, its proposals when switched on, nothing when off."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest

from graph.build.vocabulary import Vocabulary
from graph.ingest import lexicon, pair_model
from graph.ingest.candidates import cues
from graph.ingest.mentions import Known, find_mentions

REGISTER = [
    Known("beta-program", "program", "Secure Beta Program", ("Secure Beta Program",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
]
TYPES = {k.id: k.type for k in REGISTER}
TEXT = ("Gamma Agency runs the Secure Beta Program in every county.\n\n"
        "Jane Roe said the Secure Beta Program should not be expanded to her county.\n")


def _pairs(vocab: Vocabulary, text: str = TEXT) -> dict[tuple[str, str], pair_model.Pair]:
    found, _ = pair_model.pairs(text, find_mentions(text, REGISTER), TYPES, {}, {}, cues(vocab), None, {})
    return {(p.actor, p.target): p for p in found}


def test_a_pair_is_an_actor_and_a_program_and_its_features_name_no_document(vocab: Vocabulary) -> None:
    found = _pairs(vocab)
    assert set(found) == {("gamma-agency", "beta-program"), ("jane-roe", "beta-program")}
    roe = found[("jane-roe", "beta-program")]
    assert roe.base["shared"] == 1.0 and roe.base["actor_first"] == 1.0 and roe.base["actor_says"] == 1.0
    assert roe.base["negated_shared"] == 1.0 and roe.base["negated_between"] == 0.0 and roe.quote is not None and roe.quote.text.startswith("Jane Roe said")
    assert roe.lexical["wa"] == ["expanded", "county"] and "secure" not in roe.lexical["ws"]  # names are blanked
    f = pair_model.features(roe, "opposes", {"opposes": 1}, buckets=8)
    assert f["pos=opposes"] == 1.0 and f["atype=person|opposes"] == 1.0
    assert not any("roe" in name or "beta" in name for name in f)  # hashed words, never a name
    assert pair_model.features(roe, "opposes", {"opposes": 1}, buckets=8) == f  # deterministic


@pytest.fixture
def switched_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A model that proposes `opposes` for a person who says something of the program."""
    model = {"buckets": 0, "threshold": 0.5, "positions": ["opposes", "supports"],
             "weights": {"bias": -3.0, "atype=person|opposes": 2.0, "actor_says": 2.0}}
    monkeypatch.setitem(lexicon.data(), "pair_model", {"enabled": True})
    monkeypatch.setattr(pair_model, "model", lambda: model)
    yield model


def _proposed(vocab: Vocabulary, found: list[Any] = ()) -> set[tuple[str, str, str]]:
    result = pair_model.propose(TEXT, "2015-05-01", find_mentions(TEXT, REGISTER), TYPES, {}, list(found), cues(vocab))
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in result}


def test_switched_off_it_proposes_nothing(vocab: Vocabulary, switched_on: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    assert _proposed(vocab) == {("jane-roe", "beta-program", "opposes")}
    monkeypatch.setitem(lexicon.data(), "pair_model", {"enabled": False})
    assert _proposed(vocab) == set()


def test_the_shipped_model_is_data_over_general_features(vocab: Vocabulary) -> None:
    shipped = json.loads(pair_model.MODEL.read_text(encoding="utf-8"))
    assert shipped["positions"] == sorted(vocab.schemes["position"]) and 0 < shipped["threshold"] < 1
    general = re.compile(r"^(?:bias|[a-z_<>0-9]+|(?:atype|ttype|genre|pos)=[a-z_-]+|[a-z_=-]+\|[a-z_-]+|(?:ws|wb|wa)\d+(?:\|[a-z-]+)?)$")
    assert [n for n in shipped["weights"] if not general.match(n)] == []  # no entity, no document, no name


def test_on_it_proposes_the_most_likely_position_for_a_pair_no_rule_joined(vocab: Vocabulary, switched_on: dict[str, Any]) -> None:
    result = pair_model.propose(TEXT, "2015-05-01", find_mentions(TEXT, REGISTER), TYPES, {}, [], cues(vocab))
    assert [(c.values["actor"], c.values["target"], c.values["position"]) for c in result] == [("jane-roe", "beta-program", "opposes")]
    assert result[0].quote[0].text.startswith("Jane Roe said") and "learned model" in result[0].why
    assert result[0].dated is not None and result[0].score <= 0.3


def test_a_pair_the_rules_joined_is_left_to_them(vocab: Vocabulary, switched_on: dict[str, Any]) -> None:
    class Ruled:
        kind = "stances"
        values = {"actor": "jane-roe", "target": "beta-program", "position": "criticizes"}

    assert _proposed(vocab, [Ruled()]) == set()


def test_a_sentence_is_read_for_its_tone_once_however_many_pairs_it_holds(vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    # A text without full stops is one sentence of thousands of words: VADER read it once for every
    # actor and program in it (a user's file took minutes). Once per sentence, the same tone each pair.
    calls: list[int] = []
    tone = pair_model._tone
    monkeypatch.setattr(pair_model, "_tone", lambda span, inside: calls.append(span.start) or tone(span, inside))
    text = "Gamma Agency and Jane Roe and Delta Agency spoke of the Secure Beta Program and the Epsilon Program\n"
    register = REGISTER + [Known("delta-agency", "agency", "Delta Agency", ("Delta Agency",)),
                           Known("epsilon-program", "program", "Epsilon Program", ("Epsilon Program",))]
    found, _ = pair_model.pairs(text, find_mentions(text, register), {k.id: k.type for k in register}, {}, {}, cues(vocab), None, {})
    assert len(found) == 6 and len({(p.base["tone_neg"], p.base["tone_pos"]) for p in found}) == 1
    assert calls == [0]
