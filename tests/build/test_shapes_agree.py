"""The build's shape checks (graph/build/validate.py) find exactly what pySHACL finds with ontology/shapes.ttl.

The build evaluates the shapes itself (milliseconds instead of pySHACL's second); the
shapes file stays the standard. This runs both on the built corpus, on a copy damaged in
every way the shapes forbid, and on the fault fixture that breaks a shape, and requires the
same violations (focus node, path, value), so the two cannot drift apart.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate as pyshacl_validate
from rdflib import Dataset, Graph
from rdflib.namespace import RDF, SH

from graph.build.dataset import build_dataset
from graph.build.load import load
from graph.build.validate import curated_graph, read_shapes, violations
from graph.build.vocabulary import ontology_triples
from graph.errors import DataErrors
from graph.folders import Project
from graph.build.pipeline import check

REPO = Path(__file__).resolve().parents[2]
SHAPES = REPO / "ontology" / "shapes.ttl"
ERRORS = REPO / "tests" / "fixtures" / "errors"

Found = set[tuple[str, str | None, str | None]]


def curated_lines(nquads: bytes) -> list[bytes]:
    """The curated graphs' lines (what the build validates): no reference layer, no imports."""
    return [line for line in nquads.splitlines()
            if line and b"/graph/reference/" not in line.rsplit(b" ", 2)[-2] and b"/graph/import/" not in line.rsplit(b" ", 2)[-2]]


def ours(lines: list[bytes]) -> Found:
    quads = list(ox.parse(b"\n".join(lines) + b"\n", format=ox.RdfFormat.N_QUADS))
    return {(v.focus.value, v.path, None if v.value is None else v.value.value) for v in violations(quads, read_shapes(SHAPES))}


def pyshacl(lines: list[bytes]) -> Found:
    dataset = Dataset()
    dataset.parse(data=b"\n".join(lines) + b"\n", format="nquads")
    _, results, _ = pyshacl_validate(curated_graph(dataset), shacl_graph=Graph().parse(SHAPES), inference="none", advanced=True)
    found: Found = set()
    # the results of the report itself (a nested shape's results hang below them as sh:detail)
    for result in results.objects(results.value(predicate=RDF.type, object=SH.ValidationReport), SH.result):
        path, value = results.value(result, SH.resultPath), results.value(result, SH.value)
        found.add((str(results.value(result, SH.focusNode)), None if path is None else str(path), None if value is None else str(value)))
    return found


def damage(lines: list[bytes]) -> list[bytes]:
    """The corpus with one of each kind of fault the shapes forbid, each on a different node."""
    text = b"\n".join(lines).decode("utf-8")
    first = {}

    def replace_once(pattern: str, repl: str, name: str) -> None:
        nonlocal text
        new, n = re.subn(pattern, repl, text, count=1, flags=re.M)
        assert n == 1, f"no line to damage for {name}"
        first[name] = True
        text = new

    SCOMM, DCT, OA, XSD = "https://w3id.org/scomm-kg/ontology#", "http://purl.org/dc/terms/", "http://www.w3.org/ns/oa#", "http://www.w3.org/2001/XMLSchema#"
    # a statement without its source (minCount), another citing an entity (class)
    replace_once(rf"^(<[^>]*/statement/[a-c][^>]*>) <{DCT}source> <[^>]*> (<[^>]*>) \.\n", "", "no source")
    replace_once(rf"^(<[^>]*/statement/[d-f][^>]*>) <{DCT}source> <[^>]*> (<[^>]*>) \.$",
                 r"\1 <" + DCT + r"source> <https://w3id.org/scomm-kg/id/ice> \2 .", "source is an entity")
    # a month that does not exist (sh:or of datatype and pattern)
    replace_once(rf'^(<[^>]*/statement/[g-m][^>]*> <{DCT}date> )"[0-9]{{4}}-[0-9]{{2}}"\^\^<{XSD}gYearMonth>',
                 r'\1"2011-13"^^<' + XSD + "gYearMonth>", "bad month")
    # an evidence target without its quote selector's type (qualified count)
    replace_once(rf"^(<[^>]*/quote>) <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{OA}TextQuoteSelector> <[^>]*> \.\n", "",
                 "quote selector untyped")
    # an empty quote (minLength), a malformed offset (datatype)
    replace_once(rf'^(<[^>]*/evidence/[n-z][^>]*/quote> <{OA}exact> )"(?:[^"\\]|\\.)*"', r'\1""', "empty quote")
    replace_once(rf'^(<[^>]*/evidence/[a-m][^>]*/position> <{OA}start> )"[0-9]+"', r'\1"x1"', "bad offset")
    # a stance whose actor is a concept (sh:node with sh:or), a position from another scheme (sh:hasValue)
    replace_once(rf"^(<[^>]*/statement/[^>]*> <{SCOMM}actor> )<https://w3id.org/scomm-kg/id/[^>]*>( <[^>]*/graph/source/[^>]*> \.)$",
                 r"\1<https://w3id.org/scomm-kg/vocab/position/opposes>\2", "actor is a concept")
    replace_once(rf"^(<[^>]*/statement/[^>]*> <{SCOMM}position> )<[^>]*>", r"\1<https://w3id.org/scomm-kg/vocab/answer/yes>",
                 "position from another scheme")
    # a source's hash that is not one (pattern)
    replace_once(r'^(<[^>]*/source/[^>]*> <https://schema.org/sha256> )"[0-9a-f]{64}"', r'\1"not-a-hash"', "bad hash")
    return [line.encode("utf-8") for line in text.split("\n") if line]


def test_corpus_conforms_for_both(corpus_built: Project) -> None:
    lines = curated_lines((corpus_built.out_dir / "graph.nq").read_bytes())
    assert ours(lines) == pyshacl(lines) == set()


def test_damaged_corpus_gives_the_same_violations(corpus_built: Project) -> None:
    lines = damage(curated_lines((corpus_built.out_dir / "graph.nq").read_bytes()))
    found = ours(lines)
    assert found == pyshacl(lines)
    assert len(found) >= 9, found  # each fault is seen


def test_fault_fixture_gives_the_same_violations(mini: Project) -> None:
    shutil.copy(ERRORS / "wrong-target-class.yaml", mini.data_dir / "statements" / "zz-bad.yaml")
    with pytest.raises(DataErrors):
        check(mini)
    dataset = build_dataset(load(mini), ontology_triples(mini.ontology_dir))
    lines = curated_lines(dataset.nquads())
    found = ours(lines)
    assert found == pyshacl(lines)
    assert any(focus.endswith("/target-is-an-agency") for focus, _, _ in found)
