"""scomm-kg: an evidence-backed knowledge graph of the Secure Communities program.

One subpackage per stage, each reading what the one before writes:

- `build`: curated YAML, corpus and ontology -> validated dataset and store (out/);
- `store`: the store -> answers to the query library, a SPARQL endpoint, pushes;
- `analysis`: the store -> networks, measures, findings (out/analysis/);
- `records`: nationwide tables -> imported quads with provenance (out/imports/);
- `ingest`: a new document -> proposed records for review -> curated data.

At this level sits only what every stage shares: the CLI (`cli`, `commands/`), the Python
API (`api`), errors, namespaces, the time model (`dates`) and the project's folders
(`folders`). The HTML explorer is the separate `viz` package.
"""
