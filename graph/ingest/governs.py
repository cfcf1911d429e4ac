"""Relations a governing body's name states: the body governs the jurisdiction it is named after.

"The Alameda County Board of Supervisors", "the San Francisco Board of Supervisors", "the Kent
City Council", "the City Council of Kent", "the Illinois General Assembly": a county's board of
supervisors or commissioners, a city or town council, a state legislature governs that place
as a whole (relation `governing-body-of`, `scomm:governingBodyOf`; ontology/vocabularies.ttl).
Kept, it lets the library's jurisdiction questions count the body's stances for the place
(`opt-out-attempts` names the body as speaker). A relation is proposed only where the place
resolves to exactly one jurisdiction the register knows or the extractor proposes, of a kind
the body's words fit (a county's board governs a county, a legislature a state); a department
or office that serves a place (a sheriff's office) is no governing body.
"""

from __future__ import annotations

import re

from graph.ingest.mentions import Known, Mention
from graph.ingest.passages import Candidate, Span

RELATION = "governing-body-of"
BODY_TYPES = frozenset({"government", "agency", "office"})  # what a body's name may have been typed as
GOVERNED_TYPES = frozenset({"state", "county", "city", "district", "territory"})  # places a body governs

# The words that name a place's governing body, and the kinds of place each may govern.
_COUNTY = r"Board\s+of\s+(?:County\s+)?(?:Supervisors|Commissioners|Chosen\s+Freeholders|Freeholders)|Commissioners['’]?\s+Court|Fiscal\s+Court"
_CITY = r"Board\s+of\s+(?:Aldermen|Alderpersons|Selectmen)|Common\s+Council"
_STATE = r"General\s+Assembly|(?:State\s+)?Legislature"
_PREFIXED = r"(?P<kind>County|City|Town|Village|Borough|Parish)\s+(?:Board|Commission|Council|Legislature)"
BODY = rf"(?:{_PREFIXED}|(?:(?P<kind2>County|City|Town|Village)\s+)?(?:{_COUNTY}|{_CITY})|{_STATE}|Council)"
_BEFORE = re.compile(rf"(?:[Tt]he\s+)?(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})\s+(?P<body>{BODY})")
_AFTER = re.compile(rf"(?:[Tt]he\s+)?(?P<body>{BODY})\s+(?:of|for)\s+(?:the\s+)?"
                    rf"(?:(?P<of>City|County|Town|Village|State|Borough|Parish)(?:\s+and\s+County)?\s+of\s+)?"
                    rf"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})")
_OF_BEFORE = re.compile(rf"(?:[Tt]he\s+)?(?P<of>City|County|Town|Village|Borough|Parish)\s+of\s+"
                        rf"(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})\s+(?P<body>{BODY})")  # "County of X Board of Supervisors"
_KIND = {"county": {"county"}, "parish": {"county"}, "borough": {"county", "city"}, "city": {"city"}, "town": {"city"},
         "village": {"city"}, "state": {"state"}}


def _kinds(body: str, kind: str | None) -> set[str]:
    """The kinds of jurisdiction a body so named may govern."""
    if kind:
        return set(_KIND[kind.lower()])
    if re.fullmatch(_COUNTY, body):
        return {"county"}
    if re.fullmatch(_CITY, body):
        return {"city"}
    if re.fullmatch(_STATE, body):
        return {"state", "territory"}
    return {"county", "city", "district", "territory"}  # "Council": a county's, a city's, the District's


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def _place(words: str, kinds: set[str], prefix: str | None, places: dict[str, set[tuple[str, str]]]) -> str | None:
    """The one jurisdiction of a fitting kind the words name ("Alameda County"; "Kent" for "Kent City
    Council" or "City Council of Kent"; "Alameda" of "County of Alameda" as "Alameda County")."""
    tries = [words]
    if prefix:
        tries += [f"{words} {prefix}", f"{prefix} of {words}"]  # "Board of Supervisors of the County of Alameda"
    elif kinds == {"county"}:
        tries.append(f"{words} County")  # "the Santa Clara Board of Supervisors": a county's board
    stripped = re.sub(r"\s+(?:County|City|State|Town)$", "", words)
    if stripped != words:
        tries.append(stripped)  # "Kent City Council": Kent; "New York State Legislature": New York
    for words_ in tries:
        found = {ident for ident, type_ in places.get(_norm(words_), set()) if type_ in kinds}
        if len(found) == 1:
            return found.pop()
        if len(found) > 1:
            return None  # ambiguous: the reviewer adds it by hand
    return None


