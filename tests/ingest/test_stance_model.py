"""The scored stance tuples of graph/ingest/stance_model.py (issue 13, fourth pass): every
(actor, target, position) a cue sentence makes possible, with features, and a model that
proposes only the likely ones no rule found. Shipped without a model file (measured
round-held-out it lowered precision without raising recall: docs/ingest.md), so the rules
alone propose; these fixtures check the tuples, the scoring and that the fit is deterministic."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import pytest

from graph.build.vocabulary import Vocabulary
from graph.ingest import stance_model
from graph.ingest.mentions import Known
from tests.ingest.test_unseen import REGISTER, extract, stances


def _collect(text: str, vocab: Vocabulary, register: list[Known] | None = None) -> list[stance_model.Tuple]:
    from graph.ingest import candidates
    from graph.ingest.mentions import find_mentions, find_titles

    register = REGISTER if register is None else register
    found = find_mentions(text, register)
    titles = find_titles(text, found, register)
    collected: list[stance_model.Tuple] = []
    candidates.propose("doc", text, "2011-11-17", found, titles, register, vocab, None, collect=collected)
    return collected


def test_the_letter_writer_is_the_voice_of_we(vocab: Vocabulary) -> None:
    text = "Omega Coalition\n\nDear Secretary:\n\nWe urge you to suspend the Beta Program in our state.\n"
    tuples = _collect(text, vocab)
    voiced = [t for t in tuples if t.actor == "omega-coalition" and t.target == "beta-program"]
    assert voiced and all(t.features.get("voice") == 1.0 and t.features.get("first_person") == 1.0 for t in voiced)
    assert {t.position for t in voiced} >= {"calls-for-moratorium"} or {t.position for t in voiced} >= {"suspends-participation"}


def test_an_addressed_name_is_a_governed_actor(vocab: Vocabulary) -> None:
    text = "The Omega Coalition asked the Gamma Agency to end the Beta Program."
    tuples = _collect(text, vocab)
    agency = [t for t in tuples if t.actor == "gamma-agency"]
    coalition = [t for t in tuples if t.actor == "omega-coalition"]
    assert agency and all(t.features.get("governed_actor") == 1.0 for t in agency)
    assert coalition and all("governed_actor" not in t.features and t.features.get("before") == 1.0 for t in coalition)


def test_hedges_and_negations_are_features_not_gates(vocab: Vocabulary) -> None:
    text = "The Gamma Agency does not support the Beta Program. Omega Coalition asked whether counties can opt out of the Beta Program."
    tuples = _collect(text, vocab)
    assert any(t.features.get("negated") == 1.0 for t in tuples if t.actor == "gamma-agency")
    assert any(t.features.get("hedged") == 1.0 for t in tuples if t.position == "seeks-opt-out")


def test_without_a_model_only_the_rules_propose(vocab: Vocabulary) -> None:
    assert not stance_model.MODEL.exists() and not stance_model.enabled()
    _, _, candidates = extract("The Gamma Agency does not support the Beta Program.", vocab)
    assert stances(candidates) == set()


def test_a_model_adds_likely_tuples_no_rule_found_with_score_and_reason(vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch) -> None:
    # A made-up model that trusts the document's voice: the letterhead's "we urge" becomes a candidate.
    monkeypatch.setattr(stance_model, "_stored", lambda: {"weights": {"bias": -3.0, "voice": 4.0}, "threshold": 0.5})
    text = "Omega Coalition\n\nThe Beta Program has grown; the Gamma Agency's rollout troubles many of us.\n"
    _, _, candidates = extract(text, vocab)
    modelled = [c for c in candidates if c.kind == "stances" and "stance model" in c.why]
    assert modelled and all(c.values["actor"] == "omega-coalition" for c in modelled)
    assert all(0 < c.score <= 0.6 and text[c.quote[0].start : c.quote[0].end] == c.quote[0].text for c in modelled)
    assert len({(c.values["actor"], c.values["target"], c.values["position"]) for c in modelled}) == len(modelled)


def test_the_fit_is_deterministic(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("train_stances")
    rows = [({"voice": 1.0, "pos=supports": 1.0}, 1), ({"governed_actor": 1.0, "pos=supports": 1.0}, 0),
            ({"voice": 1.0, "negated": 1.0}, 0), ({"before": 1.0}, 1)]
    first, second = module.fit(rows, steps=50), module.fit(list(rows), steps=50)
    assert first == second and first["voice"] > first["governed_actor"]


def test_one_candidate_per_stance_and_date_with_the_most_certain_quote(vocab: Vocabulary) -> None:
    text = ("The Omega Coalition opposes the Beta Program. Later the Omega Coalition said again that it "
            "opposes the Beta Program.")
    _, _, candidates = extract(text, vocab)
    same = [c for c in candidates if c.kind == "stances" and c.values["actor"] == "omega-coalition"
            and c.values["position"] == "opposes"]
    assert len(same) == 1 and "1 other sentence(s) give the same stance" in same[0].why
    assert same[0].quote[0].text == "The Omega Coalition opposes the Beta Program."


def test_the_same_stance_at_two_dates_stays_two_candidates(vocab: Vocabulary) -> None:
    text = "On March 3, 2010, the Omega Coalition opposed the Beta Program.\n\nThe Omega Coalition opposed it again on May 4, 2011.\n"
    _, _, candidates = extract(text, vocab)
    dates = sorted(c.dated.value for c in candidates if c.kind == "stances" and c.values["actor"] == "omega-coalition"
                   and c.values["position"] == "opposes" and c.dated is not None)
    assert dates == ["2010-03-03", "2011-05-04"]


def test_the_month_may_is_no_hedge(vocab: Vocabulary) -> None:
    _, _, dated = extract("On May 4, 2011, the Omega Coalition opposed the Beta Program.", vocab)
    assert ("omega-coalition", "beta-program", "opposes") in stances(dated)
    _, _, hedged = extract("The Omega Coalition may oppose the Beta Program.", vocab)
    assert stances(hedged) == set()
