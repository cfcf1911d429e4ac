"""Validate the built graph against the SHACL shapes, and say which record each problem is in.

`ontology/shapes.ttl` stays the declarative standard (any SHACL processor can check the
published graph with it; tests/build/test_shapes_agree.py runs pySHACL beside this module
on the corpus and on damaged copies of it and requires the same violations). The build
evaluates the SHACL Core constraints the file uses directly over an Oxigraph store of the
curated graphs: each property's values are read once from the store's index, class
membership follows `rdfs:subClassOf*` in the data as a SHACL processor does, and every
focus node is checked in Python. pySHACL did the same work in 0.9 s of the corpus build's
2.6 s (and 0.14 s more to import), growing faster than linearly (docs/scale.md); this takes
milliseconds. A shape using a SHACL feature not evaluated here is refused by name, so the
shapes file and the checks cannot drift apart silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.build.load import Curated
from graph.errors import DataError
from graph.namespaces import BASE, EVIDENCE, ID, SOURCE, STATEMENT

if TYPE_CHECKING:
    from rdflib import Dataset, Graph

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDF_FIRST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
RDF_REST = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
RDF_NIL = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
XSD = "http://www.w3.org/2001/XMLSchema#"

# What a shape may say: the SHACL Core features this module evaluates, and annotations.
EVALUATED = {
    SH + name for name in (
        "targetClass", "targetSubjectsOf", "property", "path", "minCount", "maxCount", "class", "datatype",
        "pattern", "minLength", "hasValue", "node", "or", "qualifiedValueShape", "qualifiedMinCount",
        "qualifiedMaxCount", "message", "name", "description",
    )
}
ANNOTATIONS = {RDF_TYPE, "http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2000/01/rdf-schema#comment"}

# Lexical forms of the datatypes the shapes name (SHACL: an ill-formed literal fails sh:datatype).
LEXICAL = {
    XSD + "string": None,
    XSD + "integer": re.compile(r"^[+-]?[0-9]+$"),
    XSD + "nonNegativeInteger": re.compile(r"^\+?[0-9]+$|^-0+$"),
    XSD + "decimal": re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$"),
    XSD + "date": re.compile(r"^-?[0-9]{4,}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"),
    XSD + "gYearMonth": re.compile(r"^-?[0-9]{4,}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$"),
    XSD + "gYear": re.compile(r"^-?[0-9]{4,}(Z|[+-][0-9]{2}:[0-9]{2})?$"),
}


@dataclass
class Report:
    """The outcome of validation: whether it conforms, the problems, and the report's text."""

    conforms: bool
    problems: list[str] = field(default_factory=list)
    text: str = ""


@dataclass(frozen=True)
class Violation:
    """One SHACL validation result: the focus node, the path (None on a node shape), the value."""

    focus: Any
    path: str | None
    value: Any
    message: str
    component: str


# ------------------------------------------------------------------ the shapes


@dataclass
class Shape:
    """A node or property shape of shapes.ttl, with the constraints it states."""

    node: Any
    path: str | None = None
    message: str | None = None
    min_count: int | None = None
    max_count: int | None = None
    classes: list[str] = field(default_factory=list)
    datatype: str | None = None
    pattern: re.Pattern[str] | None = None
    min_length: int | None = None
    has_value: list[Any] = field(default_factory=list)
    nodes: list[Shape] = field(default_factory=list)
    ors: list[list[Shape]] = field(default_factory=list)
    qualified: Shape | None = None
    qualified_min: int | None = None
    qualified_max: int | None = None
    properties: list[Shape] = field(default_factory=list)
    target_classes: list[str] = field(default_factory=list)
    target_subjects_of: list[str] = field(default_factory=list)


def _text(term: Any) -> str:
    return str(term.value)


