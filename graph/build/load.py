"""Load and check the curated data: manifest, corpus, entities and statements.

Every problem found is collected and reported at once, each naming its file, line and
record. Nothing here writes a file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from graph import dates
from graph.build import quotes
from graph.errors import DataError, DataErrors
from graph.folders import Project
from graph.build.vocabulary import Vocabulary, ontology_triples, vocabulary
from graph.build.yaml_source import Mapping, read, regular_file_problem

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FIPS = re.compile(r"^([0-9]{2}|[0-9]{5})$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
NOT_STATEMENT_KINDS = ("sources", "entities", "statement")


@dataclass(frozen=True)
class Where:
    """Where a record is: file (relative to the project root), line, record id."""

    file: str
    line: int
    record: str | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" + (f" ({self.record})" if self.record else "")


@dataclass
class Record:
    """One curated record with its values converted to their types."""

    kind: str
    id: str
    values: dict[str, Any]
    where: Where
    source: str | None = None
    evidence: list[quotes.Located] = field(default_factory=list)

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)


@dataclass
class Curated:
    """Everything the build needs, checked."""

    vocab: Vocabulary
    sources: dict[str, Record]
    texts: dict[str, str]
    entities: dict[str, Record]
    statements: dict[str, Record]

    def name_of(self, ident: str) -> str:
        """The display name of an entity or the title of a source."""
        if ident in self.entities:
            return str(self.entities[ident].values["name"])
        if ident in self.sources:
            return str(self.sources[ident].values["title"])
        return ident


@cache
def schema() -> dict[str, dict[str, dict[str, Any]]]:
    """The record schema (graph/build/records.yaml)."""
    with open(Path(__file__).with_name("records.yaml"), encoding="utf-8") as handle:
        loaded: dict[str, dict[str, dict[str, Any]]] = yaml.safe_load(handle)
    return loaded


def statement_kinds() -> list[str]:
    """The kinds of statement a source's file can list, in the schema's order."""
    return [k for k in schema() if k not in NOT_STATEMENT_KINDS]


class _Collector:
    """Gathers problems so that one run reports them all."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def add(self, where: Where | str, message: str) -> None:
        self.messages.append(f"{where}: {message}")

    def raise_if_any(self) -> None:
        if self.messages:
            raise DataErrors(self.messages)


def load(project: Project) -> Curated:
    """Read every curated file, check it, and locate every quote; raise DataErrors if bad."""
    problems = _Collector()
    vocab = vocabulary(ontology_triples(project.ontology_dir))
    sources, texts = _load_sources(project, vocab, problems)
    entities = _load_entities(project, vocab, problems)
    statements = _load_statements(project, vocab, sources, problems)
    curated = Curated(vocab, sources, texts, entities, statements)
    _check_ids_unique(curated, problems)
    _check_references(curated, problems)
    _locate_quotes(curated, problems)
    problems.raise_if_any()
    return curated


# ------------------------------------------------------------------ files


def _read_list(path: Path, project: Project, problems: _Collector) -> list[Mapping]:
    shown = project.relative(path)
    try:
        content = read(path, shown)
    except DataError as exc:
        problems.messages.append(str(exc))  # already names the file and line
        return []
    if content is None:
        return []
    if not isinstance(content, list) or not all(isinstance(item, Mapping) for item in content):
        problems.add(f"{shown}:1", "expected a list of records (each starting with '- id: ...')")
        return []
    return content


def _load_sources(project: Project, vocab: Vocabulary, problems: _Collector) -> tuple[dict[str, Record], dict[str, str]]:
    path = project.data_dir / "sources.yaml"
    shown = project.relative(path)
    if not path.exists():
        problems.add(shown, "the sources manifest is missing")
        return {}, {}
    sources: dict[str, Record] = {}
    texts: dict[str, str] = {}
    for raw in _read_list(path, project, problems):
        record = _convert(raw, "sources", schema()["sources"], shown, vocab, problems)
        if not _add_unique(sources, record, "source", problems):
            continue
        assert record is not None
        text = _read_document(project, record, problems)
        if text is not None:
            texts[record.id] = text
    return sources, texts


