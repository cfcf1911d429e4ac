"""The build: load -> check -> build RDF -> validate -> write outputs and the store."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from graph.build import coverage as stats
from graph.build.dataset import build_dataset
from graph.errors import DataErrors
from graph.build.serialize import canonical_nquads, serializations
from graph.folders import publish, staging
from graph.build.load import Curated, load
from graph.folders import Project
from graph.store.embedded import create_store, memory_store
from graph.build.validate import Report, validate
from graph.build.vocabulary import load_ontology

OUTPUT_FILES = ["graph.nq", "graph.trig", "graph.ttl", "graph.jsonld", "validation.txt", "stats.json", "stats.md", "store"]


@dataclass
class Checked:
    """The checked records, the dataset built from them and its validation report."""

    curated: Curated
    dataset: Dataset
    report: Report


@dataclass
class BuildResult:
    out_dir: Path
    files: list[str]
    quads: int
    coverage: dict[str, object]


def check(project: Project) -> Checked:
    """Everything `scomm validate` does: raise DataErrors listing every problem, write nothing."""
    curated = load(project)
    dataset = build_dataset(curated, load_ontology(project.ontology_dir))
    report = validate(dataset, curated, project.ontology_dir / "shapes.ttl")
    if not report.conforms:
        raise DataErrors(report.problems or [report.text])
    return Checked(curated, dataset, report)


def build(project: Project, out_dir: Path | None = None) -> BuildResult:
    """Build the graph into `out_dir` (default: the project's out/); all or nothing."""
    out = out_dir or project.out_dir
    checked = check(project)
    nquads = canonical_nquads(checked.dataset, extra=extra_layers(project))
    store_nquads = nquads + imported_layers(out)
    coverage = stats.coverage(memory_store(store_nquads))
    with staging(out) as stage:
        (stage / "graph.nq").write_bytes(nquads)
        for name, data in serializations(nquads).items():
            (stage / name).write_bytes(data)
        (stage / "validation.txt").write_text(checked.report.text, encoding="utf-8")
        (stage / "stats.json").write_text(json.dumps(coverage, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        (stage / "stats.md").write_text(stats.markdown(coverage), encoding="utf-8")
        create_store(stage / "store", store_nquads)
        publish(stage, out, OUTPUT_FILES)
    return BuildResult(out_dir=out, files=OUTPUT_FILES, quads=nquads.count(b"\n"), coverage=coverage)


def extra_layers(project: Project) -> bytes:
    """The nationwide reference layer, when the reference module is present."""
    if importlib.util.find_spec("graph.records.reference") is None:
        return b""
    from graph.records import reference  # type: ignore[attr-defined]

    text: str = reference.reference_nquads(project)
    return text.encode("utf-8")


def imported_layers(out_dir: Path) -> bytes:
    """Records imported with `scomm import` (out/imports/*.nq), kept across rebuilds."""
    return b"".join(path.read_bytes() for path in sorted((out_dir / "imports").glob("*.nq")))
