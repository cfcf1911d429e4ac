"""Relative time expressions resolved against the document's own date.

"today", "yesterday", "on Tuesday", "last week", "this month", "last month", "last year",
"this year", "last June", "in November", "May 4", "last fall", "earlier this year": each is
resolved for the earliest and the latest day the document's date allows, and the result is
the span between them at the expression's precision, as EDTF (Library of Congress Extended
Date/Time Format, the project's date form): `2009-06`, or an interval `2011-11-07/2011-11-13`.
Where the project's date parser (graph/dates.py) does not take an interval yet, the coarsest
plain date that covers it is given instead and the exact interval is said in the note.

A weekday is the last such day on or before the document's date, or the next one after it
when the sentence speaks of the future ("will", "is being expanded ... on Tuesday").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)} | {"sept": 9}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}
_MONTH_WORD = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
PATTERN = re.compile(
    r"\b(?P<today>today|this morning|this afternoon|tonight)\b"
    r"|\b(?P<yesterday>yesterday)\b"
    r"|(?<!\bthe\s)\b(?P<which>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year|spring|summer|fall|autumn|winter)\b"  # "in the last year": the year up to now, not the calendar year before
    r"|\b(?P<lastm>last|this|next)\s+(?P<lmonth>" + _MONTH_WORD + r")(?!\s*\d)"
    r"|\b(?P<md>" + _MONTH_WORD + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)(?!\d)"
    r"|\b(?:in|since|until|by|during|of|through|thru)\s+(?P<inm>" + _MONTH_WORD + r")(?!\.?\s*\d)(?!\w)"
    r"|\b(?:on\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<n>\d+|a|one|two|three|four|five|six)\s+(?P<nunit>days|weeks|months|years|day|week|month|year)\s+ago\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:will|would|is being|are being|to be|shall|next|upcoming|scheduled)\b", re.IGNORECASE)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True)
class Resolved:
    """A relative expression of the text and the date or interval it stands for."""

    start: int
    end: int
    phrase: str
    edtf: str  # the exact result: a plain date or an EDTF interval
    earliest: date
    latest: date


def bounds(document_date: str) -> tuple[date, date]:
    """The earliest and latest day of a YYYY, YYYY-MM or YYYY-MM-DD date."""
    parts = [int(p) for p in document_date.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts), date(*parts)


def find(text: str, document_date: str | None, base: int = 0) -> list[Resolved]:
    """Every relative time expression of `text` resolved against the document's date."""
    if not document_date or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", document_date):
        return []
    low, high = bounds(document_date)
    found = []
    for match in PATTERN.finditer(text):
        future = bool(_FUTURE.search(text))
        first = _resolve(match, low, future)
        last = _resolve(match, high, future)
        if first is None or last is None:
            continue
        (a, b, precision), (c, d, _) = first, last
        earliest, latest = min(a, c), max(b, d)
        if match.group("md") and low < high and (low.year, low.month) == (high.year, high.month) and low <= d <= high:
            earliest = latest = d  # "An August 18 letter" in a text of August 2011: the day of its own month, not a year before
            # (as "in November" said in November is this November)
        found.append(Resolved(base + match.start(), base + match.end(), match.group(0), _edtf(earliest, latest, precision),
                              earliest, latest))
    return found


def plain(resolved: Resolved) -> tuple[str | None, str | None]:
    """The value for a `date` field and a note: the exact EDTF when the project's date parser
    takes it, else the coarsest plain date covering it, with the interval said in the note."""
    from graph import dates

    try:
        dates.parse(resolved.edtf)
        return resolved.edtf, None
    except ValueError:
        pass
    a, b = resolved.earliest, resolved.latest
    if a.year == b.year and a.month == b.month:
        value = f"{a.year}-{a.month:02d}"
    elif a.year == b.year:
        value = f"{a.year}"
    else:
        return None, f"between {a.isoformat()} and {b.isoformat()} (EDTF {resolved.edtf})"
    return value, f"between {a.isoformat()} and {b.isoformat()} (EDTF {resolved.edtf})"


