"""RDF -> networkx: the evidence graph every analysis and the viz start from.

Each kind of statement has one SPARQL file in graph/analysis/projections/ returning the same
columns (statement, source, dates, subject, object, detail, label, polarity, part); one
loop turns the rows into edges keyed by statement id. Only what statements touch is
fetched, so the reference layer of counties never enters the graph.
"""

from __future__ import annotations

import csv
import gc
import io
from collections import defaultdict
from concurrent.futures import Executor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Iterator, Protocol

import networkx as nx
import pyoxigraph

from graph.namespaces import FOAF, ID, SCHEMA, SCOMM, SOURCE, STATEMENT
from graph.analysis.selection import TOPICAL_RELATIONS, Selection, make_selection


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

# A node's display group follows from the classes its entity type gives (ontology/
# vocabularies.ttl, scomm:entityClass): the first rule whose class the type has wins.
GROUP_RULES: tuple[tuple[str, str], ...] = (
    (str(FOAF.Person), "person"),
    (str(SCHEMA.NewsMediaOrganization), "media"),
    (str(SCHEMA.GovernmentOrganization), "agency"),
    (str(SCOMM.Jurisdiction), "jurisdiction"),
    (str(SCHEMA.Place), "jurisdiction"),
    (str(SCOMM.PolicyInstrument), "program"),
    (str(SCOMM.Campaign), "program"),
    (str(SCOMM.InformationSystem), "program"),
    (str(FOAF.Document), "document"),
)


