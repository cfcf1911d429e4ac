"""GraphML and GEXF files of the analysis networks, for Gephi.

Both formats take scalar attributes only: lists become "; "-joined text and missing
values empty text, so every node of a graph has the same attributes.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx


def _scalar(v: Any) -> Any:
    if isinstance(v, (list, tuple, set, frozenset)):
        return "; ".join(str(x) for x in v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and v != v:  # NaN
        return ""
    return v


def flat(g: nx.Graph) -> nx.Graph:
    """A copy of g with scalar attributes only, every node (edge) carrying the same keys."""
    h = g.__class__()
    h.graph.update({k: _scalar(v) for k, v in g.graph.items()})
    node_keys = sorted({k for _, d in g.nodes(data=True) for k in d})
    defaults = _defaults(g.nodes(data=True), node_keys)
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(d.get(k, defaults[k])) for k in node_keys})
    edges = list(g.edges(keys=True, data=True)) if g.is_multigraph() else [(u, v, None, d) for u, v, d in g.edges(data=True)]
    edge_keys = sorted({k for *_, d in edges for k in d})
    edge_defaults = _defaults(((None, d) for *_, d in edges), edge_keys)
    for u, v, key, d in edges:
        attrs = {k: _scalar(d.get(k, edge_defaults[k])) for k in edge_keys}
        if key is not None:
            h.add_edge(u, v, key=key, **attrs)
        else:
            h.add_edge(u, v, **attrs)
    return h


def _defaults(items: Any, keys: list[str]) -> dict[str, Any]:
    """Per attribute a missing-value default of the attribute's type (0 for numbers)."""
    kinds: dict[str, type] = {}
    for _, d in items:
        for k, v in d.items():
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                kinds.setdefault(k, type(v))
            else:
                kinds[k] = str
    return {k: (kinds.get(k, str)() if kinds.get(k) in (int, float) else "") for k in keys}


def _type(values: list[Any]) -> str:
    kinds = {type(v) for v in values if v != ""}
    if kinds and kinds <= {int}:
        return "long"
    if kinds and kinds <= {int, float}:
        return "double"
    return "string"


def _text(v: Any, kind: str) -> str:
    if kind == "double" and v != "":
        return repr(float(v))
    return str(v)


def _columns(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    keys = sorted({k for d in items for k in d})
    return [(k, _type([d.get(k, "") for d in items])) for k in keys]


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


def gexf_bytes(g: nx.Graph, *, flattened: bool = False) -> bytes:
    """GEXF 1.2, written directly; a node's 'label' and an edge's 'weight' are Gephi's own fields."""
    h = g if flattened else flat(g)
    nodes = list(h.nodes(data=True))
    edges = _edges(h)
    ncols = [c for c in _columns([d for _, d in nodes]) if c[0] != "label"]
    ecols = [c for c in _columns([d for *_, d in edges]) if c[0] not in ("label", "weight")]
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
        "  <meta><creator>scomm-kg</creator></meta>",
        f'  <graph defaultedgetype="{"directed" if h.is_directed() else "undirected"}" mode="static">',
        '    <attributes class="node">',
        *(f'      <attribute id="{i}" title={quoteattr(k)} type="{kind}"/>' for i, (k, kind) in enumerate(ncols)),
        "    </attributes>",
        '    <attributes class="edge">',
        *(f'      <attribute id="{i}" title={quoteattr(k)} type="{kind}"/>' for i, (k, kind) in enumerate(ecols)),
        "    </attributes>",
        "    <nodes>",
    ]
    for n, d in nodes:
        values = "".join(f'<attvalue for="{i}" value={quoteattr(_text(d[k], kind))}/>' for i, (k, kind) in enumerate(ncols) if k in d)
        out.append(f'      <node id={quoteattr(str(n))} label={quoteattr(str(d.get("label", n)))}><attvalues>{values}</attvalues></node>')
    out.append("    </nodes>")
    out.append("    <edges>")
    for u, v, key, d in edges:
        values = "".join(f'<attvalue for="{i}" value={quoteattr(_text(d[k], kind))}/>' for i, (k, kind) in enumerate(ecols) if k in d)
        extra = f' label={quoteattr(str(d["label"]))}' if "label" in d else ""
        if isinstance(d.get("weight"), (int, float)):
            extra += f' weight="{float(d["weight"])!r}"'
        out.append(f"      <edge id={quoteattr(key)} source={quoteattr(str(u))} target={quoteattr(str(v))}{extra}><attvalues>{values}</attvalues></edge>")
    out += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(out).encode("utf-8")
