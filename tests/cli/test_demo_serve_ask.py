"""The shell face of the API on a fresh embedded data directory: `plankg demo` and `plankg serve` as real
processes (the served API over real TCP on loopback), `ask` and `query` through Typer's runner in this
process (each `plankg` process spends seconds importing)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner, Result

from plankg.cli import app
from plankg.cli.serve_commands import SEED_NAME, seed_document_path
from plankg.settings import get_settings
from tests.support.corpus import REPO, SEED_DOCUMENT

PLANKG = shutil.which("plankg") or "plankg"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PLANKG_")}
    env["PLANKG_DATA_DIR"] = str(tmp_path_factory.mktemp("cli-data"))
    env["PLANKG_STORE"] = "embedded"
    env["COLUMNS"] = "200"  # rich tables: one line per row
    return env


def plankg(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([PLANKG, *args], env=env, capture_output=True, text=True, timeout=120)
    if check:
        assert result.returncode == 0, result.stderr + result.stdout
    return result


@pytest.fixture
def cli(environment: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Result]]:
    """Run a plankg command in-process with the module's environment (settings re-read)."""
    for key, value in environment.items():
        if key.startswith("PLANKG_") or key == "COLUMNS":
            monkeypatch.setenv(key, value)
    get_settings.cache_clear()
    runner = CliRunner()

    def invoke(*args: str, code: int = 0) -> Result:
        result = runner.invoke(app, list(args))
        assert result.exit_code == code, result.output
        return result

    yield invoke
    get_settings.cache_clear()


@pytest.fixture(scope="module")
def demo_loaded(environment: dict[str, str]) -> str:
    result = plankg(environment, "demo", "--no-serve", "--port", "8123")
    assert "青岛市信息化" in result.stdout
    urls = [word for word in result.stdout.split() if word.startswith("http://")]
    assert urls[0] == "http://127.0.0.1:8123/", "the explorer page comes first"
    assert "http://127.0.0.1:8123/concepts/" in result.stdout
    return result.stdout


def test_help_names_values_without_type_tags(cli: Callable[..., Result]) -> None:
    """Options show a metavar (--port PORT) or nothing (flags), arguments their metavar (CONCEPT, FILE):
    never a <bool>/<str>/<int>/<list[Path]> tag."""
    commands = [command.name or command.callback.__name__ for command in app.registered_commands]
    assert {"demo", "serve", "load", "export"} <= set(commands)
    for command in commands:
        text = cli(command, "--help").stdout
        options = [line for line in text.splitlines() if line.lstrip().startswith("-")]
        assert options, command
        assert not [line for line in options if "<" in line], (command, text)
        arguments = text.partition("Arguments:")[2].partition("Options:")[0]
        assert "<" not in arguments, (command, text)


def test_the_shipped_seed_is_the_corpus_document() -> None:
    shipped = REPO / "plankg" / "data" / "seed" / SEED_NAME
    assert shipped.read_bytes() == SEED_DOCUMENT.read_bytes()
    assert seed_document_path().read_bytes() == SEED_DOCUMENT.read_bytes()


def test_demo_loads_once_and_ask_answers_the_canonical_question(
    environment: dict[str, str], demo_loaded: str, cli: Callable[..., Result]
) -> None:
    again = plankg(environment, "demo", "--no-serve")
    assert "already loaded" in again.stdout
    answer = json.loads(cli("ask", "智慧社区", "--json").stdout)
    item = next(i for i in answer["items"] if i["task"]["name"] == "推动民生信息普惠提质增效")
    assert item["via"] == "subtask"
    start, end = item["evidence"]["span"]
    assert item["evidence"]["text"] == SEED_DOCUMENT.read_text(encoding="utf-8")[start:end]
    table = cli("ask").stdout  # the default concept, as a table
    assert "推动民生信息普惠提质增效" in table and "subtask" in table
    cli("ask", "没有这个概念", code=2)


def test_query_runs_a_named_query(demo_loaded: str, cli: Callable[..., Result]) -> None:
    rows = json.loads(cli("query", "goals_total", "--param", "plan=", "--json").stdout)
    assert rows == [{"total": 5}]
    table = cli("query", "concept_by_name", "-p", "name=智慧社区").stdout
    assert "concept-" in table and "智慧城市" in table
    assert "concept_tasks" in cli("query", "--list").stdout
    cli("query", "no_such_query", code=2)
    cli("query", "goals_total", code=2)  # its plan parameter is missing


@pytest.fixture
def served(environment: dict[str, str], demo_loaded: str) -> Iterator[str]:
    port = free_port()
    server = subprocess.Popen(
        [PLANKG, "serve", "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, "plankg serve did not become ready"
            time.sleep(0.3)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_answers_over_loopback_tcp(served: str, environment: dict[str, str]) -> None:
    response = httpx.get(f"{served}/concepts/智慧社区/tasks", timeout=10)
    assert response.status_code == 200
    over_http: dict[str, Any] = response.json()
    assert over_http["items"][0]["task"]["name"] == "推动民生信息普惠提质增效"
    missing = httpx.get(f"{served}/goals/no-such-goal", timeout=10)
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    docs = httpx.get(f"{served}/openapi.json", timeout=10).json()
    assert "/concepts/{name}/tasks" in docs["paths"]