def display_groups(backend: SelectBackend) -> dict[str, str]:
    """Entity type notation -> display group, derived from the types' classes."""
    classes: dict[str, set[str]] = defaultdict(set)
    for r in select_rows(backend, "entity_types.rq"):
        classes[r["type"]].add(r["class"])
    return {
        etype: next((group for cls, group in GROUP_RULES if cls in found), "group")
        for etype, found in classes.items()
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
    """The SPARQL of one projection file under graph/analysis/projections/."""
    return resources.files("graph.analysis").joinpath("projections", name).read_text(encoding="utf-8")


def value(term: Any) -> str:
    """The lexical form of an RDF term from any backend ('' when unbound)."""
    if term is None:
        return ""
    v = getattr(term, "value", None)
    return v if isinstance(v, str) else str(term)


def select_table(backend: SelectBackend, name: str) -> tuple[list[str], list[list[str]]]:
    """Run one projection file; its column names and rows of lexical forms ('' when unbound).

    Over a local pyoxigraph store the results come as CSV serialized by Oxigraph, which
    is several times faster than converting each term in Python.
    """
    if isinstance(backend, PrefetchingBackend):
        return parse_csv(backend.csv_text(name))
    store = getattr(backend, "store", None)
    if isinstance(store, pyoxigraph.Store):
        return parse_csv(query_csv(store, name))
    columns, rows = backend.select(projection_text(name))
    return columns, [[value(r.get(c)) for c in columns] for r in rows]


def query_csv(store: pyoxigraph.Store, name: str) -> str:
    """The results of one projection file over a local store, as CSV text."""
    solutions = store.query(projection_text(name), use_default_graph_as_union=True)
    assert isinstance(solutions, pyoxigraph.QuerySolutions)  # projection files are SELECTs
    return (solutions.serialize(format=pyoxigraph.QueryResultsFormat.CSV) or b"").decode("utf-8")


def parse_csv(text: str) -> tuple[list[str], list[list[str]]]:
    """Column names and rows of SPARQL CSV results (RFC 4180, lines ending in CRLF)."""
    if '"' in text:
        reader = csv.reader(io.StringIO(text, newline=""))
        return next(reader, []), list(reader)
    # Without a quote character no field holds a comma or a line break (those would be
    # quoted), so splitting is exact, and twice as fast as the csv module on 100k rows.
    lines = text.split("\r\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return [], []
    return lines[0].split(","), [line.split(",") for line in lines[1:]]


class PrefetchingBackend:
    """A local store whose projection files already run, in background threads.

    pyoxigraph releases the GIL while it evaluates a query and writes its results, so on
    two cores the large queries (stances, evidence: over a second each at 100k stances)
    run while Python turns the rows already fetched into edges.
    """

    def __init__(self, store: pyoxigraph.Store, names: Iterable[str], pool: Executor) -> None:
        self.store = store
        self._pending = {name: pool.submit(query_csv, store, name) for name in names}

    def select(self, sparql: str) -> tuple[list[str], list[dict[str, Any]]]:
        return StoreBackend(self.store).select(sparql)

    def csv_text(self, name: str) -> str:
        future = self._pending.pop(name, None)
        return future.result() if future is not None else query_csv(self.store, name)


def select_rows(backend: SelectBackend, name: str) -> list[dict[str, str]]:
    """Run one projection file; rows as dicts of lexical forms ('' when unbound)."""
    header, rows = select_table(backend, name)
    return [dict(zip(header, row)) for row in rows]


@lru_cache(maxsize=1 << 18)
def slug_of(iri: str) -> str:
    """The id after /id/, /source/ or /statement/; the IRI itself otherwise."""
    for prefix in (ID, SOURCE, STATEMENT):
        if iri.startswith(prefix):
            return iri[len(prefix):]
    return iri


def _int(text: str, default: int = 0) -> int:
    try:
        return int(text)
    except ValueError:
        pass
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


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class EdgeRow:
    """One edge from a projection row, before the selection is applied."""

    relation: str
    statement: str
    statement_id: str
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


_NO_EXTRA: dict[str, str] = {}  # shared by the rows without extra columns: read, never written
EXTRA_COLUMNS = ("question", "questionLabel", "value", "unit", "comparator")
COMPARATOR_TEXT = {"more-than": "more than ", "about": "about ", "less-than": "less than "}


def fetch_edges(backend: SelectBackend) -> list[EdgeRow]:
    """Every statement edge of the store, one query per statement kind.

    Rows are read by column position: at 100k stances a dict per row, or a lookup per
    cell, is a measurable part of the projection.
    """
    out: list[EdgeRow] = []
    positions: dict[str, tuple[str, str, int]] = {}
    for r in select_rows(backend, "positions.rq"):
        positions[r["pos"]] = (r["notation"], r["label"], _int(r["polarity"]))
    append = out.append
    for relation, name in EDGE_QUERIES.items():
        header, table = select_table(backend, name)
        col = {c: i for i, c in enumerate(header)}
        i_st, i_src, i_subject, i_object = col["st"], col["src"], col["subject"], col["object"]
        # every projection file returns these (see the module docstring)
        i_date, i_earliest, i_latest, i_part = col["date"], col["earliest"], col["latest"], col["part"]
        extras = [(c, col[c]) for c in EXTRA_COLUMNS if c in col]
        if relation == "stance":
            i_pos = col["position"]
            # the stances are most of the rows: slugs by prefix, each source's slug once, no
            # empty dict per row (a stance has no extra columns; the shared one is never written)
            st_prefix, st_len = str(STATEMENT), len(str(STATEMENT))
            src_slugs: dict[str, str] = {}
            extra_of: Any = (lambda row: {c: row[i] for c, i in extras}) if extras else (lambda row: _NO_EXTRA)
            for row in table:
                st, pos_iri, src = row[i_st], row[i_pos], row[i_src]
                pos = positions.get(pos_iri)
                notation, label, polarity = pos if pos else (slug_of(pos_iri), "", 0)
                src_slug = src_slugs.get(src)
                if src_slug is None:
                    src_slug = src_slugs[src] = slug_of(src)
                append(EdgeRow(
                    relation, st, st[st_len:] if st.startswith(st_prefix) else slug_of(st), src_slug,
                    row[i_date], row[i_earliest], row[i_latest],
                    row[i_subject], row[i_object], notation, label or notation, polarity,
                    row[i_part], extra_of(row),
                ))
            continue
        i_detail, i_label = col.get("detail"), col.get("label")
        for row in table:
            st = row[i_st]
            detail = row[i_detail] if i_detail is not None else ""
            label = row[i_label] if i_label is not None else ""
            extra = {c: row[i] for c, i in extras}
            if relation == "figure":
                cmp_text = COMPARATOR_TEXT.get(extra.get("comparator", ""), "")
                label = f"{label or detail}: {cmp_text}{_number(extra.get('value', ''))} {extra.get('unit', '')}".strip()
            append(EdgeRow(
                relation, st, slug_of(st), slug_of(row[i_src]),
                row[i_date], row[i_earliest], row[i_latest],
                row[i_subject], row[i_object], detail, label or detail, 0,
                row[i_part], extra,
            ))
    return out


def fetch_quotes(backend: SelectBackend) -> dict[str, list[Quote]]:
    """Statement IRI -> its quotes, in the order of their annotation number."""
    header, table = select_table(backend, "evidence.rq")
    i_st, i_ann, i_quote, i_start, i_end = (header.index(c) for c in ("st", "ann", "quote", "start", "end"))
    found: dict[str, list[list[str]]] = {}
    for row in table:
        rows = found.get(row[i_st])
        if rows is None:
            found[row[i_st]] = [row]
        else:
            rows.append(row)

    def number(row: list[str]) -> tuple[int, str]:
        tail = row[i_ann].rsplit("/", 1)[-1]
        return (int(tail) if tail.isdigit() else 0, row[i_ann])

    out: dict[str, list[Quote]] = {}
    for st, rows in found.items():
        if len(rows) > 1:
            rows.sort(key=number)
        out[st] = [Quote(r[i_quote], _int(r[i_start], -1), _int(r[i_end], -1)) for r in rows]
    return out


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
    groups = display_groups(backend)
    for r in select_rows(backend, "entities.rq"):
        iri = r["e"]
        nodes[iri] = {
            "label": r["label"] or slug_of(iri),
            "iri": iri,
            "slug": slug_of(iri),
            "type": r["type"],
            "group": groups.get(r["type"], "group"),
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
    if selection.is_empty:
        return list(rows)
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
    with _gc_paused(), _prefetching(backend) as backend:  # the large queries start before the small ones
        known = {s: meta["perspective"] for s, meta in fetch_sources(backend).items()}
        nodes = fetch_nodes(backend)
        program_iri = ""
        if program:
            from graph.analysis.resolve import resolve_entity  # here to keep the import graph acyclic

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
    with _gc_paused(), _prefetching(backend) as prefetching:
        return _build_evidence_graph(prefetching, selection, nodes)


@contextmanager
def _prefetching(backend: SelectBackend) -> Iterator[SelectBackend]:
    """Over a local store, the backend with the two large queries already running, one thread each."""
    store = getattr(backend, "store", None)
    if isinstance(backend, PrefetchingBackend) or not isinstance(store, pyoxigraph.Store):
        yield backend
        return
    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="projection")
    try:
        yield PrefetchingBackend(store, ["stance.rq", "evidence.rq"], pool)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while the projection allocates.

    The rows, quotes and edge attribute dicts of 100k statements are over a million new
    containers, none in a reference cycle; with the collector on, they set off repeated
    full collections that took about half the time of the projection.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _build_evidence_graph(
    backend: SelectBackend, selection: Selection, nodes: dict[str, dict[str, Any]] | None
) -> nx.MultiDiGraph:
    if nodes is None:
        nodes = fetch_nodes(backend)
    sources = fetch_sources(backend)
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
    node_list = []
    for iri in touched:
        attrs = dict(nodes.get(iri) or _unknown_node(iri))
        attrs["posts"] = sorted(posts.get(iri, ()))
        node_list.append((iri, attrs))
    g.add_nodes_from(node_list)

    after: dict[str, list[str]] = defaultdict(list)
    for o in select_rows(backend, "order.rq"):
        after[slug_of(o["a"])].append(slug_of(o["b"]))
    quotes = fetch_quotes(backend)  # last: its query runs meanwhile
    titles = {sid: meta.get("title", "") for sid, meta in sources.items()}
    multi = frozenset(("participant", "event-about", "post", "process", "figure"))
    no_quotes: list[Quote] = []
    # by (subject, object, statement id, part): joined with NUL, which sorts before every
    # other character and occurs in no IRI or notation, strings sort as the tuples would,
    # three times faster
    rows.sort(key=lambda r: "\0".join((r.subject, r.object, r.statement_id, r.part)))
    edges = []
    for r in rows:
        qs = quotes.get(r.statement, no_quotes)
        sid = r.statement_id
        # also_in: the sorted sources of the same statement, without this one (always among them)
        srcs = same[(r.relation, r.detail, r.subject, r.object)]
        i = srcs.index(r.source)
        attrs = {
            "relation": r.relation,
            "detail": r.detail,
            "label": r.label,
            "polarity": r.polarity,
            "statement": r.statement,
            "statement_id": sid,
            "source": r.source,
            "source_title": titles.get(r.source, ""),
            "quote": qs[0].text if qs else "",
            "quotes": [q.text for q in qs],
            "start": qs[0].start if qs else -1,
            "end": qs[0].end if qs else -1,
            "date": r.date,
            "earliest": r.earliest,
            "latest": r.latest,
            "after": after.get(sid, []),  # statement ids the source states this one follows
            "also_in": srcs[:i] + srcs[i + 1:],
        }
        if r.relation in ("claim", "figure"):
            attrs.update(_extra_attributes(r))
        edges.append((r.subject, r.object, f"{sid}#{r.part}" if r.part and r.relation in multi else sid, attrs))
    _add_edges(g, edges)
    g.graph["selection"] = selection.describe()
    return g


def _add_edges(g: nx.MultiDiGraph, edges: list[tuple[str, str, str, dict[str, Any]]]) -> None:
    """g.add_edges_from(edges) for edges between nodes already in g, each attribute dict kept as given.

    networkx copies each edge's attributes into a new dict and looks the edge up again
    through three views to fill it: at 100k edges a third of the projection's Python time.
    This writes the same adjacency networkx's add_edge writes (one key dict shared by
    successors and predecessors), with the dicts built above as the edges' data.
    """
    succ, pred = g._succ, g._pred
    for u, v, key, attrs in edges:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = g.edge_key_dict_factory()
        if key in keydict:
            keydict[key].update(attrs)
        else:
            keydict[key] = attrs
    nx._clear_cache(g)


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
        "group": etype or "group",
        "aliases": [],
        "posts": [],
        "date": "",
    }
