"""Figure candidates (graph/ingest/figures.py): one sentence and its expected figure for each
rule that reads the measure or the date from the words around the number (issue 13, fourth pass)."""

from __future__ import annotations



from graph.build.vocabulary import Vocabulary
from graph.ingest.mentions import Known
from tests.ingest.test_unseen import REGISTER, extract

PROGRAM = Known("secure-communities", "program", "Secure Communities", ("Secure Communities",))



def figures(text: str, vocab: Vocabulary, date: str = "2012-07-10") -> dict[str, tuple[str, str, str]]:
    """value -> (unit, measure, date or period) of every figure candidate."""
    _, _, found = extract(text, vocab, date, REGISTER + [PROGRAM])
    got = {}
    for c in found:
        if c.kind == "figures":
            v = c.values
            when = f"{v['period_start']}/{v['period_end']}" if "period_start" in v else (c.dated.value if c.dated else "")
            got[v["value"]] = (v["unit"], v["measure"], when)
    return got


def test_a_quarter_of_a_fiscal_year_is_its_three_months(vocab: Vocabulary) -> None:
    got = figures("In the third quarter of fiscal year 2011, the Gamma Agency removed 20,000 aliens.", vocab)
    assert got["20000"] == ("persons", "removals", "2011-04-01/2011-06-30")
    got = figures("In Q1 FY 2012, the Gamma Agency removed 21,000 aliens.", vocab)
    assert got["21000"][2] == "2011-10-01/2011-12-31"


def test_a_count_at_the_close_of_a_quarter_holds_on_its_last_day(vocab: Vocabulary) -> None:
    text = ("Secure Communities shares fingerprints. At the close of the third quarter of FY 2011, the "
            "program had been activated in 1,508 jurisdictions in 44 states.")
    got = figures(text, vocab)
    assert got["1508"] == ("jurisdictions", "jurisdictions-activated", "2011-06-30")
    assert got["44"] == ("states", "states-territories-activated", "2011-06-30")


def test_a_unit_word_run_into_the_next_word_by_a_pdf_is_still_the_unit(vocab: Vocabulary) -> None:
    text = "Secure Communities shares fingerprints. It had been activated in 658 jurisdictionsin 32 States by May 2011."
    got = figures(text, vocab)
    assert got["658"][:2] == ("jurisdictions", "jurisdictions-activated")
    assert got["32"][:2] == ("states", "states-territories-activated")


def test_the_program_named_again_as_the_program_scopes_the_count(vocab: Vocabulary) -> None:
    text = ("Secure Communities is an information-sharing program. Of about 183,000 aliens removed under the "
            "program from October 2008 through March 2012, about 74 percent had a criminal conviction.")
    assert figures(text, vocab)["183000"] == ("persons", "scomm-removals", "2008-10-01/2012-03-31")


def test_a_count_the_text_does_not_give_to_the_program_is_not_the_programs(vocab: Vocabulary) -> None:
    text = ("In FY 2011, the Gamma Agency removed 396,906 individuals. Of these, 216,698 of the people removed "
            "were convicted of crimes. Programs such as Secure Communities helped the Gamma Agency.")
    got = figures(text, vocab)
    assert got["216698"][:2] == ("persons", "criminal-removals")


def test_a_count_in_a_document_titled_by_the_program_is_the_programs(vocab: Vocabulary) -> None:
    # (session 19: the passive of the GAO statement this was written from, "the approximately 119,000 aliens that were
    # removed during fiscal year 2011"; an agency named as the subject of "removed" makes the count the agency's)
    text = ("Secure Communities Needs Better Data\n"
            "The Gamma Agency had no record for approximately 119,000 aliens that were removed during fiscal year 2011.")
    assert figures(text, vocab)["119000"] == ("persons", "scomm-removals", "2010-10-01/2011-09-30")


def test_the_end_of_a_month_is_its_last_day(vocab: Vocabulary) -> None:
    text = ("Through the end of April 2011, more than 77,000 convicted criminal aliens were removed after "
            "Secure Communities identified them.")
    assert figures(text, vocab)["77000"] == ("persons", "scomm-criminal-removals", "2011-04-30")


def test_a_share_is_no_increase_and_a_program_the_text_never_names_is_not_counted(vocab: Vocabulary) -> None:
    got = figures("The Gamma Agency removed more than 392,000 people during fiscal year 2010, half of them convicted criminals.", vocab)
    assert got == {"392000": ("persons", "removals", "2009-10-01/2010-09-30")}


def test_a_date_in_another_clause_is_not_the_counts(vocab: Vocabulary) -> None:
    text = "Secure Communities, which Congress funded in 2008, has removed more than 100,000 convicted criminals to date."
    assert figures(text, vocab, "2011-06-17")["100000"][2] == "2011-06-17"
    text = "The Beta Program began in October 2008; it has removed 7,000 aliens who were convicted of crimes."
    assert figures(text, vocab, "2011-06-17")["7000"][2] == "2011-06-17"


def test_a_date_after_the_documents_is_a_goal_not_the_day_a_count_holds(vocab: Vocabulary) -> None:
    text = "Secure Communities has been implemented in more than 90 jurisdictions, with nationwide coverage expected by 2013."
    assert figures(text, vocab, "2009-11-02")["90"][2] == "2009-11-02"


def test_the_unit_is_the_first_word_after_the_number_that_names_one(vocab: Vocabulary) -> None:
    text = "The Gamma Agency joined 95 jurisdictions across 11 states that currently utilize Secure Communities."
    got = figures(text, vocab)
    assert got["95"][0] == "jurisdictions"
    assert got["11"][0] == "states"  # "Communities" of the program's name is no unit


def test_database_matches_are_the_one_measure_that_counts_matches(vocab: Vocabulary) -> None:
    text = "The Gamma Agency has had 536,148 alien matches based on Secure Communities from October 2008 to April 2011."
    assert figures(text, vocab, "2011-11-02")["536148"] == ("matches", "database-matches", "2008-10-01/2011-04-30")


def test_a_number_named_again_is_no_new_figure_and_a_part_of_it_is_counted_as_it_was(vocab: Vocabulary) -> None:
    text = ("Through Aug. 31, 2012, more than 166,000 immigrants convicted of crimes were removed after identification "
            "through Secure Communities. Of the more than 166,000, more than 61,000 immigrants were convicted of "
            "aggravated felony (level 1) offenses.")
    got = figures(text, vocab, "2012")
    assert got["166000"] == ("persons", "scomm-criminal-removals", "2012-08-31")  # once, from the first sentence
    assert got["61000"] == ("persons", "scomm-removals-level1", "2012-08-31")
    text = "The Gamma Agency began using it in 10 additional counties on Wednesday. With these 10 new counties, 18 counties use it."
    assert len([c for c in extract(text, vocab, "2010-07-08", REGISTER + [PROGRAM])[2] if c.kind == "figures"]) == 2


def test_a_change_verb_names_an_increase_and_a_series_shares_its_words(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency's removals of convicted criminal aliens rose by 12% in 2008, by 24% in 2009, "
            "and by 37% in 2010.")
    got = figures(text, vocab, "2011-03-11")
    assert got["12"] == ("percent", "criminal-removals-increase-percent", "2008-01-01/2008-12-31")
    assert got["37"] == ("percent", "criminal-removals-increase-percent", "2010-01-01/2010-12-31")


def test_a_count_of_those_identified_is_no_removals_and_a_sum_no_measure_counts_is_no_figure(vocab: Vocabulary) -> None:
    text = ("Secure Communities, which uses biometrics to identify and remove criminal aliens, identified more than "
            "111,000 criminal aliens in local custody. The Gamma Agency spent $14.3 million on one contract.")
    got = figures(text, vocab, "2009-11-12")
    assert got["111000"][:2] == ("persons", "")  # no measure rather than a wrong one
    assert "14300000" not in got


def test_a_count_of_the_title_that_the_body_gives_again_is_proposed_once_from_the_body(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency activates Secure Communities in 10 more counties\n\n"
            "EL PASO - On Wednesday, the Gamma Agency began using Secure Communities in 10 additional counties.")
    found = [c for c in extract(text, vocab, "2010-07-08", REGISTER + [PROGRAM])[2] if c.kind == "figures"]
    assert [(c.values["value"], c.dated.value if c.dated else None) for c in found] == [("10", "2010-07-07")]


def test_a_share_the_label_does_not_say_and_states_that_withdrew_take_no_measure(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency did not have arrest charges for about 56 percent of Secure Communities removals "
            "from October 2010 through March 2012.")
    assert "56" not in figures(text, vocab)  # no record of a charge is not "never charged with a crime"
    text = "Three states, including New York, recently withdrew from Secure Communities."
    assert figures(text, vocab, "2011-08")["3"][:2] == ("states", "")


