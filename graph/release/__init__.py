"""The release: one citable archive of a build.

Reads `out/` (the dataset `graph.trig` and `graph.nq`, the store for the tables, the
explorer under `out/viz/` if it was drawn) and `ontology/` (documented as `scomm
ontology-doc` does); writes one zip archive (by default `out/release/scomm-kg-<version>.zip`)
with the dataset, flat CSV tables of statements, entities and sources, the explorer, the
ontology and its documentation, a DCAT/VoID description, a CITATION.cff and a SHA-256
manifest. The same input gives the same archive byte for byte.
"""
