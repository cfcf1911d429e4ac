"""The readable report of an analysis, as Markdown and as one self-contained HTML page.

The report is built once as a list of blocks (headings, paragraphs, tables, bar charts)
and rendered twice. Charts are inline SVG in the HTML, so the page opens offline; in
Markdown they become tables. Every number cites the statements it comes from in the
tables under out/analysis/.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

if TYPE_CHECKING:
    from graph.analysis.results import Analysis

TOP = 10
MAX_LISTED = 50  # disagreements and timelines in the report; the tables hold all


@dataclass(frozen=True)
class Heading:
    level: int
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[tuple[str, float], ...]


Block = Union[Heading, Para, Table, Chart]


def _side(p: int) -> str:
    return "for" if p > 0 else "against" if p < 0 else "neutral"


def blocks(a: Analysis) -> list[Block]:
    eg = a.networks["evidence"]
    out: list[Block] = [Heading(1, "Discourse network analysis: Secure Communities")]
    out.append(Para(
        f"Selection: {a.selection.describe()}. {eg.number_of_edges()} statement edges among {eg.number_of_nodes()} nodes "
        f"from {len({d['source'] for *_, d in eg.edges(data=True)})} sources. Actor networks use the "
        f"'{a.normalization}' normalization. Every figure below comes from the statements listed in the CSV/JSON "
        "tables beside this report (statement ids), each with its quote in the graph."
    ))

    for reason in a.skipped:
        out.append(Para(f"Not computed: {reason}."))
    out.append(Heading(2, "Coalitions"))
    c = a.coalitions
    if c.polarization is not None:
        p = c.polarization
        score = "n/a" if p.score is None else f"{p.score:.3f}"
        out.append(Para(
            f"Polarization {score} (conflict between coalitions / all ties except agreement inside a coalition; "
            f"congruence within {p.congruence_within:g}, between {p.congruence_between:g}; conflict within "
            f"{p.conflict_within:g}, between {p.conflict_between:g})."
        ))
    if not c.coalitions:
        out.append(Para("No two actors share a side on any target: no coalition."))
    for co in c.coalitions:
        out.append(Heading(3, f"Coalition {co.number} ({len(co.members)} actors)"))
        out.append(Para("Members: " + ", ".join(co.labels) + "."))
        out.append(Table(
            ("binds them", "members taking it", "statements"),
            tuple((f"{_side(b.polarity)} {b.target_label}", b.members, ", ".join(b.statements)) for b in co.binding),
        ))
    if c.unaligned:
        out.append(Para("Actors with no shared side: " + ", ".join(eg.nodes[n]["label"] for n in c.unaligned if n in eg) + "."))
    if a.windows:
        out.append(Heading(3, "By year"))
        out.append(Table(
            ("year", "stances", "actors", "coalitions", "polarization"),
            tuple((w.label, w.stances, w.actors, w.coalitions, "n/a" if w.polarization.score is None else f"{w.polarization.score:.3f}") for w in a.windows),
        ))
        out.append(Chart("Polarization by year", tuple((w.label, w.polarization.score or 0.0) for w in a.windows)))

    out.append(Heading(2, "Centrality"))
    for name, rows in a.centrality.items():
        out.append(Heading(3, f"{name} network"))
        if not rows:
            out.append(Para("Empty."))
            continue
        out.append(Table(
            ("rank", "name", "kind", "degree", "betweenness", "eigenvector", "ties"),
            tuple((i, r.label, r.group, f"{r.degree:.3f}", f"{r.betweenness:.3f}", f"{r.eigenvector:.3f}", r.ties) for i, r in enumerate(rows[:TOP], 1)),
        ))
        out.append(Chart(f"Degree centrality, {name} network (top {min(TOP, len(rows))})", tuple((r.label, r.degree) for r in rows[:TOP])))

    out.append(Heading(2, "Disagreements"))
    if not a.disagreements:
        out.append(Para("None found."))
    if len(a.disagreements) > MAX_LISTED:
        out.append(Para(f"{len(a.disagreements)} disagreements; the first {MAX_LISTED} below, all in disagreements.csv."))
    for i, x in enumerate(a.disagreements[:MAX_LISTED], 1):
        flags = ", ".join(f for f, on in (("curated", x.curated), ("same source", x.same_source)) if on)
        out.append(Heading(3, f"{i}. {x.kind}: {x.topic}" + (f" ({flags})" if flags else "")))
        out.append(Table(
            ("who", "says", "date", "quote", "source", "statement"),
            tuple((s.speaker, s.says, s.date or "undated", f"“{s.quote}”", s.source, s.statement_id) for s in (x.a, x.b)),
        ))

    out.append(Heading(2, "Timelines"))
    if len(a.timelines) > MAX_LISTED:
        out.append(Para(f"{len(a.timelines)} actors changed position; the first {MAX_LISTED} below, all in timelines.csv."))
    for actor, entries in list(a.timelines.items())[:MAX_LISTED]:
        out.append(Heading(3, f"{eg.nodes[actor]['label']}: position changes"))
        out.append(_entry_table(entries))
    out.append(Heading(3, "Jurisdictions: rollout and opt-out history"))
    out.append(_entry_table(a.jurisdictions) if a.jurisdictions else Para("No statements."))
    out.append(Heading(3, "Figures over time"))
    for (measure, scope), points in a.figures.items():
        out.append(Para(f"{measure}{', ' + scope if scope else ''}:"))
        out.append(Table(
            ("date", "value", "reported by", "source", "statement"),
            tuple((p.date, f"{_cmp(p.comparator)}{p.value:,.0f} {p.unit}".strip(), p.reported_by, p.source, p.statement_id) for p in points),
        ))
        if len(points) > 1:
            out.append(Chart(f"{measure}{', ' + scope if scope else ''}", tuple((p.date, p.value) for p in points)))

    out.append(Heading(2, "Source perspective"))
    out.append(Table(
        ("source", "perspective", "statements", "actors", "positions reported"),
        tuple(
            (v.source, a.sources.get(v.source, {}).get("perspective", ""), v.statements, len(v.actors),
             "; ".join(f"{x} {pos} {t}" for x, pos, t in v.positions) or "—")
            for v in a.views
        ),
    ))
    if a.overlaps:
        out.append(Para("Overlap of the actors two documents report (Jaccard):"))
        out.append(Table(("source", "source", "jaccard", "shared actors"), tuple((o.a, o.b, f"{o.jaccard:.3f}", ", ".join(o.shared) or "—") for o in a.overlaps)))
    if a.divergences:
        out.append(Para("Where documents report an actor on opposite sides of the same target:"))
        out.append(Table(("actor", "target", "as reported"), tuple((d.actor, d.target, "; ".join(f"{s}: {p}" for s, p in d.views)) for d in a.divergences)))
    out.append(Heading(2, "Files"))
    out.append(Para(
        "Tables: centrality-*.csv, ties-congruence.csv, ties-conflict.csv, two-mode.csv, coalitions.json, polarization.csv, "
        "disagreements.csv/json, sources.json, timelines.csv, jurisdiction-history.csv, figures.csv. Networks for Gephi: "
        "*.graphml and *.gexf. The measures as RDF: analysis.nq (named graph https://w3id.org/scomm-kg/graph/analysis)."
    ))
    return out


def _cmp(c: str) -> str:
    return {"more-than": "more than ", "about": "about ", "less-than": "less than "}.get(c, "")


def _entry_table(entries: list[Any]) -> Table:
    return Table(
        ("date", "who", "says", "about", "quote", "source", "change"),
        tuple(
            (e.date or "undated", e.actor_label + (f" ({e.via})" if e.via else ""), e.label, e.object_label, f"“{e.quote}”", e.source, e.change)
            for e in entries
        ),
    )


def _md_cell(v: Any) -> str:
    return str(v).replace("|", "\\|").replace("\n", " ")


def markdown_report(a: Analysis) -> str:
    lines: list[str] = []
    for b in blocks(a):
        if isinstance(b, Heading):
            lines += ["#" * b.level + " " + b.text, ""]
        elif isinstance(b, Para):
            lines += [b.text, ""]
        elif isinstance(b, Table):
            if not b.rows:
                continue
            lines.append("| " + " | ".join(b.header) + " |")
            lines.append("|" + "---|" * len(b.header))
            lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in b.rows]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _svg_bars(chart: Chart) -> str:
    """A horizontal bar chart as inline SVG."""
    width, label_w, bar_h, gap = 640, 260, 16, 6
    top = max((v for _, v in chart.bars), default=0.0) or 1.0
    height = len(chart.bars) * (bar_h + gap) + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{html.escape(chart.title)}">']
    for i, (label, value) in enumerate(chart.bars):
        y = 4 + i * (bar_h + gap)
        w = max(1.0, (width - label_w - 70) * value / top)
        short = label if len(label) <= 38 else label[:37] + "…"
        parts.append(f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end" font-size="12">{html.escape(short)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="#4a78a8"/>')
        parts.append(f'<text x="{label_w + w + 4:.1f}" y="{y + 12}" font-size="12">{value:,.3g}</text>')
    parts.append("</svg>")
    return "".join(parts)


STYLE = """body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.2em;font-size:14px}th,td{border:1px solid #ccc;padding:3px 7px;text-align:left;vertical-align:top}
th{background:#f0f3f7}figure{margin:.5em 0 1.5em}figcaption{font-size:13px;color:#555}"""


def html_report(a: Analysis) -> str:
    body: list[str] = []
    for b in blocks(a):
        if isinstance(b, Heading):
            body.append(f"<h{b.level}>{html.escape(b.text)}</h{b.level}>")
        elif isinstance(b, Para):
            body.append(f"<p>{html.escape(b.text)}</p>")
        elif isinstance(b, Table):
            if not b.rows:
                continue
            head = "".join(f"<th>{html.escape(h)}</th>" for h in b.header)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>" for r in b.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif isinstance(b, Chart) and b.bars:
            body.append(f"<figure>{_svg_bars(b)}<figcaption>{html.escape(b.title)}</figcaption></figure>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        "<title>Discourse network analysis: Secure Communities</title>"
        f"<style>{STYLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
