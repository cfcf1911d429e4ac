"""Passages and dates of a document, and the candidate statement every proposer makes.

The document cut into sentences, headings and list items (`sentences`); the dates it writes
(`dates_in`), its dated headings (`heading_dates`) and the date a passage holds for
(`date_for`). Shared by candidates.py (stances, posts) and figures.py (figures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ingest import when

TARGET_TYPES = frozenset({"program", "policy", "law", "bill", "executive-order", "agreement"})
REPORTERS = frozenset({"agency", "office", "government", "group", "media", "institution", "person"})
# Positions that judge a target rather than act on it: another rule's act for a pair leaves its judgement open.
ATTITUDES = frozenset({"supports", "opposes", "criticizes"})
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Rep Sen Gov Lt St Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Calif Va Mass Ill "
    "Ariz Md Wash Fla Tex Conn Penn Colo Mich Minn Wis Ore Inc Corp Co No vs etc Jr Sr U.S D.C".split()
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(
    rf"\b{_MONTH}(?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?)?\s+(?P<year>(?:19|20)\d\d)\b"
    r"|\b(?P<m2>\d{1,2})/(?P<d2>\d{1,2})/(?P<y2>\d{4}|\d\d)\b"
    r"|\b(?P<iso>(?:19|20)\d\d-\d\d(?:-\d\d)?)\b"
    r"|\b(?i:in|since|by|until|of|during|calendar\s+year|CY)\s+(?P<y3>(?:19|20)\d\d)\b"
)
# A post heading's date at the end of its line: "Andrew Cuomo suspends Secure Communities - 06/01/11".
_POST_DATE = re.compile(r"\s+[-–—]\s*(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|(?:19|20)\d\d-\d\d-\d\d)\s*$")


@dataclass(frozen=True)
class Span:
    """A passage of the document: a sentence, a heading or a list item."""

    start: int
    end: int
    text: str
    heading: Span | None = None
    # The sentence before it in its paragraph, for words that point back to its day ("later in
    # the day"); not part of what the span is.
    previous: Span | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Dated:
    """A date as the data format wants it, with how it was found."""

    value: str
    basis: str
    note: str | None = None


@dataclass
class Candidate:
    """One proposed statement: its kind, field values, quote passages and why it is proposed."""

    kind: str
    values: dict[str, str]
    quote: list[Span]
    why: str
    dated: Dated | None = None
    extra: dict[str, str] = field(default_factory=dict)
    score: float = 0.5  # how likely a reviewer keeps it (0-1); candidates are sorted by it

    def cue_at(self) -> tuple[str, int] | None:
        """The cue word its `why` names (`cue "ending"`) and where it stands in its last quoted sentence;
        None where it names none or the sentence does not hold it."""
        cue = re.search(r'cue "([^"]+)"', self.why)
        if cue is None:
            return None
        at = self.quote[-1].text.lower().find(cue.group(1).lower())
        return (cue.group(1), at) if at >= 0 else None




# ------------------------------------------------------------------ text units


def sentences(text: str) -> list[Span]:
    """Sentences, headings and list items with their offsets; items know their heading."""
    spans: list[Span] = []
    heading: Span | None = None
    for line in _logical_lines(text):
        raw = line.group(0)
        body = raw.strip()
        if not body:
            continue
        offset = line.start() + raw.index(body)
        tail = _POST_DATE.search(body)
        if tail and tail.start() > 0:
            body = body[: tail.start()]  # "X opposes Y - 06/19/11": the date is the post's, not a word of it
        item = re.match(r"^(?:[-*•·]|\d+[.)])\s+", body)
        if item:
            body, offset = body[item.end() :], offset + item.end()
        pieces = [piece for whole in _split_sentences(body, offset) for piece in _bounded(text, *whole)]
        previous: Span | None = None
        for piece in pieces:
            previous = Span(piece[0], piece[1], text[piece[0] : piece[1]], heading if item else None, previous)
            spans.append(previous)
        if not item:
            heading = spans[-1] if body.endswith(":") and pieces else None
    return spans


def _logical_lines(text: str) -> list[re.Match[str]]:
    """The text's lines, a line broken inside a sentence (text read from print or a PDF) joined to
    the lines that go on with it in lower case ("asked to opt\nout of the program"): the line
    break is a space; offsets stay the document's."""
    return list(re.finditer(r"[^\n]*\S[^\n]*(?:(?<![:;.!?])\n[ \t]*(?=[a-z])[^\n]+)*", text))


