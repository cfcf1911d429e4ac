"""A governing body named after its jurisdiction ("the Alpha County Board of Supervisors") is
proposed as that jurisdiction's governing body (relation `governing-body-of`), reviewable like
any candidate; kept, accepted and built, `opt-out-attempts` counts the body's stance for the
county, naming the body as speaker (graph/ingest/governs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph.folders import Project
from graph.ingest.document import ingest
from graph.build.vocabulary import Vocabulary
from graph.ingest.governs import for_jurisdictions, propose
from graph.ingest.mentions import Known, Mention, find_mentions
from tests.ingest.test_unseen import REGISTER

PLACES = REGISTER + [
    Known("kent", "city", "Kent", ("Kent",)),
    Known("illinois", "state", "Illinois", ("Illinois",)),
    Known("kent-county", "county", "Kent County", ("Kent County",)),
]


def related(text: str, bodies: list[Known]) -> list[tuple[str, str, str]]:
    register = PLACES + bodies
    return [(c.values["subject"], c.values["object"], c.quote[0].text) for c in propose(text, find_mentions(text, register), register)]


@pytest.mark.parametrize("text, body, expected", [
    ("The Santa Clara County Board of Supervisors voted.", "Santa Clara County Board of Supervisors",
     ("santa-clara-county", "Santa Clara County Board of Supervisors")),
    ("The Board of Supervisors of Santa Clara County voted.", "Board of Supervisors of Santa Clara County",
     ("santa-clara-county", "Board of Supervisors of Santa Clara County")),
    ("The County of Santa Clara Board of Supervisors voted.", "County of Santa Clara Board of Supervisors",
     ("santa-clara-county", "County of Santa Clara Board of Supervisors")),
    ("The Santa Clara Board of Supervisors voted.", "Santa Clara Board of Supervisors",  # a county's board: the county
     ("santa-clara-county", "Santa Clara Board of Supervisors")),
    ("The Kent City Council voted.", "Kent City Council", ("kent", "Kent City Council")),  # a city, not Kent County
    ("The City Council of Kent voted.", "City Council of Kent", ("kent", "City Council of Kent")),
    ("The Kent County Commission voted.", "Kent County Commission", ("kent-county", "Kent County Commission")),
])
def test_a_body_named_after_its_jurisdiction_governs_it(text: str, body: str, expected: tuple[str, str]) -> None:
    board = Known("the-body", "government", body, (body,))
    assert related(text, [board]) == [("the-body", *expected)]


def test_a_body_named_after_a_place_named_just_before_it() -> None:
    # "Illinois General Assembly" read as the state and a body: the body governs the state
    assembly = Known("general-assembly", "government", "General Assembly", ("General Assembly",))
    assert related("The Illinois General Assembly passed it.", [assembly]) == [
        ("general-assembly", "illinois", "Illinois General Assembly")]


def test_an_office_serving_a_place_or_an_unknown_place_is_no_governing_body() -> None:
    office = Known("sheriffs-office", "office", "Kent County Sheriff's Office", ("Kent County Sheriff's Office",))
    assert related("The Kent County Sheriff's Office joined.", [office]) == []
    board = Known("zeta-board", "government", "Zeta County Board of Supervisors", ("Zeta County Board of Supervisors",))
    assert related("The Zeta County Board of Supervisors voted.", [board]) == []  # no such jurisdiction known or proposed
    council = Known("kent-council", "government", "Kent Council", ("Kent Council",))
    assert related("The Kent Council voted.", [council]) == [("kent-council", "kent", "Kent Council")]  # "Kent" is the city
    both = PLACES + [Known("kent-state", "state", "Kent", ("Kent",))]  # a city and a state of one name
    legislature = Known("kent-legislature", "government", "Kent Legislature", ("Kent Legislature",))
    text = "The Kent Legislature voted. The Kent Council voted."
    found = find_mentions(text, [legislature, council])
    assert [(c.values["subject"], c.values["object"]) for c in propose(text, found, both + [legislature, council])] == [
        ("kent-legislature", "kent-state"), ("kent-council", "kent")]  # a legislature governs the state, a council the city



def test_a_board_named_by_one_word_after_its_county_is_a_body_and_its_opt_out_the_countys(vocab: Vocabulary) -> None:
    # "the Arlington County Board": one word after a known county is still a governing body's name (it had
    # been read as the county alone, the board never found); the board's opt-out is the county's too
    # (bench/ingest-eval/README.md: an opt-out by a body speaking for a named jurisdiction)
    from tests.ingest.test_unseen import extract, stances

    text = "The Arlington County Board voted on Tuesday to withdraw from the Beta Program."
    found, new, proposed = extract(text, vocab)
    assert [(e.name, e.type) for e in new] == [("Arlington County Board", "government")]
    related_ = propose(text, found, REGISTER + [Known(e.id, e.type, e.name, (e.name,)) for e in new])
    assert [(c.values["subject"], c.values["object"]) for c in related_] == [("arlington-county-board", "arlington-county")]
    assert stances(proposed + for_jurisdictions(proposed, related_)) == {
        ("arlington-county-board", "beta-program", "seeks-opt-out"), ("arlington-county", "beta-program", "seeks-opt-out")}
    # a body's other acts stay the body's alone (README: an official's other acts only where the text makes them the place's)
    text = "The Arlington County Board has criticized the Beta Program."
    found, new, proposed = extract(text, vocab)
    related_ = propose(text, found, REGISTER + [Known(e.id, e.type, e.name, (e.name,)) for e in new])
    assert stances(proposed + for_jurisdictions(proposed, related_)) == {("arlington-county-board", "beta-program", "criticizes")}


def test_ingest_proposes_the_relation_and_accept_build_query_count_the_body_for_the_county(mini: Project, tmp_path: Path) -> None:
    from graph.api import open_graph
    from graph.build.pipeline import build
    from graph.ingest.accept import accept

    doc = tmp_path / "board.txt"
    doc.write_text("Alpha, May 4, 2011. The Alpha County Board of Supervisors voted on May 3, 2011 to opt out of "
                   "the Beta Program.\n", encoding="utf-8")
    done = ingest(mini, doc, "Board votes", date="2011-05-04", ident="board-2011")
    path = mini.root / str(done.review)
    review = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert [(e["id"], e["type"]) for e in review["entities"]] == [("alpha-county-board-of-supervisors", "government")]
    assert [(r["subject"], r["relation"], r["object"], r["quote"]) for r in review["relations"]] == [
        ("alpha-county-board-of-supervisors", "governing-body-of", "alpha-county", "Alpha County Board of Supervisors")]
    stance = next(s for s in review["stances"] if s["actor"] == "alpha-county-board-of-supervisors")
    assert stance["position"] == "seeks-opt-out"
    keep = {review["entities"][0]["candidate"], review["relations"][0]["candidate"], stance["candidate"]}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    current = None
    for i, line in enumerate(lines):
        if line.lstrip("- ").startswith("candidate:"):
            current = line.split(":", 1)[1].strip()
        elif line.strip() == "status: unreviewed" and current in keep:
            lines[i] = line.replace("unreviewed", "keep")
    path.write_text("".join(lines), encoding="utf-8")
    accepted = accept(mini, path)
    assert accepted.records.get("relations") == 1
    statements = yaml.safe_load((mini.data_dir / "statements" / "board-2011.yaml").read_text(encoding="utf-8"))
    assert statements["relations"][0]["relation"] == "governing-body-of"
    build(mini)
    records = open_graph(out_dir=mini.out_dir).query("opt-out-attempts", program="beta-program").records()
    got = {(r["name"], r["source"], r.get("speaker") or "") for r in records}
    assert ("Alpha County", "board-2011", "Alpha County Board of Supervisors") in got
