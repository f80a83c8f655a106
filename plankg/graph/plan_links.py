"""Plan-to-plan links, made in the write path: CITES and IMPLEMENTS from a plan's Citation nodes to
the loaded plans of those titles, SUCCEEDS between consecutive editions of one series.

They join two documents, so neither document's graph can hold them: after a plan is written, every
link touching it is made anew in both directions — its own citations find plans loaded before, and
citations other plans made earlier find it. MERGE keeps this idempotent; evidence is the earliest
citation (CITES, IMPLEMENTS) or the newer edition's title (SUCCEEDS). The same text runs on both
backends.
"""

from __future__ import annotations

TITLE_MATCH_METHOD = "title-match"
SERIES_METHOD = "edition-series"

PLAN_LINK_TYPES = ("CITES", "IMPLEMENTS", "SUCCEEDS")

_CITATION_EVIDENCE = (
    "ON CREATE SET r.doc_id = c.doc_id, r.span_start = c.span_start, r.span_end = c.span_end, "
    f"r.score = 1.0, r.method = '{TITLE_MATCH_METHOD}'"
)


def _cites(rel_type: str, kind_filter: str, anchor: str) -> str:
    """Citations by the written plan (anchor 'source') or naming it (anchor 'target')."""
    if anchor == "source":
        head = (
            "MATCH (p:Plan {id: $plan_id})-[:NAMES]->(c:Citation) "
            "MATCH (q:Plan) WHERE q.title_key = c.title_key AND q.id <> p.id"
        )
    else:
        head = (
            "MATCH (q:Plan {id: $plan_id}) "
            "MATCH (p:Plan)-[:NAMES]->(c:Citation) WHERE c.title_key = q.title_key AND p.id <> q.id"
        )
    return (
        f"{head}{kind_filter} "
        "WITH p, q, min(c.span_start) AS first "
        "MATCH (p)-[:NAMES]->(c:Citation) WHERE c.span_start = first "
        f"MERGE (p)-[r:{rel_type}]->(q) {_CITATION_EVIDENCE}"
    )


def _succeeds(anchor: str) -> str:
    """The written plan succeeds the edition before it (anchor 'newer') or is succeeded by the one
    after it (anchor 'older')."""
    if anchor == "newer":
        head = (
            "MATCH (n:Plan {id: $plan_id}) MATCH (o:Plan) "
            "WHERE o.series_key = n.series_key AND o.edition_rank = n.edition_rank - 1 AND o.id <> n.id"
        )
    else:
        head = (
            "MATCH (o:Plan {id: $plan_id}) MATCH (n:Plan) "
            "WHERE n.series_key = o.series_key AND n.edition_rank = o.edition_rank + 1 AND o.id <> n.id"
        )
    return (
        f"{head} MERGE (n)-[r:SUCCEEDS]->(o) "
        "ON CREATE SET r.doc_id = n.doc_id, r.span_start = n.span_start, r.span_end = n.span_end, "
        f"r.score = 1.0, r.method = '{SERIES_METHOD}'"
    )


def resolve_statements() -> tuple[str, ...]:
    """Run in order with $plan_id after the plan's subgraph is written (its own outgoing links were
    stripped with its old version; the incoming ones are dropped here and made again)."""
    implements = " AND c.kind = 'implements'"
    return (
        *(f"MATCH (:Plan)-[r:{t}]->(p:Plan {{id: $plan_id}}) DELETE r" for t in PLAN_LINK_TYPES),
        _cites("CITES", "", "source"),
        _cites("IMPLEMENTS", implements, "source"),
        _cites("CITES", "", "target"),
        _cites("IMPLEMENTS", implements, "target"),
        _succeeds("newer"),
        _succeeds("older"),
    )
