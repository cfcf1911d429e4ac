"""How news and advocacy writing attribute an act to those it names (graph/ingest/candidates.py):
subjects who follow the act of the sentence before ("B followed suit"), the one who did what a
clause names ("..., as Governor A had done"). Sentences written for the fixtures."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from tests.ingest.test_reported_acts import stances


def test_who_follows_suit_takes_the_act_of_the_sentence_before(vocab: Vocabulary) -> None:
    found = stances("Jane Roe withdrew Alpha from the Beta Program in May. Omega followed suit.", vocab)
    assert ("omega-state", "beta-program", "seeks-opt-out") in found
    found = stances("Jane Roe withdrew Alpha from the Beta Program in May. Omega and the Gamma Agency followed with similar steps.", vocab)
    assert {("omega-state", "beta-program", "seeks-opt-out"), ("gamma-agency", "beta-program", "seeks-opt-out")} <= found
    # a following that is doubted or asked is no act
    found = stances("Jane Roe withdrew Alpha from the Beta Program in May. It is not clear if Omega followed suit.", vocab)
    assert not any(a == "omega-state" for a, _, _ in found)
    found = stances("Jane Roe withdrew Alpha from the Beta Program in May. Omega could follow suit.", vocab)
    assert not any(a == "omega-state" for a, _, _ in found)


def test_as_one_had_done_makes_the_clause_act_theirs(vocab: Vocabulary) -> None:
    found = stances("The agreements said states could terminate or suspend their participation in the Beta Program, "
                    "as Alpha Governor Jane Roe had done on June 1.", vocab)
    assert {("jane-roe", "beta-program", "seeks-opt-out"), ("jane-roe", "beta-program", "suspends-participation")} <= found
    found = stances("Omega could end the Beta Program, as John Doe did in 2010.", vocab)
    assert ("john-doe", "beta-program", "calls-to-end") in found and not any(a == "omega-state" for a, _, _ in found)
    # "as X said" gives words, not an act
    assert not any(a == "john-doe" for a, _, _ in stances("Omega could end the Beta Program, as John Doe said.", vocab))


def test_the_jurisdiction_an_official_withdraws_withdraws(vocab: Vocabulary) -> None:
    found = stances("Governor Jane Roe withdrew Alpha from the Beta Program in May.", vocab)
    assert {("jane-roe", "beta-program", "seeks-opt-out"), ("alpha-state", "beta-program", "seeks-opt-out")} <= found
    # an attempt or a request is the official's alone
    found = stances("Jane Roe spoke in support of the decision to try to withdraw Alpha from the Beta Program.", vocab)
    assert ("alpha-state", "beta-program", "seeks-opt-out") not in found


def test_members_named_after_like_and_places_that_qualify_a_person(vocab: Vocabulary) -> None:
    found = stances("Just this month, states like Alpha and Omega and other localities announced their refusal to "
                    "participate in the Beta Program.", vocab)
    assert {("alpha-state", "beta-program", "refuses-to-join"), ("omega-state", "beta-program", "refuses-to-join")} <= found
    found = stances("Several governors, including Alpha's Jane Roe and Omega John Doe, have said they would not cooperate "
                    "with the Beta Program.", vocab)
    assert found == {("jane-roe", "beta-program", "refuses-to-join"), ("john-doe", "beta-program", "refuses-to-join")}



def test_an_owner_saying_consent_is_not_needed_expands(vocab: Vocabulary) -> None:
    # README (round 9-10 adjudication): cancelling the partners' agreements so that the program runs
    # without their consent, or declaring participation not voluntary, is `expands`
    found = stances("The Gamma Agency has told the governors that the agency doesn't need their approval to run the Beta "
                    "Program in their states.", vocab)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert ("gamma-agency", "beta-program", "expands") in stances("The Gamma Agency has canceled agreements with states over the Beta Program.", vocab)
    assert not any(p == "expands" for _, _, p in stances("Alpha said it does not need the approval of the Beta Program.", vocab))


def test_an_own_judgement_of_how_it_was_run_criticizes(vocab: Vocabulary) -> None:
    # README (round 9-10): "got off to a bad start" is `criticizes`, also by the one who runs it
    found = stances('"To be candid, the Beta Program got off to a bad start," Jane Roe said.', vocab)
    assert ("jane-roe", "beta-program", "criticizes") in found
    # "admitted on Wednesday that ...": the reporting verb's clause, not a relative clause of "Wednesday"
    found = stances("Jane Roe admitted on Wednesday that there had been major missteps in rolling out the Beta Program.", vocab)
    assert ("jane-roe", "beta-program", "criticizes") in found


def test_the_one_notified_is_addressed(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency runs the Beta Program. The Gamma Agency notified 39 governors Friday that the "
            "fingerprint-sharing program did not need their approval to operate in their states.")
    found = stances(text, vocab)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert all(p != "expands" or a == "gamma-agency" for a, _, p in found)


def test_at_whose_request_an_investigation_is_made(vocab: Vocabulary) -> None:
    found = stances("At John Doe's request, the Gamma Agency's inspector general is investigating how the Beta Program "
                    "was pitched.", vocab)
    assert found == {("john-doe", "beta-program", "seeks-disclosure")}
    assert not stances("The Gamma Agency's inspector general is investigating the Beta Program.", vocab)


def test_subjects_added_along_with_others_and_a_body_in_a_title(vocab: Vocabulary) -> None:
    text = ("Council Speaker Jane Roe, together with Delta Committee Chair John Doe, along with Alpha, and a number "
            "of immigrant advocates, gathered today to demand the Gamma Agency halt the activation of the Beta Program.")
    found = {a for a, t, p in stances(text, vocab) if (t, p) == ("beta-program", "calls-to-halt")}
    assert {"jane-roe", "john-doe", "alpha-state"} <= found and "gamma-agency" not in found


def test_a_cue_with_its_own_object_is_not_about_the_documents_program(vocab: Vocabulary) -> None:
    text = ("The Beta Program grew.\n\nJane Roe sent a letter to the Gamma Agency urging it to stop any current or planned "
            "actions that would grant relief.\n")
    assert not any(p == "calls-to-halt" for _, _, p in stances(text, vocab))
    text = "The Beta Program grew.\n\nJane Roe sent a letter to the Gamma Agency urging it to stop the activation.\n"
    assert ("jane-roe", "beta-program", "calls-to-halt") in stances(text, vocab)


def test_rejecting_an_organisations_announcement_about_a_program(vocab: Vocabulary) -> None:
    found = stances("John Doe and Jane Roe reject Gamma Agency's announcement today of minor changes to the Beta Program.", vocab)
    assert {("john-doe", "beta-program", "opposes"), ("jane-roe", "beta-program", "opposes")} <= found
    assert not stances("John Doe and Jane Roe reject Gamma Agency today.", vocab)


def test_a_class_closing_a_list_of_members(vocab: Vocabulary) -> None:
    found = stances("Just this month, states like Alpha and Omega and other localities announced their refusal to "
                    "participate in the Beta Program.", vocab)
    assert {("alpha-state", "beta-program", "refuses-to-join"), ("omega-state", "beta-program", "refuses-to-join")} <= found


def test_pulling_a_state_out_and_reported_benefits(vocab: Vocabulary) -> None:
    found = stances("Last month, Governor Jane Roe pulled his state out of the Beta Program.", vocab)
    assert ("jane-roe", "beta-program", "seeks-opt-out") in found
    text = "The Beta Program grew.\n\nThe Gamma Agency says the program helps focus enforcement on repeat violators.\n"
    assert ("gamma-agency", "beta-program", "supports") in stances(text, vocab)
    # a narrative's own "the program helps" is description, nobody's stance
    assert not stances("The Beta Program grew.\n\nThe program helps focus enforcement on repeat violators.\n", vocab)


def test_a_judging_word_before_a_name_does_not_turn_what_is_said_of_it(vocab: Vocabulary) -> None:
    found = stances('"The fatally-flawed Beta Program must go," said Jane Roe.', vocab)
    assert ("jane-roe", "beta-program", "calls-to-end") in found and ("jane-roe", "beta-program", "supports") not in found
    # a rejection of another's call to end it is still for it
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe rejected calls to end the Beta Program.", vocab)


def test_an_opt_out_option_asked_by_groups_narrows_and_plans_to_cover_every_jail_expand(vocab: Vocabulary) -> None:
    found = stances("The Gamma Agency has been advocating for months for an opt-out option on the Beta Program.", vocab)
    assert ("gamma-agency", "beta-program", "seeks-to-narrow") in found
    assert ("gamma-agency", "beta-program", "seeks-opt-out") not in found
    assert ("alpha-state", "beta-program", "seeks-opt-out") in stances("Alpha asked for an opt-out option on the Beta Program.", vocab)
    found = stances("Still, the Gamma Agency hopes to have the Beta Program operational in every jail by 2013.", vocab)
    assert ("gamma-agency", "beta-program", "expands") in found


def test_a_withdrawal_chosen_is_done(vocab: Vocabulary) -> None:
    found = stances("In June, Governor Jane Roe took a critical step by choosing to withdraw Alpha's participation in the Beta Program.", vocab)
    assert ("alpha-state", "beta-program", "seeks-opt-out") in found


def test_those_listed_with_other_holders_hold_the_position(vocab: Vocabulary) -> None:
    found = stances("The Beta Program grew. The action was denounced by Jane Roe, the Gamma Agency, and other opponents of the program.", vocab)
    assert {("jane-roe", "beta-program", "opposes"), ("gamma-agency", "beta-program", "opposes")} <= found
    found = stances("Jane Roe, John Doe and other supporters of the Beta Program met.", vocab)
    assert {("jane-roe", "beta-program", "supports"), ("john-doe", "beta-program", "supports")} <= found


def test_who_said_after_a_name_makes_it_the_speaker(vocab: Vocabulary) -> None:
    """"X, who said the program is flawed": the relative clause's speaker is X (news writing)."""
    found = stances("The resolution was sponsored by John Doe, who said he believes the Beta Program is "
                    "“problematic” and “flawed”.", vocab)
    assert ("john-doe", "beta-program", "criticizes") in found


