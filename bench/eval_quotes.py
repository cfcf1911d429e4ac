"""The extractor of `scomm ingest` on the quotes of the gold alone: a development set that needs no text.

For each document of an evaluation set (bench/ingest-eval/ or one laid out like it) and each
distinct `quote` its gold gives a stance or a figure, the extractor runs on the quote alone as a
text, as bench/eval_unseen.py's `evaluate` runs it on the whole text (the project's whole
register, the manifest's date, the manifest's publisher and authors as a user gives them). The
gold of that mini-text is the document's gold stances and figures with exactly that quote; a
proposed new entity stands for the document's gold new entity of its name or alias, as in
`evaluate` (whose comparison this is: `compare`).

It measures whether the rules read the words that carry a stance or a figure. It cannot measure
what lies outside the quote: the actor named sentences before, a pronoun's antecedent, the
dateline's day, a heading, the voice of a whole page. Its figures are a development signal, never
the held-out measure (bench/ingest-eval/README.md, "The quote set").

Run: python bench/eval_ingest.py --quotes [--eval-set DIR] [--rounds 9-17] [--verbose]
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import yaml

from graph.build.load import Curated

from eval_unseen import EVAL, _cell, compare, documents, round_of, stance_matches

# Per quote and summed: (part, whole) pairs.
MEASURES = ("stance rec", "stance prec", "prec in doc", "named-pair rec", "fig values", "fig m+d right")


def parse_rounds(words: str | None) -> set[int] | None:
    """'9-17' or '1-8,20' as a set of round numbers; None (every round) when not given."""
    if not words:
        return None
    rounds: set[int] = set()
    for part in words.split(","):
        low, _, high = part.strip().partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            raise SystemExit(f"--rounds {words!r}: give round numbers and spans, e.g. 9-17 or 1-8,20")
        rounds.update(range(int(low), int(high or low) + 1))
    return rounds


def quotes_of(gold: dict[str, Any]) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """The gold's distinct quotes, in order, each with the stances and figures coded with it."""
    quotes: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for kind in ("stances", "figures"):
        for item in gold.get(kind) or []:
            if item.get("quote"):
                quotes.setdefault(str(item["quote"]), {"stances": [], "figures": []})[kind].append(item)
    return quotes


def _named(words: list[str], quote: str) -> bool:
    """Whether one of `words` stands in `quote` as whole words (any case, either apostrophe)."""
    spoken = quote.replace("\u2019", "'")
    return any(re.search(r"(?<!\w)" + re.escape(w.replace("\u2019", "'")) + r"(?!\w)", spoken, re.IGNORECASE)
               for w in words if w)


def forms(curated: Curated, gold: dict[str, Any]) -> dict[str, list[str]]:
    """Every name a gold actor or target may be written with: a register entry's name and aliases,
    a gold new entity's name and aliases."""
    names: dict[str, list[str]] = {}
    for g in gold.get("new_entities") or []:
        names[str(g["name"])] = [str(g["name"]), *map(str, g.get("aliases") or [])]
    for ident, record in curated.entities.items():
        names.setdefault(ident, [str(record.values["name"]), *map(str, record.values.get("aliases") or [])])
    return names


