"""The query library: one .rq file per research question, run with bound parameters.

A library query starts with a header of comment lines:

    # title: Stances on a program
    # description: Every stance on the program, with actor, position, date, source and quote.
    # param: program entity=secure-communities  The program or policy (an entity id)
    # param: source source?  Only this source (optional)

A parameter's type is `entity`, `source`, `statement`, `concept:SCHEME`, `date`,
`string`, `int` or `iri`; `=VALUE` gives a default and `?` makes it optional (left
unbound when not given). Values are bound by the engine, never by editing the query's
text: on the embedded store through pyoxigraph's `substitutions` (the planner sees a
constant); for a remote endpoint, which takes only text, as a VALUES block of properly
serialized RDF terms opening the WHERE clause, whose `{` is found among the query's tokens
(strings, IRIs and comments set apart: graph/store/sparql_text.py). Every query is checked
first: `SERVICE` (a request to another server) is refused.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph

from graph import dates
from graph.errors import DataError, UsageError
from graph.namespaces import BASE, ID, PREFIXES, SOURCE, STATEMENT, VOCAB
from graph.store import sparql_text

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple

_PARAM = re.compile(r"^#\s*param:\s+(?P<name>[A-Za-z_][\w]*)\s+(?P<type>[\w:-]+)(?:(?P<opt>\?)|=(?P<default>\S+))?\s*(?P<doc>.*)$")
_HEADER = re.compile(r"^#\s*(?P<key>title|description):\s*(?P<value>.*)$")
_XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE, "ntriples": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD, "rdfxml": pyoxigraph.RdfFormat.RDF_XML,
}
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger", "positiveInteger")}


# Tokens that can hide the word FROM or a query form's keyword: strings, IRIs, comments,
# variables and prefixed names. What is left are keywords, punctuation and numbers.
_OPAQUE = re.compile("|".join((
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',          # long strings
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',                  # short strings
    r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\x00-\x20]*>',              # IRIs
    r"#[^\n]*",                                # comments
    r"[?$]\w+",                                # variables
    r"[\w.-]*:[\w.:%-]*",                       # prefixed names
)))
_KEYWORD = re.compile(r"\b(FROM|SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


def _keywords(sparql: str) -> list[str]:
    return [k.upper() for k in _KEYWORD.findall(_OPAQUE.sub(" ", sparql))]


def names_dataset(sparql: str) -> bool:
    """Whether the query has its own dataset clause (`FROM` or `FROM NAMED`)."""
    return "FROM" in _keywords(sparql)


def query_form(sparql: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the query's first form keyword."""
    for word in _keywords(sparql):
        if word in FORMS:
            return word
    raise UsageError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")


class Backend(Protocol):
    """Anything that answers SPARQL: the embedded store or a remote endpoint.

    `select` answers a SELECT as a table, `ask` an ASK, and `graph` a CONSTRUCT or DESCRIBE
    as its set of triples (no triple twice, in a stable order).
    """

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Term | None]]]: ...

    def ask(self, sparql: str) -> bool: ...

    def graph(self, sparql: str) -> list[pyoxigraph.Triple]: ...


def distinct_triples(triples: Any) -> list[pyoxigraph.Triple]:
    """The set of the triples, sorted: a CONSTRUCT or DESCRIBE answer is an RDF graph, a set."""
    return sorted(set(triples), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))


class _NotProjected(Exception):
    """pyoxigraph's substitutions need the variable in the SELECT projection."""


