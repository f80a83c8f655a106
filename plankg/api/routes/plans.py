"""Plans: list, read, their source text and whole picture, load documents (POST, multipart upload),
delete. Writes need X-API-Key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response, status
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile as StarletteUploadFile

from plankg.api.deps import ApiKeyDep, StoreDep, cached_json
from plankg.api.models import PlanFileResult, PlanLoadResult, PlanLoadResults
from plankg.api.problems import ProblemError, not_found, problem_responses
from plankg.graph.port import GraphStore
from plankg.pipeline import DocumentResult, Failure, Status, load_upload
from plankg.services import entities
from plankg.services.models import (
    Page,
    PlanDetail,
    PlanPicture,
    PlanSummary,
    PlanText,
)
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


# The body is parsed in the route, not declared as a File parameter: FastAPI reads declared bodies
# before any dependency runs, and the API key must be checked before a (possibly huge) upload is read.
UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "A plan document, e.g. 青岛市信息化十三五发展规划.txt "
                            "(repeat the field for several).",
                        },
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Several plan documents.",
                        },
                    },
                }
            }
        },
    }
}
MAX_FILES_PER_UPLOAD = 1000
SINGLE_FAILURE_STATUS = {
    Failure.UNREADABLE: (422, "unreadable-document"),
    Failure.INVALID: (422, "invalid-document"),
    Failure.TOO_LARGE: (413, "document-too-large"),
    Failure.COLLISION: (409, "plan-collision"),
    Failure.INTERNAL: (500, "internal-error"),
}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    dependencies=[ApiKeyDep],
    summary="Load plan documents (extract and store them)",
    description="Upload .txt, .md, .html, .docx or .pdf plan documents as multipart field `file` (repeated "
    "for several) or `files`. Each is read, extracted and written in its own transaction, replacing an "
    "older version of the same plan. One file: 201 loaded; 200 the same document was already loaded, "
    "nothing written; 413 over the document size limit; 422 unreadable (the reason is in `detail`); "
    "409 a different document already holds the plan id it maps to (`replace=true` replaces it). "
    "A document that is not a plan (a regulation, a reply letter …) is 422 `not-a-plan` unless "
    "`force=true`. Several files: 200 with one result per file (`loaded`, `unchanged`, `skipped`, "
    "`failed` and why). "
    "The key is checked before the body is read.",
    responses={
        200: {
            "description": "Already loaded, nothing written; or one result per file",
            "model": PlanLoadResults,
        },
        **problem_responses(400, 401, 403, 409, 413),
    },
    openapi_extra=UPLOAD_BODY,
)
async def load_plan(
    request: Request,
    store: StoreDep,
    response: Response,
    force: Annotated[
        bool, Query(description="Load the document even when it is not a plan (a 条例, 批复, 复函 …).")
    ] = False,
    replace: Annotated[
        bool, Query(description="Let a different document replace the plan whose id it maps to.")
    ] = False,
) -> PlanLoadResult | PlanLoadResults:
    form = await request.form(max_files=MAX_FILES_PER_UPLOAD)
    single = form.getlist("file")
    uploads = [item for item in (*single, *form.getlist("files")) if isinstance(item, StarletteUploadFile)]
    if not uploads:
        detail = "send the document as multipart field `file` (or several as `files`)"
        raise ProblemError(422, "no-file", detail)
    results = []
    for upload in uploads:
        data = await upload.read()
        filename = upload.filename or "upload.txt"
        loaded = await run_in_threadpool(load_upload, store, data, filename, any_genre=force, replace=replace)
        results.append(loaded)
    if any(result.status is Status.LOADED for result in results):
        request.app.state.answer_cache.clear()  # answers cached before the load may be stale now
    if len(uploads) == 1 and len(single) == 1:
        return await _single_answer(store, response, results[0])
    response.status_code = status.HTTP_200_OK
    return PlanLoadResults(
        items=[_file_result(result) for result in results],
        counts={state.value: sum(r.status is state for r in results) for state in Status},
    )


async def _single_answer(store: GraphStore, response: Response, result: DocumentResult) -> PlanLoadResult:
    """One uploaded file: the plan as stored, or the problem that stopped it."""
    if result.status is Status.FAILED and result.failure is not None:
        code, slug = SINGLE_FAILURE_STATUS[result.failure]
        raise ProblemError(code, slug, f"{result.path}: {result.reason}")
    if result.outcome is None:  # skipped: not a plan
        raise ProblemError(
            422, "not-a-plan", f"{result.path}: {result.reason}; add ?force=true to load it anyway"
        )
    outcome = result.outcome
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


def _file_result(result: DocumentResult) -> PlanFileResult:
    outcome = result.outcome
    return PlanFileResult(
        filename=result.path,
        status=result.status.value,
        reason=result.reason,
        plan_id=outcome.plan_id if outcome else None,
        title=outcome.title if outcome else None,
        nodes=outcome.nodes if outcome else 0,
        relationships=outcome.relationships if outcome else 0,
        warnings=list(outcome.warnings) if outcome else [],
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
