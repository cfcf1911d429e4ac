"""The extractor of `scomm ingest` on texts it was never developed on (bench/ingest-eval/).

Runs the extractor on each text of bench/ingest-eval/manifest.yaml with the project's whole
entity register, compares its proposals with the hand-coded gold of bench/ingest-eval/gold/
(format and measures: bench/ingest-eval/README.md) and prints recall and precision per kind,
per document and pooled, for the development and the test half.

Run: python bench/eval_ingest.py --unseen [--verbose] [--split dev|test]
"""

from __future__ import annotations

import random
import re
import time
from pathlib import Path
from typing import Any

import yaml

from graph.build.load import Curated
from graph.ingest.review import extract

EVAL = Path(__file__).resolve().parent / "ingest-eval"
KINDS = ("mentions", "new", "stances", "figures", "posts")


def _norm(name: str) -> str:
    name = re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()
    return name[4:] if name.startswith("the ") else name


def documents(root: Path = EVAL) -> list[dict[str, Any]]:
    """The manifest's entries of the evaluation set at `root` (bench/ingest-eval/ or another laid out
    like it: manifest.yaml, texts/, gold/; one kept outside the repository may hold texts that may not be
    redistributed)."""
    return list(yaml.safe_load((root / "manifest.yaml").read_text(encoding="utf-8"))["documents"])


# What a user would type for a manifest entry's `author` and `publisher` (its prose says more):
# the same mechanical reading for every entry of every round, never a hand edit for one document.
_MEMBER_TITLE = (r"(?:U\.S\.\s+)?(?:(?:Assistant|Deputy|Executive|Acting)\s+)?(?:Rep\.|Sen\.|Senator|Representative|Delegate|"
                 r"Congressman|Congresswoman|Chairman|Chairwoman|Ranking Member|Secretary|Director|Commissioner|"
                 r"Governor|Mayor|Sheriff|President|Dr\.|Mr\.|Ms\.|Mrs\.)\s+")
_MEMBERS_TITLE = r"(?:Reps\.|Sens\.|Representatives|Senators|Members)\s+"


def given_names(words: str) -> list[str]:
    """The names a user would give for one manifest `author` or `publisher` string:
    1. drop every parenthesis with what it holds ("ICE (press release)": "ICE");
    2. an indefinite description ("a Member of ...") names nobody: none;
    3. a press office ("Office of the Press Secretary", "press office") issues its publisher's
       releases and speaks no words of its own: none (the publisher is the voice);
    4. drop a leading "Office of" / "Offices of";
    5. after a plural title ("Reps. A, B and C"), drop the title and split the rest on commas and
       " and ": several names (a joint release or letter); titled names joined by " and " ("Rep. A
       and Rep. B") are several names too, each without its title;
    6. else keep the name before the first comma ("John Morton, Director, ...": "John Morton";
       "X, published by DHS": "X") and drop a leading title ("Rep.", "Sen.", "U.S. Senator",
       "Delegate", "Chairman", "Secretary", "Executive Director", "Mr.", ...)."""
    words = re.sub(r"\s+", " ", re.sub(r"\([^()]*\)", " ", words)).strip()
    if not words or re.match(r"(?:a|an)\s", words, re.IGNORECASE) or re.search(r"press (?:secretary|office)", words, re.IGNORECASE):
        return []
    words = re.sub(r"^Offices?\s+of\s+", "", words)
    plural = re.match(_MEMBERS_TITLE, words)
    titled = re.split(rf"\s+and\s+(?={_MEMBER_TITLE})", words.split(",")[0])
    if plural is not None:
        names = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", words[plural.end():])
    elif len(titled) > 1 and re.match(_MEMBER_TITLE, titled[0]):  # "Rep. A and Rep. B"
        names = [re.sub(rf"^{_MEMBER_TITLE}", "", n) for n in titled]
    else:
        names = [re.sub(rf"^{_MEMBER_TITLE}", "", words.split(",")[0].strip())]
    return [n.strip(" .,") for n in names if n.strip(" .,")]


