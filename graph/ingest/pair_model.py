"""Stances for found pairs no rule joined, by a learned linear model (issue 13, session 12, 17h).

On text the rules were not written from, half the stances they miss have both the actor and the
program found and no candidate joining them. For every such pair of a document (the actor any found
entity that can act: a known entity's mention, a proposed new entity, the given publisher or author;
the target any found program, policy, law, bill, executive order or agreement) and every position of
the scheme, a logistic model gives the probability that a careful reader codes that stance; the most
likely position of a pair is proposed when it reaches the threshold. The features name no document
(`pairs`, `features`): who the actor is (the document's voice, its type, how often named), whether
and where actor and program share a sentence (the distance between them, which comes first, other
actors between, negation, quotation), who speaks that sentence, the position cues of the shared
sentences and of the words between the two, the tone of the nearest shared sentence by VADER's
general lexicon (the names masked, the domain's neutral words of cues.yaml `tone.neutral` taken
out), the genres of the document, and optionally the words between and around, hashed into
buckets.

The weights are data (`pair_model.json`, written by `python bench/stance_pairs.py --write-model`
from the development gold of bench/ingest-eval/); the model is read by pure Python at run time, no
training happens, the same input gives the same output. Whether it proposes at all is the switch
`pair_model.enabled` of cues.yaml (docs/ingest.md, "Session 12", says how it was measured).
"""

from __future__ import annotations

import bisect
import json
import math
import re
import zlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph.ingest import lexicon
from graph.ingest.mentions import Mention
from graph.ingest.passages import Span, date_for, heading_dates, sentences

MODEL = Path(__file__).with_name("pair_model.json")
TARGET_TYPES = frozenset({"program", "policy", "law", "bill", "executive-order", "agreement"})
NOT_ACTORS = TARGET_TYPES | {"document", "system", "country", "region", "territory", "district", "campaign"}
FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")
NEGATION = re.compile(r"\b(?:not|never|no|nor|cannot|n't|without)\b", re.IGNORECASE)
QUOTE = re.compile(r"[\"“”]")
SAYS = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?(?:said|says|say|told|tells|stated|states|wrote|writes|added|argued|argues|"
                  r"warned|warns|noted|notes|explained|asked|asks|claimed|claims|contends|contended|believes|believed)\b",
                  re.IGNORECASE)
ACCORDING = re.compile(r"\baccording\s+to\s*$", re.IGNORECASE)
WORD = re.compile(r"[a-z][a-z'-]+")
STOP = frozenset([  # words too common to tell anything
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
    "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "he",
    "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "them", "him", "us", "has", "have",
    "had", "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must", "shall",
    "not", "no", "so", "if", "than", "then", "there", "here", "who", "whom", "which", "what", "when", "where",
    "while", "also", "about", "into", "over", "after", "before", "said", "says", "say", "s",
])


def words(text: str) -> list[str]:
    """The words of `text` the lexical features use: lower case, letters only, not a stop word."""
    return [w for w in WORD.findall(text.lower()) if w not in STOP]


@dataclass
class Pair:
    """One found (actor, target) of a document, with what the model reads of it."""

    actor: str
    target: str
    base: dict[str, float]  # features whatever the position
    shared_cues: dict[str, int]  # position -> shared sentences with its cue
    between_cues: list[str]  # positions whose cue lies between the nearest mentions of the two
    rules: list[str]  # the positions the rules proposed for the pair
    lexical: dict[str, list[str]] = field(default_factory=dict)  # kind -> words
    quote: Span | None = None  # the sentence a proposal quotes


def _tone(span: Span, inside: list[Mention]) -> float:
    """VADER's compound score of the sentence with every name masked (0 without the package)."""
    try:
        from graph.ingest.clauses import polarity
    except ImportError:  # pragma: no cover
        return 0.0
    piece = span.text
    for m in sorted(inside, key=lambda m: -m.start):
        a, b = m.start - span.start, m.end - span.start
        if 0 <= a and b <= len(piece):
            piece = piece[:a] + "it" + piece[b:]
    neutral = tuple(str(w) for w in (lexicon.data().get("tone") or {}).get("neutral") or [])
    try:
        return polarity(piece, neutral)
    except ImportError:
        return 0.0


