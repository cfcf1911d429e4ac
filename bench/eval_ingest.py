"""How well the extractor of `scomm ingest` finds what the curators found (not a test).

Each of the corpus documents is held out in turn: the entity register is built from the
others (entities that only the held-out document's statements reference are unknown),
the extractor runs on the held-out text, and its output is compared with the curated
statements of that document:

- mention recall: of the known entities the document's statements reference, the share
  the mention finder found in the text; precision: of the entities it found, the share
  those statements reference (the others are named in the text but carry no statement);
- new-entity recall: of the unknown entities, the share proposed as new candidates under
  their name or an alias;
- stance recall: of the curated stances, the share among the candidates with the same
  actor, target and position, or the same actor and target with a broader position
  (`opposes` for `criticizes`); precision: the share of stance candidates that match a
  curated stance that way.

Run: python bench/eval_ingest.py [--root PATH]
(--unseen: bench/eval_unseen.py, texts never developed on; --quotes: bench/eval_quotes.py, the gold's
quotes alone.)
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from graph.build.load import Curated, Record, load
from graph.ingest.merge import reference_fields
from graph.folders import project
from graph.ingest.review import extract

from eval_unseen import stance_matches  # bench/ is this script's folder


def references(record: Record, entities: dict[str, Any]) -> set[str]:
    plain, maps = reference_fields()
    refs: set[str] = set()
    for name, value in record.values.items():
        if name in maps:
            refs.update(m for members in value.values() for m in members)
        elif name in plain:
            refs.update(value if isinstance(value, list) else [value])
    return {r for r in refs if r in entities}


def evaluate(curated: Curated, source: str) -> dict[str, Any]:
    held = [r for r in curated.statements.values() if r.source == source]
    others = [r for r in curated.statements.values() if r.source != source]
    gold = set().union(*(references(r, curated.entities) for r in held)) if held else set()
    elsewhere = set().union(*(references(r, curated.entities) for r in others))
    for record in curated.sources.values():
        if record.id != source:
            elsewhere |= references(record, curated.entities)
    unknown = gold - elsewhere
    register = {k: v for k, v in curated.entities.items() if k not in unknown}
    text = curated.texts[source]
    date = curated.sources[source].get("date")
    started = time.perf_counter()
    publisher = curated.sources[source].get("publisher")
    publisher = getattr(publisher, "text", publisher)
    found = extract(source, text, date.text if date else None, register, curated.vocab,
                    str(publisher) if publisher and publisher in register else None)
    seconds = time.perf_counter() - started
    proposed_ids = {e.id for e in found.new_entities}
    named = {m.entity for m in found.mentions if m.entity not in proposed_ids}
    gold_known = gold - unknown
    lowered = text.lower()
    verbatim = {e for e in gold_known if any(str(f).lower() in lowered for f in _forms(curated.entities[e]))}
    proposed = {n.lower() for e in found.new_entities for n in [e.name, *e.aliases]}
    new_found = {e for e in unknown if {str(f).lower() for f in _forms(curated.entities[e])} & proposed}
    # A proposed new entity stands for the curated one whose name or alias it carries.
    same: dict[str, str] = {}
    for entity in found.new_entities:
        names = {n.lower() for n in [entity.name, *entity.aliases]}
        for ident in sorted(unknown):
            if names & {str(f).lower() for f in _forms(curated.entities[ident])}:
                same.setdefault(entity.id, ident)
    gold_stances = [(r.get("actor"), r.get("target"), r.get("position")) for r in held if r.kind == "stances"]
    cands = {(same.get(c.values["actor"], c.values["actor"]), same.get(c.values["target"], c.values["target"]), c.values["position"])
             for c in found.candidates if c.kind == "stances"}
    matched = [g for g in gold_stances if any(stance_matches(curated, g, c) for c in cands)]
    exact = [g for g in gold_stances if g in cands]
    useful = [c for c in cands if any(stance_matches(curated, g, c) for g in gold_stances)]
    return {
        "source": source,
        "gold_known": len(gold_known), "verbatim": len(verbatim), "unknown": len(unknown),
        "found": len(named), "hit": len(named & gold_known),
        "recall": _ratio(len(named & gold_known), len(gold_known)),
        "recall_verbatim": _ratio(len(named & verbatim), len(verbatim)),
        "precision": _ratio(len(named & gold_known), len(named)),
        "new_found": len(new_found), "new_candidates": len(found.new_entities),
        "stances": len(gold_stances), "stance_hit": len(matched), "stance_exact": len(exact),
        "stance_recall": _ratio(len(matched), len(gold_stances)),
        "stance_candidates": len(cands), "stance_precision": _ratio(len(useful), len(cands)),
        "missed_mentions": sorted(gold_known - named), "missed_stances": sorted(set(gold_stances) - set(matched)),
        "seconds": seconds,
    }


def _forms(record: Record) -> list[str]:
    return [str(record.values["name"]), *map(str, record.values.get("aliases", []))]


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _fmt(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=None)
    parser.add_argument("--verbose", action="store_true", help="List the missed mentions and stances.")
    parser.add_argument("--unseen", action="store_true",
                        help="Evaluate on the unseen texts of bench/ingest-eval/ instead of the corpus held out.")
    parser.add_argument("--split", choices=("dev", "test"), default=None, help="With --unseen: only this half.")
    parser.add_argument("--misses-of", default=None, metavar="ROUNDS",
                        help="With --unseen --verbose: list the misses of these rounds only (e.g. 1,2,3,4), "
                             "keeping another round's texts unseen while its figures are used for validation.")
    parser.add_argument("--eval-set", type=Path, default=None, metavar="DIR",
                        help="With --unseen: an evaluation set laid out like bench/ingest-eval/ (manifest.yaml, "
                             "texts/, gold/) kept elsewhere, e.g. texts that may not be redistributed.")
    parser.add_argument("--quotes", action="store_true",
                        help="Evaluate on the gold's quotes alone, each run as a text (bench/eval_quotes.py): a "
                             "development set that needs no text, for a set whose texts are absent.")
    parser.add_argument("--rounds", default=None, metavar="ROUNDS",
                        help="With --quotes or --unseen: only these rounds (e.g. 9-17, or 1-8,20); with --unseen, "
                             "the texts of other rounds may be absent.")
    parser.add_argument("--without", default=None, metavar="IDS",
                        help="With --unseen: leave out these documents (ids, comma-separated), e.g. to print a "
                             "round's pooled figures also without a text that weighs heavily in them.")
    args = parser.parse_args()
    if args.eval_set is not None and not (args.eval_set / "manifest.yaml").is_file():
        raise SystemExit(f"{args.eval_set}: no manifest.yaml (an evaluation set is laid out like bench/ingest-eval/: "
                         "manifest.yaml, texts/, gold/)")
    curated = load(project(args.root))
    if args.quotes:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from eval_quotes import parse_rounds, report as report_quotes
        from eval_unseen import EVAL as EVAL_SET

        report_quotes(curated, args.eval_set or EVAL_SET, parse_rounds(args.rounds), args.verbose)
        return
    if args.unseen:
        import sys

        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from eval_quotes import parse_rounds
        from eval_unseen import EVAL, report

        misses_of = {int(n) for n in args.misses_of.split(",")} if args.misses_of else None
        without = set(args.without.split(",")) if args.without else None
        report(curated, args.split, args.verbose, misses_of, args.eval_set or EVAL, parse_rounds(args.rounds), without)
        return
    rows = [evaluate(curated, source) for source in sorted(curated.sources)]
    print(f"{'held-out document':26} {'known':>5} {'found':>5} {'m.rec':>5} {'m.prec':>6} "
          f"{'new':>7} {'stances':>7} {'s.rec':>5} {'exact':>5} {'cands':>5} {'s.prec':>6} {'secs':>5}")
    for r in rows:
        print(f"{r['source']:26} {r['gold_known']:>5} {r['found']:>5} {_fmt(r['recall']):>5} {_fmt(r['precision']):>6} "
              f"{r['new_found']:>3}/{r['unknown']:<3} {r['stances']:>7} {_fmt(r['stance_recall']):>5} "
              f"{r['stance_exact']:>5} {r['stance_candidates']:>5} {_fmt(r['stance_precision']):>6} {r['seconds']:>5.2f}")
    total = {k: sum(r[k] for r in rows) for k in ("gold_known", "hit", "found", "stances", "stance_hit", "stance_exact",
                                                   "unknown", "new_found", "stance_candidates")}
    useful = sum(round((r["stance_precision"] or 0) * r["stance_candidates"]) for r in rows)
    print(f"{'all (pooled)':26} {total['gold_known']:>5} {total['found']:>5} "
          f"{_fmt(_ratio(total['hit'], total['gold_known'])):>5} {_fmt(_ratio(total['hit'], total['found'])):>6} "
          f"{total['new_found']:>3}/{total['unknown']:<3} {total['stances']:>7} "
          f"{_fmt(_ratio(total['stance_hit'], total['stances'])):>5} {total['stance_exact']:>5} "
          f"{total['stance_candidates']:>5} {_fmt(_ratio(useful, total['stance_candidates'])):>6}")
    print("known: entities the document's statements reference that the register (built without it) knows; "
          "found: entities the finder named; new: unknown entities proposed as new candidates / unknown entities; "
          "s.rec counts a broader position as a match, exact does not")
    if args.verbose:
        for r in rows:
            print(f"\n{r['source']}: missed mentions {r['missed_mentions']}")
            for miss in r["missed_stances"]:
                print(f"  missed stance {miss}")


if __name__ == "__main__":
    main()
