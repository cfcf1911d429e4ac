"""New-entity candidates (graph/ingest/mentions.py): one sentence and its expected proposals for
each general shape rule of issue 13's fourth pass."""

from __future__ import annotations

from graph.ingest.mentions import Known, find_mentions, find_titles, in_office, new_entities, places_inside
from tests.ingest.test_unseen import REGISTER


def proposed(text: str, register: list[Known] = REGISTER) -> list[tuple[str, str, list[str]]]:
    found = find_mentions(text, register)
    titles = find_titles(text, found, register)
    return [(e.name, e.type, e.aliases) for e in new_entities(text, register, found, titles)]


def test_an_acronym_names_the_end_of_a_longer_run_of_capitals() -> None:
    text = ("It is shared with the Criminal JusticeInformation Services Division Integrated Automated "
            "Fingerprint Identification System (IAFIS) of the bureau.")
    assert proposed(text) == [("Criminal JusticeInformation Services Division", "office", []),  # a division: an office
                              ("Integrated Automated Fingerprint Identification System", "system", ["IAFIS"])]


def test_an_acronym_after_a_post_names_the_unit_not_the_post() -> None:
    text = "Today, Congresswoman Judy Chu, Chair of the Congressional Asian Pacific American Caucus (CAPAC), wrote."
    assert ("Congressional Asian Pacific American Caucus", "group", ["CAPAC"]) in proposed(text)
    assert not any(name.startswith("Chair") for name, _, _ in proposed(text))


def test_a_hyphenated_surname_after_a_title_is_whole_and_a_district_tag_is_no_acronym() -> None:
    text = "Today, Congresswoman Lucille Roybal-Allard (CA-40) sent a letter; Rep. Jane Doe (D-NJ) signed it."
    assert proposed(text) == [("Lucille Roybal-Allard", "person", []), ("Jane Doe", "person", [])]


def test_section_numbers_streets_and_bare_titles_are_not_names() -> None:
    assert proposed("III. Minor Traffic Offenses and Misdemeanors\nTitle VII applies to it.") == []
    assert proposed("The President\n1600 Pennsylvania Avenue, NW") == []
    assert [n for n, _, _ in proposed("Roberto Villaseñor, Chief of Police, Tucson, Arizona")] == ["Roberto Villaseñor", "Tucson", "Arizona"]


def test_a_body_named_after_a_known_name_keeps_it() -> None:
    assert proposed("The Task Force on Beta Program met today.") == [("Task Force on Beta Program", "government", [])]


def test_a_headline_with_a_quotation_is_a_headline() -> None:
    text = 'Recent Agency Changes Erode "Any Semblance of Legitimacy the Program Ever Had," Congressman Writes\nIt was sent.'
    assert proposed(text) == []


def test_a_post_or_a_kind_of_office_is_not_a_name() -> None:
    # the signer is a person (issue 13, fifth pass: "Member" ends a title), the post no name
    assert proposed("Sincerely,\nJane Roe\nMember of Congress") == [("Jane Roe", "person", [])]
    assert proposed("Members of Congress wrote to the agency.") == []
    found = proposed("The Sheriff's Office in Alpha County joined. The Alpha County Sheriff's Office joined.")
    assert [n for n, _, _ in found] == ["Alpha County", "Alpha County Sheriff's Office"]


# ------------------------------------------------ issue 13, session 6: speakers, surnames, records


def test_a_surname_after_a_title_is_a_person_by_the_surname() -> None:
    text = "Chairman Harlan, Ranking Member Grebe, and distinguished Members of the Subcommittee: thank you."
    assert proposed(text) == [("Harlan", "person", ["Chairman Harlan"]), ("Grebe", "person", ["Ranking Member Grebe"])]


def test_a_surname_after_a_title_joins_the_fuller_name_and_is_no_verb_of_a_headline() -> None:
    text = "Jane Dorsey Testifies, Congressman Writes\nDirector Jane Dorsey spoke. Later Director Dorsey left."
    assert proposed(text) == [("Jane Dorsey", "person", ["Director Dorsey"])]


def test_a_floor_speaker_is_a_person_and_the_presiding_officer_no_acronym() -> None:
    text = ("CONGRESSIONAL RECORD — HOUSE H3521\nThe SPEAKER pro tempore. Pursuant to rule XVIII, the House resolves.\n"
            "The Acting CHAIR. The Clerk will read.\nSEC. 563. None of the funds may be used.\n"
            "Mr. HARLAN. Madam Chair, I rise in support.\nMs. McGREBE of Ohio. I yield back.")
    # "the House resolves": the chamber named by its common name (session 16, 16m); "HOUSE" in the running head is style
    assert proposed(text) == [("House", "government", []), ("Harlan", "person", ["Mr. HARLAN", "Mr. Harlan"]),
                              ("McGrebe", "person", ["Ms. McGREBE", "Ms. McGrebe"])]  # "of Ohio": a member's state tag, no entity (README)


