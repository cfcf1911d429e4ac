"""Clause reading: the pair a sentence's grammar connects through a predicate no cue list holds.

The sentence rules of graph/ingest/candidates.py read a position from a cue word (the position
scheme's labels, cues.yaml `positions`) and decide who takes it, refusing on purpose in many
shapes ("asked X to", "who investigates"); those cues stay theirs. This pass reads the predicates
that take a position only through the grammar of their clause (cues.yaml `clauses.predicates`:
creating, establishing, designing, introducing or unveiling a program is support, README's
round-6 rule; `clauses.presenting`: "our new X", "its new X", "the Department's new X" present
the owner's own program), for a program that is the predicate's direct object, in a sentence (not
a headline) where no other rule proposed anything for that actor and program. Who holds it, in
order:

- the owner before it ("X's new program"); the one "its"/"their" refers to (the last actor
  named before the pronoun);
- the agent after it ("established by X");
- the speaker of the quotation it is in, or the X of "according to X";
- "we"/"I" as its subject or "our"/"my" before it: the document's voice, and the publisher
  when an agency (README: "we" in an agency's publication is the agency);
- the subject of its clause: the first actor named in the clause before it that is not the
  object of a preposition or of a verb of address ("a letter to X"; "Members of the X" speak
  for X), with those joined to it by "and" or a comma; not for a passive ("was established")
  nor for an act asked of another ("urged Y to create"), and never through "new" (a subject
  that "criticized the new X" does not present it).

Also read here: a word that judges a program before its name ("the successful X"; `evaluative`)
or said of it ("X said the program was a success"; `reporting`) is the judgement of who says it;
a noun of a holder said of an actor ("X, a longtime critic of Y"; `agent_nouns`); "X replaced A
with B" ends A and supports B (`replacing`); and "you"/"your" before a cue or predicate in a letter
("your decision to end X", "you created X") is the addressee's act, never what they are asked.

A clause runs between semicolons, colons, dashes and the words that open a subordinate clause
(`clauses.subordinators`); a negation or a modal before the predicate in its clause
(`clauses.negations`) takes no position. Each proposal has the sentence as its quote, a score
below the other rules' and a `why` naming the role.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Callable

from graph.ingest import lexicon
from graph.ingest.mentions import JURISDICTION_TYPES, Mention
from graph.ingest.passages import TARGET_TYPES, Candidate, Span, date_for, inside_quotes

SCORE = 0.3  # below the sentence rules (0.5-0.9) and the genre rules (0.35-0.6)
_SENTENCE_END = re.compile(r"[.?!][\"”'’)]*\s*$")
_BOUNDARY = re.compile(r";|:\s|\s[–—-]{1,2}\s")
_ASIDE = re.compile(r"\([^()]*\)")


def _phrases(name: str, tail: str = "", words: list[str] | None = None) -> re.Pattern[str]:
    """The phrases of cues.yaml `clauses.<name>` (or `words`) as one regex, each matched as whole
    words and followed by `tail`; a `*` stands for up to three words."""
    if words is None:
        words = [str(p) for p in (lexicon.data().get("clauses") or {}).get(name) or []]
    if not words:
        return re.compile(r"(?!x)x")
    parts = sorted((lexicon.phrase_pattern(w).replace("'", "['’]") for w in words), key=lambda p: (-len(p), p))
    return re.compile(rf"(?<![\w'’])(?i:{'|'.join(parts)})(?![\w]){tail}")


# What may stand between a governing word and the name it governs: articles, possessives, titles.
_MODIFIERS = r"\s+(?:(?:the|a|an|its|their|his|her|our|[A-Z][\w.'’-]*)\s+){0,4}$"


def stances(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate],
    positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]], capable_in: Callable[[Span, list[Mention]], list[Mention]],
) -> list[Candidate]:
    """Stance candidates for the (actor, target) pairs a clause connects and `found` (every stance
    the other rules proposed) has none for. `voices`: graph.ingest.candidates.Voices; `capable_in`:
    the mentions of a sentence that can act (candidates._actor_mentions)."""
    governed = _phrases("governed", _MODIFIERS)
    negation = _phrases("negations", r"(?:\s+\S+){0,2}\s*$")
    agent = _phrases("agents", r"\s+(?:the\s+)?")
    said_by = _phrases("attributions", r"\s+(?:the\s+)?")
    subordinate = _phrases("subordinators")
    asked = _phrases("asking")
    speaking_for = _phrases("speaking_for", r"\s+of\s+(?:the\s+)?$")
    predicates = [(str(position), _phrases("", words=[str(w) for w in words]))
                  for position, words in sorted(((lexicon.data().get("clauses") or {}).get("predicates") or {}).items())]
    presenting = _phrases("presenting")
    evaluative = [(str(position), _phrases("", words=[str(w) for w in words]))
                  for position, words in sorted(((lexicon.data().get("clauses") or {}).get("evaluative") or {}).items())]
    agent_nouns = [(str(position), _phrases("", r"\s+of", [str(w) for w in words]))
                   for position, words in sorted(((lexicon.data().get("clauses") or {}).get("agent_nouns") or {}).items())]
    replacing = _phrases("replacing")
    reporting = _phrases("reporting", r"\s+(?:that\s+)?(?:the\s+|this\s+|its\s+)?$")
    have = {(c.values["actor"], c.values["target"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        programs = [m for m in inside if types.get(m.entity) in TARGET_TYPES]
        programs = sorted(programs + described_targets(span, mentions, types, ("program",)), key=lambda m: m.start)
        if not programs or not _SENTENCE_END.search(span.text):
            continue  # a headline or a list item has no clause grammar to read (the sentence rules read them)
        capable = [m for m in capable_in(span, inside)
                   if not (types.get(m.entity) in JURISDICTION_TYPES and _QUALIFIER.match(text_of(span, m.end)))]
        cued = positions_in(span)  # the sentence rules' cues: read by them (a pair they refused stays refused)
        hits = [(position, m) for position, pattern in [*predicates, ("supports", presenting), *evaluative]
                for m in pattern.finditer(span.text) if not any(h.start() < m.end() and m.start() < h.end() for _, h in cued)]
        judged = {id(m) for position, pattern in evaluative for _, m in hits if pattern.fullmatch(m.group(0))}
        addressed = [(position, m) for position, m in cued if _SECOND_PERSON.search(span.text[: m.end()])]
        hits += addressed  # "your decision to end X": the rules' cue, read here only for the one a letter addresses
        nouns = [(position, m) for position, pattern in agent_nouns for m in pattern.finditer(span.text)
                 if not any(h.start() < m.end() and m.start() < h.end() for _, h in cued)]
        hits += nouns
        named = {id(m) for _, m in nouns}
        for position, match in sorted(hits, key=lambda h: h[1].start()):
            start, end = _clause(span.text, match, subordinate)
            target = _object(span, programs, match, start, end)
            successor = _successor(span, programs, match, end) if replacing.fullmatch(match.group(0)) else None
            if successor is not None and (target is None or target.start > successor.start):
                target, position = successor, "supports"  # "replaced it with the X": creating the successor
            said = _predicated(span, programs, match, start) if id(match) in judged else None
            if said is not None:  # "X said the program was a success": the program is the subject it is said of
                target = said
            if target is None or negation.search(span.text[start : match.start()]):
                continue
            between = span.text[match.end() : target.start - span.start]
            if id(match) in judged and said is None:  # "the ineffective and costly X", "the controversial, failed, and costly X"
                between = _COORDINATED_ADJECTIVES.sub("", between, count=1)
            if said is None and target is not successor and not _DIRECT.fullmatch(between):
                continue  # a predicate takes a position only on its direct object ("created the X", not "created briefings on X")
            ahead = [m for m in capable if start <= m.start - span.start and m.end - span.start <= match.start()]
            if any(m is match for _, m in addressed) or (not ahead and _SECOND_PERSON.search(span.text[start : match.end()])):
                actors, role = _addressee(span, match, start, voices, asked)
            elif id(match) in named:  # "X, a longtime critic of the program", "X is a strong supporter of it"
                actors, role = _predicate_noun(span, capable, match, start)
            elif said is not None:
                reporter = _reporter(span, capable, target, reporting)
                actors, role = ([reporter.entity], _REPORTER) if reporter is not None else _judge(span, match, start, voices, types)
            elif id(match) in judged:  # "the successful X", "this failed program": the judgement of who says it
                actors, role = _judge(span, match, start, voices, types)
            else:
                actors, role = _holder(span, capable, match, start, end, voices, governed, agent, said_by, asked, speaking_for,
                                       types, _passive(span.text[start : match.start()], match))
            if presenting.fullmatch(match.group(0)) and role in (_SUBJECT, _AGENT):
                continue  # "X criticized the new program": "new" presents a program only for its owner
            pairs = [(target, position)] + ([(successor, "supports")] if successor is not None and successor is not target else [])
            for actor, (target, position) in ((a, p) for a in actors for p in pairs):
                if actor == target.entity or (actor, target.entity) in have:
                    continue
                have.add((actor, target.entity))
                why = f'clause reading: {role}; cue "{match.group(0)}" about {target.text}; no other rule proposed this pair: check'
                candidate = Candidate("stances", {"actor": actor, "target": target.entity, "position": position}, [span], why,
                                      date_for(span, headings, document_date))
                candidate.score = SCORE
                result.append(candidate)
    return result


# "the program", "this federal program", "the bill": a definite description of a target (cues.yaml
# `clauses.target_nouns`), with up to three words before its noun and no name of its own; for a bill, also
# an indefinite one that a relative clause makes specific ("veto a bill that would prevent ...").
_DESCRIPTION = r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts{indefinite})\s+((?:[\w’'-]+\s+){{0,3}}?)(?:{nouns})\b(?![’'-]){relative}"
_DESCRIBED = "description"


def described_targets(span: Span, mentions: list[Mention], types: dict[str, str], kinds: tuple[str, ...] = ("program", "bill")) -> list[Mention]:
    """The targets a sentence refers to by a description ("the federal program", "this initiative", "the
    legislation"), each as a mention of its antecedent: the target of that kind (cues.yaml
    `clauses.target_nouns`: a program; a bill or law; an agreement) named last before it in the document, and for a bill
    or law with none before, the one bill or law the document names (coreference by the nearest name of that
    kind). None where the description is part of a name the register found, or where a word before its noun
    is a name or a number ("the 287(g) program", "the E-Verify program": another, named)."""
    table = (lexicon.data().get("clauses") or {}).get("target_nouns") or {}
    result: list[Mention] = []
    for kind in kinds:
        nouns = [str(w) for w in table.get(kind) or []]
        if not nouns:
            continue
        accepted = {"program"} if kind == "program" else {"agreement"} if kind == "agreement" else {"bill", "law"}
        named = [m for m in mentions if types.get(m.entity) in accepted and m.how != _DESCRIBED]
        alone = {m.entity for m in named}
        forms = [(_DESCRIPTION.format(indefinite="", nouns="|".join(re.escape(n) for n in nouns), relative=""))]
        if kind != "program":
            forms.append(_DESCRIPTION.format(indefinite="|[Aa]", nouns="|".join(re.escape(n) for n in nouns),
                                             relative=r"(?=\s+(?:that|which)\s)"))
        for form in forms:
            for match in re.finditer(form, span.text):
                start, end = span.start + match.start(), span.start + match.end()
                if any(m.start < end and start < m.end for m in mentions + result):
                    continue
                if re.search(r"[A-Z0-9(]", match.group(1)):
                    continue  # "the 287(g) program", "the Priority Enforcement program": a name, not a description
                before = [m for m in named if m.end <= start]
                if before:
                    result.append(Mention(before[-1].entity, start, end, match.group(0), _DESCRIBED))
                elif kind != "program" and len(alone) == 1:
                    result.append(Mention(next(iter(alone)), start, end, match.group(0), _DESCRIBED))
    return sorted(result, key=lambda m: m.start)


def _addressee(span: Span, match: re.Match[str], start: int, voices: Any, asked: re.Pattern[str]) -> tuple[list[str], str]:
    """The one a letter addresses ("Dear X"), where "you" is the subject or "your" the owner just
    before the cue ("your decision to end X", "you created X"): README, a position the text itself
    attributes to the addressee is the addressee's; not an act asked of them ("we urge you to end")."""
    clause = span.text[start : match.end()]
    if voices is None or voices.addressee is None or not _SECOND_PERSON.search(clause) \
            or asked.search(span.text[max(0, start - 40) : match.start()]):
        return [], ""
    return [voices.addressee.entity], _YOU


