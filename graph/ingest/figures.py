"""Figure candidates: a number, what it counts and the day or period it holds for.

A figure is a number with a unit ("77,000 immigrants", "71 percent", "eight additional
counties", "a third of"), the measure of the measure scheme (ontology/vocabularies.ttl) the
words around it name, and the date or period the sentence gives it: a fiscal year, a span with
a stated start, the day it is counted "through" or "as of", the document's date for "to date".
Moved out of candidates.py (which proposes stances and posts and calls `figures` per passage).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from graph.build.vocabulary import Vocabulary
from graph.ingest import when
from graph.ingest.lexicon import data as cue_data
from graph.ingest.passages import REPORTERS, TARGET_TYPES, Candidate, Dated, Span, date_for, dates_in
from graph.ingest.mentions import Known, Mention

FISCAL = re.compile(r"\b(?:(?:fiscal(?:\s+years?)?(?:\s*\(FY\))?|FY)\s*(?P<fy>(?:19|20)\d\d)|FY\s*['’]?(?P<fy2>\d\d)"
                    r"|(?P<fy4>(?:19|20)\d\d)\s+fiscal\s+year)\b", re.IGNORECASE)  # "the 2010 fiscal year" (session 12)


def fiscal_year_of(m: re.Match[str]) -> str:
    """The fiscal year a match of FISCAL names, four digits."""
    return m.group("fy") or m.group("fy4") or f"20{m.group('fy2')}"
# "fiscal years 2010 and 2011", "FY 2010-2011": the second year, written bare, is a fiscal year too.
_SECOND_YEAR = re.compile(r"\s*(?:and|through|to|-|–)\s*(?:FY\s*)?(?P<fy>(?:19|20)\d\d)\b", re.IGNORECASE)
# Before a fiscal year, month or year: the count holds at its end ("through March 2012", "at the end of FY11").
_AT_END = re.compile(r"(?:through|thru|until|till|(?:at|by|as\s+of)\s+the\s+end\s+of|the\s+end\s+of|end\s+of|close\s+of)\s+(?:the\s*)?$",
                     re.IGNORECASE)
_HALF = re.compile(r"(?P<which>first|second)\s+half\s+of\s+(?:the\s+)?$", re.IGNORECASE)
# A quarter of a fiscal year: "the fourth quarter of FY 2010", "Q3 FY11", "the third fiscal quarter of 2011".
_QUARTER = re.compile(r"(?:(?P<which>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter\s+(?:of|in)\s+(?:the\s+)?"
                      r"|\bQ(?P<q>[1-4])\s*(?:of\s+)?)$", re.IGNORECASE)
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_JOINED = re.compile(r"\s*(?:and|through|to|until|-|–)\s+(?:the\s+)?(?:(?:first|second)\s+half\s+of\s+(?:the\s+)?)?$", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?P<cmp>\b(?:more than|over|about|nearly|almost|approximately|roughly|fewer than|less than|under|at least)\s+)?"
    r"(?P<usd>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d/-])"
    r"(?:\s*(?P<scale>million|billion|thousand)\b)?(?:\s*(?P<pct>%|percent\b|per cent\b))?"
)


def _unit_words() -> dict[str, set[str]]:
    """Unit -> the words that name what a number counts (cues.yaml `figure_units`)."""
    return {str(unit): {str(w) for w in words} for unit, words in (cue_data().get("figure_units") or {}).items()}


def _unit_phrases() -> list[tuple[str, list[str]]]:
    """(unit, words) of the units named by several words ("law enforcement agencies"; session 13)."""
    return [(u, re.findall(r"[a-z]+", w.lower())) for u, words in _unit_words().items() for w in words
            if not re.fullmatch(r"[a-z]+", w)]


_COMPARATORS = {"more than": "more-than", "over": "more-than", "at least": "more-than", "about": "about",
                "nearly": "about", "almost": "about", "approximately": "about", "roughly": "about",
                "fewer than": "less-than", "less than": "less-than", "under": "less-than"}
_SCALES = {"thousand": 1000, "million": 1000000, "billion": 1000000000}
_BASE = re.compile(r"(?:than|compared\s+(?:to|with)|from|over|since|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?$", re.IGNORECASE)
_AS_OF = re.compile(r"(?:through|thru|as\s+of|by|until|till|to)\s+$", re.IGNORECASE)
_THROUGH = re.compile(r"(?:through|thru|as\s+of)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_START_WORDS = re.compile(r"(?:launch\w*|began|begun|start\w*|creat\w*|establish\w*|introduc\w*|since|founded|inception)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:expected|scheduled|set|slated|planned)\s+to|plans?\s+to)\b", re.IGNORECASE)
_NOW = re.compile(r"\b(?:to date|today|currently|so far|now)\b", re.IGNORECASE)


# Session 18 (18f): the year after a season ("in spring 2009", "Spring of 2008") is no count ("... to join in spring 2009
# and the 57 other counties followed suit" proposed 2,009 jurisdictions). Not read as a date: what a season's year
# starts or dates was not seen often enough to write.
_SEASON_YEAR = re.compile(r"\b(?:[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter)(?:\s+of)?\s+(?P<year>(?:19|20)\d\d)\b")
# Session 18 (18f): people gathered ("More than 125 people turned out for a forum", "a protest ... with about 40
# people", "some 200 protesters walked out"): a crowd, which no measure counts and the gold never codes.
_GATHERED_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:people|persons|protesters|demonstrators|residents|activists|supporters|attendees)?\s*"
                             r"(?:(?:have|had|has)\s+)?(?:turned\s+out|showed\s+up|attended|gathered|rallied|marched|protested|"
                             r"demonstrated|walked\s+out|packed|crowded|filled)\b", re.IGNORECASE)
_GATHERING_BEFORE = re.compile(r"\b(?:protest|rally|vigil|march|demonstration|forum|meeting|crowd|gathering)\b[^.;,\d]{0,80}?\b"
                               r"(?:with|of|drew|attracted|by)\s+(?:(?:about|some|nearly|more\s+than|over|roughly|around|approximately)\s+)?$",
                               re.IGNORECASE)
# A population of people in the country unlawfully ("the nation's estimated 11 million illegal immigrants", "the more
# than 10 million individuals estimated to be in the United States unlawfully"): no count of what a measure counts,
# unless the clause says they were removed or arrested.
_POPULATION = re.compile(r"\s+(?:(?:undocumented|illegal|unauthorized|unlawful)\s+(?:immigrants|aliens|people|individuals|persons|migrants)"
                         r"|(?:immigrants|aliens|people|individuals|persons)\s+(?:estimated\s+to\s+be\s+)?(?:in\s+the\s+(?:United\s+States|U\.S\.|country)\s+)?"
                         r"(?:unlawfully|illegally|without\s+(?:legal\s+)?(?:status|papers|authorization)))\b", re.IGNORECASE)
_REMOVAL_ACT = re.compile(r"\b(?:deport\w*|remov\w*|expel\w*|arrest\w*|apprehen\w*|detain\w*)\b", re.IGNORECASE)
_PROGRAM_NOUNS = frozenset({"program", "programm", "initiativ"})  # stems (_stem) of "program", "programme", "initiative"


@dataclass(frozen=True)
class Topic:
    """The program that measure labels name ("removals through Secure Communities"), as the
    document names it: the words of its name, whether the document's title (its first line)
    names it, and whether it is the program the document names most often (then "the program"
    of a sentence is it)."""

    words: frozenset[str] = frozenset()
    in_title: bool = False
    is_topic: bool = False
    named: bool = True  # False: the document never names it (its words come from the register)
    entity: str = ""  # the program's id, where the document names it
    only_program: bool = False  # the only program the document names (its laws, bills and policies aside; session 13)

    @staticmethod
    def of(text: str, mentions: list[Mention], topic: str | None, types: dict[str, str], vocab: Vocabulary,
           known: list[Known] | None = None) -> Topic:
        labels = [set(_label_words(c.label)) for c in vocab.schemes.get("measure", {}).values()]
        named: dict[str, list[Mention]] = {}
        for mention in mentions:
            if types.get(mention.entity) in TARGET_TYPES:
                named.setdefault(mention.entity, []).append(mention)
        best: tuple[int, str, frozenset[str]] | None = None
        for entity, found in sorted(named.items()):
            # "Secure Communities", not "SC"; "the Secure Communities program" names it as "Secure Communities" does (no
            # label says "program": a text that wrote it so every time was read as never naming it; session 18)
            forms = Counter(frozenset(_label_words(m.text)) - _PROGRAM_NOUNS for m in found)
            fitting = sorted(((n, sorted(f)) for f, n in forms.items() if f and any(f <= label for label in labels)), reverse=True)
            if fitting:
                best = max(best or (0, "", frozenset()), (len(found), entity, frozenset(fitting[0][1])))
        if best is None:
            # The document never names such a program: its words still say which measures are a program's.
            names = {frozenset(_label_words(k.name)) for k in known or [] if k.type in TARGET_TYPES}
            programs = [n for n in names if n and any(n <= label for label in labels)]
            ids = sorted({k.id for k in known or [] if k.type in TARGET_TYPES and programs and frozenset(_label_words(k.name)) == programs[0]})
            # the program's id: a sentence that names it by a short form ("S-Comm") names it
            return Topic(programs[0], named=False, entity=ids[0] if len(ids) == 1 else "") if len(programs) == 1 else Topic()
        top = len(text) - len(text.lstrip())
        title_end = text.find("\n", top)  # a title: a first line of its own, short
        titled = 0 < title_end - top <= 200 and any(m.end <= title_end for m in named[best[1]])
        # "In California, the program has led to nearly 80,000 deportations", in a text about the TRUST Act that names
        # Secure Communities and no other program: "the program" is it, though a law is named more often (session 13)
        only = {e for e in named if types.get(e) == "program"} == {best[1]}
        return Topic(best[2], titled, best[1] == topic, entity=best[1], only_program=only)


def told_again(found: list[Candidate], text: str) -> list[Candidate]:
    """The candidates without the figures of the document's title that its body gives again ("ICE
    activates Secure Communities in 10 more counties" over "On Wednesday, ICE began using it in
    10 additional counties"): the body's sentence is the one that says when and how. The title
    is the short lines at the top that end with no full stop (a headline and its subtitles), dates
    alone left aside."""
    title: list[re.Match[str]] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        said = line.group(0).strip()
        if _only_a_date(said):
            continue
        if len(said) > 200 or re.search(r"[.!?][\"”’)]*$", said):
            break
        title.append(line)
    figures_ = [c for c in found if c.kind == "figures"]
    in_title = [c for c in figures_ if any(t.start() <= c.quote[0].start < t.end() for t in title)]
    body = {(c.values["value"], c.values["unit"]) for c in figures_ if c not in in_title}
    dropped = [c for c in in_title if (c.values["value"], c.values["unit"]) in body]
    return [c for c in found if not any(c is d for d in dropped)]


def _only_a_date(line: str) -> bool:
    dated = dates_in(line)
    return bool(dated) and not re.sub(r"[\W\d]+", "", line[: dated[0][0]] + line[dated[-1][1] :])


# Session 15 (15f): a share's "of those", "of them" right after it: of the count before ("70 percent of them had no record").
_SHARE_OF_THOSE = re.compile(r"\s*(?:of\s+)?(?:those|these|them)\b(?!\s+(?:who|which|that|whose)\b)", re.IGNORECASE)


# Session 15 (15f): "in late 2008", "since early 2010", "from mid-2009": a part of a year (or month) after the preposition
# of a date; the date is the year's (the README: a time no more precise than the text).
_YEAR_PART = re.compile(r"(?:(?<=\bin\s)|(?<=\bon\s)|(?<=\bsince\s)|(?<=\bfrom\s))(?:late|early|mid)(?:\s+|-)"
                        r"(?=(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+)?(?:19|20)\d\d\b)", re.IGNORECASE)


# "these 10 new counties", "Of the more than 166,000, ...": a number named again after a determiner.
_AGAIN = re.compile(r"\b(?P<part>(?:of|among)\s+)?(?:the|these|those)\s+(?:(?:more\s+than|over|about|nearly|almost|approximately|roughly)\s+)?$",
                    re.IGNORECASE)


# The words a series' items may be joined by besides their dates: no word of what is counted.
_SERIES_WORDS = frozenset({"in", "by", "and", "of", "for", "during", "to", "the", "fiscal", "year", "fy", "calendar", "then"})


def _series(text: str, numbers: list[tuple[int, int, str, str, str | None, str]]) -> list[int]:
    """For each number, the first number of the series it is an item of: numbers of one unit
    joined only by short words, commas and "and" ("by 12% in 2008, by 24% in 2009, and by 37% in
    2010"; "12,000 in 2008 and 15,000 in 2009"). A number of no series is its own first."""
    first = list(range(len(numbers)))
    for i in range(1, len(numbers)):
        gap = text[numbers[i - 1][1] : numbers[i][0]]
        words = re.findall(r"[A-Za-z]+", gap)
        if (numbers[i - 1][3] == numbers[i][3] and re.fullmatch(r"[^.;:]{0,30}", gap) and re.search(r",|\band\b", gap)
                and all(w.lower() in _SERIES_WORDS for w in words)):
            first[i] = first[i - 1]
    return first


def _restated(text: str, numbers: list[tuple[int, int, str, str, str | None, str]],
              earlier: list[Candidate]) -> tuple[set[int], Candidate | None]:
    """The numbers of the passage that name again a figure proposed before ("With these 10 new
    counties just added", "Of the more than 166,000, ..."), and the earlier figure that the
    passage's other numbers are parts of ("Of the more than 166,000, more than 61,000 were
    convicted of level 1 offenses": 61,000 of the 166,000, counted as that figure was)."""
    restated: set[int] = set()
    whole: Candidate | None = None
    for i, (start, _, value, unit, _, _) in enumerate(numbers):
        again = _AGAIN.search(text[:start])
        given = [c for c in earlier if c.values.get("value") == value and c.values.get("unit") == unit]
        if again and given:
            restated.add(i)
            if again.group("part") and len(numbers) > 1:
                whole = next((c for c in reversed(given) if c.values.get("measure")), given[-1])
    return restated, whole


def _whole_words(vocab: Vocabulary, whole: Candidate) -> frozenset[str]:
    """What a count of a part is a part of: the label words of the whole's measure, and the words that
    say what the whole counts ("48,000 convicted criminal aliens": a part of them is convicted too)."""
    shown = re.match(r"the figure '(.+?)' ", whole.why)
    said = whole.quote[0].text
    at = said.find(shown.group(1)) if shown else -1
    counted = re.findall(r"[A-Za-z]+", said[at + len(shown.group(1)) :])[:4] if shown and at >= 0 else []
    return _label_stems(vocab, whole.values["measure"]) | frozenset(_stem(w.lower()) for w in counted if w.lower() not in _STOP)


def _label_stems(vocab: Vocabulary, measure: str) -> frozenset[str]:
    concept = vocab.schemes.get("measure", {}).get(measure)
    return frozenset(_label_words(concept.label)) if concept is not None else frozenset()


def _label_words(label: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", label.lower()) if w not in _STOP]


# "the program", "this initiative": the document's program, named again.
_BACK = re.compile(r"\s*(?:Of|Among)\s+(?:those|these|them|that\s+number|this\s+number)\b")
# Session 15 (15f): "Secure Communities began in 2008. It has led to the deportation of nearly 100,000 Californians.":
# "it" as the subject of a verb that makes a thing the cause of what is counted (an agency removes; a program leads to
# removals) is the program the paragraph named before.
_IT_CAUSED = re.compile(r"\s*(?:[^,.;:]{0,40},\s+)?[Ii]t\s+(?:(?:has|had|have)\s+)?(?:(?:already|also|since|so\s+far|now)\s+)?"
                        r"(?:led\s+to|resulted\s+in|been\s+(?:blamed|responsible)\s+for|caused|contributed\s+to)\b")
# Session 15: with the words a writer puts before it ("the controversial program", "the federal fingerprint-sharing
# program"), in lower case (a capitalised word begins another program's name: "the Priority Enforcement Program").
_THE_PROGRAM = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+(?:[a-z][a-z-]*\s+){0,3}?(?:[Pp]rogram|[Ii]nitiative)\b(?!\s+(?:of|for)\b)")


# Session 16 (16f): a count that is what something "led to", "resulted in" or "was blamed for" is counted as an effect of a
# cause, not as an agent's act (an agency deports; a program, its matches or a county's taking part in it lead to
# deportations): with no agent named as the cause, in a paragraph after the program or in a text whose program it is, the
# count is the program's ("Critics say it has instead resulted in the deportation of more than 95,000 people", "print
# matches have resulted in 2,614 deportations"); 15f read only "It" at the head of the sentence.
_CMP_WORDS = r"(?:(?:more\s+than|over|nearly|almost|about|some|roughly|approximately|at\s+least|upwards\s+of)\s+)?"
# Session 18 (18f): a thing that "has helped (authorities) (to) remove" people is the instrument of the removals, not
# their agent ("the network has helped bring in and deport 32,645 immigrants", "the information sharing capability has
# helped authorities to remove more than 12,400 criminal aliens": the program's counts in the gold of rounds 27 and 17).
_CAUSED = re.compile(r"\b(?:(?:led|lead|leads|leading)\s+to|(?:resulted|results|result|resulting)\s+in|blamed\s+for)\s+"
                     r"(?:(?:the\s+)?(?:[a-z]+\s+(?:and\s+)?){0,2}?(?:deportations?|removals?|expulsions?)\s+of\s+)?" + _CMP_WORDS + r"$"
                     r"|\bhelp(?:ed|s)?\s+(?:(?:authorities|officials|agents|officers|police|ICE)\s+)?(?:to\s+)?(?:[a-z]+\s+(?:in\s+)?and\s+)?"
                     r"(?:deport|remove|expel)\s+" + _CMP_WORDS + r"$",
                     re.IGNORECASE)
_AGENT_TYPES = frozenset({"agency", "office", "government", "person", "group", "party", "media"})
# Session 19 (19f): an agency named as the subject of the removal that counts the number, right before it ("Immigration
# and Customs Enforcement (ICE) deported nearly 400,000 undocumented immigrants for the 2011 fiscal year", felipediaz.net;
# "ICE deported nearly 400,000 ...", Ann Arbor's council): the agency's own count, which a title naming the program
# does not make the program's (the sentence names no program of its own).
_AGENT_ACT = re.compile(r"\s*(?:\([^()]{1,15}\)\s*|\)\s*)?(?:(?:has|have|had)\s+)?(?:(?:already|also|now|reportedly)\s+)?"
                        r"(?:deported|removed|expelled)\s+" + _CMP_WORDS + r"$")


def _caused_by_unnamed(text: str, start: int, named: list[tuple[int, str]]) -> bool:
    """Whether the count at `start` is the effect a causal verb gives it, in a clause that names no agent as its cause."""
    cause = _CAUSED.search(text[:start])
    if cause is None:
        return False
    clause_start = max(text.rfind(c, 0, cause.start()) for c in ",;:")  # "according to ICE statistics, print matches have ..."
    # "Immigration agents say the network has helped deport ...": who says it is not the cause (session 18)
    said = [m.end() for m in re.finditer(r"\b(?:says?|said|reports?|reported|notes?|noted)\b(?:\s+that\b)?", text[: cause.start()])]
    clause_start = max([clause_start, *said])
    return not any(clause_start < at < cause.start() and kind in _AGENT_TYPES for at, kind in named)


def figures(
    source: str, span: Span, inside: list[Mention], types: dict[str, str], topic: str | None,
    vocab: Vocabulary, headings: list[tuple[int, str, str]], document_date: str | None,
    period: tuple[int, str, str] | None = None, line_start: int = 0, listed: tuple[int, str, str] | None = None,
    program_in_paragraph: bool = False, about: Topic = Topic(), earlier: list[Candidate] | None = None,
    named_before: bool = False,
) -> tuple[list[Candidate], tuple[int, str, str] | None]:
    """Numbers with a unit, each with the measure the words around it name and the day or period
    they give it. Returns the candidates and the fiscal period in force for the paragraph.
    `earlier`: the figures proposed before this passage (a number that names one again is not proposed).
    `named_before`: whether an earlier sentence of the paragraph names the program measure labels name
    (then "the program", "Of those" of this sentence refer to it)."""
    # "since its launch in late 2008", "implemented in early 2010": the year's part says no more than the year (session 15);
    # blanked, not cut, so that every offset stays the span's
    text = _YEAR_PART.sub(lambda m: " " * len(m.group(0)), span.text)
    at_a_date = {str(m) for m in cue_data().get("at_a_date_measures") or []}
    date_spans = [(s, e, v) for s, e, v in dates_in(text)]
    for years in _YEARS_SPAN.finditer(text):  # "Between 2008 and 2010", "from 2008 to 2010": both years are dates (session 12)
        for g in ("a", "b"):
            if not any(s <= years.start(g) < e for s, e, _ in date_spans):
                date_spans.append((years.start(g), years.end(g), years.group(g)))
    date_spans.sort()
    seasons = [m.start("year") for m in _SEASON_YEAR.finditer(text)]  # "in spring 2009": a year, no count of 2,009 (session 18)
    fiscal = [(m.start(), m.end(), fiscal_year_of(m), bool(_BASE.search(text[: m.start()])))
              for m in FISCAL.finditer(text)]
    fiscal += [(m.start("fy"), m.end(), m.group("fy"), base) for s, e, _, base in list(fiscal)
               if (m := _SECOND_YEAR.match(text, e)) and not any(f[0] <= m.start("fy") < f[1] for f in fiscal)]
    fiscal.sort()
    stated = [f for f in fiscal if not f[3]]
    spans_of = _fiscal_spans(text, stated)
    spanned = _span_of(text, date_spans, document_date)
    # Session 12: a start the sentence states, in a document dated only to its month or year ("Since October 2008,
    # 77,000 people have been deported", in June 2011): to the document's date at its precision, not the start's day
    loose = _loose_span_of(text, date_spans, document_date) if spanned is None else None
    since_relative = _since_relative(text, date_spans, document_date) if spanned is None and loose is None else None
    since_clause = _since_clause(text, date_spans, document_date) \
        if spanned is None and loose is None and since_relative is None else None
    if period is not None and period[0] != line_start:
        period = None
    idioms = [(m.start(), m.end()) for phrase in cue_data().get("idioms") or []
              for m in re.finditer(rf"(?<![\w]){re.escape(str(phrase))}(?![\w])", text, re.IGNORECASE)]
    levels = [(m.start(), m.end()) for m in _LEVELS.finditer(text)]  # "Level 1 and 2 offenders" (session 13)
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text)]
    shares = _shares(text)
    numbers: list[tuple[int, int, str, str, str | None, str]] = []
    parts: dict[int, int] = {}  # the start of a number "of whom" -> the start of the number it is a part of
    wholes: dict[int, int] = {}  # the start of a number "Of the N ..., M" -> the start of its part M (session 13)
    before_passage: dict[int, Candidate] = {}  # the start of a number "Of that number, N" -> the figure before the passage
    for match in _NUMBER.finditer(text):
        start, end = match.start("num"), match.end()
        if any(s <= start < e for s, e, _ in date_spans) or any(s <= start < e for s, e, _, _ in fiscal) or start in seasons:
            continue
        if any(s <= start < e for s, e in idioms) or any(s < start < e for s, e in levels):
            continue  # an idiom; "Level 1 and 2 offenders": a level of the agency's scale, no count (session 13)
        if _MONTH_BEFORE.search(text[:start]) and re.fullmatch(r"\d{1,2}", match.group("num")):
            continue  # "through Jan. 31", "on May 4": the day of a date without its year, no count
        if re.match(r"[\d-]|\([a-z]\)", text[end : end + 3]) or re.search(r"(?:\b[Ll][Ee][Vv][Ee][Ll]|\[|\(|#|No\.)\s*$", text[:start]):
            # ("287(g)": a section of a law, the name of a program, no count; session 13)
            continue
        if _NAME_NUMBER.search(text[:start]) or any(s <= start < e for s, e in phones):
            continue  # "Assembly Bill 1081", "SB 1070", "Section 287", "(212) 555-1234": a name's number, no count (session 14)
        if any(s <= start < e for s, e, _ in shares):
            continue  # "three in 10 people": the terms of a share, no counts (session 14)
        if re.match(r"\s+dozen\b", text[end:], re.IGNORECASE):
            continue  # "2 dozen counties": read as a dozen below (session 14)
        if re.search(r"[a-z]{2}[.,;:”\"’)]$", text[:start]):
            continue  # "since the beginning of the Obama administration.1 Almost ...": a footnote's marker, no count
        if re.match(r"\s*(?:-|–)\s*year", text[end:]):
            continue  # "its 86-year history"
        if re.fullmatch(r"(?:199\d|20[0-3]\d)", match.group(0).strip()) and not re.match(r"\s+[a-z]+", text[end:]):
            continue  # a year ("Since 2008, more than 20 million ..."), not a count: a count is followed by what it counts
        if re.match(r"\s+(?:(?:more|fewer|additional|business|calendar|working)\s+)?(?:hours?|days?|weeks?|months?|years?)\b", text[end:], re.IGNORECASE):
            continue  # "would issue recommendations in 45 days involving the treatment of migrants": a span, no count (session 18)
        unit = _unit(match, text[end:])
        if unit == "persons" and (_GATHERED_AFTER.match(text, end) or _GATHERING_BEFORE.search(text[: match.start()])):
            continue  # "More than 125 people turned out for a forum": a crowd, which no measure counts (session 18)
        if unit == "persons" and match.group("scale") in ("million", "billion") and _POPULATION.match(text, end) \
                and not _REMOVAL_ACT.search(_clause_at(text, start)):
            continue  # "the nation's estimated 11 million illegal immigrants": a population, no count of an act (session 18)
        if unit is None and numbers and re.search(r"\bincluding\s+$", text[: match.start()]):
            unit = numbers[-1][3]  # "77,000 immigrants ..., including more than 28,000 convicted of ..."
        if numbers and unit == numbers[-1][3] and re.fullmatch(r"[^.;:\d]{0,80}?,\s*including\s+", text[numbers[-1][1] : match.start()]):
            parts[match.start()] = numbers[-1][0]  # "..., including 28,000 Level 1 offenders": a part of the count before (session 13)
        if unit is None and numbers and re.fullmatch(r"\s*[a-z]+\s+and\s+", text[numbers[-1][1] : match.start()]) \
                and _unit_named(text[numbers[-1][1] :]) == numbers[-1][3]:
            unit = numbers[-1][3]  # "over 375,000 aliens and 121,000 Level 1 ... convicted criminal aliens": one unit
        if numbers and re.match(r"\s+of\s+(?:whom|which|them|those)\b", text[end:]) \
                and (";" not in text[numbers[-1][1] : match.start()] or re.search(r";\s*$", text[: match.start()])) \
                and unit in (None, numbers[-1][3]):
            unit = numbers[-1][3]  # "86,600 immigrants ... — 31,300 of whom had been convicted": a part, counted as the whole
            parts[match.start()] = numbers[-1][0]
        if unit is None and numbers and re.search(r"\bfrom\s+$", text[: numbers[-1][0]]) \
                and re.fullmatch(r"[^.;:]{0,60}?\bto\s+", text[numbers[-1][1] : match.start()]):
            unit = numbers[-1][3]  # "has grown from 14 jurisdictions in 2008 to more than 1,500": one unit (session 13)
        if unit is None and numbers and _ELLIPSIS_BEFORE.fullmatch(text[numbers[-1][1] : match.start()]) \
                and _ELLIPSIS_AFTER.match(text[end:]) and numbers[-1][3] not in ("percent", "USD") \
                and not re.search(r"\b(?:of|among)\s+(?:the\s+)?$", text[: match.start()]):
            unit = numbers[-1][3]  # "46,000 people in fiscal year 2010 and 80,000 in fiscal year 2011": the unit said once (session 14)
        if unit is None and _REMOVED_BARE.search(text[: match.start()]) and not re.match(r"\s*(?:of|in|from|to)\b", text[end:]):
            unit = "persons"  # "has detained 250,000 immigrants and deported over 200,000.": the act counts people (session 13)
        if numbers and _OF_THE.search(text[: numbers[-1][0]]) and re.fullmatch(r"[^.;:\d]{0,80},\s*", text[numbers[-1][1] : match.start()]) \
                and unit in (None, numbers[-1][3]) and not numbers[-1][0] in parts:
            # "Of the 1,000 (people) deported from the county, 400 were identified through ...": a part of the whole
            # before it, counted as the whole (session 13)
            unit = numbers[-1][3]
            parts[match.start()] = numbers[-1][0]
            wholes[numbers[-1][0]] = match.start()
        that = re.search(r"\b[Oo]f\s+(?:that|this|those|these)(?:\s+(?:number|total|figure|group))?,?\s*$", text[: match.start()])
        if that is not None and not numbers and earlier and unit in (None, earlier[-1].values.get("unit")):
            unit = earlier[-1].values.get("unit")  # "... 48,000 convicted criminal aliens. Of that number, 23,712 have been removed"
            before_passage[match.start()] = earlier[-1]  # "Of those, 195,000 were convicted criminals" too (session 14)
        if unit is None:
            continue
        comparator = _COMPARATORS.get((match.group("cmp") or "").strip().lower())
        numbers.append((match.start(), end, _value(match), unit, comparator, match.group(0).strip()))
    for match in _WORD_NUMBER.finditer(text):  # "eight additional counties", "Six southwest Texas counties"
        count = _word_value(match.group(0))
        if re.match(r"[- ](?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|half|halves|quarter)s?\b", text[match.end() :], re.IGNORECASE):
            continue  # "two-thirds of the 21 people": a fraction, no count of two
        if re.match(r"\s+(?:months?|years?|weeks?|days?|hours?|dozen)\b", text[match.end() :], re.IGNORECASE):
            continue  # "In the program's first six months, more than 266,000 fingerprint submissions": a span, no count
        if count < 2 or any(s <= match.start() < e for s, e in idioms) or any(s < match.end() and match.start() < e for s, e, *_ in numbers) \
                or any(s <= match.start() < e for s, e, _ in shares):
            continue
        unit = _unit_named(text[match.end() :])
        # ("sixty-percent of deportations": a share joined by a hyphen, no count of sixty people; session 19)
        if unit is not None and not re.match(r"\s*(?:of\b|(?:-\s*)?(?:percent|per\s+cent)\b|%)", text[match.end() :], re.IGNORECASE):
            cmp_ = re.search(r"\b(more than|over|about|nearly|almost|approximately|roughly|fewer than|less than|at least)\s+$",
                             text[: match.start()], re.IGNORECASE)
            numbers.append((match.start(), match.end(), str(count), unit,
                            _COMPARATORS.get(cmp_.group(1).lower()) if cmp_ else None, match.group(0)))
    for match in _DOZEN.finditer(text):  # "more than a dozen of Washington's 39 counties" (session 13)
        unit = _unit_named(text[match.end() :])
        if unit is not None and not any(s < match.end() and match.start() < e for s, e, *_ in numbers):
            cmp_ = re.search(r"\b(more than|over|about|nearly|almost|roughly|fewer than|less than|at least)\s+$", text[: match.start()], re.IGNORECASE)
            dozens = match.group("n")  # "two dozen counties" is 24 (session 14)
            many = 1 if not dozens or dozens.lower() in ("a", "one") else int(dozens) if dozens.isdigit() else _word_value(dozens)
            numbers.append((match.start(), match.end(), str(12 * many), unit, _COMPARATORS.get(cmp_.group(1).lower()) if cmp_ else None,
                            match.group(0)))
    for s_, e_, percent in shares:  # "three in 10 people deported ...": a share (session 14)
        if not any(s < e_ and s_ < e for s, e, *_ in numbers):
            numbers.append((s_, e_, str(percent), "percent", "about", text[s_:e_]))
    for phrase, percent in (cue_data().get("fractions") or {}).items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(str(phrase))}\s+of\b", text, re.IGNORECASE):
            if not any(s < m.end() and m.start() < e for s, e, *_ in numbers):
                numbers.append((m.start(), m.end(), str(percent), "percent", "about", m.group(0)))
    numbers = _out_of_all(text, sorted(numbers))
    if numbers and numbers[0][3] == "percent" and earlier and earlier[-1].values.get("unit") == "persons" \
            and _SHARE_OF_THOSE.match(text, numbers[0][1]):
        # "... has deported 95,000 people. More than two-thirds of those had never been convicted": a share of the count
        # the sentence before gave, counted as it is (session 15)
        before_passage[numbers[0][0]] = earlier[-1]
    if stated:
        period = (line_start, *fiscal_period(stated[-1][2]))
    restated, whole = _restated(text, numbers, earlier or [])
    series = _series(text, numbers)
    result = []
    made: dict[int, Candidate] = {}  # the start of a number -> its candidate
    for i, (start, end, value, unit, comparator, shown) in enumerate(numbers):
        if i in restated:
            continue  # "these 10 new counties", "Of the more than 166,000": a figure given before
        of_whole = whole
        if numbers[i][0] in parts and parts[numbers[i][0]] in made:
            of_whole = made[parts[numbers[i][0]]]  # "— 31,300 of whom ...": a part of the number before, dated as it is
        elif numbers[i][0] in before_passage:
            of_whole = before_passage[numbers[i][0]]
        # a program named in another clause, after or before a semicolon ("ICE removed a record 392,000 people ...;
        # Secure Communities played a part"), says nothing of what this count is of (session 12)
        clause = [m for m in inside if ";" not in text[min(m.start - span.start, start) : max(m.end - span.start, end)]
                  and not _CONTRAST.search(text[min(m.start - span.start, start) : max(m.start - span.start, start)])]
        aside = [m for m in clause if _in_relative(text, m.start - span.start, start)]
        if any(types.get(m.entity) == "program" for m in clause if m not in aside):
            # "PEP, which replaced Secure Communities, has led to 12,000": the program of the relative clause is not the
            # count's where the count's own clause names another (session 14; "The county, which joined Secure
            # Communities in 2009, has seen 1,000 deportations" keeps it)
            clause = [m for m in clause if m not in aside]
        if numbers[i][0] in wholes:
            # "Of the 1,000 deported, 400 were identified through Secure Communities": the program named after the part
            # is the part's, not the whole's (session 13)
            clause = [m for m in clause if m.start - span.start < wholes[numbers[i][0]]]
        scope = [span.text[m.start - span.start : m.end - span.start] for m in clause if types.get(m.entity) in TARGET_TYPES]
        if not scope and (about.is_topic or about.only_program or named_before and about.entity) \
                and (_THE_PROGRAM.search(text) or named_before and (_BACK.match(text) or _IT_CAUSED.match(text))
                     or (about.is_topic or named_before) and _caused_by_unnamed(text, start, [
                         (m.start - span.start, types.get(m.entity, "")) for m in inside])):
            # "the program" of the document's program, or of the one a sentence before it in the paragraph names
            # ("Secure Communities has ... In California, the program has led to nearly 80,000 deportations";
            # "... run through S-Comm's databases. Of those, ... 2,614 deportations")
            scope = [" ".join(sorted(about.words))]  # "removed under the program": the document's program
        elif about.entity and any(m.entity == about.entity for m in clause):
            scope.append(" ".join(sorted(about.words)))  # "S-Comm has deported ...": the program by a short form of its name
        measured_about = about
        if about.in_title and not scope and any(types.get(m.entity) == "agency" and m.end - span.start <= start
                                                and _AGENT_ACT.fullmatch(text[m.end - span.start : start]) for m in clause):
            measured_about = replace(about, in_title=False)  # "ICE deported nearly 400,000": the agency's count (session 19)
        leader = numbers[series[i]]  # "rose by 12% in 2008, by 24% in 2009": the series' words are each item's
        own_clause = text[: end + (re.search(r"[;:]|$", text[end:]).start())]  # type: ignore[union-attr]
        own_clause = re.split(r"[;:]", own_clause)[-1] if re.search(r"[;:]", text[:start]) else own_clause
        partial = any(re.search(rf"\b{re.escape(str(p))}\b", own_clause, re.IGNORECASE) for p in cue_data().get("figure_partial_causes") or []) \
            or bool(_PART_THROUGH.match(text[end:]))  # "deported 1 million people ..., many of them through the program" (session 12)
        measure = _measure_near(text, leader[0], leader[1],
                                [n[:2] for j, n in enumerate(numbers) if series[j] != series[i]], unit, vocab,
                                [] if partial else scope, program_in_paragraph and not partial,
                                Topic(about.words, named=about.named, entity=about.entity) if partial else measured_about,
                                _whole_words(vocab, of_whole) if of_whole else frozenset(),
                                min((p for p, w in parts.items() if w == leader[0]), default=None)) or ""
        if of_whole is not None and of_whole.values.get("measure") and _PLACE_PART.match(text[end:]):
            # "..., 5,000 of them in Texas", "Of those, 2,000 were from Harris County": a part limited to a place is a
            # figure of the whole's measure, with the place as its scope (README, round 5) (session 14)
            measure = of_whole.values["measure"]
        if measure and about.words and not any(m.entity == about.entity for m in clause) \
                and _by_other_program(text, start, [(m.start - span.start, span.text[m.start - span.start : m.end - span.start])
                                                    for m in clause if types.get(m.entity) == "program"], vocab):
            measure = ""  # "Under the 287(g) program, 186,000 people were deported": another program's count (session 14)
        # "the program has contributed to the deportation of over 1 million": one cause of all removals, not the program's count
        if measure and not re.search(r"increase|decrease", measure) and _as_change(text, numbers[i][0], end):
            measure = ""  # "an increase of 5,000 deportations", "2,000 more ... than in 2009": a change, no count (session 12)
        if measure in at_a_date and _PLANNED.search(" ".join(_RELATIVE.sub(",", re.split(r"[;:]", text[:start])[-1]).split()[-10:])) \
                and not _NOW.search(text) and not _joins_others(text, start, end):
            measure = ""  # "expects the program to be in 3,100 jurisdictions by 2013": only planned, no count (README; session 12)
        if unit == "jurisdictions" and re.match(r"\s*(?:additional|more|new|other)\b", text[end:], re.IGNORECASE) \
                and not _SINCE_THE_START.search(text):
            measure = ""  # "activated in 25 additional jurisdictions": places added since a later point (README), no measure
        if unit == "states" and _ONE_OF.search(text[:start]):
            # "is one of only nine States that implements the program statewide", "one of only ten states that give
            # in-state tuition": a set the place named is one of, no count of the program's states (session 19, 19g)
            measure = ""
        if unit == "jurisdictions" and (re.match(r"\s*(?:\S+\s+){0,5}?count(?:y|ies)\b", text[end:], re.IGNORECASE)
                                        or _COUNTIES_LISTED.match(text[end:])):
            measure = ""  # a count of counties: no measure of the scheme counts it (jurisdictions-activated is not one)
        if unit == "persons" and any(re.match(rf"\s+(?:[A-Za-z.]+\s+){{0,2}}?{re.escape(str(w))}\b", text[end:], re.IGNORECASE)
                                     for w in cue_data().get("figure_part_nouns") or []):
            measure = ""  # "3,600 U.S. citizens have been wrongly detained", "deport over 3,000 U.S. citizens": a part no concept counts (session 19)
        values = {"measure": measure,
                  "value": value, "unit": unit, "reported_by": _reporter(span, inside, types) or source}
        if comparator:
            values["comparator"] = comparator
        if topic is not None:
            values["about"] = topic
        dated: Dated | None = None
        why_date = ""
        stated_start = False  # the period begins at a start the sentence states ("Since 2007, 467 jurisdictions ...")
        if stated:
            nearest = min(stated, key=lambda f: min(abs(f[0] - end), abs(start - f[1])))
            first, last, point, said = spans_of[nearest[0]]
            if point:
                dated = Dated(last, "stated", f"the end of {said}; check")
                why_date = f"; date: the end of {said}, the count holds at it"
            else:
                values["period_start"], values["period_end"] = first, last
                why_date = f"; period: {said}, nearest to it"
        elif fiscal and period is not None:
            values["period_start"], values["period_end"] = period[1], period[2]
            why_date = "; period: the fiscal year of the paragraph (the one in this sentence is a comparison)"
        elif listed is not None and not date_spans:
            values["period_start"], values["period_end"] = listed[1], listed[2]
            why_date = "; period: the fiscal year of the line that introduces the list"
        elif (months := _month_range(text, document_date)) is not None:
            values["period_start"], values["period_end"] = months
            why_date = "; period: the months the sentence names, from the first's first day to the last's last (session 14)"
            stated_start = True
        elif spanned is not None:
            values["period_start"], values["period_end"] = spanned
            why_date = "; period: from the start the sentence states to the day it is counted through"
            stated_start = True
        elif loose is not None and (loose[2] or values["measure"] not in at_a_date):
            # "beginning in October 2008" of places is where the program ran from then (left as it was)
            values["period_start"], values["period_end"] = loose[0], loose[1]
            why_date = "; period: from the start the sentence states to the document's date (dated to its month or year)"
            stated_start = True
        elif since_relative is not None:
            values["period_start"], values["period_end"] = since_relative
            why_date = "; period: from the start \"since\" names against the document's date, to the document's date"
            stated_start = True
        elif since_clause is not None and (end <= since_clause[2] or start >= since_clause[3]):
            values["period_start"], values["period_end"] = since_clause[0], since_clause[1]
            why_date = "; period: from the start a clause after \"since\" states to the document's date (session 19)"
            stated_start = True
        elif (relative_fy := _relative_fiscal_year(text, start, document_date)) is not None and not date_spans:
            values["period_start"], values["period_end"] = relative_fy[0], relative_fy[1]
            why_date = f"; period: {relative_fy[2]}, against the document's date"
        elif (term := _under_administration(text, document_date)) is not None and not date_spans:
            values["period_start"], values["period_end"] = term
            why_date = "; period: the administration's term the sentence counts under, up to the document's date"
        elif (trailing := _trailing_year(text, document_date)) is not None and not date_spans \
                and not _span_of_other_predicate(text, end):
            values["period_start"], values["period_end"] = trailing
            why_date = "; period: the year up to the document's date (\"in the last year\", \"since ... a year ago\")"
        elif of_whole is not None and not date_spans:
            if "period_start" in of_whole.values:
                values["period_start"], values["period_end"] = of_whole.values["period_start"], of_whole.values["period_end"]
            dated = of_whole.dated
            why_date = f"; date: that of the {of_whole.values['value']} it is a part of"
        else:
            # A date after the document's is a goal ("coverage expected by 2013"), unless the count is said to run through it.
            goal = [d for d in date_spans if _after(d[2], document_date) and not _THROUGH.search(text[: d[0]])]
            # "now in 1,210 jurisdictions, up from 14 in 2008": the date of the comparison's base, not of this count (session 12)
            goal += [d for d in date_spans if d[0] > end and _BASE_DATE.search(text[end : d[0]]) and d not in goal]
            # "has grown from 14 jurisdictions in 2008 to 1,500 today": 2008 is the base's date, not the total's (session 13)
            goal += [d for d in date_spans if d[1] <= start and _BASE_BEFORE.search(_before(text, d))
                     and re.fullmatch(r"[^\d.;]{0,60}?\bto\s+", text[d[1] : start]) and d not in goal]
            as_of = [d for d in date_spans if (_AS_OF.search(text[: d[0]]) or _AT_END.search(_before_of(text, d))) and d not in goal]
            if not as_of:  # "In Colorado, through March, ...": a month without its year, the last one on or before the document
                # "Through the end of September", "By the end of last year": the last day of a month or year said against
                # the document's date (session 14; the "of" is the relative date's own)
                as_of = [d for d in _dates_and_relative(text, document_date) if d not in date_spans
                         and (len(d[2]) in (7, 10) or len(d[2]) == 4 and _AT_END.search(_before_of(text, d)))
                         and (_AT_END.search(_before_of(text, d)) or re.match(r"(?:through|thru)\b", text[d[0] : d[1]], re.IGNORECASE)
                              # "As of February", "ICE statistics from February": the count held then, at the month (session 13)
                              or _AS_OF_MONTH.search(_before_of(text, d)) or _DATA_FROM.search(_before_of(text, d)))]
                as_of += _data_month(text, document_date)
            plain = [d for d in date_spans if (not _START_WORDS.search(text[: d[0]]) or _own_count_at(text, d, start))
                     and not _bare_count_at(text, d, start)
                     and not _other_clause(text, d[0], start)
                     and d not in goal and not _present_predicate(text, d, start)]
            own = [d for d in plain if not _other_predicate(text, d, start, end)]
            if own and len(own) < len(plain) and own[0][0] > end and _FROM.search(_before(text, own[0])) \
                    and values["measure"] in at_a_date:
                # "introduced ... in March 2008 and piloted in 14 jurisdictions beginning in October 2008": the count's
                # own predicate dates it (places where it runs from that start), not the date of the act before "and"
                plain = own
            begun = [d for d in date_spans if d not in goal and not _other_clause(text, d[0], start) and d[1] <= start and _BEGUN_IN.search(_before(text, d))
                     and not _COUNT_AT.search(_before(text, d))
                     and (_HAS_SINCE.search(text[d[1] : start])
                          # "went into effect in the county in March 2010, and 500 people have been deported" (session 12)
                          or _AND_BEFORE.search(text[d[1] : start]) and _PERFECT_AFTER.match(text[end:]))]
            ending = [d for d in _dates_and_relative(text, document_date) if len(d[2]) == 10 and _YEAR_ENDING.search(text[: d[0]])
                      and d not in goal and not _after(d[2], document_date)]
            if ending:
                # "in the year ending Sept. 30, 2010", "the fiscal year that ended Sept. 30": the twelve months up to that day
                last_ = date.fromisoformat(ending[0][2])
                first_ = (last_.replace(year=last_.year - 1) if not (last_.month == 2 and last_.day == 29)
                          else last_.replace(year=last_.year - 1, day=28)) + timedelta(days=1)
                values["period_start"], values["period_end"] = first_.isoformat(), last_.isoformat()
                why_date = "; period: the year ending on the day the sentence gives"
            elif begun and not as_of and document_date and not _after(begun[-1][2], document_date):
                # "was implemented in September 2010 in X County and has led to the removal of 53": a count since the start
                values["period_start"], values["period_end"] = begun[-1][2], document_date
                why_date = "; period: from the start the sentence states to the document's date (a count since it)"
            elif as_of:
                chosen = min(as_of, key=lambda d: abs(d[0] - start))
                value_ = chosen[2]
                if len(value_) < 10 and (_AT_END.search(_before_of(text, chosen))
                                         or re.match(r"(?:through|thru)\b", text[chosen[0] : chosen[1]], re.IGNORECASE)):
                    # "through March 2012": the count runs to its last day; "as of August 2014" names no day of
                    # the month and stays the month (README: a time no more precise than the text)
                    value_ = _last_day(value_)
                dated = Dated(value_, "stated")
                why_date = "; date: the day it is counted through"
            elif plain:
                closest = min(plain, key=lambda d: abs(d[0] - start))
                part = _PART_OF_YEAR.search(_before(text, closest)[-40:]) if len(closest[2]) == 4 else None
                if part is not None and values["measure"] not in at_a_date:
                    values["period_start"], values["period_end"] = _part_of_year(part, closest[2])
                    why_date = "; period: the half or quarter of the year the sentence names (session 14)"
                elif values["measure"] and values["measure"] not in at_a_date and _during(text, closest):
                    values["period_start"], values["period_end"] = _whole(closest[2])  # "rose by 12% in 2008": over the year
                    why_date = "; period: the year or month it is counted in, nearest to it"
                else:
                    dated = Dated(closest[2], "stated")
                    why_date = "; date: the date nearest to it"
            elif any(not re.search(r"\b(?:launch\w*|began|begun|start\w*|creat\w*|establish\w*|introduc\w*|since|founded)\b"
                                   r"[^.;]{0,40}$", text[: r.start]) for r in when.find(text, document_date)) and not _NOW.search(text):
                dated = date_for(span, headings, document_date)  # "as of Tuesday", "last week": against the document's date
                why_date = "; date: the relative date of the sentence"
                if dated is not None and values["measure"] and values["measure"] not in at_a_date and document_date \
                        and re.fullmatch(r"\d{4}(?:-\d\d)?", dated.value) and _whole(dated.value)[1] < document_date:
                    # "resulted in the deportation of 72,000 people last year": a count over a whole year or month
                    # already past, as "in 2010" is (the README's "during a year is over it")
                    values["period_start"], values["period_end"] = _whole(dated.value)
                    dated, why_date = None, "; period: the whole year or month the sentence counts in (relative to the document's date)"
                elif dated is not None and "/" in dated.value and document_date and len(document_date) < 10 \
                        and not dated.value.startswith("../"):
                    # "announced Tuesday that three more counties ..." in a text dated only to its year (month): some
                    # Tuesday up to its end, which the text places no more precisely than the document's own date
                    dated = Dated(document_date, "document-date", f"the document's date ({dated.value} against it); check")
                    why_date = "; date: the document's (a weekday against a date with no day)"
                elif dated is not None and dated.value.startswith("../") and document_date:
                    # "The activation earlier this week ... means ... all 58 counties": an act on or before the day, the count as of it
                    dated = Dated(document_date, "document-date", f"the document's date (the sentence's act is {dated.value}); check")
                    why_date = "; date: the document's (the sentence's act is undated before it)"
                elif dated is not None and document_date and _FUTURE.search(text) and "/" not in dated.value \
                        and re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", dated.value) \
                        and when.bounds(dated.value)[1] >= when.bounds(document_date)[1]:
                    # "In June and July, it will go on-line in eight more counties" (said on June 2): when the act
                    # is to come, not when the count holds; the plan is counted as of the document's date
                    dated = Dated(document_date, "document-date", f"the document's date (the sentence's act is to come, {dated.value}); check")
                    why_date = "; date: the document's (the act is to come)"
            elif _NOW.search(text) and document_date:
                dated = Dated(document_date, "document-date", "the document's date (the text says \"to date\" or \"today\"); check")
                why_date = "; date: the document's (\"to date\")"
            else:
                dated = date_for(Span(span.start, span.start, "", span.heading), headings, document_date)
                if dated is not None and document_date and _after(dated.value, document_date):
                    dated = Dated(document_date, "document-date", "the document's date (the line's date is after it: a goal); check")
                elif dated is not None and document_date and dated.basis == "post-date" and any(dated.value == g[2] for g in goal):
                    # "in 1,595 jurisdictions in 44 states, up from 14 jurisdictions in 2008": the passage's only date is
                    # the base's, which this count was set apart from; it holds at the document's date (session 13)
                    dated = Dated(document_date, "document-date", "the document's date (the sentence's date is of a comparison's base); check")
        if dated is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", dated.value) and dated.basis in ("stated", "relative") \
                and any(v == dated.value and re.search(r"\bbefore\s+$", text[:s], re.IGNORECASE)
                        for s, _, v in _dates_and_relative(text, document_date)):
            # "implemented ... before May 25": the count holds on the day before, not on the day named
            day = (date.fromisoformat(dated.value) - timedelta(days=1)).isoformat()
            dated = Dated(day, dated.basis, f"the day before {dated.value} (the count is of what came before it); check")
            why_date += "; the day before the one it is counted before"
        if values["measure"] in at_a_date and "period_end" in values and not stated_start:
            # places activated: a count at a day; but a span with a stated start ("Since 2007, 467 jurisdictions
            # in 26 states have joined") stays a period, for a cumulative measure too (the README's figure rule)
            dated = Dated(str(values.pop("period_end")), "stated", "the end of the period the text gives; check")
            values.pop("period_start", None)
            why_date += " (a count at a date: the period's last day)"
        if unit in ("percent", "USD") and not values["measure"]:
            continue  # a share or a sum no measure of the scheme counts ("55 percent of the people removed", a budget) is no figure
        why = f"the figure {shown!r} {unit}" + ("" if values["measure"] else "; choose a measure") + why_date
        candidate = Candidate("figures", values, [span], why, dated)
        candidate.score = 0.8 if values["measure"] else 0.3
        result.append(candidate)
        made[numbers[i][0]] = candidate
    return result, period