def _read_document(project: Project, record: Record, problems: _Collector) -> str | None:
    doc = project.data_dir / str(record.values["file"])
    problem = regular_file_problem(doc)
    if problem:
        problems.add(record.where, f"corpus file {project.relative(doc)} {problem}")
        return None
    try:
        data = doc.read_bytes()
    except OSError as exc:
        problems.add(record.where, f"corpus file {project.relative(doc)} cannot be read ({exc.strerror or exc})")
        return None
    digest = hashlib.sha256(data).hexdigest()
    if digest != record.values["sha256"]:
        problems.add(
            record.where,
            f"corpus file {project.relative(doc)} has changed: its SHA-256 is {digest}, the manifest says "
            f"{record.values['sha256']}; restore the file, or if the change is intended, re-check every quote "
            "of this source and update sha256",
        )
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.add(record.where, f"corpus file {project.relative(doc)} is not UTF-8 ({exc})")
        return None


def _load_entities(project: Project, vocab: Vocabulary, problems: _Collector) -> dict[str, Record]:
    entities: dict[str, Record] = {}
    for path in sorted((project.data_dir / "entities").glob("*.yaml")):
        shown = project.relative(path)
        for raw in _read_list(path, project, problems):
            record = _convert(raw, "entities", schema()["entities"], shown, vocab, problems)
            _add_unique(entities, record, "entity", problems)
    return entities


def _add_unique(table: dict[str, Record], record: Record | None, what: str, problems: _Collector) -> bool:
    """Add the record under its id; a second record with the same id is a problem."""
    if record is None:
        return False
    if record.id in table:
        problems.add(record.where, f"duplicate {what} id {record.id!r} (first at {table[record.id].where})")
        return False
    table[record.id] = record
    return True


def _load_statements(
    project: Project, vocab: Vocabulary, sources: dict[str, Record], problems: _Collector
) -> dict[str, Record]:
    statements: dict[str, Record] = {}
    kinds = statement_kinds()
    for path in sorted((project.data_dir / "statements").glob("*.yaml")):
        shown = project.relative(path)
        try:
            content = read(path, shown)
        except DataError as exc:
            problems.messages.append(str(exc))
            continue
        if content is None:
            continue
        if not isinstance(content, Mapping):
            problems.add(f"{shown}:1", "expected a mapping with `source:` and lists of statements by kind")
            continue
        source = content.get("source")
        if not isinstance(source, str) or source not in sources:
            known = ", ".join(sorted(sources)) or "none"
            problems.add(f"{shown}:{content.key_lines.get('source', 1)}", f"`source: {source}` is not a source id of data/sources.yaml (known: {known})")
            source = None
        for key, items in content.items():
            line = content.key_lines[key]
            if key == "source":
                continue
            if key not in kinds:
                problems.add(f"{shown}:{line}", f"unknown kind {key!r}; the kinds are: {', '.join(kinds)}")
                continue
            if items is None:
                continue
            if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
                problems.add(f"{shown}:{line}", f"`{key}` must be a list of records")
                continue
            fields = {**schema()["statement"], **schema()[key]}
            for raw in items:
                record = _convert(raw, key, fields, shown, vocab, problems)
                if record is not None:
                    record.source = source
                _add_unique(statements, record, "statement", problems)
    return statements


# ------------------------------------------------------------------ values


def _convert(
    raw: Mapping, kind: str, fields: dict[str, dict[str, Any]], shown: str, vocab: Vocabulary, problems: _Collector
) -> Record | None:
    ident = raw.get("id")
    where = Where(shown, raw.line, ident if isinstance(ident, str) else None)
    values: dict[str, Any] = {}
    ok = True
    for name in raw:
        if name not in fields:
            problems.add(Where(shown, raw.key_lines[name], where.record), f"unknown field {name!r} for {kind}; known fields: {', '.join(fields)}")
            ok = False
    for name, spec in fields.items():
        value = raw.get(name)
        line_where = Where(shown, raw.key_lines.get(name, raw.line), where.record)
        if value is None or value == [] or value == "":
            if spec.get("required"):
                problems.add(line_where, f"missing required field {name!r}")
                ok = False
            continue
        try:
            values[name] = _typed(str(spec["type"]), value, vocab)
        except ValueError as exc:
            problems.add(line_where, f"field {name!r}: {exc}")
            ok = False
    if kind not in ("sources", "entities") and "date" in values and "date_basis" not in values:
        values["date_basis"] = "stated"
    if not ok or not isinstance(ident, str):
        return None
    return Record(kind=kind, id=ident, values=values, where=where)


