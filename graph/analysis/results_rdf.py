"""The analysis as RDF, in the named graph <https://w3id.org/scomm-kg/graph/analysis>.

Terms are declared in ontology/analysis.ttl. Every result names the statements it is
derived from (prov:wasDerivedFrom), so SPARQL can go from a score back to the quotes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.namespaces import ANALYSIS_GRAPH, BASE, PREFIXES

if TYPE_CHECKING:
    from graph.analysis.results import Analysis

GRAPH = ox.NamedNode(str(ANALYSIS_GRAPH))
RESULT = BASE + "analysis/"
SCOMM = PREFIXES["scomm"]
XSD = PREFIXES["xsd"]
RDF_TYPE = ox.NamedNode(PREFIXES["rdf"] + "type")
LABEL = ox.NamedNode(PREFIXES["rdfs"] + "label")
DERIVED = ox.NamedNode(PREFIXES["prov"] + "wasDerivedFrom")
EARLIEST = ox.NamedNode(SCOMM + "earliestDate")
LATEST = ox.NamedNode(SCOMM + "latestDate")


def _p(name: str) -> ox.NamedNode:
    return ox.NamedNode(SCOMM + name)


def _dec(v: float) -> ox.Literal:
    return ox.Literal(f"{v:.6f}", datatype=ox.NamedNode(XSD + "decimal"))


def _int(v: int) -> ox.Literal:
    return ox.Literal(str(v), datatype=ox.NamedNode(XSD + "integer"))


def _statement(sid: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + "statement/" + sid)


def analysis_quads(a: Analysis) -> list[ox.Quad]:
    q: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        q.append(ox.Quad(s, p, o, GRAPH))

    for name, g in a.networks.items():
        proj = ox.NamedNode(RESULT + name)
        add(proj, RDF_TYPE, _p("Projection"))
        add(proj, LABEL, ox.Literal(f"{name} network"))
        add(proj, _p("selectionDescription"), ox.Literal(a.selection.describe()))
        if name in ("congruence", "conflict"):
            add(proj, _p("normalization"), ox.Literal(a.normalization))
        statements_of: dict[str, set[str]] = {n: set() for n in g}
        if name in ("congruence", "conflict"):
            # an actor's ties rest on its stances (ties-*.csv + two-mode.csv give each tie's)
            tm = a.networks["two-mode"]
            for n in g:
                for t in tm[n] if n in tm else ():
                    statements_of[n].update(tm[n][t]["statements"])
        for u, v, d in g.edges(data=True):
            sids = set(d.get("statements", ())) | ({d["statement_id"]} if "statement_id" in d else set())
            statements_of[u] |= sids
            statements_of[v] |= sids
        for rank, r in enumerate(a.centrality[name], start=1):
            score = ox.NamedNode(f"{RESULT}{name}/{r.slug}")
            add(score, RDF_TYPE, _p("CentralityScore"))
            add(score, _p("projection"), proj)
            add(score, _p("scoreOf"), ox.NamedNode(r.node))
            add(score, _p("degreeCentrality"), _dec(r.degree))
            add(score, _p("betweennessCentrality"), _dec(r.betweenness))
            add(score, _p("eigenvectorCentrality"), _dec(r.eigenvector))
            add(score, _p("centralityRank"), _int(rank))
            for sid in sorted(statements_of.get(r.node, ())):
                add(score, DERIVED, _statement(sid))
    congruence = ox.NamedNode(RESULT + "congruence")
    pol = a.coalitions.polarization
    if pol is not None and pol.score is not None:
        add(congruence, _p("polarizationScore"), _dec(pol.score))
    for co in a.coalitions.coalitions:
        node = ox.NamedNode(f"{RESULT}coalition/{co.number}")
        add(node, RDF_TYPE, _p("Coalition"))
        add(node, LABEL, ox.Literal(f"Coalition {co.number}"))
        add(node, _p("projection"), congruence)
        add(node, _p("coalitionNumber"), _int(co.number))
        for m in co.members:
            add(node, _p("coalitionMember"), ox.NamedNode(m))
        for sid in sorted({s for b in co.binding for s in b.statements}):
            add(node, DERIVED, _statement(sid))
    for w in a.windows:
        node = ox.NamedNode(f"{RESULT}window/{w.label}")
        add(node, RDF_TYPE, _p("TimeWindow"))
        add(node, LABEL, ox.Literal(w.label))
        add(node, _p("projection"), congruence)
        add(node, EARLIEST, ox.Literal(f"{w.label}-01-01", datatype=ox.NamedNode(XSD + "date")))
        add(node, LATEST, ox.Literal(f"{w.label}-12-31", datatype=ox.NamedNode(XSD + "date")))
        if w.polarization.score is not None:
            add(node, _p("polarizationScore"), _dec(w.polarization.score))
    for x in a.disagreements:
        node = ox.NamedNode(f"{RESULT}disagreement/{x.a.statement_id}--{x.b.statement_id}")
        add(node, RDF_TYPE, _p("Disagreement"))
        add(node, LABEL, ox.Literal(x.topic))
        add(node, _p("disagreementKind"), ox.Literal(x.kind))
        for sid in (x.a.statement_id, x.b.statement_id):
            add(node, _p("disagreeingStatement"), _statement(sid))
            add(node, DERIVED, _statement(sid))
    return q


def analysis_nquads(a: Analysis) -> bytes:
    """The analysis graph as sorted N-Quads (byte-identical for the same input)."""
    data = ox.serialize(analysis_quads(a), format=ox.RdfFormat.N_QUADS) or b""
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def load_analysis(store: ox.Store, nquads: bytes) -> None:
    """Replace the analysis named graph of the store with these quads."""
    store.remove_graph(GRAPH) if store.contains_named_graph(GRAPH) else None
    if nquads:
        store.load(nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()
