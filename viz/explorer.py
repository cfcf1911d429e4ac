"""The research explorer: one self-contained HTML file holding every view of the graph.

One copy of vis-network (the one pyvis bundles: pyvis is the bridge from networkx to
vis-network, and its per-page Jinja2 template is not used), one JSON blob with the nodes,
the statement edges, the positions of each layout, the contested pairs and the texts of
the source documents, and one script (viz/assets/explorer.js) that makes every view (the
whole graph, stances, actors' congruence and conflict, per source, per year, ego,
figures) a state of the same network.

Record text travels only inside <script type="application/json"> with <, >, & escaped,
and the script writes it with textContent only.
"""

from __future__ import annotations

import html
import importlib.util
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx

from viz.layout import SEED, layout, side_layout
from viz.style import Style

MEASURES = ("degree", "betweenness", "eigenvector")
LAZY_LABELS_MIN_NODES = 1000  # above this, only the hubs' names are drawn until one zooms in
STANCE_RELATIONS = ("stance", "claim")
ACTOR_GROUPS = ("agency", "person", "group", "media", "jurisdiction")


@dataclass(frozen=True)
class Document:
    """A source document as the reader shows it."""

    title: str
    text: str
    publisher: str = ""
    date: str = ""
    perspective: str = ""
    description: str = ""


@dataclass(frozen=True)
class ExplorerInput:
    """Everything the explorer shows, beyond the evidence graph itself."""

    program: str = "secure-communities"
    documents: dict[str, Document] = field(default_factory=dict)
    contradicts: tuple[tuple[str, str], ...] = ()  # statement id pairs, from the contradicts projection
    report_href: str = ""  # the analyses' report, relative to the explorer file ("" = none)
    initial_view: str = "whole"
    size_by: str = "degree"
    color_by: str = "class"
    seed: int = SEED
    title: str = "Secure Communities: the evidence explorer"


