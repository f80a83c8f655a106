"""Fixtures and helpers of the HTTP API tests (tests/test_api_*.py).

`seeded` is a store holding the extracted seed document, once per backend and per test module (the
extraction takes seconds, so tests that only read share it; on Neo4j it is re-seeded before a test
when a wipe in between emptied it, see conftest.seeded_data_is_intact); `client` is FastAPI's
TestClient — real HTTP requests through the ASGI app — over that store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import BACKENDS, wipe
from corpus import SEED_DOCUMENT
from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import Counts, GraphStore, open_store
from plankg.pipeline import load_path
from plankg.settings import Settings

API_KEY = "test-api-key"
PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}


def seed_text() -> str:
    return SEED_DOCUMENT.read_text(encoding="utf-8")


def api_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {"api_key": API_KEY}
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(scope="module", params=BACKENDS)
def seeded(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The seed plan, extracted and loaded, on each backend (module scope: loaded once per module)."""
    if request.param == "embedded":
        data_dir: Path = tmp_path_factory.mktemp("api-embedded")
        store = open_store(Settings(store="embedded", data_dir=data_dir))
        load_path(store, SEED_DOCUMENT)
        yield store
        store.close()
    else:
        neo4j: GraphStore = request.getfixturevalue("neo4j_store")
        seed_neo4j(neo4j)
        yield neo4j
        SEEDED_COUNTS.pop(id(neo4j), None)


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


@pytest.fixture(scope="module")
def client(seeded: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(), store=seeded)) as test_client:
        yield test_client


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