# "six northern California jurisdictions - Alpine, Del Norte, ... and Trinity counties": the items,
# listed after a dash, colon or parenthesis, are counties.
_COUNTIES_LISTED = re.compile(r"\s*(?:[\w-]+\s+){0,4}?jurisdictions?\s*(?:[-–—:(]|--)\s*[^.;()]{0,150}?\b(?:counties|parishes)\b",
                              re.IGNORECASE)
# Session 14 (14f): the words before a number that make it a name's or a reference's number (cues.yaml
# `figure_name_numbers`: "Assembly Bill 1081", "SB 1070", "Section 287"), and telephone numbers.
def _name_number() -> re.Pattern[str]:
    return re.compile(r"(?:" + "|".join(f"(?:{w})" for w in cue_data().get("figure_name_numbers") or []) + r")\s*(?:No\.\s*)?$")


_NAME_NUMBER = _name_number()
_PHONE = re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[-.])?\b\d{3}[-.]\d{4}\b|\b1-\d{3}-\d{3}-\d{4}\b")
# "three in 10 people", "7 out of 10 deportees", "one in four": a share of what follows (session 14).
_SHARE_TERMS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_SHARE = re.compile(r"(?<![\w,.-])(?P<n>\d{1,2}|" + "|".join(_SHARE_TERMS) + r")\s+(?:in|out\s+of)\s+(?:every\s+)?"
                    r"(?P<m>10|100|[2-5]|ten|three|four|five|two)\b(?![\w,.]*\s*(?:percent|%|years?|months?|days?|weeks?)\b)(?!\.\d)",
                    re.IGNORECASE)


