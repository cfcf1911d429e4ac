"""Clause reading (graph/ingest/clauses.py): the pair a sentence's grammar connects where no
other rule proposed one, and cue words inside a proper name (graph/ingest/candidates.py)."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from graph.ingest.candidates import propose
from graph.ingest.mentions import Known, find_mentions, find_titles

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("zeta-program", "program", "Zeta Program", ("Zeta Program",)),
    Known("open-records-act", "law", "Openness and Transparency in Records Act", ("Openness and Transparency in Records Act",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
    Known("delta-office", "office", "Delta Office", ("Delta Office",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("delta-state", "state", "Delta State", ("Delta State",)),
    Known("beta-moas", "agreement", "Beta Program memoranda of agreement", ("MOAs", "MOA")),
]


def candidates(text: str, vocab: Vocabulary, publisher: str | None = None, register: list[Known] = REGISTER,
               date: str = "2015-05-01") -> list[tuple[str, str, str, str]]:
    mentions = find_mentions(text, register)
    found = propose("doc", text, date, mentions, find_titles(text, mentions, register), register, vocab, publisher)
    return [(c.values["actor"], c.values["target"], c.values["position"], c.why) for c in found if c.kind == "stances"]


def stances(text: str, vocab: Vocabulary, publisher: str | None = None, register: list[Known] = REGISTER,
            date: str = "2015-05-01") -> set[tuple[str, str, str]]:
    return {(a, t, p) for a, t, p, _ in candidates(text, vocab, publisher, register, date)}


def test_our_new_program_is_the_voice_presenting_it(vocab: Vocabulary) -> None:
    text = "Critical to these efforts is our new Zeta Program, which replaced the Beta Program."
    found = candidates(text, vocab, publisher="gamma-agency")
    assert [f for f in found if f[:3] == ("gamma-agency", "zeta-program", "supports") and f[3].startswith("clause reading")]


def test_its_new_program_is_its_owners(vocab: Vocabulary) -> None:
    text = "Jane Roe pointed to the actions of the Gamma Agency and its new Zeta Program, which she did not discuss."
    assert ("gamma-agency", "zeta-program", "supports") in stances(text, vocab)


def test_new_presents_a_program_only_for_its_owner(vocab: Vocabulary) -> None:
    assert ("jane-roe", "zeta-program", "supports") not in stances("Jane Roe criticized the new Zeta Program.", vocab)


def test_what_is_acted_on_holds_no_position(vocab: Vocabulary) -> None:
    text = "The Delta Office was established by the Openness and Transparency in Records Act of 2002."
    assert not any(a == "delta-office" for a, _, _ in stances(text, vocab))


def test_a_cue_word_inside_a_name_is_no_cue(vocab: Vocabulary) -> None:
    text = "Jane Roe released a letter expressing her support for the Openness and Transparency in Records Act, and thanked its authors."
    found = stances(text, vocab)
    assert ("jane-roe", "open-records-act", "supports") in found
    assert ("jane-roe", "open-records-act", "seeks-disclosure") not in found


def test_a_word_that_judges_a_program_before_its_name_is_the_speakers(vocab: Vocabulary) -> None:
    text = "Jane Roe released a statement.\n\n\u201cThe Gamma Agency wants to keep the failed Beta Program,\u201d said Jane Roe.\n"
    found = stances(text, vocab)
    assert ("jane-roe", "beta-program", "criticizes") in found
    assert ("gamma-agency", "beta-program", "criticizes") not in found


def test_controversial_alone_takes_no_position(vocab: Vocabulary) -> None:
    # bench/ingest-eval/README.md, settled before round 11: "controversial" reports a dispute, it
    # does not judge; the speaker of it holds no stance for that word alone
    text = "Jane Roe released a statement.\n\n\u201cThe Gamma Agency wants to keep the controversial Beta Program,\u201d said Jane Roe.\n"
    assert ("jane-roe", "beta-program", "criticizes") not in stances(text, vocab)


def test_a_quotation_written_to_someone_is_not_theirs(vocab: Vocabulary) -> None:
    text = "Members met.\n\n\u201cRather than enhance the successful Beta Program, your agency ended it,\u201d the members wrote to Jane Roe.\n"
    assert not any(a == "jane-roe" for a, _, _ in stances(text, vocab))


def test_a_judgement_said_of_a_program_is_the_reporters(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe said the Beta Program was a success.", vocab)
    assert not stances("The Beta Program was not effective.", vocab)


def test_a_program_called_by_a_judging_word_is_judged_by_who_calls_it(vocab: Vocabulary) -> None:
    # Session 10 (the lead's user check): "X called the program a failure" and "X said the program is
    # dangerous and unconstitutional" gave X nothing.
    assert ("jane-roe", "beta-program", "criticizes") in stances("Jane Roe called the Beta Program a failure.", vocab)
    assert ("jane-roe", "beta-program", "criticizes") in stances("Jane Roe said the Beta Program is costly and unconstitutional.", vocab)
    assert ("jane-roe", "beta-program", "supports") in stances("Jane Roe called the Beta Program a success.", vocab)


def test_a_noun_of_a_holder_is_said_of_the_actor_before_it(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "criticizes") in stances("Jane Roe, a longtime critic of the Beta Program, spoke.", vocab)
    assert not stances("Jane Roe met with critics of the Beta Program.", vocab)
    # a dash opens the apposition as a comma does; a verb after the name is no apposition
    assert ("jane-roe", "beta-program", "criticizes") in stances(
        "On Monday, Jane Roe — one of the loudest critics of the Beta Program — spoke.", vocab)
    assert not stances("On Monday, Jane Roe spoke — critics of the Beta Program disagreed.", vocab)


def test_replacing_a_program_ends_it_and_supports_its_successor(vocab: Vocabulary) -> None:
    found = stances("The Gamma Agency replaced the Beta Program with the Zeta Program in 2015.", vocab)
    assert {("gamma-agency", "beta-program", "calls-to-end"), ("gamma-agency", "zeta-program", "supports")} <= found
    assert not stances("The Zeta Program replaced the Beta Program.", vocab)


def test_the_addressees_act_is_theirs_not_what_they_are_asked(vocab: Vocabulary) -> None:
    letter = "Dear Director Jane Roe:\n\n{}\n"
    assert ("jane-roe", "beta-program", "calls-to-end") in stances(letter.format("We write about your decision to end the Beta Program."), vocab)
    assert ("jane-roe", "zeta-program", "supports") in stances(letter.format("You created the Zeta Program last year."), vocab)
    assert not stances(letter.format("We urge you to end the Beta Program."), vocab)


def test_the_author_or_sponsor_of_a_measure_supports_it(vocab: Vocabulary) -> None:
    # README: a legislative document's author or sponsor line is that person's support of the measure
    found = stances("The Openness and Transparency in Records Act, authored by Assembly member Jane Roe, passed on Monday.", vocab)
    assert ("jane-roe", "open-records-act", "supports") in found
    found = stances("The act, which was co-sponsored by Jane Roe and the Delta Office, passed. It names the "
                    "Openness and Transparency in Records Act.", vocab)
    assert {("jane-roe", "open-records-act", "supports"), ("delta-office", "open-records-act", "supports")} <= found
    # a program introduced by an agency is no measure: creation is the clause reading's rule
    assert ("gamma-agency", "beta-program", "supports") not in stances(
        "The Beta Program was introduced by the Gamma Agency in March 2008.", vocab)


def test_who_tells_a_participant_it_cannot_leave_extends_the_program(vocab: Vocabulary) -> None:
    # session 14 (14s): README, an owner's declaration that participation is not voluntary is `expands`
    assert ("gamma-agency", "beta-program", "expands") in stances(
        "The Gamma Agency has told the county it can\u2019t withdraw from the Beta Program.", vocab)
    assert ("gamma-agency", "beta-program", "expands") in stances(
        "The director of the Gamma Agency sent a letter to the county, explaining that it is not able to opt out of the Beta Program.", vocab)


def test_a_denied_exit_no_one_declares_or_a_participant_reports_extends_nothing(vocab: Vocabulary) -> None:
    assert not any(p == "expands" for _, _, p in stances("Counties can't opt out of the Beta Program.", vocab))
    assert not any(p == "expands" for _, _, p in stances("Jane Roe said the county cannot opt out of the Beta Program.", vocab))


def test_judging_words_coordinated_before_a_name_judge_it(vocab: Vocabulary) -> None:
    # session 14 (14s): "the controversial, ineffective, and costly X": the judging word reaches the name
    found = stances("Families are hurt by the controversial, ineffective, and costly \u201cBeta Program\u201d.", vocab, publisher="gamma-agency")
    assert ("gamma-agency", "beta-program", "criticizes") in found
    assert not stances("It is ineffective, and the Beta Program is costly.", vocab, publisher="gamma-agency")


def test_who_describes_a_program_as_a_success_holds_the_judgement(vocab: Vocabulary) -> None:
    assert ("gamma-agency", "beta-program", "supports") in stances(
        "The Gamma Agency (GA) Thursday described its Beta Program a success.", vocab)
    assert ("jane-roe", "beta-program", "criticizes") in stances("Jane Roe described the Beta Program as a failure.", vocab)


def test_an_apposition_between_the_holder_and_said_is_skipped(vocab: Vocabulary) -> None:
    assert ("jane-roe", "beta-program", "supports") in stances(
        "Jane Roe, a spokeswoman for the Gamma Agency, said the Beta Program is a success.", vocab)


def test_a_definite_description_of_a_program_is_the_one_named_before(vocab: Vocabulary) -> None:
    # session 15 (15s): "X, an ardent supporter of the federal program": the program named last before
    text = "The Beta Program began in May.\n\nSheriff Jane Roe, an ardent supporter of the federal program, met officials."
    assert ("jane-roe", "beta-program", "supports") in stances(text, vocab)
    assert not stances("Sheriff Jane Roe, an ardent supporter of the federal program, met officials.", vocab)
    # a description with a name in it is another program
    assert not stances("The Beta Program began.\n\nJane Roe, a supporter of the E-Verify program, met officials.", vocab)


# Session 16 (16t): a legislature or chamber that passes a bill or law supports it.
LEGISLATIVE = REGISTER + [Known("omicron-senate", "government", "Omicron Senate", ("Omicron Senate",)),
                          Known("trust-bill", "bill", "Trust Bill", ("Trust Bill",))]


def passed_of(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    return stances(text, vocab, register=LEGISLATIVE, date="2012-08-01")


def test_a_chamber_that_passes_a_bill_supports_it(vocab: Vocabulary) -> None:
    expected = ("omicron-senate", "trust-bill", "supports")
    assert expected in passed_of("The Omicron Senate last week approved the Trust Bill and sent it to the governor.", vocab)
    assert expected in passed_of("The Trust Bill, which passed the Omicron Senate, is now pending in the Assembly.", vocab)
    assert expected in passed_of("The Trust Bill was approved by the Omicron Senate on Monday.", vocab)
    # a passage denied, conditional or of another bill of that kind is none
    assert expected not in passed_of("The Omicron Senate has not passed the Trust Bill.", vocab)
    assert expected not in passed_of("The Omicron Senate could pass the Trust Bill.", vocab)
    assert expected not in passed_of("The Omicron Senate passed a local Trust Bill of its own.", vocab)


# Session 17 (17d): "its agreements", "the agreement" for the one agreement the text names.
AGREEING = REGISTER + [Known("beta-moas", "agreement", "Beta Program memoranda of agreement", ("Memoranda of Agreement", "MOAs"))]


def agreed_of(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    return stances(text, vocab, register=AGREEING, date="2011-08-10")


def test_the_agreements_are_the_agreement_the_text_names(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency decided to terminate all of its agreements with states regarding the operation of its Beta Program. "
            "Its director said the MOAs were never necessary.")
    found = agreed_of(text, vocab)
    assert ("gamma-agency", "beta-moas", "calls-to-end") in found
    assert ("gamma-agency", "beta-program", "calls-to-end") not in found
    # with no agreement named, "its agreements" stays unresolved: what is ended is still the agreements, not the
    # program named after them, and ending them as a whole extends the program (session 17, 17p; README, rounds 9-10)
    assert ("gamma-agency", "beta-program", "expands") in stances(
        "The Gamma Agency decided to terminate all of its agreements with states regarding the operation of its Beta Program.", vocab)


def test_ending_the_partners_agreements_as_a_whole_extends_the_program(vocab: Vocabulary) -> None:
    # session 17, 17p: "ICE has decided to terminate all existing MOAs" (rounds 1-8, 24), "to annul ICE's
    # agreements with states" (round 27): the owner extends it (README, rounds 9-10 and 18)
    text = "The Beta Program checks prints at booking.\nThe Gamma Agency has decided to terminate all existing Beta Program MOAs.\n"
    found = stances(text, vocab)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert ("gamma-agency", "beta-moas", "calls-to-end") in found
    assert ("gamma-agency", "beta-program", "supports") not in found
    program = stances("The Gamma Agency decided to annul the Delta Office's agreements with states under the Beta Program.\n", vocab)
    assert ("gamma-agency", "beta-program", "expands") in program
    assert ("gamma-agency", "beta-program", "calls-to-end") not in program
    own = stances("The Beta Program checks prints at booking.\nDelta State decided to terminate its MOA.\n", vocab)
    assert ("delta-state", "beta-program", "expands") not in own


def test_carrying_a_program_out_with_no_place_is_no_extension(vocab: Vocabulary) -> None:
    # session 18, 18p: "help ICE implement the Secure Communities initiative" (an ICE form), "has begun to implement
    # its Priority Enforcement Program" (a House Judiciary release), "as long as the program is implemented properly"
    # (a TV station): carrying it out is `supports`, read once, no `expands`
    found = stances("The Gamma Agency has begun to implement the Beta Program.\n", vocab)
    assert ("gamma-agency", "beta-program", "supports") in found
    assert ("gamma-agency", "beta-program", "expands") not in found
    # named with the place it is extended to, it stays an extension
    placed = stances("The Gamma Agency has begun to implement the Beta Program in Delta State.\n", vocab)
    assert ("gamma-agency", "beta-program", "expands") in placed
    assert ("gamma-agency", "beta-program", "expands") in stances(
        "The Gamma Agency will implement the Beta Program in all jails.\n", vocab)
    assert ("gamma-agency", "beta-program", "expands") in stances(
        "The Gamma Agency will implement the Beta Program nationwide by 2013.\n", vocab)


def test_a_participle_before_its_noun_is_no_act_of_limiting(vocab: Vocabulary) -> None:
    # session 18, 18p: "ICE receives limited resources" (an ICE page), "by claiming 'limited resources'" (a House
    # subcommittee chairman's release): an adjective, no `seeks-to-narrow`
    assert not {s for s in stances("The Beta Program matters, and the Gamma Agency receives limited resources for the Beta "
                                   "Program.\n", vocab) if s[2] == "seeks-to-narrow"}
    # the verb with its object stays an act
    assert ("delta-state", "beta-program", "seeks-to-narrow") in stances(
        "Delta State limited the use of the Beta Program.\n", vocab)