def _typed(ftype: str, value: Any, vocab: Vocabulary) -> Any:
    """Convert a YAML value (text, list or mapping) to its schema type; ValueError if it is not."""
    if ftype == "quote":
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(i, str) and i.strip() for i in items):
            raise ValueError("a quote is a non-empty text, or a list of them")
        return list(items)
    if ftype in ("text-list", "entity-list", "statement-list"):
        items = value if isinstance(value, list) else [value]
        if not all(isinstance(i, str) for i in items):
            raise ValueError("expected a list of texts")
        if ftype != "text-list":
            for item in items:
                _slug(item)
        return list(items)
    if ftype == "reasoned-statement-list":
        items = value if isinstance(value, list) else [value]
        marks = []
        for item in items:
            if not isinstance(item, Mapping) or set(item) - {"statement", "reason"}:
                raise ValueError("each entry is `- statement: ID` with `reason: ...` (why the two cannot both hold)")
            other, reason = item.get("statement"), item.get("reason")
            if not isinstance(other, str):
                raise ValueError("an entry lacks `statement: ID`")
            if not isinstance(reason, str) or not reason.strip():
                raise ValueError(f"the mark on {other!r} has no written reason (`reason:`)")
            marks.append({"statement": _slug(other), "reason": reason.strip()})
        return marks
    if ftype == "role-map":
        if not isinstance(value, Mapping):
            raise ValueError("expected a mapping from role to a list of entity ids")
        roles: dict[str, list[str]] = {}
        for role, members in value.items():
            if vocab.concept("role", role) is None:
                raise ValueError(f"unknown role {role!r}; roles: {', '.join(vocab.notations('role'))}")
            members = members if isinstance(members, list) else [members]
            if not all(isinstance(m, str) for m in members):
                raise ValueError(f"role {role!r}: expected an entity id or a list of entity ids, not a list or mapping inside")
            roles[role] = [_slug(m) for m in members]
        return roles
    if not isinstance(value, str):
        raise ValueError(f"expected a single value, got a {'list' if isinstance(value, list) else 'mapping'}")
    if ftype in ("slug", "entity", "actor", "statement"):
        return _slug(value)
    if ftype in ("text", "path"):
        return value
    if ftype == "int":
        if not re.fullmatch(r"[0-9]+", value):
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    if ftype == "number":
        if not value.isascii():
            raise ValueError(f"{value!r} is not a number written with ASCII digits (0-9)")
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValueError(f"{value!r} is not a number (write 392000, not 392,000)") from None
        if not number.is_finite():
            raise ValueError(f"{value!r} is not a finite number")
        return number
    if ftype == "date":
        if not value.isascii():
            raise ValueError(f"{value!r} is not a date written with ASCII digits (0-9), such as 2010-09-14")
        return dates.parse(value)
    if ftype == "sha256":
        if not SHA256.match(value):
            raise ValueError(f"{value!r} is not a SHA-256 in lower-case hex")
        return value
    if ftype == "fips":
        if not FIPS.match(value):
            raise ValueError(f"{value!r} is not a 2- or 5-digit FIPS code; write it quoted, with leading zeros")
        return value
    if ftype.startswith("concept:"):
        scheme = ftype.split(":", 1)[1]
        if vocab.concept(scheme, value) is None:
            raise ValueError(
                f"unknown {scheme} {value!r}; known: {', '.join(vocab.notations(scheme))} "
                "(or add a concept to ontology/vocabularies.ttl)"
            )
        return value
    raise ValueError(f"internal: unknown field type {ftype!r}")


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError(f"{value!r} is not an id (lower-case letters, digits and single hyphens)")
    return value


# ------------------------------------------------------------------ cross-checks


def _check_ids_unique(curated: Curated, problems: _Collector) -> None:
    seen: dict[str, Record] = {}
    for table in (curated.sources, curated.entities, curated.statements):
        for ident, record in table.items():
            if ident in seen and seen[ident] is not record:
                problems.add(record.where, f"id {ident!r} is already used by the {seen[ident].kind} record at {seen[ident].where}")
            seen.setdefault(ident, record)


