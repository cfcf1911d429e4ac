"""Stance candidates need evidence that a position is attributed (issue 13, second pass): one
small fixture per failure class found on the development texts, a sentence and the candidate
expected from it (or that none is). Every name here is invented."""

from __future__ import annotations

import pytest

from graph.build.vocabulary import Vocabulary
from graph.ingest.mentions import Known, find_mentions, find_titles

from tests.ingest.test_unseen import REGISTER, extract, stances


def test_the_author_named_by_a_statement_line_says_the_judgments(vocab: Vocabulary) -> None:
    text = ("Statement of Subcommittee Chairman John Smith Subcommittee on Delta Policy\n\n"
            "The Beta Program is a powerful law enforcement tool.\n")
    _, new, found = extract(text, vocab)
    assert "John Smith" in {e.name for e in new}  # the name stops where the subcommittee's begins
    assert stances(found) == {("john-smith", "beta-program", "supports")}


def test_the_agent_of_a_passive_takes_the_position(vocab: Vocabulary) -> None:
    text = "Today the Beta Program is supported by local groups across the nation, including the Omega Coalition.\n"
    _, _, found = extract(text, vocab)
    assert stances(found) == {("omega-coalition", "beta-program", "supports")}


def test_a_passive_without_its_agent_names_no_one(vocab: Vocabulary) -> None:
    _, _, found = extract("In 2010 the Beta Program was expanded to Arlington County.\n", vocab)
    assert stances(found) == set()
    # ... but who announces that it was done does it
    _, _, found = extract("The Gamma Agency announced that the Beta Program has been deployed to all counties.\n", vocab)
    assert stances(found) == {("gamma-agency", "beta-program", "expands"), ("gamma-agency", "beta-program", "supports")}
    # (with `supports` beside each extension here: who extends it supports it, voices.implied_support)


def test_a_noun_cue_needs_someone_who_asks_for_it(vocab: Vocabulary) -> None:
    text = ("We believe that, because of statements to various members of the Omega Coalition, further "
            "expansion of the Beta Program would be in conflict with your goals.\n")
    _, _, found = extract(text, vocab)
    assert stances(found) == set()
    _, _, found = extract("The Omega Coalition requested an immediate moratorium on the Beta Program.\n", vocab)
    assert stances(found) == {("omega-coalition", "beta-program", "calls-for-moratorium")}


def test_who_conducts_an_investigation_does_not_ask_for_it(vocab: Vocabulary) -> None:
    text = "The revelations about the Beta Program prompted a planned investigation by the Gamma Agency.\n"
    assert stances(extract(text, vocab)[2]) == set()
    text = "Nothing should change in the Beta Program before the conclusion of the Gamma Agency's investigation.\n"
    assert stances(extract(text, vocab)[2]) == set()


def test_who_backs_anothers_request_asks_too(vocab: Vocabulary) -> None:
    text = "Santa Clara County released a statement in support of the Omega Coalition's call for an investigation of the Beta Program.\n"
    found = stances(extract(text, vocab)[2])
    assert {("omega-coalition", "beta-program", "seeks-disclosure"), ("santa-clara-county", "beta-program", "seeks-disclosure")} <= found


def test_a_claim_reported_from_no_one_named_is_no_stance(vocab: Vocabulary) -> None:
    text = "Amid reports that the Gamma Agency misled local governments about the Beta Program, the Omega Coalition met.\n"
    assert stances(extract(text, vocab)[2]) == set()


def test_the_subject_of_another_clause_does_not_act(vocab: Vocabulary) -> None:
    text = "Arlington County celebrates one year of the Beta Program; initiative expanding to 12 more counties\n"
    assert not any(a == "arlington-county" and p == "expands" for a, _, p in stances(extract(text, vocab)[2]))


def test_the_one_praised_for_doing_it_does_it(vocab: Vocabulary) -> None:
    text = '"I applaud the efforts of the Gamma Agency in working with us and for expanding this program," said Rep. John Smith.\n'
    text = "The Beta Program started in 2009.\n" + text
    found = stances(extract(text, vocab)[2])
    assert ("gamma-agency", "beta-program", "expands") in found
    assert ("john-smith", "beta-program", "supports") in found
    assert ("john-smith", "beta-program", "expands") not in found


def test_a_cue_with_an_object_of_its_own_is_not_about_the_program(vocab: Vocabulary) -> None:
    text = "We write about the Beta Program. The Omega Coalition strongly supports your efforts to reform the system.\n"
    assert stances(extract(text, vocab)[2]) == set()