def _successor(span: Span, programs: list[Mention], match: re.Match[str], end: int) -> Mention | None:
    """The program put in place of another ("replaced X with Y", "replace it with the new Y")."""
    at = span.start
    after = [m for m in programs if match.end() <= m.start - at and m.end - at <= end]
    for m in after:
        if _SUCCEEDS.search(span.text[match.end() : m.start - at]):
            return m
    return None


def _predicate_noun(span: Span, capable: list[Mention], match: re.Match[str], start: int) -> tuple[list[str], str]:
    """Who a noun of a holder ("critic of", "supporter of") is said of: the actor just before it,
    joined by a form of "be" or as an apposition ("X, a longtime critic of"), not one who meets
    or answers critics."""
    # a dash opens an apposition as a comma does ("X — one of the loudest critics of the program —"):
    # the clause begins after the dash, its name before it
    at = start if span.text[:start].rstrip()[-1:] not in ("—", "–") else 0
    before = [m for m in capable if at <= m.start - span.start and m.end - span.start <= match.start()]
    if before and _PREDICATE_NOUN.fullmatch(span.text[before[-1].end - span.start : match.start()]):
        return [before[-1].entity], _NOUN_OF
    return [], ""


def _predicated(span: Span, programs: list[Mention], match: re.Match[str], start: int) -> Mention | None:
    """The program a judging word is said of ("the program was a success", "X has proven
    effective"): the one named just before a form of "be" (or "prove") that leads to the word, or
    right after a verb of naming ("called the program a failure")."""
    at = span.start
    for m in reversed(programs):
        if start <= m.start - at and m.end - at <= match.start() and _COPULA.fullmatch(span.text[m.end - at : match.start()]):
            return m
        if m.end - at <= match.start() and _NAMING.search(span.text[: m.start - at]) and _NAMED_AS.fullmatch(span.text[m.end - at : match.start()]):
            return m  # "called the program a failure": the program named as the word says
    return None


