"""RDF -> networkx: the evidence graph every analysis and the viz start from.

Each kind of statement has one SPARQL file in graph/projections/ returning the same
columns (statement, source, dates, subject, object, detail, label, polarity, part); one
loop turns the rows into edges keyed by statement id. Only what statements touch is
fetched, so the reference layer of counties never enters the graph.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Protocol

import networkx as nx
import pyoxigraph

from graph.selection import TOPICAL_RELATIONS, Selection, make_selection

BASE = "https://w3id.org/scomm-kg/"
ID = BASE + "id/"
SOURCE = BASE + "source/"
STATEMENT = BASE + "statement/"

# relation name -> projection file; the order is the order rows are read in
EDGE_QUERIES: dict[str, str] = {
    "stance": "stance.rq",
    "claim": "claim.rq",
    "participant": "participant.rq",
    "event-about": "event_about.rq",
    "relationship": "relationship.rq",
    "post": "post.rq",
    "characterization": "characterization.rq",
    "process": "process.rq",
    "figure": "figure.rq",
}

GROUPS: dict[str, str] = {
    **{t: "agency" for t in ("agency", "office", "government")},
    "person": "person",
    **{t: "group" for t in ("group", "institution", "clinic", "company", "party", "collective")},
    "media": "media",
    **{
        t: "jurisdiction"
        for t in ("state", "county", "city", "district", "territory", "country", "region")
    },
    **{
        t: "program"
        for t in ("program", "policy", "law", "bill", "executive-order", "agreement", "campaign", "system")
    },
    "document": "document",
    "event": "event",
    "source": "source",
}


class SelectBackend(Protocol):
    """What a query backend offers (graph.query.Backend satisfies it)."""

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Any]]]: ...


class StoreBackend:
    """A pyoxigraph store queried with the union of named graphs as default graph."""

    def __init__(self, store: pyoxigraph.Store) -> None:
        self.store = store

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Any]]]:
        solutions = self.store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(solutions, pyoxigraph.QuerySolutions)  # SELECT only; not input
        names = [v.value for v in solutions.variables]
        return names, [{n: s[n] for n in names} for s in solutions]


def as_backend(obj: SelectBackend | pyoxigraph.Store) -> SelectBackend:
    """Accept a backend, or a bare pyoxigraph store."""
    if isinstance(obj, pyoxigraph.Store):
        return StoreBackend(obj)
    return obj


def projection_text(name: str) -> str:
    """The SPARQL of one projection file under graph/projections/."""
    return resources.files("graph").joinpath("projections", name).read_text(encoding="utf-8")


def value(term: Any) -> str:
    """The lexical form of an RDF term from any backend ('' when unbound)."""
    if term is None:
        return ""
    v = getattr(term, "value", None)
    return v if isinstance(v, str) else str(term)


def select_rows(backend: SelectBackend, name: str) -> list[dict[str, str]]:
    """Run one projection file; rows as dicts of lexical forms ('' when unbound).

    Over a local pyoxigraph store the results come as CSV serialized by Oxigraph, which
    is several times faster than converting each term in Python.
    """
    store = getattr(backend, "store", None)
    if isinstance(store, pyoxigraph.Store):
        solutions = store.query(projection_text(name), use_default_graph_as_union=True)
        assert isinstance(solutions, pyoxigraph.QuerySolutions)  # projection files are SELECTs
        text = (solutions.serialize(format=pyoxigraph.QueryResultsFormat.CSV) or b"").decode("utf-8")
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        return [dict(zip(header, row)) for row in reader]
    columns, rows = backend.select(projection_text(name))
    return [{c: value(r.get(c)) for c in columns} for r in rows]


@lru_cache(maxsize=1 << 18)
def slug_of(iri: str) -> str:
    """The id after /id/, /source/ or /statement/; the IRI itself otherwise."""
    for prefix in (ID, SOURCE, STATEMENT):
        if iri.startswith(prefix):
            return iri[len(prefix):]
    return iri


def _int(text: str, default: int = 0) -> int:
    try:
        return int(float(text))
    except ValueError:
        return default


def _number(text: str) -> str:
    try:
        f = float(text)
    except ValueError:
        return text
    return f"{f:,.0f}" if f == int(f) else f"{f:,}"


@dataclass
class Quote:
    text: str
    start: int
    end: int


@dataclass
class EdgeRow:
    """One edge from a projection row, before the selection is applied."""

    relation: str
    statement: str
    source: str
    date: str
    earliest: str
    latest: str
    subject: str
    object: str
    detail: str
    label: str
    polarity: int
    part: str
    extra: dict[str, str] = field(default_factory=dict)


def fetch_edges(backend: SelectBackend) -> list[EdgeRow]:
    """Every statement edge of the store, one query per statement kind."""
    out: list[EdgeRow] = []
    positions = {r["pos"]: r for r in select_rows(backend, "positions.rq")}
    for relation, name in EDGE_QUERIES.items():
        for r in select_rows(backend, name):
            if relation == "stance":
                pos = positions.get(r["position"], {"notation": slug_of(r["position"]), "label": "", "polarity": "0"})
                r.update(detail=pos["notation"], label=pos["label"], polarity=pos["polarity"])
            label = r.get("label", "")
            extra = {k: v for k, v in r.items() if k in ("question", "questionLabel", "value", "unit", "comparator")}
            if relation == "figure":
                comparator = extra.get("comparator", "")
                cmp_text = {"more-than": "more than ", "about": "about ", "less-than": "less than "}.get(comparator, "")
                label = f"{label or r['detail']}: {cmp_text}{_number(extra.get('value', ''))} {extra.get('unit', '')}".strip()
            out.append(
                EdgeRow(
                    relation=relation,
                    statement=r["st"],
                    source=slug_of(r["src"]),
                    date=r.get("date", ""),
                    earliest=r.get("earliest", ""),
                    latest=r.get("latest", ""),
                    subject=r["subject"],
                    object=r["object"],
                    detail=r.get("detail", ""),
                    label=label or r.get("detail", ""),
                    polarity=_int(r.get("polarity", "")) if relation == "stance" else 0,
                    part=r.get("part", ""),
                    extra=extra,
                )
            )
    return out


def fetch_quotes(backend: SelectBackend) -> dict[str, list[Quote]]:
    """Statement IRI -> its quotes, in the order of their annotation number."""
    found: dict[str, list[tuple[int, str, Quote]]] = defaultdict(list)
    for r in select_rows(backend, "evidence.rq"):
        ann = r["ann"]
        tail = ann.rsplit("/", 1)[-1]
        n = int(tail) if tail.isdigit() else 0
        found[r["st"]].append((n, ann, Quote(r["quote"], _int(r["start"], -1), _int(r["end"], -1))))
    return {st: [qs[0][2]] if len(qs) == 1 else [q for _, _, q in sorted(qs, key=lambda t: (t[0], t[1]))] for st, qs in found.items()}


def fetch_sources(backend: SelectBackend) -> dict[str, dict[str, str]]:
    """Source id -> title, date, perspective."""
    out: dict[str, dict[str, str]] = {}
    for r in select_rows(backend, "sources.rq"):
        out[slug_of(r["src"])] = {"iri": r["src"], "title": r["title"], "date": r["date"], "perspective": r["perspective"]}
    return dict(sorted(out.items()))


def fetch_nodes(backend: SelectBackend) -> dict[str, dict[str, Any]]:
    """IRI -> node attributes of every registered entity, source document and event.

    The register is small (thousands); the evidence graph keeps the nodes statements touch.
    """
    nodes: dict[str, dict[str, Any]] = {}
    for r in select_rows(backend, "entities.rq"):
        iri = r["e"]
        nodes[iri] = {
            "label": r["label"] or slug_of(iri),
            "iri": iri,
            "slug": slug_of(iri),
            "type": r["type"],
            "group": GROUPS.get(r["type"], "group"),
            "aliases": [],
            "posts": [],
            "date": "",
        }
    for sid, meta in fetch_sources(backend).items():
        iri = meta["iri"]
        nodes[iri] = {
            "label": meta["title"] or sid, "iri": iri, "slug": sid, "type": "source", "group": "source",
            "aliases": [], "posts": [], "date": "",
        }
    for r in select_rows(backend, "aliases.rq"):
        if r["e"] in nodes:
            nodes[r["e"]]["aliases"].append(r["alias"])
    for r in select_rows(backend, "events.rq"):
        iri = r["st"]
        nodes[iri] = {
            "label": r["label"] or slug_of(iri),
            "iri": iri,
            "slug": slug_of(iri),
            "type": "event",
            "group": "event",
            "aliases": [],
            "posts": [],
            "date": r["date"],
            "event_type": r["type"],
        }
    for attrs in nodes.values():
        attrs["aliases"] = sorted(set(attrs["aliases"]))
    return nodes


def _selected(rows: list[EdgeRow], selection: Selection) -> list[EdgeRow]:
    """Apply the selection: sources and window per statement, then the program."""
    kept = [
        r
        for r in rows
        if selection.in_sources(r.source) and selection.in_window(r.relation, r.earliest, r.latest)
    ]
    if not selection.program:
        return kept
    # Topical statements must be about the program; an event stays whole when it is.
    topical_ok: set[str] = set()
    topical_seen: set[str] = set()
    for r in kept:
        if r.relation in TOPICAL_RELATIONS:
            topical_seen.add(r.statement)
            if r.object == selection.program:
                topical_ok.add(r.statement)
    events_ok = {r.statement for r in kept if r.relation == "event-about" and r.object == selection.program}
    core = [
        r
        for r in kept
        if (r.relation in TOPICAL_RELATIONS and r.statement in topical_ok)
        or (r.relation == "participant" and r.object in events_ok)
    ]
    touched = {r.subject for r in core} | {r.object for r in core}
    # Standing structure (posts, membership) stays where it touches that part of the graph.
    context = [
        r
        for r in kept
        if r.relation not in TOPICAL_RELATIONS
        and r.relation != "participant"
        and (r.subject in touched or r.object in touched)
    ]
    return core + context


def evidence_graph(
    backend: SelectBackend | pyoxigraph.Store,
    *,
    sources: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    program: str | None = None,
) -> nx.MultiDiGraph:
    """The graph of everything the sources say, one edge per statement (and role).

    `sources` are source ids or perspective notations; `date_from`/`date_to` are
    YYYY, YYYY-MM or YYYY-MM-DD; `program` is an IRI, slug, name or alias.
    """
    backend = as_backend(backend)
    known = {s: meta["perspective"] for s, meta in fetch_sources(backend).items()}
    nodes = fetch_nodes(backend)
    program_iri = ""
    if program:
        from graph.resolve import resolve_entity  # here to keep the import graph acyclic

        program_iri = resolve_entity(nodes, program, what="program")
    selection = make_selection(
        sources=sources, date_from=date_from, date_to=date_to, program=program_iri, known_sources=known
    )
    return build_evidence_graph(backend, selection, nodes=nodes)


def build_evidence_graph(
    backend: SelectBackend,
    selection: Selection,
    *,
    nodes: dict[str, dict[str, Any]] | None = None,
) -> nx.MultiDiGraph:
    """evidence_graph for an already checked Selection."""
    if nodes is None:
        nodes = fetch_nodes(backend)
    sources = fetch_sources(backend)
    quotes = fetch_quotes(backend)
    rows = _selected(fetch_edges(backend), selection)

    # also_in: other sources with a statement of the same relation, detail and ends
    same_sets: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        same_sets[(r.relation, r.detail, r.subject, r.object)].add(r.source)
    same = {k: sorted(v) for k, v in same_sets.items()}

    # posts as node attributes: "Title, Organization or Jurisdiction"
    posts: dict[str, set[str]] = defaultdict(set)
    by_post: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        if r.relation == "post":
            by_post[r.statement]["person"] = r.subject
            by_post[r.statement]["title"] = r.detail
            by_post[r.statement][r.part] = r.object
    for p in by_post.values():
        where = p.get("jurisdiction") or p.get("organization") or ""
        where_label = nodes.get(where, {}).get("label", slug_of(where)) if where else ""
        posts[p["person"]].add(f"{p['title']}, {where_label}" if where_label else p["title"])

    g = nx.MultiDiGraph()
    touched = sorted({r.subject for r in rows} | {r.object for r in rows})
    for iri in touched:
        attrs = dict(nodes.get(iri) or _unknown_node(iri))
        attrs["posts"] = sorted(posts.get(iri, ()))
        g.add_node(iri, **attrs)

    others: dict[tuple[tuple[str, str, str, str], str], list[str]] = {}

    def also_in(r: EdgeRow) -> list[str]:
        key = (r.relation, r.detail, r.subject, r.object)
        found = others.get((key, r.source))
        if found is None:
            found = others[(key, r.source)] = [s for s in same[key] if s != r.source]
        return list(found)

    def order(r: EdgeRow) -> tuple[str, str, str, str]:
        return (r.subject, r.object, slug_of(r.statement), r.part)

    for r in sorted(rows, key=order):
        qs = quotes.get(r.statement, [])
        sid = slug_of(r.statement)
        multi = r.relation in ("participant", "event-about", "post", "process", "figure")
        key = f"{sid}#{r.part}" if multi and r.part else sid
        g.add_edge(
            r.subject,
            r.object,
            key=key,
            relation=r.relation,
            detail=r.detail,
            label=r.label,
            polarity=r.polarity,
            statement=r.statement,
            statement_id=sid,
            source=r.source,
            source_title=sources.get(r.source, {}).get("title", ""),
            quote=qs[0].text if qs else "",
            quotes=[q.text for q in qs],
            start=qs[0].start if qs else -1,
            end=qs[0].end if qs else -1,
            date=r.date,
            earliest=r.earliest,
            latest=r.latest,
            also_in=also_in(r),
            **_extra_attributes(r),
        )
    g.graph["selection"] = selection.describe()
    return g


def _extra_attributes(r: EdgeRow) -> dict[str, Any]:
    """Beyond the shared contract: the question of a claim, the number of a figure."""
    if r.relation == "claim":
        return {"question": r.extra.get("question", ""), "question_label": r.extra.get("questionLabel", "")}
    if r.relation == "figure":
        try:
            number = float(r.extra.get("value", ""))
        except ValueError:
            number = float("nan")
        return {"value": number, "unit": r.extra.get("unit", ""), "comparator": r.extra.get("comparator", "") or "exactly"}
    return {}


def _unknown_node(iri: str) -> dict[str, Any]:
    """Attributes for a node the registry does not describe (kept visible, not dropped)."""
    etype = "source" if iri.startswith(SOURCE) else ""
    return {
        "label": slug_of(iri),
        "iri": iri,
        "slug": slug_of(iri),
        "type": etype,
        "group": GROUPS.get(etype, "group"),
        "aliases": [],
        "posts": [],
        "date": "",
    }
