"""Candidate statements: stances, figures and posts a document seems to state.

A stance candidate is a sentence (or a list item under a heading) where an actor and a
program or policy co-occur with a position cue: the labels and alternative labels of the
position scheme in ontology/vocabularies.ttl, with their inflections ("suspend",
"suspended", "opting out"). Where the sentence names no program, the program the document
names most often is proposed, and said so; where it names no actor, the document itself
is. Dates come from the sentence, else from the nearest dated heading before it, else from
the document. Everything here is a proposal for a researcher to review, never a fact.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from graph.ingest.mentions import JURISDICTION_TYPES, Known, Mention, Titled
from graph.build.vocabulary import Vocabulary

# The words before a place that make it a location: a preposition, then perhaps other places of a list.
_LOCATIVE = re.compile(r"\b(?:in|at|across|throughout|near|around)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*,?\s+(?:and\s+)?)*$")
# What may stand between an owner and its program: a possessive, an acronym in parentheses, quotes.
_OWNER = re.compile(r"(?:['’]s)?\s*(?:\([A-Z][A-Z.&-]*\))?[\s\"“”']*")
TARGET_TYPES = frozenset({"program", "policy", "law", "bill", "executive-order", "agreement"})
NOT_ACTOR_TYPES = TARGET_TYPES | {"document", "system", "campaign", "region"}
REPORTERS = frozenset({"agency", "office", "government", "group", "media", "institution", "person"})
PRONOUN = re.compile(r"^(?:They|He|She|The group|The groups|These groups|Both)\b")
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
    r"|\b(?:in|since|by|until|of|during)\s+(?P<y3>(?:19|20)\d\d)\b"
)
# A post heading's date at the end of its line: "Andrew Cuomo suspends Secure Communities - 06/01/11".
_POST_DATE = re.compile(r"\s+[-–—]\s*(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|(?:19|20)\d\d-\d\d-\d\d)\s*$")
_FISCAL = re.compile(r"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<fy>(?:19|20)\d\d)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?P<cmp>\b(?:more than|over|about|nearly|almost|approximately|roughly|fewer than|less than|under|at least)\s+)?"
    r"(?P<usd>\$)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d/-])"
    r"(?:\s*(?P<scale>million|billion|thousand)\b)?(?:\s*(?P<pct>%|percent\b|per cent\b))?"
)
_UNIT_WORDS = {
    "persons": {"immigrants", "people", "persons", "individuals", "aliens", "deportees", "removals", "criminals",
                "deportations", "noncitizens", "migrants", "arrests", "detainees"},
    "jurisdictions": {"jurisdictions", "counties", "localities", "communities"},
    "jails": {"jails", "prisons"},
    "states": {"states"},
    "employers": {"employers"},
}
_COMPARATORS = {"more than": "more-than", "over": "more-than", "at least": "more-than", "about": "about",
                "nearly": "about", "almost": "about", "approximately": "about", "roughly": "about",
                "fewer than": "less-than", "less than": "less-than", "under": "less-than"}
_SCALES = {"thousand": 1000, "million": 1000000, "billion": 1000000000}


@dataclass(frozen=True)
class Span:
    """A passage of the document: a sentence, a heading or a list item."""

    start: int
    end: int
    text: str
    heading: Span | None = None


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


@dataclass(frozen=True)
class Cue:
    position: str
    phrase: str
    pattern: re.Pattern[str]
    polarity: int = 0  # scomm:polarity of the position: 1 for, -1 against


# ------------------------------------------------------------------ text units


def sentences(text: str) -> list[Span]:
    """Sentences, headings and list items with their offsets; items know their heading."""
    spans: list[Span] = []
    heading: Span | None = None
    for line in re.finditer(r"[^\n]+", text):
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
        pieces = _split_sentences(body, offset)
        for piece in pieces:
            spans.append(Span(piece[0], piece[1], text[piece[0] : piece[1]], heading if item else None))
        if not item:
            heading = spans[-1] if body.endswith(":") and pieces else None
    return spans


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
    """The sentence's own date, else the last dated heading before it, else the document's."""
    inside = dates_in(span.text, span.start) or (dates_in(span.heading.text) if span.heading else [])
    if inside:
        return Dated(inside[0][2], "stated")
    before = [h for h in headings if h[0] <= span.start]
    if before:
        offset, value, line = before[-1]
        return Dated(value, "post-date", f"the dated passage before it: {line[:80]!r}; check")
    if document_date:
        return Dated(document_date, "document-date", "the document's date; check")
    return None


# ------------------------------------------------------------------ cues


def cues(vocab: Vocabulary) -> list[Cue]:
    """Position cues: every label and alternative label of the position scheme, inflected."""
    found = []
    for notation, concept in sorted(vocab.schemes.get("position", {}).items()):
        phrases = {concept.label, *concept.alt_labels}
        for phrase in sorted(phrases):
            words = phrase.replace("-", " ").split()
            if not words:
                continue
            first = "|".join(re.escape(v) for v in sorted(_inflections(words[0]), key=lambda v: (-len(v), v))).replace("'", "['’]")
            rest = "".join(r"[\s-]+" + re.escape(w) for w in words[1:])
            rest = rest.replace("'", "['’]")  # "won't" as typed or typeset
            pattern = re.compile(rf"(?<![\w])(?:{first}){rest}(?![\w])", re.IGNORECASE)
            found.append(Cue(notation, phrase, pattern, concept.polarity))
    return found


def _inflections(word: str) -> set[str]:
    forms = {word}
    if len(word) <= 2 or not word.isalpha():
        return forms
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "sh", "ch")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnpt]$", word) and len(word) <= 4:
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


# ------------------------------------------------------------------ proposals


def propose(
    source: str,
    text: str,
    document_date: str | None,
    mentions: list[Mention],
    titles: list[Titled],
    known: list[Known],
    vocab: Vocabulary,
) -> list[Candidate]:
    """Every candidate statement for the document, in text order, without duplicates."""
    types = {k.id: k.type for k in known}
    spans = sentences(text)
    headings = heading_dates(text, spans)
    topic = _topic(mentions, types)
    position_cues = cues(vocab)
    found: list[Candidate] = []
    previous: list[Mention] = []
    posts = _post_actors(text, spans, mentions, types, position_cues, headings)
    for span in spans:
        inside = _within(mentions, span)
        above = _within(mentions, span.heading) if span.heading is not None else []
        actors = _actor_mentions(span, inside, types)
        if not actors and PRONOUN.match(span.text):
            above = above + previous  # "They want a moratorium": the actors of the sentence before
        found += _stances(source, span, inside, above, types, topic, position_cues, headings, document_date,
                          posts.get(span.start, []))
        previous = actors or previous
        found += _figures(source, span, inside, types, topic, vocab, headings, document_date)
    for titled in titles:
        found.append(_post(text, titled, spans, headings, document_date))
    unique: dict[tuple[str, ...], Candidate] = {}
    for candidate in found:
        key = (candidate.kind, *map(str, sorted(candidate.values.items())), *(s.text for s in candidate.quote))
        unique.setdefault(key, candidate)
    return sorted(unique.values(), key=lambda c: (c.quote[-1].start, c.kind, sorted(c.values.items())))


def _post_actors(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], position_cues: list[Cue],
    headings: list[tuple[int, str, str]],
) -> dict[int, list[Mention]]:
    """For a post heading that names no actor ("Far-left working to block X - 04/28/10"): the actors
    of the post's sentences that have a cue of their own and name one of the heading's programs."""
    starts = sorted(offset for offset, _, _ in headings)
    result: dict[int, list[Mention]] = {}
    for i, span in enumerate(spans):
        if span.start not in starts or text[span.end : span.end + 1] not in ("", "\n", " "):
            continue
        inside = _within(mentions, span)
        if _actor_mentions(span, inside, types):
            continue
        targets = {m.entity for m in inside if types.get(m.entity) in TARGET_TYPES}
        end = next((o for o in starts if o > span.start), len(text))
        body: list[Mention] = []
        for other in spans[i + 1 :]:
            if other.start >= end:
                break
            others = _within(mentions, other)
            if targets & {m.entity for m in others} and any(c.pattern.search(other.text) for c in position_cues):
                body += _actor_mentions(other, others, types)
        if body:
            result[span.start] = body
    return result


def _within(mentions: list[Mention], span: Span) -> list[Mention]:
    return [m for m in mentions if span.start <= m.start and m.end <= span.end]


def _topic(mentions: list[Mention], types: dict[str, str]) -> str | None:
    """The program or policy the document names most often (first named on a tie)."""
    counts = Counter(m.entity for m in mentions if types.get(m.entity) in TARGET_TYPES)
    if not counts:
        return None
    first = {m.entity: m.start for m in reversed(mentions)}
    return min(counts, key=lambda e: (-counts[e], first[e]))


def _stances(
    source: str, span: Span, inside: list[Mention], above: list[Mention], types: dict[str, str], topic: str | None,
    position_cues: list[Cue], headings: list[tuple[int, str, str]], document_date: str | None,
    post: list[Mention] | None = None,
) -> list[Candidate]:
    hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(span.text)]
    via_heading = False
    if not hits and span.heading is not None:
        hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(span.heading.text)]
        via_heading = True
    if not hits:
        return []
    hits = _governed(hits)
    actors = _distinct(m.entity for m in _actor_mentions(span, inside, types))
    if not actors and PRONOUN.match(span.text):
        actors = _distinct(m.entity for m in above if types.get(m.entity, "") not in NOT_ACTOR_TYPES)
        why_actor = f"named in the sentence before (this one begins {span.text.split()[0]!r})"
    elif not actors and post:
        actors = _distinct(m.entity for m in post)
        why_actor = "the heading names none; named in the post's sentences with a cue about the same program"
    else:
        why_actor = "the sentence names it"
    targets = _distinct(m.entity for m in inside if types.get(m.entity) in TARGET_TYPES)
    why_target = "the sentence names it"
    if not targets and span.heading is not None:
        targets = _distinct(m.entity for m in above if types.get(m.entity) in TARGET_TYPES)
    if not targets and topic is not None:
        targets, why_target = [topic], "the program the document names most often (the sentence names none)"
    if not actors:
        actors, why_actor = [source], "the document itself (the sentence names no actor)"
    quote = [span.heading, span] if via_heading and span.heading is not None else [span]
    dated = date_for(span, headings, document_date)
    result = []
    positions = _distinct(cue.position for cue, _ in hits)
    for position in positions:
        phrase = next(m.group(0) for cue, m in hits if cue.position == position)
        for actor in actors:
            for target in targets:
                if actor == target:
                    continue
                why = f'cue "{phrase}"{" in the heading" if via_heading else ""}; actor: {why_actor}; target: {why_target}'
                values = {"actor": actor, "target": target, "position": position}
                result.append(Candidate("stances", values, quote, why, dated))
    return result


def _governed(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Where cues of opposite polarity stand within three words of each other, keep the negative
    one: "calls for a moratorium" is a call to pause and "urges an end to" a call to end, not
    support; "refuse to implement" and "oppose expanding" are refusal and opposition."""
    kept = []
    for cue, match in hits:
        near = any(
            other.polarity * cue.polarity < 0 and len(re.findall(r"\w+", _between(match, o))) <= 3
            for other, o in hits
        )
        if not (near and cue.polarity > 0):
            kept.append((cue, match))
    return kept or hits