def _reporter(span: Span, capable: list[Mention], target: Mention, reporting: re.Pattern[str]) -> Mention | None:
    """Who the sentence says holds the judgement: "X said (that) the program ...", "X noted that"."""
    at = span.start
    for m in reversed([m for m in capable if m.end <= target.start]):
        gap = span.text[m.end - at : target.start - at]
        gap = re.sub(r"^\s*(?:\([^()]*\)\s*)?(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)\s+)?",
                     "", gap)  # "ICE (the agency) Thursday described ...": an aside or a day between the holder and the verb
        gap = re.sub(r"^\s*,\s+(?:a|an|the|its|his|her)\s+[^,;:]{1,60},\s*", "", gap)  # "X, a spokeswoman for Y, said ..."
        if reporting.match(gap.lstrip()):
            return m
    return None


def _judge(span: Span, match: re.Match[str], start: int, voices: Any, types: dict[str, str]) -> tuple[list[str], str]:
    """Who judges a program with the word before its name: the speaker of the words (a quotation's
    speaker, else the document's voice: its named author, else its publisher); nobody in a
    newspaper's own report."""
    speaker = voices.speaker(span.start + match.start()) if voices is not None else None
    if speaker is None or (speaker is voices.author and inside_quotes(span.text, match.start())):
        return [], ""  # a quotation no one found is said to speak ("... ," the members wrote) is not the author's
    if re.search(r"\b[Ww]e\b", span.text[start : match.start()]) and types.get(voices.publisher or "") in _AGENCIES:
        return [str(voices.publisher)], _JUDGE + ' ("we" in an agency\'s publication is the agency)'
    return [speaker.entity], _JUDGE


def _clause(text: str, match: re.Match[str], subordinate: re.Pattern[str]) -> tuple[int, int]:
    """The bounds (in the sentence) of the clause the cue is in: between semicolons, colons,
    dashes, parentheses and the words that open a subordinate clause ("which", "where", "while")."""
    aside = next((a for a in _ASIDE.finditer(text) if a.start() < match.start() < a.end()), None)
    if aside is not None:
        return aside.start() + 1, aside.end() - 1  # a cue inside parentheses: the aside is its clause
    plain = _ASIDE.sub(lambda a: " " * len(a.group(0)), text)  # "(CDCD)", "(D-CA)": asides a clause reads past
    before = [b.end() for b in _BOUNDARY.finditer(plain, 0, match.start())]
    before += [b.end() for b in subordinate.finditer(plain, 0, match.start())]
    after = [b.start() for b in (_BOUNDARY.search(plain, match.end()), subordinate.search(plain, match.end())) if b is not None]
    return max(before, default=0), min(after, default=len(text))


def _object(span: Span, programs: list[Mention], match: re.Match[str], start: int, end: int) -> Mention | None:
    """The program the cue is about: the first named after it in its clause, else, for a cue in the
    passive ("Secure Communities was expanded"), the nearest before it."""
    at = span.start
    after = [m for m in programs if match.end() <= m.start - at and m.end - at <= end]
    if after:
        return after[0]
    before = [m for m in programs if start <= m.start - at and m.end - at <= match.start()]
    return before[-1] if before and _passive(span.text[start : match.start()], match) else None


def _passive(before: str, match: re.Match[str]) -> bool:
    """Whether the cue is a participle after a form of "be" ("was established", "is being expanded")."""
    return bool(_PASSIVE.search(before)) and match.group(0).split()[0].lower().endswith(("ed", "en", "wn"))


_DIRECT = re.compile(r"\s+(?:(?:the|a|an|its|their|our|his|her|this|that|new|[A-Z][\w.'’-]*)\s+){0,3}[\"“']?")
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$")
# Adjectives coordinated after a judging word, before the name it judges: ", and costly", " and wasteful".
_ADJECTIVE = r"(?!(?:and|or|but|nor|the|a|an|its|their|our|his|her|this|that|these|those|other|for|of|to|in|by)\b)[a-z][\w-]*"
_COORDINATED_ADJECTIVES = re.compile(rf"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_ADJECTIVE}"
                                     rf"(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){_ADJECTIVE}){{0,2}}")
# A place that qualifies the name after it ("U.S. Rep. X", "Texas Sheriff X"): no subject of its own.
_QUALIFIER = re.compile(r"\s+[A-Z]")


def text_of(span: Span, offset: int) -> str:
    """The sentence's text from a document offset on."""
    return span.text[offset - span.start :]


