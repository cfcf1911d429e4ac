"""Parameter values for running every library query against a second store (push and Virtuoso tests)."""

from __future__ import annotations

from graph.store import query as q


def sample_params(query: q.Query, local: q.LocalBackend) -> dict[str, str]:
    """Values for a query's required parameters that have no default, taken from the data."""
    _, events = local.select("SELECT ?e WHERE { ?e a <https://w3id.org/scomm-kg/ontology#EventRecord> } ORDER BY ?e LIMIT 1")
    samples = {
        "entity": "santa-clara-county", "statement": str(events[0]["e"].value).rsplit("/", 1)[1],  # type: ignore[union-attr]
        "date": "2011-01-01", "int": "10", "string": "secure", "source": "backgrounder-2011",
        "iri": "https://w3id.org/scomm-kg/ref/fips/06085",
    }
    by_name = {"umbrella": "dhs", "actor": "santa-clara-county"}
    params = {}
    for param in query.params:
        if param.default is None and not param.optional:
            params[param.name] = by_name.get(param.name) or samples[param.type.split(":")[0]]
    return params
