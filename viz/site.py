"""Write every view, its figures and the index into one folder, all at once.

The pages are written into a fresh folder beside the target, which then replaces the
old one: a failure part-way leaves the previous pages untouched, never a mix.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from graph.errors import UsageError
from viz.figures import figure_bytes
from viz.layout import SEED, layout
from viz.render import PageMeta, render_page
from viz.style import Style
from viz.views import KINDS, View, plan_views

FIGURE_KINDS = ("whole", "stance", "source", "year")  # ego views are too many for figures
MARKER = ".scomm-viz"  # marks a folder this module wrote, and may therefore replace


@dataclass(frozen=True)
class SiteOptions:
    program: str = "secure-communities"
    kinds: tuple[str, ...] = KINDS
    size_by: str = "degree"
    color_by: str = "class"
    figures: bool = True
    seed: int = SEED


@dataclass
class SiteReport:
    out_dir: Path
    pages: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)


def _meta(view: View, options: SiteOptions) -> PageMeta:
    depth = view.path.count("/")
    up = "../" * depth
    links: list[tuple[str, str]] = []
    if view.kind != "whole" and "whole" in options.kinds:
        links.append(("Whole graph", up + "graph.html"))
    if options.figures and view.kind in FIGURE_KINDS:
        base = up + "figures/" + view.name.replace("/", "-")
        links += [("SVG figure", base + ".svg"), ("PNG figure", base + ".png")]
    return PageMeta(title=view.title, description=view.description, index_href=up + "index.html",
                    slug=view.name, size_by=options.size_by, color_by=options.color_by, links=tuple(links))


def index_html(graph: nx.MultiDiGraph, views: list[View], report: SiteReport) -> str:
    """The index page linking every view and figure."""
    esc = html.escape
    sections = {
        "whole": "The whole graph",
        "stance": "Stance network",
        "source": "One page per source document",
        "year": "Snapshots by year",
        "ego": "One page per actor",
    }
    figures = set(report.figures)
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>scomm-kg: views of the graph</title>",
        "<style>body{font:14px/1.4 'Liberation Sans',Arial,sans-serif;margin:2em auto;max-width:60em;padding:0 1em}"
        "li{margin:2px 0}.n{color:#666}ul.ego{columns:3}</style></head><body>",
        "<h1>Views of the Secure Communities evidence graph</h1>",
        f"<p>{graph.number_of_nodes()} nodes and {graph.number_of_edges()} statement edges. Every page opens "
        "from disk without a network connection. Click a node or an edge to read what the sources say.</p>",
    ]
    for kind in ("whole", "stance", "source", "year", "ego"):
        items = [v for v in views if v.kind == kind]
        if not items:
            continue
        css = ' class="ego"' if kind == "ego" else ""
        parts.append(f"<h2>{esc(sections[kind])}</h2><ul{css}>")
        for v in items:
            extra = ""
            base = "figures/" + v.name.replace("/", "-")
            if base + ".svg" in figures:
                extra = f' (<a href="{esc(base)}.svg">SVG</a>, <a href="{esc(base)}.png">PNG</a>)'
            count = f"{v.graph.number_of_nodes()} nodes, {v.graph.number_of_edges()} edges"
            parts.append(f'<li><a href="{esc(v.path)}">{esc(v.title)}</a> <span class="n">{count}</span>{extra}</li>')
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_site(graph: nx.MultiDiGraph, out_dir: Path, style: Style, options: SiteOptions | None = None) -> SiteReport:
    """Render every view of `graph` into `out_dir` (replaced whole), with index.html."""
    options = options or SiteOptions()
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARKER).exists())):
        raise UsageError(f"{out_dir}: exists and was not written by scomm viz; it would be replaced whole, "
                         "so choose a new or empty folder")
    graph = graph.copy()  # nothing below may change the caller's graph
    views = plan_views(graph, program=options.program, kinds=options.kinds)
    whole_positions = layout(graph, seed=options.seed)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    report = SiteReport(out_dir=out_dir)
    try:
        for view in views:
            positions: dict[Any, tuple[float, float]]
            if view.whole_layout or view.kind == "whole":
                positions = {n: whole_positions[n] for n in view.graph}
            else:
                positions = layout(view.graph, seed=options.seed)
            page = render_page(view.graph, style, positions, _meta(view, options))
            _write(tmp / view.path, page.encode("utf-8"))
            report.pages.append(view.path)
            if options.figures and view.kind in FIGURE_KINDS:
                for fmt, data in figure_bytes(view.graph, style, positions, view.title).items():
                    name = f"figures/{view.name.replace('/', '-')}.{fmt}"
                    _write(tmp / name, data)
                    report.figures.append(name)
        _write(tmp / "index.html", index_html(graph, views, report).encode("utf-8"))
        _write(tmp / MARKER, b"written by scomm viz; this folder is replaced whole on every run\n")
        report.pages.append("index.html")
        _swap(tmp, out_dir)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return report


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _swap(new: Path, target: Path) -> None:
    """Put `new` in place of `target`: two renames, the old folder removed afterwards."""
    os.chmod(new, 0o755)
    if not target.exists():
        os.replace(new, target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)

