"""Sentence rules of stance candidates (graph/ingest/candidates.py) fixed in session 5 (issue 13)."""

from __future__ import annotations

import re


from graph.ingest.candidates import Cue, _in_names, _not_cues, _unasserted, cues, propose
from graph.ingest.mentions import Known, find_mentions, find_titles
from graph.build.vocabulary import Vocabulary

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
    Known("delta-agency", "agency", "Delta Agency", ("Delta Agency",)),
    Known("omega-coalition", "group", "Omega Coalition", ("Omega Coalition",)),
    Known("sigma-network", "group", "Sigma Network", ("Sigma Network",)),
    Known("new-york", "state", "New York", ("New York",)),
    Known("john-doe", "person", "John Doe", ("John Doe",)),
]



def stances(text: str, vocab: Vocabulary, publisher: str | None = None) -> set[tuple[str, str, str]]:
    mentions = find_mentions(text, REGISTER)
    found = propose("doc", text, "2011-05-16", mentions, find_titles(text, mentions, REGISTER), REGISTER, vocab, publisher)
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}


def test_a_cue_for_that_takes_up_what_is_wrong_is_criticism(vocab: Vocabulary) -> None:
    text = ("I thank the Omega Coalition and the Sigma Network for holding this event to highlight the serious "
            "problems the Beta Program is causing.\n")
    found = stances(text, vocab)
    assert ("omega-coalition", "beta-program", "criticizes") in found
    assert ("omega-coalition", "beta-program", "supports") not in found


def test_a_heading_noun_no_one_asks_for_is_no_position(vocab: Vocabulary) -> None:
    text = ("To continue to improve the Beta Program, the Gamma Agency and the Delta Agency are committed to addressing "
            "concerns that have been raised about it, including:\n"
            "  • Training: the Gamma Agency is instituting additional training for officers.\n")
    found = stances(text, vocab, "gamma-agency")
    assert ("gamma-agency", "beta-program", "criticizes") not in found
    assert ("delta-agency", "beta-program", "criticizes") not in found


def hits(text: str, vocab: Vocabulary, position: str) -> list[tuple[Cue, re.Match[str]]]:
    return [(c, m) for c in cues(vocab) if c.position == position for m in c.pattern.finditer(text)]


def test_a_limited_amount_is_no_narrowing(vocab: Vocabulary) -> None:
    text = "It receives an appropriation sufficient to remove a limited number of people; the program focuses its limited resources."
    assert hits(text, vocab, "seeks-to-narrow")
    assert _not_cues(hits(text, vocab, "seeks-to-narrow")) == []


def test_what_was_done_without_an_investigation_asks_for_none(vocab: Vocabulary) -> None:
    text = "Last year, New York joined the Beta Program without a thorough investigation of the consequences."
    (cue, match), = hits(text, vocab, "seeks-disclosure")
    assert _unasserted(text, cue, match)
    text = "New York asked for a thorough investigation of the consequences."
    (cue, match), = hits(text, vocab, "seeks-disclosure")
    assert not _unasserted(text, cue, match)


def test_a_heading_that_names_its_subjects_gives_them_its_cue(vocab: Vocabulary) -> None:
    text = ("To continue to improve the Beta Program, the Gamma Agency and the Delta Agency are committed to the following:\n"
            "  • Training: the Sigma Network will train officers.\n")
    found = stances(text, vocab)
    assert {("gamma-agency", "beta-program", "supports"), ("delta-agency", "beta-program", "supports")} <= found
    assert ("sigma-network", "beta-program", "supports") not in found


def test_who_requested_an_oversight_report_seeks_disclosure(vocab: Vocabulary) -> None:
    text = ("Today, John Doe released a statement in response to a Gamma Agency report he requested on the Beta Program "
            "and its operations.\n")
    assert ("john-doe", "beta-program", "seeks-disclosure") in stances(text, vocab)


def test_the_end_of_a_period_is_no_call_to_end(vocab: Vocabulary) -> None:
    text = "The Gamma Agency planned to complete the Beta Program in New York by the end of 2012.\n"
    assert not _not_cues(hits(text, vocab, "calls-to-end"))


def test_who_investigates_does_not_ask_for_an_investigation(vocab: Vocabulary) -> None:
    found = stances("That is why the Gamma Agency's Inspector General investigated the Beta Program.\n", vocab)
    assert ("gamma-agency", "beta-program", "seeks-disclosure") not in found
    found = stances("The Omega Coalition asked the Gamma Agency to investigate the Beta Program.\n", vocab)
    assert ("omega-coalition", "beta-program", "seeks-disclosure") in found


