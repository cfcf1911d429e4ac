"""Posts whose title stands after the person's name (graph/ingest/posts.py)."""

from __future__ import annotations



from graph.build.vocabulary import Vocabulary
from tests.ingest.test_unseen import extract




def test_a_title_after_a_name_and_its_tag_is_a_post(vocab: Vocabulary) -> None:
    text = ("Rep. Jane Roe (D-CA), Ranking Member of the Gamma Committee, wrote to the agency.\n"
            "John Doe, Chief of Police, Tucson\n")
    _, new, found = extract(text, vocab)
    names = {e.id: e.name for e in new}
    posts = {(names.get(c.values["person"], c.values["person"]), c.values["title"]) for c in found if c.kind == "posts"}
    assert {("Jane Roe", "Ranking Member"), ("John Doe", "Chief of Police")} <= posts


def test_one_post_per_person_and_title(vocab: Vocabulary) -> None:
    from graph.ingest.posts import one_post_each

    text = ("Governor Edmund G. Brown\n\nMembers wrote to California Governor Edmund G. Brown today.\n\n"
            "Governor Edmund G. Brown\nState Capitol\n")
    _, new, found = extract(text, vocab)
    assert len([c for c in found if c.kind == "posts"]) >= 2
    posts = [c for c in one_post_each(found) if c.kind == "posts"]
    assert [(c.values["person"], c.values["title"]) for c in posts] == [(new[0].id, "Governor")]
