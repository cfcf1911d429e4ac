"""Stance candidates chosen by a scored model, recall first (issue 13, fourth pass).

The rules of graph/ingest/candidates.py propose a stance only with evidence of who takes it;
on text they were not written from they miss most stances. This module proposes, for every
sentence with a position cue, every (actor, target, position) the sentence makes possible:
each name of the sentence that can act, the document's voice at the cue (the writer, the
speaker of a quotation, the publisher of an unsigned release), the actors of the sentence
before for a pronoun; each program the sentence names, else the document's program. Each
tuple gets features (where the actor stands with respect to the cue, whether a rule of
candidates.py found it, negation, hedges, quotation, the position...) and a logistic model
gives the probability that a careful reader codes it. The word lists of cues.yaml are
features here, not gates.

The tuples and their features are made by graph/ingest/candidates.py (`_stance_tuples`); this
module scores them. The weights are data (`stance_model.json`, written by `python bench/train_stances.py` from the
project's curated statements and the development gold of bench/ingest-eval/); no training
happens at run time, so the same input gives the same output.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).with_name("stance_model.json")


@dataclass
class Tuple:
    """One possible stance of one sentence, with its features."""

    actor: str
    target: str
    position: str
    span: Any  # the candidates.Span it was found in
    cue: str
    features: dict[str, float]
    why: str


@lru_cache(maxsize=1)
def _stored() -> dict[str, Any]:
    if not MODEL.exists():
        return {"weights": {}, "threshold": 1.1}
    return dict(json.loads(MODEL.read_text(encoding="utf-8")))


def probability(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    weights = _stored()["weights"] if weights is None else weights
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in sorted(features.items()))
    z = max(-30.0, min(30.0, z))
    return 1.0 / (1.0 + math.exp(-z))


def enabled() -> bool:
    """Whether a model is installed (graph/ingest/stance_model.json); without one only the rules propose."""
    return bool(_stored()["weights"])


def threshold() -> float:
    return float(_stored()["threshold"])


def bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"