def test_a_place_qualifying_a_noun_does_not_act(vocab: Vocabulary) -> None:
    known = REGISTER + [Known("texas", "state", "Texas", ("Texas",))]
    text = "To date, 17 south Texas counties have implemented the Beta Program.\n"
    found = find_mentions(text, known)
    from graph.ingest.candidates import propose
    result = propose("doc", text, "2010", found, find_titles(text, found, known), known, vocab)
    assert not any(c.values["actor"] == "texas" for c in result if c.kind == "stances")


def test_a_program_inside_a_relative_clause_is_not_the_cues_object(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency launched a training program on the use of a memorandum, which is applicable "
            "to any enforcement program, including the Beta Program.\n")
    assert stances(extract(text, vocab)[2]) == set()


@pytest.mark.parametrize("sentence", [
    "Members told Arlington County that they object to the Beta Program.",
])
def test_the_recipient_after_a_quantifier_is_still_the_recipient(vocab: Vocabulary, sentence: str) -> None:
    text = "The Omega Coalition sent statements to various Arlington County officials; expansion of the Beta Program was discussed.\n"
    assert not any(a == "arlington-county" for a, _, _ in stances(extract(text, vocab)[2]))


# --------------------------------------------------------------- figures


def figures(text: str, vocab: Vocabulary, date: str = "2010") -> dict[str, tuple[str, str]]:
    found = extract(text, vocab, date)[2]
    return {c.values["value"]: (c.values["measure"], c.dated.value if c.dated else f"{c.values['period_start']}/{c.values['period_end']}")
            for c in found if c.kind == "figures"}


def test_a_program_the_sentence_names_is_what_the_count_is_of(vocab: Vocabulary) -> None:
    known_program = "Secure Communities, which was launched last June, has led to the removal of more than 20,000 convicted criminal aliens."
    from graph.ingest.candidates import propose
    known = REGISTER + [Known("secure-communities", "program", "Secure Communities", ("Secure Communities",))]
    found = find_mentions(known_program, known)
    result = propose("doc", known_program, "2010", found, find_titles(known_program, found, known), known, vocab)
    assert [(c.values["value"], c.values["measure"]) for c in result if c.kind == "figures"] == [("20000", "scomm-criminal-removals")]


def test_a_count_of_counties_has_no_measure(vocab: Vocabulary) -> None:
    got = figures("To date, the following 17 central and south Texas counties have joined the Beta Program.", vocab)
    assert got == {"17": ("", "2010")}  # the counted noun after its qualifiers; "to date" is the document's date


def test_a_letter_without_letterhead_is_its_signers(vocab: Vocabulary) -> None:
    text = ("Dear Director Jones:\n\nWe urge you to end the Beta Program.\n\nSincerely,\n\n"
            "Senator John Smith\n")
    assert ("john-smith", "beta-program", "calls-to-end") in stances(extract(text, vocab)[2])


def test_a_suspension_asked_of_another_is_a_call_to_pause(vocab: Vocabulary) -> None:
    found = stances(extract("The Omega Coalition urged the Gamma Agency to suspend the Beta Program.\n", vocab)[2])
    assert found == {("omega-coalition", "beta-program", "calls-for-moratorium")}
    found = stances(extract("Arlington County will suspend its participation in the Beta Program.\n", vocab)[2])
    assert found == {("arlington-county", "beta-program", "suspends-participation")}
    found = stances(extract("The Omega Coalition has serious concerns about the Beta Program.\n", vocab)[2])
    assert found == {("omega-coalition", "beta-program", "criticizes")}


def test_a_speaker_saying_the_program_does_good_supports_it(vocab: Vocabulary) -> None:
    text = ('"We work hard," said Director John Smith. "The Beta Program gives the Gamma Agency the ability '
            'to keep our communities safer."\nThe Beta Program helps the Gamma Agency find fingerprints.\n')
    found = stances(extract(text, vocab)[2])
    assert found == {("john-smith", "beta-program", "supports")}  # the narrative describes: no one's stance
    text = '"The Beta Program does not make anyone safer and no longer helps police," said Director John Smith.\n'
    # no support: the negation reverses it; the quoted judgement is read as criticism (judgements.py, session 17)
    assert stances(extract(text, vocab)[2]) == {("john-smith", "beta-program", "criticizes")}


