"""A body that governs a jurisdiction (scomm:governingBodyOf, relation `governing-body-of`) acts
for it: `opt-out-attempts` lists the jurisdiction for the body's stance, naming the body as
`speaker`, the same in Oxigraph (the store `scomm query` reads) and in rdflib (a second reading
of the SPARQL spec). A small fixture: the mini project and one more document."""

from __future__ import annotations

import hashlib

import pytest
import rdflib

from graph.build.pipeline import build
from graph.errors import DataErrors
from graph.folders import Project
from graph.store import query as q
from graph.store.embedded import open_store

POSITIONS = b"<https://w3id.org/scomm-kg/vocab/position/"
DOC = ("Alpha, May 4, 2011. The Alpha County Board of Supervisors voted on May 3, 2011 to ask to opt out "
       "of the Beta Program. The Epsilon Coalition asked to opt out of the Beta Program too.\n")


def _with_board(mini: Project, relation: str = "governing-body-of", subject: str = "alpha-board",
                object_: str = "alpha-county") -> Project:
    data = mini.data_dir
    (data / "corpus" / "doc-c.txt").write_text(DOC, encoding="utf-8")
    digest = hashlib.sha256(DOC.encode("utf-8")).hexdigest()
    with open(data / "sources.yaml", "a", encoding="utf-8") as handle:
        handle.write(f"\n- id: doc-c\n  file: corpus/doc-c.txt\n  sha256: {digest}\n  title: Document C\n"
                     f"  date: \"2011-05-04\"\n  perspective: descriptive\n")
    with open(data / "entities" / "all.yaml", "a", encoding="utf-8") as handle:
        handle.write("- id: alpha-board\n  type: government\n  name: Alpha County Board of Supervisors\n")
    (data / "statements" / "doc-c.yaml").write_text(
        "source: doc-c\n"
        "stances:\n"
        "  - id: alpha-board-seeks-opt-out\n    actor: alpha-board\n    target: beta-program\n"
        "    position: seeks-opt-out\n    date: \"2011-05-03\"\n"
        "    quote: \"The Alpha County Board of Supervisors voted on May 3, 2011 to ask to opt out of the Beta Program.\"\n"
        "  - id: epsilon-seeks-opt-out\n    actor: epsilon-coalition\n    target: beta-program\n"
        "    position: seeks-opt-out\n    date: \"2011-05\"\n"
        "    quote: \"The Epsilon Coalition asked to opt out of the Beta Program too.\"\n"
        "relations:\n"
        f"  - id: alpha-board-governs-alpha-county\n    subject: {subject}\n    relation: {relation}\n"
        f"    object: {object_}\n    quote: \"Alpha County Board of Supervisors\"\n",
        encoding="utf-8")
    return mini


def _rows(result: q.Result) -> set[tuple[str, str, str, str]]:
    def text(term: object) -> str:
        return "" if term is None else str(getattr(term, "value", term))
    return {(text(r["jurisdiction"]).rsplit("/", 1)[1], text(r["source"]), text(r.get("speaker")), text(r["date"]))
            for r in result.rows}


def test_opt_out_attempts_counts_a_governing_bodys_stance_for_its_jurisdiction(mini: Project) -> None:
    build(_with_board(mini))
    query = q.library()["opt-out-attempts"]
    oxigraph = _rows(q.run(q.LocalBackend(open_store(mini.out_dir)), query, {"program": "beta-program"}))
    assert ("alpha-county", "doc-a", "", "2010-09") in oxigraph  # the jurisdiction itself, as before
    assert ("alpha-county", "doc-c", "Alpha County Board of Supervisors", "2011-05-03") in oxigraph  # through its body
    assert not any(source == "doc-c" and speaker != "Alpha County Board of Supervisors" for _, source, speaker, _ in oxigraph)
    # rdflib reads the same dataset (the union of the named graphs as the default graph) and agrees
    # (the statements, the register and the positions the query names: rdflib's engine takes
    # minutes on the whole ontology and the reference layer of every US county)
    def wanted(line: bytes) -> bool:
        graph = line.rsplit(b" ", 2)[-2]
        return b"/graph/reference/" not in graph and (b"/graph/ontology" not in graph or line.startswith(POSITIONS))
    lines = [line for line in (mini.out_dir / "graph.nq").read_bytes().splitlines() if line and wanted(line)]
    dataset = rdflib.Graph()  # the union of the graphs, as the query's default graph
    for s, p, o, _ in rdflib.Dataset().parse(data=b"\n".join(lines) + b"\n", format="nquads").quads((None, None, None, None)):
        dataset.add((s, p, o))
    answer = dataset.query(q.bind(query, {"program": "beta-program"}))
    reference = {(str(r["jurisdiction"]).rsplit("/", 1)[1], str(r["source"]), str(r["speaker"] or ""), str(r["date"] or ""))
                 for r in answer}  # type: ignore[index]
    assert reference == oxigraph


@pytest.mark.parametrize("subject, object_, message", [
    ("jane-roe", "alpha-county", "a governing body is an organization"),  # a person is no body
    ("alpha-board", "gamma-agency", "a governing body governs a jurisdiction"),  # an agency is no place
])
def test_a_governing_body_is_an_organization_and_governs_a_jurisdiction(mini: Project, subject: str, object_: str,
                                                                         message: str) -> None:
    from graph.build.pipeline import check

    with pytest.raises(DataErrors) as raised:
        check(_with_board(mini, subject=subject, object_=object_))
    assert message in str(raised.value)
