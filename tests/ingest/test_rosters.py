"""Printed records' rosters and title pages (graph/ingest/rosters.py, used by mentions.py), and
known-entity mentions of issue 13's fifth pass: one text and its expected proposals per class."""

from __future__ import annotations

from pathlib import Path

import yaml

from graph.ingest.mentions import Known, find_mentions, find_titles, new_entities, register
from tests.ingest.test_unseen import REGISTER

REPO = Path(__file__).resolve().parents[2]
STATES = [Known("texas", "state", "Texas", ("Texas",)), Known("congress", "government", "U.S. Congress", ("U.S. Congress", "Congress"))]


def proposed(text: str, known: list[Known] = REGISTER + STATES) -> list[tuple[str, str]]:
    found = find_mentions(text, known)
    titles = find_titles(text, found, known)
    return [(e.name, e.type) for e in new_entities(text, known, found, titles)]


def test_members_named_with_their_state_are_people_and_the_state_is_a_tag() -> None:
    text = ("COMMITTEE ON THE JUDICIARY\nLAMAR SMITH, Texas, Chairman\n"
            "F. JAMES SENSENBRENNER, Jr., JOHN CONYERS, Jr., Michigan\n"
            "Wisconsin HOWARD L. BERMAN, California\nELTON GALLEGLY, California ROBERT C. ``BOBBY'' SCOTT,\nBOB GOODLATTE, Virginia Virginia\n")
    names = proposed(text)
    assert ("Lamar Smith", "person") in names and ("F. James Sensenbrenner, Jr.", "person") in names
    assert ("John Conyers, Jr.", "person") in names and ("Howard L. Berman", "person") in names
    assert ("Robert C. Scott", "person") in names and ("Committee on the Judiciary", "government") in names
    assert not any(kind == "state" for _, kind in names)  # "Texas", "Wisconsin": tags, not places named
    assert find_mentions(text, REGISTER + STATES) == []
    known = REGISTER + STATES
    titles = find_titles(text, find_mentions(text, known), known)
    assert [(t.title, t.name) for t in titles] == [("Chairman", "LAMAR SMITH")]


def test_a_roster_in_the_usual_case_and_in_two_columns() -> None:
    text = "COMMITTEE ON HOMELAND SECURITY\n   Peter T. King, New York, Chairman\nLamar Smith, Texas        Bennie G. Thompson, Mississippi\n"
    assert [n for n, kind in proposed(text) if kind == "person"] == ["Peter T. King", "Lamar Smith", "Bennie G. Thompson"]
    # one city named with its state is no roster
    assert proposed("He spoke in Dallas, Texas, on Monday.") == [("Dallas", "city")]


def test_a_representative_in_congress_from_a_state() -> None:
    text = "Prepared Statement of the Honorable Jane Q. Roe, a Representative in Congress from the State of Texas"
    assert ("Jane Q. Roe", "person") in proposed(text)
    found = find_mentions(text, REGISTER + STATES)
    assert [m.entity for m in found] == ["congress", "texas"]  # said, not a roster's tag: the state is named


def test_bodies_printed_in_capitals_over_several_lines() -> None:
    text = ("HEARING\nBEFORE THE\nSUBCOMMITTEE ON\nIMMIGRATION POLICY AND ENFORCEMENT\nOF THE\nCOMMITTEE ON THE JUDICIARY\n"
            "HOUSE OF REPRESENTATIVES\nONE HUNDRED TWELFTH CONGRESS\nNOVEMBER 30, 2011\nSerial No. 112-69\n"
            "U.S. GOVERNMENT PRINTING OFFICE\nFor sale by the Superintendent of Documents, U.S. Government Printing\nOffice Internet: x\n")
    assert proposed(text) == [("Subcommittee on Immigration Policy and Enforcement", "government"), ("Committee on the Judiciary", "government"),
                              ("House of Representatives", "government"), ("U.S. Government Printing Office", "office"),
                              ("Superintendent of Documents", "office")]


def test_the_register_names_congress_by_its_bare_name() -> None:
    entities = yaml.safe_load((REPO / "data/entities/agencies.yaml").read_text(encoding="utf-8"))
    records = {e["id"]: type("R", (), {"values": e})() for e in entities}
    known = register(records)
    text = "It receives an annual appropriation from Congress; the Congressional Hispanic Caucus wrote."
    assert [(m.entity, m.text) for m in find_mentions(text, known)] == [("us-congress", "Congress")]


