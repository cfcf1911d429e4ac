"""`scomm accept REVIEW`: move the kept candidates of a review file into the curated data.

All or nothing. The review file is checked first (statuses, fields, every kept quote
against the document); then the would-be data files are written into a temporary copy
of the project and the whole `scomm validate` runs there. Only when both pass are the
real files replaced, each atomically, and the kept candidates marked `accepted`.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.build import quotes
from graph.ingest import yaml_edit as yamledit
from graph.errors import DataError, DataErrors, UsageError
from graph.build.load import Curated, load, schema
from graph.folders import Project, project as make_project
from graph.build.pipeline import check
from graph.folders import write_text_atomic
from graph.ingest.review import REVIEW_ONLY, ROLES, SECTIONS, STATUSES
from graph.build.yaml_source import Mapping, read


@dataclass
class Accepted:
    """What an accept did."""

    records: dict[str, int] = field(default_factory=dict)
    covered_mentions: list[str] = field(default_factory=list)
    unreviewed: int = 0
    files: list[str] = field(default_factory=list)


@dataclass
class _Kept:
    section: str
    values: dict[str, Any]
    line: int
    status_line: int
    candidate: str


def accept(project: Project, review: Path) -> Accepted:
    """Move the kept candidates of `review` into data/; raise DataErrors and write nothing if bad."""
    shown = project.relative(review)
    if not review.is_file():
        raise UsageError(f"{shown}: no such review file")
    content = read(review, shown)
    curated = load(project)
    kept, unreviewed, problems = _kept(content, shown, curated)
    if problems:
        raise DataErrors(problems)
    source = str(content["source"])
    result = Accepted(unreviewed=unreviewed)
    files = _new_files(project, curated, source, kept, result)
    if not files:
        return result
    _check_copy(project, files, kept, shown)
    for path, text in files.items():
        write_text_atomic(path, text)
        result.files.append(project.relative(path))
    lines = review.read_text(encoding="utf-8").splitlines(keepends=True)
    for item in kept:
        lines[item.status_line - 1] = lines[item.status_line - 1].replace("keep", "accepted", 1)
    write_text_atomic(review, "".join(lines))
    return result


def _kept(content: Any, shown: str, curated: Curated) -> tuple[list[_Kept], int, list[str]]:
    """The kept items, the number left unreviewed, and every problem of the file."""
    problems: list[str] = []
    if not isinstance(content, Mapping):
        return [], 0, [f"{shown}:1: a review file is a mapping with `source:` and lists of candidates"]
    source = content.get("source")
    if not isinstance(source, str) or source not in curated.sources:
        line = content.key_lines.get("source", 1)
        return [], 0, [f"{shown}:{line}: `source: {source}` is not a source id of data/sources.yaml"]
    text = curated.texts[source]
    kinds = ["entities", *(k for k in schema() if k not in ("sources", "entities", "statement"))]
    kept: list[_Kept] = []
    unreviewed = 0
    for section, items in content.items():
        line = content.key_lines[section]
        if section == "source" or items is None:
            continue
        if section not in kinds:
            problems.append(f"{shown}:{line}: unknown section {section!r}; sections: {', '.join(SECTIONS)}")
            continue
        if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
            problems.append(f"{shown}:{line}: `{section}` must be a list of candidates")
            continue
        fields = schema()["entities"] if section == "entities" else {**schema()["statement"], **schema()[section]}
        for item in items:
            where = f"{shown}:{item.line} ({item.get('candidate') or item.get('id') or 'candidate'})"
            status = item.get("status")
            if status not in STATUSES:
                problems.append(f"{where}: status {status!r} is not one of {', '.join(STATUSES)}")
                continue
            unreviewed += status == "unreviewed"
            if status != "keep":
                continue
            values = {k: _plain(v) for k, v in item.items() if k not in REVIEW_ONLY and v not in (None, "", [])}
            role = item.get("role") if section == "entities" else None
            if role is not None and role not in ROLES:
                problems.append(f"{where}: role {role!r} is not one of {', '.join(ROLES)}")
                continue
            evidence = occurrence = None
            if section == "entities":
                evidence = values.pop("quote", None)
                occurrence = values.pop("occurrence", None)
            unknown = [k for k in values if k not in fields]
            missing = [k for k, spec in fields.items() if spec.get("required") and k not in values]
            if unknown:
                problems.append(f"{where}: unknown field(s) {', '.join(unknown)} for {section}; known: {', '.join(fields)}")
            if missing:
                problems.append(f"{where}: kept candidate lacks {', '.join(missing)}; fill it in or set `status: drop`")
            quote = evidence if section == "entities" else values.get("quote")
            which = occurrence if section == "entities" else values.get("occurrence")
            if not (role and quote is None):  # a publisher or author need not be named in the text
                problems += _check_quote(where, text, quote, which, item.get("start"))
            if section == "entities":
                values["_evidence"] = {"quote": evidence, **({"occurrence": occurrence} if occurrence else {})} if evidence else None
                values["_file"] = item.get("file")
                values["_role"] = role
            if section == "stances":
                actor, target = values.get("actor", ""), values.get("target", "")
                values["id"] = _renamed(values.get("id"), [f"{actor}-{old}-{target}" for old in curated.vocab.notations("position")],
                                        f"{actor}-{values.get('position', '')}-{target}")
            if section == "figures":
                number = str(values.get("value", "")).replace(".", "-")
                values["id"] = _renamed(values.get("id"), [f"{old}-{number}" for old in [*curated.vocab.notations("measure"), "figure"]],
                                        f"{values.get('measure') or 'figure'}-{number}")
            kept.append(_Kept(section, values, item.line, item.key_lines["status"], str(item.get("candidate", ""))))
    return kept, unreviewed, problems


def _plain(value: Any) -> Any:
    """YAML-source values as plain dicts and lists, so that they can be written back."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _check_quote(where: str, text: str, quote: Any, occurrence: Any, start: Any) -> list[str]:
    if quote is None:
        return [f"{where}: kept candidate has no quote"]
    pieces = quote if isinstance(quote, list) else [quote]
    problems = []
    for piece in pieces:
        if not isinstance(piece, str):
            problems.append(f"{where}: a quote is a text or a list of texts")
            continue
        found = quotes.occurrences(text, piece)
        which = int(occurrence) if isinstance(occurrence, str) and occurrence.isdigit() and len(found) > 1 else None
        try:
            quotes.locate(text, piece, which if which is not None else (1 if len(found) == 1 else None))
        except quotes.QuoteNotFound as exc:
            problems.append(f"{where}: the kept quote no longer matches the document: {exc}")
    return problems


