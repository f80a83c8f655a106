"""Plan-to-plan links, made in the write path: CITES and IMPLEMENTS from a plan's Citation nodes to
the loaded plans of those titles, SUCCEEDS between consecutive editions of one series.

They join two documents, so neither document's graph can hold them: after a plan is written, every
link touching it is made anew in both directions — its own citations find plans loaded before, and
citations other plans made earlier find it. MERGE keeps this idempotent; evidence is the earliest
citation (CITES, IMPLEMENTS) or the newer edition's title (SUCCEEDS). The same text runs on both
backends.
"""

from __future__ import annotations

from dataclasses import dataclass

TITLE_MATCH_METHOD = "title-match"
SERIES_METHOD = "edition-series"

PLAN_LINK_TYPES = ("CITES", "IMPLEMENTS", "SUCCEEDS")

_CITATION_EVIDENCE = (
    "ON CREATE SET r.doc_id = c.doc_id, r.span_start = c.span_start, r.span_end = c.span_end, "
    f"r.score = 1.0, r.method = '{TITLE_MATCH_METHOD}'"
)


def _cites(rel_type: str, kind_filter: str, anchor: str) -> str:
    """Citations by the written plans (anchor 'source') or naming them (anchor 'target'). Each side is
    found from the other by its title key, never by walking every plan's citations: on Neo4j through
    the title_key indexes, on Ladybug (no secondary index) as one filtered column scan of Citation,
    then a step back along NAMES from the citations that match."""
    if anchor == "source":
        head = (
            "MATCH (p:Plan)-[:NAMES]->(c:Citation) WHERE p.id IN $plan_ids "
            "MATCH (q:Plan) WHERE q.title_key = c.title_key AND q.id <> p.id"
        )
    else:
        head = (
            "MATCH (q:Plan) WHERE q.id IN $plan_ids "
            "MATCH (c:Citation) WHERE c.title_key = q.title_key "
            "MATCH (p:Plan)-[:NAMES]->(c) WHERE p.id <> q.id"
        )
    return (
        f"{head}{kind_filter} "
        "WITH p, q, min(c.span_start) AS first "
        "MATCH (p)-[:NAMES]->(c:Citation) WHERE c.span_start = first "
        f"MERGE (p)-[r:{rel_type}]->(q) {_CITATION_EVIDENCE}"
    )


def _succeeds(anchor: str) -> str:
    """The written plans succeed the edition before them (anchor 'newer') or are succeeded by the one
    after them (anchor 'older')."""
    if anchor == "newer":
        head = (
            "MATCH (n:Plan) WHERE n.id IN $plan_ids MATCH (o:Plan) "
            "WHERE o.series_key = n.series_key AND o.edition_rank = n.edition_rank - 1 AND o.id <> n.id"
        )
    else:
        head = (
            "MATCH (o:Plan) WHERE o.id IN $plan_ids MATCH (n:Plan) "
            "WHERE n.series_key = o.series_key AND n.edition_rank = o.edition_rank + 1 AND o.id <> n.id"
        )
    return (
        f"{head} MERGE (n)-[r:SUCCEEDS]->(o) "
        "ON CREATE SET r.doc_id = n.doc_id, r.span_start = n.span_start, r.span_end = n.span_end, "
        f"r.score = 1.0, r.method = '{SERIES_METHOD}'"
    )


@dataclass(frozen=True)
class ResolveStatements:
    """Run in this order with $plan_ids (the plans just written, one or a batch of new ones) after
    their subgraphs are written (their own outgoing links were stripped with their old versions; the
    incoming ones are dropped and made again). MERGE makes a link found from both ends once. The
    writer skips a group that cannot match: no incoming link of a plan new to the store, no own
    citation of documents that name no title."""

    drop_incoming: tuple[str, ...]
    own_citations: tuple[str, ...]
    citing_it: tuple[str, ...]
    editions: tuple[str, ...]


def resolve_statements() -> ResolveStatements:
    implements = " AND c.kind = 'implements'"
    return ResolveStatements(
        drop_incoming=tuple(
            f"MATCH (:Plan)-[r:{t}]->(p:Plan) WHERE p.id IN $plan_ids DELETE r" for t in PLAN_LINK_TYPES
        ),
        own_citations=(_cites("CITES", "", "source"), _cites("IMPLEMENTS", implements, "source")),
        citing_it=(_cites("CITES", "", "target"), _cites("IMPLEMENTS", implements, "target")),
        editions=(_succeeds("newer"), _succeeds("older")),
    )
