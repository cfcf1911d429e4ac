"""The real activation table (../shared/data) imported into the real built graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store import query as q
from graph.records.crosscheck import claims_vs_records_markdown
from graph.errors import DataErrors
from graph.records.imports import import_table
from graph.folders import Project, project
from graph.store.embedded import open_store

REPO = Path(__file__).resolve().parents[2]
TABLE = REPO.parent / "shared" / "data" / "sc_activation_by_county.csv"
MAPPING = REPO / "data" / "imports" / "sc-activation.yaml"


@pytest.fixture(scope="module")
def activated(tmp_path_factory: pytest.TempPathFactory) -> Project:
    from graph.build.pipeline import build

    proj = project(REPO, tmp_path_factory.mktemp("scale-real") / "out")
    build(proj)
    import_table(proj, TABLE, MAPPING, keep_good_rows=True)
    return proj


def test_the_real_table_has_codes_the_reference_layer_lacks_and_they_are_listed(tmp_path: Path) -> None:
    from graph.build.pipeline import build

    proj = project(REPO, tmp_path / "out")
    build(proj)
    with pytest.raises(DataErrors) as caught:
        import_table(proj, TABLE, MAPPING)
    bad = caught.value.messages  # one per bad row; the closing note is not counted among them
    # retired or renamed county codes (Wade Hampton, Shannon, Bedford city, ...) and non-codes
    assert "sc_activation_by_county.csv:229" not in "\n".join(bad)
    assert [m.split(" ", 1)[0] for m in bad] == [
        f"sc_activation_by_county.csv:{n}" for n in (87, 89, 90, 92, 93, 94, 333, 1656, 2214, 2421, 2920, 2925, 2953)
    ]
    assert "fix these 13 rows" in str(caught.value) and "3134 good rows" in str(caught.value)
    assert len(caught.value.messages) == 13 and str(caught.value).startswith("13 problems found")
    assert not any((proj.out_dir / "imports").glob("*.nq"))


def test_when_was_santa_clara_activated_and_when_did_it_ask_to_opt_out(activated: Project) -> None:
    backend = q.LocalBackend(open_store(activated.out_dir))
    result = q.run(backend, "activation-and-opt-out", {"jurisdiction": "santa-clara-county"})
    answers = {(r["fips"], r["activated"], r["optOut"], r["source"], r["sourceRow"]) for r in result.records()}
    assert ("06085", "2010-05-04", "2010-09", "backgrounder-2011", 229) in answers


def test_claims_against_records_show_both_sources(activated: Project) -> None:
    backend = q.LocalBackend(open_store(activated.out_dir))
    rows = {r["asOf"]: r for r in q.run(backend, "claims-vs-records").records()}
    # 14 in 2008: the records date exactly 14 counties on or before 2008-12-31
    assert (rows["2008-12-31"]["records"], rows["2008-12-31"]["agrees"]) == (14, True)
    # "more than 660" on 2010-10-11: the records count more
    assert rows["2010-10-11"]["comparator"] == "more-than" and rows["2010-10-11"]["agrees"] is True
    # 1,595 on 2011-09-27: the records count fewer counties (ICE counted jurisdictions)
    assert rows["2011-09-27"]["claimed"] == 1595 and rows["2011-09-27"]["agrees"] is False
    assert rows["2011-09-27"]["file"] == "sc_activation_by_county.csv"
    markdown = claims_vs_records_markdown(backend)
    assert "| 2008-12-31 | 14 | blog-scomm-topic-2012 | DHS has also expanded the Secure Communities initiative | 14 | 0 | yes |" in markdown
    assert "As of September 27, 2011" in markdown


def test_records_report_gives_rows_for_a_spreadsheet_or_jq(activated: Project) -> None:
    import csv
    import io
    import json

    from click.testing import CliRunner

    from graph.cli import main

    def report(fmt: str) -> str:
        result = CliRunner().invoke(main, ["records-report", "--format", fmt, "--out", str(activated.out_dir),
                                           "--root", str(activated.root)])
        assert result.exit_code == 0, result.output
        return result.output

    rows = json.loads(report("json"))
    by_day = {r["as_of"]: r for r in rows}
    assert by_day["2010-10-11"]["comparator"] == "more-than" and by_day["2010-10-11"]["claimed"] == 660
    assert by_day["2011-09-27"]["agrees"] is False and by_day["2011-09-27"]["records"] == 1558
    assert by_day["2011-09-27"]["quote"].startswith("As of September 27, 2011")
    table = list(csv.DictReader(io.StringIO(report("csv"))))
    assert [r["as_of"] for r in table] == [r["as_of"] for r in rows]
    assert table[0]["sha256"] == rows[0]["sha256"] and len(table[0]["sha256"]) == 64
    tsv = report("tsv").splitlines()
    assert tsv[0].split("\t")[:3] == ["as_of", "comparator", "claimed"] and len(tsv) == len(rows) + 1
