"""`scomm release`: one archive, the same bytes for the same build, checked with the tools a user has.

Run through the real CLI (a subprocess) on the mini fixture's build; the manifest is
checked with coreutils' `sha256sum -c`, the description with rdflib, CITATION.cff against
the Citation File Format 1.2.0 JSON schema (tests/fixtures/citation-file-format-1.2.0/).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pyoxigraph
import pytest
import yaml
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from graph.folders import Project

REPO = Path(__file__).resolve().parents[2]
CFF_SCHEMA = REPO / "tests" / "fixtures" / "citation-file-format-1.2.0" / "schema.json"
SD = "http://www.w3.org/ns/sparql-service-description#"


def _scomm(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "graph", *args], capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def build(mini_built: Project, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the mini build with a (tiny) explorer folder, as `scomm viz` leaves one."""
    out = tmp_path_factory.mktemp("release") / "out"
    shutil.copytree(mini_built.out_dir, out)
    (out / "viz").mkdir(exist_ok=True)
    (out / "viz" / "index.html").write_text("<!doctype html><title>explorer</title>", encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def archive(mini_built: Project, build: Path) -> Path:
    target = build.parent / "first.zip"
    run = _scomm("release", "--root", str(mini_built.root), "--out", str(build), "--to", str(target),
                 "--version", "1.2.3", "--license", "CC-BY-4.0")
    assert run.returncode == 0, run.stderr
    assert "wrote" in run.stdout and "with the explorer" in run.stdout
    return target


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {i.filename.split("/", 1)[1]: z.read(i) for i in z.infolist()}


def test_the_same_build_gives_the_same_bytes(mini_built: Project, build: Path, archive: Path) -> None:
    # new timestamps and permissions on every input file change nothing
    for p in build.rglob("*"):
        if p.is_file():
            os.utime(p, (1_700_000_000, 1_700_000_000))
            p.chmod(0o600)
    again = build.parent / "second.zip"
    run = _scomm("release", "--root", str(mini_built.root), "--out", str(build), "--to", str(again),
                 "--version", "1.2.3", "--license", "CC-BY-4.0")
    assert run.returncode == 0, run.stderr
    assert again.read_bytes() == archive.read_bytes()


def test_members_have_fixed_order_time_and_permissions(archive: Path) -> None:
    with zipfile.ZipFile(archive) as z:
        infos = z.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and all(n.startswith("scomm-kg-1.2.3/") for n in names)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {(i.external_attr >> 16) & 0o777 for i in infos} == {0o644}
    members = set(_members(archive))
    for needed in ("data/graph.trig", "data/graph.nq", "tables/statements.csv", "tables/entities.csv",
                   "tables/sources.csv", "explorer/index.html", "ontology/scomm.ttl", "ontology/ontology.md",
                   "metadata/dataset.ttl", "CITATION.cff", "SHA256SUMS", "README.md", "queries/stances-on.rq"):
        assert needed in members, needed


def test_the_manifest_checks_with_sha256sum(archive: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp_path)
    folder = tmp_path / "scomm-kg-1.2.3"
    run = subprocess.run(["sha256sum", "--strict", "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    listed = {line.split("  ", 1)[1] for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()}
    assert listed == set(_members(archive)) - {"SHA256SUMS"}


def test_the_description_counts_what_is_in_the_archive(archive: Path) -> None:
    members = _members(archive)
    g = Graph().parse(data=members["metadata/dataset.ttl"].decode("utf-8"), format="turtle")
    ds = URIRef("https://w3id.org/scomm-kg/release/1.2.3")
    assert (ds, DCTERMS.license, URIRef("http://spdx.org/licenses/CC-BY-4.0")) in g
    assert str(g.value(ds, URIRef("http://www.w3.org/ns/dcat#version"))) == "1.2.3"
    quads = list(pyoxigraph.parse(members["data/graph.nq"], format=pyoxigraph.RdfFormat.N_QUADS))
    assert int(g.value(ds, VOID.triples)) == len(quads)
    graphs = {q.graph_name.value for q in quads if isinstance(q.graph_name, pyoxigraph.NamedNode)}
    named = {str(g.value(n, URIRef(SD + "name"))): int(g.value(g.value(n, URIRef(SD + "graph")), VOID.triples))
             for n in g.objects(ds, URIRef(SD + "namedGraph"))}
    assert set(named) == graphs
    assert sum(named.values()) == len(quads)
    for dist in g.objects(ds, DCAT.distribution):
        path = str(dist).removeprefix(str(ds) + "/")
        assert int(g.value(dist, DCAT.byteSize)) == len(members[path]), path
    examples = list(g.subjects(URIRef("https://schema.org/target"), ds))
    assert len(examples) >= 3
    # each example query runs on the dataset and answers
    store = pyoxigraph.Store()
    store.bulk_load(members["data/graph.nq"], format=pyoxigraph.RdfFormat.N_QUADS)
    for ex in examples:
        text = str(g.value(ex, URIRef("http://www.w3.org/ns/shacl#select")))
        assert isinstance(store.query(text, use_default_graph_as_union=True), pyoxigraph.QuerySolutions)


def test_citation_cff_is_valid(archive: Path) -> None:
    import jsonschema

    cff = yaml.safe_load(_members(archive)["CITATION.cff"])
    jsonschema.validate(cff, json.loads(CFF_SCHEMA.read_text(encoding="utf-8")))
    assert cff["version"] == "1.2.3" and cff["license"] == "CC-BY-4.0"


def test_tables_are_flat_and_complete(mini_built: Project, archive: Path) -> None:
    members = _members(archive)

    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(members[f"tables/{name}"].decode("utf-8"))))

    sources = yaml.safe_load((mini_built.root / "data" / "sources.yaml").read_text(encoding="utf-8"))
    assert {r["id"] for r in rows("sources.csv")} == {s["id"] for s in sources}
    statements = rows("statements.csv")
    assert statements and all(r["quote"] and r["source"] for r in statements)
    assert {r["relation"] for r in statements} >= {"stance"}
    kinds = {r["id"]: r["kind"] for r in rows("entities.csv")}
    assert all(kinds.get(r["actor"]) == r["actor_kind"] for r in statements)


def test_without_a_build_it_says_what_to_do(tmp_path: Path, mini_built: Project) -> None:
    run = _scomm("release", "--root", str(mini_built.root), "--out", str(tmp_path / "empty"))
    assert run.returncode == 2
    assert "run `scomm build` first" in run.stderr and "Traceback" not in run.stderr