class LocalBackend:
    """The embedded Oxigraph store.

    A query that names no dataset reads the union of the named graphs as its default
    graph; one with `FROM` or `FROM NAMED` reads exactly the graphs it names, as the
    SPARQL spec says (Oxigraph's union flag would ignore `FROM`, so it is set only when
    the query has no dataset clause).
    """

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store

    def _execute(self, sparql: str, bindings: dict[str, Term] | None = None) -> Any:
        sparql_text.check(sparql)  # SERVICE (a request to another server) refused
        substitutions = {pyoxigraph.Variable(name): term for name, term in (bindings or {}).items()}
        try:
            return self.store.query(
                sparql, use_default_graph_as_union=not names_dataset(sparql), substitutions=substitutions or None
            )
        except SyntaxError as exc:
            raise UsageError(f"SPARQL syntax error: {exc}") from None
        except RuntimeError as exc:
            if substitutions and "projection" in str(exc):
                raise _NotProjected(str(exc)) from None
            raise

    def select(self, sparql: str, bindings: dict[str, Term] | None = None) -> tuple[list[str], list[dict[str, Term | None]]]:
        solutions = self._execute(sparql, bindings)
        if not isinstance(solutions, pyoxigraph.QuerySolutions):
            raise UsageError("only SELECT queries return tables; this query is ASK, CONSTRUCT or DESCRIBE")
        columns = [v.value for v in solutions.variables]
        rows = [{name: solution[name] for name in columns} for solution in solutions]
        return columns, rows

    def ask(self, sparql: str) -> bool:
        answer = self._execute(sparql)
        if not isinstance(answer, pyoxigraph.QueryBoolean):
            raise UsageError("this query is not an ASK query")
        return bool(answer)

    def graph(self, sparql: str) -> list[pyoxigraph.Triple]:
        answer = self._execute(sparql)
        if not isinstance(answer, pyoxigraph.QueryTriples):
            raise UsageError("this query is not a CONSTRUCT or DESCRIBE query")
        return distinct_triples(answer)


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    optional: bool
    doc: str


@dataclass(frozen=True)
class Query:
    """One library query: its name (the file stem), header and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None


@dataclass
class Result:
    """An answer: a table (SELECT), a boolean (ASK) or a set of triples (CONSTRUCT, DESCRIBE)."""

    columns: list[str]
    rows: list[dict[str, Term | None]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[pyoxigraph.Triple] | None = None

    @property
    def form(self) -> str:
        """`table`, `boolean` or `graph`: what kind of answer this is."""
        return "graph" if self.triples is not None else "boolean" if self.boolean is not None else "table"

    def to_rdf(self, fmt: str) -> str:
        """The triples of a CONSTRUCT or DESCRIBE in an RDF format (see `RDF_FORMATS`)."""
        data = pyoxigraph.serialize(self.triples or [], format=RDF_FORMATS[fmt], prefixes=PREFIXES)
        return (data or b"").decode("utf-8")

    def to_boolean(self, fmt: str) -> str:
        """An ASK answer: SPARQL results JSON for `json`, else `true` or `false`."""
        word = "true" if self.boolean else "false"
        return json.dumps({"head": {}, "boolean": bool(self.boolean)}) + "\n" if fmt == "json" else word + "\n"

    def records(self) -> list[dict[str, Any]]:
        """Rows as plain Python values: IRIs and strings as str, numbers as int or Decimal."""
        return [{c: python_value(r.get(c)) for c in self.columns} for r in self.rows]

    def to_json(self) -> str:
        def default(value: object) -> object:
            return float(value) if isinstance(value, Decimal) else str(value)

        return json.dumps(self.records(), ensure_ascii=False, indent=2, default=default) + "\n"

    def to_csv(self, delimiter: str = ",") -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
        writer.writerow(self.columns)
        for record in self.records():
            writer.writerow(["" if record[c] is None else record[c] for c in self.columns])
        return buffer.getvalue()

    def to_tsv(self) -> str:
        return self.to_csv(delimiter="\t")

    def to_table(self, width: int = 60) -> str:
        cells = [[compact(r.get(c)) for c in self.columns] for r in self.rows]
        cells = [[v if len(v) <= width else v[: width - 1] + "\u2026" for v in row] for row in cells]
        widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(self.columns)]
        line = "  ".join("-" * w for w in widths)
        out = ["  ".join(c.ljust(w) for c, w in zip(self.columns, widths)), line]
        out += ["  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
        out.append(f"({len(self.rows)} row{'s' if len(self.rows) != 1 else ''})")
        return "\n".join(out) + "\n"

    def as_dataframe(self) -> Any:
        """A pandas DataFrame of `records()` (pandas must be installed)."""
        import pandas

        return pandas.DataFrame(self.records(), columns=self.columns)


def python_value(term: Term | None) -> Any:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value if term.datatype else ""
        if datatype in _NUMERIC:
            number = Decimal(term.value)
            return int(number) if number == number.to_integral_value() and "decimal" not in datatype else number
        if datatype == _XSD + "boolean":
            return term.value == "true"
        return term.value
    return term.value if isinstance(term, pyoxigraph.NamedNode | pyoxigraph.BlankNode) else str(term)


def compact(term: Term | None) -> str:
    """A term as a reader wants it in a table: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if term.value.startswith(namespace) and len(term.value) > len(namespace):
                return f"{prefix}:{term.value[len(namespace):]}"
        return f"<{term.value}>"
    value = python_value(term)
    return str(value).replace("\n", " ")


