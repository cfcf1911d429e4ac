"""Classes of actors named as the subject of a position (graph/ingest/classes.py)."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from graph.ingest import classes, review
from graph.ingest.candidates import cues, propose
from graph.ingest.mentions import Known, find_mentions, find_titles

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("gamma-agency", "agency", "Gamma Agency", ("Gamma Agency",)),
    Known("local-police", "collective", "Local law enforcement agencies",
          ("Local law enforcement agencies", "law enforcement", "state and local law enforcement")),
]


def extracted(text: str, vocab: Vocabulary) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """The new classes (name: type) and the stances, as `scomm ingest` finds them."""
    found = find_mentions(text, REGISTER)
    new, held = classes.class_actors(text, REGISTER, found, [c.pattern for c in cues(vocab)])
    known = REGISTER + [Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
    found = classes.with_mentions(text, new, find_mentions(text, known), held)
    stances = propose("doc", text, "2014-11-20", found, find_titles(text, found, known), known, vocab, "gamma-agency")
    return ({e.name: e.type for e in new},
            {(c.values["actor"], c.values["target"], c.values["position"]) for c in stances if c.kind == "stances"})


def test_each_class_of_a_coordination_is_an_actor(vocab: Vocabulary) -> None:
    new, stances = extracted("Governors, mayors, and state and local law enforcement officials around the country "
                             "have objected to the Beta Program.", vocab)
    assert new == {"Governors": "collective", "mayors": "collective"}
    assert {("governors", "beta-program", "opposes"), ("mayors", "beta-program", "opposes"),
            ("local-police", "beta-program", "opposes")} <= stances


def test_a_level_before_a_shared_head_is_its_own_class(vocab: Vocabulary) -> None:
    new, stances = extracted("Since then, city, county and state governments have refused to join the Beta Program.", vocab)
    assert set(new) == {"city governments", "county governments", "state governments"}
    assert ("city-governments", "beta-program", "refuses-to-join") in stances


def test_two_heads_joined_by_and_are_two_classes_each_a_mention(vocab: Vocabulary) -> None:
    # "certain states and localities": two classes; the quantifier's alias does not make the bare head a modifier
    new, stances = extracted("Certain states and localities chose to terminate their participation in the Beta Program.", vocab)
    assert set(new) == {"states", "localities"}
    assert {("states", "beta-program", "seeks-opt-out"), ("localities", "beta-program", "seeks-opt-out")} <= stances


def test_a_class_coordination_inside_commas_with_a_word_of_sequence(vocab: Vocabulary) -> None:
    # "when counties, and then states, attempted to": two classes, the subject of the cue after the comma
    new, stances = extracted("But when counties, and then states, attempted to opt out of the Beta Program, they were refused.", vocab)
    assert set(new) == {"counties", "states"}
    assert {("counties", "beta-program", "seeks-opt-out"), ("states", "beta-program", "seeks-opt-out")} <= stances


def test_a_quantified_class_keeps_its_quantifier_as_an_alias_and_a_known_class_is_not_new(vocab: Vocabulary) -> None:
    new, stances = extracted("Some jurisdictions declined to take part in the Beta Program. Some law enforcement "
                             "agencies have expressed concerns about the Beta Program.", vocab)
    assert new == {"jurisdictions": "collective"}
    assert {("jurisdictions", "beta-program", "refuses-to-join"), ("local-police", "beta-program", "criticizes")} <= stances


def test_a_class_addressed_or_under_a_loaded_label_is_not_proposed(vocab: Vocabulary) -> None:
    assert extracted("The Gamma Agency told mayors that it supports the Beta Program.", vocab)[0] == {}
    assert extracted("Yet amnesty groups remain opposed to the Beta Program.", vocab)[0] == {}


def test_a_class_a_position_comes_from_is_its_actor(vocab: Vocabulary) -> None:
    new, stances = extracted("The Beta Program drew strong criticism from immigrant rights and civil liberties advocacy groups.", vocab)
    assert new == {"immigrant rights and civil liberties advocacy groups": "collective"}
    assert ("immigrant-rights-and-civil-liberties-advocacy-groups", "beta-program", "criticizes") in stances
    new, stances = extracted("The Beta Program has been criticized by city and county governments.", vocab)
    assert {("city-governments", "beta-program", "criticizes"), ("county-governments", "beta-program", "criticizes")} <= stances


def test_a_class_that_says_it_takes_the_position_and_critics_are_a_class_of_the_text(vocab: Vocabulary) -> None:
    new, stances = extracted("Many sheriffs say that the Beta Program is flawed.", vocab)
    assert new == {"sheriffs": "collective"} and ("sheriffs", "beta-program", "criticizes") in stances
    # README, round-17 rule: a text's own unnamed critics or opponents are a collective of that text, also as
    # the subject of a verb of saying; proposed for the reviewer, who codes their stances (no rule does)
    for text, name in [("Critics say the Beta Program is flawed.", "Critics"),
                       ("But critics of the Beta Program argue it nets too many people.", "critics"),
                       ("Backers of the program have long said it removes dangerous criminals.", "Backers of the program")]:
        found = find_mentions(text, REGISTER)
        new_, _ = classes.class_actors(text, REGISTER, found, [c.pattern for c in cues(vocab)])
        assert [(e.name, e.why) for e in new_] == [(name, classes.HOLDER_WHY)]
    got = review.extract("doc", "The Beta Program is run by the Gamma Agency.\n\nCritics say the Beta Program is flawed.\n",
                         "2014-11-20", {}, vocab)
    critics = [e.id for e in got.new_entities if e.name == "Critics"]
    assert critics and not [c for c in got.candidates if c.kind == "stances" and c.values["actor"] in critics]
    # not one who meets or answers critics
    assert extracted("The Gamma Agency met critics of the Beta Program on Monday.", vocab)[0] == {}


def test_a_class_is_named_with_what_it_is_of_or_for(vocab: Vocabulary) -> None:
    # "advocates for illegal immigrants", "other opponents of the program": the name as the text gives it,
    # the bare class an alias; not a program's name (its mention stays the program's)
    text = "Advocates for illegal immigrants have criticized the Beta Program."
    new_, _ = classes.class_actors(text, REGISTER, find_mentions(text, REGISTER), [c.pattern for c in cues(vocab)])
    assert [(e.name, "Advocates" in e.aliases) for e in new_] == [("Advocates for illegal immigrants", True)]
    new, stances = extracted("The Beta Program was denounced by political leaders, advocacy groups, and other opponents "
                             "of the program.", vocab)
    assert set(new) == {"political leaders", "advocacy groups", "other opponents of the program"}
    assert ("advocacy-groups", "beta-program", "opposes") in stances


def test_each_class_a_position_comes_from_after_its_object(vocab: Vocabulary) -> None:
    new, stances = extracted("There has been strong opposition to the Beta Program from city and county governments.", vocab)
    assert {("city-governments", "beta-program", "opposes"), ("county-governments", "beta-program", "opposes")} <= stances


def test_the_members_of_a_named_body_acting_as_one_are_a_collective() -> None:
    body = [Known("omega-committee", "group", "Omega Committee", ("Omega Committee",))]
    text = "Omega Committee members are pressing the agency on its priorities. The members wrote to the Director.\n"
    found = classes.body_members(text, body, {"omega-committee"})
    assert [(e.name, e.type, e.aliases) for e in found] == [("Omega Committee members", "collective", ["the members"])]
    assert not classes.body_members("The agency sent a letter to Omega Committee members.\n", body, {"omega-committee"})


def test_a_class_and_a_coordination_of_levels_after_it_are_each_a_class(vocab: Vocabulary) -> None:
    # "mayors and state and local ... officers": mayors, then the classes the levels share a head in
    new, stances = extracted("Johnson noted that governors, mayors and state and local law enforcement officers refused "
                             "to cooperate with the Beta Program.", vocab)
    assert {"governors", "mayors"} <= set(new)
    assert {("governors", "beta-program", "refuses-to-join"), ("mayors", "beta-program", "refuses-to-join")} <= stances


def test_a_class_coordinated_with_names_before_it_shares_their_clause(vocab: Vocabulary) -> None:
    # "The ACLU and other civil rights groups", "states like A, B and C and other localities"
    new, stances = extracted("The Gamma Agency and other civil rights groups have objected to the Beta Program.", vocab)
    assert ("civil-rights-groups", "beta-program", "opposes") in stances
    new, stances = extracted("Just this month, states like Ohio, Iowa and Utah and other localities announced their "
                             "refusal to participate in the Beta Program.", vocab)
    assert new == {"localities": "collective"} and ("localities", "beta-program", "refuses-to-join") in stances
    assert extracted("The Gamma Agency told the Delta Fund and other groups that it supports the Beta Program.", vocab)[0] == {}


def test_the_class_a_cause_moves_to_act_is_its_subject(vocab: Vocabulary) -> None:
    new, stances = extracted("In three states, concern over public safety has led lawmakers to decide to end participation "
                             "in the Beta Program entirely.", vocab)
    assert new == {"lawmakers": "collective"} and ("lawmakers", "beta-program", "seeks-opt-out") in stances
    assert extracted("The Gamma Agency told mayors to join the Beta Program.", vocab)[0] == {}


def test_a_class_whose_cue_is_a_participle_after_its_verb(vocab: Vocabulary) -> None:
    new, stances = extracted("Immigrant rights groups staged demonstrations, calling for the termination of the Beta Program.", vocab)
    assert new == {"Immigrant rights groups": "collective"}
    assert ("immigrant-rights-groups", "beta-program", "calls-to-end") in stances


def test_complaints_and_refusals_to_cooperate_are_positions_of_a_class(vocab: Vocabulary) -> None:
    new, stances = extracted("Democratic governors had complained about the Beta Program, saying the data could be misused.", vocab)
    assert ("democratic-governors", "beta-program", "criticizes") in stances
    new, stances = extracted("Several state governors have said they would not cooperate with the Beta Program.", vocab)
    assert ("state-governors", "beta-program", "refuses-to-join") in stances


def test_they_in_a_later_clause_is_the_class_that_begins_the_sentence(vocab: Vocabulary) -> None:
    new, stances = extracted("Sheriffs met with the Gamma Agency last week, and they said they oppose the Beta Program.", vocab)
    assert new == {"Sheriffs": "collective"} and ("sheriffs", "beta-program", "opposes") in stances


def test_two_kinds_before_one_head_are_two_classes(vocab: Vocabulary) -> None:
    # "civil rights and immigration advocates": each kind before the shared head is a class (README: a
    # coordination of classes is coded once for each); a program's name among the kind's words is no
    # class the register knows ("pro-immigration reform": a modifier, not "a class the register knows")
    new, stances = extracted("The Beta Program has been criticized by civil rights and immigration advocates.", vocab)
    assert set(new) == {"civil rights advocates", "immigration advocates"}
    assert {("civil-rights-advocates", "beta-program", "criticizes"),
            ("immigration-advocates", "beta-program", "criticizes")} <= stances
    # one plural of its own before "and" is its own class, not a kind ("immigrants and civil rights groups")
    new, _ = extracted("Immigrants and civil rights groups have criticized the Beta Program.", vocab)
    assert "Immigrants groups" not in new and "immigrants groups" not in new


def test_a_class_after_the_registers_class_and_its_scope(vocab: Vocabulary) -> None:
    # "local law enforcement and elected officials": the register's class, then a class of its own
    new, stances = extracted("Many state and local law enforcement and elected officials have opposed the Beta Program.", vocab)
    assert set(new) == {"elected officials"}
    assert {("elected-officials", "beta-program", "opposes"), ("local-police", "beta-program", "opposes")} <= stances
    # the scope a class is named with is an alias ("communities around the country")
    found = find_mentions("Communities around the country have objected to the Beta Program.", REGISTER)
    new_, _ = classes.class_actors("Communities around the country have objected to the Beta Program.", REGISTER, found,
                                   [c.pattern for c in cues(vocab)])
    assert [(e.name, "Communities around the country" in e.aliases) for e in new_] == [("Communities", True)]


def test_a_roll_call_in_capitals_before_a_class_is_read_without_splitting_its_names() -> None:
    # A word matched as two names ("ALQUIST" as "AL" + "QUIST") made a run of capitals take
    # exponential time: a floor record's roll call hung `scomm ingest`. The alarm turns a hang into a failure.
    import signal

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("_names_before hung on a roll call in capitals")

    roll_call = "AYES: " + ", ".join(["ALQUIST", "ANDERSON", "BERRYHILL", "BLAKESLEE", "CALDERON", "CANNELLA",
                                      "CORBETT", "CORREA", "DESAULNIER", "DUTTON", "EMMERSON", "EVANS"] * 3)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)
    try:
        assert classes._names_before(roll_call + " NOES: none") == roll_call + " NOES: none"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_an_amount_before_a_class_is_part_of_its_subject(vocab: Vocabulary) -> None:
    # "a growing number of X" (cues.yaml `classes.amounts`): the clause begins before the amount, so the class acts
    new, _ = extracted("A growing number of communities and states have sought to withdraw from the Beta Program.", vocab)
    assert set(new) == {"communities", "states"}
    new, _ = extracted("Hundreds of activists protested the Beta Program.", vocab)
    assert set(new) == {"activists"}
    new, _ = extracted("A rapidly expanding list of city and county governments enacted laws that limit the Beta Program.", vocab)
    assert set(new) == {"city governments", "county governments"}  # acting through the measures it enacts
    # an amount that is the object of another's act is no subject ("joined dozens of groups")
    new, _ = extracted("We have joined dozens of organizations in opposing the Beta Program.", vocab)
    assert "organizations" not in new


def test_a_class_is_the_source_of_an_objection(vocab: Vocabulary) -> None:
    # "under fire from X", "pushback from X", "the criticisms of X" (cues.yaml `classes.source_nouns`)
    new, _ = extracted("The Beta Program has come under fire from immigrant-rights advocates.", vocab)
    assert set(new) == {"immigrant-rights advocates"}
    new, _ = extracted("The agency rejected the criticisms of immigrants rights groups.", vocab)
    assert set(new) == {"immigrants rights groups"}
    new, _ = extracted("The Beta Program faces strong opposition from Governor Jane Roe and advocacy groups.", vocab)
    assert set(new) == {"advocacy groups"}
    # a class that is no source ("fire from the state's prisons" names none; "letters to advocates" is an addressee)
    new, _ = extracted("The agency sent letters to advocates about the Beta Program.", vocab)
    assert new == {}


def test_a_class_that_says_something_of_a_program_speaks_on_it(vocab: Vocabulary) -> None:
    # "advocates say the program ...", "groups say Beta Program ...": no cue in the clause, but the class speaks on it
    new, _ = extracted("Immigrant rights groups say the Beta Program can discourage victims from reporting crimes.", vocab)
    assert set(new) == {"Immigrant rights groups"}
    new, _ = extracted("Some law-enforcement leaders say it also hinders community policing.", vocab)
    assert set(new) == {"law-enforcement leaders"}
    # saying something of anything else is no speaking on a program
    new, _ = extracted("Officials said the weather was fine.", vocab)
    assert new == {}


def test_a_scope_of_named_places_is_part_of_a_class_name(vocab: Vocabulary) -> None:
    # "jurisdictions in California and Virginia": the readers name the class with its places, which keep their mentions
    from graph.ingest.mentions import places_inside

    register = REGISTER + [Known("california", "state", "California", ("California",)), Known("virginia", "state", "Virginia", ("Virginia",))]
    text = "Several jurisdictions in California and Virginia also wish to opt out of the Beta Program."
    first = find_mentions(text, register)
    new, _ = classes.class_actors(text, register, first, [c.pattern for c in cues(vocab)])
    assert [(e.name, "jurisdictions" in e.aliases) for e in new] == [("jurisdictions in California and Virginia", True)]
    known = register + [Known(e.id, e.type, e.name, (e.name, *e.aliases)) for e in new]
    after = find_mentions(text, known)
    kept = places_inside(first, after, known, {e.id for e in new})
    assert {m.entity for m in kept} == {"california", "virginia"}
    # a scope of words that are no places is no part of the name
    new, _ = extracted("Communities in Crisis Mode have objected to the Beta Program.", vocab)
    assert "Communities in Crisis Mode" not in new


def test_protesters_who_say_something_of_a_program(vocab: Vocabulary) -> None:
    new, _ = extracted("Protesters, who said the Beta Program targets victims, gathered downtown.", vocab)
    assert set(new) == {"Protesters"}
    # a verb before a head is no word of the class ("keeping residents safe means refusing to join")
    new, _ = extracted("Cities are deciding that keeping residents safe means refusing to join the Beta Program.", vocab)
    assert "keeping residents" not in new


def test_a_class_that_asks_another_to_act_takes_the_position_it_asks(vocab: Vocabulary) -> None:
    # session 15, from round 24: the addressee in capitals between the class and the cue ("called upon President Obama to")
    new, stances = extracted("Latino activists and elected officials have called upon President Obama to place a "
                             "moratorium on the Beta Program.", vocab)
    assert new == {"Latino activists": "collective", "elected officials": "collective"}
    assert {("latino-activists", "beta-program", "calls-for-moratorium"),
            ("elected-officials", "beta-program", "calls-for-moratorium")} <= stances


def test_a_class_just_before_a_verb_of_saying_is_its_subject(vocab: Vocabulary) -> None:
    # session 16, from round 24 (four publishers): a class that says something was proposed only where its words
    # began on a program's name; the noun just before a verb of saying is its subject where its words name what
    # the text is about (a known entity, a program or policy in common words)
    new, _ = extracted("But immigrant advocates say that while the priorities changed, Gamma Agency continues to hold them.", vocab)
    assert new == {"immigrant advocates": "collective"}
    new, _ = extracted("It is a bad idea, it was deployed with deception, and jurisdictions are increasingly saying "
                       "'no thanks' to the program.", vocab)
    assert new == {"jurisdictions": "collective"}
    # a definite class refers back to those named before; a name before the class makes it that body's members
    new, _ = extracted("The two members wrote. Joining a chorus, the lawmakers said the Beta Program is harsh.", vocab)
    assert "lawmakers" not in new
    new, _ = extracted("Although Obama Administration officials claim that they focus on criminals, they ended it.", vocab)
    assert "officials" not in new


def test_a_class_before_a_relative_pronoun_is_the_subject_of_its_clause(vocab: Vocabulary) -> None:
    # session 17 (17n), from rounds 24-26 and rounds 1-8 (CBS Philly, LatinoJustice, Conyers, the CPC letter): the head of
    # a relative clause whose subject is its gap acts in it, wherever the head stands in the sentence
    text = "It was a victory for Philadelphia and dozens of other cities that refused to participate in the Beta Program."
    found = find_mentions(text, REGISTER)
    new, _ = classes.class_actors(text, REGISTER, found, [c.pattern for c in cues(vocab)])
    assert [(e.name, "dozens of other cities" in e.aliases) for e in new] == [("cities", True)]
    new, _ = extracted("The agency met with advocates who have objected to the Beta Program.", vocab)
    assert new == {"advocates": "collective"}
    # after a determiner the phrase found by walking back may hold a verb ("The group met advocates who"): not read
    new, _ = extracted("The group met advocates who have objected to the Beta Program.", vocab)
    assert new == {}
    # a subject of its own after "that" makes it a complement clause of the verb before the class
    new, _ = extracted("Gamma Agency told governors that the state would opt out of the Beta Program.", vocab)
    assert "governors" not in new


def test_a_class_complement_ends_on_its_noun(vocab: Vocabulary) -> None:
    # session 17 (17n), from round 26 (News-Gazette): the verb after "advocates for local immigrants" is no word of its name
    new, _ = extracted("While advocates for local immigrants expressed concerns over the Beta Program, the jail changed.", vocab)
    assert "advocates for local immigrants expressed" not in new
