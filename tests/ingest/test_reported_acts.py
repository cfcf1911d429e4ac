"""Who takes a position an act of another reports, and the position a whole clause gives
(graph/ingest/candidates.py: the addressee of "asked X to", "directed X to"; "thank X for its
support"; "support from X"; objecting to what undoes a program; "a mistake to end it")."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from graph.ingest.candidates import propose
from graph.ingest.mentions import Known, find_mentions, find_titles

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
    Known("delta-committee", "government", "Delta Committee", ("Delta Committee",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("john-doe", "person", "John Doe", ("John Doe",)),
    Known("alpha-state", "state", "Alpha", ("Alpha",)),
    Known("omega-state", "state", "Omega", ("Omega",)),
]


def stances(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    mentions = find_mentions(text, REGISTER)
    found = propose("doc", text, "2014-11-20", mentions, find_titles(text, mentions, REGISTER), REGISTER, vocab, None)
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}


def test_the_one_asked_or_directed_is_not_the_actor(vocab: Vocabulary) -> None:
    assert not any(a == "gamma-agency" for a, _, _ in stances("The mayor asked Gamma Agency to suspend the Beta Program.", vocab))
    assert not any(a == "gamma-agency" for a, _, _ in stances("The President directed Gamma Agency to end the Beta Program.", vocab))


def test_discontinue_is_a_call_to_end(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "calls-to-end") in stances("Jane Roe said she would discontinue the Beta Program.", vocab)


def test_a_body_thanked_for_its_support_supports(vocab: Vocabulary) -> None:
    found = stances("John Doe thanked the Delta Committee for its continued support of the Beta Program.", vocab)
    assert ("delta-committee", "beta-program", "supports") in found


def test_support_from_a_body_is_its_support(vocab: Vocabulary) -> None:
    found = stances("Despite continued support from the Delta Committee for the Beta Program, funds fell.", vocab)
    assert ("delta-committee", "beta-program", "supports") in found


def test_opposition_a_program_faced_is_its_source_s_not_the_speaker_s(vocab: Vocabulary) -> None:
    """"The program had faced opposition from X, but Jane Roe said it would be mandatory" (a user's
    review of an unseen news text, session 14): X opposes, not the one the sentence quotes."""
    found = stances("Last year the Beta Program had faced opposition from the Delta Committee, but Jane Roe said the "
                    "program would be mandatory.", vocab)
    assert ("delta-committee", "beta-program", "opposes") in found and ("jane-roe", "beta-program", "opposes") not in found
    assert ("john-doe", "beta-program", "criticizes") not in stances("The Beta Program drew praise from John Doe.", vocab)


def test_objecting_to_what_undoes_a_program_is_for_it(vocab: Vocabulary) -> None:
    assert stances("Jane Roe criticized the termination of the Beta Program.", vocab) == {("jane-roe", "beta-program", "supports")}
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe said the new rules would undermine the Beta Program.", vocab)
    assert ("jane-roe", "beta-program", "supports") not in stances("Jane Roe said the Beta Program undermines public safety.", vocab)


def test_calling_its_end_a_mistake_is_for_it(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe said it would be a mistake to end the Beta Program.", vocab)
    found = stances("Jane Roe said the decision to end the Beta Program was a grave error.", vocab)
    assert ("jane-roe", "beta-program", "supports") in found and ("jane-roe", "beta-program", "calls-to-end") not in found


def test_findings_are_the_finders(vocab: Vocabulary) -> None:
    text = "John Doe released a statement on the report.\n\nGamma Agency also found:\n- The Beta Program is not consistently applied.\n"
    assert ("gamma-agency", "beta-program", "criticizes") in stances(text, vocab)
    found = stances("John Doe said that Gamma Agency found that the Beta Program needs improvement.", vocab)
    assert ("gamma-agency", "beta-program", "criticizes") in found


def test_the_efforts_of_several_to_withdraw_are_theirs(vocab: Vocabulary) -> None:
    found = stances("The Beta Program was expanded despite the efforts of Jane Roe and John Doe to withdraw "
                    "Delta County from the controversial program.", vocab)
    assert {("jane-roe", "beta-program", "seeks-opt-out"), ("john-doe", "beta-program", "seeks-opt-out")} & found or \
        {("jane-roe", "beta-program", "calls-to-end"), ("john-doe", "beta-program", "calls-to-end")} <= found


def test_a_person_named_with_the_writer_acts_with_the_writer(vocab: Vocabulary) -> None:
    text = "Statement of Jane Roe\n\nLast year John Doe and I directed Gamma Agency to discontinue the Beta Program.\n"
    found = stances(text, vocab)
    assert {("john-doe", "beta-program", "calls-to-end"), ("jane-roe", "beta-program", "calls-to-end")} <= found
    assert not any(a == "gamma-agency" for a, _, _ in found)


def test_those_joined_in_an_act_have_done_it(vocab: Vocabulary) -> None:
    found = stances("Jane Roe called on the Governor to join the governors of Alpha and Omega and suspend "
                    "the state's participation in the Beta Program.", vocab)
    assert {("alpha-state", "beta-program", "suspends-participation"), ("omega-state", "beta-program", "suspends-participation")} <= found


def test_the_title_before_the_name_is_the_one_person_named_with_it(vocab: Vocabulary) -> None:
    found = stances("The President directed Gamma Agency to end the Beta Program. President John Doe spoke later.", vocab)
    assert ("john-doe", "beta-program", "calls-to-end") in found


def test_undoing_a_program_called_harmful_is_for_it_and_scrapping_is_ending(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe said scrapping the Beta Program puts families at risk.", vocab)
    found = stances("Jane Roe wants to end the Beta Program and put an end to abuses.", vocab)
    assert ("jane-roe", "beta-program", "calls-to-end") in found and ("jane-roe", "beta-program", "supports") not in found
    assert ("gamma-agency", "beta-program", "calls-to-end") in stances("Gamma Agency scrapped the Beta Program.", vocab)


def test_a_refusal_is_a_refusal_to_take_part_only_when_it_says_so(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "refuses-to-join") in stances("Jane Roe declined to take part in the Beta Program.", vocab)
    assert not any(p == "refuses-to-join" for _, _, p in stances(
        "Jane Roe criticized Gamma Agency's refusal to take detained people into custody under the Beta Program.", vocab))
    assert ("jane-roe", "beta-program", "opposes") in stances("Jane Roe refuses to tolerate the Beta Program.", vocab)


def test_an_extension_asked_of_another_is_support(vocab: Vocabulary) -> None:
    found = stances("Jane Roe urged Gamma Agency to expand the Beta Program.", vocab)
    assert ("jane-roe", "beta-program", "supports") in found and ("jane-roe", "beta-program", "expands") not in found
    assert ("gamma-agency", "beta-program", "expands") in stances("Gamma Agency wants to expand the Beta Program.", vocab)


def test_the_one_at_whose_direction_an_act_is_done_does_it_too(vocab: Vocabulary) -> None:
    found = stances("As directed by Jane Roe, Gamma Agency will discontinue the Beta Program.", vocab)
    assert {("jane-roe", "beta-program", "calls-to-end"), ("gamma-agency", "beta-program", "calls-to-end")} <= found
    found = stances("At the direction of Jane Roe, Gamma Agency will discontinue the Beta Program.", vocab)
    assert ("jane-roe", "beta-program", "calls-to-end") in found
    found = stances("As part of the executive actions Jane Roe announced, Gamma Agency ended the Beta Program.", vocab)
    assert {("jane-roe", "beta-program", "calls-to-end"), ("gamma-agency", "beta-program", "calls-to-end")} <= found


def test_members_set_off_by_dashes_and_subjects_who_join_another(vocab: Vocabulary) -> None:
    # "jurisdictions – including A and B – have demanded to ...": every member, the first too
    found = stances("Several states – including Alpha and Omega – have formally demanded to opt out of the Beta Program.", vocab)
    assert {("alpha-state", "beta-program", "seeks-opt-out"), ("omega-state", "beta-program", "seeks-opt-out")} <= found
    # "the governors of A recently joined B in ending participation in X": both withdraw
    found = stances("The governor of Alpha recently joined Omega in ending participation in the Beta Program.", vocab)
    assert {("alpha-state", "beta-program", "seeks-opt-out"), ("omega-state", "beta-program", "seeks-opt-out")} <= found
    # asked to join is not joining: "urged the Delta Committee to join Omega in ending"
    found = stances("Jane Roe urged the Delta Committee to join Omega in ending the Beta Program.", vocab)
    assert not any(a == "delta-committee" for a, _, _ in found)


def test_a_preposition_inside_a_name_governs_nothing_after_it(vocab: Vocabulary) -> None:
    # "the Committee for X and the Y reject ...": Y is a subject too, not the object of the name's "for"
    register = [*REGISTER, Known("center-for-rights", "group", "Center for Civil Rights", ("Center for Civil Rights",))]
    text = "The Center for Civil Rights and the Delta Committee reject the Beta Program."
    mentions = find_mentions(text, register)
    found = propose("doc", text, "2014-11-20", mentions, find_titles(text, mentions, register), register, vocab, None)
    got = {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}
    assert {("center-for-rights", "beta-program", "opposes"), ("delta-committee", "beta-program", "opposes")} <= got
    # a verb of address still governs the names it addresses
    assert not any(a == "delta-committee" for a, _, _ in stances("Jane Roe asked John Doe and the Delta Committee to end the Beta Program.", vocab))


def test_the_following_statement_of_a_person_is_theirs(vocab: Vocabulary) -> None:
    # an advocacy release: "The following is a statement of X, Director of Y, ...:" X speaks the quotations
    text = ("Statement on the Beta Program\n\nThe following is a statement of John Doe, Director of the Delta Committee, "
            "in reaction to the news:\n\n“It is high time to terminate the Beta Program before any further damage is done.”\n")
    assert ("john-doe", "beta-program", "calls-to-end") in stances(text, vocab)


def test_a_person_who_withdraws_in_own_words_objects_to_the_program(vocab: Vocabulary) -> None:
    # who seeks to opt out and is given their own words objects to the program (criticizes beside the opt-out);
    # one the text only reports to withdraw may have decided it for other reasons
    said = stances("Governor John Doe said he was withdrawing Alpha from the Beta Program because it was ineffective.", vocab)
    assert {("john-doe", "beta-program", "seeks-opt-out"), ("john-doe", "beta-program", "criticizes")} <= said
    quoted = stances("Governor John Doe pulled Alpha out of the Beta Program last month. \"We had no choice,\" said John Doe.",
                     vocab)
    assert ("john-doe", "beta-program", "criticizes") in quoted
    reported = stances("Governor John Doe withdrew Alpha from the Beta Program last month.", vocab)
    assert ("john-doe", "beta-program", "seeks-opt-out") in reported
    assert ("john-doe", "beta-program", "criticizes") not in reported
