"""The analyses: the store in, networks and findings out.

Reads the store through the projection queries `projections/*.rq` into a networkx
evidence graph (`projection`), derives actor networks, centrality, coalitions, timelines,
disagreements, evidence paths and source perspectives, and writes `out/analysis/`
(report, tables, GraphML/GEXF) and the store's `graph/analysis` named graph.
"""
