"""Plans, goals, tasks and indicators: the filtered lists and the one-node reads that GET /plans, /goals,
/tasks, /indicators (and their /{id}) answer and the Python API (plankg.connect) returns. A read of an
unknown id answers None; the caller says 404 or raises."""

from __future__ import annotations

from typing import Any

from plankg.graph.port import GraphStore, Row
from plankg.services.models import (
    GoalDetail,
    GoalSummary,
    Indicator,
    IndicatorDetail,
    Page,
    PlanDetail,
    PlanSummary,
    TaskDetail,
    TaskSummary,
)
from plankg.services.reads import entity_fields, evidence, links_by_role, read, read_page
from plankg.services.search import terms_of_query

# ---------------------------------------------------------------- plans


def _plan_row(row: Row) -> dict[str, Any]:
    # plan queries may return columns or one map column named "plan"
    nested = row.get("plan")
    return dict(nested) if isinstance(nested, dict) else dict(row)


def _plan_summary(row: Row) -> PlanSummary:
    data = _plan_row(row)
    return PlanSummary(
        id=data["id"],
        name=data.get("name") or data.get("title") or data["id"],
        title=data.get("title") or data.get("name"),
        region=data.get("region"),
        period_start=data.get("period_start"),
        period_end=data.get("period_end"),
        issuer=data.get("issuer"),
        edition=data.get("edition"),
        source_sha256=data.get("source_sha256"),
        evidence=evidence({k: v for k, v in data.items() if k != "text"}),
    )


def list_plans(store: GraphStore, *, limit: int, offset: int = 0) -> Page[PlanSummary]:
    # plans are few (one per document), so the catalog's `plans` query is paged here
    plans = sorted((_plan_summary(row) for row in read(store, "plans")), key=lambda p: p.id)
    return Page[PlanSummary](
        items=plans[offset : offset + limit], total=len(plans), limit=limit, offset=offset
    )


def read_plan(store: GraphStore, plan_id: str) -> PlanDetail | None:
    rows = read(store, "plan_by_id", plan_id=plan_id)
    if not rows:
        return None
    summary = _plan_summary(rows[0])
    counts = {kind: 0 for kind in ("goals", "directions", "tasks", "indicators")}
    for row in read(store, "plan_counts", id=plan_id):
        counts[row["kind"]] = int(row["total"])
    return PlanDetail(
        **summary.model_dump(), source_path=_plan_row(rows[0]).get("source_path"), counts=counts
    )


# ---------------------------------------------------------------- goals


def list_goals(
    store: GraphStore, *, plan: str | None = None, limit: int, offset: int = 0
) -> Page[GoalSummary]:
    rows, count = read_page(store, "goals_page", "goals_total", plan=plan or "", limit=limit, offset=offset)
    return Page[GoalSummary](
        items=[GoalSummary(**entity_fields(row)) for row in rows], total=count, limit=limit, offset=offset
    )


def read_goal(store: GraphStore, goal_id: str) -> GoalDetail | None:
    rows = read(store, "goal_by_id", id=goal_id)
    if not rows:
        return None
    links = links_by_role(read(store, "goal_links", id=goal_id))
    return GoalDetail(
        **entity_fields(rows[0]),
        indicators=links.get("indicator", []),
        tasks=links.get("task", []),
        sectors=links.get("sector", []),
        concepts=links.get("concept", []),
    )


# ---------------------------------------------------------------- tasks


def list_tasks(
    store: GraphStore,
    *,
    concept: str | None = None,
    sector: str | None = None,
    goal: str | None = None,
    direction: str | None = None,
    plan: str | None = None,
    q: str | None = None,
    limit: int,
    offset: int = 0,
) -> Page[TaskSummary]:
    """Tasks matching every filter given, in document order (`q`: every word of it, segmented like search)."""
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


def read_task(store: GraphStore, task_id: str) -> TaskDetail | None:
    rows = read(store, "task_by_id", id=task_id)
    if not rows:
        return None
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


# ---------------------------------------------------------------- indicators


def _indicator_fields(row: Row) -> dict[str, Any]:
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


def list_indicators(
    store: GraphStore,
    *,
    goal: str | None = None,
    unit: str | None = None,
    kind: str | None = None,
    attribute: str | None = None,
    plan: str | None = None,
    limit: int,
    offset: int = 0,
) -> Page[Indicator]:
    """Indicators matching every filter given, in document order (`kind`: level, change or rate;
    `attribute`: binding or expected)."""
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
            **_indicator_fields(row),
            goal_id=row.get("goal_id"),
            goal_name=row.get("goal_name"),
            task_id=row.get("task_id"),
            task_name=row.get("task_name"),
        )
        for row in rows
    ]
    return Page[Indicator](items=items, total=count, limit=limit, offset=offset)


def read_indicator(store: GraphStore, indicator_id: str) -> IndicatorDetail | None:
    rows = read(store, "indicator_by_id", id=indicator_id)
    if not rows:
        return None
    links = links_by_role(read(store, "indicator_links", id=indicator_id))
    goals, tasks = links.get("goal", []), links.get("task", [])
    return IndicatorDetail(
        **_indicator_fields(rows[0]),
        goal_id=goals[0].id if goals else None,
        goal_name=goals[0].name if goals else None,
        task_id=tasks[0].id if tasks else None,
        task_name=tasks[0].name if tasks else None,
        goals=goals,
        tasks=tasks,
        sectors=links.get("sector", []),
        concepts=links.get("concept", []),
    )
