"""Reading YAML with line numbers, every scalar kept as text (no implicit dates or numbers).

Read safely: only regular files (a directory, FIFO, dangling link or link loop named
`*.yaml` is refused by name, never opened), at most `MAX_BYTES`, nesting at most
`MAX_DEPTH` deep, at most `MAX_ALIASES` aliases and `MAX_NODES` values once aliases are
expanded (so "billion laughs" and recursive aliases are refused), mapping keys plain text,
and every text encodable as UTF-8 (a lone surrogate written as an escape is refused, never
altered). Each refusal is a DataError naming the file and, where there is one, the line.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

import yaml

from graph.errors import DataError

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 1000
MAX_NODES = 500_000


class Mapping(dict[str, Any]):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    line: int
    key_lines: dict[str, int]


def regular_file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a data file (None when it is a regular file)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return "is a dangling symbolic link" if os.path.islink(path) else "does not exist"
    except OSError as exc:
        return f"cannot be opened ({exc.strerror or exc}; a symbolic link loop?)"
    if stat.S_ISDIR(info.st_mode):
        return "is a directory, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "is not a regular file (a FIFO, socket or device)"
    return None


def read_text(path: Path, shown_as: str, max_bytes: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `max_bytes`; DataError otherwise."""
    problem = regular_file_problem(path)
    if problem:
        raise DataError(f"{shown_as}: {problem}")
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DataError(f"{shown_as}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > max_bytes:
        raise DataError(f"{shown_as}: larger than {max_bytes // (1024 * 1024)} MiB; split it into several files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataError(f"{shown_as}:{line}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def read(path: Path, shown_as: str) -> Any:
    """Parse `path`: mappings become `Mapping`, sequences lists, scalars str (or None)."""
    text = read_text(path, shown_as)
    try:
        return _Builder(shown_as).build(yaml.parse(text, Loader=_LOADER))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{shown_as}:{mark.line + 1}" if mark is not None else shown_as
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{where}: malformed YAML: {problem}; fix the syntax there") from None


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return 1 if mark is None else int(mark.line) + 1


_LOADER = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
_NULL = "tag:yaml.org,2002:null"


class _Open:
    """A mapping or sequence being built, with its anchor and expanded size so far."""

    __slots__ = ("value", "anchor", "size", "key", "key_line")

    def __init__(self, value: Any, anchor: str | None) -> None:
        self.value = value
        self.anchor = anchor
        self.size = 1
        self.key: str | None = None
        self.key_line = 0


class _Builder:
    """Values from parser events with an explicit stack: no recursion, whatever the depth.

    An alias reuses the anchored value (no copy); its expanded size still counts against
    MAX_NODES, so a "billion laughs" document is refused without being expanded.
    """

    def __init__(self, shown_as: str) -> None:
        self.shown_as = shown_as
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.aliases = 0
        self.total = 0

    def fail(self, event: yaml.Event, message: str) -> DataError:
        return DataError(f"{self.shown_as}:{_line(event)}: {message}")

    def build(self, events: Any) -> Any:
        stack: list[_Open] = []
        result: Any = None
        documents = 0
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self.fail(event, "more than one YAML document (`---`) in one file")
                continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if stack and isinstance(stack[-1].value, Mapping) and stack[-1].key is None:
                    raise self.fail(event, "a mapping key must be plain text, not a list or mapping (`? [...]`)")
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(event, f"nested more than {MAX_DEPTH} levels deep")
                if isinstance(event, yaml.MappingStartEvent):
                    mapping = Mapping()
                    mapping.line = _line(event)
                    mapping.key_lines = {}
                    stack.append(_Open(mapping, event.anchor))
                else:
                    stack.append(_Open([], event.anchor))
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                done = stack.pop()
                if done.anchor is not None:
                    self.anchors[done.anchor] = (done.value, done.size)
                value, size = done.value, done.size
            elif isinstance(event, yaml.AliasEvent):
                self.aliases += 1
                if self.aliases > MAX_ALIASES:
                    raise self.fail(event, f"more than {MAX_ALIASES} aliases (*name)")
                if any(item.anchor == event.anchor for item in stack):
                    raise self.fail(event, f"alias *{event.anchor} refers to the value that contains it (a recursive alias)")
                if event.anchor not in self.anchors:
                    raise self.fail(event, f"alias *{event.anchor} names no anchor (&{event.anchor}) before it")
                value, size = self.anchors[event.anchor]
            elif isinstance(event, yaml.ScalarEvent):
                text = self.text(event)
                if stack and isinstance(stack[-1].value, Mapping) and stack[-1].key is None:
                    value = text  # a key is its text, even `~` or `null`
                elif event.tag == _NULL or (event.style is None and text in ("", "~", "null")):
                    value = None
                else:
                    value = text
                size = 1
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, size)
            else:
                continue
            self.total += size
            if self.total > MAX_NODES:
                raise self.fail(event, f"more than {MAX_NODES:,} values once aliases are expanded; write the values out")
            if not stack:
                result = value
                continue
            parent = stack[-1]
            parent.size += size
            if isinstance(parent.value, Mapping):
                if parent.key is None:
                    if not isinstance(value, str):
                        raise self.fail(event, "a mapping key must be plain text, not a list, mapping or null")
                    if value in parent.value:
                        raise self.fail(event, f"key {value!r} appears twice in one record")
                    parent.key, parent.key_line = value, _line(event)
                else:
                    parent.value[parent.key] = value
                    parent.value.key_lines[parent.key] = parent.key_line
                    parent.key = None
            else:
                parent.value.append(value)
        return result

    def text(self, event: yaml.ScalarEvent) -> str:
        value = str(event.value)
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise self.fail(
                event, f"text holds a character that cannot be written as UTF-8 ({exc.object[exc.start]!r}, "
                "a lone surrogate?); write the character itself"
            ) from None
        return value
