"""Statements over time: an actor's, the jurisdictions' rollout and opt-out history, figure series.

An organization's timeline includes by default what its sub-organizations and the
holders of its posts say (DHS: ICE, Secretary Napolitano), each entry naming who. A
change is flagged when, in date order, a stance on the same target changes side or a
claim on the same question changes answer.

Order: statements are sorted by the last day their time can denote (an "on or before
2010-10-14" sits at 2010-10-14), then the first (an open start first), undated last; then
an order the source states ("Subsequently", "in response": each edge's `after`) moves a
statement after the ones it follows, so two things in the same interval come in the
order the text gives. docs/time.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx

from graph.analysis.resolve import resolve_entity

TIMELINE_RELATIONS = ("stance", "claim", "participant", "figure", "characterization")
UNDATED = "9999-12-31"


@dataclass(frozen=True)
class Entry:
    date: str
    earliest: str
    latest: str
    actor: str
    actor_label: str
    via: str  # "" for the actor itself, else how the speaker belongs to it
    relation: str
    detail: str
    label: str
    object: str
    object_label: str
    statement_id: str
    source: str
    quote: str
    change: str  # "" or e.g. "answer changed: yes → no (after napolitano-opt-out-yes-2010-09)"


def _sort_key(d: dict[str, Any]) -> tuple[str, str, str]:
    if not d.get("earliest") and not d.get("latest"):
        return (UNDATED, UNDATED, d["statement_id"])
    return (d.get("latest") or UNDATED, d.get("earliest") or "", d["statement_id"])


def stated_before(edges: list[dict[str, Any]]) -> dict[str, set[str]]:
    """statement id -> every statement id the sources state it follows, transitively."""
    direct: dict[str, set[str]] = defaultdict(set)
    for d in edges:
        direct[d["statement_id"]].update(d.get("after") or ())
    closed: dict[str, set[str]] = {}

    def walk(sid: str, path: frozenset[str]) -> set[str]:
        if sid in closed:
            return closed[sid]
        found: set[str] = set()
        for prior in direct.get(sid, ()):
            if prior not in path:  # a cycle in the data is ignored, not followed
                found |= {prior} | walk(prior, path | {prior})
        closed[sid] = found
        return found

    for sid in list(direct):
        walk(sid, frozenset({sid}))
    return closed


def in_time_order(items: list[Any], data: Any) -> list[Any]:
    """Items sorted by their dates, then moved after what the sources state they follow.

    `data(item)` gives the edge attributes (statement_id, earliest, latest, after). The
    sort is stable: among items free to come next, the one first by date comes first.
    """
    ordered = sorted(items, key=lambda t: _sort_key(data(t)))
    before = stated_before([data(t) for t in ordered])
    ids = [data(t)["statement_id"] for t in ordered]
    placed: list[Any] = []
    done: set[str] = set()
    pending = list(range(len(ordered)))
    present = set(ids)
    while pending:
        for n, i in enumerate(pending):
            waits = (before.get(ids[i], set()) & present) - done - {ids[i]}
            if not waits:
                break
        else:  # only a cycle is left: keep the date order
            n = 0
        i = pending.pop(n)
        placed.append(ordered[i])
        if not any(ids[j] == ids[i] for j in pending):
            done.add(ids[i])
    return placed


def _differs(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if b["relation"] == "stance":
        return bool(a["polarity"] != b["polarity"])
    return bool(a["detail"] != b["detail"])


def _change(before: list[dict[str, Any]], d: dict[str, Any], stated: set[str] | None = None) -> str:
    """How d departs from earlier statements on the same topic ('' if it does not).

    Only a statement dated wholly before d, or that the source states d follows, can be
    "changed from"; one whose date range overlaps d's (or is unknown) cannot be ordered,
    so a difference is reported as such.
    """
    what = "side" if d["relation"] == "stance" else "answer"
    stated = stated or set()
    earlier = [
        b for b in before
        if (b["latest"] and d["earliest"] and b["latest"] < d["earliest"]) or b["statement_id"] in stated
    ]
    if earlier and _differs(earlier[-1], d):
        b = earlier[-1]
        return f"{what} changed: {b['detail']} → {d['detail']} (after {b['statement_id']})"
    if earlier:
        return ""
    unordered = [b for b in before if b not in earlier and _differs(b, d)]
    if unordered:
        b = unordered[-1]
        return f"{what} differs: {b['detail']} / {d['detail']} (vs {b['statement_id']}; dates overlap or unknown)"
    return ""


def affiliates(eg: nx.MultiDiGraph, actor: str) -> dict[str, str]:
    """Who speaks for an organization: itself, its sub-organizations, the holders of its posts."""
    found = {actor: ""}
    for u, _, d in eg.in_edges(actor, data=True):
        if d["relation"] == "relationship" and d["detail"] == "sub-organization-of":
            found.setdefault(u, "sub-organization")
        elif d["relation"] == "post":
            found.setdefault(u, f"post: {d['detail']}")
    return dict(sorted(found.items()))


def actor_timeline(eg: nx.MultiDiGraph, actor: str, *, include_affiliates: bool = True) -> tuple[str, list[Entry]]:
    """(centre IRI, entries oldest first) for an actor named by slug, name or alias."""
    centre = resolve_entity(eg.nodes, actor)
    speakers = affiliates(eg, centre) if include_affiliates else {centre: ""}
    edges: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for speaker in speakers:
        for _, v, d in eg.out_edges(speaker, data=True):
            if d["relation"] in TIMELINE_RELATIONS:
                # one entry per statement (a figure has an 'about' and a 'scope' edge)
                edges.setdefault(f"{d['statement_id']}|{speaker}", (speaker, v, d))
    entries: list[Entry] = []
    seen: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    chosen = in_time_order(list(edges.values()), lambda t: t[2])
    before = stated_before([t[2] for t in chosen])
    for speaker, obj, d in chosen:
        change = ""
        if d["relation"] in ("stance", "claim"):
            topic = (d["relation"], d.get("question", "") if d["relation"] == "claim" else obj)
            change = _change(seen[topic], d, before.get(d["statement_id"]))
            seen[topic].append(d)
        entries.append(
            Entry(
                date=d["date"],
                earliest=d["earliest"],
                latest=d["latest"],
                actor=speaker,
                actor_label=eg.nodes[speaker]["label"],
                via=speakers[speaker],
                relation=d["relation"],
                detail=d["detail"],
                label=d["label"],
                object=obj,
                object_label=eg.nodes[obj]["label"],
                statement_id=d["statement_id"],
                source=d["source"],
                quote=d["quote"],
                change=change,
            )
        )
    return centre, entries


def jurisdiction_history(eg: nx.MultiDiGraph) -> list[Entry]:
    """Rollout and opt-out history: jurisdictions' stances, rollout decisions, activation counts."""
    chosen: dict[str, tuple[str, str, dict[str, Any]]] = {}
    for u, v, d in eg.edges(data=True):
        u_group = eg.nodes[u].get("group")
        if d["relation"] == "stance" and u_group == "jurisdiction":
            chosen.setdefault(d["statement_id"] + "|" + u, (u, v, d))
        elif d["relation"] == "event-about" and eg.nodes[u].get("event_type") == "rollout-decision":
            chosen.setdefault(d["statement_id"], (u, v, d))
        elif d["relation"] == "figure" and d["detail"] == "jurisdictions-activated" and d["statement_id"] not in chosen:
            chosen[d["statement_id"]] = (u, v, d)
    return [
        Entry(
            date=d["date"], earliest=d["earliest"], latest=d["latest"], actor=u,
            actor_label=eg.nodes[u]["label"], via="", relation=d["relation"], detail=d["detail"],
            label=d["label"], object=v, object_label=eg.nodes[v]["label"], statement_id=d["statement_id"],
            source=d["source"], quote=d["quote"], change="",
        )
        for u, v, d in in_time_order(list(chosen.values()), lambda t: t[2])
    ]


