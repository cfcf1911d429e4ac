"""Stances a document gives through its genre and its voices, beyond what one sentence's words say.

The rules of graph/ingest/candidates.py read a stance from one sentence: its cue word, who acts
on it, what it is about. Whole kinds of documents state stances their sentences' cue words do
not carry, the same way in every document of the kind:

- an agency's **activation release** ("3 counties join ICE Secure Communities initiative",
  "New program launched in 6 counties") reports an act of extension by the agency that
  publishes it, or by whom its lead says announced it: `expands`;
- an **official quoted in an agency's release** who presents the program ("Secure Communities
  is an ICE initiative to ... remove dangerous criminal aliens", said the Director) speaks for
  it: `supports`, unless the quotation holds a cue against it;
- an **agency's own evaluative words** about the program or what it yields, in an unsigned page
  or release ("valuable information", "one important tool that ICE relies upon") are the
  publisher's stance: `supports`;
- who **calls to suspend or end** a program objects to it: `criticizes` beside the call (not for
  a jurisdiction's or an agency's own act).
- the **document's own voice** (its author named at its head, else the authors the user gave,
  else its publisher unless a newspaper) takes the positions its own words assert about a program
  named in the same clause (or "this program"): words outside any quotation of another, with no
  other actor, named subject ("the Department refuses") or class of others ("critics say") before
  the cue, not passive, not a verb of asking ("urge X to": the act asked for counts); a voice
  whose words go both ways on one program gets none on it. This carries across genres: an
  agency's unsigned page or slides, a member's floor remarks, a blog post, a memorandum, a letter
  or release of several members (each given author).
- a **witness's testimony** (its opening addresses a committee's chair and members or thanks them
  for the opportunity; cues.yaml `genres.testimony`) presents the program: the witness `supports`
  it unless any of the witness's own words holds a cue against a program.
- an **agency's own page, slides or release** about its own program (named as its owner: "ICE's
  Secure Communities"), with no cue against a program in its own words: the agency `supports` it.

Each rule proposes only where the text says so, with the sentence as its quote, a score below
the sentence rules' and a `why` naming the genre and the words that made it. The word lists are
data (graph/ingest/cues.yaml `genres`).
"""

from __future__ import annotations

import re
from typing import Any, Callable

from graph.ingest import lexicon
from graph.ingest.mentions import JURISDICTION_TYPES, Mention
from graph.ingest.passages import TARGET_TYPES, Candidate, Span, date_for, inside_quotes

AGENCY_TYPES = frozenset({"agency", "office"})
_QUOTE_CHARS = "\"“”"


def _words(name: str) -> re.Pattern[str]:
    """A regex of the phrases of cues.yaml `genres.<name>`, each matched as words, case-insensitive;
    a `*` stands for up to three words."""
    phrases = [str(p) for p in (lexicon.data().get("genres") or {}).get(name) or []]
    if not phrases:
        return re.compile(r"(?!x)x")
    parts = sorted((lexicon.phrase_pattern(p) for p in phrases),
                   key=lambda p: (-len(p), p))
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)


def stances(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str | None,
    publisher: str | None, voices: Any, headings: list[tuple[int, str, str]], document_date: str | None,
    found: list[Candidate], against: re.Pattern[str], titled: list[tuple[int, str, str]] | None = None,
    positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]] | None = None,
) -> list[Candidate]:
    """The genre-level stance candidates of a document that the sentence rules (`found`) did not
    propose. `voices`: graph.ingest.candidates.Voices; `against`: the cue words of positions
    against a program (polarity -1), which keep a quotation from counting as support; `titled`:
    (offset, title, person) of the people named with a title; `positions_in`: the position cues a
    sentence asserts (the sentence rules' filters applied)."""
    if topic is None:
        return []
    agency = publisher if publisher is not None and types.get(publisher) in AGENCY_TYPES else None
    result: list[Candidate] = []
    result += _activation(text, spans, mentions, types, topic, agency, headings, document_date)
    objects = _objection(mentions, against, positions_in)
    page = _agency_page(text, spans, mentions, types, topic, voices, headings, document_date, objects)
    if agency is not None:
        result += _quoted_officials(text, spans, mentions, types, topic, voices, headings, document_date, against, bool(page))
        result += _own_words(text, spans, mentions, types, topic, agency, voices, headings, document_date, against)
        result += _rebuttal(spans, mentions, topic, agency, headings, document_date)
    result += _made_mandatory(text, spans, mentions, types, topic, voices, headings, document_date)
    if agency is None and positions_in is not None:
        result += _members(text, spans, mentions, types, topic, voices, headings, document_date, titled or [], positions_in,
                           found)
    result += _testimony(text, spans, mentions, types, topic, voices, headings, document_date, objects)
    result += page
    if positions_in is not None:
        result += _own_voice(text, spans, mentions, types, topic, voices, headings, document_date, found + result, positions_in)
    author = voices.author.entity if voices.author is not None else None
    result += _implied_criticism(found + result, types, author, _speakers(text, mentions, types))
    if agency is None and positions_in is not None:
        result += _joiners(text, spans, mentions, types, topic, titled or [], headings, document_date, positions_in)
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    kept, seen = [], set(have)
    for c in result:
        key = (c.values["actor"], c.values["target"], c.values["position"])
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept


def _candidate(actor: str, target: str, position: str, span: Span, why: str, score: float,
               headings: list[tuple[int, str, str]], document_date: str | None) -> Candidate:
    candidate = Candidate("stances", {"actor": actor, "target": target, "position": position}, [span], why,
                          date_for(span, headings, document_date))
    candidate.score = score
    return candidate


