"""RFC 9457 problem details: every error the API answers is application/problem+json.

Routes raise `ProblemError` (or a store error); the handlers registered by `install_problem_handlers`
turn those, FastAPI's validation errors, Starlette's 404/405 and anything unexpected into one shape:
{"type", "title", "status", "detail", "instance"} (+ "errors" for validation problems).
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse

from plankg.graph.port import (
    InvalidGraph,
    QueryFailed,
    QueryTimedOut,
    QueryTooCostly,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
)

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "https://w3id.org/plankg/problems/"

log = logging.getLogger("plankg.api")


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = Field(description="URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str | None = Field(default=None, description="What went wrong this time, and how to fix it.")
    instance: str | None = Field(default=None, description="The request path that had the problem.")
    errors: list[dict[str, Any]] | None = Field(
        default=None, description="Each invalid parameter (422 only)."
    )


class ProblemError(Exception):
    """Raise from a route to answer with a problem: status, a slug naming the kind, and the detail."""

    def __init__(self, status: int, slug: str, detail: str, *, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail
        self.headers = headers


def not_found(kind: str, key: str) -> ProblemError:
    return ProblemError(404, "not-found", f"no {kind} with id or name {key!r}")


def problem_response(
    request: Request,
    status: int,
    slug: str,
    detail: str | None,
    *,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> JSONResponse:
    problem = Problem(
        type=PROBLEM_TYPE_BASE + slug,
        title=_title(status),
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


_SLUG_BY_STATUS = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    413: "content-too-large",
    415: "unsupported-media-type",
    422: "invalid-parameters",
    500: "internal-error",
    503: "store-unavailable",
}


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(request, exc.status, exc.slug, exc.detail, headers=exc.headers)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"no route {request.method} {request.url.path}; see /docs for the API"
        elif exc.status_code == 405:
            detail = f"{request.method} is not allowed on {request.url.path}"
        slug = _SLUG_BY_STATUS.get(exc.status_code, "http-error")
        return problem_response(request, exc.status_code, slug, detail, headers=dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": list(err.get("loc", ())), "msg": err.get("msg", ""), "type": err.get("type", "")}
            for err in exc.errors()
        ]
        summary = (
            "; ".join(f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in errors)
            or "invalid request"
        )
        return problem_response(request, 422, "invalid-parameters", summary, errors=jsonable_encoder(errors))

    @app.exception_handler(StoreUnavailable)
    async def _unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        holder = getattr(request.app.state, "store_holder", None)
        if holder is not None:
            holder.report_failure()
        return problem_response(
            request,
            503,
            "store-unavailable",
            f"the graph store cannot be reached: {exc}; try again shortly",
            headers={"Retry-After": "2"},
        )

    @app.exception_handler(ReadOnlyViolation)
    async def _read_only(request: Request, exc: ReadOnlyViolation) -> JSONResponse:
        return problem_response(
            request,
            403,
            "read-only",
            f"this endpoint only reads; the store refused a write: {exc}",
        )

    @app.exception_handler(QueryTimedOut)
    async def _query_timed_out(request: Request, exc: QueryTimedOut) -> JSONResponse:
        return problem_response(request, 504, "query-timeout", str(exc))

    @app.exception_handler(QueryTooCostly)
    async def _query_too_costly(request: Request, exc: QueryTooCostly) -> JSONResponse:
        return problem_response(request, 422, "query-too-costly", str(exc))

    @app.exception_handler(QueryFailed)
    async def _query_failed(request: Request, exc: QueryFailed) -> JSONResponse:
        return problem_response(request, 400, "query-failed", f"the store refused the query: {exc}")

    @app.exception_handler(InvalidGraph)
    async def _invalid_graph(request: Request, exc: InvalidGraph) -> JSONResponse:
        return problem_response(
            request, 422, "invalid-graph", f"the document's graph was refused, nothing written: {exc}"
        )

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.exception("store error on %s", request.url.path, exc_info=exc)
        return problem_response(request, 500, "store-error", f"the graph store failed: {exc}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return problem_response(
            request, 500, "internal-error", f"unexpected {type(exc).__name__}; see the server log"
        )


_DESCRIPTIONS = {
    400: "Malformed request body, or the store refused the query (syntax, semantics, time limit)",
    401: "Missing or wrong X-API-Key",
    403: "Forbidden: writes disabled on this server, or a write attempted through a read-only endpoint",
    404: "No such resource",
    413: "Request body too large",
    422: "Invalid parameters or unreadable document",
    503: "The graph store cannot be reached; try again shortly",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these error statuses; plankg.api.app documents them all as
    application/problem+json with the Problem schema."""
    return {
        status: {"description": _DESCRIPTIONS.get(status, _title(status)), "model": Problem}
        for status in statuses
    }
