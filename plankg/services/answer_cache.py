"""A short-lived cache of serialized answers to the hot questions (the canonical question,
search, neighbourhoods), so repeated questions cost a dictionary lookup instead of store queries.

Entries are fresh for `Settings.answer_cache_seconds`. Each key is computed once at a time (single
flight): concurrent requests for a missing answer wait for the one computation instead of all running
it. An expired entry is kept as long again: a request finding it starts one refresh in the background
and, like every request until the refresh lands, gets the stale answer at once — so an expiry under
load costs nobody a wait. Loading or deleting a plan through the API clears everything at once (stale
entries too, and computations already running are not stored); only writes made outside this process
(another API instance on Neo4j, `plankg load`) can be seen late, by at most twice the TTL plus one
computation. Errors are never cached; requests waiting on a failed computation get its error.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

import anyio.to_thread
from pydantic import BaseModel

MAX_ENTRIES = 4096


@dataclass(frozen=True)
class Lookup:
    """What the cache holds for a key: a body (None: nothing usable) and whether the caller must
    compute it (`compute`), wait for someone else's computation (`pending`), or neither."""

    body: bytes | None
    pending: concurrent.futures.Future[bytes] | None = None  # someone else is computing: wait for it
    compute: concurrent.futures.Future[bytes] | None = None  # the caller computes and completes this
    generation: int = 0


class AnswerCache:
    def __init__(self, ttl_seconds: float, max_entries: int = MAX_ENTRIES) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        # key -> (fresh until, body); kept until twice the TTL has passed, to be served while refreshed
        self._entries: OrderedDict[Hashable, tuple[float, bytes]] = OrderedDict()
        # key -> the running computation; concurrent futures, so waiting works from any thread or loop
        self._running: dict[Hashable, concurrent.futures.Future[bytes]] = {}
        self._generation = 0  # bumped by clear(): computations begun before it are not stored
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.ttl_seconds > 0

    def get(self, key: Hashable) -> bytes | None:
        """The fresh body for key, if any (no bookkeeping of computations)."""
        if not self.enabled:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None or time.monotonic() >= entry[0]:
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def lookup(self, key: Hashable) -> Lookup:
        """A fresh body; or a stale one (and, if nobody is refreshing it, the caller's duty to); or
        the running computation to wait for; or, when there is none, the duty to compute."""
        now = time.monotonic()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                fresh_until, body = entry
                if now < fresh_until:
                    self._entries.move_to_end(key)
                    return Lookup(body)
                if now < fresh_until + self.ttl_seconds:
                    if key in self._running:
                        return Lookup(body)
                    return Lookup(body, compute=self._start(key), generation=self._generation)
                del self._entries[key]
            running = self._running.get(key)
            if running is not None:
                return Lookup(None, pending=running)
            return Lookup(None, compute=self._start(key), generation=self._generation)

    def _start(self, key: Hashable) -> concurrent.futures.Future[bytes]:
        future: concurrent.futures.Future[bytes] = concurrent.futures.Future()
        future.set_running_or_notify_cancel()
        self._running[key] = future
        return future

    def finish(
        self,
        key: Hashable,
        future: concurrent.futures.Future[bytes],
        generation: int,
        body: bytes | None = None,
        error: BaseException | None = None,
    ) -> None:
        """End a computation lookup() handed out: store the body (unless the cache was cleared since
        it began) and wake whoever waits for it."""
        with self._lock:
            if self._running.get(key) is future:
                del self._running[key]
            if body is not None and generation == self._generation:
                self.put(key, body, locked=True)
        if error is not None:
            future.set_exception(error)
        else:
            assert body is not None
            future.set_result(body)

    def put(self, key: Hashable, body: bytes, *, locked: bool = False) -> None:
        if not self.enabled:
            return
        if not locked:
            with self._lock:
                self.put(key, body, locked=True)
            return
        self._entries[key] = (time.monotonic() + self.ttl_seconds, body)
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._running.clear()  # later requests must not join a computation begun before the write
            self._generation += 1


def _serialize(compute: Callable[[], BaseModel]) -> bytes:
    return compute().model_dump_json().encode("utf-8")


def _compute_into(
    cache: AnswerCache, key: Hashable, lookup: Lookup, compute: Callable[[], BaseModel]
) -> asyncio.Task[bytes]:
    """Run compute in a worker thread (store queries block) as a task of its own, so a requester
    that goes away does not abandon those waiting for the same answer."""
    assert lookup.compute is not None
    future = lookup.compute

    async def work() -> bytes:
        try:
            body = await anyio.to_thread.run_sync(_serialize, compute)
        except BaseException as exc:
            cache.finish(key, future, lookup.generation, error=exc)
            raise
        cache.finish(key, future, lookup.generation, body=body)
        return body

    task = asyncio.ensure_future(work())
    # a background refresh's error is not anyone's to report: the next miss computes it again
    task.add_done_callback(lambda done: done.cancelled() or done.exception())
    return task


async def cached_answer(cache: AnswerCache, key: Hashable, compute: Callable[[], BaseModel]) -> bytes:
    """The answer for key as JSON bytes: fresh or stale from the cache, or the one running
    computation's, or computed here in a worker thread and kept."""
    if not cache.enabled:
        return await anyio.to_thread.run_sync(_serialize, compute)
    lookup = cache.lookup(key)
    if lookup.compute is not None:
        task = _compute_into(cache, key, lookup, compute)
        if lookup.body is None:
            return await asyncio.shield(task)
    if lookup.body is not None:
        return lookup.body
    assert lookup.pending is not None
    return await asyncio.wrap_future(lookup.pending)