def test_a_population_estimated_is_no_count_of_removals(vocab: Vocabulary) -> None:
    text = ("The Gamma Agency can remove a limited number of the more than 10 million individuals estimated to be "
            "in the United States unlawfully.")
    assert figures(text, vocab, "2011-06")["10000000"][:2] == ("persons", "")


def test_fiscal_years_written_together_calendar_years_and_more_units(vocab: Vocabulary) -> None:
    got = figures("In fiscal years 2010 and 2011, the Gamma Agency removed more than 790,000 aliens.", vocab, "2012-01-10")
    assert got["790000"] == ("persons", "removals", "2009-10-01/2011-09-30")
    got = figures("The Gamma Agency removed 226,000 aliens in calendar year 2012.", vocab, "2013-02-01")
    assert got["226000"] == ("persons", "removals", "2012-01-01/2012-12-31")
    got = figures("The Gamma Agency arrested 2,900 violent offenders through Secure Communities in FY 2011.", vocab)
    assert got["2900"] == ("persons", "scomm-arrests-violent-offenders", "2010-10-01/2011-09-30")
    got = figures("Since 2008, more than 20 million fingerprint submissions have been checked through Secure Communities.",
                  vocab, "2012-05-01")
    assert got == {"20000000": ("submissions", "fingerprint-submissions", "2008/2012-05-01")}  # 2008 is a year, not its first day


def test_a_start_stated_by_the_event_that_began_the_count_makes_a_period(vocab: Vocabulary) -> None:
    text = ("Since Secure Communities began in October 2008 through the end of March 2011, the Gamma Agency "
            "removed more than 74,000 aliens. From its start in Ohio in May 2009 through Jan. 31, 2011, the Gamma "
            "Agency removed more than 900 aliens.")
    got = figures(text, vocab)
    assert got["74000"][2] == "2008-10-01/2011-03-31"
    assert got["900"][2] == "2009-05-01/2011-01-31"


# Session 7 (13ae): the measure or date of a found value, from rounds 5 and 6's misses.

def test_a_count_of_the_last_year_is_the_year_up_to_the_documents_date(vocab: Vocabulary) -> None:
    text = "Since its activation in Kent County a year ago, Secure Communities has led to the removal of more than 300 convicted criminals."
    assert figures(text, vocab, "2011-03")["300"][2] == "2010-03/2011-03"
    text = "Of the 301 convicted criminals removed through Secure Communities in the last year, 120 are Level 1 offenders."
    got = figures(text, vocab, "2011-03-15")
    # Session 11 (16f): to the month, no more precise than a span counted back in years (the README's rule of the
    # round-12/13 adjudications; it was the day: "since the program was activated ... a year ago" 2009-09-02/2010-09-02)
    assert got["301"][2] == got["120"][2] == "2010-03/2011-03"
    assert "1" not in got  # "Level 1": the level, no count


def test_a_paragraph_that_says_how_current_its_data_is_dates_its_counts(vocab: Vocabulary) -> None:
    text = ("Since May 2009, ICE has taken custody of nearly 9,000 convicted criminal aliens identified through "
            "Secure Communities in the state. The data is current through Jan. 31.")
    assert figures(text, vocab, "2011-02-25")["9000"] == ("persons", "scomm-arrests", "2009-05-01/2011-01-31")


def test_jurisdictions_listed_as_counties_are_a_count_of_counties(vocab: Vocabulary) -> None:
    text = ("The activation earlier this week of Secure Communities in four jurisdictions - Alpha, Beta, Gamma "
            "and Delta counties - means the program reaches all 40 of the state's counties.")
    got = figures(text, vocab, "2011-02-25")
    assert got["4"] == ("jurisdictions", "", "2011-02-25")  # the act is undated before the day; the count holds on it


def test_a_count_of_convicted_criminals_under_the_programs_title_is_the_programs(vocab: Vocabulary) -> None:
    text = ("Secure Communities leads to removals in Kent County\n\n"
            "Of the 461 convicted criminal aliens removed from Kent County in the last year, most were booked for theft.")
    assert figures(text, vocab, "2011-01")["461"] == ("persons", "scomm-criminal-removals", "2010-01/2011-01")


def test_a_count_as_of_a_month_holds_in_that_month_and_coordinated_numbers_share_a_unit(vocab: Vocabulary) -> None:
    text = ("Secure Communities, created in 2008, finds criminal aliens. As of August 2014, the agency said that since the "
            "program's initial activation in Kent County, over 300,000 aliens and 100,000 Level 1 convicted criminal aliens "
            "were removed as a result of Secure Communities.")
    got = figures(text, vocab, "2014-11-20")
    assert got["300000"][0] == "persons" and got["300000"][2] == "2008/2014-08"  # its measure: see docs/ingest.md, left
    assert got["100000"] == ("persons", "scomm-removals-level1", "2008/2014-08")  # no day the text does not give


def test_a_count_through_a_month_holds_on_its_last_day(vocab: Vocabulary) -> None:
    text = "Through March 2012, the program led to the removal of more than 135,000 convicted criminal aliens."
    assert figures(text, vocab, "2012-05-01")["135000"][2] == "2012-03-31"


def test_the_unit_word_said_names_no_measure_and_a_year_start_stays_a_year(vocab: Vocabulary) -> None:
    # "people" is what a count of persons counts, not a sign of "removals ... of people convicted of crimes";
    # "since 2008" starts the period at the year the text gives, no more precise (README: EDTF)
    text = "Nationally, Secure Communities has led to the deportations of nearly 109,000 people since 2008."
    assert figures(text, vocab, "2011-06-20")["109000"] == ("persons", "scomm-removals", "2008/2011-06-20")
    text = "Secure Communities has removed 9,000 people convicted of crimes since 2009."
    assert figures(text, vocab, "2011-06-20")["9000"] == ("persons", "scomm-criminal-removals", "2009/2011-06-20")


def test_a_start_said_by_the_event_in_a_year_makes_a_period(vocab: Vocabulary) -> None:
    # "since it began in 2009": a year's date span carries its "in"; the event still states the start
    text = "More than 75,000 people have been deported through Secure Communities since it began in 2009."
    assert figures(text, vocab, "2012-07-13")["75000"] == ("persons", "scomm-removals", "2009/2012-07-13")


def test_news_ways_with_numbers_a_part_of_whom_the_last_years_and_the_day_before(vocab: Vocabulary) -> None:
    # session 8 (13aq): "N of whom" is a part of the number before it, dated as it; "aggravated felonies" is Level 1
    text = ("According to the Gamma Agency, Secure Communities has removed more than 5,000 immigrants convicted of "
            "crimes — 1,200 of whom had been convicted of aggravated felonies.")
    got = figures(text, vocab, "2011-08-19")
    assert got["5000"] == ("persons", "scomm-criminal-removals", "2011-08-19")
    assert got["1200"] == ("persons", "scomm-removals-level1", "2011-08-19")
    # "over the last three years": that many years up to the document's month (no day the text does not give)
    text = "The Gamma Agency says it has removed more than 7,000 aliens convicted of crimes over the last three years through Secure Communities."
    assert figures(text, vocab, "2011-08-09")["7000"] == ("persons", "scomm-criminal-removals", "2008-08/2011-08")
    # "before May 25": the count holds on the day before the one named
    text = "Seventeen Ohio counties implemented Secure Communities before May 25."
    assert figures(text, vocab, "2010-06-02")["17"][2] == "2010-05-24"
    # an act to come in the document's own month: the plan counted as of the document's date
    text = "In June and July, Secure Communities will go on-line in eight more Ohio counties."
    assert figures(text, vocab, "2010-06-02")["8"][2] == "2010-06-02"


def test_a_count_at_the_launch_an_administrations_term_and_the_number_is_no_label_word(vocab: Vocabulary) -> None:
    # the count given at the program's launch is dated at it; places active "by June 2011" stay a count at a date
    text = ("Since its launch in just seven counties in October 2008, Secure Communities has expanded rapidly, adding "
            "1,400 jurisdictions by June 2011.")
    got = figures(text, vocab, "2011-09")
    assert got["7"] == ("jurisdictions", "", "2008-10")
    assert got["1400"] == ("jurisdictions", "jurisdictions-activated", "2011-06")
    # "under the Obama Administration": from the term's first day (cues.yaml `administrations`) to the document's date;
    # "1" of "over 1 million" is no word of the label "level 1 offenders"
    text = "The Gamma Agency has removed over 1 million immigrants under the Obama Administration."
    assert figures(text, vocab, "2011-08-05")["1000000"] == ("persons", "removals", "2009-01-20/2011-08-05")


