"""The two backends every store test runs on, and what a test does to the one shared Neo4j database."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from plankg.graph import GraphStore
from plankg.graph.embedded import EmbeddedStore
from plankg.settings import Settings

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def neo4j_settings() -> Settings:
    return Settings(store="neo4j")


def wipe(store: GraphStore) -> GraphStore:
    """Delete every node and link. On Neo4j in slices: one transaction deleting a large graph left by
    a benchmark would pass the server's per-transaction memory limit."""
    if isinstance(store, EmbeddedStore):
        store.execute_write("MATCH (n) DETACH DELETE n")
        return store
    while store.execute_write(  # type: ignore[attr-defined]
        "MATCH (n) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS deleted"
    )[0]["deleted"]:
        pass
    return store


def neo4j_missing(reason: str) -> NoReturn:
    """Skip the test, or fail it under CI=true: CI must test both backends."""
    uri = neo4j_settings().neo4j_uri
    message = f"Neo4j not reachable at {uri}; start it with: scripts/neo4j start ({reason})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
