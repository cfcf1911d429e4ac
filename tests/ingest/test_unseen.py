"""The failure classes found on unseen texts (issue 13): one small fixture each, a sentence and
the candidate expected from it, then publishers, corroboration, the review session and the
official speaking for a jurisdiction."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from graph.build.vocabulary import Vocabulary
from graph.folders import Project
from graph.ingest import session, when
from graph.ingest.candidates import propose
from graph.ingest.document import ingest
from graph.ingest.mentions import Known, find_mentions, find_titles, new_entities

REGISTER = [
    Known("santa-clara-county", "county", "Santa Clara County", ("Santa Clara County",)),
    Known("arlington-county", "county", "Arlington County", ("Arlington County",)),
    Known("washington-dc", "district", "Washington, D.C.", ("Washington, D.C.", "Washington")),
    Known("barack-obama", "person", "Barack Obama", ("Barack Obama", "President Obama")),
    Known("obama-administration", "government", "Obama Administration", ("Obama Administration", "the Administration")),
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency", "GA")),
    Known("omega-coalition", "group", "Omega Coalition", ("Omega Coalition",)),
    Known("united-states", "country", "United States", ("United States", "U.S.")),
]



def extract(text: str, vocab: Vocabulary, date: str | None = "2011-11-17", register: list[Known] | None = None,
            publisher: str | None = None) -> tuple[list, list, list]:
    """What `scomm ingest` finds in `text`: mentions, new entities and candidates."""
    register = REGISTER if register is None else register
    found = find_mentions(text, register)
    titles = find_titles(text, found, register)
    new = new_entities(text, register, found, titles)
    known = register + [Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
    found = find_mentions(text, known)
    titles = find_titles(text, found, known)
    return found, new, propose("doc", text, date, found, titles, known, vocab, publisher)


def stances(candidates: list) -> set[tuple[str, str, str]]:
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in candidates if c.kind == "stances"}


# --------------------------------------------------------------- mentions


def test_jurisdiction_short_forms_where_unambiguous() -> None:
    text = "Santa Clara asked to leave; the county of Arlington did too."
    assert {(m.entity, m.text) for m in find_mentions(text, REGISTER)} == {
        ("santa-clara-county", "Santa Clara"), ("arlington-county", "county of Arlington")}
    # "Santa Clara University" is another name: the short form is not matched in that document
    assert find_mentions("Santa Clara University hosted a debate.", REGISTER) == []


def test_a_collective_is_not_the_person() -> None:
    found = find_mentions("The Obama administration defended the program.", REGISTER)
    assert [(m.entity, m.text) for m in found] == [("obama-administration", "Obama administration")]


def test_a_country_qualifying_an_agency_and_a_place_inside_a_longer_name_are_not_mentions() -> None:
    known = REGISTER + [Known("dhs", "agency", "Department of Homeland Security", ("Department of Homeland Security",))]
    text = "The U.S. Department of Homeland Security met in the Washington Metropolitan Area."
    assert [m.entity for m in find_mentions(text, known)] == ["dhs"]


# --------------------------------------------------------------- the actor by role


def test_the_recipient_of_a_request_is_not_the_actor(vocab: Vocabulary) -> None:
    _, _, found = extract("Santa Clara County requested an opt-out from the Gamma Agency.", vocab)
    assert stances(found) == {("santa-clara-county", "beta-program", "seeks-opt-out")} or stances(found) <= {
        ("santa-clara-county", "beta-program", "seeks-opt-out")}
    assert not any(a == "gamma-agency" for a, _, _ in stances(found))


def test_who_writes_and_demands_is_the_actor(vocab: Vocabulary) -> None:
    _, _, found = extract("In a letter to the Gamma Agency, the Omega Coalition demanded an end to the Beta Program.", vocab)
    assert ("omega-coalition", "beta-program", "calls-to-end") in stances(found)
    assert not any(a == "gamma-agency" for a, _, _ in stances(found))


def test_a_quotation_is_its_speakers(vocab: Vocabulary) -> None:
    text = '"The Beta Program is a critical tool for police," said Gamma Agency Director John Smith.'
    _, new, found = extract(text, vocab)
    assert ("john-smith", "beta-program", "supports") in stances(found)


# --------------------------------------------------------------- cue words kept as data


@pytest.mark.parametrize("sentence, position", [
    ("The Omega Coalition defended the Beta Program.", "supports"),
    ("The Omega Coalition demanded an investigation of the Beta Program.", "seeks-disclosure"),
    ("Arlington County asked for its removal from the program under the Beta Program rules.", "seeks-opt-out"),
])
def test_cue_words_from_the_data_file(vocab: Vocabulary, sentence: str, position: str) -> None:
    _, _, found = extract(sentence, vocab)
    assert position in {p for _, _, p in stances(found)}


def test_a_hedged_cue_is_no_stance(vocab: Vocabulary) -> None:
    _, _, found = extract("The Gamma Agency limited the ability of Arlington County to opt out of the Beta Program.", vocab)
    assert ("gamma-agency", "beta-program", "seeks-opt-out") not in stances(found)
    assert ("arlington-county", "beta-program", "seeks-opt-out") not in stances(found)


# --------------------------------------------------------------- dates against the document's date


def test_relative_dates_are_resolved_against_the_document_date(vocab: Vocabulary) -> None:
    _, _, found = extract("Last week, Arlington County voted to suspend the Beta Program.", vocab, "2011-11-17")
    stance = next(c for c in found if c.kind == "stances")
    assert stance.dated is not None and stance.dated.basis == "relative"
    assert stance.dated.value in ("2011-11-07/2011-11-13", "2011-11")
    assert "2011-11-07/2011-11-13" in (stance.dated.note or stance.dated.value)


@pytest.mark.parametrize("phrase, date, edtf", [
    ("launched last June", "2010", "2009-06/2010-06"),
    ("voted in November", "2011-06-06", "2010-11"),
    ("wrote on May 4", "2011-06-06", "2011-05-04"),
    ("An August 18 letter", "2011-08", "2011-08-18"),  # a day of the document's own month: that month's
    ("wrote on May 4", "2011-08", "2011-05-04"),
    ("said last year", "2011-06", "2010"),
    ("announced today", "2011-06-17", "2011-06-17"),
    ("met Wednesday", "2011-04-28", "2011-04-27"),
    ("is being expanded on Tuesday", "2010-05-14", "2010-05-18"),
])
def test_relative_expressions(phrase: str, date: str, edtf: str) -> None:
    assert [r.edtf for r in when.find(phrase, date)] == [edtf]


# --------------------------------------------------------------- headlines and titles


def test_headline_and_title_words_are_not_names() -> None:
    text = ("Gamma Agency Announces Improvements to Beta Program\n\n"
            "WASHINGTON - The Director said the Secretary and Public Affairs staff would help.\n")
    found = find_mentions(text, REGISTER)
    names = {e.name for e in new_entities(text, REGISTER, found, find_titles(text, found, REGISTER))}
    assert not names & {"Announces Improvements", "Public Affairs", "Director", "Secretary", "WASHINGTON"}


def test_titles_after_names_and_datelines() -> None:
    text = "Adrian Garcia, Sheriff, Harris County, Texas\n\nLAREDO, Texas - Webb County joined.\n"
    found = find_mentions(text, REGISTER)
    titles = find_titles(text, found, REGISTER)
    new = {(e.name, e.type) for e in new_entities(text, REGISTER, found, titles)}
    assert {("Adrian Garcia", "person"), ("Harris County", "county"), ("Texas", "state"), ("Laredo", "city"),
            ("Webb County", "county")} <= new
    assert [(t.name, t.title) for t in titles] == [("Adrian Garcia", "Sheriff")]


# --------------------------------------------------------------- figures


def test_a_figures_date_is_the_day_it_is_counted_through_not_a_launch_year(vocab: Vocabulary) -> None:
    text = ("Through April 30, 2011, more than 77,000 immigrants were removed after identification "
            "through Secure Communities, launched in 2008.")
    _, _, found = extract(text, vocab)
    figure = next(c for c in found if c.kind == "figures")
    assert (figure.values["value"], figure.values["measure"], figure.dated.value) == ("77000", "scomm-removals", "2011-04-30")


def test_fractions_in_words_and_idioms(vocab: Vocabulary) -> None:
    _, _, found = extract("About a third of those removed were not dangerous criminals. The agency did a 180 on 3 policies.", vocab)
    figures = [(c.values["value"], c.values["unit"], c.values["measure"]) for c in found if c.kind == "figures"]
    assert figures == [("33", "percent", "scomm-removals-not-dangerous-share")]


def test_the_measure_comes_from_the_words_near_the_number(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency removed more than 392,000 aliens in FY 2010, and more than 195,000 were "
            "convicted criminals, with 81,000 more criminal removals than in FY 2008.")
    _, _, found = extract(text, vocab)
    got = {c.values["value"]: (c.values["measure"], c.values["period_start"]) for c in found if c.kind == "figures"}
    assert got == {"392000": ("removals", "2009-10-01"), "195000": ("criminal-removals", "2009-10-01"),
                   "81000": ("criminal-removals-increase", "2009-10-01")}


# --------------------------------------------------------------- publishers, corroboration, review, officials


def test_a_new_publisher_is_proposed_and_never_a_place(mini: Project, tmp_path: Path) -> None:
    doc = tmp_path / "post.txt"
    doc.write_text("Alpha County will suspend participation in the Beta Program, the county said.\n", encoding="utf-8")
    done = ingest(mini, doc, "Alpha suspends", date="2011-06-01", publisher="The Washington Post", ident="wapo-2011")
    review = yaml.safe_load((mini.root / str(done.review)).read_text(encoding="utf-8"))
    publisher = review["entities"][0]
    assert (publisher["name"], publisher["type"], publisher["role"]) == ("The Washington Post", "media", "publisher")
    assert "publisher" not in yaml.safe_load((mini.data_dir / "sources.yaml").read_text(encoding="utf-8"))[-1]


def test_a_new_publisher_named_like_a_person_but_ending_in_a_masthead_word_is_media(mini: Project, tmp_path: Path) -> None:
    # Found on a fresh clone: "Houston Public Media" (a person's name shape) was proposed as a person.
    doc = tmp_path / "story.txt"
    doc.write_text("Alpha County will suspend participation in the Beta Program, the county said.\n", encoding="utf-8")
    done = ingest(mini, doc, "Alpha suspends", date="2010-09-29", publisher="Houston Public Media", ident="hpm-2010")
    review = yaml.safe_load((mini.root / str(done.review)).read_text(encoding="utf-8"))
    assert (review["entities"][0]["name"], review["entities"][0]["type"]) == ("Houston Public Media", "media")


def test_accepting_a_new_publisher_sets_it_on_the_source(mini: Project, tmp_path: Path) -> None:
    from graph.build.pipeline import check
    from graph.ingest.accept import accept

    doc = tmp_path / "post.txt"
    doc.write_text("Alpha County will suspend participation in the Beta Program, the county said.\n", encoding="utf-8")
    done = ingest(mini, doc, "Alpha suspends", date="2011-06-01", publisher="Zeta Weekly", ident="zeta-2011")
    path = mini.root / str(done.review)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: unreviewed", "status: keep", 1), encoding="utf-8")
    accept(mini, path)
    assert check(mini).curated.sources["zeta-2011"].values["publisher"] == "zeta-weekly"


def test_a_new_publisher_named_twice_in_the_text_is_accepted_with_its_occurrence(mini: Project, tmp_path: Path) -> None:
    from graph.build.pipeline import check
    from graph.ingest.accept import accept

    doc = tmp_path / "post.txt"
    doc.write_text("(Zeta Wire) -- Alpha County will suspend participation in the Beta Program, the county told "
                   "Zeta Wire.\n", encoding="utf-8")
    done = ingest(mini, doc, "Alpha suspends", date="2011-06-01", publisher="Zeta Wire", ident="zeta-2011")
    path = mini.root / str(done.review)
    publisher = yaml.safe_load(path.read_text(encoding="utf-8"))["entities"][0]
    assert (publisher["quote"], publisher["occurrence"], publisher["start"]) == ("Zeta Wire", 1, 1)
    path.write_text(path.read_text(encoding="utf-8").replace("status: unreviewed", "status: keep", 1), encoding="utf-8")
    accept(mini, path)
    assert check(mini).curated.sources["zeta-2011"].values["publisher"] == "zeta-wire"


def _alpha_opt_out(mini: Project, tmp_path: Path, sentence: str, date: str) -> dict:
    """The review's candidate "Alpha County seeks to opt out of the Beta Program" from a one-line document."""
    doc = tmp_path / "alpha.txt"
    doc.write_text(sentence + "\n", encoding="utf-8")
    done = ingest(mini, doc, "Alpha again", date=date, ident="alpha-again")
    review = yaml.safe_load((mini.root / str(done.review)).read_text(encoding="utf-8"))
    return next(s for s in review["stances"] if s["actor"] == "alpha-county" and s["position"] == "seeks-opt-out")


