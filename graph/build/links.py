"""Shared identifiers: entities linked to Wikidata items and to ISO 3166-2 codes.

Read from `data/links/*.yaml`, one record per link, each naming the entity, the
identifier, and where the curator checked it (`checked_at`: the URL of a stored copy of
the item's data or of the code list). A link is added only where it is certain; an
entity whose identifier could not be checked stays unlinked.

In the graph the links live in their own named graph, `graph/links`:

- `owl:sameAs <http://www.wikidata.org/entity/Q…>`: the entity IRI and Wikidata's concept
  IRI denote the same thing (an agency, a person, a state), which is what `owl:sameAs`
  states. `skos:exactMatch` would be wrong here (it relates SKOS concepts, and entities
  are not concepts); `schema:sameAs` points to a web page that identifies the item, not
  to the item itself.
- ISO 3166-2: `schema:identifier` a `schema:PropertyValue` with `schema:propertyID
  "ISO 3166-2"` and `schema:value "US-CA"`, schema.org's pattern for an identifier
  from a named scheme.
- the graph's `dcterms:source` is every page the links were checked against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.build.yaml_source import Mapping, read

if TYPE_CHECKING:
    from graph.build.dataset import QuadSet
from graph.errors import DataError
from graph.folders import Project
from graph.namespaces import BASE, GRAPH

LINKS_GRAPH = GRAPH.iris["links"]
DCTERMS_SOURCE = "http://purl.org/dc/terms/source"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
SCHEMA = "https://schema.org/"
KINDS = {"wikidata": re.compile(r"^Q[1-9][0-9]*$"), "iso3166_2": re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")}
FIELDS = {"entity", "checked_at", "note", *KINDS}
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")


@dataclass(frozen=True)
class Link:
    entity: str
    kind: str  # "wikidata" or "iso3166_2"
    value: str
    checked_at: str
    note: str
    where: str  # file:line


def entity_ids(project: Project) -> set[str]:
    """The ids of the entity register (data/entities/*.yaml), read on their own."""
    ids: set[str] = set()
    for path in sorted((project.data_dir / "entities").glob("*.yaml")):
        try:
            content = read(path, project.relative(path))
        except DataError:
            continue  # the register's own check reports it
        for item in content if isinstance(content, list) else []:
            if isinstance(item, Mapping) and isinstance(item.get("id"), str):
                ids.add(item["id"])
    return ids


def load_links(project: Project, known: set[str] | None = None) -> tuple[list[Link], list[str]]:
    """Every link in data/links/*.yaml, and every problem found (file:line (entity): what)."""
    known = entity_ids(project) if known is None else known
    links: list[Link] = []
    problems: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for path in sorted((project.data_dir / "links").glob("*.yaml")):
        shown = project.relative(path)
        try:
            content = read(path, shown)
        except DataError as exc:
            problems.append(str(exc))
            continue
        if content is None:
            continue
        if not isinstance(content, list):
            problems.append(f"{shown}:1: expected a list of links (each starting with '- entity: ...')")
            continue
        for item in content:
            link = _check(item, shown, known, problems)
            if link is None:
                continue
            key = (link.entity, link.kind)
            if key in seen:
                problems.append(f"{link.where} ({link.entity}): a second {link.kind} link; {seen[key]} has one already")
                continue
            seen[key] = link.where
            links.append(link)
    return links, problems


def _check(item: object, shown: str, known: set[str], problems: list[str]) -> Link | None:
    if not isinstance(item, Mapping):
        problems.append(f"{shown}: expected each link to be a mapping with entity, an identifier and checked_at")
        return None
    where = f"{shown}:{item.line}"
    entity = item.get("entity")
    label = f"{where} ({entity})" if isinstance(entity, str) else where
    found = len(problems)
    unknown_fields = sorted(set(item) - FIELDS)
    if unknown_fields:
        problems.append(f"{label}: unknown field {', '.join(unknown_fields)}; a link has {', '.join(sorted(FIELDS))}")
    if not isinstance(entity, str) or not entity:
        problems.append(f"{where}: no entity id")
    elif entity not in known:
        problems.append(f"{label}: unknown entity '{entity}'; it must be an id of data/entities/*.yaml")
    kinds = [k for k in KINDS if item.get(k) is not None]
    if len(kinds) != 1:
        problems.append(f"{label}: give exactly one identifier ({' or '.join(KINDS)}), not {len(kinds)}")
    for kind in kinds:
        value = item[kind]
        if not isinstance(value, str) or not KINDS[kind].match(value):
            example = "Q99" if kind == "wikidata" else "US-CA"
            problems.append(f"{label}: {kind} {value!r} is malformed (like {example})")
    checked = item.get("checked_at")
    if not isinstance(checked, str) or not _URL.match(checked):
        problems.append(f"{label}: checked_at must be the URL of the page the identifier was checked against")
    if len(problems) > found or len(kinds) != 1:
        return None
    note = item.get("note")
    return Link(str(entity), kinds[0], str(item[kinds[0]]), str(checked), str(note or ""), where)


def add_links(dataset: QuadSet, links: list[Link]) -> None:
    """The links' named graph: owl:sameAs to Wikidata, ISO 3166-2 codes, the pages checked."""
    if not links:
        return
    graph = dataset.graph(LINKS_GRAPH)
    for link in links:
        entity = BASE + "id/" + link.entity
        if link.kind == "wikidata":
            graph.add((entity, OWL_SAME_AS, WIKIDATA_ENTITY + link.value))
        else:
            code = f"{BASE}id/{link.entity}/iso3166-2"
            graph.add((entity, SCHEMA + "identifier", code))
            graph.add((code, RDF_TYPE, SCHEMA + "PropertyValue"))
            graph.add((code, SCHEMA + "propertyID", ox.Literal("ISO 3166-2")))
            graph.add((code, SCHEMA + "value", ox.Literal(link.value)))
        graph.add((LINKS_GRAPH, DCTERMS_SOURCE, str(link.checked_at)))


def links_dir(project: Project) -> Path:
    return project.data_dir / "links"