def _resolve(match: re.Match[str], day: date, future: bool) -> tuple[date, date, str] | None:
    g = match.groupdict()
    if g["today"]:
        return day, day, "day"
    if g["yesterday"]:
        return day - timedelta(days=1), day - timedelta(days=1), "day"
    if g["unit"]:
        which, unit = g["which"].lower(), g["unit"].lower()
        if unit == "week":
            monday = day - timedelta(days=day.weekday())
            shift = {"last": -7, "next": 7}.get(which, 0)
            start = monday + timedelta(days=shift)
            return start, start + timedelta(days=6), "day"
        if unit == "month":
            year, month = day.year, day.month + {"last": -1, "next": 1}.get(which, 0)
            year, month = (year - 1, 12) if month == 0 else (year + 1, 1) if month == 13 else (year, month)
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
        if unit == "year":
            year = day.year + {"last": -1, "next": 1}.get(which, 0)
            if which == "earlier this":
                return date(year, 1, 1), day, "day"
            if which == "later this":
                return day, date(year, 12, 31), "day"
            return date(year, 1, 1), date(year, 12, 31), "year"
        first, last = _SEASONS[unit]
        year = day.year if which == "this" else day.year - 1 if which == "last" else day.year + 1
        if which == "last" and (day.month, 1) > (last if first <= last else 12, 1) and first <= last:
            year = day.year  # "last fall" said in December: this year's
        end_year = year + 1 if first > last else year
        return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1]), "month"
    if g["lastm"] or g["inm"]:
        month = _month(g["lmonth"] or g["inm"])
        which = (g["lastm"] or "").lower()
        if which == "next":
            year = day.year if month > day.month else day.year + 1
        elif which == "last":
            year = day.year if month < day.month else day.year - 1
        elif which == "this":
            year = day.year
        else:  # "in November": the last November on or before the document (the next one if it speaks of the future)
            year = day.year if (month <= day.month) != future or month == day.month else (day.year + 1 if future else day.year - 1)
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"
    if g["md"]:
        month, dom = _month(g["md"]), int(g["day"])
        for year in (day.year, day.year - 1, day.year + 1):
            try:
                when = date(year, month, dom)
            except ValueError:
                return None
            if (when <= day) != future or (future and when > day) or (not future and when <= day):
                if (not future and when <= day) or (future and when >= day):
                    return when, when, "day"
        return None
    if g["weekday"]:
        target = _WEEKDAYS.index(g["weekday"].lower())
        if future:
            ahead = (target - day.weekday()) % 7 or 7
            when = day + timedelta(days=ahead)
        else:
            when = day - timedelta(days=(day.weekday() - target) % 7)
        return when, when, "day"
    if g["nunit"]:
        n = _NUMBERS.get(g["n"].lower()) or int(g["n"])
        unit = g["nunit"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        when = day - timedelta(days=days)
        if unit in ("day", "week"):
            return when, when, "day"
        if unit == "month":
            return date(when.year, when.month, 1), date(when.year, when.month, calendar.monthrange(when.year, when.month)[1]), "month"
        return date(when.year, 1, 1), date(when.year, 12, 31), "year"
    return None


def _month(word: str) -> int:
    return _MONTH_ABBR[word.lower().rstrip(".")[:4] if word.lower().startswith("sept") else word.lower()[:3]]


def _edtf(earliest: date, latest: date, precision: str) -> str:
    def show(d: date, end: bool) -> str:
        if precision == "year":
            return f"{d.year}"
        if precision == "month":
            return f"{d.year}-{d.month:02d}"
        return d.isoformat()

    a, b = show(earliest, False), show(latest, True)
    if a == b:
        return a
    if precision == "day" and earliest.day == 1 and latest == date(latest.year, latest.month, calendar.monthrange(latest.year, latest.month)[1]):
        if earliest.year == latest.year and earliest.month == latest.month:
            return f"{earliest.year}-{earliest.month:02d}"
        if (earliest.month, latest.month, earliest.year) == (1, 12, latest.year):
            return f"{earliest.year}"
    return f"{a}/{b}"
