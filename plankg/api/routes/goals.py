"""Goals (目标): list and detail with indicators, supporting tasks and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services.models import GoalDetail, GoalSummary, Page
from plankg.services.reads import entity_fields, links_by_role, read, read_page

router = APIRouter(prefix="/goals", tags=["goals"])

GoalId = Annotated[str, entity_id("plan-6fa4e3960993-goal-04-40ac87")]


@router.get("", summary="Goals, in document order")
def list_goals(
    store: StoreDep, plan: PlanFilter = None, limit: Limit = 20, offset: Offset = 0
) -> Page[GoalSummary]:
    rows, count = read_page(store, "goals_page", "goals_total", plan=plan or "", limit=limit, offset=offset)
    return Page[GoalSummary](
        items=[GoalSummary(**entity_fields(row)) for row in rows],
        total=count,
        limit=limit,
        offset=offset,
    )


@router.get("/{goal_id}", summary="One goal: its indicators, the tasks that support it, its evidence")
def get_goal(store: StoreDep, goal_id: GoalId) -> GoalDetail:
    rows = read(store, "goal_by_id", id=goal_id)
    if not rows:
        raise not_found("goal", goal_id)
    links = links_by_role(read(store, "goal_links", id=goal_id))
    return GoalDetail(
        **entity_fields(rows[0]),
        indicators=links.get("indicator", []),
        tasks=links.get("task", []),
        sectors=links.get("sector", []),
        concepts=links.get("concept", []),
    )
