"""Claims against records: the figures documents give, held against imported tables.

Runs the library query `claims-vs-records` on any backend and renders a markdown section
with both sources side by side: the document and its quote, and the table's file name
and SHA-256.
"""

from __future__ import annotations

from graph.store import query as q

QUERY = "claims-vs-records"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else _cell(value)


COLUMNS = ["as_of", "comparator", "claimed", "source", "quote", "records", "difference", "agrees", "file", "sha256",
           "table"]


def claims_vs_records_rows(backend: q.Backend, measure: str = "jurisdictions-activated") -> list[dict[str, object]]:
    """One flat row per figure held against a table (for --format csv, tsv or json): the
    query's values, numbers as numbers."""
    rows = q.run(backend, QUERY, {"measure": measure}).records()
    out: list[dict[str, object]] = []
    for row in rows:
        claimed, difference = row["claimed"], row["difference"]
        out.append({
            "as_of": str(row["asOf"]), "comparator": str(row["comparator"]),
            "claimed": int(claimed) if claimed == int(claimed) else claimed, "source": str(row["source"]),
            "quote": str(row["quote"]), "records": row["records"],
            "difference": int(difference) if difference == int(difference) else difference,
            "agrees": bool(row["agrees"]), "file": str(row["file"]), "sha256": str(row["sha256"]),
            "table": str(row["table"]),
        })
    return out


def claims_vs_records_markdown(backend: q.Backend, measure: str = "jurisdictions-activated") -> str:
    """The report section, in markdown (deterministic: ordered by date and figure)."""
    result = q.run(backend, QUERY, {"measure": measure})
    rows = result.records()
    lines = [
        "## Claims against records",
        "",
        f"Figures of the measure `{measure}` that the documents give, held against the number of "
        "places (counties and county-equivalents) an imported table dates on or before the figure's "
        "date (its latest day for a year or month). A document's jurisdictions are not counties (a "
        "jurisdiction may be a jail, a city or a state agency): the two counts are different measures, "
        "set side by side, and a difference between them is expected. `agrees` says only whether the "
        "figure's comparator holds between them; `about` allows 5 percent.",
        "",
    ]
    if not rows:
        lines += ["No figure of this measure, or no imported table of activation dates "
                  "(`scomm import FILE.csv --mapping data/imports/sc-activation.yaml`).", ""]
        return "\n".join(lines)
    lines += [
        "| as of | claim | source | quote | records | difference | agrees | table |",
        "|---|---|---|---|---:|---:|---|---|",
    ]
    tables: dict[str, tuple[str, str]] = {}
    for row in rows:
        comparator = {"more-than": "more than ", "less-than": "less than ", "about": "about "}.get(str(row["comparator"]), "")
        claimed = row["claimed"]
        claimed_text = _number(int(claimed) if claimed == int(claimed) else claimed)
        difference = row["difference"]
        difference_text = _number(int(difference) if difference == int(difference) else difference)
        agrees = "yes" if row["agrees"] else "no"
        lines.append(
            f"| {row['asOf']} | {comparator}{claimed_text} | {_cell(row['source'])} | {_cell(row['quote'])} "
            f"| {_number(row['records'])} | {difference_text} | {agrees} | {_cell(row['file'])} |"
        )
        tables[str(row["file"])] = (str(row["sha256"]), str(row["table"]))
    lines.append("")
    for name, (sha, iri) in sorted(tables.items()):
        lines.append(f"- `{name}`: SHA-256 `{sha}`, imported as <{iri}>.")
    lines.append("")
    return "\n".join(lines)
