"""Plans: list, read, their source text and whole picture, load a document (POST, multipart upload),
delete. Writes need X-API-Key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Path, Query, Request, Response, UploadFile, status
from starlette.concurrency import run_in_threadpool

from plankg.api.deps import ApiKeyDep, StoreDep, cached_json
from plankg.api.problems import ProblemError, not_found, problem_responses
from plankg.services import entities
from plankg.services.models import Page, PlanDetail, PlanLoadResult, PlanPicture, PlanSummary, PlanText
from plankg.services.plan_picture import MAX_PICTURE_NODES, plan_picture
from plankg.services.reads import MAX_LIMIT, read

router = APIRouter(prefix="/plans", tags=["plans"])

PlanId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=300,
        description="The plan's id.",
        examples=["plan-6fa4e3960993"],
    ),
]


@router.get("", summary="Plans in the graph")
def list_plans(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> Page[PlanSummary]:
    return entities.list_plans(store, limit=limit, offset=offset)


@router.get("/{plan_id}", summary="One plan, with how many goals, directions, tasks, indicators it holds")
def get_plan(store: StoreDep, plan_id: PlanId) -> PlanDetail:
    plan = entities.read_plan(store, plan_id)
    if plan is None:
        raise not_found("plan", plan_id)
    return plan


@router.get(
    "/{plan_id}/text",
    summary="The plan's whole source text, decoded: every evidence span of the plan indexes into it",
    description="`text[span[0]:span[1]]` is the evidence text of each of the plan's goals, directions, "
    "tasks, indicators and links (spans count Unicode code points). 404 when the plan is unknown or "
    "was loaded without its text.",
)
def get_plan_text(store: StoreDep, plan_id: PlanId) -> PlanText:
    rows = read(store, "plan_text", plan_id=plan_id)
    if not rows:
        raise not_found("plan", plan_id)
    text = rows[0].get("text")
    if not isinstance(text, str):
        raise ProblemError(404, "no-source-text", f"plan {plan_id!r} was loaded without its source text")
    return PlanText(plan=plan_id, document=rows[0].get("doc_id"), text=text)


@router.get(
    "/{plan_id}/graph",
    response_model=PlanPicture,
    summary="The whole plan as a picture (Cytoscape.js elements)",
    description="The plan, its goals, directions, tasks, sub-tasks and indicators and the links between "
    "them; with `vocabulary=true` also the concepts and sectors they mention or belong to. At most "
    "`limit` nodes: the plan's own come first (plan, goals, directions, tasks, indicators, sub-tasks, "
    "each in document order), then the most linked concepts and sectors; `truncated` says whether any "
    "were left out.",
)
async def get_plan_picture(
    request: Request,
    store: StoreDep,
    plan_id: PlanId,
    vocabulary: Annotated[bool, Query(description="Also the concepts and sectors of its nodes.")] = False,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PICTURE_NODES, description=f"At most {MAX_PICTURE_NODES} nodes.")
    ] = 500,
) -> Response:
    def answer() -> PlanPicture:
        found = plan_picture(store, plan_id, vocabulary=vocabulary, limit=limit)
        if found is None:
            raise not_found("plan", plan_id)
        return found

    return await cached_json(request, ("plan_picture", plan_id, vocabulary, limit), answer)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ApiKeyDep],
    summary="Load a plan document (extract and store it)",
    description="Upload a .txt, .md, .html, .docx or .pdf plan document as multipart field `file`. "
    "It is read, extracted and written in one transaction, replacing an older version of the same plan. "
    "201: loaded; 200: the same document was already loaded, nothing written; "
    "422: the document cannot be read, or is not a plan (a regulation, a reply letter …; `force=true` "
    "loads it anyway) — the reason is in `detail`.",
    responses={
        200: {"description": "Already loaded; nothing written", "model": PlanLoadResult},
        **problem_responses(400, 401, 403, 413),
    },
)
async def load_plan(
    request: Request,
    store: StoreDep,
    response: Response,
    file: Annotated[UploadFile, File(description="The plan document, e.g. 青岛市信息化十三五发展规划.txt")],
    force: Annotated[
        bool, Query(description="Load the document even when it is not a plan (a 条例, 批复, 复函 …).")
    ] = False,
) -> PlanLoadResult:
    from plankg.loaders import DocumentReadError
    from plankg.pipeline import load_bytes

    data = await file.read()
    filename = file.filename or "upload.txt"
    try:
        outcome = await run_in_threadpool(load_bytes, store, data, filename, any_genre=force)
    except DocumentReadError as exc:
        raise ProblemError(422, "unreadable-document", str(exc)) from exc
    if outcome.skipped is not None:
        raise ProblemError(
            422, "not-a-plan", f"{filename}: {outcome.skipped}; add ?force=true to load it anyway"
        )
    request.app.state.answer_cache.clear()  # answers cached before the load may be stale now
    plan = await run_in_threadpool(entities.read_plan, store, outcome.plan_id)
    if plan is None:  # written, yet not readable: the store is inconsistent
        raise ProblemError(500, "internal-error", f"plan {outcome.plan_id!r} was written but cannot be read")
    if not outcome.changed:
        response.status_code = status.HTTP_200_OK
    return PlanLoadResult(
        plan=plan,
        changed=outcome.changed,
        nodes=outcome.nodes,
        relationships=outcome.relationships,
        warnings=list(outcome.warnings),
    )


@router.delete(
    "/{plan_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    dependencies=[ApiKeyDep],
    summary="Delete a plan and everything it owns (shared concepts and sectors stay)",
    responses=problem_responses(401, 403),
)
def delete_plan(request: Request, store: StoreDep, plan_id: PlanId) -> Response:
    deleted = store.delete_plan(plan_id)
    request.app.state.answer_cache.clear()
    if not deleted:
        raise not_found("plan", plan_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