def _lead(text: str) -> int:
    """Where a release's lead ends: after its headlines and its first paragraph of running text
    (the first line of 150 characters or more), at most 1,500 characters in."""
    for line in re.finditer(r"[^\n]+", text):
        if line.start() > 1500:
            break
        if len(line.group(0).strip()) >= 150:
            return line.end()
    return min(len(text), 1500)


def _activation(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str,
    agency: str | None, headings: list[tuple[int, str, str]], document_date: str | None,
) -> list[Candidate]:
    """An activation release: its headline or lead says places join, launch or begin to use the
    program ("3 Maryland counties join ICE Secure Communities initiative"). The extension is the
    act of whom the sentence says announced it, else of the agency that publishes the release.
    Further on, only a sentence that says who announced it counts ("X and Y also announced today
    that the city will be the next jurisdiction to participate in the program")."""
    acts, places, programs = _words("activation_acts"), _words("activation_places"), _words("program_words")
    end = _lead(text)
    result: list[Candidate] = []
    for span in spans:
        lead = span.start < end
        if not lead and result and result[0].values["actor"] == agency:
            break  # the release's own extension is proposed; announcers further on only add people
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        act = acts.search(span.text)
        if act is None or "?" in span.text or re.match(r"\W*(?:If|Whether|Unless)\b", span.text):
            continue
        if _hedged(span.text[: act.start()]) or inside_quotes(span.text, act.start()):
            continue
        place = places.search(span.text) or next((m for m in inside if types.get(m.entity) in JURISDICTION_TYPES), None)
        program = any(m.entity == topic for m in inside) or programs.search(span.text)
        if place is None or not program:
            continue
        announced = re.search(r"\b(?:announced|announces|announce)\b", span.text[: act.start()])
        actors = []
        if announced is not None:
            before = [m for m in inside if m.end - span.start <= announced.start()]
            people = [m.entity for m in before if types.get(m.entity) == "person"]  # not the agency in a person's title
            actors = people or [m.entity for m in before if types.get(m.entity) in AGENCY_TYPES]
        why_actor = "who the sentence says announced it"
        if not actors and agency is not None and lead and not result:
            actors, why_actor = [agency], "the agency that publishes the release"
        if not actors:
            continue
        where = "its lead says" if lead else "a sentence says"
        position = "expands"
        joiner = _joined_by_head(span, inside, types, announced, act, actors) if announced is not None else None
        if joiner is not None:  # "Gov. X announced today that Colorado will join": the place's own decision, its head's
            actors, position = [*actors, joiner], "supports"
            why_actor += " (the head of the place that joins: the place's decision to take part, support)"
        why = (f'activation release: {where} places take up the program ("{act.group(0)}"); '
               f"actor: {why_actor}; target: the document's program")
        result += [_candidate(a, topic, position, span, why, 0.6 if lead else 0.5, headings, document_date)
                   for a in dict.fromkeys(actors) if a not in {c.values["actor"] for c in result}]
    return result


def _joined_by_head(span: Span, inside: list[Mention], types: dict[str, str], announced: re.Match[str],
                    act: re.Match[str], actors: list[str]) -> str | None:
    """The place that joins, where its own head announces it: one person announced, titled as the head
    of a place right before the name ("Gov. X", cues.yaml `heads_of_places`), and a jurisdiction is the
    subject right after "announced (today) that" ("Gov. X announced today that Colorado will join ...")."""
    people = [m for m in inside if m.entity in actors and types.get(m.entity) == "person"]
    if len(people) != 1 or len(actors) != 1:
        return None
    heads = sorted((str(t) for t in lexicon.data().get("heads_of_places") or []), key=lambda t: (-len(t), t))
    title = "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in heads) + ")" if heads else r"(?!x)x"
    if not re.search(rf"\b{title}\s+$", span.text[: people[0].start - span.start]):
        return None
    subject = re.match(r"\s*(?:today\s+|yesterday\s+|\w+day\s+)?(?:that\s+)?(?:the\s+(?:state|county|city)\s+of\s+)?",
                       span.text[announced.end() :])
    at = announced.end() + (subject.end() if subject else 0)
    place = [m for m in inside if m.start - span.start == at and types.get(m.entity) in JURISDICTION_TYPES]
    return place[0].entity if place and place[0].end - span.start <= act.start() else None


def _hedged(before: str) -> bool:
    return bool(re.search(r"\b(?:whether|may|might|could|would|can|if|unless|not|never)\s+(?:\w+\s+){0,2}$", before,
                          re.IGNORECASE))


def _line_spans(spans: list[Span], start: int, end: int) -> list[Span]:
    return [s for s in spans if start <= s.start and s.end <= end]


def _quoted_officials(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, against: re.Pattern[str], presented: bool = False,
) -> list[Candidate]:
    """A person quoted in an agency's release ("..., said Executive Director X") whose quotation
    presents the program (names it, or "this initiative", "this tool"; or any quotation, where the
    release presents the agency's own program: `presented`) and holds no cue against it: the
    official speaks for the program."""
    programs = _words("program_words")
    result = []
    for start, end, said in voices.paragraphs:
        if said is None or types.get(said.entity) != "person":
            continue
        line = text[start:end]
        if not any(q in line for q in _QUOTE_CHARS) or against.search(line):
            continue
        named = [m for m in mentions if start <= m.start and m.end <= end and m.entity == topic]
        program = programs.search(line)
        if named:
            at, words = named[0].start, named[0].text
        elif program is not None:
            at, words = start + program.start(), program.group(0)
        elif presented:
            at, words = start, "a quotation in a release that presents the agency's own program"
        else:
            continue
        lines = _line_spans(spans, start, end)
        span = next((s for s in lines if s.start <= at < s.end), lines[0] if lines else None)
        if span is None:
            continue
        why = (f"an official quoted in the agency's release presents the program (\"{words}\") "
               f"and the quotation holds no cue against it; actor: the quotation's speaker; target: the document's program")
        result.append(_candidate(said.entity, topic, "supports", span, why, 0.55, headings, document_date))
    return result


