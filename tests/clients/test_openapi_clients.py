"""Typed clients: the committed OpenAPI document is the app's own, and the TypeScript types generated from
it with openapi-typescript type-check a frontend's call of /concepts/{name}/tasks (tsc --noEmit)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plankg.api.openapi_document import COMMITTED_PATH, REGENERATE_COMMAND, openapi_json
from tests.support.corpus import REPO

CLIENT = REPO / "clients" / "typescript"


def test_committed_openapi_document_is_the_apps() -> None:
    committed = (REPO / COMMITTED_PATH).read_text(encoding="utf-8")
    assert committed == openapi_json(), (
        f"{COMMITTED_PATH} has drifted from the app; regenerate it with: {REGENERATE_COMMAND}"
    )
    paths = json.loads(committed)["paths"]
    assert "/concepts/{name}/tasks" in paths and "/plans/{plan_id}/graph" in paths


def _npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        message = "npm is not installed: the TypeScript client types cannot be checked"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return npm


def _run(npm: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([npm, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def client_copy(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """The client package laid out as in the checkout (docs/openapi.json two levels up), installed from
    its lock file and with the types generated, in a temporary folder."""
    npm = _npm()
    root = tmp_path_factory.mktemp("clients")
    (root / "docs").mkdir()
    shutil.copy(REPO / COMMITTED_PATH, root / COMMITTED_PATH)
    package = root / "clients" / "typescript"
    shutil.copytree(CLIENT, package, ignore=shutil.ignore_patterns("node_modules", "schema.d.ts"))
    for step in (("ci", "--no-audit", "--no-fund"), ("run", "generate")):
        result = _run(npm, package, *step)
        assert result.returncode == 0, f"npm {' '.join(step)} failed:\n{result.stdout}\n{result.stderr}"
    assert "ConceptTasks" in (package / "src" / "schema.d.ts").read_text(encoding="utf-8")
    return npm, package


def test_generated_types_check_the_frontend_example(client_copy: tuple[str, Path]) -> None:
    npm, package = client_copy
    result = _run(npm, package, "run", "check")
    assert result.returncode == 0, f"tsc --noEmit failed:\n{result.stdout}\n{result.stderr}"


def test_tsc_refuses_a_field_the_api_does_not_have(client_copy: tuple[str, Path]) -> None:
    """The types are real: a misspelt field of the answer and a wrong path both fail to compile."""
    npm, package = client_copy
    wrong = package / "src" / "wrong.ts"
    wrong.write_text(
        'import type { paths } from "./schema";\n'
        'import { tasksSupporting } from "./example";\n'
        'export const name = tasksSupporting("智慧社区").then((a) => a.items[0]?.task.nmae);\n'
        'export type Missing = paths["/concepts/{name}/task"];\n',
        encoding="utf-8",
    )
    try:
        result = _run(npm, package, "run", "check")
    finally:
        wrong.unlink()
    assert result.returncode != 0
    assert "nmae" in result.stdout and "/concepts/{name}/task" in result.stdout, result.stdout