def pairs(text: str, mentions: list[Mention], types: dict[str, str], voice_ids: dict[str, str],
          rules: dict[tuple[str, str], set[str]], position_cues: list[Any], speaker: Any = None,
          genres: dict[str, list[str]] | None = None) -> tuple[list[Pair], dict[str, int]]:
    """The document's pairs and its cue counts (position -> sentences with its cue). `voice_ids`: entity
    id -> role (publisher, author) of the voices the user gave; `rules`: (actor, target) -> the positions
    the rules proposed; `speaker(offset)`: the entity that says the words there, or None."""
    spans = sentences(text)
    first_line = (text.find("\n") + 1) or len(text)
    where: dict[str, set[int]] = defaultdict(set)
    at: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    inside: dict[int, list[Mention]] = defaultdict(list)
    count: Counter[str] = Counter()
    starts = [s.start for s in spans]

    for m in mentions:
        count[m.entity] += 1
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and spans[i].start <= m.start < spans[i].end:
            where[m.entity].add(i)
            at[(m.entity, i)].append(m)
            inside[i].append(m)
    cue_at = [{c.position for c in position_cues if c.pattern.search(s.text)} for s in spans]
    doc_cues = dict(Counter(p for cs in cue_at for p in cs))
    lowered = text.lower()
    genre = sorted(k for k, ws in (genres if genres is not None else _genres()).items()
                   if any(str(w).lower() in lowered for w in ws))
    said_by: dict[int, str | None] = {}
    masks: dict[int, str] = {}
    tones: dict[int, float] = {}  # sentence -> its tone: one VADER reading per sentence, not per pair in it
    first_person = bool(FIRST_PERSON.search(text))

    def masked(i: int) -> str:
        """Sentence i with every name blanked (the words around names, never a name's own)."""
        if i not in masks:
            piece = list(spans[i].text)
            for m in inside[i]:
                for k in range(max(0, m.start - spans[i].start), min(len(piece), m.end - spans[i].start)):
                    piece[k] = " "
            masks[i] = "".join(piece)
        return masks[i]

    def says(i: int) -> str | None:
        if i not in said_by:
            said = speaker(spans[i].start) if speaker is not None else None
            said_by[i] = getattr(said, "entity", said)
        return said_by[i]

    actors = sorted({e for e in set(count) | set(voice_ids) if types.get(e) and types[e] not in NOT_ACTORS})
    targets = sorted({e for e in count if types.get(e) in TARGET_TYPES})
    top_target = max(targets, key=lambda t: (count[t], t), default=None)
    rank = {a: i for i, a in enumerate(sorted(actors, key=lambda a: (-count[a], a)))}
    rule_actor = Counter(a for (a, _t) in rules)
    result = []
    for a in actors:
        for t in targets:
            if a == t:
                continue
            shared = sorted(where[a] & where[t])
            shared_cues = Counter(p for i in shared for p in cue_at[i])
            shared_text = " ".join(spans[i].text for i in shared)
            shared_words = " ".join(masked(i) for i in shared)
            best: tuple[int, int, Mention, Mention] | None = None  # (gap, sentence, actor mention, target mention)
            for i in shared:
                for ma in at[(a, i)]:
                    for mt in at[(t, i)]:
                        gap = max(ma.start, mt.start) - min(ma.end, mt.end)
                        if best is None or (gap, i, ma.start, mt.start) < (best[0], best[1], best[2].start, best[3].start):
                            best = (gap, i, ma, mt)
            spoken = [i for i in sorted(where[t]) if says(i) == a]
            base: dict[str, float] = {
                "voice": float(a in voice_ids), "publisher": float(voice_ids.get(a) == "publisher"),
                "author": float(voice_ids.get(a) == "author"),
                f"atype={types[a]}": 1.0, f"ttype={types[t]}": 1.0,
                "a_count": math.log1p(count[a]), "t_count": math.log1p(count[t]),
                "a_top": float(rank[a] == 0), "a_top3": float(rank[a] < 3),
                "t_top": float(t == top_target), "n_targets>1": float(len(targets) > 1),
                "shared": float(bool(shared)), "shared_n": math.log1p(len(shared)),
                "a_first_sentence": float(bool(where[a]) and min(where[a]) <= 1),
                "rules_actor": float(rule_actor[a] > 0),
                "first_person_shared": float(bool(FIRST_PERSON.search(shared_text))),
                "quoted_shared": float(bool(QUOTE.search(shared_text))),
                "negated_shared": float(bool(NEGATION.search(shared_text))),
                "voice_x_first_person": float(a in voice_ids and first_person),
                "speaks_target": float(bool(spoken)), "speaks_target_n": math.log1p(len(spoken)),
                **{f"genre={g}": 1.0 for g in genre},
            }
            lexical: dict[str, list[str]] = {"ws": sorted(set(words(shared_words)))}
            between_cues: list[str] = []
            quote = spans[best[1]] if best is not None else (spans[spoken[0]] if spoken else None)
            if best is not None:
                gap, i, ma, mt = best
                span = spans[i]
                lo, hi = min(ma.end, mt.end), max(ma.start, mt.start)
                between = masked(i)[lo - span.start:hi - span.start] if gap > 0 else ""
                others = [m for m in inside[i] if lo <= m.start and m.end <= hi and m.entity not in (a, t)
                          and types.get(m.entity) and types[m.entity] not in NOT_ACTORS]
                actors_here = [m for m in inside[i] if types.get(m.entity) and types[m.entity] not in NOT_ACTORS]
                after = masked(i)[ma.end - span.start:]
                if i not in tones:
                    tones[i] = _tone(span, inside[i])
                tone = tones[i]
                base.update({
                    "gap": math.log1p(max(0, gap)), "gap<60": float(gap < 60), "actor_first": float(ma.start < mt.start),
                    "others_between": math.log1p(len(others)),
                    "actor_subject": float(bool(actors_here) and actors_here[0].entity == a and ma.start < mt.start),
                    "negated_between": float(bool(NEGATION.search(between))),
                    "quoted_between": float(bool(QUOTE.search(between))),
                    "actor_says": float(bool(SAYS.search(after))),
                    "according_to": float(bool(ACCORDING.search(text[span.start:ma.start]))),
                    "speaker_is_actor": float(says(i) == a), "speaker_other": float(says(i) not in (None, a)),
                    "headline": float(span.start < first_line),
                    "tone_neg": max(0.0, -tone), "tone_pos": max(0.0, tone),
                })
                between_cues = sorted({c.position for c in position_cues if c.pattern.search(between)}) if between else []
                lexical["wb"] = sorted(set(words(between)))
                lexical["wa"] = words(after)[:3]
            else:
                base["unshared"] = 1.0
            result.append(Pair(a, t, base, dict(shared_cues), between_cues, sorted(rules.get((a, t), set())),
                               lexical, quote))
    return result, doc_cues


