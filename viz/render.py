"""A networkx evidence graph + a style + positions -> one self-contained HTML page.

pyvis writes the base page (vis-network inlined, its node and edge lists filled directly
for speed); this module then removes what pyvis links from a CDN (Bootstrap) and adds the
page's own panel, filters, search, legend and time range, all inlined. Every text from a
record travels as JSON inside a <script type="application/json"> element with <, > and &
escaped, and the page's script writes it with textContent only.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import networkx as nx
from pyvis.network import Network

from viz.style import Style

MEASURES = ("degree", "betweenness", "eigenvector")
# Above this many nodes, names are drawn only once the reader zooms in: measuring
# thousands of labels makes vis-network three times slower to open, and at that
# scale they are unreadable before zooming anyway. Hover and the panel always name.
LAZY_LABELS_MIN_NODES = 1000
LABEL_MAX = 40  # characters of a name drawn on the canvas; the panel shows it whole

# What pyvis 0.3.2's template links from the network, or leaves empty; removed below.
_BOOTSTRAP = re.compile(
    r"<link\b[^>]*bootstrap[^>]*>\s*|<script\b[^>]*\bsrc=\"[^\"]*bootstrap[^\"]*\"[^>]*>\s*</script>\s*", re.S
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", re.S)
_COMMENTED_LINKS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->\s*", re.S)
_EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=\"(?:https?:)?//", re.I)


@dataclass(frozen=True)
class PageMeta:
    """What a page says about itself: title, one-line description, links."""

    title: str
    description: str = ""
    index_href: str = "index.html"
    slug: str = "graph"
    size_by: str = "degree"
    color_by: str = "class"
    links: tuple[tuple[str, str], ...] = field(default_factory=tuple)  # (text, href)


def asset(name: str) -> str:
    return resources.files("viz").joinpath("assets", name).read_text(encoding="utf-8")


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


def short(text: str, limit: int = LABEL_MAX) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _measure_values(graph: nx.Graph, nodes: list[Any]) -> dict[str, list[float]]:
    """Measures per node: degree always (edges in this view when the analysis gave none)."""
    out: dict[str, list[float]] = {}
    for m in MEASURES:
        if any(m in graph.nodes[n] for n in nodes):
            out[m] = [float(graph.nodes[n].get(m, 0.0) or 0.0) for n in nodes]
    if "degree" not in out:
        out["degree"] = [float(graph.degree(n)) for n in nodes]
    return out


def _sizes(values: list[float], style: Style) -> list[float]:
    top = max(values, default=0.0)
    if top <= 0:
        return [style.size_default for _ in values]
    span = style.size_max - style.size_min
    return [round(style.size_min + span * math.sqrt(max(v, 0.0) / top), 2) for v in values]


def _year_range(edges: list[dict[str, Any]]) -> tuple[int, int] | None:
    years = [int(d[:4]) for e in edges for d in (e["earliest"], e["latest"]) if d[:4].isdigit()]
    return (min(years), max(years)) if years else None


def page_data(graph: nx.MultiDiGraph, style: Style, meta: PageMeta) -> tuple[list[Any], dict[str, Any]]:
    """The sorted node keys and the JSON the page's script reads."""
    nodes = sorted(graph.nodes, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    measures = _measure_values(graph, nodes)
    has_community = any("community" in graph.nodes[n] for n in nodes)
    node_rows = []
    for n in nodes:
        a = graph.nodes[n]
        row: dict[str, Any] = {
            "label": str(a.get("label", n)),
            "type": str(a.get("type", "")),
            "group": str(a.get("group", "")),
            "slug": str(a.get("slug", "")),
            "iri": str(a.get("iri", n)),
            "aliases": [str(x) for x in a.get("aliases", [])],
            "posts": [str(x) for x in a.get("posts", [])],
            "date": str(a.get("date", "")),
        }
        if has_community:
            row["community"] = int(a.get("community", 0) or 0)
        node_rows.append(row)
    edge_rows = []
    for u, v, key, a in sorted(graph.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        look = style.edge(a)
        edge_rows.append(
            {
                "from": index[u],
                "to": index[v],
                "key": str(key),
                "relation": str(a.get("relation", "")),
                "relation_label": style.relations.get(str(a.get("relation", "")), style.default_relation).label,
                "detail": str(a.get("detail", "")),
                "label": str(a.get("label", "")),
                "position_label": look.label if a.get("relation") == "stance" else "",
                "polarity": int(a.get("polarity", 0) or 0),
                "statement_id": str(a.get("statement_id", key)),
                "source": str(a.get("source", "")),
                "source_title": str(a.get("source_title", "")),
                "quote": str(a.get("quote", "")),
                "quotes": [str(q) for q in a.get("quotes", [])],
                "date": str(a.get("date", "")),
                "earliest": str(a.get("earliest", "")),
                "latest": str(a.get("latest", "")),
                "also_in": [str(s) for s in a.get("also_in", [])],
            }
        )
    sources: dict[str, str] = {}
    for e in edge_rows:
        if e["source"]:
            sources.setdefault(str(e["source"]), str(e["source_title"]))
    for n, row in zip(nodes, node_rows):
        if row["group"] == "source" and row["slug"]:
            sources.setdefault(row["slug"], row["label"])
    years = _year_range(edge_rows)
    data = {
        "view": {"title": meta.title, "slug": meta.slug, "description": meta.description},
        "nodes": node_rows,
        "edges": edge_rows,
        "sources": dict(sorted(sources.items())),
        "groups": {k: {"label": g.label, "color": g.color} for k, g in style.groups.items()},
        "relation_order": list(style.relations),
        "measures": {m: [round(x, 6) for x in vals] for m, vals in measures.items()},
        "has_community": has_community,
        "years": list(years) if years else None,
        "lazy_labels": len(nodes) > LAZY_LABELS_MIN_NODES,
        "style": style.to_json(),
        "initial": {"size_by": meta.size_by if meta.size_by in measures or meta.size_by == "none" else "degree",
                    "color_by": meta.color_by if meta.color_by == "class" or has_community else "class"},
    }
    return nodes, data


def _vis_lists(
    graph: nx.MultiDiGraph,
    nodes: list[Any],
    data: dict[str, Any],
    style: Style,
    positions: dict[Any, tuple[float, float]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """pyvis node and edge dicts: only what vis-network draws (details stay in the JSON)."""
    size_by = data["initial"]["size_by"]
    sizes = (
        _sizes(data["measures"][size_by], style) if size_by in data["measures"] else [style.size_default] * len(nodes)
    )
    vis_nodes = []
    for i, n in enumerate(nodes):
        a = graph.nodes[n]
        look = style.node(a)
        color = look.color
        if data["initial"]["color_by"] == "community":
            color = style.community_color(int(a.get("community", 0) or 0))
        x, y = positions.get(n, (0.0, 0.0))
        vnode: dict[str, Any] = {"id": i, "x": x, "y": y, "shape": look.shape, "color": color, "size": sizes[i]}
        if not data["lazy_labels"]:
            vnode["label"] = short(str(a.get("label", n)))
        vis_nodes.append(vnode)
    vis_edges = []
    parallel: dict[tuple[int, int], int] = {}
    for i, e in enumerate(data["edges"]):
        a = {"relation": e["relation"], "detail": e["detail"], "polarity": e["polarity"]}
        elook = style.edge(a)
        pair = (min(e["from"], e["to"]), max(e["from"], e["to"]))
        k = parallel.get(pair, 0)
        parallel[pair] = k + 1
        edge: dict[str, Any] = {"id": i, "from": e["from"], "to": e["to"], "color": elook.color, "width": elook.width}
        if elook.dashes:
            edge["dashes"] = True
        if k:
            # parallel statements between the same two nodes fan out instead of overlapping
            edge["smooth"] = {"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW",
                              "roundness": round(0.15 * ((k + 1) // 2), 2)}
        vis_edges.append(edge)
    return vis_nodes, vis_edges


ARROWS_MAX_EDGES = 2000  # arrow heads cost more than the lines: above this, lines only


def vis_options(node_count: int, edge_count: int = 0) -> dict[str, Any]:
    """vis-network options: positions fixed by Python, physics off until asked for."""
    big = node_count > 1000
    arrows = edge_count <= ARROWS_MAX_EDGES
    return {
        "physics": {"enabled": False, "solver": "forceAtlas2Based", "stabilization": {"enabled": False}},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "multiselect": False},
        "edges": {"smooth": False, "arrows": {"to": {"enabled": arrows, "scaleFactor": 0.45}},
                  "color": {"inherit": False}, "selectionWidth": 2.5, "hoverWidth": 1.5},
        "nodes": {"borderWidth": 1, "font": {"size": 12, "face": "Liberation Sans, Arial, sans-serif"},
                  "scaling": {"label": {"drawThreshold": 6}}},
    }


_SHAPES_SVG = {
    "dot": '<circle cx="8" cy="8" r="6"/>',
    "square": '<rect x="2" y="2" width="12" height="12"/>',
    "triangle": '<polygon points="8,1 15,14 1,14"/>',
    "triangleDown": '<polygon points="1,2 15,2 8,15"/>',
    "diamond": '<polygon points="8,1 15,8 8,15 1,8"/>',
    "hexagon": '<polygon points="4,2 12,2 15,8 12,14 4,14 1,8"/>',
    "star": '<polygon points="8,1 10,6 15,6 11,9 13,15 8,11 3,15 5,9 1,6 6,6"/>',
}


def legend_html(graph: nx.MultiDiGraph, style: Style) -> str:
    """The legend of what this view contains: node classes, relations, positions."""
    esc = html.escape
    groups = {str(a.get("group", "")) for _, a in graph.nodes(data=True)}
    relations = {str(a.get("relation", "")) for _, _, a in graph.edges(data=True)}
    positions = {str(a.get("detail", "")) for _, _, a in graph.edges(data=True) if a.get("relation") == "stance"}
    parts = ['<div class="legend-block"><h3>Nodes</h3><ul>']
    for key, look in style.groups.items():
        if key in groups:
            parts.append(
                f'<li><svg width="16" height="16" viewBox="0 0 16 16" fill="{esc(look.color)}" stroke="#333" '
                f'stroke-width="0.8">{_SHAPES_SVG[look.shape]}</svg>{esc(look.label)}</li>'
            )
    if groups - set(style.groups):
        parts.append(f'<li><svg width="16" height="16" viewBox="0 0 16 16" fill="{esc(style.default_group.color)}">'
                     f'{_SHAPES_SVG[style.default_group.shape]}</svg>{esc(style.default_group.label)}</li>')
    parts.append('</ul></div><div class="legend-block"><h3>Edges</h3><ul>')
    for key, elook in style.relations.items():
        if key in relations and key != "stance":
            dash = ' stroke-dasharray="4 3"' if elook.dashes else ""
            parts.append(
                f'<li><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" stroke="{esc(elook.color)}" '
                f'stroke-width="{max(elook.width, 1.5)}"{dash}/></svg>{esc(elook.label)}</li>'
            )
    parts.append("</ul></div>")
    if positions:
        parts.append('<div class="legend-block"><h3>Stances</h3><ul>')
        shown = [(k, style.positions[k]) for k in style.positions if k in positions]
        for k in sorted(positions - set(style.positions)):
            shown.append((k, style.edge({"relation": "stance", "detail": k})))
        for _, plook in shown:
            parts.append(
                f'<li><svg width="28" height="10"><line x1="0" y1="5" x2="28" y2="5" stroke="{esc(plook.color)}" '
                f'stroke-width="3"/></svg>{esc(plook.label)}</li>'
            )
        parts.append("</ul></div>")
    return "".join(parts)


def _chrome(meta: PageMeta, legend: str, counts: tuple[int, int]) -> str:
    """The page's own controls and panels, in HTML (no record text except escaped names)."""
    esc = html.escape
    links = "".join(f' · <a href="{esc(href)}">{esc(text)}</a>' for text, href in meta.links)
    return f"""
<header id="scomm-header">
  <a href="{esc(meta.index_href)}">All views</a>{links}
  <h1>{esc(meta.title)}</h1>
  <span class="desc">{esc(meta.description)}</span>
  <span id="scomm-count" class="count">{counts[0]} nodes, {counts[1]} edges</span>
</header>
<aside id="scomm-controls">
  <section>
    <label for="scomm-search">Find by name</label>
    <input id="scomm-search" type="search" list="scomm-names" placeholder="name or alias" autocomplete="off">
    <datalist id="scomm-names"></datalist>
  </section>
  <section class="buttons">
    <button id="scomm-focus1" type="button" disabled>Neighbours ±1</button>
    <button id="scomm-focus2" type="button" disabled>±2 hops</button>
    <button id="scomm-reset" type="button">Reset</button>
    <button id="scomm-physics" type="button" aria-pressed="false">Physics: off</button>
  </section>
  <section>
    <label for="scomm-size">Size by</label> <select id="scomm-size"></select>
    <label for="scomm-colour">Colour by</label> <select id="scomm-colour"></select>
  </section>
  <section id="scomm-time">
    <h3>Time</h3>
    <div><label for="scomm-from">From</label> <input id="scomm-from" type="range">
      <output id="scomm-from-out"></output></div>
    <div><label for="scomm-to">To</label> <input id="scomm-to" type="range">
      <output id="scomm-to-out"></output></div>
    <div><label><input id="scomm-undated" type="checkbox" checked> undated statements</label></div>
  </section>
  <details open><summary>Node types</summary><div id="scomm-f-group" class="filters"></div></details>
  <details open><summary>Relations</summary><div id="scomm-f-relation" class="filters"></div></details>
  <details><summary>Stance positions</summary><div id="scomm-f-position" class="filters"></div></details>
  <details><summary>Source documents</summary><div id="scomm-f-source" class="filters"></div></details>
  <details open><summary>Legend</summary><div id="scomm-legend">{legend}</div></details>
</aside>
<aside id="scomm-panel" aria-live="polite"><p class="hint">Click a node or an edge to see what the sources say.</p></aside>
<div id="scomm-tooltip" role="tooltip"></div>
"""


def render_page(
    graph: nx.MultiDiGraph,
    style: Style,
    positions: dict[Any, tuple[float, float]],
    meta: PageMeta,
) -> str:
    """The HTML of one view; pure: the same inputs give the same string."""
    nodes, data = page_data(graph, style, meta)
    vis_nodes, vis_edges = _vis_lists(graph, nodes, data, style, positions)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line", heading="")
    # Filled directly: pyvis's add_node does a linear look-up per node (8 s at 5,000).
    net.nodes = vis_nodes
    net.edges = vis_edges
    net.node_ids = list(range(len(vis_nodes)))
    net.options = vis_options(len(vis_nodes), len(vis_edges))  # type: ignore[assignment]
    page = net.generate_html()
    page, removed = _BOOTSTRAP.subn("", page)
    if removed != 2:
        raise RuntimeError(f"pyvis template changed: expected 2 Bootstrap links to remove, found {removed}")
    page = _EMPTY_HEADING.sub("", page)
    page = _COMMENTED_LINKS.sub("", page)
    if _EXTERNAL.search(page):
        raise RuntimeError("the page would load something from the network: " + _EXTERNAL.search(page).group(0))  # type: ignore[union-attr]
    head = (
        f"<title>{html.escape(meta.title)}</title>\n<style>{asset('page.css')}</style>\n"
        f"<script>{asset('first_draw.js')}</script>\n</head>"
    )
    page = page.replace("<html>", '<html lang="en">', 1).replace("</head>", head, 1)
    counts = (graph.number_of_nodes(), graph.number_of_edges())
    page = page.replace("<body>", "<body>" + _chrome(meta, legend_html(graph, style), counts), 1)
    tail = (
        f'<script type="application/json" id="scomm-data">{script_json(data)}</script>\n'
        f"<script>{asset('page.js')}</script>\n</body>"
    )
    head_part, _, rest = page.rpartition("</body>")
    return "<!DOCTYPE html>\n" + head_part + tail + rest
