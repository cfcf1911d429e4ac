"""Reading YAML with line numbers, every scalar kept as text (no implicit dates or numbers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from graph.errors import DataError


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


def read(path: Path, shown_as: str) -> Any:
    """Parse `path`: mappings become `Mapping`, sequences lists, scalars str (or None)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise DataError(f"{shown_as}: not UTF-8 text ({exc})") from None
    try:
        node = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown_as}:{mark.line + 1}" if mark is not None else shown_as
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{where}: malformed YAML: {problem}; fix the syntax there") from None
    return None if node is None else _convert(node, shown_as)


def _convert(node: yaml.Node, shown_as: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        result = Mapping()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = key_node.value
            if key in result:
                raise DataError(f"{shown_as}:{key_node.start_mark.line + 1}: key {key!r} appears twice in one record")
            result[key] = _convert(value_node, shown_as)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, shown_as) for item in node.value]
    assert isinstance(node, yaml.ScalarNode)
    value = node.value
    if node.tag == "tag:yaml.org,2002:null" or (node.style is None and value in ("", "~", "null")):
        return None
    return value
