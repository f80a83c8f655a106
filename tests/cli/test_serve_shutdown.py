"""A real `plankg serve` (embedded, its own data directory, a free port) stops cleanly (issue 9, item 4).

After /sparql, /id/… and /cypher have started the server's worker processes, SIGTERM and then SIGINT
(Ctrl-C) each end the server and every process it started, free the port, and a new server starts on
the same port within seconds.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from plankg.graph import open_store
from plankg.pipeline import load_path
from plankg.settings import Settings
from tests.support.corpus import REPO, SEED_DOCUMENT

START_SECONDS = 60.0  # a busy 2-core machine; it takes ~3 s when idle
STOP_SECONDS = 15.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def descendants(pid: int) -> set[int]:
    """Every live process below pid (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z":
                parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data directory holding the seed plan, and the id of one of its tasks."""
    directory = tmp_path_factory.mktemp("serve")
    store = open_store(Settings(store="embedded", data_dir=directory))
    try:
        load_path(store, SEED_DOCUMENT)
        task_id = store.read("MATCH (t:Task) RETURN t.id AS id ORDER BY id LIMIT 1")[0]["id"]
    finally:
        store.close()
    return directory, task_id


def start_server(directory: Path, port: int) -> subprocess.Popen[bytes]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PLANKG_")}
    environment.update(
        PLANKG_STORE="embedded",
        PLANKG_DATA_DIR=str(directory),
        PYTHONPATH=os.pathsep.join([str(REPO), environment.get("PYTHONPATH", "")]),
    )
    command = [
        sys.executable,
        "-c",
        "from plankg.cli import app; app()",
        "serve",
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, env=environment, cwd=directory)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert server.poll() is None, "the server ended while starting"
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise AssertionError(f"the server did not answer on port {port} within {START_SECONDS:g} s")


def start_workers(port: int, task_id: str) -> None:
    base = f"http://127.0.0.1:{port}"
    sparql = httpx.get(f"{base}/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
    assert sparql.status_code == 200, sparql.text
    described = httpx.get(f"{base}/id/task/{task_id}", headers={"accept": "text/turtle"}, timeout=60)
    assert described.status_code == 200, described.text
    cypher = httpx.post(f"{base}/cypher", json={"query": "MATCH (t:Task) RETURN count(t) AS n"}, timeout=60)
    assert cypher.status_code == 200, cypher.text


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_the_server_and_its_workers_stop_and_the_port_is_free_again(
    data_dir: tuple[Path, str], stop_signal: signal.Signals
) -> None:
    directory, task_id = data_dir
    port = free_port()
    server = start_server(directory, port)
    workers: set[int] = set()
    try:
        start_workers(port, task_id)
        workers = descendants(server.pid)
        assert len(workers) >= 2, workers  # the SPARQL worker and the Cypher worker at least
        stopped_at = time.monotonic()
        server.send_signal(stop_signal)
        server.wait(STOP_SECONDS)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if alive(pid)], "worker processes outlived the server"
        assert port_is_free(port)
        stop_seconds = time.monotonic() - stopped_at
        assert stop_seconds < STOP_SECONDS

        # Same port, same data directory (its lock released): it serves again.
        again = start_server(directory, port)
        try:
            start_workers(port, task_id)
        finally:
            again.send_signal(stop_signal)
            again.wait(STOP_SECONDS)
        assert port_is_free(port)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
        for pid in workers:  # a failed run must not leave orphans holding the port
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
