"""How services and routes read: a named query from plankg.queries, its rows shaped into models.

No Cypher is written here or in the API: every read goes through `read` with a query name.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from plankg import queries
from plankg.graph.port import GraphStore, Row
from plankg.services.models import Evidence, LinkedEntity

MAX_LIMIT = 200


def read(store: GraphStore, query_name: str, /, **params: Any) -> list[Row]:
    """The rows of a named query; parameters as keywords."""
    return queries.run(store, query_name, params)


def read_collected(store: GraphStore, query_name: str, column: str, /, **params: Any) -> list[Row]:
    """The rows a named query returns collected as a list of maps in one row's `column`."""
    rows = read(store, query_name, **params)
    return list(rows[0][column]) if rows else []


def total(store: GraphStore, query_name: str, /, **params: Any) -> int:
    rows = read(store, query_name, **params)
    return int(rows[0]["total"]) if rows else 0


def read_page(
    store: GraphStore, page_query: str, total_query: str, /, *, limit: int, offset: int, **filters: Any
) -> tuple[list[Row], int]:
    """One page of a list and its total. The total is counted first and a page past the end is not
    asked for: LadybugDB 0.22 can crash on ORDER BY … SKIP far beyond the last row."""
    count = total(store, total_query, **filters)
    if offset >= count:
        return [], count
    return read(store, page_query, **filters, offset=offset, limit=limit), count


def blank_to_none(value: Any) -> Any:
    return None if value == "" else value


def evidence(row: Mapping[str, Any], prefix: str = "") -> Evidence | None:
    """Evidence from a row's doc_id, span_start, span_end and text columns (optionally prefixed)."""
    start = row.get(f"{prefix}span_start")
    end = row.get(f"{prefix}span_end")
    document = row.get(f"{prefix}doc_id")
    text = blank_to_none(row.get(f"{prefix}text"))
    if start is None or end is None:
        return Evidence(document=document, span=None, text=None) if document else None
    return Evidence(document=document, span=(int(start), int(end)), text=text)


def linked(row: Mapping[str, Any]) -> LinkedEntity:
    link_start, link_end = row.get("link_start"), row.get("link_end")
    return LinkedEntity(
        id=row["id"],
        name=row.get("name") or row["id"],
        text=blank_to_none(row.get("text")),
        plan_id=row.get("plan_id"),
        score=row.get("score"),
        method=row.get("method"),
        link_span=(int(link_start), int(link_end))
        if link_start is not None and link_end is not None
        else None,
        evidence=evidence(row),
    )


def links_by_role(rows: list[Row]) -> dict[str, list[LinkedEntity]]:
    """Group a *_links query's rows by role, best score first, then in document order."""
    grouped: dict[str, list[tuple[Row, LinkedEntity]]] = {}
    for row in rows:
        grouped.setdefault(row["role"], []).append((row, linked(row)))
    return {
        role: [
            entity
            for _, entity in sorted(
                pairs,
                key=lambda pair: (
                    -(pair[1].score if pair[1].score is not None else 0.0),
                    pair[0].get("span_start") if pair[0].get("span_start") is not None else 1 << 62,
                    pair[1].id,
                ),
            )
        ]
        for role, pairs in grouped.items()
    }


def entity_fields(row: Mapping[str, Any]) -> dict[str, Any]:
    """The common fields of a goal, direction or task row."""
    return {
        "id": row["id"],
        "name": row.get("name") or row["id"],
        "text": row.get("text"),
        "plan_id": row.get("plan_id"),
        "order": row.get("order"),
        "evidence": evidence(row),
    }
