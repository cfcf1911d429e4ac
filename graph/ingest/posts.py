"""Posts named after a person's name: "Rep. Bennie G. Thompson (D-MS), Ranking Member of the
Committee on Homeland Security", "Judy Chu (CA-32), Chair of the Caucus", "Mike Honda (CA-15),
CAPAC Immigration Taskforce Chair". The title stands after the name (and its party, state or
district tag) and a comma; it is one of the titles of a post (mentions.TITLES) or a title head
(cues.yaml `title_heads`), with the words before it that make it another office
(`title_modifiers`: "Assistant", "Executive"); capitalised words before those name the unit
whose post it is, not the title (README's coding rule for posts). Titles before a name are
found by mentions.find_titles.
"""

from __future__ import annotations

import re

from graph.ingest import lexicon
from graph.ingest.mentions import TITLES, Mention, Titled
from graph.ingest.passages import Candidate

# After the name: a tag in parentheses, a comma, then capitalised words up to "of", a comma or the end.
_AFTER = re.compile(r"(?:\s*\([^()\n]{1,15}\))?,[ \t]+(?P<run>(?:[A-Z][\w.’'-]*[ \t]+){0,5}?[A-Z][\w’'-]*)(?=[ \t]+of\b|[ \t]*[,;.]|[ \t]*$)",
                    re.MULTILINE)


# "Chief of Police," "Professor of Law, University of X": "of" and one word with no article is part of the title.
_OF_FIELD = re.compile(r"[ \t]+of[ \t]+(?P<field>[A-Z][a-z]+)(?=[ \t]*(?:[,;]|$|and\b))", re.MULTILINE)


def appositive_titles(text: str, mentions: list[Mention], types: dict[str, str], titles: list[Titled]) -> list[Titled]:
    """Titles written after a person's name, for the persons the text names, other than those
    `titles` already gives that person."""
    heads = sorted({*TITLES, *(str(t) for t in lexicon.data().get("title_heads") or [])}, key=len, reverse=True)
    modifiers = {str(m) for m in lexicon.data().get("title_modifiers") or []}
    given = {(t.person, t.title) for t in titles}
    found = []
    for mention in mentions:
        if types.get(mention.entity) != "person":
            continue
        after = _AFTER.match(text, mention.end)
        if after is None:
            continue
        run = after.group("run")
        head = next((h for h in heads if run == h or run.endswith(" " + h)), None)
        if head is None:
            continue
        words = run[: len(run) - len(head)].split()
        kept: list[str] = []
        for word in reversed(words):  # "Acting Executive Director": the modifiers just before the head
            if word not in modifiers:
                break
            kept.insert(0, word)
        title = " ".join([*kept, head])
        of = _OF_FIELD.match(text, after.end())
        if of is not None:
            title += f" of {of.group('field')}"  # "Professor of Law", "Chief of Police": "of the X" is the unit's name
        if (mention.entity, title) in given:
            continue
        given.add((mention.entity, title))
        found.append(Titled(title, mention.text, mention.start, of.end() if of else after.end(), mention.entity))
    return found


def one_post_each(found: list[Candidate]) -> list[Candidate]:
    """The candidates with one post per person and title: the one that names the organisation or
    jurisdiction, else the first in the text ("Governor Edmund G. Brown" in a title, "California
    Governor Edmund "Jerry" Brown" in the release and "Governor Edmund G. Brown, Jr." over the
    letter are one post). A post of no known or proposed person is left as it is."""
    best: dict[tuple[str, str], Candidate] = {}
    for candidate in found:
        if candidate.kind != "posts" or not candidate.values.get("person"):
            continue
        key = (str(candidate.values["person"]), str(candidate.values["title"]).lower())
        held = best.get(key)
        if held is None or _places_named(candidate) > _places_named(held):
            best[key] = candidate
    kept = {id(c) for c in best.values()}
    return [c for c in found if c.kind != "posts" or not c.values.get("person") or id(c) in kept]


def _places_named(candidate: Candidate) -> int:
    return sum(1 for k in ("organization", "jurisdiction") if candidate.values.get(k))
