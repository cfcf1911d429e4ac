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

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from graph.ingest import figures as figure_rules
from graph.ingest import clauses, judgements, lexicon, stance_model, voices as genre_voices
from graph.ingest.governs import JURISDICTION_ACTS
from graph.ingest.mentions import JURISDICTION_TYPES, Known, Mention, Titled
from graph.ingest.mentions import _SPEAKER_TAG  # a floor record's speaker tags, read by the mention finder too
from graph.ingest.posts import appositive_titles
from graph.ingest.passages import (  # noqa: F401 (Dated, dates_in, heading_dates, sentences: for importers of this module)
    ATTITUDES, REPORTERS, TARGET_TYPES, Candidate, Dated, Span, date_for, dates_in, heading_dates, inside_quotes, sentences,
)
from graph.build.vocabulary import Vocabulary

# The words before a place that make it a location: a preposition, then perhaps other places of a list.
# Each capitalized word is followed by its own separator (a space, a comma, "and"): the same places as
# "words, then a separator" without splitting a run of names in more than one way, which took
# exponential time on a long run of capitalized words ("in ALQUIST ANDERSON ... 2010").
_LOCATIVE = re.compile(r"\b(?i:in|at|across|throughout|near|around)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*,?\s+(?:and\s+)?)*$")
# What may stand between an owner and its program: a possessive, an acronym in parentheses, quotes.
_OWNER = re.compile(r"(?:['’]s)?\s*(?:\([A-Z][A-Z.&-]*\))?[\s\"“”']*")
NOT_ACTOR_TYPES = TARGET_TYPES | {"document", "system", "campaign", "region"}
PRONOUN = re.compile(r"^(?:They|He|She|The group|The groups|These groups|Both)\b")


@dataclass(frozen=True)
class Cue:
    position: str
    phrase: str
    pattern: re.Pattern[str]
    polarity: int = 0  # scomm:polarity of the position: 1 for, -1 against


# ------------------------------------------------------------------ cues


cue_data = lexicon.data


def cues(vocab: Vocabulary) -> list[Cue]:
    """Position cues: every label and alternative label of the position scheme, and the
    phrases graph/ingest/cues.yaml adds to it, their first word inflected."""
    found = []
    extra = cue_data().get("positions") or {}
    synonyms = cue_data().get("synonyms") or {}
    for notation, concept in sorted(vocab.schemes.get("position", {}).items()):
        phrases = {concept.label, *concept.alt_labels, *extra.get(notation, []), *synonyms.get(notation, [])}
        for phrase in sorted(phrases):
            words = phrase.replace("-", " ").split()
            if not words:
                continue
            first = "|".join(re.escape(v) for v in sorted(_inflections(words[0]), key=lambda v: (-len(v), v))).replace("'", "['’]")
            rest = "".join(r"(?:\s+\S+){0,3}?" if w == "*" else r"[\s-]+" + re.escape(w) for w in words[1:])
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
    publisher: str | None = None,
    collect: list[Any] | None = None,
    authors: list[str] | None = None,
) -> list[Candidate]:
    """Every candidate statement for the document, in text order, without duplicates. `publisher`:
    the entity id of the document's publisher, the voice of an unsigned release or report;
    `authors`: the entity ids of the authors the user gave, the voice of a document whose text
    names no author at its head.
    `collect`: a list that receives every stance tuple the model scored (for training it)."""
    types = {k.id: k.type for k in known}
    spans = sentences(text)
    headings = heading_dates(text, spans)
    topic = _topic(mentions, types)
    position_cues = cues(vocab)
    voices = Voices.of(text, mentions, types, publisher if publisher in types else None,
                       [a for a in authors or [] if a in types])
    found: list[Candidate] = []
    scored: list[Any] = []
    previous: list[Mention] = []
    last_program: str | None = None  # the one program the sentence before names ("This program" after it is that one)
    prev_ruled: list[Candidate] = []
    posts = _post_actors(text, spans, mentions, types, position_cues, headings)
    period: tuple[int, str, str] | None = None
    listed_period: tuple[int, str, str] | None = None
    forms = {str(k): str(v) for k, v in (cue_data().get("title_forms") or {}).items()}
    about = figure_rules.Topic.of(text, mentions, topic, types, vocab, known)
    titled_people = sorted((t.start, forms.get(t.title, t.title), t.person) for t in titles if t.person)
    for span in spans:
        inside = _within(mentions, span)
        above = _within(mentions, span.heading) if span.heading is not None else []
        actors = _actor_mentions(span, inside, types)
        line = (text.rfind("\n", 0, span.start) + 1, (text.find("\n", span.end) + 1 or len(text) + 1) - 1)
        paragraph = frozenset(m.entity for m in mentions if line[0] <= m.start and m.end <= line[1])
        described = sorted(inside + clauses.described_targets(span, mentions, types, ("bill", "agreement")), key=lambda m: (m.start, m.end))
        ruled = _stances(source, span, described, above, types, topic, position_cues, headings, document_date,
                         posts.get(span.start, []), previous, voices, paragraph, titled_people, last_program)
        ruled += _followed(span, inside, types, prev_ruled, {(r.values["actor"], r.values["target"]) for r in ruled})
        ruled += _as_done(span, inside, types, ruled, position_cues, headings, document_date, topic)
        ruled += [c for c in _joined_alone(span, inside, types, topic, last_program, headings, document_date)
                  if (c.values["actor"], c.values["target"]) not in {(r.values["actor"], r.values["target"]) for r in ruled}]
        ruled += [c for c in _fellow_holders(span, inside, types, topic, headings, document_date)
                  if (c.values["actor"], c.values["target"]) not in {(r.values["actor"], r.values["target"]) for r in ruled}]
        found += ruled
        prev_ruled = [r for r in ruled if r.kind == "stances"] or ([] if actors else prev_ruled)
        if collect is not None or stance_model.enabled():
            scored += _stance_tuples(span, inside, types, topic, position_cues, voices, previous,
                                          {(r.values["actor"], r.values["target"], r.values["position"]) for r in ruled})
        found += _benefits(span, inside, types, voices, headings, document_date, topic)
        found += _benefits(span, inside, types, voices, headings, document_date, topic, "damages", "criticizes")
        previous = actors or previous
        programs = _distinct(m.entity for m in inside if types.get(m.entity) in TARGET_TYPES)
        last_program = programs[0] if len(programs) == 1 else None
        line_at = text.rfind("\n", 0, span.start) + 1
        line_text = text[line_at : (text.find("\n", span.start) + 1 or len(text) + 1) - 1]
        if line_text.rstrip().endswith(":"):  # "In FY 2010:" over a list: the items count in that year
            years = figure_rules.FISCAL.search(line_text)
            listed_period = (line_at, *figure_rules.fiscal_period(figure_rules.fiscal_year_of(years))) if years else None
        elif listed_period is not None and text[listed_period[0] : line_at].count("\n\n") > 1:
            listed_period = None  # the list ended at a blank line after its items
        figures, period = figure_rules.figures(source, span, inside, types, topic, vocab, headings, document_date, period,
                                   line_at, listed_period if listed_period is not None and line_at != listed_period[0] else None,
                                   topic is not None and topic in paragraph, about, [c for c in found if c.kind == "figures"],
                                   named_before=bool(about.entity) and any(m.entity == about.entity and line[0] <= m.start < span.start
                                                                           for m in mentions))
        found += figures
    found = figure_rules.since_the_start(figure_rules.current_through(figure_rules.told_again(found, text), text, document_date), text)
    found = figure_rules.first_months(found, text, document_date)
    found = figure_rules.started_clause(figure_rules.first_months_of(figure_rules.since_then(found, text, document_date), document_date), document_date)
    found = figure_rules.goes_on(found, text, document_date)  # session 18: "However, another 11,000 ...": dated as the count before
    for titled in titles + appositive_titles(text, mentions, types, titles):
        found.append(_post(text, titled, spans, headings, document_date))
    against = re.compile("|".join(c.pattern.pattern for c in position_cues if c.polarity < 0) or r"(?!x)x", re.IGNORECASE)
    found += genre_voices.stances(text, spans, mentions, types, topic, publisher if publisher in types else None, voices,
                                  headings, document_date, found, against, titled_people,
                                  lambda span: _asserted_positions(span, position_cues))
    found += clauses.authors(spans, mentions, types, lambda span, inside: _actor_mentions(span, inside, types), headings,
                             document_date, found)
    found += clauses.passed(spans, mentions, types, headings, document_date, found)
    found += clauses.denied_exits(spans, mentions, types, lambda span, inside: _actor_mentions(span, inside, types), headings,
                                  document_date, found, topic)
    found += clauses.stances(spans, mentions, types, voices, headings, document_date, found,
                             lambda span: _asserted_positions(span, position_cues), lambda span, inside: _actor_mentions(span, inside, types))
    found += clauses.tones(spans, mentions, types, voices, headings, document_date, found,
                           lambda span, inside: _actor_mentions(span, inside, types))
    found += judgements.judgements(spans, mentions, types, topic, voices, genre_voices.document_voices(voices, types), headings,
                                   document_date, found, lambda span, inside: _actor_mentions(span, inside, types))
    found = clauses.attributive_narrowing(clauses.carried_out(found))  # session 18, 18p: "implement" with no place is
    # no extension; "limited resources" no act of limiting
    found += genre_voices.implied_support(found)
    found += clauses.ended_agreements(found, types, topic)  # session 17, 17p: "terminate all existing MOAs" extends it (no
    # `supports` beside it: ending the partners' agreements extends the program, no judgement of it is given)
    found += _modelled(scored, found, headings, document_date, collect)
    unique: dict[tuple[str, ...], Candidate] = {}
    for candidate in found:
        key = (candidate.kind, *map(str, sorted(candidate.values.items())), *(s.text for s in candidate.quote))
        unique.setdefault(key, candidate)
    return sorted(_one_per_stance(list(unique.values())), key=lambda c: (c.quote[-1].start, c.kind, sorted(c.values.items())))


def _phrases(key: str) -> str:
    """A cues.yaml list of phrases as one pattern of words (any run of spaces between them)."""
    words = sorted((str(w) for w in cue_data().get(key) or []), key=lambda w: (-len(w), w))
    return "|".join(lexicon.phrase_pattern(w) for w in words) or r"(?!x)x"


def _followed(span: Span, inside: list[Mention], types: dict[str, str], before: list[Candidate],
              taken: set[tuple[str, str]]) -> list[Candidate]:
    """"A withdrew from X. B and C followed suit.": a sentence whose subjects follow (cues.yaml
    `following`) takes the acts of the sentence before for them (each position and target of its
    candidates), not its own words."""
    if not before:
        return []
    follow = re.search(rf"\b(?:{_phrases('following')})\b", span.text, re.IGNORECASE)
    if follow is None:
        return []
    clause = max(span.text.rfind(";", 0, follow.start()), span.text.rfind(":", 0, follow.start()), 0)
    subjects = [m for m in _actor_mentions(span, inside, types) if clause <= m.start - span.start and m.end - span.start <= follow.start()
                and not _GOVERNED.search(_masked(span.text, span, inside, m))]
    if not subjects or re.search(r"\b(?:if|whether|not|never|may|might|could|should|would)\b|n['’]t\b|\?",
                                 span.text[clause : follow.start()], re.IGNORECASE):
        return []
    result = []
    acts = list(dict.fromkeys((c.values["target"], c.values["position"]) for c in before))
    for actor in _distinct(m.entity for m in subjects):
        for target, position in acts:
            if (actor, target) in taken or actor == target or any(c.values["actor"] == actor for c in before):
                continue
            if position == "expands" and types.get(actor) in JURISDICTION_TYPES:
                continue
            model = next(c for c in before if (c.values["target"], c.values["position"]) == (target, position))
            candidate = Candidate("stances", {"actor": actor, "target": target, "position": position}, [*model.quote, span],
                                  f'"{follow.group(0)}": the act of the sentence before ({model.values["actor"]}), '
                                  "taken by the subject who follows", model.dated)
            candidate.score = 0.5
            result.append(candidate)
    return result


def _fellow_holders(span: Span, inside: list[Mention], types: dict[str, str], topic: str | None,
                    headings: list[tuple[int, str, str]], document_date: str | None) -> list[Candidate]:
    """"denounced by A, B, and other opponents of the program": those listed before "and other" with
    a noun of a holder (cues.yaml `clauses.agent_nouns`) hold its position on the program after "of"."""
    nouns = ((cue_data().get("clauses") or {}).get("agent_nouns") or {})
    result = []
    for position, words in sorted(nouns.items()):
        pattern = "|".join(re.escape(str(w)) for w in words)
        for other in re.finditer(rf",?\s+and\s+(?:many\s+|several\s+|some\s+)?other\s+(?:{pattern})\s+of\s+", span.text):
            programs = [m for m in inside if types.get(m.entity) in TARGET_TYPES and m.start - span.start >= other.end()
                        and re.fullmatch(r"(?:the\s+)?", span.text[other.end() : m.start - span.start])]
            target = programs[0].entity if programs else (
                topic if re.match(r"(?:the|this|that)\s+program\b", span.text[other.end() :], re.IGNORECASE) else None)
            if target is None:
                continue
            listed: list[Mention] = []
            edge = other.start()
            for m in reversed(_actor_mentions(span, inside, types)):
                if m.end - span.start > edge:
                    continue
                if not re.fullmatch(r"\s*(?:,|and|, and)?\s*", span.text[m.end - span.start : edge]):
                    break
                listed.insert(0, m)
                edge = m.start - span.start
                lead = re.search(r"(?:(?:some|many|several|the|a few)\s+)?$", span.text[:edge])
                edge -= len(lead.group(0)) if lead is not None else 0
            for m in listed:
                candidate = Candidate("stances", {"actor": m.entity, "target": target, "position": str(position)}, [span],
                                      f'"{other.group(0).strip()}...": named among the {other.group(0).split()[-2]} of the program',
                                      date_for(span, headings, document_date))
                candidate.score = 0.5
                result.append(candidate)
    return result


# "Allegany, Garrett and Wicomico counties joined in April 2011", "all of Maryland will have joined in since ...": places
# as the subject of "join" with no object (its object is the program the text is about).
_JOIN_ALONE = re.compile(r"\bjoin(?:s|ed)?(?:\s+in)?(?=\s*(?:[.,;:!?]|$)|\s+(?:in|on|since|last|this|earlier|later|after|before|"
                         r"during|early|late)\b(?!\s+(?:the|a|an|calling|asking|urging|suing|opposing|support|a\s+letter)\b))")
_JOINERS_GAP = re.compile(r"\s*(?:counties|cities|states|towns|parishes|jurisdictions|county|city|state)?\s*"
                          r"(?:(?:has|have|had|will|would|also|already|all|now|finally|eventually|then|later|formally)\s+)*")


def _joined_alone(span: Span, inside: list[Mention], types: dict[str, str], topic: str | None, last_program: str | None,
                  headings: list[tuple[int, str, str]], document_date: str | None) -> list[Candidate]:
    """Places that "joined" with no object ("A, B and C counties joined in April 2011"): each supports the program
    the sentence names, else the one the sentence before names, else the document's (README: a jurisdiction's
    joining reported as its act is `supports`, also when told as past history). Not where the places are the
    object of another verb or a preposition, nor where "join" has an object ("joined the lawsuit")."""
    result = []
    for join in _JOIN_ALONE.finditer(span.text):
        places: list[Mention] = []
        edge = join.start()
        for m in reversed([m for m in inside if m.end - span.start <= join.start()]):
            gap = span.text[m.end - span.start : edge]
            if not (_JOINERS_GAP.fullmatch(gap) if not places else re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?", gap)):
                break
            if types.get(m.entity) not in JURISDICTION_TYPES:
                break
            places.insert(0, m)
            edge = m.start - span.start
        edge_text = re.sub(r"\ball\s+of\s+(?:the\s+)?$", "", span.text[:edge])  # "all of Maryland": its subject still
        plural = re.match(r"\s*(counties|cities|states)\b", span.text[places[-1].end - span.start : join.start()]) if places else None
        if plural is not None:  # "A, B and C counties": each a county; a name read as a place of another kind is misread
            places = [m for m in places if types.get(m.entity) == {"counties": "county", "cities": "city", "states": "state"}[plural.group(1)]]
        if not places or _GOVERNED.search(edge_text) or re.search(r"\b(?:if|whether|not|never|to)\s+(?:\w+\s+){0,2}$",
                                                                             span.text[: join.start()], re.IGNORECASE):
            continue
        programs = [m.entity for m in inside if types.get(m.entity) == "program"]
        target = programs[0] if programs else last_program or topic
        if target is None:
            continue
        for m in places:
            candidate = Candidate("stances", {"actor": m.entity, "target": target, "position": "supports"}, [span],
                                  f'"{join.group(0)}" with no object: the places that joined take part in '
                                  f'{"the program the sentence names" if programs else "the program named before"}',
                                  date_for(span, headings, document_date))
            candidate.score = 0.5
            result.append(candidate)
    return result


def _as_done(span: Span, inside: list[Mention], types: dict[str, str], ruled: list[Candidate], position_cues: list[Cue],
             headings: list[tuple[int, str, str]], document_date: str | None, topic: str | None) -> list[Candidate]:
    """"States could end their participation in X, as Governor A had done on June 1": the act the
    clause names, done by the one after "as" (cues.yaml `as_done`: "as X had done", "as X did").
    The clause's own subject may only be able to (a modal, a hedge); the one who did it did."""
    found = re.search(rf",\s*(?:just\s+)?as\s+(?P<who>(?:[\w.’'-]+\s+){{1,8}}?)(?:{_phrases('as_done')})\b", span.text)
    if found is None:
        return []
    doers = [m for m in _actor_mentions(span, inside, types) if found.start("who") <= m.start - span.start < found.end("who")]
    if not doers:
        return []
    people = [m for m in doers if types.get(m.entity) == "person"]
    doer = (people or doers)[0]
    head = Span(span.start, span.start + found.start(), span.text[: found.start()], span.heading)
    hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(head.text)]
    positions = [(cue.position, m) for cue, m in _governed(_not_cues(_in_names(_longest(hits))))  # hedges stay: "could end it, as A did"
                 if not _NEGATION.search(head.text[: m.start()]) and not (_nominal(cue, m) and not _governing(head.text[: m.end()]))]
    targets = [m for m in inside if types.get(m.entity) in TARGET_TYPES and m.end - span.start <= found.start()]
    if not positions or not (targets or topic):
        return []
    result = []
    for position, match in positions:
        if position in ("calls-to-end", "calls-to-halt") and re.match(
                r"\s+(?:or\s+[a-z]+\s+)?(?:(?:its|their|our|his|her|the\s+\w+['’]s)\s+)?(?:participation|involvement)\b",
                head.text[match.end() :], re.IGNORECASE):
            position = "seeks-opt-out"  # "terminate (or suspend) their participation": a withdrawal
        target, _, _ = _role_target(span, match, inside, targets, [], types, topic, frozenset(), position not in GENERIC)
        if topic is not None and re.match(r"(?:\s+[a-z]+){0,4}?\s+(?:participation|involvement)\s+in\s+(?:the|this|that)\s+program\b",
                                          head.text[match.end() :]):
            target = topic  # "end their participation in the program": the document's program
        if target is None:
            continue
        if any(c.values["actor"] == doer.entity and c.values["position"] == position for c in ruled):
            continue
        candidate = Candidate("stances", {"actor": doer.entity, "target": target, "position": position}, [span],
                              f'cue "{match.group(0)}" done by the one named after "as" ("{found.group(0).strip()}")',
                              date_for(span, headings, document_date))
        candidate.score = 0.6
        result.append(candidate)
    return result


