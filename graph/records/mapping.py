"""Import mappings: how to read a table of records (a YAML file under data/imports/).

```yaml
name: sc-activation              # slug: the named graph is graph/import/{name}
title: Secure Communities activation date by county
description: ...                 # optional
citation: ...                    # optional: how to cite the table's origin
about: secure-communities        # optional: entity id of the program the table is about
key:
  column: county_fips            # the column that says which entity a row is about
  kind: fips                     # fips (reference layer) or entity (curated entity id)
values:
  - column: date_secure          # a column header of the file
    property: activationDate     # a scomm: term declared in ontology/*.ttl
    datatype: date               # date, integer, decimal, string or boolean
    required: false              # default true: an empty cell makes the row bad
```
Columns the mapping does not name are not imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from graph.build import yaml_source as yamlsrc
from graph.errors import DataError, DataErrors

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
TERM = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")
DATATYPES = ("date", "integer", "decimal", "string", "boolean")
KEY_KINDS = ("fips", "entity")


@dataclass(frozen=True)
class ValueColumn:
    """One column to import and the property its values get."""

    column: str
    property: str  # local name in the scomm: namespace
    datatype: str
    required: bool


@dataclass(frozen=True)
class Mapping:
    """How to read one table; see the module docstring for the YAML form."""

    name: str
    title: str
    key_column: str
    key_kind: str
    values: tuple[ValueColumn, ...]
    description: str | None = None
    citation: str | None = None
    about: str | None = None


def read_mapping(path: Path, shown_as: str | None = None) -> Mapping:
    """Read and check a mapping file; every problem is reported at once, with its line."""
    where = shown_as or str(path)
    if not path.is_file():
        raise DataError(f"{where}: no such mapping file")
    doc = yamlsrc.read(path, where)
    if not isinstance(doc, yamlsrc.Mapping):
        raise DataError(f"{where}: a mapping file is a YAML mapping with name, title, key and values")
    problems: list[str] = []

    def line(node: yamlsrc.Mapping, key: str) -> str:
        return f"{where}:{node.key_lines.get(key, node.line)}"

    known = {"name", "title", "description", "citation", "about", "key", "values"}
    for field_name in doc:
        if field_name not in known:
            problems.append(f"{line(doc, field_name)}: unknown field {field_name!r}; the fields are {', '.join(sorted(known))}")
    name = doc.get("name")
    if not isinstance(name, str) or not SLUG.match(name):
        problems.append(f"{line(doc, 'name')}: name must be a slug (lower case letters, digits, hyphens), got {name!r}")
    title = doc.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(f"{line(doc, 'title')}: title is required (a short description of the table)")
    about = doc.get("about")
    if about is not None and (not isinstance(about, str) or not SLUG.match(about)):
        problems.append(f"{line(doc, 'about')}: about must be an entity id, got {about!r}")
    for text_field in ("description", "citation"):
        if doc.get(text_field) is not None and not isinstance(doc.get(text_field), str):
            problems.append(f"{line(doc, text_field)}: {text_field} must be text")

    key = doc.get("key")
    key_column, key_kind = "", ""
    if not isinstance(key, yamlsrc.Mapping):
        problems.append(f"{line(doc, 'key')}: key must be a mapping with column and kind")
    else:
        key_column = str(key.get("column") or "")
        key_kind = str(key.get("kind") or "")
        if not isinstance(key_column, str) or not key_column:
            problems.append(f"{line(key, 'column')}: key.column is required (the header of the key column)")
        if key_kind not in KEY_KINDS:
            problems.append(f"{line(key, 'kind')}: key.kind must be one of {', '.join(KEY_KINDS)}, got {key_kind!r}")

    values: list[ValueColumn] = []
    raw_values = doc.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        problems.append(f"{line(doc, 'values')}: values must be a non-empty list of columns to import")
        raw_values = []
    seen: set[str] = set()
    for item in raw_values:
        if not isinstance(item, yamlsrc.Mapping):
            problems.append(f"{line(doc, 'values')}: each entry of values is a mapping with column, property, datatype")
            continue
        column, prop = item.get("column"), item.get("property")
        datatype, required = item.get("datatype") or "string", item.get("required") or "true"
        if not isinstance(column, str) or not column:
            problems.append(f"{line(item, 'column')}: column is required")
            continue
        if column in seen:
            problems.append(f"{line(item, 'column')}: column {column!r} is mapped twice")
        seen.add(column)
        if not isinstance(prop, str) or not TERM.match(prop.removeprefix("scomm:")):
            problems.append(f"{line(item, 'property')}: property must be the name of a scomm: term, got {prop!r}")
            continue
        if datatype not in DATATYPES:
            problems.append(f"{line(item, 'datatype')}: datatype must be one of {', '.join(DATATYPES)}, got {datatype!r}")
        if required not in ("true", "false"):
            problems.append(f"{line(item, 'required')}: required must be true or false, got {required!r}")
        values.append(ValueColumn(column, prop.removeprefix("scomm:"), datatype, required == "true"))
    if problems:
        raise DataErrors(problems)
    assert isinstance(name, str) and isinstance(title, str)  # checked above
    return Mapping(
        name=name, title=title.strip(), key_column=key_column, key_kind=key_kind,
        values=tuple(values), description=doc.get("description"), citation=doc.get("citation"),
        about=about,
    )
