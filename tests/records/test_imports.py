"""scomm import: a table keyed by FIPS into its own named graph, provenance on every value."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import DataError, DataErrors
from graph.records.imports import import_table
from graph.records.mapping import read_mapping
from graph.folders import Project, project
from graph.records.reference import reference_nquads
from graph.store.embedded import create_store, open_store

REPO = Path(__file__).resolve().parents[2]
FIX = Path(__file__).resolve().parents[1] / "fixtures" / "scale"
GRAPH = "https://w3id.org/scomm-kg/graph/import/test-activation"
PREFIXES = """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


@pytest.fixture
def built(tmp_path: Path) -> Project:
    """A built store holding the reference layer and a slice of curated statements."""
    proj = project(REPO, tmp_path / "out")
    proj.out_dir.mkdir()
    curated = ox.Dataset(ox.parse(path=str(FIX / "curated.trig"), format=ox.RdfFormat.TRIG))
    data = reference_nquads(proj).encode() + ox.serialize(curated, format=ox.RdfFormat.N_QUADS)  # type: ignore[operator]
    create_store(proj.out_dir / "store", data)
    return proj


def select(proj: Project, body: str) -> list[dict[str, str]]:
    store = open_store(proj.out_dir)
    solutions = store.query(PREFIXES + body, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


def test_good_table_imports_every_value_with_file_hash_row_and_column(built: Project) -> None:
    result = import_table(built, FIX / "activation-good.csv", FIX / "activation.yaml")
    assert (result.rows_read, result.rows_imported, result.values, result.left_out) == (3, 3, 5, [])
    rows = select(built, f"""SELECT ?place ?date ?row ?column ?file ?sha WHERE {{ GRAPH <{GRAPH}> {{
        ?place scomm:activationDate ?date .
        ?v a scomm:ImportedValue ; rdf:subject ?place ; rdf:predicate scomm:activationDate ; rdf:object ?date ;
           scomm:sourceRow ?row ; scomm:sourceColumn ?column ; prov:wasDerivedFrom ?t .
        ?t schema:name ?file ; schema:sha256 ?sha }} }} ORDER BY ?row""")
    sha = hashlib.sha256((FIX / "activation-good.csv").read_bytes()).hexdigest()
    ref = "https://w3id.org/scomm-kg/ref/fips/"
    assert rows == [
        {"place": ref + "06085", "date": "2010-05-04", "row": "2", "column": "activated", "file": "activation-good.csv", "sha": sha},
        {"place": ref + "06001", "date": "2010-03-16", "row": "3", "column": "activated", "file": "activation-good.csv", "sha": sha},
        {"place": ref + "36061", "date": "2012-05-15", "row": "4", "column": "activated", "file": "activation-good.csv", "sha": sha},
    ]
    # an empty optional cell gives no value; the direct triples have every other value
    assert len(select(built, f"SELECT * WHERE {{ GRAPH <{GRAPH}> {{ ?p scomm:statewideActivationDate ?d }} }}")) == 2
    assert result.path == built.out_dir / "imports" / "test-activation.nq"
    text = result.path.read_text()
    assert text.splitlines() == sorted(text.splitlines())


def test_bad_rows_are_all_reported_with_row_numbers_and_nothing_is_written(built: Project) -> None:
    with pytest.raises(DataErrors) as caught:
        import_table(built, FIX / "activation-bad.csv", FIX / "activation.yaml")
    messages = caught.value.messages
    assert messages[0] == "activation-bad.csv:3 (fips 99999): unknown FIPS code '99999': not in the reference layer of US jurisdictions"
    assert messages[1] == "activation-bad.csv:4 (fips 06001): column 'activated': unparseable date '2010-13-45' (expected YYYY-MM-DD)"
    assert messages[2] == "activation-bad.csv:5 (fips 06085): duplicate key '06085': row 2 has it already"
    assert messages[3].startswith("activation-bad.csv:6 (fips 6075): malformed FIPS code '6075'") and "06075?" in messages[3]
    assert messages[4] == "activation-bad.csv:7: empty key column 'fips'"
    # the count is of bad rows: the closing note is not one of the problems
    assert len(messages) == 5 and str(caught.value).startswith("5 problems found:")
    assert "nothing was written: fix these 5 rows" in str(caught.value) and "--keep-good-rows" in str(caught.value)
    assert not any((built.out_dir / "imports").glob("*.nq"))
    assert select(built, f"SELECT * WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }} LIMIT 1") == []


def test_keep_good_rows_imports_the_good_ones_and_lists_the_rest(built: Project) -> None:
    result = import_table(built, FIX / "activation-bad.csv", FIX / "activation.yaml", keep_good_rows=True)
    assert (result.rows_read, result.rows_imported, len(result.left_out)) == (6, 1, 5)
    rows = select(built, f"SELECT ?p ?d WHERE {{ GRAPH <{GRAPH}> {{ ?p scomm:activationDate ?d }} }}")
    assert rows == [{"p": "https://w3id.org/scomm-kg/ref/fips/06085", "d": "2010-05-04"}]


def test_importing_again_replaces_the_graph(built: Project) -> None:
    import_table(built, FIX / "activation-bad.csv", FIX / "activation.yaml", keep_good_rows=True)
    import_table(built, FIX / "activation-good.csv", FIX / "activation.yaml")
    import_table(built, FIX / "activation-good.csv", FIX / "activation.yaml")
    rows = select(built, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{GRAPH}> {{ ?p scomm:activationDate ?d }} }}")
    assert rows == [{"n": "3"}]
    assert len(select(built, f"SELECT ?t WHERE {{ GRAPH <{GRAPH}> {{ ?t schema:sha256 ?s }} }}")) == 1


