"""Shared fixtures: `store` runs a test once per backend (embedded LadybugDB, real Neo4j).

Neo4j comes from PLANKG_NEO4J_URI/USER/PASSWORD (start one with `scripts/neo4j start`). When it is not
reachable its tests are skipped, except under CI=true, where they fail: CI must test both backends.
The Neo4j database is wiped before each test that uses it, so one test run owns it at a time: a second
run on this machine against the same URI waits for the first (a lock file, see `neo4j_store`). Module-
scoped seeded stores (`seeded` below) are checked before each test and re-seeded when a wipe
in between emptied them (`seeded_data_is_intact`).
"""

from __future__ import annotations

import fcntl
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore, StoreUnavailable, open_store
from plankg.pipeline import load_path
from plankg.settings import Settings
from tests.support.api import SEEDED_COUNTS, api_settings, reseed_if_changed, seed_neo4j
from tests.support.corpus import SEED_DOCUMENT
from tests.support.stores import BACKENDS, neo4j_missing, neo4j_settings, wipe

NEO4J_LOCK_WAIT_SECONDS = float(os.environ.get("PLANKG_TEST_NEO4J_LOCK_WAIT", "1800"))


def _lock_database(uri: str) -> int:
    """Hold an exclusive lock on `uri` for this test run. Tests wipe the database, so two runs sharing
    it (two engineers, or `scripts/test` reusing a running server) would delete each other's data
    mid-test; the second run waits here instead. Returns the lock's file descriptor."""
    name = re.sub(r"[^A-Za-z0-9]+", "-", uri).strip("-")
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"plankg-tests-{name}.lock"
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    deadline = time.monotonic() + NEO4J_LOCK_WAIT_SECONDS
    told = False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return descriptor
        except BlockingIOError:
            if time.monotonic() > deadline:
                os.close(descriptor)
                pytest.fail(f"another test run has held {uri} for {NEO4J_LOCK_WAIT_SECONDS:g} s ({path})")
            if not told:
                print(f"\nwaiting for another test run to finish with {uri} ({path})", file=sys.__stderr__)
                told = True
            time.sleep(1)


@pytest.fixture(scope="session")
def neo4j_store() -> Iterator[GraphStore]:
    """One driver for the whole run; the schema applied once; the database this run's alone."""
    settings = neo4j_settings()
    lock = _lock_database(settings.neo4j_uri)
    try:
        try:
            store = open_store(settings)
        except StoreUnavailable as exc:
            neo4j_missing(str(exc))
        yield store
        store.close()
    finally:
        os.close(lock)  # closing the descriptor releases the lock


@pytest.fixture
def embedded_store(tmp_path: Path) -> Iterator[GraphStore]:
    store = open_store(Settings(store="embedded", data_dir=tmp_path))
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """An empty store with the schema applied, once per backend."""
    if request.param == "embedded":
        embedded: GraphStore = request.getfixturevalue("embedded_store")
        return embedded
    return wipe(request.getfixturevalue("neo4j_store"))


@pytest.fixture(autouse=True)
def seeded_data_is_intact(request: pytest.FixtureRequest) -> None:
    """A module-scoped `seeded` Neo4j store outlives single tests, and any `store` test pytest runs in
    between (it may reorder parametrised tests) wipes the one database: re-seed it when its counts are
    no longer those loaded, so every test that asks for `seeded` gets the seed, whatever the order."""
    if "seeded" not in request.fixturenames:
        return
    reseed_if_changed(request.getfixturevalue("seeded"))


# ---------------------------------------------------------------- the seed plan behind the API


# `seeded` holds the extracted seed document, once per backend and per test module (the extraction takes
# seconds, so tests that only read share it); `client` is FastAPI's TestClient (real HTTP requests
# through the ASGI app) over it.
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


@pytest.fixture(scope="module")
def client(seeded: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(), store=seeded)) as test_client:
        yield test_client
