"""Assisted coding: a new document in, reviewed records out.

Reads a text or HTML document and the curated register; writes the document into
`data/corpus/` and `data/sources.yaml`, a review file of proposed mentions and statements
(`data/review/`), and, once a reviewer keeps them, the accepted records into
`data/statements/` and `data/entities/`.
"""
