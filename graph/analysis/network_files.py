"""GraphML and GEXF files of the analysis networks, for Gephi.

Both formats take scalar attributes only: lists become "; "-joined text. A missing value
(None, NaN, empty text or list) is left out of the file, never written as 0 or "": a
stance has no figure value, and Gephi shows it as empty, not as 0.0.

The GEXF files are Gephi-ready (GEXF 1.2draft, checked against its RELAX NG schema):
`viz:color`, `viz:size` and `viz:position` for nodes and `viz:color` / `viz:thickness`
for edges come from the explorer's style (viz/style.yaml) and layout (viz/layout.py), so
a file opens in Gephi looking like the explorer's page. Each statement edge carries its
time as a spell [earliest, latest] (an open side is left out, so the spell runs from or
to the end of time; an undated statement has no spell and is there throughout), with
`mode="dynamic" timeformat="date"`, so Gephi's timeline plays the debate. An edge that
stands for several statements (two-mode) has one spell per statement, overlapping ones
merged; nodes have no spells: an actor exists throughout, its statements come and go.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

if TYPE_CHECKING:
    from viz.style import Style

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
# Above this many nodes no positions are written: the seeded layout would take longer
# than Gephi's own ForceAtlas2, and the explorer draws no such graph either.
MAX_LAID_OUT_NODES = 5000

Spell = tuple[str, str]  # (start, end) ISO days; "" = open side


def _scalar(v: Any) -> Any:
    """A value GraphML and GEXF can hold, or None where there is none."""
    if isinstance(v, (list, tuple, set, frozenset)):
        return "; ".join(str(x) for x in v) or None
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and v != v:  # NaN
        return None
    if v is None or v == "":
        return None
    return v


def _present(d: dict[str, Any]) -> dict[str, Any]:
    return {k: x for k, x in ((k, _scalar(v)) for k, v in d.items()) if x is not None}


def flat(g: nx.Graph) -> nx.Graph:
    """A copy of g with scalar attributes only; missing values are left out, not defaulted."""
    h = g.__class__()
    h.graph.update(_present(g.graph))
    for n, d in g.nodes(data=True):
        h.add_node(n, **_present(d))
    edges = list(g.edges(keys=True, data=True)) if g.is_multigraph() else [(u, v, None, d) for u, v, d in g.edges(data=True)]
    for u, v, key, d in edges:
        if key is not None:
            h.add_edge(u, v, key=key, **_present(d))
        else:
            h.add_edge(u, v, **_present(d))
    return h


def _type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v is not None}
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _text(v: Any, kind: str) -> str:
    if kind == "double":
        return repr(float(v))
    return str(v)


def _columns(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    keys = sorted({k for d in items for k in d})
    return [(k, _type([d.get(k) for d in items])) for k in keys]


def _edges(h: nx.Graph) -> list[tuple[str, str, str, dict[str, Any]]]:
    if h.is_multigraph():
        return [(u, v, str(k), d) for u, v, k, d in h.edges(keys=True, data=True)]
    return [(u, v, f"e{i}", d) for i, (u, v, d) in enumerate(h.edges(data=True))]


def graphml_bytes(g: nx.Graph, *, flattened: bool = False) -> bytes:
    """GraphML, written directly (networkx's writer takes seconds per 100k edges)."""
    h = g if flattened else flat(g)
    nodes = list(h.nodes(data=True))
    edges = _edges(h)
    ncols = _columns([d for _, d in nodes])
    ecols = _columns([d for *_, d in edges])
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ]
    out += [f'  <key id="n{i}" for="node" attr.name={quoteattr(k)} attr.type="{kind}"/>' for i, (k, kind) in enumerate(ncols)]
    out += [f'  <key id="e{i}" for="edge" attr.name={quoteattr(k)} attr.type="{kind}"/>' for i, (k, kind) in enumerate(ecols)]
    out.append(f'  <graph edgedefault="{"directed" if h.is_directed() else "undirected"}">')
    for n, d in nodes:
        data = "".join(f'<data key="n{i}">{escape(_text(d[k], kind))}</data>' for i, (k, kind) in enumerate(ncols) if k in d)
        out.append(f"    <node id={quoteattr(str(n))}>{data}</node>")
    for u, v, key, d in edges:
        data = "".join(f'<data key="e{i}">{escape(_text(d[k], kind))}</data>' for i, (k, kind) in enumerate(ecols) if k in d)
        out.append(f"    <edge id={quoteattr(key)} source={quoteattr(str(u))} target={quoteattr(str(v))}>{data}</edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out).encode("utf-8")


@dataclass(frozen=True)
class GexfLook:
    """How a network looks and when its edges hold, for Gephi (all optional)."""

    node_colors: dict[Any, str] = field(default_factory=dict)  # node -> #RRGGBB
    node_sizes: dict[Any, float] = field(default_factory=dict)
    positions: dict[Any, tuple[float, float]] = field(default_factory=dict)  # page pixels, y down
    edge_colors: dict[str, str] = field(default_factory=dict)  # edge id -> #RRGGBB
    edge_widths: dict[str, float] = field(default_factory=dict)
    spells: dict[str, list[Spell]] = field(default_factory=dict)  # edge id -> spells


def statement_intervals(evidence: nx.MultiDiGraph) -> dict[str, Spell]:
    """Statement id -> (earliest, latest) from the evidence graph's statement edges."""
    out: dict[str, Spell] = {}
    for *_, d in evidence.edges(data=True):
        sid = d.get("statement_id")
        if sid:
            out.setdefault(str(sid), (str(d.get("earliest") or ""), str(d.get("latest") or "")))
    return out


def merge_spells(spells: list[Spell]) -> list[Spell]:
    """Overlapping or touching spells merged (Gephi refuses overlapping ones); "" = open."""
    low, high = "0000-00-00", "9999-99-99"
    keyed = sorted((s or low, e or high) for s, e in spells)
    merged: list[list[str]] = []
    for s, e in keyed:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [("" if s == low else s, "" if e == high else e) for s, e in merged]


def _edge_statements(d: dict[str, Any]) -> list[str]:
    if d.get("statement_id"):
        return [str(d["statement_id"])]
    value = d.get("statements")
    if isinstance(value, str):
        return [x for x in value.split("; ") if x]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(x) for x in value]
    return []


