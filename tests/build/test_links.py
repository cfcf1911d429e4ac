"""Shared identifiers (data/links/*.yaml): loaded, checked, and written as owl:sameAs / ISO codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import yaml

from graph.build.links import load_links
from graph.folders import Project, project
from graph.store.embedded import open_store

REPO = Path(__file__).resolve().parents[2]


def test_every_link_of_the_corpus_is_checked_and_known() -> None:
    links, problems = load_links(project(REPO))
    assert problems == []
    wikidata = [x for x in links if x.kind == "wikidata"]
    assert len(wikidata) >= 15
    assert all(x.checked_at.startswith("https://") and x.note for x in links)
    by_entity = {x.entity: x.value for x in wikidata}
    assert by_entity["california"] == "Q99" and by_entity["doj"] == "Q1553390"
    iso = {x.entity: x.value for x in links if x.kind == "iso3166_2"}
    assert iso["california"] == "US-CA"


def test_the_build_writes_them_in_their_own_graph(corpus_built: Project) -> None:
    store = open_store(corpus_built.out_dir)
    rows = list(store.query(
        "SELECT ?e ?w WHERE { GRAPH <https://w3id.org/scomm-kg/graph/links> "
        "{ ?e <http://www.w3.org/2002/07/owl#sameAs> ?w } }"))
    links, _ = load_links(project(REPO))
    assert len(rows) == len([x for x in links if x.kind == "wikidata"])
    assert pyoxigraph.NamedNode("http://www.wikidata.org/entity/Q99") in {r["w"] for r in rows}
    code = list(store.query(
        "PREFIX schema: <https://schema.org/> SELECT ?v WHERE { GRAPH ?g { "
        "<https://w3id.org/scomm-kg/id/california> schema:identifier [ schema:propertyID \"ISO 3166-2\" ; schema:value ?v ] } }"))
    assert [r["v"].value for r in code] == ["US-CA"]


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "graph", "validate", "--root", str(root)],
                          capture_output=True, text=True, env=env, timeout=600)


def test_bad_links_are_all_reported_with_file_and_line(mini: Project) -> None:
    entity = next(iter(yaml.safe_load(next((mini.data_dir / "entities").glob("*.yaml")).read_text())))["id"]
    (mini.data_dir / "links").mkdir(exist_ok=True)
    (mini.data_dir / "links" / "wikidata.yaml").write_text(
        f"- entity: {entity}\n  wikidata: Q42\n  checked_at: https://example.org/q42\n"
        "- entity: nobody-at-all\n  wikidata: Q1\n  checked_at: https://example.org/q1\n"
        f"- entity: {entity}\n  wikidata: 42\n  checked_at: https://example.org/x\n"
        f"- entity: {entity}\n  wikidata: Q7\n",
        encoding="utf-8")
    run = _validate(mini.root)
    assert run.returncode == 1, run.stdout + run.stderr
    err = run.stderr
    assert "data/links/wikidata.yaml:4 (nobody-at-all): unknown entity 'nobody-at-all'" in err
    assert "data/links/wikidata.yaml:7" in err and "wikidata '42' is malformed" in err
    assert "data/links/wikidata.yaml:10" in err and "checked_at must be the URL" in err
    assert "Traceback" not in err


def test_a_second_link_of_one_kind_is_refused(mini: Project) -> None:
    entity = next(iter(yaml.safe_load(next((mini.data_dir / "entities").glob("*.yaml")).read_text())))["id"]
    (mini.data_dir / "links").mkdir(exist_ok=True)
    (mini.data_dir / "links" / "wikidata.yaml").write_text(
        f"- entity: {entity}\n  wikidata: Q42\n  checked_at: https://example.org/a\n"
        f"- entity: {entity}\n  wikidata: Q43\n  checked_at: https://example.org/b\n", encoding="utf-8")
    links, problems = load_links(mini)
    assert len(links) == 1 and len(problems) == 1 and "a second wikidata link" in problems[0]
