"""Train the stance model of `scomm ingest` (graph/ingest/stance_model.py) and measure it
round-held-out (not a test).

The training examples are the stance tuples the extractor scores on a document, labelled by
whether a careful reader coded that stance: on the corpus (each document held out in turn,
as bench/eval_ingest.py does, labelled by its curated statements) and on the development
texts of bench/ingest-eval/ (labelled by their gold). The model is a logistic regression
fitted by plain gradient descent in a fixed order (no randomness): the same data give the
same weights.

    python bench/train_stances.py --heldout      # train on corpus + round 1, report round 2; and the reverse
    python bench/train_stances.py --write        # train on corpus + both rounds, write the model

Never reads the test half of bench/ingest-eval/.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from graph.build.load import Curated, load
from graph.folders import project
from graph.ingest import candidates, stance_model
from graph.ingest.review import extract

import eval_ingest  # bench/ is this script's folder
import eval_unseen

EVAL = eval_unseen.EVAL


def _capture(run: Any) -> tuple[Any, list[Any]]:
    """Run an extraction, collecting the tuples the stance model scores."""
    collected: list[Any] = []
    original = candidates.propose

    def propose(*args: Any, **kwargs: Any) -> Any:
        kwargs["collect"] = collected
        return original(*args, **kwargs)

    candidates.propose = propose  # type: ignore[assignment]
    import graph.ingest.review as review
    review.candidates.propose = propose  # type: ignore[attr-defined]
    try:
        found = run()
    finally:
        candidates.propose = original  # type: ignore[assignment]
        review.candidates.propose = original  # type: ignore[attr-defined]
    return found, collected


def _label(curated: Curated, tuples: list[Any], gold: list[tuple[Any, ...]], same: dict[str, str]) -> list[tuple[dict[str, float], int]]:
    rows = []
    for t in tuples:
        key = (same.get(t.actor, t.actor), same.get(t.target, t.target), t.position)
        rows.append((t.features, int(any(eval_unseen.stance_matches(curated, g, key) for g in gold))))
    return rows


def dev_examples(curated: Curated, round_: int) -> list[tuple[dict[str, float], int]]:
    rows: list[tuple[dict[str, float], int]] = []
    for doc in eval_unseen.documents():
        if doc["split"] != "dev":
            continue
        number = 2 if "second test half" in str(doc.get("split_note", "")) else 1
        if number != round_:
            continue
        text = (EVAL / doc["file"]).read_text(encoding="utf-8")
        gold = yaml.safe_load((EVAL / "gold" / f"{doc['id']}.yaml").read_text(encoding="utf-8"))
        publisher, authors = eval_unseen.given_voices(doc)
        found, tuples = _capture(lambda: extract(doc["id"], text, str(doc["date"]), curated.entities, curated.vocab,
                                                 publisher, authors))
        gold_new = gold.get("new_entities") or []
        same: dict[str, str] = {}
        for entity in found.new_entities:
            names = {eval_unseen._norm(entity.name), *map(eval_unseen._norm, entity.aliases)}
            for g in gold_new:
                if names & {eval_unseen._norm(g["name"]), *map(eval_unseen._norm, g.get("aliases", []))}:
                    same.setdefault(entity.id, g["name"])
        stances = [(g["actor"], g["target"], g["position"]) for g in gold.get("stances") or []]
        rows += _label(curated, tuples, stances, same)
    return rows


def corpus_examples(curated: Curated) -> list[tuple[dict[str, float], int]]:
    rows: list[tuple[dict[str, float], int]] = []
    for source in sorted(curated.sources):
        if source not in curated.texts:
            continue
        held = [r for r in curated.statements.values() if r.source == source]
        others = [r for r in curated.statements.values() if r.source != source]
        gold = set().union(*(eval_ingest.references(r, curated.entities) for r in held)) if held else set()
        elsewhere = set().union(*(eval_ingest.references(r, curated.entities) for r in others))
        for record in curated.sources.values():
            if record.id != source:
                elsewhere |= eval_ingest.references(record, curated.entities)
        unknown = gold - elsewhere
        register = {k: v for k, v in curated.entities.items() if k not in unknown}
        date = curated.sources[source].get("date")
        publisher = curated.sources[source].get("publisher")
        publisher = getattr(publisher, "text", publisher)
        found, tuples = _capture(lambda: extract(source, curated.texts[source], date.text if date else None, register,
                                                 curated.vocab, str(publisher) if publisher and publisher in register else None))
        same: dict[str, str] = {}
        for entity in found.new_entities:
            names = {n.lower() for n in [entity.name, *entity.aliases]}
            for ident in sorted(unknown):
                if names & {str(f).lower() for f in eval_ingest._forms(curated.entities[ident])}:
                    same.setdefault(entity.id, ident)
        stances = [(r.get("actor"), r.get("target"), r.get("position")) for r in held if r.kind == "stances"]
        rows += _label(curated, tuples, stances, same)
    return rows


def fit(rows: list[tuple[dict[str, float], int]], l2: float = 0.01, steps: int = 400, rate: float = 0.5) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent from zero weights, in a fixed order."""
    names = sorted({name for features, _ in rows for name in features})
    weights = {name: 0.0 for name in ["bias", *names]}
    n = len(rows) or 1
    for _ in range(steps):
        grad = {name: 0.0 for name in weights}
        for features, label in rows:
            err = stance_model.probability(features, weights) - label
            grad["bias"] += err
            for name, value in features.items():
                grad[name] += err * value
        for name in weights:
            penalty = 0.0 if name == "bias" else l2 * weights[name]
            weights[name] -= rate * (grad[name] / n + penalty)
    return {name: round(value, 4) for name, value in weights.items() if abs(value) >= 0.0001 or name == "bias"}


