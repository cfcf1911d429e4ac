"""Check the texts placed in an evaluation set kept outside the repository, and record their digests.

The texts of bench/ingest-eval/outside/ may not be redistributed, so the repository keeps only each
one's address and extent (manifest.yaml) and what the readers coded (gold/). Whoever places the
texts again (texts/<id>.txt, git-ignored) checks them here:

    python bench/outside_texts.py check [--eval-set DIR] [ID ...]
    python bench/outside_texts.py record [--eval-set DIR]
    python bench/outside_texts.py overlap [--eval-set DIR] [ID ...]

`check` names, all at once, each text that is absent, each gold quote (of a stance, a figure or a
post) that its text does not hold character for character, and each text whose SHA-256 differs from
the one recorded for it (its manifest entry's `sha256`, or texts.sha256 beside the manifest), unless
the entry's `sha256_blank_lines_collapsed` is the digest of the text with each run of blank lines made
one (round 28's rule: a text obtained again may differ from the recorded one only there). `record` writes texts.sha256 (the format of
`sha256sum`, one line a text, in the manifest's order) for the texts that hold every gold quote, so
that a later placing can be checked byte for byte (`sha256sum -c texts.sha256` in the set's folder
does the same). It exits 1 when `check` finds anything.

`overlap` says, for each placed text, the share of its 8-word sequences (words lower-cased) that
another text also has, the text sharing most, and the shared runs where the share is 5% or more:
the texts compared are the committed ones (bench/ingest-eval/texts/), the other placed texts of the
set and the project's corpus (data/corpus/). A text that copies development text is no test of the
extractor on text it has not seen; the lead decides before the run (bench/ingest-eval/README.md).
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

OUTSIDE = Path(__file__).resolve().parent / "ingest-eval" / "outside"
COMMITTED = OUTSIDE.parent / "texts"
CORPUS = OUTSIDE.parents[2] / "data" / "corpus"
DIGESTS = "texts.sha256"
SPAN = 8  # words in a compared sequence
SHOWN = 0.05  # share from which the shared runs are printed


def quotes(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """Each (kind, quote) of a gold file: the quotes of its stances, figures and posts."""
    found = []
    for kind in ("stances", "figures", "posts"):
        for record in gold.get(kind) or []:
            if isinstance(record, dict) and record.get("quote"):
                found.append((kind, str(record["quote"])))
    return found


def digests(root: Path) -> dict[str, str]:
    """The recorded SHA-256 of each text, by its file (relative to `root`)."""
    path = root / DIGESTS
    if not path.is_file():
        return {}
    recorded = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        digest, _, name = line.partition("  ")
        if len(digest) != 64 or not name:
            raise SystemExit(f"{path}:{number}: not a sha256sum line (a 64-digit digest, two spaces, a file)")
        recorded[name] = digest
    return recorded


def collapsed_digest(data: bytes) -> str:
    """The SHA-256 of a text with each run of blank lines made one blank line (the store's whitespace varied once)."""
    return hashlib.sha256(re.sub(rb"\n(?:[ \t]*\n)+", b"\n\n", data)).hexdigest()


def problems(root: Path, entry: dict[str, Any], recorded: dict[str, str]) -> list[str]:
    """What is wrong with one manifest entry's text: absent, a gold quote it lacks, another digest."""
    text_path = root / entry["file"]
    if not text_path.is_file():
        return [f"{text_path}: no text (obtain it from {entry.get('url')}, keeping {entry.get('extent', 'the passage')})"]
    data = text_path.read_bytes()
    text = data.decode("utf-8")
    gold_path = root / "gold" / f"{entry['id']}.yaml"
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) if gold_path.is_file() else {}
    found = [f"{text_path}: the {kind} quote {quote!r} of {gold_path.name} is not in the text"
             for kind, quote in quotes(gold or {}) if quote not in text]
    digest = entry.get("sha256") or recorded.get(entry["file"])
    if digest and digest != hashlib.sha256(data).hexdigest() and entry.get("sha256_blank_lines_collapsed") != collapsed_digest(data):
        source = f"the manifest's entry {entry['id']}" if entry.get("sha256") else str(root / DIGESTS)
        found.append(f"{text_path}: SHA-256 {hashlib.sha256(data).hexdigest()} is not the recorded {digest} ({source})")
    return found


def sequences(text: str) -> tuple[list[str], set[tuple[str, ...]]]:
    words = re.findall(r"\w+", text.lower())
    return words, {tuple(words[i:i + SPAN]) for i in range(len(words) - SPAN + 1)}


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(CORPUS.parents[1]))
    except ValueError:
        return str(path)


def overlap(root: Path, chosen: list[dict[str, Any]], entries: list[dict[str, Any]]) -> list[str]:
    """For each placed text of `chosen`: its largest share of 8-word sequences with another text."""
    others = {path: sequences(path.read_text(encoding="utf-8"))[1]
              for path in sorted(COMMITTED.glob("*.txt")) + sorted(CORPUS.glob("*.txt"))}
    others.update({root / e["file"]: sequences((root / e["file"]).read_text(encoding="utf-8"))[1]
                   for e in entries if (root / e["file"]).is_file()})
    lines = []
    for entry in chosen:
        path = root / entry["file"]
        if not path.is_file():
            lines.append(f"{path}: no text")
            continue
        words, own = sequences(path.read_text(encoding="utf-8"))
        share, other = max(((len(own & seqs) / max(1, len(own)), name) for name, seqs in others.items()
                            if name != path), default=(0.0, None))
        lines.append(f"{entry['id']}: {share:.1%} of its {len(own)} sequences" + (f" shared with {_shown(other)}" if share else ""))
        if share >= SHOWN and other is not None:
            shared, runs = others[other], []
            for i in range(len(words) - SPAN + 1):
                if tuple(words[i:i + SPAN]) in shared:
                    if runs and i <= runs[-1][1]:
                        runs[-1][1] = i + SPAN
                    else:
                        runs.append([i, i + SPAN])
            lines += [f"    {' '.join(words[a:b])}" for a, b in runs]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("check", "record", "overlap"))
    parser.add_argument("ids", nargs="*", help="With check or overlap: only these manifest entries.")
    parser.add_argument("--eval-set", type=Path, default=OUTSIDE, metavar="DIR")
    args = parser.parse_intermixed_args()
    root = args.eval_set
    manifest = root / "manifest.yaml"
    if not manifest.is_file():
        raise SystemExit(f"{root}: no manifest.yaml")
    entries = yaml.safe_load(manifest.read_text(encoding="utf-8"))["documents"]
    unknown = sorted(set(args.ids) - {e["id"] for e in entries})
    if unknown:
        raise SystemExit(f"{manifest}: no entry {', '.join(unknown)}")
    recorded = digests(root)
    if args.action == "record":
        lines = [f"{hashlib.sha256((root / e['file']).read_bytes()).hexdigest()}  {e['file']}"
                 for e in entries if not problems(root, e, {})]
        (root / DIGESTS).write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{root / DIGESTS}: {len(lines)} of {len(entries)} texts recorded")
        return
    chosen = [e for e in entries if not args.ids or e["id"] in args.ids]
    if args.action == "overlap":
        print("\n".join(overlap(root, chosen, entries)))
        return
    found = [p for e in chosen for p in problems(root, e, recorded)]
    print("\n".join(found) if found else f"{len(chosen)} texts: every one present and holding its gold quotes")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