# The longest sentence a sentence may be. A longer run of words without a sentence's end is no
# sentence (a text whose punctuation or line breaks were lost, a table, an OCR'd page): it is read in
# pieces of at most this many characters, each broken at a space, so that what reads a sentence word
# by word or pair by pair never meets thousands of words at once. The longest sentence of the
# development texts (rounds 1-19) has 997 characters.
LONGEST_SENTENCE = 2000


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] as pieces of at most LONGEST_SENTENCE characters, each broken after the last
    space that leaves it that long (a word longer than that: broken inside it), spaces trimmed."""
    pieces = []
    while end - start > LONGEST_SENTENCE:
        cut = max(text.rfind(" ", start + 1, start + LONGEST_SENTENCE + 1), text.rfind("\n", start + 1, start + LONGEST_SENTENCE + 1),
                  text.rfind("\t", start + 1, start + LONGEST_SENTENCE + 1))
        if cut <= start:
            cut = start + LONGEST_SENTENCE
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _split_sentences(body: str, offset: int) -> list[tuple[int, int]]:
    result = []
    start = 0
    for match in re.finditer(r"[.!?][\"”’)\]]*(?=\s+[\"“(\[]?[A-Z0-9])", body):
        before = re.search(r"([\w.]+)[.!?]?[\"”’)\]]*$", body[start : match.end()])
        word = before.group(1).rstrip(".") if before else ""
        if match.group(0).startswith(".") and (word in _ABBREVIATIONS or re.fullmatch(r"[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]", word)):
            continue
        result.append((offset + start, offset + match.end()))
        start = match.end()
        while start < len(body) and body[start].isspace():
            start += 1
    if start < len(body):
        result.append((offset + start, offset + len(body)))
    return result


# ------------------------------------------------------------------ dates


def dates_in(text: str, base: int = 0) -> list[tuple[int, int, str]]:
    """Dates written in the text: (start, end, YYYY / YYYY-MM / YYYY-MM-DD)."""
    found = []
    for match in _DATE.finditer(text):
        value = _date_value(match)
        if value is not None:
            found.append((base + match.start(), base + match.end(), value))
    return found


def _date_value(match: re.Match[str]) -> str | None:
    if match.group("year"):
        month = _MONTHS[match.group("month")[:3].lower()]
        day = match.group("day")
        value = f"{match.group('year')}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    elif match.group("y2"):
        year = match.group("y2")
        year = year if len(year) == 4 else ("20" if int(year) < 50 else "19") + year
        month, day = int(match.group("m2")), int(match.group("d2"))
        value = f"{year}-{month:02d}-{day:02d}"
    elif match.group("iso"):
        value = match.group("iso")
    else:
        value = match.group("y3")
    from graph import dates

    try:
        dates.parse(value)
    except ValueError:
        return None
    return value


def heading_dates(text: str, spans: list[Span]) -> list[tuple[int, str, str]]:
    """Post headings: lines ending in " - DATE", and short passages that carry a date: (offset, date, the line)."""
    found = []
    for line in re.finditer(r"[^\n]+", text):
        tail = _POST_DATE.search(line.group(0))
        if tail and tail.start() > 0:
            dated = dates_in(tail.group(0))
            if dated:
                found.append((line.start(), dated[-1][2], line.group(0).strip()))
    lines = {offset for offset, _, _ in found}
    for span in spans:
        if text.rfind("\n", 0, span.start) + 1 in lines:
            continue
        inside = dates_in(span.text, span.start)
        if not inside or span.heading is not None:
            continue
        whole_line = text[span.start - 1 : span.start] in ("", "\n") and text[span.end : span.end + 1] in ("", "\n")
        at_end = span.end - inside[-1][1] <= 2
        if whole_line and (len(span.text) <= 80 or (at_end and len(span.text) <= 200)):
            found.append((span.start, inside[-1][2], span.text))
    return sorted(found)


def date_for(span: Span, headings: list[tuple[int, str, str]], document_date: str | None) -> Dated | None:
    """The sentence's own date, else the last dated heading before it, else the document's. A
    date after an article or a possessive dates the thing it modifies ("a March 2012 report", "the
    committee's May 6, 2014 letter"), a date after "since" is where an ongoing span begins
    ("the deportation of 2,000 residents since 2008"), and one after "by" in a clause that foretells
    is the deadline of what is foretold ("said the program would be mandatory nationwide by 2013"):
    none is when the sentence says something was done or said."""
    inside = [d for d in dates_in(span.text, span.start)
              if not _attributive(span.text, d[0] - span.start) and not _since(span.text, d[0] - span.start)
              and not _deadline(span.text, d[0] - span.start)
              and not _dateline(span.text, d[0] - span.start, d[1] - span.start)]
    inside = inside or (dates_in(span.heading.text) if span.heading else [])
    if inside:
        return Dated(inside[0][2], "stated")
    for relative in when.find(span.text, document_date):
        shared = _shared_resolver(relative.phrase, document_date, span.text)
        if shared is not None:
            return shared
        value, note = when.plain(relative)
        said = f"{relative.phrase!r} resolved against the document's date {document_date}"
        if value is not None:
            return Dated(value, "relative", f"{said}: {relative.edtf}" + (f" ({note})" if note else "") + "; check")
        return Dated(str(document_date), "document-date", f"{said}: {note}; the field holds the document's date; check")
    same_day = _SAME_DAY.search(span.text)
    if same_day and span.previous is not None:
        earlier = date_for(span.previous, [], document_date)
        if earlier is not None and earlier.basis != "document-date":
            said = f"{same_day.group(0)!r}: the day of the sentence before it ({earlier.note or earlier.value})"
            return Dated(earlier.value, earlier.basis, said if said.endswith("check)") else f"{said}; check")
    before = [h for h in headings if h[0] <= span.start]
    if before:
        offset, value, line = before[-1]
        return Dated(value, "post-date", f"the dated passage before it: {line[:80]!r}; check")
    if document_date:
        return Dated(document_date, "document-date", "the document's date; check")
    return None


# Words that date a sentence by the day the sentence before it names ("The board voted to opt out
# Tuesday. The other board voted later in the day"); no leading word boundary, for text whose
# spaces were lost ("votedlater in the day").
_SAME_DAY = re.compile(r"(?:later|earlier)\s+(?:in|on)\s+the\s+(?:same\s+)?day\b|(?:later|earlier)\s+that\s+(?:same\s+)?day\b"
                       r"|\b(?:on\s+)?(?:the|that)\s+same\s+day\b", re.IGNORECASE)


_MODIFIER_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our|your|this|that|these|those)|['’]s)\s+$", re.IGNORECASE)


# A news dateline: the place, then the day the story was filed, then a dash ("OAKLAND, May 4, 2011 - ",
# "WASHINGTON, D.C., June 1, 2011 (AP) — "). Its date is the document's, not the day of what the sentence
# reports ("The board voted Tuesday ..." after it is the Tuesday before).
_DATELINE_PLACE = re.compile(r"\s*[A-Z][\w.,’'() -]{0,50},\s*$")
_DATELINE_DASH = re.compile(r"\s*(?:\([^)]{1,30}\)\s*)?(?:-{1,2}|–|—)\s")


def _dateline(text: str, start: int, end: int) -> bool:
    """Whether the date at `start`-`end` of a sentence is its dateline's (the place before it, a dash after)."""
    return bool(_DATELINE_PLACE.fullmatch(text[:start]) and _DATELINE_DASH.match(text, end))


def _since(text: str, start: int) -> bool:
    """Whether the date at `start` of `text` is where a span begins ("deported since 2008",
    "since October 2008"): it dates what has gone on since, not the act the sentence reports."""
    return bool(re.match(r"since\b", text[start:], re.IGNORECASE) or re.search(r"\bsince\s+$", text[max(0, start - 8) : start], re.IGNORECASE))


# What a clause foretells: the deadline after it ("would be mandatory by 2013") dates the foretold state.
_FORETOLD = re.compile(r"\b(?:would|will|shall|going\s+to|plans?\s+to|planned\s+to|expects?\s+to|expected\s+to|aims?\s+to)\b[^.;:!?]*$",
                       re.IGNORECASE)
_BY = re.compile(r"\b(?:by|no\s+later\s+than)\s+(?:the\s+end(?:\s+of)?\s+)?$", re.IGNORECASE)


def _deadline(text: str, start: int) -> bool:
    """Whether the date at `start` of `text` is the deadline of a foretold state ("would be mandatory
    nationwide by 2013"): it dates what is to come, not the saying or the act the sentence reports."""
    before = text[:start]
    by = _BY.search(before[-30:])
    if by is not None:
        before = before[: len(before) - len(by.group(0))]
    elif not re.match(r"(?:by|no\s+later\s+than)\b", text[start:], re.IGNORECASE):  # the date's match may hold its "by"
        return False
    return _FORETOLD.search(before) is not None


def _attributive(text: str, start: int) -> bool:
    """Whether the date at `start` of `text` follows an article or a possessive (it names a thing's date)."""
    return bool(_MODIFIER_BEFORE.search(text[max(0, start - 20) : start]))


def _shared_resolver(phrase: str, document_date: str | None, sentence: str) -> Dated | None:
    """The project's resolver (graph.dates.resolve) where it knows the expression and the
    document's date is a day; None to use graph/ingest/when.py (months, weeks, seasons, a
    document dated to the month or year, a weekday in a sentence about the future)."""
    from graph import dates

    if not document_date or len(document_date) != 10 or not hasattr(dates, "resolve"):
        return None
    if re.search(r"day$", phrase, re.IGNORECASE) and when._FUTURE.search(sentence):
        return None
    try:
        done = dates.resolve(phrase, document_date, anchor_kind="document")
    except ValueError:
        return None
    return Dated(done.edtf, done.basis, f"{done.note}; check")


def inside_quotes(paragraph: str, offset: int) -> bool:
    """Whether `offset` lies inside a quotation of the paragraph (an opening quote not yet closed)."""
    opened = False
    for char in paragraph[:offset]:
        if char == "“":
            opened = True
        elif char == "”":
            opened = False
        elif char == '"':
            opened = not opened
    return opened
