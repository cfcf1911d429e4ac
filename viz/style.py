"""The look of the graph: colours and shapes per node group, relation and position.

The style is data (viz/style.yaml); this module loads and checks it and answers "how
does this node or edge look", for the HTML pages and the static figures alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import yaml

from graph.errors import DataErrors

# vis-network shape -> matplotlib marker, so that figures look like the pages
MARKERS: dict[str, str] = {
    "dot": "o",
    "square": "s",
    "triangle": "^",
    "triangleDown": "v",
    "diamond": "D",
    "hexagon": "h",
    "star": "*",
}
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class NodeLook:
    label: str
    color: str
    shape: str


@dataclass(frozen=True)
class EdgeLook:
    label: str
    color: str
    width: float = 1.0
    dashes: bool = False


@dataclass(frozen=True)
class Style:
    groups: dict[str, NodeLook]
    default_group: NodeLook
    relations: dict[str, EdgeLook]
    default_relation: EdgeLook
    positions: dict[str, EdgeLook]
    polarity: dict[int, EdgeLook]
    community_colors: tuple[str, ...]
    size_min: float
    size_max: float
    size_default: float

    def node(self, attrs: Mapping[str, Any]) -> NodeLook:
        """The look of a node, by its `group`."""
        return self.groups.get(str(attrs.get("group", "")), self.default_group)

    def edge(self, attrs: Mapping[str, Any]) -> EdgeLook:
        """The look of an edge: its relation's, coloured by position for stances."""
        base = self.relations.get(str(attrs.get("relation", "")), self.default_relation)
        if attrs.get("relation") != "stance":
            return base
        pos = self.positions.get(str(attrs.get("detail", "")))
        if pos is None:
            pos = self.polarity.get(_polarity(attrs.get("polarity")), self.polarity[0])
        return EdgeLook(label=pos.label, color=pos.color, width=base.width, dashes=base.dashes)

    def community_color(self, number: int) -> str:
        """Colour of coalition `number`; 0 (unaligned) is the neutral grey."""
        if number <= 0:
            return self.default_group.color
        return self.community_colors[(number - 1) % len(self.community_colors)]

    def to_json(self) -> dict[str, Any]:
        """What the page's script needs (community colours, size range)."""
        return {
            "community_colors": list(self.community_colors),
            "unaligned_color": self.default_group.color,
            "size": {"min": self.size_min, "max": self.size_max, "default": self.size_default},
        }


def _polarity(value: Any) -> int:
    try:
        return max(-1, min(1, int(value)))
    except (TypeError, ValueError):
        return 0


def default_style_path() -> Path:
    return Path(str(resources.files("viz").joinpath("style.yaml")))


def load_style(path: Path | None = None) -> Style:
    """Read and check a style file (default: viz/style.yaml); every problem at once."""
    path = path or default_style_path()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataErrors([f"{path}: cannot read the style: {exc}"]) from exc
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise DataErrors([f"{path}: the style must be a mapping of sections"])

    def section(name: str) -> dict[str, Any]:
        value = raw.get(name)
        if not isinstance(value, dict):
            problems.append(f"{path} ({name}): missing, or not a mapping")
            return {}
        return value

    def node_look(where: str, item: Any) -> NodeLook:
        if not isinstance(item, dict):
            problems.append(f"{path} ({where}): expected a mapping with label, color, shape")
            return NodeLook(where, "#BBBBBB", "dot")
        color, shape = str(item.get("color", "")), str(item.get("shape", ""))
        if not _COLOR.match(color):
            problems.append(f"{path} ({where}): color {color!r} is not #RRGGBB")
        if shape not in MARKERS:
            problems.append(f"{path} ({where}): shape {shape!r} is not one of {', '.join(sorted(MARKERS))}")
        return NodeLook(str(item.get("label", where)), color, shape)

    def edge_look(where: str, item: Any) -> EdgeLook:
        if not isinstance(item, dict):
            problems.append(f"{path} ({where}): expected a mapping with label, color")
            return EdgeLook(where, "#BBBBBB")
        color = str(item.get("color", ""))
        if not _COLOR.match(color):
            problems.append(f"{path} ({where}): color {color!r} is not #RRGGBB")
        try:
            width = float(item.get("width", 1.0))
        except (TypeError, ValueError):
            problems.append(f"{path} ({where}): width {item.get('width')!r} is not a number")
            width = 1.0
        return EdgeLook(str(item.get("label", where)), color, width, bool(item.get("dashes", False)))

    groups = {k: node_look(f"groups.{k}", v) for k, v in section("groups").items()}
    relations = {k: edge_look(f"relations.{k}", v) for k, v in section("relations").items()}
    positions = {k: edge_look(f"positions.{k}", v) for k, v in section("positions").items()}
    polarity: dict[int, EdgeLook] = {}
    for k, v in section("polarity").items():
        if str(k) not in ("1", "0", "-1"):
            problems.append(f"{path} (polarity.{k}): polarity is 1, 0 or -1")
            continue
        polarity[int(k)] = edge_look(f"polarity.{k}", v)
    for needed in (1, 0, -1):
        if needed not in polarity:
            problems.append(f"{path} (polarity): no entry for {needed}")
    colors = raw.get("community_colors")
    if not isinstance(colors, list) or not colors:
        problems.append(f"{path} (community_colors): expected a non-empty list of #RRGGBB")
        colors = ["#BBBBBB"]
    for i, c in enumerate(colors):
        if not _COLOR.match(str(c)):
            problems.append(f"{path} (community_colors[{i}]): {c!r} is not #RRGGBB")
    size = section("node_size")
    try:
        size_min, size_max = float(size.get("min", 8)), float(size.get("max", 40))
        size_default = float(size.get("default", 14))
    except (TypeError, ValueError):
        problems.append(f"{path} (node_size): min, max and default must be numbers")
        size_min, size_max, size_default = 8.0, 40.0, 14.0
    default_group = node_look("default_group", raw.get("default_group"))
    default_relation = edge_look("default_relation", raw.get("default_relation"))
    if problems:
        raise DataErrors(problems)
    return Style(
        groups=groups,
        default_group=default_group,
        relations=relations,
        default_relation=default_relation,
        positions=positions,
        polarity=polarity,
        community_colors=tuple(str(c) for c in colors),
        size_min=size_min,
        size_max=size_max,
        size_default=size_default,
    )