def _shares(text: str) -> list[tuple[int, int, int]]:
    """The shares a text says as "N in M" ("three in 10 people", "7 out of 10"): (start, end, percent)."""
    found = []
    for m in _SHARE.finditer(text):
        n, of = (int(g) if g.isdigit() else _SHARE_TERMS[g.lower()] for g in (m.group("n"), m.group("m")))
        if 0 < n < of:
            found.append((m.start(), m.end(), round(100 * n / of)))
    return found


# A month's name right before a number makes the number its day ("through Jan. 31", "on May 4").
_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:[a-z]{0,6})\.?\s+$")

# "The data is current through Jan. 31.": the day the paragraph's counts hold.
_CURRENT_THROUGH = re.compile(r"\b(?:data|figures|numbers|statistics|counts?)\s+(?:is|are|were|was)\s+(?:current|accurate|updated)\s+"
                              r"(?:through|as\s+of)\s+$", re.IGNORECASE)


def current_through(found: list[Candidate], text: str, document_date: str | None) -> list[Candidate]:
    """The candidates with the figures of a paragraph that says how current its data is ("The data
    is current through Jan. 31.") counted through that day, where they held on the document's date
    (a count "to date", or since a start): the paragraph's own date for them is that day."""
    for paragraph in re.finditer(r"(?:[^\n]|\n(?!\s*\n))+", text):
        said = [(d, paragraph.start() + s) for s, e, d in _dates_and_relative(paragraph.group(0), document_date)
                if _CURRENT_THROUGH.search(paragraph.group(0)[:s])]
        if not said:
            continue
        day = said[0][0] if len(said[0][0]) == 10 else _last_day(said[0][0])
        for c in found:
            if c.kind != "figures" or not paragraph.start() <= c.quote[0].start < paragraph.end():
                continue
            if c.values.get("period_end") == document_date and c.values.get("period_start", "") < day:
                c.values["period_end"] = day
                if len(c.values["period_start"]) == 7:  # from a month through a day: from the month's first day (README)
                    c.values["period_start"] += "-01"
                c.why += f"; the paragraph says its data is current through {day}"
            elif "period_start" not in c.values and c.dated is not None and c.dated.basis == "document-date":
                c.dated = Dated(day, "stated", "the day the paragraph says its data is current through; check")
                c.why += f"; the paragraph says its data is current through {day}"
    return found


