"""Rows printed as the user asks: --format text (the readable listing), csv, tsv or json."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Callable
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])
FORMATS = ("text", "csv", "tsv", "json")


def format_option(default: str = "text", choices: tuple[str, ...] = FORMATS) -> Callable[[F], F]:
    """--format: text for reading, csv / tsv / json for other tools."""
    return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                        help="text to read; csv, tsv or json for a spreadsheet, pandas or jq.")


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """A dataclass or mapping as one flat row: nested fields become `outer_inner` columns."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    out: dict[str, Any] = {}
    for key, item in value.items():
        name = f"{prefix}{key}"
        if (dataclasses.is_dataclass(item) and not isinstance(item, type)) or isinstance(item, dict):
            out.update(flatten(item, f"{name}_"))
        elif isinstance(item, (list, tuple, set, frozenset)):
            out[name] = "; ".join(str(x) for x in item)
        else:
            out[name] = item
    return out


def render_rows(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None) -> str:
    """Rows as CSV, TSV (one header line) or JSON (a list of objects)."""
    columns = columns or list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "json":
        return json.dumps([{c: r.get(c) for c in columns} for r in rows], ensure_ascii=False, indent=2, default=str) + "\n"
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else r.get(c) for c in columns])
    return buffer.getvalue()
