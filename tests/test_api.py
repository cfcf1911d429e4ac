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


def test_stances_come_with_typed_columns(mini_built: Project) -> None:
    import pandas as pd

    stances = open_graph(out_dir=mini_built.out_dir).stances()
    assert str(stances["earliest"].dtype).startswith("datetime64") and str(stances["latest"].dtype).startswith("datetime64")
    assert isinstance(stances["precision"].dtype, pd.CategoricalDtype)
    assert isinstance(stances["actor_kind"].dtype, pd.CategoricalDtype)
    month = stances[stances["date"] == "2010-09"].iloc[0]
    assert (month["earliest"], month["latest"], month["precision"]) == (
        pd.Timestamp("2010-09-01"), pd.Timestamp("2010-09-30"), "month")
    # pd.to_datetime needs no glue, and nothing dated is lost on a monthly resample
    dated = stances.dropna(subset=["earliest"])
    assert len(dated.set_index("earliest").resample("MS").size().loc[lambda s: s > 0]) >= 1
    assert dated["earliest"].dt.year.notna().all()


def test_documents_are_told_from_actors(mini_built: Project) -> None:
    kg = open_graph(out_dir=mini_built.out_dir)
    kinds = dict(zip(kg.entities()["id"], kg.entities()["kind"]))
    assert kinds["doc-a"] == "source"
    assert set(kg.statements()["actor_kind"].dropna()) <= set(kinds.values())


def test_precision_of_a_date_as_written() -> None:
    from graph.api import precision

    assert [precision(t) for t in ("2010", "2010-09", "2010-09-14", "2010-09/2010-10", "../2010-10-14", "")] == [
        "year", "month", "day", "interval", "interval", "undated"]