def test_a_comparison_against_a_database_is_no_opposition(vocab: Vocabulary) -> None:
    """cues.yaml `not_cues` with a gap: "compare the prints against a database" takes no position."""
    found = stances("In the Beta Program, the Gamma Agency and its officers compare the prints against a database.", vocab)
    assert not any(p == "opposes" for _, _, p in found)


def test_an_official_who_heads_a_place_leaves_or_refuses_for_it(vocab: Vocabulary) -> None:
    # README: an opt-out, or a decision not to join, by an official speaking for a named jurisdiction is
    # the jurisdiction's too; cues.yaml `heads_of_places` names the titles of those who head one
    found = stances("Last month, Alpha Gov. Jane Roe backed out of the Beta Program.", vocab)
    assert {("jane-roe", "beta-program", "seeks-opt-out"), ("alpha-state", "beta-program", "seeks-opt-out")} <= found
    found = stances("Governor John Doe of Omega said he will not sign an agreement to join the Beta Program.", vocab)
    assert {("john-doe", "beta-program", "refuses-to-join"), ("omega-state", "beta-program", "refuses-to-join")} <= found
    # a place's legislator does not speak for the place; an official's judgement is not the place's act
    assert ("alpha-state", "beta-program", "seeks-opt-out") not in stances(
        "Alpha Senator Jane Roe backed out of the Beta Program.", vocab)
    assert ("alpha-state", "beta-program", "criticizes") not in stances(
        "Alpha Gov. Jane Roe has grown tired of the Beta Program.", vocab)


