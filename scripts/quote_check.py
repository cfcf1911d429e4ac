"""List statements whose quote(s) may not support them alone (docs/curation.md, item 4).

    python scripts/quote_check.py [--root .] [--all]

A heuristic, for a curator to read the flagged records against their documents:

- the quote (all its parts, for a list) must contain the name or an alias of each entity
  the statement attributes it to (stance and claim `actor`, figure `reported_by`,
  characterization `by`, post `person`, process `actor`, relation `subject`, mention
  `entity`, and for an event at least one of its participants). A source document speaking
  for itself (its id is a `source:` of data/statements/*.yaml) needs no name. A pronoun is
  fine only when its antecedent is in the quote, which the name test already asks.
  For an `author` or `publisher` relation the quote must name the object (the author or
  publisher; the subject is the document the quote points at). In this corpus, whose
  documents are all about Secure Communities, "program" names `secure-communities`.
- a post dated from the text carries its date: a `stated` date's year, or the word a
  `relative` date was resolved from ("today", "Yesterday"; the first quoted word of
  its `date_note`).
- a figure's quote must also contain the words that say what its measure counts
  (MEASURE_WORDS: every group must match, by any of its alternatives), and the year of
  any fiscal period or comparison base its `note` gives (of its `date_note`, only a
  comparison base) ("compared to
  fiscal year 2008", "than in fiscal 2008", "fiscal year 2010").
- a stance's quote must name its `target`, a claim's its `about` (same name test, same
  "program" rule): what a position is about is part of the statement.

Matching is case-insensitive on substrings. Prints one line per flagged statement:
`id<TAB>kind<TAB>what is missing<TAB>noted|-`, where `noted` means the record's `note`
explains it (contains "item 4", the marker a curator writes when no passage of the
document supports the statement alone). `--all` also lists noted ones (default: all are
listed; `--unnoted` lists only the records without such a note). Exit status 1 when an
unnoted statement is flagged.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

NOTE_MARKER = "item 4"

SCOMM = ("secure communities", "program", "s-comm", "scomm")
REMOVAL = ("remov", "deport")
CRIMINAL = ("crimin", "convict")

# For each measure, groups of alternatives; a figure's quote must match one alternative of
# every group.
MEASURE_WORDS: dict[str, list[tuple[str, ...]]] = {
    "removals": [REMOVAL],
    "criminal-removals": [REMOVAL, CRIMINAL],
    "scomm-removals": [REMOVAL, SCOMM],
    "scomm-criminal-removals": [REMOVAL, CRIMINAL, SCOMM],
    "scomm-removals-level1": [REMOVAL, SCOMM, ("level 1", "level one", "most serious")],
    "scomm-removals-not-dangerous-share": [REMOVAL, SCOMM, ("percent", "%")],
    "scomm-removals-no-charge-share": [REMOVAL, SCOMM, ("percent", "%")],
    "jurisdictions-activated": [("jurisdiction",), SCOMM],
    "states-territories-activated": [("state",), SCOMM],
    "state-local-jails": [("jail",)],
    "database-matches": [("match",)],
    "fingerprint-submissions": [("fingerprint",)],
    "removals-increase": [REMOVAL, ("increase", "more", "rise", "up ")],
    "criminal-removals-increase": [REMOVAL, CRIMINAL, ("increase", "more", "rise", "up ")],
    "criminal-removals-increase-percent": [REMOVAL, CRIMINAL, ("percent", "%")],
    "noncriminal-removals-decrease": [REMOVAL, ("non-criminal", "noncriminal"), ("decrease", "decline", "fell", "down", "fewer", "less")],
    "noncriminal-removals-decrease-percent": [REMOVAL, ("non-criminal", "noncriminal"), ("percent", "%")],
    "scomm-arrests": [("arrest", "identif"), SCOMM],
    "scomm-arrests-violent-offenders": [("arrest", "identif"), ("violent",), SCOMM],
    "employer-audits": [("audit",)],
    "employer-debarments": [("debar",)],
    "employer-sanctions": [("sanction", "fine")],
    "campaign-cities": [("cit",), ("uncover",)],
}

KINDS = ("stances", "claims", "events", "figures", "relations", "posts",
         "characterizations", "process", "mentions")


@dataclass
class Flag:
    id: str
    kind: str
    source: str
    missing: list[str]
    noted: bool

    def line(self) -> str:
        return f"{self.id}\t{self.kind}\t{'; '.join(self.missing)}\t{'noted' if self.noted else '-'}"


def _load(root: Path) -> tuple[dict[str, list[str]], list[tuple[str, str, dict]]]:
    names: dict[str, list[str]] = {}
    for path in sorted((root / "data" / "entities").glob("*.yaml")):
        for record in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            names[record["id"]] = [record.get("name", "")] + list(record.get("aliases") or [])
    statements = []
    for path in sorted((root / "data" / "statements").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        source = data.get("source", path.stem)
        for kind in KINDS:
            for record in data.get(kind) or []:
                statements.append((source, kind, record))
    return names, statements


def _quote(record: dict) -> str:
    quote = record.get("quote", "")
    parts = quote if isinstance(quote, list) else [quote]
    return " \n ".join(str(p) for p in parts).lower()


# Every document of the corpus is about Secure Communities: its "the program" is that one.
TOPIC_WORDS = {"secure-communities": ["program"]}


def _named(entity: str, quote: str, names: dict[str, list[str]]) -> bool:
    words = names.get(entity, []) + TOPIC_WORDS.get(entity, [])
    return any(n and n.lower() in quote for n in words)


def _post_date_missing(record: dict, quote: str) -> list[str]:
    """A post dated from the text must carry its date: a `stated` date its year, a
    `relative` one the word it was resolved from (the first quoted word of `date_note`).
    A post dated by its document (`post-date`, `document-date`) takes the date from it."""
    date = str(record.get("date") or "")
    basis = record.get("date_basis", "stated")
    if not date:
        return []
    if basis == "stated":
        years = re.findall(r"\d{4}", date)
        if years and not any(y in quote for y in years):
            return [f"date {date} (year)"]
    elif basis == "relative":
        words = re.findall(r'"([^"]+)"', str(record.get("date_note", "")))
        if words and words[0].split()[0].lower() not in quote:
            return [f"date {date} ({words[0].split()[0]!r})"]
    return []


# A figure's comparison base or period, as its note gives it: "compared to fiscal year
# 2008", "than in fiscal 2008", "fiscal year 2010", "FY 2009"; in its date_note only a
# comparison base ("compared to ...", "than in ...").
BASE = re.compile(r"(?:compared (?:to|with)|than in|fiscal(?: year)?|\bFY)\s*(?:fiscal(?: year)?\s*)?(\d{4})", re.I)
COMPARED = re.compile(r"(?:compared (?:to|with)|than in)\s*(?:fiscal(?: year)?\s*|FY\s*)?(\d{4})", re.I)


def _base_missing(record: dict, quote: str) -> list[str]:
    """A figure whose note gives a fiscal year or comparison base, or whose date_note a
    comparison base, must carry that year in its quote (a quote without it reads as a
    rise over some other period). A date_note's own fiscal years are not asked for: they
    often explain a period the text leaves open ("calendar or fiscal year is not said")."""
    years = {m.group(1) for m in BASE.finditer(str(record.get("note") or ""))}
    years |= {m.group(1) for m in COMPARED.finditer(str(record.get("date_note") or ""))}
    years = sorted(years)
    return [f"base/period {y}" for y in years if y not in quote]


def check(root: Path) -> list[Flag]:
    """Every statement the rule flags, in file order."""
    names, statements = _load(root)
    sources = {source for source, _, _ in statements}
    flags = []
    for source, kind, record in statements:
        quote = _quote(record)
        missing: list[str] = []

        def need(field: str, entity: str | None, quote: str = quote, missing: list[str] = missing) -> None:
            if entity and entity not in sources and not _named(entity, quote, names):
                missing.append(f"{field} {entity}")

        if kind in ("stances", "claims", "process"):
            need("actor", record.get("actor"))
            if kind == "stances":
                need("target", record.get("target"))
            elif kind == "claims":
                need("about", record.get("about"))
        elif kind == "figures":
            need("reported_by", record.get("reported_by"))
            for group in MEASURE_WORDS.get(record.get("measure", ""), []):
                if not any(word in quote for word in group):
                    missing.append(f"measure {record.get('measure')} ({'|'.join(group)})")
            missing.extend(_base_missing(record, quote))
        elif kind == "characterizations":
            need("by", record.get("by"))
            need("subject", record.get("subject"))
        elif kind == "posts":
            need("person", record.get("person"))
            missing.extend(_post_date_missing(record, quote))
        elif kind == "relations":
            if record.get("relation") in ("author", "publisher"):
                # the subject is the document the quote refers to ("Article (WUSA)", "a
                # report"): who wrote or published it is what the quote must name
                need("object", record.get("object"))
            else:
                need("subject", record.get("subject"))
        elif kind == "mentions":
            need("entity", record.get("entity"))
        elif kind == "events":
            people = [e for ids in (record.get("participants") or {}).values() for e in ids or []]
            if people and not any(p in sources or _named(p, quote, names) for p in people):
                missing.append("participant (" + ", ".join(people) + ")")
        if missing:
            noted = NOTE_MARKER in str(record.get("note", "")).lower()
            flags.append(Flag(record.get("id", "?"), kind, source, missing, noted))
    return flags


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--unnoted", action="store_true", help="only statements without an item-4 note")
    args = parser.parse_args(argv)
    flags = check(args.root)
    for flag in flags:
        if not (args.unnoted and flag.noted):
            print(flag.line())
    unnoted = [f for f in flags if not f.noted]
    print(f"{len(flags)} flagged, {len(unnoted)} without an item-4 note", file=sys.stderr)
    return 1 if unnoted else 0


if __name__ == "__main__":
    sys.exit(main())
