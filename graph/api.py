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
    "value", "unit", "quote",
)


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

        from graph.analysis.projection import evidence_graph

        eg = evidence_graph(self.backend)
        rows = []
        for u, v, _, d in eg.edges(keys=True, data=True):
            if relation is not None and d.get("relation") != relation:
                continue
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
                "value": float(value) if isinstance(value, (int, float)) else None,
                "unit": d.get("unit", ""), "quote": d.get("quote", ""),
            })
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
        frame["value"] = frame["value"].astype("Float64")
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
        """Every node of the evidence graph (entities, events, source documents) with its kind."""
        import pandas as pd

        from graph.analysis.projection import evidence_graph

        eg = evidence_graph(self.backend)
        rows = [{"id": d.get("slug", n), "name": d.get("label", n), "kind": d.get("group", ""),
                 "type": d.get("type", ""), "iri": d.get("iri", n)} for n, d in eg.nodes(data=True)]
        frame = pd.DataFrame(rows, columns=["id", "name", "kind", "type", "iri"]).sort_values("id", kind="stable")
        frame["kind"] = pd.Categorical(frame["kind"], categories=sorted(set(KINDS) | set(frame["kind"])))
        return frame.reset_index(drop=True)


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
