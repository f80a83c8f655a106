"""The two backends every store test runs on, and what a test does to the one shared Neo4j database."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

from plankg.graph import GraphStore
from plankg.settings import Settings

BACKENDS = ["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)]


def neo4j_settings() -> Settings:
    return Settings(store="neo4j")


def wipe(store: GraphStore) -> GraphStore:
    store.execute_write("MATCH (n) DETACH DELETE n")  # type: ignore[attr-defined]
    return store


def neo4j_missing(reason: str) -> NoReturn:
    """Skip the test, or fail it under CI=true: CI must test both backends."""
    uri = neo4j_settings().neo4j_uri
    message = f"Neo4j not reachable at {uri}; start it with: scripts/neo4j start ({reason})"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
