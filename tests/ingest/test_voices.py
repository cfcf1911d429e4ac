"""Stances a document gives through its genre and its voices (graph/ingest/voices.py)."""

from __future__ import annotations



from graph.ingest.candidates import Voices, propose
from graph.ingest.mentions import Known, find_mentions, find_titles
from graph.ingest.review import voices_of
from graph.build.vocabulary import Vocabulary

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency", "GA")),
    Known("delta-county", "county", "Delta County", ("Delta County",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("john-doe", "person", "John Doe", ("John Doe",)),
]



def stances(text: str, vocab: Vocabulary, publisher: str | None = "gamma-agency") -> dict[tuple[str, str, str], str]:
    mentions = find_mentions(text, REGISTER)
    titles = find_titles(text, mentions, REGISTER)
    found = propose("doc", text, "2010-04-06", mentions, titles, REGISTER, vocab, publisher)
    return {(c.values["actor"], c.values["target"], c.values["position"]): c.why for c in found if c.kind == "stances"}


def test_an_activation_release_is_an_extension_by_its_publishing_agency(vocab: Vocabulary) -> None:
    text = ("April 6, 2010\n\n3 Omega counties join GA Beta Program initiative\n\n"
            "OMEGA - On Tuesday, law enforcement agencies in three counties began employing an initiative, known as "
            "the Beta Program, spearheaded by the Gamma Agency that modernizes the process used to identify people.\n")
    found = stances(text, vocab)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert "activation release" in found[("gamma-agency", "beta-program", "expands")]
    assert ("gamma-agency", "beta-program", "expands") not in stances(text, vocab, publisher=None)


def test_an_activation_named_as_a_possibility_is_no_extension(vocab: Vocabulary) -> None:
    text = ("Counties may join the Beta Program next year\n\n"
            "The Gamma Agency said that law enforcement agencies in several counties could begin using the Beta Program "
            "once the state signs an agreement with the agency that administers it.\n")
    assert ("gamma-agency", "beta-program", "expands") not in stances(text, vocab)


def test_an_official_quoted_in_an_agency_release_supports_the_program(vocab: Vocabulary) -> None:
    text = ("New program launched in Delta County\n\n"
            "\"The Beta Program is an initiative to identify and remove people who pose a threat to our communities,\" "
            "said Acting Beta Program Executive Director Jane Roe.\n")
    assert ("jane-roe", "beta-program", "supports") in stances(text, vocab)


def test_a_quotation_with_a_cue_against_the_program_is_no_support(vocab: Vocabulary) -> None:
    text = ("\"The Beta Program has gone awry and should be suspended,\" said John Doe.\n")
    assert ("john-doe", "beta-program", "supports") not in stances(text, vocab)


def test_an_agencys_own_evaluative_words_are_its_stance(vocab: Vocabulary) -> None:
    text = ("The first day the Beta Program was running in Delta County, officers arrested a man. The agency had met him "
            "on five occasions - valuable information for local and federal officials alike.\n")
    found = stances(text, vocab)
    assert ("gamma-agency", "beta-program", "supports") in found
    assert ("gamma-agency", "beta-program", "supports") not in stances(text, vocab, publisher=None)


def test_a_person_who_calls_for_a_suspension_criticizes_the_program(vocab: Vocabulary) -> None:
    text = "Jane Roe called for a moratorium on the Beta Program.\n"
    found = stances(text, vocab, publisher=None)
    assert ("jane-roe", "beta-program", "calls-for-moratorium") in found
    assert ("jane-roe", "beta-program", "criticizes") in found


def test_members_named_in_a_release_lead_make_its_call_and_objection(vocab: Vocabulary) -> None:
    text = ("Doe, Roe Urge Governor to Withdraw from the Beta Program\n\n"
            "(Washington, D.C.) - On Friday, Congressman John Doe (D-NY) and Congresswoman Jane Roe (D-NY) wrote the "
            "Governor, urging that the state withdraw from the federal Beta Program, which they said is needlessly harsh "
            "and does not reflect the history of the state and its long tradition of welcoming people from everywhere.\n")
    found = stances(text, vocab, publisher=None)
    for member in ("john-doe", "jane-roe"):
        assert (member, "beta-program", "calls-to-end") in found  # asked of another: a withdrawal is a call to end it
        assert (member, "beta-program", "criticizes") in found
        assert (member, "beta-program", "seeks-opt-out") not in found


def test_members_listed_after_a_plural_title_speak_the_lead(vocab: Vocabulary) -> None:
    text = ("Members Call for Suspension of the Beta Program\n\n"
            "Today local members of Congress called on the Governor to suspend the state's participation in the Beta "
            "Program. At a press conference, Representatives John Doe (CA-31) and Jane Roe (CA-32) made the announcement "
            "together with several city councilmembers and community leaders from across the county.\n")
    found = stances(text, vocab, publisher=None)
    assert ("john-doe", "beta-program", "calls-for-moratorium") in found
    assert ("jane-roe", "beta-program", "calls-for-moratorium") in found


def test_a_members_words_about_others_are_not_theirs(vocab: Vocabulary) -> None:
    text = ("Statement of Representative John Doe\n\n"
            "The Beta Program has removed many people with criminal convictions from our communities, and I am glad "
            "it continues to grow in every state that the Gamma Agency serves across the country.\n"
            "Yet, some groups remain opposed to the Beta Program and claim that it should be suspended.\n")
    found = stances(text, vocab, publisher=None)
    assert ("john-doe", "beta-program", "criticizes") not in found
    assert ("john-doe", "beta-program", "calls-for-moratorium") not in found


def test_a_member_of_congress_asks_a_state_to_suspend_and_does_not_suspend(vocab: Vocabulary) -> None:
    text = ("Member Calls for Suspension of the Beta Program\n\n"
            "Today Congressman John Doe called on the Governor to act on the program at a press conference downtown, "
            "joined by many community leaders, city councilmembers and advocates from across the state and the county.\n\n"
            "Rep. John Doe said: \"The time has come for the Governor to move to suspend our state's participation in "
            "the Beta Program.\"\n")
    found = stances(text, vocab, publisher=None)
    assert ("john-doe", "beta-program", "calls-for-moratorium") in found
    assert ("john-doe", "beta-program", "suspends-participation") not in found


def test_a_program_made_mandatory_is_extended_by_the_agency_that_runs_it(vocab: Vocabulary) -> None:
    text = ("Dear Director John Doe:\n\n"
            "I object to the announcement you made last week that the Beta Program, administered by the Gamma Agency, "
            "is now mandatory for all states and localities.\n")
    found = stances(text, vocab, publisher=None)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert ("john-doe", "beta-program", "expands") in found  # "you": the one addressed announced it
    text = "Some said the Beta Program, administered by the Gamma Agency, may become mandatory for all counties.\n"
    assert ("gamma-agency", "beta-program", "expands") not in stances(text, vocab, publisher=None)
    # still to come, only planned, or a question: not made mandatory (yet)
    for sentence in ["The Beta Program, administered by the Gamma Agency, won't become mandatory until next year.",
                     "The Beta Program, administered by the Gamma Agency, began in 2008, with plans for mandatory participation by 2013.",
                     "The Gamma Agency cannot decide whether the Beta Program is mandatory or optional."]:
        assert ("gamma-agency", "beta-program", "expands") not in stances(sentence + "\n", vocab, publisher=None), sentence


def test_who_announces_a_new_jurisdiction_in_a_release_extends_the_program(vocab: Vocabulary) -> None:
    text = ("Results of the first year\n\n"
            "The Gamma Agency said today that the Beta Program identified more than 1,000 people in local custody during "
            "its first year, and that it will go on working with its partners across the country in many more places.\n"
            "Jane Roe and John Doe also announced today that Delta County will be the next jurisdiction to participate "
            "in the Beta Program.\n")
    found = stances(text, vocab, publisher=None)
    assert ("jane-roe", "beta-program", "expands") in found
    assert ("john-doe", "beta-program", "expands") in found


def test_who_joined_the_members_announcement_makes_its_call(vocab: Vocabulary) -> None:
    text = ("Members Call for Suspension of the Beta Program\n\n"
            "Today local members of Congress called on the Governor to suspend the state's participation in the Beta "
            "Program. At a press conference, Representatives John Doe (CA-31) and Jane Roe (CA-32) were joined by "
            "former police chief and current Councilmember Sam T. Poe (CD-8) to make the announcement.\n")
    register = REGISTER + [Known("sam-t-poe", "person", "Sam T. Poe", ("Sam T. Poe",))]
    mentions = find_mentions(text, register)
    candidates = propose("doc", text, "2011-06-08", mentions, find_titles(text, mentions, register), register, vocab, None)
    found = {(c.values["actor"], c.values["target"], c.values["position"]) for c in candidates if c.kind == "stances"}
    assert ("sam-t-poe", "beta-program", "calls-for-moratorium") in found
    assert ("sam-t-poe", "beta-program", "criticizes") not in found  # a call only: their objections are not said


def test_an_agency_page_that_answers_claims_defends_its_program(vocab: Vocabulary) -> None:
    text = ("Setting the Record Straight\n\n"
            "Several groups have made claims about the Beta Program. The following document sets the record straight "
            "with factual information about the Beta Program.\n\nCLAIM:\n\nIt is secret.\n\nFACT:\n\nIt is not.\n")
    assert ("gamma-agency", "beta-program", "supports") in stances(text, vocab)
    assert ("gamma-agency", "beta-program", "supports") not in stances(text, vocab, publisher=None)


def test_an_author_the_user_gives_speaks_a_letter_that_names_none(vocab: Vocabulary) -> None:
    text = "Beta Program must be suspended\n\nWe call on the Gamma Agency to suspend the Beta Program until it is fixed.\n"
    mentions = find_mentions(text, REGISTER)
    titles = find_titles(text, mentions, REGISTER)
    found = propose("doc", text, "2011-05-01", mentions, titles, REGISTER, vocab, None, authors=["jane-roe"])
    assert ("jane-roe", "beta-program", "calls-for-moratorium") in {
        (c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}


def test_an_extension_the_writer_only_sees_is_not_the_writers_act(vocab: Vocabulary) -> None:
    text = ("We are concerned about why, so late in the game, \u201cthe Gamma Agency has determined that an agreement is "
            "not required to activate or operate the Beta Program for any county.\u201d\n")
    mentions = find_mentions(text, REGISTER)
    titles = find_titles(text, mentions, REGISTER)
    found = propose("doc", text, "2011-05-01", mentions, titles, REGISTER, vocab, None, authors=["jane-roe"])
    assert ("jane-roe", "beta-program", "expands") not in {
        (c.values["actor"], c.values["target"], c.values["position"]) for c in found if c.kind == "stances"}


def _given(text: str, vocab: Vocabulary, publisher: str | None, authors: list[str]) -> dict[tuple[str, str, str], str]:
    mentions = find_mentions(text, REGISTER)
    titles = find_titles(text, mentions, REGISTER)
    found = propose("doc", text, "2011-05-01", mentions, titles, REGISTER, vocab, publisher, authors=authors)
    return {(c.values["actor"], c.values["target"], c.values["position"]): c.why for c in found if c.kind == "stances"}


def test_we_in_an_agencys_publication_is_the_agency_not_its_writer(vocab: Vocabulary) -> None:
    found = _given("We will expand the Beta Program to every county.\n", vocab, "gamma-agency", ["jane-roe"])
    assert ("gamma-agency", "beta-program", "expands") in found
    assert ("jane-roe", "beta-program", "expands") not in found


def test_the_documents_own_words_are_its_authors_stance(vocab: Vocabulary) -> None:
    found = _given("It is time to end the Beta Program.\n", vocab, None, ["john-doe"])
    assert "own voice" in found[("john-doe", "beta-program", "calls-to-end")]
    assert not _given("Critics want to end the Beta Program.\n", vocab, None, ["john-doe"])


def test_an_act_the_writers_sentence_gives_another_is_not_the_writers(vocab: Vocabulary) -> None:
    # a participle opening the sentence (passive), a relative clause, a passive subject's purpose, a
    # reported subject before an auxiliary, a passive with its participle in quotation marks
    for sentence in ["Launched in 2008, the Beta Program checks the fingerprints of everyone arrested.",
                     "Governors like Jane Roe, who decided in May to halt the Beta Program, spoke on Monday.",
                     "A task force was recently created to improve the Beta Program.",
                     "The counties were told in May, and that the federal government would begin implementing the Beta Program.",
                     "On May 4, our county was \u201cactivated\u201d in the Beta Program.",
                     # an extension reported, not wanted, is the act of the one who runs it, not the writer's support
                     "Although the Beta Program won't become mandatory until next year, 2,000 agencies already take part in it."]:
        assert not any(a == "john-doe" for a, _, _ in _given(sentence + "\n", vocab, None, ["john-doe"])), sentence


def test_a_witness_presenting_the_program_in_testimony_supports_it(vocab: Vocabulary) -> None:
    text = ("Chairman Smith, Ranking Member Jones, and members of the Subcommittee:\n"
            "Thank you for the opportunity to discuss the Beta Program, which identifies people in custody.\n"
            "The Beta Program shares fingerprints between the Gamma Agency and local jails.\n")
    assert "testimony" in _given(text, vocab, None, ["jane-roe"])[("jane-roe", "beta-program", "supports")]
    against = text + "Yet the Beta Program has failed and must be suspended.\n"
    assert ("jane-roe", "beta-program", "supports") not in _given(against, vocab, None, ["jane-roe"])


def test_an_agencys_page_about_its_own_program_supports_it(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency's Beta Program shares fingerprints taken at booking.\n"
            "The Beta Program sends them to the agency, which compares them with its files.\n")
    assert "own page" in _given(text, vocab, "gamma-agency", [])[("gamma-agency", "beta-program", "supports")]
    report = text.replace("The Gamma Agency's Beta Program", "The Beta Program")
    assert ("gamma-agency", "beta-program", "supports") not in _given(report, vocab, "gamma-agency", [])


def test_a_cue_of_another_position_elsewhere_takes_nothing_from_an_agencys_own_program(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency's Beta Program shares fingerprints taken at booking.\n"
            "This case was investigated by the Gamma Agency.\n"
            "The Beta Program sends them to the agency, where they are checked against its files.\n")
    assert ("gamma-agency", "beta-program", "supports") in _given(text, vocab, "gamma-agency", [])
    against = text + "The Beta Program has failed and must be suspended.\n"
    assert ("gamma-agency", "beta-program", "supports") not in _given(against, vocab, "gamma-agency", [])


def test_an_agencys_release_that_defines_the_program_as_its_own_supports_it(vocab: Vocabulary) -> None:
    text = ("Delta County jail receives a new database link\n\n"
            "The link is the cornerstone of the program called \"Beta Program,\" the Gamma Agency's comprehensive plan "
            "to identify people in custody.\n")
    assert "defines as its own" in _given(text, vocab, "gamma-agency", [])[("gamma-agency", "beta-program", "supports")]
    mentioned = text.replace(" the Gamma Agency's comprehensive plan", " a plan")
    assert ("gamma-agency", "beta-program", "supports") not in _given(mentioned, vocab, "gamma-agency", [])


def test_who_ends_a_program_by_their_own_act_is_not_said_to_object_to_it(vocab: Vocabulary) -> None:
    act = stances("John Doe scraps the Beta Program.\n", vocab, publisher=None)
    assert ("john-doe", "beta-program", "calls-to-end") in act and ("john-doe", "beta-program", "criticizes") not in act
    call = stances("John Doe urged the Gamma Agency to end the Beta Program.\n", vocab, publisher=None)
    assert ("john-doe", "beta-program", "criticizes") in call


def test_every_signer_of_a_letter_speaks_its_words(vocab: Vocabulary) -> None:
    letter = "Dear Director:\nIt is time to end the Beta Program.\nSincerely,\nJane Roe\nJohn Doe\ncc: Gamma Agency\n"
    found = stances(letter, vocab, publisher=None)
    assert ("jane-roe", "beta-program", "calls-to-end") in found and ("john-doe", "beta-program", "calls-to-end") in found
    release = ("Members wrote to the Director today. The letter was signed by Jane Roe and John Doe.\n"
               "It is time to end the Beta Program.\n")
    types = {k.id: k.type for k in REGISTER}
    assert Voices.of(release, find_mentions(release, REGISTER), types).given == ("jane-roe", "john-doe")
    led = "Members of the Omega Caucus, led by Jane Roe and John Doe, released the following letter today.\n"
    assert Voices.of(led, find_mentions(led, REGISTER), types).given == ("jane-roe", "john-doe")
    law = "The law signed by John Doe takes effect today.\n"
    assert Voices.of(law, find_mentions(law, REGISTER), types).given == ()


def test_an_official_quoted_in_a_release_presenting_the_agencys_program_supports_it(vocab: Vocabulary) -> None:
    text = ("Delta County jail receives a new database link\n\n"
            "The link is the cornerstone of the program called \"Beta Program,\" the Gamma Agency's comprehensive plan "
            "to identify people in custody.\n\n"
            "\"The link will create a presence at every local jail,\" said Director Jane Roe.\n")
    assert ("jane-roe", "beta-program", "supports") in stances(text, vocab)
    other = text.replace(" the Gamma Agency's comprehensive plan", " a plan")
    assert ("jane-roe", "beta-program", "supports") not in stances(other, vocab)


def test_a_witness_testifies_for_the_agency_the_heading_names_them_of(vocab: Vocabulary) -> None:
    text = ("Testimony of Jane Roe, Director, Beta Program, Gamma Agency, before the Omega Committee\n"
            "Thank you for the opportunity to discuss the Beta Program, which identifies people in custody.\n"
            "The Beta Program shares fingerprints with local jails.\n")
    found = _given(text, vocab, None, ["jane-roe"])
    assert "for the agency the heading names" in found[("gamma-agency", "beta-program", "supports")]
    later = "Thank you.\n" + text
    assert ("gamma-agency", "beta-program", "supports") not in _given(later, vocab, None, ["jane-roe"])


def test_words_given_as_anothers_are_theirs() -> None:
    text = "We agree. As the Gamma Agency has said on numerous occasions, the Beta Program is a success. We disagree.\n"
    voices = Voices.of(text, find_mentions(text, REGISTER), {k.id: k.type for k in REGISTER}, None, ["jane-roe"])
    said = voices.speaker(text.index("the Beta"))
    assert said is not None and said.entity == "gamma-agency"
    after = voices.speaker(text.index("We disagree"))
    assert after is not None and after.entity == "jane-roe"


def test_each_member_speaks_their_own_turn_of_a_floor_record(vocab: Vocabulary) -> None:
    register = REGISTER + [Known("price", "person", "Price", ("Price", "Mr. PRICE")),
                           Known("dicks", "person", "Dicks", ("Dicks", "Mr. DICKS"))]
    text = ("Mr. PRICE of North Carolina. Mr. Chairman, I rise in opposition to the Beta Program.\n"
            "The CHAIR. The gentleman's time has expired.\n"
            "Mr. DICKS. Mr. Chairman, I rise in support of the Beta Program.\n")
    mentions = find_mentions(text, register)
    found = propose("doc", text, "2012-05-01", mentions, find_titles(text, mentions, register), register, vocab, None,
                    authors=["price"])
    got = {(c.values["actor"], c.values["position"]) for c in found if c.kind == "stances"}
    assert ("price", "opposes") in got and ("dicks", "supports") in got and ("price", "supports") not in got


def test_a_voice_given_as_members_of_a_body_is_the_body() -> None:
    given = voices_of(None, ["twenty-eight Members of the Omega Delegation"], {})
    assert [(v.given, v.id) for v in given] == [("Omega Delegation", "omega-delegation")]


def test_the_head_of_a_place_that_joins_supports_the_program_with_it(vocab: Vocabulary) -> None:
    # session 14 (14s): the place's own decision to take part, announced by its head, is support, not extension
    text = ("Delta County joins Beta Program\n\n"
            "Sheriff John Doe announced today that Delta County will join 35 other counties in the Beta Program.\n")
    found = stances(text, vocab, publisher=None)
    assert ("john-doe", "beta-program", "supports") in found
    assert ("delta-county", "beta-program", "supports") in found
    assert ("john-doe", "beta-program", "expands") not in found


def test_who_extends_a_program_supports_it(vocab: Vocabulary) -> None:
    # session 14 (14s): `expands` is narrower than `supports`; the broader position stands beside the act
    found = stances("The Gamma Agency has told the county it can\u2019t withdraw from the Beta Program.", vocab, publisher=None)
    assert ("gamma-agency", "beta-program", "expands") in found
    assert found[("gamma-agency", "beta-program", "supports")].startswith("who extends it supports it")


def test_ending_an_agreement_implies_no_objection_to_it(vocab: Vocabulary) -> None:
    register = REGISTER + [Known("beta-moas", "agreement", "Beta Program MOAs", ("Beta Program MOAs",))]
    text = '"For this reason, the Gamma Agency has decided to terminate all existing Beta Program MOAs," Jane Roe said.\n'
    mentions = find_mentions(text, register)
    found = {(c.values["actor"], c.values["target"], c.values["position"]) for c in propose(
        "doc", text, "2011-08-05", mentions, find_titles(text, mentions, register), register, vocab, None) if c.kind == "stances"}
    assert ("jane-roe", "beta-moas", "calls-to-end") in found
    assert ("jane-roe", "beta-moas", "criticizes") not in found
    # a call to end a program still objects to it
    assert ("jane-roe", "beta-program", "criticizes") in stances('"The Beta Program must be terminated," Jane Roe said.\n', vocab, None)


def test_an_end_told_in_the_progressive_or_as_an_announced_noun_is_an_act_not_an_objection(vocab: Vocabulary) -> None:
    # session 17, 17p: "Obama announced he is ending X" (National Memo), "Sheriff X announces the end of" (Nashville Scene)
    progressive = stances("John Doe announced he is ending the Beta Program.\n", vocab, publisher=None)
    assert ("john-doe", "beta-program", "calls-to-end") in progressive
    assert ("john-doe", "beta-program", "criticizes") not in progressive
    announced = stances("John Doe announces the end of the Beta Program.\n", vocab, publisher=None)
    assert ("john-doe", "beta-program", "criticizes") not in announced
    call = stances("John Doe is calling for ending the Beta Program.\n", vocab, publisher=None)
    assert ("john-doe", "beta-program", "criticizes") in call


def test_a_headline_reporting_anothers_act_is_not_its_reporters_stance(vocab: Vocabulary) -> None:
    # session 19 (19c): a writer the lead names as no member does not speak a headline or lead sentence that
    # opens with another actor and does not name the writer: a news headline reports its subject's act
    story = ("Delta County pulls out of the Beta Program\n\n"
             "Delta County said on Monday it would no longer take part in the federal program.\n")
    found = _given(story, vocab, None, ["john-doe"])
    assert not any(a == "john-doe" for a, _, _ in found), found
    named = "John Doe calls for an end to the Beta Program\n\nJohn Doe wrote to the Gamma Agency on Monday.\n"
    assert ("john-doe", "beta-program", "calls-to-end") in _given(named, vocab, None, ["john-doe"])
    asked = "Writers ask Delta County to suspend the Beta Program\n\nThey wrote to the county on Monday.\n"
    assert ("john-doe", "beta-program", "calls-for-moratorium") in _given(asked, vocab, None, ["john-doe"])
