"""Researcher Cypher on the embedded store, in a process of its own that the OS keeps in bounds.

The server holds the LadybugDB database read-write. A query worker is a separate Python process
(`python -m plankg.graph.query_worker`, not a fork: Ladybug's threads do not survive fork) that opens
the same path with `read_only=True` (measured: a read-only Database in a child sees every committed
write of the parent, WAL included, and writes no file). Before it takes a query it limits itself:

- RLIMIT_AS: the address space the open database reserves plus PLANKG_CYPHER_MEMORY_MB, so a memory
  bomb (`RETURN size(range(1, 1000000000))`) fails with std::bad_alloc in the worker, not the server;
- RLIMIT_FSIZE 0: no file can be written (COPY … TO, EXPORT DATABASE);
- it ends when the server is gone (even after kill -9); Ctrl-C on the terminal does not end it (the
  server stops its workers itself); its environment holds no PLANKG_* setting (no API key to read).

The parent kills a worker that has not answered within the time limit, so a query that the engine
cannot interrupt (one huge expression) still ends on time. A worker serves one version of the graph:
after a write the parent starts fresh ones (Ladybug reserves the address space of a database again
on every open, so reopening inside a limited process would not fit).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from plankg.graph.port import (
    QueryFailed,
    QueryTimedOut,
    QueryTooCostly,
    ReadOnlyViolation,
    Row,
    StoreUnavailable,
)

_MIB = 1024 * 1024
# Address space the worker may use besides the query: Python, Ladybug, thread stacks (measured ~200 MiB).
_BASE_ADDRESS_SPACE = 256 * _MIB


def max_db_size_for(path: Path) -> int:
    """The virtual size a read-only Database reserves: a power of two at least twice the files."""
    size = sum(p.stat().st_size for p in (path, Path(str(path) + ".wal")) if p.is_file())
    limit = 1 << 30
    while limit < 2 * size:
        limit <<= 1
    return limit


# ---------------------------------------------------------------- the worker process


def exit_with_parent() -> None:
    """End this process as soon as its parent is gone (killed with -9 too), even mid-query. Not
    PR_SET_PDEATHSIG: it fires when the parent *thread* that started the child ends, and the API
    starts workers from request threads that come and go."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _limit_self() -> None:
    exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def _vm_size() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def _serve(path: str, memory_bytes: int, requests: Connection, answers: Connection) -> None:
    import ladybug  # after the limits: the import itself runs under them

    from plankg.graph.guard import check_embedded_plan
    from plankg.graph.values import plain_row

    buffer_pool = min(256 * _MIB, max(64 * _MIB, memory_bytes // 4))
    database = ladybug.Database(
        path,
        read_only=True,
        buffer_pool_size=buffer_pool,
        max_db_size=max_db_size_for(Path(path)),
        max_num_threads=1,
    )
    connection = ladybug.Connection(database)
    connection.execute("RETURN 1")
    try:
        reserved = _vm_size()
        resource.setrlimit(resource.RLIMIT_AS, (reserved + memory_bytes, reserved + memory_bytes))
    except OSError:  # no /proc: a fixed address-space cap
        cap = max_db_size_for(Path(path)) + buffer_pool + _BASE_ADDRESS_SPACE + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    answers.send(("ready", None))
    while True:
        try:
            query, parameters, row_limit, timeout_ms, max_answer_bytes = requests.recv()
        except (EOFError, OSError):
            return
        try:
            connection.set_query_timeout(timeout_ms)
            explain = connection.execute("EXPLAIN " + query, parameters)
            if isinstance(explain, list):
                raise ReadOnlyViolation("refused: only one statement may be run at a time")
            lines: list[str] = []
            plan_columns = explain.get_column_names()
            while explain.has_next():
                lines.extend(str(value) for value in plain_row(plan_columns, explain.get_next()).values())
            explain.close()
            check_embedded_plan("\n".join(lines))
            result = connection.execute(query, parameters)
            if isinstance(result, list):
                raise ReadOnlyViolation("refused: only one statement may be run at a time")
            columns = result.get_column_names()
            rows: list[Row] = []
            truncated = False
            while result.has_next():
                if len(rows) == row_limit:
                    truncated = True
                    break
                rows.append(plain_row(columns, result.get_next()))
            result.close()
            payload = pickle.dumps(("ok", (rows, truncated)))
            if len(payload) > max_answer_bytes:
                payload = pickle.dumps(
                    (
                        "too-costly",
                        f"the answer is {len(payload) // _MIB} MiB; the limit "
                        f"is {max_answer_bytes // _MIB} MiB (PLANKG_CYPHER_MAX_ANSWER_MB)",
                    )
                )
            answers.send_bytes(payload)
        except ReadOnlyViolation as exc:
            answers.send(("refused", str(exc)))
        except MemoryError:
            answers.send(("too-costly", "MemoryError"))
            return
        except RuntimeError as exc:
            message = str(exc).strip() or type(exc).__name__
            if "bad_alloc" in message or "Buffer manager exception" in message:
                answers.send(("too-costly", message.splitlines()[0]))
                return  # an allocation failed somewhere: do not trust this process further
            if "Interrupted" in message:
                answers.send(("timeout", message.splitlines()[0]))
            elif "read-only" in message or "read only" in message:
                answers.send(("refused", f"refused by the store: {message.splitlines()[0]}"))
            else:
                answers.send(("failed", message.splitlines()[0]))


def main(argv: list[str]) -> None:
    _limit_self()
    path, memory_bytes, request_fd, answer_fd = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    requests = Connection(request_fd, writable=False)
    answers = Connection(answer_fd, readable=False)
    try:
        _serve(path, memory_bytes, requests, answers)
    except Exception as exc:  # could not open the database: tell the parent, then end
        with contextlib.suppress(OSError):
            answers.send(("unavailable", f"{type(exc).__name__}: {exc}".splitlines()[0]))


# ---------------------------------------------------------------- the parent's side


class _Worker:
    def __init__(self, path: Path, memory_bytes: int, generation: int, start_timeout: float) -> None:
        self.generation = generation
        self._stop_lock = threading.Lock()
        self._stopped = False
        request_read, request_write = os.pipe()
        answer_read, answer_write = os.pipe()
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PLANKG_")}
        environment["MALLOC_ARENA_MAX"] = "2"  # glibc's per-thread arenas would reserve 64 MiB each
        try:
            self.process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "plankg.graph.query_worker",
                    str(path),
                    str(memory_bytes),
                    str(request_read),
                    str(answer_write),
                ],
                pass_fds=(request_read, answer_write),
                stdin=subprocess.DEVNULL,
                env=environment,
            )
        finally:
            os.close(request_read)
            os.close(answer_write)
        self.requests = Connection(request_write, readable=False)
        self.answers = Connection(answer_read, writable=False)
        if not self.answers.poll(start_timeout):
            self.stop()
            raise StoreUnavailable("the query worker did not start in time")
        status, detail = self._receive()
        if status != "ready":
            self.stop()
            raise StoreUnavailable(f"the query worker cannot open the store: {detail}")

    def _receive(self) -> tuple[str, Any]:
        try:
            answer: tuple[str, Any] = pickle.loads(self.answers.recv_bytes())
        except (EOFError, OSError):
            try:
                return ("gone", self.process.wait(5))
            except subprocess.TimeoutExpired:
                return ("gone", None)
        return answer

    def ask(self, request: tuple[Any, ...], timeout: float) -> tuple[str, Any] | None:
        """The answer, or None when the time limit passed (the worker is then stopped)."""
        try:
            self.requests.send(request)
        except OSError:
            return ("gone", None)
        try:
            if not self.answers.poll(timeout):
                self.stop()
                return None
        except OSError:  # stopped by close() while it worked
            return ("gone", None)
        return self._receive()

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self) -> None:
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        for end in (self.requests, self.answers):
            end.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


