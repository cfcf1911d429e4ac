"""Time as the text gives it: EDTF values with derived day bounds, and a resolver for relative expressions.

A date field holds an EDTF string (Library of Congress Extended Date/Time Format), parsed
with the `edtf` package: a day `2010-10-14`, a month `2010-09`, a year `2010`, an interval
`2009-10-01/2010-09-30` (a fiscal year, "after X and on or before D") or an open interval
`../2010-10-14` ("on or before D") or `2010-09/..` ("on or after"). `earliest` and `latest`
are the first and last day the value can denote, None on an open side. docs/time.md
defines each form and says how a relative expression is resolved.
"""

from __future__ import annotations

import calendar
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from datetime import date, timedelta

from typing import Any

# The Library of Congress's datatype for EDTF literals (`EDTF` is the same as an rdflib URIRef).
EDTF_IRI = "http://id.loc.gov/datatypes/edtf/EDTF"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PLAIN_TYPES = {"year": _XSD + "gYear", "month": _XSD + "gYearMonth", "day": _XSD + "date"}


def __getattr__(name: str) -> Any:
    # rdflib is imported only by callers that ask for its terms (the build uses `When.datatype`)
    if name == "EDTF":
        from rdflib import URIRef

        return URIRef(EDTF_IRI)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

_PLAIN = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_DAY_OR_MONTH = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class When:
    """A time at the precision the text gives it: the EDTF text and its day bounds."""

    text: str
    earliest: date | None  # None: open (no lower bound)
    latest: date | None  # None: open (no upper bound)

    @property
    def plain(self) -> bool:
        """A single year, month or day (no interval, no qualifier)."""
        return _PLAIN.match(self.text) is not None

    @property
    def precision(self) -> str:
        """year, month or day for a plain value; 'interval' otherwise."""
        return {4: "year", 7: "month", 10: "day"}[len(self.text)] if self.plain else "interval"

    @property
    def form(self) -> str:
        """The notation of the date-form concept (ontology/vocabularies.ttl) this value has."""
        if self.plain:
            return self.precision
        if self.earliest is None and self.latest is None:
            return "unknown"
        if self.earliest is None:
            return "on-or-before"
        if self.latest is None:
            return "on-or-after"
        if "/" not in self.text:
            return "qualified"
        if self.earliest.month == 10 and self.earliest.day == 1 and self.latest == date(self.earliest.year + 1, 9, 30):
            return "fiscal-year"
        return "between"

    @property
    def datatype(self) -> str:
        """The IRI of the literal's datatype: xsd:gYear, gYearMonth or date for a plain value; EDTF otherwise."""
        return _PLAIN_TYPES[self.precision] if self.plain else EDTF_IRI

    def literal(self) -> Any:
        """The value as an rdflib literal typed by `datatype`."""
        from rdflib import Literal, URIRef

        return Literal(self.text, datatype=URIRef(self.datatype))

    def overlaps(self, other: When) -> bool:
        """Whether the two can denote a common day (open sides reach without limit)."""
        return (self.earliest is None or other.latest is None or self.earliest <= other.latest) and (
            other.earliest is None or self.latest is None or other.earliest <= self.latest
        )


# Kept for callers that name the old class.
PartialDate = When


def _day(struct: object) -> date | None:
    if isinstance(struct, time.struct_time):
        return date(struct.tm_year, struct.tm_mon, struct.tm_mday)
    return None  # edtf gives ±inf floats for an open side


def _check_plain_parts(text: str) -> None:
    """edtf accepts 2011-02-30 in intervals and reads 2010-21 as a season: refuse both."""
    for part in re.split(r"/", text):
        part = part.rstrip("?~%")
        if part in ("..", ""):
            continue
        m = _DAY_OR_MONTH.match(part)
        if not m:
            raise ValueError(
                f"date {text!r}: {part!r} is not YYYY, YYYY-MM or YYYY-MM-DD "
                "(write an interval as 2010-09/2010-10-14, on or before as ../2010-10-14)"
            )
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        if month is not None and not 1 <= int(month) <= 12:
            raise ValueError(f"date {text!r}: month {month} does not exist")
        if day is not None and not 1 <= int(day) <= calendar.monthrange(year, int(month or 1))[1]:
            raise ValueError(f"date {text!r}: day {part} does not exist")


def _plain_bounds(part: str) -> tuple[date, date]:
    """The first and last day of an unqualified YYYY, YYYY-MM or YYYY-MM-DD (already checked)."""
    year, month, day = (int(x) for x in (part.split("-") + [0, 0])[:3])
    if day:
        return date(year, month, day), date(year, month, day)
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def parse(text: str) -> When:
    """Parse an EDTF date or interval; ValueError says what is wrong.

    Accepted: YYYY, YYYY-MM, YYYY-MM-DD (optionally qualified with ? or ~), intervals of
    those, and intervals with an open side (`..`). An unknown side (`/2010`) is refused:
    write `../2010` for "on or before".

    Unqualified forms, which are nearly all the data, are computed directly; the `edtf`
    package (a pyparsing grammar, about 5 ms a call) reads the qualified ones. A test
    checks that both give the same bounds.
    """
    if not isinstance(text, str):
        return _parse_edtf(text)  # says what is wrong
    return _parse_text(text)