def _own_words(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, agency: str,
    voices: Any, headings: list[tuple[int, str, str]], document_date: str | None, against: re.Pattern[str],
) -> list[Candidate]:
    """The publishing agency's own evaluative words about the program or what it yields, outside
    any quotation, in a paragraph that names the program: the publisher supports it."""
    praise = _words("own_praise")
    for span in spans:
        found = praise.search(span.text)
        if found is None or inside_quotes(span.text, found.start()) or _hedged(span.text[: found.start()]):
            continue
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_start + 1] in _QUOTE_CHARS or inside_quotes(text[line_start:span.start + found.start()], span.start + found.start() - line_start):
            continue
        if any(start == line_start and said is not None for start, _, said in voices.paragraphs):
            continue  # a paragraph of a quotation ('..., said X'), even when its opening quote is missing
        speaker = voices.speaker(span.start + found.start())
        if speaker is None or speaker.entity != agency:
            continue
        if not any(line_start <= m.start and m.end <= line_end and m.entity == topic for m in mentions):
            continue
        if against.search(span.text):
            continue
        why = (f'the publishing agency\'s own evaluative words ("{found.group(0)}") in a paragraph naming the program; '
               "actor: the publisher; target: the document's program")
        return [_candidate(agency, topic, "supports", span, why, 0.5, headings, document_date)]
    return []


# "Cuomo, a Democrat, said", "said Supervisor X", "according to X": the person speaks in the document.
_SAYS_AFTER = re.compile(r"(?:\s*,[^,.;]{1,60},)?\s+(?:\w+ly\s+)?(?:said|says|told|stated|states|explained|added|argued|wrote|writes)\b")
_SAYS_BEFORE = re.compile(r"\b(?:said|says|told|stated|explained|added|argued|according\s+to)\s+(?:[\w.’'-]+\s+){0,3}$")


def _speakers(text: str, mentions: list[Mention], types: dict[str, str]) -> set[str]:
    """The persons the document gives their own words: a verb of saying right after their name (or after
    an apposition to it) or right before it ("said X", "according to X")."""
    return {m.entity for m in mentions if types.get(m.entity) == "person"
            and (_SAYS_AFTER.match(text, m.end) or _SAYS_BEFORE.search(text[max(0, m.start - 60) : m.start]))}


def _implied_criticism(found: list[Candidate], types: dict[str, str], author: str | None,
                       speakers: frozenset[str] | set[str] = frozenset()) -> list[Candidate]:
    """A person, or the document's author, who calls for a program to be suspended or ended
    objects to it: `criticizes` beside the call. Not for a jurisdiction or an agency (acting on
    its own participation), nor for groups the text only reports as wanting it. So does a person
    who seeks to opt out of it (withdraws a jurisdiction, or asks for it) where the document gives the
    person's own words: one only reported to withdraw may have decided it for other reasons."""
    result = []
    for c in found:
        if c.kind != "stances" or c.values["position"] not in ("calls-for-moratorium", "calls-to-end", "seeks-opt-out"):
            continue
        actor = c.values["actor"]
        if c.values["position"] == "seeks-opt-out" and actor not in speakers:
            continue
        if types.get(actor) in JURISDICTION_TYPES | AGENCY_TYPES or types.get(c.values["target"]) not in TARGET_TYPES:
            continue
        if types.get(c.values["target"]) == "agreement":
            continue  # ending an agreement changes the terms of taking part ("ICE has decided to terminate all existing
            # MOAs", Morton said): no objection to the agreement (session 16, 16s)
        if types.get(actor) != "person" and actor != author:
            continue
        if _own_act(c):
            continue
        why = f"who calls for it to be {'suspended' if c.values['position'] == 'calls-for-moratorium' else 'ended'} objects to it ({c.why})"
        criticism = Candidate("stances", {"actor": actor, "target": c.values["target"], "position": "criticizes"}, c.quote,
                              why, c.dated)
        criticism.score = round(min(c.score, 0.6) * 0.8, 2)
        result.append(criticism)
    return result


def implied_support(found: list[Candidate]) -> list[Candidate]:
    """Who extends a program supports it (`expands` is narrower than `supports` in the position
    scheme): `supports` beside each extension, so that a reviewer who finds the act misread (an
    extension asked for, not made: "I sought an answer on why Georgia has not seen X implemented")
    keeps the broader position, and a gold that codes the actor's support beside the act finds it."""
    result = []
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    for c in found:
        if c.kind != "stances" or c.values["position"] != "expands":
            continue
        key = (c.values["actor"], c.values["target"], "supports")
        if key in have:
            continue
        have.add(key)
        support = Candidate("stances", {"actor": key[0], "target": key[1], "position": "supports"}, c.quote,
                            f"who extends it supports it ({c.why})", c.dated)
        support.score = round(c.score * 0.8, 2)
        result.append(support)
    return result