# ------------------------------------------------------------------ the library


def parse_query(text: str, name: str, path: Path | None = None) -> Query:
    title, description, params = name, "", []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if match := _HEADER.match(line):
            if match["key"] == "title":
                title = match["value"].strip()
            else:
                description = (description + " " + match["value"].strip()).strip()
        elif match := _PARAM.match(line):
            params.append(Param(match["name"], match["type"], match["default"], bool(match["opt"]), match["doc"].strip()))
    return Query(name=name, title=title, description=description, params=tuple(params), text=text, path=path)


def library(queries_dir: Path | None = None) -> dict[str, Query]:
    """Every library query by name (the file stem), sorted."""
    folder = queries_dir or Path(__file__).with_name("queries")
    return {p.stem: parse_query(p.read_text(encoding="utf-8"), p.stem, p) for p in sorted(folder.glob("*.rq"))}


def resolve(name_or_text: str, queries_dir: Path | None = None) -> Query:
    """A library query by name, a .rq file by path, or SPARQL text given inline."""
    lib = library(queries_dir)
    if name_or_text in lib:
        return lib[name_or_text]
    if name_or_text.endswith(".rq") and "\n" not in name_or_text:
        path = Path(name_or_text)
        if not path.is_file():
            raise UsageError(f"query file {name_or_text} does not exist")
        return parse_query(path.read_text(encoding="utf-8"), path.stem, path)
    if re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", name_or_text, re.IGNORECASE):
        return parse_query(name_or_text, "inline")
    raise UsageError(f"no library query named {name_or_text!r}; `scomm query --list` shows them")