@lru_cache(maxsize=4096)
def _parse_text(text: str) -> When:
    value = text.strip()
    if value and not value.startswith("/") and not value.endswith("/") and not any(c in value for c in "?~%"):
        parts = value.split("/")
        if len(parts) <= 2 and all(p == ".." or _DAY_OR_MONTH.match(p) for p in parts) and parts != ["..", ".."]:
            _check_plain_parts(value)
            first = None if parts[0] == ".." else _plain_bounds(parts[0])[0]
            last = None if parts[-1] == ".." else _plain_bounds(parts[-1])[1]
            if first is not None and last is not None and first > last:
                raise ValueError(f"date {value!r}: the interval ends before it starts")
            return When(value, first, last)
    return _parse_edtf(text)


def _parse_edtf(text: str) -> When:
    """parse() through the edtf package, for the forms its fast path leaves."""
    from edtf import parse_edtf
    from edtf.parser.edtf_exceptions import EDTFParseException

    value = text.strip() if isinstance(text, str) else text
    if not isinstance(value, str) or not value:
        raise ValueError(f"date {text!r} is empty")
    if value.startswith("/") or value.endswith("/"):
        raise ValueError(f"date {value!r}: an unknown side is not used; write ../D for 'on or before D' or D/.. for 'on or after D'")
    _check_plain_parts(value)
    try:
        parsed = parse_edtf(value)
    except EDTFParseException:
        raise ValueError(f"date {value!r} is not an EDTF date (YYYY, YYYY-MM, YYYY-MM-DD, A/B, ../D, D/..)") from None
    earliest, latest = _day(parsed.lower_strict()), _day(parsed.upper_strict())
    if earliest is not None and latest is not None and earliest > latest:
        raise ValueError(f"date {value!r}: the interval ends before it starts")
    return When(value, earliest, latest)


# ---------------------------------------------------------------- the resolver


@dataclass(frozen=True)
class Resolved:
    """A date expression resolved against the post or document that uses it."""

    edtf: str  # the value to write in a date field
    basis: str  # date-basis notation: stated, relative, post-date, document-date
    note: str  # how it was resolved, for date_note
    after: str = ""  # the EDTF of the thing it is stated to follow, when the expression orders it

    @property
    def when(self) -> When:
        return parse(self.edtf)


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            (),
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_RECENT = re.compile(
    r"\b(recent(ly)?|previous(ly)?|earlier|already|lately|in recent (weeks|months|days)|"
    r"has been|have been|had been|once)\b"
)


def _anchor(value: str | date) -> date:
    if isinstance(value, date):
        return value
    when = parse(value)
    if not when.plain or when.precision != "day" or when.earliest is None:
        raise ValueError(f"anchor {value!r}: the post's or document's date must be a day (YYYY-MM-DD)")
    return when.earliest


