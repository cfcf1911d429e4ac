"""How long the extractor of `scomm ingest` takes on text as users meet it, against the plain text.

A benchmark, not a test: it runs `graph.ingest.review.extract` (what `scomm ingest` calls) on the
development texts (bench/ingest-eval/texts/*.txt and bench/ingest-eval/outside/texts/*.txt, the
latter a git-ignored copy) and on adversarial variants of each:
  caps         the whole text in capitals (an OCR'd resolution, a floor record);
  nopunct      every punctuation mark removed;
  oneline      every newline replaced by a space;
  ocr          OCR-like noise: `<br />` between lines, stray digits, words hyphenated across lines;
and on documents built from them:
  names-caps   50 names in a comma list in capitals (a roll call), inside a text;
  names-title  the same in title case;
  joined       a 20,000-character document of joined texts, also in capitals, without punctuation,
               on one line, and without both punctuation and line breaks (one "sentence");
  table        a table of numbers.
For each variant it prints the seconds, the seconds per 1,000 characters and their ratio to the
plain texts' seconds per character measured in the same run, and the slowest calls, each against
its own plain text's time per character (the joined document's variants: against it; the joined
document and the tables: against all plain texts'); a ratio over 5 is a defect (a regular
expression that backtracks). A call that runs over --timeout seconds is stopped and the innermost
frame of graph/ingest it was in is printed (where to look).

Run: PYTHONPATH=$PWD python bench/ingest_stress.py [--texts N] [--timeout S]
"""

from __future__ import annotations

import argparse
import random
import re
import signal
import string
import time
import traceback
from pathlib import Path
from typing import Any, Callable

from graph.build.load import load
from graph.folders import project
from graph.ingest.review import extract

EVAL = Path(__file__).resolve().parent / "ingest-eval"
LIMIT = 5.0  # a variant slower than this many times the plain text's time per character is a defect

SURNAMES = ["Alquist", "Anderson", "Berryhill", "Blakeslee", "Calderon", "Cannella", "Corbett", "Correa",
            "DeSaulnier", "Dutton", "Emmerson", "Evans", "Fuller", "Gaines", "Galgiani", "Hancock", "Hernandez",
            "Hill", "Hueso", "Huff", "Jackson", "Knight", "Lara", "Leno", "Lieu", "Liu", "Monning", "Morrell",
            "Nielsen", "Padilla", "Pavley", "Price", "Roth", "Steinberg", "Torres", "Vidak", "Walters", "Wolk",
            "Wright", "Wyland", "Yee", "Block", "DeSaulnier", "Beall", "Cannella", "Galgiani", "Hueso", "Rendon",
            "Quirk", "Stone"]


def caps(text: str) -> str:
    return text.upper()


def nopunct(text: str) -> str:
    return re.sub(f"[{re.escape(string.punctuation)}“”‘’—–]", "", text)


def oneline(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text)


def ocr(text: str) -> str:
    rng = random.Random(len(text))  # deterministic per text
    out = []
    for line in text.split("\n"):
        words = line.split(" ")
        for i, word in enumerate(words):
            roll = rng.random()
            if roll < 0.03 and len(word) > 5:  # a word hyphenated across a line break
                half = len(word) // 2
                words[i] = word[:half] + "-\n" + word[half:]
            elif roll < 0.05:
                words[i] = word + " " + str(rng.randint(1, 999))  # a stray page or line number
        out.append(" ".join(words))
    return "<br />\n".join(out)


def names_list(upper: bool) -> Callable[[str], str]:
    names = [n.upper() if upper else n for n in SURNAMES[:50]]

    def variant(text: str) -> str:
        roll = ", ".join(names)
        head, _, tail = text.partition("\n\n")
        return f"{head}\n\nAYES: {roll}.\nNOES: {roll}\n\nThe following voted: {roll} and others.\n\n{tail}"
    return variant


def table(rows: int = 120) -> str:
    rng = random.Random(7)
    lines = ["County  Year  Submissions  Matches  Removals  Level 1  Level 2  Level 3  Percent"]
    for i in range(rows):
        numbers = [str(rng.randint(0, 99999)) for _ in range(7)]
        lines.append(f"County {i}  {2008 + i % 6}  " + "  ".join(numbers) + f"  {rng.randint(0, 100)}.{rng.randint(0, 9)}%")
    return "Table 3. Secure Communities activity by county\n\n" + "\n".join(lines) + "\n"


VARIANTS: dict[str, Callable[[str], str]] = {
    "caps": caps, "nopunct": nopunct, "oneline": oneline, "ocr": ocr,
    "names-caps": names_list(True), "names-title": names_list(False),
}


