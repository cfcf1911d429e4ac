"""`scomm ingest`: the copy, the manifest, refusals and bad input, and the CLI end to end."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from graph.cli import main
from graph.errors import DataError, UsageError
from graph.ingest.document import html_to_text, ingest, read_document
from graph.folders import Project
from graph.build.pipeline import check

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
NEW = FIXTURES / "new-doc.txt"


def data_files(proj: Project) -> dict[str, bytes]:
    return {str(p.relative_to(proj.root)): p.read_bytes() for p in sorted(proj.data_dir.rglob("*")) if p.is_file()}


def test_ingest_copies_records_and_proposes(mini: Project) -> None:
    manifest = mini.data_dir / "sources.yaml"
    manifest.write_text("# the mini manifest\n" + manifest.read_text(encoding="utf-8"), encoding="utf-8")
    done = ingest(mini, NEW, "Alpha news", date="2011-03-03", publisher="Epsilon Coalition", url="https://example.org/a")
    assert done.source == "alpha-news-2011"
    copy = mini.data_dir / done.file
    assert copy.read_bytes() == NEW.read_bytes()
    assert done.sha256 == hashlib.sha256(NEW.read_bytes()).hexdigest()
    assert manifest.read_text(encoding="utf-8").startswith("# the mini manifest\n")
    record = check(mini).curated.sources["alpha-news-2011"]
    assert record.values["publisher"] == "epsilon-coalition"
    assert record.values["sha256"] == done.sha256
    assert done.review == "data/review/alpha-news-2011.yaml"
    review = yaml.safe_load((mini.root / done.review).read_text(encoding="utf-8"))
    stances = {(s["actor"], s["target"], s["position"]) for s in review["stances"]}
    assert ("alpha-county", "beta-program", "suspends-participation") in stances
    assert {"john-smith", "omega-coalition"} <= {e["id"] for e in review["entities"]}
    assert ["OC"] == next(e for e in review["entities"] if e["id"] == "omega-coalition")["aliases"]
    posts = [(p["person"], p["title"]) for p in review["posts"]]
    assert ("john-smith", "Sheriff") in posts


def test_duplicate_and_changed_files_are_refused(mini: Project, tmp_path: Path) -> None:
    ingest(mini, NEW, "Alpha news", date="2011-03-03", ident="alpha-news")
    before = data_files(mini)
    with pytest.raises(DataError, match=r"sources.yaml:\d+ \(alpha-news\): this document is already in the corpus"):
        ingest(mini, NEW, "Same again", ident="other-id")
    changed = tmp_path / "changed.txt"
    changed.write_text(NEW.read_text(encoding="utf-8") + "One more line.\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"source id 'alpha-news' already names another file.*refused"):
        ingest(mini, changed, "Alpha news", ident="alpha-news")
    assert data_files(mini) == before


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", r"empty.txt: the file is empty"),
        ("blank.txt", r"blank.txt: the file is empty"),
        ("binary.txt", r"binary.txt: binary data \(a NUL byte at offset 12\)"),
        ("document.pdf", r"document.pdf: this is a PDF, not text"),
        ("latin1.txt", r"latin1.txt:1: not UTF-8 \(byte 0xe9 at offset 58\).*--encoding"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(mini: Project, name: str, expected: str) -> None:
    before = data_files(mini)
    with pytest.raises(DataError, match=expected):
        ingest(mini, FIXTURES / name, "Bad")
    assert data_files(mini) == before


def test_a_named_encoding_is_converted_to_utf8(mini: Project) -> None:
    done = ingest(mini, FIXTURES / "latin1.txt", "Latin", encoding="latin-1", review=False)
    assert "officials éè in 2010" in (mini.data_dir / done.file).read_text(encoding="utf-8")
    with pytest.raises(UsageError, match="unknown encoding name"):
        read_document(FIXTURES / "latin1.txt", "no-such-codec")


def test_html_becomes_text() -> None:
    text, verbatim = read_document(FIXTURES / "new-doc.html")
    assert verbatim is None
    assert "var x" not in text and "color: red" not in text
    assert "Sheriff John Smith said the county will suspend participation in the Beta Program & more." in text
    assert "\n- Alpha County, Calif., Sept. 2010.\n- Second item\n" in text
    assert text.startswith("Alpha County news\n")
    assert html_to_text("<p>a<br>b</p>") == "a\nb\n"


def test_misspelt_publisher_is_a_usage_error(mini: Project) -> None:
    with pytest.raises(UsageError, match="--publisher 'Epsilon Coalitio' is not in the register; did you mean epsilon-coalition"):
        ingest(mini, NEW, "Alpha", publisher="Epsilon Coalitio")


def test_cli_ingest_review_accept_validate(mini: Project) -> None:
    runner = CliRunner()
    root = ["--root", str(mini.root)]
    result = runner.invoke(main, ["ingest", str(NEW), "--title", "Alpha news", "--date", "2011-03-03", "--id", "alpha-news", *root])
    assert result.exit_code == 0, result.output
    assert "review file data/review/alpha-news.yaml" in result.output
    review = mini.data_dir / "review" / "alpha-news.yaml"
    text = review.read_text(encoding="utf-8")
    content = yaml.safe_load(text)
    keep = {s["candidate"] for s in content["stances"] if s["actor"] == "alpha-county" and s["position"] == "suspends-participation"}
    keep |= {e["candidate"] for e in content["entities"] if e["id"] == "omega-coalition"}
    for candidate in keep:
        text = re.sub(rf"(candidate: {candidate}\n  status: )unreviewed", r"\1keep", text)
    review.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["accept", str(review), *root])
    assert result.exit_code == 0, result.output
    assert "accepted 1 entities, 1 mentions, 1 stances" in result.output
    result = runner.invoke(main, ["validate", *root])
    assert result.exit_code == 0, result.output
    result = runner.invoke(main, ["ingest", str(NEW), "--title", "Again", *root])
    assert result.exit_code == 1 and "already in the corpus" in result.output