def _month_text(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _shift_month(value: When, months: int) -> str:
    """The same precision, `months` later (a month value or a day value)."""
    assert value.earliest is not None
    y, m = divmod(value.earliest.month - 1 + months, 12)
    year, month = value.earliest.year + y, m + 1
    if value.precision == "month":
        return _month_text(year, month)
    if value.precision == "year":
        return f"{value.earliest.year + (months // 12):04d}"
    day = min(value.earliest.day, calendar.monthrange(year, month)[1])
    return date(year, month, day).isoformat()


def resolve(expression: str, anchor: str | date, *, after: str | None = None, anchor_kind: str = "post") -> Resolved:
    """Resolve a date expression of a text against the date of the post (or document) using it.

    `expression` is the words of the text ("Subsequently", "a recent letter", "in recent
    weeks", "on the 18th", "Friday", "fiscal 2010", "Sept. 2010", "last year",
    "yesterday", "today", "a month later", "since January 2009", "April 2, 2008"...);
    `anchor` the post's day (YYYY-MM-DD); `after`, for an expression that orders the thing
    after another ("Subsequently", "a month later", "in response"), the EDTF of that other
    thing; `anchor_kind` is "post" or "document" (for the note and the basis).
    Raises ValueError when the expression is not one it knows: never guesses.
    """
    day = _anchor(anchor)
    words = " ".join(expression.lower().replace("\u2019", "'").split())
    words = words.strip(" .,;:")
    of = f"the {anchor_kind} of {day.isoformat()}"
    quoted = f'"{expression.strip()}"'
    basis_past = "post-date" if anchor_kind == "post" else "document-date"
    prior = parse(after) if after else None

    # Absolute forms: the text gives the date itself.
    m = re.fullmatch(r"(?:in )?(?:fiscal(?: year)?|fy) ?(\d{4})", words)
    if m:
        year = int(m.group(1))
        return Resolved(f"{year - 1}-10-01/{year}-09-30", "stated", f"{quoted}: US federal fiscal year {year}, October 1, {year - 1} to September 30, {year}")
    m = re.fullmatch(rf"(?:in )?({_MONTH_RE})\.? (?:of )?(\d{{4}})", words)
    if m:
        return Resolved(_month_text(int(m.group(2)), _MONTHS[m.group(1)]), "stated", f"{quoted} in the text")
    m = re.fullmatch(rf"(?:on )?({_MONTH_RE})\.? (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})", words)
    if m:
        value = date(int(m.group(3)), _MONTHS[m.group(1)], int(m.group(2)))
        return Resolved(value.isoformat(), "stated", f"{quoted} in the text")
    m = re.fullmatch(r"(?:in )?(\d{4})", words)
    if m:
        return Resolved(m.group(1), "stated", f"{quoted} in the text")
    m = re.fullmatch(rf"since ({_MONTH_RE})\.? (\d{{4}})", words)
    if m:
        start = _month_text(int(m.group(2)), _MONTHS[m.group(1)])
        return Resolved(f"{start}/{day.isoformat()}", "relative", f"{quoted} up to {of}")

    # Relative to the anchor's day.
    if words in ("today", "now", "this morning", "tonight", "this afternoon"):
        return Resolved(day.isoformat(), "relative", f"{quoted} in {of}")
    if words == "yesterday":
        return Resolved((day - timedelta(days=1)).isoformat(), "relative", f"{quoted} in {of}")
    m = re.fullmatch(r"(?:on |last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)", words)
    if m:
        # The latest such weekday on or before the anchor: news and releases name the day of the week even for
        # the day they are dated ("Gov. X on Tuesday demanded ..." in a story of that Tuesday).
        back = (day.weekday() - _WEEKDAYS.index(m.group(1))) % 7
        return Resolved((day - timedelta(days=back)).isoformat(), "relative",
                        f"{quoted}: the {m.group(1).capitalize()} on or before {of}")
    m = re.fullmatch(r"(?:on )?the (\d{1,2})(?:st|nd|rd|th)", words)
    if m:
        number = int(m.group(1))
        year, month = day.year, day.month
        if number > day.day:  # the latest such day on or before the anchor
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if number > calendar.monthrange(year, month)[1]:
            raise ValueError(f"{expression!r}: no day {number} in {year}-{month:02d}")
        return Resolved(date(year, month, number).isoformat(), "relative", f"{quoted}: the latest {number}th on or before {of}")
    if words == "last year":
        return Resolved(f"{day.year - 1:04d}", "relative", f"{quoted} in {of}")
    if words == "this year":
        return Resolved(f"{day.year:04d}-01-01/{day.isoformat()}", "relative", f"{quoted} in {of}: from January 1 up to that day")
    if words == "last month":
        y, mo = (day.year, day.month - 1) if day.month > 1 else (day.year - 1, 12)
        return Resolved(_month_text(y, mo), "relative", f"{quoted} in {of}")
    if words == "this month":
        return Resolved(f"{_month_text(day.year, day.month)}-01/{day.isoformat()}", "relative", f"{quoted} in {of}")

    # Ordered after another thing: after X and on or before the anchor.
    m = re.fullmatch(r"(?:an? |one )?(month|year) later", words)
    if m:
        if prior is None or prior.earliest is None or not prior.plain:
            raise ValueError(f"{expression!r}: give `after`, the plain date of the thing it follows")
        shifted = _shift_month(prior, 1 if m.group(1) == "month" else 12)
        return Resolved(shifted, "relative", f"{quoted} after {prior.text}", after=prior.text)
    if words in ("subsequently", "later", "afterwards", "afterward", "then", "after that", "since then") or words.startswith(
        ("in response", "in reply", "in their response", "in its response", "in his response", "in her response", "after ")
    ):
        start = prior.earliest.isoformat() if prior is not None and prior.earliest is not None else ".."
        how = f"after {prior.text}" if prior is not None else "after the thing it follows"
        return Resolved(f"{start}/{day.isoformat()}", "relative", f"{quoted}: {how} and on or before {of}", after=prior.text if prior else "")

    # Past without a date: on or before the anchor.
    if _RECENT.search(words) or words in ("undated", "no date"):
        return Resolved(f"../{day.isoformat()}", basis_past, f"{quoted} in {of}: on or before that day")
    raise ValueError(f"{expression!r} is not a date expression the resolver knows; resolve it by hand and say how in date_note")


__all__ = ["EDTF", "PartialDate", "Resolved", "When", "parse", "resolve"]