def _genres() -> dict[str, list[str]]:
    return {str(k): list(v) for k, v in (lexicon.data().get("genres") or {}).items()}


def features(pair: Pair, position: str, doc_cues: dict[str, int], buckets: int = 0) -> dict[str, float]:
    """The features of (actor, target, position): the pair's own, the position, and the cues of this
    position in the sentences the pair shares, between the two and in the whole document."""
    b = pair.base
    f = dict(b)
    cue_shared = float(pair.shared_cues.get(position, 0) > 0)
    other_shared = float(any(n > 0 for p, n in pair.shared_cues.items() if p != position))
    cue_between = float(position in pair.between_cues)
    cue_doc = math.log1p(doc_cues.get(position, 0))
    share_doc = doc_cues.get(position, 0) / max(1, sum(doc_cues.values()))
    top = max(doc_cues.items(), key=lambda kv: (kv[1], kv[0]))[0] if doc_cues else None
    f.update({f"pos={position}": 1.0, "cue_shared": cue_shared, f"cue_shared|{position}": cue_shared,
              "other_cue_shared": other_shared, "cue_between": cue_between, f"cue_between|{position}": cue_between,
              "other_cue_between": float(bool(pair.between_cues) and not cue_between),
              "cue_doc": cue_doc, f"cue_doc|{position}": cue_doc, "cue_doc_share": share_doc,
              "cue_doc_top": float(top == position),
              "voice|cue_doc": b["voice"] * cue_doc, "voice|cue_shared": b["voice"] * cue_shared,
              f"voice|{position}": b["voice"], f"publisher|{position}": b["publisher"], f"author|{position}": b["author"],
              "publisher|cue_doc": b["publisher"] * cue_doc,
              f"tone_neg|{position}": b.get("tone_neg", 0.0), f"tone_pos|{position}": b.get("tone_pos", 0.0),
              f"speaks|{position}": b["speaks_target"], f"shared|{position}": b["shared"],
              "speaks|cue_shared": b["speaks_target"] * cue_shared,
              "subject|cue_between": b.get("actor_subject", 0.0) * cue_between})
    for name in list(b):
        if name.startswith(("atype=", "genre=")):
            f[f"{name}|{position}"] = 1.0
    if buckets:  # words hashed, alone and with the position
        for kind, ws in sorted(pair.lexical.items()):
            for word in ws:
                h = zlib.crc32(word.encode("utf-8")) % buckets
                f[f"{kind}{h}"] = 1.0
                f[f"{kind}{h}|{position}"] = 1.0
    return f