def _between(a: re.Match[str], b: re.Match[str]) -> str:
    first, second = (a, b) if a.start() <= b.start() else (b, a)
    return a.string[first.end() : second.start()] if first.end() <= second.start() else ""


def _actor_mentions(span: Span, inside: list[Mention], types: dict[str, str]) -> list[Mention]:
    """Mentions that can act: not programs, not a place qualifying the place before it
    ("Santa Clara County, Calif."), not a name in parentheses ("Article (WUSA)")."""
    result = []
    for i, mention in enumerate(inside):
        kind = types.get(mention.entity, "")
        if kind in NOT_ACTOR_TYPES:
            continue
        before = span.text[: mention.start - span.start]
        after = span.text[mention.end - span.start :]
        if before.endswith("(") and after.startswith(")"):
            continue
        if i > 0 and kind in ("state", "country") and types.get(inside[i - 1].entity, "") in ("county", "city", "district"):
            if span.text[inside[i - 1].end - span.start : mention.start - span.start].strip() == ",":
                continue
        if kind in JURISDICTION_TYPES and _LOCATIVE.search(before):
            continue  # "actions in Los Angeles, New York and Seattle": where, not who
        following = next((m for m in inside[i + 1 :] if types.get(m.entity) in TARGET_TYPES), None)
        if following is not None and _OWNER.fullmatch(span.text[mention.end - span.start : following.start - span.start]):
            continue  # "Napolitano's Secure Communities program", "ICE Secure Communities": whose program, not a stance
        result.append(mention)
    return result