def gephi_look(g: nx.Graph, style: "Style", intervals: dict[str, Spell] | None = None) -> GexfLook:
    """Colours, sizes and positions as the explorer draws them; spells from statement times.

    Sizes follow the explorer's rule (square root of the node's degree centrality, or its
    degree where the analysis gave none, scaled into the style's size range).
    """
    from viz.layout import layout  # the explorer's layout; imported only when writing

    nodes = sorted(g.nodes, key=str)
    colors = {n: style.node(g.nodes[n]).color for n in nodes}
    measure = "degree" if any(isinstance(g.nodes[n].get("degree"), (int, float)) for n in nodes) else None
    values = [float(g.nodes[n].get("degree") or 0.0) if measure else float(g.degree(n)) for n in nodes]
    top = max(values, default=0.0)
    span = style.size_max - style.size_min
    sizes = {n: (round(style.size_min + span * (max(v, 0.0) / top) ** 0.5, 2) if top > 0 else style.size_default)
             for n, v in zip(nodes, values)}
    positions = layout(g) if 0 < len(nodes) <= MAX_LAID_OUT_NODES else {}
    edge_colors: dict[str, str] = {}
    edge_widths: dict[str, float] = {}
    spells: dict[str, list[Spell]] = {}
    for _, _, key, d in _edges(g):
        look = style.edge(d)
        if "relation" not in d and isinstance(d.get("polarity"), int):  # two-mode: the side taken
            look = style.polarity.get(max(-1, min(1, d["polarity"])), look)
        edge_colors[key], edge_widths[key] = look.color, look.width
        if intervals is None:
            continue
        times = [intervals.get(sid, ("", "")) for sid in _edge_statements(d)]
        if times and all(s or e for s, e in times):  # an undated statement: the edge holds throughout
            spells[key] = merge_spells(times)
    return GexfLook(colors, sizes, positions, edge_colors, edge_widths, spells)


