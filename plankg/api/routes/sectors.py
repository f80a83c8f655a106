"""Sectors (领域): the fields plans' goals, tasks and indicators belong to."""

from __future__ import annotations

from fastapi import APIRouter

from plankg.api.deps import StoreDep
from plankg.api.models import Page, Sector
from plankg.api.reads import read_page
from plankg.api.routes._params import Limit, Offset

router = APIRouter(prefix="/sectors", tags=["sectors"])


@router.get("", summary="Sectors, by name, with their codes and member counts")
def list_sectors(store: StoreDep, limit: Limit = 50, offset: Offset = 0) -> Page[Sector]:
    rows, count = read_page(store, "sectors_page", "sectors_total", limit=limit, offset=offset)
    items = [
        Sector(
            id=row["id"],
            name=row.get("name") or row["id"],
            codes=row.get("codes") or [],
            alt_names=row.get("alt_names") or [],
            members=int(row.get("members") or 0),
        )
        for row in rows
    ]
    return Page[Sector](items=items, total=count, limit=limit, offset=offset)