def test_last_and_this_fiscal_year_and_a_part_of_a_count_before_the_sentence(vocab: Vocabulary) -> None:
    # session 8 (13aq): "last fiscal year" is the federal fiscal year before the document's; "so far this fiscal
    # year" runs from its first day to the document's date; "N of whom were criminals" is a part of the count before
    text = ("Last fiscal year, the Gamma Agency removed a record 389,000 illegal aliens from the United States, "
            "136,000 of whom were criminals. So far this fiscal year, we have removed a record 170,000 criminals.")
    got = figures(text, vocab, "2010-08-26")
    assert got["389000"] == ("persons", "removals", "2008-10-01/2009-09-30")
    assert got["136000"] == ("persons", "criminal-removals", "2008-10-01/2009-09-30")
    assert got["170000"] == ("persons", "criminal-removals", "2009-10-01/2010-08-26")
    # "Of that number, N have been removed": a part of the figure of the sentence before, counted as it is
    text = ("Since May 2009, the Gamma Agency has taken custody of nearly 48,000 convicted criminal aliens identified "
            "through Secure Communities. Of that number, 23,712 have already been removed from the United States.")
    got = figures(text, vocab, "2011-02-25")
    assert got["23712"] == ("persons", "scomm-criminal-removals", got["48000"][2])


def test_hundreds_in_words_people_of_a_place_a_program_by_its_short_form_and_footnote_markers() -> None:
    # Session 9 (14f): "Twelve-hundred counties" was 12; "100,000 Californians" had no unit; "S-Comm has
    # deported" did not make the count the program's; "administration.1 Almost 300,000" made a count of a footnote's 1.
    from graph.ingest.figures import _unit_named, _word_value
    assert _word_value("Twelve-hundred") == 1200 and _word_value("two thousand") == 2000 and _word_value("twenty-five") == 25
    assert _unit_named(" Californians to date") == "persons"
    assert _unit_named(" Members of the Delegation") is None


def test_a_count_of_the_program_named_by_a_short_form_and_no_footnote_count(vocab: Vocabulary) -> None:
    from tests.ingest.test_unseen import extract as extract_with
    text = ("The TRUST Act passed. The TRUST Act will ease the impact of S-Comm. "
            "S-Comm has deported a total of nearly 100,000 Californians to date.\n"
            "It grew under the administration.1 Almost 300,000 individuals are in proceedings. "
            "Twelve-hundred counties nationwide were assigned the program.")
    program = Known("secure-communities", "program", "Secure Communities", ("Secure Communities", "S-Comm"))
    _, _, found = extract_with(text, vocab, "2013-10-06", REGISTER + [program])
    got = {c.values["value"]: (c.values["unit"], c.values["measure"], c.dated.value if c.dated else "") for c in found if c.kind == "figures"}
    assert got["100000"] == ("persons", "scomm-removals", "2013-10-06")
    assert got["1200"][:2] == ("jurisdictions", "")
    assert "1" not in got and "12" not in got


def test_the_day_of_a_date_without_its_year_is_no_count(vocab: Vocabulary) -> None:
    # the lead's user check of session 9: "through Jan. 31, print matches have resulted in 2,614
    # deportations" proposed 31 database matches
    got = figures("According to statistics through Jan. 31, print matches have resulted in 2,614 deportations.", vocab, "2012-03-23")
    assert "31" not in got and "2614" in got


def test_since_a_season_of_a_year_starts_the_count_at_the_year(vocab: Vocabulary) -> None:
    # "since the fall of 2008": a span from the year (no more precise than the text) to the document's date
    got = figures("According to the agency, since the fall of 2008, more than 169,000 people have been removed.", vocab, "2012-03-23")
    assert got["169000"][2] == "2008/2012-03-23"


def test_the_count_is_dated_by_its_own_predicate_not_by_the_act_before_and(vocab: Vocabulary) -> None:
    # Session 10 (15f): "introduced ... in March 2008 and piloted in 14 jurisdictions beginning in October
    # 2008" took March 2008 (nearer), the date of another predicate of the same subject
    got = figures("Secure Communities was announced by the Gamma Agency in May 2009 and tested in 12 jurisdictions "
                  "beginning in August 2009.", vocab, "2011-10")
    assert got["12"] == ("jurisdictions", "jurisdictions-activated", "2009-08")


def test_places_that_pulled_out_are_not_where_the_program_is_active(vocab: Vocabulary) -> None:
    got = figures("Four states say they have pulled out of Secure Communities.", vocab, "2011-07-22")
    assert got["4"][:2] == ("states", "")


def test_a_month_without_its_year_counted_through_and_acts_joined_by_and(vocab: Vocabulary) -> None:
    # "through March" said in June is the last March, to its last day; "detained and deported": what the
    # second act counts (removals), not the first alone (no measure); "two-thirds" is no count of two
    got = figures("In Ohio, through April, half of the 35 people detained and deported after being identified "
                  "through Secure Communities had no record. Two-thirds of the 35 were men.", vocab, "2011-06-07")
    assert got["35"] == ("persons", "scomm-removals", "2011-04-30")
    assert "2" not in got


def test_the_program_a_sentence_before_names_scopes_the_count(vocab: Vocabulary) -> None:
    # "Secure Communities has contributed to ... In California, the program has led to nearly 80,000
    # deportations": the program of the sentence before, in a text about another measure (a bill)
    text = ("The TRUST Act passed the Assembly. The TRUST Act limits detainers. The TRUST Act goes to the Senate.\n"
            "Secure Communities has been criticized. In Oregon, the program has led to nearly 9,000 deportations. "
            "Of those, 1,200 deportations were of people with no record.")
    got = figures(text, vocab, "2013-04-10")
    assert got["9000"][:2] == ("persons", "scomm-removals")


def test_a_count_in_the_perfect_after_the_start_runs_from_it_to_the_documents_date(vocab: Vocabulary) -> None:
    got = figures("Secure Communities was implemented in March 2011 in Lane County and has led to the removal of 41 "
                  "people from the county.", vocab, "2012-04-24")
    assert got["41"] == ("persons", "scomm-removals", "2011-03/2012-04-24")


def test_the_programs_first_months_run_from_the_start_the_document_gives(vocab: Vocabulary) -> None:
    # "Since X County started using the database in October" (said in July 2009) dates the start; "in the program's
    # first six months" is 2008-10/2009-03, and "That includes N matches in X County" is a part of it, dated the same;
    # "six months" is no count of six submissions
    text = ("Since Delta County started using the database in October, the program has grown to 70 sites.\n\n"
            "In the program's first six months, more than 200,000 fingerprint submissions were run through Secure "
            "Communities, generating more than 30,000 matches. That includes 4,000 matches in Delta County.")
    got = figures(text, vocab, "2009-07-13")
    assert got["30000"] == ("matches", "database-matches", "2008-10/2009-03")
    assert got["4000"][2] == "2008-10/2009-03"
    assert "6" not in got


def test_a_count_the_program_only_contributed_to_is_not_the_programs(vocab: Vocabulary) -> None:
    # "The enforcement program has contributed to the deportation of over 1 million immigrants": all removals
    got = figures("Secure Communities has contributed to the deportation of over 2 million immigrants since 2009.", vocab, "2011-08-05")
    assert got["2000000"][:2] == ("persons", "removals")
    got = figures("Secure Communities has led to the deportation of over 90,000 immigrants since 2009.", vocab, "2011-08-05")
    assert got["90000"][:2] == ("persons", "scomm-removals")


def test_a_share_of_removals_with_no_convictions_or_only_minor_offenses_is_the_not_dangerous_share(vocab: Vocabulary) -> None:
    # cues.yaml figure_label_phrases "not dangerous" and fractions "7 in 10": the share the scheme counts
    got = figures("Some 7 in 10 of those deported under Secure Communities in Ohio had either no convictions or only "
                  "minor offenses on their records.", vocab, "2012-07-06")
    assert got["70"] == ("percent", "scomm-removals-not-dangerous-share", "2012-07-06")


def test_a_count_last_year_is_over_the_year_and_one_since_a_programs_inception_in_a_year_runs_from_it(vocab: Vocabulary) -> None:
    # Session 10 (the lead, round 16's misses after its run): "resulted in the deportation of 72,000 people last
    # year" was dated '2010' (a count at a date), "since the inception of the X program in 2008" over 2008 alone.
    got = figures("The Secure Communities program resulted in the deportation of 72,000 people last year.", vocab, "2011-03-10")
    assert got["72000"][2] == "2010-01-01/2010-12-31"
    got = figures("More than 121,000 immigrants have been deported since the inception of the Secure Communities program in 2008.",
                  vocab, "2011-08-15")
    assert got["121000"][2] == "2008/2011-08-15"


