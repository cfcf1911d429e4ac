"""Time as the text gives it: EDTF values, their bounds, the resolver, stated order in timelines."""

from __future__ import annotations

from datetime import date

from typing import Any

import pytest

from graph.dates import EDTF, parse, resolve
from graph.folders import Project
from graph.store.embedded import open_store
from graph.store.query import LocalBackend, run


def test_precision_kept_and_bounds() -> None:
    month = parse("2010-09")
    assert (month.precision, month.form, month.earliest, month.latest) == ("month", "month", date(2010, 9, 1), date(2010, 9, 30))
    assert str(month.literal().datatype).endswith("#gYearMonth")
    year = parse("2011")
    assert (year.earliest, year.latest) == (date(2011, 1, 1), date(2011, 12, 31))
    assert str(year.literal().datatype).endswith("#gYear")
    assert parse("2012-02").latest == date(2012, 2, 29)
    assert str(parse("2011-06-01").literal().datatype).endswith("#date")


@pytest.mark.parametrize(
    "text, form, earliest, latest",
    [
        ("../2010-10-14", "on-or-before", None, date(2010, 10, 14)),
        ("2010-09/..", "on-or-after", date(2010, 9, 1), None),
        ("2011-08-05/2011-08-08", "between", date(2011, 8, 5), date(2011, 8, 8)),
        ("2009-10-01/2010-09-30", "fiscal-year", date(2009, 10, 1), date(2010, 9, 30)),
        ("2010-09/2010-10", "between", date(2010, 9, 1), date(2010, 10, 31)),
        ("2010-10-14?", "qualified", date(2010, 10, 14), date(2010, 10, 14)),
        ("../..", "unknown", None, None),
    ],
)
def test_edtf_forms(text: str, form: str, earliest: date | None, latest: date | None) -> None:
    when = parse(text)
    assert (when.form, when.earliest, when.latest) == (form, earliest, latest)
    assert when.literal().datatype == EDTF and str(when.literal()) == text


@pytest.mark.parametrize(
    "bad", ["Sept. 2010", "2010-13", "2011-02-30", "10/01/10", "2010-9", "2010-21", "/2010-10-14", "2010-10-14/2010-09", ""]
)
def test_bad_dates_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse(bad)


# One fixture per date form the texts use: (words, anchor, after, expected EDTF, bounds, basis).
FIXTURES = [
    ("Subsequently", "2010-10-14", "../2010-10-14", "../2010-10-14", (None, "2010-10-14"), "relative"),
    ("Subsequently", "2011-08-08", "2011-08-05", "2011-08-05/2011-08-08", ("2011-08-05", "2011-08-08"), "relative"),
    ("a recent letter", "2010-10-14", None, "../2010-10-14", (None, "2010-10-14"), "post-date"),
    ("in recent weeks", "2010-10-14", None, "../2010-10-14", (None, "2010-10-14"), "post-date"),
    ("on the 18th", "2010-05-20", None, "2010-05-18", ("2010-05-18", "2010-05-18"), "relative"),
    ("on the 28th", "2010-05-20", None, "2010-04-28", ("2010-04-28", "2010-04-28"), "relative"),
    ("Friday", "2011-08-08", None, "2011-08-05", ("2011-08-05", "2011-08-05"), "relative"),
    # a weekday in a text dated that weekday is that day ("on Tuesday" in a story of Tuesday 2014-02-11)
    ("on Tuesday", "2014-02-11", None, "2014-02-11", ("2014-02-11", "2014-02-11"), "relative"),
    ("fiscal 2010", "2010-10-11", None, "2009-10-01/2010-09-30", ("2009-10-01", "2010-09-30"), "stated"),
    ("fiscal year 2010", "2010-10-11", None, "2009-10-01/2010-09-30", ("2009-10-01", "2010-09-30"), "stated"),
    ("Sept. 2010", "2011-06-01", None, "2010-09", ("2010-09-01", "2010-09-30"), "stated"),
    ("last year", "2011-06-01", None, "2010", ("2010-01-01", "2010-12-31"), "relative"),
    ("yesterday", "2010-04-28", None, "2010-04-27", ("2010-04-27", "2010-04-27"), "relative"),
    ("A month later", "2011-06-01", "2010-09", "2010-10", ("2010-10-01", "2010-10-31"), "relative"),
    ("recently signed", "2009-11-10", None, "../2009-11-10", (None, "2009-11-10"), "post-date"),
    ("a previous statement", "2010-10-01", None, "../2010-10-01", (None, "2010-10-01"), "post-date"),
    ("Since January 2009", "2010-10-11", None, "2009-01/2010-10-11", ("2009-01-01", "2010-10-11"), "relative"),
]


@pytest.mark.parametrize("words, anchor, after, expected, bounds, basis", FIXTURES)
def test_resolver(words: str, anchor: str, after: str | None, expected: str, bounds: tuple[str | None, str | None], basis: str) -> None:
    resolved = resolve(words, anchor, after=after)
    assert resolved.edtf == expected
    assert resolved.basis == basis
    when = resolved.when
    assert (when.earliest and when.earliest.isoformat(), when.latest and when.latest.isoformat()) == bounds
    assert words in resolved.note  # the note says which words were resolved, and against what
    assert anchor in resolved.note or basis == "stated" or after is not None


def test_resolver_never_guesses() -> None:
    with pytest.raises(ValueError):
        resolve("in the fullness of time", "2010-10-14")
    with pytest.raises(ValueError):
        resolve("A month later", "2010-10-14")  # needs the thing it is later than
    with pytest.raises(ValueError):
        resolve("yesterday", "2010-10")  # the anchor must be a day