def evaluate_quotes(curated: Curated, doc: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    """The measures of one document's quotes, summed, and its misses per quote."""
    sums = {m: [0, 0] for m in MEASURES}
    misses: list[tuple[str, list[str]]] = []
    names = forms(curated, gold)
    doc_stances = [(g.get("actor"), g.get("target"), g.get("position")) for g in gold.get("stances") or []]
    quotes = quotes_of(gold)
    for quote, coded in quotes.items():
        mini = {"new_entities": gold.get("new_entities") or [], "stances": coded["stances"], "figures": coded["figures"]}
        r = compare(curated, doc, quote, mini)
        useful, cands, hit, whole = r["stances"]
        in_doc = sum(1 for c in r["stance_candidates"] if any(stance_matches(curated, g, c) for g in doc_stances))
        fig_right, fig_found, fig_hit, fig_whole = r["figures"]
        pairs = [(g["actor"], g["target"], g["position"]) for g in coded["stances"]
                 if _named(names.get(str(g["actor"]), [str(g["actor"])]), quote)
                 and _named(names.get(str(g["target"]), [str(g["target"])]), quote)]
        for name, pair in (("stance rec", (hit, whole)), ("stance prec", (useful, cands)), ("prec in doc", (in_doc, cands)),
                           ("named-pair rec", (sum(1 for p in pairs if p in r["stances_matched"]), len(pairs))),
                           ("fig values", (fig_hit, fig_whole)), ("fig m+d right", (fig_right, fig_found))):
            sums[name] = [sums[name][0] + pair[0], sums[name][1] + pair[1]]
        kept = [m for m in r["misses"] if re.match(r"(missed stance|wrong stance|figure|missed figure) ", m)]
        if kept:
            misses.append((quote, kept))
    unquoted = sum(1 for kind in ("stances", "figures") for g in gold.get(kind) or [] if not g.get("quote"))
    return {"id": doc["id"], "round": round_of(doc), "quotes": len(quotes), "unquoted": unquoted,
            "sums": sums, "misses": misses}


def _line(label: str, rows: list[dict[str, Any]]) -> str:
    sums = {m: [sum(r["sums"][m][i] for r in rows) for i in (0, 1)] for m in MEASURES}
    cells = "  ".join(f"{m} {_cell((sums[m][0], sums[m][1]))}" for m in MEASURES)
    return f"{label:44} {cells}"


def report(curated: Curated, root: Path = EVAL, rounds: set[int] | None = None, verbose: bool = False) -> list[dict[str, Any]]:
    """Print the quote set's measures per round and pooled (with `verbose`, each quote's misses), on
    the development half only: a test half's gold is read once, in its held-out run."""
    started = time.perf_counter()
    every = documents(root)
    docs = [d for d in every if d["split"] == "dev" and (rounds is None or round_of(d) in rounds)]
    held = sum(1 for d in every if d["split"] != "dev")
    absent = [f"{root / 'gold' / (d['id'] + '.yaml')}: no gold (manifest entry {d['id']!r})"
              for d in docs if not (root / "gold" / f"{d['id']}.yaml").is_file()]
    if absent:
        raise SystemExit("\n".join(absent))
    rows = [evaluate_quotes(curated, d, yaml.safe_load((root / "gold" / f"{d['id']}.yaml").read_text(encoding="utf-8")))
            for d in docs]
    print(f"quote set of {root}: {len(docs)} documents, {sum(r['quotes'] for r in rows)} distinct quotes "
          f"({sum(r['unquoted'] for r in rows)} gold stances and figures have no quote and are left out)")
    if held:
        print(f"{held} documents of the test half left out: their quotes are read only in their one held-out run")
    bare = []
    for number in sorted({r["round"] for r in rows}):
        part = [r for r in rows if r["round"] == number]
        if not any(r["quotes"] for r in part):
            bare.append(str(number))
            continue
        print(_line(f"round {number} ({len(part)} texts, {sum(r['quotes'] for r in part)} quotes)", part))
    if bare:
        print(f"rounds whose gold gives no quote (not measured): {', '.join(bare)}")
    print(_line(f"pooled ({len(rows)} texts, {sum(r['quotes'] for r in rows)} quotes)", rows))
    print("stance rec / prec: against the stances coded with the quote; prec in doc: candidates that match any gold "
          "stance of the document; named-pair rec: recall on the stances whose actor and target the quote names; "
          "fig values: gold figures whose value is found; fig m+d right: of the found values, measure and date right")
    print(f"seconds: {time.perf_counter() - started:.1f}")
    if verbose:
        for r in rows:
            if r["misses"]:
                print(f"\n{r['id']} (round {r['round']}):")
                for quote, misses in r["misses"]:
                    print(f"  {quote!r}")
                    for miss in misses:
                        print(f"    {miss}")
    return rows