def _use(weights: dict[str, float], threshold: float) -> None:
    stance_model._stored = lambda: {"weights": weights, "threshold": threshold}  # type: ignore[assignment]


def _rounds(curated: Curated) -> None:
    results = [eval_unseen.evaluate(curated, d) for d in eval_unseen.documents() if d["split"] == "dev"]
    docs = {d["id"]: d for d in eval_unseen.documents()}
    for r in results:
        r["round"] = 2 if "second test half" in str(docs[r["id"]].get("split_note", "")) else 1
    for number in (1, 2):
        s = [sum(r["stances"][i] for r in results if r["round"] == number) for i in range(4)]
        print(f"  round {number}: stance recall {s[2]}/{s[3]} {s[2] / s[3]:.2f}  precision {s[0]}/{s[1]} {s[0] / max(s[1], 1):.2f}")


THRESHOLD = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="Train on corpus + one round, report the other round.")
    parser.add_argument("--write", action="store_true", help="Train on corpus + both rounds and write the model.")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    args = parser.parse_args()
    curated = load(project(None))
    _use({}, 1.1)  # the rules alone while collecting examples
    corpus = corpus_examples(curated)
    rounds = {1: dev_examples(curated, 1), 2: dev_examples(curated, 2)}
    print(f"examples: corpus {len(corpus)} ({sum(y for _, y in corpus)} positive), round 1 {len(rounds[1])} "
          f"({sum(y for _, y in rounds[1])}), round 2 {len(rounds[2])} ({sum(y for _, y in rounds[2])})")
    print("rules alone:")
    _rounds(curated)
    if args.heldout:
        for train in (1, 2):
            weights = fit(corpus + rounds[train])
            _use(weights, args.threshold)
            print(f"model trained on corpus + round {train} (report round {3 - train}; round {train} is a training figure):")
            _rounds(curated)
            _use({}, 1.1)
    if args.write:
        weights = fit(corpus + rounds[1] + rounds[2])
        stance_model.MODEL.write_text(json.dumps({"threshold": args.threshold, "weights": weights}, indent=1, sort_keys=True) + "\n",
                                      encoding="utf-8")
        _use(weights, args.threshold)
        print(f"wrote {stance_model.MODEL} ({len(weights)} weights); trained on corpus + both rounds:")
        _rounds(curated)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