def _holder(
    span: Span, capable: list[Mention], match: re.Match[str], start: int, end: int, voices: Any,
    governed: re.Pattern[str], agent: re.Pattern[str], said_by: re.Pattern[str], asked: re.Pattern[str],
    speaking_for: re.Pattern[str], types: dict[str, str], passive: bool,
) -> tuple[list[str], str]:
    """Who holds or acts on the cue's position, and by which role; nobody when no role applies."""
    at, text = span.start, span.text
    before = [m for m in capable if start <= m.start - at and m.end - at <= match.start()]
    if before and re.match(r"['’]s?\s+(?:\w+\s+){0,2}$", text[before[-1].end - at : match.start()]):
        return [before[-1].entity], _OWNER
    its = re.search(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$", text[start : match.start()])
    if its is not None:  # "the department's actions and its new program": whom "its" refers to
        owner = [m for m in capable if m.end - at <= start + its.start()]
        return ([owner[-1].entity], 'the owner "its"/"their" refers to') if owner else ([], "")
    tail = text[match.end() : end]
    by = agent.search(tail)
    if by is not None and len(tail[: by.start()].split()) <= 6:
        named = [m for m in capable if m.start - at == match.end() + by.end()]
        if named:
            return [named[0].entity], _AGENT
    paragraph = text
    if inside_quotes(paragraph, match.start()) and voices is not None:
        speaker = voices.speaker(at + match.start())
        if speaker is not None and speaker.how != "publisher" and speaker.how != "author":
            return [speaker.entity], "the speaker of the quotation it is in"
    according = said_by.search(text)
    if according is not None:
        named = [m for m in capable if m.start - at == according.end()]
        if named:
            return [named[0].entity], f'the source the sentence names ("{according.group(0).strip()} X")'
    plain = _ASIDE.sub(lambda a: " " * len(a.group(0)), text)
    if passive:
        return [], ""  # "the Office was established by the Act": the subject is acted on
    we = _FIRST_PERSON.search(plain[start : match.end()])
    if we is not None and voices is not None and not before:
        speaker = voices.speaker(at + match.start())
        agency = voices.publisher if types.get(voices.publisher or "") in _AGENCIES else None
        voice = [v for v in (speaker.entity if speaker is not None else None, agency)
                 if v is not None and (v != voices.publisher or v == agency)]
        return list(dict.fromkeys(voice)), _FIRST
    subjects = [m for m in before if not governed.search(plain[start : m.start - at]) or speaking_for.search(plain[start : m.start - at])]
    if not subjects:
        return [], ""
    first = subjects[0]
    if asked.search(text[first.end - at : match.start()]) or asked.search(text[max(0, start - 40) : start]):
        return [], ""  # "X urged Y to end it", "X asks that Y withdraw": an act asked of another, the sentence rules' case
    joined = [first]
    for m in before:
        if m.start <= first.start or m in joined:
            continue
        gap = text[joined[-1].end - at : m.start - at]
        if re.fullmatch(r"(?:\s*\([^()]*\))?\s*(?:,|,?\s+and|&)\s+(?:the\s+)?", gap):
            joined.append(m)
        else:
            break
    return [m.entity for m in joined], _SUBJECT


_SUBJECT = "the subject of the clause"
_FIRST = 'the voice of "we"/"our" (its author, and the publisher whose "we" it is)'
_OWNER = 'the owner before the cue ("X\'s support for")'
_AGENT = 'the agent after the cue ("supported by X")'
# "we ended", "I have opposed", "our new program": the voice is the subject or owner just before the cue.
_FIRST_PERSON = re.compile(r"(?:\b(?:[Ww]e|I)\s+(?:\w+\s+){0,2}|\b(?:[Oo]ur|[Mm]y)\s+)\S+$")
# "the program was", "Secure Communities has proven to be a", "it is a very": a copula before a judging word.
_COPULA = re.compile(r"\s+(?:(?:program|initiative|strategy)\s+)?(?:is|was|has\s+been|have\s+been|had\s+been|remains|remained|proved|"
                     r"proven|has\s+proven|has\s+proved|proved\s+to\s+be|proven\s+to\s+be)\s+(?:(?:a|an|very|highly|extremely|so|truly|"
                     r"quite|most|more|incredibly|enormously|both)\s+)*(?:[a-z-]+(?:,\s+|,?\s+and\s+))?")  # "is dangerous and unconstitutional"
# "X called the program a failure", "calling Secure Communities unconstitutional": a verb of naming before the
# program and the judging word after it.
_NAMING = re.compile(r"\b(?:call|calls|called|calling|labeled|labelled|branded|deemed|termed|describe|describes|described|describing|"
                     r"consider|considers|considered)\s+(?:(?:the|this|that|its|their)\s+)?$")
_NAMED_AS = re.compile(r"(?:\s+(?:program|initiative|strategy))?\s+(?:as\s+)?(?:(?:a|an|very|highly|so|truly|both|most)\s+)*"
                       r"(?:[a-z-]+(?:,\s+|,?\s+and\s+))?")  # "described its X program (as) a success"
# "you created", "you have decided to end", "your decision to end", "your memorandum ending": the addressee acts.
_SECOND_PERSON = re.compile(r"(?:\b[Yy]ou\s+(?:\w+\s+){0,3}|\b[Yy]our\s+(?:\w+\s+){0,3})\S+$")
_YOU = 'the one the letter addresses ("your decision to", "you created")'
_SUCCEEDS = re.compile(r"\s+with\s+(?:(?:the|a|an|its|their|our|his|her|new)\s+){0,3}[\"“']?$")
_PREDICATE_NOUN = re.compile(r"(?:\s*[,—–]\s*|\s+(?:is|was|are|were|has\s+been|have\s+been|had\s+been|remains|remained|became|"
                             r"has\s+long\s+been)\s+)(?:(?:a|an|the|one\s+of\s+the|among\s+the|[a-z]+)\s+){0,3}")
_NOUN_OF = 'whom the noun of a holder is said of ("X, a critic of", "X is a supporter of")'
_REPORTER = "who the sentence says holds the judgement (\"X said the program was ...\")"
_JUDGE = "the speaker of the words that judge the program by the word before its name"
_AGENCIES = frozenset({"agency", "office"})


# "the TRUST Act, introduced by Assemblymember X", "a bill authored by X", "The bill, AB 4 by X", "the
# act, which was co-sponsored by X and Y": who wrote or sponsored a measure (cues.yaml `clauses.authorship`).
_MEASURES = frozenset({"bill", "law"})
_MEASURE_WORD = re.compile(r"\b(?i:bill|act|measure|legislation|ordinance)\b")


def authors(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], capable_in: Callable[[Span, list[Mention]], list[Mention]],
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate],
) -> list[Candidate]:
    """Support of a bill or law by those the sentence names as its author or sponsor (README: a
    legislative document's author or sponsor line is that person's support of the measure): the names
    right after "authored by", "introduced by", "sponsored by" (cues.yaml `clauses.authorship`) or after a
    bill's number ("AB 4 by X"), joined by commas and "and". The measure is the bill or law named
    before it in the sentence, else, where the words before name one ("The bill, ...", "The act,
    which ..."), the one the document names most. A program created ("introduced by the
    administration in 2008") is not a measure: the README's rule on creation is the clause reading's."""
    words = [str(w) for w in (lexicon.data().get("clauses") or {}).get("authorship") or []]
    if not words:
        return []
    by = re.compile(r"(?<![\w'’])(?:(?i:" + "|".join(sorted((re.escape(w) for w in words), key=lambda w: (-len(w), w)))
                    + r")|(?:AB|SB|A\.B\.|S\.B\.|H\.R\.)\s?\d+)\s+by\s+")
    measures = Counter(m.entity for m in mentions if types.get(m.entity) in _MEASURES)
    most = measures.most_common(1)[0][0] if measures else None
    have = {(c.values["actor"], c.values["target"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        capable = capable_in(span, inside)
        for match in by.finditer(span.text):
            if re.search(r"\b(?:not|never)\s+(?:been\s+)?$", span.text[: match.start()], re.IGNORECASE):
                continue
            named = [m for m in inside if types.get(m.entity) in _MEASURES and m.end - span.start <= match.start()]
            target = named[-1].entity if named else (most if _MEASURE_WORD.search(span.text[: match.start()]) or match.start() == 0 else None)
            if target is None:
                continue
            chain: list[Mention] = []
            for m in sorted(capable, key=lambda m: m.start):
                at = m.start - span.start
                if at < match.end():
                    continue
                gap = span.text[chain[-1].end - span.start if chain else match.end() : at]
                if chain and types.get(m.entity) == "person" and types.get(chain[-1].entity) != "person" and re.fullmatch(
                        r"\s+(?:[\w.'’-]+\s+){1,2}", gap) and not re.search(r"\b(?:and|or)\b", gap):
                    chain[-1] = m  # "authored by California Assembly member X": the body is in X's title
                elif not chain and re.fullmatch(r"(?:(?:the|state|member|members|[A-Z][\w.'’-]*)\s+){0,4}", gap) or chain and re.fullmatch(
                        r"\s*(?:\([^()]*\)\s*)?(?:,|and|, and|&)\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*)\s+){0,2}", gap):
                    chain.append(m)
                else:
                    break
            for m in chain:
                if m.entity == target or (m.entity, target) in have:
                    continue
                have.add((m.entity, target))
                why = f'the author or sponsor of the measure ("{match.group(0).strip()} X"); target: ' + (
                    "the bill or law named before it" if named else "the bill or law the document names most")
                candidate = Candidate("stances", {"actor": m.entity, "target": target, "position": "supports"}, [span], why,
                                      date_for(span, headings, document_date))
                candidate.score = 0.5
                result.append(candidate)
    return result



# "The state Senate last week approved the Trust Act", "the TRUST Act, which passed the State Assembly", "AB 4 was
# approved by the Assembly": a legislature or chamber passing a bill or law (cues.yaml `clauses.passage`).
_LEGISLATURES = frozenset({"government"})
_NOT_DONE = re.compile(r"\b(?:not|never|yet\s+to|failed\s+to|fails\s+to|if|unless|whether|could|would|might|may|should)\s+"
                       r"(?:(?:have|has|be|been|being)\s+)?$", re.IGNORECASE)


def passed(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], headings: list[tuple[int, str, str]],
    document_date: str | None, found: list[Candidate],
) -> list[Candidate]:
    """Support of a bill or law by the legislature or chamber the sentence says passed it (README: passing a
    named bill, also in one chamber, is `supports` of the bill only): the body as the subject of a verb of
    passage (cues.yaml `clauses.passage`) whose object is the measure ("X approved the Trust Act"), or the
    measure's relative or passive clause ("the Act, which passed X", "the bill was approved by X").
    Not a passage denied, conditional or only hoped for ("has not passed", "if passed", "would pass")."""
    words = [str(w) for w in (lexicon.data().get("clauses") or {}).get("passage") or []]
    if not words:
        return []
    verb = "|".join(sorted((lexicon.phrase_pattern(w) for w in words), key=lambda w: (-len(w), w)))
    have = {(c.values["actor"], c.values["target"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        bodies = [m for m in inside if types.get(m.entity) in _LEGISLATURES]
        measures = sorted([m for m in inside if types.get(m.entity) in _MEASURES]
                          + [m for m in described_targets(span, mentions, types, ("bill",)) if types.get(m.entity) in _MEASURES],
                          key=lambda m: m.start)
        if not bodies or not measures:
            continue
        pairs: list[tuple[Mention, Mention, str]] = []
        for body in bodies:
            b0, b1 = body.start - span.start, body.end - span.start
            for measure in measures:
                m0, m1 = measure.start - span.start, measure.end - span.start
                if b1 <= m0:  # "X (last week) approved the Act": the body, at most four words, the verb, the measure
                    active = re.fullmatch(rf"\s+((?:[\w’'-]+\s+){{0,4}}?)({verb})\s+(?:(?:the|a|an|its|their)\s+)?(?:[\w’'-]+\s+){{0,2}}?",
                                          span.text[b1:m0], re.IGNORECASE)
                    if active and measure.how != _DESCRIBED and re.match(r"\s+(?:an?)\s", span.text[b1:m0][active.end(2):], re.IGNORECASE):
                        continue  # "passed a local DREAM Act bill": a bill of that kind, not the one of that name
                    if active and not re.search(r"[,;:]|\b(?:that|which|who|and|but)\b", active.group(1)) \
                            and not _NOT_DONE.search(span.text[b0:b1 + active.start(2)] + " "):
                        pairs.append((body, measure, active.group(2)))
                else:  # "the Act, which (has) passed (in) X", "the bill was approved by X", "the Act, passed by X"
                    back = re.fullmatch(rf"(?:,?\s+(?:which|that)\s+(?:has\s+|had\s+|was\s+|were\s+|is\s+)?|\s+(?:was|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?|,\s+)"
                                        rf"({verb})\s+(?:(?:by|in)\s+)?(?:the\s+)?",
                                        span.text[m1:b0], re.IGNORECASE)
                    if back and not re.search(r"\b(?:not|never)\s+$", span.text[m1 : m1 + back.start(1)], re.IGNORECASE):
                        pairs.append((body, measure, back.group(1)))
        for body, measure, cue in pairs:
            if body.entity == measure.entity or (body.entity, measure.entity) in have:
                continue
            have.add((body.entity, measure.entity))
            why = f'the legislature or chamber that passed the measure ("{cue}"); target: ' + (
                "the bill or law named" if measure.how != _DESCRIBED else "the bill or law the description refers to")
            candidate = Candidate("stances", {"actor": body.entity, "target": measure.entity, "position": "supports"}, [span], why,
                                  date_for(span, headings, document_date))
            candidate.score = 0.5
            result.append(candidate)
    return result


_DECLARERS = frozenset({"agency", "office", "government"})  # who may declare a program's participation not voluntary
# An office before the body it speaks for ("the assistant director of ICE", "officials of the Department"): the body tells.
_SPEAKS_FOR = re.compile(r"\b(?:director|head|secretary|spokesman|spokeswoman|spokesperson|officials?|chief)\s+of\s+(?:the\s+)?"
                         r"(?:[A-Z][\w.'’-]*\s+){0,5}$", re.IGNORECASE)


def denied_exits(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], capable_in: Callable[[Span, list[Mention]], list[Mention]],
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate], topic: str | None,
) -> list[Candidate]:
    """`expands` by who tells a participant it may not leave the program (README: the owner's
    declaration that participation is not voluntary): "DHS has told Illinois it can't withdraw from X",
    "the assistant director of ICE sent a letter to Arlington County, explaining that Arlington is not
    able to opt out of X" (cues.yaml `clauses.denied_exit`). The teller is the subject of the verb of
    telling (not an object of a preposition or of a verb of address), "the director of X" speaking for
    X; the program is the one named after the exit, else the document's. A denial no one is said to
    tell ("States can't opt out") is left alone: its subject is the one denied, not the one who extends."""
    rules = (lexicon.data().get("clauses") or {}).get("denied_exit") or {}
    denials = [str(w) for w in rules.get("denials") or []]
    exits = [str(w) for w in rules.get("exits") or []]
    tellers = _phrases("", words=[str(w) for w in rules.get("tellers") or []])
    if not denials or not exits:
        return []
    denied = _phrases("", words=[f"{d} {e}" for d in denials for e in exits])
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for span in spans:
        text = span.text
        for match in denied.finditer(text):
            tells = [t for t in tellers.finditer(text, 0, match.start())
                     if not _BOUNDARY.search(text, t.end(), match.start()) and len(text[t.end() : match.start()].split()) <= 14]
            if not tells:
                continue
            inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
            capable = capable_in(span, inside)
            teller = tells[-1]
            subjects = [m for m in capable if m.end - span.start <= teller.start()
                        and not re.search(r"\b(?:to|from|with|at|in|on|by|for|about|into)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}$",
                                          text[: m.start - span.start])
                        and not re.search(r"\b(?:[a-z]+\s+)?(?:of)\s+(?:the\s+)?$", text[: m.start - span.start])
                        or m.end - span.start <= teller.start() and _SPEAKS_FOR.search(text[: m.start - span.start])]
            subjects = [m for m in subjects if types.get(m.entity) not in JURISDICTION_TYPES]
            if subjects and all(types.get(m.entity) == "person" for m in subjects) and not any(
                    types.get(m.entity) in _DECLARERS for m in inside if m.end - span.start <= teller.start()):
                continue  # "Sheriff X said the county cannot opt out": a participant reports it; "ICE Director X said": declares it
            if not subjects:
                continue
            after = [m for m in inside if m.start - span.start >= match.end() and types.get(m.entity) in TARGET_TYPES]
            target = after[0].entity if after else topic
            if target is None:
                continue
            actor = subjects[0].entity if _SPEAKS_FOR.search(text[: subjects[0].start - span.start]) else subjects[-1].entity
            key = (actor, target, "expands")
            if key in have or actor == target:
                continue
            have.add(key)
            candidate = Candidate("stances", {"actor": actor, "target": target, "position": "expands"}, [span],
                                  f'who tells a participant it may not leave ("{teller.group(0)} ... {match.group(0)}"): '
                                  "participation declared not voluntary; target: "
                                  + ("named after the exit" if after else "the document's program"),
                                  date_for(span, headings, document_date))
            candidate.score = 0.5
            result.append(candidate)
    return result


def ended_agreements(found: list[Candidate], types: dict[str, str], topic: str | None) -> list[Candidate]:
    """`expands` by who ends the program's participation agreements as a whole (README, rounds 9-10:
    cancelling the partners' agreements so that the program runs without their consent is `expands`;
    round 18: an ending of the agreements is coded on them and on the program): "ICE has decided to
    terminate all existing MOAs", "DHS would unilaterally rescind all signed MOAs with states", "to annul
    ICE's agreements with states". The object of the ending is plural agreements (cues.yaml
    `clauses.ended_agreements`), not a place's own one ("terminate its agreement": an opt-out), and the
    actor is no place. A call to end that the cue read as one on the program itself, where its object is
    the agreements, becomes the extension; one read on the agreement keeps it and adds the extension on
    the document's program. Session 17, 17p, from rounds 1-8 (an agency's
    letter), 24 and 27 (a news service, an advocacy coalition, a trade site)."""
    plural = (lexicon.data().get("clauses") or {}).get("ended_agreements") or []
    if not plural:
        return []
    objects = re.compile(r"\s+(?:(?:all|of|the|its|their|existing|signed|current|[\w.’'-]+['’]s|[A-Z][\w-]*|\(?\d+\)?)\s+){0,6}?(?:"
                         + "|".join(lexicon.phrase_pattern(str(w)) for w in plural) + r")\b")
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for c in found:
        if c.kind != "stances" or c.values["position"] != "calls-to-end" or types.get(c.values["actor"]) in JURISDICTION_TYPES:
            continue
        cue = c.cue_at()
        if cue is None or not objects.match(c.quote[-1].text, cue[1] + len(cue[0])):
            continue
        kind = types.get(c.values["target"])
        program: str | None = None
        if kind == "program":
            program = c.values["target"]
        elif kind == "agreement":
            program = topic if topic is not None and types.get(topic) == "program" else None
        else:
            continue
        if program is None or (c.values["actor"], program, "expands") in have:
            continue
        have.add((c.values["actor"], program, "expands"))
        extension = Candidate("stances", {"actor": c.values["actor"], "target": program, "position": "expands"}, c.quote,
                              f'who ends the partners\' agreements as a whole ("{cue[0]} all ... agreements") makes '
                              f"taking part no longer a matter of agreement ({c.why})", c.dated)
        extension.score = round(min(c.score, 0.6) * 0.9, 2)
        if kind == "program":
            c.values["position"] = "expands"  # the object ended is the agreements, not the program
            c.why = extension.why
            continue
        result.append(extension)
    return result


# The tone of a sentence (issue 13, session 11): a general-purpose sentiment lexicon (VADER, MIT, its
# lexicon shipped inside the package; cues.yaml `tone`) reads the evaluative polarity of what a found
# actor says or does about a program the sentence names, where no other rule joined the two.
_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def _analyzer(neutral: tuple[str, ...]) -> Any:
    """VADER's analyzer with the words of cues.yaml `tone.neutral` taken out of its lexicon: words that
    name the program's subject matter (crime, arrest, detention, security, safety), which a general
    lexicon scores as feelings but which in this domain describe what the program is about."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # type: ignore[import-untyped]

    analyzer = SentimentIntensityAnalyzer()
    for word in neutral:
        analyzer.lexicon.pop(word.lower(), None)
    return analyzer


_ANALYZERS: dict[tuple[str, ...], Any] = {}


def polarity(words: str, neutral: tuple[str, ...] = ()) -> float:
    """VADER's compound score (-1 .. 1) of `words`, the `neutral` words carrying no feeling."""
    if neutral not in _ANALYZERS:
        _ANALYZERS[neutral] = _analyzer(neutral)
    return float(_ANALYZERS[neutral].polarity_scores(words)["compound"])


def masked_words(span: Span, inside: list[Mention], start: int, end: int) -> str:
    """The sentence's words from `start` to `end` (offsets in the sentence) with every mention's name
    replaced by a neutral word: a name's own words ("Secure Communities", "Justice Department") are no
    judgement of anything."""
    piece = span.text[start:end]
    for m in sorted(inside, key=lambda m: -m.start):
        a, b = m.start - span.start - start, m.end - span.start - start
        if 0 <= a and b <= len(piece):
            piece = piece[:a] + "it" + piece[b:]
    return piece


def tones(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate],
    capable_in: Callable[[Span, list[Mention]], list[Mention]],
) -> list[Candidate]:
    """`tone.negative_position` (negative) or `supports` (positive) for a found actor and a program a
    sentence names (or refers to as "the program") where no other rule proposed anything for the pair,
    from the polarity of the words the actor is given by the roles cues.yaml `tone.roles` lists: its
    quotation, what "X said" or "according to X" reports, the rest of a sentence whose subject it is,
    the document's own words. Off as shipped (`roles: []`: measured and not kept, docs/ingest.md
    "Session 11"). Each proposal has the sentence as its quote, the lowest score of all rules and a
    `why` giving the polarity and the role."""
    cfg = lexicon.data().get("tone") or {}
    if not cfg or not cfg.get("roles"):
        return []
    negative, positive = float(cfg.get("negative", -1.0)), float(cfg.get("positive", 1.0))
    roles = set(cfg.get("roles") or [])
    against = str(cfg.get("negative_position", "criticizes"))
    neutral = tuple(str(w) for w in cfg.get("neutral") or [])
    governed = _phrases("governed", _MODIFIERS)
    said_by = _phrases("attributions", r"\s+(?:the\s+)?")
    reporting = _phrases("reporting", r"\s+(?:that\s+)?")
    nouns = [str(w) for w in cfg.get("program_nouns") or []]
    program_noun = re.compile(r"\b(?:the|this|that)\s+(?:[a-z-]+\s+)?(?:" + "|".join(map(re.escape, nouns)) + r")\b"
                              if nouns else r"(?!x)x", re.IGNORECASE)
    have = {(c.values["actor"], c.values["target"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        programs = [m for m in inside if types.get(m.entity) in TARGET_TYPES]
        referred = False
        if not programs and program_noun.search(span.text):
            earlier = [m for m in mentions if m.end <= span.start and types.get(m.entity) in TARGET_TYPES]
            if earlier:  # "the program", "this initiative": the program named last before the sentence
                programs, referred = [earlier[-1]], True
        if not programs or not _SENTENCE_END.search(span.text):
            continue
        capable = [m for m in capable_in(span, inside)
                   if not (types.get(m.entity) in JURISDICTION_TYPES and _QUALIFIER.match(text_of(span, m.end)))]
        at, text = span.start, span.text
        plain = _ASIDE.sub(lambda a: " " * len(a.group(0)), text)
        given: list[tuple[str, str, int, int]] = []  # (actor, role, start, end of the words it is given)
        quotes = [q for q in _QUOTED.finditer(text) if len(q.group(0).split()) >= 3]
        line_at = voices.text.rfind("\n", 0, at) + 1 if voices is not None else at
        within = voices is not None and not quotes and (inside_quotes(voices.text[line_at:at], at - line_at)
                                                        or voices.text[line_at:at + 1].lstrip()[:1] in "“\"")
        if (quotes or within) and voices is not None:
            speaker = voices.speaker(at + (quotes[0].start() + 1 if quotes else 0))
            if speaker is not None and speaker.how not in ("publisher", "author"):
                for q in quotes:
                    given.append((speaker.entity, "quotation", q.start(), q.end()))
                if within:  # a sentence inside a quotation that runs on from the sentence before: all of it
                    given.append((speaker.entity, "quotation", 0, len(text)))
        elif voices is not None:  # the document's own words: its author's or publisher's (not a newspaper's)
            speaker = voices.speaker(at)
            if speaker is not None and (speaker.how in ("publisher", "author") or speaker is voices.author):
                if types.get(speaker.entity) != "media" and voices.publisher is not None and types.get(voices.publisher) != "media":
                    given.append((speaker.entity, "voice", 0, len(text)))
        according = said_by.search(text)
        if according is not None:
            named = [m for m in capable if m.start - at == according.end()]
            if named:
                given.append((named[0].entity, "according", 0, len(text)))
        for m in capable:
            gap = reporting.match(text[m.end - at :].lstrip())
            if gap is not None:
                begin = m.end - at + (len(text[m.end - at :]) - len(text[m.end - at :].lstrip())) + gap.end()
                given.append((m.entity, "reporter", begin, len(text)))
                break
        subjects = [m for m in capable if not governed.search(plain[: m.start - at])]
        if subjects and not any(r in ("reporter", "according") for _, r, _, _ in given):
            first = subjects[0]
            if not re.search(r"[,;:]", plain[: first.start - at].strip()[-1:] or "") and first.start - at < len(text) // 2:
                given.append((first.entity, "subject", first.end - at, len(text)))
        for actor, role, start, end in given:
            if role not in roles:
                continue
            words = masked_words(span, inside, start, end)
            score = polarity(words, neutral)
            if negative < score < positive:
                continue
            position = against if score <= negative else "supports"
            for target in _distinct_programs(programs):
                if actor == target.entity or (actor, target.entity) in have:
                    continue
                have.add((actor, target.entity))
                why = (f"the tone of the sentence ({score:+.2f}, {role}{' anaphor' if referred else ''}): a general sentiment lexicon reads it as "
                       f"{'negative' if score < 0 else 'positive'}; no other rule joined this pair: check")
                candidate = Candidate("stances", {"actor": actor, "target": target.entity, "position": position}, [span], why,
                                      date_for(span, headings, document_date))
                candidate.score = 0.2
                result.append(candidate)
    return result


def _distinct_programs(programs: list[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for m in programs:
        seen.setdefault(m.entity, m)
    return list(seen.values())


_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.")


def _places_of_extension(data: dict[str, Any]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words near an implementation that name where the program is extended (cues.yaml
    `clauses.carried_out`): a place word next to the cue, or a preposition before a proper name (no
    month) or a word of spread ("in all", "to more", "in the state")."""
    places = "|".join(lexicon.phrase_pattern(str(w)) for w in data.get("places") or []) or r"(?!x)x"
    preps = "|".join(re.escape(str(w)) for w in data.get("to_places") or []) or r"(?!x)x"
    spread = "|".join(lexicon.phrase_pattern(str(w)) for w in data.get("spread") or []) or r"(?!x)x"
    after = re.compile(rf"^[^.;:!?—–]{{0,80}}?\b(?:(?i:{places})\b|(?i:{preps})\s+(?:(?:the|a|an|than|more|over|"
                       rf"nearly|about|almost)\s+){{0,2}}(?:(?!(?:{_MONTHS})\b)[A-Z][\w.’'-]*|(?i:{spread})\b))")
    before = re.compile(rf"\b(?i:{places})\s+(?:\S+\s+)?$")
    return after, before


def carried_out(found: list[Candidate]) -> list[Candidate]:
    """`expands` read from a word of carrying a program out ("implement"; cues.yaml `clauses.carried_out`)
    becomes `supports` where the clause names no place it is extended to ("help ICE implement the Secure
    Communities initiative", "has begun to implement its Priority Enforcement Program", "as long as the
    program is implemented properly"): carrying out a program is being for it, not extending it (ontology:
    `expands` extends the program to more places or makes participation mandatory). Where the actor's
    `supports` of the target is proposed already, the candidate is dropped. Applied before implied_support,
    so no `supports` is added twice. Session 18, 18p, from rounds 1-8 (an ICE form, a House Judiciary release)
    and round 27 (a TV station's report)."""
    data = (lexicon.data().get("clauses") or {}).get("carried_out") or {}
    words = {str(w).lower() for w in data.get("words") or []}
    if not words:
        return found
    after, before = _places_of_extension(data)
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    result: list[Candidate] = []
    for c in found:
        cue = c.cue_at() if c.kind == "stances" and c.values["position"] == "expands" else None
        if cue is None or cue[0].lower() not in words:
            result.append(c)
            continue
        sentence = c.quote[-1].text
        if after.search(sentence[cue[1] + len(cue[0]):]) or before.search(sentence[: cue[1]]):
            result.append(c)
            continue
        key = (c.values["actor"], c.values["target"], "supports")
        if key in have:
            continue  # the support is proposed already: the extension was a misreading
        have.add(key)
        c.values["position"] = "supports"
        c.why = f'carrying the program out, with no place it is extended to, is being for it ("{cue[0]}"; {c.why})'
        result.append(c)
    return result


def attributive_narrowing(found: list[Candidate]) -> list[Candidate]:
    """Drop a `seeks-to-narrow` read from a participle that stands before the noun it qualifies
    (cues.yaml `clauses.attributive_narrowing`: "ICE receives limited resources", "claiming 'limited
    resources'", "a limited number of"): an adjective, no act of limiting. "limited the use of", "limited
    to", "was limited by" stay. Session 18, 18p, from rounds 1-8 (an ICE page, a House subcommittee
    chairman's release)."""
    words = {str(w).lower() for w in (lexicon.data().get("clauses") or {}).get("attributive_narrowing") or []}
    function = {str(w).lower() for w in lexicon.data().get("function_words") or []}
    result = []
    for c in found:
        cue = c.cue_at() if c.kind == "stances" and c.values["position"] == "seeks-to-narrow" else None
        if cue is not None and cue[0].lower() in words:
            sentence = c.quote[-1].text
            noun = re.match(r"[’'\"“”‘]?\s*([a-z][\w-]*)\b", sentence[cue[1] + len(cue[0]):].lstrip())
            # what stands before the participle makes it an adjective: an opening quote, a determiner or a
            # preposition, or a verb that takes a noun phrase ("receives", "claiming"); after a name or another
            # noun it is the verb of that subject ("Georgia limited cooperation")
            before = re.search(r"(?:[‘“\"']|\b(?:a|an|the|its|their|his|her|our|my|your|such|very|only|more|most|with|of|for|by|"
                               r"on|in|to|from|under|given|receive[sd]?|get|gets|got|\w+ing))\s*$",
                               sentence[: cue[1]], re.IGNORECASE)
            if (noun is not None and noun.group(1) not in function and not noun.group(1).endswith("ly")
                    and noun.group(1) not in ("the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these",
                                              "those", "any", "some", "all", "by", "to", "in", "on", "at", "for", "from", "with")
                    and before is not None):
                continue
        result.append(c)
    return result