def _asserted_positions(span: Span, position_cues: list[Cue]) -> list[tuple[str, re.Match[str]]]:
    """The positions a sentence's cues assert, after the filters of the sentence rules: the longest
    cue, not a phrase of `not_cues`, not hedged, the negative of two near ones, not in a question,
    condition or negation; a noun cue only when asked for or done ("call for an investigation")."""
    hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(span.text)]
    hits = _governed(_unhedged(_not_cues(_in_names(_longest(hits)))))
    result = []
    for cue, match in hits:
        if _unasserted(span.text, cue, match) or _REPORTED.search(span.text[: match.start()]):
            continue
        clause = span.text[max(span.text.rfind(";", 0, match.start()), 0) : match.end()]
        if _nominal(cue, match) and not _governing(clause, _conducted(match)):
            continue
        result.append((cue.position, match))
    return result


def _one_per_stance(found: list[Candidate]) -> list[Candidate]:
    """One stance candidate per actor, target, position and date in a document: the one with the
    highest score (the first in the text on a tie), its `why` saying how many other sentences
    give it. Stances of the same actor at different dates stay apart (separate statements)."""
    groups: dict[tuple[str, ...], list[Candidate]] = {}
    for c in sorted(found, key=lambda c: c.quote[-1].start):
        if c.kind == "stances":
            groups.setdefault((c.values["actor"], c.values["target"], c.values["position"],
                               c.dated.value if c.dated else ""), []).append(c)
    dropped: set[int] = set()
    for same in groups.values():
        if len(same) < 2:
            continue
        best = max(same, key=lambda c: c.score)  # max keeps the first of equal scores
        best.why += f"; {len(same) - 1} other sentence(s) give the same stance (this is the most certain)"
        dropped |= {id(c) for c in same if c is not best}
    return [c for c in found if id(c) not in dropped]


def _modelled(scored: list[Any], found: list[Candidate], headings: list[tuple[int, str, str]],
              document_date: str | None, collect: list[Any] | None) -> list[Candidate]:
    """The stances the model (graph/ingest/stance_model.py) finds likely that no rule proposed: one
    per (actor, target, position), with the quote of its most likely sentence."""

    if collect is not None:
        collect += scored
    ruled = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    best: dict[tuple[str, str, str], tuple[float, Any]] = {}
    for t in scored:
        key = (t.actor, t.target, t.position)
        if key in ruled:
            continue
        p = stance_model.probability(t.features)
        if key not in best or p > best[key][0]:
            best[key] = (p, t)
    result = []
    for key, (p, t) in sorted(best.items(), key=lambda kv: (kv[1][1].span.start, kv[0])):
        if p < stance_model.threshold():
            continue
        why = f'cue "{t.cue}"; scored by the stance model ({p:.2f}: {t.why}); no rule found who takes it: check'
        candidate = Candidate("stances", {"actor": key[0], "target": key[1], "position": key[2]}, [t.span], why,
                              date_for(t.span, headings, document_date))
        candidate.score = round(min(p, 0.6), 2)
        result.append(candidate)
    return result


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


# ------------------------------------------------------------------ who speaks, who acts

_SPEECH = (r"(?:said|says|say|stated|states|wrote|writes|added|adds|noted|notes|told|argued|argues|explained|declared|asked|urged|"
           r"claims|claimed|contends|contended|alleges|alleged|maintains|maintained|insists|insisted)")
# The words before a mention that make it the object of a preposition or of a verb of address:
# "a letter to X", "requested an opt-out from X", "in support of X's call", "asked X to".
_GOVERNED = re.compile(
    r"\b(?:to|from|with|of|on|into|for|at|in|by|about|against|under|toward|towards|than|between|among|through|"
    r"before|after|including|like|as|asking|asked|urging|urged|told|telling|wrote|writes|ask|urge|called|calling|"
    r"notif(?:y|ies|ied|ying)|inform|informs|informed|informing|demand|demands|demanded|demanding|"
    r"direct|directs|directed|directing|order|orders|ordered|ordering|instruct|instructs|instructed|instructing|"
    r"(?:calls?|called|calling)\s+(?:on|upon)|"
    r"request|requested|requesting|petitioned|sued|suing|letter|letters|"
    r"(?:recommends?|recommended|urges?|urged|asks?|asked|requests?|requested|demands?|demanded|insists?|insisted|"
    r"proposes?|proposed)\s+that)"
    r"\s+(?:(?:the|a|an|its|their|his|her|our|your)\s+)?(?:(?:various|several|many|other|some|all|both|these|those|each|"
    r"every|certain|numerous|individual|local|federal|state|top|senior|key)\s+){0,2}"
    r"(?:(?:[A-Z][\w.’'-]*|and|of|for|on|the|&)\s+){0,7}$"
)
# "the county will suspend": a description that stands for the jurisdiction or body named before it.
_DESCRIBED = re.compile(r"\b[Tt]he\s+(county|city|state|commonwealth|district|agency|department|coalition|group|organization|council)\b")
_DESCRIPTION_TYPES = {
    "county": {"county"}, "city": {"city", "district"}, "state": {"state"}, "commonwealth": {"state"},
    "district": {"district", "city"}, "agency": {"agency", "office"}, "department": {"agency", "office"},
    "coalition": {"group"}, "group": {"group"}, "organization": {"group", "institution"}, "council": {"government", "agency"},
}
# Subject pronouns: the last one before a cue is its subject when no name stands after it.
_PERSONAL = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|[Hh]e|[Ss]he|[Tt]hey)\b")
_BEHALF = re.compile(r"\bon behalf of\s+(?:the\s+)?$")
# "The following is a statement of X, Director of Y, in reaction to ...:": X speaks the quotations after it.
_STATEMENT_OF = re.compile(r"\b(?:following|below)\s+(?:is|are)\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:statement|remarks|comments?)\s+"
                           r"(?:of|by|from)\s+(?:the\s+)?$", re.IGNORECASE)
_RELEASED = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:released|issued|made|sent)\s+(?:the following|a|this)\s+(?:statement|letter)")
_FIRST_PERSON = re.compile(r"\b(?:I|We|we|Our|our|My|my|us)\b")
# After a short opening ("But he said", "In an interview, she said"), as at the sentence's start.
_OPENING = r"(?:(?:But|And|Yet|Still|However|Instead|Meanwhile|Also|Later|Now|So|Then)\b,?\s+|[A-Z][^,.;:\"“”]{0,40},\s+)?"
# ("they" only at the start: after an opening it is as often those the sentence before acts on).
_PRONOUN_SUBJECT = re.compile(r"^(?:(?P<first>They|The group|The groups|These groups|Both)\b|" + _OPENING + r"(?P<pronoun>[Hh]e|[Ss]he)\b)")
# What "the group" may stand for: an organization of members, a class of them.
_GROUP_TYPES = frozenset({"group", "collective", "clinic"})
# "The coalition called for ...": the last one of that kind named in the sentences before.
_DESCRIBED_SUBJECT = re.compile(r"^" + _OPENING + r"[Tt]he\s+(county|city|state|commonwealth|district|agency|department|coalition|"
                                r"organization|council)\b(?!\s+(?:of|for)\b)(?!['’]s\s)")
_QUOTES = "\"“”"
# A quotation attributed by a pronoun ('"...," he said', '"...," said she'): the person named last before it.
# "By vetoing the bill, Governor X has failed": the subject of the main clause does what "by" names.
_BY_DOING = re.compile(r"(?:^|[\"“(,;—]\s*|\.\s+)[Bb]y\s+$")
_MAIN_VERB = re.compile(r"\s+(?:(?:has|have|had|is|are|was|were|will|would)\b|(?:also\s+)?[a-z]+(?:ed|s)\b)")
_PRONOUN_SAID = re.compile(r"[,.?!—-]\s*[\"”]\s*(?:(?:he|she)\s+(?:\w+ly\s+)?" + _SPEECH + r"|" + _SPEECH + r"\s+(?:he|she))\b")
# A quotation attributed to someone the text does not name ('"...," the official said', '"...," said one
# agent', '"...," a spokesman told reporters'): its words are that speaker's, neither the writer's nor anyone named.
_UNNAMED_SAID = re.compile(r"[,.?!—-]\s*(?:[\"”]|’’|'')\s*(?:(?:the|a|an|one|another|two|three|several|some)\s+(?:[\w’'-]+\s+){0,4}?"
                           r"(?:\w+ly\s+)?" + _SPEECH + r"|" + _SPEECH + r"\s+(?:the|a|an|one|another|two|three|several|some)\s)")
# Positions so general that a cue for them says nothing of a program unless one is named near it.
GENERIC = frozenset({"supports", "expands", "opposes", "criticizes"})


@dataclass
class Voices:
    """Who speaks where: the author named at the head of a letter or statement, the maker of
    "the following statement", and the person a paragraph's quotation is attributed to."""

    text: str
    author: Mention | None
    statement: list[tuple[int, Mention]]  # from this offset on, quotations without attribution are theirs
    paragraphs: list[tuple[int, int, Mention | None]]
    addressee: Mention | None = None  # a letter's "Dear X" (or "To: X")
    colon_lines: frozenset[int] = frozenset()  # lines "X: words" (a headline giving X's words): X says them all
    given: tuple[str, ...] = ()  # the authors the user gave (entity ids), first the one who speaks, then co-signers
    publisher: str | None = None  # the publisher's entity id, when the register or the user gives it
    floor: tuple[tuple[int, int, Mention | None], ...] = ()  # a floor record's turns: (start, end, speaker or None)
    reported: tuple[tuple[int, int, Mention], ...] = ()  # "As X has said, ...": (start, end, X) of the words X said
    unnamed: frozenset[int] = frozenset()  # paragraphs whose quotation someone unnamed said ('"...," the official said')

    @classmethod
    def of(cls, text: str, mentions: list[Mention], types: dict[str, str], publisher: str | None = None,
           authors: list[str] | None = None) -> Voices:
        speakers = [m for m in mentions if types.get(m.entity, "") not in NOT_ACTOR_TYPES]
        author = None
        top = re.search(r"[^\n]*\S[^\n]*", text)
        if top is not None:
            heads = [m for m in speakers if top.start() <= m.start and m.end <= top.end()]
            if heads and heads[0].text.strip() == top.group(0).strip():
                author = heads[0]  # a letterhead: the first line is a name and nothing else
        if author is None:
            author = _titled_author(text, speakers, types)
        if author is None:
            closing = re.search(r"^\s*(?:Sincerely|Respectfully(?: yours| submitted)?|Very truly yours|Yours truly|"
                                r"Best regards|Regards)\s*,?\s*$", text, re.MULTILINE)
            if closing is not None:  # a letter without letterhead: its first signer writes it
                signers = [m for m in speakers if m.start >= closing.end()]
                people = [m for m in signers if types.get(m.entity) == "person"]
                author = people[0] if people else (signers[0] if signers else None)
        if author is None and authors:  # the author the user gave, where the text names none at its head
            author = Mention(authors[0], 0, 0, authors[0], "author")
        if author is None:  # "On behalf of the X Caucus, we write": the body the letter's "we" speaks for
            behalf = re.search(r"\b[Oo]n behalf of\s+(?:the\s+)?", text)
            if behalf is not None:
                named = [m for m in speakers if m.start == behalf.end()]
                author = named[0] if named else None
        if author is None:  # a release around a letter: "Congressman X sent a letter to Y ..." / "X wrote to Y"
            sent = re.search(r"\b(?:sent|sends|wrote|writes|signed|signs|issued|released)\b(?:\s+(?:a|the|this|an)\s+)?"
                             r"(?:\s*(?:[a-z]+\s+){0,2}(?:letter|statement)\b|\s+to\b|\s+yesterday\b|\s+today\b)", text)
            lead = sent is not None and (sent.start() < 600 or re.search(r"^\s*Dear\b", text[sent.end() :], re.MULTILINE))
            if sent is not None and lead:  # only in a release's lead, or before the letter it introduces
                line_at = text.rfind("\n", 0, sent.start()) + 1
                sentence = max(text.rfind(". ", line_at, sent.start()) + 1, line_at)
                subjects = [m for m in speakers if sentence <= m.start < sent.start()
                            and not _GOVERNED.search(text[sentence : m.start])]
                people = [m for m in subjects if types.get(m.entity) == "person"]
                author = people[0] if people else (subjects[0] if subjects else None)
        if author is None and publisher is not None and types.get(publisher) != "media":
            # an unsigned release, fact sheet or report: its publisher's voice (a newspaper or a printer's is not)
            author = Mention(publisher, 0, 0, publisher, "publisher")
        statement: list[tuple[int, Mention]] = []
        for m in speakers:
            if _RELEASED.match(text, m.end) or _RELEASED.match(text[m.end : m.end + 120]) \
                    or _STATEMENT_OF.search(text[max(0, m.start - 80) : m.start]):
                statement.append((m.end, m))
        paragraphs: list[tuple[int, int, Mention | None]] = []
        colon_lines = set()
        unnamed: set[int] = set()
        for line in re.finditer(r"[^\n]+", text):
            inside = [m for m in speakers if line.start() <= m.start and m.end <= line.end()]
            said = None
            if inside and re.fullmatch(r"\s*(?:[A-Z][\w.]*\s+){0,3}", text[line.start() : inside[0].start]) \
                    and re.match(r"[’']?s?\s*:\s+\S", text[inside[0].end : line.end()]) \
                    and not re.match(r"\s*(?:Dear|To|From|Cc|Re|Subject)\b", line.group(0)):
                said = inside[0]  # "Menendez: “... this program has gone awry”": the headline gives X's words
                colon_lines.add(line.start())
            for m in ([] if said is not None else inside):
                before = text[max(line.start(), m.start - 60) : m.start]
                after = text[m.end : min(line.end(), m.end + 30)]
                if re.search(rf"\b{_SPEECH}\s+(?:(?!(?:to|from|with|at|about)\s)[\w.’'-]+\s+){{0,6}}$", before):
                    # "said Director X", not "the members wrote to X": the one written to is addressed
                    said = _person_first(m, inside, types)
                    break
                if re.match(rf"\s*(?:\([^)]*\)\s*)?{_SPEECH}\b", after):
                    said = m
                    break
                if _apposed_speaker(text, line.start(), line.end(), m):
                    said = m  # "Chris Newman, NDLON's legal director, added:": the apposition names the speaker
                    break
            if said is None:
                pronoun = _PRONOUN_SAID.search(line.group(0))
                people = [m for m in speakers if pronoun is not None and m.end <= line.start() + pronoun.start()
                          and types.get(m.entity) == "person"]
                if people:  # '"...," he said': the person named last before it
                    said = people[-1]
            if said is None and line.group(0).lstrip()[:1] in _QUOTES and paragraphs and paragraphs[-1][2] is not None \
                    and (text[paragraphs[-1][0] : paragraphs[-1][1]].lstrip()[:1] in _QUOTES
                         or text[paragraphs[-1][0] : paragraphs[-1][1]].rstrip().endswith(":")
                         or not any(c in _QUOTES for c in text[paragraphs[-1][0] : paragraphs[-1][1]])):
                # a quotation that goes on in the next paragraph, unattributed; one that a paragraph ending
                # "X said:" opens; or one after a paragraph reporting what X said ("X said the county would
                # review it.\n\n"It should be ended."): the news convention that an unattributed quotation
                # is the last-reported speaker's
                said = paragraphs[-1][2]
            if said is None and _UNNAMED_SAID.search(line.group(0)):
                unnamed.add(line.start())
            paragraphs.append((line.start(), line.end(), said))
        addressee = None
        salutation = re.search(r"^\s*(?:Dear|To:)\s+[^\n]+", text, re.MULTILINE)
        if salutation is not None:
            named = [m for m in speakers if salutation.start() <= m.start and m.end <= salutation.end()]
            people = [m for m in named if types.get(m.entity) == "person"]
            addressee = people[0] if people else (named[0] if named else None)
        return cls(text, author, sorted(statement, key=lambda p: p[0]), paragraphs, addressee, frozenset(colon_lines),
                   tuple(dict.fromkeys([*(authors or ()), *_signers(text, speakers, types)])), publisher,
                   _floor_turns(text, speakers), _reported_sayings(text, speakers), frozenset(unnamed))

    def speaker(self, position: int) -> Mention | None:
        """Who says the words at `position`: the quotation's attributed speaker, else the maker
        of the statement it belongs to, else the document's author."""
        for start, end, turn in self.floor:
            if start <= position < end:
                return turn  # a floor record: the member whose turn it is, or nobody's (the chair's)
        for start, end, sayer in self.reported:
            if start <= position < end:
                return sayer  # "As DHS has said on numerous occasions, the program is ...": DHS's words
        for start, end, said in self.paragraphs:
            if start <= position < end:
                if start in self.colon_lines and said is not None:
                    return said
                quoted = inside_quotes(self.text[start:end], position - start) or self.text[start] in _QUOTES
                if quoted and said is not None:
                    return said
                if quoted and start in self.unnamed:
                    return None  # '"...," the official said': someone the text does not name, not the writer
                if quoted:
                    before = [m for offset, m in self.statement if offset <= position]
                    if before:
                        return before[-1]
                return self.author
        return self.author


