"""Editing curated YAML as text, so that the researcher's comments and layout survive.

Records are appended as text blocks at the end of the right list; references are
replaced token by token at the offsets the YAML parser reports. Callers re-parse the
result (and run the whole check) before writing anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block style, except short lists of texts (`aliases: [ICE, ...]`), which stay on one line."""

    def represent_list(self, data: Any) -> yaml.SequenceNode:  # type: ignore[override]
        short = all(isinstance(i, str) for i in data) and sum(len(i) + 2 for i in data) < 80 and len(data) > 0
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short)


_Dumper.add_representer(list, _Dumper.represent_list)


def dump(content: Any) -> str:
    """YAML text in the layout of the curated files."""
    return yaml.dump(content, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100000, default_flow_style=False)


def render(record: dict[str, Any], indent: int = 0) -> str:
    """One record as a YAML list item (`- id: ...`), indented by `indent` spaces."""
    block = dump([record])
    pad = " " * indent
    return "".join(pad + line if line.strip() else line for line in block.splitlines(keepends=True))


def append_to_list(text: str, records: list[dict[str, Any]]) -> str:
    """Append records to a file that is one top-level list (data/entities/*.yaml)."""
    if not records:
        return text
    if text and not text.endswith("\n"):
        text += "\n"
    return text + "".join("\n" + render(record) for record in records)


def append_to_section(text: str, key: str, records: list[dict[str, Any]]) -> str:
    """Append records to the list under top-level `key:` (a statements file), adding it if absent."""
    if not records:
        return text
    if text and not text.endswith("\n"):
        text += "\n"
    lines = text.splitlines(keepends=True)
    head = next((i for i, line in enumerate(lines) if re.match(rf"^{re.escape(key)}:\s*(\[\s*\])?\s*(#.*)?$", line)), None)
    if head is None:
        return text + f"\n{key}:\n" + "".join(render(r, 2) for r in records)
    lines[head] = f"{key}:\n"
    end = head + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t-#"):
        end += 1
    body = lines[head + 1 : end]
    last = max((i for i, line in enumerate(body) if line.strip() and not line.startswith("#")), default=-1)
    indent = next((len(line) - len(line.lstrip(" ")) for line in body if line.lstrip().startswith("- ")), 2)
    insert_at = head + 1 + last + 1
    lines[insert_at:insert_at] = [render(r, indent) for r in records]
    return "".join(lines)


def scalars(text: str) -> Iterator[tuple[list[str], yaml.ScalarNode]]:
    """Every scalar value node with the path of mapping keys above it (list items add no key)."""
    node = yaml.compose(text, Loader=yaml.BaseLoader)
    if node is None:
        return
    stack: list[tuple[yaml.Node, list[str]]] = [(node, [])]
    while stack:
        current, path = stack.pop()
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                stack.append((value, [*path, str(key.value)]))
        elif isinstance(current, yaml.SequenceNode):
            stack.extend((item, path) for item in current.value)
        elif isinstance(current, yaml.ScalarNode):
            yield path, current


def replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace (start, end, new) spans of the text, which must not overlap."""
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def scalar_text(node: yaml.ScalarNode, value: str) -> str:
    """`value` written in the same style as the node it replaces."""
    if node.style in ("'", '"'):
        return yaml.safe_dump(value, default_style=node.style, width=100000).strip().removesuffix("...").strip()
    return value


def set_fields(text: str, ident: str, fields: dict[str, str]) -> str:
    """Set `fields` on the list record whose `id` is `ident` (a manifest entry), replacing a
    value it has or adding the key after its last one; comments and layout stay."""
    root = yaml.compose(text)
    records = root.value if isinstance(root, yaml.SequenceNode) else []
    for node in records:
        if not isinstance(node, yaml.MappingNode):
            continue
        keys = {k.value: (k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode)}
        if "id" not in keys or keys["id"][1].value != ident:
            continue
        spans = []
        for name, value in fields.items():
            if name in keys:
                old = keys[name][1]
                spans.append((old.start_mark.index, old.end_mark.index, value))
        missing = [(n, v) for n, v in fields.items() if n not in keys]
        if missing:
            last = node.value[-1][1]
            end = text.find("\n", last.end_mark.index)
            end = len(text) if end == -1 else end
            column = node.value[0][0].start_mark.column
            spans.append((end, end, "".join(f"\n{' ' * column}{n}: {v}" for n, v in missing)))
        return replace_spans(text, spans)
    raise ValueError(f"no record with id {ident!r}")
