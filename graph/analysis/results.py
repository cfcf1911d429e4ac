"""The result of one analysis run: what the report, the tables and the RDF writers read."""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from graph.analysis.coalitions import CoalitionResult, Polarization
from graph.analysis.disagreements import Disagreement
from graph.analysis.measures import Centrality
from graph.analysis.perspective import Divergence, Overlap, SourceView
from graph.analysis.selection import Selection
from graph.analysis.timeline import Entry, FigurePoint


@dataclass(frozen=True)
class Window:
    """Coalitions and polarization of the stances dated within one year."""

    label: str
    stances: int
    actors: int
    coalitions: int
    polarization: Polarization


@dataclass
class Analysis:
    selection: Selection
    normalization: str
    networks: dict[str, nx.Graph]
    centrality: dict[str, list[Centrality]]
    coalitions: CoalitionResult
    windows: list[Window]
    disagreements: list[Disagreement]
    views: list[SourceView]
    overlaps: list[Overlap]
    divergences: list[Divergence]
    jurisdictions: list[Entry]
    figures: dict[tuple[str, str], list[FigurePoint]]
    timelines: dict[str, list[Entry]] = field(default_factory=dict)  # actors whose position changed
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # networks too large to build, and why
