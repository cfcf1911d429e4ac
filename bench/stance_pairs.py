"""A learned pair model for stances, measured leave-one-round-out or train/test by rounds (issue 13; not a test).

For each text of the evaluation sets (bench/ingest-eval/, rounds 1-8, and bench/ingest-eval/outside/,
rounds 9-19, whose texts must be in place: its README says how), the extractor of `scomm ingest`
runs as bench/eval_ingest.py --unseen runs it, the pair model itself held off (the rules alone:
whichever `graph` package is on PYTHONPATH). Every (actor, target, position) the document makes
possible is then an example, read by graph/ingest/pair_model.py exactly as `scomm ingest` reads it
(`pairs`, `features`: the actor any found entity that can act, the target any found program,
policy or law, the position any of the scheme; features that name no document). Its label: whether
the gold codes that stance (same actor, target and position, or a broader position, as the
evaluation counts). With --buckets N the words between and around actor and target (names blanked)
are hashed (crc32) into N buckets, alone and crossed with the position.

A logistic model (one over all positions, the position a feature and crossed with the cue and word
features) is fitted by L-BFGS from zero weights with an L2 penalty: no randomness, the same data
give the same weights. The rules' candidates are kept and the model adds, for each pair the
rules gave no candidate and with a sentence to quote, its most likely position when that is at or
over the threshold. --two-stage fits one model for "this pair has a stance" and one for the position
instead. Recall and precision are counted as bench/eval_unseen.py counts them. --write-model writes
the weights `scomm ingest` reads (graph/ingest/pair_model.json; docs/ingest.md, "Session 12", 17h).

    python bench/stance_pairs.py --rows out/rows.pkl --extract-only            # extract once (about 3 min)
    python bench/stance_pairs.py --rows out/rows.pkl --rounds 1-15 --l2 10     # leave-one-round-out
    python bench/stance_pairs.py --rows out/rows.pkl --train 1-15 --test 16-19 --l2 10 --thresholds 0.45
    python bench/stance_pairs.py --rows out/rows.pkl --write-model 1-19 --l2 10 --thresholds 0.45
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import sys
import zlib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from scipy import optimize, sparse

from graph.build.load import Curated, load
from graph.folders import project
from graph.ingest import candidates, mentions, pair_model
from graph.ingest.mentions import Known
from graph.ingest.lexicon import data as cue_data
from graph.ingest.review import extract, pair_inputs

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_unseen

EVAL = eval_unseen.EVAL
BUCKETS = 0  # lexical features: words hashed into this many buckets (0: none); set by --buckets


def _words(text: str) -> list[str]:
    """The words of `text` the lexical features use: lower case, letters only, not a stop word."""
    return pair_model.words(text)


def _doc_row(curated: Curated, doc: dict[str, Any], position_cues: list[Any], genres: dict[str, list[str]],
             root: Path = EVAL) -> dict[str, Any]:
    """What one document gives the pair model: its pairs with their features (graph/ingest/pair_model.py,
    as `scomm ingest` reads them), the rules' candidates and the gold, all under the evaluation's
    identities (a proposed entity stands for the gold new entity of its name)."""
    text = (root / doc["file"]).read_text(encoding="utf-8")
    gold = yaml.safe_load((root / "gold" / f"{doc['id']}.yaml").read_text(encoding="utf-8"))
    publisher, authors = eval_unseen.given_voices(doc)
    pair_model.SUPPRESSED = True  # the rules' own candidates, whatever cues.yaml switches on
    try:
        found = extract(doc["id"], text, str(doc["date"]), curated.entities, curated.vocab, publisher, authors)
    finally:
        pair_model.SUPPRESSED = False
    norm = eval_unseen._norm
    gold_new = gold.get("new_entities") or []
    gold_names = [{norm(g["name"]), *map(norm, g.get("aliases", []))} for g in gold_new]
    stands_for: dict[str, str] = {}
    for entity in found.new_entities:
        names = {norm(entity.name), *map(norm, entity.aliases)}
        hit = next((i for i, g in enumerate(gold_names) if names & g), None)
        if hit is not None:
            stands_for[entity.id] = gold_new[hit]["name"]
    for voice in found.voices:
        hit = next((i for i, g in enumerate(gold_names) if norm(voice.given) in g), None)
        if voice.new and hit is not None:
            stands_for.setdefault(voice.id, gold_new[hit]["name"])
    known = [*register(curated), *(Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in found.new_entities)]
    types, voice_ids, speaker = pair_inputs(text, found.mentions, known, found.voices)

    def ident(value: str) -> str:
        return stands_for.get(value, value)

    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in found.candidates:
        if c.kind == "stances":
            rules[(c.values["actor"], c.values["target"])].add(c.values["position"])
    found_pairs, doc_cues = pair_model.pairs(text, found.mentions, types, voice_ids, rules, position_cues, speaker, genres)
    pairs = [{"key": (ident(p.actor), ident(p.target)), "rules": p.rules, "base": p.base, "shared_cues": p.shared_cues,
              "quoted": p.quote is not None, "obj": p} for p in found_pairs]
    gold_stances = [(g["actor"], g["target"], g["position"]) for g in gold.get("stances") or []]
    cands = {(ident(a), ident(t), p) for (a, t), ps in rules.items() for p in ps}
    return {"id": doc["id"], "round": eval_unseen.round_of(doc), "pairs": pairs, "doc_cues": doc_cues,
            "gold": gold_stances, "rules": sorted(cands)}


_REGISTER: dict[int, list[Any]] = {}


def register(curated: Curated) -> list[Any]:
    if id(curated) not in _REGISTER:
        _REGISTER[id(curated)] = mentions.register(curated.entities)
    return _REGISTER[id(curated)]


def features(pair: dict[str, Any], position: str, row: dict[str, Any]) -> dict[str, float]:
    """The features of (actor, target, position), as graph/ingest/pair_model.py computes them."""
    return pair_model.features(pair["obj"], position, row["doc_cues"], BUCKETS)


def examples(rows: list[dict[str, Any]], positions: list[str], matches: Any,
             unproposed: bool = True) -> list[tuple[int, int, str, dict[str, float], int]]:
    """The labelled triples of `rows`; with `unproposed`, only those the rules did not propose
    (the model only adds to the rules, so it is fitted on what it can add)."""
    out = []
    for r, row in enumerate(rows):
        proposed = set(row["rules"])
        for p_i, pair in enumerate(row["pairs"]):
            for position in positions:
                key = (*pair["key"], position)
                if unproposed and (key in proposed or (ONLY_NEW_PAIRS and pair["rules"]) or not pair.get("quoted", True)):
                    continue
                label = int(any(matches(g, key) for g in row["gold"]))
                out.append((r, p_i, position, features(pair, position, row), label))
    return out


def fit(data: list[tuple[Any, ...]], l2: float = 1.0, steps: int = 500) -> dict[str, float]:
    """Logistic regression with an L2 penalty on all but the bias, by L-BFGS from zero weights over a
    sparse matrix (the lexical features make thousands of columns): no randomness, the same data in
    the same order give the same weights; rounded to 1e-9."""
    names = ["bias", *sorted({n for *_, f, _ in data for n in f})]
    index = {n: i for i, n in enumerate(names)}
    rows_i, cols, vals = [], [], []
    y = np.zeros(len(data))
    for k, (*_, f, label) in enumerate(data):
        rows_i.append(k), cols.append(0), vals.append(1.0)
        for n, v in sorted(f.items()):
            rows_i.append(k), cols.append(index[n]), vals.append(v)
        y[k] = label
    x = sparse.csr_matrix((vals, (rows_i, cols)), shape=(len(data), len(names)))
    penalty = np.full(len(names), l2)
    penalty[0] = 0.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = np.clip(x @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * np.sum(penalty * w * w))
        return value, x.T @ (p - y) + penalty * w

    result = optimize.minimize(loss, np.zeros(len(names)), jac=True, method="L-BFGS-B",
                               options={"maxiter": steps, "gtol": 1e-7})
    return {n: round(float(result.x[i]), 9) for n, i in index.items()}


score = pair_model.score


def measure(rows: list[dict[str, Any]], added: dict[int, set[tuple[str, str, str]]], matches: Any) -> tuple[int, int, int, int]:
    """(useful candidates, candidates, gold matched, gold) over `rows`, the rules' candidates plus `added`."""
    useful = total = hit = whole = 0
    for r, row in enumerate(rows):
        cands = set(row["rules"]) | added.get(r, set())
        useful += sum(1 for c in cands if any(matches(g, c) for g in row["gold"]))
        total += len(cands)
        hit += sum(1 for g in row["gold"] if any(matches(g, c) for c in cands))
        whole += len(row["gold"])
    return useful, total, hit, whole