def _figures(
    source: str, span: Span, inside: list[Mention], types: dict[str, str], topic: str | None,
    vocab: Vocabulary, headings: list[tuple[int, str, str]], document_date: str | None,
) -> list[Candidate]:
    date_spans = [(s, e) for s, e, _ in dates_in(span.text)]
    fiscal = [(m.start(), m.end(), m.group("fy")) for m in _FISCAL.finditer(span.text)]
    result = []
    for match in _NUMBER.finditer(span.text):
        start, end = match.start("num"), match.end()
        if any(s <= start < e for s, e in date_spans) or any(s <= start < e for s, e, _ in fiscal):
            continue
        if re.match(r"[\d-]", span.text[end : end + 1]) or re.search(r"(?:level|\[|\(|#)\s*$", span.text[:start]):
            continue
        unit = _unit(match, span.text[end:])
        if unit is None:
            continue
        value = _value(match)
        quote = span
        values = {"measure": _measure(span.text, vocab) or "", "value": value, "unit": unit,
                  "reported_by": _reporter(span, inside, types) or source}
        comparator = _COMPARATORS.get((match.group("cmp") or "").strip().lower())
        if comparator:
            values["comparator"] = comparator
        if topic is not None:
            values["about"] = topic
        dated: Dated | None
        if fiscal:
            year = int(fiscal[0][2])
            values["period_start"], values["period_end"] = f"{year - 1}-10-01", f"{year}-09-30"
            dated = None
        else:
            dated = date_for(span, headings, document_date)
        why = f"the figure {match.group(0).strip()!r} {unit}" + ("" if values["measure"] else "; choose a measure")
        result.append(Candidate("figures", values, [quote], why, dated))
    return result