class _ShapesReader:
    def __init__(self, path: Path, shown_as: str) -> None:
        self.shown_as = shown_as
        self.about: dict[Any, dict[str, list[Any]]] = {}
        try:
            triples = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
        except (SyntaxError, OSError) as exc:
            raise DataError(f"{shown_as}: cannot be read as Turtle ({exc})") from None
        for t in triples:
            self.about.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)
        self.shapes: dict[Any, Shape] = {}

    def one(self, node: Any, predicate: str) -> Any:
        values = self.about.get(node, {}).get(SH + predicate, [])
        return values[0] if values else None

    def items(self, head: Any) -> list[Any]:
        out = []
        while head is not None and not (isinstance(head, ox.NamedNode) and head.value == RDF_NIL):
            out.append(self.one_of(head, RDF_FIRST))
            head = self.one_of(head, RDF_REST)
        return out

    def one_of(self, node: Any, predicate: str) -> Any:
        values = self.about.get(node, {}).get(predicate, [])
        return values[0] if values else None

    def shape(self, node: Any) -> Shape:
        if node in self.shapes:
            return self.shapes[node]
        shape = self.shapes[node] = Shape(node)
        said = self.about.get(node, {})
        for predicate in said:
            if predicate not in EVALUATED and predicate not in ANNOTATIONS and predicate not in (RDF_FIRST, RDF_REST):
                raise DataError(
                    f"{self.shown_as}: shape {_short(node)} uses <{predicate}>, which the build's checks "
                    "(graph/build/validate.py) do not evaluate; add it there before using it"
                )
        get = self.one
        path = get(node, "path")
        if path is not None:
            if not isinstance(path, ox.NamedNode):
                raise DataError(f"{self.shown_as}: shape {_short(node)}: only a property IRI is supported as sh:path")
            shape.path = path.value
        message = get(node, "message")
        shape.message = _text(message) if message is not None else None
        for name, attr in (("minCount", "min_count"), ("maxCount", "max_count"), ("minLength", "min_length"),
                           ("qualifiedMinCount", "qualified_min"), ("qualifiedMaxCount", "qualified_max")):
            value = get(node, name)
            if value is not None:
                setattr(shape, attr, int(_text(value)))
        shape.classes = [_text(c) for c in said.get(SH + "class", [])]
        datatype = get(node, "datatype")
        shape.datatype = _text(datatype) if datatype is not None else None
        pattern = get(node, "pattern")
        shape.pattern = re.compile(_text(pattern)) if pattern is not None else None
        shape.has_value = list(said.get(SH + "hasValue", []))
        shape.nodes = [self.shape(n) for n in said.get(SH + "node", [])]
        shape.ors = [[self.shape(alt) for alt in self.items(head)] for head in said.get(SH + "or", [])]
        qualified = get(node, "qualifiedValueShape")
        shape.qualified = self.shape(qualified) if qualified is not None else None
        shape.properties = [self.shape(p) for p in said.get(SH + "property", [])]
        shape.target_classes = [_text(c) for c in said.get(SH + "targetClass", [])]
        shape.target_subjects_of = [_text(p) for p in said.get(SH + "targetSubjectsOf", [])]
        return shape

    def targeted(self) -> list[Shape]:
        nodes = sorted((n for n, said in self.about.items() if SH + "targetClass" in said or SH + "targetSubjectsOf" in said),
                       key=str)
        return [self.shape(n) for n in nodes]


@cache
def _read_shapes(path: str, mtime: int, size: int) -> tuple[Shape, ...]:
    return tuple(_ShapesReader(Path(path), path).targeted())


def read_shapes(path: Path) -> tuple[Shape, ...]:
    """The targeted shapes of a shapes file (read once per content of the file)."""
    stat = path.stat()
    return _read_shapes(str(path), stat.st_mtime_ns, stat.st_size)


# ------------------------------------------------------------------ the data


