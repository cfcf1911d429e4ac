"""Rules that carry over to text the extractor was not written from (issue 13, third pass): one
small fixture per failure class found on the second test half, a sentence and the candidate
expected from it. Every name here is invented."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from graph.ingest.mentions import Known, find_mentions, find_titles, new_entities

from tests.ingest.test_unseen import REGISTER, stances
from tests.ingest.test_unseen import extract as extract_all

LAW = Known("delta-law", "law", "Delta Act", ("Delta Act", "SB1070"))


def extract(text: str, vocab: Vocabulary, publisher: str | None = None) -> list:
    return extract_all(text, vocab, register=REGISTER + [LAW], publisher=publisher)[2]


def test_we_of_a_letter_written_on_behalf_of_a_body_is_that_body(vocab: Vocabulary) -> None:
    text = ("Dear President Obama:\n\nOn behalf of the Omega Coalition, we write to request that you freeze "
            "the Beta Program, effective immediately.\n")
    assert stances(extract(text, vocab)) == {("omega-coalition", "beta-program", "calls-for-moratorium"),
                                             ("omega-coalition", "beta-program", "criticizes")}  # graph/ingest/voices.py


def test_the_letter_a_release_introduces_is_its_senders(vocab: Vocabulary) -> None:
    text = ("Today, the Omega Coalition sent a letter to the Gamma Agency about the Beta Program.\n\n"
            "Dear Director:\n\nWe oppose the Beta Program because it undermines public safety.\n")
    assert ("omega-coalition", "beta-program", "opposes") in stances(extract(text, vocab))


def test_an_unsigned_release_speaks_with_its_publishers_voice(vocab: Vocabulary) -> None:
    text = "In 2011 the Beta Program was a critical tool for public safety.\n"
    assert stances(extract(text, vocab)) == set()  # nobody the text or the manifest names
    assert stances(extract(text, vocab, publisher="gamma-agency")) == {("gamma-agency", "beta-program", "supports")}


def test_a_body_asked_to_suspend_a_program_is_asked_for_a_moratorium(vocab: Vocabulary) -> None:
    text = "We ask that the Gamma Agency immediately suspend its Beta Program in the state.\n"
    found = stances(extract(text, vocab, publisher="omega-coalition"))
    assert ("omega-coalition", "beta-program", "calls-for-moratorium") in found
    assert not {s for s in found if s[2] == "suspends-participation"}


def test_the_addressee_after_a_long_organisation_name_is_not_the_actor(vocab: Vocabulary) -> None:
    text = ("Today, Omega Coalition sent a letter to Gamma Agency of the United States Director Jane Roe "
            "renewing its call to end the Beta Program.\n")
    found = stances(extract(text, vocab))
    assert ("omega-coalition", "beta-program", "calls-to-end") in found
    assert not {s for s in found if s[0] == "jane-roe"}


def test_a_bill_number_written_apart_is_the_same_bill() -> None:
    found = find_mentions("We applaud your statement opposing SB 1070; SB1070 is a law.", REGISTER + [LAW])
    assert [m.entity for m in found] == ["delta-law", "delta-law"]


def test_names_listed_with_their_titles_act_together(vocab: Vocabulary) -> None:
    text = ("Today, Congresswoman Jane Roe (CA-32), Chair of the Omega Coalition, and Congressman John Doe (CA-15), "
            "Taskforce Chair, sent a letter to the Gamma Agency urging it to end the Beta Program.\n")
    found = stances(extract(text, vocab))
    assert {("jane-roe", "beta-program", "calls-to-end"), ("john-doe", "beta-program", "calls-to-end")} <= found


def test_overlapping_cues_do_not_turn_each_other_round(vocab: Vocabulary) -> None:
    text = "\"I am deeply concerned about the goals of the Beta Program,\" said Congressman John Doe.\n"
    assert stances(extract(text, vocab)) == {("john-doe", "beta-program", "criticizes")}


def test_a_surname_only_entry_is_not_the_person_named_in_full() -> None:
    register = REGISTER + [Known("roe", "person", "Roe", ("Roe",))]
    assert [m.entity for m in find_mentions("Congressman Roe spoke.", register)] == ["roe"]
    assert find_mentions("Congressman José E. Roe spoke. Roe said more.", register) == []
    text = "Congressman José E. Roe wrote to the Gamma Agency."
    new = new_entities(text, register, find_mentions(text, register), find_titles(text, [], register))
    assert "José E. Roe" in {e.name for e in new}


def test_members_named_with_titles_and_descriptions_act(vocab: Vocabulary) -> None:
    text = "Governors, including Governor Jane Roe of Arlington County, have demanded removal from this flawed program.\n"
    found = stances(extract(text + "The Beta Program is new.\n", vocab))
    assert ("jane-roe", "beta-program", "seeks-opt-out") in found
    text = "Three counties, including my home county of Arlington County, recently withdrew from the Beta Program.\n"
    assert ("arlington-county", "beta-program", "seeks-opt-out") in stances(extract(text, vocab))


def test_a_list_of_programs_after_the_cue_is_each_a_target(vocab: Vocabulary) -> None:
    law = "the Delta Act"
    text = f"The Gamma Agency credits the success of programs such as the Beta Program and {law}.\n"
    assert {("gamma-agency", "beta-program", "supports"), ("gamma-agency", "delta-law", "supports")} <= stances(extract(text, vocab, publisher="gamma-agency"))


def test_a_report_finding_that_a_program_needs_improvement_is_its_publishers_criticism(vocab: Vocabulary) -> None:
    text = "The Gamma Agency has not consistently followed best practices in running the Beta Program.\n"
    assert stances(extract(text, vocab, publisher="omega-coalition")) == {("omega-coalition", "beta-program", "criticizes")}


def _figures(found: list) -> dict[str, tuple[str, str]]:
    return {c.values["value"]: (c.values["measure"], c.values.get("period_start") or (c.dated.value if c.dated else ""))
            for c in found if c.kind == "figures"}


def test_a_fiscal_year_introducing_a_list_dates_its_items(vocab: Vocabulary) -> None:
    text = ("Results\n\nIn FY 2010:\n\nThe Gamma Agency removed more than 392,000 individuals\n"
            "The Gamma Agency removed more than 195,000 convicted criminal aliens\n")
    assert _figures(extract(text, vocab)) == {"392000": ("removals", "2009-10-01"), "195000": ("criminal-removals", "2009-10-01")}


def test_a_count_of_places_activated_holds_at_the_end_of_the_year(vocab: Vocabulary) -> None:
    text = "In fiscal year 2010 the Beta Program was activated in 32 states.\n"
    assert _figures(extract(text, vocab)) == {"32": ("states-territories-activated", "2010-09-30")}


def test_a_count_of_places_takes_the_program_of_its_paragraph(vocab: Vocabulary) -> None:
    text = ("Expansion of the Beta Program has helped the Gamma Agency. In fact, 666 jurisdictions now have "
            "this capability. The Beta Program is new.\n")
    assert _figures(extract(text, vocab))["666"][0] == "jurisdictions-activated"


def _new(text: str) -> dict[str, str]:
    found = find_mentions(text, REGISTER)
    return {e.name: e.type for e in new_entities(text, REGISTER, found, find_titles(text, found, REGISTER))}


def test_labels_and_runs_of_capitals_are_not_acronyms() -> None:
    assert _new("FACT SHEET: Gamma Agency results\n\nCLAIM:\n\nThe OMEGA group met.\n") == {"OMEGA": "group"}
    assert "NYDIA" not in _new("CHAIRWOMAN NYDIA M, ROE\n")


def test_a_system_is_typed_by_its_head_word() -> None:
    assert _new("It uses the Integrated Fingerprint Identification System (IFIS).\n")["Integrated Fingerprint Identification System"] == "system"


def test_salutations_party_tags_and_post_titles_are_not_names() -> None:
    new = _new("Senator Jane Roe (R-Texas), Ranking Member of the Committee on Delta Affairs, wrote.\n\nDear Director Morton:\n")
    assert "Texas" not in new and "Dear Director Morton" not in new
    assert new.get("Committee on Delta Affairs") == "government"


def test_who_calls_on_others_to_act_takes_the_call_and_its_judgments(vocab: Vocabulary) -> None:
    text = ("Today, Rep. John Doe (D-IL) calls on the Omega Coalition to stop blocking reform and the Gamma Agency "
            "to suspend the deeply flawed Beta Program.\n")
    found = stances(extract(text, vocab))
    assert {("john-doe", "beta-program", "calls-for-moratorium"), ("john-doe", "beta-program", "criticizes")} <= found
    assert not {s for s in found if s[0] == "gamma-agency"}


def test_the_bare_surname_is_the_person_the_document_names_in_full(vocab: Vocabulary) -> None:
    register = REGISTER + [Known("roe", "person", "Roe", ("Roe",)), Known("jose-e-roe", "person", "José E. Roe", ("José E. Roe",))]
    found = find_mentions("Congressman José E. Roe wrote. Roe has called for an end to it.", register)
    assert [m.entity for m in found] == ["jose-e-roe", "jose-e-roe"]


def test_an_organisation_name_starting_with_national_keeps_it() -> None:
    assert "National Black Police Association" in _new("The director of the National Black Police Association wrote.\n")


def test_organisations_listed_with_acronyms_act_together(vocab: Vocabulary) -> None:
    text = ("The Omega Coalition (OC), Gamma Agency (GA) and the Delta Clinic have publicly made several "
            "false claims about the Beta Program.\n")
    found = stances(extract(text, vocab))
    assert {("omega-coalition", "beta-program", "criticizes"), ("gamma-agency", "beta-program", "criticizes")} <= found


def test_a_cue_in_a_relative_clause_is_not_the_subjects(vocab: Vocabulary) -> None:
    text = ("Today, the Omega Coalition objected to changes in the Beta Program that now make it mandatory "
            "for all states.\n")
    assert not {s for s in stances(extract(text, vocab)) if s[2] == "expands"}
    text = "The Omega Coalition wrote to President Obama asking that he end the Beta Program.\n"
    assert ("omega-coalition", "beta-program", "calls-to-end") in stances(extract(text, vocab))


def test_a_program_that_has_helped_is_praised_by_the_publisher(vocab: Vocabulary) -> None:
    text = "The growth of the Beta Program—which has helped the Gamma Agency remove criminals—continues.\n"
    assert stances(extract(text, vocab, publisher="gamma-agency")) == {("gamma-agency", "beta-program", "supports")}


def test_a_tool_judgment_is_about_what_its_clause_names(vocab: Vocabulary) -> None:
    text = "\"For communities of color, trust is a critical tool for safety,\" wrote Jane Roe about the Beta Program.\n"
    assert not {s for s in stances(extract(text, vocab)) if s[2] == "supports"}


def test_a_call_to_stop_blocking_is_support(vocab: Vocabulary) -> None:
    text = "Today, Rep. John Doe calls on the Omega Coalition to stop blocking the Beta Program.\n"
    found = stances(extract(text, vocab))
    assert ("john-doe", "beta-program", "supports") in found
    assert not {s for s in found if s[2] in ("calls-to-halt", "opposes")}