def test_a_kind_of_body_owning_an_office_is_not_part_of_its_name() -> None:
    assert proposed("The Department's Office of Special Counsel found it.") == [("Office of Special Counsel", "office", [])]


def test_an_acronym_keeps_a_leading_word_it_needs_and_an_undefined_one_joins_its_name() -> None:
    assert proposed("The National Fugitive Operations Program (NFOP) pursues them.") == [
        ("National Fugitive Operations Program", "program", ["NFOP"])]
    assert proposed("The Congressional Research Service wrote it. CRS is part of the library.") == [
        ("Congressional Research Service", "agency", ["CRS"])]


def test_a_name_with_accents_on_a_roster_line_is_a_person() -> None:
    assert ("Roberto Villaseñor", "person", []) in proposed("Roberto Villaseñor, Chief of Police, Tucson, Arizona")


def test_a_byline_names_its_author_or_speaker_and_the_title_under_it() -> None:
    text = ("Posted by Cecilia Muñoz on August 16, 2011 at 05:30 PM EDT\nStatement of Jane Q. Dorsey\n"
            "Executive Director, Beta Program\n")
    assert [n for n, t, _ in proposed(text) if t == "person"] == ["Cecilia Muñoz", "Jane Q. Dorsey"]
    found = find_mentions(text, REGISTER)
    assert [(t.title, t.name) for t in find_titles(text, found, REGISTER)] == [("Executive Director", "Jane Q. Dorsey")]


def test_a_web_pages_byline_and_a_news_photos_credit_name_their_persons_and_agency() -> None:
    assert ("Jane Q. Dorsey", "person", []) in proposed("author Published by Jane Q. Dorsey\n\nThe Beta Program grew.\n")
    got = proposed("Gamma Agency officials met.\n\nMarta Ruiz/Omega Images\n\nThe Beta Program grew.\n")
    assert ("Marta Ruiz", "person", []) in got and ("Omega Images", "company", []) in got


def test_a_speaker_before_a_name_is_a_title_not_part_of_it() -> None:
    text = "City Hall – Council Speaker Jane Q. Dorsey, together with Council Member Omar Ruiz, called on the Gamma Agency."
    assert ("Jane Q. Dorsey", "person", []) in proposed(text)
    found = find_mentions(text, REGISTER)
    assert ("Speaker", "Jane Q. Dorsey") in [(t.title, t.name) for t in find_titles(text, found, REGISTER)]


def test_a_memorandums_header_and_a_reports_authors_name_persons_with_their_titles() -> None:
    text = ("MEMORANDUM FOR: Thomas S. Winkler\nActing Director\nGamma Agency\n"
            "Marc R. Rosenblum\nSpecialist in Immigration Policy\n")
    found = find_mentions(text, REGISTER)
    assert [(t.title, t.name) for t in find_titles(text, found, REGISTER)] == [
        ("Acting Director", "Thomas S. Winkler"), ("Specialist in Immigration Policy", "Marc R. Rosenblum")]


def test_a_law_named_after_a_known_body_keeps_its_name_and_year_and_members_of_a_body_are_not_it() -> None:
    text = "The Gamma Agency Appropriations Act, 2013 passed. Democratic and Republican Members of the Delta Committee agreed."
    assert proposed(text) == [("Gamma Agency Appropriations Act, 2013", "law", ["Gamma Agency Appropriations Act"]),
                              ("Delta Committee", "group", [])]


def test_an_acronym_defined_inside_a_name_and_a_known_name_inside_a_longer_one() -> None:
    text = ("The Criminal Justice Information Services (CJIS) Division of the Gamma Agency helps. "
            "The Beta Program Support Center (BPSC) answers.")
    assert proposed(text) == [("Criminal Justice Information Services Division", "office", ["CJIS", "CJIS Division"]),
                              ("Beta Program Support Center", "group", ["BPSC"])]


def test_a_committee_on_a_subject_is_a_committee_and_a_quoted_title_no_name() -> None:
    text = 'Statement Regarding a Hearing on "Priorities Enforcing Immigration Law" before the House of Representatives Committee on Appropriations.'
    assert proposed(text) == [("House of Representatives Committee on Appropriations", "government", [])]  # a standing committee (session 8)


