"""Goals (目标): list and detail with indicators, supporting tasks and evidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services import entities
from plankg.services.models import GoalDetail, GoalSummary, Page

router = APIRouter(prefix="/goals", tags=["goals"])

GoalId = Annotated[str, entity_id("plan-6fa4e3960993-goal-04-40ac87")]


@router.get("", summary="Goals, in document order")
def list_goals(
    store: StoreDep, plan: PlanFilter = None, limit: Limit = 20, offset: Offset = 0
) -> Page[GoalSummary]:
    return entities.list_goals(store, plan=plan, limit=limit, offset=offset)


@router.get("/{goal_id}", summary="One goal: its indicators, the tasks that support it, its evidence")
def get_goal(store: StoreDep, goal_id: GoalId) -> GoalDetail:
    goal = entities.read_goal(store, goal_id)
    if goal is None:
        raise not_found("goal", goal_id)
    return goal