class QueryWorkers:
    """The embedded store's query workers: at most `max_workers` queries at a time, each in a worker
    of the current graph version; idle workers are kept for the next query."""

    def __init__(self, path: Path, *, memory_mb: int, max_answer_mb: int, max_workers: int = 2) -> None:
        self.path = path
        self.memory_bytes = memory_mb * _MIB
        self.max_answer_bytes = max_answer_mb * _MIB
        self._slots = threading.BoundedSemaphore(max_workers)
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()  # idle and busy: close() stops them all
        self._closed = False

    def run(
        self,
        query: str,
        parameters: Mapping[str, Any],
        *,
        generation: int,
        timeout_seconds: float,
        row_limit: int,
    ) -> tuple[list[Row], bool]:
        if not self._slots.acquire(timeout=timeout_seconds):
            raise StoreUnavailable("every researcher query slot is busy; try again shortly")
        try:
            worker = self._take(generation)
            request = (
                query,
                dict(parameters),
                row_limit,
                max(1, int(timeout_seconds * 1000)),
                self.max_answer_bytes,
            )
            answer = worker.ask(request, timeout_seconds + 0.25)  # the engine's own stop comes first
            if answer is None:
                self._forget(worker)
                raise QueryTimedOut(
                    f"the query ran longer than the {timeout_seconds:g} s limit and was stopped"
                )
            status, payload = answer
            if status in ("ok", "refused", "failed", "timeout"):
                self._give_back(worker)
            else:
                self._forget(worker)
        finally:
            self._slots.release()
        if status == "ok":
            rows, truncated = payload
            return rows, truncated
        if status == "refused":
            raise ReadOnlyViolation(payload)
        if status == "timeout":
            raise QueryTimedOut(f"the query ran longer than the {timeout_seconds:g} s limit and was stopped")
        if status == "too-costly":
            raise QueryTooCostly(
                f"the query needs more than the {self.memory_bytes // _MIB} MiB it may use "
                f"(PLANKG_CYPHER_MEMORY_MB) and was stopped ({payload})"
            )
        if status == "gone":
            if self._closed:
                raise StoreUnavailable("the server is shutting down; the query was stopped")
            raise QueryTooCostly(
                f"the query worker ended while running the query (exit status {payload}); nothing was changed"
            )
        raise QueryFailed(payload)

    def _take(self, generation: int) -> _Worker:
        with self._lock:
            if self._closed:
                raise StoreUnavailable("the embedded store is closed")
            while self._idle:
                worker = self._idle.pop()
                if worker.generation == generation and worker.alive():
                    return worker
                self._all.discard(worker)
                worker.stop()
        worker = _Worker(self.path, self.memory_bytes, generation, start_timeout=30.0)
        with self._lock:
            self._all.add(worker)
            if self._closed:  # closed while it started
                self._all.discard(worker)
                worker.stop()
                raise StoreUnavailable("the embedded store is closed")
        return worker

    def _forget(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.discard(worker)

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
            self._all.discard(worker)
        worker.stop()

    def close(self) -> None:
        """Stop every worker, idle or busy (a busy one's query then answers 503)."""
        with self._lock:
            self._closed = True
            workers, self._all, self._idle = list(self._all), set(), []
        for worker in workers:
            worker.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