def test_the_addressee_and_a_pronoun_of_another_are_not_the_writer(vocab: Vocabulary) -> None:
    head = "Omega Coalition\n\nDear Director John Smith:\n\n"
    found = stances(extract(head + "Director John Smith, we urge you to end the Beta Program.\n", vocab)[2])
    assert found == {("omega-coalition", "beta-program", "calls-to-end"), ("omega-coalition", "beta-program", "criticizes")}
    # "you expanded": a position the letter gives its addressee is theirs, never the writer's
    found = stances(extract(head + "We know that last year you expanded the Beta Program.\n", vocab)[2])
    assert found == {("john-smith", "beta-program", "expands"), ("john-smith", "beta-program", "supports")}
    found = stances(extract(head + "Last year your department has decided to expand the Beta Program.\n", vocab)[2])
    assert found == {("john-smith", "beta-program", "expands"), ("john-smith", "beta-program", "supports")}
    found = stances(extract(head + "You have the authority to end the Beta Program.\n", vocab)[2])
    assert found == set()  # a power is no position


def test_a_place_that_launches_a_program_joins_it_and_does_not_expand_it(vocab: Vocabulary) -> None:
    assert stances(extract("On June 16, 2009, Arlington County launched the Beta Program.\n", vocab)[2]) == set()
    found = stances(extract("The Gamma Agency launched the Beta Program in Arlington County.\n", vocab)[2])
    assert found == {("gamma-agency", "beta-program", "expands"), ("gamma-agency", "beta-program", "supports")}


@pytest.mark.parametrize("sentence", [
    "Is the Beta Program supported by the Omega Coalition?",
    "If the Omega Coalition opposes the Beta Program, the Gamma Agency will answer.",
    "The Omega Coalition does not support the Beta Program.",
])
def test_questions_conditions_and_negations_assert_no_position(vocab: Vocabulary, sentence: str) -> None:
    assert stances(extract(sentence + "\n", vocab)[2]) == set()


def test_the_title_alone_stands_for_the_person_named_with_it(vocab: Vocabulary) -> None:
    text = ("Governor John Smith met the Gamma Agency on Monday.\n"
            "After the meeting the Governor asked to opt out of the Beta Program.\n")
    assert ("john-smith", "beta-program", "seeks-opt-out") in stances(extract(text, vocab)[2])


def test_a_position_the_letter_gives_its_addressee_is_theirs_too(vocab: Vocabulary) -> None:
    head = "Omega Coalition\n\nDear Director John Smith:\n\n"
    found = stances(extract(head + "We applaud your recent statements regarding the need for the Beta Program.\n", vocab)[2])
    assert found == {("omega-coalition", "beta-program", "supports"), ("john-smith", "beta-program", "supports")}
    found = stances(extract(head + "We urge you to end the Beta Program.\n", vocab)[2])
    assert found == {("omega-coalition", "beta-program", "calls-to-end"),
                     ("omega-coalition", "beta-program", "criticizes")}  # asked of the addressee: not theirs


@pytest.mark.parametrize("sentence, value, when", [
    ("Through March 2012, the Beta Program removed 5,000 people.", "5000", "2012-03-31"),
    ("At the end of FY11, the Beta Program was active in 1,500 jurisdictions.", "1500", "2011-09-30"),
    ("During fiscal year 2011 and the first half of fiscal year 2012, the Gamma Agency removed 90,000 people.",
     "90000", "2010-10-01/2012-03-31"),
    ("The Beta Program was activated in eight additional jurisdictions on Tuesday.", "8", None),
])
def test_the_period_a_count_holds_for(vocab: Vocabulary, sentence: str, value: str, when: str | None) -> None:
    got = figures(sentence, vocab, "2012-05-04")
    assert value in got
    if when is not None:
        assert got[value][1] == when


def test_a_share_no_measure_counts_is_no_figure(vocab: Vocabulary) -> None:
    assert figures("The Gamma Agency said 55 percent of the people it met were happy.", vocab) == {}


def test_a_sentence_broken_across_lines_is_one_sentence(vocab: Vocabulary) -> None:
    text = "The Omega Coalition has asked the Gamma Agency to\nend the Beta Program in all counties.\n"
    found = extract(text, vocab)[2]
    assert stances(found) == {("omega-coalition", "beta-program", "calls-to-end")}
    quote = next(c for c in found if c.kind == "stances").quote[0]
    assert text[quote.start : quote.end] == quote.text  # offsets are the document's


