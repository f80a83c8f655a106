"""Property-based tests of the whole HTTP API against its own OpenAPI schema (schemathesis), on the
embedded store holding the seed plan: no 5xx, every status documented, every body matching its schema
and media type (errors as application/problem+json). Examples are bounded to keep this under a minute
or two on a 2-core machine."""

from __future__ import annotations

import atexit
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from plankg.api import create_app
from plankg.graph import open_store
from plankg.pipeline import load_path
from plankg.settings import Settings
from tests.support.api import API_KEY, api_settings
from tests.support.corpus import SEED_DOCUMENT

MAX_EXAMPLES = 20
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


# The app is built when the module is imported (schemathesis reads its schema then: a pytest fixture
# cannot feed schemathesis.pytest.from_fixture under pytest 9); `seed_plan` then loads the seed into
# the same embedded directory, which the app's store shares.
DATA_DIR = Path(tempfile.mkdtemp(prefix="plankg-schemathesis-"))
atexit.register(shutil.rmtree, DATA_DIR, ignore_errors=True)  # also when the test is deselected
SETTINGS = api_settings(store="embedded", data_dir=DATA_DIR, max_upload_bytes=200_000)  # 413s too
APP = create_app(SETTINGS)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@pytest.fixture(scope="module", autouse=True)
def seed_plan() -> Iterator[None]:
    store = open_store(Settings(store="embedded", data_dir=DATA_DIR))
    load_path(store, SEED_DOCUMENT)
    yield
    APP.state.store_holder.close()
    store.close()


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi_schema(case: schemathesis.Case) -> None:
    case.call_and_validate(checks=CHECKS, headers={"X-API-Key": API_KEY})  # uploads too