# "X, NDLON's legal director and general counsel, added:", "X, who runs the jail, said": a speaker's name, an
# apposition or relative clause after it (closed by a comma or not), then the verb of saying.
_APPOSED_SAID = re.compile(r",\s+[^,.;:!?\"“”()\n]{1,90}?(?:,\s*|\s+)(?:\w+ly\s+)?" + _SPEECH + r"\b")
# What may stand before the speaker's name in its sentence: titles and the words of a body's name ("Sheriff",
# "NDLON Legal Director", "LatinoJustice PRLDEF President and General Counsel"), not a preposition ("Like X, ...").
_TITLE_WORDS = re.compile(r"\s*(?:(?!(?:Like|Unlike|In|After|Before|For|As|With|To|From|By|When|If|But|And|While|Since|"
                          r"Under|Despite|Although|Though|Because|At|On|Of|Over)\s)(?:[A-Z][\w.’'&-]*|of|the|and|for)\s+){0,6}")


def _apposed_speaker(text: str, line_start: int, line_end: int, m: Mention) -> bool:
    """The mention is the subject of a verb of saying after an apposition ("X, the group's director, said"):
    it opens its sentence (after titles only) and the apposition holds no other sentence."""
    opening = max(text.rfind(". ", line_start, m.start) + 2, text.rfind("\u201d", line_start, m.start) + 1,
                  text.rfind('"', line_start, m.start) + 1, line_start)
    if not _TITLE_WORDS.fullmatch(text, opening, m.start):
        return False
    return _APPOSED_SAID.match(text[m.end : line_end]) is not None


# A letter's closing, over its signatures; and a list of signers a release gives ("The letter was signed
# by A, B and C"; not "the law signed by the Governor").
_CLOSING = re.compile(r"^\s*(?:Sincerely|Respectfully(?: yours| submitted)?|Very truly yours|Yours truly|Best regards|Regards)"
                      r"\s*,?\s*$", re.MULTILINE)
_SIGNED_BY = re.compile(r"\b(?:letter|statement|petition)\b[^.;\n]{0,40}?\b(?:was|were|is|are|been)\s+(?:co-?)?signed\s+by\s+")


# "As DHS has said on numerous occasions, X is ...", "As the Secretary noted,": the rest of the sentence is theirs.
_AS_SAID = re.compile(r"\s+(?:has\s+|have\s+|had\s+)?(?:said|noted|stated|explained|testified|acknowledged|reported|"
                      r"found|observed|pointed\s+out|made\s+clear)\b[^,.;:\n]{0,40},\s*")


def _reported_sayings(text: str, speakers: list[Mention]) -> tuple[tuple[int, int, Mention], ...]:
    """The words a sentence gives as another's ("As DHS has said on numerous occasions, Secure
    Communities is a simple and successful program"): from after the comma to the sentence's end."""
    found = []
    for m in speakers:
        if not re.search(r"(?:^|[.;:!?\n]\s*|\s)[Aa]s\s+(?:the\s+)?$", text[max(0, m.start - 12) : m.start]):
            continue
        said = _AS_SAID.match(text, m.end)
        if said is None:
            continue
        stop = re.compile(r"[.!?](?:\s|$)|\n").search(text, said.end())
        found.append((said.end(), stop.end() if stop is not None else len(text), m))
    return tuple(found)


_LED_BY = re.compile(r",\s+led\s+by\s+")
_SENT_LETTER = re.compile(r",\s+(?:sent|released|wrote|signed|issued)\s+(?:a|the|this|an)\s+(?:[\w-]+\s+){0,2}?(?:letter|statement)\b")


def _signers(text: str, speakers: list[Mention], types: dict[str, str]) -> list[str]:
    """The people who sign a letter: those named after its closing ("Sincerely,") up to a copy or
    enclosure line, those a sentence lists as a letter's signers ("The letter was signed by Reps.
    A, B and C") and those who led its senders ("Members of X, led by A; B; and C, released the
    following letter"): each speaks the letter's own words with its first signer."""
    found: list[Mention] = []
    closing = _CLOSING.search(text)
    if closing is not None:
        stop = re.compile(r"^\s*(?:cc|CC|Cc|Enclosures?|Attachments?)\b", re.MULTILINE).search(text, closing.end())
        end = stop.start() if stop is not None else len(text)
        found += [m for m in speakers if closing.end() <= m.start < end]
    for signed in _SIGNED_BY.finditer(text):
        stop = re.compile(r"[.;:\n](?:\s|$)").search(text, signed.end())
        end = stop.start() if stop is not None else len(text)
        found += [m for m in speakers if signed.end() <= m.start < end]
    for led in _LED_BY.finditer(text):  # "Members of X, led by A; B; and C, released the following letter"
        sent = _SENT_LETTER.search(text, led.end(), min(len(text), led.end() + 300))
        if sent is not None and "\n" not in text[led.end() : sent.start()]:
            found += [m for m in speakers if led.end() <= m.start < sent.start()]
    return list(dict.fromkeys(m.entity for m in found if types.get(m.entity) == "person"))


# The presiding officer's tag in a floor record: "The SPEAKER pro tempore.", "The Acting CHAIR.".
_CHAIR_TAG = re.compile(r"^[ \t]*The[ \t]+(?:Acting[ \t]+)?(?:SPEAKER|CHAIR|CHAIRMAN|CHAIRWOMAN|PRESIDING[ \t]+OFFICER)"
                        r"(?:[ \t]+pro[ \t]+tempore)?\.[ \t]", re.MULTILINE)


def _floor_turns(text: str, speakers: list[Mention]) -> tuple[tuple[int, int, Mention | None], ...]:
    """The turns of a floor or hearing record: each speaker's tag at a line's start ("Mr. PRICE of
    North Carolina.", graph/ingest/mentions.py) opens their turn, which runs to the next tag; the
    chair's turns are nobody's. A member speaks every word of their turn ("I rise in opposition")."""
    tags: list[tuple[int, Mention | None]] = [(m.start(), None) for m in _CHAIR_TAG.finditer(text)]
    for tag in _SPEAKER_TAG.finditer(text):
        named = [m for m in speakers if tag.start("tag") <= m.start < tag.end()]
        tags.append((tag.start(), named[0] if named else None))
    tags.sort(key=lambda t: t[0])
    return tuple((start, tags[i + 1][0] if i + 1 < len(tags) else len(text), who) for i, (start, who) in enumerate(tags))


# A line that says whose words the document is: "Statement of Chairman X", "Testimony of X",
# "Remarks by X", "Letter from X".
_VOICE_LINE = re.compile(r"^\W*(?:(?:Opening|Prepared|Joint|Written)\s+)?(?:Statement|Testimony|Remarks|Letter|Comments?|Op-Ed)"
                         r"\s+(?:of|by|from)\b", re.IGNORECASE)


def _titled_author(text: str, speakers: list[Mention], types: dict[str, str]) -> Mention | None:
    """The one whose words the document is, when one of its first three lines says so."""
    for line in list(re.finditer(r"[^\n]*\S[^\n]*", text))[:3]:
        if _VOICE_LINE.match(line.group(0)):
            inside = [m for m in speakers if line.start() <= m.start and m.end <= line.end()]
            people = [m for m in inside if types.get(m.entity) == "person"]
            return people[0] if people else (inside[0] if inside else None)
    return None


def _person_first(mention: Mention, inside: list[Mention], types: dict[str, str]) -> Mention:
    """"said ICE Director John Morton": the person after the organisation that qualifies them."""
    following = [m for m in inside if m.start >= mention.start and m.start - mention.end <= 40]
    people = [m for m in following if types.get(m.entity) == "person"]
    return people[0] if people else mention


def _stances(
    source: str, span: Span, inside: list[Mention], above: list[Mention], types: dict[str, str], topic: str | None,
    position_cues: list[Cue], headings: list[tuple[int, str, str]], document_date: str | None,
    post: list[Mention] | None = None, previous: list[Mention] | None = None, voices: Voices | None = None,
    paragraph: frozenset[str] | None = None, titled: list[tuple[int, str, str]] | None = None,
    last_program: str | None = None,
) -> list[Candidate]:
    hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(span.text)]
    via_heading = False
    if not hits and span.heading is not None:
        hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(span.heading.text)]
        via_heading = True
    if not hits:
        return []
    hits = _governed(_unhedged(_not_cues(_in_names(_longest(hits)))))
    if not via_heading:
        hits = [(c, m) for c, m in hits if (not _unasserted(span.text, c, m) or _kept_despite(span.text, c, m))
                and not _attributive(span.text, m)]
    if not hits:
        return []
    capable = _actor_mentions(span, inside, types)
    targets_inside = [m for m in inside if types.get(m.entity) in TARGET_TYPES]
    quote = [span.heading, span] if via_heading and span.heading is not None else [span]
    dated = date_for(span, headings, document_date)
    speaker_words = {str(w).lower() for w in cue_data().get("speaker_cues") or []}
    text = span.text
    full = voices
    result = []
    seen: set[tuple[str, str, str]] = set()
    for cue, match in sorted(hits, key=lambda h: h[1].start()):
        at = span.start + match.start()
        actors: list[str] = []
        score = 0.5
        if via_heading:
            heading = match.string
            if _nominal(cue, match) and not _governing(heading[max(heading.rfind(";", 0, match.start()), 0) : match.end()],
                                                       _conducted(match)):
                continue  # "committed to addressing concerns that have been raised": no one here asks for it
            own = [m for m in above if types.get(m.entity, "") not in NOT_ACTOR_TYPES
                   and not _GOVERNED.search(heading[: max(m.start - span.heading.start, 0)])] if span.heading else []
            if own:  # "To improve the program, X and Y are committed to ...": the heading's own subjects
                actors, why_actor = _distinct(m.entity for m in own), "named in the heading that holds the cue"
            else:  # "Counties that tried to opt out:" over a list: the items name who
                actors = _distinct(m.entity for m in _actor_mentions(span, inside, types))
                why_actor = "named in the item under the heading"
            target = next((m.entity for m in targets_inside), None) or next(
                (m.entity for m in above if types.get(m.entity) in TARGET_TYPES), None) or topic
            result += _each_actor(actors, target, cue.position, quote, f'cue "{match.group(0)}" in the heading; actor: '
                                  f"{why_actor}; target: the item's, the heading's or the document's program", dated, 0.7, seen)
            continue
        elif cue.phrase.lower() in speaker_words:
            if cue.position == "supports" and "tool" in cue.phrase.lower() and not any(
                    m.end - span.start <= match.start() for m in targets_inside) and not re.search(
                    r"\b(?:it|program|initiative|strategy)\b[^,;]*$", text[: match.start()], re.IGNORECASE):
                continue  # "trust is a critical tool": the tool is what the clause names, not a program
            if _unnamed_claim(span, capable, max(text.rfind(";", 0, match.start()), 0), match.start()):
                continue  # "amid reports that X misled": a claim the text reports from no one it names
            speaker = full.speaker(at) if full is not None else None
            owner = _owner_of_noun(span, capable, match, cue)
            if owner is not None:  # "Patrick's long-running criticism of the program": the owner's judgement
                result += _with_actors([owner.entity], 'whose judgement the noun names (a possessive before it: "X\'s criticism of")',
                                       0.8, span, match, inside, targets_inside, above, types, topic, paragraph, cue,
                                       last_program, quote, dated, seen)
                continue
            sources = _source_of(span, capable, match)
            who = (sources[0] if sources else None) or _finder(span, above, capable, match, types) \
                or _said_in(span, capable, types) or speaker or _asking_subject(span, capable, match, types)
            actors = _distinct(m.entity for m in sources) if sources else [who.entity] if who is not None else []
            why_actor = "who says it (a judgment is the speaker's, not the subject's)"
            score = 0.7 if actors else 0.3
            if _NAMING.search(text[max(text.rfind(";", 0, match.start()), 0) : match.start()]):
                named, why_named, named_score = _role_actor(span, capable, _NAMING_MATCH(text, match), types, full, None, inside)
                if named:  # "Morton defended the program, calling it a vital tool": who calls it so
                    actors, why_actor, score = named, f"who calls it so ({why_named})", named_score
        else:
            actors, why_actor, score = _role_actor(span, capable, match, types, full, cue, inside)
            if score < 0:
                continue  # the sentence says who does not take the position (a passive, a noun of another's)
            if len(actors) == 1 and types.get(actors[0]) in _SPOKEN_FOR:
                official = _official_for(text, match, span, capable, types)
                if official is not None:
                    actors = [official, *actors]
                    why_actor += "; and the official who says so for it"
            if not actors:
                person = _titled_reference(text, match, span, capable, titled or [])
                if person is not None:
                    actors, why_actor, score = [person], "the person named before with the title the sentence uses (\"the Governor\")", 0.7
        owned = re.search(r"\b[Tt]he\s+(" + "|".join(_DESCRIPTION_TYPES) + r")['’]s?\s+(?:[\w-]+\s+){0,2}$", text[: match.start()])
        if not actors and owned is not None and not via_heading:
            # "he points to the state's embrace of X": the act of the place the description names (in the sentence,
            # else in the sentence before), never the pronoun's
            kinds = _DESCRIPTION_TYPES[owned.group(1).lower()]
            referent = [m for m in capable if m.end - span.start <= owned.start() and types.get(m.entity) in kinds] or [
                m for m in previous or [] if types.get(m.entity) in kinds]
            if not referent:
                continue
            actors, why_actor, score = [referent[-1].entity], f'"the {owned.group(1).lower()}\'s", the {owned.group(1).lower()} named before (its act)', 0.6
        pronoun = _PRONOUN_SUBJECT.match(text)
        if not actors and pronoun is not None and previous and pronoun.end() <= match.start():
            people = [m for m in previous if types.get(m.entity) == "person"]
            if (pronoun.group("pronoun") or "").lower() in ("he", "she") and people:
                previous = people[-1:]  # "He said ...": the person of the sentence before, not its places
            if re.match(r"The groups?|These groups", pronoun.group("first") or ""):
                previous = [m for m in previous if types.get(m.entity) in _GROUP_TYPES]  # "The group": a group, not a jail or a person
            actors = _distinct(m.entity for m in previous if types.get(m.entity, "") not in NOT_ACTOR_TYPES)
            why_actor, score = f"named in the sentence before (this one begins {text.split()[0]!r})", 0.5
        described = _DESCRIBED_SUBJECT.match(text)
        if not actors and described is not None and previous and described.end() <= match.start():
            kinds = _DESCRIPTION_TYPES[described.group(1).lower()]
            kind = [m for m in previous if types.get(m.entity) in kinds]
            if kind:  # "The Acme Coalition met ... The coalition called for": the one of that kind named before
                actors = [kind[-1].entity]
                why_actor, score = f'"the {described.group(1).lower()}", the one named in the sentence before', 0.5
        if not actors and not via_heading and cue.phrase.lower() not in speaker_words and FREE_ACTORS:
            free = [m for m in capable if not _GOVERNED.search(text[: m.start - span.start])]
            if free:
                actors = _distinct(m.entity for m in free)
                why_actor, score = "named in the sentence (its role is unclear: check)", 0.35
        if not actors and post:
            actors = _distinct(m.entity for m in post)
            why_actor, score = "the heading names none; named in the post's sentences with a cue about the same program", 0.5
        if not actors and DOCUMENT_ACTOR:
            actors, why_actor, score = [source], "the document itself (the sentence names no actor)", 0.2
        director = _directed_by(text, match, span, capable, titled or []) if actors and not via_heading else None
        if director is not None and director not in actors:
            actors = [*actors, director]  # "at the direction of the President, DHS ended ...": the President's act too
            why_actor += '; and the one at whose direction it is done ("at the direction of X", "as X directed", "as part of the actions X announced")'
        if not actors:
            continue  # no one the text gives takes the position: nothing to propose
        target, why_target, target_score = _role_target(span, match, inside, targets_inside, above, types, topic,
                                                        paragraph or frozenset(), cue.position not in GENERIC, last_program)
        if target is None:
            continue
        if full is not None and full.addressee is not None and _yours(text, match):
            actors = _distinct([*actors, full.addressee.entity])  # "we applaud your statement opposing X": theirs too
            why_actor += "; and the addressee (\"your ...\")"
        position = cue.position
        if position == "supports" and _troubles_of(text, match):
            position = "criticizes"  # "to highlight the serious problems the program is having": what is wrong with it
            why_target += '; the cue takes up what is wrong with it ("highlight the problems of X")'
        refused = re.match(r"\s+to\s+(?:\w+ly\s+)?([a-z]+)\b(?!\s+part\b)", text[match.end() :]) if position == "refuses-to-join" else None
        if refused is not None and refused.group(1).lower() not in _JOINING:
            if refused.group(1).lower() not in _REJECTED:
                continue  # "DHS's refusal to take enforcement seriously": a refusal of something else, no position on it
            position = "opposes"  # "refuses to tolerate X": against it, not a refusal to take part
            why_target += f'; a refusal to {refused.group(1)} it is opposition, not a refusal to take part'
        if _kept_despite(text, cue, match):
            position = "supports"  # "I don't believe we should scrap X", "no plans to end X": a will to keep it
            why_target += '; a will to undo it is denied ("should not end X", "no plans to end X"): a position for it'
        elif cue.polarity < 0 and _undoing_object(text, match):
            position = "supports"  # "objected to changes to the program", "opposes ending it": for the program
            why_target += '; what the cue is against undoes the program ("criticized changes to X"): a position for it'
        elif position == "criticizes" and _undoes_what_follows(text, match, cue, tuple(m.start - span.start for m in targets_inside)):
            position = "supports"  # "policies that undermine Secure Communities": the program is what is harmed
            why_target += '; the cue harms the program named after it ("undermine X"): a position for it'
        elif position in _UNDOING and _judged_an_error(text, match):
            position = "supports"  # "it would be a mistake to end the program"
            why_target += '; undoing it is called an error ("a mistake to end X"): a position for it'
        if position == "calls-to-halt" and re.match(r"\s+(?:using|participating|cooperating|enforcing|honoring|honouring|operating|"
                                                    r"running|implementing|taking\s+part)\b", text[match.end() :], re.IGNORECASE):
            position = "calls-to-end"  # "will cease using the program", "stop cooperating": an end to a use that runs, not a halt
            why_target += '; what stops is a use or a part already taken ("cease using X"): an end, not a halt before it starts'
        if position in ("calls-to-end", "calls-to-halt") and _partial_end(text, match):
            position = "seeks-to-narrow"  # "ICE terminated some 287(g) task forces": a part ended, where it runs limited
            why_target += '; what is ended is a part of it ("terminate some X task forces"): a narrowing, not its end'
        if position in ("calls-to-end", "calls-to-halt") and re.match(
                r"\s+(?:(?:its|their|our|his|her|the\s+\w+['’]s)\s+)?(?:participation|involvement)\b", text[match.end() :], re.IGNORECASE):
            position = "seeks-opt-out"  # "the state is terminating its participation": a withdrawal
        if position == "suspends-participation" and why_actor != _JOINED_WHY and (_asked_of_another(text, match) or _CALLS_ON.search(
                text, max(text.rfind(";", 0, match.start()), 0), match.start()) or (
                not re.match(r"\s+(?:(?:its|their|our|his|her|the\s+\w+['’]s)\s+)?(?:participation|involvement|agreement)\b",
                             text[match.end() :], re.IGNORECASE)
                and all(types.get(a) not in JURISDICTION_TYPES | {"person"} for a in actors))):
            position = "calls-for-moratorium"  # "we urge you to suspend the program": a call to pause it
            why_target += '; asked of another ("urge X to suspend"): a call to pause the program'
        if position == "seeks-opt-out":
            clause_at = max(text.rfind(";", 0, match.start()), 0)
            asked = [a for a in _ASKS.finditer(text, clause_at, match.start())
                     if len(text[a.end() : match.start()].split()) <= 8]  # "urge X to withdraw", not a far-off question
            if asked:  # "urging that the state withdraw": a withdrawal asked of another is a call to end it there
                after = {m.entity for m in inside if m.start - span.start >= asked[-1].end()}
                actors = [a for a in actors if a not in after and types.get(a) not in JURISDICTION_TYPES]
                position = "calls-to-end"
                why_actor += "; who asks another to withdraw calls to end the program there"
                if not actors:
                    continue
        if position == "seeks-opt-out" and re.match(r"\s+(?:option|provision|clause|mechanism|process)\b", text[match.end() :]) \
                and all(types.get(a) not in JURISDICTION_TYPES | {"person"} for a in actors):
            position = "seeks-to-narrow"  # groups "advocating for an opt-out option": that places may leave, not their own exit
            why_target += '; an option for places to leave, asked by others than a place: a narrowing of where it runs'
        if position in ("seeks-opt-out", "suspends-participation") and why_actor != _JOINED_WHY and (not re.search(r"\bto\s+$", text[: match.start()]) or re.search(
                r"\b(?:chose|chooses|choosing|decided|decides|deciding|voted|votes|voting)\s+to\s+$", text[: match.start()])):
            # a withdrawal done ("Quinn withdrew Illinois from it"), not one tried or asked ("efforts to withdraw X")
            withdrawn = [m for m in inside if m.start - span.start >= match.end() and types.get(m.entity) in JURISDICTION_TYPES
                         and re.fullmatch(r"\s+(?:the\s+(?:state|county|city)\s+of\s+)?", text[match.end() : m.start - span.start])
                         and re.match(r"(?:['’]s\s+(?:participation|involvement|agreement)\b|\s+(?:out\s+of|from)\s)", text[m.end - span.start :])]
            if withdrawn and withdrawn[0].entity not in actors:  # "Governor X withdrew Illinois from it": the state too
                actors = [*actors, withdrawn[0].entity]
                why_actor += '; and the jurisdiction withdrawn ("withdrew X from", "withdraw X\'s participation")'
        if position == "refuses-to-join" and why_actor != _JOINED_WHY:
            # "the governor's decision not to enroll Massachusetts in X": the place kept out refuses too (its head's act)
            kept_out = [m for m in inside if m.start - span.start >= match.end() and types.get(m.entity) in JURISDICTION_TYPES
                        and re.fullmatch(r"\s+(?:the\s+(?:state|county|city)\s+of\s+)?", text[match.end() : m.start - span.start])
                        and re.match(r"\s+in(?:to)?\s", text[m.end - span.start :])]
            if kept_out and kept_out[0].entity not in actors:
                actors = [*actors, kept_out[0].entity]
                why_actor += '; and the jurisdiction kept out ("not to enroll X in")'
        if position in JURISDICTION_ACTS:  # acts on a place's participation: its head's are the place's (README)
            spoken = _places_spoken_for(text, span, inside, actors, types)
            if spoken:  # "Illinois Gov. Pat Quinn backed out of X": the state too (README: an official speaking for it)
                actors = [*actors, *spoken]
                why_actor += '; and the jurisdiction the official heads ("Illinois Gov. X", "Sheriff X of Y County")'
        listed = [target]
        if why_target == "named after the cue":  # "the success of programs such as X and Y", "suspend its X and Y programs"
            chain = [m for m in targets_inside if m.start >= span.start + match.end()]
            first = next((i for i, m in enumerate(chain) if m.entity == target), None)
            for prev, nxt in zip(chain[first or 0 :], chain[(first or 0) + 1 :]) if first is not None else []:
                if not re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,|and|or|, and|, or)\s*(?:the\s+)?",
                                    text[prev.end - span.start : nxt.start - span.start]):
                    break
                listed.append(nxt.entity)
        if position == "expands" and _CALLS_ON.search(text, max(text.rfind(";", 0, match.start()), 0), match.start()):
            position = "supports"  # "urged Congress to expand the program": asking for an extension, not making one
            why_target += '; an extension asked of another ("urge X to expand"): support for it'
        for actor, target in [(a, t) for t in _distinct(listed) for a in actors]:
            key = (actor, target, position)
            if actor == target or key in seen:
                continue
            if position == "expands" and types.get(actor) in JURISDICTION_TYPES:
                continue  # "Webb County launched the program": a place joins a program; its operator extends it
            seen.add(key)
            why = (f'cue "{match.group(0)}"{" in the heading" if via_heading else ""}; actor: {why_actor}; '
                   f"target: {why_target}")
            values = {"actor": actor, "target": target, "position": position}
            candidate = Candidate("stances", values, quote, why, dated)
            candidate.score = round(score * target_score, 2)
            result.append(candidate)
    return result


