"""Review files: proposals for one document that a researcher keeps, edits or drops.

`write_review` runs the mention finder and the candidate extractor on a source and writes
data/review/<source-id>.yaml: new entities, mentions of known entities, stances, figures
and posts, each with its quote and offsets already verified and `status: unreviewed`.
`accept` moves the kept ones into the curated data, all or nothing (see graph/ingest/accept.py's
rules in docs/ingest.md): nothing is written unless the whole project would still pass
`scomm validate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from graph.ingest import candidates
from graph.ingest import classes
from graph.ingest import mentions
from graph.build import quotes
from graph.ingest import yaml_edit as yamledit
from graph.folders import write_text_atomic
from graph.errors import DataError, UsageError
from graph.ingest.candidates import Candidate
from graph.build.load import Curated, Record, load
from graph.ingest.mentions import Mention, NewEntity, Titled
from graph.folders import Project
from graph.build.vocabulary import Vocabulary

SECTIONS = ("entities", "mentions", "stances", "figures", "posts")
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


@dataclass
class Extraction:
    """What the extractor finds in one document."""

    mentions: list[Mention]
    titles: list[Titled]
    new_entities: list[NewEntity]
    candidates: list[Candidate]


def extract(source: str, text: str, document_date: str | None, entities: dict[str, Any], vocab: Vocabulary,
            publisher: str | None = None) -> Extraction:
    """Mentions, titles, new entity candidates and candidate statements of a document;
    `publisher` (an entity id) speaks the judgments of a document that names no other author."""
    known = mentions.register(entities)
    found = mentions.find_mentions(text, known)
    titles = mentions.find_titles(text, found, known)
    new = mentions.new_entities(text, known, found, titles)
    classed, held = classes.class_actors(text, known + [mentions.Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new],
                                         found, [c.pattern for c in candidates.cues(vocab)])
    new += classed
    if new:
        # New candidates can act in candidate statements too, under their proposed ids.
        known = known + [mentions.Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
        found = mentions.find_mentions(text, known)
        titles = mentions.find_titles(text, found, known)
    found = classes.with_mentions(text, new, found, held)
    named = {e.name: e.id for e in new}
    proposed = candidates.propose(source, text, document_date, found, titles, known, vocab, publisher)
    for candidate in proposed:
        if candidate.kind == "posts" and not candidate.values["person"]:
            candidate.values["person"] = named.get(candidate.extra.get("name", ""), "")
    return Extraction(found, titles, new, proposed)


def review_path(project: Project, source: str) -> Path:
    return project.data_dir / "review" / f"{source}.yaml"


def write_review(project: Project, source: str, overwrite: bool = False, curated: Curated | None = None,
                 roles: list[tuple[str, str, str]] | None = None) -> Path:
    """Propose candidates for `source` and write its review file; refuse to overwrite one.
    `roles`: (role, name, type) of a publisher or author to propose as a new entity."""
    curated = curated or load(project)
    if source not in curated.sources:
        raise UsageError(f"{source!r} is not a source id of data/sources.yaml (known: {', '.join(sorted(curated.sources))})")
    path = review_path(project, source)
    if path.exists() and not overwrite:
        raise UsageError(f"{project.relative(path)} exists and may hold your review; accept it, or pass --overwrite to replace it")
    text = curated.texts[source]
    date = curated.sources[source].get("date")
    publisher = curated.sources[source].get("publisher")
    publisher_id = getattr(publisher, "text", publisher)
    found = extract(source, text, date.text if date else None, curated.entities, curated.vocab,
                    str(publisher_id) if publisher_id else None)
    content = _review_content(curated, source, text, found, roles or [])
    header = HEADER.format(source=source, title=curated.sources[source].values["title"], path=project.relative(path))
    body = yamledit.dump(content)
    write_text_atomic(path, header + body)
    return path


def counts(path: Path) -> dict[str, int]:
    """How many candidates of each section a review file holds."""
    with open(path, encoding="utf-8") as handle:
        content = yaml.safe_load(handle) or {}
    return {section: len(content.get(section) or []) for section in SECTIONS}


# ------------------------------------------------------------------ proposing


def _review_content(curated: Curated, source: str, text: str, found: Extraction,
                    roles: list[tuple[str, str, str]] | None = None) -> dict[str, Any]:
    taken = set(curated.sources) | set(curated.entities) | set(curated.statements)
    existing = [r for r in curated.statements.values() if r.source == source]
    covered = {ref for r in existing for ref in _references(r)}
    stated = {(r.get("actor"), r.get("target"), r.get("position")) for r in existing if r.kind == "stances"}
    counter = iter(range(1, 1_000_000))
    content: dict[str, Any] = {"source": source}
    by_name = {e.name.lower(): e for e in found.new_entities}
    content["entities"] = []
    for role, name, type_ in roles or []:
        same = by_name.get(name.lower())
        ident = same.id if same is not None else mentions._new_id(name, taken | {e.id for e in found.new_entities})
        item: dict[str, Any] = {"candidate": f"c{next(counter):03d}", "status": "unreviewed", "score": 0.9, "id": ident,
                                "type": type_, "name": name, "role": role}
        if same is not None:
            item["quote"] = text[same.start : same.end]
            item["start"], item["end"] = same.start, same.end
        item["why"] = (f"given as the document's {role} (scomm ingest --{role}); the register does not know it; "
                       f"keeping it adds the entity and sets `{role}: {ident}` on the source")
        item["file"] = entity_file(curated, type_)
        content["entities"].append(item)
        if same is not None:
            found.new_entities.remove(same)
    content["entities"] += sorted((_entity_item(next(counter), e, text, curated) for e in found.new_entities),
                                  key=lambda i: -float(i["score"]))
    new_ids = {e.id for e in found.new_entities}  # their entity candidate carries the evidence
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
    for section in ("stances", "figures", "posts"):
        items = []
        for candidate in found.candidates:
            if candidate.kind != section:
                continue
            if section == "stances" and tuple(candidate.values[k] for k in ("actor", "target", "position")) in stated:
                continue
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
        if span is None or other is None or (span[0] <= other[1] and other[0] <= span[1]):
            same.append(record)
    return same


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