# "since the program's initial activation", "since its inception": a start the sentence names but does not date.
_SINCE_THE_START = re.compile(r"\bsince\s+(?:the\s+program['’]s|its)\s+(?:initial\s+|first\s+)?(?:activation|start|launch|inception|creation|beginning)\b",
                              re.IGNORECASE)
# Where the document dates the program's start: "Secure Communities, created in 2008, ...", "In 2008, ICE launched ...".
_STARTED = re.compile(r"\b(?:created|launched|began|begun|started|established|introduced)\s+(?:in\s+)?$|\b[Ii]n\s+$", re.IGNORECASE)


# "In the program's first six months, more than 266,000 fingerprint submissions were run": a span counted from the start.
_SPAN_WORDS = {w: i + 2 for i, w in enumerate("two three four five six seven eight nine ten eleven twelve".split())}
_FIRST_SPAN = re.compile(r"\b(?:in|during|over|for)\s+(?:the\s+program['’]s|its)\s+first\s+(?P<n>\d+|" + "|".join(_SPAN_WORDS) + r")\s+"
                         r"(?P<unit>months|years)\b", re.IGNORECASE)
# A start the document gives only relatively: "Since Harris County started using the database in October".
_STARTED_AT = re.compile(r"\b(?:created|launched|began|begun|started|establish\w*|introduced|activated|implemented)\b[^.;:]{0,40}$", re.IGNORECASE)


def _as_period(c: Candidate, start: str, end: str, why: str) -> None:
    """Make the count of `c` a period from `start` to `end` (no single date), saying why."""
    c.values["period_start"], c.values["period_end"] = start, end
    c.dated = None
    c.why += why


def first_months(found: list[Candidate], text: str, document_date: str | None) -> list[Candidate]:
    """The candidates with a count "in the program's first six months" counted from the start the document
    gives (a month: "started using the database in October", said in July 2009, is 2008-10) through the
    N-th month, to the month (README, round 15: "the first N months" from a start month); a part the next
    sentence gives of it ("That includes 5,369 matches in Harris County") the same. Unchanged where the
    document gives no start to the month, or gives more than one."""
    starts = {v for s, e, v in _dates_and_relative(text, document_date) if len(v) == 7 and _STARTED_AT.search(text[max(0, s - 60) : s])
              and not re.match(r"\s*(?:19|20)\d\d\b", text[e:])}
    if len(starts) != 1:
        return found
    year, month = (int(x) for x in next(iter(starts)).split("-"))
    done: dict[str, tuple[str, str]] = {}
    last_done: Candidate | None = None
    for c in found:
        if c.kind != "figures" or "period_start" in c.values:
            continue
        said = c.quote[0].text
        span = _FIRST_SPAN.search(said)
        whole = re.search(r"that of the (\d+) it is a part of", c.why)
        if whole is None and re.match(r"\s*(?:That|This|It)\s+includes\b", said) and last_done is not None \
                and last_done.values.get("unit") == c.values.get("unit"):
            whole = re.match(r"(.*)", last_done.values["value"])  # "That includes 5,369 matches in Harris County": a part, dated as its whole
        if span is not None:
            n = int(span.group("n")) if span.group("n").isdigit() else _SPAN_WORDS[span.group("n").lower()]
            months = n * 12 if span.group("unit").lower() == "years" else n
            index = year * 12 + month - 1 + months - 1
            last = f"{index // 12}-{index % 12 + 1:02d}"
            if document_date and last > document_date[:7]:
                continue
            done[c.values["value"]] = (f"{year}-{month:02d}", last)
            why = f"; period: the first {span.group('n')} {span.group('unit')} from the start the document gives ({year}-{month:02d})"
            last_done = c
        elif whole is not None and whole.group(1) in done:
            why = f"; period: that of the {whole.group(1)} it is a part of"
        else:
            continue
        _as_period(c, *(done.get(c.values["value"]) or done[whole.group(1)]), why)  # type: ignore[union-attr]
    return found


def since_the_start(found: list[Candidate], text: str) -> list[Candidate]:
    """The candidates with a count "since the program's initial activation" (a start the sentence
    does not date) counted from the start the document gives elsewhere ("Secure Communities,
    created in 2008, ..."; "In 2008, ICE launched Secure Communities"): a period from it, at the
    precision the text gives it, to the day the count holds."""
    starts = [(s, v) for s, e, v in dates_in(text) if _STARTED.search(text[max(0, s - 40) : s])
              and re.search(r"\b(?:creat|launch|began|begun|start|establish|introduc)\w*", text[max(0, s - 40) : s + 80], re.IGNORECASE)]
    if not starts:
        return found
    start = starts[0][1]
    at_a_date = {str(m) for m in cue_data().get("at_a_date_measures") or []}
    for c in found:
        said = c.quote[0].text
        launch = _SINCE_THE_START.search(said)
        if c.kind != "figures" or "period_start" in c.values or c.dated is None or launch is None:
            continue
        shown = re.match(r"the figure '(.+?)' ", c.why)
        number = said.find(shown.group(1), launch.end()) if shown else -1
        if 0 <= number and re.fullmatch(r"\s+in\s+(?:just\s+|only\s+)?", said[launch.end() : number]):
            # "Since its launch in just seven counties in late 2008": the count at the start, dated at it
            c.dated = Dated(start, "stated", "the program's start, where this count was; check")
            c.why += f"; date: the program's start the document gives ({start}), the count at its launch"
            continue
        if c.values.get("measure") in at_a_date:
            continue  # where the program is active: a count at its day, not over a period
        if start < c.dated.value:
            _as_period(c, start, c.dated.value, f"; period: from the program's start the document gives ({start})")
    return found


def _dates_and_relative(text: str, document_date: str | None) -> list[tuple[int, int, str]]:
    """The dates of a text, absolute ones and those resolved against the document's date ("Jan. 31")."""
    found = list(dates_in(text))
    for r in when.find(text, document_date):
        value, _ = when.plain(r)
        if value is not None and not any(s <= r.start < e for s, e, _ in found):
            found.append((r.start, r.end, value))
    return sorted(found)


_UNITS_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen").split()
_TENS_WORDS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_WORD_NUMBER = re.compile(r"\b(?:(?:(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
                          + "|".join(_UNITS_WORDS[2:]) + r")(?:[- ](?:hundred|thousand|million))?)\b",
                          re.IGNORECASE)  # "Twelve-hundred counties", "two thousand"
_WORD_SCALES = {"hundred": 100, "thousand": 1000, "million": 1000000}
# "a dozen counties" is 12; "dozens of" and "half a dozen" are not (session 13).
_DOZEN = re.compile(r"(?<!half\s)\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|[2-9])\s+dozen\b(?!s)", re.IGNORECASE)
# A removal verb right before a number that has no noun of its own: "and deported over 200,000." (session 13)
_REMOVED_BARE = re.compile(r"\b(?:deported|removed|expelled)\s+$", re.IGNORECASE)


def _word_value(words: str) -> int:
    """"eight" 8, "twenty-five" 25, "Twelve-hundred" 1200."""
    parts = re.split(r"[- ]", words.lower())
    scale = _WORD_SCALES.get(parts[-1], 1)
    if scale > 1:
        parts = parts[:-1]
    value = _TENS_WORDS.get(parts[0], 0) or _UNITS_WORDS.index(parts[0])
    return (value + (_UNITS_WORDS.index(parts[1]) if len(parts) > 1 else 0)) * scale


# Session 15 (15f): "active in just one of 15 public safety jurisdictions", "a dozen of Washington's 39 counties": the
# number after "N of (the, a place's) " is the whole the count is taken out of, no count of where the program runs or
# what it did; "one" is the count. Not after a verb of being ("The county is one of 28 jurisdictions that are using the
# program"): there the whole is what the clause counts and "one" names a member. A part in digits ("68 of 118 deportations") is a
# breakdown of a count, not a member of a set: both numbers stay (round 25, after its run).
_OF_ALL = (r"\s+of\s+(?:(?:the|only|all|just|its|their|[A-Z][\w.-]*['’]s?)\s+)*")
_PART_BEFORE = re.compile(r"(?:\bdozen|\bone|" + _WORD_NUMBER.pattern + r")" + _OF_ALL + r"$", re.IGNORECASE)
_MEMBER = re.compile(r"\b(?:is|are|was|were|be|been|being|as|among|remains?|became|becomes)\s+(?:(?:just|only)\s+)?$", re.IGNORECASE)


def _out_of_all(text: str, numbers: list[tuple[int, int, str, str, str | None, str]]) -> list[tuple[int, int, str, str, str | None, str]]:
    """The numbers without the wholes that a count is taken out of ("just one of 15 jurisdictions": the 15), with the
    count in words before such a whole ("one", "twelve"), in the whole's unit (session 15)."""
    kept = []
    for number in numbers:
        before = _PART_BEFORE.search(text[: number[0]])
        if before is None or re.match(r"one\b", before.group(0), re.IGNORECASE) and _MEMBER.search(text[: before.start()]):
            kept.append(number)
            continue
        word = re.match(r"one|" + _WORD_NUMBER.pattern, before.group(0), re.IGNORECASE)
        if word is not None and not any(s <= before.start() < e for s, e, *_ in numbers):
            # "one of 15 jurisdictions", "twelve of the state's 58 counties": the count, in the whole's unit
            comparator = re.search(r"\b(at\s+least|more\s+than|over|nearly|about|almost)\s+$", text[: before.start()], re.IGNORECASE)
            kept.append((before.start(), before.start() + word.end(), "1" if word.group(0).lower() == "one" else str(_word_value(word.group(0))),
                         number[3], _COMPARATORS.get(comparator.group(1).lower()) if comparator else None, word.group(0)))
    return sorted(kept)


# A relative clause set off by commas ("Secure Communities, which Congress funded in 2008, has ...").
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*,")


def _other_clause(text: str, at: int, number: int) -> bool:
    """Whether the date at `at` belongs to another clause than the number at `number`: a clause
    after a semicolon, or a relative clause between commas that holds the date and not the number
    (its date is when that clause's act happened, not when the count holds)."""
    low, high = min(at, number), max(at, number)
    if ";" in text[low:high]:
        return True
    return _in_relative(text, at, number)