def _own_act(c: Candidate) -> bool:
    """Whether a candidate's cue is the actor's own act of ending or suspending ("Obama scraps the
    program", "the Secretary ended it"), not a call on another to do it ("urged the Governor to
    end", "it should be suspended", "a call for a moratorium"): a decision, which the actor may take
    for other reasons than objecting to the program."""
    found = c.cue_at()
    if found is None or " " in found[0].strip():
        return False
    word, at = found
    sentence = c.quote[-1].text
    before = sentence[:at]
    if not re.fullmatch(r"\w+(?:s|ed)", word) and (c.values["position"] == "seeks-opt-out" or not (
            # session 17, 17p: the act told in the progressive ("Obama announced he is ending X", "he is scrapping
            # X") or named by a noun that a verb of doing or the actor's possessive governs ("Sheriff X announces
            # the end of the county's program", "notifying him of their discontinuation of it"): done, not asked
            re.fullmatch(r"\w+ing", word) and re.search(r"\b(?:is|are|am|was|were)\s+(?:\w+ly\s+)?$", before, re.IGNORECASE)
            or _done_noun(before))):  # (an opt-out in the speaker's own words keeps its objection: not here)
        return False
    return not re.search(r"\b(?:to|should|must|ought|would|urg\w*|call\w*|ask\w*|demand\w*|request\w*|want\w*|press\w*)\s+"
                         r"(?:\S+\s+){0,4}$", before, re.IGNORECASE)


def _done_noun(before: str) -> bool:
    """Whether a noun cue of ending ("the end of", "discontinuation") is governed by a verb of doing
    (graph/ingest/cues.yaml `doing`: "announces the end of") or owned by a possessive of the actor
    ("their discontinuation of"), with nothing of asking between: an act done, not one asked for."""
    words = re.findall(r"[\w’'-]+", before.lower())
    if words and words[-1] in ("their", "his", "her", "its", "our"):
        return True
    stems = [str(v).lower().removesuffix("e") for v in lexicon.data().get("doing") or []]
    tail = words[-3:]
    return bool(tail) and tail[-1] in ("the", "an", "a") and any(
        w.startswith(stem) and len(w) - len(stem) <= 3 for w in tail[:-1] for stem in stems)


# What a member's call or objection is, by the position of its cue: asked by a member of Congress,
# a suspension or a withdrawal is asked of another (bench/ingest-eval/README.md: those who ask a
# jurisdiction to withdraw call to end the program there; to suspend, for a moratorium).
_MEMBER_POSITIONS = {
    "calls-for-moratorium": "calls-for-moratorium", "suspends-participation": "calls-for-moratorium",
    "calls-to-end": "calls-to-end", "seeks-opt-out": "calls-to-end", "seeks-to-narrow": "seeks-to-narrow",
    "seeks-disclosure": "seeks-disclosure", "criticizes": "criticizes", "opposes": "criticizes", "calls-to-halt": "criticizes",
}
_CALLS = frozenset({"calls-for-moratorium", "calls-to-end", "seeks-to-narrow"})


def _member_voices(text: str, mentions: list[Mention], types: dict[str, str], titled: list[tuple[int, str, str]],
                   end: int) -> list[str]:
    """The members of Congress the lead names as such: people named with a member's title
    (cues.yaml `genres.member_titles`), one by one or in a list after a plural title
    ("Representatives A (CA-31), B (CA-32) and C (CA-34)")."""
    titles = {str(t) for t in (lexicon.data().get("genres") or {}).get("member_titles") or []}
    people = [m for m in mentions if types.get(m.entity) == "person"]
    members = [person for start, title, person in titled if start < end and title in titles]
    plural = _words("member_lists")
    for title in plural.finditer(text, 0, end):
        at = title.end()
        listed: list[str] = []
        for m in sorted((m for m in people if m.start >= at), key=lambda m: m.start):
            if listed and m.entity == listed[-1]:
                at = m.end  # the member's own tag ("John Doe (CA-31)") named as them
                continue
            gap = re.sub(r"\([^)]*\)?|\)", " ", text[at : m.start])
            if not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)?", gap):
                break
            listed.append(m.entity)
            at = m.end
        members += listed
    return list(dict.fromkeys(members))


def _members(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, titled: list[tuple[int, str, str]],
    positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]], found: list[Candidate],
) -> list[Candidate]:
    """A member's (or members') release, statement or letter: the members its lead names speak its
    headline and lead, and each speaks the quotations attributed to them; every call (to suspend,
    end or limit the program) and objection in those words is each speaker's, with `criticizes`
    beside a call. The program is the document's."""
    end = _lead(text)
    members = _member_voices(text, mentions, types, titled, end)
    for c in found:  # a member of Congress neither suspends nor leaves the program: asks a state to
        if c.kind == "stances" and c.values["actor"] in members and c.values["position"] in ("suspends-participation", "seeks-opt-out"):
            c.values["position"] = _MEMBER_POSITIONS[c.values["position"]]
            c.why += f"; a member of Congress does not take part in the program: asked of another, {c.values['position']}"
    writers = [voices.author.entity] if voices.author is not None else []
    writers += [a for a in voices.given if a not in writers]  # a joint letter's or release's other authors
    writers = [w for w in writers if types.get(w) == "person"]
    titled_members = set(members)
    members += [w for w in writers if w not in members]
    if not members:
        return []
    spoken: dict[str, list[Span]] = {m: [] for m in members}
    addressed = re.compile(r"\b(?:Dear|To:)\s")
    plural = _words("member_lists")
    first_person = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")
    for span in spans:
        line_start = text.rfind("\n", 0, span.start) + 1
        said = next((who for start, stop, who in voices.paragraphs if start <= span.start < stop), None)
        named = {m.entity for m in mentions if span.start <= m.start and m.end <= span.end}
        headline = not span.text.rstrip().endswith((".", "?", "!", '"', "”", ":"))
        if said is not None and said.entity in spoken and _quoted_line(text, line_start, span):
            spoken[said.entity].append(span)
        elif said is None and span.start < end and not addressed.match(span.text) and (
                headline or named & set(members) or plural.search(span.text)):
            opening = min((m for m in mentions if span.start <= m.start < span.end and types.get(m.entity, "")
                           not in TARGET_TYPES | {"document", "system", "campaign", "region"}), key=lambda m: m.start, default=None)
            subject = opening.entity if opening is not None and not re.search(r"[a-z]", text[span.start : opening.start]) else None
            for member in members:  # the headline, and the lead's sentences about the members: their announcement
                if member in titled_members or member in named or subject is None:
                    spoken[member].append(span)
                # a writer the lead names as no member (a reporter's byline, a letter's signer) does not speak a
                # headline or lead sentence that opens with another actor, its subject, and does not name the
                # writer: "New York pulls out of ...", "Obama Ends Secure Communities" report that actor's act
                # (session 19, 19c); "Members ask Alpha County to suspend ..." is still the writers'
        elif writers and said is None and span.start >= end and first_person.search(span.text):
            for writer in writers:  # the authors' own words in their statement or letter ("I", "we")
                spoken[writer].append(span)
    supported = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    result = []
    for member, own in spoken.items():
        taken: dict[str, Span] = {}
        for span in own:
            for position, _ in positions_in(span):
                mapped = _MEMBER_POSITIONS.get(position)
                if mapped is not None:
                    taken.setdefault(mapped, span)
        if taken.keys() & _CALLS:
            taken.setdefault("criticizes", next(taken[p] for p in sorted(taken.keys() & _CALLS)))
        if (member, topic, "supports") in supported:
            taken.pop("criticizes", None)  # a supporter's objections are to changes of the program: the rules judge them
        for position, span in sorted(taken.items(), key=lambda kv: kv[1].start):
            why = (f"a member's release, statement or letter: the member speaks its headline and lead, and the quotations "
                   f"attributed to them; a cue of {position} in those words; target: the document's program")
            result.append(_candidate(member, topic, position, span, why, 0.5, headings, document_date))
    return result