def test_mapping_problems_are_all_reported_with_lines(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as caught:
        read_mapping(FIX / "mapping-bad.yaml", "mapping-bad.yaml")
    text = "\n".join(caught.value.messages)
    assert "mapping-bad.yaml:3: unknown field 'colour'" in text
    assert "mapping-bad.yaml:1: name must be a slug" in text
    assert "mapping-bad.yaml:6: key.kind must be one of fips, entity, got 'zip'" in text
    assert "mapping-bad.yaml:10: datatype must be one of" in text
    assert "mapping-bad.yaml:11: column 'activated' is mapped twice" in text


def test_a_property_the_ontology_does_not_declare_and_a_missing_column_are_refused(built: Project) -> None:
    with pytest.raises(DataErrors) as caught:
        import_table(built, FIX / "activation-good.csv", FIX / "mapping-unknown-property.yaml")
    text = "\n".join(caught.value.messages)
    assert "property 'activatedOn' (column 'activated') is not a scomm: property declared in ontology/*.ttl" in text
    assert "activation-good.csv:1: no column 'missing_column'" in text


def test_the_import_survives_a_rebuild(tmp_path: Path) -> None:
    from tests.conftest import make_mini

    from graph.build.pipeline import build

    mini = make_mini(tmp_path / "mini")
    build(mini)
    import_table(mini, FIX / "activation-good.csv", FIX / "activation.yaml")
    build(mini)
    assert select(mini, f"SELECT ?d WHERE {{ GRAPH <{GRAPH}> {{ <https://w3id.org/scomm-kg/ref/fips/06085> scomm:activationDate ?d }} }}") == [
        {"d": "2010-05-04"}
    ]


def test_cli_import_exit_codes_and_messages(built: Project) -> None:
    runner = CliRunner()
    args = ["--out", str(built.out_dir), "--mapping", str(FIX / "activation.yaml")]
    bad = runner.invoke(main, ["import", str(FIX / "activation-bad.csv"), *args])
    assert bad.exit_code == 1
    assert "activation-bad.csv:3 (fips 99999): unknown FIPS code" in bad.output
    kept = runner.invoke(main, ["import", str(FIX / "activation-bad.csv"), *args, "--keep-good-rows"])
    assert kept.exit_code == 0, kept.output
    assert "imported 1 of 6 rows (2 values)" in kept.output and "left out: activation-bad.csv:3" in kept.output
    missing = runner.invoke(main, ["import", str(FIX / "nope.csv"), *args])
    assert missing.exit_code == 1 and "cannot read the table" in missing.output


def test_a_table_with_no_rows_does_not_replace_an_import(built: Project, tmp_path: Path) -> None:
    import_table(built, FIX / "activation-good.csv", FIX / "activation.yaml")
    before = (built.out_dir / "imports" / "test-activation.nq").read_bytes()
    empty = tmp_path / "activation-good.csv"
    empty.write_text((FIX / "activation-good.csv").read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    with pytest.raises(DataError, match="no rows to import .*--allow-empty"):
        import_table(built, empty, FIX / "activation.yaml")
    assert (built.out_dir / "imports" / "test-activation.nq").read_bytes() == before
    import_table(built, empty, FIX / "activation.yaml", allow_empty=True)
    assert (built.out_dir / "imports" / "test-activation.nq").read_bytes() != before


def test_an_oversized_field_is_reported_by_row(built: Project, tmp_path: Path) -> None:
    import csv as csv_module

    table = tmp_path / "activation-good.csv"
    lines = (FIX / "activation-good.csv").read_text(encoding="utf-8").splitlines()
    lines.insert(2, '06001,"' + "x" * (csv_module.field_size_limit() + 10) + '"')
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataErrors) as caught:
        import_table(built, table, FIX / "activation.yaml")
    assert any(m.startswith("activation-good.csv:3: a field is longer than") for m in caught.value.messages), caught.value.messages
