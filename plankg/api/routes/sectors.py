"""Sectors (领域): the fields plans' goals, tasks and indicators belong to; one with its members."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset
from plankg.graph.port import Row
from plankg.services.models import LinkedEntity, Page, Sector, SectorDetail
from plankg.services.reads import MAX_LIMIT, linked, read, read_page

router = APIRouter(prefix="/sectors", tags=["sectors"])


def _sector(row: Row) -> Sector:
    return Sector(
        id=row["id"],
        name=row.get("name") or row["id"],
        codes=row.get("codes") or [],
        alt_names=row.get("alt_names") or [],
        members=int(row.get("members") or 0),
    )


@router.get("", summary="Sectors, by name, with their codes and member counts")
def list_sectors(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page[Sector]:
    rows, count = read_page(store, "sectors_page", "sectors_total", limit=limit, offset=offset)
    return Page[Sector](items=[_sector(row) for row in rows], total=count, limit=limit, offset=offset)


@router.get(
    "/{sector_id}",
    summary="One sector: its codes and the goals, tasks and indicators in it, of every plan",
    description="`sector_id` is the sector's id or, failing that, its name. Each list holds at most "
    "`limit` members, in plan and document order, each with its plan and the link's score, method and "
    "span; `truncated` says whether a list was cut short (`members` counts them all).",
)
def get_sector(
    store: StoreDep,
    sector_id: Annotated[
        str,
        Path(min_length=1, max_length=300, description="The sector's id or name.", examples=["交通运输"]),
    ],
    limit: Annotated[
        int, Query(ge=1, le=MAX_LIMIT, description=f"Most members of each kind, at most {MAX_LIMIT}.")
    ] = 100,
) -> SectorDetail:
    rows = read(store, "sector_by_id", id=sector_id)
    if not rows:
        raise not_found("sector", sector_id)
    sector = _sector(rows[0])
    # one more than asked: a list that comes back longer than limit was cut
    rows = read(store, "sector_links", id=sector.id, limit=limit + 1)
    rows.sort(key=lambda row: (row.get("plan_id") or "", _span_or_last(row), row["id"]))
    lists: dict[str, list[LinkedEntity]] = {"goal": [], "task": [], "indicator": []}
    for row in rows:
        lists[row["role"]].append(linked(row))
    return SectorDetail(
        **sector.model_dump(),
        goals=lists["goal"][:limit],
        tasks=lists["task"][:limit],
        indicators=lists["indicator"][:limit],
        truncated=any(len(members) > limit for members in lists.values()),
    )


def _span_or_last(row: Row) -> int:
    start = row.get("span_start")
    return int(start) if start is not None else 1 << 62
