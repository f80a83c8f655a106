"""Failure modes of the HTTP API: a store that is unreachable answers 503 problem+json and the API
recovers by itself when the store returns (a real Neo4j behind a TCP relay we switch on and off; an
embedded database locked by another process); the OpenAPI documents every error as problem+json;
CORS follows the settings."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from plankg.api import create_app
from plankg.graph import GraphStore, StoreUnavailable, open_store
from plankg.settings import Settings
from tests.support.api import api_settings, assert_problem
from tests.support.stores import neo4j_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class TcpRelay:
    """Forwards 127.0.0.1:port to a target port while switched on; switched off, nothing listens and
    every open connection is cut — to clients it looks like the server went away."""

    def __init__(self, target_port: int) -> None:
        self.port = free_port()
        self.target_port = target_port
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def start(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
            listener, self._listener = self._listener, None
        for sock in [*sockets, *([listener] if listener else [])]:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
                server = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                return
            with self._lock:
                self._sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)


def wait_for_status(client: TestClient, path: str, status: int, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while (code := client.get(path).status_code) != status:
        assert time.monotonic() < deadline, f"{path} still answers {code}, not {status}"
        time.sleep(0.2)


@pytest.mark.neo4j
def test_an_unreachable_neo4j_is_503_and_the_api_recovers_when_it_returns(
    neo4j_store: GraphStore,
) -> None:
    target = neo4j_settings()
    relay = TcpRelay(int(target.neo4j_uri.rsplit(":", 1)[1]))
    settings = api_settings(store="neo4j", neo4j_uri=f"bolt://127.0.0.1:{relay.port}")
    with TestClient(create_app(settings)) as client:  # starts while the relay is off
        problem = assert_problem(client.get("/goals"), 503)
        assert f"127.0.0.1:{relay.port}" in problem["detail"]
        assert client.get("/goals").headers["retry-after"]
        assert_problem(client.get("/readyz"), 503)
        assert client.get("/healthz").status_code == 200
        relay.start()
        try:
            wait_for_status(client, "/readyz", 200)
            assert client.get("/goals").status_code == 200
            relay.stop()  # the server goes away while the app runs …
            started = time.monotonic()
            assert_problem(client.get("/goals"), 503)
            assert time.monotonic() - started < 10, "503 comes after a short retry budget, not 30 s"
            relay.start()  # … and comes back
            wait_for_status(client, "/goals", 200)
        finally:
            relay.stop()


def test_an_unreachable_neo4j_at_startup_does_not_stop_the_app() -> None:
    settings = api_settings(store="neo4j", neo4j_uri=f"bolt://127.0.0.1:{free_port()}")
    with TestClient(create_app(settings)) as client:
        for path in ("/plans", "/concepts/智慧社区/tasks", "/search?q=智慧", "/readyz"):
            assert_problem(client.get(path), 503)
        assert_problem(client.post("/cypher", json={"query": "RETURN 1"}), 503)
        assert client.get("/healthz").json() == {"status": "ok"}


HOLD_DATABASE = """
import sys
from plankg.graph import open_store
from plankg.settings import Settings
store = open_store(Settings(store="embedded", data_dir=sys.argv[1]))
print("holding", flush=True)
sys.stdin.read()
store.close()
"""


def test_a_locked_embedded_store_is_503_until_released(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_DATABASE, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with pytest.raises(StoreUnavailable):  # the store itself says so: another process holds it
            open_store(Settings(store="embedded", data_dir=tmp_path)).close()
        with TestClient(create_app(api_settings(store="embedded", data_dir=tmp_path))) as client:
            problem = assert_problem(client.get("/tasks"), 503)
            assert "another process" in problem["detail"]
            assert_problem(client.get("/readyz"), 503)
            assert holder.stdin is not None
            holder.stdin.close()  # the other process closes the database and exits
            holder.wait(timeout=30)
            wait_for_status(client, "/readyz", 200)
            assert client.get("/tasks").json()["total"] == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


@pytest.fixture
def app_client(embedded_store: GraphStore) -> Iterator[TestClient]:
    settings = api_settings(cors_origins=["https://explorer.example.org"])
    with TestClient(create_app(settings, store=embedded_store)) as client:
        yield client


def test_openapi_documents_errors_as_problem_json_with_chinese_examples(app_client: TestClient) -> None:
    schema = app_client.get("/openapi.json").json()
    assert "Problem" in schema["components"]["schemas"]
    errors = 0
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if int(status) >= 400:
                    errors += 1
                    assert list(response["content"]) == ["application/problem+json"], (path, method, status)
    assert errors > 20
    text = app_client.get("/openapi.json").text
    assert "智慧社区" in text and "推动民生信息普惠提质增效" in text


def test_cors_allows_the_configured_origins_only(app_client: TestClient) -> None:
    allowed = app_client.get("/healthz", headers={"Origin": "https://explorer.example.org"})
    assert allowed.headers["access-control-allow-origin"] == "https://explorer.example.org"
    other = app_client.get("/healthz", headers={"Origin": "https://elsewhere.example.com"})
    assert "access-control-allow-origin" not in other.headers
    preflight = app_client.options(
        "/cypher",
        headers={"Origin": "https://explorer.example.org", "Access-Control-Request-Method": "POST"},
    )
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["access-control-allow-methods"]


def test_cors_is_off_by_default(embedded_store: GraphStore) -> None:
    with TestClient(create_app(api_settings(), store=embedded_store)) as client:
        answer = client.get("/healthz", headers={"Origin": "https://elsewhere.example.com"})
        assert answer.status_code == 200
        assert not [name for name in answer.headers if name.startswith("access-control-")]
        preflight = client.options(
            "/cypher",
            headers={"Origin": "https://elsewhere.example.com", "Access-Control-Request-Method": "POST"},
        )
        assert "access-control-allow-origin" not in preflight.headers


@pytest.mark.parametrize("origin", ["*", "https://example.org/path", "example.org"])
def test_cors_origins_are_listed_one_by_one(origin: str) -> None:
    with pytest.raises(ValueError, match="PLANKG_CORS_ORIGINS"):
        Settings(cors_origins=[origin])