# --------------------------------------------------------------- known-entity mentions

BODIES = [Known("doj", "agency", "Department of Justice", ("Department of Justice",)),
          Known("nilc", "group", "National Immigration Law Center", ("National Immigration Law Center",)),
          Known("new-york", "state", "New York State", ("New York State", "state of New York")),
          Known("new-york-city", "city", "New York City", ("New York City", "New York")),
          Known("illinois", "state", "Illinois", ("Illinois",)),
          Known("lle", "collective", "Local law enforcement agencies", ("local law enforcement", "law enforcement"))]


def entities(text: str) -> list[str]:
    return [m.entity for m in find_mentions(text, BODIES)]


def test_an_undefined_acronym_of_a_known_body_names_it() -> None:
    assert entities("We thank NILC and the fingerprints checked against DOJ records.") == ["nilc", "doj"]
    assert entities("Developed by the Departments of Homeland Security and Justice (DOJ).") == ["doj"]
    assert entities("The Division of Outreach Jobs (DOJ) met.") == []  # defined for another name


def test_new_york_is_the_state_among_states_or_where_the_state_is_named() -> None:
    assert entities("Join the governors of New York, Illinois and others.") == ["new-york", "illinois"]
    assert entities("It expands to the state of New York. Withdraw New York from it.") == ["new-york", "new-york"]
    assert entities("Protests in Los Angeles, New York, Seattle.") == ["new-york-city"]
    # news writing: the last of a list joined by "and", and the state's governor
    assert entities("Three states, Illinois, Massachusetts and New York, tried to end it.") == ["illinois", "new-york"]
    assert entities("New York Governor Cuomo suspended it.") == ["new-york"]
    assert entities("The New York Police Department met.") == ["new-york-city"]
    # the sentence calls it a state (session 13, 13q)
    assert entities("New York becomes the second state to withdraw.") == ["new-york"]
    assert entities("New York is one of the few states that refused.") == ["new-york"]
    assert entities("New York is the largest city in the country.") == ["new-york-city"]


def test_a_bare_collective_head_is_a_noun_not_a_qualifier() -> None:
    assert entities("It breeds mistrust of law enforcement, which harms us.") == ["lle"]
    assert entities("Law enforcement officials and a law enforcement tool.") == []
    assert entities("It helps local law enforcement partners.") == ["lle"]


def test_items_the_text_says_are_counties() -> None:
    text = ("Agencies in Alder, Birch and St. Cedar's counties joined, as did four northern Texas counties - Dogwood, "
            "Elm Hollow and Fir - and two Texas counties, Gum and Hazel. With Beta Program Ivy, Juniper and Kale counties.")
    names = [n for n, kind in proposed(text) if kind == "county"]
    assert names == ["Alder", "Birch", "St. Cedar's", "Dogwood", "Elm Hollow", "Fir", "Gum", "Hazel", "Ivy", "Juniper", "Kale"]
    assert ("Six North", "person") not in proposed("Six North Texas county sheriffs' offices - Alder and Birch - joined.")


def test_two_bodies_joined_by_and_are_two_names() -> None:
    text = "The National Sheriffs' Association and Major County Sheriffs' Association issued statements."
    assert proposed(text) == [("National Sheriffs' Association", "group"), ("Major County Sheriffs' Association", "group")]
    assert proposed("Enforcement and Removal Operations agents came.") == [("Enforcement and Removal Operations", "office")]


def test_a_post_s_words_alone_name_an_office_and_a_longer_title_names_no_one() -> None:
    assert proposed("That is why the Inspector General investigated this program.") == [("Inspector General", "office")]
    assert proposed("Write to the Deputy Chief Financial Officer, Jane Q. Roe, today.") == [("Jane Q. Roe", "person")]


def test_a_councilmember_and_the_top_democrat_on_a_committee() -> None:
    text = "Joined by City Councilmember Bernard C. Alder and the top Democrat on the House Beta Subcommittee on Gamma."
    assert proposed(text) == [("Bernard C. Alder", "person"), ("House Beta Subcommittee on Gamma", "government")]


def test_a_title_run_into_the_name_and_the_honorable() -> None:
    text = ("The following Members:\n\nThe Honorable Robert B. AlderChairman, House Beta Subcommittee\n\n"
            "The Honorable Dana E. BirchRaning Member, House Beta Subcommittee\n\nSincerely yours,\n\nJohn CedarAssistant Secretary\n")
    assert [n for n, kind in proposed(text) if kind == "person"] == ["Robert B. Alder", "Dana E. Birch", "John Cedar"]


