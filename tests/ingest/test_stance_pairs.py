"""bench/stance_pairs.py, the pair model measured leave-one-round-out: its fit is deterministic,
and it adds only for pairs the rules gave no candidate, each pair's most likely position."""

from __future__ import annotations

import zlib
from collections.abc import Callable
from types import ModuleType

from graph.ingest import pair_model


def _pair(actor: str, voice: float, rules: list[str], lexical: dict[str, list[str]] | None = None) -> dict[str, object]:
    base = {"voice": voice, "publisher": voice, "author": 0.0, "atype=group": 1.0, "speaks_target": 0.0, "shared": 1.0}
    cues = {"supports": 1} if voice else {}
    obj = pair_model.Pair(actor, "beta", base, cues, [], rules, lexical or {})
    return {"actor": actor, "target": "beta", "key": (actor, "beta"), "rules": rules, "base": base,
            "shared_cues": cues, "obj": obj}


def test_the_fit_is_deterministic_and_learns_the_signal(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("stance_pairs")
    data = [(0, 0, "supports", {"voice": 1.0, "cue_shared": 1.0}, 1), (0, 1, "supports", {"cue_shared": 1.0}, 0),
            (1, 0, "supports", {"voice": 1.0}, 1), (1, 1, "supports", {}, 0), (2, 0, "opposes", {"voice": 1.0}, 0)]
    first, second = module.fit(data), module.fit(list(data))
    assert first == second and first["voice"] > 0 > first["bias"]
    assert repr(sorted(first.items())) == repr(sorted(module.fit(data).items()))  # byte-identical on re-fit


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


def test_words_are_hashed_into_buckets_alone_and_with_the_position(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("stance_pairs")
    assert module._words("The county said it will opt out of the program") == ["county", "opt", "out", "program"]
    pair = _pair("omega", 1.0, [], {"ws": ["opt", "out"], "wb": ["urged"]})
    row = {"doc_cues": {"supports": 1}}
    assert not any(n.startswith(("ws", "wb")) for n in module.features(pair, "supports", row))
    module.BUCKETS = 8
    f = module.features(pair, "seeks-opt-out", row)
    bucket = zlib.crc32(b"urged") % 8
    assert f[f"wb{bucket}"] == 1.0 and f[f"wb{bucket}|seeks-opt-out"] == 1.0
    assert {n for n in f if n.startswith("ws") and "|" not in n} == {f"ws{zlib.crc32(w) % 8}" for w in (b"opt", b"out")}
    assert module.features(pair, "seeks-opt-out", row) == f


def test_two_stage_adds_only_for_pairs_without_a_rule_candidate(bench_script: Callable[[str], ModuleType]) -> None:
    module = bench_script("stance_pairs")
    row = {"pairs": [_pair("omega", 1.0, []), _pair("gamma", 1.0, ["opposes"]), _pair("delta", 0.0, [])],
           "doc_cues": {"supports": 2}, "gold": [], "rules": [("gamma", "beta", "opposes")]}
    weights = {"pair": {"bias": -2.0, "voice": 4.0}, "position": {"bias": -1.0, "cue_shared|supports": 3.0}}
    assert module.propose_two_stage([row], weights, ["opposes", "supports"], 0.5) == {0: {("omega", "beta", "supports")}}
    assert module._rounds("1-3,5") == [1, 2, 3, 5]
