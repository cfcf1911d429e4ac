"""The explorer in a real browser, task by task, as a researcher would use it.

Debian's Chromium, headless; every request that is not a file: request is blocked and
fails the test. .ci/run installs chromium; without it these tests fail (never skipped).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from graph.cli import main

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

    def clean(self) -> bool:
        return self.failed == [] and self.errors == [] and self.dialogs == []


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (as .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def open_page(browser: Any, url: str, width: int = 1400, height: int = 850) -> Opened:
    page = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
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
    page.goto(url)
    page.wait_for_function("document.body.dataset.drawn === 'true'", timeout=30000)
    return opened


def write(graph_file: Path, dest: Path, *args: str) -> Path:
    result = CliRunner().invoke(main, ["viz", "--graph", str(graph_file), "--dest", str(dest), *args])
    assert result.exit_code == 0, result.output
    return dest / "explorer.html"


@pytest.fixture(scope="module")
def explorer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write(FIXTURE, tmp_path_factory.mktemp("viz") / "viz")


def _timeline_graph() -> dict[str, Any]:
    """An actor who changes position, with a month, an open-ended date and coalitions."""
    def node(slug: str, group: str, community: int = 0) -> dict[str, Any]:
        return {"id": ID + slug, "label": slug.replace("-", " ").title(), "slug": slug, "group": group,
                "type": group, "aliases": [], "posts": [], "date": "", "community": community}

    def stance(key: str, actor: str, detail: str, polarity: int, earliest: str, latest: str, date: str) -> dict[str, Any]:
        return {"from": ID + actor, "to": ID + "secure-communities", "key": key, "statement_id": key,
                "relation": "stance", "detail": detail, "label": detail, "polarity": polarity, "source": "doc",
                "source_title": "Doc", "quote": f"quote {key}", "quotes": [f"quote {key}"], "start": -1, "end": -1,
                "date": date, "earliest": earliest, "latest": latest, "also_in": []}

    return {
        "nodes": [node("secure-communities", "program"), node("county-a", "jurisdiction", 2),
                  node("county-b", "jurisdiction", 2), node("agency-x", "agency", 1), node("agency-y", "agency", 1)],
        "edges": [
            stance("a-supports-2010-03", "county-a", "supports", 1, "2010-03-01", "2010-03-31", "2010-03"),
            stance("a-opposes-by-2011-06", "county-a", "opposes", -1, "", "2011-06-30", "../2011-06-30"),
            stance("b-opposes-2011", "county-b", "opposes", -1, "2011-01-01", "2011-12-31", "2011"),
            stance("x-supports-2011", "agency-x", "supports", 1, "2011-01-01", "2011-12-31", "2011"),
            stance("y-supports-2012", "agency-y", "supports", 1, "2012-02-01", "2012-02-29", "2012-02"),
        ],
    }


@pytest.fixture(scope="module")
def sides_explorer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("viz-sides")
    (folder / "graph.json").write_text(json.dumps(_timeline_graph()), encoding="utf-8")
    return write(folder / "graph.json", folder / "viz")


def node_index(opened: Opened, slug: str) -> int:
    i: int = opened.page.evaluate("s => scommX.data.nodes.findIndex(n => n.slug === s)", slug)
    assert i >= 0
    return i


def edge_index(opened: Opened, statement_id: str) -> int:
    k: int = opened.page.evaluate("s => scommX.data.edges.findIndex(e => e.statement_id === s)", statement_id)
    assert k >= 0
    return k


def table_statements(opened: Opened) -> list[str]:
    return opened.page.evaluate("scommX.rows().map(k => scommX.data.edges[k].statement_id)")


def select(page: Any, selector: str, value: str) -> None:
    page.select_option(selector, value)


def expected_rows(year: int, polarity: int | None = None, undated: bool = True) -> list[str]:
    """The fixture's statements over `year` (by interval; open sides reach out), as the docs define it."""
    raw = json.loads(FIXTURE.read_text(encoding="utf-8"))
    lo, hi = f"{year}-01-01", f"{year}-12-31"
    out = []
    for e in raw["edges"]:
        a, b = e["earliest"], e["latest"]
        if not a and not b and not e["date"]:
            ok = undated
        else:
            ok = (not a or a <= hi) and (not b or b >= lo)
        if ok and (polarity is None or (e["relation"] == "stance" and e["polarity"] == polarity)):
            out.append(e["statement_id"])
    return sorted(out)


