"""The same views as static figures (SVG and PNG) for papers: same layout, same colours.

A journal takes a figure, not a web page. Positions are the page's (y flipped back, since
the canvas counts y downwards); names are written for the most connected nodes only when
the view is large, so that the figure stays legible.
"""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from viz.style import MARKERS, Style

LABEL_ALL_MAX = 60  # views up to this many nodes get every name written
LABEL_TOP = 25  # otherwise, the names of this many most connected nodes


def _figure(graph: nx.MultiDiGraph, style: Style, positions: dict[Any, tuple[float, float]], title: str) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D

    n = graph.number_of_nodes()
    side = min(16.0, max(7.0, 3.0 + n ** 0.5 * 0.6))
    fig, ax = plt.subplots(figsize=(side + 3.2, side))
    ax.set_title(title, fontsize=12)
    ax.set_axis_off()
    ax.set_aspect("equal")

    def xy(node: Any) -> tuple[float, float]:
        x, y = positions.get(node, (0.0, 0.0))
        return x, -y

    by_look: dict[tuple[str, float, bool], list[tuple[tuple[float, float], tuple[float, float]]]] = {}
    for u, v, a in sorted(graph.edges(data=True), key=lambda t: (str(t[0]), str(t[1]))):
        look = style.edge(a)
        by_look.setdefault((look.color, look.width, look.dashes), []).append((xy(u), xy(v)))
    for (color, width, dashes), segments in sorted(by_look.items()):
        ax.add_collection(
            LineCollection(segments, colors=color, linewidths=max(0.4, width * 0.6),
                           linestyles="dashed" if dashes else "solid", alpha=0.75, zorder=1)
        )
    degree = dict(graph.degree())
    top = max(degree.values(), default=1) or 1
    groups: dict[str, list[Any]] = {}
    for node, a in graph.nodes(data=True):
        groups.setdefault(str(a.get("group", "")), []).append(node)
    for group, members in sorted(groups.items()):
        glook = style.groups.get(group, style.default_group)
        members = sorted(members, key=str)
        pts = [xy(m) for m in members]
        sizes = [30 + 170 * (degree[m] / top) ** 0.5 for m in members]
        ax.scatter([p[0] for p in pts], [p[1] for p in pts], s=sizes, c=glook.color, marker=MARKERS[glook.shape],
                   edgecolors="#333333", linewidths=0.5, zorder=2)
    named = sorted(graph.nodes, key=lambda m: (-degree[m], str(m)))
    if n > LABEL_ALL_MAX:
        named = named[:LABEL_TOP]
    for m in named:
        x, y = xy(m)
        label = str(graph.nodes[m].get("label", m))
        ax.annotate(label if len(label) <= 40 else label[:39] + "\u2026", (x, y), xytext=(0, -9),
                    textcoords="offset points", ha="center", va="top", fontsize=7, zorder=3)
    if positions and n:
        xs = [xy(m)[0] for m in graph.nodes]
        ys = [xy(m)[1] for m in graph.nodes]
        pad = 40.0
        ax.set_xlim(min(xs) - pad, max(xs) + pad)
        ax.set_ylim(min(ys) - pad, max(ys) + pad)

    handles: list[Any] = []
    present_groups = set(groups)
    for key, nlook in style.groups.items():
        if key in present_groups:
            handles.append(Line2D([], [], linestyle="", marker=MARKERS[nlook.shape], markersize=8,
                                  markerfacecolor=nlook.color, markeredgecolor="#333333", label=nlook.label))
    relations = {str(a.get("relation", "")) for _, _, a in graph.edges(data=True)}
    for key, elook in style.relations.items():
        if key in relations and key != "stance":
            handles.append(Line2D([], [], color=elook.color, linestyle="--" if elook.dashes else "-",
                                  linewidth=1.5, label=elook.label))
    stances = {str(a.get("detail", "")) for _, _, a in graph.edges(data=True) if a.get("relation") == "stance"}
    for key in [k for k in style.positions if k in stances] + sorted(stances - set(style.positions)):
        plook = style.edge({"relation": "stance", "detail": key})
        handles.append(Line2D([], [], color=plook.color, linewidth=2.5, label=f"stance: {plook.label}"))
    if handles:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def figure_bytes(
    graph: nx.MultiDiGraph, style: Style, positions: dict[Any, tuple[float, float]], title: str
) -> dict[str, bytes]:
    """{"svg": ..., "png": ...} of one view; byte-identical for the same input."""
    import matplotlib
    from matplotlib import pyplot as plt

    out: dict[str, bytes] = {}
    with matplotlib.rc_context({"svg.hashsalt": "scomm-kg", "svg.fonttype": "none", "font.family": "Liberation Sans"}):
        fig = _figure(graph, style, positions, title)
        try:
            for fmt, metadata in (("svg", {"Date": None, "Creator": None}), ("png", {"Software": None})):
                buf = io.BytesIO()
                fig.savefig(buf, format=fmt, dpi=150, metadata=metadata, bbox_inches="tight")
                out[fmt] = buf.getvalue()
        finally:
            plt.close(fig)
    return out