def test_a_claim_a_named_party_makes_is_theirs(vocab: Vocabulary) -> None:
    text = "The Omega Coalition claims that the Beta Program is flawed.\n"
    assert stances(extract(text, vocab)[2]) == {("omega-coalition", "beta-program", "criticizes")}


def test_a_headline_giving_someones_words_is_theirs(vocab: Vocabulary) -> None:
    text = "Smith: changes to the Beta Program undermine public safety\n\nJohn Smith spoke on Monday.\n"
    known_text = "Governor John Smith met us.\n" + text
    assert ("john-smith", "beta-program", "criticizes") in stances(extract(known_text, vocab)[2])


def test_activation_and_statewide_are_expansion(vocab: Vocabulary) -> None:
    found = stances(extract("The Gamma Agency completed the activation of the Beta Program in every county.\n", vocab)[2])
    assert found == {("gamma-agency", "beta-program", "expands"), ("gamma-agency", "beta-program", "supports")}
    found = stances(extract("The Gamma Agency made the Beta Program statewide.\n", vocab)[2])
    assert found == {("gamma-agency", "beta-program", "expands"), ("gamma-agency", "beta-program", "supports")}


def test_a_figure_dated_by_a_relative_day(vocab: Vocabulary) -> None:
    got = figures("As of Tuesday, the Beta Program was active in 1,000 jurisdictions.", vocab, "2011-05-06")
    assert got["1000"][1] == "2011-05-03"


def test_a_launch_date_is_not_the_date_of_a_count(vocab: Vocabulary) -> None:
    got = figures("The Beta Program, which was launched in Arlington County last June, has led to the removal of "
                  "more than 2,000 convicted criminals.", vocab, "2010")
    assert got["2000"][1] == "2010"


def test_a_measure_counts_what_the_figure_counts(vocab: Vocabulary) -> None:
    known = REGISTER + [Known("secure-communities", "program", "Secure Communities", ("Secure Communities",))]
    from graph.ingest.candidates import propose

    def measures(text: str) -> dict[str, str]:
        found = find_mentions(text, known)
        result = propose("doc", text, "2011-10-18", found, find_titles(text, found, known), known, vocab)
        return {c.values["value"]: c.values["measure"] for c in result if c.kind == "figures"}

    # the unit decides the kind of measure; the program's name does not make a count of places one of removals
    assert measures("As of October 2, 2011, Secure Communities was activated in 1,595 jurisdictions in 44 states "
                    "and territories.") == {"1595": "jurisdictions-activated", "44": "states-territories-activated"}
    # "identified" is no removal: a label's counted noun must be in the sentence ("deported" is "removed")
    assert measures("Through August 31, 2010, more than 262,900 aliens were identified through Secure Communities.") == {"262900": ""}
    assert measures("ICE deported more than 47,000 convicted criminals through Secure Communities.") == {"47000": "scomm-criminal-removals"}
    # the unit word alone says nothing of the program
    assert measures("Sheriffs from 30 jurisdictions met the Secretary.") == {"30": ""}


def test_an_attitude_after_be_is_the_subjects(vocab: Vocabulary) -> None:
    text = "Omega Coalition\n\nDear Director Smith:\n\nWe are especially concerned about the Beta Program.\n"
    assert stances(extract(text, vocab)[2]) == {("omega-coalition", "beta-program", "criticizes")}
    text = "Arlington County is strongly opposed to the Beta Program.\n"
    assert stances(extract(text, vocab)[2]) == {("arlington-county", "beta-program", "opposes")}


def test_who_joins_who_announces_and_who_calls_it_so(vocab: Vocabulary) -> None:
    known = REGISTER + [Known("john-smith", "person", "John Smith", ("John Smith", "Smith")),
                        Known("jane-doe", "person", "Jane Doe", ("Jane Doe",))]
    from graph.ingest.candidates import propose

    def run_(text: str) -> set[tuple[str, str, str]]:
        found = find_mentions(text, known)
        return stances(propose("doc", text, "2011-06-01", found, find_titles(text, found, known), known, vocab))

    assert run_("Jane Doe joined John Smith in calling for an end to the Beta Program.\n") == {
        ("jane-doe", "beta-program", "calls-to-end"), ("john-smith", "beta-program", "calls-to-end"),
        ("jane-doe", "beta-program", "criticizes"), ("john-smith", "beta-program", "criticizes")}  # voices.py: who calls to end it objects
    assert run_("Governor John Smith announced that Arlington County would withdraw from the Beta Program.\n") == {
        ("john-smith", "beta-program", "seeks-opt-out"), ("arlington-county", "beta-program", "seeks-opt-out")}
    assert run_("The Beta Program began in 2008. Jane Doe praised the effort, calling it a vital tool.\n") >= {
        ("jane-doe", "beta-program", "supports")}
    assert run_('The Beta Program began in 2008. "This program is deeply flawed," said John Smith.\n') == {
        ("john-smith", "beta-program", "criticizes")}
    assert run_("Jane Doe asked the Gamma Agency to allow counties to opt out of the Beta Program.\n") == set()


