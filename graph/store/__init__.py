"""The store and its questions: the built dataset in, answers out.

Reads the embedded Oxigraph store `out/store/` (or a remote SPARQL endpoint) and the
query library `queries/*.rq`; writes tables (terminal, CSV, JSON, TSV). Also serves the
store read-only over HTTP (`serve`) and copies it to another store (`push`).
"""
