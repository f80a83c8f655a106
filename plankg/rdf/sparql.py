"""The SPARQL endpoint's engine: rdflib over an in-memory copy of the current graph.

The copy is the store's RDF export (the same triples `plankg export` writes), rebuilt when the store's
change token moves: the loaded plans' sha256 list plus the node and relationship counts. Queries only:
updates, dataset clauses (FROM, which rdflib would fetch) and SERVICE (a remote call) are refused.
Queries run in worker processes forked with the graph (copy-on-write, no pickling), so the time limit
is enforced by ending the worker — rdflib's evaluator cannot be interrupted from inside; a new worker
is forked when one was stopped or the graph changed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import resource
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import rdflib.plugins.sparql as rdflib_sparql
from rdflib import Graph
from rdflib.plugin import get as get_plugin
from rdflib.plugins.sparql import prepareQuery, prepareUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result, ResultSerializer
from rdflib.serializer import Serializer

from plankg import queries
from plankg.graph.port import GraphStore
from plankg.graph.query_worker import exit_with_parent
from plankg.rdf.export import store_triples, to_rdflib_graph
from plankg.rdf.mapping import PREFIXES, RdfMapping, jsonld_context

# Never load a graph named in a query's FROM clause (a remote fetch), whatever a query says.
rdflib_sparql.SPARQL_LOAD_GRAPHS = False

MAX_QUERY_CHARS = 100_000

# Result media types by query form: SELECT/ASK give solutions, CONSTRUCT/DESCRIBE give a graph.
SOLUTION_FORMATS: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
}
GRAPH_FORMATS: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


class SparqlError(Exception):
    """A query the endpoint will not run; status is the HTTP status to answer with."""

    def __init__(self, status: int, slug: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.slug = slug
        self.detail = detail


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    form: str  # SelectQuery, AskQuery, ConstructQuery, DescribeQuery
    prepared: Any

    @property
    def gives_graph(self) -> bool:
        return self.form in ("ConstructQuery", "DescribeQuery")


def _walk(node: Any) -> Iterator[CompValue]:
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)


def parse_query(text: str) -> ParsedQuery:
    """Parse a SPARQL query; refuse updates (403) and anything reaching outside the graph (400)."""
    if len(text) > MAX_QUERY_CHARS:
        raise SparqlError(
            400, "query-too-long", f"the query has {len(text)} characters; at most {MAX_QUERY_CHARS}"
        )
    if not text.strip():
        raise SparqlError(400, "bad-query", "the query is empty")
    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except Exception as query_error:
        try:
            prepareUpdate(text)
        except Exception:
            raise SparqlError(400, "bad-query", f"the query does not parse: {query_error}") from None
        raise SparqlError(
            403, "read-only", "this endpoint answers queries only; SPARQL Update is refused"
        ) from None
    algebra = prepared.algebra
    if algebra.get("datasetClause"):
        raise SparqlError(
            400,
            "dataset-not-supported",
            "FROM and FROM NAMED are not supported: the endpoint has one default graph",
        )
    if any(part.name == "ServiceGraphPattern" for part in _walk(algebra)):
        raise SparqlError(400, "service-not-supported", "SERVICE (federated query) is not supported")
    return ParsedQuery(text=text, form=algebra.name, prepared=prepared)


def _serialize_result(result: Result, rdflib_format: str, gives_graph: bool) -> bytes:
    if gives_graph:
        graph = result.graph
        assert graph is not None
        if rdflib_format == "json-ld":
            return graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True).encode()
        return graph.serialize(format=rdflib_format).encode()
    data = result.serialize(format=rdflib_format)
    return data if isinstance(data, bytes) else b""


def _confine_worker(conn: Connection, memory_bytes: int) -> None:
    """Run first in a forked worker: it keeps nothing of the server but the graph and its pipe (no
    listening socket, no database file or lock that would outlive the server), dies with the server,
    leaves Ctrl-C to it, writes no file, and may add at most memory_bytes to the address space it
    was forked with (RLIMIT_AS: a query over it gets MemoryError)."""
    keep = conn.fileno()
    os.closerange(3, keep)
    os.closerange(keep + 1, _max_fd())
    exit_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    with contextlib.suppress(OSError, ValueError):
        limit = _address_space() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _max_fd() -> int:
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return soft if soft != resource.RLIM_INFINITY else 65536


def _address_space() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def _serve_queries(graph: Graph, conn: Connection, memory_bytes: int) -> None:
    """A worker's loop: answer (query, format, gives_graph) messages over the graph it was forked with."""
    _confine_worker(conn, memory_bytes)
    while True:
        try:
            text, rdflib_format, gives_graph = conn.recv()
        except (EOFError, OSError):  # the parent is gone or let the worker go
            return
        try:
            prepared = prepareQuery(text, initNs=PREFIXES)
            conn.send(("ok", _serialize_result(graph.query(prepared), rdflib_format, gives_graph)))
        except MemoryError:
            conn.send(("too-costly", "MemoryError"))
            return  # a worker that ran out of memory is not trusted with another query
        except Exception as exc:  # reported to the parent as a 400: the query failed to evaluate
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    """A process forked with one version of the graph, answering queries one at a time. Forking per
    query would cost a page-table copy of the whole server (~0.1 s with LadybugDB's mapped memory)."""

    def __init__(self, graph: Graph, token: str, memory_bytes: int) -> None:
        context = multiprocessing.get_context("fork")
        self.token = token
        self._stop_lock = threading.Lock()
        self._stopped = False
        self.conn, child_end = context.Pipe(duplex=True)
        self.process = context.Process(
            target=_serve_queries, args=(graph, child_end, memory_bytes), daemon=True
        )
        self.process.start()
        child_end.close()

    def ask(self, parsed: ParsedQuery, rdflib_format: str, timeout: float) -> tuple[str, Any] | None:
        """(status, payload), or None when the time limit passed (the worker is then stopped).
        Raises OSError when the worker is gone before it was asked."""
        try:
            self.conn.send((parsed.text, rdflib_format, parsed.gives_graph))
        except OSError:
            self.stop()
            raise
        try:
            if not self.conn.poll(timeout):
                self.stop()
                return None
            answer: tuple[str, Any] = self.conn.recv()
        except (EOFError, OSError):  # it died, or the service was closed while it worked
            self.stop()
            return ("gone", "the query process ended without an answer")
        return answer

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        with self._stop_lock:
            if self._stopped:
                return
            self._stopped = True
        self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.process.close()


