"""The explorer's browser tests: Debian's headless Chromium driven by Selenium, and a `plankg serve` on a
free loopback port. Without chromium/chromedriver/selenium those tests skip, except under CI=true."""

from __future__ import annotations

import os
import shutil
import socket
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WINDOW = (1400, 1000)
WAIT_SECONDS = 20


def _missing_browser() -> list[str]:
    missing = [
        f"{path} (apt-get install chromium chromium-driver)"
        for path in (CHROMIUM, CHROMEDRIVER)
        if not path.exists()
    ]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package (pip install -e '.[test]')")
    return missing


def require_browser() -> None:
    missing = _missing_browser()
    if not missing:
        return
    message = "explorer browser tests need " + ", ".join(missing)
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def plankg_command() -> list[str]:
    script = shutil.which("plankg")
    return [script] if script else [sys.executable, "-c", "from plankg.cli import app; app()"]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    base_url: str
    api: httpx.Client
    seed_text: str
    metrics: dict[str, Any] = field(default_factory=dict)

    def get(self, path: str, **params: Any) -> Any:
        response = self.api.get(path, params=params)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text}"
        return response.json()

    def plan_id(self) -> str:
        plans = self.get("/plans")["items"]
        assert plans, "the seed plan is not loaded"
        return str(plans[0]["id"])

    def source_text(self, plan_id: str) -> str:
        """The plan's source text as the API serves it (GET /plans/{id}/text, as the page reads it)."""
        return str(self.get(f"/plans/{plan_id}/text")["text"])
