"""The SPARQL endpoint's engine: rdflib over an in-memory copy of the current graph.

The copy is the store's RDF export (the same triples `plankg export` writes), rebuilt when the store's
change token moves: the loaded plans' sha256 list plus the node and relationship counts. Queries only:
updates, dataset clauses (FROM, which rdflib would fetch) and SERVICE (a remote call) are refused.
Queries run in worker processes forked with the graph (copy-on-write, no pickling), so the time limit
is enforced by ending the worker — rdflib's evaluator cannot be interrupted from inside; a new worker
is forked when one was stopped or the graph changed.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
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


def _serve_queries(graph: Graph, conn: Connection) -> None:
    """A worker's loop: answer (query, format, gives_graph) messages over the graph it was forked with."""
    while True:
        try:
            text, rdflib_format, gives_graph = conn.recv()
        except (EOFError, OSError):  # the parent is gone or let the worker go
            return
        try:
            prepared = prepareQuery(text, initNs=PREFIXES)
            conn.send(("ok", _serialize_result(graph.query(prepared), rdflib_format, gives_graph)))
        except Exception as exc:  # reported to the parent as a 400: the query failed to evaluate
            conn.send(("error", f"{type(exc).__name__}: {exc}"))


class _Worker:
    """A process forked with one version of the graph, answering queries one at a time. Forking per
    query would cost a page-table copy of the whole server (~0.1 s with LadybugDB's mapped memory)."""

    def __init__(self, graph: Graph, token: str) -> None:
        context = multiprocessing.get_context("fork")
        self.token = token
        self.conn, child_end = context.Pipe(duplex=True)
        self.process = context.Process(target=_serve_queries, args=(graph, child_end), daemon=True)
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
        if not self.conn.poll(timeout):
            self.stop()
            return None
        try:
            answer: tuple[str, Any] = self.conn.recv()
        except EOFError:
            self.stop()
            return ("error", "the query process ended without an answer")
        return answer

    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
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

    def __init__(self, mapping: RdfMapping, *, timeout_seconds: float, max_parallel: int = 2) -> None:
        self.mapping = mapping
        self.timeout_seconds = timeout_seconds
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
                worker = _Worker(graph, token)
                answer = worker.ask(parsed, rdflib_format, self.timeout_seconds)
            if answer is None:
                raise SparqlError(
                    400,
                    "query-timeout",
                    f"the query ran longer than the {self.timeout_seconds:g} s limit and was stopped",
                )
            self._give_back(worker)
        finally:
            self._slots.release()
        status, payload = answer
        if status != "ok":
            raise SparqlError(400, "query-failed", f"the query failed: {payload}")
        return bytes(payload)

    def _take_worker(self, graph: Graph, token: str) -> _Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.token == token and worker.alive():
                    return worker
                worker.stop()  # forked with an older graph
            return _Worker(graph, token)

    def _give_back(self, worker: _Worker) -> None:
        with self._lock:
            self._idle.append(worker)

    def close(self) -> None:
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._idle.clear()


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