def _check_references(curated: Curated, problems: _Collector) -> None:
    kinds = {**schema()}
    for table_kind, table in (("sources", curated.sources), ("entities", curated.entities)):
        for record in table.values():
            _check_record_refs(record, kinds[table_kind], curated, problems)
    for record in curated.statements.values():
        fields = {**kinds["statement"], **kinds[record.kind]}
        _check_record_refs(record, fields, curated, problems)
        start, end = record.get("period_start"), record.get("period_end")
        if start is not None and end is not None and start.earliest and end.latest and start.earliest > end.latest:
            problems.add(record.where, "period_start is after period_end")
        _check_order(record, curated, problems)
        marks = [m["statement"] for m in record.get("contradicts", [])]
        if record.id in marks + record.get("corroborates", []):
            problems.add(record.where, "a statement cannot contradict or corroborate itself")
        _check_marks(record, marks, curated, problems)


def _check_marks(record: Record, marks: list[str], curated: Curated, problems: _Collector) -> None:
    """A curator's contradiction must hold by the definition (docs/contradiction.md)."""
    from graph.build.contradictions import check_mark

    for other in marks:
        if other == record.id or other not in curated.statements:
            continue
        why = check_mark(record, curated.statements[other], curated)
        if why:
            problems.add(record.where, f"contradicts {other!r}: not a contradiction by the definition: {why}")
    for event in record.get("superseded_by", []):
        if event in curated.statements and curated.statements[event].kind != "events":
            problems.add(record.where, f"superseded_by {event!r}: not an event")


def _check_order(record: Record, curated: Curated, problems: _Collector) -> None:
    """`after` names what the text says came before: not itself, not something dated wholly later."""
    mine = record.get("date")
    for other in record.get("after", []):
        if other == record.id:
            problems.add(record.where, "a statement cannot be after itself")
            continue
        theirs = curated.statements[other].get("date") if other in curated.statements else None
        if mine is not None and theirs is not None and mine.latest and theirs.earliest and mine.latest < theirs.earliest:
            problems.add(record.where, f"dated {mine.text}, wholly before {other!r} ({theirs.text}), which it is stated to follow")


def _check_record_refs(record: Record, fields: dict[str, dict[str, Any]], curated: Curated, problems: _Collector) -> None:
    for name, spec in fields.items():
        value = record.get(name)
        if value is None:
            continue
        ftype = spec["type"]
        if ftype in ("entity", "entity-list"):
            for ident in value if isinstance(value, list) else [value]:
                if ident not in curated.entities:
                    problems.add(record.where, f"{name} {ident!r} is not an entity id{_suggest(ident, curated.entities)}")
        elif ftype == "actor":
            if value not in curated.entities and value not in curated.sources:
                problems.add(record.where, f"{name} {value!r} is neither an entity nor a source id{_suggest(value, curated.entities)}")
        elif ftype in ("statement", "statement-list", "reasoned-statement-list"):
            for ident in value if isinstance(value, list) else [value]:
                ident = ident["statement"] if isinstance(ident, dict) else ident
                if ident not in curated.statements:
                    problems.add(record.where, f"{name} {ident!r} is not a statement id{_suggest(ident, curated.statements)}")
        elif ftype == "role-map":
            for role, members in value.items():
                for ident in members:
                    if ident not in curated.entities:
                        problems.add(record.where, f"participant {ident!r} ({role}) is not an entity id{_suggest(ident, curated.entities)}")


def _suggest(ident: str, known: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(ident, list(known), n=3, cutoff=0.6)
    return f"; did you mean {', '.join(close)}?" if close else ""


def _locate_quotes(curated: Curated, problems: _Collector) -> None:
    for record in curated.statements.values():
        if record.source is None or record.source not in curated.texts:
            continue
        text = curated.texts[record.source]
        occurrence = record.get("occurrence")
        many = len(record.values["quote"]) > 1
        for quote in record.values["quote"]:
            # In a list of quotes, `occurrence` applies to the ones that occur more than once.
            which = None if many and len(quotes.occurrences(text, quote)) == 1 else occurrence
            try:
                record.evidence.append(quotes.locate(text, quote, which))
            except quotes.QuoteNotFound as exc:
                problems.add(record.where, f"in source {record.source!r}: {exc}")
