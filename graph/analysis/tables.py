"""The analysis as CSV and JSON tables: file name -> bytes, deterministic."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from graph.analysis.results import Analysis


def _csv(header: list[str], rows: Iterable[Iterable[Any]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["; ".join(map(str, c)) if isinstance(c, (list, tuple)) else ("" if c is None else c) for c in r])
    return buf.getvalue().encode("utf-8")


def _json(data: Any) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8")


def tables(a: Analysis) -> dict[str, bytes]:
    """Every table of the analysis, keyed by file name under out/analysis/."""
    out: dict[str, bytes] = {}
    for name, rows in a.centrality.items():
        out[f"centrality-{name}.csv"] = _csv(
            ["rank", "slug", "label", "group", "degree", "betweenness", "eigenvector", "ties"],
            ([i, r.slug, r.label, r.group, r.degree, r.betweenness, r.eigenvector, r.ties] for i, r in enumerate(rows, 1)),
        )
    for kind in ("congruence", "conflict"):
        g = a.networks[kind]
        out[f"ties-{kind}.csv"] = _csv(
            ["actor_a", "actor_b", "weight", "raw", "targets"],
            (
                [g.nodes[u]["slug"], g.nodes[v]["slug"], d["weight"], d["raw"], [t.rsplit("/", 1)[-1] for t in d["targets"]]]
                for u, v, d in sorted(g.edges(data=True), key=lambda e: (g.nodes[e[0]]["slug"], g.nodes[e[1]]["slug"]))
            ),
        )
    tm = a.networks["two-mode"]
    out["two-mode.csv"] = _csv(
        ["actor", "target", "polarity", "sources", "support_sources", "oppose_sources", "positions", "statements"],
        (
            [tm.nodes[u]["slug"], tm.nodes[v]["slug"], d["polarity"], d["weight"], d["support_sources"], d["oppose_sources"], d["positions"], d["statements"]]
            for u, v, d in sorted(tm.edges(data=True), key=lambda e: (tm.nodes[e[0]]["slug"], tm.nodes[e[1]]["slug"]))
        ),
    )
    c = a.coalitions
    coalitions = [
        {
            "coalition": co.number,
            "members": [x.rsplit("/", 1)[-1] for x in co.members],
            "labels": list(co.labels),
            "binding": [
                {"target": b.target.rsplit("/", 1)[-1], "target_label": b.target_label, "polarity": b.polarity,
                 "members": b.members, "statements": list(b.statements)}
                for b in co.binding
            ],
        }
        for co in c.coalitions
    ]
    out["coalitions.json"] = _json(
        {
            "selection": a.selection.describe(),
            "normalization": a.normalization,
            "coalitions": coalitions,
            "unaligned": [x.rsplit("/", 1)[-1] for x in c.unaligned],
            "polarization": asdict(c.polarization) if c.polarization else None,
            "windows": [{"year": w.label, "stances": w.stances, "actors": w.actors, "coalitions": w.coalitions, **asdict(w.polarization)} for w in a.windows],
        }
    )
    out["polarization.csv"] = _csv(
        ["window", "stances", "actors", "coalitions", "score", "congruence_within", "congruence_between", "conflict_within", "conflict_between"],
        [
            *(
                [["all", a.networks["evidence"].number_of_edges(), a.networks["congruence"].number_of_nodes(), len(c.coalitions),
                  c.polarization.score, c.polarization.congruence_within, c.polarization.congruence_between,
                  c.polarization.conflict_within, c.polarization.conflict_between]]
                if c.polarization else []
            ),
            *([w.label, w.stances, w.actors, w.coalitions, w.polarization.score, w.polarization.congruence_within,
               w.polarization.congruence_between, w.polarization.conflict_within, w.polarization.conflict_between] for w in a.windows),
        ],
    )
    out["disagreements.json"] = _json([asdict(x) for x in a.disagreements])
    out["disagreements.csv"] = _csv(
        ["kind", "topic", "curated", "same_source", "a_statement", "a_speaker", "a_says", "a_date", "a_source", "a_quote",
         "b_statement", "b_speaker", "b_says", "b_date", "b_source", "b_quote"],
        ([x.kind, x.topic, int(x.curated), int(x.same_source), *asdict(x.a).values(), *asdict(x.b).values()] for x in a.disagreements),
    )
    out["sources.json"] = _json(
        {
            "views": [asdict(v) for v in a.views],
            "overlaps": [asdict(o) for o in a.overlaps],
            "divergences": [asdict(d) for d in a.divergences],
        }
    )
    entry_header = ["date", "earliest", "latest", "actor", "via", "relation", "detail", "label", "object", "statement", "source", "quote", "change"]

    def entry_row(e: Any) -> list[Any]:
        return [e.date, e.earliest, e.latest, e.actor_label, e.via, e.relation, e.detail, e.label, e.object_label,
                e.statement_id, e.source, e.quote, e.change]

    out["jurisdiction-history.csv"] = _csv(entry_header, (entry_row(e) for e in a.jurisdictions))
    out["timelines.csv"] = _csv(
        ["timeline", *entry_header],
        ([actor.rsplit("/", 1)[-1], *entry_row(e)] for actor, entries in a.timelines.items() for e in entries),
    )
    out["figures.csv"] = _csv(
        ["measure", "scope", "date", "value", "comparator", "unit", "reported_by", "statement", "source", "quote"],
        ([m, s, p.date, p.value, p.comparator, p.unit, p.reported_by, p.statement_id, p.source, p.quote]
         for (m, s), points in a.figures.items() for p in points),
    )
    return out