# Session 14 (14f): the words after a part that only say where its people were ("5,000 of them in Texas", "2,000
# were from Harris County", "400 deported from the county."), up to the clause's end.
_PLACE_PART = re.compile(r"\s+(?:(?:people|persons|individuals|immigrants)\s+)?(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:were|was|are|have\s+been|had\s+been)\s+)?"
                         r"(?:(?:deported|removed)\s+)?(?:from|in)\s+(?:the\s+)?(?:(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*|county|state|city|area|region)"
                         r"\s*(?:[.;,)]|$)")


def _by_other_program(text: str, number: int, named: list[tuple[int, str]], vocab: Vocabulary) -> bool:
    """Whether the count at `number` is given to a program that no measure label names, in its own clause: the
    programs named in the clause are all other programs (287(g), the Priority Enforcement Program), and one of them
    stands within fifteen words of the number with no ", and" or "." between ("Under the 287(g) program, 186,000
    people were deported"; not "ICE removed 392,000 people, and 287(g) agreements covered ..."). Such a count is no
    part of this program's measures nor a total of all removals (session 14)."""
    labels = [set(_label_words(c.label)) for c in vocab.schemes.get("measure", {}).values()]
    fitting = [set(_label_words(name)) - {"program"} for _, name in named]
    if not fitting or any(f and any(f <= label for label in labels) for f in fitting):
        return False
    for at, _ in named:
        between = text[min(at, number) : max(at, number)]
        if len(re.findall(r"\w+", between)) <= 15 and not re.search(r",\s+and\b|[.!?]\s", between):
            return True
    return False


# Session 14 (14f): a second count whose unit the first one gave ("46,000 people in fiscal year 2010 and 80,000 in fiscal
# year 2011", "1,595 jurisdictions today, compared with 14 in 2008"): the words between the two and after the second.
_ELLIPSIS_BEFORE = re.compile(r"(?=[^.;:]*?(?:,|\band\b|\bto\b|\bwhile\b|\bthan\b|\bversus\b))(?:[^.;:\d]|\b(?:19|20)\d\d\b){0,80}?\s+"
                              r"(?:(?:more\s+than|nearly|about|over|some|almost|roughly|approximately|just|only)\s+)?", re.IGNORECASE)
_ELLIPSIS_AFTER = re.compile(r"\s+(?:in|during|for|by|through|as\s+of|last|this|the\s+(?:year|month)\s+before|today|now|so\s+far|to\s+date)\b"
                             r"|\s*(?:[.;)]|,\s+(?:and|while|but|up|down)\b|$)",
                             re.IGNORECASE)


def _bare_count_at(text: str, date: tuple[int, int, str], start: int) -> bool:
    """Whether the date is that of another, bare, count right before it ("In 2009, ... 2,000 people, and 3,000 in
    2010": 2010 is the 3,000's), not of the number at `start` (session 14)."""
    said = re.search(r"\b\d[\d,.]*(?:\s+(?:million|thousand))?\s+(?:in|during)\s+$", _before(text, date))
    if said is not None and said.start() != start and not (said.start() <= start < said.end()):
        return True
    # "2,000 people in 2008, and has deported 77,000 in all": a count with its noun, dated, before this one (session 14)
    said = re.search(r"\b\d[\d,.]*(?:\s+(?:million|thousand))?(?:\s+[A-Za-z-]+){1,3}?\s+(?:in|during)\s+$", _before(text, date))
    return said is not None and said.start() < start and date[1] <= start and not (said.start() <= start < said.end())


# Session 14 (14f): "in the first half of 2011", "the third quarter of 2010": a part of a calendar year (a fiscal year's
# is read with FISCAL).
_PART_OF_YEAR = re.compile(r"\b(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?P<part>half|quarter)\s+of\s+(?:the\s+(?:year\s+)?)?(?:in\s+)?$",
                           re.IGNORECASE)


def _part_of_year(said: re.Match[str], year: str) -> tuple[str, str]:
    """The first and last day of the half or quarter of calendar year `year` that `said` names."""
    which = said.group("which").lower()
    months = 6 if said.group("part").lower() == "half" else 3
    index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}.get(which, 12 // months - 1)
    first = index * months + 1
    return f"{year}-{first:02d}-01", _last_day(f"{year}-{first + months - 1:02d}")


# Session 14 (14f): "from January to March 2011", "between October 2008 and June 2011", "between January and June" (no
# year: the last such months on or before the document's date): from the first month's first day to the last's last.
_MONTH_NAMES = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_MONTH_RANGE = re.compile(r"\b(?:[Ff]rom|[Bb]etween)\s+(?P<m1>" + _MONTH_NAMES + r")(?:\s+(?P<y1>(?:19|20)\d\d))?\s+(?:to|through|thru|and|until)\s+"
                          r"(?:the\s+end\s+of\s+)?(?P<m2>" + _MONTH_NAMES + r")(?:\s+(?P<y2>(?:19|20)\d\d))?\b(?!\s+\d)")


def _month_range(text: str, document_date: str | None) -> tuple[str, str] | None:
    """The period of the one month range a sentence names ("from January to March 2011"), else None."""
    said = list(_MONTH_RANGE.finditer(text))
    if len(said) != 1 or not document_date or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", document_date):
        return None
    m = said[0]
    first, last = (_MONTHS.index(next(n for n in _MONTHS if n.startswith(g.lower().rstrip(".")[:3]))) + 1
                   for g in (m.group("m1"), m.group("m2")))
    if m.group("y2"):
        y2 = int(m.group("y2"))
    elif len(document_date) >= 7:
        y2 = int(document_date[:4]) if last <= int(document_date[5:7]) else int(document_date[:4]) - 1
    else:
        return None
    y1 = int(m.group("y1")) if m.group("y1") else (y2 if first <= last else y2 - 1)
    start, end = f"{y1}-{first:02d}-01", _last_day(f"{y2}-{last:02d}")
    if start > end or _after(end[:7], document_date):
        return None
    return start, end


# Session 14 (14f): words that set two clauses against each other ("The Priority Enforcement Program has led to 12,000
# deportations, while Secure Communities ..."): a program named in the other clause says nothing of the count.
_CONTRAST = re.compile(r",\s+(?:while|whereas|but|although|though|unlike)\b|\s(?:while|whereas)\s")


def _in_relative(text: str, at: int, number: int) -> bool:
    """Whether the name or date at `at` stands in a relative clause between commas that does not hold the number at `number`."""
    return any(m.start() <= at < m.end() and not m.start() <= number < m.end() for m in _RELATIVE.finditer(text))


# "was implemented in September 2010 ... and has led to the removal of 53": the start of what a count in the
# perfect after it counts ("and has led to", "and have removed"), so the count runs from it to the document's date.
_BEGUN_IN = re.compile(r"\b(?:implemented|activated|launched|deployed|introduced|started|began|begun|joined|adopted|into\s+effect|took\s+effect)\s+"
                       r"(?:(?!and\b)\w+\s+){0,3}?(?:in|on)\s+$", re.IGNORECASE)
_HAS_SINCE = re.compile(r"\b(?:and|which|that)\s+(?:has|have)\s+(?:(?:since|already|now)\s+)?(?:led|resulted|\w+ed)\b(?![^.;]*\b(?:in|on|by|since)\s+(?:19|20)\d\d)",
                        re.IGNORECASE)


# "... in March 2008 and piloted in 14 ...": a second predicate of the same subject, joined by "and".
_AND_PREDICATE = re.compile(r"\band\s+(?:then\s+|later\s+)?(?:(?:was|were|has\s+been|have\s+been|is|are)\s+)?[a-z]+ed\b")


def _other_predicate(text: str, date: tuple[int, int, str], start: int, end: int) -> bool:
    """Whether a date belongs to another predicate than the number's: "and" and a verb in -ed stand
    between them ("was introduced in March 2008 and piloted in 14 jurisdictions": March 2008 is when it
    was introduced, not when the 14 count holds)."""
    between = text[date[1] : start] if date[1] <= start else text[end : date[0]]
    return bool(_AND_PREDICATE.search(between))


# "..., and is currently working in at least 48 communities", "and now covers 95 jurisdictions": a predicate of the
# present joined by "and" after the date; the count holds when the text speaks, not at the date of the act before it.
_NOW_PREDICATE = re.compile(r"\band\s+(?:(?:is|are|has|have)\s+)?(?:currently|now|so\s+far|to\s+date)\b", re.IGNORECASE)


def _present_predicate(text: str, date: tuple[int, int, str], start: int) -> bool:
    """Whether the number at `start` stands in a predicate of the present ("and is currently", "and now")
    joined after the date's own predicate: "The program, announced in March 2008, ... and is currently
    working in at least 48 communities" counts at the document's date, not in March 2008."""
    return date[1] <= start and bool(_NOW_PREDICATE.search(text[date[1] : start]))


def _span_of_other_predicate(text: str, end: int) -> bool:
    """Whether the span counted back from the document's date ("in the past two years") comes after the
    number and "and": the span of another predicate ("The program is in 788 jurisdictions ..., and in the
    past two years has led to the expulsion of ..."), not of this count."""
    said = _TRAILING_YEARS.search(text) or _TRAILING_YEAR.search(text)
    return said is not None and said.start() >= end and bool(re.search(r"\band\b", text[end : said.start()]))


def _fiscal_spans(text: str, stated: list[tuple[int, int, str, bool]]) -> dict[int, tuple[str, str, bool, str]]:
    """For each fiscal year the sentence states (not a comparison base): (first day, last day,
    whether the count holds at its end, how it was read). "at the end of FY11" and "through
    fiscal year 2011" are the last day (2011-09-30); "the first half of fiscal year 2012" is
    2011-10-01/2012-03-31; "fiscal year 2011 and the first half of fiscal year 2012" one period
    from the first's start to the second's end."""
    result: dict[int, tuple[str, str, bool, str]] = {}
    for start, end, year, _ in stated:
        first, last = fiscal_period(year)
        said = f"fiscal year {year}"
        half = _HALF.search(text[:start]) or _QUARTER.search(text[:start])
        if half and half.re is _QUARTER:
            number = int(half.group("q") or _QUARTERS[half.group("which").lower()])
            first, last = _quarter_period(year, number)
            said = f"the {['first', 'second', 'third', 'fourth'][number - 1]} quarter of fiscal year {year}"
        elif half and half.group("which").lower() == "first":
            last, said = f"{year}-03-31", f"the first half of fiscal year {year}"
        elif half:
            first, said = f"{year}-04-01", f"the second half of fiscal year {year}"
        point = bool(_AT_END.search(text[: half.start() if half else start]))
        result[start] = (first, last, point, said)
    for (a, a_end, _, _), (b, _, _, _) in zip(stated, stated[1:]):
        if _JOINED.fullmatch(text[a_end:b]) and not result[a][2] and not result[b][2]:
            joined = (result[a][0], result[b][1], False, f"{result[a][3]} to {result[b][3]}")
            result[a] = result[b] = joined
    return result


_FROM = re.compile(r"\b(?:from|since|beginning|starting|between)\s+(?:(?:in|on|its\s+\w+\s+in|the\s+\w+\s+of)\s+)?$", re.IGNORECASE)
# A start stated by the event that began the count: "from its start in Nevada in May 2009",
# "since Secure Communities began in October 2008", "since it was activated in the state in".
# "since the inception of the Secure Communities program in 2008": the start of a named program, its year.
_FROM_EVENT = re.compile(r"\b(?:[Ff]rom|[Ss]ince)\s+(?:its\s+(?:(?:first|initial|official|nationwide|pilot)\s+)?\w+|(?:[A-Z][\w()-]*\s+){1,4}(?:began|started|was\s+launched|was\s+activated)|it\s+(?:began|started|was\s+launched|was\s+activated)"
                         r"|the\s+(?:inception|start|launch|beginning|creation|introduction|activation)\s+of\s+(?:the\s+)?(?:[A-Z][\w()-]*\s+){0,3}[A-Z][\w()-]*(?:\s+[Pp]rogram)?)"
                         r"(?:\s+(?:in|on)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\s+(?:in|on)\s+$")


# Session 12 (17f): a start stated by any subject's act, not only a capitalized name's: "since the program began in
# October 2008", "since the county joined the program in 2009", "since it was first activated there in".
_FROM_ACT = re.compile(r"\b(?:[Ss]ince|[Ff]rom\s+the\s+time)\s+(?:[\w'’-]+\s+){1,5}?(?:began|started|took\s+effect|went\s+into\s+effect"
                       r"|joined|(?:was|were)\s+(?:first\s+)?(?:launched|activated|implemented|introduced|created|adopted|established"
                       r"|deployed|piloted|instituted|rolled\s+out|put\s+in\s+place|set\s+up|started|turned\s+on|switched\s+on))(?:,?\s+[\w'’.-]+){0,6}?,?\s+(?:in|on)\s+$")


# Session 14 (14f): a start said by the noun of the program's start, its owner's name possessive ("since Secure
# Communities' launch in 2008", "since the program's rollout in"), or with the date inside ("since its October 2008 launch").
_START_NOUNS = r"(?:(?:first|initial|official|nationwide|pilot)\s+)?(?:launch|start|inception|creation|activation|roll-?out|implementation|introduction|debut|deployment)"
_FROM_NOUN = re.compile(r"\b[Ss]ince\s+(?:the\s+)?(?:[A-Z][\w()-]*\s+){0,3}(?:[A-Z][\w()-]*|program|initiative)['’]s?\s+" + _START_NOUNS +
                        r"(?:\s+(?:in|on)\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?\s+(?:in|on)\s+$")
_SINCE_WHOSE = re.compile(r"\b[Ss]ince\s+(?:its|the|(?:the\s+)?(?:[A-Z][\w()-]*\s+){0,3}(?:[A-Z][\w()-]*|program|initiative)['’]s?)\s+$")
_START_NOUN = re.compile(r"\s*" + _START_NOUNS + r"\b")


def _before(text: str, date: tuple[int, int, str]) -> str:
    """The words before a date, with the preposition a year's span begins with ("in 2009": "since it
    began in "), so that a start said by the event reads the same for a year as for a month."""
    lead = re.match(r"(?:in|on|of)\s+", text[date[0] : date[1]])  # "since the fall of 2008": the date holds "of 2008"
    return text[: date[0]] + (lead.group(0) if lead else "")


def _starts(text: str, date_spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The dates of a sentence that state the start of a span ("from", "since", "since it began in"); not the
    date of the figures a count is taken from ("ICE statistics from February 2011": as of then, session 13)."""
    return [d for d in date_spans if (_FROM.search(_before(text, d)) or _FROM_EVENT.search(_before(text, d))
            or _FROM_ACT.search(_before(text, d)) or re.match(r"(?:since|from)\b", text[d[0] : d[1]], re.IGNORECASE)
            or _FROM_NOUN.search(_before(text, d)) or _SINCE_WHOSE.search(text[: d[0]]) and _START_NOUN.match(text[d[1] :]))
            and not _DATA_FROM.search(text[: d[0]]) and not _COUNT_AT.search(_before(text, d))]


# "Of the 1,000 deported", "Among the more than 166,000": a whole whose part the sentence gives next (session 13).
_OF_THE = re.compile(r"(?:^|[.;:,]\s*)\s*(?:[Oo]f|[Aa]mong)\s+(?:the|those|these)\s+(?:(?:more\s+than|over|about|nearly|almost|approximately|roughly|some)\s+)?$")


# Session 13 (13f): a count right before a date is the count at that date ("which started in 14 jurisdictions in 2008"):
# the date is that count's, no start of a span for a later total ("..., has expanded to 1,595 jurisdictions").
_COUNT_AT = re.compile(r"\b(?!(?:19|20)\d\d\b)\d[\d,]*(?:\s+[A-Za-z-]+){1,3}?\s+(?:in|on)\s+$")  # a year is no count (session 15)


def _own_count_at(text: str, date: tuple[int, int, str], start: int) -> bool:
    """Whether the number at `start` is the count right before the date ("started in 14 jurisdictions in 2008")."""
    if date[1] <= start and re.fullmatch(r",?\s+(?:in|with|at)\s+(?:(?:just|only|about|some)\s+)?", text[date[1] : start]):
        return True  # "launched in 2008 in 14 counties": the count at the start (session 14)
    return start < date[0] and bool(re.fullmatch(r"(?:[A-Za-z]+\s+){0,2}?[\d,.]+(?:\s+[A-Za-z-]+){1,3}?\s+(?:in|on)\s+",
                                                 _before(text, date)[start:]))


# Session 13 (13f): the date of the figures a count is taken from: "ICE statistics from February", "data from May 2011".
_DATA_FROM = re.compile(r"\b(?:statistics|figures|data|numbers|stats)\s+from\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_MONTHS = ("january february march april may june july august september october november december").split()
_DATA_FROM_MONTH = re.compile(r"\b(?:statistics|figures|data|numbers|stats)\s+from\s+(?P<month>" + "|".join(_MONTHS) + r")\b(?!\s*\d)",
                              re.IGNORECASE)


def _data_month(text: str, document_date: str | None) -> list[tuple[int, int, str]]:
    """The month of "ICE statistics from February" (no year): the last February on or before the document's month."""
    if not document_date or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", document_date):
        return []
    year, month = int(document_date[:4]), int(document_date[5:7])
    found = []
    for m in _DATA_FROM_MONTH.finditer(text):
        said = _MONTHS.index(m.group("month").lower()) + 1
        found.append((m.start("month"), m.end("month"), f"{year if said <= month else year - 1}-{said:02d}"))
    return found


# "As of February", "by last month": a count as of a month the document's date resolves.
_AS_OF_MONTH = re.compile(r"\b(?:as\s+of|by)\s+$", re.IGNORECASE)
# "from 14 jurisdictions in 2008": the base of a change, dated; the total after "to" is not of that date.
_BASE_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|nearly|just|only|roughly|some|more\s+than|fewer\s+than)\s+)?[\d,.]+(?:\s+[A-Za-z-]+){0,3}?"
                          r"\s+(?:in|at\s+the\s+end\s+of|by)\s+$", re.IGNORECASE)