def _new_files(project: Project, curated: Curated, source: str, kept: list[_Kept], result: Accepted) -> dict[Path, str]:
    """The new text of every data file the kept candidates touch."""
    statements: dict[str, list[dict[str, Any]]] = {}
    entities: dict[str, list[dict[str, Any]]] = {}
    roles: dict[str, list[str]] = {}
    referenced = {
        ref for r in curated.statements.values() if r.source == source for ref in _refs(r.values)
    } | {ref for item in kept if item.section not in ("entities", "mentions") for ref in _refs(item.values)}
    for item in kept:
        values = dict(item.values)
        if item.section == "entities":
            evidence, file_name, role = values.pop("_evidence"), values.pop("_file"), values.pop("_role")
            entities.setdefault(_entity_file_name(file_name, item), []).append(values)
            result.records["entities"] = result.records.get("entities", 0) + 1
            if role:
                roles.setdefault(role, []).append(str(values["id"]))
            if values["id"] not in referenced and not role and evidence:
                mention = {"id": f"{source}-mentions-{values['id']}", "entity": values["id"], **evidence}
                statements.setdefault("mentions", []).append(mention)
                result.records["mentions"] = result.records.get("mentions", 0) + 1
            continue
        if item.section == "mentions" and values.get("entity") in referenced:
            result.covered_mentions.append(str(values["entity"]))
            continue
        statements.setdefault(item.section, []).append(_ordered(values, item.section))
        result.records[item.section] = result.records.get(item.section, 0) + 1
    files: dict[Path, str] = {}
    path = project.data_dir / "statements" / f"{source}.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else f"source: {source}\n"
    for kind, records in statements.items():
        text = yamledit.append_to_section(text, kind, records)
    if statements:
        files[path] = text
    for name, records in entities.items():
        epath = project.data_dir / "entities" / name
        etext = epath.read_text(encoding="utf-8") if epath.exists() else "# Entities added from review files.\n"
        files[epath] = yamledit.append_to_list(etext, records)
    if roles:  # several authors (a joint letter) are a list; the publisher is one
        given = curated.sources[source].get("author") if "author" in roles else None
        if given:  # authors the source already records stay
            roles["author"] = list(dict.fromkeys([*(given if isinstance(given, list) else [given]), *roles["author"]]))
        fields = {role: ids[-1] if role == "publisher" or len(ids) == 1 else "[" + ", ".join(ids) + "]"
                  for role, ids in roles.items()}
        manifest = project.data_dir / "sources.yaml"
        files[manifest] = yamledit.set_fields(manifest.read_text(encoding="utf-8"), source, fields)
    return files


