"""Directions (方向): list and detail with aligned tasks."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services.models import DirectionDetail, DirectionSummary, Page
from plankg.services.reads import entity_fields, links_by_role, read, read_page

router = APIRouter(prefix="/directions", tags=["directions"])

DirectionId = Annotated[str, entity_id("plan-6fa4e3960993-dir-02-f1babb")]


@router.get("", summary="Directions, in document order")
def list_directions(
    store: StoreDep, plan: PlanFilter = None, limit: Limit = 20, offset: Offset = 0
) -> Page[DirectionSummary]:
    rows, count = read_page(
        store, "directions_page", "directions_total", plan=plan or "", limit=limit, offset=offset
    )
    return Page[DirectionSummary](
        items=[DirectionSummary(**entity_fields(row)) for row in rows],
        total=count,
        limit=limit,
        offset=offset,
    )


@router.get("/{direction_id}", summary="One direction: the tasks aligned with it, its evidence")
def get_direction(store: StoreDep, direction_id: DirectionId) -> DirectionDetail:
    rows = read(store, "direction_by_id", id=direction_id)
    if not rows:
        raise not_found("direction", direction_id)
    links = links_by_role(read(store, "direction_links", id=direction_id))
    return DirectionDetail(
        **entity_fields(rows[0]), tasks=links.get("task", []), concepts=links.get("concept", [])
    )