def test_who_joined_the_program_supports_it_and_who_is_slated_to_join_does_not(vocab: Vocabulary) -> None:
    # README (round 15): a jurisdiction's joining reported as its act is `supports`, also told as past history;
    # a joining it is only slated or scheduled for is no act of its own
    assert ("new-york", "beta-program", "supports") in stances("New York joined the Beta Program in summer 2009.\n", vocab)
    assert not stances("New York is slated to join the Beta Program on June 1.\n", vocab)


def test_a_thesaurus_synonym_of_a_position_cue_is_a_cue(vocab: Vocabulary) -> None:
    # cues.yaml `synonyms` (session 10): words a thesaurus gives for a position's cues, kept where they
    # cost no precision on rounds 1-15; read as the position's other cues are, their first word inflected
    assert ("john-doe", "beta-program", "seeks-opt-out") in stances("John Doe backed out of the Beta Program last month.\n", vocab)
    assert ("gamma-agency", "beta-program", "opposes") in stances("The Gamma Agency has long shunned the Beta Program.\n", vocab)
    assert ("omega-coalition", "beta-program", "criticizes") in stances(
        "The Omega Coalition has grown tired of the Beta Program.\n", vocab)
    assert ("john-doe", "beta-program", "refuses-to-join") in stances(
        "John Doe said on Monday that he will not sign an agreement to take part in the Beta Program.\n", vocab)
    assert ("new-york", "beta-program", "seeks-opt-out") in stances("New York continues to seek a way out of the Beta Program.\n", vocab)
    # a word dropped from the list for what it cost ("recommended" the program's changes is no support of it)
    assert not stances("The Gamma Agency recommended that the Beta Program start over.\n", vocab)


def test_a_claim_of_benefit_reported_in_a_quotation_is_the_claimants(vocab: Vocabulary) -> None:
    # README: a claim a document quotes in order to rebut it is coded for those who made the claim; the
    # verbs of benefit widened with a thesaurus ("secures", "safeguards"), "claims" a verb of saying
    found = stances('John Doe said: "Although the Gamma Agency claims the Beta Program secures our communities, '
                    'we know it has the reverse effect."\n', vocab)
    assert ("gamma-agency", "beta-program", "supports") in found
    assert ("john-doe", "beta-program", "supports") not in found


def test_what_an_actor_has_determined_is_its_own_position(vocab: Vocabulary) -> None:
    """"X has determined that ..." is a verb of saying before the clause of the cue (session 13, 13q),
    not a relative clause about something else."""
    text = "The Gamma Agency has determined that an agreement is not required to activate the Beta Program in any county."
    assert ("gamma-agency", "beta-program", "expands") in stances(text, vocab)


def test_balking_at_cooperating_is_a_refusal_to_join_but_balking_at_other_steps_is_not(vocab: Vocabulary) -> None:
    assert ("new-york", "beta-program", "refuses-to-join") in stances(
        "New York has balked at cooperating with the Beta Program.", vocab)
    assert ("new-york", "beta-program", "refuses-to-join") in stances(
        "New York has refused to go along with the Beta Program.", vocab)
    assert not {s for s in stances("The Gamma Agency has balked at taking the steps that would make the Beta Program "
                                   "transparent.", vocab) if s[2] == "refuses-to-join"}


def test_ways_around_a_program_narrow_it(vocab: Vocabulary) -> None:
    assert ("new-york", "beta-program", "seeks-to-narrow") in stances(
        "New York is finding ways around the Beta Program.", vocab)


def test_an_end_ruled_out_is_support(vocab: Vocabulary) -> None:
    found = stances("John Doe said he won’t scrap the Beta Program.", vocab)
    assert ("john-doe", "beta-program", "supports") in found
    assert ("john-doe", "beta-program", "calls-to-end") not in found


def test_a_that_after_a_verb_of_saying_and_its_adjuncts_opens_what_is_said(vocab: Vocabulary) -> None:
    """"X informed Y in a May 4 letter that ...": not a relative clause of "letter" (session 13, 13q)."""
    text = ("John Doe informed the Gamma Agency in a May 4 letter that the state police were requesting to withdraw "
            "from the Beta Program.")
    assert ("john-doe", "beta-program", "seeks-opt-out") in stances(text, vocab)
    # a relative clause after a verb that is not one of saying still keeps the cue from the subject
    assert ("john-doe", "beta-program", "expands") not in stances(
        "John Doe objected to changes that now make the Beta Program mandatory.", vocab)


def test_a_cue_after_a_modal_in_a_relative_clause_is_still_that_clauses_verb(vocab: Vocabulary) -> None:
    """"passed an ordinance that will likely curb ...": the cue is the relative clause's own verb, as in
    "a resolution that limits" (session 13, 13q); "changes that now make it mandatory" stays another's act."""
    assert ("new-york", "beta-program", "seeks-to-narrow") in stances(
        "New York passed an ordinance that will likely curb the reach of the Beta Program.", vocab)
    assert ("john-doe", "beta-program", "expands") not in stances(
        "John Doe objected to changes that will now make the Beta Program mandatory.", vocab)


