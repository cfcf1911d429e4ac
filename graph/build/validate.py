"""Validate the built dataset against the SHACL shapes, and say which record each problem is in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node
from rdflib.namespace import RDF

from graph.build.load import Curated
from graph.namespaces import BASE, EVIDENCE, ID, SH, SOURCE, STATEMENT


@dataclass
class Report:
    """The outcome of validation: whether it conforms, the problems, and pySHACL's text."""

    conforms: bool
    problems: list[str] = field(default_factory=list)
    text: str = ""


def curated_graph(dataset: Dataset) -> Graph:
    """The union of the dataset's graphs without the reference layer and imports: what the shapes check."""
    data = Graph()
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name.startswith(BASE + "graph/reference/") or name.startswith(BASE + "graph/import/"):
            continue
        for triple in graph:
            data.add(triple)
    return data


def validate(dataset: Dataset, curated: Curated, shapes_path: Path) -> Report:
    """Validate the curated part of the dataset (not the reference layer or imports)."""
    data = curated_graph(dataset)
    shapes = Graph().parse(shapes_path, format="turtle")
    # inplace: `data` is this function's own copy, so pySHACL need not clone it again.
    conforms, results, text = shacl_validate(data, shacl_graph=shapes, inference="none", advanced=True, inplace=True)
    problems = sorted({_problem(results, result, curated) for result in results.subjects(RDF.type, SH.ValidationResult)})
    return Report(conforms=bool(conforms), problems=problems, text=str(text))


def _problem(results: Graph, result: Node, curated: Curated) -> str:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    message = results.value(result, SH.resultMessage)
    where = _where(focus, curated)
    detail = f"{_short(path)}: {message}" if path is not None else str(message)
    if value is not None:
        detail += f" (value {_short(value)})"
    return f"{where}: shape violation on {_short(focus)}: {detail}"


def _where(focus: object, curated: Curated) -> str:
    """The record a focus node comes from: a statement, its evidence, an entity or a source."""
    iri = str(focus)
    for prefix, table in ((str(STATEMENT), curated.statements), (str(ID), curated.entities), (str(SOURCE), curated.sources)):
        if iri.startswith(prefix) and iri[len(prefix) :] in table:
            return str(table[iri[len(prefix) :]].where)
    if iri.startswith(str(EVIDENCE)):
        ident = iri[len(str(EVIDENCE)) :].split("/", 1)[0]
        if ident in curated.statements:
            return str(curated.statements[ident].where)
    return "(graph)"


def _short(term: object) -> str:
    text = str(term)
    if isinstance(term, URIRef) and text.startswith(BASE):
        return text[len(BASE) :]
    return text
