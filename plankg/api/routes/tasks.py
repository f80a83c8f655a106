"""Tasks (任务): filtered list and detail with parent, sub-tasks, goals, directions, concepts, sectors."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset, PlanFilter, entity_id
from plankg.services.models import Page, TaskDetail, TaskSummary
from plankg.services.reads import entity_fields, links_by_role, read, read_page
from plankg.services.search import terms_of_query

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
    text = (q or "").strip()
    terms = terms_of_query(text) if text else []
    if text and not terms:  # only punctuation or stop words: nothing can match
        return Page[TaskSummary](items=[], total=0, limit=limit, offset=offset)
    filters = {
        "plan": plan or "",
        "goal": goal or "",
        "direction": direction or "",
        "sector": sector or "",
        "concept": concept or "",
        "q": text,
        "terms": terms or [""],  # never an empty list: LadybugDB cannot type one
    }
    rows, count = read_page(store, "tasks_page", "tasks_total", **filters, limit=limit, offset=offset)
    return Page[TaskSummary](
        items=[TaskSummary(**entity_fields(row), parent_id=row.get("parent_id")) for row in rows],
        total=count,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/{task_id}",
    summary="One task: parent, sub-tasks, goals supported, directions, concepts, sectors, evidence",
)
def get_task(store: StoreDep, task_id: TaskId) -> TaskDetail:
    rows = read(store, "task_by_id", id=task_id)
    if not rows:
        raise not_found("task", task_id)
    links = links_by_role(read(store, "task_links", id=task_id))
    parents = links.get("parent", [])
    subtasks = sorted(
        links.get("subtask", []),
        key=lambda s: (s.evidence.span[0] if s.evidence and s.evidence.span else 1 << 62, s.id),
    )
    return TaskDetail(
        **entity_fields(rows[0]),
        parent_id=rows[0].get("parent_id"),
        parent=parents[0] if parents else None,
        subtasks=subtasks,
        goals=links.get("goal", []),
        directions=links.get("direction", []),
        concepts=links.get("concept", []),
        sectors=links.get("sector", []),
        indicators=links.get("indicator", []),
    )
