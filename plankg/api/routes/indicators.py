"""Indicators (指标): quantified targets, filtered by goal, unit and plan; one with what it measures."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services import entities
from plankg.services.models import Indicator, IndicatorDetail, Page

router = APIRouter(prefix="/indicators", tags=["indicators"])

IndicatorId = Annotated[str, entity_id("plan-6fa4e3960993-ind-29eb7d09")]


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
    return entities.list_indicators(
        store, goal=goal, unit=unit, kind=kind, attribute=attribute, plan=plan, limit=limit, offset=offset
    )


@router.get(
    "/{indicator_id}",
    summary="One indicator: its target, the goal or task it measures, its sectors, concepts and evidence",
)
def get_indicator(store: StoreDep, indicator_id: IndicatorId) -> IndicatorDetail:
    indicator = entities.read_indicator(store, indicator_id)
    if indicator is None:
        raise not_found("indicator", indicator_id)
    return indicator
