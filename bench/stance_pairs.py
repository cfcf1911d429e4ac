"""A learned pair model for stances, measured leave-one-round-out or train/test by rounds (issue 13; not a test).

For each text of the evaluation sets (bench/ingest-eval/, rounds 1-8, and bench/ingest-eval/outside/,
rounds 9-13, whose texts must be in place: its README says how), the extractor of `scomm ingest`
runs as bench/eval_ingest.py --unseen runs it (the rules alone: whichever `graph` package is on
PYTHONPATH, so the rules of an older commit can be measured from a worktree of it). Every (actor,
target, position) the document makes possible is then an example: the actor any found entity that
can act (a known entity's mention, a proposed new entity, a given publisher or author), the target
any found program, policy or law, the position any of the position scheme. Its label: whether the
gold codes that stance (same actor, target and position, or a broader position, as the evaluation
counts). Its features name no document (`features` below): the actor is the document's voice;
actor and target types; how often each is named; whether and how often they share a sentence; the
cue positions (cues.yaml and the scheme's labels) in the sentences they share and in the document;
whether the rules proposed that pair, that position; the genre words of cues.yaml found in the
document; first person, quotation and negation in the shared sentences; with --buckets N, the words
of the shared sentences and the words between the nearest mentions of actor and target, each hashed
(crc32) into one of N buckets, alone and crossed with the position.

A logistic model (one over all positions, the position a feature and crossed with the cue and word
features) is fitted by L-BFGS from zero weights with an L2 penalty: no randomness, the same data
give the same weights. The rules' own candidates are kept and the model adds, for each pair the
rules gave no candidate, its most likely position when that is at or over the threshold.
--two-stage fits one model for "this pair has a stance" and one for the position instead.
Recall and precision are counted as bench/eval_unseen.py counts them.

    python bench/stance_pairs.py --rows out/rows.pkl --extract-only            # extract once (about 1 min)
    python bench/stance_pairs.py --rows out/rows.pkl --rounds 1-10 --buckets 512  # leave-one-round-out
    python bench/stance_pairs.py --rows out/rows.pkl --train 1-10 --test 11-13 --buckets 512
"""

from __future__ import annotations

import argparse
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
from graph.ingest import candidates, passages
from graph.ingest.lexicon import data as cue_data
from graph.ingest.review import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_unseen

EVAL = eval_unseen.EVAL
TARGET_TYPES = frozenset({"program", "policy", "law", "bill", "executive-order", "agreement"})
NOT_ACTORS = TARGET_TYPES | {"document", "system", "country", "region", "territory", "district"}
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
NEGATION = re.compile(r"\b(?:not|never|no|nor|cannot|n't|without)\b", re.IGNORECASE)
QUOTE = re.compile(r"[\"“”]")
WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset([  # words too common to tell anything
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "them", "him", "us", "has", "have",
    "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall",
    "not", "no", "so", "if", "than", "then", "there", "here", "who", "whom", "which", "what", "when", "where",
    "while", "also", "about", "into", "over", "after", "before", "said", "says", "say", "s",
])
BUCKETS = 0  # lexical features: words hashed into this many buckets (0: none); set by --buckets