def _unit(match: re.Match[str], after: str) -> str | None:
    if match.group("pct"):
        return "percent"
    if match.group("usd"):
        return "USD"
    following = re.findall(r"[a-z]+", after.lower()[:60])[:4]
    for unit, words in _UNIT_WORDS.items():
        if following and (following[0] in words or any(w in words for w in following[:4] if w not in ("of", "and"))):
            return unit
    return None


def _value(match: re.Match[str]) -> str:
    number = match.group("num").replace(",", "")
    scale = match.group("scale")
    if scale:
        whole = float(number) * _SCALES[scale]
        return str(int(whole)) if whole.is_integer() else str(whole)
    return number


def _measure(sentence: str, vocab: Vocabulary) -> str | None:
    """The measure whose label shares the most words with the sentence, if any."""
    words = {_stem(w) for w in re.findall(r"[a-z0-9]+", sentence.lower())}
    best: tuple[float, int, str] | None = None
    for notation, concept in sorted(vocab.schemes.get("measure", {}).items()):
        label = [_stem(w) for w in re.findall(r"[a-z0-9]+", concept.label.lower()) if w not in ("of", "the", "through", "who", "were", "where", "is", "with", "on", "and")]
        if not label:
            continue
        shared = sum(1 for w in label if w in words)
        if shared:
            score = (shared / len(label), shared, notation)
            best = max(best, score) if best else score
    return best[2] if best else None


def _stem(word: str) -> str:
    for ending in ("ies", "es", "s", "ed", "al"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _reporter(span: Span, inside: list[Mention], types: dict[str, str]) -> str | None:
    """Who the sentence says published the figure: "according to X"."""
    for mention in inside:
        if types.get(mention.entity) in REPORTERS:
            before = span.text[: mention.start - span.start].lower()
            if re.search(r"according to(?:\s+\w+){0,2}\s*$", before):
                return mention.entity
    return None


def _post(text: str, titled: Titled, spans: list[Span], headings: list[tuple[int, str, str]], document_date: str | None) -> Candidate:
    span = Span(titled.start, titled.end, text[titled.start : titled.end])
    sentence = next((s for s in spans if s.start <= titled.start < s.end), span)
    values = {"person": titled.person or "", "title": titled.title.rstrip(".") if titled.title != "Rep." else "Representative"}
    if titled.organization:
        values["organization"] = titled.organization
    if titled.jurisdiction:
        values["jurisdiction"] = titled.jurisdiction
    why = f'"{titled.title}" before the name {titled.name!r}' + ("" if titled.person else " (a new entity)")
    return Candidate("posts", values, [span], why, date_for(sentence, headings, document_date), {"name": titled.name})


def _distinct(items: object) -> list[str]:
    return list(dict.fromkeys(items))  # type: ignore[call-overload]