def _joiners(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str,
    titled: list[tuple[int, str, str]], headings: list[tuple[int, str, str]], document_date: str | None,
    positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]],
) -> list[Candidate]:
    """Those the lead says joined the members in their announcement ("were joined by Councilmember A
    and Councilmember B to make the announcement"): the calls of the headline and lead are theirs
    too (a call only: their objections are not said)."""
    end = _lead(text)
    members = _member_voices(text, mentions, types, titled, end)
    lead = [s for s in spans if s.start < end]
    joined: list[str] = []
    for span in lead:
        by = re.search(r"\b(?:joined|accompanied)\s+by\b", span.text)
        if by is None or not set(members) & {m.entity for m in mentions if span.start <= m.start < span.start + by.start()}:
            continue
        stop = re.search(r"\bto\s+[a-z]+\b|[;:]\s|\bwho\b|\bwhich\b", span.text[by.end() :])  # a sentence: "C. Parks" goes on
        limit = span.start + by.end() + (stop.start() if stop else len(span.text))
        joined += [m.entity for m in mentions if span.start + by.end() <= m.start < limit
                   and types.get(m.entity) in {"person", "group"} and m.entity not in members]
    calls: dict[str, Span] = {}
    for span in lead:
        if not span.text.rstrip().endswith((".", "?", "!", '"', "”", ":")) or set(members) & {
                m.entity for m in mentions if span.start <= m.start < span.end} or _words("member_lists").search(span.text):
            for position, _ in positions_in(span):
                mapped = _MEMBER_POSITIONS.get(position)
                if mapped in _CALLS:
                    calls.setdefault(mapped, span)
    result = []
    for who in dict.fromkeys(joined):
        for position, span in sorted(calls.items(), key=lambda kv: kv[1].start):
            why = (f"joined the members in the announcement the lead reports; its call ({position}) is theirs too; "
                   "target: the document's program")
            result.append(_candidate(who, topic, position, span, why, 0.45, headings, document_date))
    return result


def _quoted_line(text: str, line_start: int, span: Span) -> bool:
    return text[line_start : line_start + 2].lstrip()[:1] in _QUOTE_CHARS or any(q in span.text for q in _QUOTE_CHARS)


def _operator(text: str, mentions: list[Mention], types: dict[str, str], topic: str) -> str | None:
    """The agency that runs the program, as the text says: named as its owner right before it
    ("ICE's Secure Communities", "Immigration and Customs Enforcement's (ICE) Secure Communities"),
    in an apposition after it ('"Secure Communities," ICE's comprehensive plan') or after it as who
    administers it ("administered by ICE"); the one said so most often."""
    agencies = [m for m in mentions if types.get(m.entity) in AGENCY_TYPES]
    counts: dict[str, int] = {}
    for program in (m for m in mentions if m.entity == topic):
        owner = [a for a in agencies if a.end <= program.start and re.fullmatch(
            r"(?:['’]s)?\s*(?:\([A-Z][A-Z.&-]*\)\s*)?(?:['’]s)?[\s\"“”'‘]*", text[a.end : program.start])]
        after = re.match(r"[\s\"”'’,]*(?:program|initiative|strategy)?\s*,?\s*(?:which\s+is\s+)?"
                         r"(?:administered|run|operated|managed|spearheaded|overseen)\s+by\s+(?:the\s+)?", text[program.end :])
        if after is not None:
            owner += [a for a in agencies if a.start == program.end + after.end()]
        owner += _apposed_owners(text, program, agencies)
        for a in owner:
            counts[a.entity] = counts.get(a.entity, 0) + 1
    return min(counts, key=lambda e: (-counts[e], e)) if counts else None