def test_an_act_ruled_out_for_someone_is_no_act_of_theirs(vocab: Vocabulary) -> None:
    """cues.yaml `hedges`: "forbidden from opting out" (session 13, 13q)."""
    found = stances("The Gamma Agency has informed New York that it is forbidden from opting out of the Beta Program.", vocab)
    assert not {s for s in found if s[2] == "seeks-opt-out"}


def test_an_end_run_around_someone_ends_nothing(vocab: Vocabulary) -> None:
    """cues.yaml `not_cues` (session 13, 13q)."""
    text = "Three sheriffs have taken an end run around the governor to join the Beta Program."
    assert hits(text, vocab, "calls-to-end")
    assert _not_cues(hits(text, vocab, "calls-to-end")) == []


def test_idioms_of_end_end_nothing(vocab: Vocabulary) -> None:
    """cues.yaml `not_cues` (session 18, 18p): "In the end, all this fuss ..." (National Review), "have ended up in
    deportation proceedings" (the NAACP's resolution)."""
    for text in ("In the end, all this fuss over the Beta Program is ridiculous.",
                 "Victims of the Beta Program have ended up in deportation proceedings.",
                 "Many will end up deported under the Beta Program."):
        assert hits(text, vocab, "calls-to-end")
        assert _not_cues(hits(text, vocab, "calls-to-end")) == []
    assert _not_cues(hits("The Gamma Agency ended the Beta Program in the end of May.", vocab, "calls-to-end"))


def test_a_program_name_qualifying_the_noun_after_it_is_not_the_object(vocab: Vocabulary) -> None:
    """"terminate all existing Beta Program agreements": the agreements are ended (session 13, 13q)."""
    register = REGISTER + [Known("beta-agreements", "agreement", "Beta Program agreements", ("agreements",))]
    text = "The Gamma Agency has decided to terminate all existing Beta Program agreements."
    mentions = find_mentions(text, register)
    found = {(c.values["actor"], c.values["target"], c.values["position"])
             for c in propose("doc", text, "2011-05-16", mentions, find_titles(text, mentions, register), register, vocab)
             if c.kind == "stances"}
    assert ("gamma-agency", "beta-agreements", "calls-to-end") in found
    assert ("gamma-agency", "beta-program", "calls-to-end") not in found


def test_a_cue_in_a_quoted_name_of_a_law_is_part_of_the_name(vocab: Vocabulary) -> None:
    """"vetoed the “Transparency and Responsibility Using State Tools” Act": no call for disclosure to turn
    the veto round (session 13, 13q); a quoted report title keeps its cues."""
    law = "John Doe vetoed the “Transparency and Responsibility Using State Tools” Act."
    assert hits(law, vocab, "seeks-disclosure") and not _in_names(hits(law, vocab, "seeks-disclosure"))
    title = "The Gamma Agency issued a report entitled “Beta Program: Transparency Needed” in May."
    assert _in_names(hits(title, vocab, "seeks-disclosure"))


def test_wanting_a_program_put_in_place_supports_it(vocab: Vocabulary) -> None:
    """cues.yaml `supports` "put in place" (session 13, 13q)."""
    assert ("john-doe", "beta-program", "supports") in stances("John Doe wants to put in place the Beta Program.", vocab)


def test_outrageous_is_a_criticism(vocab: Vocabulary) -> None:
    """cues.yaml `criticizes` "outrageous" (session 13, 13q)."""
    assert ("omega-coalition", "beta-program", "criticizes") in stances(
        "The Omega Coalition spoke of outrageous incidents under the Beta Program.", vocab)


def test_an_act_named_as_an_idea_a_way_or_a_consideration_is_no_act(vocab: Vocabulary) -> None:
    """cues.yaml `hedges` (session 19, 19c): an opt-out only considered, said to be impossible, given as
    instructions or as an idea is no one's opt-out; a plain one still is."""
    for sentence in ["The Gamma Agency said New York was considering opting out of the Beta Program.",
                     "The Gamma Agency told New York there was no way to opt out of the Beta Program.",
                     "The Gamma Agency gave New York instructions for opting out of the Beta Program.",
                     "John Doe pushed the idea that opting out of the Beta Program would help New York."]:
        assert not {s for s in stances(sentence, vocab) if s[2] == "seeks-opt-out"}, sentence
    assert ("new-york", "beta-program", "seeks-opt-out") in stances("New York opted out of the Beta Program.", vocab)