def _owner_of_noun(span: Span, capable: list[Mention], match: re.Match[str], cue: Cue) -> Mention | None:
    """The owner of a judging noun (cues.yaml `nominal` and `speaker_cues`: "criticism"): the one named
    just before it with a possessive, up to three words between ("Patrick's long-running criticism of");
    None for an adjective ("ICE's flawed program" judges ICE's program, it is not ICE's judgement)."""
    if not _nominal(cue, match):
        return None
    clause = max(span.text.rfind(";", 0, match.start()), 0)
    before = [m for m in capable if clause <= m.start - span.start and m.end - span.start <= match.start()]
    if before and re.fullmatch(r"['’]s?\s+(?:[\w-]+\s+){0,3}", span.text[before[-1].end - span.start : match.start()]):
        return before[-1]
    return None


def _with_actors(actors: list[str], why_actor: str, score: float, span: Span, match: re.Match[str], inside: list[Mention],
                 targets_inside: list[Mention], above: list[Mention], types: dict[str, str], topic: str | None,
                 paragraph: frozenset[str] | None, cue: Cue, last_program: str | None, quote: list[Span],
                 dated: Any, seen: set[tuple[str, str, str]]) -> list[Candidate]:
    """The candidates of one cue whose actors a rule settled, the target read as for any cue."""
    target, why_target, target_score = _role_target(span, match, inside, targets_inside, above, types, topic,
                                                    paragraph or frozenset(), cue.position not in GENERIC, last_program)
    return _each_actor(actors, target, cue.position, quote, f'cue "{match.group(0)}"; actor: {why_actor}; target: {why_target}',
                       dated, round(score * target_score, 2), seen)


def _each_actor(actors: list[str], target: str | None, position: str, quote: list[Span], why: str, dated: Any, score: float,
                seen: set[tuple[str, str, str]]) -> list[Candidate]:
    """One candidate for each actor with the target and position, none where there is no target, where the actor is the
    target or where the sentence already gave that stance (`seen`, updated)."""
    result = []
    for actor in actors:
        key = (actor, target or "", position)
        if target is None or actor == target or key in seen:
            continue
        seen.add(key)
        candidate = Candidate("stances", {"actor": actor, "target": target, "position": position}, quote, why, dated)
        candidate.score = score
        result.append(candidate)
    return result


def _places_spoken_for(text: str, span: Span, inside: list[Mention], actors: list[str], types: dict[str, str]) -> list[str]:
    """The jurisdictions a person among `actors` heads by the title the sentence gives them there:
    the place right before the title ("Illinois Gov. Pat Quinn", "San Francisco Sheriff X") or named
    with "of" right after the person ("Gov. Pat Quinn of Illinois"); graph/ingest/cues.yaml `heads_of_places`."""
    titles = sorted((str(t) for t in cue_data().get("heads_of_places") or []), key=lambda t: (-len(t), t))
    if not titles:
        return []
    title = "(?:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles) + ")"
    places = [m for m in inside if types.get(m.entity) in JURISDICTION_TYPES]
    found: list[str] = []
    for person in [m for m in inside if m.entity in actors and types.get(m.entity) == "person"]:
        at, end = person.start - span.start, person.end - span.start
        for place in places:
            p_at, p_end = place.start - span.start, place.end - span.start
            before = p_end <= at and re.fullmatch(rf"(?:['’]s)?\s+(?:(?:the|its|their)\s+)?{title}\s+", text[p_end:at])
            after = end <= p_at and re.fullmatch(rf",?\s+(?:(?:the\s+)?{title}\s+)?of\s+(?:the\s+)?", text[end:p_at])
            if (before or after) and place.entity not in actors and place.entity not in found:
                found.append(place.entity)
    return found


# What a refusal is a refusal to do: take part ("refused to join", "declined to participate", "take
# part"), or
# accept ("refuses to tolerate" is opposition); any other verb is no position on the program.
_JOINING = frozenset("""join participate sign cooperate honor comply enter enroll activate implement use accept adopt
                        be deploy continue renew""".split())
_REJECTED = frozenset("tolerate allow permit condone countenance support endorse".split())
# Positions that undo a program: called an error ("a mistake to end it"), they are a position for it.
_UNDOING = frozenset({"calls-to-end", "calls-to-halt", "calls-for-moratorium", "seeks-to-narrow", "suspends-participation"})


def _undoing_object(text: str, match: re.Match[str]) -> bool:
    """Whether what a cue against names, within its first four words, is a change that undoes or
    weakens the program (graph/ingest/cues.yaml `undoing`: "objected to changes to X", "criticized
    the decision to end X"), not one that extends it ("changes that make it mandatory")."""
    words = {str(w).lower() for w in cue_data().get("undoing") or []}
    head = re.findall(r"[\w’'-]+", text[match.end() :].lower())[:4]
    if not words & set(head):
        return False
    clause = re.split(r"[;,]|\b(?:and|but|because|while)\b", text[match.end() :], maxsplit=1)[0].lower()
    extending = {str(w).lower() for w in (cue_data().get("genres") or {}).get("mandatory") or []} | {"expand", "expands", "expanding", "expansion"}
    return not any(re.search(rf"\b{re.escape(w)}\b", clause) for w in extending)


def _kept_despite(text: str, cue: Cue, match: re.Match[str]) -> bool:
    """Whether a cue of undoing the program (ending, pausing, leaving or narrowing it) is denied by a
    negation of will or need in its clause: "should not end X", "won't terminate it", "I don't believe we
    should scrap X", "has no plans to end X", "does not want to end it" (graph/ingest/cues.yaml `unwilled`).
    A bare negation of a fact ("did not end X") is no position and stays dropped (`_unasserted`)."""
    if cue.position not in _UNDOING | {"seeks-opt-out"} or re.search(r"\b(?:not|never|n['’]t|no)\b", match.group(0), re.IGNORECASE):
        return False
    words = "|".join(re.escape(str(w)) for w in cue_data().get("unwilled") or [])
    if not words:
        return False
    clause = re.split(r"[;:,.!?]|\b(?:and|but|or|if|unless|until|because|while)\b", text[: match.start()])[-1]
    return bool(re.search(rf"\b(?:{words})\s+(?:not|never)\s+(?:be\s+)?(?:\w+ly\s+)?$|\b(?:{words})n['’]t\s+(?:be\s+)?$|"
                          rf"(?:\b(?:won['’]t|not|never|no)|n['’]t)\s+(?:\w+\s+){{0,2}}?(?:{words})\b(?:\s+[\w’'-]+){{0,4}}?\s+$",
                          clause, re.IGNORECASE))


def _partial_end(text: str, match: re.Match[str]) -> bool:
    """Whether a cue of ending has a part of the program as its object: a partitive right after it
    ("terminate some 287(g) task forces", "end several of its agreements"; graph/ingest/cues.yaml `partitives`)."""
    words = sorted((str(w) for w in cue_data().get("partitives") or []), key=lambda w: (-len(w), w))
    if not words:
        return False
    return bool(re.match(r"\s+(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\b", text[match.end() :],
                         re.IGNORECASE))


def _undoes_what_follows(text: str, match: re.Match[str], cue: Cue, programs: tuple[int, ...] | None = None) -> bool:
    """Whether a judgment cue that undoes ("undermine") has the program as its object, right after
    it ("would undermine Secure Communities", "undermines the program"), not as its subject.
    `programs`: the offsets in `text` where programs are named; a name after the cue that is none
    of them is another object ("X will undermine San Francisco's sanctuary policy": X is judged)."""
    words = {str(w).lower() for w in cue_data().get("undoing") or []}
    if not words & set(re.findall(r"[\w’'-]+", match.group(0).lower())) | ({cue.phrase.lower()} & words):
        return False
    named = re.match(r"\s+(?:the\s+|this\s+|that\s+|its\s+|our\s+)?(?:[A-Z][\w’'-]*\s+){0,4}?(?:[A-Z][\w’'-]*|program|initiative)\b",
                     text[match.end() :])
    if named is None:
        return False
    if programs is None or re.search(r"(?:program|initiative)$", named.group(0)):
        return True
    return any(match.end() < at < match.end() + named.end() for at in programs)


def _judged_an_error(text: str, match: re.Match[str]) -> bool:
    """Whether undoing the program is called an error just before the cue ("it would be a mistake
    to end it", "the wrong decision to terminate") or by the verb of its clause ("the decision to
    end it was a mistake", "ending it endangers public safety"): graph/ingest/cues.yaml `errors`, `harms`."""
    words = {str(w).lower() for w in cue_data().get("errors") or []}
    before = re.findall(r"[\w’'-]+", text[max(text.rfind(";", 0, match.start()), 0) : match.start()].lower())[-4:]
    clause = re.split(r"[;]|,\s*(?:but|and|while|which)\b", text[match.end() :], maxsplit=1)[0]
    called = re.search(r"^(?:\s+[\w’'.-]+){0,8}?\s+(?:is|was|would\s+be|will\s+be|has\s+been|remains)\s+(?:a\s+|an\s+)?"
                       r"((?:[\w-]+\s*){1,3})", clause)  # "ending it was a grave mistake"
    harms = [str(w).lower() for w in cue_data().get("harms") or []]
    phrases = [r"\s+".join(r"\S+(?:\s+\S+){0,2}?" if part == "*" else re.escape(part) for part in w.split()) for w in harms]
    harmed = any(re.search(rf"^(?:\s+[\w’'.-]+){{0,8}}?\s+(?:would\s+|will\s+|could\s+)?{p}\b", clause, re.IGNORECASE)
                 for p in phrases)  # "scrapping the program puts Americans at risk"
    return bool(words & set(before)) or bool(called and words & set(called.group(1).lower().split())) or harmed


