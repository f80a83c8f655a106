"""POST /plans and DELETE /plans/{id} over HTTP on both backends: the API key, uploads extracted and
loaded (and then searchable), bad documents refused with nothing written, bounded bodies."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore
from tests.support.api import API_KEY, api_settings, assert_problem

# A small plan in the State Council shape (numbered headings), written for this test.
COMMUNITY_PLAN = """关于加快推进智慧社区建设的实施意见
为提升社区治理和服务水平，现提出如下意见。
一、主要目标
到2022年，全市智慧社区覆盖率达到80%以上，社区服务事项网上办理率达到90%。
二、重点任务
（一）加快建设智慧社区综合服务平台。整合社区各类服务资源，推动社区服务事项一网通办。
（二）完善社区信息基础设施。实现社区光纤网络和公共区域无线网络全覆盖。
（三）发展社区智慧养老服务。推广居家养老智能终端，建立老年人健康档案。
三、保障措施
加强组织领导，落实资金保障。
"""
KEY = {"X-API-Key": API_KEY}


def upload(
    client: TestClient, data: bytes, name: str = "智慧社区实施意见.txt", headers: dict[str, str] | None = None
) -> httpx.Response:
    return client.post("/plans", files={"file": (name, data, "text/plain")}, headers=headers)


@pytest.fixture
def client(store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(api_settings(), store=store)) as test_client:
        yield test_client


def test_upload_loads_a_plan_that_search_then_finds(client: TestClient, store: GraphStore) -> None:
    assert client.get("/search", params={"q": "智慧社区", "limit": 50}).json()["total"] == 0
    response = upload(client, COMMUNITY_PLAN.encode(), headers=KEY)
    assert response.status_code == 201, response.text
    body = response.json()
    plan = body["plan"]
    assert body["changed"] is True and body["nodes"] > 0 and body["relationships"] > 0
    assert plan["title"] == "关于加快推进智慧社区建设的实施意见"
    assert plan["counts"]["tasks"] >= 3 and plan["counts"]["goals"] >= 1
    assert client.get(f"/plans/{plan['id']}").json() == plan

    hits = client.get("/search", params={"q": "智慧社区", "limit": 50}).json()["items"]
    platform = [hit for hit in hits if hit["name"] == "加快建设智慧社区综合服务平台"]
    assert platform, [hit["name"] for hit in hits]
    assert platform[0]["type"] == "Task" and "智慧社区" in platform[0]["matched"]
    assert platform[0]["score"] == max(hit["score"] for hit in hits)
    assert platform[0]["evidence"]["text"] == COMMUNITY_PLAN[slice(*platform[0]["evidence"]["span"])]

    # the same document again: nothing written, 200
    counts = store.counts()
    again = upload(client, COMMUNITY_PLAN.encode(), headers=KEY)
    assert again.status_code == 200 and again.json()["changed"] is False
    assert store.counts() == counts


def test_delete_needs_the_key_and_removes_the_plan(client: TestClient, store: GraphStore) -> None:
    plan_id = upload(client, COMMUNITY_PLAN.encode(), headers=KEY).json()["plan"]["id"]
    assert_problem(client.delete(f"/plans/{plan_id}"), 401)
    assert_problem(client.delete(f"/plans/{plan_id}", headers={"X-API-Key": "wrong"}), 401)
    assert client.get(f"/plans/{plan_id}").status_code == 200

    assert client.get("/concepts/智慧社区/tasks").json()["total"] >= 1
    assert client.delete(f"/plans/{plan_id}", headers=KEY).status_code == 204
    assert_problem(client.get(f"/plans/{plan_id}"), 404)
    assert client.get("/concepts/智慧社区/tasks").json()["total"] == 0  # no stale cached answer
    assert_problem(client.delete(f"/plans/{plan_id}", headers=KEY), 404)
    assert client.get("/tasks").json()["total"] == 0
    assert client.get("/plans").json()["total"] == 0


def test_upload_needs_the_key(client: TestClient, store: GraphStore) -> None:
    before = store.counts()
    problem = assert_problem(upload(client, COMMUNITY_PLAN.encode()), 401)
    assert "X-API-Key" in problem["detail"]
    assert_problem(upload(client, COMMUNITY_PLAN.encode(), headers={"X-API-Key": API_KEY + "x"}), 401)
    assert store.counts() == before


def test_writes_are_disabled_without_a_configured_key(store: GraphStore) -> None:
    with TestClient(create_app(api_settings(api_key=None), store=store)) as keyless:
        problem = assert_problem(upload(keyless, COMMUNITY_PLAN.encode(), headers=KEY), 403)
        assert "PLANKG_API_KEY" in problem["detail"]
        assert_problem(keyless.delete("/plans/any", headers=KEY), 403)
        assert keyless.get("/plans").json()["total"] == 0


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("plan.pdf", b"\x00\x01garbage, not a PDF at all" * 10, "pdf"),
        ("plan.exe", COMMUNITY_PLAN.encode(), ".exe"),
        ("plan.txt", b"", "empty"),
        ("plan.txt", bytes(range(256)) * 8, "binary"),
    ],
)
def test_an_unreadable_document_is_a_422_naming_the_reason(
    client: TestClient, store: GraphStore, name: str, data: bytes, reason: str
) -> None:
    before = store.counts()
    problem = assert_problem(upload(client, data, name=name, headers=KEY), 422)
    assert reason in problem["detail"].lower(), problem["detail"]
    assert store.counts() == before


def test_bodies_over_the_limit_are_413(store: GraphStore) -> None:
    settings = api_settings(max_upload_bytes=2_000, max_query_body_bytes=2_000)
    with TestClient(create_app(settings, store=store)) as small:
        big = (COMMUNITY_PLAN * 20).encode()
        problem = assert_problem(upload(small, big, headers=KEY), 413)
        assert "2000" in problem["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length: the body is counted as it streams
            for _ in range(10):
                yield b'{"query": "RETURN 1", "parameters": {"pad": "' + b"x" * 500 + b'"}}'

        assert_problem(
            small.post("/cypher", content=chunks(), headers={"content-type": "application/json"}), 413
        )
        assert small.post("/cypher", json={"query": "RETURN 1 AS one"}).status_code == 200
        assert small.get("/plans").json()["total"] == 0


def test_query_bodies_are_capped_small_and_uploads_are_not(client: TestClient) -> None:
    padding = "x" * (64 * 1024)
    problem = assert_problem(
        client.post("/cypher", json={"query": "RETURN 1 AS one", "parameters": {"pad": padding}}), 413
    )
    assert "PLANKG_MAX_QUERY_BODY_BYTES" in problem["detail"]
    assert_problem(client.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p ?o } #" + padding}), 413)
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).status_code == 200


def test_a_document_over_the_document_limit_is_413_not_422(client: TestClient, store: GraphStore) -> None:
    before = store.counts()
    line = "到2025年，全市智慧社区覆盖率达到80%以上。\n".encode()
    big = COMMUNITY_PLAN.encode() + line * (55 * 1024 * 1024 // len(line))  # 55 MiB: under the body limit
    problem = assert_problem(upload(client, big, name="超大规划.txt", headers=KEY), 413)
    assert "too large" in problem["detail"] and "超大规划.txt" in problem["detail"]
    assert store.counts() == before


def test_several_files_load_in_one_request_each_with_its_result(
    client: TestClient, store: GraphStore
) -> None:
    files = [
        ("file", ("智慧社区实施意见.txt", COMMUNITY_PLAN.encode(), "text/plain")),
        ("file", ("broken.pdf", b"\x00\x01 not a pdf" * 20, "application/pdf")),
        ("file", ("智慧社区实施意见-副本.txt", COMMUNITY_PLAN.encode(), "text/plain")),
    ]
    answer = client.post("/plans", files=files, headers=KEY)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert [item["status"] for item in body["items"]] == ["loaded", "failed", "unchanged"]
    assert body["items"][1]["filename"] == "broken.pdf" and "pdf" in body["items"][1]["reason"].lower()
    assert body["counts"] == {"loaded": 1, "unchanged": 1, "skipped": 0, "failed": 1}
    assert store.counts().nodes["Plan"] == 1
    again = client.post("/plans", files=[("files", f[1]) for f in files[:1]], headers=KEY).json()
    assert [item["status"] for item in again["items"]] == ["unchanged"]


def test_a_different_document_for_a_loaded_plan_is_409_unless_replace(
    client: TestClient, store: GraphStore
) -> None:
    assert upload(client, COMMUNITY_PLAN.encode(), headers=KEY).status_code == 201
    before = store.counts()
    other = COMMUNITY_PLAN.splitlines()[0] + "\n（摘要）\n一、主要目标\n到2023年，建成智慧社区500个。\n"
    problem = assert_problem(upload(client, other.encode(), name="摘要.txt", headers=KEY), 409)
    assert "摘要.txt" in problem["detail"] and "智慧社区实施意见.txt" in problem["detail"]
    assert store.counts() == before
    replaced = client.post(
        "/plans", params={"replace": "true"}, files={"file": ("摘要.txt", other.encode())}, headers=KEY
    )
    assert replaced.status_code == 201, replaced.text
    assert replaced.json()["plan"]["source_path"] == "摘要.txt"


def test_the_key_is_checked_before_a_large_body_is_read(store: GraphStore) -> None:
    """A real server: a 59 MiB upload announced without a key is answered 401 after its first bytes,
    while the client still holds the rest."""
    import socket
    import threading

    import uvicorn

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(api_settings(), store=store), port=port, log_level="error")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.05)
        size = 59 * 1024 * 1024
        head = (
            f"POST /plans HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {size}\r\n"
            "Content-Type: multipart/form-data; boundary=b\r\n\r\n"
        ).encode()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(head + b"--b\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n\r\n")
            conn.sendall(b"x" * 65536)  # a sliver of the 59 MiB; the rest is never sent
            answer = conn.recv(65536).decode("utf-8", "replace")
        assert answer.startswith("HTTP/1.1 401"), answer
        assert "X-API-Key" in answer
    finally:
        server.should_exit = True
        thread.join(10)
