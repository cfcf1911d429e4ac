"""GraphML and GEXF files of the analysis networks, for Gephi.

Both formats take scalar attributes only: lists become "; "-joined text and missing
values empty text, so every node of a graph has the same attributes.
"""

from __future__ import annotations

import io
import re
from typing import Any

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


def graphml_bytes(g: nx.Graph) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(flat(g), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue()


def gexf_bytes(g: nx.Graph) -> bytes:
    h = flat(g)
    # Gephi shows the 'label' attribute as the node label.
    buf = io.BytesIO()
    nx.write_gexf(h, buf, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps today's date into <meta>: drop it so that files are byte-identical.
    return re.sub(rb'<meta lastmodifieddate="[^"]*">', b"<meta>", buf.getvalue(), count=1)