def _words(text: str) -> list[str]:
    """The words of `text` the lexical features use: lower case, letters only, not a stop word."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


def _doc_row(curated: Curated, doc: dict[str, Any], position_cues: list[Any], genres: dict[str, list[str]],
             root: Path = EVAL) -> dict[str, Any]:
    """What one document gives the pair model: its pairs with their features, the rules'
    candidates and the gold, all under the evaluation's identities (a proposed entity stands for
    the gold new entity of its name)."""
    text = (root / doc["file"]).read_text(encoding="utf-8")
    gold = yaml.safe_load((root / "gold" / f"{doc['id']}.yaml").read_text(encoding="utf-8"))
    publisher, authors = eval_unseen.given_voices(doc)
    found = extract(doc["id"], text, str(doc["date"]), curated.entities, curated.vocab, publisher, authors)
    norm = eval_unseen._norm
    gold_new = gold.get("new_entities") or []
    gold_names = [{norm(g["name"]), *map(norm, g.get("aliases", []))} for g in gold_new]
    stands_for: dict[str, str] = {}
    types: dict[str, str] = {}
    for entity in found.new_entities:
        types[entity.id] = entity.type
        names = {norm(entity.name), *map(norm, entity.aliases)}
        hit = next((i for i, g in enumerate(gold_names) if names & g), None)
        if hit is not None:
            stands_for[entity.id] = gold_new[hit]["name"]
    for voice in found.voices:
        types.setdefault(voice.id, voice.type)
        hit = next((i for i, g in enumerate(gold_names) if norm(voice.given) in g), None)
        if voice.new and hit is not None:
            stands_for.setdefault(voice.id, gold_new[hit]["name"])
    for m in found.mentions:
        if m.entity not in types and m.entity in curated.entities:
            types[m.entity] = str(curated.entities[m.entity].values.get("type"))

    def ident(value: str) -> str:
        return stands_for.get(value, value)

    spans = passages.sentences(text)
    where: dict[str, set[int]] = defaultdict(set)  # entity -> sentence indexes naming it
    at: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)  # (entity, sentence) -> its spans
    count: Counter[str] = Counter()
    for m in found.mentions:
        count[m.entity] += 1
        for i, s in enumerate(spans):
            if s.start <= m.start < s.end:
                where[m.entity].add(i)
                at[(m.entity, i)].append((m.start, m.end))
                break
    cue_at: list[set[str]] = []
    for s in spans:
        cue_at.append({c.position for c in position_cues if c.pattern.search(s.text)})
    doc_cues = Counter(p for cs in cue_at for p in cs)
    lowered = text.lower()
    genre = sorted(k for k, words in genres.items() if any(str(w).lower() in lowered for w in words))
    voice_ids = {v.id for v in found.voices}
    publisher_ids = {v.id for v in found.voices if v.role == "publisher"}
    author_ids = {v.id for v in found.voices if v.role == "author"}
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    rule_actor: Counter[str] = Counter()
    for c in found.candidates:
        if c.kind == "stances":
            rules[(c.values["actor"], c.values["target"])].add(c.values["position"])
            rule_actor[c.values["actor"]] += 1
    actors = sorted({e for e in set(count) | voice_ids if types.get(e) and types[e] not in NOT_ACTORS})
    targets = sorted({e for e in count if types.get(e) in TARGET_TYPES})
    top_target = max(targets, key=lambda t: (count[t], t), default=None) if targets else None
    actor_rank = {a: i for i, a in enumerate(sorted(actors, key=lambda a: (-count[a], a)))}
    pairs = []
    for a in actors:
        for t in targets:
            shared = sorted(where[a] & where[t])
            shared_cues = Counter(p for i in shared for p in cue_at[i])
            shared_text = " ".join(spans[i].text for i in shared)
            between: set[str] = set()
            for i in shared:  # the words between the nearest mentions of actor and target in each shared sentence
                gaps = [(max(a0, t0) - min(a1, t1), min(a1, t1), max(a0, t0))
                        for a0, a1 in at[(a, i)] for t0, t1 in at[(t, i)]]
                if gaps:
                    _, lo, hi = min(gaps)
                    between.update(_words(text[lo:hi]))
            base: dict[str, float] = {
                "voice": float(a in voice_ids), "publisher": float(a in publisher_ids), "author": float(a in author_ids),
                f"atype={types[a]}": 1.0, f"ttype={types[t]}": 1.0,
                "a_count": math.log1p(count[a]), "t_count": math.log1p(count[t]),
                "a_top": float(actor_rank[a] == 0), "a_top3": float(actor_rank[a] < 3),
                "t_top": float(t == top_target), "n_targets>1": float(len(targets) > 1),
                "shared": float(bool(shared)), "shared_n": math.log1p(len(shared)),
                "a_first_sentence": float(bool(where[a]) and min(where[a]) <= 1),
                "rules_pair": float(bool(rules.get((a, t)))), "rules_actor": float(rule_actor[a] > 0),
                "first_person_shared": float(bool(FIRST_PERSON.search(shared_text))),
                "quoted_shared": float(bool(QUOTE.search(shared_text))),
                "negated_shared": float(bool(NEGATION.search(shared_text))),
                "voice_x_first_person": float(a in voice_ids and bool(FIRST_PERSON.search(text))),
                **{f"genre={g}": 1.0 for g in genre},
            }
            pairs.append({"actor": a, "target": t, "key": (ident(a), ident(t)), "base": base,
                          "shared_cues": dict(shared_cues), "rules": sorted(rules.get((a, t), set())),
                          "words_shared": sorted(set(_words(shared_text))), "words_between": sorted(between)})
    gold_stances = [(g["actor"], g["target"], g["position"]) for g in gold.get("stances") or []]
    cands = {(ident(a), ident(t), p) for (a, t), ps in rules.items() for p in ps}
    return {"id": doc["id"], "round": eval_unseen.round_of(doc), "pairs": pairs, "doc_cues": dict(doc_cues),
            "n_sentences": len(spans), "gold": gold_stances, "rules": sorted(cands)}


def features(pair: dict[str, Any], position: str, row: dict[str, Any]) -> dict[str, float]:
    """The features of (actor, target, position): the pair's own, the position, and the cues of
    this position in the sentences the pair shares and in the whole document."""
    f = dict(pair["base"])
    cue_shared = float(pair["shared_cues"].get(position, 0) > 0)
    other_shared = float(any(n > 0 for p, n in pair["shared_cues"].items() if p != position))
    cue_doc = math.log1p(row["doc_cues"].get(position, 0))
    share_doc = row["doc_cues"].get(position, 0) / max(1, sum(row["doc_cues"].values()))
    f.update({f"pos={position}": 1.0, "cue_shared": cue_shared, f"cue_shared|{position}": cue_shared,
              "other_cue_shared": other_shared, "cue_doc": cue_doc, f"cue_doc|{position}": cue_doc,
              "cue_doc_share": share_doc, "cue_doc_top": float(bool(row["doc_cues"]) and
                                                                max(row["doc_cues"].items(), key=lambda kv: (kv[1], kv[0]))[0] == position),
              "rules_this": float(position in pair["rules"]),
              "rules_other": float(bool(pair["rules"]) and position not in pair["rules"]),
              "voice|cue_doc": pair["base"]["voice"] * cue_doc, "voice|cue_shared": pair["base"]["voice"] * cue_shared,
              f"voice|{position}": pair["base"]["voice"], f"publisher|{position}": pair["base"]["publisher"],
              "publisher|cue_doc": pair["base"]["publisher"] * cue_doc})
    for name in list(pair["base"]):
        if name.startswith(("atype=", "genre=")):
            f[f"{name}|{position}"] = 1.0
    if BUCKETS:  # words of the shared sentences and between actor and target, hashed, alone and with the position
        for kind, words in (("ws", pair.get("words_shared", ())), ("wb", pair.get("words_between", ()))):
            for word in words:
                b = zlib.crc32(word.encode("utf-8")) % BUCKETS
                f[f"{kind}{b}"] = 1.0
                f[f"{kind}{b}|{position}"] = 1.0
    return f


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
                if unproposed and (key in proposed or (ONLY_NEW_PAIRS and pair["rules"])):
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


def score(f: dict[str, float], w: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(w.get(n, 0.0) * v for n, v in sorted(f.items()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


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
            if best[0] >= threshold and key not in set(row["rules"]) and not (ONLY_NEW_PAIRS and pair["rules"]):
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
    if BUCKETS:
        for kind, words in (("ws", pair.get("words_shared", ())), ("wb", pair.get("words_between", ()))):
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
            cells.append(f"{_cell(m[2], m[3])} / {_cell(m[0], m[1])}")
            _add(pooled[str(t)], m)
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


if __name__ == "__main__":
    main()
