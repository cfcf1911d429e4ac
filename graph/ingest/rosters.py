"""Names in the rosters and title pages of printed records (hearing records, committee prints).

- **Members named with their state**, as rosters print them: "LAMAR SMITH, Texas, Chairman",
  "Peter T. King, New York, Chairman", two columns run together on one line ("STEVE CHABOT,
  Ohio ZOE LOFGREN, California"), and "Hon. Jane Roe, a Representative in Congress from the
  State of Texas". The state after a member's name in a roster is a tag, like "(D-NY)": it names
  no entity ("from the State of Texas" does name it).
- **Bodies printed in capitals** on a title page, perhaps over several lines ("SUBCOMMITTEE ON"
  / "IMMIGRATION POLICY AND ENFORCEMENT" / "OF THE" / "COMMITTEE ON THE JUDICIARY"), written in
  the usual case ("Subcommittee on Immigration Policy and Enforcement").

This module reads the text only; graph/ingest/mentions.py decides what the names become.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from graph.ingest import lexicon


@dataclass(frozen=True)
class Member:
    """A member of a roster: the name as a reader writes it, its span, its state tag, its title."""

    name: str
    start: int
    end: int
    tag: tuple[int, int] | None
    title: str | None = None
    title_start: int | None = None
    aliases: tuple[str, ...] = ()


_INITIAL = r"[A-Z]\."
_NICK = r"(?:``|\"|“)[A-Za-z]+(?:''|\"|”)"
_CAPS = r"(?:Ma?c)?[A-ZÀ-Þ][A-ZÀ-Þ’'-]+"
_WORD = r"(?:Ma?c)?[A-ZÀ-Þ][a-zß-ÿ’'-]+|[A-Z][a-z]*[’'][A-Z][a-z]+"
_SUFFIX = r"(?:,?[ \t](?:Jr\.|Sr\.|II|III|IV)(?![\w.]))?"
# A name in capitals: "F. JAMES SENSENBRENNER, Jr.", "ROBERT C. ``BOBBY'' SCOTT"; in the usual case:
# "Peter T. King", "Bennie G. Thompson".
_CAPS_NAME = rf"(?:{_INITIAL}[ \t])?{_CAPS}(?:[ \t](?:{_INITIAL}|{_NICK}|{_CAPS})){{1,4}}{_SUFFIX}"
_CASE_NAME = rf"(?:{_INITIAL}[ \t])?(?:{_WORD})(?:[ \t](?:{_INITIAL}|{_NICK}|{_WORD})){{1,3}}{_SUFFIX}"
# Words that make a phrase in capitals a body's name or a heading, never a person's.
_NOT_NAME_WORDS = frozenset({"OF", "ON", "THE", "AND", "FOR", "TO", "IN", "A", "AN", "BY", "BEFORE", "AT"})


@lru_cache(maxsize=1)
def _states_pattern() -> str:
    places = [str(s) for s in (lexicon.data().get("states") or [])] + [str(t) for t in (lexicon.data().get("territories") or [])]
    return "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))


def members(text: str, is_person: Callable[[str], bool], is_title: Callable[[str], bool]) -> list[Member]:
    """Members named with their state, where the document is a roster (two or more of them), and
    "Hon. X, a Representative in Congress from the State of Y" anywhere."""
    states = _states_pattern()
    found = _honorables(text, states)
    pairs = []
    pair = re.compile(
        rf"(?<![\w.,])(?P<name>{_CAPS_NAME}|{_CASE_NAME}),[ \t](?P<state>{states})(?![\w])"
        rf"(?:,[ \t](?P<title>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){{0,2}})(?![\w]))?"
        rf"(?=[ \t]*$|[ \t]{{2,}}|[ \t]+[^\sa-z–—-]|,)",  # not a sentence going on ("Dallas, Texas, officials said")
        re.MULTILINE,
    )
    for match in pair.finditer(text):
        name = match.group("name")
        if not _name_shaped(name, is_person):
            continue
        title = match.group("title") if match.group("title") and is_title(match.group("title")) else None
        pairs.append(Member(_usual_case(name), match.start("name"), match.end("name"), match.span("state"),
                            title, match.start("title") if title else None, _aliases(name)))
    if len(pairs) < 2:
        return _without_overlaps(found)
    found += pairs
    # a roster: other names in capitals on its lines, whose state a column's wrap moved elsewhere
    rows = {text.count("\n", 0, m.start) for m in pairs}
    for match in re.finditer(rf"(?<![\w.,])(?P<name>{_CAPS_NAME})(?=,)", text):
        if text.count("\n", 0, match.start()) in rows and _name_shaped(match.group("name"), is_person):
            found.append(Member(_usual_case(match.group("name")), match.start(), match.end(), None, aliases=_aliases(match.group("name"))))
    return _without_overlaps(found)


def tags(text: str, found: list[Member]) -> list[tuple[int, int]]:
    """The spans of state tags: each member's, and any other state on a roster's line (a tag a
    column's wrap moved: "Wisconsin HOWARD L. BERMAN, California")."""
    spans = [m.tag for m in found if m.tag is not None]
    rows = {text.count("\n", 0, m.start) for m in found if m.tag is not None}
    for match in re.finditer(rf"(?<![\w.]){_states_pattern()}(?![\w])", text):
        if text.count("\n", 0, match.start()) in rows:
            spans.append(match.span())
    return sorted(set(spans))


def _honorables(text: str, states: str) -> list[Member]:
    pattern = re.compile(
        rf"(?:Hon\.|Honorable)[ \t]+(?P<name>{_CASE_NAME}|{_CAPS_NAME}),\s+(?:a\s+)?(?P<title>Representative|Senator|Delegate|Resident Commissioner)"
        rf"\s+in\s+Congress\s+from\s+(?:the\s+)?(?:(?:State|Commonwealth|Territory)\s+of\s+)?(?P<state>{states})(?![\w])")
    # "from the State of Texas" is said, not a tag: the state is named
    return [Member(_usual_case(m.group("name")), m.start("name"), m.end("name"), None, m.group("title"),
                   m.start("title"), _aliases(m.group("name"))) for m in pattern.finditer(text)]


def _name_shaped(name: str, is_person: Callable[[str], bool]) -> bool:
    words = [w for w in re.sub(_NICK, " ", name).replace(",", " ").split() if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|I+V?", w)]
    if len(words) < 2 or any(w.upper() in _NOT_NAME_WORDS for w in words):
        return False
    return is_person(" ".join(_word_case(w) for w in words[:3]))


def _usual_case(name: str) -> str:
    """"ROBERT C. ``BOBBY'' SCOTT" -> "Robert C. Scott"; a name in the usual case stays as it is."""
    name = re.sub(rf"[ \t]{_NICK}", "", name)
    if not any(c.isupper() for c in name) or not re.search(r"[A-Z]{2}", name):
        return name
    return " ".join(_word_case(w) for w in name.split())


def _word_case(word: str) -> str:
    if re.fullmatch(r"[A-Z]\.|Jr\.,?|Sr\.,?|I+V?", word) or not word.isupper() and not word.startswith(("Mc", "Mac")):
        return word
    parts = re.split(r"([-’'])", word)
    cased = "".join(p.capitalize() if p not in "-’'" else p for p in parts)
    mc = re.match(r"(Ma?c)([a-z])", cased) if len(cased) > 4 else None
    return mc.group(1) + mc.group(2).upper() + cased[mc.end():] if mc else cased


def _aliases(name: str) -> tuple[str, ...]:
    """A name printed with a nickname: the form as printed and the nickname with the surname."""
    nick = re.search(_NICK, name)
    if nick is None:
        return ()
    plain = re.sub(r"[`'\"“”]", "", nick.group(0)).capitalize()
    surname = _usual_case(name).replace(",", " ").split()
    surname = [w for w in surname if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|I+V?", w)]
    return (name, f"{plain} {surname[-1]}")


def _without_overlaps(found: list[Member]) -> list[Member]:
    kept: list[Member] = []
    for member in sorted(found, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(k.start < member.end and member.start < k.end for k in kept):
            kept.append(member)
    return kept


# ------------------------------------------------------------------ bodies in capitals

_CONNECTORS = ("ON", "OF", "AND", "FOR", "THE", "&")
_LOWER = frozenset({"of", "on", "the", "and", "for", "&", "in", "to", "a"})


def bodies(text: str, is_body: Callable[[str], bool]) -> list[tuple[str, int, int]]:
    """Bodies named by lines in capitals: a line ending on a connector ("SUBCOMMITTEE ON BORDER
    AND") goes on with the next line in capitals; "OF THE" between two bodies separates them.
    Each is written in the usual case, kept when `is_body` says it names a body."""
    lines = [(m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    found = []
    i = 0
    while i < len(lines):
        start, end, line = lines[i]
        i += 1
        if not _in_capitals(line):
            continue
        while line.split()[-1] in _CONNECTORS and i < len(lines) and _in_capitals(lines[i][2]) \
                and lines[i][2].split()[0] not in _CONNECTORS:
            line, end = f"{line} {lines[i][2]}", lines[i][1]
            i += 1
        words = line.split()
        while words and words[0] in _NOT_NAME_WORDS:
            words.pop(0)  # "BEFORE THE SUBCOMMITTEE ON ...": the body starts after the function words
        line = " ".join(words).rstrip(",.")
        if not words or re.search(r"[?:;!\[\]]|\d", line):
            continue
        parts = [_heading_case(p) for p in re.split(r"\s+OF\s+THE\s+", line)]
        if len(parts) > 1 and not all(is_body(p) for p in parts):
            parts = [_heading_case(line)]  # "COMMITTEE ON THE JUDICIARY OF THE X": one body unless both are
        found += [(name, start, end) for name in parts if is_body(name)]
    return found


def _in_capitals(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and not any(c.islower() for c in letters) and len(line.split()) >= 2


def _heading_case(line: str) -> str:
    words = line.split()
    return " ".join(w.lower() if i and w.lower() in _LOWER else (w if re.fullmatch(r"(?:[A-Z]\.)+", w) else w.capitalize())
                    for i, w in enumerate(words))