def _loose_span_of(text: str, date_spans: list[tuple[int, int, str]], document_date: str | None) -> tuple[str, str, bool] | None:
    """Session 12: where the document's date has no day and the sentence states a start and no end ("Since
    October 2008, 77,000 people have been deported", in June 2011), the span from the start, at the text's
    precision, to the document's date, with whether "since" (not "beginning", "starting") states the start."""
    starts = _starts(text, date_spans)
    if not starts:
        return None
    start = starts[0]
    ends = [d for d in date_spans if d[0] > start[1]]
    if ends or not document_date or len(document_date) == 10 or not re.fullmatch(r"\d{4}(?:-\d\d)?", document_date) \
            or _after(start[2], document_date) or start[2] >= document_date:
        return None
    since = bool(re.search(r"\bsince\b", _before(text, start)[-120:], re.IGNORECASE)
                 or re.match(r"since\b", text[start[0] : start[1]], re.IGNORECASE))
    return start[2], document_date, since


def _span_of(text: str, date_spans: list[tuple[int, int, str]], document_date: str | None) -> tuple[str, str] | None:
    """A count over a span whose start the sentence states ("from October 2009 through March
    2011": 2009-10-01/2011-03-31; "since its inception in October 2008": to the document's date)."""
    starts = _starts(text, date_spans)
    if not starts:
        return None
    start = starts[0]
    years = _YEARS_SPAN.search(text)
    if years and years.start("a") == start[0]:
        # "between 2008 and 2010": the whole years, as "in 2010" is its whole year (session 12)
        return (f"{years.group('a')}-01-01", _last_day(years.group("b"))) if not _after(years.group("b"), document_date) \
            and years.group("a") <= years.group("b") else None
    ends = [d for d in date_spans if d[0] > start[1] and not _after(d[2], document_date)
            and (_AS_OF.search(text[: d[0]]) or _AT_END.search(text[: d[0]])
                 or re.match(r"(?:until|by)\b", text[d[0] : d[1]], re.IGNORECASE) or re.search(r"\band\s+$", text[: d[0]]))]
    # "Through May 31, 2011, since its launch in October 2008, ...": the day it is counted through, said before the start
    # (session 15)
    ends += [d for d in date_spans if d[1] <= start[0] and not _after(d[2], document_date)
             and (_THROUGH.search(text[: d[0]]) or _AT_END.search(text[: d[0]])
                  or re.match(r"(?:through|thru)\b", text[d[0] : d[1]], re.IGNORECASE))]
    # "since 2008" names a year, not its first day: the period starts at the year (EDTF "2008/2011-06-20"),
    # no more precise than the text. "from October 2009 through March 2011" runs from the first day of the one month to
    # the last of the other (README); "since October 2008", counted to the document's date, starts at the month
    # (README, round 19: "since <month>" runs from that month; session 18)
    first = start[2] if len(start[2]) in (4, 10) else f"{start[2]}-01"
    if ends:
        last = ends[0][2] if len(ends[0][2]) == 10 else _last_day(ends[0][2])
    elif document_date and len(document_date) == 10:
        first, last = start[2], document_date
    else:
        return None
    return (first, last) if first <= last else None


# "in the last year", "over the past 12 months", "since its activation ... a year ago": the year up to the document's date.
_TRAILING_YEAR = re.compile(r"\b(?:[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin)\s+the\s+(?:last|past)\s+(?:year|12\s+months|twelve\s+months)\b"
                            r"|\b(?:[Ss]ince|[Ff]rom)\b[^.;]{0,80}?\b(?:a|one)\s+year\s+ago\b")


def _trailing_year(text: str, document_date: str | None) -> tuple[str, str] | None:
    """The span from a year before the document's date to that date, at its precision ("2010-01" to
    "2011-01"), for a count the sentence says is of the last year; for "over the last three years"
    ("the past 18 months") the span of that many years (months) up to the document's month: a
    count of whole years or months names no day; else None."""
    if not document_date or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", document_date):
        return None
    several = _TRAILING_YEARS.search(text)
    if several is not None:
        count = several.group("n")
        n = int(count) if count.isdigit() else _word_value(count)
        months = n * 12 if several.group("unit").lower().startswith("year") else n
        if several.group("half"):
            months += 6 if several.group("unit").lower().startswith("year") else 0
        if not 1 < months <= 240:
            return None
        if len(document_date) == 4:
            return (f"{int(document_date) - months // 12}", document_date) if months % 12 == 0 else None
        year, month = int(document_date[:4]), int(document_date[5:7])
        index = year * 12 + month - 1 - months
        return f"{index // 12}-{index % 12 + 1:02d}", document_date[:7]
    if not _TRAILING_YEAR.search(text):
        return None
    year = int(document_date[:4])
    # a span counted back in whole years names no day (the README: "dated to the month"), as "the past two years" is
    return f"{year - 1}{document_date[4:7]}", document_date[:7]


# "over the last three years", "in the past 18 months": that many years or months up to the document's date.
# Session 14: "in the two years since it was activated": the same span, counted back from the document's date.
_TRAILING_YEARS = re.compile(r"\b(?:in|over|during|within|for)\s+the\s+(?:(?P<back>last|past|previous)\s+)?"
                             r"(?P<n>\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty)"
                             # Session 15: "over the last 2½ years", "the past two and a half years" (README, round 13: to the month)
                             r"(?P<half>\s*½|\.5|\s+and\s+a\s+half)?\s+"
                             r"(?P<unit>years|months)\b(?(back)|\s+since\b)", re.IGNORECASE)


_RELATIVE_FY = re.compile(r"\b(?P<which>last|this|the\s+current|the\s+previous|the\s+past|the\s+last)\s+fiscal\s+year\b(?!\s*\(?(?:FY\s*)?\d)",
                          re.IGNORECASE)


def _relative_fiscal_year(text: str, number: int, document_date: str | None) -> tuple[str, str, str] | None:
    """The federal fiscal year "last fiscal year" (the one before the document's) or "this fiscal year"
    (from its first day to the document's date) names, the nearest such phrase to the number; else None."""
    said = list(_RELATIVE_FY.finditer(text))
    if not said or not document_date or not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", document_date):
        return None
    nearest = min(said, key=lambda m: abs(m.start() - number))
    year, month = int(document_date[:4]), int(document_date[5:7])
    current = year + 1 if month >= 10 else year
    which = re.sub(r"\s+", " ", nearest.group("which").lower())
    if which in ("last", "the previous", "the past", "the last"):
        first, last = fiscal_period(str(current - 1))
        return first, last, f"fiscal year {current - 1} (the last one)"
    if len(document_date) != 10:
        return None  # "this fiscal year" runs to the document's day, which the date does not give
    return fiscal_period(str(current))[0], document_date, f"fiscal year {current} to the document's date"


_UNDER_ADMINISTRATION = re.compile(r"\b(?:[Uu]nder|[Dd]uring|[Ss]ince\s+the\s+(?:start|beginning)\s+of)\s+(?:the\s+)?(?P<name>[A-Z][a-z]+)\s+[Aa]dministration\b")


def _under_administration(text: str, document_date: str | None) -> tuple[str, str] | None:
    """The period of a count "under the Obama Administration": from the term's first day (cues.yaml
    `administrations`) to its last or the document's date, whichever comes first; else None."""
    said = _UNDER_ADMINISTRATION.search(text)
    terms = cue_data().get("administrations") or {}
    if said is None or said.group("name") not in terms or not document_date:
        return None
    first, last = (str(d) for d in terms[said.group("name")])
    if not re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", document_date):
        return None
    if len(document_date) == 10:
        end = min(last, document_date)
    else:  # a document dated to its month: the term up to that month, no more precise than the text (session 13)
        end = document_date if last[:7] >= document_date else last
    return (first, end) if first <= end else None


def _during(text: str, date: tuple[int, int, str]) -> bool:
    """Whether the sentence counts in the year or month `date` ("in 2008", "during March 2010"),
    not on a day of it."""
    said = text[date[0] : date[1]]
    return len(date[2]) < 10 and bool(re.match(r"(?:in|during)\s", said, re.IGNORECASE) or re.search(r"\b(?:in|during)\s+$", text[: date[0]], re.IGNORECASE))


def _whole(value: str) -> tuple[str, str]:
    """The first and last day of a year (YYYY) or month (YYYY-MM)."""
    return (f"{value}-01-01" if len(value) == 4 else f"{value}-01"), _last_day(value)


def _after(value: str, document_date: str | None) -> bool:
    """Whether the date `value` begins after the last day the document's date allows: a count
    cannot hold on a day the document had not reached ("nationwide coverage expected by the end
    of 2013" in a release of 2009 is a goal, not the day the count holds)."""
    plain = r"\d{4}(?:-\d\d(?:-\d\d)?)?"
    first = value.split("/")[0]  # an interval begins at its first date
    if not document_date or not re.fullmatch(plain, document_date) or not re.fullmatch(plain, first):
        return False
    return when.bounds(first)[0] > when.bounds(document_date)[1]


def _last_day(value: str) -> str:
    """The last day of a month (YYYY-MM) or a year (YYYY)."""
    import calendar

    if len(value) == 4:
        return f"{value}-12-31"
    year, month = int(value[:4]), int(value[5:7])
    return f"{value}-{calendar.monthrange(year, month)[1]:02d}"


def _quarter_period(year: str, number: int) -> tuple[str, str]:
    """The first and last day of quarter `number` (1-4) of federal fiscal year `year` (Q1 is
    October to December of the year before)."""
    import calendar

    month = (10 + 3 * (number - 1) - 1) % 12 + 1
    calendar_year = int(year) - 1 if number == 1 else int(year)
    end_month = month + 2
    return (f"{calendar_year}-{month:02d}-01",
            f"{calendar_year}-{end_month:02d}-{calendar.monthrange(calendar_year, end_month)[1]:02d}")


def fiscal_period(year: str) -> tuple[str, str]:
    return f"{int(year) - 1}-10-01", f"{year}-09-30"


def _unit(match: re.Match[str], after: str) -> str | None:
    if match.group("pct"):
        return "percent"
    if match.group("usd"):
        return "USD"
    return _unit_named(after)


