"""viz.style: the style file is checked whole, and answers how nodes and edges look."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import DataErrors
from viz.style import MARKERS, load_style

FIXTURES = Path(__file__).parents[1] / "fixtures" / "viz"


def test_default_style_covers_every_group_of_the_contract() -> None:
    style = load_style()
    for group in ("agency", "person", "group", "media", "jurisdiction", "program", "event", "document", "source"):
        assert group in style.groups
        assert style.groups[group].shape in MARKERS
    for relation in ("stance", "claim", "participant", "event-about", "relationship", "post",
                     "characterization", "process", "figure"):
        assert relation in style.relations


def test_stances_are_coloured_by_position_then_polarity() -> None:
    style = load_style()
    support = style.edge({"relation": "stance", "detail": "supports", "polarity": 1})
    opt_out = style.edge({"relation": "stance", "detail": "seeks-opt-out", "polarity": -1})
    unknown = style.edge({"relation": "stance", "detail": "new-position", "polarity": -1})
    assert support.color != opt_out.color
    assert unknown.color == style.polarity[-1].color
    assert style.edge({"relation": "post"}).color == style.relations["post"].color
    assert style.node({"group": "no-such-group"}) == style.default_group


def test_a_bad_style_reports_every_problem_with_where() -> None:
    with pytest.raises(DataErrors) as err:
        load_style(FIXTURES / "style-bad.yaml")
    text = str(err.value)
    assert "groups.agency): color 'blue' is not #RRGGBB" in text
    assert "groups.person): shape 'blob'" in text
    assert "relations.stance): width 'wide' is not a number" in text
    assert "(polarity): no entry for 0" in text
    assert "(polarity): no entry for -1" in text
    assert "style-bad.yaml" in text
