"""The two backends every store test runs on, and what a test does to the one shared Neo4j database."""

from __future__ import annotations

import pytest

from plankg.graph import GraphStore
from plankg.settings import Settings

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def neo4j_settings() -> Settings:
    return Settings(store="neo4j")


def wipe(store: GraphStore) -> GraphStore:
    store.execute_write("MATCH (n) DETACH DELETE n")  # type: ignore[attr-defined]
    return store
