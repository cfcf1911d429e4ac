"""Write the explorer, its index and (on request) static figures into one folder, all at once.

The files are written into a fresh folder beside the target, which then replaces the old
one (`_swap`, the single final step): a failure part-way leaves the previous explorer
untouched, never a mix.
"""

from __future__ import annotations

import html
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from graph.errors import UsageError
from viz.explorer import Document, ExplorerInput, find_program, render_explorer
from viz.figures import figure_bytes
from viz.layout import SEED, layout
from viz.style import Style
from viz.views import plan_views

EXPLORER = "explorer.html"
FIGURE_KINDS = ("whole", "stance")  # static figures for papers, on request
MARKER = ".scomm-viz"  # marks a folder this module wrote, and may therefore replace
VIEW_KINDS = ("whole", "stance", "actors", "figures")  # views the explorer may open on


@dataclass(frozen=True)
class SiteOptions:
    program: str = "secure-communities"
    program_required: bool = False  # an unknown program is an error (else: no stance view)
    view: str = "whole"
    size_by: str = "degree"
    color_by: str = "class"
    figures: bool = False
    seed: int = SEED
    documents: dict[str, Document] = field(default_factory=dict)
    contradicts: tuple[tuple[str, str], ...] = ()
    report: Path | None = None  # the analyses' report.html, linked from the explorer when it exists


@dataclass
class SiteReport:
    out_dir: Path
    pages: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    explorer_bytes: int = 0


def _report_href(report: Path | None, out_dir: Path) -> str:
    if report is None or not report.is_file():
        return ""
    rel = os.path.relpath(report.resolve(), out_dir.resolve())
    return "/".join(quote(part) for part in Path(rel).parts)


def index_html(graph: nx.MultiDiGraph, report: SiteReport, starts: list[tuple[str, str]], report_href: str) -> str:
    """The index page: what the explorer is, and views to start from."""
    esc = html.escape
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<title>scomm-kg: the evidence explorer</title>",
        "<style>body{font:15px/1.45 'Liberation Sans',Arial,sans-serif;margin:2em auto;max-width:50em;padding:0 1em}"
        "li{margin:3px 0}.big{font-size:1.3em}</style></head><body>",
        "<h1>The Secure Communities evidence graph</h1>",
        f"<p class=\"big\"><a href=\"{EXPLORER}\">Open the explorer</a></p>",
        f"<p>{graph.number_of_nodes()} nodes and {graph.number_of_edges()} statement edges, every one with its "
        "source and quote, in one file that opens from disk without a network connection.</p>",
        "<h2>Start from a view</h2><ul>",
    ]
    for title, frag in starts:
        parts.append(f'<li><a href="{EXPLORER}#{esc(frag)}">{esc(title)}</a></li>')
    parts.append("</ul>")
    if report_href:
        parts.append(f'<p><a href="{esc(report_href)}">The analyses report</a> (disagreements, coalitions, timelines)</p>')
    if report.figures:
        parts.append("<h2>Static figures</h2><ul>")
        for name in report.figures:
            parts.append(f'<li><a href="{esc(name)}">{esc(name)}</a></li>')
        parts.append("</ul>")
    parts.append("</body></html>\n")
    return "".join(parts)


def _starts(graph: nx.MultiDiGraph, program_label: str | None) -> list[tuple[str, str]]:
    starts = [("The whole evidence graph", "view=whole")]
    if program_label:
        starts.append((f"Stances on {program_label}: who is on which side", "view=stance"))
    starts.append(("Actors: congruence and conflict", "view=actors"))
    starts.append(("Contested statements only", "view=whole&contested=1"))
    sources = sorted({(str(a.get("source")), str(a.get("source_title", ""))) for *_, a in graph.edges(data=True)
                      if a.get("source")})
    for sid, title in sources:
        starts.append((f"According to {title or sid}", "view=" + quote(f"source:{sid}", safe=":")))
    return starts


def write_site(graph: nx.MultiDiGraph, out_dir: Path, style: Style, options: SiteOptions | None = None) -> SiteReport:
    """Write the explorer of `graph` and its index into `out_dir` (replaced whole)."""
    options = options or SiteOptions()
    out_dir = Path(out_dir)
    if out_dir.exists() and (not out_dir.is_dir() or (any(out_dir.iterdir()) and not (out_dir / MARKER).exists())):
        raise UsageError(f"{out_dir}: exists and was not written by scomm viz; it would be replaced whole, "
                         "so choose a new or empty folder")
    graph = graph.copy()  # nothing below may change the caller's graph
    try:
        program = find_program(graph, options.program)  # a clear error before anything is written
        program_label: str | None = str(graph.nodes[program].get("label", options.program))
    except UsageError:
        if options.program_required:
            raise
        program_label = None
    report_href = _report_href(options.report, out_dir)
    extra = ExplorerInput(program=options.program, documents=options.documents, contradicts=options.contradicts,
                          report_href=report_href, initial_view=options.view, size_by=options.size_by,
                          color_by=options.color_by, seed=options.seed)
    page = render_explorer(graph, style, extra)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    report = SiteReport(out_dir=out_dir)
    try:
        data = page.encode("utf-8")
        _write(tmp / EXPLORER, data)
        report.explorer_bytes = len(data)
        report.pages.append(EXPLORER)
        if options.figures:
            positions = layout(graph, seed=options.seed)
            kinds = FIGURE_KINDS if program_label else ("whole",)
            for view in plan_views(graph, program=options.program, kinds=kinds):
                pos = positions if view.kind == "whole" else layout(view.graph, seed=options.seed)
                for fmt, blob in figure_bytes(view.graph, style, pos, view.title).items():
                    name = f"figures/{view.name.replace('/', '-')}.{fmt}"
                    _write(tmp / name, blob)
                    report.figures.append(name)
        _write(tmp / "index.html", index_html(graph, report, _starts(graph, program_label), report_href).encode("utf-8"))
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
    """Put `new` in place of `target` whole, in one step (graph/folders.py): a reader sees
    the old site or the new one, never neither and never a mix."""
    from graph.folders import output_lock, swap_folder

    with output_lock(target.parent):
        for leftover in target.parent.glob(f".{target.name}.*"):  # what a killed run left
            if leftover != new and leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)
        swap_folder(new, target, "viz")
