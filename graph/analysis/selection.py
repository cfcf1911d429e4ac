"""Which statements an analysis looks at: a time window, a set of sources, a program.

A statement passes the time window when its date interval (scomm:earliestDate ..
scomm:latestDate) overlaps the window, an open side reaching without limit: "on or before
2010-10-14" passes a window of 2010-09 (it may fall in it), so the filter hides nothing
that could belong to the period; `within_window` is the strict test (wholly inside).
Undated statements pass only when they record a standing fact (a relationship, a post, a
characterization, a process step): a window asks "what was said about that period", and
an undated stance cannot be placed in it. docs/time.md defines the date forms.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Iterable

from graph.errors import UsageError

# Relations whose undated statements describe standing structure, kept under a window.
STANDING_RELATIONS = frozenset({"relationship", "post", "characterization", "process"})
# Relations that say what a statement is about; the program filter applies to them.
TOPICAL_RELATIONS = frozenset({"stance", "claim", "event-about", "figure", "process"})

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def date_bounds(text: str, *, option: str = "date") -> tuple[str, str]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD text can denote."""
    m = _DATE.match(text.strip())
    if not m:
        raise UsageError(f"{option} {text!r}: not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            y, mo, d = int(year), int(month), int(day)
            if not 1 <= mo <= 12 or not 1 <= d <= calendar.monthrange(y, mo)[1]:
                raise ValueError
            return f"{year}-{month}-{day}", f"{year}-{month}-{day}"
        if month:
            y, mo = int(year), int(month)
            if not 1 <= mo <= 12:
                raise ValueError
            last = calendar.monthrange(y, mo)[1]
            return f"{year}-{month}-01", f"{year}-{month}-{last:02d}"
    except ValueError:
        raise UsageError(f"{option} {text!r}: no such day or month") from None
    return f"{year}-01-01", f"{year}-12-31"


@dataclass(frozen=True)
class Selection:
    """The restriction of an analysis; an empty Selection keeps every statement."""

    sources: frozenset[str] = field(default_factory=frozenset)  # source ids
    date_from: str = ""  # YYYY-MM-DD, inclusive
    date_to: str = ""  # YYYY-MM-DD, inclusive
    program: str = ""  # program IRI

    @property
    def is_empty(self) -> bool:
        return not (self.sources or self.date_from or self.date_to or self.program)

    def describe(self) -> str:
        """One line for reports: what this selection keeps."""
        parts = []
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or '…'} to {self.date_to or '…'}")
        if self.sources:
            parts.append("sources " + ", ".join(sorted(self.sources)))
        if self.program:
            parts.append("program " + self.program.rsplit("/", 1)[-1])
        return "; ".join(parts) if parts else "all statements"

    def in_window(self, relation: str, earliest: str, latest: str) -> bool:
        """Whether the statement's interval overlaps the window ("" is an open side)."""
        if not (self.date_from or self.date_to):
            return True
        if not earliest and not latest:
            return relation in STANDING_RELATIONS
        if self.date_from and latest and latest < self.date_from:
            return False
        if self.date_to and earliest and earliest > self.date_to:
            return False
        return True

    def within_window(self, earliest: str, latest: str) -> bool:
        """Whether the statement's interval lies wholly inside the window (an open side never does)."""
        if self.date_from and not (earliest and earliest >= self.date_from):
            return False
        if self.date_to and not (latest and latest <= self.date_to):
            return False
        return True

    def in_sources(self, source_id: str) -> bool:
        return not self.sources or source_id in self.sources


def make_selection(
    *,
    sources: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    program: str | None = None,
    known_sources: dict[str, str] | None = None,
) -> Selection:
    """Check and normalise user-given filters.

    `sources` holds source ids or perspective notations (e.g. "opposes-program"), which
    stand for every source of that perspective; `known_sources` maps source id to its
    perspective notation and, when given, unknown names are refused with the choices.
    """
    lo = date_bounds(date_from, option="--from")[0] if date_from else ""
    hi = date_bounds(date_to, option="--to")[1] if date_to else ""
    if lo and hi and lo > hi:
        raise UsageError(f"--from {date_from} is after --to {date_to}")
    chosen: set[str] = set()
    for name in sources or ():
        if known_sources is None:
            chosen.add(name)
            continue
        if name in known_sources:
            chosen.add(name)
            continue
        by_perspective = {s for s, p in known_sources.items() if p == name}
        if not by_perspective:
            choices = sorted(known_sources) + sorted({p for p in known_sources.values() if p})
            raise UsageError(
                f"--source {name!r}: no source or perspective of that name; choose from "
                + ", ".join(choices)
            )
        chosen |= by_perspective
    return Selection(frozenset(chosen), lo, hi, program or "")
