"""POST /cypher on the seed plan, both backends: reads answer, every kind of write is refused by the
store itself (problem+json) and leaves the graph exactly as it was; row and time limits hold."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore
from tests.support.api import api_settings, assert_problem

WRITES_ON_EVERY_BACKEND = [
    "CREATE (:Task {id: 'evil', name: 'evil'})",
    "MERGE (c:Concept {id: 'evil', name: 'evil'}) RETURN c.id",
    "MATCH (t:Task) SET t.name = 'evil'",
    "MATCH ()-[r:PART_OF]->() DELETE r",
    "MATCH (t:Task) DETACH DELETE t",
    "MATCH (t:Task) RETURN t.id; CREATE (:Task {id: 'evil', name: 'evil'})",
]
WRITES_ON = {
    "embedded": [
        "CREATE NODE TABLE Evil(id STRING, PRIMARY KEY(id))",
        "ALTER TABLE Task ADD evil STRING",
        "DROP TABLE Task",
        "COPY Task FROM '/tmp/evil.csv'",
        "CALL create_fts_index('Task', 'evil', ['name'])",
    ],
    "neo4j": [
        "MATCH (t:Task) REMOVE t.text",  # LadybugDB has no REMOVE clause
        "CREATE INDEX evil IF NOT EXISTS FOR (n:Task) ON (n.name)",
        "CREATE CONSTRAINT evil IF NOT EXISTS FOR (n:Goal) REQUIRE n.name IS UNIQUE",
        "DROP CONSTRAINT plan_id IF EXISTS",
        "CALL db.createLabel('Evil')",
        "CALL db.createRelationshipType('EVIL')",
        "CALL { CREATE (:Task {id: 'evil', name: 'evil'}) } IN TRANSACTIONS",
        "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    ],
}
# A query whose work explodes (900 million filtered rows, CPU-bound and small in memory), to meet the
# time limit on both backends.
SLOW_QUERY = (
    "UNWIND range(1, 30000) AS x UNWIND range(1, 30000) AS y "
    "WITH x + y AS z WHERE z % 7 = 3 RETURN count(*) AS n"
)


def snapshot(store: GraphStore) -> tuple[Any, list[dict[str, Any]]]:
    counts = store.counts()
    names = store.read("MATCH (t:Task) RETURN t.id AS id, t.name AS name, t.text AS text ORDER BY id")
    return (counts.nodes, counts.relationships), names


def test_a_read_answers_rows_with_parameters(client: TestClient) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (t:Task)-[:MENTIONS]->(c:Concept {name: $name}) "
            "RETURN t.name AS task ORDER BY task",
            "parameters": {"name": "智慧社区"},
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["task"]
    assert body["truncated"] is False
    assert any(row["task"].startswith("深化智慧社区建设") for row in body["rows"])


def test_rows_are_cut_at_the_row_limit(seeded: GraphStore) -> None:
    with TestClient(create_app(api_settings(cypher_row_limit=5), store=seeded)) as limited:
        body = limited.post("/cypher", json={"query": "MATCH (t:Task) RETURN t.id AS id"}).json()
    assert len(body["rows"]) == 5 and body["truncated"] is True and body["row_limit"] == 5


def test_a_slow_query_is_stopped_at_the_time_limit(seeded: GraphStore) -> None:
    with TestClient(create_app(api_settings(cypher_timeout_seconds=0.3), store=seeded)) as hurried:
        problem = assert_problem(hurried.post("/cypher", json={"query": SLOW_QUERY}), 504)
    assert "0.3" in problem["detail"]


def test_every_write_is_refused_and_changes_nothing(client: TestClient, seeded: GraphStore) -> None:
    before = snapshot(seeded)
    for query in WRITES_ON_EVERY_BACKEND + WRITES_ON[seeded.backend]:
        response = client.post("/cypher", json={"query": query})
        assert response.status_code in (400, 403), (query, response.text)
        assert_problem(response, response.status_code)
        assert snapshot(seeded) == before, query
    # the plain writes are refused as writes (403), not as mistakes
    for query in WRITES_ON_EVERY_BACKEND:
        assert client.post("/cypher", json={"query": query}).status_code == 403, query


def test_bad_cypher_is_a_400_problem_and_bad_bodies_422(client: TestClient) -> None:
    assert_problem(client.post("/cypher", json={"query": "MATCH (n RETURN n"}), 400)
    assert_problem(client.post("/cypher", json={"query": ""}), 422)
    assert_problem(client.post("/cypher", json={"parameters": {}}), 422)
    assert_problem(client.post("/cypher", json={"query": "RETURN 1", "unknown": 1}), 422)
    assert_problem(
        client.post("/cypher", content=b"not json", headers={"content-type": "application/json"}), 422
    )


def test_a_far_ordered_skip_answers_and_never_takes_the_server_down(
    client: TestClient, seeded: GraphStore
) -> None:
    # Regression: LadybugDB 0.22 segfaulted the whole API process on ORDER BY … SKIP 100000 LIMIT 1.
    query = "MATCH (c:Concept) RETURN c.id AS id ORDER BY id SKIP $skip LIMIT 1"
    response = client.post("/cypher", json={"query": query, "parameters": {"skip": 100000}})
    if seeded.backend == "embedded":
        assert_problem(response, 400)
        assert "SKIP" in response.json()["detail"]
    else:
        assert response.status_code == 200, response.text
        assert response.json()["rows"] == []
    # The process is still alive and answering.
    near = client.post("/cypher", json={"query": query, "parameters": {"skip": 1}})
    assert near.status_code == 200, near.text
    assert len(near.json()["rows"]) == 1