def test_a_name_ends_with_its_line() -> None:
    text = "It was heard before the Subcommittee on Delta Policy\nIntroduction\nThank you."
    assert proposed(text) == [("Subcommittee on Delta Policy", "government", [])]


# Session 7 (13ae): names of the kinds rounds 5 and 6 proposed wrong or cut.

def test_a_field_label_before_a_date_or_number_is_no_name() -> None:
    text = "Statement by the Agency\n\nRelease Date: April 15, 2009\nOMB Number: 1653-0040\n\nThe agency spoke today."
    assert proposed(text) == []


def test_a_name_does_not_run_over_a_weekday() -> None:
    text = "DALLAS - Dallas County Sheriff's Office on Wednesday became a partner of the agency."
    assert ("Dallas County Sheriff's Office", "county", []) in proposed(text) or \
        any(name == "Dallas County Sheriff's Office" for name, _, _ in proposed(text))
    assert not any("Wednesday" in name for name, _, _ in proposed(text))


def test_a_known_body_named_with_its_head_last_is_a_mention() -> None:
    register = REGISTER + [Known("doj", "agency", "Department of Justice", ("Department of Justice",))]
    text = "In collaboration with the Justice Department, the agency built the link."
    assert [(m.entity, m.text) for m in find_mentions(text, register)] == [("doj", "Justice Department")]
    assert proposed(text, register) == []


def test_a_modifier_before_a_body_kind_word_stays_in_the_name() -> None:
    text = "He was ordered deported by a judge with the Executive Office for Immigration Review in 2010."
    assert [name for name, _, _ in proposed(text)] == ["Executive Office for Immigration Review"]


def test_a_title_in_a_headline_before_words_of_no_name_names_no_one() -> None:
    text = "Smith: President Ends Criminal Deportation Program\n\nThe chairman spoke today about the change."
    assert not any(name.startswith("Ends") for name, _, _ in proposed(text))


def test_a_suffix_and_a_nickname_belong_to_one_person() -> None:
    text = ('Members wrote to California Governor Edmund "Jerry" Brown today.\n\n'
            "Governor Edmund G. Brown, Jr.\nState Capitol\n")
    people = [(name, sorted(aliases)) for name, type_, aliases in proposed(text) if type_ == "person"]
    assert people == [("Edmund G. Brown, Jr.", ['Edmund "Jerry" Brown', "Edmund G. Brown"])]


def test_a_law_cut_at_a_small_word_is_the_longer_one() -> None:
    text = ("They wrote in support of the Transparency and Responsibility in Using State Tools Act. "
            "We support the Transparency and Responsibility Using State Tools (TRUST) Act.")
    laws = [(name, aliases) for name, type_, aliases in proposed(text) if type_ == "law"]
    assert laws == [("Transparency and Responsibility Using State Tools Act", ["TRUST", "TRUST Act", "Using State Tools Act"])]


def test_a_new_id_keeps_an_accented_letter_as_its_plain_letter() -> None:
    text = "Today, Congressman Raúl Grijalva wrote to the Gamma Agency."
    found = find_mentions(text, REGISTER)
    new = new_entities(text, REGISTER, found, find_titles(text, found, REGISTER))
    assert [(e.id, e.name) for e in new if e.type == "person"] == [("raul-grijalva", "Raúl Grijalva")]


def test_a_bodys_name_before_a_page_number_is_a_name() -> None:
    text = "The slides were shown to the National Association of Mayors 30 days before the vote."
    assert ("National Association of Mayors", "group", []) in proposed(text)


def test_an_acronym_of_common_words_is_no_name() -> None:
    text = "The program is run by a program management office (PMO). The PMO reports to the director."
    assert proposed(text) == []


def test_two_people_joined_by_and_are_two() -> None:
    text = "The members wrote about the deaths of Jane Doerr and Maria Lopez, who were killed last year."
    assert [(name, type_) for name, type_, _ in proposed(text)] == [("Jane Doerr", "person"), ("Maria Lopez", "person")]


def test_a_program_named_in_quotation_marks_is_a_name() -> None:
    text = "The department's new “Priority Enforcement Program” replaced the old one."
    assert ("Priority Enforcement Program", "program", []) in proposed(text)


def test_an_author_line_with_a_title_and_a_date_names_the_author() -> None:
    text = "Immigration Detainers\n\nKate R. Marlow Legislative Attorney August 31, 2012\n\nSummary. Detainers are requests."
    assert ("Kate R. Marlow", "person", []) in proposed(text)