@dataclass(frozen=True)
class FigurePoint:
    date: str
    latest: str
    value: float
    comparator: str
    unit: str
    reported_by: str
    statement_id: str
    source: str
    quote: str


def figure_series(eg: nx.MultiDiGraph) -> dict[tuple[str, str], list[FigurePoint]]:
    """(measure, scope label) -> the figures of that measure over time, oldest first."""
    by_statement: dict[str, dict[str, Any]] = {}
    for u, v, k, d in eg.edges(keys=True, data=True):
        if d["relation"] != "figure":
            continue
        rec = by_statement.setdefault(d["statement_id"], {"d": d, "reported_by": eg.nodes[u]["label"], "scope": ""})
        if k.endswith("#scope"):
            rec["scope"] = eg.nodes[v]["label"]
    series: dict[tuple[str, str], list[FigurePoint]] = defaultdict(list)
    for sid, rec in by_statement.items():
        d = rec["d"]
        series[(d["detail"], rec["scope"])].append(
            FigurePoint(d["date"], d["latest"], d["value"], d["comparator"], d["unit"], rec["reported_by"], sid, d["source"], d["quote"])
        )
    return {k: sorted(v, key=lambda p: (p.latest or UNDATED, p.statement_id)) for k, v in sorted(series.items())}


def format_timeline(entries: list[Entry], title: str) -> str:
    """Plain text: one line per statement, changes marked with '!'."""
    lines = [title]
    for e in entries:
        who = f"{e.actor_label} ({e.via})" if e.via else e.actor_label
        mark = "!" if e.change else " "
        lines.append(f"{mark} {e.date or 'undated':<22} {who}: {e.label} → {e.object_label}  [{e.relation}, {e.statement_id}, {e.source}]")
        lines.append(f"    \"{e.quote}\"")
        if e.change:
            lines.append(f"    ! {e.change}")
    if not entries:
        lines.append("  (no statements)")
    return "\n".join(lines) + "\n"
