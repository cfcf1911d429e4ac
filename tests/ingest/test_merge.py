"""`scomm merge OLD NEW`: references rewritten, OLD kept as an alias, all or nothing."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from graph.cli import main
from graph.errors import UsageError
from graph.ingest.merge import merge
from graph.folders import Project
from graph.build.pipeline import check

DUPLICATE = """
# A second record for Alpha County, made before anyone noticed.
- id: alpha-cnty
  type: county
  name: Alpha Cnty
  aliases: [Alpha Co.]
"""


def with_duplicate(mini: Project) -> Project:
    entities = mini.data_dir / "entities" / "all.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + DUPLICATE, encoding="utf-8")
    statements = mini.data_dir / "statements" / "doc-a.yaml"
    text = statements.read_text(encoding="utf-8")
    # Point the relation and the letter's recipient at the duplicate (quoted and plain forms).
    text = text.replace("    subject: alpha-county\n", '    subject: "alpha-cnty"  # the duplicate\n')
    text = text.replace("recipient: [alpha-county]", "recipient: [alpha-cnty]")
    statements.write_text(text, encoding="utf-8")
    check(mini)
    return mini


def test_merge_rewrites_references_and_keeps_the_old_names(mini: Project) -> None:
    proj = with_duplicate(mini)
    done = merge(proj, "alpha-cnty", "alpha-county")
    assert done.references == 2
    assert done.aliases_added == ["alpha-cnty", "Alpha Cnty", "Alpha Co."]
    statements = (proj.data_dir / "statements" / "doc-a.yaml").read_text(encoding="utf-8")
    assert 'subject: "alpha-county"  # the duplicate' in statements
    assert "recipient: [alpha-county]" in statements
    entities = (proj.data_dir / "entities" / "all.yaml").read_text(encoding="utf-8")
    assert "alpha-cnty\n  type" not in entities and "id: alpha-cnty" not in entities
    curated = check(proj).curated
    assert "alpha-cnty" not in curated.entities
    assert curated.entities["alpha-county"].values["aliases"] == ["alpha-cnty", "Alpha Cnty", "Alpha Co."]
    assert curated.statements["alpha-in-california"].get("subject") == "alpha-county"
    assert curated.statements["roe-letter"].get("participants")["recipient"] == ["alpha-county"]


def test_merge_extends_existing_aliases(mini: Project) -> None:
    entities = mini.data_dir / "entities" / "all.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "\n- id: beta\n  type: program\n  name: The Beta\n", encoding="utf-8")
    merge(mini, "beta", "beta-program")
    assert check(mini).curated.entities["beta-program"].values["aliases"] == ["Beta", "BP", "beta", "The Beta"]


def test_merge_refuses_unknown_ids_and_writes_nothing(mini: Project) -> None:
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in mini.data_dir.rglob("*.yaml")}
    with pytest.raises(UsageError, match="'nobody' is not an entity id"):
        merge(mini, "nobody", "alpha-county")
    with pytest.raises(UsageError, match="the same entity"):
        merge(mini, "alpha-county", "alpha-county")
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in mini.data_dir.rglob("*.yaml")}


def test_cli_merge(mini: Project) -> None:
    proj = with_duplicate(mini)
    result = CliRunner().invoke(main, ["merge", "alpha-cnty", "alpha-county", "--root", str(proj.root)])
    assert result.exit_code == 0, result.output
    assert "2 reference(s) rewritten" in result.output
    result = CliRunner().invoke(main, ["merge", "alpha-cnty", "alpha-county", "--root", str(proj.root)])
    assert result.exit_code == 2 and "not an entity id" in result.output
