"""A synthetic curated project N times the corpus (not a test): a project folder to build.

    python bench/synth_yaml.py --factor 10 --out /tmp/synth-10x
    scomm build --root /tmp/synth-10x --out /tmp/synth-10x/out

Writes `OUT/data/` and `OUT/ontology/` (a copy of the real ontology). Copy 1 is the real
corpus as it is; each further copy k is every source document again (its text with a line
"[synthetic copy k]" appended, so a new SHA-256 and the same quotes at the same offsets),
every entity again (id `ID-xk`, name "NAME (copy k)", no FIPS code, so that only the real
entities join the reference layer) and every statement again (id `ID-xk`), its references
to entities, sources and statements pointing into the same copy. The curated YAML is then
the real one N times over, valid by the same checks, with quotes found in generated
documents: build, validation and analyses can be measured at 1x, 10x, 100x.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent

# Fields whose values are text, dates or concept notations, never ids to re-point.
NOT_REFS = {
    "id", "quote", "quotes", "note", "date", "date_basis", "date_note", "position", "question", "answer", "type",
    "measure", "comparator", "relation", "action", "unit", "label", "title", "item", "value", "step", "as_of",
    "period_start", "period_end", "from", "to", "date_form", "perspective", "aliases", "name", "description",
    "url", "fips", "file", "sha256", "role",
}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


def _repoint(value: Any, ids: set[str], suffix: str, key: str | None = None) -> Any:
    """The value with every id of `ids` it holds (outside text fields) given `suffix`."""
    if key in NOT_REFS:
        return value
    if isinstance(value, str):
        return value + suffix if value in ids else value
    if isinstance(value, list):
        return [_repoint(v, ids, suffix) for v in value]
    if isinstance(value, dict):
        # participants: {role: [ids]}: the role keys are concepts, the lists ids
        return {k: _repoint(v, ids, suffix, None if key == "participants" else k) for k, v in value.items()}
    return value


def synthesize(factor: int, out: Path, data: Path = REPO / "data", ontology: Path = REPO / "ontology") -> dict[str, int]:
    """Write the project N times the corpus at `out`; the counts of what was written."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ontology, out / "ontology")
    shutil.copytree(data / "imports", out / "data" / "imports")
    sources = _load(data / "sources.yaml")
    entity_files = {p.name: _load(p) or [] for p in sorted((data / "entities").glob("*.yaml"))}
    statement_files = {p.name: _load(p) for p in sorted((data / "statements").glob("*.yaml"))}
    entity_ids = {e["id"] for records in entity_files.values() for e in records}
    source_ids = {s["id"] for s in sources}
    statement_ids = {r["id"] for doc in statement_files.values() for key, records in doc.items()
                     if isinstance(records, list) for r in records if isinstance(r, dict) and "id" in r}
    ids = entity_ids | source_ids | statement_ids
    texts = {s["id"]: (data / s["file"]).read_text(encoding="utf-8") for s in sources}

    out_sources: list[Any] = []
    out_entities: dict[str, list[Any]] = {name: [] for name in entity_files}
    out_statements: dict[str, Any] = {}
    counts = {"sources": 0, "entities": 0, "statements": 0}
    for k in range(1, factor + 1):
        suffix = "" if k == 1 else f"-x{k}"
        for source in sources:
            record = copy.deepcopy(source)
            text = texts[source["id"]]
            if k > 1:
                text = text + f"\n[synthetic copy {k}]\n"
                record = _repoint(record, ids, suffix)
                record["id"] = source["id"] + suffix
                record["file"] = f"corpus/{source['id']}{suffix}.txt"
                record["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
            target = out / "data" / record["file"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8"))
            out_sources.append(record)
            counts["sources"] += 1
        for name, records in entity_files.items():
            for entity in records:
                record = copy.deepcopy(entity)
                if k > 1:
                    record = _repoint(record, ids, suffix)
                    record["id"] = entity["id"] + suffix
                    record["name"] = f"{entity['name']} (copy {k})"
                    record.pop("fips", None)
                    if record.get("aliases"):
                        record["aliases"] = [f"{a} (copy {k})" for a in record["aliases"]]
                out_entities[name].append(record)
                counts["entities"] += 1
        for name, doc in statement_files.items():
            new = {}
            for key, value in doc.items():
                if key == "source":
                    new[key] = value + suffix
                elif isinstance(value, list):
                    items = []
                    for r in value:
                        record = copy.deepcopy(r)
                        if k > 1:
                            record = _repoint(record, ids, suffix)
                            record["id"] = r["id"] + suffix
                        items.append(record)
                    new[key] = items
                    counts["statements"] += len(items)
                else:
                    new[key] = value
            out_statements[name.replace(".yaml", f"{suffix}.yaml")] = new
    _dump(out / "data" / "sources.yaml", out_sources)
    for name, records in out_entities.items():
        _dump(out / "data" / "entities" / name, records)
    for name, doc in out_statements.items():
        _dump(out / "data" / "statements" / name, doc)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factor", type=int, default=10, help="How many times the corpus (1 = the corpus itself).")
    parser.add_argument("--out", type=Path, required=True, help="The project folder to write (replaced).")
    args = parser.parse_args()
    counts = synthesize(args.factor, args.out)
    print(f"{args.factor}x the corpus at {args.out}: {counts['sources']} sources, {counts['entities']} entities, "
          f"{counts['statements']} statements", file=sys.stderr)


if __name__ == "__main__":
    main()