def asset(name: str) -> str:
    return resources.files("viz").joinpath("assets", name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """vis-network as pyvis bundles it (one copy, inlined)."""
    # Found, not imported: importing pyvis imports pyvis.network, IPython and Jinja2
    # (about 0.5 s) for a file read.
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis is not installed (its bundled vis-network is inlined in the explorer)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe to place inside a <script> element: no '<', '>' or '&' survives."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _utf16(text: str) -> list[int] | None:
    """Code point offset -> UTF-16 offset, when the text has characters outside the BMP."""
    if all(ord(c) <= 0xFFFF for c in text):
        return None
    out, n = [0], 0
    for c in text:
        n += 2 if ord(c) > 0xFFFF else 1
        out.append(n)
    return out


def _measure_values(graph: nx.Graph, nodes: list[Any]) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {}
    for m in MEASURES:
        if any(m in graph.nodes[n] for n in nodes):
            out[m] = [round(float(graph.nodes[n].get(m, 0.0) or 0.0), 6) for n in nodes]
    if "degree" not in out:
        out["degree"] = [float(graph.degree(n)) for n in nodes]
    return out


def find_program(graph: nx.MultiDiGraph, program: str) -> Any:
    from viz.views import find_program as find

    return find(graph, program)


def _side_scores(graph: nx.MultiDiGraph, target: Any | None) -> dict[Any, float]:
    """Actor -> mean polarity of its stances (on `target`, or on anything when None)."""
    sums: dict[Any, list[int]] = {}
    for u, v, a in graph.edges(data=True):
        if a.get("relation") != "stance" or (target is not None and v != target):
            continue
        p = int(a.get("polarity", 0) or 0)
        if p:
            sums.setdefault(u, []).append(p)
    return {n: sum(ps) / len(ps) for n, ps in sums.items()}


def explorer_data(graph: nx.MultiDiGraph, style: Style, extra: ExplorerInput) -> dict[str, Any]:
    """The JSON the explorer's script reads; deterministic for the same input."""
    nodes = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    has_community = any("community" in graph.nodes[n] for n in nodes)
    node_rows = []
    for n in nodes:
        a = graph.nodes[n]
        row: dict[str, Any] = {
            "label": str(a.get("label", n)),
            "type": str(a.get("type", "")),
            "group": str(a.get("group", "")),
            "slug": str(a.get("slug", "") or n),
            "iri": str(a.get("iri", n)),
            "aliases": [str(x) for x in a.get("aliases", [])],
            "posts": [str(x) for x in a.get("posts", [])],
            "date": str(a.get("date", "")),
        }
        if has_community:
            row["community"] = int(a.get("community", 0) or 0)
        node_rows.append(row)

    offsets = {sid: _utf16(doc.text) for sid, doc in extra.documents.items()}

    def span(source: str, start: Any, end: Any) -> list[int] | None:
        try:
            s, e = int(start), int(end)
        except (TypeError, ValueError):
            return None
        doc = extra.documents.get(source)
        if doc is None or s < 0 or e < s or e > len(doc.text):
            return None
        table = offsets.get(source)
        return [table[s], table[e]] if table else [s, e]

    edge_rows: list[dict[str, Any]] = []
    by_statement: dict[str, list[int]] = {}
    for u, v, key, a in sorted(graph.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        relation = str(a.get("relation", ""))
        source = str(a.get("source", ""))
        raw_spans = a.get("spans") or [[a.get("start", -1), a.get("end", -1)]]
        spans = [s for s in (span(source, *pair[:2]) for pair in raw_spans if len(pair) >= 2) if s]
        quotes = [str(q) for q in a.get("quotes", [])] or ([str(a["quote"])] if a.get("quote") else [])
        row = {
            "from": index[u],
            "to": index[v],
            "key": str(key),
            "relation": relation,
            "relation_label": style.relations.get(relation, style.default_relation).label,
            "detail": str(a.get("detail", "")),
            "label": str(a.get("label", "")),
            "position_label": style.edge(a).label if relation == "stance" else "",
            "polarity": int(a.get("polarity", 0) or 0),
            "statement_id": str(a.get("statement_id", key)),
            "source": source,
            "quote": str(a.get("quote", "")),
            "quotes": quotes,
            "spans": spans,
            "date": str(a.get("date", "")),
            "earliest": str(a.get("earliest", "")),
            "latest": str(a.get("latest", "")),
            "also_in": [str(s) for s in a.get("also_in", [])],
            "question": str(a.get("question_label", "") or a.get("question", "")),
            "contested": [],
        }
        by_statement.setdefault(row["statement_id"], []).append(len(edge_rows))
        edge_rows.append(row)
    for a_id, b_id in sorted(set(extra.contradicts)):
        for i in by_statement.get(a_id, []):
            edge_rows[i]["contested"].extend(by_statement.get(b_id, []))
        for i in by_statement.get(b_id, []):
            edge_rows[i]["contested"].extend(by_statement.get(a_id, []))
    for row in edge_rows:
        row["contested"] = sorted(set(row["contested"]))

    sources: dict[str, str] = {}
    for (_, _, a) in graph.edges(data=True):
        if a.get("source"):
            sources.setdefault(str(a["source"]), str(a.get("source_title", "")))
    for sid, doc in extra.documents.items():
        sources.setdefault(sid, doc.title)

    # layouts: the whole graph (igraph, seeded); stances and actors by side
    whole = layout(graph, seed=extra.seed)
    positions: dict[str, Any] = {"whole": [list(whole[n]) for n in nodes]}
    program = None
    try:
        program = find_program(graph, extra.program)
    except Exception:  # a graph without that program has no stance view
        program = None
    communities = {n: int(graph.nodes[n].get("community", 0) or 0) for n in nodes}
    labels = {n: str(graph.nodes[n].get("label", n)) for n in nodes}
    if program is not None:
        actors = sorted({u for u, v, a in graph.in_edges(program, data=True) if a.get("relation") in STANCE_RELATIONS})
        scores = _side_scores(graph, program)
        placed = side_layout([(n, scores.get(n, 0.0), communities[n], labels[n]) for n in actors], centre=program)
        positions["stance"] = {str(index[n]): list(xy) for n, xy in sorted(placed.items(), key=lambda t: index[t[0]])}
    scores_all = _side_scores(graph, None)
    placed = side_layout([(n, s, communities[n], labels[n]) for n, s in scores_all.items()])
    positions["actors"] = {str(index[n]): list(xy) for n, xy in sorted(placed.items(), key=lambda t: index[t[0]])}

    years = sorted({int(d[:4]) for e in edge_rows for d in (e["earliest"], e["latest"], e["date"]) if d[:4].isdigit()})
    measures = _measure_values(graph, nodes)
    docs = {
        sid: {"title": d.title, "publisher": d.publisher, "date": d.date, "perspective": d.perspective,
              "description": d.description, "text": d.text}
        for sid, d in sorted(extra.documents.items())
    }
    return {
        "title": extra.title,
        "program": index[program] if program is not None else None,
        "nodes": node_rows,
        "edges": edge_rows,
        "positions": positions,
        "sources": dict(sorted(sources.items())),
        "documents": docs,
        "groups": {k: {"label": g.label, "color": g.color, "shape": g.shape} for k, g in style.groups.items()},
        "default_group": {"label": style.default_group.label, "color": style.default_group.color,
                          "shape": style.default_group.shape},
        "relations": {k: {"label": r.label, "color": r.color, "width": r.width, "dashes": r.dashes}
                      for k, r in style.relations.items()},
        "polarity": {str(k): {"label": p.label, "color": p.color} for k, p in sorted(style.polarity.items())},
        "measures": measures,
        "has_community": has_community,
        "years": [years[0], years[-1]] if years else None,
        "lazy_labels": len(nodes) > LAZY_LABELS_MIN_NODES,
        "community_colors": list(style.community_colors),
        "unaligned_color": style.default_group.color,
        "size": {"min": style.size_min, "max": style.size_max, "default": style.size_default},
        "report": extra.report_href,
        "initial": {
            "view": extra.initial_view,
            "size_by": extra.size_by if extra.size_by in measures or extra.size_by == "none" else "degree",
            "color_by": extra.color_by if extra.color_by == "class" or has_community else "class",
        },
    }


def render_explorer(graph: nx.MultiDiGraph, style: Style, extra: ExplorerInput | None = None) -> str:
    """The explorer's HTML; pure: the same inputs give the same string."""
    extra = extra or ExplorerInput()
    data = explorer_data(graph, style, extra)
    esc = html.escape
    chrome = asset("explorer.html").replace("{{title}}", esc(extra.title))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(extra.title)}</title>\n<style>{asset('explorer.css')}</style>\n"
        f"<script>{vis_network_js()}</script>\n</head>\n<body>\n{chrome}\n"
        f'<script type="application/json" id="x-data">{script_json(data)}</script>\n'
        f"<script>{asset('explorer.js')}</script>\n</body></html>\n"
    )