def propose(rows: list[dict[str, Any]], w: dict[str, float], positions: list[str], threshold: float) -> dict[int, set[tuple[str, str, str]]]:
    """Per document, for each pair, its most likely position when at or over the threshold and not the rules' own."""
    added: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    for r, row in enumerate(rows):
        for pair in row["pairs"]:
            best = max(((score(features(pair, p, row), w), p) for p in positions), key=lambda sp: (sp[0], sp[1]))
            key = (*pair["key"], best[1])
            if (best[0] >= threshold and key not in set(row["rules"]) and not (ONLY_NEW_PAIRS and pair["rules"])
                    and pair.get("quoted", True)):
                added[r].add(key)
    return added


def pair_features(pair: dict[str, Any], row: dict[str, Any]) -> dict[str, float]:
    """The features of a pair whatever the position (the two-stage design's first model: does this pair
    have a stance?): the pair's own, the cue positions of the sentences it shares, the words."""
    f = dict(pair["base"])
    for position, n in sorted(pair["shared_cues"].items()):
        if n > 0:
            f[f"cue_shared={position}"] = 1.0
            f["cue_shared_any"] = 1.0
    f["cue_doc_all"] = math.log1p(sum(row["doc_cues"].values()))
    if BUCKETS and "obj" in pair:
        for kind, words in sorted(pair["obj"].lexical.items()):
            for word in words:
                f[f"{kind}{zlib.crc32(word.encode('utf-8')) % BUCKETS}"] = 1.0
    return f


