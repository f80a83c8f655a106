"""The OpenAPI document as committed in docs/openapi.json, generated from the app itself.

`python3 scripts/openapi` rewrites the file; tests/clients/test_openapi_clients.py fails when it drifts.
"""

from __future__ import annotations

import json
from pathlib import Path

from plankg.api.app import create_app
from plankg.settings import Settings

COMMITTED_PATH = Path("docs") / "openapi.json"
REGENERATE_COMMAND = "python3 scripts/openapi"


def _no_store() -> None:
    raise RuntimeError("the OpenAPI document is built without a store")


def openapi_json() -> str:
    """The app's OpenAPI document as stable text (two-space indent, Chinese kept, newline at the end).
    No store is opened: the document depends on the routes and models only."""
    app = create_app(Settings(), store_factory=_no_store)  # type: ignore[arg-type]
    return json.dumps(app.openapi(), ensure_ascii=False, indent=2) + "\n"
