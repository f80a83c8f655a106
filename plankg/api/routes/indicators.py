"""Indicators (指标): quantified targets, filtered by goal, unit and plan; one with what it measures."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.graph.port import Row
from plankg.services.models import Indicator, IndicatorDetail, Page
from plankg.services.reads import evidence, links_by_role, read, read_page

router = APIRouter(prefix="/indicators", tags=["indicators"])

IndicatorId = Annotated[str, entity_id("plan-6fa4e3960993-ind-29eb7d09")]


def _fields(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "name": row.get("name") or row["id"],
        "text": row.get("text"),
        "plan_id": row.get("plan_id"),
        "value": row.get("value"),
        "unit": row.get("unit"),
        "comparator": row.get("comparator"),
        "baseline": row.get("baseline"),
        "target_year": row.get("target_year"),
        "normalized_value": row.get("normalized_value"),
        "normalized_unit": row.get("normalized_unit"),
        "target_kind": row.get("target_kind"),
        "direction": row.get("direction"),
        "baseline_year": row.get("baseline_year"),
        "attribute": row.get("attribute"),
        "evidence": evidence(row),
    }


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
    kind: Annotated[
        Literal["level", "change", "rate"] | None,
        Query(description="Kind of target: a level, a change over the period, a rate per year."),
    ] = None,
    attribute: Annotated[
        Literal["binding", "expected"] | None,
        Query(description="指标属性: binding (约束性) or expected (预期性)."),
    ] = None,
    plan: PlanFilter = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[Indicator]:
    filters = {
        "plan": plan or "",
        "goal": goal or "",
        "unit": unit or "",
        "kind": kind or "",
        "attribute": attribute or "",
    }
    rows, count = read_page(
        store, "indicators_page", "indicators_total", **filters, limit=limit, offset=offset
    )
    items = [
        Indicator(
            **_fields(row),
            goal_id=row.get("goal_id"),
            goal_name=row.get("goal_name"),
            task_id=row.get("task_id"),
            task_name=row.get("task_name"),
        )
        for row in rows
    ]
    return Page[Indicator](items=items, total=count, limit=limit, offset=offset)


@router.get(
    "/{indicator_id}",
    summary="One indicator: its target, the goal or task it measures, its sectors, concepts and evidence",
)
def get_indicator(store: StoreDep, indicator_id: IndicatorId) -> IndicatorDetail:
    rows = read(store, "indicator_by_id", id=indicator_id)
    if not rows:
        raise not_found("indicator", indicator_id)
    links = links_by_role(read(store, "indicator_links", id=indicator_id))
    goals, tasks = links.get("goal", []), links.get("task", [])
    return IndicatorDetail(
        **_fields(rows[0]),
        goal_id=goals[0].id if goals else None,
        goal_name=goals[0].name if goals else None,
        task_id=tasks[0].id if tasks else None,
        task_name=tasks[0].name if tasks else None,
        goals=goals,
        tasks=tasks,
        sectors=links.get("sector", []),
        concepts=links.get("concept", []),
    )