def _ids(rows: list[dict[str, Any]], key: str = "statement") -> list[str]:
    return [str(r[key]).rsplit("/", 1)[1] for r in rows]


def test_redated_exchange_in_the_graph(corpus_built: Project) -> None:
    """The NIF post's letter: on or before 2010-10-14, an EDTF literal, no earliest bound."""
    backend = LocalBackend(open_store(corpus_built.out_dir))
    rows = run(backend, """PREFIX scomm: <https://w3id.org/scomm-kg/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?date (DATATYPE(?date) AS ?type) ?latest (BOUND(?earliest) AS ?hasEarliest) WHERE {
          ?s dcterms:identifier "lofgren-letter-to-napolitano-holder-2010" ; dcterms:date ?date ; scomm:latestDate ?latest .
          OPTIONAL { ?s scomm:earliestDate ?earliest } }""").records()
    assert len(rows) == 1
    assert str(rows[0]["date"]) == "../2010-10-14" and str(rows[0]["type"]) == str(EDTF)
    assert str(rows[0]["latest"]) == "2010-10-14" and str(rows[0]["hasEarliest"]).lower() == "false"


# The opt-out exchange in each source that tells it, in the order the text gives.
EXCHANGES = {
    "nif-2010-10-14": ["lofgren-letter-to-napolitano-holder-2010", "weich-napolitano-reply-to-lofgren-2010",
                       "napolitano-statistics-press-conference-2010"],
    "nif-2010-10-14 claims": ["napolitano-opt-out-yes-reply-2010", "napolitano-opt-out-no-press-conference-2010"],
    "backgrounder-2011": ["napolitano-letter-to-lofgren-2010-09", "napolitano-opt-out-no-2010-10"],
    "backgrounder-2011 claims": ["napolitano-opt-out-yes-2010-09", "napolitano-opt-out-no-2010-10"],
}


def test_actor_record_orders_the_opt_out_exchange(corpus_built: Project) -> None:
    backend = LocalBackend(open_store(corpus_built.out_dir))
    ids = _ids(run(backend, "actor-record", {"actor": "janet-napolitano"}).records())
    for source, expected in EXCHANGES.items():
        positions = [ids.index(i) for i in expected]
        assert positions == sorted(positions), (source, [ids[p] for p in positions])


def test_timeline_orders_the_opt_out_exchange(corpus_built: Project) -> None:
    from graph.analysis.projection import evidence_graph
    from graph.analysis.timeline import actor_timeline

    eg = evidence_graph(open_store(corpus_built.out_dir))
    _, entries = actor_timeline(eg, "janet-napolitano")
    ids = [e.statement_id for e in entries]
    for source, expected in EXCHANGES.items():
        positions = [ids.index(i) for i in expected]
        assert positions == sorted(positions), (source, [ids[p] for p in positions])
    # the blog's post of 10/01/10: DHS's "previous statement" before the "no" it is set against
    from graph.analysis.timeline import in_time_order

    blog = [d for *_, d in eg.edges(data=True) if d["relation"] == "claim" and d["source"] == "blog-scomm-topic-2012"]
    blog_ids = [d["statement_id"] for d in in_time_order(blog, lambda d: d)]
    for later in ("senior-ice-official-opt-out-no-2010-10", "blog-opt-out-no-2010-10"):
        assert blog_ids.index("dhs-opt-out-yes-before-2010-10") < blog_ids.index(later)
    # the stated order makes the NIF "no" a change from the "yes", not an unordered difference
    no = next(e for e in entries if e.statement_id == "napolitano-opt-out-no-press-conference-2010")
    assert no.change.startswith("answer changed: yes")


def test_stated_order_in_intervals() -> None:
    from graph.analysis.timeline import in_time_order

    edges = [
        {"statement_id": "c", "earliest": "", "latest": "2010-10-14", "after": ["b"]},
        {"statement_id": "b", "earliest": "", "latest": "2010-10-14", "after": ["a"]},
        {"statement_id": "a", "earliest": "", "latest": "2010-10-14", "after": []},
        {"statement_id": "0", "earliest": "2010-09-01", "latest": "2010-09-30", "after": []},
        {"statement_id": "z", "earliest": "", "latest": "", "after": []},
    ]
    assert [d["statement_id"] for d in in_time_order(edges, lambda d: d)] == ["0", "a", "b", "c", "z"]


def test_window_overlap_and_within() -> None:
    from graph.analysis.selection import make_selection

    september = make_selection(date_from="2010-09", date_to="2010-09")
    assert september.in_window("stance", "", "2010-10-14")  # on or before: may fall in September
    assert not september.within_window("", "2010-10-14")
    assert not september.in_window("stance", "2010-10-01", "2010-10-14")
    assert september.within_window("2010-09-01", "2010-09-30")
    assert not september.in_window("stance", "", "")


@pytest.mark.parametrize("text", [
    "2010", "2010-02", "2012-02-29", "2010-10-14", "../2010-10-14", "2010-09/..", "2010-09/2010-10-14",
    "2009-10-01/2010-09-30", "2010/2011", "2011-08-05/2011-08-08", "../..", "2010-13", "2010-02-30", "2011/2010",
])
def test_fast_path_gives_what_the_edtf_package_gives(text: str) -> None:
    from graph.dates import _parse_edtf, parse

    def outcome(fn: Any) -> object:
        try:
            w = fn(text)
        except ValueError as exc:
            return str(exc)
        return (w.text, w.earliest, w.latest)

    assert outcome(parse) == outcome(_parse_edtf)
