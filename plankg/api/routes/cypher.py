"""A researcher's own Cypher, read-only: the store runs it in a read-only transaction or connection,
so writes, schema changes and writing procedures are refused by the database itself."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter

from plankg.api.deps import SettingsDep, StoreDep
from plankg.services.models import CypherRequest, CypherResult

router = APIRouter(tags=["cypher"])


def to_json(value: Any) -> Any:
    """Make a store value JSON-safe (stores return dates, decimals, bytes, non-finite floats …)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_json(item) for item in value]
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return value.total_seconds()
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


@router.post(
    "/cypher",
    summary="Run your own read-only Cypher",
    description="The query runs read-only (writes, schema changes and writing procedures are refused by "
    "the store: 403), with the server's time limit (PLANKG_CYPHER_TIMEOUT_SECONDS) and row limit "
    "(PLANKG_CYPHER_ROW_LIMIT; `truncated` says when it cut the answer). Syntax errors and timeouts: 400. "
    "Cypher dialects differ slightly between the embedded store (LadybugDB) and Neo4j.",
)
def run_cypher(store: StoreDep, settings: SettingsDep, request: CypherRequest) -> CypherResult:
    rows, truncated = store.read_only(
        request.query,
        request.parameters,
        timeout_seconds=settings.cypher_timeout_seconds,
        row_limit=settings.cypher_row_limit,
    )
    columns = list(rows[0].keys()) if rows else []
    return CypherResult(
        columns=columns,
        rows=[{str(k): to_json(v) for k, v in row.items()} for row in rows],
        truncated=truncated,
        row_limit=settings.cypher_row_limit,
    )
