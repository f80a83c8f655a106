"""docker-compose.yml, Dockerfile and .dockerignore, checked against what the app really reads and runs.

No Docker engine runs here, so these read the files: the service layout, the ports, the healthchecks,
the api's PLANKG_* names against plankg.settings.Settings, the Dockerfile's command against the real
Typer app; and the compose environment, interpolated as compose would, is fed to Settings.
"""

from __future__ import annotations

import fnmatch
import json
import re
import shlex
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import pytest
import typer
import yaml

from plankg.settings import Settings
from tests.support.corpus import REPO

ROOT = REPO
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

# Variables of the neo4j image's entrypoint that are not neo4j.conf settings (docker-entrypoint.sh).
NEO4J_IMAGE_CONTROL_VARIABLES = {
    "NEO4J_AUTH",
    "NEO4J_AUTH_PATH",
    "NEO4J_PLUGINS",
    "NEO4J_ACCEPT_LICENSE_AGREEMENT",
    "NEO4J_DEBUG",
    "NEO4J_EDITION",
    "NEO4J_HOME",
}


# ------------------------------------------------------------------ reading the files


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "docker-compose.yml is not a mapping"
    return data


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    return parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))


def parse_dockerfile(text: str) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with comments dropped and continuation lines joined."""
    instructions: list[tuple[str, str]] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue  # comment lines inside a continued instruction are ignored by Docker too
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = (pending + line).strip()
        pending = ""
        keyword, _, arguments = full.partition(" ")
        instructions.append((keyword.upper(), arguments.strip()))
    assert not pending, "Dockerfile ends inside a continued line"
    return instructions


def instruction_args(instructions: list[tuple[str, str]], keyword: str) -> list[str]:
    return [args for key, args in instructions if key == keyword]


def exec_form(arguments: str) -> list[str]:
    """A JSON-array (exec form) CMD; shell form is refused so signals reach the server process."""
    parsed = json.loads(arguments)
    assert isinstance(parsed, list) and all(isinstance(item, str) for item in parsed), arguments
    return parsed


def environment_of(service: Mapping[str, Any]) -> dict[str, str | None]:
    """A service's environment as a dict; both the mapping and the KEY=VALUE list forms are allowed."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        pairs = [item.split("=", 1) if "=" in item else [item, None] for item in env]
        return {key: value for key, value in pairs}
    return {key: None if value is None else str(value) for key, value in env.items()}


_INTERPOLATION = re.compile(
    r"\$(?:\$|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}|"
    r"(?P<bare>[A-Za-z_][A-Za-z0-9_]*))"
)


class MissingVariable(LookupError):
    pass