class _Data:
    """What the checks read of the quads: each property's values by subject, each class's members.

    Read from the quads as built, not from an Oxigraph store: the store keeps a literal's
    value, not its datatype's name (an xsd:nonNegativeInteger comes back as xsd:integer).
    """

    def __init__(self, quads: Iterable[ox.Quad], predicates: set[str]) -> None:
        seen: dict[str, dict[Any, dict[Any, None]]] = {p: {} for p in predicates | {RDF_TYPE, SUBCLASS}}
        for quad in quads:
            by_subject = seen.get(quad.predicate.value)
            if by_subject is not None:
                by_subject.setdefault(quad.subject, {})[quad.object] = None  # the union of the graphs: a value once
        self._values = {p: {s: list(objs) for s, objs in by_s.items()} for p, by_s in seen.items()}
        self._members: dict[str, set[Any]] = {}
        self._below: dict[str, list[str]] | None = None
        self._typed: dict[str, list[Any]] = {}

    def values(self, predicate: str) -> dict[Any, list[Any]]:
        return self._values[predicate]

    def members(self, cls: str) -> set[Any]:
        """Instances of cls or of a subclass of it (rdf:type/rdfs:subClassOf*, as SHACL defines sh:class)."""
        found = self._members.get(cls)
        if found is None:
            if self._below is None:
                self._below, self._typed = {}, {}
                for sub, supers in self.values(SUBCLASS).items():
                    for sup in supers:
                        self._below.setdefault(_text(sup), []).append(_text(sub))
                for node, types in self.values(RDF_TYPE).items():
                    for t in types:
                        self._typed.setdefault(_text(t), []).append(node)
            subclasses, todo = {cls}, [cls]
            while todo:
                for sub in self._below.get(todo.pop(), []):
                    if sub not in subclasses:
                        subclasses.add(sub)
                        todo.append(sub)
            found = self._members[cls] = {node for sub in subclasses for node in self._typed.get(sub, [])}
        return found

    def focus_nodes(self, shape: Shape) -> list[Any]:
        nodes: set[Any] = set()
        for cls in shape.target_classes:
            nodes |= self.members(cls)
        for predicate in shape.target_subjects_of:
            nodes |= set(self.values(predicate))
        return sorted(nodes, key=str)


def _datatype_ok(value: Any, datatype: str) -> bool:
    if not isinstance(value, ox.Literal) or value.language is not None or value.datatype.value != datatype:
        return False
    lexical = LEXICAL.get(datatype)
    return lexical is None or bool(lexical.match(value.value))


class _Checker:
    def __init__(self, data: _Data) -> None:
        self.data = data
        self._conforms: dict[tuple[int, Any], bool] = {}

    def conforms(self, node: Any, shape: Shape) -> bool:
        key = (id(shape), node)
        if key not in self._conforms:
            self._conforms[key] = next(self.check(node, shape), None) is None
        return self._conforms[key]

    def check(self, focus: Any, shape: Shape) -> Iterator[Violation]:
        """The violations of `shape` at `focus`: its own constraints, then its property shapes'."""
        if shape.path is None:
            yield from self.value_checks(focus, None, [focus], shape)
        for prop in shape.properties:
            yield from self.property_checks(focus, prop)

    def property_checks(self, focus: Any, prop: Shape) -> Iterator[Violation]:
        assert prop.path is not None
        values = self.data.values(prop.path).get(focus, [])
        if prop.min_count is not None and len(values) < prop.min_count:
            yield self.violation(focus, prop, None, "MinCount", f"fewer than {prop.min_count} value(s)")
        if prop.max_count is not None and len(values) > prop.max_count:
            yield self.violation(focus, prop, None, "MaxCount", f"more than {prop.max_count} value(s)")
        for wanted in prop.has_value:
            if wanted not in values:
                yield self.violation(focus, prop, None, "HasValue", f"missing the value {_short(wanted)}")
        if prop.qualified is not None:
            count = sum(1 for v in values if self.conforms(v, prop.qualified))
            low, high = prop.qualified_min, prop.qualified_max
            if (low is not None and count < low) or (high is not None and count > high):
                yield self.violation(focus, prop, None, "QualifiedValueShape",
                                     f"{count} value(s) conform to the qualified shape (wanted {low or 0}..{high or 'any'})")
        yield from self.value_checks(focus, prop, values, prop)

    def value_checks(self, focus: Any, prop: Shape | None, values: list[Any], shape: Shape) -> Iterator[Violation]:
        """The constraints that each value node must meet on its own."""
        for value in values:
            for cls in shape.classes:
                if value not in self.data.members(cls):
                    yield self.violation(focus, prop, value, "Class", f"value is not a {_short(cls)}")
            if shape.datatype is not None and not _datatype_ok(value, shape.datatype):
                yield self.violation(focus, prop, value, "Datatype", f"value is not a valid {_short(shape.datatype)}")
            if shape.pattern is not None and (isinstance(value, ox.BlankNode) or not shape.pattern.search(value.value)):
                yield self.violation(focus, prop, value, "Pattern", f"value does not match {shape.pattern.pattern}")
            if shape.min_length is not None and (isinstance(value, ox.BlankNode) or len(value.value) < shape.min_length):
                yield self.violation(focus, prop, value, "MinLength", f"value shorter than {shape.min_length}")
            for nested in shape.nodes:
                if not self.conforms(value, nested):
                    yield self.violation(focus, prop, value, "Node", f"value does not conform to {_short(nested.node)}")
            for alternatives in shape.ors:
                if not any(self.conforms(value, alt) for alt in alternatives):
                    yield self.violation(focus, prop, value, "Or", "value conforms to none of the alternatives (sh:or)")

    @staticmethod
    def violation(focus: Any, prop: Shape | None, value: Any, component: str, default: str) -> Violation:
        message = prop.message if prop is not None and prop.message else default
        return Violation(focus, prop.path if prop is not None else None, value, message, component)


