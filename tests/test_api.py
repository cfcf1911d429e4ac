"""The Python API for notebooks, on the mini fixture."""

from __future__ import annotations

import pytest

from graph.api import open_graph
from graph.errors import UsageError
from graph.folders import Project


def test_named_query_with_keyword_params(mini_built: Project) -> None:
    kg = open_graph(out_dir=mini_built.out_dir)
    assert "stances-on" in kg.queries()
    records = kg.query("opt-out-attempts", program="beta-program").records()
    assert [(r["name"], r["date"], r["source"]) for r in records] == [("Alpha County", "2010-09", "doc-a")]


def test_sparql_text_and_dataframe(mini_built: Project) -> None:
    kg = open_graph(out_dir=mini_built.out_dir)
    result = kg.query(
        "PREFIX scomm: <https://w3id.org/scomm-kg/ontology#> "
        "SELECT (COUNT(?s) AS ?n) WHERE { ?s a scomm:Stance }"
    )
    assert result.records() == [{"n": 3}]
    frame = kg.dataframe("figures")
    assert list(frame["value"]) == [1200, 1500]


def test_bad_parameter_is_a_usage_error(mini_built: Project) -> None:
    with pytest.raises(UsageError, match="has no parameter"):
        open_graph(out_dir=mini_built.out_dir).query("figures", colour="red")