def test_rejecting_a_position_against_the_program_and_members_of_the_subject(vocab: Vocabulary) -> None:
    assert stances(extract("The Omega Coalition rejected calls to end the Beta Program.\n", vocab)[2]) == {
        ("omega-coalition", "beta-program", "supports")}
    text = "Several counties, including Arlington County and Santa Clara County, have sought to withdraw from the Beta Program.\n"
    assert stances(extract(text, vocab)[2]) == {("arlington-county", "beta-program", "seeks-opt-out"),
                                               ("santa-clara-county", "beta-program", "seeks-opt-out")}
    text = "The Gamma Agency removed criminals from several counties, including Arlington County, and expanded the Beta Program.\n"
    assert stances(extract(text, vocab)[2]) == {("gamma-agency", "beta-program", "expands"), ("gamma-agency", "beta-program", "supports")}


def test_who_is_asked_to_act_and_according_to_whom(vocab: Vocabulary) -> None:
    text = "The Beta Program began in 2008. The Omega Coalition recommends that the Gamma Agency improve its data on the program.\n"
    assert stances(extract(text, vocab)[2]) == set()
    text = "According to the Gamma Agency, the Beta Program is the most effective tool to find criminals.\n"
    assert stances(extract(text, vocab)[2]) == {("gamma-agency", "beta-program", "supports")}


def test_a_statement_by_a_ranking_member_and_what_others_believe(vocab: Vocabulary) -> None:
    text = ("Statement of Ranking Member John Smith\nHearing on the Beta Program\n\n"
            "I have long opposed this program. Many police chiefs believe the program undermines trust.\n")
    _, new, found = extract(text, vocab)
    assert "John Smith" in {e.name for e in new}  # the name ends with its line
    assert stances(found) == {("john-smith", "beta-program", "opposes")}


def test_objecting_to_changes_that_weaken_the_program_is_support(vocab: Vocabulary) -> None:
    text = "The Omega Coalition criticized the Gamma Agency's changes that weaken the Beta Program.\n"
    found = stances(extract(text, vocab)[2])
    assert ("omega-coalition", "beta-program", "supports") in found
    assert ("omega-coalition", "beta-program", "criticizes") not in found
    text = "The Omega Coalition is concerned about the Beta Program and opposes its expansion.\n"
    assert ("omega-coalition", "beta-program", "criticizes") in stances(extract(text, vocab)[2])


def test_a_span_with_a_stated_start_is_a_period(vocab: Vocabulary) -> None:
    got = figures("From October 2009 through March 2011, the Gamma Agency removed 120,000 convicted criminals.", vocab, "2011-10-18")
    assert got["120000"][1] == "2009-10-01/2011-03-31"
    # README, round 19: "since <month>" runs from that month (session 18: no longer its first day)
    got = figures("Since its inception in October 2008, the Gamma Agency has removed 142,000 convicted criminals.", vocab, "2011-10-18")
    assert got["142000"][1] == "2008-10/2011-10-18"


def test_ending_ones_participation_is_a_withdrawal_and_asking_to_be_removed_is_the_askers(vocab: Vocabulary) -> None:
    known = REGISTER + [Known("john-smith", "person", "John Smith", ("John Smith",)),
                        Known("alpha-state", "state", "Alpha", ("Alpha",))]
    from graph.ingest.candidates import propose
    text = "Alpha Governor John Smith informed the Gamma Agency that the state is terminating its participation in the Beta Program.\n"
    found = find_mentions(text, known)
    result = stances(propose("doc", text, "2011-05-05", found, find_titles(text, found, known), known, vocab))
    assert result == {("alpha-state", "beta-program", "seeks-opt-out"), ("john-smith", "beta-program", "seeks-opt-out")}
    text = "In a letter to the Gamma Agency, Arlington County asked to be removed from the program. The Beta Program is new.\n"
    assert ("arlington-county", "beta-program", "seeks-opt-out") in stances(extract(text, vocab)[2])
