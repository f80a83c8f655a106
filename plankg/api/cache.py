"""A short-lived cache of serialized answers for the hot read endpoints (the canonical question,
search, neighbourhoods), so repeated questions cost a dictionary lookup instead of store queries.

Entries live `Settings.answer_cache_seconds`; loading or deleting a plan through the API clears them at
once, so only writes made outside this process (another API instance on Neo4j, `plankg load`) can be
seen late, by at most that long. Errors are never cached.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable

from fastapi import Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

MAX_ENTRIES = 4096


class AnswerCache:
    def __init__(self, ttl_seconds: float, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> bytes | None:
        if self.ttl_seconds <= 0:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            expires, body = entry
            if time.monotonic() >= expires:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return body

    def put(self, key: Hashable, body: bytes) -> None:
        if self.ttl_seconds <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic() + self.ttl_seconds, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


async def cached_json(request: Request, key: Hashable, compute: Callable[[], BaseModel]) -> Response:
    """The answer for key: from the cache, or computed in the thread pool (store queries block) and kept."""
    cache: AnswerCache = request.app.state.answers
    body = cache.get(key)
    if body is None:
        answer = await run_in_threadpool(compute)
        body = answer.model_dump_json().encode("utf-8")
        cache.put(key, body)
    return Response(content=body, media_type="application/json")
