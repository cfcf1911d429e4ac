"""Importing a table of records (CSV) into its own named graph, with provenance on every value.

`import_table` reads the file with a mapping (graph.mapping), checks every row, and either
writes nothing (some row is bad and the caller did not ask to keep the good ones) or
writes `out/imports/{name}.nq` atomically and loads it into the built store, replacing
any earlier import of the same name. `scomm build` reloads every `out/imports/*.nq`
into the fresh store it makes, so an import survives a rebuild.

Per value the graph holds the direct triple (`<ref/fips/06085> scomm:activationDate
"2010-05-18"^^xsd:date`) and a reified statement node
`import/{name}/{key}/{column}` with rdf:subject/predicate/object, scomm:sourceRow,
scomm:sourceColumn and prov:wasDerivedFrom the table node `import/{name}`, which holds
the file name (schema:name) and its SHA-256 (schema:sha256).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
import shutil
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

import pyoxigraph as ox

from graph.namespaces import BASE, PREFIXES
from graph.folders import copy_generation, output_lock, publish_build, write_atomic
from graph.store import answers
from graph.errors import DataError, DataErrors
from graph.records.mapping import Mapping, read_mapping
from graph.records.reference import fips_iri, jurisdictions

if TYPE_CHECKING:
    from graph.folders import Project

XSD = PREFIXES["xsd"]
RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
OWL = PREFIXES["owl"]
PROV = PREFIXES["prov"]
DCTERMS = PREFIXES["dcterms"]
SCHEMA = PREFIXES["schema"]
SCOMM = PREFIXES["scomm"]
XSD_OF = {"date": "date", "integer": "integer", "decimal": "decimal", "string": "string", "boolean": "boolean"}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIPS_CODE = re.compile(r"^\d{2}(\d{3})?$")


def import_graph_iri(name: str) -> str:
    return f"{BASE}graph/import/{name}"


def table_iri(name: str) -> str:
    return f"{BASE}import/{name}"


@dataclass
class ImportResult:
    """What an import did: rows read, rows and values written, rows left out."""

    name: str
    graph: str
    path: Path | None
    rows_read: int
    rows_imported: int
    values: int
    left_out: list[str] = field(default_factory=list)


@dataclass
class _Row:
    number: int
    key: str
    literals: list[tuple[str, str, ox.Literal]]  # (column, property local name, value)


def declared_properties(ontology_dir: Path) -> dict[str, str | None]:
    """scomm: properties declared in ontology/*.ttl -> their rdfs:range (or None)."""
    store = ox.Store()
    for path in sorted(ontology_dir.glob("*.ttl")):
        try:
            store.load(path=str(path), format=ox.RdfFormat.TURTLE)
        except (OSError, SyntaxError) as exc:
            raise DataError(f"{path}: cannot read the ontology: {exc}") from exc
    query = (
        f"SELECT ?p ?range WHERE {{ VALUES ?kind {{ <{OWL}DatatypeProperty> <{OWL}ObjectProperty> }} "
        f"?p a ?kind . OPTIONAL {{ ?p <{RDFS}range> ?range }} FILTER(STRSTARTS(STR(?p), \"{SCOMM}\")) }}"
    )
    found: dict[str, str | None] = {}
    solutions = store.query(query)
    assert isinstance(solutions, ox.QuerySolutions)
    for solution in solutions:
        rng = solution["range"]
        found[solution["p"].value[len(SCOMM):]] = rng.value if rng is not None else None
    return found


def parse_value(text: str, datatype: str) -> ox.Literal:
    """A cell as a typed literal; ValueError with a reader's message if it does not parse."""
    if datatype == "date":
        try:
            if not ISO_DATE.match(text):
                raise ValueError
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"unparseable date {text!r} (expected YYYY-MM-DD)") from None
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if datatype == "integer":
        if not re.fullmatch(r"[+-]?\d+", text):
            raise ValueError(f"not an integer: {text!r}")
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(XSD + "integer"))
    if datatype == "decimal":
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {text!r}") from None
        if not number.is_finite():
            raise ValueError(f"not a finite number: {text!r}")
        return ox.Literal(format(number, "f"), datatype=ox.NamedNode(XSD + "decimal"))
    if datatype == "boolean":
        lowered = text.lower()
        if lowered not in ("true", "false", "1", "0", "1.0", "0.0"):
            raise ValueError(f"not a boolean: {text!r} (expected true/false or 1/0)")
        truth = "true" if lowered in ("true", "1", "1.0") else "false"
        return ox.Literal(truth, datatype=ox.NamedNode(XSD + "boolean"))
    return ox.Literal(text)


def known_keys(project: "Project", mapping: Mapping) -> set[str]:
    """The keys a row may name: FIPS codes of the reference layer, or curated entity ids."""
    if mapping.key_kind == "fips":
        return {j.fips for j in jurisdictions()}
    from graph.store.embedded import open_store

    store = open_store(project.out_dir)
    prefix = BASE + "id/"
    solutions = store.query(
        f"SELECT DISTINCT ?e WHERE {{ GRAPH <{BASE}graph/registry> {{ ?e <{SCOMM}entityType> ?t }} }}"
    )
    assert isinstance(solutions, ox.QuerySolutions)
    return {s["e"].value[len(prefix):] for s in solutions if s["e"].value.startswith(prefix)}


def check_rows(
    data: bytes, shown_as: str, mapping: Mapping, keys: set[str], ranges: dict[str, str | None],
    mapping_shown_as: str,
) -> tuple[list[_Row], list[str], int]:
    """Parse and check every row: (good rows, problems, rows read). Header problems raise."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(f"{shown_as}: not UTF-8 text ({exc})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise DataError(f"{shown_as}:1: {_csv_problem(exc)}") from None
    if header is None:
        raise DataError(f"{shown_as}: the file is empty; expected a header row")
    header_problems = []
    for column in [mapping.key_column, *(v.column for v in mapping.values)]:
        if column not in header:
            header_problems.append(
                f"{shown_as}:1: no column {column!r}, which {mapping_shown_as} names; the columns are {', '.join(header)}"
            )
    for value in mapping.values:
        if value.property not in ranges:
            header_problems.append(
                f"{mapping_shown_as}: property {value.property!r} (column {value.column!r}) is not a scomm: "
                "property declared in ontology/*.ttl; declare it there with a label and a definition"
            )
        elif ranges[value.property] not in (None, XSD + XSD_OF[value.datatype]):
            header_problems.append(
                f"{mapping_shown_as}: column {value.column!r} is read as {value.datatype} but "
                f"scomm:{value.property} has range {ranges[value.property]}"
            )
    if header_problems:
        raise DataErrors(header_problems)
    index = {name: header.index(name) for name in header}
    good: list[_Row] = []
    problems: list[str] = []
    first_row: dict[str, int] = {}
    count = 0
    rows = iter(reader)
    number = 1
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            break
        except csv.Error as exc:
            # the reader stops at a field over its limit: the rows after it are not read
            problems.append(f"{shown_as}:{reader.line_num}: {_csv_problem(exc)}; the rows after it were not read")
            count += 1
            break
        number = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        count += 1
        cells = cells + [""] * (len(header) - len(cells))
        key = cells[index[mapping.key_column]].strip()
        row_problems = []
        if not key:
            row_problems.append(f"empty key column {mapping.key_column!r}")
        elif mapping.key_kind == "fips" and not FIPS_CODE.match(key):
            hint = f"; a leading zero may have been lost: {key.zfill(5)}?" if key.isdigit() and len(key) in (1, 3, 4) else ""
            row_problems.append(f"malformed FIPS code {key!r} (2 digits for a state, 5 for a county){hint}")
        elif key not in keys:
            where = "the reference layer of US jurisdictions" if mapping.key_kind == "fips" else "the entity register"
            row_problems.append(f"unknown {'FIPS code' if mapping.key_kind == 'fips' else 'entity id'} {key!r}: not in {where}")
        elif key in first_row:
            row_problems.append(f"duplicate key {key!r}: row {first_row[key]} has it already")
        if key and key not in first_row:
            first_row[key] = number
        literals = []
        for value in mapping.values:
            cell = cells[index[value.column]].strip()
            if not cell:
                if value.required:
                    row_problems.append(f"column {value.column!r} is empty; the mapping marks it required")
                continue
            try:
                literals.append((value.column, value.property, parse_value(cell, value.datatype)))
            except ValueError as exc:
                row_problems.append(f"column {value.column!r}: {exc}")
        if row_problems:
            label = f" ({mapping.key_column} {key})" if key else ""
            problems.append(f"{shown_as}:{number}{label}: {'; '.join(row_problems)}")
        else:
            good.append(_Row(number, key, literals))
    return good, problems, count


def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return f"a field is longer than {csv.field_size_limit():,} characters (the most a cell may hold)"
    return f"malformed CSV ({text})"


def table_quads(mapping: Mapping, file_name: str, sha256: str, rows: list[_Row]) -> list[ox.Quad]:
    """The import graph: the table node, and per value the direct triple and its statement."""
    graph = ox.NamedNode(import_graph_iri(mapping.name))
    table = ox.NamedNode(table_iri(mapping.name))
    quads: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> None:
        quads.append(ox.Quad(s, ox.NamedNode(p), o, graph))

    add(table, RDF + "type", ox.NamedNode(SCOMM + "ImportedTable"))
    add(table, RDF + "type", ox.NamedNode(PROV + "Entity"))
    add(table, DCTERMS + "title", ox.Literal(mapping.title))
    add(table, SCHEMA + "name", ox.Literal(file_name))
    add(table, SCHEMA + "sha256", ox.Literal(sha256))
    if mapping.description:
        add(table, DCTERMS + "description", ox.Literal(" ".join(mapping.description.split())))
    if mapping.citation:
        add(table, DCTERMS + "bibliographicCitation", ox.Literal(" ".join(mapping.citation.split())))
    if mapping.about:
        add(table, SCOMM + "about", ox.NamedNode(BASE + "id/" + mapping.about))
    for row in rows:
        subject = ox.NamedNode(fips_iri(row.key) if mapping.key_kind == "fips" else BASE + "id/" + row.key)
        for column, prop, literal in row.literals:
            predicate = ox.NamedNode(SCOMM + prop)
            quads.append(ox.Quad(subject, predicate, literal, graph))
            node = ox.NamedNode(f"{table_iri(mapping.name)}/{quote(row.key, safe='')}/{quote(column, safe='')}")
            add(node, RDF + "type", ox.NamedNode(SCOMM + "ImportedValue"))
            add(node, RDF + "type", ox.NamedNode(RDF + "Statement"))
            add(node, RDF + "subject", subject)
            add(node, RDF + "predicate", predicate)
            add(node, RDF + "object", literal)
            add(node, PROV + "wasDerivedFrom", table)
            add(node, SCOMM + "sourceRow", ox.Literal(str(row.number), datatype=ox.NamedNode(XSD + "integer")))
            add(node, SCOMM + "sourceColumn", ox.Literal(column))
    return quads


def sorted_nquads(quads: list[ox.Quad]) -> bytes:
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    assert data is not None
    return ("\n".join(sorted(set(data.decode("utf-8").splitlines()))) + "\n").encode("utf-8")


def imports_dir(out_dir: Path) -> Path:
    return out_dir / "imports"


def import_table(
    project: "Project", csv_path: Path, mapping_path: Path, keep_good_rows: bool = False,
    load_into_store: bool = True, allow_empty: bool = False,
) -> ImportResult:
    """Check and import one table; see the module docstring. Raises DataErrors on bad rows."""
    mapping_shown = project.relative(mapping_path)
    mapping = read_mapping(mapping_path, mapping_shown)
    shown_as = csv_path.name
    try:
        data = csv_path.read_bytes()
    except OSError as exc:
        raise DataError(f"{csv_path}: cannot read the table: {exc.strerror}") from None
    if load_into_store:
        from graph.store.embedded import open_store

        open_store(project.out_dir)  # fails early, before anything is written, without a build
    ranges = declared_properties(project.ontology_dir)
    good, problems, count = check_rows(data, shown_as, mapping, known_keys(project, mapping), ranges, mapping_shown)
    if problems and not keep_good_rows:
        raise DataErrors(problems, note=(
            f"nothing was written: fix these {len(problems)} rows, or run again with --keep-good-rows "
            f"to import the {len(good)} good rows and leave these out"
        ))
    if not good and not allow_empty:
        raise DataError(
            f"{shown_as}: no rows to import ({count} read); importing it would replace the import "
            f"{mapping.name!r} with nothing, so nothing was written; run again with --allow-empty if that is meant"
        )
    quads = table_quads(mapping, csv_path.name, hashlib.sha256(data).hexdigest(), good)
    nquads = sorted_nquads(quads)
    path = imports_dir(project.out_dir) / f"{mapping.name}.nq"
    if not load_into_store:
        write_atomic(path, nquads)
    else:
        # a new generation of the build's output: the table and the store change together
        from graph.build.pipeline import LINKED

        with output_lock(project.out_dir):
            generation = copy_generation(project.out_dir)
            try:
                (generation / "imports").mkdir(exist_ok=True)
                (generation / "imports" / path.name).write_bytes(nquads)
                _replace_graph(generation / "store", mapping.name, nquads)
                answers.write(generation)  # the stored answers, of the store as it now is
                publish_build(project.out_dir, generation, LINKED)
            except BaseException:
                shutil.rmtree(generation, ignore_errors=True)
                raise
    return ImportResult(
        name=mapping.name, graph=import_graph_iri(mapping.name), path=path, rows_read=count,
        rows_imported=len(good), values=sum(len(r.literals) for r in good), left_out=problems,
    )


def load_import(out_dir: Path, name: str, nquads: bytes) -> None:
    """Replace the named graph of import `name` in the built store with `nquads`."""
    from graph.store.embedded import store_dir

    _replace_graph(store_dir(out_dir), name, nquads)


def _replace_graph(store_path: Path, name: str, nquads: bytes) -> None:
    store = ox.Store(str(store_path))
    graph = ox.NamedNode(import_graph_iri(name))
    if store.contains_named_graph(graph):
        store.remove_graph(graph)
    store.load(nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