def fit_two_stage(rows: list[dict[str, Any]], positions: list[str], matches: Any, l2: float) -> dict[str, Any]:
    """Two models: whether a pair without a rule candidate has a gold stance, and which position, fitted
    on the pairs that have one."""
    first, second = [], []
    for r, row in enumerate(rows):
        for p_i, pair in enumerate(row["pairs"]):
            if pair["rules"]:
                continue
            labels = [int(any(matches(g, (*pair["key"], position)) for g in row["gold"])) for position in positions]
            first.append((r, p_i, "", pair_features(pair, row), int(any(labels))))
            if any(labels):
                second += [(r, p_i, position, features(pair, position, row), label)
                           for position, label in zip(positions, labels)]
    return {"pair": fit(first, l2=l2), "position": fit(second, l2=l2)}


def propose_two_stage(rows: list[dict[str, Any]], w: dict[str, Any], positions: list[str],
                      threshold: float) -> dict[int, set[tuple[str, str, str]]]:
    """For each pair without a rule candidate whose probability of a stance times its best position's share reaches the threshold."""
    added: dict[int, set[tuple[str, str, str]]] = defaultdict(set)
    for r, row in enumerate(rows):
        for pair in row["pairs"]:
            if pair["rules"]:
                continue
            p_pair = score(pair_features(pair, row), w["pair"])
            by = [(score(features(pair, p, row), w["position"]), p) for p in positions]
            best = max(by, key=lambda sp: (sp[0], sp[1]))
            share = best[0] / max(1e-9, sum(sp[0] for sp in by))
            if p_pair * share >= threshold:
                added[r].add((*pair["key"], best[1]))
    return added


ONLY_NEW_PAIRS = True  # the model proposes only for pairs the rules gave no candidate (the finding of rounds 6+7)


def _cell(part: int, whole: int) -> str:
    return f"{part}/{whole} {part / whole:.2f}" if whole else f"{part}/{whole}  -  "