def _apposed_owners(text: str, program: Mention, agencies: list[Mention]) -> list[Mention]:
    """The agencies an apposition right after a program's name gives as its owner: '"Secure
    Communities," U.S. Immigration and Customs Enforcement's (ICE) comprehensive plan to ...',
    "Secure Communities, ICE's program for ...": a definition of the program as the agency's own."""
    apposed = re.match(r"[\s\"”'’]*,[\s\"”'’]*(?:(?:is|was)\s+)?(?:the\s+)?", text[program.end :])
    if apposed is None:
        return []
    return [a for a in agencies if a.start == program.end + apposed.end()
            and re.match(r"(?:\s*\([A-Z][A-Z.&-]*\))?['’]s\b|['’]s\s*\([A-Z][A-Z.&-]*\)", text[a.end :])]


# Before "mandatory": a making still to come or only planned, or a question of which it is.
_PLANNED = re.compile(r"\b(?:(?:will|won['’]t|would|wouldn['’]t|shall|to)\s+(?:not\s+)?(?:\w+ly\s+)?(?:become|be|be\s+made)|"
                      r"plans?\s+(?:for|to\s+make)|whether\s+(?:\w+\s+){0,4}(?:is|was|be))\s+(?:\w+\s+)?$", re.IGNORECASE)


def _made_mandatory(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None,
) -> list[Candidate]:
    """A sentence that says the program was made mandatory (cues.yaml `genres.mandatory`: "changes that
    now make it mandatory", "they considered it mandatory"): an extension of it by the agency that
    runs it, and by the one addressed when it is theirs ("the announcement you made ... that the
    program is now mandatory"). Bench/ingest-eval/README.md: making participation mandatory is `expands`."""
    mandatory = _words("mandatory")
    owner = _operator(text, mentions, types, topic)
    agencies = [m.entity for m in mentions if types.get(m.entity) in AGENCY_TYPES]
    for span in spans:
        word = mandatory.search(span.text)
        if word is None or _hedged(span.text[: word.start()]) or "?" in span.text:
            continue
        if _PLANNED.search(span.text[max(0, word.start() - 60) : word.start()]):
            continue  # "won't become mandatory until next year", "plans for mandatory participation": not made so yet
        named_here = [m.entity for m in mentions if span.start <= m.start < span.end and types.get(m.entity) in AGENCY_TYPES]
        operator = owner or (named_here[0] if named_here else None) or (
            min(set(agencies), key=lambda e: (-agencies.count(e), e)) if agencies else None)
        if operator is None:
            continue
        clause = span.text[max(span.text.rfind(";", 0, word.start()), 0) : word.start()]
        named = any(m.entity == topic and span.start <= m.start < span.start + word.start() for m in mentions)
        if not named and not re.search(r"\b(?:it|the\s+program|this\s+program)\b", clause, re.IGNORECASE):
            continue
        actors = [operator]
        if voices.addressee is not None and re.search(r"\byou\b", span.text[: word.start()], re.IGNORECASE):
            actors.append(voices.addressee.entity)
        how = ("named as its owner or who administers it" if owner else "named in the sentence" if named_here
               else "the agency the document names most often: check")
        why = (f'the program said to be made "{word.group(0)}": an extension by the agency that runs it ({how})'
               + (', and by the one addressed ("you")' if len(actors) > 1 else ""))
        return [_candidate(a, topic, "expands", span, why, 0.5, headings, document_date) for a in actors]
    return []


def _rebuttal(spans: list[Span], mentions: list[Mention], topic: str, agency: str,
              headings: list[tuple[int, str, str]], document_date: str | None) -> list[Candidate]:
    """An agency's page that answers claims about its program ("Setting the Record Straight",
    "CLAIM: ... FACT: ...", "Get the Facts"; cues.yaml `genres.rebuttal`) defends it: the publisher
    `supports` it. The quote is the first sentence with such words that names the program."""
    marker = _words("rebuttal")
    hits = [s for s in spans if marker.search(s.text)]
    named = [s for s in hits if any(s.start <= m.start and m.end <= s.end and m.entity == topic for m in mentions)]
    if not hits or not named:
        return []
    found = marker.search(named[0].text)
    why = (f'an agency\'s page that answers claims about its program ("{found.group(0) if found else ""}") defends it; '
           "actor: the publisher; target: the document's program")
    return [_candidate(agency, topic, "supports", named[0], why, 0.5, headings, document_date)]


# Positions of the document's own voice: what one asks of another keeps its position; a voice
# that takes part in no program (a member, a group, an agency) "suspends" or "leaves" nothing: its
# cue of a state's withdrawal is a call of that kind (bench/ingest-eval/README.md).
_FAVOURABLE = frozenset({"supports", "expands"})
_NAMED_SUBJECT = re.compile(r"\b(?:the|this|that|its|their)\s+(?:[A-Z][\w’'-]*\s+){1,3}(?:(?:has|have|had|will|would|should|must|"
                            r"can|could|may|is|are|was|were|also|now)\s+)?$")  # "the Department refuses": another's act
_PASSIVE_CUE = re.compile(r"\b(?<!must )(?<!should )(?<!to )(?:is|are|was|were|been|being|be|get|got)\s+(?:\w+ly\s+)?[“\"‘']?$",
                          re.IGNORECASE)  # not "must be suspended", "ought to be ended": a call; 'was “activated”' is passive too
