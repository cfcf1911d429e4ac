"""Serialize the dataset deterministically and write the outputs atomically."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph
from rdflib import Dataset

from graph.namespaces import PREFIXES


def canonical_nquads(dataset: Dataset, extra: bytes = b"") -> bytes:
    """Every quad as sorted, de-duplicated N-Quads lines: the same input gives the same bytes."""
    text = dataset.serialize(format="nquads", encoding="utf-8")
    lines = {line for line in (text + extra).splitlines() if line.strip()}
    return b"".join(line + b"\n" for line in sorted(lines))


def serializations(nquads: bytes) -> dict[str, bytes]:
    """TriG, Turtle (the union of the graphs) and JSON-LD of the given sorted N-Quads."""
    quads = list(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    triples = sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return {
        "graph.trig": pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.TRIG, prefixes=PREFIXES) or b"",
        "graph.ttl": pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.TURTLE, prefixes=PREFIXES) or b"",
        "graph.jsonld": pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.JSON_LD, prefixes=PREFIXES) or b"",
    }


@contextmanager
def staging(out_dir: Path) -> Iterator[Path]:
    """A temporary folder beside `out_dir` to write into; removed if anything fails."""
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stage = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-staging-", dir=out_dir.parent))
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def publish(stage: Path, out_dir: Path, names: list[str]) -> None:
    """Move the named files and folders from the staging folder into `out_dir`.

    Each file replaces its old version in one rename, so a reader never sees half a file;
    a folder (the store) is swapped in by two renames.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in names:
        source, target = stage / name, out_dir / name
        if source.is_dir():
            old = out_dir / f".{name}.old"
            shutil.rmtree(old, ignore_errors=True)
            if target.exists():
                os.replace(target, old)
            os.replace(source, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(source, target)


def write_atomic(path: Path, data: bytes) -> None:
    """Write one file so that it is either the old or the whole new content."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes files only the owner can read
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text_atomic(path: Path, text: str) -> None:
    """Write UTF-8 text so that the file is either the old or the whole new content."""
    write_atomic(path, text.encode("utf-8"))
