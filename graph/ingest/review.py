"""Review files: proposals for one document that a researcher keeps, edits or drops.

`write_review` runs the mention finder and the candidate extractor on a source and writes
data/review/<source-id>.yaml: new entities, mentions of known entities, stances, figures
and posts, each with its quote and offsets already verified and `status: unreviewed`.
`accept` moves the kept ones into the curated data, all or nothing (see graph/ingest/accept.py's
rules in docs/ingest.md): nothing is written unless the whole project would still pass
`scomm validate`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import yaml

from graph.ingest import candidates
from graph.ingest import classes
from graph.ingest import governs
from graph.ingest import mentions
from graph.ingest import pair_model
from graph.ingest import posts
from graph.build import quotes
from graph.ingest import yaml_edit as yamledit
from graph.folders import write_text_atomic
from graph.errors import DataError, UsageError
from graph.ingest.candidates import Candidate
from graph.build.load import Curated, Record, load
from graph.ingest.mentions import Mention, NewEntity, Titled
from graph.folders import Project
from graph.build.vocabulary import Vocabulary

SECTIONS = ("entities", "mentions", "stances", "figures", "posts", "relations")
STATUSES = ("unreviewed", "keep", "drop", "accepted")
# Keys a review item carries for the reviewer only; they never reach the curated data.
REVIEW_ONLY = ("candidate", "status", "score", "why", "start", "end", "count", "file", "role", "existing")
# What a proposed entity is to the source beside being named in it: its publisher or author.
ROLES = ("publisher", "author")
HEADER = """\
# Review file for {source} ({title}), written by `scomm ingest` / `scomm propose`.
# Each candidate is a proposal, not a fact: read its quote in the document, then set
# `status: keep` (edit any field first if needed) or `status: drop`. Quotes and offsets
# were checked against the document; `why` says what triggered the proposal.
# When done: scomm accept {path}
# Kept candidates become records of data/entities/*.yaml and data/statements/{source}.yaml;
# nothing is written unless the whole project still validates.
"""


@dataclass(frozen=True)
class Voice:
    """A publisher or author of the document as the user gives it (an id, a name or alias, or a
    new name) and the entity it is: a known one, or a new one proposed under `id` (`new`)."""

    role: str  # publisher | author
    given: str
    id: str
    type: str
    new: bool


@dataclass
class Extraction:
    """What the extractor finds in one document."""

    mentions: list[Mention]
    titles: list[Titled]
    new_entities: list[NewEntity]
    candidates: list[Candidate]
    voices: list[Voice] = field(default_factory=list)


PLACE_TYPES = frozenset({"state", "county", "city", "district", "country", "territory", "region"})


def _norm(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()
    return name[4:] if name.startswith("the ") else name


def known_voice(given: str, entities: dict[str, Any]) -> str | None:
    """The register's entity a publisher or author option names: its id, else a name or alias
    (case and a leading "the" aside), else the one the mention finder reads as the whole name
    but a leading "U.S." ("U.S. Department of Homeland Security"). A place never publishes: its
    names are not matched."""
    able = {i: r for i, r in entities.items() if r.values.get("type") not in PLACE_TYPES}
    if given in able:
        return given
    for ident, record in sorted(able.items()):
        if _norm(given) in {_norm(str(f)) for f in [record.values["name"], *record.values.get("aliases", [])]}:
            return ident
    whole = [m for m in mentions.find_mentions(given, mentions.register(able))
             if m.end == len(given) and re.fullmatch(r"(?:the\s+)?(?:U\.\s?S\.\s+|United\s+States\s+)?", given[: m.start], re.I)]
    if whole:
        return whole[0].entity
    people = [i for i, r in sorted(able.items()) if r.values.get("type") == "person" and _same_name(given, str(r.values["name"]), surname=False)]
    return people[0] if len(people) == 1 else None


def _same_name(given: str, name: str, surname: bool = True) -> bool:
    """A name given for a voice and a name the text gives: equal, a person's first and last names
    equal once titles and initials are left out ("Luis V. Gutierrez", "Luis Gutierrez"), or (with
    `surname`: a name this text gives, not the register's) the surname alone ("David E. Price", "Price")."""
    if _norm(given) == _norm(name):
        return True
    if surname and len(name.split()) == 1 and len(given.split()) >= 2 and _norm(name) == _norm(given.split()[-1]) \
            and mentions._looks_like_person(" ".join(given.split()[:1] + given.split()[-1:])):
        return True  # the text names the given author by surname only ("Mr. PRICE." of a floor record)
    words = [[w for w in re.findall(r"[\w’'-]+\.?", _norm(n)) if len(w.rstrip(".")) > 1 and not w.endswith(".")]
             for n in (given, name)]
    return all(len(w) >= 2 for w in words) and (words[0][0], words[0][-1]) == (words[1][0], words[1][-1]) \
        and mentions._looks_like_person(name)


# The last word of a publisher's name that makes it a newsroom (beside mentions.TYPE_WORDS' media words,
# which also type names met in a text, where these words are too rare to be worth a wrong candidate).
_MASTHEAD_WORDS = frozenset({"Media", "Television", "Broadcasting", "Gazette", "Chronicle", "Sentinel", "Inquirer",
                             "Dispatch", "Courier", "Bee", "Observer", "Independent"})


def role_type(role: str, name: str) -> str:
    """The type a new publisher or author most likely has: a person's name, an organisation
    whose words say what it is ("... Coalition" group, "... Department" agency), else media."""
    guessed = mentions._guess_type(name)
    if guessed and guessed not in PLACE_TYPES:
        return guessed
    if role == "publisher" and name.split() and name.split()[-1] in _MASTHEAD_WORDS:
        return "media"  # "Houston Public Media", "The Sacramento Bee": a masthead, however name-shaped
    if mentions._looks_like_person(name) or role == "author":
        return "person"
    return "media"


# A voice given as members of a named body ("twenty-eight Members of the California Democratic
# Congressional Delegation"): the body, for which its members speak (bench/ingest-eval/README.md).
_MEMBERS_OF = re.compile(r"^(?:(?:[\w-]+|\d+)\s+)?Members\s+of\s+(?:the\s+)?(?=[A-Z])")


def voices_of(publisher: str | None, authors: Sequence[str], entities: dict[str, Any],
              types: dict[str, str] | None = None) -> list[Voice]:
    """The document's publisher and authors as given, each resolved to a known entity or made a
    new one (its id a slug of the name; `types`: a type the user gave, by name)."""
    voices, taken = [], set(entities)
    for role, given in [("publisher", publisher), *(("author", a) for a in authors)]:
        if not given or not given.strip():
            continue
        given = _MEMBERS_OF.sub("", given.strip())  # "twenty-eight Members of the X Delegation" speak for X
        ident = known_voice(given, entities)
        if ident is not None:
            voices.append(Voice(role, given, ident, str(entities[ident].values["type"]), False))
            continue
        same = next((v for v in voices if v.new and _norm(v.given) == _norm(given)), None)
        if same is not None:
            voices.append(Voice(role, given, same.id, same.type, True))
            continue
        type_ = (types or {}).get(given) or role_type(role, given)
        voices.append(Voice(role, given, mentions._new_id(given, taken), type_, True))
    return voices


def extract(source: str, text: str, document_date: str | None, entities: dict[str, Any], vocab: Vocabulary,
            publisher: str | None = None, authors: Sequence[str] = (),
            voice_types: dict[str, str] | None = None) -> Extraction:
    """Mentions, titles, new entity candidates and candidate statements of a document.
    `publisher` and `authors` as the user gives them (an id, a name or alias, or a new name): a
    new one is proposed as a new entity and acts under its proposed id; the authors speak the
    document's own words, the publisher those of a document that names no other author."""
    voices = voices_of(publisher, authors, entities, voice_types)
    known = mentions.register(entities)
    found = mentions.find_mentions(text, known)
    titles = mentions.find_titles(text, found, known)
    new = mentions.new_entities(text, known, found, titles)
    classed, held = classes.class_actors(text, known + [mentions.Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new],
                                         found, [c.pattern for c in candidates.cues(vocab)])
    new += classed
    new += classes.body_members(text, known + [mentions.Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new],
                                {k.id for k in known} | {e.id for e in new})
    for i, voice in enumerate(voices):  # a new voice the text names: the entity proposed for that name
        same = next((e for e in new if voice.new and any(_same_name(voice.given, n) for n in (e.name, *e.aliases))), None)
        if same is not None:
            voices[i] = Voice(voice.role, voice.given, same.id, same.type, True)
    new_ids = {e.id for e in new}
    fresh = {v.id: v for v in voices if v.new and v.id not in new_ids}
    if new or fresh:
        # New candidates (and new voices) can act in candidate statements too, under their proposed ids.
        first = found
        known = known + [mentions.Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
        known += [mentions.Known(v.id, v.type, v.given, (v.given,)) for v in fresh.values()]
        found = mentions.find_mentions(text, known)
        found = sorted(found + mentions.places_inside(first, found, known, new_ids), key=lambda m: (m.start, m.end))
        titles = mentions.find_titles(text, found, known)
    found = classes.with_mentions(text, new, found, held)
    found = sorted(found + mentions.title_references(text, found, titles), key=lambda m: (m.start, m.end))
    found = sorted(found + mentions.in_office(text, found, known, document_date), key=lambda m: (m.start, m.end))
    named = {e.name: e.id for e in new}
    speaking = [v.id for v in voices if v.role == "author"]
    publisher_id = next((v.id for v in voices if v.role == "publisher"), None)
    proposed = candidates.propose(source, text, document_date, found, titles, known, vocab, publisher_id,
                                  authors=list(dict.fromkeys(speaking)))
    for candidate in proposed:
        if candidate.kind == "posts" and not candidate.values["person"]:
            name = candidate.extra.get("name", "")
            # "Congressmember Chu" after "Judy Chu": the surname's titled form is an alias of the fuller name
            fuller = {e.id for e in new if " " not in name and any(a.split()[-1] == name and len(a.split()) > 1 for a in e.aliases)}
            candidate.values["person"] = named.get(name) or (fuller.pop() if len(fuller) == 1 else "")
    proposed = posts.one_post_each(proposed)
    holders = {e.id for e in new if e.why == classes.HOLDER_WHY}  # the reviewer codes their stances (classes.py)
    proposed = [c for c in proposed if not (c.kind == "stances" and c.values.get("actor") in holders)]
    related = governs.propose(text, found, known)  # a body named after the place it governs
    proposed += governs.for_jurisdictions(proposed, related)
    proposed += related
    if pair_model.switched_on():  # cues.yaml `pair_model.enabled`: a learned model over the pairs no rule joined
        types, voice_ids, speaker = pair_inputs(text, found, known, voices)
        proposed += pair_model.propose(text, document_date, found, types, voice_ids, proposed, candidates.cues(vocab), speaker)
    return Extraction(found, titles, new, proposed, voices)


def pair_inputs(text: str, found: list[Mention], known: Sequence[Any], voices: Sequence[Voice]) -> tuple[dict[str, str], dict[str, str], Any]:
    """What graph/ingest/pair_model.py reads of an extraction besides its mentions and candidates: each
    found entity's type, the given voices (id -> publisher or author) and who says the words at an offset."""
    types = {k.id: k.type for k in known}
    for voice in voices:
        types.setdefault(voice.id, voice.type)
    voice_ids = {v.id: v.role for v in sorted(voices, key=lambda v: v.role != "publisher")}
    publisher = next((v.id for v in voices if v.role == "publisher"), None)
    authors = list(dict.fromkeys(v.id for v in voices if v.role == "author"))
    said = candidates.Voices.of(text, found, types, publisher if publisher in types else None,
                                [a for a in authors if a in types])
    return types, voice_ids, said.speaker


def review_path(project: Project, source: str) -> Path:
    return project.data_dir / "review" / f"{source}.yaml"


def write_review(project: Project, source: str, overwrite: bool = False, curated: Curated | None = None,
                 roles: list[tuple[str, str, str]] | None = None) -> Path:
    """Propose candidates for `source` and write its review file; refuse to overwrite one.
    `roles`: (role, name, type) of a publisher or author the user gave that the register does not
    know: proposed as a new entity, and the document's voice under its proposed id."""
    curated = curated or load(project)
    if source not in curated.sources:
        raise UsageError(f"{source!r} is not a source id of data/sources.yaml (known: {', '.join(sorted(curated.sources))})")
    path = review_path(project, source)
    if path.exists() and not overwrite:
        raise UsageError(f"{project.relative(path)} exists and may hold your review; accept it, or pass --overwrite to replace it")
    text = curated.texts[source]
    date = curated.sources[source].get("date")
    record = curated.sources[source]
    publisher = next((name for role, name, _ in roles or [] if role == "publisher"), None) or _text(record.get("publisher"))
    authors = [_text(a) for a in _listed(record.get("author"))] + [name for role, name, _ in roles or [] if role == "author"]
    found = extract(source, text, date.text if date else None, curated.entities, curated.vocab, publisher,
                    [a for a in authors if a], {name: type_ for _, name, type_ in roles or []})
    content = _review_content(curated, source, text, found)
    header = HEADER.format(source=source, title=curated.sources[source].values["title"], path=project.relative(path))
    body = yamledit.dump(content)
    write_text_atomic(path, header + body)
    return path


def _text(value: Any) -> str | None:
    return str(getattr(value, "text", value)) if value else None


def _listed(value: Any) -> list[Any]:
    return list(value) if isinstance(value, list) else ([value] if value else [])


def counts(path: Path) -> dict[str, int]:
    """How many candidates of each section a review file holds."""
    with open(path, encoding="utf-8") as handle:
        content = yaml.safe_load(handle) or {}
    return {section: len(content.get(section) or []) for section in SECTIONS}


# ------------------------------------------------------------------ proposing


def _review_content(curated: Curated, source: str, text: str, found: Extraction) -> dict[str, Any]:
    taken = set(curated.sources) | set(curated.entities) | set(curated.statements)
    existing = [r for r in curated.statements.values() if r.source == source]
    covered = {ref for r in existing for ref in _references(r)}
    stated = {(r.get("actor"), r.get("target"), r.get("position")) for r in existing if r.kind == "stances"}
    related = {(r.get("subject"), r.get("relation"), r.get("object")) for r in curated.statements.values() if r.kind == "relations"}
    counter = iter(range(1, 1_000_000))
    content: dict[str, Any] = {"source": source}
    by_id = {e.id: e for e in found.new_entities}
    content["entities"] = []
    proposed_voices = set()
    for voice in found.voices:
        if not voice.new or voice.id in proposed_voices:
            continue
        proposed_voices.add(voice.id)
        same = by_id.get(voice.id)
        item: dict[str, Any] = {"candidate": f"c{next(counter):03d}", "status": "unreviewed", "score": 0.9, "id": voice.id,
                                "type": voice.type, "name": voice.given, "role": voice.role}
        if same is not None:
            item["quote"] = text[same.start : same.end]
            starts = quotes.occurrences(text, item["quote"])
            if len(starts) > 1:  # "CNN" in the headline's credit and again in the story: say which one
                item["occurrence"] = starts.index(same.start) + 1
            item["start"], item["end"] = same.start, same.end
            names = [n for n in (same.name, *same.aliases) if _norm(n) != _norm(voice.given)]
            if names:
                item["aliases"] = names
        item["why"] = (f"given as the document's {voice.role} (scomm ingest --{voice.role}); the register does not know it; "
                       f"it speaks the document's own words in the stances below under this id; keeping it adds the "
                       f"entity and sets `{voice.role}: {voice.id}` on the source")
        item["file"] = entity_file(curated, voice.type)
        content["entities"].append(item)
        if same is not None:
            found.new_entities.remove(same)
    content["entities"] += sorted((_entity_item(next(counter), e, text, curated) for e in found.new_entities),
                                  key=lambda i: -float(i["score"]))
    new_ids = {e.id for e in found.new_entities} | proposed_voices  # their entity candidate carries the evidence
    first: dict[str, mentions.Mention] = {}
    tally: dict[str, int] = {}
    for mention in found.mentions:
        first.setdefault(mention.entity, mention)
        tally[mention.entity] = tally.get(mention.entity, 0) + 1
    content["mentions"] = [
        _item(next(counter), {"id": _fresh(f"{source}-mentions-{entity}", taken), "entity": entity},
              [candidates.Span(m.start, m.end, m.text)], text,
              f"named {tally[entity]} time(s), first as {m.text!r} ({m.how})",
              0.9 if m.how in ("name", "alias", "acronym", "collective") else 0.6)
        for entity, m in sorted(first.items(), key=lambda kv: kv[1].start)
        if entity not in covered and entity not in new_ids
    ]
    for section in ("stances", "figures", "posts", "relations"):
        items = []
        for candidate in found.candidates:
            if candidate.kind != section:
                continue
            if section == "stances" and tuple(candidate.values[k] for k in ("actor", "target", "position")) in stated:
                continue
            if section == "relations" and tuple(candidate.values[k] for k in ("subject", "relation", "object")) in related:
                continue  # the graph already says it (this source or another)
            ident = _fresh(_statement_id(source, candidate), taken)
            values: dict[str, Any] = {"id": ident, **{k: v for k, v in candidate.values.items() if v != ""}}
            corroborated = _corroborated(curated, source, candidate) if section == "stances" else []
            if corroborated:
                values["corroborates"] = [r.id for r in corroborated]
            if section == "figures" and not candidate.values.get("measure"):
                values["measure"] = ""
            if candidate.dated is not None:
                values["date" if section != "figures" else "as_of"] = candidate.dated.value
                if candidate.dated.basis != "stated":
                    values["date_basis"] = candidate.dated.basis
                if candidate.dated.note:
                    values["date_note"] = candidate.dated.note
            why = candidate.why
            score = candidate.score
            if corroborated:
                why += ("; the graph already holds this stance from another source: keep it as further evidence "
                        "(it corroborates the statement in `existing`)")
                score = min(1.0, score + 0.1)
            item = _item(next(counter), values, candidate.quote, text, why, score)
            if corroborated:
                item["existing"] = [f"{r.id} ({r.source}): {_quote_text(r.get('quote'))}" for r in corroborated]
            items.append(item)
        content[section] = sorted(items, key=lambda i: -float(i["score"]))  # stable: text order within a score
    return content


def _quote_text(quote: Any) -> str:
    return " … ".join(map(str, quote)) if isinstance(quote, list) else str(quote)


def _corroborated(curated: Curated, source: str, candidate: candidates.Candidate) -> list[Record]:
    """Statements of other sources with the candidate's actor, target and position whose time
    overlaps the candidate's (an undated one overlaps any): the candidate is further evidence."""
    key = tuple(candidate.values[k] for k in ("actor", "target", "position"))
    span = _bounds(candidate.dated.value if candidate.dated else None)
    same = []
    for record in sorted(curated.statements.values(), key=lambda r: r.id):
        if record.kind != "stances" or record.source == source:
            continue
        if (record.get("actor"), record.get("target"), record.get("position")) != key:
            continue
        stated = record.get("date")
        other = _bounds(str(getattr(stated, "text", stated)) if stated else None)
        if span is None or other is None or _overlap(span, other):
            same.append(record)
    return same


def _overlap(one: tuple[Any, Any], other: tuple[Any, Any]) -> bool:
    """Whether two times (earliest, latest) can overlap; an open end (None: "on or before",
    "on or after") is unbounded on that side."""
    return all(a is None or b is None or a <= b for a, b in ((one[0], other[1]), (other[0], one[1])))


def _bounds(value: str | None) -> tuple[Any, Any] | None:
    from graph import dates

    if not value:
        return None
    try:
        parsed = dates.parse(value)
    except ValueError:
        return None
    return parsed.earliest, parsed.latest


def _entity_item(number: int, entity: mentions.NewEntity, text: str, curated: Curated) -> dict[str, Any]:
    values: dict[str, Any] = {"id": entity.id, "type": entity.type, "name": entity.name}
    if entity.aliases:
        values["aliases"] = list(entity.aliases)
    score = min(1.0, (0.8 if "title" in entity.why or "defines the acronym" in entity.why else 0.6) + 0.05 * (entity.count - 1))
    item = _item(number, values, [candidates.Span(entity.start, entity.end, text[entity.start : entity.end])], text,
                 f"{entity.why}; named {entity.count} time(s)", round(score, 2))
    item["file"] = entity_file(curated, entity.type)
    return item


def _item(number: int, values: dict[str, Any], spans: list[candidates.Span], text: str, why: str,
          score: float = 0.5) -> dict[str, Any]:
    """A review item: candidate number, status, score, values, then the verified quote and offsets."""
    item: dict[str, Any] = {"candidate": f"c{number:03d}", "status": "unreviewed", "score": round(score, 2), **values}
    pieces = [s.text for s in spans]
    item["quote"] = pieces[0] if len(pieces) == 1 else pieces
    occurrences = [quotes.occurrences(text, s.text).index(s.start) + 1 for s in spans]
    several = [o for s, o in zip(spans, occurrences) if len(quotes.occurrences(text, s.text)) > 1]
    if several:
        item["occurrence"] = several[0]
    for span, occurrence in zip(spans, occurrences):
        located = quotes.locate(text, span.text, occurrence)
        if (located.start, located.end) != (span.start, span.end):  # pragma: no cover - a bug if reached
            raise DataError(f"internal: candidate c{number:03d} quote located at {located.start}, not {span.start}")
    item["start"] = spans[0].start if len(spans) == 1 else [s.start for s in spans]
    item["end"] = spans[0].end if len(spans) == 1 else [s.end for s in spans]
    item["why"] = why
    return item


def _statement_id(source: str, candidate: candidates.Candidate) -> str:
    v = candidate.values
    date = candidate.dated.value[:7] if candidate.dated is not None else ""
    if candidate.kind == "stances":
        base = f"{v['actor']}-{v['position']}-{v['target']}"
    elif candidate.kind == "figures":
        base = f"{v.get('measure') or 'figure'}-{v['value']}"
    elif candidate.kind == "relations":
        base = f"{v['subject']}-{v['relation']}-{v['object']}"
    else:
        base = f"{v.get('person') or 'person'}-post"
    return "-".join(part for part in (base, date) if part).replace(".", "-")


def _fresh(ident: str, taken: set[str]) -> str:
    ident = "-".join(part for part in ident.lower().split("-") if part)
    candidate, n = ident, 2
    while candidate in taken:
        candidate, n = f"{ident}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _references(record: Record) -> set[str]:
    refs: set[str] = set()
    for value in record.values.values():
        if isinstance(value, str):
            refs.add(value)
        elif isinstance(value, list):
            refs.update(v for v in value if isinstance(v, str))
        elif isinstance(value, dict):
            refs.update(m for members in value.values() for m in members)
    return refs


ENTITY_FILES = {
    "person": "people.yaml", "agency": "agencies.yaml", "office": "agencies.yaml", "government": "agencies.yaml",
    "group": "groups.yaml", "media": "groups.yaml", "institution": "groups.yaml", "clinic": "groups.yaml",
    "company": "groups.yaml", "party": "groups.yaml", "collective": "agencies.yaml", "state": "places.yaml",
    "county": "places.yaml", "city": "places.yaml", "district": "places.yaml", "country": "places.yaml",
    "region": "places.yaml", "territory": "places.yaml", "document": "documents.yaml",
}


def entity_file(curated: Curated, entity_type: str) -> str:
    """The entities file that holds most entities of this type (else a conventional name)."""
    tally: dict[str, int] = {}
    for record in curated.entities.values():
        if record.values["type"] == entity_type:
            name = Path(record.where.file).name
            tally[name] = tally.get(name, 0) + 1
    if tally:
        return min(tally, key=lambda name: (-tally[name], name))
    return ENTITY_FILES.get(entity_type, "programs.yaml")
