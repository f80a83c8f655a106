"""The graph room: one GraphStore port, an embedded LadybugDB backend and a Neo4j backend."""

from __future__ import annotations

from plankg.graph.port import (
    Counts,
    GraphStore,
    InvalidGraph,
    PlanCollision,
    QueryFailed,
    QueryLimits,
    QueryTimedOut,
    QueryTooCostly,
    ReadOnlyViolation,
    Row,
    StoreError,
    StoreUnavailable,
    WriteResult,
)
from plankg.settings import Settings, get_settings

__all__ = [
    "Counts",
    "GraphStore",
    "InvalidGraph",
    "PlanCollision",
    "QueryFailed",
    "QueryLimits",
    "QueryTimedOut",
    "QueryTooCostly",
    "ReadOnlyViolation",
    "Row",
    "StoreError",
    "StoreUnavailable",
    "WriteResult",
    "open_store",
]


def query_limits(settings: Settings) -> QueryLimits:
    return QueryLimits(
        memory_mb=settings.cypher_memory_mb,
        max_answer_mb=settings.cypher_max_answer_mb,
        workers=settings.cypher_workers,
    )


def open_store(settings: Settings | None = None) -> GraphStore:
    """The store PLANKG_STORE names (embedded | neo4j), with the ontology's schema applied."""
    settings = settings or get_settings()
    store: GraphStore
    if settings.store == "neo4j":
        from plankg.graph.neo4j_store import Neo4jStore

        store = Neo4jStore.from_settings(settings)
    else:
        from plankg.graph.embedded import EmbeddedStore

        store = EmbeddedStore(settings.embedded_path, query_limits=query_limits(settings))
    try:
        if not store.schema_applied():
            store.apply_schema()
    except BaseException:
        store.close()
        raise
    return store
