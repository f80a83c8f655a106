"""Indicators (指标): quantified targets, filtered by goal, unit and plan."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.models import Indicator, Page
from plankg.api.reads import evidence, read_page
from plankg.api.routes._params import Limit, Offset, PlanFilter

router = APIRouter(prefix="/indicators", tags=["indicators"])


@router.get("", summary="Indicators matching every filter given, in document order")
def list_indicators(
    store: StoreDep,
    goal: Annotated[
        str | None,
        Query(
            max_length=300,
            description="Measures this goal (id).",
            examples=["plan-6fa4e3960993-goal-04-40ac87"],
        ),
    ] = None,
    unit: Annotated[
        str | None, Query(max_length=50, description="Unit as written or normalised.", examples=["万户"])
    ] = None,
    plan: PlanFilter = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Indicator]:
    filters = {"plan": plan or "", "goal": goal or "", "unit": unit or ""}
    rows, count = read_page(
        store, "indicators_page", "indicators_total", **filters, limit=limit, offset=offset
    )
    items = [
        Indicator(
            id=row["id"],
            name=row.get("name") or row["id"],
            text=row.get("text"),
            plan_id=row.get("plan_id"),
            value=row.get("value"),
            unit=row.get("unit"),
            comparator=row.get("comparator"),
            baseline=row.get("baseline"),
            target_year=row.get("target_year"),
            normalized_value=row.get("normalized_value"),
            normalized_unit=row.get("normalized_unit"),
            goal_id=row.get("goal_id"),
            task_id=row.get("task_id"),
            evidence=evidence(row),
        )
        for row in rows
    ]
    return Page[Indicator](items=items, total=count, limit=limit, offset=offset)
