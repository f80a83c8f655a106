"""Query text → index terms, segmented by the loaders' own segmenter so queries and index agree."""

from __future__ import annotations

MAX_QUERY_TERMS = 32


def search_terms(text: str) -> list[str]:
    """The distinct index terms of a query, in order of first appearance (at most MAX_QUERY_TERMS)."""
    from plankg.loaders.terms import query_terms

    seen: dict[str, None] = {}
    for term in query_terms(text):
        if term and term not in seen:
            seen[term] = None
    return list(seen)[:MAX_QUERY_TERMS]
