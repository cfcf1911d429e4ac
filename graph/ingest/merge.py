"""`scomm merge OLD NEW`: two entity records found to name the same thing become one.

Every reference to OLD in data/ (statements, the manifest, entity files and review files)
is rewritten to NEW, token by token at the offsets the YAML parser reports, so comments
and layout stay as they were. OLD's record is removed and its id, name and aliases become
aliases of NEW, so that nothing said about OLD is lost and the old form is still found
in texts. The result is checked on a temporary copy of the project before anything is
written.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from graph.ingest import yaml_edit as yamledit
from graph.errors import DataError, DataErrors, UsageError
from graph.build.load import load, schema
from graph.folders import Project, project as make_project
from graph.build.pipeline import check
from graph.folders import write_text_atomic

REFERENCE_TYPES = ("entity", "actor", "entity-list", "role-map")


@dataclass
class Merged:
    old: str
    new: str
    references: int = 0
    files: list[str] = field(default_factory=list)
    aliases_added: list[str] = field(default_factory=list)


def reference_fields() -> tuple[set[str], set[str]]:
    """Field names that hold entity ids, and those that are role maps (participants)."""
    plain: set[str] = set()
    maps: set[str] = set()
    for fields in schema().values():
        for name, spec in fields.items():
            if spec["type"] == "role-map":
                maps.add(name)
            elif spec["type"] in REFERENCE_TYPES:
                plain.add(name)
    return plain, maps


def merge(project: Project, old: str, new: str) -> Merged:
    """Merge entity OLD into NEW across data/; all or nothing."""
    curated = load(project)
    for ident in (old, new):
        if ident not in curated.entities:
            raise UsageError(f"{ident!r} is not an entity id of data/entities")
    if old == new:
        raise UsageError("OLD and NEW are the same entity")
    result = Merged(old, new)
    old_record, new_record = curated.entities[old], curated.entities[new]
    forms = [old, str(old_record.values["name"]), *map(str, old_record.values.get("aliases", []))]
    have = {str(new_record.values["name"]), *map(str, new_record.values.get("aliases", []))}
    result.aliases_added = [f for f in dict.fromkeys(forms) if f not in have]
    texts: dict[Path, str] = {}
    for path in _data_files(project):
        text = path.read_text(encoding="utf-8")
        spans, count = _reference_spans(text, old, new)
        if path.name == Path(old_record.where.file).name and "entities" in path.parts:
            spans += _removal(text, old, project.relative(path))
        if path.name == Path(new_record.where.file).name and "entities" in path.parts:
            spans += _alias_edit(text, new, [*map(str, new_record.values.get("aliases", [])), *result.aliases_added])
        if spans:
            changed = yamledit.replace_spans(text, spans)
            try:
                yaml.compose(changed, Loader=yaml.BaseLoader)
            except yaml.YAMLError as exc:  # pragma: no cover - a bug if reached
                raise DataError(f"{project.relative(path)}: merging would break the YAML ({exc}); nothing written") from None
            texts[path] = changed
            result.references += count
    _check_copy(project, texts, old, new)
    for path, text in texts.items():
        write_text_atomic(path, text)
        result.files.append(project.relative(path))
    return result


def _data_files(project: Project) -> list[Path]:
    data = project.data_dir
    files = [data / "sources.yaml"] if (data / "sources.yaml").exists() else []
    for folder in ("entities", "statements", "review"):
        files += sorted((data / folder).glob("*.yaml"))
    return files


def _reference_spans(text: str, old: str, new: str) -> tuple[list[tuple[int, int, str]], int]:
    plain, maps = reference_fields()
    spans = []
    for path, node in yamledit.scalars(text):
        if node.value != old or not path:
            continue
        if path[-1] in plain or (len(path) >= 2 and path[-2] in maps):
            spans.append((node.start_mark.index, node.end_mark.index, yamledit.scalar_text(node, new)))
    return spans, len(spans)


def _record_nodes(text: str) -> list[yaml.MappingNode]:
    node = yaml.compose(text, Loader=yaml.BaseLoader)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item for item in node.value if isinstance(item, yaml.MappingNode)]


def _id_of(node: yaml.MappingNode) -> str | None:
    for key, value in node.value:
        if key.value == "id" and isinstance(value, yaml.ScalarNode):
            return str(value.value)
    return None


def _removal(text: str, old: str, shown: str) -> list[tuple[int, int, str]]:
    """The span of OLD's record: from its line to the line before the next record."""
    records = _record_nodes(text)
    for i, node in enumerate(records):
        if _id_of(node) != old:
            continue
        lines = text.splitlines(keepends=True)
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        first = node.start_mark.line
        last = records[i + 1].start_mark.line if i + 1 < len(records) else len(lines)
        end = last
        while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        while end < last and not lines[end].strip():
            end += 1  # take the blank lines after the record with it
        return [(starts[first], starts[end], "")]
    raise DataError(f"{shown}: the record {old!r} was not found to remove")


def _alias_edit(text: str, new: str, aliases: list[str]) -> list[tuple[int, int, str]]:
    """Set NEW's aliases: replace the value of `aliases:`, or add the key after `name:`."""
    rendered = yaml.safe_dump(list(dict.fromkeys(aliases)), default_flow_style=True, allow_unicode=True, width=100000).strip()
    for node in _record_nodes(text):
        if _id_of(node) != new:
            continue
        for key, value in node.value:
            if key.value == "aliases":
                return [(value.start_mark.index, value.end_mark.index, rendered)]
        for key, value in node.value:
            if key.value == "name":
                line_end = text.find("\n", value.end_mark.index)
                line_end = len(text) if line_end == -1 else line_end
                indent = " " * key.start_mark.column
                return [(line_end, line_end, f"\n{indent}aliases: {rendered}")]
    return []


def _check_copy(project: Project, texts: dict[Path, str], old: str, new: str) -> None:
    with tempfile.TemporaryDirectory(prefix="scomm-merge-") as temp:
        root = Path(temp)
        shutil.copytree(project.data_dir, root / "data")
        shutil.copytree(project.ontology_dir, root / "ontology")
        for path, text in texts.items():
            (root / path.relative_to(project.root)).write_text(text, encoding="utf-8")
        try:
            check(make_project(root, root / "out"))
        except DataErrors as exc:
            raise DataErrors([f"merging {old} into {new} would make the data invalid (nothing written): {m}" for m in exc.messages]) from None