def test_a_stance_another_source_gives_is_proposed_as_corroboration(mini: Project, tmp_path: Path) -> None:
    stance = _alpha_opt_out(mini, tmp_path, "In September 2010 Alpha County asked to opt out of the Beta Program.", "2010-10-01")
    assert stance["corroborates"] == ["alpha-seeks-opt-out"]
    assert stance["existing"] == ["alpha-seeks-opt-out (doc-a): Alpha County, Calif., Sept. 2010: the county asked to opt out of the Beta Program."]
    assert stance["id"] != "alpha-seeks-opt-out"


def test_review_session_keeps_and_drops_with_one_key_each(mini: Project, tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("Sheriff John Smith said Alpha County will suspend participation in the Beta Program.\n", encoding="utf-8")
    done = ingest(mini, doc, "Smith", date="2011-06-01", ident="smith-2011")
    path = mini.root / str(done.review)
    total = sum(len(v or []) for k, v in yaml.safe_load(path.read_text(encoding="utf-8")).items() if k != "source")
    shown: list[str] = []
    result = session.run(mini, "smith-2011", iter("k\nd u d s q"), shown.append, color=False, context=40)
    assert (result.kept, result.dropped, result.skipped) == (1, 1, 1)
    assert any("[[" in line and "]]" in line for line in shown)  # the quote is marked in the document
    statuses = re.findall(r"^\s*status: (\w+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    assert sorted(statuses) == sorted(["keep", "drop"] + ["unreviewed"] * (total - 2))


def test_opt_out_attempts_finds_an_official_speaking_for_a_jurisdiction(mini: Project) -> None:
    from graph.api import open_graph
    from graph.build.pipeline import build

    statements = mini.data_dir / "statements" / "doc-b.yaml"
    text = statements.read_text(encoding="utf-8").replace("stances:\n", (
        "stances:\n"
        "  - id: roe-seeks-opt-out\n    actor: jane-roe\n    target: beta-program\n    position: seeks-opt-out\n"
        "    date: \"2010-10\"\n    quote: \"no jurisdiction can opt out of the Beta Program\"\n"
    ), 1)
    text += ("posts:\n  - id: roe-post\n    person: jane-roe\n    title: Director\n    jurisdiction: alpha-county\n"
             "    quote: \"Director Jane Roe\"\n")
    statements.write_text(text, encoding="utf-8")
    build(mini)
    records = open_graph(out_dir=mini.out_dir).query("opt-out-attempts", program="beta-program").records()
    got = {(r["name"], r["source"], r.get("speaker") or "") for r in records}
    assert ("Alpha County", "doc-a", "") in got  # the jurisdiction itself, as before
    assert ("Alpha County", "doc-b", "Jane Roe") in got  # through the post its official holds


def test_new_authors_given_are_proposed_and_speak_the_documents_words(mini: Project, tmp_path: Path) -> None:
    from graph.build.pipeline import check
    from graph.ingest.accept import accept

    doc = tmp_path / "letter.txt"
    doc.write_text("Members ask Alpha County to suspend the Beta Program\n\n"
                   "Today we asked Alpha County to suspend the Beta Program until its flaws are fixed.\n", encoding="utf-8")
    done = ingest(mini, doc, "Joint letter", date="2011-06-01", author=["Alma Quill", "Bo Lind"], ident="joint-2011")
    path = mini.root / str(done.review)
    review = yaml.safe_load(path.read_text(encoding="utf-8"))
    given = [(e["id"], e["role"]) for e in review["entities"] if e.get("role")]
    assert given == [("alma-quill", "author"), ("bo-lind", "author")]
    actors = {(s["actor"], s["position"]) for s in review["stances"]}
    assert {("alma-quill", "calls-for-moratorium"), ("bo-lind", "calls-for-moratorium")} <= actors
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("status: unreviewed", "status: keep", 2), encoding="utf-8")
    accept(mini, path)
    assert check(mini).curated.sources["joint-2011"].values["author"] == ["alma-quill", "bo-lind"]


def test_a_given_author_the_text_names_by_surname_is_one_entity_and_speaks_their_turn(mini: Project, tmp_path: Path) -> None:
    doc = tmp_path / "floor.txt"
    doc.write_text("Mr. PRICE of North Carolina. Mr. Chairman, I rise in opposition to the Beta Program.\n"
                   "The CHAIR. The time of the gentleman has expired.\n", encoding="utf-8")
    done = ingest(mini, doc, "Floor remarks", date="2012-05-01", author=["David E. Price"], ident="floor-2012")
    review = yaml.safe_load((mini.root / str(done.review)).read_text(encoding="utf-8"))
    people = [e for e in review["entities"] if e["type"] == "person"]
    assert [(e["name"], e["role"], "Mr. PRICE" in e["aliases"]) for e in people] == [("David E. Price", "author", True)]
    assert (people[0]["id"], "opposes") in {(s["actor"], s["position"]) for s in review["stances"]}


def test_a_stance_dated_only_on_or_before_the_document_is_compared_as_open_ended(mini: Project, tmp_path: Path) -> None:
    # "earlier this week": on or before the document's day, no earliest day; it can overlap Sept. 2010
    stance = _alpha_opt_out(mini, tmp_path, "Earlier this week Alpha County asked to opt out of the Beta Program.", "2010-09-29")
    assert str(stance["date"]).startswith("..")
    assert stance["corroborates"] == ["alpha-seeks-opt-out"]


def test_this_program_opening_a_sentence_is_the_one_the_sentence_before_names(vocab: Vocabulary) -> None:
    # "Through a program called X, ICE identifies ... This program has been criticized by ...": X, not
    # the program the document names most often
    register = REGISTER + [Known("delta-act", "bill", "Delta Act", ("Delta Act",))]
    text = ("The Delta Act passed the Senate. The Delta Act now goes to the Governor. Gamma Agency runs the Beta "
            "Program. This program has been criticized by the Omega Coalition.")
    _, _, candidates = extract(text, vocab, register=register)
    assert ("omega-coalition", "beta-program", "criticizes") in stances(candidates)
    assert not any(s[0] == "omega-coalition" and s[1] == "delta-act" for s in stances(candidates))


def test_a_passive_cue_judges_its_own_subject_not_the_paragraphs_program(vocab: Vocabulary) -> None:
    # Session 11 (16g): '"When police jail people for their status, trust is undermined," said X' gave X a criticism
    # of the program the paragraph names; the cue judges "trust", the passive's subject.
    text = ('The Beta Program began in March.\n\n"The Beta Program will help. When police jail people for their status, '
            'trust is undermined," said Jane Roe.')
    _, _, found = extract(text, vocab)
    assert not [s for s in stances(found) if s[2] == "criticizes"]
    text = 'The Beta Program began in March. "It is undermined by its own rules," said Jane Roe.'
    _, _, found = extract(text, vocab)
    assert ("jane-roe", "beta-program", "criticizes") in stances(found)


def test_the_group_stands_for_a_group_named_before_not_a_jail(vocab: Vocabulary) -> None:
    # Session 11 (16g): "Pressure is growing for the X County Jail to halt ... as a group of attorneys ... The group
    # sent a letter requesting that the county end its participation" made the jail the actor.
    text = ("Pressure is growing for the Beta County Jail to halt its part in the Beta Program, as a group of lawyers "
            "objects. The group sent a letter requesting that the county end its participation in the Beta Program.")
    _, _, found = extract(text, vocab)
    assert not [s for s in stances(found) if s[0] == "beta-county-jail"]
    text = "The Omega Coalition met on Monday. The group called for an end to the Beta Program."
    _, _, found = extract(text, vocab)
    assert ("omega-coalition", "beta-program", "calls-to-end") in stances(found)


def test_a_demand_that_an_agency_explain_the_programs_results_seeks_disclosure(vocab: Vocabulary) -> None:
    # Session 11, the user check on round 19's Baltimore Sun page: "the governor called on the federal agency to
    # document why the program has led to ..." proposed nothing.
    text = "The Omega Coalition called on the Gamma Agency to document why the Beta Program has led to more removals."
    _, _, found = extract(text, vocab)
    assert ("omega-coalition", "beta-program", "seeks-disclosure") in stances(found)
    assert not [s for s in stances(found) if s[0] == "gamma-agency"]