def _predicates(shapes: Iterable[Shape]) -> set[str]:
    found: set[str] = set()
    todo, done = list(shapes), set()
    while todo:
        shape = todo.pop()
        if id(shape) in done:
            continue
        done.add(id(shape))
        if shape.path:
            found.add(shape.path)
        found.update(shape.target_subjects_of)
        todo += shape.properties + shape.nodes + [alt for alts in shape.ors for alt in alts]
        if shape.qualified is not None:
            todo.append(shape.qualified)
    return found


def violations(quads: Iterable[ox.Quad], shapes: tuple[Shape, ...]) -> list[Violation]:
    """Every violation of the targeted shapes in the quads' graphs (their union), in a stable order."""
    data = _Data(quads, _predicates(shapes))
    checker = _Checker(data)
    found: list[Violation] = []
    for shape in shapes:
        for focus in data.focus_nodes(shape):
            found.extend(checker.check(focus, shape))
    return found


def validate(quads: Iterable[ox.Quad], curated: Curated, shapes_path: Path) -> Report:
    """Validate the curated graphs' quads (not the reference layer or imports)."""
    found = violations(quads, read_shapes(shapes_path))
    problems = sorted({_problem(v, curated) for v in found})
    lines = ["Validation Report", f"Conforms: {not found}"]
    if found:
        lines.append(f"Results ({len(found)}):")
        lines += [f"  sh:{v.component}ConstraintComponent on {_short(v.focus)}"
                  + (f" {_short(v.path)}" if v.path else "") + (f" value {_short(v.value)}" if v.value is not None else "")
                  + f": {v.message}" for v in found]
    return Report(conforms=not found, problems=problems, text="\n".join(lines) + "\n")


def curated_graph(dataset: Dataset) -> Graph:
    """The union of an rdflib dataset's graphs without the reference layer and imports (what the shapes check)."""
    from rdflib import Graph

    data = Graph()
    for graph in dataset.graphs():
        name = str(graph.identifier)
        if name.startswith(BASE + "graph/reference/") or name.startswith(BASE + "graph/import/"):
            continue
        for triple in graph:
            data.add(triple)
    return data


def _problem(v: Violation, curated: Curated) -> str:
    where = _where(v.focus, curated)
    detail = f"{_short(v.path)}: {v.message}" if v.path is not None else v.message
    if v.value is not None:
        detail += f" (value {_short(v.value)})"
    return f"{where}: shape violation on {_short(v.focus)}: {detail}"


def _where(focus: Any, curated: Curated) -> str:
    """The record a focus node comes from: a statement, its evidence, an entity or a source."""
    iri = _plain(focus)
    for prefix, table in ((str(STATEMENT), curated.statements), (str(ID), curated.entities), (str(SOURCE), curated.sources)):
        if iri.startswith(prefix) and iri[len(prefix) :] in table:
            return str(table[iri[len(prefix) :]].where)
    if iri.startswith(str(EVIDENCE)):
        ident = iri[len(str(EVIDENCE)) :].split("/", 1)[0]
        if ident in curated.statements:
            return str(curated.statements[ident].where)
    return "(graph)"


def _plain(term: Any) -> str:
    return str(term.value) if isinstance(term, (ox.NamedNode, ox.Literal, ox.BlankNode)) else str(term)


def _short(term: Any) -> str:
    text = _plain(term)
    if not isinstance(term, ox.Literal) and text.startswith(BASE):
        return text[len(BASE) :]
    return text