def _rgb(color: str) -> str:
    r, gr, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return f'r="{r}" g="{gr}" b="{b}"'


def _spells_xml(spells: list[Spell]) -> str:
    parts = []
    for s, e in spells:
        bounds = (f' start="{s}"' if s else "") + (f' end="{e}"' if e else "")
        parts.append(f"<spell{bounds}/>")
    return f"<spells>{''.join(parts)}</spells>"


def gexf_bytes(g: nx.Graph, *, flattened: bool = False, look: GexfLook | None = None) -> bytes:
    """GEXF 1.2, written directly; a node's 'label' and an edge's 'weight' are Gephi's own fields."""
    h = g if flattened else flat(g)
    look = look or GexfLook()
    nodes = list(h.nodes(data=True))
    edges = _edges(h)
    ncols = [c for c in _columns([d for _, d in nodes]) if c[0] != "label"]
    ecols = [c for c in _columns([d for *_, d in edges]) if c[0] not in ("label", "weight")]
    dynamic = bool(look.spells)
    mode = 'mode="dynamic" timeformat="date"' if dynamic else 'mode="static"'
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.2">',
        "  <meta><creator>scomm-kg</creator></meta>",
        f'  <graph defaultedgetype="{"directed" if h.is_directed() else "undirected"}" {mode}>',
        '    <attributes class="node" mode="static">',
        *(f'      <attribute id="{i}" title={quoteattr(k)} type="{kind}"/>' for i, (k, kind) in enumerate(ncols)),
        "    </attributes>",
        '    <attributes class="edge" mode="static">',
        *(f'      <attribute id="{i}" title={quoteattr(k)} type="{kind}"/>' for i, (k, kind) in enumerate(ecols)),
        "    </attributes>",
        "    <nodes>",
    ]
    for n, d in nodes:
        values = "".join(f'<attvalue for="{i}" value={quoteattr(_text(d[k], kind))}/>' for i, (k, kind) in enumerate(ncols) if k in d)
        viz = ""
        if n in look.node_colors:
            viz += f"<viz:color {_rgb(look.node_colors[n])}/>"
        if n in look.node_sizes:
            viz += f'<viz:size value="{look.node_sizes[n]!r}"/>'
        if n in look.positions:
            x, y = look.positions[n]
            viz += f'<viz:position x="{float(x)!r}" y="{-float(y) + 0.0!r}" z="0.0"/>'  # Gephi's y points up
        out.append(f'      <node id={quoteattr(str(n))} label={quoteattr(str(d.get("label", n)))}><attvalues>{values}</attvalues>{viz}</node>')
    out.append("    </nodes>")
    out.append("    <edges>")
    for u, v, key, d in edges:
        values = "".join(f'<attvalue for="{i}" value={quoteattr(_text(d[k], kind))}/>' for i, (k, kind) in enumerate(ecols) if k in d)
        extra = f' label={quoteattr(str(d["label"]))}' if "label" in d else ""
        if isinstance(d.get("weight"), (int, float)):
            extra += f' weight="{float(d["weight"])!r}"'
        inner = f"<attvalues>{values}</attvalues>"
        if key in look.spells:
            inner += _spells_xml(look.spells[key])
        if key in look.edge_colors:
            inner += f"<viz:color {_rgb(look.edge_colors[key])}/>"
        if key in look.edge_widths:
            inner += f'<viz:thickness value="{float(look.edge_widths[key])!r}"/>'
        out.append(f"      <edge id={quoteattr(key)} source={quoteattr(str(u))} target={quoteattr(str(v))}{extra}>{inner}</edge>")
    out += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(out).encode("utf-8")