def given_voices(doc: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The publisher and authors a user would give for a manifest entry (`given_names`): the
    authors from `author` (a string, or a list of them, one per writer); the publisher from `publisher`, the office its parenthesis names when it
    names exactly one ("U.S. House (Rep. X)": "X"), else the name before it ("U.S. House")."""
    names = given_names(str(doc.get("publisher") or ""))
    authors = doc.get("author") or ""
    if isinstance(authors, list):  # several writers, each given on its own (`--author` repeated)
        return (names[0] if names else None), [n for author in authors for n in given_names(str(author))]
    return (names[0] if names else None), given_names(str(authors))


def evaluate(curated: Curated, doc: dict[str, Any], root: Path = EVAL) -> dict[str, Any]:
    text = (root / doc["file"]).read_text(encoding="utf-8")
    gold = yaml.safe_load((root / "gold" / f"{doc['id']}.yaml").read_text(encoding="utf-8"))
    return compare(curated, doc, text, gold)


def compare(curated: Curated, doc: dict[str, Any], text: str, gold: dict[str, Any]) -> dict[str, Any]:
    """The extractor run on `text` as on the manifest entry `doc` (its date, its given publisher and
    authors), its proposals compared with `gold` (a gold file's contents): per kind (right, proposed,
    gold found, gold), and the misses. bench/eval_quotes.py runs it on one quote of a document."""
    started = time.perf_counter()
    publisher, authors = given_voices(doc)
    found = extract(doc["id"], text, str(doc["date"]), curated.entities, curated.vocab, publisher, authors)
    seconds = time.perf_counter() - started
    result: dict[str, Any] = {"id": doc["id"], "split": doc["split"], "seconds": seconds, "misses": []}

    # New entities: a proposal is right when a name of it equals a gold name and its type is acceptable.
    # A `given` one is a writer the text does not name, known from what the user gives (README: "The
    # document's given authors"): it stands for the voice of that name, never counts as one to find.
    given = [g for g in gold.get("new_entities") or [] if g.get("given")]
    gold_new = [g for g in gold.get("new_entities") or [] if not g.get("given")]
    gold_names = [{_norm(g["name"]), *map(_norm, g.get("aliases", []))} for g in gold_new]
    gold_types = [set(g["type"] if isinstance(g["type"], list) else [g["type"]]) for g in gold_new]
    stands_for: dict[str, str] = {}  # proposed id -> gold name
    right, named = 0, set()
    for entity in found.new_entities:
        names = {_norm(entity.name), *map(_norm, entity.aliases)}
        hit = next((i for i, g in enumerate(gold_names) if names & g), None)
        if hit is not None:
            stands_for[entity.id] = gold_new[hit]["name"]
            if entity.type in gold_types[hit]:
                right += 1
                named.add(hit)
            else:
                result["misses"].append(f"new entity {entity.name!r} typed {entity.type}, gold {sorted(gold_types[hit])}")
        else:
            result["misses"].append(f"new entity {entity.name!r} ({entity.type}) is not in the gold")
    for i, g in enumerate(gold_new):
        if i not in named:
            result["misses"].append(f"gold new entity {g['name']!r} not proposed (with its type)")
    result["new"] = (right, len(found.new_entities), len(named), len(gold_new))

    voice_names = [(g["name"], {_norm(g["name"]), *map(_norm, g.get("aliases", []))}) for g in gold_new + given]
    for voice in found.voices:  # a new publisher or author stands for the gold new entity of its name
        hit = next((name for name, names in voice_names if _norm(voice.given) in names), None)
        if voice.new and hit is not None:
            stands_for.setdefault(voice.id, hit)

    # Mentions of known entities.
    proposed_ids = {e.id for e in found.new_entities} | {v.id for v in found.voices if v.new}
    known = {m.entity for m in found.mentions if m.entity not in proposed_ids}
    gold_mentions = set(gold.get("mentions") or [])
    result["mentions"] = (len(known & gold_mentions), len(known), len(known & gold_mentions), len(gold_mentions))
    result["misses"] += [f"missed mention {m}" for m in sorted(gold_mentions - known)]
    result["misses"] += [f"extra mention {m}" for m in sorted(known - gold_mentions)]

    def ident(value: str) -> str:
        return stands_for.get(value, value)

    # Stances.
    gold_stances = [(g["actor"], g["target"], g["position"]) for g in gold.get("stances") or []]
    cands = {(ident(c.values["actor"]), ident(c.values["target"]), c.values["position"])
             for c in found.candidates if c.kind == "stances"}
    matched = [g for g in gold_stances if any(stance_matches(curated, g, c) for c in cands)]
    useful = [c for c in cands if any(stance_matches(curated, g, c) for g in gold_stances)]
    result["stances"] = (len(useful), len(cands), len(matched), len(gold_stances))
    result["stance_candidates"], result["stances_matched"] = sorted(cands), matched
    result["misses"] += [f"missed stance {g}" for g in gold_stances if g not in matched]
    result["misses"] += [f"wrong stance {c}" for c in sorted(cands) if c not in useful]

    # Figures: value found, then measure and date right among those.
    gold_figures = gold.get("figures") or []
    figures = [c for c in found.candidates if c.kind == "figures"]
    with_value, right_figures, hit_gold = 0, 0, set()
    for c in figures:
        same = [i for i, g in enumerate(gold_figures) if str(g["value"]) == c.values["value"] and g["unit"] == c.values["unit"]]
        if not same:
            result["misses"].append(f"figure {c.values['value']} {c.values['unit']} is not in the gold")
            continue
        with_value += 1
        hit_gold.update(same)
        when = (f"{c.values['period_start']}/{c.values['period_end']}" if "period_start" in c.values
                else (c.dated.value if c.dated else ""))
        good = [i for i in same if gold_figures[i]["measure"] == c.values["measure"]
                and str(gold_figures[i].get("date") or gold_figures[i].get("period")) == when]
        if good:
            right_figures += 1
        else:
            g = gold_figures[same[0]]
            result["misses"].append(f"figure {c.values['value']}: measure {c.values['measure']!r} date {when!r}, "
                                    f"gold {g['measure']!r} {g.get('date') or g.get('period')!r}")
    result["figures"] = (right_figures, with_value, len(hit_gold), len(gold_figures))
    result["misses"] += [f"missed figure {g['value']} {g['unit']}" for i, g in enumerate(gold_figures) if i not in hit_gold]

    # Posts: (person, title).
    gold_posts = {(_norm(g["person"]), _norm(g["title"])) for g in gold.get("posts") or []}
    posts = set()
    names = {e.id: e.name for e in found.new_entities}
    for c in found.candidates:
        if c.kind == "posts":
            person = c.values["person"]
            person = names.get(person, person) or c.extra.get("name", "")
            posts.add((_norm(person), _norm(c.values["title"])))
    result["posts"] = (len(posts & gold_posts), len(posts), len(posts & gold_posts), len(gold_posts))
    result["misses"] += [f"missed post {p}" for p in sorted(gold_posts - posts)]
    result["misses"] += [f"wrong post {p}" for p in sorted(posts - gold_posts)]
    return result


def stance_matches(curated: Curated, gold: tuple[Any, ...], candidate: tuple[Any, ...]) -> bool:
    """A candidate (actor, target, position) matches gold with the same position or one broader."""
    if (gold[0], gold[1]) != (candidate[0], candidate[1]):
        return False
    if gold[2] == candidate[2]:
        return True
    concept = curated.vocab.concept("position", str(gold[2]))
    broader = curated.vocab.concept("position", str(candidate[2]))
    return concept is not None and broader is not None and broader.iri in concept.broader


def _cell(pair: tuple[int, int]) -> str:
    part, whole = pair
    return f"{part}/{whole} {part / whole:.2f}" if whole else f"{part}/{whole}  -  "


ROUNDS = {1: "first texts", 2: "second test half", 3: "third test half", 4: "fourth test half", 5: "fifth test half", 6: "sixth test half", 7: "seventh test half", 8: "eighth test half",
          9: "ninth, other genres, outside the repository", 10: "tenth, other genres, outside the repository",
          11: "eleventh, news and advocacy, outside", 12: "twelfth, news and advocacy, outside",
          13: "thirteenth, news and advocacy, outside", 14: "fourteenth, news and advocacy, outside",
          15: "fifteenth, news and advocacy, outside",
          16: "sixteenth, news and advocacy, outside", 17: "seventeenth, news and advocacy, outside",
          18: "eighteenth, news and advocacy, outside", 19: "nineteenth, news and advocacy, outside",
          20: "twentieth, news and advocacy, outside", 21: "twenty-first, news and advocacy, outside",
          22: "twenty-second, news and advocacy, outside", 23: "twenty-third, federal and court",
          24: "twenty-fourth, news and advocacy, outside",
          25: "twenty-fifth, news, advocacy and blogs, outside",
          26: "twenty-sixth, news, advocacy, blogs and government, outside",
          27: "twenty-seventh, news, advocacy, labor, faith, a council and stations, outside",
          28: "twenty-eighth, news, a TV station, blogs, a council, a party and a magazine, outside",
          29: "twenty-ninth, news, blogs, advocacy, magazines, a law journal and a radio station, outside",
          30: "thirtieth, news, student papers, advocacy, blogs, a radio program, a TV station and a law review, outside"}


def round_of(doc: dict[str, Any]) -> int:
    """The round of coding a text belongs to: its manifest's `round`, else read from its split note."""
    if doc.get("round") is not None:
        return int(doc["round"])
    if doc["split"] == "test":
        return 3
    return 2 if "second test half" in str(doc.get("split_note", "")) else 1


def _rounds(part: list[dict[str, Any]]) -> None:
    """Pooled figures of a half per round of coding (README.md: the split's history)."""
    for number in sorted({r["round"] for r in part}):
        rows = [r for r in part if r["round"] == number]
        label = f"round {number} ({len(rows)} texts, {ROUNDS.get(number, 'added later')})"
        sums = {k: [sum(r[k][i] for r in rows) for i in range(4)] for k in KINDS}
        m, n, s, f = (sums[k] for k in ("mentions", "new", "stances", "figures"))
        print(f"{label:38} mention rec {_cell((m[2], m[3]))}  new right {_cell((n[0], n[1]))}  "
              f"stance rec {_cell((s[2], s[3]))}  prec {_cell((s[0], s[1]))}  fig right {_cell((f[0], f[1]))}  "
              f"fig values {_cell((f[2], f[3]))}")


def report(curated: Curated, split: str | None, verbose: bool,
           misses_of: set[int] | None = None, root: Path = EVAL,
           rounds: set[int] | None = None,
           without: set[str] | None = None) -> dict[str, dict[str, tuple[int, int]]]:
    """Print the figures; with `verbose`, each document's misses (only those of the rounds in
    `misses_of` when given: a round kept for validation shows its figures, never its misses), on the
    evaluation set at `root`, only its texts of `rounds` when given (another round's texts may be absent),
    leaving out the documents whose ids are in `without` (a text that weighs too much in a pooled figure,
    printed both ways)."""
    every = documents(root)
    unknown = sorted((without or set()) - {d["id"] for d in every})
    if unknown:
        raise SystemExit(f"{root / 'manifest.yaml'}: --without names no document of the set: {', '.join(unknown)}")
    docs = [d for d in every if (split is None or d["split"] == split)
            and (rounds is None or round_of(d) in rounds) and d["id"] not in (without or set())]
    if not docs and rounds is not None:
        print(f"no texts of rounds {', '.join(map(str, sorted(rounds)))} in {root / 'manifest.yaml'}"
              + (f" in the {split} half" if split else ""))
        return {}
    if not docs:
        print(f"the {split} half has no texts: every round run as a test half has become development text "
              "(bench/ingest-eval/README.md); code a new round before the next test run")
        return {}
    absent = [f"{root / d['file']}: no text (manifest entry {d['id']!r}; obtain it from {d.get('url')}, "
              f"keeping {d.get('extent', 'the passage')})" for d in docs if not (root / d["file"]).is_file()]
    absent += [f"{root / 'gold' / (d['id'] + '.yaml')}: no gold (manifest entry {d['id']!r})"
               for d in docs if not (root / "gold" / f"{d['id']}.yaml").is_file()]
    if absent:
        raise SystemExit("\n".join(absent))
    rows = [evaluate(curated, d, root) for d in docs]
    for d, r in zip(docs, rows):
        r["round"] = round_of(d)
    pooled: dict[str, dict[str, tuple[int, int]]] = {}
    head = (f"{'document':38} {'mention rec':>12} {'mention prec':>12} {'new right':>11} {'new rec':>11} "
            f"{'stance rec':>11} {'stance prec':>11} {'fig m+d right':>13} {'fig value rec':>13} {'post rec':>11} {'post prec':>11}")
    for half in ("dev", "test"):
        part = [r for r in rows if r["split"] == half]
        if not part:
            continue
        print(f"\n== {half} half ({len(part)} documents)")
        print(head)
        sums = {k: [0, 0, 0, 0] for k in KINDS}
        for r in part:
            for k in KINDS:
                a, b, c, d = r[k]
                sums[k] = [x + y for x, y in zip(sums[k], (a, b, c, d))]
            m, n, s, f, p = (r[k] for k in KINDS)
            print(f"{r['id']:38} {_cell((m[2], m[3])):>12} {_cell((m[0], m[1])):>12} {_cell((n[0], n[1])):>11} "
                  f"{_cell((n[2], n[3])):>11} {_cell((s[2], s[3])):>11} {_cell((s[0], s[1])):>11} "
                  f"{_cell((f[0], f[1])):>13} {_cell((f[2], f[3])):>13} {_cell((p[2], p[3])):>11} {_cell((p[0], p[1])):>11}")
        m, n, s, f, p = (sums[k] for k in KINDS)
        print(f"{'pooled':38} {_cell((m[2], m[3])):>12} {_cell((m[0], m[1])):>12} {_cell((n[0], n[1])):>11} "
              f"{_cell((n[2], n[3])):>11} {_cell((s[2], s[3])):>11} {_cell((s[0], s[1])):>11} "
              f"{_cell((f[0], f[1])):>13} {_cell((f[2], f[3])):>13} {_cell((p[2], p[3])):>11} {_cell((p[0], p[1])):>11}")
        pooled[half] = {"mention recall": (m[2], m[3]), "mention precision": (m[0], m[1]),
                        "new-entity candidates right": (n[0], n[1]), "new-entity recall": (n[2], n[3]),
                        "stance recall": (s[2], s[3]), "stance precision": (s[0], s[1]),
                        "figures with right measure and date": (f[0], f[1]), "figure value recall": (f[2], f[3]),
                        "post recall": (p[2], p[3]), "post precision": (p[0], p[1])}
        print(f"seconds: {sum(r['seconds'] for r in part):.2f} for {len(part)} documents")
        _rounds(part)
        if verbose:
            for r in part:
                if r["misses"] and (misses_of is None or r["round"] in misses_of):
                    print(f"\n{r['id']}:")
                    for miss in r["misses"]:
                        print(f"  {miss}")
    targets = {"mention recall": 0.92, "new-entity candidates right": 0.7, "stance recall": 0.75,
               "stance precision": 0.5, "figures with right measure and date": 0.7}
    if "test" in pooled:
        test = [r for r in rows if r["split"] == "test"]
        print(f"\ntargets on the test half (issue 13; in brackets the 95% interval over its {len(test)} texts, "
              f"{RESAMPLES} resamples of the texts with replacement):")
        for name, want in targets.items():
            part, whole = pooled["test"][name]
            got = part / whole if whole else 0.0
            low, high = interval([_pair(r, name) for r in test])
            print(f"  {name:38} {got:.2f} [{low:.2f}, {high:.2f}] (>= {want}) {'met' if got >= want else 'NOT met'}")
    return pooled


RESAMPLES = 2000
# Where each pooled measure's (part, whole) sits in a document's row: (kind, index of part, index of whole).
_MEASURES = {"mention recall": ("mentions", 2, 3), "new-entity candidates right": ("new", 0, 1),
             "stance recall": ("stances", 2, 3), "stance precision": ("stances", 0, 1),
             "figures with right measure and date": ("figures", 0, 1)}


def _pair(row: dict[str, Any], name: str) -> tuple[int, int]:
    kind, part, whole = _MEASURES[name]
    return row[kind][part], row[kind][whole]


def interval(pairs: list[tuple[int, int]], resamples: int = RESAMPLES, seed: int = 0) -> tuple[float, float]:
    """A 95% percentile interval of a pooled ratio (sum of parts over sum of wholes) when the texts are
    drawn again with replacement: how far the figure could move on another set of texts like these.
    Seeded, so the same rows print the same interval; (0, 0) when no text has a whole."""
    draw = random.Random(seed)
    ratios = []
    for _ in range(resamples):
        sample = [pairs[draw.randrange(len(pairs))] for _ in pairs]
        whole = sum(w for _, w in sample)
        if whole:
            ratios.append(sum(p for p, _ in sample) / whole)
    if not ratios:
        return 0.0, 0.0
    ratios.sort()
    return ratios[int(0.025 * (len(ratios) - 1))], ratios[int(0.975 * (len(ratios) - 1))]
