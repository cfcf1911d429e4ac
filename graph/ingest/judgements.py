"""Judgements of a program in evaluative words no cue list holds (issue 13, session 17).

"Secure Communities casts too wide a net", "It does separate families", "S-Comm is a bad idea": a clause
whose subject is a program or bill the text names (its name, a description the extractor resolves, "the
program", or "it" for the one program of the sentence before) and whose predicate carries strong
evaluative polarity by a general-English sentiment lexicon (VADER, the `vaderSentiment` package; its
lexicon ships inside it) states a judgement of that program: `criticizes` when negative, `supports` when
positive, for the one who says it (a quotation's speaker, "X said ...", the document's own voice). The
topic test (the program is the clause's subject) keeps judgements of people and of other things out;
the names in the predicate are masked and the domain's neutral words (cues.yaml `tone.neutral`: crime,
detention, security) carry no feeling. Settings and words: cues.yaml `judgements`.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from graph.ingest import clauses, lexicon
from graph.ingest.mentions import Mention
from graph.ingest.passages import ATTITUDES, TARGET_TYPES, Candidate, Span, date_for, inside_quotes

_QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
# After the subject: not a verb but a preposition, a conjunction, a relative pronoun or another name.
_NOT_VERB = re.compile(r"(?:of|and|or|in|for|to|with|which|that|who|whose|on|at|by|from|as|into|under|than|"
                       r"the|a|an|program|programs|initiative|'s|’s|[A-Z0-9][\w.-]*)\b")


def _config() -> dict[str, Any]:
    return lexicon.data().get("judgements") or {}


def _words(key: str) -> str:
    return "|".join(lexicon.phrase_pattern(str(w)) for w in sorted(_config().get(key) or [], key=lambda w: -len(str(w)))) or r"(?!x)x"


def judgements(
    spans: list[Span], mentions: list[Mention], types: dict[str, str], topic: str | None, voices: Any, voice_ids: list[str],
    headings: list[tuple[int, str, str]], document_date: str | None, found: list[Candidate],
    capable_in: Callable[[Span, list[Mention]], list[Mention]],
) -> list[Candidate]:
    """`criticizes` or `supports` for who says a clause whose subject is a program and whose predicate's
    polarity reaches cues.yaml `judgements.negative` / `positive`, where no other rule gave the pair a judgement.
    `voice_ids`: who speaks the document's own words (voices.document_voices). Off unless `enabled`."""
    cfg = _config()
    if not cfg.get("enabled"):
        return []
    negative, positive = float(cfg.get("negative", -1.0)), float(cfg.get("positive", 1.0))
    roles = set(cfg.get("roles") or [])
    neutral = tuple(str(w) for w in (lexicon.data().get("tone") or {}).get("neutral") or [])
    opener = re.compile(r"(?:^|[;:(—]|\b(?:" + _words("openers") + "|" + _words("saying") + r"))\s*[“\"]?\s*"
                        r"(?:(?:the|this|that|its|their|our|his|her)\s+)?(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE)
    saying = re.compile(r"\b(?:" + _words("saying") + r")\b", re.IGNORECASE)
    claims = re.compile(r"\b(?:" + _words("unnamed") + r")\s+(?:\w+\s+){0,2}?(?:" + _words("saying") + r")\b", re.IGNORECASE)
    anaphor = re.compile(r"\b(?:it|It)\b(?!\s+(?:is|was|’s|'s)\s+(?:\w+\s+){0,2}(?:to|that)\b)")
    have = {(c.values["actor"], c.values["target"]) for c in found if c.kind == "stances" and c.values["position"] in ATTITUDES}
    result: list[Candidate] = []
    before_programs: list[str] = []
    for span in spans:
        inside = [m for m in mentions if span.start <= m.start and m.end <= span.end]
        described = clauses.described_targets(span, mentions, types, ("program", "bill"))
        subjects = sorted([m for m in inside + described if types.get(m.entity) in TARGET_TYPES], key=lambda m: m.start)
        programs = list(dict.fromkeys(m.entity for m in subjects))
        referent = before_programs[0] if len(before_programs) == 1 else (topic if not before_programs and cfg.get("it_topic") else None)
        for it in anaphor.finditer(span.text):
            # "It does separate families": the program named last before it in the sentence, else the one program
            # of the sentence before, else (none named there) the document's program
            earlier = [m for m in subjects if m.how != "it" and m.end <= span.start + it.start()]
            entity = earlier[-1].entity if earlier else referent
            if entity is not None:
                subjects.append(Mention(entity, span.start + it.start(), span.start + it.end(), it.group(0), "it"))
        capable = capable_in(span, inside)
        before_programs = programs or (before_programs if not capable else [])
        paragraph_at = voices.text.rfind("\n", 0, span.start) + 1 if voices is not None else span.start
        for subject in sorted(subjects, key=lambda m: m.start):
            at = subject.start - span.start
            lead = span.text[:at]
            if not opener.search(lead) or any(m.start < subject.start and m.end > subject.start for m in inside if m is not subject):
                continue
            rest = span.text[subject.end - span.start :]
            verb = re.match(r"[”\"]?\s*(?:(?:program|programme|initiative)\b\s*)?(?:\([^)]*\)\s*)?(?:,\s*[^,;]{1,90},\s*)?(?P<word>[\w’'-]+)", rest)
            if verb is None or _NOT_VERB.fullmatch(verb.group("word")) or rest[: verb.start("word")].strip(" ”\"") == ",":
                continue
            quote = next((q for q in _QUOTED.finditer(span.text) if q.start() < at < q.end()), None)
            quoted = (quote is not None and len(quote.group(0).split()) >= 5) or (
                quote is None and voices is not None and inside_quotes(voices.text[paragraph_at : subject.start], subject.start - paragraph_at))
            end = len(span.text)
            if quote is not None and quoted:
                end = quote.end()
            stop = re.search(r";|,\s+(?:but|while|whereas|although)\b", span.text[verb.start("word") + subject.end - span.start :])
            begin = subject.end - span.start
            if stop is not None:
                end = min(end, begin + verb.start("word") + stop.start())
            words = clauses.masked_words(span, inside, begin, end)
            score = clauses.polarity(words, neutral)
            if negative < score < positive:
                continue
            actors, role = _speakers(span, subject, lead, quoted, capable, voices, voice_ids, saying, claims, types)
            if role not in roles:
                continue
            position = "criticizes" if score <= negative else "supports"
            for actor in actors:
                if actor == subject.entity or (actor, subject.entity) in have:
                    continue
                have.add((actor, subject.entity))
                why = (f"a judgement of the program in evaluative words ({score:+.2f}, {role}): the program is the subject of "
                       f"the clause and a general sentiment lexicon reads its predicate as {'negative' if score < 0 else 'positive'}; "
                       "no other rule gave this pair a judgement: check")
                candidate = Candidate("stances", {"actor": actor, "target": subject.entity, "position": position}, [span], why,
                                      date_for(span, headings, document_date))
                candidate.score = 0.2
                result.append(candidate)
    return result


def _speakers(span: Span, subject: Mention, lead: str, quoted: bool, capable: list[Mention], voices: Any,
              voice_ids: list[str], saying: re.Pattern[str], claims: re.Pattern[str],
              types: dict[str, str]) -> tuple[list[str], str]:
    """Who says the clause, and how the text gives them: its quotation's speaker ("quotation"), the
    subject of a verb of saying or thinking before it or ", said X" after it ("reported"), the document's
    own voice ("voice"). None for a claim of unnamed others ("critics say")."""
    if quoted:
        speaker = voices.speaker(subject.start) if voices is not None else None
        if speaker is None or speaker.how in ("publisher", "author") or speaker is getattr(voices, "author", None):
            return [], "quotation-author"
        return [speaker.entity], "quotation"
    if claims.search(lead):
        return [], "unnamed"
    verbs = list(saying.finditer(lead))
    for verb in verbs:  # "X said he had long felt the program was ...": the first named sayer
        named = [m for m in capable if m.end - span.start <= verb.start() and re.fullmatch(
            r"(?:\s*,[^,]{1,90},)?\s*(?:\w+ly\s+)?(?:has\s+|had\s+|have\s+)?", span.text[m.end - span.start : verb.start()])]
        if named:
            return [named[-1].entity], "reported"
    if verbs:
        return [], "reported-unnamed"
    after = [m for m in capable if m.start > subject.end and re.search(r"\b(?:" + saying.pattern + r")\s+(?:[\w.’'-]+\s+){0,4}$",
                                                                       span.text[: m.start - span.start])]
    if after:
        return [after[0].entity], "reported"
    if any(m.start < subject.start for m in capable):
        return [], "other-subject"
    return list(voice_ids), "voice"