def _rounds(spec: str) -> list[int]:
    """'1-10' or '11,12,13' as a list of rounds."""
    out: list[int] = []
    for part in spec.split(","):
        lo, _, hi = part.partition("-")
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def _add(total: list[int], part: tuple[int, int, int, int]) -> None:
    for i in range(4):
        total[i] += part[i]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--thresholds", default="0.6,0.5,0.35,0.2")
    parser.add_argument("--eval-set", type=Path, action="append", default=None, metavar="DIR",
                        help="An evaluation set laid out like bench/ingest-eval/ (repeatable; default: bench/ingest-eval/ "
                             "and bench/ingest-eval/outside/, whose texts must be in place).")
    parser.add_argument("--rows", type=Path, default=None,
                        help="Keep the extractions in this file, or read them from it when it exists (development only: "
                             "the rules that made them are the PYTHONPATH of the run that wrote it).")
    parser.add_argument("--extract-only", action="store_true", help="Write --rows and stop.")
    parser.add_argument("--rounds", default="1-13", help="Leave-one-round-out over these rounds (e.g. 1-10).")
    parser.add_argument("--train", default=None, metavar="ROUNDS",
                        help="Instead of leave-one-round-out: train on these rounds and predict --test.")
    parser.add_argument("--test", default=None, metavar="ROUNDS")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--write-model", default=None, metavar="ROUNDS",
                        help="Fit on these rounds and write graph/ingest/pair_model.json (with --buckets, --l2 and the "
                             "first of --thresholds), the model `scomm ingest` reads when cues.yaml switches it on.")
    parser.add_argument("--buckets", type=int, default=0, help="Lexical features hashed into this many buckets (0: none).")
    parser.add_argument("--two-stage", action="store_true",
                        help="Two models: does a pair have a stance, and which position (score: the product).")
    parser.add_argument("--all-triples", action="store_true",
                        help="Fit on every triple, the rules' own candidates too (default: only those the rules did not propose).")
    parser.add_argument("--any-pair", action="store_true",
                        help="Let the model add a position to a pair the rules proposed another position for "
                             "(default: only pairs with no rule candidate).")
    args = parser.parse_args()
    global ONLY_NEW_PAIRS, BUCKETS
    ONLY_NEW_PAIRS = not args.any_pair
    BUCKETS = args.buckets
    thresholds = [float(t) for t in args.thresholds.split(",")]
    curated = load(project(None))

    def matches(g: tuple[Any, ...], c: tuple[Any, ...]) -> bool:
        return eval_unseen.stance_matches(curated, g, c)

    positions = sorted(curated.vocab.schemes.get("position", {}))
    if args.rows and args.rows.exists():
        rows = pickle.loads(args.rows.read_bytes())
    else:
        position_cues = candidates.cues(curated.vocab)
        genres = {k: list(v) for k, v in (cue_data().get("genres") or {}).items()}
        rows = []
        for root in args.eval_set or [EVAL, EVAL / "outside"]:
            docs = sorted(eval_unseen.documents(root), key=lambda d: (eval_unseen.round_of(d), d["id"]))
            absent = [str(root / d["file"]) for d in docs if not (root / d["file"]).is_file()]
            if absent:
                raise SystemExit("no text (bench/ingest-eval/outside/README.md says how to place them): " + ", ".join(absent))
            rows += [_doc_row(curated, d, position_cues, genres, root) for d in docs]
        if args.rows:
            args.rows.write_bytes(pickle.dumps(rows))
    if args.extract_only:
        print(f"{len(rows)} texts extracted into {args.rows}")
        return
    if args.write_model:
        use = set(_rounds(args.write_model))
        train = [r for r in rows if r["round"] in use]
        w = fit(examples(train, positions, matches), l2=args.l2)
        kept = {n: v for n, v in sorted(w.items()) if abs(v) >= 1e-6}
        out = {"trained_on": f"rounds {args.write_model} ({len(train)} texts, {sum(len(r['gold']) for r in train)} gold stances)",
               "buckets": args.buckets, "l2": args.l2, "threshold": thresholds[0], "positions": positions, "weights": kept}
        pair_model.MODEL.write_text(json.dumps(out, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{pair_model.MODEL}: {len(kept)} weights, trained on {out['trained_on']}")
        return
    if args.train:
        train_rounds, test_rounds = set(_rounds(args.train)), set(_rounds(args.test or ""))
        rows = [r for r in rows if r["round"] in train_rounds | test_rounds]
        folds = [(sorted(test_rounds), f"rounds {args.test} (trained on {args.train})")]
    else:
        use = set(_rounds(args.rounds))
        rows = [r for r in rows if r["round"] in use]
        folds = [([n], f"round {n}") for n in sorted(use)]
    gold_n = sum(len(r["gold"]) for r in rows)
    covered = sum(1 for r in rows for g in r["gold"] if any(p["key"] == (g[0], g[1]) for p in r["pairs"]))
    print(f"{len(rows)} texts, {gold_n} gold stances; {covered} have their actor and target among the pairs "
          f"(the model's ceiling); {sum(len(r['pairs']) for r in rows)} pairs x {len(positions)} positions")
    missed = [(r, g) for r in rows for g in r["gold"]
              if not any(matches(g, c) for c in r["rules"])]
    in_pairs = [(r, g) for r, g in missed if any(p["key"] == (g[0], g[1]) for p in r["pairs"])]
    no_rule = [(r, g) for r, g in in_pairs if any(p["key"] == (g[0], g[1]) and not p["rules"] for p in r["pairs"])]
    print(f"the rules miss {len(missed)}: actor and target both found for {len(in_pairs)}, "
          f"{len(no_rule)} of them a pair the rules gave no candidate")
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    per_round: dict[str, list[Any]] = defaultdict(list)
    head = f"{'held out':34} {'rules alone rec / prec':>26}" + "".join(f"{'+model >= ' + str(t) + ' rec / prec':>30}" for t in thresholds)
    print(head)
    for held, label in folds:
        train = [r for r in rows if r["round"] not in held]
        test = [r for r in rows if r["round"] in held]
        if args.two_stage:
            w2 = fit_two_stage(train, positions, matches, args.l2)
            w = w2["pair"]
        else:
            w = fit(examples(train, positions, matches, not args.all_triples), l2=args.l2)
        base = measure(test, {}, matches)
        cells = [f"{_cell(base[2], base[3])} / {_cell(base[0], base[1])}"]
        _add(pooled["rules"], base)
        for t in thresholds:
            m = measure(test, propose_two_stage(test, w2, positions, t) if args.two_stage
                        else propose(test, w, positions, t), matches)
            fell = "!" if m[1] and m[0] / m[1] < 0.5 and (not base[1] or m[0] * base[1] < base[0] * m[1]) else ""
            cells.append(f"{_cell(m[2], m[3])} / {_cell(m[0], m[1])}{fell}")
            _add(pooled[str(t)], m)
            for r in held:
                one = [x for x in test if x["round"] == r]
                b1, m1 = measure(one, {}, matches), measure(one, propose(one, w, positions, t), matches) if not args.two_stage else (0, 0, 0, 0)
                per_round[str(t)].append((r, b1, m1))
        print(f"{label:34} {cells[0]:>26}" + "".join(f"{c:>30}" for c in cells[1:]), flush=True)
        if held == folds[-1][0]:
            strongest = sorted(w.items(), key=lambda kv: (-abs(kv[1]), kv[0]))[:12]
            print("   strongest weights: " + ", ".join(f"{n} {v:+.2f}" for n, v in strongest))
    p = pooled["rules"]
    line = f"{'pooled':34} {_cell(p[2], p[3]) + ' / ' + _cell(p[0], p[1]):>26}"
    for t in thresholds:
        q = pooled[str(t)]
        line += f"{_cell(q[2], q[3]) + ' / ' + _cell(q[0], q[1]):>30}"
    print(line)
    extra = "".join(f" {f'+{pooled[str(t)][2] - p[2]} stances, {pooled[str(t)][0] - p[0]} right of {pooled[str(t)][1] - p[1]} added':>29}"
                    for t in thresholds)
    print(f"{'pooled: what the model adds':34} {'':>26}{extra}")
    if args.train:  # each held-out round alone
        for t in thresholds:
            for r, b, m in per_round[str(t)]:
                print(f"round {r} at {t}: rules {_cell(b[2], b[3])} / {_cell(b[0], b[1])}, with the model {_cell(m[2], m[3])} / {_cell(m[0], m[1])}")
    for t in thresholds:  # the rounds whose precision the model takes below 0.5 (and below the rules' own)
        low = [f"{r} ({_cell(m[0], m[1])}, rules {_cell(b[0], b[1])})" for r, b, m in per_round[str(t)]
               if m[1] and m[0] / m[1] < 0.5 and m[0] * max(1, b[1]) < b[0] * m[1] and (m[0], m[1]) != (b[0], b[1])]
        print(f"at {t}: rounds whose precision falls below 0.5 with the model: {', '.join(low) or 'none'}")


if __name__ == "__main__":
    main()