_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|n['’]t|nor|neither)\s+(?:\w+\s+)?$", re.IGNORECASE)
_TITLE_REF = re.compile(r"\b[Tt]he\s+(Governor|Sheriff|Mayor|Secretary|Director|Senator|Representative|Congresswoman|"
                        r"Congressman|Chairman|Chairwoman|Chair|President|Commissioner|Chief|Attorney General|Delegate)\b")


_YOUR = re.compile(r"\b[Yy]our\s+(?:[\w-]+\s+){0,3}?(?:statements?|remarks|efforts?|call|calls|decision|leadership|commitment|"
                   r"announcement|support|opposition|position|words|letter|plan|proposal|actions?)\b")


def _yours(text: str, match: re.Match[str]) -> bool:
    """Whether the text gives the position to the one it addresses: the cue inside a phrase on
    "your" ("your recent statement opposing the law"), or right before one that names what it is
    about ("we applaud your recent statements regarding the need for X")."""
    clause = max(text.rfind(";", 0, match.start()), 0)
    for your in _YOUR.finditer(text, clause):
        if your.end() <= match.start() and len(text[your.end() : match.start()].split()) <= 3:
            return True  # "your statement opposing"
        if match.end() <= your.start() and len(text[match.end() : your.start()].split()) <= 1 \
                and re.match(r"\s+(?:regarding|on|about|concerning|for|to|opposing|supporting|in support of)\b", text[your.end() :]):
            return True  # "applaud your recent statements regarding ..."
    return False


# Verbs of naming: "calling it a vital tool", "described the program as flawed".
_NAMING = re.compile(r"\b(?:call|calls|called|calling|describ\w*|label\w*|term|termed|terming|brand\w*|dub\w*)\b(?:\s+\S+){0,6}\s*$",
                     re.IGNORECASE)


def _asking_subject(span: Span, capable: list[Mention], match: re.Match[str], types: dict[str, str]) -> Mention | None:
    """"Rep. X calls on DHS to suspend the deeply flawed program": in words no one is quoted in, a
    judgment in what a named person or body asks or says is theirs."""
    text = span.text
    if inside_quotes(text, match.start()):
        return None
    for m in capable:
        if m.end - span.start > match.start() or _GOVERNED.search(text[: m.start - span.start]):
            continue
        gap = text[m.end - span.start : match.start()]
        if re.match(rf"\s*(?:\([^)]*\)\s*)?(?:,[^,;]*,\s*)?(?:{_SPEECH}|{_CALLS_ON.pattern})", gap):
            return m
    return None


def _NAMING_MATCH(text: str, match: re.Match[str]) -> re.Match[str]:
    """The naming verb before a judgment, standing for the cue when its subject is sought."""
    found = _NAMING.search(text, max(text.rfind(";", 0, match.start()), 0), match.start())
    assert found is not None
    return found


def _unasserted(text: str, cue: Cue, match: re.Match[str]) -> bool:
    """A cue the sentence does not assert: in a question ("Is Secure Communities keeping us
    secure?"), in the condition of an "If ..., ..." sentence, or negated ("does not support")
    where the cue itself holds no negation ("won't join")."""
    if text.rstrip().rstrip("\"”’'").endswith("?"):
        return True
    condition = re.match(r"\W*(?:If|Unless|Should|Were)\b[^,;]*", text)
    if condition and match.start() < condition.end():
        return True
    own = re.search(r"\b(?:not|never|n['’]t|no)\b", match.group(0), re.IGNORECASE)
    if _nominal(cue, match) and re.search(r"\bwithout\s+(?:\w+\s+){0,3}$", text[: match.start()], re.IGNORECASE):
        return True  # "joined the program without a thorough investigation": what was not done, not asked
    return not own and bool(_NEGATION.search(text[: match.start()]))


# Whose act an official announces for them: a place, or an agency ("X, counselor to the Secretary, announced
# that DHS would ...": the official and the agency; session 16, 16s).
_SPOKEN_FOR = JURISDICTION_TYPES | {"agency"}


def _official_for(text: str, match: re.Match[str], span: Span, capable: list[Mention], types: dict[str, str]) -> str | None:
    """"Governor X informed ICE that the state is terminating its participation": the person who
    announces, informs or writes that the jurisdiction or agency acts, speaking for it."""
    clause = max(text.rfind(";", 0, match.start()), 0)
    verbs = list(re.finditer(r"\b(?:announced|announces|said|says|declared|declares|stated|states|informed|informs|notified|"
                             r"notifies|told|tells|wrote|writes|confirmed|confirms)\b(?:(?:\s+\S+){0,4}?\s+that\b|(?=\s+(?:the\s+)?[A-Z]))",
                             text[: match.start()]))  # "X said that the state ...", "Cuomo said New York will suspend ..."
    verbs = [v for v in verbs if v.start() >= clause]
    if not verbs:
        return None
    people = [m for m in capable if clause <= m.start - span.start and m.end - span.start <= verbs[-1].start()
              and types.get(m.entity) == "person" and not _GOVERNED.search(text[: m.start - span.start])]
    return people[-1].entity if people else None


_DIRECTION = re.compile(r"\b(?:(?:at|under|per|following|on)\s+(?:the\s+)?(?:direction|request|order|orders|instruction|instructions)\s+of"
                        r"|as\s+directed\s+by|as\s+ordered\s+by)\s+(?:the\s+)?$", re.IGNORECASE)
_DIRECTIVE = re.compile(r"['’]s\s+(?:direction|directive|order|instructions?)\b")
# An act done as part of another's actions is theirs too: "as part of the executive actions the President announced".
_PART_OF = re.compile(r"\bas\s+part\s+of\s+(?:the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?"
                      r"(?:actions?|orders?|directives?|plan|initiatives?)\s+(?:that\s+)?(?:the\s+)?$", re.IGNORECASE)
_PART_OF_ACT = re.compile(r"\s+(?:has\s+|had\s+)?(?:announced|ordered|took|taken|signed|issued|directed|unveiled)\b")


def _directed_by(text: str, match: re.Match[str], span: Span, capable: list[Mention],
                 titled: list[tuple[int, str, str]]) -> str | None:
    """The one at whose direction an act is done, in the cue's clause before it ("At the direction
    of the President, DHS will end ...", "as directed by Secretary X", "the Secretary's directive",
    "as part of the executive actions the President announced, we ended ..."):
    a mention, or the person the document names with the title the text uses ("the President")."""
    clause = max(text.rfind(";", 0, match.start()), 0)
    for m in capable:
        at = m.start - span.start
        if clause <= at < match.start():
            if _DIRECTION.search(text[max(clause, at - 60) : at]) or _DIRECTIVE.match(text[m.end - span.start :]):
                return m.entity
            if _PART_OF.search(text[max(clause, at - 60) : at]) and _PART_OF_ACT.match(text[m.end - span.start :]):
                return m.entity  # "as part of the executive actions the President announced, we ended X"
    ref = re.search(r"\b(?:at|under|per|following|on)\s+the\s+(?:direction|request|order|instruction)s?\s+of\s+the\s+(\w+)"
                    r"|\b[Tt]he\s+(\w+)['’]s\s+(?:direction|directive|order|instructions?)\b", text[clause : match.start()])
    if ref is not None:
        title = ref.group(1) or ref.group(2)
        people = {person for start, t, person in titled if t == title}
        if len(people) == 1:
            return people.pop()
    return None


def _titled_reference(text: str, match: re.Match[str], span: Span, capable: list[Mention],
                      titled: list[tuple[int, str, str]]) -> str | None:
    """"The Governor said the state will ...": the person the document named with that title before
    (or, when none was, the one person it names with it after)."""
    clause = max(text.rfind(";", 0, match.start()), 0)
    refs = list(_TITLE_REF.finditer(text, clause, match.start()))
    if not refs:
        return None
    ref = refs[-1]
    if any(ref.end() <= m.start - span.start < match.start() and not _GOVERNED.search(text[: m.start - span.start])
           for m in capable):
        return None  # another subject stands between ("the Governor said Delta County will ..."), not one addressed
    earlier = [person for start, title, person in titled if start < span.start + ref.start() and title == ref.group(1)]
    later = [person for start, title, person in titled if start > span.start + ref.end() and title == ref.group(1)]
    if not earlier and len(set(later)) == 1:
        return later[0]  # "the President directed ..." before "President X" is named: the one person with the title
    return earlier[-1] if earlier else None


def _troubles_of(text: str, match: re.Match[str]) -> bool:
    """Whether the object of a cue for ("highlight", "improve") is what is wrong with the program:
    a word of graph/ingest/cues.yaml `troubles` within its first four words ("highlight the serious
    problems", "improve the flaws of")."""
    words = {str(w).lower() for w in cue_data().get("troubles") or []}
    head = re.findall(r"[\w’'-]+", text[match.end() :].lower())[:4]
    return bool(words & set(head))


def _asked_of_another(text: str, match: re.Match[str]) -> bool:
    """Whether a suspension is asked of someone else ("urge you to suspend the program", "called
    for the suspension of"), not one's own participation ("will suspend participation")."""
    if re.match(r"\s+(?:(?:its|their|our|his|her|the\s+\w+['’]s)\s+)?participation\b", text[match.end() :], re.IGNORECASE):
        return False
    clause = text[max(text.rfind(";", 0, match.start()), 0) : match.end()]
    return _governing(clause, conducted=True)


def _benefits(span: Span, inside: list[Mention], types: dict[str, str], voices: Voices,
              headings: list[tuple[int, str, str]], document_date: str | None, topic: str | None = None,
              words: str = "benefits", position: str = "supports") -> list[Candidate]:
    """A speaker who says the program does good ("Secure Communities gives ICE the ability to ...,
    keeping our communities safer," said Secretary X): the program as the subject of a verb of
    graph/ingest/cues.yaml `benefits`, in a quotation (the speaker's) or in the words of a document
    whose author the text names (a statement, a letter); not in an unattributed narrative, which
    describes, and not with a negation in the clause. With `words` "damages" and `position` "criticizes", the
    same for a program said to do harm ("Immigrant rights groups say Secure Communities can discourage
    immigrants from reporting crimes"; a modal before the verb allowed: a harm foreseen is a judgement too)."""
    phrases = [str(p) for p in cue_data().get(words) or []]
    if not phrases:
        return []
    verbs = "|".join(lexicon.phrase_pattern(p, 4) for p in phrases)
    result = []
    programs = [m for m in inside if types.get(m.entity) in TARGET_TYPES]
    if topic is not None:  # "X says the program helps ...": the document's program
        programs += [Mention(topic, span.start + p.start(), span.start + p.end(), p.group(0), "description")
                     for p in re.finditer(r"\b[Tt]he\s+program\b", span.text)]
    capable = _actor_mentions(span, inside, types)
    for m in programs:
        after = span.text[m.end - span.start :]
        modal = r"(?:(?:can|could|may|might|will|would|does|do|has|have)\s+(?:also\s+|often\s+|actually\s+)?)?" if position != "supports" else ""
        past = "|helped|enabled|assisted|protected|improved|strengthened" if position == "supports" else ""
        verb = re.match(rf"(?:\s+|\s*[—–-]+\s*(?:which|that)\s+(?:has\s+|have\s+)?){modal}(?:(?:currently|also|already|really|truly|now)\s+)?"
                        rf"(?:{verbs}{past})\b", after, re.IGNORECASE)
        if verb is None:
            continue
        clause = re.split(r"[.;!?]", after, maxsplit=1)[0]
        if re.search(r"\b(?:not|less|no longer|never|fails?|failed|without)\b", clause, re.IGNORECASE):
            continue
        line_start = voices.text.rfind("\n", 0, m.start) + 1
        quoted = inside_quotes(voices.text[line_start : m.start], m.start - line_start)
        speaker = voices.speaker(m.start) if quoted else voices.author
        reporter = [a for a in capable if a.end <= m.start and re.fullmatch(
            r",?\s+(?:has\s+|have\s+)?(?:says|said|say|argues|argued|maintains|maintained|contends|contended|insists|insisted|"
            r"claims|claimed|claim|asserts|asserted)"
            r"\s+(?:that\s+)?(?:the\s+)?", span.text[a.end - span.start : m.start - span.start])]
        spokesperson = None
        if not reporter and position != "supports":
            continue  # a harm only where the sentence says who says it ("X says the program discourages ...")
        if reporter:  # also in a quotation: '"Although ICE claims the program secures ...," said X' is ICE's claim
            speaker = reporter[-1]  # "The administration says the program helps ...": reported speech, the sayer's
            if span.text[speaker.end - span.start : m.start - span.start].startswith(","):
                # "X, spokesman for Y, said ...": Y ends the apposition; X, whose apposition it is, says it too
                spokesperson = next((a for a in capable if a.end <= speaker.start and types.get(a.entity) == "person" and re.fullmatch(
                    r",\s+(?:a\s+|the\s+)?(?:[\w’'-]+\s+){1,4}(?:for|of|at|with)\s+(?:the\s+)?",
                    span.text[a.end - span.start : speaker.start - span.start])), None)
                if spokesperson is None:
                    continue  # "X, who heads Y, said": a comma before the verb closes an aside whose sayer is not Y alone
        elif m.how == "description":
            continue  # "the program" stands for the document's program only in words someone is said to say
        if speaker is None or speaker.entity == m.entity:
            continue
        why = (f'"{m.text}{verb.group(0)}": the program as the subject of a verb of {"benefit" if position == "supports" else "harm"}; actor: '
               + ("the one said to say it" if reporter else "the quotation's speaker" if quoted else "the document's author")
               + "; target: the subject")
        for who in [speaker] + ([spokesperson] if spokesperson is not None else []):
            candidate = Candidate("stances", {"actor": who.entity, "target": m.entity, "position": position}, [span],
                                  why, date_for(span, headings, document_date))
            candidate.score = 0.6
            result.append(candidate)
    return result


def _longest(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Where cues overlap ("call for an investigation" and "call for"), the longest one speaks."""
    kept = []
    for cue, match in hits:
        if not any((o.start() <= match.start() and match.end() <= o.end()) and (o.end() - o.start()) > (match.end() - match.start())
                   for _, o in hits):
            kept.append((cue, match))
    return kept


def _in_names(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Drop cue words that are part of a proper name in running text ("the Transparency and
    Responsibility in Using State Tools Act", "the Office for Civil Rights"): a capitalised cue,
    not the sentence's first word, next to another capitalised word (across "and", "of", "in",
    "for", "the"), also in quotation marks before "Act" or "Bill" (a law's name). A headline (no full
    stop at its end) and a quoted title ("the report, entitled "...: Improvements Needed"") keep their
    cues: they state what they say."""
    if not hits:
        return hits
    text = hits[0][1].string
    if not re.search(r"[.?!][\"”'’)]*\s*$", text):
        return hits
    kept = []
    for cue, match in hits:
        before = re.search(r"([A-Za-z][\w.’'-]*)\s+(?:(?:and|of|in|for|the|on)\s+)?$", text[: match.start()])
        after = re.match(r"\s+(?:(?:and|of|in|for|the|on)\s+)*([A-Za-z][\w’'-]*)", text[match.end() :])
        opening = not text[: match.start()].strip(" \"“”'‘’([-–—")
        quoted = inside_quotes(text, match.start())
        # a quoted name of a law ("the “Transparency and Responsibility Using State Tools” Act") is a name, not a title
        law = quoted and re.match(r"[^\"”]*[\"”]\s*(?:Act|Bill)\b", text[match.end() :]) is not None
        named = match.group(0)[:1].isupper() and not opening and (not quoted or law) and (
            (before is not None and before.group(1)[:1].isupper()) or (after is not None and after.group(1)[:1].isupper()))
        if not named:
            kept.append((cue, match))
    return kept


def _not_cues(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Drop cue words inside a phrase of graph/ingest/cues.yaml `not_cues` ("checked against"; a `*`
    stands for up to four words: "compare * against" holds "compare the prints against")."""
    phrases = [lexicon.phrase_pattern(str(p), 4) for p in cue_data().get("not_cues") or []]
    found: dict[str, list[tuple[int, int]]] = {}  # text -> where its phrases are: found once per text, not per hit
    kept = []
    for cue, match in hits:
        text = match.string
        if text not in found:
            found[text] = [m.span() for p in phrases for m in re.finditer(rf"(?<![\w]){p}(?![\w])", text, re.IGNORECASE)]
        if not any(start <= match.start() and match.end() <= end for start, end in found[text]):
            kept.append((cue, match))
    return kept


# "May" the month: before a day or a year, or after a word that introduces a time ("in May", "since May").
_MONTH_MAY = re.compile(r"\bMay(?=\s+\d)|\b(?:[Ii]n|[Oo]f|[Ss]ince|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Uu]ntil|"
                        r"[Tt]hrough|[Bb]y|[Oo]n|[Ff]rom|[Mm]id)[\s-]+May\b")


def _unhedged(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Drop cues that a hedge word just before makes a possibility or a question ("whether they
    can opt out", "the ability to opt out"), not a position taken."""
    hedges = [str(h).lower() for h in cue_data().get("hedges") or []]
    kept = []
    for cue, match in hits:
        # The month is no hedge: "On May 4, 2011, X opposed", "in May" (_MONTH_MAY)
        words = _MONTH_MAY.sub(lambda m: m.group(0)[:-3] + "month", match.string[: match.start()])
        before = " ".join(re.findall(r"[\w’'-]+", words.lower())[-14:])
        if not any(re.search(rf"(?<![\w]){re.escape(h)}(?![\w])", before) for h in hedges):
            kept.append((cue, match))
    return kept


def _masked(text: str, span: Span, named: list[Mention], mention: Mention) -> str:
    """The sentence before `mention` with each name before it as one word: a preposition inside a
    name ("the Center for Constitutional Rights and the X reject") governs nothing after the name."""
    out, at = [], 0
    for m in sorted((n for n in named if n.end <= mention.start), key=lambda n: (n.start, -n.end)):
        if m.start - span.start < at:
            continue  # inside a name already masked
        out += [text[at : m.start - span.start], "Name"]
        at = m.end - span.start
    return "".join(out) + text[at : mention.start - span.start]


def _members(text: str, span: Span, before: list[Mention], clause: int, match: re.Match[str],
             types: dict[str, str] | None = None) -> list[Mention]:
    """The names listed after "including" in the subject, right before its verb ("Several
    jurisdictions, including A and B, have sought to ..."): nothing else between them."""
    found = list(re.finditer(r"\b(?:including|such\s+as|like)\b", text[clause : match.start()]))
    if not found:
        return []
    at = clause + found[-1].end()
    listed = [m for m in before if m.start - span.start >= at]
    # "..., including A and B, have sought to"; "states like A, B and C and other localities announced"
    if listed and re.search(r"\band\s+other\s+$", text[: listed[-1].start - span.start] + listed[-1].text[:6].lower()):
        listed = listed[:-1] or listed  # "states like A and B and other localities": the class closes the list
    if not listed or not re.fullmatch(r"(?:\s*[,–—)]|\s+and\s+other\s+[a-z]+)\s*(?!and\b|or\b|but\b)(?:\w+\s+(?:\w+ly\s+)?){0,3}",
                                      text[listed[-1].end - span.start : match.start()]):
        return []
    rest = list(text[at : listed[-1].end - span.start])
    for m in listed:
        rest[m.start - span.start - at : m.end - span.start - at] = " " * (m.end - m.start)
    words = re.findall(r"[\w’'.-]+", "".join(rest))
    # "including Governor Pat Quinn of Illinois", "including my home state of New York": titles and
    # descriptions of the members, but no verb or clause of their own
    if len(words) > 8 or re.search(r"[;:]", "".join(rest)) or any(
            re.fullmatch(_SPEECH + r"|that|which|who|is|are|was|were|has|have|had", w) for w in words):
        return []
    own = [m for m in listed if not re.search(r"\bof\s+(?:the\s+)?$", text[: m.start - span.start])
           and not any((types or {}).get(n.entity) == "person" and (types or {}).get(m.entity) in JURISDICTION_TYPES
                       and n.start - m.end <= 3 and n.start > m.start and re.fullmatch(r"(?:['’]s)?\s+", text[m.end - span.start : n.start - span.start])
                       for n in listed)]  # "New York's Andrew Cuomo", "Massachusetts Deval Patrick": the place qualifies the person
    return own or listed[-1:]


# "GAO also found:" over a list, "the Inspector General concluded that": who states findings.
_FINDS = r"(?:found|finds|find|concluded|concludes|determined|determines|reported|reports|recommended|recommends|observed|observes)"


def _finder(span: Span, above: list[Mention], capable: list[Mention], match: re.Match[str],
            types: dict[str, str]) -> Mention | None:
    """Who states the findings a judgment is part of: the subject of a heading "X (also) found:" over
    the list item, or of "X found that" before the cue in its sentence (a report's author, an
    inspector general, an auditor), not the one whose statement quotes them."""
    heading = span.heading.text if span.heading is not None else ""
    heading_at = span.heading.start if span.heading is not None else 0
    if re.search(rf"\b(?:also\s+)?{_FINDS}\s*(?:that\s*)?:\s*$", heading):
        finders = [m for m in above if types.get(m.entity, "") not in NOT_ACTOR_TYPES
                   and not _GOVERNED.search(heading[: m.start - heading_at])]
        if finders:
            return finders[0]
    clause = max(span.text.rfind(";", 0, match.start()), 0)
    found = list(re.finditer(rf"\b(?:also\s+)?{_FINDS}\s+that\b", span.text[clause : match.start()]))
    if found:
        at = clause + found[-1].start()
        subjects = [m for m in capable if m.end - span.start <= at and m.start - span.start >= clause
                    and not _GOVERNED.search(span.text[: m.start - span.start])]
        if subjects:
            return subjects[-1]
    return None


def _source_of(span: Span, capable: list[Mention], match: re.Match[str]) -> list[Mention]:
    """The one a position noun comes from: "continued support from X", "strong criticism from X",
    "faced opposition from X" (the noun after a determiner, an adjective of degree or a verb of
    meeting or drawing it, its source named right after it, with those joined to it: "from city,
    county and state governments")."""
    text = span.text
    source = re.match(r"\s+(?:(?:to|of|against|over|about)\s+(?:[\w’'.-]+\s+){1,5}?)?(?:from|by)\s+(?:the\s+|this\s+|these\s+|its\s+)?",
                      text[match.end() :])
    if source is None or not re.search(r"\b(?:the|its|their|our|his|her|continued|strong|strongest|broad|growing|bipartisan|"
                                       r"widespread|vocal|fierce|public|unwavering|steadfast|harsh|sharp"
                                       # met or drawn: "had faced opposition from governors", "drew criticism from X"
                                       r"|faced?|faces|facing|drew|draws|drawn|drawing|met\s+with|meets\s+with|received|encountered)\s+$",
                                       text[: match.start()], re.IGNORECASE):
        return []
    first = next((m for m in capable if m.start - span.start == match.end() + source.end()), None)
    chain = [first] if first is not None else []
    for m in capable:
        if chain and m.start > chain[-1].end and re.fullmatch(r"\s*(?:,|and|or|, and|, or)\s*", span.text[chain[-1].end - span.start : m.start - span.start]):
            chain.append(m)
    return chain


_JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?(?:[a-z]+\s+of\s+(?:the\s+)?)?")
_JOINED_WHY = 'the ones joined in it ("join A and B in suspending"): their own act'
_EFFORTS_OF = re.compile(r"\b(?:efforts?|attempts?|bids?|push|campaign|decision|move|plans?)\s+(?:of|by)\s+(?:the\s+)?")


def _said_in(span: Span, capable: list[Mention], types: dict[str, str] | None = None) -> Mention | None:
    """"..., said X" or "X said" in the sentence itself."""
    for m in capable:
        before = span.text[max(0, m.start - span.start - 60) : m.start - span.start]
        after = span.text[m.end - span.start : m.end - span.start + 20]
        if re.search(rf"\b{_SPEECH}\s+(?:(?!(?:to|from|with|at|about)\s)[\w.’'-]+\s+){{0,4}}$", before) and not re.search(
                r"(?<![,\"”’]\s)(?<![,\"”’])\b(?:asked|urged|told)\s+(?:[\w.’'-]+\s+){0,4}$", before):
            # ", said X" names the speaker; "asked X to", "urged X to" name the one addressed
            chain = [p for p in capable if p.start >= m.start and p.start - m.end <= 40]
            return next((p for p in chain if (types or {}).get(p.entity) == "person"), m)
        if re.match(rf"\s*(?:,\s*who\s+(?:has\s+|had\s+|have\s+)?)?{_SPEECH}\b", after) or re.search(
                r"\b[Aa]ccording\s+to\s+(?:the\s+)?$", before):
            return m  # "X said", "X, who said", "according to X"
    return None


FREE_ACTORS = False  # a name of the sentence whose role no rule knows is not proposed as the actor
DOCUMENT_ACTOR = False  # nor is the document itself
# "Amid reports that X misled", "critics say": a claim of someone the text does not name.
_REPORTED = re.compile(r"(?:^|\b(?:amid|despite|following|after|the|these|those|such|recent|new|media|news|press|of|are|were)\s+)"
                       r"(?:reports|allegations|claims|rumors|accusations|speculation)\s+(?:\w+\s+){0,2}?that\b|"
                       r"\b(?:critics|opponents|proponents|supporters|advocates|observers|some|others|many)\s+(?:[a-z]+\s+){0,3}?"
                       r"(?:have\s+)?(?:say|said|claim|claimed|argue|argued|allege|alleged|contend|contended|believe|fear|feared)\b",
                       re.IGNORECASE)
def _unnamed_claim(span: Span, capable: list[Mention], start: int, end: int) -> bool:
    """A claim the text reports from no one it names ("critics say", "amid reports that"), unless
    the ones who say it are a mention (a class the text names as actors: "many sheriffs say")."""
    claim = _REPORTED.search(span.text[start:end])
    return claim is not None and not any(start + claim.start() <= m.start - span.start < start + claim.end() for m in capable)


_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
# Positions of attitude: "is opposed to", "are concerned about" are states of the subject, not passives.
# Right before an act's cue in a sentence that quotes someone: the act has a doer of its own, not the one quoted:
# a relative clause's antecedent ("cities that refused to participate", "members who ... ended up"; "that" right
# before the cue: "said that he will" is what is said) or a noun's
# determiner or owner after a preposition ("a response to the end of X", "since its pilot launch in 2008"; not "calls
# for an end to X", "wants a moratorium": the speaker's own call).
_ACT_OF_ANOTHER = re.compile(r"(?:\b(?P<noun>\w+)\s+(?:(?:who|which)\s+(?:[\w’'-]+\s+){0,6}|"
                             r"that\s+(?:(?:\w+ly|has|have|had|will|would|did|do|does|not)\s+){0,2})|"
                             r"\b(?:to|of|since|after|before|from|following|despite|amid|under|in|with|by)\s+"
                             r"(?:the|its|their|his|her|a|an)\s+(?:[\w-]+\s+){0,1})$", re.IGNORECASE)


def _act_of_another(text: str, start: int, end: int) -> bool:
    found = _ACT_OF_ANOTHER.search(text, start, end)
    noun = (found.group("noun") or "").lower() if found is not None else ""
    # "said that ...", "said on Monday that ...": what is said, not a relative clause
    return found is not None and noun not in _CLAUSE_VERBS and not _WHEN_WORD.fullmatch(noun)


_ANNOUNCED = re.compile(r"\b(?:announced|announces|announce|said|says|stated|reported|reports|confirmed|confirms|declared|"
                        r"noted|notes)\s+(?:today\s+|on\s+\w+\s+)?(?:that\s+)?", re.IGNORECASE)
_PRAISE = re.compile(r"\b(?:applaud|praise|commend|thank|congratulat|credit|salute|laud)\w*\b", re.IGNORECASE)
_ENDORSE = re.compile(r"\b(?:support|supports|supported|supporting|endorse[sd]?|endorsing|back|backs|backed|join|joins|joined|"
                      r"echo|echoes|echoed|second|seconds|seconded)\s+(?:[\w.]+\s+){0,3}$", re.IGNORECASE)


# "recommends that the program be terminated", "demanded that X be suspended": a mandative clause whose
# passive cue the one who asks wants done.
_MANDATIVE = re.compile(r"\b(?:recommend|urge|ask|demand|request|insist|propose|suggest)\w*\s+that\s+(?:[\w’'-]+\s+){0,8}?"
                        r"(?:be|should\s+be|must\s+be)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _chain(span: Span, capable: list[Mention], at: int) -> list[Mention]:
    """The names from offset `at` of the sentence on, joined by commas and "and" ("filed by A, B and the C")."""
    title = re.match(r"(?:[A-Z][\w.'’-]*\s+){0,3}", span.text[at:])  # "vetoed by Gov. X"
    chain = [m for m in capable if at <= m.start - span.start <= at + (title.end() if title else 0)][:1]
    for m in sorted(capable, key=lambda m: m.start):
        if chain and m.start > chain[-1].end and re.fullmatch(r"\s*(?:,|and|, and|&)\s*(?:the\s+)?",
                                                               span.text[chain[-1].end - span.start : m.start - span.start]):
            chain.append(m)
    return chain


def _nominal(cue: Cue | None, match: re.Match[str]) -> bool:
    """Whether the cue is a noun ("investigation", "moratorium", "expansion"): graph/ingest/cues.yaml `nominal`."""
    words = {str(w).lower() for w in cue_data().get("nominal") or []}
    return match.group(0).lower() in words or (cue is not None and cue.phrase.lower() in words)


def _governing(clause: str, conducted: bool = False) -> bool:
    """Whether a verb that asks for, takes up or carries out what a noun names stands before it in
    the clause, within six words ("request an immediate moratorium", "called for an investigation",
    "announced the expansion"): graph/ingest/cues.yaml `asking` and `doing` (only `asking` for a
    noun of `conducted`: who conducts an investigation does not ask for it)."""
    verbs = [str(w) for w in cue_data().get("asking") or []]
    if not conducted:
        verbs += [str(w) for w in cue_data().get("doing") or []]
    forms = {f.lower() for v in verbs for f in _inflections(v)}
    tail = re.findall(r"[\w’'-]+", clause.lower())[-7:]
    return any(word in forms for word in tail)


def _conducted(match: re.Match[str]) -> bool:
    words = {str(w).lower() for w in cue_data().get("conducted") or []}
    return bool(words & set(re.findall(r"[\w-]+", match.group(0).lower())))


def _role_actor(
    span: Span, capable: list[Mention], match: re.Match[str], types: dict[str, str], voices: Voices | None,
    cue: Cue | None = None, inside: list[Mention] | None = None,
) -> tuple[list[str], str, float]:
    """Who takes the position the cue names: who asks, writes, demands or decides, not who is
    addressed. In order: the owner of the cue's noun ("Lofgren's call for an investigation"),
    the one on whose behalf it is written, the subject before the cue (not the object of a
    preposition or of a verb of address, with those joined to it by "and"), the one a
    quotation is attributed to, and for "we"/"I" the letter's author."""
    cue_at = span.start + match.start()
    text = span.text
    clause = max(text.rfind(";", 0, match.start()), 0)  # "X celebrates Y; initiative expanding": another clause
    if _BY_DOING.search(text[: match.start()]) and re.match(r"\w+ing\b", match.group(0)) \
            and (cue is None or cue.position not in _UNDOING):  # an undoing: the speaker's judgement of it is read
        # by the rules on errors and harms ("by scrapping X, the President endangers us": the speaker's)
        for m in capable:  # "By vetoing the bill, Governor X has failed ...": the main clause's subject does it
            if m.start - span.start >= match.end() and _MAIN_VERB.match(text[m.end - span.start :]) \
                    and not _GOVERNED.search(text[: m.start - span.start]):
                return [m.entity], 'the subject of the clause a "by doing" phrase opens', 0.8
    before = [m for m in capable if m.end <= cue_at]
    if _conducted(match):  # "At Lofgren's request, the inspector general is investigating": who asked for it
        requesters = [m for m in before if m.start - span.start >= clause and (
            re.match(r"['’]s?\s+(?:request|urging|behest)\b", text[m.end - span.start :])
            and re.search(r"\b[Aa]t\s+(?:the\s+)?$", text[: m.start - span.start])
            or re.search(r"\b[Aa]t\s+the\s+(?:request|urging|behest)\s+of\s+(?:the\s+)?$", text[: m.start - span.start]))]
        if requesters:
            return [requesters[-1].entity], 'at whose request it is done ("at X\'s request", "at the request of X")', 0.8
    for m in reversed(before):
        tail = span.text[m.end - span.start : match.start()]
        if re.match(r"^['’]s?\s", tail) and len(tail.split()) <= 6:
            if _conducted(match) and not _governing(tail + match.group(0), True):
                return [], "who conducts it (\"the OIG's investigation\") does not ask for it", -1.0
            actors = [m.entity]
            endorsed = _ENDORSE.search(text[: m.start - span.start])
            if endorsed:  # "I support X's request for an investigation": the supporter asks too
                backers = [b for b in before if b.end - span.start <= endorsed.start() and b.start - span.start >= clause
                          and not _GOVERNED.search(text[: b.start - span.start])]
                backer = backers[-1] if backers else (voices.speaker(span.start + endorsed.start()) if voices else None)
                if backer is not None and backer.entity != m.entity:
                    actors.append(backer.entity)
            return actors, "whose act the cue names (a possessive before it)", 0.9
    joins = list(_JOINED.finditer(text, clause, match.start()))
    conjoined = re.search(r"\s(?:and|in)\s+(?:\w+ing\s+)?$", text[joins[-1].end() : match.start()]) if joins else None
    if joins and conjoined is not None and len(text[joins[-1].end() : match.start()].split()) <= 9:
        # "urged the Governor to join the governors of A, B and C and suspend ...": A, B and C have done it
        tail_at = joins[-1].end() + conjoined.start()
        done = [m for m in capable if joins[-1].end() <= m.start - span.start and m.end - span.start <= tail_at]
        if done and re.match(r"\s+in\b", conjoined.group(0)) and not re.search(r"\bto\s+(?:\w+ly\s+)?$", text[: joins[-1].start()]):
            # "A and B joined C in ending ...": the subjects who join do it too ("the governors of A" speak for A)
            joiners: list[Mention] = []
            for m in [m for m in capable if clause <= m.start - span.start and m.end - span.start <= joins[-1].start()]:
                head = text[: m.start - span.start]
                if not _GOVERNED.search(head) or re.search(r"\b(?:governors?|mayors?|leaders?|officials)\s+of\s+(?:the\s+)?$", head) \
                        or joiners and re.fullmatch(r"\s*(?:,|and|, and)\s*", text[joiners[-1].end - span.start : m.start - span.start]):
                    joiners.append(m)
            done = joiners + done
        if done:
            return _distinct(m.entity for m in done), _JOINED_WHY, 0.7
    efforts = list(_EFFORTS_OF.finditer(text, clause, match.start()))
    if efforts:  # "despite the efforts of X, Governor Y and other leaders to withdraw": whose efforts
        effort = efforts[-1]
        to = re.search(r"\bto\s+(?:\w+\s+){0,4}$", text[effort.end() : match.start()])
        owners = [m for m in capable if effort.end() <= m.start - span.start and to is not None
                  and m.end - span.start <= effort.end() + to.start()]
        if owners:
            return _distinct(m.entity for m in owners), 'whose efforts the cue names ("the efforts of X to")', 0.8
    givers = _source_of(span, capable, match)
    if givers:  # "continued support from this Subcommittee", "strong opposition from sheriffs": whose it is
        return _distinct(m.entity for m in givers), 'whose position the noun names ("support from X")', 0.8
    if _unnamed_claim(span, capable, clause, match.start()):
        return [], "a claim the text reports from no one it names", -1.0
    if _conducted(match) and not _nominal(cue, match) and not _governing(text[clause : match.start()], True) \
            and not re.search(r"\bto\s+(?:\w+\s+)?$", text[: match.start()]):
        return [], 'who investigates does not ask for it ("the Inspector General investigated")', -1.0
    if _nominal(cue, match):
        # A noun cue ("investigation", "expansion") is a position of someone only when a verb of
        # asking or doing governs it or someone owns it.
        if not _governing(text[clause : match.end()], _conducted(match)):
            return [], "no one asks for or does what the noun names", -1.0
        owned = re.match(r"\s+of\s+(?:the\s+)?", text[match.end() :])
        if owned and cue is not None and cue.position == "expands":
            owner = [m for m in inside or capable if m.start - span.start == match.end() + owned.end()
                     and types.get(m.entity, "") not in NOT_ACTOR_TYPES]
            if owner and re.match(r"['’]s?\s", text[owner[0].end - span.start :]):
                return [owner[0].entity], "whose program is expanded (\"expansion of X's program\")", 0.8
    praised = re.search(r"\bfor\s+(?:(?:its|their|your|his|her)\s+(?:[a-z]+\s+){0,2})?$", text[: match.start()])
    if praised:  # "I applaud the efforts of ICE ... for expanding this program": the one praised does it
        verb = list(_PRAISE.finditer(text, clause, praised.start()))
        if verb:
            objects = [m for m in capable if verb[-1].end() <= m.start - span.start < praised.start()]
            if objects:
                return [objects[0].entity], "the one praised for doing it", 0.8
    first = match.group(0).split()[0].lower()
    agent = re.match(r"\s+(?:\w+\s+){0,2}?by\s+", text[match.end() :])
    # "We are deeply concerned about", "the county is opposed to": an attitude is the subject's, unless "by X" says whose
    adjectival = cue is not None and cue.position in ATTITUDES and not agent
    wanted = re.search(r"\b(?:ask|want|seek|sought|request|hope|wish|demand|need|expect|plead)\w*\s+to\s+be\s+(?:\w+ly\s+)?$",
                       text[: match.start()], re.IGNORECASE)  # "asked to be removed from the program": the asker's
    reduced = re.match(r"\s+by\s+(?:the\s+)?", text[match.end() :])
    if reduced is not None and re.search(r"(?:ed|en|wn|un)$", first) and " " not in match.group(0).strip() \
            and not _PASSIVE.search(text[: match.start()]):
        agents = _chain(span, capable, match.end() + reduced.end())
        if agents:  # "the bill, vetoed by Gov. X", "criticized by A and B": a participle with its agent, no "was"
            return _distinct(m.entity for m in agents), 'the agent of the participle ("vetoed by X")', 0.8
    if _PASSIVE.search(text[: match.start()]) and re.search(r"(?:ed|en|wn|un)$", first) and not adjectival and not wanted:
        mandated = _MANDATIVE.search(text, clause, match.start())
        if mandated is not None and not agent:  # "X recommends that the program be terminated": who asks it
            askers = [m for m in capable if clause <= m.start - span.start and m.end - span.start <= mandated.start()
                      and not _GOVERNED.search(text[: m.start - span.start])
                      and not re.search(r"\bthat\b", text[clause : m.start - span.start])]  # "my hope that X recommends": no act
            if askers:
                return [askers[-1].entity], 'who asks that it be done ("recommends that X be terminated")', 0.7
        if agent:
            end = len(text)
            stop = re.search(r"[;]|\b(?:which|who|that|and\s+(?:is|are|was|were|has|have))\b", text[match.end() + agent.end() :])
            if stop:
                end = match.end() + agent.end() + stop.start()
            agents = [m for m in capable if match.end() + agent.end() <= m.start - span.start < end]
            if agents:
                return _distinct(m.entity for m in agents), 'the agent of the passive ("by X")', 0.8
        announced = list(_ANNOUNCED.finditer(text, clause, match.start()))
        if announced:
            subjects = [m for m in capable if clause <= m.start - span.start and m.end - span.start <= announced[-1].start()
                        and not _GOVERNED.search(text[: m.start - span.start])]
            if subjects:
                chosen = [subjects[-1]]
                for m in reversed(subjects[:-1]):  # "Sheriff X and Mayor Y said the program should be ended": both
                    if not re.fullmatch(r"\s*(?:,|and|, and)\s*(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}", text[m.end - span.start : chosen[0].start - span.start]):
                        break  # (a title before the next name: "and Mayor Y")
                    chosen.insert(0, m)
                return _distinct(m.entity for m in chosen), "who announces it (a passive after \"announced that\")", 0.7
        line = voices.text.rfind("\n", 0, span.start) + 1 if voices is not None else 0
        if not inside_quotes(text, match.start()) and not (voices is not None and inside_quotes(
                voices.text[line:], span.start + match.start() - line)):
            # a passive in a quotation that opened in an earlier sentence of the paragraph ('"X is a failure.
            # It should be terminated," said Y') is the speaker's, as in the sentence that opened it
            according = [m for m in capable if m.start - span.start >= match.end()
                         and re.search(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$", text[: m.start - span.start])]
            if according:  # "X should be terminated, according to the coalition": whose words the sentence gives
                return [according[0].entity], 'whose words the sentence gives ("according to X")', 0.7
            return [], "a passive without its agent", -1.0
    for m in reversed(before):
        if _BEHALF.search(span.text[: m.start - span.start]):
            return [m.entity], 'on whose behalf it is written ("on behalf of")', 0.9
    before = [m for m in before if m.start - span.start >= clause]
    quoted = voices is not None and inside_quotes(text, match.start())
    if voices is not None and not quoted:
        line_start = voices.text.rfind("\n", 0, span.start) + 1
        quoted = inside_quotes(voices.text[line_start : span.start + match.start()], span.start + match.start() - line_start)
    described = list(_DESCRIBED.finditer(text, 0, match.start()))
    if described and not quoted:
        last = described[-1]
        kinds = _DESCRIPTION_TYPES[last.group(1).lower()]
        later = [m for m in before if m.start - span.start >= last.end()]
        referent = [m for m in capable if m.end - span.start <= last.start() and types.get(m.entity) in kinds]
        if not later and referent and len(text[last.end() : match.start()].split()) <= 4:
            return [referent[-1].entity], f'"{last.group(0)}", the {last.group(1).lower()} named before', 0.8
    asking = {f.lower() for v in cue_data().get("asking") or [] for f in _inflections(str(v))} | {"thank", "told", "tell", "remind"}
    pronouns = [p for p in _PERSONAL.finditer(text, clause, match.start())  # subjects, not objects ("urge you to")
                if not re.search(r"(?:\b(?:to|for|with|of|on|upon|from|by|at|about)|\b(?:" + "|".join(sorted(asking)) +
                                 r")(?:\s+(?:that|on|upon))?)\s+$", text[: p.start()], re.IGNORECASE)]
    if not quoted:
        joined = _coordinated(text)  # ", along with X", "a number of X": coordinated subjects, not objects
        subjects = [m for m in before if not _GOVERNED.search(_masked(joined, span, before, m))
                    and not re.match(r"\s*(?:\([^)]*\)\s*)?" + _SPEECH + r"\b", text[m.end - span.start :])]
        adverbial = _ADVERBIAL.match(text)
        if adverbial is not None and adverbial.end() <= match.start():
            # "As X and Y pressure Brown for a veto, activists rally in support of it": the subject of the opening
            # adverbial clause is not the main clause's
            subjects = [m for m in subjects if m.start - span.start >= adverbial.end()]
        if subjects:  # "X calls on A to stop ... and B to suspend": B is addressed with A, not a subject
            asked = _CALLS_ON.search(text, subjects[0].end - span.start, match.start())
            if asked is not None:
                subjects = [m for m in subjects if m.start - span.start < asked.start()]
        members = _members(text, span, before, clause, match, types)
        if members:  # "Several jurisdictions, including Arlington County, have sought to": its members
            return _distinct(m.entity for m in members), 'named as members of the subject ("including X")', 0.7
        if subjects and pronouns and pronouns[-1].start() >= subjects[-1].end - span.start \
                and pronouns[-1].group(0).lower() in ("i", "we") and re.fullmatch(
                    r"\s*,?\s*and\s+", text[subjects[-1].end - span.start : pronouns[-1].start()]):
            # "President X and I directed ...": the one named and the writer, both subjects
            writer = voices.speaker(span.start + match.start()) if voices is not None else None
            pair = [subjects[-1].entity] + ([writer.entity] if writer is not None else [])
            return _distinct(pair), 'the subject before the cue ("X and I": X and the writer)', 0.8
        if subjects and pronouns and pronouns[-1].start() >= subjects[-1].end - span.start \
                and pronouns[-1].group(0).lower() in ("i", "we", "you"):
            subjects = []  # "Secretary X, we urge you to end ...": the pronoun after the name is the subject
            # ("they", "he", "she" after a name stand for it: "X and Y support it (even if they tried to weaken it)")
        if subjects:
            chosen = [subjects[-1]]
            for m in reversed(subjects[:-1]):  # "X and Y announced": both; "X joined Y in calling for": both
                gap = joined[m.end - span.start : chosen[0].start - span.start]
                if re.fullmatch(r"\s*(?:,|and|, and|(?:,\s*)?and\s+(?:then|later|eventually)|(?:has\s+|have\s+)?(?:\w+ly\s+)?join(?:ed|s)?(?:\s+with)?)\s*(?:the\s+)?", gap) or _appositive_and(gap):
                    chosen.insert(0, m)
                elif types.get(chosen[0].entity) == "person" and re.fullmatch(r"\s+(?:[A-Z][\w.’'-]*\s+){1,4}", gap):
                    continue  # "Committee on Immigration Chair Council Member X": a body in X's title, not a subject
                else:
                    break
            official = [m for m in subjects if m.end <= chosen[0].start and types.get(m.entity) == "person"]
            if official and types.get(chosen[0].entity) in JURISDICTION_TYPES and re.fullmatch(
                    r"\s*(?:\w+\s+){0,2}?(?:announced|announces|said|says|declared|declares|stated|states)\s+(?:\w+\s+){0,3}?that\s+(?:the\s+)?",
                    text[official[-1].end - span.start : chosen[0].start - span.start]):
                chosen.insert(0, official[-1])  # "Governor X announced that the state will ...": the official too
            gap = text[chosen[-1].end - span.start : match.start()]
            # "X informed DHS in a May 4 letter that ...": the subject's own verb is one of saying, so the
            # first "that" after it opens what X says, however far its object and adjuncts carry it
            own_verb = re.match(r"\s*(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(\w+)\b", gap)
            says = own_verb is not None and own_verb.group(1).lower() in _CLAUSE_VERBS
            relative = [r for i, r in enumerate(re.finditer(_RELATIVE, gap))
                        if r.group(1).lower() not in _CLAUSE_VERBS
                        and not (says and i == 0 and re.match(r"\w+\s+that\b", r.group(0)))
                        # "admitted on Wednesday that", "notified governors Friday that": the reporting verb's object clause
                        and not (_WHEN_WORD.fullmatch(r.group(1))
                                 and set(re.findall(r"\w+", text[: chosen[-1].end - span.start + r.start()].lower())[-4:]) & _CLAUSE_VERBS)]
            if relative:  # "objecting to changes that now make it mandatory": the relative clause's subject is the noun
                return [], "the cue is in a relative clause about something else", -1.0
            return _distinct(m.entity for m in chosen), "the subject before the cue", 0.8
    said = _said_in(span, capable, types)
    if said is not None and (cue is None or cue.position not in ATTITUDES) and _act_of_another(
            text, max(clause, text.rfind(",", 0, match.start()) + 1), match.start()):
        return [], "an act the quoted one reports of another (a relative clause's, a noun's: \"the end of\")", -1.0
    if said is not None:
        return [said.entity], "the one the sentence quotes", 0.8
    if not quoted and not before:
        listed = [m for m in capable if m.start >= span.start + match.end() and not _GOVERNED.search(text[: m.start - span.start])]
        if listed and re.search(r"\b(?:are|were|include|included|including|is|was)\b\s*:?\s*$",
                                text[match.end() : listed[0].start - span.start]):
            return _distinct(m.entity for m in listed), "named after the cue (\"those who ... are: ...\")", 0.7
    if voices is not None and not quoted and voices.addressee is not None and (
            pronouns and pronouns[-1].group(0).lower() == "you" or re.search(
                r"\b[Yy]our\s+(?:department|agency|administration|office|staff)\s+(?:\w+\s+){0,3}$", text[clause : match.start()])):
        return [voices.addressee.entity], 'the addressee ("you announced", "your department has decided")', 0.7
    if voices is not None:
        who = voices.speaker(span.start + match.start())
        other = bool(pronouns) and pronouns[-1].group(0).lower() not in ("i", "we")
        if who is not None and not (other and not quoted) and (quoted or _FIRST_PERSON.search(text[: match.start()])):
            if cue is not None and cue.position in _ACTS and not _own_act(text, pronouns, match):
                return [], "an act in a speaker's words is the act of its subject, not the speaker's (\"as we see X expand\")", -1.0
            agency = voices.publisher if types.get(voices.publisher or "") in _AGENCIES else None
            plural = [w.group(0).lower() for w in _FIRST_PERSON.finditer(text, 0, match.start())]
            if not quoted and agency is not None and who.entity != agency and types.get(who.entity) == "person" \
                    and plural and plural[-1] in ("we", "our", "us"):
                return [agency], "\"we\" in an agency's own publication is the agency, not its writer", 0.7
            return [who.entity], "who says or writes it (a quotation, or \"we\"/\"I\" in a letter)", 0.7
    return [], "", 0.0


# Positions that are acts on the program (extending it), not judgments of it: in a speaker's
# words they are the speaker's only when the speaker is their subject ("we will expand it").
_ACTS = frozenset({"expands"})
_AGENCIES = frozenset({"agency", "office"})


def _own_act(text: str, pronouns: list[re.Match[str]], match: re.Match[str]) -> bool:
    """The speaker's own act: "I"/"we" is the last subject before the cue, with no name, title or
    quotation between them ("we will expand" yes; "as we see X expand", "I ask why "ICE ... activate"" no)."""
    if not pronouns or pronouns[-1].group(0).lower() not in ("i", "we"):
        return False
    between = text[pronouns[-1].end() : match.start()]
    return not re.search(r"[A-Z\"“”‘’']", between) and len(between.split()) <= 5


# A sentence opening on an adverbial clause ("As X pressures Y, ...", "When the county joined, ..."), up to its comma.
_ADVERBIAL = re.compile(r"\W*(?:As|When|While|Whereas|Although|Though|After|Before|Because|Since|If|Unless|Once|Until)\s[^,;:\"“”()]{3,120}?,\s")


def _coordinated(text: str) -> str:
    """The sentence with the words that add subjects to a list read as "and" (", along with X",
    ", together with X") and a quantity before a class left out ("a number of immigrant advocates"),
    each replaced by as many characters, so offsets stay."""
    def pad(match: re.Match[str], word: str) -> str:
        return (word + " " * len(match.group(0)))[: len(match.group(0))]
    text = re.sub(r",\s*(?:along|together)\s+with\b", lambda m: pad(m, ", and"), text)
    return re.sub(r"\b(?:a\s+(?:number|group|handful|host)|dozens|hundreds|scores)\s+of\b", lambda m: pad(m, ""), text)


def _appositive_and(gap: str) -> bool:
    """"Congresswoman A (CA-32), Chair of the B Caucus, and Congressman C (CA-15), B Taskforce Chair,":
    names joined by "and" across tags and titles (capitalised words, "of", "the", "for", "on")."""
    plain = re.sub(r"\([^)]*\)", " ", gap)
    if not plain.strip():
        return gap == "" or bool(re.fullmatch(r"\s*\([^)]*\)\s*", gap)) or gap.isspace()  # one name in two pieces
    if "," not in plain and not re.search(r"\band\b", plain):
        return False  # "ICE Director John Morton": a title, not a list
    words = re.findall(r"[\w’'.&-]+", plain)
    return len(words) <= 14 and all(w[:1].isupper() or w.lower() in ("and", "of", "the", "for", "on", "&") for w in words)


# Words after which "that" opens what is said, asked or known, not a relative clause.
_WHEN_WORD = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|week|month|year|earlier|later|again", re.IGNORECASE)
# A relative clause with a verb of its own before the cue ("changes that now make it mandatory"); a modal or an
# adverb before the cue itself ("an ordinance that will likely curb") leaves the cue the clause's verb.
_RELATIVE = re.compile(r"\b(\w+)\s+(?:that|which)\s+(?:(?:\w+ly|now|will|would|could|can|may|might|should|shall|must)\s+)*"
                       r"(?!(?:is|are|was|were|\w+ly|now|will|would|could|can|may|might|should|shall|must)\b)[a-z]+\b")
_CLAUSE_VERBS = frozenset("""said says say stated states announced announces announce declared declares noted notes told
    informed informs notified wrote writes added argued argues claimed claims believe believes believed confirmed confirms
    asked asks ask request requests requested urge urges urged recommend recommends recommended demand demands demanded
    insist insists insisted propose proposes proposed ensure ensures ensured so such clear fact hope hopes know knows
    learned found finds showed shows suggests suggested reported reports concluded concludes asking urging requesting
    demanding saying stating noting announcing declaring insisting recommending proposing arguing claiming
    admitted admits acknowledged acknowledges conceded concedes warned warns explained explains
    felt feel feels think thinks thought decided decides agreed agrees realized realizes recognized recognizes
    determined determines determine""".split())
# Verbs that ask another to act ("urging that the state withdraw", "urge Governor X to withdraw").
_ASKS = re.compile(r"\b(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?(?!\s+(?:for|to)\b)|call(?:s|ed|ing)?\s+(?:on|upon)|"
                   r"request(?:s|ed|ing)?\s+that|implor\w+|encourag\w+)\b", re.IGNORECASE)
_CALLS_ON = re.compile(r"\b(?:calls?|called|calling)\s+(?:on|upon)\b|\b(?:urges?|urged|urging|asks?|asked|asking)\b(?!\s+that\b)")


# An object of its own right after a cue: "support your efforts", "expanded the training".
_OBJECT = re.compile(r"\s+(?:(?:the|a|an|your|our|their|his|her|its|this|these|those|my)\s+[\w-]+|"
                     r"(?!(?:to|of|for|in|on|at|by|with|about|over|and|or|but|that|because|as|from|it|than|into|"
                     r"is|are|was|were|be|been|has|have|had|will|would|not)\b)[a-z][a-z-]*(?<!ly)\b)")


# What may follow an adjective that is not the noun it qualifies: a preposition, a conjunction, an adverb of place.
_NOT_A_NOUN = re.compile(r"\s+(?:for|by|in|on|to|at|from|of|with|without|under|across|throughout|since|until|after|before|"
                         r"nationwide|statewide|now|rather|than|and|or|but|as|if|when|because|unless)\b")


def _attributive(text: str, match: re.Match[str]) -> bool:
    """Whether a cue adjective qualifies the noun right after it ("a federally mandated program", "the
    mandatory nature of X", "a congressionally-mandated tool"): it describes the program, it reports no
    act (cues.yaml `attributive`); "made the program mandatory", "is mandatory for all" are acts."""
    words = {str(w).lower() for w in cue_data().get("attributive") or []}
    if match.group(0).lower() not in words:
        return False
    after = text[match.end() :]
    return re.match(r"\s+[a-z][a-z-]*\b", after) is not None and _NOT_A_NOUN.match(after) is None


def _MODIFIER_CUE(match: re.Match[str]) -> bool:
    words = {str(w).lower() for w in cue_data().get("modifier_cues") or []}
    return match.group(0).lower() in words


_OTHER_CLAUSE = re.compile(r";|,\s*(?:which|who|where)\b|\b(?:which|whom|whose)\b")
_LATER_PROGRAM = re.compile(r"\b(?:the|this|that|its)\s+(?:[a-z]+-[a-z]+\s+)?(?:program|initiative|policy|strategy)\b", re.IGNORECASE)
_TARGET_WORDS = re.compile(r"^\W*(?:\w+\s+){0,4}?(?:the|this|that|its)\s+(?:controversial\s+|federal\s+|flawed\s+|same\s+|[a-z]+-[a-z]+\s+)?(?:program|initiative|policy|strategy|effort)\b|^\W*(?:\w+\s+){0,2}?it\b", re.IGNORECASE)


def _role_target(
    span: Span, match: re.Match[str], inside: list[Mention], targets: list[Mention], above: list[Mention],
    types: dict[str, str], topic: str | None, paragraph: frozenset[str] = frozenset(), specific: bool = False,
    last_program: str | None = None,
) -> tuple[str | None, str, float]:
    """What the position is about: the program named after the cue (its object), "the
    program" or "it" for the document's program, else the program named before it, else the
    document's. None when the cue's object is someone rather than something ("in support of
    Representative X's call")."""
    cue_end = span.start + match.end()
    # The cue's object: a program named after it in the same clause, not inside a relative clause
    # ("launched a training program ..., which is applicable to ... Secure Communities").
    after = [m for m in targets if m.start >= cue_end and not _OTHER_CLAUSE.search(span.text[match.end() : m.start - span.start])
             and len(span.text[match.end() : m.start - span.start].split()) <= 16]
    first_after = next((m for m in inside if m.start >= cue_end), None)
    praise = re.search(r"\bfor\s+\w+ing\b", span.text[match.end() :])  # "applaud X for expanding this program"
    if praise and (any(m.start >= span.start + match.end() + praise.start() for m in targets)
                   or _LATER_PROGRAM.search(span.text, match.end() + praise.start())):
        later = [m for m in targets if m.start >= span.start + match.end() + praise.start()]
        if later:
            return later[0].entity, "what the one praised is praised for", 0.9
        if topic is not None:
            return topic, 'the document\'s program ("this program" after "for ...ing")', 0.9
    if first_after is not None and types.get(first_after.entity) not in TARGET_TYPES:
        gap = span.text[match.end() : first_after.start - span.start]
        owner = bool(after) and after[0].start - cue_end <= 80  # "end the U.S. Department of ...'s Secure Communities"
        withdrawn = re.match(r"(?:\s+[A-Z][\w.'’-]*)*\s+(?:from|in|into)\s+(?:the|this|that|its)\s+" if specific else
                             r"(?:\s+[A-Z][\w.'’-]*)*\s+from\s+(?:the|this|that|its)\s+", span.text[first_after.end - span.start :])
        # ("withdraw X from the program", and for an act on taking part "not to enroll X in the program": the place moved)
        source = re.fullmatch(r"\s+(?:from|by)\s+(?:the\s+|this\s+)?", gap)  # "support from X": whose, not its object
        owned = re.match(r"['’]s?\s|\s*\([^)]*\)\s*['’]s?\s", span.text[first_after.end - span.start :])  # "reject ICE's announcement of X"
        if len(gap.split()) <= 3 and not owner and not withdrawn and not source and not owned and not re.search(
                rf"\b(?:to|and|in|by|that|are|were|is|was|include[sd]?|including|{_SPEECH})\b|[:,;\"“”]", gap):
            return None, "", 0.0  # the cue's object is a person or an organisation, not a program
    if after:
        if len(after) > 1 and after[1].entity != after[0].entity and not span.text[after[0].end - span.start : after[1].start - span.start].strip():
            # "terminate all existing Secure Communities MOAs": the program's name qualifies the noun after it
            return after[1].entity, "named after the cue (the noun its first name qualifies)", 1.0
        return after[0].entity, "named after the cue", 1.0
    rest = span.text[match.end() :]
    own_object = bool(_OBJECT.match(rest)) and not re.match(
        r"\W*(?:the|this|that|its|our|their)\s+(?:program|initiative|policy|strategy|effort)\b|\W*it\b", rest, re.IGNORECASE)
    if topic is not None and _TARGET_WORDS.match(rest) and (specific or not own_object):  # not "improve its data on the program"
        return topic, 'the document\'s program ("the program", "it" after the cue)', 0.9
    before = [m for m in targets if m.end <= span.start + match.start() and m.how != "description"]
    if before:  # (a bill a description refers to is read only as the cue's object: "This bill reversed that flawed approach")
        return before[-1].entity, "named before the cue", 0.8
    if last_program is not None and _THIS_PROGRAM.match(span.text):
        return last_program, 'the program the sentence before names ("This program" opening the next)', 0.8
    if topic is not None and _LATER_PROGRAM.search(span.text[: match.start()]):
        return topic, 'the document\'s program ("this program is deeply flawed")', 0.8
    heads = [m for m in above if types.get(m.entity) in TARGET_TYPES]
    if heads:
        return heads[0].entity, "named in the heading", 0.8
    if _MODIFIER_CUE(match):
        return None, "", 0.0  # "nationwide", "mandatory" say something of a program only where the sentence names it
    if not specific and own_object:
        return None, "", 0.0  # "support your efforts to reform ...": the cue's object is something else
    if _PASSIVE_OF_NOUN.search(span.text[: match.start()]):
        return None, "", 0.0  # "..., trust is undermined": the judged thing is the passive's own subject, not a program
    if topic is not None and topic in paragraph:
        return topic, "the program the paragraph names (the sentence names none)", 0.6
    if topic is not None and specific and not re.match(rf"\s+(?:any|all|such|other)\s+(?:[a-z-]+\s+){{0,3}}?(?:{_phrases('own_objects')})\b",
                                                       rest, re.IGNORECASE):  # "stop any current or planned actions": its own object
        return topic, "the program the document names most often (the sentence names none)", 0.5
    return None, "", 0.0


# A sentence opening on a demonstrative program ("This program and cooperation by local authorities has been
# criticized by ..."): the one the sentence before names, not the document's most named.
_THIS_PROGRAM = re.compile(r"\W*(?:This|That)\s+(?:[a-z]+\s+)?(?:program|initiative|policy)\b")


def _governed(hits: list[tuple[Cue, re.Match[str]]]) -> list[tuple[Cue, re.Match[str]]]:
    """Where cues of opposite polarity stand within three words of each other, keep the negative
    one: "calls for a moratorium" is a call to pause and "urges an end to" a call to end, not
    support; "refuse to implement" and "oppose expanding" are refusal and opposition."""
    asking = {f.lower() for v in cue_data().get("asking") or [] for f in _inflections(str(v))}
    kept = []
    for cue, match in hits:
        # "urged the Gamma Agency to suspend": a verb of asking reaches further, to what it asks for
        reach = 7 if match.group(0).split()[0].lower() in asking else 3
        near = any(
            other.polarity * cue.polarity < 0 and _words_between_at_most(match, o, reach if o.start() > match.start() else 3)
            for other, o in hits
        )
        if not (near and cue.polarity > 0):
            kept.append((cue, match))
    kept = kept or hits
    # "rejected calls to end X", "opposes the suspension of X": a rejection of a position against X is for X
    rejections = [(c, m) for c, m in kept if c.position in _REJECTING]
    result = []
    for cue, match in kept:
        inner = any(c.polarity < 0 and m.start() > match.start() and _governs(match, m) for c, m in kept if (c, m) != (cue, match))
        if cue.position in _REJECTING and inner:
            result.append((Cue("supports", f"{cue.phrase} (what is against it)", cue.pattern, 1), match))
        elif cue.polarity < 0 and any(m.start() < match.start() and _governs(m, match) for c, m in rejections if (c, m) != (cue, match)):
            continue  # the position rejected is not the actor's
        else:
            result.append((cue, match))
    return result


# Positions that reject: one of them before another negative position turns it round.
_REJECTING = frozenset({"opposes", "refuses-to-join", "criticizes", "calls-to-halt", "calls-to-end"})


def _governs(outer: re.Match[str], inner: re.Match[str]) -> bool:
    """Whether the inner cue is what the outer one is about: within six words, in the same
    phrase ("rejected calls to end", "criticized the Administration's changes that weaken")."""
    if inner.start() < outer.end():
        return False  # overlapping cues ("deeply concerned", "concerned about") are one, not one about the other
    if not _words_between_at_most(outer, inner, 6, r"\S+"):
        return False  # more than six words apart (counted first: a long gap is never copied nor searched)
    gap = _between(outer, inner)
    if re.search(r"(?:\b[A-Z][\w-]*|\b(?:program|initiative|policy|strategy|system))\s*$", gap):
        return False  # "the fatally-flawed X program must go": the inner cue is said of the noun the outer one qualifies
    return len(gap.split()) <= 6 and not re.search(r"[,;]|\b(?:and|but|or|because|since|while|as|which|who|it)\b", gap)


def _words_between_at_most(a: re.Match[str], b: re.Match[str], limit: int, word: str = r"\w+") -> bool:
    """Whether at most `limit` words (`word`: runs of \\w, or of non-space as str.split reads them)
    stand between two matches, reading no further than the word after the limit: two cues far apart
    in a sentence of thousands of words are not counted to the end."""
    first, second = (a, b) if a.start() <= b.start() else (b, a)
    if first.end() > second.start():
        return True
    return sum(1 for _ in itertools.islice(re.compile(word).finditer(a.string, first.end(), second.start()), limit + 1)) <= limit


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
        if not before.strip() and re.match(r"\s*(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s*)?(?:\s-\s|[–—])", after):
            continue  # a dateline ("WASHINGTON -"): where the release was issued, not who acts
        if i > 0 and kind in ("state", "country") and types.get(inside[i - 1].entity, "") in ("county", "city", "district"):
            if span.text[inside[i - 1].end - span.start : mention.start - span.start].strip() == ",":
                continue
        if kind in JURISDICTION_TYPES and _LOCATIVE.search(before):
            continue  # "actions in Los Angeles, New York and Seattle": where, not who
        if kind in JURISDICTION_TYPES and _QUALIFIED.match(after):
            continue  # "south Texas counties have implemented": the counties act, the state only places them
        following = next((m for m in inside[i + 1 :] if types.get(m.entity) in TARGET_TYPES), None)
        if following is not None and _OWNER.fullmatch(span.text[mention.end - span.start : following.start - span.start]):
            continue  # "Napolitano's Secure Communities program", "ICE Secure Communities": whose program, not a stance
        result.append(mention)
    return result


# A common noun as the subject of a passive just before the cue ("trust is undermined", "families are torn apart"):
# what the cue judges is that noun; not "it", "this" or the program's own words.
_PASSIVE_OF_NOUN = re.compile(r"(?<![\w’'-])(?!(?:it|this|that|program|initiative|policy|which|who|they|he|she)\s)[a-z][a-z-]+\s+"
                              r"(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:being\s+)?$")
_QUALIFIED = re.compile(r"\s+(?:counties|cities|towns|jurisdictions|localities|communities|jails|officials|leaders|"
                        r"residents|agencies|sheriffs|police|lawmakers|legislators|voters|immigrants|law\s+enforcement)\b")
def _post(text: str, titled: Titled, spans: list[Span], headings: list[tuple[int, str, str]], document_date: str | None) -> Candidate:
    span = Span(titled.start, titled.end, text[titled.start : titled.end])
    sentence = next((s for s in spans if s.start <= titled.start < s.end), span)
    forms = lexicon.data().get("title_forms") or {}
    values = {"person": titled.person or "", "title": forms.get(titled.title, titled.title.rstrip("."))}
    at = text.find(titled.title, titled.start, max(titled.end, titled.start + len(titled.title)))
    modifiers = "|".join(re.escape(str(m)) for m in lexicon.data().get("title_modifiers") or [])
    words = rf"(?:(?:{modifiers})[ \t]+)"
    before = re.search(rf"(?<![\w-])(?P<far>{words}+)(?P<unit>(?:[A-Z][\w’'-]*[ \t]+){{0,3}}?)(?P<near>{words}*)$",
                       text[max(0, at - 80) : at]) if at > 0 and modifiers else None
    if before and values["title"] == titled.title.rstrip("."):
        # "Assistant Secretary", "Acting Secure Communities Executive Director": the unit's name is not the title's
        values["title"] = before.group("far") + before.group("near") + values["title"]
    if titled.organization:
        values["organization"] = titled.organization
    if titled.jurisdiction:
        values["jurisdiction"] = titled.jurisdiction
    why = f'"{titled.title}" before the name {titled.name!r}' + ("" if titled.person else " (a new entity)")
    return Candidate("posts", values, [span], why, date_for(sentence, headings, document_date), {"name": titled.name})


def _distinct(items: object) -> list[str]:
    return list(dict.fromkeys(items))  # type: ignore[call-overload]


# ------------------------------------------------------------------ stance tuples for the model


def _stance_tuples(
    span: Span, inside: list[Mention], types: dict[str, str], topic: str | None, position_cues: list[Cue],
    voices: Voices | None, previous: list[Mention], ruled: set[tuple[str, str, str]],
) -> list[stance_model.Tuple]:
    """Every stance the sentence makes possible, with features (`ruled`: what the rules proposed
    for this sentence)."""
    text = span.text
    hits = [(cue, m) for cue in position_cues for m in cue.pattern.finditer(text)]
    if not hits:
        return []
    hits = _not_cues(_longest(hits))
    unhedged = {id(m) for _, m in _unhedged(hits)}
    governed = {id(m) for _, m in _governed(hits)}
    capable = _actor_mentions(span, inside, types)
    targets = [m for m in inside if types.get(m.entity) in TARGET_TYPES]
    heading = not text.rstrip().endswith((".", "?", "!", '"', "”", ":"))
    result: list[stance_model.Tuple] = []
    for cue, match in hits:
        at = span.start + match.start()
        clause = max(text.rfind(";", 0, match.start()), 0)
        common: dict[str, float] = {f"pos={cue.position}": 1.0}
        if cue.position in GENERIC:
            common["generic"] = 1.0
        if id(match) not in unhedged:
            common["hedged"] = 1.0
        if id(match) not in governed:
            common["governed_cue"] = 1.0
        if _unasserted(text, cue, match):
            common["unasserted"] = 1.0
        if _NEGATION.search(text[: match.start()]):
            common["negated"] = 1.0
        if _nominal(cue, match):
            common["nominal"] = 1.0
        if inside_quotes(text, match.start()) or (voices is not None and inside_quotes(
                voices.text[voices.text.rfind("\n", 0, span.start) + 1 : at], at - voices.text.rfind("\n", 0, span.start) - 1)):
            common["quoted"] = 1.0
        if heading:
            common["heading"] = 1.0
        if text.rstrip().endswith("?"):
            common["question"] = 1.0
        if _FIRST_PERSON.search(text[clause : match.start()]):
            common["first_person"] = 1.0
        if _REPORTED.search(text[clause : match.start()]):
            common["reported"] = 1.0
        common[f"n_actors{stance_model.bucket(len({m.entity for m in capable}), (0, 1, 3))}"] = 1.0
        # Actors and where each stands.
        actors: dict[str, dict[str, float]] = {}
        for m in capable:
            f: dict[str, float] = {}
            if m.end <= at:
                gap = len(re.findall(r"[\w’'-]+", text[m.end - span.start : match.start()]))
                f["before"] = 1.0
                f[f"gap{stance_model.bucket(gap, (3, 8, 15))}"] = 1.0
                if _GOVERNED.search(text[: m.start - span.start]):
                    f["governed_actor"] = 1.0
                if m.start - span.start < clause:
                    f["other_clause"] = 1.0
            else:
                f["after"] = 1.0
                if _GOVERNED.search(text[: m.start - span.start]):
                    f["governed_actor"] = 1.0
            f[f"atype={types.get(m.entity, '')}"] = 1.0
            actors.setdefault(m.entity, f)
        speaker = voices.speaker(at) if voices is not None else None
        if speaker is not None:
            f = actors.setdefault(speaker.entity, {f"atype={types.get(speaker.entity, '')}": 1.0, "voice_only": 1.0})
            f["voice"] = 1.0
            if voices is not None and voices.author is not None and voices.author.entity == speaker.entity:
                f["author"] = 1.0
        if _PRONOUN_SUBJECT.match(text):
            for m in previous:
                if types.get(m.entity, "") not in NOT_ACTOR_TYPES:
                    actors.setdefault(m.entity, {f"atype={types.get(m.entity, '')}": 1.0, "previous": 1.0})
        # Targets.
        aims: dict[str, dict[str, float]] = {}
        for m in targets:
            aims.setdefault(m.entity, {"t_after": 1.0} if m.start >= at else {"t_before": 1.0})
        if not aims and topic is not None:
            aims[topic] = {"t_topic": 1.0}
        for actor, af in sorted(actors.items()):
            for target, tf in sorted(aims.items()):
                if actor == target:
                    continue
                features = {**common, **af, **tf}
                if (actor, target, cue.position) in ruled:
                    features["ruled"] = 1.0
                if any(k[0] == actor and k[1] == target for k in ruled):
                    features["ruled_pair"] = 1.0
                features[f"{cue.position}&{next(iter(tf))}"] = 1.0
                why = ", ".join(sorted(k for k in features if k not in common or k.startswith("pos=")))
                result.append(stance_model.Tuple(actor, target, cue.position, span, match.group(0), features, why))
    return result
