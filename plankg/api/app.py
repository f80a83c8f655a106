"""The FastAPI application: `create_app(settings)` builds it; `plankg serve` runs it with uvicorn.

Each resource has its own router in plankg/api/routes/ (others add theirs — e.g. routes/rdf.py, the page
at "/" — with one more entry in ROUTERS). The store is opened lazily by a StoreHolder: a store that is
down at start-up, or goes down later, only makes requests answer 503 until it is back.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.utils import get_openapi
from fastapi_offline import FastAPIOffline
from starlette.concurrency import run_in_threadpool

from plankg.api.deps import StoreHolder
from plankg.api.limits import BodyLimitMiddleware
from plankg.api.problems import PROBLEM_MEDIA_TYPE, Problem, install_problem_handlers, problem_responses
from plankg.api.routes import (
    across,
    concepts,
    cypher,
    directions,
    goals,
    health,
    indicators,
    neighbourhood,
    ontology,
    page,
    plans,
    rdf,
    search,
    sectors,
    tasks,
)
from plankg.graph.port import GraphStore
from plankg.services.answer_cache import AnswerCache
from plankg.settings import Settings, get_settings

log = logging.getLogger("plankg.api")

try:
    API_VERSION = version("plankg")
except PackageNotFoundError:  # running from a source tree that is not installed
    API_VERSION = "0.0.0"

DESCRIPTION = """\
A knowledge graph of Chinese government plans: 规划 (plans), 目标 (goals), 方向 (directions), 任务 (tasks),
指标 (indicators), 领域 (sectors) and 概念 (concepts), each traced to the text it came from.

The canonical question — *which tasks carry out 智慧社区?* — is `GET /concepts/智慧社区/tasks`.
Every error is RFC 9457 `application/problem+json`. Loading and deleting plans needs `X-API-Key`.
"""

DOCS_ASSETS_PATH = "/docs-assets"  # Swagger UI and ReDoc files, served from the fastapi-offline package

# (router, error statuses every operation of it may answer besides its own)
ROUTERS: list[tuple[APIRouter, tuple[int, ...]]] = [
    (health.router, ()),
    (across.router, (404, 422, 503)),  # first: /indicators/compare before /indicators/{id}
    (plans.router, (404, 422, 503)),
    (goals.router, (404, 422, 503)),
    (directions.router, (404, 422, 503)),
    (tasks.router, (404, 422, 503)),
    (indicators.router, (404, 422, 503)),
    (sectors.router, (404, 422, 503)),
    (concepts.router, (404, 422, 503)),
    (search.router, (422, 503)),
    (neighbourhood.router, (404, 422, 503)),
    (cypher.router, (400, 403, 413, 422, 503, 504)),
    (rdf.router, (404, 422, 503)),
    (ontology.router, ()),
    (page.router, ()),
]


def default_store_factory(settings: Settings) -> Callable[[], GraphStore]:
    def open_configured_store() -> GraphStore:
        from plankg.graph import open_store

        return open_store(settings)

    return open_configured_store


def create_app(
    settings: Settings | None = None,
    *,
    store: GraphStore | None = None,
    store_factory: Callable[[], GraphStore] | None = None,
) -> FastAPI:
    """Build the app. `store`: use this open store (the caller closes it); `store_factory`: how to open
    one; by default the store the settings choose (PLANKG_STORE, PLANKG_DATA_DIR, PLANKG_NEO4J_*)."""
    settings = settings or get_settings()
    if store is not None:
        holder = StoreHolder(lambda: store, owns_store=False)
    else:
        holder = StoreHolder(store_factory or default_store_factory(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        opened = await run_in_threadpool(holder.try_open)
        if opened is None:
            log.warning("the graph store is not reachable yet; requests answer 503 until it is")
        try:
            yield
        finally:
            # The SPARQL workers are forked children of this process: stop them with it, or they
            # would outlive the server (and, before they closed inherited sockets, hold its port).
            sparql = getattr(app.state, "sparql_service", None)
            if sparql is not None:
                await run_in_threadpool(sparql.close)
            await run_in_threadpool(holder.close)

    # FastAPIOffline: FastAPI whose /docs (Swagger UI) and /redoc load their scripts and styles from
    # the fastapi-offline package, not a CDN, so the docs work offline like the explorer page.
    app = FastAPIOffline(
        title="plankg",
        version=API_VERSION,
        description=DESCRIPTION,
        lifespan=lifespan,
        static_url=DOCS_ASSETS_PATH,
    )
    app.state.settings = settings
    app.state.store_holder = holder
    app.state.answer_cache = AnswerCache(settings.answer_cache_seconds)

    install_problem_handlers(app)
    for router, statuses in ROUTERS:
        app.include_router(router, responses=problem_responses(*statuses))

    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_upload_bytes,
        max_query_bytes=settings.max_query_body_bytes,
    )
    if settings.cors_origins:  # off by default: the explorer is served from the same origin
        # added last = outermost: CORS headers go on every answer, the 413 of the body limit included
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
            allow_headers=["*"],
        )
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def create_server_app() -> FastAPI:
    """The app `plankg serve` runs: `create_app` from the environment's settings, and what import and
    start-up allocated (it lives as long as the server) moved out of the garbage collector's reach,
    so a full collection no longer rescans ~100k objects (40–80 ms: the p99 of a question). Not in
    `create_app`, whose callers (tests, embedding applications) may build and drop many apps."""
    app = create_app()
    gc.collect()
    gc.freeze()
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, with every error response documented as application/problem+json."""
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
    problem_content = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                if status.isdigit() and int(status) >= 400:
                    response["content"] = problem_content
                    if status == "422":
                        response["description"] = "Invalid parameters (each listed in `errors`)"
    for unused in ("HTTPValidationError", "ValidationError"):
        components.pop(unused, None)
    app.openapi_schema = schema
    return schema