# Whose act a cue in the voice's own words is, when it is not the voice's (each says who acts instead):
# "Launched in 2008, the program ...": a participle opening the sentence, passive (someone launched it);
_OPENING_PARTICIPLE = re.compile(r"[A-Z][a-z]+ed$")
_AFTER_PARTICIPLE = re.compile(r"\s+(?:in|on|by|at|during|under|with|since|across|through|over|last|this)\b[^,.;:\n]{0,60},")
# ", who decided to halt", ", and that the government would begin": a relative or reported clause,
# its act the antecedent's or the reported subject's;
_RELATIVE_CLAUSE = re.compile(r"^[,;]?\s*(?:and\s+|but\s+)?(?:who|whom|whose|which|that)\b", re.IGNORECASE)
# "A task force was created to improve it": the purpose of a passive's subject, not the voice's act;
_PASSIVE_PURPOSE = re.compile(r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?\w+(?:ed|en)\s+(?:[\w’'-]+\s+){0,3}?to\s+$",
                              re.IGNORECASE)
# "the federal government would begin implementing": a subject before an auxiliary (not the program itself).
_COMMON_SUBJECT = re.compile(r"\b(?:the|this|that|its|their|a|an)\s+(?!(?:\w+\s+){0,2}(?:program|initiative|it)\b)(?:[a-z][\w’'-]*\s+){1,3}"
                             r"(?:has|have|had|will|would|should|must|can|could|may|might)\s+(?:(?:not|also|now|then|soon|begin|began|start|started|continue)\s+){0,2}$")


def document_voices(voices: Any, types: dict[str, str]) -> list[str]:
    """Who speaks the document's own words: its author (named at its head, else given by the
    user, else its publisher unless a newspaper) and every other author the user gave."""
    speaking = [voices.author.entity] if voices.author is not None else []
    speaking += [a for a in voices.given if a not in speaking]
    return [s for s in speaking if types.get(s) != "media"]


# Before an extension's word: the writer wants it done ("an urgent need for X to be implemented",
# "we urge DHS to expand", "should be activated").
_WANTED = re.compile(r"\b(?:need|needs|needed|urge|urges|call\s+for|calls\s+for|should|must|ought)\b[^.;]*$|\bto\s+(?:be\s+)?$",
                     re.IGNORECASE)


def _own_voice(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate],
    positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]],
) -> list[Candidate]:
    """The document's voice toward the programs it is about, in its own words: a sentence outside
    any quotation of another, whose cue no one else in it takes (no other actor before the cue in
    its clause, no "critics say", no passive), about a program it names (or "this program", the
    document's). Each position such words assert is the voice's; a voice whose words go both ways
    on one program gets none on it (the reviewer reads the document)."""
    speaking = document_voices(voices, types)
    if not speaking or voices.author is None:
        return []
    others = {(c.quote[0].start, c.values["target"]) for c in found
              if c.kind == "stances" and c.values["actor"] not in speaking}
    others_words = _words("other_subjects")
    asking = re.compile(r"(?:" + "|".join(re.escape(str(w)) for w in lexicon.data().get("asking") or []) + r")\w*$", re.IGNORECASE)
    capable = [m for m in mentions if types.get(m.entity, "") not in TARGET_TYPES | {"document", "system", "campaign", "region"}]
    said: dict[str, dict[str, tuple[Span, str]]] = {}
    for span in spans:
        for position, match in positions_in(span):
            at = span.start + match.start()
            if voices.speaker(at) is not voices.author and (voices.speaker(at) is None
                                                             or voices.speaker(at).entity != voices.author.entity):
                continue  # a quotation of another
            clause_start = span.start + max(span.text.rfind(";", 0, match.start()), span.text.rfind(",", 0, match.start()), 0)
            before = text[clause_start:at]
            if others_words.search(before) or _PASSIVE_CUE.search(text[span.start:at]) or _NAMED_SUBJECT.search(text[span.start:at]):
                continue
            lead = text[span.start:at].strip(" \"“”‘’'\n")
            if not lead and _OPENING_PARTICIPLE.match(match.group(0)) and _AFTER_PARTICIPLE.match(text, at + len(match.group(0))):
                continue  # "Launched in 2008, the program ...": passive, someone else's act
            if _RELATIVE_CLAUSE.search(before) or _PASSIVE_PURPOSE.search(before) or _COMMON_SUBJECT.search(before):
                continue  # another's act: the antecedent's, a reported subject's, a passive subject's purpose
            if any(clause_start <= m.start < at and m.entity not in speaking for m in capable):
                continue
            if asking.match(match.group(0)) and re.match(r"\s+(?:[\w.’'-]+\s+){0,8}?(?:to|that)\b", text[span.start + match.end():]):
                continue  # "I urge X to end it": the position is the act asked for, not the asking
            stop = re.compile(r";|,?\s+(?:which|who|whom|whose)\b").search(span.text, match.end())  # not a relative clause
            clause_end = span.end if stop is None else span.start + stop.start()
            named = [m for m in mentions if types.get(m.entity) in TARGET_TYPES and (
                clause_start <= m.start < at or span.start + match.end() <= m.start < clause_end)]
            after = [m for m in named if m.start >= at]
            near = span.text[match.start(): match.end() + 60]
            target = (after[0] if after else named[-1]).entity if named else (
                topic if re.search(r"\b(?:this|the|our|that)\s+(?:\w+\s+)?(?:program|initiative)\b", near, re.IGNORECASE) else None)
            if target is None or (span.start, target) in others:
                continue
            said.setdefault(target, {}).setdefault(position, (span, match.group(0)))
    result = []
    for target, positions in said.items():
        favourable = {p for p in positions if p in _FAVOURABLE}
        if favourable and len(favourable) != len(positions):
            continue  # both ways: none
        for position, (span, words) in sorted(positions.items(), key=lambda kv: kv[1][0].start):
            act = position == "expands"
            position = "supports" if act else position  # an extension is an act, not a voice's words
            at = span.start + span.text.find(words)
            wanted = bool(_WANTED.search(text[max(span.start, at - 80) : at]))
            for who in speaking:
                if act and types.get(who) not in AGENCY_TYPES and not wanted:
                    continue  # a report that the program is extended ("won't become mandatory until next year") is
                    # the act of the one who runs it, not the writer's support, unless the writer wants it done
                own = position
                if position in ("suspends-participation", "seeks-opt-out") and types.get(who) not in JURISDICTION_TYPES:
                    own = _MEMBER_POSITIONS[position]  # asked of a jurisdiction by a voice that is none
                why = (f'the document\'s own voice (its author or publisher) in its own words, outside any quotation and with '
                       f'no other actor before the cue: "{words}" ({own}); actor: the document\'s voice; target: the program named')
                result.append(_candidate(who, target, own, span, why, 0.4, headings, document_date))
    return result


