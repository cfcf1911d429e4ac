"""bench/stance_pairs.py, the pair model measured leave-one-round-out: its fit is deterministic,
and it adds only for pairs the rules gave no candidate, each pair's most likely position."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType


def _pair(actor: str, voice: float, rules: list[str]) -> dict[str, object]:
    return {"actor": actor, "target": "beta", "key": (actor, "beta"), "rules": rules,
            "base": {"voice": voice, "publisher": voice, "author": 0.0, "atype=group": 1.0},
            "shared_cues": {"supports": 1} if voice else {}}


def test_the_fit_is_deterministic_and_learns_the_signal(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("stance_pairs")
    data = [(0, 0, "supports", {"voice": 1.0, "cue_shared": 1.0}, 1), (0, 1, "supports", {"cue_shared": 1.0}, 0),
            (1, 0, "supports", {"voice": 1.0}, 1), (1, 1, "supports", {}, 0), (2, 0, "opposes", {"voice": 1.0}, 0)]
    first, second = module.fit(data), module.fit(list(data))
    assert first == second and first["voice"] > 0 > first["bias"]


def test_it_adds_only_for_pairs_without_a_rule_candidate(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("stance_pairs")
    row = {"pairs": [_pair("omega", 1.0, []), _pair("gamma", 1.0, ["opposes"]), _pair("delta", 0.0, [])],
           "doc_cues": {"supports": 2}, "gold": [("omega", "beta", "supports"), ("gamma", "beta", "supports")],
           "rules": [("gamma", "beta", "opposes")]}
    weights = {"bias": -2.0, "voice": 1.0, "cue_shared|supports": 3.0}
    added = module.propose([row], weights, ["opposes", "supports"], 0.5)
    assert added == {0: {("omega", "beta", "supports")}}

    def same(gold: tuple[str, ...], candidate: tuple[str, ...]) -> bool:
        return gold == candidate

    assert module.measure([row], {}, same) == (0, 1, 0, 2)
    assert module.measure([row], added, same) == (1, 2, 1, 2)
