"""The pages in a real browser: Debian's Chromium, headless, every non-file request blocked.

.ci/run installs chromium; without it these tests fail (they are never skipped).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from viz.graph_file import read_graph
from viz.site import SiteOptions, write_site
from viz.style import load_style

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "viz" / "evidence_graph.json"
ID = "https://w3id.org/scomm-kg/id/"
XSS_QUOTE = "<script>window.__xss=1;alert(1)</script>"


@dataclass
class Opened:
    page: Any
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser: Any, path: Path) -> Opened:
    page = browser.new_page(viewport={"width": 1400, "height": 850})
    opened = Opened(page)

    def route(r: Any) -> None:
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            opened.failed.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("requestfailed", lambda r: opened.failed.append(r.url))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_function("document.body.dataset.drawn === 'true'", timeout=30000)
    return opened


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("viz-site") / "viz"
    write_site(read_graph(FIXTURE), out, load_style(), SiteOptions(figures=False))
    return out


def _edge_index(opened: Opened, statement_id: str) -> int:
    index: int = opened.page.evaluate(
        "id => scommViz.data.edges.findIndex(e => e.statement_id === id)", statement_id)
    assert index >= 0
    return index


def _node_index(opened: Opened, slug: str) -> int:
    index: int = opened.page.evaluate("s => scommViz.data.nodes.findIndex(n => n.slug === s)", slug)
    assert index >= 0
    return index


def test_page_loads_offline_without_errors_and_draws_every_node(browser: Any, site: Path) -> None:
    opened = open_page(browser, site / "graph.html")
    assert opened.failed == [] and opened.errors == []
    assert opened.page.evaluate("network.body.data.nodes.length") == 9
    assert opened.page.evaluate("Object.keys(network.getPositions()).length") == 9
    assert opened.page.evaluate("network.body.data.edges.length") == 13
    assert opened.page.get_attribute("body", "data-visible-nodes") == "9"
    legend = opened.page.inner_text("#scomm-legend")
    assert "Jurisdiction" in legend and "seeks to opt out" in legend
    opened.page.close()


def test_clicking_an_edge_on_the_canvas_shows_its_quote(browser: Any, site: Path) -> None:
    opened = open_page(browser, site / "graph.html")
    page = opened.page
    k = _edge_index(opened, "ice-in-dhs")
    point = page.evaluate(
        """k => { const e = scommViz.data.edges[k], p = network.getPositions([e.from, e.to]);
                  const mid = {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2};
                  const d = network.canvasToDOM(mid), r = document.getElementById('mynetwork').getBoundingClientRect();
                  return {x: r.left + d.x, y: r.top + d.y}; }""", k)
    page.mouse.click(point["x"], point["y"])
    panel = page.inner_text("#scomm-panel")
    assert "ICE, a component of DHS" in panel
    assert "Source A: a <b>bold</b> & \"quoted\" title (src-a)" in panel
    assert page.get_attribute("#scomm-panel", "data-kind") == "edge"
    assert opened.failed == [] and opened.errors == []
    page.close()


def test_hostile_text_shows_as_text_and_runs_nothing(browser: Any, site: Path) -> None:
    opened = open_page(browser, site / "graph.html")
    page = opened.page
    page.evaluate("k => scommViz.selectEdge(k)", _edge_index(opened, "santa-clara-opt-out-a"))
    panel = page.inner_text("#scomm-panel")
    assert XSS_QUOTE in panel and 'onerror="window.__xss=2;alert(1)"' in panel
    assert "Other sources that say the same" in panel and "Source B (src-b)" in panel
    page.evaluate("i => scommViz.selectNode(i, true)", _node_index(opened, "evil-times"))
    assert "Evil <script>window.__xss=4</script> Times" in page.inner_text("#scomm-panel")
    page.fill("#scomm-search", "NIF")
    page.press("#scomm-search", "Enter")
    assert page.inner_text("#scomm-panel h2") == "National Immigration Forum"
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#scomm-panel img, #scomm-panel script").count() == 0
    assert opened.dialogs == [] and opened.failed == [] and opened.errors == []
    page.close()


def test_filters_hide_what_they_should(browser: Any, site: Path) -> None:
    opened = open_page(browser, site / "graph.html")
    page = opened.page
    media = _node_index(opened, "evil-times")
    page.click("#scomm-f-group input[value=media]")
    assert page.get_attribute("body", "data-visible-nodes") == "8"
    assert page.evaluate("i => network.body.data.nodes.get(i).hidden", media) is True
    page.click("#scomm-reset")
    assert page.get_attribute("body", "data-visible-nodes") == "9"
    # time: from 2011 keeps statements dated 2011 and the undated ones
    page.evaluate("() => { const r = document.getElementById('scomm-from'); r.value = 2011;"
                  " r.dispatchEvent(new Event('input')); }")
    visible = page.evaluate("scommViz.data.edges.filter((e, k) => !network.body.data.edges.get(k).hidden)"
                            ".map(e => e.statement_id).sort()")
    assert visible == ["evil-times-criticizes", "ice-in-dhs", "nif-opposes-2011", "prieto-sheriff",
                       "removals-2011", "src-b-calls-nif"]
    page.uncheck("#scomm-undated")
    assert page.get_attribute("body", "data-visible-edges") == "3"
    page.click("#scomm-reset")
    # focus: Ed Prieto's neighbourhood, one hop, then two
    page.evaluate("i => scommViz.selectNode(i, true)", _node_index(opened, "ed-prieto"))
    page.click("#scomm-focus1")
    assert page.get_attribute("body", "data-visible-nodes") == "2"
    page.click("#scomm-focus2")
    assert page.get_attribute("body", "data-visible-nodes") == "4"
    page.click("#scomm-physics")
    assert page.get_attribute("#scomm-physics", "aria-pressed") == "true"
    page.select_option("#scomm-size", "none")
    assert opened.failed == [] and opened.errors == []
    page.close()


def test_every_page_of_the_site_loads_clean(browser: Any, site: Path) -> None:
    pages = sorted(p for p in site.rglob("*.html") if p.name != "index.html")
    assert len(pages) == 1 + 1 + 2 + 3 + 6  # whole, stance, sources, years, actors
    for path in pages:
        opened = open_page(browser, path)
        assert opened.failed == [] and opened.errors == [], path
        shown = opened.page.evaluate("network.body.data.nodes.length")
        assert shown == int(opened.page.get_attribute("body", "data-nodes")) > 0
        opened.page.close()


def test_corpus_graph_in_the_browser_with_a_screenshot(browser: Any, corpus_built: Any, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from graph.cli import main
    from graph.analysis.projection import evidence_graph
    from graph.store.embedded import open_store

    result = CliRunner().invoke(main, ["viz", "--out", str(corpus_built.out_dir), "--view", "whole",
                                       "--view", "stance", "--no-figures"])
    assert result.exit_code == 0, result.output
    expected: nx.MultiDiGraph = evidence_graph(open_store(corpus_built.out_dir))
    opened = open_page(browser, corpus_built.out_dir / "viz" / "graph.html")
    assert opened.failed == [] and opened.errors == []
    assert opened.page.evaluate("network.body.data.nodes.length") == expected.number_of_nodes()
    assert opened.page.evaluate("network.body.data.edges.length") == expected.number_of_edges()
    shot = tmp_path / "screenshot.png"
    opened.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20000
    shutil.copy(shot, corpus_built.out_dir / "viz" / "screenshot.png")
    opened.page.close()


def _large_graph(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for i in range(n):
        iri = f"{ID}n{i:05d}"
        g.add_node(iri, label=f"Actor {i}", iri=iri, slug=f"n{i:05d}", type="group", group="group",
                   aliases=[], posts=[], date="")
    for i in range(1, n):
        for j, key in ((i // 2, "a"), ((i * 7) % i, "b")):
            g.add_edge(f"{ID}n{i:05d}", f"{ID}n{j:05d}", key=f"s{i}{key}", relation="relationship",
                       detail="member-of", label="member of", polarity=0, statement_id=f"s{i}{key}",
                       source="src-a", source_title="A", quote=f"quote {i}", quotes=[f"quote {i}"],
                       date="2010", earliest="2010-01-01", latest="2010-12-31", also_in=[])
    return g


def test_large_graph_names_nodes_once_zoomed_in(browser: Any, tmp_path: Path) -> None:
    from viz.layout import layout
    from viz.render import PageMeta, render_page

    g = _large_graph(1200)
    path = tmp_path / "large.html"
    path.write_text(render_page(g, load_style(), layout(g), PageMeta(title="Large")), encoding="utf-8")
    opened = open_page(browser, path)
    page = opened.page
    assert page.evaluate("network.body.data.nodes.length") == 1200
    assert page.evaluate("network.body.data.nodes.get(5).label") is None  # not drawn at overview scale
    page.evaluate("scommViz.selectNode(5, true)")
    assert page.evaluate("network.body.data.nodes.get(5).label") == "Actor 5"
    assert opened.failed == [] and opened.errors == []
    page.close()


def test_hovering_a_node_shows_a_short_label(browser: Any, site: Path) -> None:
    opened = open_page(browser, site / "graph.html")
    page = opened.page
    i = _node_index(opened, "ed-prieto")
    point = page.evaluate(
        """i => { const p = network.getPositions([i])[i], d = network.canvasToDOM(p),
                  r = document.getElementById('mynetwork').getBoundingClientRect();
                  return {x: r.left + d.x, y: r.top + d.y}; }""", i)
    page.mouse.move(point["x"] - 40, point["y"] - 40)
    page.mouse.move(point["x"], point["y"], steps=5)
    page.wait_for_selector("#scomm-tooltip", state="visible", timeout=5000)
    assert page.inner_text("#scomm-tooltip") == "Ed Prieto (person)"
    assert opened.failed == [] and opened.errors == []
    page.close()
