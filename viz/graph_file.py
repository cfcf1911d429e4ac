"""An evidence graph saved as JSON, so a page can be drawn without the store.

The format is the networkx contract written out plainly: {"nodes": [{"id": IRI,
...attributes}], "edges": [{"from": IRI, "to": IRI, "key": id, ...attributes}]}, and
optionally "documents" ({source id: {"title", "text", "publisher", "date", "perspective"}},
for the explorer's reader) and "contradicts" ([[statement id, statement id], ...]).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import DataErrors


def read_graph(path: Path) -> nx.MultiDiGraph:
    """Read a graph file; every malformed record is reported, with its position."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataErrors([f"{path}: cannot read the graph: {exc}"]) from exc
    problems: list[str] = []
    if not isinstance(raw, dict) or not isinstance(raw.get("nodes"), list) or not isinstance(raw.get("edges"), list):
        raise DataErrors([f"{path}: expected an object with lists 'nodes' and 'edges'"])
    g = nx.MultiDiGraph()
    for i, node in enumerate(raw["nodes"]):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            problems.append(f"{path}: nodes[{i}]: needs a string 'id'")
            continue
        g.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for i, edge in enumerate(raw["edges"]):
        if not isinstance(edge, dict) or not all(isinstance(edge.get(k), str) for k in ("from", "to", "key")):
            problems.append(f"{path}: edges[{i}]: needs string 'from', 'to' and 'key'")
            continue
        missing = [edge[k] for k in ("from", "to") if edge[k] not in g]
        if missing:
            problems.append(f"{path}: edges[{i}] ({edge['key']}): unknown node {', '.join(missing)}")
            continue
        attrs = {k: v for k, v in edge.items() if k not in ("from", "to", "key")}
        g.add_edge(edge["from"], edge["to"], key=edge["key"], **attrs)
    documents = raw.get("documents", {})
    if not isinstance(documents, dict) or not all(
        isinstance(d, dict) and isinstance(d.get("text"), str) for d in documents.values()
    ):
        problems.append(f"{path}: documents: expected {{source id: {{\"title\": ..., \"text\": ...}}}}")
        documents = {}
    pairs = raw.get("contradicts", [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in pairs
    ):
        problems.append(f"{path}: contradicts: expected a list of [statement id, statement id] pairs")
        pairs = []
    if problems:
        raise DataErrors(problems)
    g.graph["documents"] = documents
    g.graph["contradicts"] = [tuple(p) for p in pairs]
    return g


def graph_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON form of a graph, nodes and edges in sorted order."""
    nodes = [{"id": n, **graph.nodes[n]} for n in sorted(graph.nodes, key=str)]
    edges = [
        {"from": u, "to": v, "key": k, **a}
        for u, v, k, a in sorted(graph.edges(keys=True, data=True), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    ]
    return {"nodes": nodes, "edges": edges}
