"""Liveness and readiness: /healthz says the process answers, /readyz that the store does too."""

from __future__ import annotations

from fastapi import APIRouter, Request

from plankg.api.deps import StoreHolder
from plankg.api.models import Health, Readiness
from plankg.api.problems import ProblemError, problem_responses
from plankg.graph.port import StoreError

router = APIRouter(tags=["health"])


@router.get("/healthz", summary="The process is up")
def healthz() -> Health:
    return Health(status="ok")


@router.get(
    "/readyz",
    summary="The store is reachable and its schema applied",
    responses=problem_responses(503),
)
def readyz(request: Request) -> Readiness:
    holder: StoreHolder = request.app.state.store_holder
    store = holder.get()  # StoreUnavailable → 503
    try:
        reachable = store.ping()
        applied = reachable and store.schema_applied()
    except StoreError as exc:
        holder.report_failure()
        raise ProblemError(503, "store-unavailable", f"the graph store does not answer: {exc}") from exc
    if not reachable:
        holder.report_failure()
        raise ProblemError(503, "store-unavailable", "the graph store does not answer a trivial query")
    if not applied:
        raise ProblemError(
            503,
            "schema-missing",
            "the graph store has no plankg schema yet: run `plankg init` or load a plan",
        )
    return Readiness(status="ready", backend=store.backend, schema_applied=True)
