"""The networks researchers analyse, derived from the evidence graph.

- two-mode: actor x program, one edge per pair, signed by position and weighted by the
  number of independent sources;
- congruence / conflict: actors tied when they take the same / the opposite side
  (position polarity) on the same target, normalised as in Leifeld's Discourse Network
  Analyzer;
- relationship: sub-organization, membership, containment, posts held, event
  participation, and letters from sender to addressee.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable

import networkx as nx

from graph.errors import UsageError

NORMALIZATIONS = ("raw", "average", "jaccard", "cosine")
# Above this many ties an actor network is refused: one program that thousands of actors
# oppose makes a clique of millions of ties, too big for networkx and for a reader.
MAX_TIES = 1_000_000


class NetworkTooLarge(UsageError):
    """An actor network would have more ties than MAX_TIES; narrow the selection."""


@dataclass(frozen=True)
class StanceFact:
    """One actor's side on one target, and the statements and sources saying so."""

    actor: str
    target: str
    polarity: int
    statements: tuple[str, ...]
    sources: tuple[str, ...]


def stance_facts(eg: nx.MultiDiGraph) -> list[StanceFact]:
    """Collapse stance edges to (actor, target, polarity); positions of polarity 0 drop out."""
    found: dict[tuple[str, str, int], tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for u, v, d in eg.edges(data=True):
        if d["relation"] == "stance" and d["polarity"] != 0:
            sts, srcs = found[(u, v, d["polarity"])]
            sts.add(d["statement_id"])
            srcs.add(d["source"])
    return [
        StanceFact(a, t, p, tuple(sorted(sts)), tuple(sorted(srcs)))
        for (a, t, p), (sts, srcs) in sorted(found.items())
    ]


def _copy_node(g: nx.Graph, eg: nx.MultiDiGraph, n: str, **extra: Any) -> None:
    attrs = {k: v for k, v in eg.nodes[n].items() if k in ("label", "iri", "slug", "type", "group", "aliases", "posts", "date")}
    g.add_node(n, **attrs, **extra)


def two_mode(eg: nx.MultiDiGraph) -> nx.Graph:
    """Actor x target network: weight = independent sources; polarity = the sign of the balance."""
    g = nx.Graph(projection="two-mode")
    per_pair: dict[tuple[str, str], list[tuple[str, int, str, str]]] = defaultdict(list)
    for u, v, d in eg.edges(data=True):
        if d["relation"] == "stance":
            per_pair[(u, v)].append((d["detail"], d["polarity"], d["statement_id"], d["source"]))
    actors = sorted({a for a, _ in per_pair})
    targets = sorted({t for _, t in per_pair} - set(actors))
    for n in actors:
        _copy_node(g, eg, n, bipartite=0)
    for n in targets:
        _copy_node(g, eg, n, bipartite=1)
    for (a, t), rows in sorted(per_pair.items()):
        plus = {src for _, p, _, src in rows if p > 0}
        minus = {src for _, p, _, src in rows if p < 0}
        balance = len(plus) - len(minus)
        g.add_edge(
            a,
            t,
            weight=len({src for *_, src in rows}),
            support_sources=len(plus),
            oppose_sources=len(minus),
            polarity=(balance > 0) - (balance < 0),
            positions=sorted({pos for pos, *_ in rows}),
            statements=sorted({st for _, _, st, _ in rows}),
            sources=sorted({src for *_, src in rows}),
        )
    return g


def actor_network(
    eg: nx.MultiDiGraph,
    kind: str = "congruence",
    normalization: str = "raw",
    facts: Iterable[StanceFact] | None = None,
    max_ties: int = MAX_TIES,
) -> nx.Graph:
    """Congruence or conflict network of actors, as in the Discourse Network Analyzer.

    raw(i, j) counts the targets on which i and j take the same side (congruence) or
    opposite sides (conflict). With a_i the number of (target, side) pairs actor i
    takes: average = raw / ((a_i + a_j) / 2); jaccard = raw / (a_i + a_j - raw);
    cosine = raw / sqrt(a_i * a_j). Every actor with a stance is a node, tied or not.
    """
    if kind not in ("congruence", "conflict"):
        raise UsageError(f"network kind {kind!r}: choose congruence or conflict")
    if normalization not in NORMALIZATIONS:
        raise UsageError(f"normalization {normalization!r}: choose from {', '.join(NORMALIZATIONS)}")
    facts = list(stance_facts(eg) if facts is None else facts)
    activity: dict[str, int] = defaultdict(int)
    by_target: dict[str, dict[int, list[StanceFact]]] = defaultdict(lambda: defaultdict(list))
    for f in facts:
        activity[f.actor] += 1
        by_target[f.target][f.polarity].append(f)

    # Statements are not gathered per tie: with 100k stances on one program that is
    # hundreds per tie. A tie's evidence is the two actors' rows for its targets in the
    # two-mode network (see tie_statements).
    targets: dict[tuple[str, str], list[str]] = defaultdict(list)

    def tie(f1: StanceFact, f2: StanceFact, target: str) -> None:
        if f1.actor == f2.actor:
            return
        pair = (f1.actor, f2.actor) if f1.actor < f2.actor else (f2.actor, f1.actor)
        targets[pair].append(target)

    if kind == "congruence":
        expected = sum(len(fs) * (len(fs) - 1) // 2 for sides in by_target.values() for fs in sides.values())
    else:
        expected = sum(len(sides.get(1, [])) * len(sides.get(-1, [])) for sides in by_target.values())
    if expected > max_ties:
        raise NetworkTooLarge(
            f"the {kind} network would have up to {expected:,} ties (limit {max_ties:,}): "
            "narrow the selection with --from/--to, --source or --program"
        )
    for target, sides in sorted(by_target.items()):
        if kind == "congruence":
            for side in sorted(sides):
                for f1, f2 in combinations(sides[side], 2):
                    tie(f1, f2, target)
        else:
            for f1 in sides.get(1, []):
                for f2 in sides.get(-1, []):
                    tie(f1, f2, target)

    g = nx.Graph(projection=kind, normalization=normalization)
    for actor in sorted(activity):
        _copy_node(g, eg, actor, activity=activity[actor])
    for (i, j), on in sorted(targets.items()):
        r = len(on)
        ai, aj = activity[i], activity[j]
        if normalization == "raw":
            w = float(r)
        elif normalization == "average":
            w = r / ((ai + aj) / 2)
        elif normalization == "jaccard":
            w = r / (ai + aj - r)
        else:
            w = r / math.sqrt(ai * aj)
        g.add_edge(i, j, weight=round(w, 6), raw=r, targets=sorted(set(on)))
    return g


def tie_statements(facts: Iterable[StanceFact], a: str, b: str, targets: Iterable[str]) -> list[str]:
    """The stance statements behind a congruence or conflict tie between a and b."""
    wanted = set(targets)
    return sorted({s for f in facts if f.actor in (a, b) and f.target in wanted for s in f.statements})


def relationship_network(eg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Organizational and event ties: relationships, posts, participation, letters to addressees."""
    g = nx.MultiDiGraph(projection="relationship")
    keep = ("relationship", "post", "participant")
    edges = [(u, v, k, d) for u, v, k, d in eg.edges(keys=True, data=True) if d["relation"] in keep]
    senders: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    recipients: dict[str, list[str]] = defaultdict(list)
    for u, v, _, d in edges:
        if d["relation"] == "participant" and d["detail"] == "sender":
            senders[v].append((u, d))
        elif d["relation"] == "participant" and d["detail"] == "recipient":
            recipients[v].append(u)
    nodes = sorted({u for u, *_ in edges} | {v for _, v, *_ in edges})
    for n in nodes:
        _copy_node(g, eg, n)
    for u, v, k, d in edges:
        g.add_edge(u, v, key=k, **d)
    for event in sorted(senders):
        for sender, d in sorted(senders[event], key=lambda t: t[0]):
            for recipient in sorted(recipients.get(event, [])):
                attrs = dict(d, relation="addressed", detail="addressed", label="wrote to")
                g.add_edge(sender, recipient, key=f"{d['statement_id']}#addressed", **attrs)
    return g


def simple_undirected(g: nx.Graph) -> nx.Graph:
    """One undirected edge per connected pair, weight summed over parallel edges."""
    h = nx.Graph()
    h.add_nodes_from(sorted(g.nodes(data=True)))
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1])):
        if u == v:
            continue
        w = float(d.get("weight", 1.0))
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h
