"""Find the entity a user means by a slug, a name or an alias ("NDLON")."""

from __future__ import annotations

import difflib
from typing import Any, Mapping

from graph.errors import UsageError


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def resolve_entity(nodes: Mapping[str, Mapping[str, Any]], name: str, *, what: str = "actor") -> str:
    """The IRI of the node whose IRI, slug, label or alias is `name` (case-insensitive).

    Exact slug or IRI wins; then label; then alias. Raises UsageError naming close
    matches when nothing or more than one entity fits.
    """
    if name in nodes:  # already an IRI
        return name
    key = _norm(name)
    for field_ in ("iri", "slug"):
        hits = sorted(iri for iri, a in nodes.items() if _norm(str(a.get(field_, ""))) == key)
        if len(hits) == 1:
            return hits[0]
    for field_ in ("label", "aliases"):
        hits = sorted(
            iri
            for iri, a in nodes.items()
            if key in {_norm(v) for v in _as_list(a.get(field_, ""))}
        )
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(f"{nodes[h]['slug']} ({nodes[h]['label']})" for h in hits)
            raise UsageError(f"{what} {name!r} is ambiguous: it names {listed}; give the slug")
    names: dict[str, str] = {}
    for iri, a in nodes.items():
        for v in [a.get("slug", ""), a.get("label", ""), *_as_list(a.get("aliases", []))]:
            if v:
                names.setdefault(_norm(str(v)), str(a.get("slug", iri)))
    close = difflib.get_close_matches(key, list(names), n=5, cutoff=0.5)
    contains = sorted(n for n in names if key and key in n)[:5]
    suggestions = sorted({names[c] for c in [*close, *contains]})
    hint = f"; close matches: {', '.join(suggestions)}" if suggestions else ""
    raise UsageError(f"no {what} named {name!r} in the graph{hint}")


def _as_list(v: Any) -> list[str]:
    if isinstance(v, (list, tuple)):
        return [str(x) for x in v]
    return [str(v)] if v else []