def _entity_file_name(name: Any, item: _Kept) -> str:
    if name is None:
        return "others.yaml"
    text = str(name)
    if "/" in text or "\\" in text or not text.endswith(".yaml") or text.startswith("."):
        raise DataError(f"candidate {item.candidate} (line {item.line}): `file: {text}` must be a file name like people.yaml")
    return text


def _ordered(values: dict[str, Any], kind: str) -> dict[str, Any]:
    order = ["id", *schema()[kind], *schema()["statement"]]
    return {k: values[k] for k in sorted(values, key=lambda k: order.index(k) if k in order else len(order))}


def _refs(values: dict[str, Any]) -> set[str]:
    refs: set[str] = set()
    for key, value in values.items():
        if key in ("quote", "id", "note", "date_note", "label", "title"):
            continue
        if isinstance(value, str):
            refs.add(value)
        elif isinstance(value, list):
            refs.update(v for v in value if isinstance(v, str))
        elif isinstance(value, dict):
            refs.update(m for ms in value.values() if isinstance(ms, list) for m in ms)
    return refs


def _check_copy(project: Project, files: dict[Path, str], kept: list[_Kept], shown: str) -> None:
    """Run the whole check on a temporary copy holding the new files; raise if it fails."""
    origin = {str(item.values.get("id")): item for item in kept}
    with tempfile.TemporaryDirectory(prefix="scomm-accept-") as temp:
        root = Path(temp)
        shutil.copytree(project.data_dir, root / "data", ignore=shutil.ignore_patterns("review"))
        shutil.copytree(project.ontology_dir, root / "ontology")
        for path, text in files.items():
            target = root / path.relative_to(project.root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        try:
            check(make_project(root, root / "out"))
        except DataErrors as exc:
            raise DataErrors([_traced(m, origin, shown) for m in exc.messages]) from None


def _traced(message: str, origin: dict[str, _Kept], shown: str) -> str:
    """A check message about an accepted record, pointed back at the review file's line."""
    for ident, item in origin.items():
        if f"({ident})" in message or f"'{ident}'" in message:
            return f"{shown}:{item.line} ({item.candidate} {ident}): {message} [the data would be invalid; nothing written]"
    return f"{message} [after accepting {shown}; nothing written]"


def _renamed(ident: Any, proposed: list[str], kept: str) -> Any:
    """A proposed id begins with the words it was proposed under: a stance's actor, position and
    target ("x-calls-to-halt-y-2013-04"), a figure's measure and value ("removals-2614-2012-01").
    When the reviewer changed the position or the measure and left the id, the id names what was
    kept ("x-seeks-opt-out-y-2013-04", "scomm-removals-2614-2012-01"), not what was proposed: the
    beginning among `proposed` that the id has is replaced by `kept`. Any other id is the
    reviewer's and stays as written."""
    if not isinstance(ident, str):
        return ident
    for head in sorted(proposed, key=len, reverse=True):
        if head != kept and (ident == head or ident.startswith(f"{head}-")):
            return f"{kept}{ident[len(head):]}"
    return ident
