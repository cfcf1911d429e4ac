"""viz.figures: static SVG and PNG, same colours, a legend, byte-identical on rerun."""

from __future__ import annotations

from pathlib import Path

from viz.figures import figure_bytes
from viz.graph_file import read_graph
from viz.layout import layout
from viz.style import load_style

FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"


def test_figures_are_deterministic_and_carry_a_legend() -> None:
    g, style = read_graph(FIXTURE), load_style()
    pos = layout(g)
    first = figure_bytes(g, style, pos, "Fixture")
    second = figure_bytes(g, style, pos, "Fixture")
    assert first == second
    assert first["png"][:8] == b"\x89PNG\r\n\x1a\n"
    svg = first["svg"].decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    for label in ("Jurisdiction", "Official or person", "stance: seeks to opt out", "Holds a post"):
        assert label in svg
    assert style.groups["jurisdiction"].color.lower() in svg.lower()
    assert style.positions["seeks-opt-out"].color.lower() in svg.lower()
    # names from records are text in the SVG, escaped
    assert "&lt;script&gt;" in svg and "<script>" not in svg