def score(f: dict[str, float], w: dict[str, float]) -> float:
    z = w.get("bias", 0.0) + sum(w.get(n, 0.0) * v for n, v in sorted(f.items()))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def best_position(pair: Pair, positions: list[str], doc_cues: dict[str, int], weights: dict[str, float],
                  buckets: int) -> tuple[float, str]:
    """The pair's most likely position and its probability (ties: the later position's name)."""
    return max(((score(features(pair, p, doc_cues, buckets), weights), p) for p in positions), key=lambda sp: (sp[0], sp[1]))


@lru_cache(maxsize=1)
def model() -> dict[str, Any]:
    """The shipped model: {"buckets", "threshold", "positions", "weights"}, or {} without a file."""
    if not MODEL.is_file():
        return {}
    return dict(json.loads(MODEL.read_text(encoding="utf-8")))


SUPPRESSED = False  # set by bench/stance_pairs.py while it reads the rules' own candidates


def switched_on() -> bool:
    """cues.yaml `pair_model.enabled` (and a model file in place)."""
    return not SUPPRESSED and bool((lexicon.data().get("pair_model") or {}).get("enabled")) and bool(model())


def propose(text: str, document_date: str | None, mentions: list[Mention], types: dict[str, str],
            voice_ids: dict[str, str], found: list[Any], position_cues: list[Any], speaker: Any = None) -> list[Any]:
    """Stance candidates for the pairs no rule joined whose most likely position reaches the model's
    threshold: one per pair, quoting the sentence they share (nearest), else one where the actor speaks of
    the program; none for a pair with no such sentence."""
    from graph.ingest.candidates import Candidate

    if not switched_on():
        return []
    m = model()
    rules: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in found:
        if c.kind == "stances":
            rules[(c.values["actor"], c.values["target"])].add(c.values["position"])
    found_pairs, doc_cues = pairs(text, mentions, types, voice_ids, rules, position_cues, speaker)
    headings = heading_dates(text, sentences(text))
    result = []
    for pair in found_pairs:
        if pair.rules or pair.quote is None:
            continue
        p, position = best_position(pair, list(m["positions"]), doc_cues, m["weights"], int(m.get("buckets", 0)))
        if p < float(m["threshold"]):
            continue
        why = (f"a learned model over the pair ({p:.2f}): {'they share a sentence' if pair.base['shared'] else 'the actor speaks of it'}"
               f"{'; the tone of the sentence ' + format(pair.base.get('tone_pos', 0) - pair.base.get('tone_neg', 0), '+.2f') if pair.base['shared'] else ''}"
               "; no rule joined them: check")
        candidate = Candidate("stances", {"actor": pair.actor, "target": pair.target, "position": position}, [pair.quote],
                              why, date_for(pair.quote, headings, document_date))
        candidate.score = round(min(p, 0.3), 2)
        result.append(candidate)
    return result
