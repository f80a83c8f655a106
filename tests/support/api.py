"""Helpers of the tests that go through the HTTP API: settings with the test key, RFC 9457 problem and
evidence checks, and the seed on the shared Neo4j database (the `seeded` and `client` fixtures that use
them are in tests/conftest.py)."""

from __future__ import annotations

from typing import Any

import httpx

from plankg.graph import Counts, GraphStore
from plankg.pipeline import load_path
from plankg.settings import Settings
from tests.support.corpus import SEED_DOCUMENT
from tests.support.stores import wipe

API_KEY = "test-api-key"
PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}


def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


def api_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"api_key": API_KEY}
    values.update(overrides)
    return Settings(**values)


# store (by id) -> its counts right after seeding; only the shared Neo4j database can lose its seed
SEEDED_COUNTS: dict[int, Counts] = {}


def seed_neo4j(neo4j: GraphStore) -> None:
    load_path(wipe(neo4j), SEED_DOCUMENT)
    SEEDED_COUNTS[id(neo4j)] = neo4j.counts()


def reseed_if_changed(store: GraphStore) -> None:
    """Load the seed again when the database no longer holds exactly it (a `store` test wiped it)."""
    expected = SEEDED_COUNTS.get(id(store))
    if expected is not None and store.counts() != expected:
        seed_neo4j(store)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """An RFC 9457 problem: the status, the media type and every member, `instance` the request path."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].split(";")[0] == "application/problem+json"
    problem: dict[str, Any] = response.json()
    assert set(problem) >= PROBLEM_FIELDS, problem
    assert problem["status"] == status
    assert problem["instance"] == response.request.url.path
    assert problem["detail"]
    return problem


def assert_evidence_in_document(evidence: dict[str, Any], text: str) -> None:
    """Evidence text is exactly the document's text at its span."""
    start, end = evidence["span"]
    assert 0 <= start < end <= len(text)
    assert evidence["text"] == text[start:end]
