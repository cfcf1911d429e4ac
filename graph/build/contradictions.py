"""Contradictions: the pairs of statements that cannot both hold, each with its basis.

Definition (docs/contradiction.md): two claims contradict when they answer the same
question about the same subject with incompatible answers for overlapping periods of
validity, neither superseded. "unclear" (or any answer other than yes and no) contradicts
nothing. A claim's period of validity is its `valid` value when given; otherwise it runs
from the first day of its date until the day before the first event that supersedes it
(`superseded_by`), each side open when unknown; an undated claim without `valid` has no
known period, so the rule derives nothing from it. A change of one actor's stance is
not a contradiction (stances are not claims; timelines flag the change).

Two bases: a curator's mark (`contradicts:` with a written reason, checked against the
definition where it can be) and the rule below, which derives every pair of claims the
definition covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations
from typing import Any, Protocol


class Record(Protocol):
    """What the rule reads of a checked record (graph.build.load.Record, which imports this module)."""

    kind: str
    id: str
    values: dict[str, Any]

    def get(self, name: str, default: Any = None) -> Any: ...


class Curated(Protocol):
    """What the rule reads of the checked data (graph.build.load.Curated)."""

    statements: Any  # dict[str, Record]
    vocab: Any

    def name_of(self, ident: str) -> str: ...

INCOMPATIBLE = frozenset({frozenset({"yes", "no"})})
BASIS_MARK = "curator-mark"
BASIS_RULE = "incompatible-answers"


@dataclass(frozen=True)
class Contradiction:
    """One pair (a < b by id) and why the graph says they cannot both hold."""

    a: str
    b: str
    basis: str  # a notation of the contradiction-basis scheme
    reason: str


@dataclass(frozen=True)
class Validity:
    """The period in which a claim holds; None on an open side."""

    start: date | None
    end: date | None

    def overlaps(self, other: Validity) -> bool:
        return (self.start is None or other.end is None or self.start <= other.end) and (
            other.start is None or self.end is None or other.start <= self.end
        )

    def text(self) -> str:
        return f"{self.start.isoformat() if self.start else '..'}/{self.end.isoformat() if self.end else '..'}"


def validity(record: Record, curated: Curated) -> Validity | None:
    """The claim's period of validity, or None when nothing bounds it (undated, no `valid`)."""
    valid = record.get("valid")
    if valid is not None:
        start, end = valid.earliest, valid.latest
    else:
        when = record.get("date")
        if when is None:
            return None
        start, end = when.earliest, None
    for event_id in record.get("superseded_by", []):
        event = curated.statements.get(event_id)
        when = event.get("date") if event is not None else None
        if when is not None and when.earliest is not None:
            cut = when.earliest - timedelta(days=1)
            end = cut if end is None or cut < end else end
    return Validity(start, end)


def comparable(a: Record, b: Record) -> str:
    """'' when the two claims answer the same question about the same subject incompatibly, else why not."""
    if a.kind != "claims" or b.kind != "claims":
        return "only claims (a question and an answer) can be compared by the rule"
    if a.values["question"] != b.values["question"]:
        return f"they answer different questions ({a.values['question']}, {b.values['question']})"
    if not a.get("about") or a.get("about") != b.get("about"):
        return "they are not about the same subject (`about`)"
    answers = frozenset({a.values["answer"], b.values["answer"]})
    if answers not in INCOMPATIBLE:
        return f"the answers {' and '.join(sorted(answers))} are not incompatible (only yes against no is)"
    return ""


def check_mark(a: Record, b: Record, curated: Curated) -> str:
    """'' when a curator's mark between a and b is consistent with the definition, else what breaks it."""
    for r in (a, b):
        if r.kind == "claims" and r.values["answer"] not in ("yes", "no"):
            return f"{r.id!r} answers {r.values['answer']!r}, which contradicts nothing"
    if a.kind == "stances" and b.kind == "stances" and a.values["actor"] == b.values["actor"]:
        return "a change of one actor's position is not a contradiction (timelines flag it)"
    if a.kind == "claims" and b.kind == "claims":
        why = comparable(a, b)
        if why:
            return why
        va, vb = validity(a, curated), validity(b, curated)
        if va is not None and vb is not None and not va.overlaps(vb):
            return f"their periods of validity do not overlap ({va.text()}, {vb.text()})"
    return ""


def marked(curated: Curated) -> list[Contradiction]:
    """The curators' marks, each pair once, with the written reason."""
    found: dict[tuple[str, str], Contradiction] = {}
    for record in curated.statements.values():
        for mark in record.get("contradicts", []):
            a, b = sorted((record.id, mark["statement"]))
            found.setdefault((a, b), Contradiction(a, b, BASIS_MARK, mark["reason"]))
    return [found[k] for k in sorted(found)]


def derived(curated: Curated) -> list[Contradiction]:
    """Every pair of claims the definition covers, with the rule's reason."""
    by_topic: dict[tuple[str, str], list[Record]] = {}
    for record in curated.statements.values():
        if record.kind == "claims" and record.get("about") and record.values["answer"] in ("yes", "no"):
            by_topic.setdefault((record.values["question"], record.values["about"]), []).append(record)
    out: list[Contradiction] = []
    for (question, about), claims in sorted(by_topic.items()):
        for x, y in combinations(sorted(claims, key=lambda r: r.id), 2):
            if comparable(x, y):
                continue
            vx, vy = validity(x, curated), validity(y, curated)
            if vx is None or vy is None or not vx.overlaps(vy):
                continue
            label = curated.vocab.concept("question", question)
            asked = label.label if label is not None else question
            reason = (
                f"rule: both answer {asked!r} about {curated.name_of(about)}: {x.id} {x.values['answer']!r} "
                f"(valid {vx.text()}) against {y.id} {y.values['answer']!r} (valid {vy.text()}); "
                "the periods overlap and neither is superseded within them"
            )
            out.append(Contradiction(x.id, y.id, BASIS_RULE, reason))
    return out


def contradictions(curated: Curated) -> list[Contradiction]:
    """Marks and derived pairs, sorted; a pair with both bases appears once per basis."""
    return sorted(marked(curated) + derived(curated), key=lambda c: (c.a, c.b, c.basis))