def test_a_participle_with_its_agent_is_the_agents_act(vocab: Vocabulary) -> None:
    # no "was" before it: "the X program ended by President Y", "a bill ... but vetoed by Gov. Y"
    assert ("john-doe", "beta-program", "calls-to-end") in stances(
        "The order reinstates the Beta Program ended by John Doe in 2014.", vocab)
    # a cue of several words is no participle of its own ("an investigation called for by X")
    assert ("john-doe", "beta-program", "supports") not in stances(
        "They asked for a pause in the Beta Program pending an investigation called for by John Doe.", vocab)


def test_who_recommends_that_the_program_be_ended_calls_to_end_it(vocab: Vocabulary) -> None:
    found = stances("The Gamma Agency recommends that the Beta Program be terminated.", vocab)
    assert ("gamma-agency", "beta-program", "calls-to-end") in found
    # a wish that another recommend it is nobody's act
    assert not stances("It is my hope that the Gamma Agency recommends that the Beta Program be terminated.", vocab)


def test_suspending_a_places_agreement_is_the_places_suspension(vocab: Vocabulary) -> None:
    found = stances("We applaud Jane Roe's decision to temporarily suspend Alpha's agreement to participate in the Beta Program.", vocab)
    assert ("alpha-state", "beta-program", "suspends-participation") in found


def test_what_a_subject_felt_it_had_to_do_is_its_act(vocab: Vocabulary) -> None:
    # "felt that", "decided that": the subject's own clause, not a relative clause about something else
    found = stances("Like us, Alpha felt that there was no choice but to completely withdraw from the Beta Program.", vocab)
    assert ("alpha-state", "beta-program", "seeks-opt-out") in found
