"""Concepts (概念) and the canonical question: which tasks carry out a concept, with evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.routes._params import Limit, Offset
from plankg.services.models import Concept, Page
from plankg.services.reads import read_page

router = APIRouter(prefix="/concepts", tags=["concepts"])


@router.get("", summary="Concepts, most mentioned first")
def list_concepts(
    store: StoreDep,
    candidate: Annotated[
        Literal["true", "false"] | None,
        Query(description="true: only candidates found in documents; false: only the concept scheme's."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Concept]:
    flag = candidate or ""
    rows, count = read_page(
        store, "concepts_page", "concepts_total", candidate=flag, limit=limit, offset=offset
    )
    items = [
        Concept(
            id=row["id"],
            name=row.get("name") or row["id"],
            alt_names=row.get("alt_names") or [],
            candidate=bool(row.get("candidate")),
            mentions=int(row.get("mentions") or 0),
        )
        for row in rows
    ]
    return Page[Concept](items=items, total=count, limit=limit, offset=offset)
