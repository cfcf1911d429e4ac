"""The curated corpus: per-document counts, and library answers the documents make certain."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.build.load import Curated, load
from graph.folders import Project
from graph.store.query import LocalBackend, run
from graph.store.embedded import open_store

COUNTS = Path(__file__).parent / "fixtures" / "corpus-counts.yaml"
KINDS = ["stances", "claims", "events", "figures", "relations", "posts", "characterizations", "process", "mentions"]


@pytest.fixture(scope="module")
def curated(corpus_built: Project) -> Curated:
    return load(corpus_built)


@pytest.fixture(scope="module")
def backend(corpus_built: Project) -> LocalBackend:
    return LocalBackend(open_store(corpus_built.out_dir))


def ask(backend: LocalBackend, name: str, **params: str) -> list[dict[str, Any]]:
    return run(backend, name, params).records()


def entities_of(curated: Curated, source: str) -> set[str]:
    found: set[str] = set()
    for record in curated.statements.values():
        if record.source != source:
            continue
        for value in record.values.values():
            items = value if isinstance(value, list) else [m for ms in value.values() for m in ms] if isinstance(value, dict) else [value]
            found.update(v for v in items if isinstance(v, str) and v in curated.entities)
    return found


def test_per_document_counts(curated: Curated) -> None:
    expected = yaml.safe_load(COUNTS.read_text(encoding="utf-8"))
    actual = {
        source: {"entities": len(entities_of(curated, source)),
                 **{k: sum(1 for s in curated.statements.values() if s.source == source and s.kind == k) for k in KINDS}}
        for source in curated.sources
    }
    assert actual == expected


def test_backgrounder_lists_seven_opt_out_attempts(backend: LocalBackend) -> None:
    rows = [r for r in ask(backend, "opt-out-attempts") if r["source"] == "backgrounder-2011"]
    got = {(r["jurisdiction"].rsplit("/", 1)[1], r["date"]) for r in rows}
    assert got == {
        ("washington-dc", "2010-07"), ("arlington-county", "2010-09"), ("santa-clara-county", "2010-09"),
        ("illinois", "2011-05"), ("san-francisco", "2011-06"), ("new-york", "2011-06"), ("boston", "2011-07"),
    }
    assert all(r["quote"] for r in rows)


def test_stances_on_secure_communities(backend: LocalBackend) -> None:
    rows = ask(backend, "stances-on", program="secure-communities")
    by_id = {r["stance"].rsplit("/", 1)[1]: r for r in rows}
    cuomo = by_id["cuomo-suspends-scomm-2011-06-01"]
    assert (cuomo["position"], cuomo["date"], cuomo["source"]) == ("suspends-participation", "../2011-06-01", "blog-scomm-topic-2012")
    assert by_id["patrick-refuses-scomm-2011-06"]["position"] == "refuses-to-join"
    assert by_id["prieto-opposes-scomm-2011-05"]["date"] == "2011-05"
    dates = [r["date"] for r in rows if r["date"]]
    assert len(rows) > 40 and dates[0] <= dates[-1]


def test_opponents_according_to_one_source(backend: LocalBackend) -> None:
    everyone = ask(backend, "opponents")
    nif_only = ask(backend, "opponents", source="nif-2010-10-14")
    assert {r["sourceId"] for r in nif_only} == {"nif-2010-10-14"}
    assert 0 < len(nif_only) < len(everyone)
    names = {r["actorName"] for r in everyone}
    assert {"American Civil Liberties Union", "Andrew Cuomo"} <= names


def test_napolitano_record_in_time_order(backend: LocalBackend) -> None:
    rows = ask(backend, "actor-record", actor="janet-napolitano")
    ids = [r["statement"].rsplit("/", 1)[1] for r in rows]
    assert ids.index("napolitano-opt-out-yes-2010-09") < ids.index("napolitano-opt-out-no-2010-10")
    assert {"letter" if "letter" in i else "" for i in ids} >= {"letter"}
    dated = [r["date"] for r in rows if r["date"]]
    assert dated and len({r["source"] for r in rows}) >= 3


def test_ice_access_umbrella(backend: LocalBackend) -> None:
    members = {r["member"].rsplit("/", 1)[1] for r in ask(backend, "under-umbrella", umbrella="ice-access")}
    assert {"287g-program", "criminal-alien-program", "secure-communities"} <= members


def test_opt_out_contradiction_side_by_side(backend: LocalBackend) -> None:
    rows = ask(backend, "contradictions", question="opt-out-possible")
    pairs = {frozenset((r["a"].rsplit("/", 1)[1], r["b"].rsplit("/", 1)[1])) for r in rows}
    assert frozenset(("napolitano-opt-out-yes-2010-09", "napolitano-opt-out-no-2010-10")) in pairs
    assert frozenset(("napolitano-opt-out-yes-reply-2010", "napolitano-opt-out-no-press-conference-2010")) in pairs
    assert all(r["aQuote"] and r["bQuote"] and r["aSource"] and r["bSource"] for r in rows)
    assert {r["aSource"] for r in rows} | {r["bSource"] for r in rows} >= {"backgrounder-2011", "nif-2010-10-14"}


def test_jurisdictions_activated_series(backend: LocalBackend) -> None:
    rows = ask(backend, "figures", measure="jurisdictions-activated")
    series = [(r["value"], r["asOf"], r["source"]) for r in rows]
    assert series[0] == (14, "2008", "blog-scomm-topic-2012")
    assert series[-1] == (1595, "2011-09-27", "ipc-what-is-scomm-2011")
    assert (660, "2010-10-14", "nif-2010-10-14") in series


def test_letter_participants(backend: LocalBackend) -> None:
    rows = ask(backend, "event-participants", event="lofgren-letter-to-napolitano-holder-2010")
    roles = {(r["name"], r["role"]) for r in rows}
    assert ("Zoe Lofgren", "sender") in roles
    assert ("Janet Napolitano", "recipient") in roles and ("Eric Holder", "recipient") in roles


def test_source_positions(backend: LocalBackend) -> None:
    rows = ask(backend, "source-positions")
    blog_against = {r["actorName"] for r in rows if r["source"] == "blog-scomm-topic-2012" and r["side"] == "against"}
    blog_for = {r["actorName"] for r in rows if r["source"] == "blog-scomm-topic-2012" and r["side"] == "for"}
    assert "National Day Laborer Organizing Network" in blog_against
    assert "Janet Napolitano" in blog_for
    assert {r["source"] for r in rows} >= {"blog-scomm-topic-2012", "backgrounder-2011", "nif-2010-10-14"}


def test_coverage_has_no_statement_without_source(corpus_built: Project) -> None:
    import json

    report = json.loads((corpus_built.out_dir / "stats.json").read_text(encoding="utf-8"))
    assert report["statements_without_source"] == []
    assert report["totals"]["stance"] > 50


def test_every_entity_has_a_statement(corpus_built: Project) -> None:
    import json

    report = json.loads((corpus_built.out_dir / "stats.json").read_text(encoding="utf-8"))
    assert report["entities_without_statements"] == []


def test_corpus_copies_match_the_shared_originals(curated: Curated) -> None:
    """data/corpus holds verbatim copies of ../shared/corpus (when that folder is beside the repo)."""
    shared = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
    if not shared.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout")
    copies = {Path(str(r.values["file"])).name for r in curated.sources.values()}
    originals = {p.name for p in shared.glob("*.txt")}
    assert copies == originals
    data = Path(__file__).resolve().parent.parent / "data" / "corpus"
    for name in sorted(originals):
        assert (data / name).read_bytes() == (shared / name).read_bytes(), name


def test_statement_sample_is_reproducible(curated: Curated) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "scripts" / "sample_statements.py"
    spec = importlib.util.spec_from_file_location("sample_statements", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first = module.sample_ids(curated, 2026, 50)
    assert first == module.sample_ids(curated, 2026, 50)
    assert len(first) == 50 and set(first) <= set(curated.statements)
    assert first != module.sample_ids(curated, 2027, 50)


def _quote(record: Any) -> str:
    return " ".join(record.values["quote"])


def test_removal_measures_count_different_things(curated: Curated) -> None:
    figures = {s.id: s for s in curated.statements.values() if s.kind == "figures"}
    assert figures["scomm-removals-2011-04-30"].values["measure"] == "scomm-criminal-removals"
    assert figures["scomm-removals-2011-09-30"].values["measure"] == "scomm-removals"
    convicted = [f for f in figures.values() if f.values["measure"] == "scomm-criminal-removals"]
    assert all("convicted" in _quote(f) for f in convicted)


def test_fbi_and_doj_are_not_recorded_as_operators(curated: Curated) -> None:
    operators = {s.values["object"] for s in curated.statements.values()
                 if s.kind == "relations" and s.values["relation"] == "operated-by" and s.values["subject"] == "secure-communities"}
    assert operators <= {"ice", "dhs"}
    sharing = {s.values["object"] for s in curated.statements.values()
               if s.kind == "relations" and s.values["relation"] == "information-sharing-party"}
    assert {"fbi", "doj", "dhs", "ice"} <= sharing


def test_aims_and_outcomes_are_different_questions(curated: Curated) -> None:
    claims = [s for s in curated.statements.values() if s.kind == "claims"]
    aims = [c for c in claims if c.values["question"] == "program-aims-at-serious-criminals"]
    outcomes = [c for c in claims if c.values["question"] == "removals-mostly-serious-criminals"]
    assert len(aims) >= 3 and len(outcomes) >= 2
    aim_words = ("designed to", "to focus on", "prioritizing", "supposed to")
    assert all(any(w in _quote(c) for w in aim_words) for c in aims)
    assert not any(any(w in _quote(c) for w in aim_words) for c in outcomes)
    # a curator's mark never pairs claims on different questions
    by_id = {c.id: c for c in claims}
    for claim in claims:
        for mark in claim.values.get("contradicts") or []:
            other = mark["statement"]  # a mark is {statement, reason} (docs/contradiction.md)
            if other in by_id:
                assert by_id[other].values["question"] == claim.values["question"], (claim.id, other)


def test_no_relation_says_ice_is_part_of_dhs_without_a_quote_that_does(curated: Curated) -> None:
    assert "ice-part-of-dhs" not in curated.statements


def test_an_official_with_an_open_start_stance_speaks_for_the_jurisdiction(backend: LocalBackend) -> None:
    """Cuomo suspended participation "on or before 2011-06-01" as Governor of New York (from
    2011-01-01): the stance may fall within the post, so New York counts, with Cuomo as speaker."""
    rows = [r for r in ask(backend, "opt-out-attempts") if r["stance"].endswith("/cuomo-suspends-scomm-2011-06-01")]
    assert [(r["jurisdiction"].rsplit("/", 1)[1], r["speaker"], r["date"]) for r in rows] == [
        ("new-york", "Andrew Cuomo", "../2011-06-01")]
