"""A review session in the terminal: each candidate with its quote highlighted in the document,
kept or dropped with one keystroke (`scomm review SOURCE`).

Candidates still `unreviewed` come in order of their score (highest first; the file's order
within a score). Keys: `k` keep, `d` drop, `s` skip (decide later), `u` undo the last decision,
`q` quit; spaces and line ends are ignored, so that keys can be piped (`printf 'kdk' | scomm
review SOURCE`). Each decision is written to the review file at once (atomically), so quitting
or an interruption loses nothing; `scomm accept` then moves the kept ones into the data.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from graph.build.yaml_source import read
from graph.errors import UsageError
from graph.folders import Project, write_text_atomic
from graph.ingest.review import SECTIONS, review_path

KEYS = {"k": "keep", "d": "drop", "s": "skip", "u": "undo", "q": "quit"}
HIGHLIGHT = ("\x1b[1;30;43m", "\x1b[0m")  # bold black on yellow
DIM = ("\x1b[2m", "\x1b[0m")


@dataclass
class Decided:
    kept: int = 0
    dropped: int = 0
    skipped: int = 0
    left: int = 0


@dataclass
class _Item:
    section: str
    values: dict[str, Any]
    status_line: int
    score: float
    order: int


def keys_from(stream: TextIO) -> Iterator[str]:
    """One key at a time: raw single keystrokes from a terminal, characters from a pipe."""
    if stream.isatty():  # pragma: no cover - needs a terminal
        import termios
        import tty

        fd = stream.fileno()
        old = termios.tcgetattr(fd)
        try:
            tty.setcbreak(fd)
            while True:
                char = os.read(fd, 1).decode(errors="replace")
                if not char:
                    return
                yield char
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, old)
    else:
        while True:
            char = stream.read(1)
            if not char:
                return
            yield char


def run(project: Project, source: str, keys: Iterator[str], out: Callable[[str], None], color: bool = False,
        context: int = 300) -> Decided:
    """Show each unreviewed candidate of data/review/SOURCE.yaml and apply the keys read."""
    path = review_path(project, source)
    shown = project.relative(path)
    if not path.is_file():
        raise UsageError(f"{shown}: no review file for {source!r}; write one with `scomm propose {source}`")
    from graph.build.load import load

    curated = load(project)
    if source not in curated.sources:
        raise UsageError(f"{source!r} is not a source id of data/sources.yaml")
    text = curated.texts[source]
    items = _items(path, shown)
    queue = [i for i in items if i.values.get("status") == "unreviewed"]
    queue.sort(key=lambda i: (-i.score, i.order))
    result = Decided()
    history: list[tuple[_Item, str]] = []
    out(f"{shown}: {len(queue)} candidate(s) to review, highest score first. "
        "k keep, d drop, s skip, u undo, q quit.")
    position = 0
    key_iter = (k for k in keys if not k.isspace())
    while position < len(queue):
        item = queue[position]
        out(_show(item, text, position + 1, len(queue), color, context))
        key = next(key_iter, "q").lower()
        action = KEYS.get(key)
        if action is None:
            out(f"  ? key {key!r}: k keep, d drop, s skip, u undo, q quit")
            continue
        if action == "quit":
            break
        if action == "undo":
            if not history:
                out("  nothing to undo")
                continue
            last, was = history.pop()
            _set_status(path, last.status_line, "unreviewed")
            if was == "keep":
                result.kept -= 1
            elif was == "drop":
                result.dropped -= 1
            else:
                result.skipped -= 1
            position = queue.index(last)
            out(f"  undone: {last.values.get('candidate')} is unreviewed again")
            continue
        if action in ("keep", "drop"):
            _set_status(path, item.status_line, action)
            if action == "keep":
                result.kept += 1
            else:
                result.dropped += 1
        else:
            result.skipped += 1
        history.append((item, action))
        out(f"  -> {action}")
        position += 1
    result.left = len(queue) - result.kept - result.dropped
    out(f"kept {result.kept}, dropped {result.dropped}, skipped {result.skipped}; {result.left} still unreviewed in {shown}")
    if result.kept:
        out(f"next: scomm accept {shown}")
    return result


def _items(path: Path, shown: str) -> list[_Item]:
    content = read(path, shown)
    found = []
    order = 0
    for section in SECTIONS:
        for item in content.get(section) or []:
            values = dict(item.items())
            found.append(_Item(section, values, item.key_lines["status"], float(values.get("score") or 0.5), order))
            order += 1
    return found


def _set_status(path: Path, line: int, status: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    current = lines[line - 1]
    head, _, _ = current.partition("status:")
    lines[line - 1] = f"{head}status: {status}\n"
    write_text_atomic(path, "".join(lines))


def _show(item: _Item, text: str, number: int, total: int, color: bool, context: int) -> str:
    v = item.values
    if item.section == "stances":
        what = f"{v.get('actor')} --{v.get('position')}--> {v.get('target')}"
    elif item.section == "figures":
        what = f"{v.get('value')} {v.get('unit')} · measure {v.get('measure') or '(choose one)'}"
    elif item.section == "posts":
        what = f"{v.get('person') or '(new person)'} · {v.get('title')}"
    elif item.section == "relations":
        what = f"{v.get('subject')} --{v.get('relation')}--> {v.get('object')}"
    elif item.section == "mentions":
        what = f"mentions {v.get('entity')}"
    else:
        what = f"new {v.get('type')} {v.get('name')!r} ({v.get('id')})" + (f" · {v['role']}" if v.get("role") else "")
    when = v.get("date") or v.get("as_of") or (f"{v.get('period_start')}..{v.get('period_end')}" if v.get("period_start") else "")
    lines = [
        "",
        f"[{number}/{total}] {v.get('candidate')} {item.section[:-1] if item.section != 'entities' else 'entity'}"
        f"  score {item.score:.2f}  {what}" + (f"  date {when}" if when else ""),
        f"  why: {v.get('why')}",
    ]
    for existing in v.get("existing") or []:
        lines.append(f"  already in the graph: {existing}")
    starts, ends = v.get("start"), v.get("end")
    if starts is not None and ends is not None:
        starts = [int(x) for x in (starts if isinstance(starts, list) else [starts])]
        ends = [int(x) for x in (ends if isinstance(ends, list) else [ends])]
        lo = max(0, min(starts) - context)
        hi = min(len(text), max(ends) + context)
        on, off = HIGHLIGHT if color else ("[[", "]]")
        pieces, at = [], lo
        for s, e in sorted(zip(starts, ends)):
            pieces += [text[at:s], on, text[s:e], off]
            at = e
        pieces.append(text[at:hi])
        passage = "".join(pieces)
        lines.append("  " + ("…" if lo > 0 else "") + passage.replace("\n", "\n  ") + ("…" if hi < len(text) else ""))
    else:
        lines.append("  (not named in the document: " + str(v.get("why", "")) + ")")
    lines.append("  keep / drop / skip? [k/d/s/u/q] ")
    return "\n".join(lines)


def main_stream() -> TextIO:
    return sys.stdin
