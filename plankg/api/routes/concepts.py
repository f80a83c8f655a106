"""Concepts (概念) and the canonical question: which tasks carry out a concept, with evidence."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from plankg.api.deps import StoreDep, cached_json
from plankg.api.problems import not_found
from plankg.api.routes._params import Limit, Offset
from plankg.services.concept_tasks import answer_concept_tasks
from plankg.services.models import Concept, ConceptTasks, Page
from plankg.services.reads import MAX_LIMIT, read_page

router = APIRouter(prefix="/concepts", tags=["concepts"])


@router.get("", summary="Concepts, most mentioned first")
def list_concepts(
    store: StoreDep,
    candidate: Annotated[
        Literal["true", "false"] | None,
        Query(description="true: only candidates found in documents; false: only the concept scheme's."),
    ] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[Concept]:
    flag = candidate or ""
    rows, count = read_page(
        store, "concepts_page", "concepts_total", candidate=flag, limit=limit, offset=offset
    )
    items = [
        Concept(
            id=row["id"],
            name=row.get("name") or row["id"],
            alt_names=row.get("alt_names") or [],
            candidate=bool(row.get("candidate")),
            mentions=int(row.get("mentions") or 0),
        )
        for row in rows
    ]
    return Page[Concept](items=items, total=count, limit=limit, offset=offset)


@router.get(
    "/{name}/tasks",
    response_model=ConceptTasks,
    summary="Which tasks carry out this concept? (the canonical question)",
    description="Top-level tasks whose own text, or one of whose sub-tasks, mentions the concept or a "
    "narrower one (BROADER*), most relevant first, each with the evidence text and its span in the "
    "source document. `name` is the concept's name, an alternative name or its id.",
)
async def concept_tasks(
    request: Request,
    store: StoreDep,
    name: Annotated[
        str, Path(min_length=1, max_length=200, examples=["智慧社区"], description="Concept name or id.")
    ],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Response:
    def answer() -> ConceptTasks:
        found = answer_concept_tasks(store, name, limit=limit, offset=offset)
        if found is None:
            raise not_found("concept", name)
        return found

    return await cached_json(request, ("concept_tasks", name, limit, offset), answer)