def bindings(query: Query, given: dict[str, str]) -> dict[str, Term]:
    """The RDF term of each parameter given or defaulted (optional ones left out when absent)."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(given) - set(known))
    if unknown:
        listed = ", ".join(known) or "none"
        raise UsageError(f"query {query.name!r} has no parameter {', '.join(unknown)} (its parameters: {listed})")
    bound: dict[str, Term] = {}
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is None:
            if param.optional:
                continue
            raise UsageError(f"query {query.name!r} needs --param {param.name}=... ({param.doc})")
        bound[param.name] = term_for(param, value)
    return bound


def with_values(text: str, bound: dict[str, Term]) -> str:
    """The query with a VALUES block of the bound terms opening its WHERE clause, for an
    endpoint that takes only text. The `{` is found among the query's tokens, so a `WHERE {`
    inside a string or comment is never taken for it."""
    if not bound:
        return text
    values = f"VALUES ({' '.join('?' + n for n in bound)}) {{ ({' '.join(str(t) for t in bound.values())}) }}"
    # Inline data first in the WHERE clause, so the engine starts from the bound values
    # (Oxigraph joins a trailing VALUES only after evaluating the whole pattern).
    brace = sparql_text.where_brace(text)
    if brace is None:
        return f"{text.rstrip()}\n{values}\n"
    return f"{text[:brace]}\n  {values}\n{text[brace:]}"


def bind(query: Query, given: dict[str, str]) -> str:
    """The query text with its parameters as a VALUES block (for endpoints; see `run`)."""
    return with_values(query.text, bindings(query, given))


def term_for(param: Param, value: str) -> Term:
    """The RDF term a parameter value stands for, by the parameter's type."""
    kind = param.type
    slug = re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value) is not None
    try:
        if kind in ("entity", "source", "statement"):
            if not slug:
                raise ValueError(f"{value!r} is not an id")
            base = {"entity": ID, "source": SOURCE, "statement": STATEMENT}[kind]
            return pyoxigraph.NamedNode(str(base) + value)
        if kind.startswith("concept:"):
            if not slug:
                raise ValueError(f"{value!r} is not a concept notation")
            return pyoxigraph.NamedNode(f"{VOCAB}{kind.split(':', 1)[1]}/{value}")
        if kind == "date":
            parsed = dates.parse(value)
            if parsed.earliest is None:
                raise ValueError(f"{value!r} has no first day; give YYYY, YYYY-MM or YYYY-MM-DD")
            return pyoxigraph.Literal(parsed.earliest.isoformat(), datatype=pyoxigraph.NamedNode(_XSD + "date"))
        if kind == "int":
            return pyoxigraph.Literal(str(int(value)), datatype=pyoxigraph.NamedNode(_XSD + "integer"))
        if kind == "iri":
            return pyoxigraph.NamedNode(value)
        if kind == "string":
            return pyoxigraph.Literal(value)
    except ValueError as exc:
        raise UsageError(f"parameter {param.name}: {exc}") from None
    raise DataError(f"query parameter {param.name} has unknown type {kind!r}")


def run(backend: Backend, query: Query | str, params: dict[str, str] | None = None) -> Result:
    """Run a library query (by name or Query) or SPARQL text, with parameters bound.

    Any query form: a SELECT gives a table, an ASK a boolean, a CONSTRUCT or DESCRIBE a
    set of triples.
    """
    resolved = query if isinstance(query, Query) else resolve(query)
    sparql_text.check(resolved.text)  # SERVICE refused before anything is sent anywhere
    form = query_form(resolved.text)
    bound = bindings(resolved, params or {})
    if isinstance(backend, LocalBackend) and form == "SELECT" and bound:
        try:
            columns, rows = backend.select(resolved.text, bound)
            return Result(columns=columns, rows=rows)
        except _NotProjected:
            pass  # pyoxigraph substitutes only variables the query returns: bound by VALUES below
    # for an endpoint (text only) and the other cases: a VALUES block at the WHERE clause's
    # `{`, found among the query's tokens (never inside a string or a comment)
    text = with_values(resolved.text, bound)
    if form == "ASK":
        return Result(columns=[], boolean=backend.ask(text))
    if form in ("CONSTRUCT", "DESCRIBE"):
        return Result(columns=[], triples=backend.graph(text))
    columns, rows = backend.select(text)
    return Result(columns=columns, rows=rows)


def show(query: Query, params: dict[str, str] | None = None) -> str:
    """The query's text with its parameters bound, as a standalone query to run anywhere.

    The bindings are listed in a comment and given by a trailing VALUES clause, which any
    SPARQL 1.1 engine joins with the pattern.
    """
    given = params or {}
    bind(query, given)  # the same errors as running it: unknown or missing parameters
    bound: list[tuple[str, Term]] = []
    for param in query.params:
        value = given.get(param.name, param.default)
        if value is not None:
            bound.append((param.name, term_for(param, value)))
    text = query.text.rstrip() + "\n"
    if not bound:
        return text
    lines = [f"# bound: ?{name} = {term}" for name, term in bound]
    names = " ".join(f"?{name}" for name, _ in bound)
    terms = " ".join(str(term) for _, term in bound)
    return "\n".join(lines) + "\n" + text + f"VALUES ({names}) {{ ({terms}) }}\n"


__all__ = ["BASE", "Backend", "LocalBackend", "Query", "Result", "library", "names_dataset", "query_form", "resolve", "run", "show"]
