"""Tasks (任务): filtered list and detail with parent, sub-tasks, goals, directions, concepts, sectors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services import entities
from plankg.services.models import Page, TaskDetail, TaskSummary

router = APIRouter(prefix="/tasks", tags=["tasks"])

TaskId = Annotated[str, entity_id("plan-6fa4e3960993-task-04-460833")]


def _filter(description: str, example: str) -> Any:
    return Query(max_length=300, description=description, examples=[example])


@router.get("", summary="Tasks matching every filter given, in document order")
def list_tasks(
    store: StoreDep,
    concept: Annotated[
        str | None, _filter("Mentions this concept or a narrower one (id or name).", "智慧社区")
    ] = None,
    sector: Annotated[str | None, _filter("In this sector (id or name).", "交通运输")] = None,
    goal: Annotated[
        str | None, _filter("Supports this goal (id).", "plan-6fa4e3960993-goal-04-40ac87")
    ] = None,
    direction: Annotated[
        str | None,
        _filter("Aligns with this direction (id).", "plan-6fa4e3960993-dir-02-f1babb"),
    ] = None,
    plan: PlanFilter = None,
    q: Annotated[
        str | None, _filter("Contains every word of this text (segmented like search).", "智慧医疗")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[TaskSummary]:
    return entities.list_tasks(
        store,
        concept=concept,
        sector=sector,
        goal=goal,
        direction=direction,
        plan=plan,
        q=q,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{task_id}",
    summary="One task: parent, sub-tasks, goals supported, directions, concepts, sectors, evidence",
)
def get_task(store: StoreDep, task_id: TaskId) -> TaskDetail:
    task = entities.read_task(store, task_id)
    if task is None:
        raise not_found("task", task_id)
    return task
