"""Dependencies shared by the routes: the store (opened lazily, reopened after an outage), the
settings, the answer cache, and the API key that guards writes."""

from __future__ import annotations

import contextlib
import secrets
import threading
import time
from collections.abc import Callable, Hashable
from typing import Annotated

from fastapi import Depends, Header, Request, Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from plankg.api.problems import ProblemError
from plankg.graph.port import GraphStore, StoreError, StoreUnavailable
from plankg.services.answer_cache import AnswerCache, cached_answer
from plankg.settings import Settings

StoreFactory = Callable[[], GraphStore]


class StoreHolder:
    """Holds the app's one store. A failed open is not cached: the next request tries again (at most
    one attempt per `retry_seconds`), so the API recovers by itself when the store comes back. After a
    request reports the store unreachable, the next request pings it and reopens it if it is dead."""

    def __init__(self, factory: StoreFactory, *, owns_store: bool = True, retry_seconds: float = 0.5) -> None:
        self._factory = factory
        self._owns_store = owns_store
        self._retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._store: GraphStore | None = None
        self._suspect = False
        self._last_failure: str = ""
        self._next_attempt = 0.0

    def get(self) -> GraphStore:
        store = self._store
        if store is not None and not self._suspect:
            return store
        with self._lock:
            if self._store is not None and self._suspect:
                if self._ping(self._store):
                    self._suspect = False
                else:
                    self._drop()
            if self._store is None:
                self._open()
            assert self._store is not None
            return self._store

    def current(self) -> GraphStore | None:
        """The open store when it is trusted, without blocking; None when get() has work to do."""
        store = self._store
        return store if store is not None and not self._suspect else None

    def _ping(self, store: GraphStore) -> bool:
        try:
            return store.ping()
        except StoreError:
            return False

    def _open(self) -> None:
        now = time.monotonic()
        if now < self._next_attempt:
            raise StoreUnavailable(self._last_failure or "the store is not open yet")
        try:
            store = self._factory()
        except Exception as exc:  # a locked file, a refused connection …: unavailable for now
            self._last_failure = str(exc)
            self._next_attempt = time.monotonic() + self._retry_seconds
            raise StoreUnavailable(str(exc)) from exc
        self._store = store
        self._suspect = False

    def _drop(self) -> None:
        store, self._store = self._store, None
        if store is not None and self._owns_store:
            with contextlib.suppress(Exception):  # a dead store may fail to close; it is dropped anyway
                store.close()

    def try_open(self) -> GraphStore | None:
        """Open at start-up if possible; a store that is down only makes /readyz answer 503."""
        try:
            return self.get()
        except StoreUnavailable:
            return None

    def report_failure(self) -> None:
        self._suspect = True

    def close(self) -> None:
        with self._lock:
            self._drop()


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> GraphStore:
    holder: StoreHolder = request.app.state.store_holder
    store = holder.current()
    if store is not None:  # the usual case, answered on the event loop without a thread hop
        return store
    return await run_in_threadpool(holder.get)  # opening or probing a store blocks


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[
        str | None, Header(description="The key set in PLANKG_API_KEY; needed to load or delete plans.")
    ] = None,
) -> None:
    if not settings.api_key:
        raise ProblemError(
            403,
            "writes-disabled",
            "writes are disabled on this server: start it with PLANKG_API_KEY=<secret> and send the "
            "secret in the X-API-Key header",
        )
    if x_api_key is None or not secrets.compare_digest(x_api_key.encode(), settings.api_key.encode()):
        raise ProblemError(
            401,
            "unauthorized",
            "missing or wrong X-API-Key header",
            headers={"WWW-Authenticate": 'ApiKey header="X-API-Key"'},
        )


ApiKeyDep = Depends(require_api_key)


async def cached_json(request: Request, key: Hashable, compute: Callable[[], BaseModel]) -> Response:
    """A hot question's answer through the app's answer cache (plankg.services.answer_cache)."""
    cache: AnswerCache = request.app.state.answer_cache
    return Response(content=await cached_answer(cache, key, compute), media_type="application/json")
