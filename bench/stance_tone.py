"""The tone rule's additions on rounds 1-17, at every threshold, from one extraction (issue 13, session 11; not a test).

Runs the extractor on every text of bench/ingest-eval/ (rounds 1-8) and bench/ingest-eval/outside/
(rounds 9-17; its texts must be in place) with cues.yaml `tone` opened wide (every role, any non-zero
polarity), keeps each stance candidate of `clauses.tones` with its polarity and role, and counts, for
a threshold and a set of roles, the additions that match a gold stance (as bench/eval_unseen.py counts)
and the gold stances they add that no other candidate matched, per round range.

    python bench/stance_tone.py --rows out/tone.pkl --roles quotation --extract-only   # about 2 min
    python bench/stance_tone.py --rows out/tone.pkl --roles quotation,quotation-a --rounds 1-13

Roles: quotation, according, reporter, subject, voice (cues.yaml `tone`); "-a" after one names its
additions whose program the sentence refers to as "the program" (named last before it).
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from graph.build.load import load
from graph.folders import project
from graph.ingest import lexicon
from graph.ingest.review import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_unseen

WHY = re.compile(r"the tone of the sentence \(([-+]\d\.\d\d), (\w+)( anaphor)?\)")


def _stands_for(found: Any, gold: dict[str, Any]) -> dict[str, str]:
    gold_new = [g for g in gold.get("new_entities") or []]
    names = [(g["name"], {eval_unseen._norm(g["name"]), *map(eval_unseen._norm, g.get("aliases", []))}) for g in gold_new]
    out: dict[str, str] = {}
    for entity in found.new_entities:
        mine = {eval_unseen._norm(entity.name), *map(eval_unseen._norm, entity.aliases)}
        hit = next((n for n, g in names if mine & g), None)
        if hit is not None:
            out[entity.id] = hit
    for voice in found.voices:
        hit = next((n for n, g in names if eval_unseen._norm(voice.given) in g), None)
        if voice.new and hit is not None:
            out.setdefault(voice.id, hit)
    return out


def extract_rows(root: Any, roles: list[str], against: str) -> list[dict[str, Any]]:
    """Every text's gold stances, the other rules' stance candidates and the tone rule's with `roles`
    (their polarity and role), the tone rule opened to any non-zero polarity. The roles are extracted
    together: a pair one role proposed is not proposed again by another, so measure a set of roles
    from rows extracted with that set."""
    tone = lexicon.data()["tone"]
    tone.update({"roles": roles, "negative": -0.0001, "positive": 0.0001, "negative_position": against})
    curated = load(root)
    rows = []
    for base in (eval_unseen.EVAL, eval_unseen.EVAL / "outside"):
        for doc in eval_unseen.documents(base):
            text = (base / doc["file"]).read_text(encoding="utf-8")
            gold = yaml.safe_load((base / "gold" / f"{doc['id']}.yaml").read_text(encoding="utf-8"))
            publisher, authors = eval_unseen.given_voices(doc)
            found = extract(doc["id"], text, str(doc["date"]), curated.entities, curated.vocab, publisher, authors)
            ident = _stands_for(found, gold)
            rest, tones = set(), []
            for c in found.candidates:
                if c.kind != "stances":
                    continue
                triple = (ident.get(c.values["actor"], c.values["actor"]), ident.get(c.values["target"], c.values["target"]),
                          c.values["position"])
                m = WHY.search(c.why)
                if m is None:
                    rest.add(triple)
                else:
                    tones.append({"triple": triple, "score": float(m.group(1)), "role": m.group(2) + ("-a" if m.group(3) else ""), "quote": c.quote[0].text})
            gold_stances = [(g["actor"], g["target"], g["position"]) for g in gold.get("stances") or []]
            rows.append({"id": doc["id"], "round": eval_unseen.round_of(doc), "gold": gold_stances, "rest": rest, "tones": tones})
            print(doc["id"], len(tones), file=sys.stderr)
    return rows


def _range(text: str) -> set[int]:
    out: set[int] = set()
    for part in text.split(","):
        a, _, b = part.partition("-")
        out.update(range(int(a), int(b or a) + 1))
    return out


def measure(rows: list[dict[str, Any]], curated: Any, rounds: set[int], roles: set[str], neg: float, pos: float,
            against: str, show: bool = False) -> tuple[int, int, int, int, int]:
    """(gold stances the additions add, additions that match a gold stance, additions, gold stances,
    gold stances the other rules' candidates match) over the texts of `rounds`. Each addition counts
    once per sentence (bench/eval_ingest.py counts distinct triples, so its figures differ a little)."""
    added = right = made = total = base = 0
    for r in rows:
        if r["round"] not in rounds:
            continue
        gold = r["gold"]
        total += len(gold)
        matched = {g for g in gold if any(eval_unseen.stance_matches(curated, g, c) for c in r["rest"])}
        base += len(matched)
        new: set[Any] = set()
        for t in r["tones"]:
            if t["role"] not in roles or neg < t["score"] < pos:
                continue
            actor, target, _ = t["triple"]
            triple = (actor, target, against if t["score"] <= neg else "supports")  # rows of the position extracted
            made += 1
            hits = {g for g in gold if eval_unseen.stance_matches(curated, g, triple)}
            right += bool(hits)
            new |= hits - matched
            if show:
                print(f"  {'RIGHT' if hits else 'wrong'} r{r['round']} {t['score']:+.2f} {t['role']:9} {triple}  | {t['quote'][:160]}")
        added += len(new)
    return added, right, made, total, base


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=Path, required=True)
    parser.add_argument("--extract-only", action="store_true")
    parser.add_argument("--rounds", default="1-13")
    parser.add_argument("--roles", default="quotation,quotation-a,according,according-a,reporter,reporter-a,subject,subject-a,voice,voice-a")
    parser.add_argument("--against", default="opposes")
    parser.add_argument("--show", default="", help="NEG,POS: list the additions at these thresholds")
    args = parser.parse_args()
    root = project()
    if args.extract_only or not args.rows.exists():
        rows = extract_rows(root, [r for r in args.roles.split(",") if not r.endswith("-a")], args.against)
        args.rows.parent.mkdir(parents=True, exist_ok=True)
        args.rows.write_bytes(pickle.dumps(rows))
        if args.extract_only:
            return
    rows = pickle.loads(args.rows.read_bytes())
    curated = load(root)
    rounds, roles = _range(args.rounds), set(args.roles.split(","))
    if args.show:
        neg, pos = map(float, args.show.split(","))
        measure(rows, curated, rounds, roles, neg, pos, args.against, show=True)
        return
    print(f"rounds {args.rounds}, roles {sorted(roles)}, negative -> {args.against}")
    for neg in (-0.2, -0.4, -0.5, -0.6, -0.7, -0.8, -0.9, -2):
        cells = []
        for pos in (0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2):
            added, right, made, total, base = measure(rows, curated, rounds, roles, neg, pos, args.against)
            cells.append(f"+{added} {right}/{made}")
        print(f"neg<={neg:+.1f}: " + "  ".join(f"pos>={p}: {c}" for p, c in zip((0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 2), cells)))


if __name__ == "__main__":
    main()
