"""A person named once and then referred to by title or pronoun where words or acts are attributed
("the sheriff said", '"...," he said', "By vetoing the bill, Governor X has ..."): news writing's
ways of attributing (graph/ingest/mentions.py `title_references`, candidates.py `Voices`, `_role_actor`)."""

from __future__ import annotations

from graph.build.vocabulary import Vocabulary
from graph.ingest.candidates import propose
from graph.ingest.mentions import Known, find_mentions, find_titles, title_references

REGISTER = [
    Known("beta-program", "program", "Beta Program", ("Beta Program",)),
    Known("delta-bill", "law", "Delta Act", ("Delta Act",)),
    Known("jane-roe", "person", "Jane Roe", ("Jane Roe",)),
    Known("john-doe", "person", "John Doe", ("John Doe",)),
    Known("alpha-county", "county", "Alpha County", ("Alpha County",)),
]


def stances(text: str, vocab: Vocabulary) -> set[tuple[str, str, str]]:
    found = find_mentions(text, REGISTER)
    titles = find_titles(text, found, REGISTER)
    found = sorted(found + title_references(text, found, titles), key=lambda m: (m.start, m.end))
    proposed = propose("doc", text, "2011-08-10", found, titles, REGISTER, vocab, None)
    return {(c.values["actor"], c.values["target"], c.values["position"]) for c in proposed if c.kind == "stances"}


def test_a_title_in_lower_case_refers_to_the_one_person_named_with_it(vocab: Vocabulary) -> None:
    text = "Alpha County Sheriff Jane Roe spoke on Monday.\n\nThe sheriff said the Beta Program is flawed.\n"
    assert ("jane-roe", "beta-program", "criticizes") in stances(text, vocab)
    text = "Alpha County Sheriff Jane Roe spoke on Monday.\n\n\"The Beta Program is flawed,\" the sheriff said.\n"
    assert ("jane-roe", "beta-program", "criticizes") in stances(text, vocab)
    # an office named after its holder is not the person
    text = "Sheriff Jane Roe spoke on Monday.\n\nThe sheriff's department said the Beta Program is flawed.\n"
    assert not any(a == "jane-roe" for a, _, _ in stances(text, vocab))


def test_a_quotation_a_pronoun_attributes_is_the_person_named_last(vocab: Vocabulary) -> None:
    text = "Jane Roe spoke on Monday.\n\n\"The Beta Program is a flawed program,\" she said.\n"
    assert ("jane-roe", "beta-program", "criticizes") in stances(text, vocab)
    text = "Jane Roe spoke on Monday, and John Doe answered her.\n\n\"The Beta Program is flawed,\" he told reporters.\n"
    assert ("john-doe", "beta-program", "criticizes") in stances(text, vocab)


def test_by_doing_is_the_act_of_the_main_clauses_subject(vocab: Vocabulary) -> None:
    text = "John Doe spoke on Monday.\n\n\"By vetoing the Delta Act Governor Jane Roe has failed us,\" said John Doe.\n"
    found = stances(text, vocab)
    assert ("jane-roe", "delta-bill", "opposes") in found and ("john-doe", "delta-bill", "opposes") not in found


def test_too_narrow_judges_a_list_and_seeks_no_narrowing(vocab: Vocabulary) -> None:
    found = stances("Jane Roe said that the list of crimes in the Delta Act was too narrow.", vocab)
    assert not any(p == "seeks-to-narrow" for _, _, p in found)


def test_a_pronoun_or_a_description_after_an_opening_is_the_one_named_before(vocab: Vocabulary) -> None:
    # "But he said", "In an interview, she said": the person of the sentence before
    text = "Jane Roe spoke on Monday about Alpha County.\n\nIn an interview, she said she opposes the Beta Program.\n"
    assert ("jane-roe", "beta-program", "opposes") in stances(text, vocab)
    # "the county", "the coalition" as the subject: the last one of that kind named before
    text = "Alpha County met on Monday with Jane Roe.\n\nLast year, the county called for an end to the Beta Program.\n"
    found = stances(text, vocab)
    assert ("alpha-county", "beta-program", "calls-to-end") in found and not any(a == "jane-roe" for a, _, _ in found)


def test_a_quotation_someone_unnamed_said_is_not_the_writers(vocab: Vocabulary) -> None:
    # a news report by John Doe: '"... we will continue to expand it," the official said' is the
    # official's (whom the text does not name), not the reporter's
    text = ("Jane Roe rejected the Beta Program on Monday.\n\n"
            "\u201cOur position is we will continue to expand the program when we are ready,\u2019\u2019 the official said.\n")
    found = find_mentions(text, REGISTER)
    proposed = propose("doc", text, "2011-08-10", found, find_titles(text, found, REGISTER), REGISTER, vocab, None, authors=["john-doe"])
    assert not any(c.values["actor"] == "john-doe" for c in proposed if c.kind == "stances")