class Hung(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    inner = [f for f in traceback.extract_stack(frame) if "graph/ingest" in f.filename]
    where = f"{Path(inner[-1].filename).name}:{inner[-1].lineno} {inner[-1].name}: {inner[-1].line}" if inner else "?"
    raise Hung(where)


def run(curated: Any, name: str, text: str, timeout: int) -> tuple[float, str]:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(timeout)
    started = time.perf_counter()
    try:
        extract(name, text, "2012-01-01", curated.entities, curated.vocab, None, [])
        note = ""
    except Hung as hung:
        note = f"STOPPED after {timeout}s in {hung}"
    except Exception as error:  # a traceback is a defect too (principle 5)
        note = f"ERROR {type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
    return time.perf_counter() - started, note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=0, help="a spread sample of N texts (every k-th), 0: all")
    parser.add_argument("--timeout", type=int, default=120, help="seconds before one call is stopped and reported")
    parser.add_argument("--only", default=None, help="comma-separated variants to run (default: all)")
    args = parser.parse_args()
    curated = load(project(None))
    files = sorted((EVAL / "texts").glob("*.txt")) + sorted((EVAL / "outside" / "texts").glob("*.txt"))
    if not files:
        raise SystemExit(f"no texts in {EVAL / 'texts'}")
    if args.texts:  # a spread sample: every k-th text, largest ones kept in
        step = max(1, len(files) // args.texts)
        files = files[::step][: args.texts]
    texts = {f.stem: f.read_text(encoding="utf-8") for f in files}
    chosen = set(args.only.split(",")) if args.only else None

    run(curated, "warm-up", "The county joined the program in 2010.", args.timeout)  # caches and cue lists, not a text's time
    rows: list[tuple[str, str, int, float, str]] = []  # variant, text, chars, seconds, note
    for stem, text in texts.items():
        rows.append(("plain", stem, len(text), *run(curated, stem, text, args.timeout)))
    plain_rate = sum(r[3] for r in rows) / max(1, sum(r[2] for r in rows))
    own = {r[1]: r[3] / max(1, r[2]) for r in rows}  # each text's plain seconds per character

    def rate(r: tuple[str, str, int, float, str]) -> float:  # a call's time per character over its plain text's
        return (r[3] / max(1, r[2])) / own.get(r[1], plain_rate)
    for variant, make in VARIANTS.items():
        if chosen and variant not in chosen:
            continue
        for stem, text in texts.items():
            varied = make(text)
            rows.append((variant, stem, len(varied), *run(curated, stem, varied, args.timeout)))
    joined, stems = "", []
    for stem, text in texts.items():
        if len(joined) >= 20000:
            break
        joined += text + "\n\n"
        stems.append(stem)
    joined = joined[:20000]
    built = {"joined": joined, "joined-caps": caps(joined), "joined-nopunct": nopunct(joined),
             "joined-1line": oneline(joined), "joined-nopunct-1line": oneline(nopunct(joined)),
             "table": table(), "table-in-text": next(iter(texts.values())) + "\n\n" + table()}
    for variant, text in built.items():
        if chosen and variant not in chosen:
            continue
        label = "joined document" if variant.startswith("joined-") else "-"
        rows.append((variant, label, len(text), *run(curated, variant, text, args.timeout)))
        if variant == "joined":  # its variants against it; it against the plain texts
            own["joined document"] = rows[-1][3] / max(1, rows[-1][2])

    print(f"plain texts: {len([r for r in rows if r[0] == 'plain'])}, {1000 * plain_rate:.4f} s per 1,000 characters")
    print(f"{'variant':14} {'texts':>5} {'chars':>9} {'seconds':>8} {'s/1000ch':>8} {'ratio':>6}  slowest text (ratio)")
    worst: list[tuple[float, str, str, float, str]] = []
    for variant in dict.fromkeys(r[0] for r in rows):
        mine = [r for r in rows if r[0] == variant]
        chars, seconds = sum(r[2] for r in mine), sum(r[3] for r in mine)
        slowest = max(mine, key=rate)
        ratio = (seconds / max(1, chars)) / plain_rate
        worst += [(rate(r), variant, r[1], r[3], r[4]) for r in mine]
        print(f"{variant:14} {len(mine):>5} {chars:>9} {seconds:>8.2f} {1000 * seconds / max(1, chars):>8.4f} "
              f"{ratio:>6.2f}  {slowest[1]} ({rate(slowest):.1f})")
    worst.sort(reverse=True)
    print("\nslowest calls (ratio to the same plain text's time per character; the joined document's variants: to it; "
          "the joined document and the tables: to all plain texts'):")
    for ratio, variant, stem, seconds, note in worst[:10]:
        flag = "  DEFECT" if ratio > LIMIT or note else ""
        print(f"  {ratio:7.1f}x {seconds:7.2f}s {variant:12} {stem}{flag} {note}")
    defects = [w for w in worst if w[0] > LIMIT or w[4]]
    print(f"\n{len(defects)} call(s) over {LIMIT:g}x the plain time per character or stopped/failed")


if __name__ == "__main__":
    main()