def interpolate(value: str, shell: Mapping[str, str]) -> str:
    """Compose's variable substitution: $$, $VAR, ${VAR}, ${VAR:-default}, ${VAR-default},
    ${VAR:?error}, ${VAR?error}."""

    def replace(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$"
        name = match.group("name") or match.group("bare")
        op, arg = match.group("op"), match.group("arg") or ""
        current = shell.get(name)
        unset_or_empty = current is None or (current == "" and op is not None and op.startswith(":"))
        if op in ("-", ":-") and unset_or_empty:
            return arg
        if op in ("?", ":?") and unset_or_empty:
            raise MissingVariable(f"{name}: {arg}")
        return current or ""

    return _INTERPOLATION.sub(replace, value)


def resolved_environment(service: Mapping[str, Any], shell: Mapping[str, str]) -> dict[str, str]:
    """What the container would see: values interpolated; valueless names taken from the shell or dropped."""
    resolved: dict[str, str] = {}
    for name, value in environment_of(service).items():
        if value is None:
            if name in shell:
                resolved[name] = shell[name]
            continue
        resolved[name] = interpolate(value, shell)
    return resolved


def container_ports(service: Mapping[str, Any]) -> dict[int, str]:
    """Published container port -> host part ("127.0.0.1:7687", "8000", ...), short and long syntax."""
    published: dict[int, str] = {}
    for entry in service.get("ports") or []:
        if isinstance(entry, dict):
            published[int(entry["target"])] = f"{entry.get('host_ip', '')}:{entry.get('published', '')}"
            continue
        host, sep, container = str(entry).split("/")[0].rpartition(":")
        assert sep, f"port {entry!r} is not published on the host (no HOST:CONTAINER)"
        published[int(container)] = host
    return published


def settings_env_names() -> set[str]:
    prefix = str(Settings.model_config.get("env_prefix", ""))
    return {f"{prefix}{name}".upper() for name in Settings.model_fields}


def api_command_port(instructions: list[tuple[str, str]]) -> int:
    cmd = exec_form(instruction_args(instructions, "CMD")[-1])
    return int(cmd[cmd.index("--port") + 1])


# ------------------------------------------------------------------ compose: layout


def test_services_are_neo4j_and_the_api(compose: dict[str, Any]) -> None:
    assert set(compose["services"]) == {"neo4j", "api"}


def test_neo4j_is_an_official_5x_community_image(compose: dict[str, Any]) -> None:
    image = compose["services"]["neo4j"]["image"]
    # Official tags: 5, 5.26, 5.26.x, each optionally -community and/or -bullseye/-trixie/-ubi9/...
    assert re.fullmatch(r"neo4j:5(\.\d+){0,2}(-community)?(-(bullseye|trixie|ubi\d+))?", image), image
    assert "enterprise" not in image


def test_bolt_http_and_api_ports_are_published(
    compose: dict[str, Any], dockerfile: list[tuple[str, str]]
) -> None:
    neo4j_ports = container_ports(compose["services"]["neo4j"])
    api_ports = container_ports(compose["services"]["api"])
    assert {7474, 7687} <= set(neo4j_ports)
    # The api's published container port is the one the Dockerfile exposes and `plankg serve` binds.
    assert set(api_ports) == {api_command_port(dockerfile)} == {8000}
    assert instruction_args(dockerfile, "EXPOSE") == ["8000"]


def test_neo4j_keeps_data_and_logs_in_declared_named_volumes(compose: dict[str, Any]) -> None:
    mounts = {}
    for entry in compose["services"]["neo4j"]["volumes"]:
        source, target = (
            (entry["source"], entry["target"]) if isinstance(entry, dict) else entry.split(":")[:2]
        )
        mounts[target] = source
    assert {"/data", "/logs"} <= set(mounts)
    declared = set(compose.get("volumes") or {})
    for target in ("/data", "/logs"):
        assert mounts[target] in declared, (
            f"{target} is mounted from {mounts[target]!r}, not a declared volume"
        )


def test_both_services_have_real_healthchecks(
    compose: dict[str, Any], dockerfile: list[tuple[str, str]]
) -> None:
    for name, service in compose["services"].items():
        check = service.get("healthcheck")
        assert check and not check.get("disable"), f"{name} has no healthcheck"
        assert check["test"][0] in ("CMD", "CMD-SHELL") and len(check["test"]) > 1, check["test"]
    neo4j_check = " ".join(compose["services"]["neo4j"]["healthcheck"]["test"][1:])
    # A query over Bolt (cypher-shell is in the official image) or an HTTP request to the browser port.
    assert "cypher-shell" in neo4j_check or "7474" in neo4j_check, neo4j_check
    if "cypher-shell" in neo4j_check:
        assert "RETURN 1" in neo4j_check
    api_check = compose["services"]["api"]["healthcheck"]["test"]
    assert "curl" not in api_check and "wget" not in api_check, "python:3.11-slim has neither curl nor wget"
    assert f"127.0.0.1:{api_command_port(dockerfile)}/healthz" in " ".join(api_check)


def test_api_starts_after_neo4j_is_healthy(compose: dict[str, Any]) -> None:
    depends = compose["services"]["api"]["depends_on"]
    assert isinstance(depends, dict), "depends_on as a list cannot wait for health"
    assert depends["neo4j"]["condition"] == "service_healthy"
    assert compose["services"]["api"].get("restart") in ("always", "unless-stopped", "on-failure")
    assert compose["services"]["neo4j"].get("restart") in ("always", "unless-stopped", "on-failure")


def test_api_is_built_from_this_dockerfile(compose: dict[str, Any]) -> None:
    build = compose["services"]["api"]["build"]
    context = ROOT / (build if isinstance(build, str) else build.get("context", "."))
    dockerfile_name = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
    assert (context / dockerfile_name).resolve() == DOCKERFILE


# ------------------------------------------------------------------ compose: environment


def test_api_environment_names_are_settings_fields(compose: dict[str, Any]) -> None:
    names = set(environment_of(compose["services"]["api"]))
    known = settings_env_names()
    assert names <= known, f"not read by plankg.settings.Settings: {sorted(names - known)}"
    assert {"PLANKG_STORE", "PLANKG_NEO4J_URI", "PLANKG_NEO4J_USER", "PLANKG_NEO4J_PASSWORD"} <= names


def test_neo4j_environment_uses_neo4j_5_setting_names(compose: dict[str, Any]) -> None:
    env = environment_of(compose["services"]["neo4j"])
    assert "NEO4J_AUTH" in env
    for name in set(env) - NEO4J_IMAGE_CONTROL_VARIABLES:
        # Any other NEO4J_* becomes a neo4j.conf line; Neo4j 5 refuses unknown settings at start-up.
        assert re.fullmatch(r"NEO4J_(server|db|dbms|initial|browser)_[A-Za-z0-9_]+", name), name
        if not name.startswith("NEO4J_dbms_memory_transaction_"):  # dbms.memory.transaction.total.max
            assert not name.startswith("NEO4J_dbms_memory_"), f"{name}: Neo4j 5 names it server.memory.*"


def test_neo4j_reads_no_file_and_bounds_every_transaction(compose: dict[str, Any]) -> None:
    """What POST /cypher relies on besides its own checks (issue 9): the same settings as the test
    launcher (scripts/neo4j-launcher), and no plugins (no APOC file or URL procedures)."""
    env = compose["services"]["neo4j"]["environment"]
    assert str(env["NEO4J_dbms_security_allow__csv__import__from__file__urls"]).lower() == "false"
    assert re.fullmatch(r"\d+[mMgG]", str(env["NEO4J_db_memory_transaction_max"]))
    assert re.fullmatch(r"\d+[mMgG]", str(env["NEO4J_dbms_memory_transaction_total_max"]))
    assert re.fullmatch(r"\d+[smh]", str(env["NEO4J_db_transaction_timeout"]))
    assert "NEO4J_PLUGINS" not in env
    launcher = (ROOT / "scripts/neo4j-launcher/src/main/java/plankg/neo4j/Launcher.java").read_text()
    for setting in ("allow_file_urls, false", "memory_transaction_max_size", "transaction_timeout"):
        assert setting in launcher


def test_api_uses_the_compose_neo4j_with_the_same_password(compose: dict[str, Any]) -> None:
    shell = {"PLANKG_NEO4J_PASSWORD": "s3cret-from-the-shell"}
    api = resolved_environment(compose["services"]["api"], shell)
    neo4j = resolved_environment(compose["services"]["neo4j"], shell)
    uri = urlsplit(api["PLANKG_NEO4J_URI"])
    assert uri.scheme in ("bolt", "neo4j")
    assert uri.hostname in compose["services"], "the api must reach Neo4j by its service name"
    assert uri.port in container_ports(compose["services"][uri.hostname]) and uri.port == 7687
    user, _, password = neo4j["NEO4J_AUTH"].partition("/")
    assert (
        (user, password)
        == (api["PLANKG_NEO4J_USER"], api["PLANKG_NEO4J_PASSWORD"])
        == (
            "neo4j",
            "s3cret-from-the-shell",
        )
    )
    assert api["PLANKG_STORE"] == "neo4j"


def test_compose_refuses_to_start_without_a_password(compose: dict[str, Any]) -> None:
    with pytest.raises(MissingVariable, match="PLANKG_NEO4J_PASSWORD"):
        resolved_environment(compose["services"]["neo4j"], {})
    with pytest.raises(MissingVariable, match="PLANKG_NEO4J_PASSWORD"):
        resolved_environment(compose["services"]["api"], {})


def _settings_from(monkeypatch: pytest.MonkeyPatch, environment: Mapping[str, str]) -> Settings:
    import os

    for name in list(os.environ):
        if name.startswith("PLANKG_"):
            monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return Settings(_env_file=None)  # type: ignore[call-arg]  # only the container's environment


def test_settings_read_the_compose_environment(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = {"PLANKG_NEO4J_PASSWORD": "s3cret-from-the-shell"}
    environment = resolved_environment(compose["services"]["api"], shell)
    settings = _settings_from(monkeypatch, environment)
    assert settings.store == "neo4j"
    assert settings.neo4j_uri == environment["PLANKG_NEO4J_URI"]
    assert settings.neo4j_user == environment["PLANKG_NEO4J_USER"]
    assert settings.neo4j_password == "s3cret-from-the-shell"
    if "PLANKG_NEO4J_DATABASE" in environment:
        assert settings.neo4j_database == environment["PLANKG_NEO4J_DATABASE"]
    # List settings arrive as JSON text; the compose default must parse to a list of origins.
    if "PLANKG_CORS_ORIGINS" in environment:
        assert settings.cors_origins == json.loads(environment["PLANKG_CORS_ORIGINS"])
        assert all(origin.startswith(("http://", "https://")) for origin in settings.cors_origins)
    if "PLANKG_BASE_IRI" in environment:
        assert settings.base_iri == environment["PLANKG_BASE_IRI"]
    # No key in the shell: no key in the container (not an empty-string key).
    assert settings.api_key is None


def test_settings_take_shell_overrides_through_compose(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = {
        "PLANKG_NEO4J_PASSWORD": "another-password",
        "PLANKG_API_KEY": "key-from-the-shell",
        "PLANKG_CORS_ORIGINS": '["https://explorer.example.org", "http://localhost:3000"]',
        "PLANKG_BASE_IRI": "https://example.org/plan/",
    }
    environment = resolved_environment(compose["services"]["api"], shell)
    settings = _settings_from(monkeypatch, environment)
    assert settings.api_key == "key-from-the-shell"
    assert settings.cors_origins == ["https://explorer.example.org", "http://localhost:3000"]
    assert settings.base_iri == "https://example.org/plan/"
    assert settings.neo4j_password == "another-password"


# ------------------------------------------------------------------ Dockerfile and .dockerignore


def test_dockerfile_builds_from_python_311_slim_as_a_non_root_user(dockerfile: list[tuple[str, str]]) -> None:
    assert instruction_args(dockerfile, "FROM")[0].split()[0] == "python:3.11-slim"
    users = instruction_args(dockerfile, "USER")
    assert users and users[-1].split(":")[0] not in ("root", "0"), "the API must not run as root"
    assert any(
        "pip install" in args and "--no-cache-dir" in args for args in instruction_args(dockerfile, "RUN")
    )
    healthcheck = instruction_args(dockerfile, "HEALTHCHECK")
    assert healthcheck and "/healthz" in healthcheck[0]


def _ignored(path: str, patterns: list[str]) -> bool:
    """.dockerignore semantics, approximately: the last matching pattern wins, '!' re-includes,
    a pattern matching a directory excludes everything under it."""
    ignored = False
    parts = path.split("/")
    prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    for pattern in patterns:
        negate = pattern.startswith("!")
        pattern = pattern.lstrip("!").strip("/")
        candidates = [pattern, pattern.removeprefix("**/")]
        if any(fnmatch.fnmatchcase(prefix, candidate) for prefix in prefixes for candidate in candidates):
            ignored = not negate
    return ignored


def test_dockerfile_copies_files_that_exist_and_are_not_ignored(dockerfile: list[tuple[str, str]]) -> None:
    patterns = [
        line.strip()
        for line in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    sources: list[str] = []
    for args in instruction_args(dockerfile, "COPY"):
        words = [word for word in shlex.split(args) if not word.startswith("--")]
        sources += words[:-1]
    assert "pyproject.toml" in sources and any(src.rstrip("/") == "plankg" for src in sources)
    for source in sources:
        path = ROOT / source
        assert path.exists(), f"COPY {source}: not in the repository"
        files = (
            [path]
            if path.is_file()
            else [p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
        )
        for file in files:
            relative = file.relative_to(ROOT).as_posix()
            assert not _ignored(relative, patterns), f"{relative} is copied but excluded by .dockerignore"
    # Secrets and local state stay out of the build context.
    for private in (".env", ".git/config", "graph.lbdb"):
        assert _ignored(private, patterns), f"{private} would be sent to the Docker build"


def test_dockerfile_runs_a_real_plankg_command(dockerfile: list[tuple[str, str]]) -> None:
    import plankg.cli

    cmd = exec_form(instruction_args(dockerfile, "CMD")[-1])
    assert cmd[0] == "plankg"
    group = typer.main.get_command(plankg.cli.app)
    commands = group.commands  # type: ignore[attr-defined]  # a Typer app with commands is a click Group
    assert cmd[1] in commands, f"`plankg {cmd[1]}` does not exist; commands: {sorted(commands)}"
    options = {opt for param in commands[cmd[1]].params for opt in param.opts}
    for flag in (word for word in cmd[2:] if word.startswith("--")):
        assert flag in options, f"`plankg {cmd[1]}` has no option {flag}"
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0", (
        "inside a container the server must listen on all interfaces"
    )


def test_healthcheck_path_answers_200_without_a_store(compose: dict[str, Any]) -> None:
    """The api healthcheck's URL is a real route of plankg.api and answers 200 even while the store is
    down (liveness, not readiness: a restart would not bring Neo4j back)."""
    import asyncio

    import httpx

    from plankg.api import create_app

    def store_down() -> Any:
        raise ConnectionError("no store in this test")

    app = create_app(Settings(_env_file=None), store_factory=store_down)  # type: ignore[call-arg]
    api_check = " ".join(compose["services"]["api"]["healthcheck"]["test"])
    checked = re.search(r"https?://[^/\s']+(/[^\s']*)", api_check)
    assert checked, api_check
    path = checked.group(1)
    assert path in app.openapi()["paths"], f"{path} is not a route of plankg.api"

    async def get() -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://api") as client:
            return (await client.get(path)).status_code

    assert asyncio.run(get()) == 200
