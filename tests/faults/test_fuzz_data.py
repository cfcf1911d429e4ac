"""A seeded, bounded fuzz of the curated data: every mutant gets a clear error or is accepted.

Each mutant is a copy of data/ with one to three mutations from the families that once gave
tracebacks or hangs (issue 14): wrong value types (lists and mappings where text belongs,
role members that are not ids), complex keys, deep nesting, recursive and "billion laughs"
aliases, files that are not regular files (directories, dangling links, link loops, FIFOs
named *.yaml, and as corpus files), non-ASCII digits in dates and codes, lone surrogates,
invalid UTF-8, long quotes almost in their document, and plain damage (lines cut, doubled,
bytes flipped). For each mutant, `load` (and, when it accepts, the RDF build) must return or
raise DataError whose every message names a data file; no other exception, no hang.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from graph.build.dataset import build_dataset
from graph.build.load import load
from graph.build.vocabulary import ontology_triples
from graph.errors import DataError, DataErrors
from graph.folders import project

REPO = Path(__file__).resolve().parents[2]
SEED = int(os.environ.get("SCOMM_FUZZ_SEED", "1414"))
MUTANTS = int(os.environ.get("SCOMM_FUZZ_MUTANTS", "200"))
HANG_S = 20


class Hang(Exception):
    pass


def _yaml_files(data: Path) -> list[Path]:
    return sorted([data / "sources.yaml", *(data / "entities").glob("*.yaml"), *(data / "statements").glob("*.yaml")])


def _value_lines(text: str) -> list[int]:
    """Indexes of lines `  key: value` (a scalar value on the key's line)."""
    return [i for i, line in enumerate(text.split("\n")) if re.match(r"^\s*(- )?[a-z_]+: \S", line)]


def _replace_value(rng: random.Random, path: Path, new: Callable[[str], str]) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    candidates = _value_lines("\n".join(lines))
    if not candidates:
        return
    i = rng.choice(candidates)
    key, value = lines[i].split(": ", 1)
    lines[i] = f"{key}: {new(value)}"
    path.write_text("\n".join(lines), encoding="utf-8")


def _insert_field(rng: random.Random, path: Path, block: str) -> None:
    """Add `block` as a field of a random record (after a `- id:` line, same indent)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    ids = [i for i, line in enumerate(lines) if re.match(r"^\s*- id: ", line)]
    if not ids:
        return
    i = rng.choice(ids)
    indent = " " * (lines[i].index("-") + 2)
    lines[i + 1 : i + 1] = [indent + part for part in block.split("\n")]
    path.write_text("\n".join(lines), encoding="utf-8")


LAUGHS = "\n".join(
    [f'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    + [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]" for n in range(1, 9)]
)


def mutate(rng: random.Random, data: Path) -> str:
    """Apply one mutation to the copy of data/ at `data`; its family's name."""
    files = [f for f in _yaml_files(data) if f.is_file()]
    target = rng.choice(files) if files else data / "sources.yaml"
    family = rng.choice(FAMILIES)
    family_name = family.__name__.removeprefix("m_")
    try:
        family(rng, data, target)
    except (OSError, UnicodeDecodeError, ValueError, IndexError):
        return family_name + "(skipped: an earlier mutation broke the file)"
    return family_name


def m_list_for_text(rng: random.Random, data: Path, target: Path) -> None:
    _replace_value(rng, target, lambda v: rng.choice(["[~]", "[a, b]", "[[x]]", "{a: b}", "{}", "[]", "~", '""']))


def m_role_member(rng: random.Random, data: Path, target: Path) -> None:
    path = data / "statements" / "nif-2010-10-14.yaml"
    text = path.read_text(encoding="utf-8")
    bad = rng.choice(["[~]", "[[zoe-lofgren]]", "[{a: b}]", "{x: y}", "[1, [2]]", "~"])
    path.write_text(text.replace("sender: [zoe-lofgren]", f"sender: {bad}", 1), encoding="utf-8")


def m_complex_key(rng: random.Random, data: Path, target: Path) -> None:
    _insert_field(rng, target, rng.choice(["? [a, b]\n: c", "? {a: b}\n: c", "[x]: y"]))


def m_deep_nesting(rng: random.Random, data: Path, target: Path) -> None:
    depth = rng.choice([100, 1000, 5000])
    _insert_field(rng, target, "note: " + "[" * depth + "]" * depth)


def m_recursive_alias(rng: random.Random, data: Path, target: Path) -> None:
    _insert_field(rng, target, rng.choice(["note: &r [*r]", "note: &r {a: *r}", "note: *missing"]))


def m_billion_laughs(rng: random.Random, data: Path, target: Path) -> None:
    _insert_field(rng, target, "note:\n  " + LAUGHS.replace("\n", "\n  "))


def m_not_a_file(rng: random.Random, data: Path, target: Path) -> None:
    folder = rng.choice([data / "entities", data / "statements", data])
    name = folder / ("sources.yaml" if folder == data else "zz-fuzz.yaml")
    if name.exists():
        name.unlink()
    kind = rng.choice(["dir", "dangling", "loop", "fifo"])
    if kind == "dir":
        name.mkdir()
    elif kind == "dangling":
        name.symlink_to(folder / "nowhere.yaml")
    elif kind == "loop":
        name.symlink_to(name.name)
    else:
        os.mkfifo(name)


def m_corpus_not_a_file(rng: random.Random, data: Path, target: Path) -> None:
    doc = rng.choice(sorted((data / "corpus").glob("*.txt")))
    doc.unlink()
    kind = rng.choice(["dir", "dangling", "loop", "fifo"])
    if kind == "dir":
        doc.mkdir()
    elif kind == "dangling":
        doc.symlink_to("nowhere.txt")
    elif kind == "loop":
        doc.symlink_to(doc.name)
    else:
        os.mkfifo(doc)


def m_non_ascii_digits(rng: random.Random, data: Path, target: Path) -> None:
    digits = rng.choice(["\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669", "\uff10\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18\uff19"])
    path = rng.choice(files := _yaml_files(data))
    text = path.read_text(encoding="utf-8")
    dated = list(re.finditer(r'(date|as_of|period_start|period_end|fips|value|from|to): "?([0-9-]+)"?', text))
    if not dated:
        path = data / "statements" / "nif-2010-10-14.yaml"
        text = path.read_text(encoding="utf-8")
        dated = list(re.finditer(r'(date): "?([0-9-]+)"?', text))
    match = rng.choice(dated)
    value = "".join(digits[int(c)] if c.isdigit() else c for c in match.group(2))
    path.write_text(text[: match.start()] + f'{match.group(1)}: "{value}"' + text[match.end() :], encoding="utf-8")
    del files


def m_lone_surrogate(rng: random.Random, data: Path, target: Path) -> None:
    _insert_field(rng, target, rng.choice(['note: "a \\ud800 b"', 'note: "\\udfff"', 'name: "x\\udc80"']))


def m_invalid_utf8(rng: random.Random, data: Path, target: Path) -> None:
    raw = target.read_bytes()
    at = rng.randrange(len(raw))
    target.write_bytes(raw[:at] + rng.choice([b"\xff", b"\xc3", b"\xed\xa0\x80"]) + raw[at:])


def m_long_quote(rng: random.Random, data: Path, target: Path) -> None:
    path = data / "statements" / "blog-scomm-topic-2012.yaml"
    doc = (data / "corpus" / "000_f2bd0ada508f4ac0.txt").read_text(encoding="utf-8")
    length = rng.choice([300, 2000, 6000])
    start = rng.randrange(max(1, len(doc) - length))
    chars = list(doc[start : start + length])
    for _ in range(max(1, length // 100)):
        chars[rng.randrange(len(chars))] = rng.choice("xyz")
    quote = "".join(chars).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(?m)^(\s+quote: ).*$', lambda m: m.group(1) + f'"{quote}"', text, count=1)
    path.write_text(text, encoding="utf-8")


def m_damage(rng: random.Random, data: Path, target: Path) -> None:
    lines = target.read_text(encoding="utf-8").split("\n")
    how = rng.choice(["cut", "double", "drop", "indent", "truncate", "tab"])
    i = rng.randrange(len(lines))
    if how == "cut":
        lines[i] = lines[i][: rng.randrange(len(lines[i]) + 1)]
    elif how == "double":
        lines.insert(i, lines[i])
    elif how == "drop":
        del lines[i]
    elif how == "indent":
        lines[i] = " " * rng.choice([1, 3]) + lines[i]
    elif how == "tab":
        lines[i] = "\t" + lines[i]
    else:
        lines = lines[:i]
    target.write_text("\n".join(lines), encoding="utf-8")


def m_wrong_scalar(rng: random.Random, data: Path, target: Path) -> None:
    _replace_value(rng, target, lambda v: rng.choice(["'2010-13'", "-1", "1e999", "NaN", "x" * 5000, "'a b'", "!!binary aGk=", "!!int 3", "&a x"]))


def m_empty_file(rng: random.Random, data: Path, target: Path) -> None:
    target.write_text(rng.choice(["", "---\n", "x\n", "[]\n", "{}\n", "- 1\n", "--- a\n--- b\n"]), encoding="utf-8")


FAMILIES: list[Callable[[random.Random, Path, Path], None]] = [
    m_list_for_text, m_role_member, m_complex_key, m_deep_nesting, m_recursive_alias, m_billion_laughs,
    m_not_a_file, m_corpus_not_a_file, m_non_ascii_digits, m_lone_surrogate, m_invalid_utf8, m_long_quote,
    m_damage, m_wrong_scalar, m_empty_file,
]


def _alarm(signum: int, frame: object) -> None:
    raise Hang()


@pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")
def test_fuzzed_data_gives_clear_errors_never_a_traceback_or_a_hang(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(SEED)
    root = tmp_path / "project"
    root.mkdir()
    (root / "ontology").symlink_to(REPO / "ontology")
    # the ontology is never mutated: ontology_triples parses it once, not for each mutant
    ontology = ontology_triples(REPO / "ontology")
    # EDTF parsing takes tens of ms a date: each distinct date text is parsed once (a bad
    # one raises each time; lru_cache keeps no exceptions)
    import functools

    from graph import dates

    monkeypatch.setattr(dates, "parse", functools.lru_cache(maxsize=None)(dates.parse))
    mutations = 0
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    previous = signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    try:
        for n in range(MUTANTS):
            data = root / "data"
            if data.exists() or data.is_symlink():
                shutil.rmtree(data)
            shutil.copytree(REPO / "data", data, symlinks=True)
            families = [mutate(rng, data) for _ in range(rng.choice([1, 1, 2, 3]))]
            mutations += len(families)
            label = f"mutant {n} ({'+'.join(families)})"
            signal.alarm(HANG_S)
            try:
                curated = load(project(root, tmp_path / "out"))
                build_dataset(curated, ontology)
                outcomes["accepted"] += 1
            except DataError as exc:
                messages = exc.messages if isinstance(exc, DataErrors) else [str(exc)]
                unnamed = [m for m in messages if not re.match(r"^(\./)?data/\S+", m)]
                if unnamed:
                    failures.append(f"{label}: an error names no data file: {unnamed[0][:200]}")
                outcomes["clear error"] += 1
            except Hang:
                failures.append(f"{label}: no answer within {HANG_S} s")
                outcomes["hang"] += 1
            except Exception as exc:  # noqa: BLE001 - the point of the test
                failures.append(f"{label}: traceback {type(exc).__name__}: {str(exc)[:200]}")
                outcomes["traceback"] += 1
            finally:
                signal.alarm(0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.monotonic() - started
    print(f"\nfuzz seed {SEED}: {MUTANTS} mutants ({mutations} mutations) in {elapsed:.1f} s: {dict(outcomes)}")
    assert not failures, "\n".join(failures[:20])
    assert outcomes["clear error"] > MUTANTS // 2