def test_places_counted_since_a_stated_start_are_a_period_and_a_later_date_is_a_goal(vocab: Vocabulary) -> None:
    # Session 11 (16f): "Since 2007, 467 jurisdictions in 26 states have joined" was dated at the document's day (a
    # count of places was always put at a date), and "Since 2008, ... expanded to 650 ..., with plans to incorporate
    # every jurisdiction by 2013" ran to the goal's last day
    got = figures("Since 2009, 312 jurisdictions in 19 states have joined Secure Communities.", vocab, "2011-02-14")
    assert got["312"] == ("jurisdictions", "jurisdictions-activated", "2009/2011-02-14")
    assert got["19"] == ("states", "states-territories-activated", "2009/2011-02-14")
    got = figures("Since 2009, Secure Communities has been expanded to more than 300 jurisdictions, with plans to reach "
                  "every jail by 2014.", vocab, "2011-02-14")
    assert got["300"][2] == "2009/2011-02-14"


def test_a_count_in_a_predicate_of_the_present_after_a_dated_act_holds_at_the_documents_date(vocab: Vocabulary) -> None:
    # "The program, announced in March 2008, ..., and is currently working in at least 48 communities" (2008-03)
    got = figures("Secure Communities was unveiled in June 2009 and is currently running in at least 55 communities.",
                  vocab, "2010-04")
    assert got["55"] == ("jurisdictions", "jurisdictions-activated", "2010-04")


def test_a_span_of_another_predicate_after_and_and_an_expulsion_is_a_removal(vocab: Vocabulary) -> None:
    # "The program is in 788 jurisdictions across 34 states, ..., and in the past two years has led to the expulsion
    # of some 46,800 individuals": the span is the removals' (no measure: "expulsion"), the places' count is today's
    got = figures("Secure Communities is in 500 jurisdictions across 20 states, and in the past two years has led to the "
                  "expulsion of some 30,000 individuals.", vocab, "2010-11-30")
    assert got["500"] == ("jurisdictions", "jurisdictions-activated", "2010-11-30")
    assert got["20"][2] == "2010-11-30"
    assert got["30000"] == ("persons", "scomm-removals", "2008-11/2010-11")


def test_a_removal_verb_in_any_form_and_criminal_aliens_as_the_counted_noun(vocab: Vocabulary) -> None:
    # "has helped authorities to remove more than 12,400 criminal aliens arrested throughout the state" was the
    # program's arrests ("remove" was no act, "arrested" the nearest count word); "criminal aliens" (ICE's term
    # for aliens convicted of a crime) as the number's own noun names convicted people, not as another phrase's
    got = figures("Secure Communities has helped authorities to remove more than 9,100 criminal aliens arrested "
                  "throughout the state.", vocab, "2010-09-02")
    assert got["9100"][:2] == ("persons", "scomm-criminal-removals")
    got = figures("As part of the Secure Communities strategy for removing criminal aliens, the agency has removed "
                  "210 individuals so far.", vocab, "2010-09-02")
    assert got["210"][:2] == ("persons", "scomm-removals")


def test_a_sum_of_money_is_no_count_of_people(vocab: Vocabulary) -> None:
    # "with the Secure Communities program, it costs ICE $649 to apprehend one alien" was a figure of the program's removals
    got = figures("With the Secure Communities program, it costs the agency $712 to apprehend one alien and $1,450 to "
                  "remove them.", vocab, "2012-06-07")
    assert "712" not in got and "1450" not in got


def test_a_weekday_in_a_text_dated_only_to_its_year_is_the_documents_date(vocab: Vocabulary) -> None:
    # "Sen. X announced Tuesday that three more Utah counties ... have been officially included" in a release dated
    # 2010 was dated 2009-12-29/2010-12-28 (every Tuesday up to the year's end): no more precise than the document
    got = figures("The agency announced Tuesday that four more counties have been included in Secure Communities.", vocab, "2010")
    assert got["4"][2] == "2010"


# Session 12 (17f): written from the README's figure rules and the measures' definitions; sentences invented.

def test_a_start_stated_by_any_subjects_act_begins_the_period(vocab: Vocabulary) -> None:
    got = figures("Since the program began in October 2008, more than 60,000 immigrants have been deported through "
                  "Secure Communities.", vocab, "2011-05-04")
    assert got["60000"] == ("persons", "scomm-removals", "2008-10/2011-05-04")


def test_since_then_counts_from_the_date_said_before_it(vocab: Vocabulary) -> None:
    got = figures("The county joined Secure Communities in 2009, and since then 700 people have been deported.",
                  vocab, "2011-05-04")
    assert got["700"][2] == "2009/2011-05-04"
    got = figures("Secure Communities began in the county in March 2009. Since then, 1,300 people have been deported.",
                  vocab, "2011-05-04")
    assert got["1300"][2] == "2009-03/2011-05-04"


def test_the_first_months_of_a_year_are_a_period_to_the_month(vocab: Vocabulary) -> None:
    got = figures("In the first three months of 2011, 1,200 people were deported through Secure Communities.", vocab, "2011-05")
    assert got["1200"] == ("persons", "scomm-removals", "2011-01/2011-03")


def test_a_relative_clause_that_dates_the_start_begins_a_perfect_count(vocab: Vocabulary) -> None:
    got = figures("Secure Communities, which started in 2008, has led to the deportation of 46,000 people.", vocab, "2011-05-04")
    assert got["46000"] == ("persons", "scomm-removals", "2008/2011-05-04")


def test_since_a_start_in_a_document_dated_to_its_month_runs_to_that_month(vocab: Vocabulary) -> None:
    # "Since October 2008, ..." in a page dated June 2011 was dated 2008-10: the start, as if the count held on it
    got = figures("Since October 2008, 77,000 people have been deported through Secure Communities.", vocab, "2011-06")
    assert got["77000"] == ("persons", "scomm-removals", "2008-10/2011-06")
    got = figures("Beginning in October 2008, Secure Communities has led to the deportation of 77,000 people.", vocab, "2011-06")
    assert got["77000"][2] == "2008-10/2011-06"


def test_since_a_month_said_against_the_documents_date_runs_to_that_date(vocab: Vocabulary) -> None:
    got = figures("Since May, 800 people have been deported under Secure Communities.", vocab, "2011-06-15")
    assert got["800"][2] == "2011-05/2011-06-15"


def test_between_two_years_is_their_whole_span_and_no_year_is_a_count(vocab: Vocabulary) -> None:
    got = figures("Between 2008 and 2010, 800 people were deported under Secure Communities.", vocab, "2011-06-15")
    assert got == {"800": ("persons", "scomm-removals", "2008-01-01/2010-12-31")}


def test_a_start_then_and_a_perfect_count(vocab: Vocabulary) -> None:
    got = figures("Secure Communities went into effect in the county in March 2010, and 500 people have been deported.",
                  vocab, "2011-06-15")
    assert got["500"][2] == "2010-03/2011-06-15"


