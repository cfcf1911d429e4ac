"""The build: curated records in, a validated RDF dataset out.

Reads `data/` (sources manifest, entity register, statements as YAML, the corpus copies)
and `ontology/` (terms, SKOS schemes, SHACL shapes); checks every quote against its
document, builds one named graph per source, validates it, and writes `out/graph.*`,
`out/validation.txt`, `out/stats.*` and the embedded store `out/store/`.
"""
