"""Disagreements: claims that cannot both hold, and figures on the same measure that differ.

- Claims on the same question about the same program with answers "yes" and "no" that
  the graph holds as contradicting (contradicts.rq: every scomm:contradicts link, each
  with its basis, a curator's mark or the rule of docs/contradiction.md): periods of
  validity overlap and neither is superseded. Whoever makes them: DHS saying yes, then
  no, under the same rules, is a disagreement between its own statements; a 2010 "yes"
  and an August 2011 "no" are not (the voided agreements supersede the first). An
  "unclear" answer contradicts neither. Without a store (no contradicts.rq), every yes
  and no pair is listed.
- Other statement pairs the graph holds as contradicting, whatever their kind.
- Figures of the same measure and scope for the same date or period whose values cannot
  both hold once their comparators are read as ranges ("more than 392,000" and
  "400,000" agree; "more than 392,000" and "380,000" do not). "About" allows 10%.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from graph.analysis.projection import SelectBackend, select_rows, slug_of


@dataclass(frozen=True)
class Side:
    statement_id: str
    speaker: str  # label
    says: str  # edge label
    date: str
    source: str
    quote: str


@dataclass(frozen=True)
class Disagreement:
    kind: str  # "claim", "figure" or "curated"
    topic: str
    a: Side
    b: Side
    curated: bool
    same_source: bool


def _side(eg: nx.MultiDiGraph, u: str, d: dict[str, Any]) -> Side:
    return Side(d["statement_id"], eg.nodes[u]["label"], d["label"], d["date"], d["source"], d["quote"])


def _range(value: float, comparator: str) -> tuple[float, float]:
    if comparator == "more-than":
        return (value, float("inf"))
    if comparator == "less-than":
        return (float("-inf"), value)
    if comparator == "about":
        return (value * 0.9, value * 1.1)
    return (value, value)


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo1, hi1 = _range(a["value"], a["comparator"])
    lo2, hi2 = _range(b["value"], b["comparator"])
    if a["comparator"] == "more-than" and b["comparator"] == "exactly":
        return b["value"] > a["value"]
    if b["comparator"] == "more-than" and a["comparator"] == "exactly":
        return a["value"] > b["value"]
    return max(lo1, lo2) <= min(hi1, hi2)


def find_disagreements(eg: nx.MultiDiGraph, backend: SelectBackend | None = None) -> list[Disagreement]:
    """Every disagreement among the statements of the evidence graph, in a stable order."""
    by_statement: dict[str, tuple[str, str, dict[str, Any]]] = {}
    scope: dict[str, str] = {}
    for u, v, k, d in eg.edges(keys=True, data=True):
        by_statement.setdefault(d["statement_id"], (u, v, d))
        if d["relation"] == "figure" and k.endswith("#scope"):
            scope[d["statement_id"]] = v
    claims = sorted((t for t in by_statement.values() if t[2]["relation"] == "claim"), key=lambda t: t[2]["statement_id"])
    found: dict[tuple[str, str], Disagreement] = {}
    curated_pairs: set[tuple[str, str]] = set()
    if backend is not None:
        for r in select_rows(backend, "contradicts.rq"):
            a, b = sorted((slug_of(r["a"]), slug_of(r["b"])))
            curated_pairs.add((a, b))

    by_question: dict[tuple[str, str], dict[str, list[tuple[str, str, dict[str, Any]]]]] = defaultdict(lambda: defaultdict(list))
    for c in claims:
        by_question[(c[2].get("question", ""), c[1])][c[2]["detail"]].append(c)
    claim_pairs = [
        (a, b) if a[2]["statement_id"] < b[2]["statement_id"] else (b, a)
        for answers in by_question.values()
        for a in answers.get("yes", [])
        for b in answers.get("no", [])
    ]
    for (u1, v1, d1), (u2, v2, d2) in sorted(claim_pairs, key=lambda p: (p[0][2]["statement_id"], p[1][2]["statement_id"])):
        pair = (d1["statement_id"], d2["statement_id"])
        if backend is not None and pair not in curated_pairs:
            continue  # a mere difference of answer (different times, or superseded): not a contradiction
        found[pair] = Disagreement(
            "claim", d1.get("question_label") or d1.get("question", ""), _side(eg, u1, d1), _side(eg, u2, d2),
            pair in curated_pairs, d1["source"] == d2["source"],
        )

    figures = sorted((t for t in by_statement.values() if t[2]["relation"] == "figure"), key=lambda t: t[2]["statement_id"])
    by_measure: dict[tuple[str, str, str, str], list[tuple[str, str, dict[str, Any]]]] = defaultdict(list)
    for f in figures:
        d = f[2]
        by_measure[(d["detail"], scope.get(d["statement_id"], ""), d["earliest"], d["latest"])].append(f)
    figure_pairs = [p for group in by_measure.values() for p in combinations(group, 2)]
    for (u1, _, d1), (u2, _, d2) in figure_pairs:
        if _compatible(d1, d2):
            continue
        pair = (d1["statement_id"], d2["statement_id"])
        where = eg.nodes[scope[d1["statement_id"]]]["label"] if scope.get(d1["statement_id"]) else ""
        topic = f"{d1['detail']}{', ' + where if where else ''}, {d1['date']}"
        found[pair] = Disagreement("figure", topic, _side(eg, u1, d1), _side(eg, u2, d2), pair in curated_pairs, d1["source"] == d2["source"])

    for a, b in sorted(curated_pairs):
        if (a, b) in found or a not in by_statement or b not in by_statement:
            continue
        ua, _, da = by_statement[a]
        ub, _, db = by_statement[b]
        found[(a, b)] = Disagreement("curated", da["label"], _side(eg, ua, da), _side(eg, ub, db), True, da["source"] == db["source"])
    return [found[k] for k in sorted(found, key=lambda p: (found[p].kind, p))]


def format_disagreements(items: list[Disagreement]) -> str:
    if not items:
        return "No disagreements found.\n"
    lines = []
    for i, x in enumerate(items, start=1):
        flags = ", ".join(f for f, on in (("curated", x.curated), ("same source", x.same_source)) if on)
        lines.append(f"{i}. [{x.kind}] {x.topic}" + (f" ({flags})" if flags else ""))
        for s in (x.a, x.b):
            lines.append(f"   - {s.speaker}: {s.says} ({s.date or 'undated'}) \"{s.quote}\" — {s.source}, {s.statement_id}")
    return "\n".join(lines) + "\n"
