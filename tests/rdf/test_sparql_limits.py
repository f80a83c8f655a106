"""/sparql's memory cap (issue 9, item 2): a query that needs more memory than PLANKG_SPARQL_MEMORY_MB
ends in its worker process with 422, quickly, while the API process keeps its memory and answers."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore
from tests.support.api import api_settings, assert_problem


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_a_sparql_memory_bomb_is_stopped_in_its_worker(seeded: GraphStore) -> None:
    # Sorting every pair of triples materialises millions of solutions: gigabytes in rdflib.
    bomb = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?a ?d ?c ?f"
    ask = {"query": "ASK { ?s ?p ?o }"}
    # rdflib grows by ~10 MiB/s here, so the smallest cap keeps the test short; the time limit is far
    # above what the cap needs, so a 504 would mean the cap did not hold
    settings = api_settings(sparql_memory_mb=64, sparql_timeout_seconds=120)
    with TestClient(create_app(settings, store=seeded)) as limited:
        assert limited.get("/sparql", params=ask).json()["boolean"] is True  # the graph is built
        before = rss_mb()
        started = time.monotonic()
        problem = assert_problem(limited.get("/sparql", params={"query": bomb}), 422)
        elapsed = time.monotonic() - started
        assert "64 MiB" in problem["detail"]
        assert elapsed < 100, elapsed
        assert rss_mb() - before < 100  # the query's memory was the worker's, not the server's
        assert limited.get("/healthz").status_code == 200
        assert limited.get("/sparql", params=ask).json()["boolean"] is True  # a fresh worker answers