def test_one_place_and_a_county_in_the_singular_is_one_county() -> None:
    text = "The act established a pilot program in Fairhaven and Ventura County, California, that year."
    names = [(name, type_) for name, type_, _ in proposed(text)]
    assert ("Ventura County", "county") in names and not any(" and " in name for name, _ in names)


def test_a_committees_fields_after_on_are_its_name() -> None:
    text = "She is Chairman of the Subcommittee on Border, Maritime and Global Counterterrorism."
    assert ("Subcommittee on Border, Maritime and Global Counterterrorism", "government", []) in proposed(text)


def test_a_kind_of_law_or_program_is_read_from_the_last_word_only() -> None:
    text = "The chart counts Repeat Immigration Law Violators and Beta Fugitive Program Managers separately."
    assert not any(type_ in ("law", "program") for _, type_, _ in proposed(text))
    assert ("Operation Stonefield", "program", []) in proposed("Funds also went to Operation Stonefield in the border counties.")


def test_a_possessive_after_a_titled_name_is_not_part_of_it() -> None:
    text = "They may face opposition, as did San Francisco Sheriff Mike Hennessey’s effort to leave the Beta Program."
    assert [(name, type_) for name, type_, _ in proposed(text) if type_ == "person"] == [("Mike Hennessey", "person")]


def test_titles_stacked_and_plural_titles_of_two_words_name_the_persons_after_them() -> None:
    # session 8 (13aq): the title nearest the name is read with it; the body before the first title stays a name
    text = "Committee on Transit Chair Council Member Jane Roe, Council Members Ann Poe, Bob Loe and Cy Moe, gathered today."
    got = proposed(text)
    assert ("Jane Roe", "person", []) in got and ("Committee on Transit", "government", []) in got
    assert {"Ann Poe", "Bob Loe", "Cy Moe"} <= {name for name, _, _ in got}
    assert not any(name.startswith("Council Member") for name, _, _ in got)


