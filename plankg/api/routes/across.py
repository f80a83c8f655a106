"""Questions across plans: the corpus by region and year, a concept's spread, one measure compared,
two plans diffed, a plan's relations to others. Routes translate HTTP; plankg.services.corpus answers.
Registered before the per-resource routers so /indicators/compare is not read as an indicator id."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel

from plankg.api.deps import StoreDep, cached_json
from plankg.api.problems import ProblemError, not_found
from plankg.api.routes._params import Limit, Offset
from plankg.services import corpus
from plankg.services.corpus_models import (
    ConceptPlans,
    ConceptTasksAcross,
    Facet,
    IndicatorComparison,
    PlanDiff,
    PlanPlace,
    PlanRelations,
)

router = APIRouter(tags=["across plans"])

Region = Annotated[
    str | None,
    Query(
        max_length=50,
        description="Division name or code (山东, 370000); plans of its sub-regions are included.",
        examples=["山东"],
    ),
]
Level = Annotated[
    Literal["national", "province", "city", "district"] | None,
    Query(description="Only plans of divisions of this level."),
]
Year = Annotated[int | None, Query(ge=1949, le=2100, description="Only plans whose period covers this year.")]
Plan = Annotated[str | None, Query(max_length=300, description="Only this plan's (plan id).")]
ConceptName = Annotated[
    str, Path(min_length=1, max_length=200, examples=["智慧社区"], description="Concept name or id.")
]
PlanId = Annotated[str, Path(min_length=1, max_length=300, examples=["plan-6fa4e3960993"])]


def _region_problem(exc: corpus.UnknownRegion) -> ProblemError:
    return ProblemError(422, "invalid-parameters", str(exc))


class Corpus(BaseModel):
    plans: list[PlanPlace]
    total: int
    limit: int
    offset: int
    by_region: list[Facet]
    by_year: list[Facet]
    by_level: list[Facet]


@router.get("/corpus", summary="The loaded plans by region and year (filter by region, level, year)")
def corpus_view(
    store: StoreDep,
    region: Region = None,
    level: Level = None,
    year: Year = None,
    limit: Limit = 200,
    offset: Offset = 0,
) -> Corpus:
    places = corpus.plan_places(store)
    try:
        ids = corpus.plans_matching(store, places, region=region, level=level, year=year)
    except corpus.UnknownRegion as exc:
        raise _region_problem(exc) from None
    chosen = sorted((places[i] for i in ids), key=lambda p: (p.region_code or "999999", p.year or 0, p.id))

    def count(values: list[str]) -> list[Facet]:
        return [Facet(value=v, count=c) for v, c in sorted(Counter(values).items())]

    return Corpus(
        plans=chosen[offset : offset + limit],
        total=len(chosen),
        limit=limit,
        offset=offset,
        by_region=count([p.region or corpus.NO_REGION for p in chosen]),
        by_year=count([str(p.year or corpus.NO_YEAR) for p in chosen]),
        by_level=count([p.level or corpus.NO_REGION for p in chosen]),
    )


@router.get(
    "/concepts/{name}/tasks",
    response_model=ConceptTasksAcross,
    summary="Which tasks carry out this concept? (the canonical question, across plans)",
    description="Top-level tasks whose own text, or one of whose sub-tasks, mentions the concept or a "
    "narrower one (BROADER*), most relevant first, each with its evidence; filtered by region (sub-regions "
    "included), level, year and plan, with counts per region, level and period over all matches.",
)
async def concept_tasks(
    request: Request,
    store: StoreDep,
    name: ConceptName,
    region: Region = None,
    level: Level = None,
    year: Year = None,
    plan: Plan = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    def answer() -> ConceptTasksAcross:
        try:
            found = corpus.concept_tasks_across(
                store, name, region=region, level=level, year=year, plan=plan, limit=limit, offset=offset
            )
        except corpus.UnknownRegion as exc:
            raise _region_problem(exc) from None
        if found is None:
            raise not_found("concept", name)
        return found

    key = ("concept_tasks", name, region, level, year, plan, limit, offset)
    return await cached_json(request, key, answer)


@router.get(
    "/concepts/{name}/plans",
    response_model=ConceptPlans,
    summary="Which plans mention this concept, where and when (first year per region)",
)
async def concept_plans(
    request: Request,
    store: StoreDep,
    name: ConceptName,
    region: Region = None,
    level: Level = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Response:
    def answer() -> ConceptPlans:
        try:
            found = corpus.concept_plans(store, name, region=region, level=level, limit=limit, offset=offset)
        except corpus.UnknownRegion as exc:
            raise _region_problem(exc) from None
        if found is None:
            raise not_found("concept", name)
        return found

    return await cached_json(request, ("concept_plans", name, region, level, limit, offset), answer)


@router.get(
    "/indicators/compare",
    summary="The same measure across plans: a table region × target year with values and evidence",
    description="`q` is a measure of the indicator vocabulary (id, name or alternative name: 5G基站, "
    "网上可办率 …) or, failing that, part of an indicator's name. One row per region (paged).",
)
def compare_indicators(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=100, examples=["政务服务网上可办率"])],
    region: Region = None,
    level: Level = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> IndicatorComparison:
    try:
        return corpus.compare_indicators(store, q, region=region, level=level, limit=limit, offset=offset)
    except corpus.UnknownRegion as exc:
        raise _region_problem(exc) from None


@router.get(
    "/plans/{a}/diff/{b}",
    summary="What changed from plan a to plan b: goals, tasks and indicators added, dropped, targets changed",
)
def plan_diff(store: StoreDep, a: PlanId, b: PlanId) -> PlanDiff:
    found = corpus.diff_plans(store, a, b)
    if found is None:
        missing = a if a not in corpus.plan_places(store) else b
        raise not_found("plan", missing)
    return found


@router.get(
    "/plans/{plan_id}/relations",
    summary="What a plan cites, implements and succeeds, and what cites, implements or succeeds it",
)
def plan_relations(store: StoreDep, plan_id: PlanId) -> PlanRelations:
    found = corpus.plan_relations(store, plan_id)
    if found is None:
        raise not_found("plan", plan_id)
    return found