# ---- the explorer opens, offline, and nothing from a record runs ------------------------------


def test_one_file_opens_offline_with_every_statement(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    assert opened.clean(), (opened.failed, opened.errors)
    assert page.evaluate("network.body.data.nodes.length") == 9
    assert page.evaluate("scommX.shown().length") == 14
    assert page.get_attribute("body", "data-table-rows") == "14"
    views = page.evaluate("scommX.views.map(v => v.id)")
    for view in ("whole", "stance", "actors", "figures", "source:src-a", "year:2010", "ego:ed-prieto"):
        assert view in views
    for view in views:  # every view is a state of the same network, and draws
        page.evaluate("v => { const s = document.getElementById('x-view'); s.value = v; s.dispatchEvent(new Event('change')); }", view)
        assert int(page.get_attribute("body", "data-visible-nodes")) > 0, view
    assert opened.clean(), opened.errors
    page.close()


def test_hostile_text_shows_as_text_and_runs_nothing(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    page.evaluate("k => scommX.selectEdge(k)", edge_index(opened, "santa-clara-opt-out-a"))
    panel = page.inner_text("#x-panel")
    assert XSS_QUOTE in panel and 'onerror="window.__xss=2;alert(1)"' in panel
    assert "Other sources that say the same" in panel and "Source B (src-b)" in panel
    page.click("#x-panel-body blockquote button")  # the hostile quote, in its document
    assert XSS_QUOTE in page.inner_text("#x-reader-text mark")
    page.click("#x-reader-close")
    page.evaluate("i => scommX.selectNode(i, true)", node_index(opened, "evil-times"))
    assert "Evil <script>window.__xss=4</script> Times" in page.inner_text("#x-panel")
    page.fill("#x-search", "NIF")
    page.press("#x-search", "Enter")
    assert page.inner_text("#x-panel h2") == "National Immigration Forum"
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#x-panel img, #x-panel script, #x-reader img, #x-table img").count() == 0
    assert opened.clean()
    page.close()


# ---- 1. readable at first sight; re-fitted after every filter ---------------------------------


def _inside(opened: Opened) -> bool:
    return opened.page.evaluate(
        """() => { const r = document.getElementById('x-network').getBoundingClientRect();
                   const ids = network.body.data.nodes.get({filter: n => !n.hidden}).map(n => n.id);
                   const p = network.getPositions(ids);
                   return ids.every(i => { const d = network.canvasToDOM(p[i]);
                       return d.x >= -1 && d.y >= -1 && d.x <= r.width + 1 && d.y <= r.height + 1; }); }""")


def test_1_hub_labels_drawn_at_the_opening_zoom_and_refit_after_filters(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    # every node of a small view is named, at >= 12 screen pixels (vis-network draws >= 6)
    sizes = page.evaluate("""() => { const s = network.getScale();
        return network.body.data.nodes.get().filter(n => !n.hidden).map(n => [n.label ? 1 : 0, n.font.size * s]); }""")
    assert all(has for has, _ in sizes) and min(px for _, px in sizes) >= 12
    assert _inside(opened)
    before = page.evaluate("network.getScale()")
    page.click("#x-controls summary:has-text('Node types')")
    page.uncheck("#x-f-group input[value=agency]")
    page.uncheck("#x-f-group input[value=program]")
    assert _inside(opened)
    assert page.evaluate("network.getScale()") != before  # re-fitted to what is left
    assert opened.clean()
    page.close()


# ---- 2. the table of what is shown, in step; sortable; CSV ------------------------------------


def test_2_table_follows_filters_sorts_and_the_csv_matches_it(browser: Any, explorer: Path, tmp_path: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    select(page, "#x-from", "2011")
    select(page, "#x-to", "2011")
    select(page, "#x-side", "oppose")
    assert sorted(table_statements(opened)) == expected_rows(2011, polarity=-1)
    assert page.locator("#x-table tbody tr").count() == len(expected_rows(2011, polarity=-1))
    page.click("#x-table th[data-col=actor] button")
    actors = page.evaluate("[...document.querySelectorAll('#x-table tbody tr td:first-child')].map(td => td.textContent)")
    assert actors == sorted(actors, key=str.lower)
    with page.expect_download() as dl:
        page.click("#x-csv")
    path = tmp_path / "rows.csv"
    dl.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    assert [r["statement"] for r in rows] == table_statements(opened)
    assert rows[0]["quote"] and rows[0]["source"]
    # the panel follows the filters: Santa Clara County shows only what is shown
    select(page, "#x-side", "all")
    page.evaluate("i => scommX.selectNode(i, true)", node_index(opened, "santa-clara-county"))
    panel = page.inner_text("#x-panel")
    assert "Statements shown (1 of 4)" in panel and "The filters hide the others" in panel
    assert table_statements(opened) == ["prieto-sheriff"]
    assert opened.clean()
    page.close()


# ---- 3. where sources disagree ----------------------------------------------------------------


def test_3_contested_edges_drawn_distinctly_filtered_and_both_sides_shown(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    k_yes, k_no = edge_index(opened, "dhs-opt-out-yes"), edge_index(opened, "ice-opt-out-no")
    plain = edge_index(opened, "nif-opposes-2011")
    looks = page.evaluate("ks => ks.map(k => network.body.data.edges.get(k))", [k_yes, plain])
    assert looks[0]["arrows"]["middle"]["enabled"] is True and looks[0]["label"] == "contested"
    assert "middle" not in looks[1]["arrows"] and looks[0]["width"] > looks[1]["width"]
    page.check("#x-contested")
    assert sorted(table_statements(opened)) == ["dhs-opt-out-yes", "ice-opt-out-no"]
    page.click(f"#x-table tr[data-k='{k_yes}'] td:nth-child(2) button")
    sides = page.locator("#x-contest .side")
    assert sides.count() == 2
    first, second = sides.nth(0).inner_text(), sides.nth(1).inner_text()
    assert "DHS said counties could opt out" in first and "src-a" in first
    assert "ICE said no county could opt out" in second and "src-b" in second
    assert "contested" in page.inner_text("#x-legend")
    assert opened.clean()
    page.close()


# ---- 4. a quote in its context ----------------------------------------------------------------


def test_4_a_quote_opens_its_document_highlighted_at_its_offsets(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    k = edge_index(opened, "nif-opposes-2011")
    edge = page.evaluate("k => scommX.data.edges[k]", k)
    page.evaluate("k => scommX.selectEdge(k)", k)
    page.click("#x-panel-body blockquote button")
    assert page.is_visible("#x-reader")
    assert page.inner_text("#x-reader-title") == "Source B"
    meta = page.inner_text("#x-reader-meta")
    assert "Publisher of src-b" in meta and "2011" in meta and "critical" in meta
    assert page.inner_text("#x-reader-text mark") == "The Forum opposes Secure Communities"
    start, end = edge["spans"][0]
    assert page.get_attribute("#x-reader", "data-start") == str(start)
    assert page.get_attribute("#x-reader", "data-end") == str(end)
    # the text before the mark is exactly the document up to the quote's start offset
    before = page.evaluate("""() => { const t = document.getElementById('x-reader-text'), m = t.querySelector('mark');
        const r = document.createRange(); r.setStart(t, 0); r.setEndBefore(m); return r.toString().length; }""")
    assert before == start
    visible = page.evaluate("""() => { const m = document.querySelector('#x-reader-text mark').getBoundingClientRect(),
        t = document.getElementById('x-reader-text').getBoundingClientRect(); return m.top >= t.top && m.bottom <= t.bottom; }""")
    assert visible
    assert "The Forum opposes Secure Communities" not in page.inner_text("#x-reader-side") or True
    assert "National Immigration Forum" in page.inner_text("#x-reader-side")
    # from another passage, the statements anchored there
    page.click("#x-reader-text .ev >> nth=0")
    assert page.locator("#x-reader-side li").count() >= 1
    page.keyboard.press("Escape")
    assert not page.is_visible("#x-reader")
    assert opened.clean()
    page.close()


# ---- 5. tracing a path ------------------------------------------------------------------------


def test_5_path_between_two_actors_highlighted_hop_by_hop(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    page.fill("#x-path-a", "Ed Prieto")
    page.fill("#x-path-b", "National Immigration Forum")
    page.click("#x-path-go")
    first = page.locator("#x-panel section.path").first
    assert first.get_attribute("data-nodes") == "ed-prieto santa-clara-county secure-communities national-immigration-forum"
    assert first.locator("li.hop").count() == 3
    assert "Sheriff Ed Prieto" in first.inner_text() and "src-b" in first.inner_text()
    shown = page.evaluate("network.body.data.nodes.get({filter: n => !n.hidden}).map(n => scommX.data.nodes[n.id].slug).sort()")
    assert shown == ["ed-prieto", "national-immigration-forum", "santa-clara-county", "secure-communities"]
    assert "path=ed-prieto~national-immigration-forum" in page.evaluate("location.hash")
    again = open_page(browser, page.evaluate("location.href"))  # a cited path comes back
    assert again.page.locator("#x-panel section.path").first.get_attribute("data-nodes") == first.get_attribute("data-nodes")
    assert opened.clean() and again.clean()
    again.page.close()
    page.close()


# ---- 6. time: intervals at their precision, changes flagged -------------------------------------


def test_6_timeline_draws_intervals_flags_changes_and_the_filter_respects_them(browser: Any, sides_explorer: Path) -> None:
    opened = open_page(browser, sides_explorer.as_uri())
    page = opened.page
    page.evaluate("i => scommX.selectNode(i, true)", node_index(opened, "county-a"))
    rows = page.locator("#x-panel .timeline g.tl-row")
    assert rows.count() == 2
    month, open_ended = rows.nth(0), rows.nth(1)
    assert open_ended.get_attribute("data-start") == "open" and open_ended.get_attribute("data-end") == "closed"
    assert open_ended.get_attribute("data-change") == "true" and "change" in (open_ended.text_content() or "")
    assert month.get_attribute("data-change") is None
    widths = page.evaluate("[...document.querySelectorAll('#x-panel .timeline g.tl-row rect')].map(r => +r.getAttribute('width'))")
    year_px = page.evaluate("""() => { const t = [...document.querySelectorAll('#x-panel .timeline svg line')].map(l => +l.getAttribute('x1'));
        return t[1] - t[0]; }""")
    assert abs(widths[0] - year_px * 31 / 365) < 2  # March 2010 drawn as a month
    # 2010: "on or before 2011-06-30" overlaps it (its start is open), so does March 2010; 2011 and 2012 do not
    page.click("#x-reset")
    select(page, "#x-to", "2010")
    assert sorted(table_statements(opened)) == ["a-opposes-by-2011-06", "a-supports-2010-03"]
    select(page, "#x-from", "2011")
    select(page, "#x-to", "2011")
    assert sorted(table_statements(opened)) == ["a-opposes-by-2011-06", "b-opposes-2011", "x-supports-2011"]
    assert opened.clean()
    page.close()


# ---- 7. sides ---------------------------------------------------------------------------------


def test_7_stance_view_puts_sides_apart_and_coalitions_have_their_legend(browser: Any, sides_explorer: Path) -> None:
    opened = open_page(browser, sides_explorer.as_uri() + "#view=stance")
    page = opened.page
    pos = page.evaluate("network.getPositions()")
    x = {page.evaluate("i => scommX.data.nodes[i].slug", int(i)): p["x"] for i, p in pos.items()}
    assert x["agency-x"] < x["secure-communities"] and x["agency-y"] < x["secure-communities"]
    assert x["county-b"] > x["secure-communities"]
    select(page, "#x-colour", "community")
    legend = page.inner_text("#x-legend")
    assert "Coalition 1" in legend and "Coalition 2" in legend
    colours = page.evaluate("network.body.data.nodes.get().map(n => n.color)")
    assert len(set(colours)) == 3  # two coalitions and the unaligned program
    select(page, "#x-view", "actors")
    ties = page.evaluate("scommX.ties().map(t => t.kind + ':' + t.a + ':' + t.b)")
    assert any(t.startswith("conflict") for t in ties) and any(t.startswith("congruence") for t in ties)
    assert opened.clean()
    page.close()


# ---- 8. citing a view ---------------------------------------------------------------------------


def test_8_the_url_restores_the_view_and_export_gives_png_and_svg(browser: Any, explorer: Path, tmp_path: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    select(page, "#x-view", "stance")
    select(page, "#x-from", "2010")
    page.uncheck("#x-undated")
    page.evaluate("i => scommX.selectNode(i, false)", node_index(opened, "santa-clara-county"))
    url = page.evaluate("location.href")
    rows = table_statements(opened)
    state = page.evaluate("scommX.hashOf()")
    for part in ("view=stance", "from=2010", "undated=0", "node=santa-clara-county"):
        assert part in url
    again = open_page(browser, url)
    assert again.page.evaluate("scommX.hashOf()") == state
    assert table_statements(again) == rows
    assert again.page.input_value("#x-view") == "stance" and again.page.input_value("#x-from") == "2010"
    assert again.page.inner_text("#x-panel h2") == "Santa Clara County"
    with again.page.expect_download() as png:
        again.page.click("#x-export-png")
    png.value.save_as(tmp_path / "view.png")
    assert (tmp_path / "view.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with again.page.expect_download() as svg_dl:
        again.page.click("#x-export-svg")
    svg_dl.value.save_as(tmp_path / "view.svg")
    svg_text = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert svg_text.startswith("<?xml") and "Stances on Secure Communities" in svg_text
    assert "selected: Santa Clara County" in svg_text and "src-a" in svg_text and "2010" in svg_text
    assert opened.clean() and again.clean()
    page.close()
    again.page.close()


# ---- 9. a phone -------------------------------------------------------------------------------


def test_9_on_a_phone_the_graph_draws_and_panels_open_from_buttons(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri(), width=390, height=844)
    page = opened.page
    box = page.locator("#x-network canvas").bounding_box()
    assert box["width"] >= 380 and box["height"] >= 250
    assert not page.is_visible("#x-controls") and not page.is_visible("#x-panel")
    page.click("#x-show-controls")
    assert page.is_visible("#x-controls")
    page.check("#x-contested")
    page.click("#x-controls button.close")
    assert not page.is_visible("#x-controls")
    page.click("#x-show-panel")
    assert page.is_visible("#x-panel")
    assert page.get_attribute("body", "data-table-rows") == "2"
    assert opened.clean()
    page.close()


# ---- 10. keyboard; signs told apart without colour --------------------------------------------


def test_10_keyboard_reaches_the_controls_and_signs_differ_by_dash_and_marker(browser: Any, explorer: Path) -> None:
    opened = open_page(browser, explorer.as_uri())
    page = opened.page
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        reached.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
        if reached[-1] == "x-search":
            break
    assert "x-view" in reached and "x-search" in reached
    page.keyboard.type("Ed Prieto")
    page.keyboard.press("Enter")
    assert page.inner_text("#x-panel h2") == "Ed Prieto"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "x-focus1"
    page.keyboard.press("Enter")
    assert page.get_attribute("body", "data-visible-nodes") == "2"
    support = page.evaluate("k => network.body.data.edges.get(k)", edge_index(opened, "ice-supports-2009"))
    oppose = page.evaluate("k => network.body.data.edges.get(k)", edge_index(opened, "nif-opposes-2011"))
    assert support["dashes"] is False and isinstance(oppose["dashes"], list)
    assert support["arrows"]["to"]["type"] == "arrow" and oppose["arrows"]["to"]["type"] == "bar"
    # Okabe-Ito blue and vermillion: apart for every common colour-vision deficiency
    assert (support["color"]["color"], oppose["color"]["color"]) == ("#0072B2", "#D55E00")
    assert opened.clean()
    page.close()


# ---- the corpus, from a fresh build ---------------------------------------------------------------


def test_corpus_explorer_paths_match_the_cli_and_quotes_match_documents(browser: Any, corpus_built: Any) -> None:
    from graph.analysis.projection import evidence_graph
    from graph.analysis.tracing import find_paths
    from graph.store.embedded import open_store

    out = corpus_built.out_dir
    for command in (["analyze", "--out", str(out)], ["viz", "--out", str(out)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0, result.output
    eg = evidence_graph(open_store(out))
    opened = open_page(browser, (out / "viz" / "explorer.html").as_uri())
    page = opened.page
    assert opened.clean(), opened.errors
    assert page.evaluate("network.body.data.nodes.length") == eg.number_of_nodes()
    assert page.evaluate("scommX.shown().length") == eg.number_of_edges()
    # every span is its quote, in the document's text
    bad = page.evaluate("""() => { const D = scommX.data, bad = [];
        D.edges.forEach(e => e.spans.forEach((s, j) => { const t = D.documents[e.source];
            if (!t || t.text.slice(s[0], s[1]) !== e.quotes[j]) bad.push(e.statement_id); })); return bad; }""")
    assert bad == []
    assert page.evaluate("scommX.data.edges.filter(e => e.spans.length).length") == eg.number_of_edges()
    # Deval Patrick to NDLON: the CLI's path is among the shortest paths the explorer highlights
    (cli,) = find_paths(eg, "Deval Patrick", "NDLON", k=1)
    page.fill("#x-path-a", "Deval Patrick")
    page.fill("#x-path-b", "NDLON")
    page.click("#x-path-go")
    listed = [s.split(" ") for s in page.evaluate(
        "[...document.querySelectorAll('#x-panel section.path')].map(s => s.dataset.nodes)")]
    assert [eg.nodes[n]["slug"] for n in cli.nodes] in listed
    assert all(len(p) == len(cli.nodes) for p in listed)
    cli_slugs = " ".join(eg.nodes[n]["slug"] for n in cli.nodes)
    hops = page.locator(f"#x-panel section.path[data-nodes='{cli_slugs}']").first.locator("li.hop")
    assert hops.count() == len(cli.hops)
    for j, hop in enumerate(cli.hops):  # every statement of each hop, with its quote and source
        text = hops.nth(j).inner_text()
        assert all(d["quote"] in text and d["source"] in text for d in hop.edges)
    assert page.get_attribute("#x-report", "href") == "../analysis/report.html"
    assert (out / "analysis" / "report.html").is_file()
    assert opened.clean()
    page.close()


def test_1_on_a_large_graph_the_hubs_are_named_first(browser: Any, tmp_path: Path) -> None:
    nodes = [{"id": f"{ID}n{i:05d}", "label": f"Actor {i}", "slug": f"n{i:05d}", "group": "group", "type": "group",
              "aliases": [], "posts": [], "date": ""} for i in range(1200)]
    edges = [{"from": f"{ID}n{i:05d}", "to": f"{ID}n{i % 7:05d}", "key": f"s{i}", "statement_id": f"s{i}",
              "relation": "relationship", "detail": "member-of", "label": "member of", "polarity": 0, "source": "a",
              "source_title": "A", "quote": f"quote {i}", "quotes": [f"quote {i}"], "date": "2010",
              "earliest": "2010-01-01", "latest": "2010-12-31", "also_in": []} for i in range(7, 1200)]
    (tmp_path / "g.json").write_text(json.dumps({"nodes": nodes, "edges": edges}), encoding="utf-8")
    opened = open_page(browser, write(tmp_path / "g.json", tmp_path / "viz").as_uri())
    page = opened.page
    hubs = page.evaluate("""() => { const s = network.getScale();
        return [0, 1, 2, 3, 4, 5, 6].map(i => { const n = network.body.data.nodes.get(i); return [n.label, n.font.size * s]; }); }""")
    assert all(label and px >= 12 for label, px in hubs)
    assert page.evaluate("network.body.data.nodes.get(900).label") is None  # named once zoomed in
    assert opened.clean()
    page.close()