def propose(text: str, mentions: list[Mention], known: list[Known]) -> list[Candidate]:
    """A `relations` candidate (body governing-body-of jurisdiction) for every body the document
    names whose name names its jurisdiction, once per pair, quoting the name."""
    types = {k.id: k.type for k in known}
    places: dict[str, set[tuple[str, str]]] = {}
    for k in known:
        if k.type in GOVERNED_TYPES:
            for form in k.forms:
                places.setdefault(_norm(form), set()).add((k.id, k.type))
    found: list[Candidate] = []
    seen: set[tuple[str, str]] = set()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for i, mention in enumerate(ordered):
        if types.get(mention.entity) not in BODY_TYPES:
            continue
        start, end = mention.start, mention.end
        # the body's name as the text gives it, with a place named just before or after it
        before = next((p for p in reversed(ordered[:i]) if p.end + 1 == start and text[p.end] == " "
                       and types.get(p.entity) in GOVERNED_TYPES), None)
        if before is not None:
            start = before.start
        after = re.match(r"\s+(?:of|for)\s+(?:the\s+)?(?:(?:City|County|Town|Village|State)(?:\s+and\s+County)?\s+of\s+)?", text[end:])
        if after is not None:
            place = next((p for p in ordered[i + 1 :] if p.start == end + after.end()
                          and types.get(p.entity) in GOVERNED_TYPES), None)
            if place is not None:
                end = place.end
        name = text[start:end]
        target = _governed(name, places)
        if target is None or target == mention.entity or (mention.entity, target) in seen:
            continue
        seen.add((mention.entity, target))
        found.append(Candidate(
            "relations", {"subject": mention.entity, "relation": RELATION, "object": target},
            [Span(start, end, name)],
            f"the name of a governing body names the jurisdiction it governs ({name!r}: {target}); kept, the "
            f"library's jurisdiction questions (opt-out-attempts) count the body's stances for {target}",
            None, {}, 0.8))
    return found


def _governed(name: str, places: dict[str, set[tuple[str, str]]]) -> str | None:
    """The jurisdiction a governing body's name names, if it is one ("Alameda County Board of Supervisors")."""
    name = re.sub(r"['’]s?$", "", name.strip())
    match = _AFTER.fullmatch(name)
    if match is not None:
        kind = match.group("of") or match.group("kind") or match.group("kind2")
        return _place(match.group("place"), _kinds(match.group("body"), kind), kind, places)
    match = _OF_BEFORE.fullmatch(name)
    if match is not None:
        return _place(match.group("place"), _kinds(match.group("body"), match.group("of")), match.group("of"), places)
    match = _BEFORE.fullmatch(name)
    if match is not None:
        kind = match.group("kind") or match.group("kind2")
        if kind is None and re.fullmatch(r"Council", match.group("body")) and match.group("place").split()[-1] in ("County", "City", "Town"):
            kind = match.group("place").split()[-1]  # "Alpha County Council"
        return _place(match.group("place"), _kinds(match.group("body"), kind), kind, places)
    return None


# Acts on a jurisdiction's participation that its governing body, or the official who heads it, takes for
# it (bench/ingest-eval/README.md: an opt-out by a body or official speaking for a named jurisdiction, or a
# decision not to join, is coded for the jurisdiction too); graph/ingest/candidates.py reads it for heads.
JURISDICTION_ACTS = frozenset({"seeks-opt-out", "refuses-to-join", "suspends-participation"})


def for_jurisdictions(proposed: list[Candidate], relations: list[Candidate]) -> list[Candidate]:
    """For each stance of a body the `relations` make the governing body of a jurisdiction, whose
    position is one a jurisdiction takes through its body (an opt-out, a refusal to join), the same
    stance for the jurisdiction, where no candidate gives it already."""
    governed: dict[str, list[str]] = {}
    for relation in relations:
        governed.setdefault(relation.values["subject"], []).append(relation.values["object"])
    have = {(c.values["actor"], c.values["target"], c.values["position"]) for c in proposed if c.kind == "stances"}
    found: list[Candidate] = []
    for candidate in proposed:
        if candidate.kind != "stances" or candidate.values["position"] not in JURISDICTION_ACTS:
            continue
        for place in governed.get(candidate.values["actor"], []):
            key = (place, candidate.values["target"], candidate.values["position"])
            if key in have:
                continue
            have.add(key)
            found.append(Candidate(candidate.kind, {**candidate.values, "actor": place}, list(candidate.quote),
                                   f"{candidate.why}; the body governs {place}, which acts through it",
                                   candidate.dated, dict(candidate.extra), candidate.score))
    return found
