"""The ontology documented term by term, as Markdown generated from the Turtle files."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.namespaces import BASE, PREFIXES
from graph.build.vocabulary import load_ontology


def _short(term: object) -> str:
    text = str(term)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(namespace) and len(text) > len(namespace):
            return f"{prefix}:{text[len(namespace):]}"
    return f"<{text}>"


def _text(graph: Graph, term: URIRef, prop: URIRef) -> str:
    value = graph.value(term, prop)
    return " ".join(str(value).split()) if value is not None else ""


def markdown(ontology_dir: Path) -> str:
    """Classes, properties and concept schemes, each with its label and definition."""
    graph = load_ontology(ontology_dir)
    onto = URIRef(BASE + "ontology")
    lines = [
        f"# {_text(graph, onto, URIRef('http://purl.org/dc/terms/title'))}",
        "",
        "Generated from `ontology/*.ttl` by `scomm ontology-doc`; do not edit by hand.",
        "",
        _text(graph, onto, URIRef("http://purl.org/dc/terms/description")),
        "",
        f"Version: {_text(graph, onto, OWL.versionInfo)}. Licence: {_short(graph.value(onto, URIRef('http://purl.org/dc/terms/license')))}.",
    ]
    own = str(PREFIXES["scomm"])
    sections = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty), ("Data properties", OWL.DatatypeProperty))
    for title, kind in sections:
        terms = sorted(t for t in graph.subjects(RDF.type, kind) if isinstance(t, URIRef) and str(t).startswith(own))
        lines += ["", f"## {title}", "", "| term | label | definition | details |", "|---|---|---|---|"]
        for term in terms:
            details = []
            for prop, name in ((RDFS.subClassOf, "subclass of"), (RDFS.subPropertyOf, "subproperty of"),
                               (RDFS.domain, "domain"), (RDFS.range, "range")):
                values = sorted(_short(v) for v in graph.objects(term, prop))
                if values:
                    details.append(f"{name} {', '.join(values)}")
            lines.append(f"| `{_short(term)}` | {_text(graph, term, RDFS.label)} | {_text(graph, term, SKOS.definition)} | {'; '.join(details)} |")
    lines += ["", "## Concept schemes"]
    for scheme in sorted(s for s in graph.subjects(RDF.type, SKOS.ConceptScheme) if isinstance(s, URIRef)):
        lines += ["", f"### {_text(graph, scheme, SKOS.prefLabel)} (`{_short(scheme)}`)", "", _text(graph, scheme, SKOS.definition), ""]
        lines += ["| notation | label | definition | broader |", "|---|---|---|---|"]
        concepts = sorted(c for c in graph.subjects(SKOS.inScheme, scheme) if isinstance(c, URIRef))
        for concept in concepts:
            broader = ", ".join(sorted(str(graph.value(b, SKOS.notation)) for b in graph.objects(concept, SKOS.broader)))
            lines.append(f"| `{_text(graph, concept, SKOS.notation)}` | {_text(graph, concept, SKOS.prefLabel)} | {_text(graph, concept, SKOS.definition)} | {broader} |")
    return "\n".join(lines) + "\n"