def test_a_change_of_a_count_is_no_count(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has led to an increase of 5,000 deportations in the county.", vocab, "2011-05-04")
    assert got["5000"][1] == ""
    got = figures("Under Secure Communities, 2,000 more people were deported in 2010 than in 2009.", vocab, "2011-05-04")
    assert got["2000"][1] == ""


def test_a_program_named_in_another_clause_does_not_scope_the_count(vocab: Vocabulary) -> None:
    got = figures("The agency removed a record 392,000 people in fiscal year 2010; Secure Communities played a part.", vocab)
    assert got["392000"][:2] == ("persons", "removals")


def test_people_never_convicted_are_no_count_of_convicted_people(vocab: Vocabulary) -> None:
    got = figures("In the county, 1,000 people have been deported through Secure Communities, and 400 of them had never "
                  "been convicted of a crime.", vocab, "2011-05-04")
    assert got["1000"][1] == "scomm-removals" and got["400"][1] == ""


def test_places_added_are_no_count_of_where_the_program_is_active(vocab: Vocabulary) -> None:
    got = figures("Secure Communities was activated in 25 additional jurisdictions on Tuesday.", vocab, "2011-05-04")
    assert got["25"][1] == ""


def test_a_count_of_which_the_program_is_one_cause_is_not_the_programs(vocab: Vocabulary) -> None:
    got = figures("The agency has deported more than 1 million people since 2009, many of them through Secure Communities.",
                  vocab, "2011-05-04")
    assert got["1000000"][1] == "removals"
    got = figures("The agency deported nearly 400,000 people last year, in part because of Secure Communities.", vocab, "2011-05-04")
    assert got["400000"][1] == "removals"


def test_deportation_proceedings_are_no_removals(vocab: Vocabulary) -> None:
    got = figures("Secure Communities put 5,000 people into deportation proceedings in the county.", vocab, "2011-05-04")
    assert got["5000"][1] == ""


def test_places_where_the_program_is_only_planned_to_run_take_no_measure(vocab: Vocabulary) -> None:
    got = figures("The agency expects Secure Communities to be in 3,100 jurisdictions by 2013.", vocab, "2011-05-04")
    assert got["3100"][1] == ""


def test_a_relative_clause_holds_no_act_of_the_count(vocab: Vocabulary) -> None:
    got = figures("Secure Communities, which checks fingerprints of everyone booked into jail, has led to 77,000 deportations.",
                  vocab, "2011-05-04")
    assert got["77000"][1] == "scomm-removals"


def test_a_fiscal_year_named_before_its_words_and_a_year_given_by_its_last_day(vocab: Vocabulary) -> None:
    got = figures("In the 2010 fiscal year, the Gamma Agency deported 392,000 people.", vocab, "2011-05-04")
    assert got == {"392000": ("persons", "removals", "2009-10-01/2010-09-30")}
    got = figures("In the year ending Sept. 30, 2010, the Gamma Agency deported 392,000 people.", vocab, "2011-05-04")
    assert got["392000"][2] == "2009-10-01/2010-09-30"


def test_a_sentence_opening_with_in_a_year_or_over_the_past_year_is_over_it(vocab: Vocabulary) -> None:
    got = figures("In 2010 alone, Secure Communities led to 46,000 deportations.", vocab, "2011-05-04")
    assert got["46000"][2] == "2010-01-01/2010-12-31"
    got = figures("Over the past year, 1,400 people have been deported from the county through Secure Communities.",
                  vocab, "2011-05-04")
    assert got["1400"][2] == "2010-05/2011-05"


def test_the_end_of_a_year_is_its_last_day_and_a_base_dates_only_itself(vocab: Vocabulary) -> None:
    got = figures("By the end of 2010, Secure Communities had led to 46,000 deportations.", vocab, "2011-05-04")
    assert got["46000"][2] == "2010-12-31"
    got = figures("Secure Communities is now in 1,210 jurisdictions, up from 14 in 2008.", vocab, "2011-05-04")
    assert got["1210"] == ("jurisdictions", "jurisdictions-activated", "2011-05-04")


def test_a_start_after_a_place_with_commas(vocab: Vocabulary) -> None:
    got = figures("The program has led to 46,000 deportations since it was first activated in Harris County, Texas, in "
                  "October 2008.", vocab, "2011-05-04")
    assert got["46000"][2] == "2008-10/2011-05-04"


# Session 13 (13f): what a number counts, said by words the unit list did not hold.

def test_sites_locations_and_law_enforcement_agencies_are_jurisdictions(vocab: Vocabulary) -> None:
    got = figures("Participation in the program has grown to 70 sites in the U.S., including 39 in Texas.", vocab)
    assert got["70"][:2] == ("jurisdictions", "jurisdictions-activated") and got["39"][0] == "jurisdictions"
    got = figures("Secure Communities has been activated in approximately 680 locations in 33 states.", vocab)
    assert got["680"][0] == "jurisdictions" and got["33"][0] == "states"
    got = figures("More than 2,000 law enforcement agencies are participating in Secure Communities.", vocab)
    assert got["2000"][:2] == ("jurisdictions", "jurisdictions-activated")
    assert "3" not in figures("Three federal agencies share the data.", vocab)


def test_fingerprints_run_through_the_databases_are_submissions(vocab: Vocabulary) -> None:
    got = figures("More than 92,000 sets of fingerprints have been run through the Secure Communities databases.", vocab)
    assert got["92000"][:2] == ("submissions", "fingerprint-submissions")


def test_a_number_of_people_said_by_its_clause_or_its_act(vocab: Vocabulary) -> None:
    got = figures("The Gamma Agency has detained 250,000 immigrants and deported over 200,000.", vocab)
    assert got["200000"][0] == "persons"
    assert figures("The agency flagged more than 45,300 who had been convicted of felonies.", vocab)["45300"][0] == "persons"
    assert figures("The agency removed 28,000 convicted of aggravated felonies.", vocab)["28000"][0] == "persons"


def test_a_dozen_is_twelve_and_the_end_of_a_change_takes_its_start_s_unit(vocab: Vocabulary) -> None:
    assert figures("More than a dozen of the state's 39 counties are participating.", vocab)["12"][0] == "jurisdictions"
    assert "12" not in figures("Dozens of counties and half a dozen cities are participating.", vocab)
    got = figures("Secure Communities has grown from 14 jurisdictions to more than 1,500.", vocab)
    assert got["1500"][:2] == ("jurisdictions", "jurisdictions-activated")


def test_crimes_said_graver_than_a_conviction_are_a_part_no_concept_counts(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has led to the deportation of more than 21,500 immigrants convicted of major crimes.", vocab)
    assert got["21500"][1] == ""
    assert figures("Secure Communities has removed 9,000 serious criminals.", vocab)["9000"][1] == ""
    got = figures("Secure Communities has led to the deportation of 77,000 people, among them some serious criminals.", vocab)
    assert got["77000"][1] == "scomm-removals"  # the gravity of another phrase than the number's own
    got = figures("Secure Communities led to the arrest of 5,000 people convicted of major violent offenses.", vocab)
    assert got["5000"][1] == "scomm-arrests-violent-offenders"
    got = figures("Secure Communities has led to the removal of 77,000 immigrants convicted of crimes.", vocab)
    assert got["77000"][1] == "scomm-criminal-removals"


def test_levels_of_the_agency_s_scale_are_not_level_1_alone(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has deported 40,000 people with level 1, 2 or 3 crimes in their past.", vocab)
    assert got["40000"][1] == "scomm-criminal-removals"
    got = figures("Secure Communities has deported 40,000 Level 1 and 2 offenders.", vocab)
    assert got == {"40000": ("persons", "", "2012-07-10")}


def test_a_share_never_convicted_is_no_share_never_charged(vocab: Vocabulary) -> None:
    assert figures("26 percent of those deported through Secure Communities had never been convicted of a crime.", vocab) == {}
    got = figures("26 percent of those deported through Secure Communities were never charged with a crime.", vocab)
    assert got["26"][1] == "scomm-removals-no-charge-share"


def test_a_count_from_the_statistics_of_a_month_or_as_of_a_month_holds_then(vocab: Vocabulary) -> None:
    said = "1,000 people were deported through Secure Communities."
    assert figures(f"According to ICE statistics from February, {said}", vocab, "2011-05-04")["1000"][2] == "2011-02"
    assert figures(f"According to ICE statistics from February 2011, {said}", vocab, "2011-05-04")["1000"][2] == "2011-02"
    assert figures(f"ICE figures from last month show that {said}", vocab, "2011-05-04")["1000"][2] == "2011-04"
    got = figures("As of February, 1,000 people had been deported through Secure Communities.", vocab, "2011-05-04")
    assert got["1000"][2] == "2011-02"
    got = figures("Secure Communities led to 1,000 deportations in February.", vocab, "2011-05-04")
    assert got["1000"][2] == "2011-02-01/2011-02-28"  # during a month is over it


def test_a_total_after_a_dated_base_is_not_of_the_base_s_date(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has grown from 14 jurisdictions in 2008 to 1,500 jurisdictions today.", vocab, "2011-05-04")
    assert got["14"][2] == "2008" and got["1500"][2] == "2011-05-04"


def test_a_count_at_a_date_is_no_start_of_a_later_total(vocab: Vocabulary) -> None:
    got = figures("Secure Communities, which started in 14 jurisdictions in 2008, has expanded to 1,595 jurisdictions.",
                  vocab, "2011-05-04")
    assert got["14"][2] == "2008" and got["1595"][2] == "2011-05-04"
    got = figures("Secure Communities has been activated in 1,595 jurisdictions in 44 states, up from 14 jurisdictions in 2008.",
                  vocab, "2011-05-04")
    assert got["14"][2] == "2008" and got["1595"][2] == "2011-05-04" and got["44"][2] == "2011-05-04"
    got = figures("From 14 jurisdictions in 2008, Secure Communities has grown to 1,595 jurisdictions.", vocab, "2011-05-04")
    assert got["1595"][2] == "2011-05-04"
    got = figures("Secure Communities was piloted in 14 jurisdictions beginning in October 2008.", vocab, "2011-10")
    assert got["14"][2] == "2008-10"
    got = figures("Since it began in 2008, Secure Communities has expanded to 1,595 jurisdictions.", vocab, "2011-05-04")
    assert got["1595"][2] == "2008/2011-05-04"  # a stated start, no count of its own: a period (the README)


def test_a_part_of_a_whole_given_first_is_the_part_the_program_names(vocab: Vocabulary) -> None:
    got = figures("Of the 1,000 people deported from the county, 400 were identified through Secure Communities.", vocab)
    assert got["1000"][1] == "removals" and got["400"][:2] == ("persons", "scomm-removals")
    got = figures("Of the 1,000 deported from the county last year, 400 were identified through Secure Communities.",
                  vocab, "2011-05-04")
    assert got["1000"][:2] == ("persons", "removals") and got["400"][1] == "scomm-removals"


def test_a_count_under_an_administration_at_a_sentence_s_start_or_since_its_beginning(vocab: Vocabulary) -> None:
    got = figures("Under the Obama administration, ICE has removed 800,000 people.", vocab, "2011-05-04")
    assert got["800000"][2] == "2009-01-20/2011-05-04"
    got = figures("ICE has removed 800,000 people since the beginning of the Obama administration.", vocab, "2011-10")
    assert got["800000"][2] == "2009-01-20/2011-10"  # to the document's month, no more precise than its date


def test_the_program_is_the_only_program_a_text_about_a_law_names(vocab: Vocabulary) -> None:
    law = Known("delta-act", "bill", "Delta Act", ("Delta Act",))
    body = ("The Delta Act moves forward\n\nThe Delta Act passed the Assembly. The Delta Act would limit holds under "
            "Secure Communities{}. Backers of the Delta Act cheered.\n\nIn California, the program has led to nearly "
            "80,000 deportations.")

    def measure(text: str) -> str:
        _, _, found = extract(text, vocab, "2013-04-10", REGISTER + [PROGRAM, law])
        return next(c.values["measure"] for c in found if c.kind == "figures" and c.values["value"] == "80000")

    assert measure(body.format("")) == "scomm-removals"
    assert measure(body.format(" and the Beta Program")) == "removals"  # two programs: which one is not said


def test_the_program_s_criminal_removals_and_their_level_1_part(vocab: Vocabulary) -> None:
    assert figures("Secure Communities has led to the removal of 77,000 criminal immigrants.", vocab)["77000"][1] \
        == "scomm-criminal-removals"
    assert figures("Secure Communities has led to the removal of 77,000 immigrants with criminal convictions.",
                   vocab)["77000"][1] == "scomm-criminal-removals"
    got = figures("Since October 2008, Secure Communities has led to the removal of 77,000 immigrants, 28,000 of them "
                  "Level 1 offenders.", vocab)
    assert got["77000"][1] == "scomm-removals" and got["28000"][1] == "scomm-removals-level1"
    got = figures("ICE has removed more than 77,000 criminal aliens identified through Secure Communities, including "
                  "28,000 Level 1 offenders.", vocab)
    assert got["77000"][1] == "scomm-criminal-removals" and got["28000"][1] == "scomm-removals-level1"


def test_another_program_s_places_and_its_section_number(vocab: Vocabulary) -> None:
    other = Known("section-9-program", "program", "9(z) program", ("9(z)", "9(z) program"))
    text = "The 9(z) program operates in 70 jurisdictions in 24 states."
    _, _, found = extract(text, vocab, "2011-05-04", REGISTER + [PROGRAM, other])
    got = {c.values["value"]: c.values["measure"] for c in found if c.kind == "figures"}
    assert got == {"70": "", "24": ""}  # no "9" of "9(z)"; no measure of where Secure Communities runs


# Session 14 (14f): sentences of my own, one or more per rule.


def test_a_bill_s_section_s_or_telephone_number_is_no_count(vocab: Vocabulary) -> None:
    got = figures("Assembly Bill 1081 would let California counties opt out; Secure Communities has deported 2,000 people.", vocab)
    assert set(got) == {"2000"}
    assert set(figures("Arizona's SB 1070 would affect 400,000 people.", vocab)) == {"400000"}
    got = figures("Call (212) 555-1234 for help; Secure Communities has deported 3,000 people.", vocab)
    assert set(got) == {"3000"}


def test_n_in_m_is_a_share_not_two_counts(vocab: Vocabulary) -> None:
    got = figures("Three in 10 people deported under Secure Communities had never been charged with a crime.", vocab)
    assert got == {"30": ("percent", "scomm-removals-no-charge-share", "2012-07-10")}
    assert figures("Seven out of 10 people deported through Secure Communities had no conviction.", vocab) == {}


def test_dozens_are_twelve_each(vocab: Vocabulary) -> None:
    assert figures("Two dozen counties have joined Secure Communities.", vocab)["24"][0] == "jurisdictions"
    assert "2" not in figures("Two dozen counties have joined Secure Communities.", vocab)


def test_a_count_another_program_is_given_takes_no_measure(vocab: Vocabulary) -> None:
    other = Known("section-9-program", "program", "9(z) program", ("9(z)", "9(z) program"))

    def got(text: str) -> dict[str, str]:
        _, _, found = extract(text, vocab, "2011-05-04", REGISTER + [PROGRAM, other])
        return {c.values["value"]: c.values["measure"] for c in found if c.kind == "figures"}

    assert got("Under the 9(z) program, 186,000 people have been deported.") == {"186000": ""}
    assert got("The 9(z) program, which like Secure Communities relies on local police, led to 186,000 deportations.") \
        == {"186000": ""}
    assert got("Secure Communities, which replaced the 9(z) program in many places, led to 186,000 deportations.") \
        == {"186000": "scomm-removals"}
    assert got("The Gamma Agency removed 392,000 people in 2010, and 9(z) agreements covered 70 jurisdictions.")["392000"] \
        == "removals"


def test_a_program_named_in_a_clause_set_against_the_count_s_is_not_its(vocab: Vocabulary) -> None:
    got = figures("The Delta Program has led to 12,000 deportations, while Secure Communities was active in 3,000 "
                  "jurisdictions.", vocab)
    assert got["12000"][1] != "scomm-removals" and got["3000"][1] == "jurisdictions-activated"


def test_a_second_count_takes_the_unit_the_first_gave_and_its_own_date(vocab: Vocabulary) -> None:
    got = figures("Through Secure Communities, the Gamma Agency removed 46,000 people in fiscal year 2010 and 80,000 in "
                  "fiscal year 2011.", vocab)
    assert got["80000"] == ("persons", "scomm-removals", "2010-10-01/2011-09-30")
    got = figures("In 2009, Secure Communities led to the removal of 2,000 people, and 3,000 in 2010.", vocab)
    assert got["2000"][2] == "2009-01-01/2009-12-31" and got["3000"][2] == "2010-01-01/2010-12-31"


def test_the_years_since_an_act_are_counted_back_from_the_document_s_date(vocab: Vocabulary) -> None:
    got = figures("In the two years since it was activated, Secure Communities has led to 5,000 deportations.", vocab,
                  "2011-12-15")
    assert got["5000"][2] == "2009-12/2011-12"


def test_criminals_removed_are_convicted_people_and_a_removal_noun_is_the_count_s_act(vocab: Vocabulary) -> None:
    assert figures("Secure Communities has led to the deportation of 77,000 criminals.", vocab)["77000"][1] \
        == "scomm-criminal-removals"
    assert figures("Secure Communities has led to the deportation of 77,000 serious criminals.", vocab)["77000"][1] == ""
    got = figures("Secure Communities has identified 111,000 criminal aliens and led to the deportation of 77,000 people.", vocab)
    assert got["111000"][1] == "" and got["77000"][1] == "scomm-removals"


def test_a_part_after_a_semicolon_is_the_part_s_not_the_whole_s(vocab: Vocabulary) -> None:
    got = figures("Through Secure Communities, the Gamma Agency deported 77,000 people; 28,000 of them had been convicted "
                  "of Level 1 crimes.", vocab)
    assert got["77000"][1] == "scomm-removals" and got["28000"][1] == "scomm-removals-level1"


def test_a_start_said_by_the_noun_of_the_program_s_start(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has led to the removal of 77,000 people since its October 2008 launch.", vocab, "2011-06-15")
    assert got["77000"][2] == "2008-10/2011-06-15"
    got = figures("Since Secure Communities' launch in 2008, 77,000 people have been removed.", vocab, "2011-06-15")
    assert got["77000"][2] == "2008/2011-06-15"
    got = figures("Secure Communities has deported more than 77,000 people since it was rolled out in 2008.", vocab, "2011-06-15")
    assert got["77000"][2] == "2008/2011-06-15"


def test_of_those_in_the_next_sentence_is_a_part_of_the_count_before(vocab: Vocabulary) -> None:
    got = figures("In fiscal year 2010, Secure Communities led to the removal of 39,000 people. Of those, 26,000 were "
                  "convicted criminals.", vocab)
    assert got["26000"] == ("persons", "scomm-criminal-removals", "2009-10-01/2010-09-30")


def test_a_count_said_with_the_start_is_the_count_at_the_start_and_a_later_total_is_not_of_its_date(vocab: Vocabulary) -> None:
    got = figures("Secure Communities was launched in 2008 in 14 jurisdictions and now operates in 1,300 jurisdictions.",
                  vocab, "2011-06-15")
    assert got["14"][2] == "2008" and got["1300"][2] == "2011-06-15"
    got = figures("Secure Communities, which began with 14 jurisdictions in 2008, now covers 1,300.", vocab, "2011-06-15")
    assert got["1300"] == ("jurisdictions", "jurisdictions-activated", "2011-06-15")
    got = figures("Secure Communities led to the removal of 2,000 people in 2008, and has led to 77,000 in all.", vocab,
                  "2011-06-15")
    assert got["2000"][2] == "2008-01-01/2008-12-31" and got["77000"][2] == "2011-06-15"
    assert set(figures("Secure Communities led to 2,000 deportations in the county, the second most of 58.", vocab)) == {"2000"}


def test_a_part_limited_to_a_place_is_of_the_whole_s_measure(vocab: Vocabulary) -> None:
    got = figures("Secure Communities led to the removal of 72,000 people, 5,000 of them in Texas.", vocab)
    assert got["5000"][1] == "scomm-removals"
    got = figures("In fiscal year 2010, Secure Communities led to the removal of 39,000 people. Of those, 2,000 were from "
                  "Harris County.", vocab)
    assert got["2000"] == ("persons", "scomm-removals", "2009-10-01/2010-09-30")


def test_a_half_or_quarter_of_a_year_and_a_range_of_months_are_periods(vocab: Vocabulary) -> None:
    got = figures("In the first half of 2011, Secure Communities led to 30,000 deportations.", vocab, "2011-12-15")
    assert got["30000"][2] == "2011-01-01/2011-06-30"
    got = figures("Secure Communities led to 30,000 deportations in the third quarter of 2011.", vocab, "2011-12-15")
    assert got["30000"][2] == "2011-07-01/2011-09-30"
    got = figures("From January to March 2011, Secure Communities led to 30,000 deportations.", vocab, "2011-12-15")
    assert got["30000"][2] == "2011-01-01/2011-03-31"
    got = figures("Secure Communities led to 30,000 deportations between January and June.", vocab, "2011-12-15")
    assert got["30000"][2] == "2011-01-01/2011-06-30"
    got = figures("Secure Communities led to 30,000 deportations between October and March.", vocab, "2011-05-02")
    assert got["30000"][2] == "2010-10-01/2011-03-31"


def test_the_end_of_a_month_or_year_said_against_the_document_s_date_is_its_last_day(vocab: Vocabulary) -> None:
    got = figures("Through the end of September, Secure Communities had led to 110,000 deportations.", vocab, "2011-12-15")
    assert got["110000"][2] == "2011-09-30"
    got = figures("By the end of last year, Secure Communities had led to 70,000 deportations.", vocab, "2011-12-15")
    assert got["70000"][2] == "2010-12-31"
    got = figures("Secure Communities led to 70,000 deportations last year.", vocab, "2011-12-15")
    assert got["70000"][2] == "2010-01-01/2010-12-31"  # over the year, not at its end


# Session 15 (15f): sentences of my own, one or more per rule.
def test_the_whole_a_count_is_taken_out_of_is_no_count(vocab: Vocabulary) -> None:
    got = figures("Secure Communities is active in just one of 15 jurisdictions in the state.", vocab, "2011-09-15")
    assert got == {"1": ("jurisdictions", "jurisdictions-activated", "2011-09-15")}
    got = figures("Secure Communities runs in more than a dozen of Oregon's 36 counties and in twelve of the state's 40 jails.", vocab)
    assert set(got) == {"12"} and "36" not in got and "40" not in got
    got = figures("The county is one of 28 jurisdictions in the state that are using Secure Communities.", vocab, "2010-09-02")
    assert got == {"28": ("jurisdictions", "jurisdictions-activated", "2010-09-02")}  # a member of the 28, no count of one
    # a part in digits is a breakdown of the count, not a member of a set: the whole stays a figure (round 25, after its run)
    got = figures("In Santa Barbara County, 68 of 118 deportations from January to April through the S-Comm program have "
                  "been non-criminals.", vocab, "2010-05-20")
    assert "118" in got and "68" in got


def test_a_part_of_a_year_after_the_preposition_of_a_start_is_the_year(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has removed about 40,000 convicts since its pilot launch in late 2008.", vocab, "2011-02-28")
    assert got["40000"][2] == "2008/2011-02-28"  # was the document's date
    got = figures("Secure Communities has removed 30,000 people since early 2009.", vocab, "2011-02-28")
    assert got["30000"][2] == "2009/2011-02-28"


def test_a_year_a_program_began_in_starts_a_count_in_the_perfect_after_it(vocab: Vocabulary) -> None:
    got = figures("Secure Communities was activated in 2010 in Delta County and has led to the removal of 61 people.", vocab,
                  "2012-04-24")
    assert got["61"] == ("persons", "scomm-removals", "2010/2012-04-24")  # was the whole of 2010


def test_it_that_led_to_a_count_is_the_program_named_before(vocab: Vocabulary) -> None:
    got = figures("Secure Communities began in 2008. It has led to the deportation of nearly 90,000 Oregonians.", vocab, "2013-08-28")
    assert got["90000"][1] == "scomm-removals"
    got = figures("Secure Communities began in 2008. It deported 90,000 people last year.", vocab, "2013-08-28")
    assert got["90000"][1] == "removals"  # an agency's verb: "it" is not read as the program


def test_a_share_of_those_is_a_share_of_the_count_before(vocab: Vocabulary) -> None:
    got = figures("Secure Communities has deported 85,000 people. More than two-thirds of those had never been convicted of "
                  "any crime, or only of low level offenses.", vocab, "2013-05")
    assert got["67"] == ("percent", "scomm-removals-not-dangerous-share", "2013-05")
    got = figures("The Gamma Agency has deported 85,000 people. About 70 percent of them had only minor offenses.", vocab, "2013-05")
    assert "70" not in got  # not the program's removals: no share the scheme counts



def test_a_span_of_years_and_a_half_counted_back_is_to_the_month(vocab: Vocabulary) -> None:
    got = figures("Over the last 2½ years, Secure Communities has led to 40,000 deportations.", vocab, "2011-06-15")
    assert got["40000"][2] == "2008-12/2011-06"  # was the document's date
    got = figures("In the past two and a half years, Secure Communities has led to 40,000 deportations.", vocab, "2011-06-15")
    assert got["40000"][2] == "2008-12/2011-06"


def test_the_day_counted_through_said_before_the_start_ends_the_period(vocab: Vocabulary) -> None:
    got = figures("Secure Communities had led to 40,000 deportations through May 31, 2011, since October 2008.", vocab, "2011-06-15")
    assert got["40000"][2] == "2008-10-01/2011-05-31"  # was to the document's date
    got = figures("Through March 2011, since its launch in October 2008, Secure Communities had led to 40,000 deportations.",
                  vocab, "2011-06-15")
    assert got["40000"][2] == "2008-10-01/2011-03-31"  # the year before "since" was read as a count


def test_the_program_with_a_writer_s_words_before_it_is_the_document_s(vocab: Vocabulary) -> None:
    got = figures("Secure Communities shares fingerprints. In Oregon, the controversial program has led to 9,000 deportations.", vocab)
    assert got["9000"][1] == "scomm-removals"  # was removals
    got = figures("Secure Communities shares fingerprints. The Priority Enforcement Program has led to 9,000 deportations.", vocab)
    assert got["9000"][1] != "scomm-removals"


# Session 16 (16f): sentences of my own, one or more per rule.

def test_a_count_a_cause_led_to_is_the_program_s_where_no_agent_is_named(vocab: Vocabulary) -> None:
    got = figures("Secure Communities began in 2008. Critics say it has instead resulted in the deportation of more than "
                  "9,500 people.", vocab, "2013-05-10")
    assert got["9500"][1] == "scomm-removals"  # "it" after a speaker's words was read only at the head of the sentence
    got = figures("Secure Communities shares fingerprints. In Polk County, according to the sheriff's figures, print "
                  "matches have resulted in 2,600 deportations.", vocab, "2013-05-10")
    assert got["2600"][1] == "scomm-removals"
    got = figures("Secure Communities shares fingerprints. The Gamma Agency's enforcement surge has led to the deportation "
                  "of 40,000 people.", vocab, "2013-05-10")
    assert got["40000"][1] == "removals"  # an agency named as the cause: its count, not the program's


def test_the_others_a_place_will_join_are_in_already(vocab: Vocabulary) -> None:
    got = figures("Oregon will join 35 other states in Secure Communities.", vocab, "2011-01-04")
    assert got["35"] == ("states", "states-territories-activated", "2011-01-04")  # was no measure (read as planned)
    got = figures("Secure Communities will be activated in 20 more states by 2013.", vocab, "2011-01-04")
    assert got["20"][1] == ""  # only planned


# Session 18 (18f): written from rounds 24, 26 and 27's full text (W) and the README's figure rules; sentences invented.

def test_since_a_month_to_the_documents_day_starts_at_the_month(vocab: Vocabulary) -> None:
    # README, round 19: a count "since <month>" runs from that month (not its first day) to the document's date, to
    # the day where the date gives one; a span from one month through another keeps the first's first day
    got = figures("ICE officers have detained more than 9,000 people since the system began operation in October 2009.",
                  vocab, "2011-03-08")
    assert got["9000"][2] == "2009-10/2011-03-08"
    got = figures("The county joined the effort in August 2009. Since then, ICE has taken 3,000 immigrants into custody.",
                  vocab, "2011-02-25")
    assert got["3000"][2] == "2009-08/2011-02-25"
    got = figures("From October 2009 through March 2011, 4,000 people were deported through Secure Communities.", vocab, "2011-06-15")
    assert got["4000"][2] == "2009-10-01/2011-03-31"


def test_a_sentence_that_goes_on_with_the_count_before_takes_its_time(vocab: Vocabulary) -> None:
    # "However, another 11,000 ...", "They were among 17,723 ...", "Among the deported were also 4,442 ...": a tie to
    # the count of the sentence before carries its period; a part of it is not counted by its measure, unless the part
    # is only a place's (README, round 5)
    got = figures("Over the past five years, nearly 6,000 people with no criminal record were deported from Florida. "
                  "They were among 17,723 immigrants deported from the state through Secure Communities. "
                  "Among the deported were also 4,442 who had committed only misdemeanors.", vocab, "2014-02-16")
    assert got["17723"] == ("persons", "scomm-removals", "2009-02/2014-02")
    assert got["4442"] == ("persons", "", "2009-02/2014-02")
    got = figures("Secure Communities generated more than 32,000 matches from October 2008 through March 2009. "
                  "That includes 5,369 matches in Harris County.", vocab, "2009-07-13")
    assert got["5369"] == ("matches", "database-matches", "2008-10-01/2009-03-31")


def test_a_crowd_a_span_and_a_population_are_no_figures(vocab: Vocabulary) -> None:
    # precision: the gold never codes attendance, a number of days or the unlawfully present population; a count of
    # removals in the same words stays
    assert figures("More than 125 people turned out for a forum on Secure Communities.", vocab, "2011-06-15") == {}
    assert figures("The group held a protest against Secure Communities on Tuesday with about 40 people.", vocab, "2011-06-15") == {}
    assert figures("The task force would issue recommendations in 45 days involving the treatment of migrants.", vocab, "2011-06-15") == {}
    assert figures("Secure Communities deters the nation's estimated 11 million illegal immigrants from reporting crimes.",
                   vocab, "2011-06-15") == {}
    # the removal words that keep a population must stand in its own clause, not in another one of the sentence
    assert figures("Deportations rose under Secure Communities: the nation's estimated 11 million illegal immigrants fear "
                   "the police.", vocab, "2011-06-15") == {}
    got = figures("Secure Communities has led to the deportation of 1 million undocumented immigrants.", vocab, "2011-06-15")
    assert got["1000000"][:2] == ("persons", "scomm-removals")


def test_the_program_named_with_the_word_program_is_the_documents_program(vocab: Vocabulary) -> None:
    # "the Secure Communities program" every time, as news writes it: its counts are the program's
    text = ("Under the Secure Communities program, fingerprints are sent to ICE.\n\n"
            "Immigration agents say the network has helped deport 32,645 immigrants from California.")
    assert figures(text, vocab, "2011-02-25")["32645"] == ("persons", "scomm-removals", "2011-02-25")


def test_minor_charges_are_the_not_dangerous_share(vocab: Vocabulary) -> None:
    # "have no criminal convictions or were arrested on minor charges" says the share of the program's removals who
    # were not dangerous criminals, as "only minor offenses" did (cues.yaml figure_label_phrases)
    got = figures("About 70% of those deported due to Secure Communities have no criminal convictions or were arrested "
                  "on minor charges.", vocab, "2011")
    assert got["70"] == ("percent", "scomm-removals-not-dangerous-share", "2011")


# Session 19 (19f): written from rounds 24, 26, 27 and 28's full text (W); sentences invented.

def test_citizens_held_or_removed_are_a_part_no_measure_counts(vocab: Vocabulary) -> None:
    # "3,600 U.S. citizens have been wrongly detained", "deport over 3,000 U.S. citizens", "five cases of United States
    # citizens": a count of people (cues.yaml figure_units), a part of those held or removed (figure_part_nouns): no measure
    got = figures("Secure Communities shares fingerprints. In addition, 2,100 U.S. citizens have been wrongly detained "
                  "under Secure Communities. The program has also managed to deport over 1,200 U.S. citizens. The most "
                  "recent were three U.S. citizens from Fresno.", vocab, "2012-02-22")
    assert got["2100"] == ("persons", "", "2012-02-22")
    assert got["1200"] == ("persons", "", "2012-02-22")
    assert got["3"] == ("persons", "", "2012-02-22")
    # another noun of the people removed keeps its measure
    got = figures("Secure Communities shares fingerprints. The program has deported over 1,200 noncitizens.", vocab, "2012-02-22")
    assert got["1200"][:2] == ("persons", "scomm-removals")


def test_an_agency_that_deported_the_count_is_its_own_count_in_a_text_titled_by_the_program(vocab: Vocabulary) -> None:
    # the title names the program, the sentence gives the count to the agency as the subject of the removal
    text = ("Secure Communities comes to town\n\nLast week the Secretary defended a request to expand Secure Communities. "
            "She proclaimed that the Gamma Agency (GA) deported nearly 300,000 undocumented immigrants for the 2011 fiscal year.")
    assert figures(text, vocab, "2012")["300000"] == ("persons", "removals", "2010-10-01/2011-09-30")
    # with no agent named, the title's program still counts
    text = ("Secure Communities comes to town\n\nLast week the Secretary defended a request to expand Secure Communities. "
            "Nearly 300,000 undocumented immigrants were deported in the 2011 fiscal year.")
    assert figures(text, vocab, "2012")["300000"][1] == "scomm-removals"


def test_a_share_in_words_joined_to_percent_is_no_count(vocab: Vocabulary) -> None:
    # "sixty-percent of deportations": the share's number, no count of sixty people
    text = "Under Secure Communities, sixty-percent of deportations were of individuals with no criminal background."
    assert "60" not in figures(text, vocab, "2012-01-23")


def test_a_clause_after_since_states_the_start_of_the_counts_it_governs(vocab: Vocabulary) -> None:
    # a clause that opens the sentence governs the counts after its comma; README, round 19: from the month to the
    # document's date
    got = figures("Since Secure Communities was begun in Dane County in May 2010, more than 300 people have been deported.",
                  vocab, "2012-08-04")
    assert got["300"] == ("persons", "scomm-removals", "2010-05/2012-08-04")
    # a clause after the counts governs them, a season's year its year; a count in the clause's own "and" does not take it
    text = ("Under Secure Communities, fingerprints are sent to ICE. The network has helped deport 12,000 immigrants from "
            "Oregon, including 9,000 who were convicted of a crime since Lane County became the first county in the state "
            "to join in fall 2010 and the 35 other counties followed suit.")
    got = figures(text, vocab, "2012-02-25")
    assert got["12000"] == ("persons", "scomm-removals", "2010/2012-02-25")
    assert got["9000"] == ("persons", "scomm-criminal-removals", "2010/2012-02-25")
    assert got["35"] == ("jurisdictions", "", "2012-02-25")


# Session 19 (19g): written from the full text of rounds 24-29 (W); sentences invented.

def test_a_set_of_states_a_state_is_one_of_has_no_measure(vocab: Vocabulary) -> None:
    got = figures("Oregon is one of only nine states that run Secure Communities statewide.", vocab, "2011-12-01")
    assert got["9"][:2] == ("states", "")
    got = figures("Secure Communities now runs in 44 states.", vocab, "2011-12-01")
    assert got["44"][:2] == ("states", "states-territories-activated")  # the program's own count keeps its measure