def test_a_title_in_the_plural_before_a_list_of_names() -> None:
    text = "At the event, Representatives Xavier Alder (CA-31), Judy Birch (CA-32) and Lucille Cedar-Dale (CA-34) spoke."
    assert proposed(text) == [("Xavier Alder", "person"), ("Judy Birch", "person"), ("Lucille Cedar-Dale", "person")]
    known = REGISTER + STATES
    assert [(t.title, t.name) for t in find_titles(text, find_mentions(text, known), known)] == [
        ("Representative", "Xavier Alder"), ("Representative", "Judy Birch"), ("Representative", "Lucille Cedar-Dale")]


def test_a_document_title_listing_names_is_a_headline() -> None:
    text = "May 16, 2011\n\nAlder, Birch Urge Governor Cedar to Withdraw from the Beta Program\n\nThey wrote to him."
    assert proposed(text) == []


def test_a_known_surname_is_not_a_namesake_named_in_full() -> None:
    known = REGISTER + [Known("scott-alder", "person", "Scott Alder", ("Scott Alder",)), Known("birch", "person", "Birch", ("Birch",))]
    text = "They asked Governor Jerry Alder to act. Governor Alder did not. Congressmembers Alder and others wrote."
    assert [m.entity for m in find_mentions(text, known)] == []
    assert [m.entity for m in find_mentions("Congressmembers Alder, Roe and Doe wrote. Alder said so.", known)] == ["scott-alder", "scott-alder"]
    # a register entry known by a surname only is not a person named in full under a variant spelling
    assert [m.entity for m in find_mentions("Congresswoman Nydia M. Bírch wrote.", known)] == []


def test_us_names_the_country_but_not_inside_a_hyphened_name() -> None:
    entities = yaml.safe_load((REPO / "data/entities/places.yaml").read_text(encoding="utf-8"))
    known = register({e["id"]: type("R", (), {"values": e})() for e in entities})
    found = find_mentions("Citizens born right here in the US were held; US-VISIT checks them.", known)
    assert [(m.entity, m.text) for m in found] == [("united-states", "US")]


def test_a_postal_code_after_a_city_names_the_state() -> None:
    known = REGISTER + [Known("california", "state", "California", ("California",))]
    text = "San Jose, CA - Rep. Jane Alder (D-CA) and Jane Roe, MD, spoke."
    assert [(m.entity, m.text) for m in find_mentions(text, known)] == [("california", "CA")]
    found = find_mentions(text, known)
    assert ("San Jose", "city") in [(e.name, e.type) for e in new_entities(text, known, found, find_titles(text, found, known))]


def test_a_staff_line_with_two_titles_and_a_witness_list() -> None:
    text = ("Sean McAlder, Majority Chief of Staff and General Counsel\n"
            "The Honorable John Q. Birch, Director, U.S. Immigration and Customs Enforcement\n"
            "  Oral Statement.................................................     5\n")
    assert proposed(text) == [("Sean McAlder", "person"), ("John Q. Birch", "person")]
    known = REGISTER + STATES
    titles = find_titles(text, find_mentions(text, known), known)
    assert [(t.title, t.name) for t in titles] == [("Majority Chief of Staff", "Sean McAlder"), ("General Counsel", "Sean McAlder"),
                                                  ("Director", "John Q. Birch")]


def test_states_are_no_counties_and_a_short_form_in_capitals_is_a_word() -> None:
    assert proposed("Border counties - Texas, Arizona and New Mexico - joined.") == [("Arizona", "state"), ("New Mexico", "state")]
    known = REGISTER + [Known("us", "country", "United States", ("United States", "US"))]
    assert [m.text for m in find_mentions("CONTACT US\nBorn in the US, she left.", known)] == ["US"]


def test_a_mail_stop_in_an_address_is_no_acronym_of_a_body() -> None:
    text = "Phone: (202) 512-1800 Fax: (202) 512-2104 Mail: Stop QXCC, Washington, DC\n20402-0001\nThe XYZ said so; XYZ again."
    assert [n for n, _ in proposed(text)] == ["XYZ"]


def test_a_party_tag_names_no_state() -> None:
    """", D-Illinois," and "(R-Illinois)" after a member's name name no place (session 13, 13q)."""
    assert entities("Rep. Jane Roe, D-Illinois, and Rep. John Doe (R-Illinois) wrote to Illinois.") == ["illinois"]