def _testimony(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, objects: Callable[[Span, str], bool],
) -> list[Candidate]:
    """A witness's testimony about the program (its opening addresses a committee's chair and
    members, or thanks them for the opportunity to testify; cues.yaml `genres.testimony`): the
    witness, the document's voice, presents the program and `supports` it when none of the
    witness's own words holds a cue against a program. The quote is the first sentence of the
    witness's own words that names the program."""
    speaking = document_voices(voices, types)
    opening = text[: _lead(text) + 600]
    if not speaking or voices.author is None or not _words("testimony").search(opening):
        return []
    own = [s for s in spans if voices.speaker(s.start) is voices.author and not inside_quotes(s.text, 0)]
    if any(objects(s, topic) for s in own):
        return []
    named = [s for s in own if any(s.start <= m.start < s.end and m.entity == topic for m in mentions)]
    if not named:
        return []
    why = ("testimony: the witness, the document's voice, presents the program and none of the witness's own words "
           "holds a cue against a program; actor: the witness; target: the document's program")
    result = [_candidate(who, topic, "supports", named[0], why, 0.35, headings, document_date) for who in speaking]
    served = _witness_agencies(text, mentions, types, voices.author)
    why = ("testimony: the witness presents the program for the agency the heading names them of; "
           "actor: the witness's agency; target: the document's program")
    return result + [_candidate(a, topic, "supports", named[0], why, 0.3, headings, document_date)
                     for a in served if a not in speaking]


def _witness_agencies(text: str, mentions: list[Mention], types: dict[str, str], witness: Mention) -> list[str]:
    """The agencies a testimony's heading names the witness of ("Testimony of X, Executive Director,
    Secure Communities, Immigration and Customs Enforcement, before the House ..."): between the
    witness's name and "before" (or the line's end) on the text's first line."""
    named = [m for m in mentions if m.entity == witness.entity]
    first_line = re.match(r"\s*[^\n]*", text)
    if not named or first_line is None or named[0].start >= first_line.end():
        return []  # the heading is the text's first line
    start = named[0].end
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    before = re.search(r"\bbefore\b", text[start:line_end])
    end = start + before.start() if before is not None else line_end
    return list(dict.fromkeys(m.entity for m in mentions if start <= m.start < end and types.get(m.entity) in AGENCY_TYPES))


def _objection(mentions: list[Mention], against: re.Pattern[str],
               positions_in: Callable[[Span], list[tuple[str, re.Match[str]]]] | None) -> Callable[[Span, str], bool]:
    """Whether a sentence of the voice's own words objects to a program (the target): it asserts a
    position against a program (a cue the sentence rules keep: not hedged, negated, asked about or
    reported) and names that program or says "this program" / "the program". A cue of another
    position elsewhere in the document ("investigated by", "check against its databases", an
    objection to another program) takes nothing from the voice's stance on this one."""
    def objects(span: Span, target: str) -> bool:
        if positions_in is None:
            return bool(against.search(span.text))
        if not any(against.fullmatch(match.group(0)) for _, match in positions_in(span)):
            return False
        return any(span.start <= m.start < span.end and m.entity == target for m in mentions) or bool(
            re.search(r"\b(?:this|the|that)\s+(?:\w+\s+)?(?:program|initiative)\b", span.text, re.IGNORECASE))
    return objects


def _agency_page(
    text: str, spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str, voices: Any,
    headings: list[tuple[int, str, str]], document_date: str | None, objects: Callable[[Span, str], bool],
) -> list[Candidate]:
    """An agency's own page, slides, fact sheet or release about its own program (the text names the
    agency as the program's owner or administrator: "ICE's Secure Communities"), named at least
    twice or defined once as its own ('"Secure Communities," ICE's comprehensive plan'), whose voice is the agency (no person named as its author) and none of whose own words
    holds a cue against a program: the agency presents its program, `supports`. Not an oversight
    office or a parent department reporting on another's program. The quote is the first sentence
    of its own words that names the program."""
    operator = _operator(text, mentions, types, topic)
    speaking = [v for v in document_voices(voices, types) if v == operator]
    if not speaking or voices.author is None or types.get(voices.author.entity) not in AGENCY_TYPES:
        return []
    own = [s for s in spans if voices.speaker(s.start) is voices.author and not inside_quotes(s.text, 0)]
    if any(objects(s, topic) for s in own):
        return []
    named = [s for s in own if any(s.start <= m.start < s.end and m.entity == topic for m in mentions)]
    agencies = [m for m in mentions if m.entity == operator]
    defined = any(_apposed_owners(text, m, agencies) for m in mentions if m.entity == topic and voices.speaker(m.start) is voices.author)
    if len(named) < 2 and not defined:
        return []
    why = ("an agency's own page, slides or release presents a program it names at least twice or defines as its own, "
           "and none of its own "
           "words holds a cue against a program; actor: the agency, the document's voice; target: the document's program")
    return [_candidate(who, topic, "supports", named[0], why, 0.35, headings, document_date) for who in speaking]