def _preload_plugins() -> None:
    # A forked child must not import (another thread may hold the import lock at fork time):
    # load every serializer it may need now, in the parent.
    for name in SOLUTION_FORMATS.values():
        get_plugin(name, ResultSerializer)
    for name in GRAPH_FORMATS.values():
        get_plugin(name, Serializer)
    Graph().query("ASK { ?s ?p ?o }").serialize(format="json")
    graph = Graph()
    graph.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    graph.serialize(format="json-ld", context={})


class SparqlService:
    """One per app: the cached graph and the workers that query it."""

    def __init__(
        self, mapping: RdfMapping, *, timeout_seconds: float, memory_mb: int = 1024, max_parallel: int = 2
    ) -> None:
        self.mapping = mapping
        self.timeout_seconds = timeout_seconds
        self.memory_mb = memory_mb
        self._workers: set[_Worker] = set()  # every live worker, busy or idle: close() stops them all
        self._closed = False
        self._lock = threading.Lock()
        self._token: str | None = None
        self._graph: Graph | None = None
        self._slots = threading.BoundedSemaphore(max_parallel)
        self._idle: list[_Worker] = []
        self._can_fork = "fork" in multiprocessing.get_all_start_methods()
        _preload_plugins()

    # -- the cached graph
    def change_token(self, store: GraphStore) -> str:
        plans = queries.run(store, "export_plan_versions", {})
        (totals,) = queries.run(store, "export_totals", {})
        state = {
            "plans": [[row["id"], row["sha256"]] for row in plans],
            "nodes": totals["nodes"],
            "relationships": totals["relationships"],
        }
        return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()

    def graph(self, store: GraphStore) -> Graph:
        """The current graph as rdflib holds it, rebuilt only when the store changed."""
        return self._current(store)[0]

    def _current(self, store: GraphStore) -> tuple[Graph, str]:
        token = self.change_token(store)
        with self._lock:
            if self._graph is None or token != self._token:
                self._graph = to_rdflib_graph(store_triples(store, self.mapping))
                self._token = token
            return self._graph, token

    # -- queries
    def run(self, store: GraphStore, parsed: ParsedQuery, rdflib_format: str) -> bytes:
        graph, token = self._current(store)
        if not self._slots.acquire(timeout=self.timeout_seconds):
            raise SparqlError(503, "busy", "every SPARQL slot is busy; try again shortly")
        try:
            if not self._can_fork:  # no fork (Windows): in-process, without a hard time limit
                return _serialize_result(graph.query(parsed.prepared), rdflib_format, parsed.gives_graph)
            worker = self._take_worker(graph, token)
            try:
                answer = worker.ask(parsed, rdflib_format, self.timeout_seconds)
            except OSError:  # the idle worker died (killed from outside): fork a fresh one
                self._forget(worker)
                worker = self._fork(graph, token)
                answer = worker.ask(parsed, rdflib_format, self.timeout_seconds)
            if answer is None:
                self._forget(worker)
                raise SparqlError(
                    504,
                    "query-timeout",
                    f"the query ran longer than the {self.timeout_seconds:g} s limit "
                    "(PLANKG_SPARQL_TIMEOUT_SECONDS) and was stopped",
                )
            if answer[0] in ("ok", "error"):
                self._give_back(worker)
            else:
                worker.stop()
                self._forget(worker)
        finally:
            self._slots.release()
        status, payload = answer
        if status == "too-costly":
            raise SparqlError(
                422,
                "query-too-costly",
                f"the query needs more than the {self.memory_mb} MiB it may use (PLANKG_SPARQL_MEMORY_MB) "
                "and was stopped",
            )
        if status == "gone":
            raise SparqlError(503, "query-stopped", "the query process was stopped; try again shortly")
        if status != "ok":
            raise SparqlError(400, "query-failed", f"the query failed: {payload}")
        return bytes(payload)

    def _fork(self, graph: Graph, token: str) -> _Worker:
        with self._lock:
            if self._closed:
                raise SparqlError(503, "shutting-down", "the server is shutting down")
            worker = _Worker(graph, token, self.memory_mb * 1024 * 1024)
            self._workers.add(worker)
            return worker

    def _forget(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._workers.discard(worker)

    def _take_worker(self, graph: Graph, token: str) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.token == token and worker.alive():
                    return worker
                worker.stop()  # forked with an older graph
                self._workers.discard(worker)
        return self._fork(graph, token)

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            if self._closed:
                worker.stop()
                self._workers.discard(worker)
            else:
                self._idle.append(worker)

    def close(self) -> None:
        """Stop every worker, idle or busy (the app's lifespan calls this on shutdown)."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
            self._idle.clear()
        for worker in workers:
            worker.stop()


def service_description(endpoint: str) -> str:
    """A SPARQL 1.1 Service Description, answered to GET /sparql without a query."""
    formats = "http://www.w3.org/ns/formats/"
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <{formats}> .

<{endpoint}> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat formats:SPARQL_Results_JSON , formats:SPARQL_Results_XML , formats:SPARQL_Results_CSV ,
        formats:Turtle , formats:N-Triples , formats:JSON-LD , formats:RDF_XML ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""