def test_a_body_owned_by_another_is_two_names_and_a_places_governing_body_keeps_the_place() -> None:
    text = "The report issued by the Delta Security Advisory Council’s Task Force on Beta Program in May was read."
    names = {name: type_ for name, type_, _ in proposed(text)}
    assert names == {"Delta Security Advisory Council": "government", "Task Force on Beta Program": "government"}
    text = "The Santa Clara County Board of Supervisors voted to opt out; the Kent County Board of Commissioners followed."
    names = {name: type_ for name, type_, _ in proposed(text)}
    # the county a body is named after is proposed too where the register does not know it (Kent County),
    # the jurisdiction the body's acts speak for; a known one (Santa Clara County) is a mention
    assert names == {"Santa Clara County Board of Supervisors": "government", "Kent County Board of Commissioners": "government",
                     "Kent County": "county"}
    found = find_mentions(text, REGISTER)
    new = new_entities(text, REGISTER, found, find_titles(text, found, REGISTER))
    known = REGISTER + [Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
    again = find_mentions(text, known)
    inside = places_inside(found, again, known, {e.id for e in new})
    assert [m.entity for m in inside] == ["santa-clara-county"]  # the county is named in its board's name


def test_news_page_furniture_around_names_is_no_part_of_them() -> None:
    # session 8 (13aq): a contact block's field label, an acronym in quotation marks, a common noun's short form
    # after "or", a word of a name printed in capitals, an organization after a post, an address's "Honorable",
    # a byline run into the publisher's name, a county's office and a state's office named after the state
    register = REGISTER + [Known("ohio", "state", "Ohio", ("Ohio",))]
    assert [n for n, _, _ in proposed("For Immediate Release\nContact: Jane Roe Phone: 555-0100 Email: jroe@example.org\n")] == ["Jane Roe"]
    assert proposed('Under the Freedom of Information Act ("FOIA"), they sued.') == [("Freedom of Information Act", "law", ["FOIA"])]
    assert proposed("It cancelled every memoranda of understanding, or MOU, with the states.") == []
    assert proposed("The governor vetoed the TRUST Act on Sunday.") == [("TRUST Act", "bill", [])]  # vetoed: a bill (session 9)
    assert ("Centro Amigo", "group", []) in proposed("said Ann Poe, the executive director of Centro Amigo, a rights group.")
    got = proposed("Memo\n\nCounty Counsel\n\nHonorable Board of Supervisors\n\nByDelta News\nThe report follows.")
    assert ("County Counsel", "office", []) in got and ("Board of Supervisors", "government", []) in got
    assert ("Delta News", "media", []) in got
    assert proposed("A letter from the Ohio Attorney General arrived.", register) == [("Ohio Attorney General", "office", [])]


def test_the_administration_and_the_president_are_those_in_office_on_the_documents_date() -> None:
    # session 8 (13aq): cues.yaml `administrations` gives the terms; "the president" in lower case is left to the title rules
    text = "It is part of the administration's goal. The President will honor the request; the president of the union will not."
    found = find_mentions(text, REGISTER)
    got = [(m.entity, m.text) for m in in_office(text, found, REGISTER, "2011-06-01")]
    assert got == [("obama-administration", "administration"), ("barack-obama", "President")]
    assert in_office(text, found, REGISTER, "2005-06-01") == []  # another term: the register knows no such administration


def test_counties_listed_in_parentheses_after_counties_are_counties() -> None:
    # session 8 (13aq): "Seventeen Ohio counties (including Adams, Brown, and Clark among others)"
    text = ("Seventeen Ohio counties (including Adams, Brown, and Clark among others) joined. In June, eight more "
            "counties (Dunn, Erie, Fayette and Greene) will join.")
    got = {name: type_ for name, type_, _ in proposed(text)}
    assert {n for n, t in got.items() if t == "county"} == {"Adams", "Brown", "Clark", "Dunn", "Erie", "Fayette", "Greene"}


def test_a_line_that_is_a_body_named_for_its_program_and_an_owners_line() -> None:
    # session 8 (13aq): a title page's lines "X Advisory Council’s" / "Task Force on <program>": two bodies
    text = "Remarks\n\nDelta Security Advisory Council’s\nTask Force on Beta Program\n\nBy Jane Roe on August 9, 2011\n"
    got = {name: type_ for name, type_, _ in proposed(text)}
    assert got.get("Delta Security Advisory Council") == "government" and got.get("Task Force on Beta Program") == "government"


def test_the_city_a_citys_post_is_of_is_a_city() -> None:
    # session 8 (13aq): "retired police chief of Sacramento", "the mayor of San Jose"
    got = proposed("Art Vega, retired police chief of Fresno and director of a project, said so; the mayor of San Jose agreed.")
    assert ("Fresno", "city", []) in got and ("San Jose", "city", []) in got


def test_a_known_name_run_into_the_word_before_it_is_still_mentioned() -> None:
    # session 8 (13aq): a page's text layer dropped the space: "who blockedSanta Clara County's effort"
    found = find_mentions("Jane Roe, who blockedSanta Clara County’s effort, spoke; the reblocked county did not.", REGISTER)
    assert [m.entity for m in found] == ["santa-clara-county"]


def test_a_state_that_begins_a_longer_name_is_part_of_it() -> None:
    # Session 9 (14f): a state's name read as a place cut "California Immigrant Policy Center" to its
    # tail and made the person before ", California" a city; a title or the sentence after it does not.
    register = REGISTER + [Known("california", "state", "California", ("California",))]
    found = proposed("Speakers: Jane Roe, California Immigrant Youth Justice Alliance, and the "
                     "California Immigrant Policy Center. The Virginia Law enforcement community met at 10 Maine Avenue.", register)
    assert ("Jane Roe", "person", []) in found
    assert ("California Immigrant Youth Justice Alliance", "group", []) in found
    assert ("California Immigrant Policy Center", "group", []) in found
    assert not any(name in ("Virginia Law", "Maine Avenue") for name, _, _ in found)


def test_a_body_of_a_generic_name_after_a_place_is_that_places_body() -> None:
    # Session 9 (14f): "State Police" alone is no name; after a known place it names the place's body.
    register = REGISTER + [Known("illinois", "state", "Illinois", ("Illinois",))]
    found = proposed("Quinn and Illinois State Police Director Hiram Grau wrote in a letter.", register)
    assert ("Illinois State Police", "agency", []) in found
    assert ("Hiram Grau", "person", []) in found


def test_a_long_headline_with_commas_and_time_words_before_a_place_are_no_names() -> None:
    # Session 9 (14f): a release's second headline with two commas gave "Groups Say", "Spin Misleading";
    # "Yesterday, Massachusetts Governor" a city "Yesterday"; "Like Governors Quinn" a person.
    text = ("For Immediate Release\n\nRights Groups Respond to the Announcement\n\n"
            "On One Year Anniversary of the Announcement of Reform, Groups Say DHS, ICE Spin Misleading\n\n"
            "Yesterday, Massachusetts Governor Jane Roe announced it. Like Governors Quinn and Cuomo, she declined.\n")
    # (unknown to this register; since session 11 each surname after the plural title is the person it names)
    assert [n for n, _, _ in proposed(text) if n not in ("DHS", "ICE")] == ["Massachusetts", "Jane Roe", "Quinn", "Cuomo"]
    # a line of names with a colon stays a line of names
    assert [n for n, _, _ in proposed("Chairman Miller, Ranking Member Cuellar, and distinguished members of the Subcommittee:\n")] == ["Miller", "Cuellar"]


def test_an_acronym_defined_after_a_name_broken_across_a_line() -> None:
    # Session 9 (14f): a release wrapped at a fixed width breaks the name an acronym abbreviates.
    text = "The documents were obtained through a Freedom of\nInformation Act (FOIA) lawsuit filed by the groups.\n"
    assert proposed(text) == [("Freedom of Information Act", "law", ["FOIA"])]


def test_a_datelines_news_service_a_byline_a_suffix_and_an_abbreviated_month() -> None:
    # Session 9 (14f): "OAKLAND (CBS SF) —" was a group "OAKLAND"; "By Jane Roe, ..." a person "By Jane Roe";
    # "Ruben Navarrette Jr." lost its stop; "Committee on Sept. 9" took the month into the name.
    got = proposed("OAKLAND (CBS SF) — The board voted.\n")
    assert ("Oakland", "city", []) in got and ("CBS SF", "media", []) in got
    assert [n for n, _, _ in proposed("Secure Communities by the Numbers\nBy Jane Roe, john doe and mary poe*\nIt grew.\n")] == ["Jane Roe"]
    from graph.ingest.mentions import _pieces
    assert _pieces("Ruben Navarrette Jr.", 0, []) == [("Ruben Navarrette Jr.", 0)] and _pieces("Jane Roe.", 0, []) == [("Jane Roe", 0)]
    # (typed a government body since session 11: a standing committee named for its matter)
    assert ("Public Safety and Justice Committee", "government", []) in proposed("The Public Safety and Justice Committee on Sept. 9 voted.")


def test_a_dateline_with_the_day_filed_names_its_city() -> None:
    # the lead's user check of session 9: "OAKLAND, May 4, 2011 - The board voted" proposed a group "OAKLAND"
    got = proposed("OAKLAND, May 4, 2011 - The board voted to leave.\n")
    assert ("Oakland", "city", []) in got and not any(n == "OAKLAND" for n, _, _ in got)
    assert ("Sacramento", "city", []) in proposed("SACRAMENTO, Calif., Sept. 8 (AP) \u2014 The board voted.\n")


def test_an_act_in_a_text_about_bills_is_a_bill_and_a_news_service_is_media() -> None:
    # Session 9 (14f): cues.yaml `bill_words`; an enacted Act's text uses none of them.
    assert proposed("Governor Jane Roe signed the TRUST Act (AB 4) on Saturday.")[-1] == ("TRUST Act", "bill", [])
    assert proposed("Under the Freedom of Information Act (FOIA), they sued.") == [("Freedom of Information Act", "law", ["FOIA"])]
    assert ("State House News Service", "media", []) in proposed("The State House News Service reported it.")


def test_a_board_of_supervisors_named_county_first_is_a_government() -> None:
    # Session 9 (14f): "County of X Board of Supervisors" was typed a county (its first word).
    from graph.ingest.mentions import _guess_type
    assert _guess_type("County of Santa Clara Board of Supervisors") == "government"
    assert _guess_type("Santa Clara County") == "county"


def test_a_known_name_in_the_singular_or_the_plural_is_mentioned() -> None:
    # Session 9 (14f): "Memorandum of Agreements" became a new agreement beside the register's "Memoranda of Agreement".
    known = [Known("moas", "agreement", "Memoranda of agreement with states", ("Memoranda of Agreement",))]
    for text in ("Neither State has signed the Memorandum of Agreements with ICE.", "to terminate the memorandum of agreement with ICE."):
        assert [(m.entity, m.how) for m in find_mentions(text, known)] == [("moas", "variant")]
    person = [Known("jane-roe", "person", "Jane Roes Smith", ("Jane Roes Smith",))]
    assert find_mentions("Jane Roe Smith spoke.", person) == []  # a person's name is never read in the plural


def test_a_department_named_by_its_field_alone() -> None:
    # Session 9 (14f): news writes "Homeland Security" for the Department; not inside a longer name or a committee's field.
    known = [Known("dhs", "agency", "Department of Homeland Security", ("Department of Homeland Security", "DHS"))]
    assert [m.entity for m in find_mentions("deported since Homeland Security began sifting through fingerprints", known)] == ["dhs"]
    assert find_mentions("the Committee on Homeland Security met; the Homeland Security Advisory Council said", known) == []


def test_a_byline_of_two_writers_names_both() -> None:
    # Session 10 (15f): "By Maria Sacchetti and Noah Bierman" named neither (the byline wanted one name).
    assert [n for n, t, _ in proposed("Program grows\n\nBy Jane Roe and John Doe\n\nThe program grew.") if t == "person"] == ["Jane Roe", "John Doe"]


def test_words_before_a_name_that_start_a_sentence_or_name_a_post() -> None:
    # Session 10 (15f): "Late Wednesday, Gov. X" made a person "Late Wednesday"; "As X Network has reported" a group
    # "As X Network"; "Retired Y Police Chief", "County Manager Z", "Councilor Z" kept the word in the name.
    assert [n for n, _, _ in proposed("Late Wednesday, Gov. Jane Roe said she was pulling out.")] == ["Jane Roe"]
    assert [n for n, _, _ in proposed("As Beta States Network has reported, it grew.")] == ["Beta States Network"]
    assert [n for n, _, _ in proposed("At the board's behest, Gamma County Manager Jane Roe sent a letter.")][-1] == "Jane Roe"
    assert [n for n, _, _ in proposed("Present were committee chair Councilor Jane Roe and others.")] == ["Jane Roe"]


def test_capitalised_page_words_are_no_acronyms_and_kinds_of_bodies_by_their_last_words() -> None:
    # Session 10 (15f): "WHEREAS," of a resolution and a month in capitals were groups; a call sign, a paper
    # "Times-News", "X Press", "X Center for Investigative Reporting" were not media; a chamber's committee
    # was a group; a detention center a group.
    from graph.ingest.mentions import _guess_type
    assert proposed("WHEREAS, the program grew; and\n\nWHEREAS, the county objects.\n\nUPDATED JULY 5") == []
    assert ("KBCD", "media", []) in proposed("Earlier this month, KBCD reported on the program.")
    assert _guess_type("Times-News") == "media" and _guess_type("Associated Press") == "media"
    assert _guess_type("Office of the Press Secretary") == "office" and _guess_type("Press Release") is None
    assert _guess_type("Florida Center for Investigative Reporting") == "media"
    assert _guess_type("Senate Public Safety Committee") == "government" and _guess_type("Democratic Committee") == "group"
    assert _guess_type("Baltimore City Detention Center") == "office"


def test_an_institute_is_a_group_and_a_school_of_law_an_institution() -> None:
    # Session 10 (15f): think tanks ("Migration Policy Institute") were institutions, "X School of Law" a law.
    from graph.ingest.mentions import _guess_type
    assert _guess_type("Migration Policy Institute") == "group" and _guess_type("International Institute of the Bay Area") == "group"
    assert _guess_type("University of Texas School of Law") == "institution" and _guess_type("Rockville High School") == "institution"


def test_a_title_modifier_after_a_body_belongs_to_the_title() -> None:
    # Session 10 (15f): "Houston Police Department Assistant Chief X" proposed "Houston Police Department Assistant".
    names = [n for n, _, _ in proposed('"It works," said Beta Police Department Assistant Chief Jane Roe.')]
    assert "Beta Police Department" in names and "Jane Roe" in names


def test_a_memo_subject_a_desk_and_an_editorial_tag_are_not_part_of_names() -> None:
    # Session 10 (15f): "Director John Morton Re: X" made "John Morton Re"; "Globe Staff / June 7" a medium;
    # "Daily News Editorial:" a medium of that name.
    assert [n for n, _, _ in proposed("Letter to Director Jane Roe Re: the Program")] == ["Jane Roe"]
    assert [n for n, _, _ in proposed("By Jane Roe\nGlobe Staff / June 7, 2011\n\nIt grew.")] == ["Jane Roe"]


def test_a_surname_with_a_capital_inside_is_whole_and_city_hall_is_no_place() -> None:
    # Session 10 (the lead's user check): "Mayor John DeStefano" was proposed as a person "John", and
    # "a news conference at City Hall" as a city named "City Hall".
    assert proposed("At a news conference today at City Hall, Mayor Jane DeVane spoke.") == [("Jane DeVane", "person", [])]
    assert [n for n, _, _ in proposed("Gov. Joe McAdams and Rep. Ann LaRue agreed.")] == ["Joe McAdams", "Ann LaRue"]


def test_a_city_before_its_mayors_title_and_name_is_a_city() -> None:
    # Session 10 (the lead's user check): "New Haven Mayor John DeStefano" proposed the mayor, never New Haven;
    # a word that makes another title ("Deputy Mayor") or begins a sentence ("Former Mayor") names no city.
    names = proposed("New Haven Mayor Jane DeVane spoke. Deputy Mayor Ann Poe and Former Mayor Joe Doe agreed.")
    assert ("New Haven", "city", []) in names
    assert not [n for n, kind, _ in names if kind == "city" and n != "New Haven"]


def test_surnames_listed_after_a_plural_title_are_persons_with_the_places_they_serve() -> None:
    # Session 11 (16g): "co-sponsored by Supervisors Chiu, Avalos and Kim", "Sheriffs Roe of Alpha County and
    # Doe of Beta County" named no one (a list after a plural title held full names only; "X of Y County" became a county).
    names = proposed("The measure was co-sponsored by Supervisors Quill, Avalon and Mar, and it passed.")
    assert [(n, kind) for n, kind, _ in names] == [("Quill", "person"), ("Avalon", "person"), ("Mar", "person")]
    names = proposed("Sheriffs Plover of Alpha County and Thrush of Beta County met with officials.")
    assert ("Plover", "person", ["Sheriff Plover"]) in names and ("Alpha County", "county", []) in names
    assert not [n for n, _, _ in names if " of " in n]
    # in a line of capitalised words a surname's next word may be the headline's: "Chu Call" is no name
    names = proposed("Congressmembers Plover, Thrush and Wren Call for Suspension of Misguided Program\n\nIt was said.")
    assert "Wren" in [n for n, _, _ in names] and "Wren Call" not in [n for n, _, _ in names]


def test_a_sponsor_listed_by_a_persons_name_is_a_person_and_a_surname_after_joins_it() -> None:
    # Session 11 (16g): "Sponsors: Ydanis A. Rodriguez, Daniel Dromm, ..." were proposed as groups; "Council
    # Members Rodriguez, Ferreras, ..." after them is each the fuller name, a hyphenated one too.
    names = proposed("Sponsors: Jane A. Plover, Mary Thrush-Wren, John Lark\n\nBy Council Members Plover, Thrush and Lark\n")
    assert ("Mary Thrush-Wren", "person", ["Council Member Thrush"]) in names
    assert [k for n, k, _ in names if n == "Jane A. Plover"] == ["person"] and "Thrush" not in [n for n, _, _ in names]
    from graph.ingest.mentions import _guess_type
    assert _guess_type("Richmond Times-Dispatch") == "media"


def test_a_persons_name_before_a_body_named_after_them_and_a_county_jail() -> None:
    # Session 11 (16g): "the Kathryn O. Greenberg Immigration Justice Clinic" (a known clinic) proposed the person
    # "Kathryn O. Greenberg", an actor of the clinic's acts; "Harris County Jail" was proposed as a county.
    register = REGISTER + [Known("justice-clinic", "clinic", "Immigration Justice Clinic", ("Immigration Justice Clinic",))]
    assert proposed("The suit was filed by the Jane Q. Roe Immigration Justice Clinic last year.", register) == []
    assert proposed("He was booked into the Beta County Jail on Monday.") == [("Beta County Jail", "office", [])]


def test_a_headlines_words_after_a_title_are_the_name_only_as_far_as_the_body_names_it() -> None:
    # Session 11 (16g): "SF Sheriff Wants Out of ..." proposed a person "Wants Out", "Governor O’Malley Moves
    # Baltimore City Away from ..." a person "O’Malley Moves Baltimore"; a name the body never repeats stays whole
    # ("Former Los Angeles Mayor Antonio Villaraigosa" in a list), and a news agency is a medium.
    text = "Beta Sheriff Wants Out of the Beta Program\n\nThe sheriff said he wants out of it.\n"
    assert [n for n, _, _ in proposed(text)] == []
    text = "Governor Plover Moves Alpha City Away from the Beta Program\n\nGovernor Jane Plover said so on Monday.\n"
    assert [n for n, kind, _ in proposed(text) if kind == "person"] == ["Jane Plover"]
    text = "Speakers:\n  • Former Alpha Mayor Antonio Thrush\n  • Jose Antonio Wren, a writer\n"
    assert "Antonio Thrush" in [n for n, _, _ in proposed(text)]
    from graph.ingest.mentions import _guess_type
    assert _guess_type("Xinhua News Agency") == "media"


def test_a_standing_committee_named_for_its_matter_is_a_government_body() -> None:
    # Session 11 (16g): "the Judiciary Committee", "the Board's Public Safety and Justice Committee" were groups.
    from graph.ingest.mentions import _guess_type
    assert _guess_type("Judiciary Committee") == "government" and _guess_type("Public Safety and Justice Committee") == "government"
    assert _guess_type("Democratic Committee") == "group"
