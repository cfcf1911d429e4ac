"""The GEXF files as Gephi and networkx read them, on the real corpus.

Each file is checked against the GEXF 1.2draft schemas (tests/fixtures/gexf-1.2draft/,
README there): the normative RELAX NG schema with jing (Debian's package, installed by
scripts/setup), and the XML Schema with lxml. Then networkx's GEXF reader loads it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from graph.analysis.analyze import run_analysis
from graph.analysis.network_files import merge_spells
from graph.analysis.projection import StoreBackend
from graph.analysis.write import write_analysis
from graph.folders import Project
from graph.store.embedded import open_store
from viz.style import load_style

SCHEMAS = Path(__file__).resolve().parents[1] / "fixtures" / "gexf-1.2draft"
VIZ = "{http://www.gexf.net/1.2draft/viz}"
NETWORKS = ("evidence", "two-mode", "congruence", "conflict", "relationship")


@pytest.fixture(scope="module")
def written(corpus_built: Project, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    store = open_store(corpus_built.out_dir)
    analysis = run_analysis(StoreBackend(store))
    out = tmp_path_factory.mktemp("gexf")
    write_analysis(analysis, out)
    return out / "analysis", analysis.networks["evidence"]


def _jing() -> str:
    found = shutil.which("jing")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("jing is not installed: scripts/setup installs Debian's jing")
        pytest.skip("jing is not installed (bash scripts/setup installs it)")
    return found


@pytest.mark.parametrize("name", NETWORKS)
def test_each_file_passes_the_relax_ng_schema(written: tuple[Path, nx.MultiDiGraph], name: str) -> None:
    folder, _ = written
    run = subprocess.run([_jing(), "-c", str(SCHEMAS / "gexf.rnc"), str(folder / f"{name}.gexf")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("name", NETWORKS)
def test_each_file_passes_the_xml_schema_without_its_viz_elements(written: tuple[Path, nx.MultiDiGraph], name: str) -> None:
    from lxml import etree

    folder, _ = written
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "gexf.xsd")))
    doc = etree.parse(str(folder / f"{name}.gexf"))
    viz = [e for e in doc.iter() if isinstance(e.tag, str) and e.tag.startswith(VIZ)]
    assert viz, "the file has viz elements"
    for e in viz:
        e.getparent().remove(e)
    assert schema.validate(doc), str(schema.error_log)


def test_networkx_reads_colours_sizes_positions_and_spells(written: tuple[Path, nx.MultiDiGraph]) -> None:
    folder, eg = written
    g = nx.read_gexf(folder / "evidence.gexf")
    assert g.graph["mode"] == "dynamic"
    assert g.number_of_nodes() == eg.number_of_nodes()
    assert g.number_of_edges() == eg.number_of_edges()
    style = load_style()
    for n, d in eg.nodes(data=True):
        viz = g.nodes[n]["viz"]
        color = style.node(d).color
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))
        assert style.size_min <= viz["size"] <= style.size_max
        assert set(viz["position"]) == {"x", "y", "z"}
    read = {d["id"]: d for *_, d in g.edges(data=True)}
    dated = open_start = 0
    for *_, key, d in eg.edges(keys=True, data=True):
        got = read[key]
        earliest, latest = d.get("earliest", ""), d.get("latest", "")
        if earliest or latest:
            dated += 1
            # networkx reads an open side as the text "None"
            assert got["spells"] == [(earliest or "None", latest or "None")], key
            open_start += not earliest
        else:
            assert "spells" not in got, key
    assert dated > 100
    # missing values are left out: only figures carry a value, and it is never a made-up 0.0
    figures = {k for *_, k, d in eg.edges(keys=True, data=True) if d["relation"] == "figure"}
    assert {k for k, d in read.items() if "value" in d} == figures
    assert all(read[k]["value"] == eg.edges[u, v, k]["value"] for u, v, k in eg.edges(keys=True) if k in figures)


def test_two_mode_edges_have_one_spell_per_statement(written: tuple[Path, nx.MultiDiGraph]) -> None:
    folder, _ = written
    g = nx.read_gexf(folder / "two-mode.gexf")
    assert g.graph["mode"] == "dynamic"
    assert any(len(d.get("spells", [])) > 1 for *_, d in g.edges(data=True))
    assert all("color" in g.nodes[n]["viz"] for n in g.nodes)


def test_overlapping_spells_are_merged_and_open_sides_kept() -> None:
    assert merge_spells([("2010-01-01", "2010-12-31"), ("2010-06-01", "2011-03-31")]) == [("2010-01-01", "2011-03-31")]
    assert merge_spells([("", "2010-10-14"), ("2011-01-01", "")]) == [("", "2010-10-14"), ("2011-01-01", "")]
    assert merge_spells([("", "2010-10-14"), ("2010-01-01", "")]) == [("", "")]
