"""Put a release together and write it as one reproducible zip archive.

Reproducible: members in sorted order under one top folder, each stored with the same
timestamp (1980-01-01, the earliest a zip can hold), permissions 0644, the same
compression and no extra fields, so that the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph

from graph.errors import UsageError
from graph.folders import Project, write_atomic
from graph.release.describe import DatasetFacts, Example, Member, citation, describe, readme
from graph.release.tables import tables

EPOCH = (1980, 1, 1, 0, 0, 0)
EXAMPLES = ("opponents", "stances-on", "opt-out-attempts", "contradictions", "source-positions")


@dataclass(frozen=True)
class Release:
    path: Path
    members: dict[str, Member]
    facts: DatasetFacts
    has_explorer: bool


def default_version() -> str:
    """The project's version (pyproject.toml, as installed)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scomm-kg")
    except PackageNotFoundError:
        return "0.0.0"


def dataset_facts(nquads: bytes) -> DatasetFacts:
    """Sizes of the dataset: quads, distinct subjects and properties, quads per named graph."""
    graphs: Counter[str] = Counter()
    subjects: set[str] = set()
    properties: set[str] = set()
    vocabularies: set[str] = set()
    for quad in pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS):
        name = quad.graph_name
        graphs[name.value if isinstance(name, pyoxigraph.NamedNode) else ""] += 1
        subjects.add(str(quad.subject))
        p = quad.predicate.value
        properties.add(p)
        vocabularies.add(p[: max(p.rfind("#"), p.rfind("/")) + 1])
    return DatasetFacts(quads=sum(graphs.values()), subjects=len(subjects), properties=len(properties),
                        graphs={k: v for k, v in graphs.items() if k}, vocabularies=tuple(sorted(vocabularies)))


def _examples(project: Project) -> list[Example]:
    from graph.store import query as q

    library = q.library(project.queries_dir)
    found = []
    for name in EXAMPLES:
        if name in library:
            query = library[name]
            found.append(Example(name, query.title, query.description, q.bind(query, {})))
    return found


def _files_under(folder: Path, prefix: str) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {f"{prefix}/{p.relative_to(folder).as_posix()}": p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.name.startswith(".")}


def gather(project: Project, version: str, license_id: str, backend: Any) -> tuple[dict[str, bytes], DatasetFacts, bool]:
    """Every member of the archive (path -> bytes), before the manifest."""
    out = project.out_dir
    needed = [out / "graph.trig", out / "graph.nq"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise UsageError(f"no build to release: {', '.join(missing)} missing; run `scomm build` first")
    files: dict[str, bytes] = {"data/graph.trig": needed[0].read_bytes(), "data/graph.nq": needed[1].read_bytes()}
    files.update({f"tables/{name}": data for name, data in tables(backend).items()})
    explorer = _files_under(out / "viz", "explorer")
    files.update(explorer)
    files.update({f"ontology/{p.name}": p.read_bytes() for p in sorted(project.ontology_dir.glob("*.ttl"))})
    from graph.build.ontology_doc import markdown  # the same text as docs/ontology.md, from these files

    files["ontology/ontology.md"] = markdown(project.ontology_dir).encode("utf-8")
    files.update({f"queries/{p.name}": p.read_bytes() for p in sorted(project.queries_dir.glob("*.rq"))})
    facts = dataset_facts(files["data/graph.nq"])
    members = {path: Member(path, len(data), hashlib.sha256(data).hexdigest()) for path, data in files.items()}
    from graph.release.tables import source_records

    sources = sorted(r["iri"] for r in source_records(backend))
    files["metadata/dataset.ttl"] = describe(version, license_id, facts, members, _examples(project), sources)
    files["CITATION.cff"] = citation(version, license_id)
    files["README.md"] = readme(version, license_id, facts, bool(explorer))
    return files, facts, bool(explorer)


def manifest(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS: one `<hex>  <path>` line per member, sorted (`sha256sum -c` reads it)."""
    lines = [f"{hashlib.sha256(data).hexdigest()}  {path}\n" for path, data in sorted(files.items())]
    return "".join(lines).encode("utf-8")


def zip_bytes(top: str, files: dict[str, bytes]) -> bytes:
    """The members under `top/`, in sorted order, with fixed timestamps and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(f"{top}/{path}", date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so that the permissions below are read
            info.external_attr = (0o100644 & 0xFFFF) << 16
            archive.writestr(info, files[path], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buffer.getvalue()


def write_release(project: Project, backend: Any, *, target: Path | None = None, version: str | None = None,
                  license_id: str = "MIT") -> Release:
    """Write the release archive (default: out/release/scomm-kg-<version>.zip) in one step."""
    version = version or default_version()
    files, facts, has_explorer = gather(project, version, license_id, backend)
    files["SHA256SUMS"] = manifest(files)
    top = f"scomm-kg-{version}"
    path = target or project.out_dir / "release" / f"{top}.zip"
    write_atomic(path, zip_bytes(top, files))
    members = {p: Member(p, len(d), hashlib.sha256(d).hexdigest()) for p, d in files.items()}
    return Release(path, members, facts, has_explorer)
