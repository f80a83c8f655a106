"""A researcher's own Cypher: reads only, within time, memory and row limits (plankg.graph.guard says
what is allowed and how each backend enforces it)."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Mapping
from typing import Any

from fastapi import APIRouter

from plankg.api.deps import SettingsDep, StoreDep
from plankg.api.models import CypherRequest, CypherResult

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
    description="Reading clauses only (MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, RETURN, ORDER BY, SKIP, "
    "LIMIT, UNION, subqueries), read-only functions and a few schema procedures (embedded: show_tables, "
    "table_info, show_connection; Neo4j: db.labels, db.relationshipTypes, db.propertyKeys, db.schema.*). "
    "The text is NFKC-normalised; Unicode spaces or format characters outside string literals, file or "
    "network access (LOAD, COPY, EXPORT, IMPORT, LOAD CSV), settings (CALL x=…), extensions, "
    "transactions and several statements are refused (403), and so is any statement whose plan, as the "
    "database makes it, holds an operator that is not a plain read. Limits: time "
    "(PLANKG_CYPHER_TIMEOUT_SECONDS; over it: 504), memory (PLANKG_CYPHER_MEMORY_MB and "
    "PLANKG_CYPHER_MAX_ANSWER_MB; over them: 422), rows (PLANKG_CYPHER_ROW_LIMIT; `truncated` says when it "
    "cut the answer). Syntax errors: 400. Cypher dialects differ slightly between the embedded store "
    "(LadybugDB) and Neo4j.",
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
