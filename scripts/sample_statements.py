"""Draw a reproducible random sample of curated statements for a reviewer to check.

    python scripts/sample_statements.py --seed 2026 --n 50 [--root .] [--context 300] [--ids]

Loads the curated data the way `scomm validate` does, sorts every statement id, draws `n`
of them with Python's `random.Random(seed).sample` (same seed and same data: same sample),
and prints each statement (kind, source, fields) with its quote located in its document
and `context` characters of the text either side, for checking against the checklist in
docs/curation.md. `--ids` prints only the sampled ids, one a line.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

from graph.build.load import Curated, load
from graph.errors import DataErrors
from graph.folders import project

SKIP = {"quote", "occurrence"}


def sample_ids(curated: Curated, seed: int, n: int) -> list[str]:
    """`n` statement ids drawn with `seed` from all statement ids in sorted order."""
    ids = sorted(curated.statements)
    return sorted(random.Random(seed).sample(ids, min(n, len(ids))))


def describe(curated: Curated, ident: str, context: int) -> str:
    record = curated.statements[ident]
    text = curated.texts.get(record.source or "", "")
    lines = [f"== {ident}  [{record.kind}, {record.source}]  {record.where}"]
    for key, value in record.values.items():
        if key in SKIP or key == "id":
            continue
        lines.append(f"   {key}: {getattr(value, 'text', value)}")
    for located in record.evidence:
        before = text[max(0, located.start - context) : located.start]
        after = text[located.end : located.end + context]
        lines.append(f"   quote [{located.start}:{located.end}]:")
        lines.append("   ..." + " ".join(before.split()) + " >>>" + located.exact + "<<< " + " ".join(after.split()) + "...")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True, help="seed of the random draw")
    parser.add_argument("--n", type=int, default=50, help="how many statements (default 50)")
    parser.add_argument("--root", type=Path, default=Path("."), help="project root (default: .)")
    parser.add_argument("--context", type=int, default=300, help="characters of text either side of a quote")
    parser.add_argument("--ids", action="store_true", help="print only the sampled ids")
    args = parser.parse_args(argv)
    try:
        curated = load(project(args.root.resolve(), args.root.resolve() / "out"))
    except DataErrors as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    ids = sample_ids(curated, args.seed, args.n)
    if args.ids:
        print("\n".join(ids))
        return 0
    print(f"# {len(ids)} of {len(curated.statements)} statements, seed {args.seed}\n")
    for ident in ids:
        print(describe(curated, ident, args.context) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
