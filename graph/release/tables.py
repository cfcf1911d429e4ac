"""Flat CSV tables of a build: statements, entities, sources (UTF-8, one header row)."""

from __future__ import annotations

import csv
import io
from typing import Any

from graph.api import ENTITY_COLUMNS, STATEMENT_COLUMNS, entity_records, statement_records

SOURCE_COLUMNS = ("id", "title", "date", "perspective", "sha256", "iri")
_SOURCES = """
PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
SELECT DISTINCT ?iri ?id ?title ?date ?perspective ?sha256 WHERE {
  ?iri a scomm:SourceDocument ; dcterms:identifier ?id .
  OPTIONAL { ?iri dcterms:title ?title }
  OPTIONAL { ?iri dcterms:date ?date }
  OPTIONAL { ?iri scomm:perspective/skos:notation ?perspective }
  OPTIONAL { ?iri schema:sha256 ?sha256 }
}
ORDER BY ?id
"""


def _csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: "" if row.get(c) is None else row.get(c) for c in columns})
    return buffer.getvalue().encode("utf-8")


def source_records(backend: Any) -> list[dict[str, Any]]:
    """The source documents: id, title, date, perspective, and the SHA-256 of the text."""
    columns, rows = backend.select(_SOURCES)
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        record = {c: (r[c].value if r.get(c) is not None else "") for c in columns}
        out.setdefault(record["iri"], record)  # first of any duplicates, in query order
    return list(out.values())


def tables(backend: Any) -> dict[str, bytes]:
    """File name -> CSV bytes for statements.csv, entities.csv and sources.csv."""
    return {
        "statements.csv": _csv(STATEMENT_COLUMNS, statement_records(backend)),
        "entities.csv": _csv(ENTITY_COLUMNS, entity_records(backend)),
        "sources.csv": _csv(SOURCE_COLUMNS, source_records(backend)),
    }