def _unit_named(after: str) -> str | None:
    """The unit of a number: the first of the six words after it that names one ("17 central and
    south Texas counties": jurisdictions; "536,148 alien matches based on ...": matches; "95
    jurisdictions across 11 states that ...": states for 11). A capitalised word that goes on a
    name begun before it is part of that name, not a unit ("... in Secure Communities")."""
    units = _unit_words()
    if re.match(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+(?:ians|ans)\b(?!\s+[A-Z])", after):
        return "persons"  # "nearly 100,000 Californians": the people of a place (not "Members")
    phrases = _unit_phrases()
    previous = ""
    seen: list[str] = []
    for word in re.findall(r"[A-Za-z]+", after[:70])[:6]:
        named = word[0].isupper() and previous[:1].isupper()
        previous = word
        word = _unglued(word.lower())
        seen.append(word)
        phrase = next((u for u, said in phrases if seen[-len(said) :] == said), None)
        if phrase is not None:
            return phrase  # "2,000 law enforcement agencies" (session 13)
        if named:
            continue
        found = next((u for u, words in units.items() if word in words), None)
        if found is not None:
            return found
    # Session 13 (13f): "45,300 who had been flagged as ...", "28,000 convicted of aggravated felonies": a number whose
    # own relative clause or participle of guilt speaks of people counts people
    if re.match(r"\s+(?:who|whom)\b|\s+(?:(?:had\s+)?been\s+|were\s+)?(?:convicted|charged)\s+(?:of|with)\b"
                r"|\s+(?:deported|removed|expelled)\s+(?:from|through|under|since|in|last|this|by|after|as)\b", after):
        return "persons"  # ... "Of the 1,000 deported from the county": people removed
    return None


_GLUED = re.compile(r"(?P<word>[a-z]{4,}?)(?:in|of|and|to|for|at|on|the|across|with)$")


def _unglued(word: str) -> str:
    """A unit word run together with the next word by a text taken from a PDF ("658
    jurisdictionsin 32 States"): the unit word, where what follows it is a short function word."""
    glued = _GLUED.fullmatch(word)
    if glued and any(glued.group("word") in words for words in _unit_words().values()):
        return glued.group("word")
    return word


def _value(match: re.Match[str]) -> str:
    number = match.group("num").replace(",", "")
    scale = match.group("scale")
    if scale:
        whole = float(number) * _SCALES[scale]
        return str(int(whole)) if whole.is_integer() else str(whole)
    return number


_STOP = frozenset({"of", "the", "through", "who", "were", "where", "is", "with", "on", "and", "in", "a", "an", "to"})


def _measure(sentence: str, vocab: Vocabulary) -> str | None:
    """The measure whose label shares the most words with the sentence, if any."""
    return _measure_near(sentence, 0, 0, [], None, vocab)


def _measure_near(text: str, start: int, end: int, others: list[tuple[int, int]], unit: str | None, vocab: Vocabulary,
                  scope: list[str] | None = None, program_in_paragraph: bool = False, about: Topic = Topic(),
                  part_of: frozenset[str] = frozenset(), part_at: int | None = None) -> str | None:
    """The measure whose label the words around the number name best: each label word counts
    by how near to this number (and not to another one) the sentence has it; "more ... than"
    counts as "increase", "fewer" as "decrease"; percentages only for percent measures. The name
    of a program the sentence names (`scope`: "removed ... after identification through Secure
    Communities") counts wherever it stands: it says what the whole count is of. A measure whose
    label names the document's program (`about`: "removals through Secure Communities") is chosen
    only where the sentence names the program ("under the program" included) or the document's
    title does; a count in a release about an agency's whole record is not the program's. `part_of`:
    the label words of the measure of a count this one is a part of ("Of the 166,000 removed through
    Secure Communities, 61,000 ..."): they count as said, less than the sentence's own words."""
    tokens = [(m.start(), _stem(m.group(0).lower())) for m in re.finditer(r"[A-Za-z0-9]+", text)]
    unconvicted = False  # the number's own clause says its people were never convicted (session 12)
    # Session 13 (13f): the crimes of the number's own phrase said graver than a conviction ("convicted of major crimes",
    # "serious criminals"): the stems of the gravity a label must name to count them ("violent")
    grave = _GRAVER.search(text[end : end + 100])
    graver = {_stem(w.lower()) for w in re.findall(r"major|serious|violent|dangerous|grave|heinous", grave.group(0), re.IGNORECASE)} \
        if grave else set()
    # "level 1, 2, or 3 crimes", "Level 1 and 2 offenders": levels of the agency's scale, not level 1 alone
    levels = _LEVELS.search(text)
    weight: dict[str, float] = {}
    scoped = {_stem(w.lower()) for name in scope or [] for w in re.findall(r"[A-Za-z0-9]+", name)} - _STOP
    if about.words and about.words <= part_of:
        scoped |= about.words  # a part of the program's count is the program's
    for word in scoped:
        weight[word] = 1.0
    for word in part_of - scoped:
        weight[word] = 0.5
    if about.in_title and not scoped:
        for word in about.words:  # a document titled by its program: its counts are the program's, unless said otherwise
            weight[word] = 0.5
    for at, word in tokens:
        if start <= at < end and word.isdigit():
            continue  # the number's own digits ("over 1 million") are no word of a label ("level 1")
        if part_at is not None and at >= part_at and word not in _COUNT_HEADS and word not in _SAME_STEMS:
            continue  # "77,000 immigrants, 28,000 of them Level 1 offenders": the part's words, not the whole's (session 13)
        if _NOT_A_REMOVAL.match(text, at):
            continue  # "put 5,000 people into deportation proceedings": proceedings, not removals (session 12)
        negated = _NEGATED.search(text[max(0, at - 40) : at]) if word in _GUILT_STEMS and at >= end else None
        if negated and _OWN_NOUN_PHRASE.fullmatch(text[end : max(0, at - 40) + negated.start()]):
            unconvicted = True  # "400 of them had never been convicted", "30,000 without any criminal record" (session 12)
        if start <= at < end:
            mine = 0
        else:
            mine = len(re.findall(r"\w+", text[min(at, end) : max(at, start)]))
        theirs = min((len(re.findall(r"\w+", text[min(at, e) : max(at, s)])) for s, e in others if (s, e) != (start, end)), default=10**6)
        w = 1.0 / (1 + mine / 10)
        if theirs < mine:
            w *= 0.5
        weight[word] = max(weight.get(word, 0.0), w)
    for label_words, phrases in (cue_data().get("figure_label_phrases") or {}).items():
        # "convicted of aggravated felonies": ICE's Level 1 (words of a label the text says another way)
        for phrase in phrases or []:
            for m in re.finditer(rf"\b{re.escape(str(phrase))}\b", text, re.IGNORECASE):
                at = m.start()
                mine = len(re.findall(r"\w+", text[min(at, end) : max(at, start)]))
                theirs = min((len(re.findall(r"\w+", text[min(at, e) : max(at, s)])) for s, e in others if (s, e) != (start, end)),
                             default=10**6)
                if theirs < mine:
                    continue  # said of another number of the sentence
                for word in re.findall(r"[a-z0-9]+", str(label_words).lower()):
                    weight[_stem(word)] = max(weight.get(_stem(word), 0.0), 1.0 / (1 + mine / 10))
    for label_words, phrases in (cue_data().get("figure_counted_nouns") or {}).items():
        # "more than 37,900 criminal aliens": the number's own noun says "convicted" (ICE's term)
        if any(re.match(rf"\s+(?:[a-z]+\s+){{0,2}}?{re.escape(str(p))}\b", text[end:], re.IGNORECASE) for p in phrases or []):
            for word in re.findall(r"[a-z0-9]+", str(label_words).lower()):
                weight[_stem(word)] = 1.0
    if levels and re.search(r"\b3\b", levels.group(0)):
        weight["convict"] = 1.0  # every level of the agency's scale: people with a criminal conviction (README, round 20)
    changes = {_stem(str(w).lower()): head for head, words in (("increas", "increase"), ("decreas", "decrease"))
               for w in (cue_data().get("figure_changes") or {}).get(words) or []}
    others_words = {_stem(str(w).lower()): str(head) for head, words in (cue_data().get("figure_count_words") or {}).items()
                    for w in words or []}  # "the expulsion of 46,800 individuals": removals
    for word, same in (_SAME_STEMS | others_words | changes).items():  # "deported": removed; "rose by 12%": an increase
        if word in weight:
            weight[same] = max(weight.get(same, 0.0), weight[word])
    near = text[start : end + 80].lower()
    if re.match(r"\s*more\b", text[end:].lower()) or re.search(r"^[^.;]{0,40}\bcompared\s+(?:to|with)\b", near[end - start :]):
        weight["increas"] = max(weight.get("increas", 0.0), 0.8)
    if re.match(r"\s*(?:percent\s+)?(?:fewer|reduction|decrease|less)\b", text[end:].lower()):
        weight["decreas"] = max(weight.get("decreas", 0.0), 0.8)
    labels = {notation: _label_words(concept.label)
              for notation, concept in sorted(vocab.schemes.get("measure", {}).items())}
    act = _act(text, start, end)
    proper = {notation: {_stem(w.lower()) for w in re.findall(r"\b[A-Z][a-z]+", concept.label)}  # "Secure Communities"
              for notation, concept in vocab.schemes.get("measure", {}).items()}
    withdrawn = any(re.search(rf"\b{re.escape(str(w))}\b", text, re.IGNORECASE) for w in cue_data().get("figure_withdrawn") or [])
    # Session 13 (13f): the number's clause names programs and none is the one measure labels name (the 287(g) program)
    fitting = [set(_label_words(name)) - {"program"} for name in scope or []]
    other_program = bool(fitting and about.words) and not any(f and any(f <= set(label) for label in labels.values()) for f in fitting)
    # A word few labels share tells measures apart ("level", "convicted"); one most share does not.
    df = Counter(w for label in labels.values() for w in set(label))
    idf = {w: math.log(1 + len(labels) / n) for w, n in df.items()}
    best: tuple[float, int, str] | None = None
    for notation, label in labels.items():
        if not label:
            continue
        if unconvicted and _GUILT_STEMS & set(label) and not _NEGATION_STEMS & set(label):
            continue  # a count of people never convicted is no count of convicted people
        if graver and unit == "persons" and not set(label) & graver:
            continue  # "21,500 immigrants convicted of major crimes": a part no concept counts (README, rounds 18, 20; session 13)
        if levels and ("level" in label or unit == "persons" and not re.search(r"\b3\b", levels.group(0))):
            continue  # "with level 1, 2, or 3 crimes in their past": not level 1 alone; "Level 1 and 2": a part (session 13)
        if unit == "percent" and any(weight.get(w, 0.0) < 0.3 for w in label if df[w] == 1 and w not in proper[notation]):
            continue  # "had never been convicted" is no share "never charged": a share's own words must all be said (session 13)
        if part_of and set(label) <= part_of:
            continue  # a part of what a measure counts is not a figure of that measure
        if other_program and ("program" in label or proper[notation]):
            continue  # "The 287(g) program operates in 70 jurisdictions": another program's places (README, round 15; session 13)
        is_share = any(w in ("percentag", "shar") for w in label)  # stems of "percentage" and "share"
        if unit is not None and (unit == "percent") != is_share:
            continue
        if about.words and about.words <= set(label) and not (about.words <= scoped or about.in_title):
            continue  # the label counts the program's removals (arrests) and nothing says the count is the program's
        change = _CHANGE_HEADS & set(label)
        if change and not any(weight.get(h, 0.0) > 0 for h in change):
            continue  # an increase (decrease) the sentence does not speak of: "half of them were convicted"
        heads = _COUNT_HEADS & set(label)
        if heads and not any(weight.get(h, 0.0) > 0 for h in heads):
            continue  # the label counts removals (arrests, matches) and the sentence speaks of none
        if heads and act is not None and act not in heads and not heads <= part_of:
            # ("Of the 1,000 deported, 400 were identified through the program": the part's people are removed people,
            # the verb says how they were found; session 13)
            continue  # "identified more than 111,000 criminal aliens": what the verb counts is not removals
        if unit == "USD" and not _MONEY_STEMS & set(label):
            continue  # "costs ICE $649 to apprehend one alien": a sum of money is no count of people or places
        counted = _counted(label)
        if unit in _UNIT_STEMS and unit not in counted or unit == "persons" and counted:
            continue  # a count of jurisdictions is no count of removals, and the other way round
        words = [w for w in label if not (w in ("percentag", "shar") and unit == "percent")]
        got = [weight.get(w, 0.0) for w in words]
        units = _UNIT_STEMS.get(unit or "", set())
        shared = sum(1 for w, g in zip(words, got) if g > 0 and w not in units)  # the unit word alone tells nothing
        if not shared:
            continue
        if (change or unit == "percent") and sum(1 for w, g in zip(words, got)
                                                 if g < 0.3 and w not in _CHANGE_HEADS and w not in proper[notation]) > 1:
            continue  # "removals rose 23%" is no increase of criminal removals, "56 percent ... did not have arrest
            # charges" no share "never charged": a change or a share of what the label does not say
        if withdrawn and "activ" in label:
            continue  # "three states ... recently withdrew from the program": not where it is active
        # the unit's own word, said, names what is counted, not which count: "109,000 people" is no more a count
        # of "people convicted of crimes" than of any removals (a label word the sentence lacks still counts missing)
        kept = [(w, g) for w, g in zip(words, got) if not (unit == "persons" and w in _PERSON_STEMS and g >= 0.3)]
        words, got = [w for w, _ in kept], [g for _, g in kept]
        found = sum(idf[w] * g for w, g in zip(words, got) if g >= 0.3)
        missing = sum(idf[w] for w, g in zip(words, got) if g < 0.3)  # absent, or nearer another number
        if any(scoped <= set(other) for other in labels.values()) and "program" not in label:
            missing += sum(idf.get(w, 1.0) for w in scoped if w not in label)  # the program the count is of, where labels name it
        if about.in_title and not scoped and "program" not in label and any(about.words <= set(other) for other in labels.values()):
            missing += 0.5 * sum(idf.get(w, 1.0) for w in about.words if w not in label)  # the title's program, said less than the sentence's
        score = (found - 0.5 * missing, shared, notation)
        best = max(best, score) if best else score
    if (best is None or best[0] <= 0.3) and unit in _UNIT_STEMS and not other_program:
        # "536,148 alien matches": the one measure that counts such units; "deployed in 34 states": the
        # one that counts them for a program, where the sentence or the document names a program
        named = scoped or program_in_paragraph or about.words and about.named or re.search(r"\bprogram\b", text, re.IGNORECASE)
        fits = [n for n, label in labels.items() if unit in _counted(label) and "program" in label]
        if named and len(fits) == 1 and not (withdrawn and "activ" in labels[fits[0]]):
            return fits[0]
        fits = [n for n, label in labels.items() if unit in _counted(label)]
        if len(fits) == 1 and "program" not in labels[fits[0]]:
            return fits[0]
    return best[2] if best and best[0] > 0.3 else None


def _counted(label: list[str]) -> set[str]:
    """The unit a measure counts: that of the last word of its label that names a unit ("state and
    local jails" counts jails, "states and territories where ..." states)."""
    named = [u for word in label for u, stems in _UNIT_STEMS.items() if word in stems]
    return {named[-1]} if named else set()


def _act(text: str, start: int, end: int) -> str | None:
    """What the verb that governs the number counts, as the stem of a measure's count noun
    (cues.yaml `figure_acts`: "removed 392,000" remov, "identified 111,000" none of them: ""): a
    participle right after its unit word ("10 million individuals estimated to be ...", "183,000
    aliens removed under ..."), else the verb before it in its clause (within 25 words, an aside
    between dashes left out: "identified 11,000 ... crimes—1,900 of which have been removed—and
    100,000 ..."); None where there is neither."""
    acts = {str(w).lower(): "" if head == "none" else str(head) for head, words in (cue_data().get("figure_acts") or {}).items() for w in words}
    after = re.findall(r"[A-Za-z]+", text[end : end + 60])[:2]
    if len(after) == 2 and any(after[0].lower() in words for words in _unit_words().values()) and after[1].lower() in acts:
        joined = re.match(r"\s*[A-Za-z]+\s+[A-Za-z]+\s+(?:and|or)\s+([A-Za-z]+)", text[end : end + 60])
        if acts[after[1].lower()] == "" and joined and acts.get(joined.group(1).lower()):
            return acts[joined.group(1).lower()]  # "21 people detained and deported": the count of what the second act counts
        return acts[after[1].lower()]
    before = re.split(r"[;:]", text[:start])[-1]
    before = re.sub(r"\s*(?:—|–|--)[^—–]*?(?:—|–|--)\s*", " ", before)  # an aside between dashes
    before = _RELATIVE.sub(",", before)  # "Secure Communities, which checks everyone booked into jail, has led to" (session 12)
    for word in reversed(re.findall(r"[A-Za-z]+", before)[-25:]):
        if word.lower() in acts:
            return acts[word.lower()]
    return None


# The noun a measure counts: a sentence that names none of a label's does not count it.
_COUNT_HEADS = frozenset({"remov", "arrest", "match", "submission", "audit", "debar", "sanction"})
# "taken custody of 48,000": arrests; "immigrants with criminal convictions": convicted (session 13)
_SAME_STEMS = {"deport": "remov", "deportation": "remov", "custody": "arrest", "conviction": "convict"}
# A change a measure counts: a sentence that names no change does not count it.
_CHANGE_HEADS = frozenset({"increas", "decreas"})
# What a measure counts, by the stems of its label: a figure's unit must be the same.
# The words of a label that say its measure is a sum of money ("financial sanctions on employers", in dollars).
_MONEY_STEMS = frozenset({"financi", "dollar", "cost", "fund", "spend"})
_UNIT_STEMS = {"jurisdictions": {"jurisdiction"}, "states": {"stat", "territor"}, "jails": {"jail"}, "matches": {"match"},
               "submissions": {"submission"}}


def _stem(word: str) -> str:
    for ending in ("ations", "ation", "ments", "ment", "inals", "inal", "als", "ies", "ated", "ing", "al", "es", "ed", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


# The words of the unit "persons": they say what is counted (people), not which count it is.
_PERSON_STEMS = frozenset(_stem(w) for w in ("people", "persons", "person"))


def _reporter(span: Span, inside: list[Mention], types: dict[str, str]) -> str | None:
    """Who the sentence says published the figure: "according to X"."""
    for mention in inside:
        if types.get(mention.entity) in REPORTERS:
            before = span.text[: mention.start - span.start].lower()
            if re.search(r"according to(?:\s+\w+){0,2}\s*$", before):
                return mention.entity
    return None


# Session 12 (17f): "since then", "since that time", "ever since": the start is the date said just before it.
_SINCE_THEN = re.compile(r"\b(?:since\s+then|since\s+that\s+(?:time|date|month|year)|ever\s+since)\b(?!\s*[,]?\s*(?:in|on)\s)", re.IGNORECASE)
# "in the first three months of 2011", "during the first six months of fiscal year 2012": from the year's first month.
_FIRST_OF = re.compile(r"\b(?:in|during|over|for)\s+the\s+first\s+(?P<n>\d{1,2}|" + "|".join(_SPAN_WORDS) + r")\s+months\s+of\s+"
                       r"(?:(?:the\s+)?(?P<fy>fiscal\s+(?:year\s+)?|FY\s*))?(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# "Secure Communities, which started in 2008, has led to": a relative clause that dates the subject's start.
_STARTED_CLAUSE = re.compile(r",\s+(?:(?:which|that|who)\s+(?:was\s+)?)?(?:first\s+)?(?:began|begun|started|launched|created|established|"
                             r"introduced|implemented|activated|adopted|deployed|joined[^,;]{0,40}?)\s+(?:[\w'’.-]+\s+){0,4}?(?:in|on)\s+$",
                             re.IGNORECASE)
_PERFECT = re.compile(r"\s*(?:(?:[A-Z][\w'’.-]*|the|its)\s+){0,3}?(?:has|have)\s+(?:(?:since|already|now|so\s+far|reportedly)\s+)?(?:been\s+)?[a-z]+(?:ed|en|t)\b")


def _number_at(c: Candidate) -> int:
    """Where the candidate's number stands in its quote (-1 where it cannot be told)."""
    shown = re.match(r"the figure '(.+?)' ", c.why)
    return c.quote[0].text.find(shown.group(1)) if shown else -1


def _clause_at(text: str, at: int) -> str:
    """The words of `text` between the semicolons or colons around offset `at`: the clause a number stands in."""
    start = max(text.rfind(";", 0, at), text.rfind(":", 0, at)) + 1
    ends = [e for e in (text.find(";", at), text.find(":", at)) if e >= 0]
    return text[start : min(ends, default=len(text))]


# Session 18 (18f): a sentence that goes on with the count of the sentence before it, by a word that refers back to
# that count: "However, another 11,000 were ...", "That includes 5,369 matches in Harris County.", "They were among
# 17,723 immigrants deported ...", "Among the deported were also 4,442 ...". The time of the count is the one said
# before (English cohesion: a tie to the previous sentence carries its time frame; the README dates a figure as its
# words give, and these give it by reference).
_CMP_BEFORE = r"(?:(?:more\s+than|over|about|nearly|almost|approximately|roughly|some|at\s+least)\s+)?"
_GOES_ON = re.compile(r"\s*(?:(?:However|But|And|Also|In\s+addition|Meanwhile),?\s+)?(?:"
                      r"(?:[Aa]nother|[Aa]n\s+additional)\s+"
                      r"|(?:They|These|Those|That|This|It)\s+(?:were|was|are|is)\s+(?:also\s+)?among\s+(?:the\s+)?"
                      r"|(?:That|This|These|Those)(?:\s+(?:figure|number|total|count|tally))?\s+(?:also\s+)?includes?\s+"
                      r"|Among\s+(?:the|those|them|these)\b[^.;:\d]{0,40}?\s+(?:were|was|are|is)\s+(?:also\s+)?)"
                      + _CMP_BEFORE + r"$")


_PART_IN_PLACE = re.compile(r"[\d,.]+(?:\s+[a-z]+)?\s+(?:from|in)\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+)*[A-Z][\w.’'-]*\s*(?:[.;,)]|$)")


def goes_on(found: list[Candidate], text: str, document_date: str | None) -> list[Candidate]:
    """The candidates whose sentence goes on with the count of the sentence right before it ("However, another
    11,000 ...", "They were among 17,723 ...") and says no time of its own, dated as that count is (its period or
    its date)."""
    figures_ = sorted((c for c in found if c.kind == "figures"), key=lambda c: c.quote[0].start)
    for before, c in zip(figures_, figures_[1:]):
        said, at = c.quote[0].text, _number_at(c)
        if at < 0 or not _GOES_ON.fullmatch(said[:at]) or before.quote[0].end > c.quote[0].start \
                or text[before.quote[0].end : c.quote[0].start].strip(" \t\n\"”’)") \
                or dates_in(said) or FISCAL.search(said) or when.find(said, document_date) or "period_start" in c.values:
            continue
        whole = before.values.get("measure") or ""
        if not re.search(r"\bamong\s+(?:the\s+)?" + _CMP_BEFORE + r"$", said[:at]) and whole:
            # "another 11,000", "That includes 5,369", "Among the deported ... 4,442": a part of the count before. A part
            # limited to a place is of the whole's measure (README, round 5); another part is not counted by the whole's
            # measure or a broader one (README: a count of a part is no figure of that measure)
            if _PART_IN_PLACE.match(said, at):
                c.values["measure"] = whole
            elif c.values.get("measure") and set(str(c.values["measure"]).split("-")) <= set(whole.split("-")):
                c.values["measure"] = ""
                c.why += f"; a part of the {before.values['value']} before, which no measure counts"
        if "period_start" in before.values:
            _as_period(c, str(before.values["period_start"]), str(before.values["period_end"]),
                       f"; period: that of the {before.values['value']} of the sentence before, which this one goes on with")
        elif before.dated is not None and (c.dated is None or c.dated.basis == "document-date") and before.dated.basis != "document-date":
            c.dated = before.dated
            c.why += f"; date: that of the {before.values['value']} of the sentence before, which this one goes on with"
    return found


def since_then(found: list[Candidate], text: str, document_date: str | None) -> list[Candidate]:
    """The candidates with a count "since then" (or "since that time", "ever since") before its number
    counted from the date said just before those words: in the same sentence ("joined the program in
    2009, and since then 700 people have been deported") or in the sentence before it in the paragraph
    ("... began in the county in March 2009. Since then, 1,300 ..."), to the document's date (the
    README: a span with a stated start is a period, even for a cumulative measure). Unchanged where the
    sentence dates the count after its number ("through March 2011") or no date comes before."""
    if not document_date or len(document_date) < 7:
        return found
    for c in found:
        if c.kind != "figures":
            continue
        said, at = c.quote[0].text, _number_at(c)
        then = [m for m in _SINCE_THEN.finditer(said) if 0 <= at and m.end() <= at]
        if not then or dates_in(said[at:]):
            continue
        begin = c.quote[0].start
        before = [d for d in dates_in(said[: then[-1].start()]) if not _after(d[2], document_date)]
        if not before:
            para = text.rfind("\n\n", 0, begin)
            lead = text[max(para, begin - 400, 0) : begin]
            last_stop = max(lead.rfind(". "), lead.rfind(".\n"))
            prior = lead[: last_stop + 1] if last_stop >= 0 else ""
            sentence = prior[max(prior[:-1].rfind(". "), prior[:-1].rfind(".\n")) + 1 :]
            if re.search(r"[A-Za-z0-9]", lead[last_stop + 1 :]) if last_stop >= 0 else True:
                continue  # "since then" does not open the sentence after a whole one: another clause's "then"
            before = [d for d in dates_in(sentence) if not _after(d[2], document_date)]
        if not before:
            continue
        first = before[-1][2]
        if first > document_date:
            continue
        _as_period(c, first, document_date,
                   f"; period: from the date said before \"{then[-1].group(0)}\" ({first}) to the document's date")
    return found


def first_months_of(found: list[Candidate], document_date: str | None) -> list[Candidate]:
    """The candidates with a count "in the first three months of 2011" counted from the year's first
    month through the N-th ("of fiscal year 2012": from October 2011), to the month (the README, round
    15: "the first N months" from a start month runs from that month through the N-th)."""
    for c in found:
        if c.kind != "figures":
            continue
        said = c.quote[0].text
        spans = list(_FIRST_OF.finditer(said))
        if len(spans) != 1:
            continue
        m = spans[0]
        n = int(m.group("n")) if m.group("n").isdigit() else _SPAN_WORDS[m.group("n").lower()]
        year = int(m.group("year"))
        index = (year - 1) * 12 + 9 if m.group("fy") else year * 12
        last = index + n - 1
        start, end = f"{index // 12}-{index % 12 + 1:02d}", f"{last // 12}-{last % 12 + 1:02d}"
        if not 1 <= n <= 12 or document_date and end > document_date[:7]:
            continue
        _as_period(c, start, end, f"; period: the first {m.group('n')} months of {m.group(0).split(' of ', 1)[1]}")
    return found


def started_clause(found: list[Candidate], document_date: str | None) -> list[Candidate]:
    """The candidates with a count in a perfect predicate after a relative clause that dates its subject's
    start ("Secure Communities, which started in 2008, has led to the deportation of 46,000 people")
    counted from that start to the document's date, as "was implemented in 2010 and has led to" is."""
    if not document_date:
        return found
    for c in found:
        if c.kind != "figures" or "period_start" in c.values:
            continue
        said, at = c.quote[0].text, _number_at(c)
        if at < 0 or c.dated is None or c.dated.basis not in ("document-date", "stated"):
            continue
        dated = [d for d in dates_in(said) if d[1] <= at and _STARTED_CLAUSE.search(_before(said, d)) and not _COUNT_AT.search(_before(said, d))]
        if len(dated) != 1 or len(dates_in(said)) != 1:
            continue
        s, e, value = dated[0]
        close = said.find(",", e)
        if close < 0 or close > at or not _PERFECT.match(said[close + 1 :]) or _NOW.search(said[close:at]):
            continue
        first = value
        if first > document_date:
            continue
        _as_period(c, first, document_date,
                   f"; period: from the start the relative clause states ({first}) to the document's date")
    return found


# Session 12 (17f): a number the text gives as a change of a count, not as the count: "an increase of 5,000
# deportations", "deportations were up 2,000", "rose by 5,000", "2,000 more people were deported in 2010 than in 2009".
_CHANGE_BEFORE = re.compile(r"\b(?:(?:an?\s+)?(?:increase|rise|jump|growth|drop|decrease|decline|reduction|surge)\s+of"
                            r"|up|down|(?:rose|grew|increased|decreased|fell|dropped|jumped|climbed|declined|swelled)(?:\s+by)?)\s+$",
                            re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"\s*(?:(?:percent|%)\s+)?(?:more|fewer|less)\b[^.;]{0,60}?\bthan\b", re.IGNORECASE)


def _as_change(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`..`end` (its comparator included) is given as a change of a count."""
    return bool(_CHANGE_BEFORE.search(text[:start]) or _CHANGE_AFTER.match(text[end:]))


# Session 13 (13f): a gravity that makes the crimes a part of all convictions (README, round 18 and 20 rules: "convicted
# of major violent offenses", "convicted of major crimes" have no measure); "aggravated" is ICE's level 1 (a label phrase).
# Read in the number's own phrase: after it, up to a comma, another number or the clause's end.
_GRAVER = re.compile(r"^(?:(?!\d)[^.;,])*?\b(?:convicted\s+of|charged\s+with|guilty\s+of|with)?\s*(?:the\s+most\s+)?(?P<how>major|serious|violent|dangerous|grave|heinous)"
                     r"(?:\s+(?:violent|criminal|felony|crimes?))?\s+(?:crimes?|offen[cs]es?|felon(?:y|ies|s)|criminals|offenders)\b",
                     re.IGNORECASE)
_LEVELS = re.compile(r"\blevels?\s+(?:1|one|I)\s*(?:,|and|or|&|-|–|through|to)\s*(?:levels?\s+)?(?:2|two|II)\b(?:\s*,?\s*(?:and|or)?\s*(?:levels?\s+)?3\b)?",
                     re.IGNORECASE)


# Session 12 (17f): words of a conviction said of no conviction ("had never been convicted", "no criminal record",
# "without a criminal conviction", "non-criminal"): no label word of convicted people.
_GUILT_STEMS = frozenset({"convict", "conviction", "crim", "felon", "felony"})
_NEGATION_STEMS = frozenset({"never", "no", "not", "non", "noncrim", "without"})
# The words between a number and what its own noun phrase or relative clause says of it ("400 of them had ",
# "30,000 immigrants who have ", "1,000 people with "): nothing of another clause.
_OWN_NOUN_PHRASE = re.compile(r"\s*(?:[A-Za-z-]+\s+){0,2}?(?:of\s+(?:them|whom|those|these)\s+)?(?:(?:who|that|which)\s+)?"
                              r"(?:(?:had|have|has|were|was|are|is)\s+)?(?:with\s+)?", re.IGNORECASE)
_NEGATED = re.compile(r"(?:\b(?:never|not|no|without|nor|non)\b(?:\s+(?:been|had|have|a|any|prior|previous|serious|violent))*\s*-?\s*"
                      r"|\bnon-)$", re.IGNORECASE)


# Session 19 (19f): a start stated by a whole clause after "since", its own subject and verb, with the time it
# happened at its end: "Since Secure Communities was begun in Travis County in June 2009, more than 500 people have been
# deported" (Austin American-Statesman), "deport 32,645 immigrants ..., including 23,712 who were convicted of a crime
# since San Diego County became the first county in the state to join in spring 2009" (Inland Valley Daily Bulletin).
_SINCE_CLAUSE = re.compile(r"\b[Ss]ince\s+(?P<clause>(?:[\w'’.()-]+\s+){1,14}?)(?:in|on)\s+(?:(?:the\s+)?(?P<season>[Ss]pring|[Ss]ummer|[Ff]all|"
                           r"[Aa]utumn|[Ww]inter)\s+(?:of\s+)?)?$")
_CLAUSE_VERB = re.compile(r"\b(?:(?:was|were|has|have|had)\s+\w+|began|became|joined|took|went|signed|agreed|started|launched)\b")


def _since_clause(text: str, date_spans: list[tuple[int, int, str]], document_date: str | None) -> tuple[str, str, int, int] | None:
    """The span a "since" clause states (from the time at its end to the document's date, the README's round-19
    rule), with where the clause begins and where its time ends: the counts it governs are those before it (a clause
    after the count) or after it, past a comma (a clause that opens the sentence); a count after a clause that ends
    the sentence's first part ("... in spring 2009 and the 57 other counties followed suit") is the clause's own."""
    if not document_date:
        return None
    dates = list(date_spans) + [(m.start("year"), m.end("year"), m.group("year")) for m in _SEASON_YEAR.finditer(text)]
    for d in sorted(dates):
        said = _SINCE_CLAUSE.search(text[: d[0]])
        if said is None or not _CLAUSE_VERB.search(said.group("clause")) or re.search(r"[,;:]", said.group("clause")):
            continue
        if _after(d[2], document_date) or d[2] > document_date:
            return None
        opens = not text[: said.start()].strip()
        if opens and not re.match(r"\s*,", text[d[1] :]):
            return None
        return d[2], document_date, said.start() if not opens else -1, d[1] if opens else len(text) + 1
    return None


# Session 12 (17f): "between 2008 and 2010", "from 2008 to 2010": two years, the span's ends.
_YEARS_SPAN = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(?P<a>(?:19|20)\d\d)\s+(?:and|to|through|until|-|–)\s+(?P<b>(?:19|20)\d\d)\b")


def _since_relative(text: str, date_spans: list[tuple[int, int, str]], document_date: str | None) -> tuple[str, str] | None:
    """The span of a count "since May", "since last year" (a start resolved against the document's
    date; the README, round 19: a count "since <month>" runs from that month to the document's date),
    where the sentence states no other date."""
    if not document_date or date_spans:
        return None
    for s_, e_, value in _dates_and_relative(text, document_date):
        if not (re.search(r"\bsince\s+$", text[:s_], re.IGNORECASE) or re.match(r"since\b", text[s_:e_], re.IGNORECASE)) \
                or not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?", value):
            continue
        first = value  # "since May": from the month, not its first day (README, round 19; session 18)
        if first < document_date and not _after(value, document_date):
            return first, document_date
    return None


# Session 12 (17f): "..., and 500 people have been deported": the number opens a perfect predicate after "and".
_AND_BEFORE = re.compile(r"^[^.;]{0,40}?,?\s+and\s+(?:since\s+then\s+)?(?:(?:more\s+than|nearly|about|over|some|almost|at\s+least)\s+)?$", re.IGNORECASE)
_PERFECT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,3}?(?:has|have)\s+(?:(?:since|already|now)\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b")


# Session 12 (17f): a part of the count given to the program after it ("more than 1 million people since 2009, many of
# them through Secure Communities"): the program is one cause of the whole, which is not the program's count.
_PART_THROUGH = re.compile(r"[^.;:]{0,80}?,\s+(?:many|some|most|much|part|half|thousands|hundreds|a\s+(?:number|share|portion|third|quarter|"
                           r"fraction|majority))\s+of\s+(?:them|whom|those|these|which)\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?"
                           r"(?:[a-z]+\s+){0,2}?(?:through|under|via|by|as\s+a\s+result\s+of|because\s+of)\b", re.IGNORECASE)

# "deportation proceedings", "removal hearings", "deportation orders": words of removal that name no removal.
_NOT_A_REMOVAL = re.compile(r"(?:deportation|removal)s?\s+(?:proceedings?|hearings?|cases?|orders?|holds?|detainers?|courts?|"
                            r"officers?|agents?|flights?|defense|priorit(?:y|ies))\b", re.IGNORECASE)

# Session 16 (16f): "Colorado will join 35 other states in the program": the plan is the subject's, the others it joins
# are in already (a count of where the program runs now, as "Puerto Rico joins 42 other states" is)
_JOINS = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:(?:more\s+than|over|about|nearly|almost|some|roughly)\s+)?$", re.IGNORECASE)


def _joins_others(text: str, start: int, end: int) -> bool:
    """Whether the count at text[start:end] is of the others its clause's subject joins ("will join 35 other states")."""
    return bool(_JOINS.search(text[:start]) and re.match(r"\s+other\b", text[end:]))


# Session 19 (19g): "one of (only) N", a set the place named is one of (dkelly.net's "one of only nine States", a
# round-24-28 text's "one of only ten states that give in-state tuition").
_ONE_OF = re.compile(r"\bone\s+of\s+(?:only\s+|just\s+|the\s+)?$", re.IGNORECASE)


# Words that make the places after them ones where the program is only planned to run (session 12).
_PLANNED = re.compile(r"\b(?:will|would|expects?|expected|plans?|planned|planning|aims?|intends?|goal|scheduled|slated|hopes?|"
                      r"is\s+set|are\s+set|proposed?)\b", re.IGNORECASE)


def _before_of(text: str, date: tuple[int, int, str]) -> str:
    """The words before a date with the "of" a year's match may hold ("By the end of 2010": the date is "of 2010")."""
    lead = re.match(r"(?:of|from)\s+", text[date[0] : date[1]], re.IGNORECASE)
    return text[: date[0]] + (lead.group(0) if lead else "")


# "..., up from 14 in 2008", "compared with 8,000 in 2009": the words between a count and the date of its comparison's base.
_BASE_DATE = re.compile(r"^[^.;]{0,30}?\b(?:up|down|rising|rose|increased|decreased|grew|fell|dropped)?\s*(?:from|compared\s+(?:with|to)|versus|vs\.?)\s+"
                        r"(?:(?:about|nearly|roughly|just|only|more\s+than|fewer\s+than|some)\s+)?[\d,.]+(?:\s+[a-z]+){0,2}?(?:\s+(?:in|at\s+the\s+end\s+of|by))?\s+$",
                        re.IGNORECASE)

# "the year ending Sept. 30", "the fiscal year that ended Sept. 30, 2010": a year given by its last day (session 12).
_YEAR_ENDING = re.compile(r"\b(?:(?:fiscal|calendar|12-month|twelve-month)\s+)?(?:year|period)\s+(?:ending|ended|that\s+ended|which\s+ended|that\s+ends)\s+(?:on\s+)?$",
                          re.IGNORECASE)

