"""The Python API for notebooks: open the built graph and ask it questions.

    >>> from graph.api import open_graph
    >>> kg = open_graph()                       # out/ under the project, or $SCOMM_OUT
    >>> kg.query("stances-on", program="secure-communities").records()
    >>> kg.stances()                            # a typed pandas DataFrame, one row per stance

The DataFrames are typed for analysis: `earliest` and `latest` are datetimes (the first
and last day the statement's date allows; NaT where that side is open or the statement is
undated), `precision` is a category (day, month, year, interval, undated), kinds are
categories, numbers are numbers. `actor_kind` tells actors from documents: "source" is
one of the five source documents speaking for itself, "document" a document the sources
mention; the other kinds are the explorer's node groups (agency, person, group, media,
jurisdiction, program, event).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from graph.folders import project
from graph.store import query as q
from graph.store.embedded import open_store

PRECISIONS = ("day", "month", "year", "interval", "other", "undated")
KINDS = ("agency", "person", "group", "media", "jurisdiction", "program", "event", "document", "source")
_XSD = "http://www.w3.org/2001/XMLSchema#"
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
STATEMENT_COLUMNS = (
    "statement", "relation", "actor", "actor_name", "actor_kind", "target", "target_name", "target_kind",
    "position", "label", "polarity", "source", "source_title", "date", "earliest", "latest", "precision",
    "value", "unit", "quote", "quote_start", "quote_end", "statement_iri",
)
ENTITY_COLUMNS = ("id", "name", "kind", "type", "iri", "aliases")


def precision(date_text: str) -> str:
    """How precise a date as written is: day, month or year; interval (EDTF a/b); undated."""
    text = date_text.strip()
    if not text:
        return "undated"
    if "/" in text:
        return "interval"
    bare = text.rstrip("?~%")
    return {4: "year", 7: "month", 10: "day"}.get(len(bare), "other") if bare[:4].isdigit() else "other"


class KnowledgeGraph:
    """The built graph, queried through the library or with SPARQL text."""

    def __init__(self, backend: q.Backend) -> None:
        self.backend = backend

    def queries(self) -> dict[str, q.Query]:
        """The library of named questions."""
        return q.library()

    def query(self, name_or_sparql: str, **params: str) -> q.Result:
        """Run a library query by name (or SPARQL text) with parameters as keywords."""
        return q.run(self.backend, q.resolve(name_or_sparql), params)

    def dataframe(self, name_or_sparql: str, **params: str) -> Any:
        """The answers as a pandas DataFrame with typed columns (pandas must be installed).

        Numbers are numbers; a column holding only xsd:date values is datetimes; a column of
        dates at mixed precision (2010, 2010-09, 2010-09-14) stays text, with a `<column>_precision`
        category beside it. For time bounds use `statements()` / `stances()`.
        """
        import pandas as pd

        result = self.query(name_or_sparql, **params)
        frame = result.as_dataframe()
        for column in result.columns:
            types = {_datatype(r.get(column)) for r in result.rows} - {None}
            if types == {_XSD + "date"}:
                frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
            elif types and types <= {_XSD + "date", _XSD + "gYear", _XSD + "gYearMonth"}:
                frame[column + "_precision"] = pd.Categorical(
                    [precision(v) if isinstance(v, str) else "undated" for v in frame[column]], categories=PRECISIONS)
            elif types and all(t in q._NUMERIC for t in types):
                frame[column] = pd.to_numeric(frame[column].map(lambda v: None if v is None else float(v)))
        return frame

    def statements(self, relation: str | None = None) -> Any:
        """Every statement edge of the evidence graph as a typed DataFrame, oldest first.

        One row per (statement, actor, target): an event with three participants gives three
        rows. `relation` keeps one kind (stance, claim, figure, relationship, post,
        characterization, participant, event-about, process).
        """
        import pandas as pd

        rows = [r for r in statement_records(self.backend) if relation is None or r["relation"] == relation]
        frame = pd.DataFrame(rows, columns=list(STATEMENT_COLUMNS))
        for column in ("earliest", "latest"):
            frame[column] = pd.to_datetime(frame[column].where(frame[column].map(lambda s: bool(_DAY.match(str(s)))), None),
                                           format="%Y-%m-%d")
        frame["precision"] = pd.Categorical(frame["precision"], categories=PRECISIONS)
        for column in ("actor_kind", "target_kind"):
            frame[column] = pd.Categorical(frame[column], categories=sorted(set(KINDS) | set(frame[column])))
        for column in ("relation", "source"):
            frame[column] = frame[column].astype("category")
        frame["polarity"] = frame["polarity"].astype("int8")
        frame["value"] = pd.to_numeric(frame["value"].replace("", None)).astype("Float64")
        frame["date"] = frame["date"].astype("string")
        return frame.sort_values(["earliest", "latest", "statement", "actor", "target"], na_position="last",
                                 kind="stable").reset_index(drop=True)

    def stances(self, program: str | None = None) -> Any:
        """The stances (actor, position, target, time, source, quote) as a typed DataFrame."""
        frame = self.statements("stance")
        if program is not None:
            frame = frame[frame["target"] == program].reset_index(drop=True)
        return frame

    def entities(self) -> Any:
        """Every registered entity, event and source document with its kind."""
        import pandas as pd

        frame = pd.DataFrame(entity_records(self.backend), columns=list(ENTITY_COLUMNS))
        frame["kind"] = pd.Categorical(frame["kind"], categories=sorted(set(KINDS) | set(frame["kind"])))
        return frame


def statement_records(backend: Any) -> list[dict[str, Any]]:
    """The evidence graph's statement edges as flat rows (text and numbers; "" where none)."""
    from graph.analysis.projection import evidence_graph

    eg = evidence_graph(backend)
    rows = []
    for u, v, _, d in eg.edges(keys=True, data=True):
        a, t = eg.nodes[u], eg.nodes[v]
        value = d.get("value")
        rows.append({
            "statement": d.get("statement_id", ""), "relation": d.get("relation", ""),
            "actor": a.get("slug", u), "actor_name": a.get("label", u), "actor_kind": a.get("group", ""),
            "target": t.get("slug", v), "target_name": t.get("label", v), "target_kind": t.get("group", ""),
            "position": d.get("detail", ""), "label": d.get("label", ""), "polarity": d.get("polarity", 0),
            "source": d.get("source", ""), "source_title": d.get("source_title", ""),
            "date": d.get("date", ""), "earliest": d.get("earliest", ""), "latest": d.get("latest", ""),
            "precision": precision(str(d.get("date", ""))),
            "value": value if isinstance(value, (int, float)) else "",
            "unit": d.get("unit", ""), "quote": d.get("quote", ""),
            "quote_start": d.get("start", ""), "quote_end": d.get("end", ""), "statement_iri": d.get("statement", ""),
        })
    rows.sort(key=lambda r: (r["earliest"] or "9999", r["latest"] or "9999", r["statement"], r["actor"], r["target"]))
    return rows


def entity_records(backend: Any) -> list[dict[str, Any]]:
    """Every registered entity, event and source document: id, name, kind, type, IRI."""
    from graph.analysis.projection import fetch_nodes

    rows = [{"id": d["slug"], "name": d["label"], "kind": d["group"], "type": d["type"], "iri": iri,
             "aliases": "; ".join(d.get("aliases", []))} for iri, d in fetch_nodes(backend).items()]
    return sorted(rows, key=lambda r: (r["id"], r["iri"]))


def _datatype(term: Any) -> str | None:
    datatype = getattr(term, "datatype", None)
    return getattr(datatype, "value", None) if datatype is not None else None


def open_graph(out_dir: Path | None = None, root: Path | None = None, endpoint: str | None = None) -> KnowledgeGraph:
    """The graph built under `out_dir` (default: $SCOMM_OUT, else the project's out/), or a SPARQL endpoint."""
    if endpoint:
        import importlib

        return KnowledgeGraph(importlib.import_module("graph.store.remote").RemoteBackend(endpoint))
    if out_dir is None and os.environ.get("SCOMM_OUT"):
        out_dir = Path(os.environ["SCOMM_OUT"])
    return KnowledgeGraph(q.LocalBackend(open_store(project(root, out_dir).out_dir)))
