"""Full-text search over names and texts, Chinese-aware: the query is segmented like the index (the
loaders' segmenter), the term index (plankg.services.term_index) finds the nodes holding its terms —
the candidates the `search` query would give, without its scan of every node — and they are ranked
here."""

from __future__ import annotations

from plankg.graph.port import GraphStore, Row
from plankg.loaders.terms import query_terms
from plankg.services.models import SearchHit, SearchResults
from plankg.services.reads import evidence
from plankg.services.term_index import term_index

# Candidates fetched from the store (best first) before ranking here; `total` counts at most this many.
CANDIDATES = 500
SNIPPET_RADIUS = 30
PHRASE_BONUS = 0.2  # share of the score earned by containing the query verbatim
MAX_QUERY_TERMS = 32


def terms_of_query(text: str) -> list[str]:
    """The distinct index terms of a query, in order of first appearance (at most MAX_QUERY_TERMS)."""
    return list(dict.fromkeys(term for term in query_terms(text) if term))[:MAX_QUERY_TERMS]


def _snippet(row: Row, matched: list[str]) -> str | None:
    text: str | None = row.get("text") or row.get("name")
    if not text:
        return None
    positions = [text.find(term) for term in matched if term in text]
    if not positions:
        return text[: 2 * SNIPPET_RADIUS]
    at = min(positions)
    start, end = max(0, at - SNIPPET_RADIUS), min(len(text), at + SNIPPET_RADIUS)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _score(query: str, terms: list[str], row: Row) -> float:
    """Share of the query's term weight the node matches (longer terms weigh more), plus a bonus for
    containing the whole query verbatim."""
    matched = set(row.get("matched") or [])
    weight = sum(len(t) for t in terms) or 1
    coverage = sum(len(t) for t in terms if t in matched) / weight
    verbatim = any(query in (row.get(key) or "") for key in ("name", "text"))
    return round((1 - PHRASE_BONUS) * coverage + (PHRASE_BONUS if verbatim else 0.0), 4)


def search(store: GraphStore, q: str, *, limit: int, offset: int = 0) -> SearchResults:
    """Nodes holding more of the query's words (longer words weigh more) first."""
    query = q.strip()
    terms = terms_of_query(query) if query else []
    if not terms:
        return SearchResults(query=q, terms=[], items=[], total=0, limit=limit, offset=offset)
    found = term_index(store).candidates(store, terms, CANDIDATES)
    scored = sorted(
        ((_score(query, terms, row), row) for row in found),
        key=lambda pair: (-pair[0], int(pair[1].get("term_count") or 0), pair[1]["id"]),
    )
    items = [
        SearchHit(
            id=row["id"],
            type=row.get("type") or "",
            name=row.get("name"),
            snippet=_snippet(row, list(row.get("matched") or [])),
            plan_id=row.get("plan_id"),
            score=score,
            matched=[t for t in terms if t in set(row.get("matched") or [])],
            evidence=evidence(row),
        )
        for score, row in scored[offset : offset + limit]
    ]
    return SearchResults(query=q, terms=terms, items=items, total=len(scored), limit=limit, offset=offset)
