"""The coverage report: counts per kind, source, position and type, and what is missing."""

from __future__ import annotations

from typing import Any

import pyoxigraph

from graph.store.query import LocalBackend, run

SECTIONS = (
    ("by_source", "coverage-by-source"),
    ("by_position", "coverage-by-position"),
    ("by_entity_type", "coverage-by-entity-type"),
    ("entities_without_statements", "entities-without-statements"),
    ("statements_without_date", "statements-without-date"),
    ("statements_without_source", "statements-without-source"),
)


def coverage(store: pyoxigraph.Store) -> dict[str, Any]:
    """Each section of the coverage report as a list of plain records."""
    backend = LocalBackend(store)
    report: dict[str, Any] = {}
    for key, name in SECTIONS:
        records = run(backend, name).records()
        report[key] = [{k: (str(v) if v is not None and not isinstance(v, int) else v) for k, v in r.items()} for r in records]
    totals: dict[str, int] = {}
    for row in report["by_source"]:
        totals[row["kind"]] = totals.get(row["kind"], 0) + int(row["statements"])
    report["totals"] = dict(sorted(totals.items()))
    return report


def markdown(report: dict[str, Any]) -> str:
    """The coverage report as Markdown tables."""
    lines = ["# Coverage", ""]
    lines += ["## Statements per kind", "", "| kind | statements |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in report["totals"].items()]
    titles = {
        "by_source": "Statements per source and kind",
        "by_position": "Stances per position",
        "by_entity_type": "Entities per type",
        "entities_without_statements": "Entities no statement mentions",
        "statements_without_date": "Statements without a date",
        "statements_without_source": "Statements without a source or quote",
    }
    for key, title in titles.items():
        rows = report[key]
        lines += ["", f"## {title} ({len(rows)})", ""]
        if not rows:
            lines.append("None.")
            continue
        columns = list(rows[0])
        lines.append("| " + " | ".join(columns) + " |")
        lines.append("|" + "---|" * len(columns))
        for row in rows:
            lines.append("| " + " | ".join(str(row[c]).replace("|", "\\|") for c in columns) + " |")
    return "\n".join(lines) + "\n"
