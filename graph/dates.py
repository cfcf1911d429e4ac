"""Dates at the precision the text gives: a year, a month or a day, with day bounds."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from rdflib import Literal
from rdflib.namespace import XSD

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    text: str
    earliest: date
    latest: date

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.text)]

    def literal(self) -> Literal:
        datatype = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}[self.precision]
        return Literal(self.text, datatype=datatype)


def parse(text: str) -> PartialDate:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError says what is wrong."""
    match = _PATTERN.match(text.strip())
    if not match:
        raise ValueError(f"date {text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if month is None:
            return PartialDate(text.strip(), date(year, 1, 1), date(year, 12, 31))
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        if day is None:
            return PartialDate(text.strip(), date(year, month, 1), date(year, month, last))
        exact = date(year, month, day)
    except ValueError as exc:
        raise ValueError(f"date {text!r} does not exist ({exc})") from None
    return PartialDate(text.strip(), exact, exact)
