"""The SPARQL endpoint's engine: rdflib over an in-memory copy of the current graph.

The copy is the store's RDF export (the same triples `plankg export` writes), rebuilt when the store's
change token moves: the loaded plans' sha256 list plus the node and relationship counts. Queries only:
updates, dataset clauses (FROM, which rdflib would fetch) and SERVICE (a remote call) are refused.
Each query runs in a forked child that inherits the graph, so the time limit is enforced by ending
the child — rdflib's evaluator cannot be interrupted from inside.
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
from plankg.api.rdf_export import store_triples, to_rdflib_graph
from plankg.graph.port import GraphStore
from plankg.ontology.rdf_mapping import PREFIXES, RdfMapping, jsonld_context

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


def _evaluate_in_child(graph: Graph, parsed: ParsedQuery, rdflib_format: str, conn: Connection) -> None:
    try:
        data = _serialize_result(graph.query(parsed.prepared), rdflib_format, parsed.gives_graph)
        conn.send(("ok", data))
    except Exception as exc:  # reported to the parent as a 400: the query failed to evaluate
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        conn.close()


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
    """One per app: the cached graph and the query runner."""

    def __init__(self, mapping: RdfMapping, *, timeout_seconds: float, max_parallel: int = 2) -> None:
        self.mapping = mapping
        self.timeout_seconds = timeout_seconds
        self._lock = threading.Lock()
        self._token: str | None = None
        self._graph: Graph | None = None
        self._slots = threading.BoundedSemaphore(max_parallel)
        self._can_fork = "fork" in multiprocessing.get_all_start_methods()
        _preload_plugins()

    # -- the cached graph
    def change_token(self, store: GraphStore) -> str:
        plans = queries.run(store, "export_plan_versions", {})
        counts = store.counts()
        state = {
            "plans": [[row["id"], row["sha256"]] for row in plans],
            "nodes": sorted(counts.nodes.items()),
            "relationships": sorted(counts.relationships.items()),
        }
        return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()

    def graph(self, store: GraphStore) -> Graph:
        """The current graph as rdflib holds it, rebuilt only when the store changed."""
        token = self.change_token(store)
        with self._lock:
            if self._graph is None or token != self._token:
                self._graph = to_rdflib_graph(store_triples(store, self.mapping))
                self._token = token
            return self._graph

    # -- queries
    def run(self, store: GraphStore, parsed: ParsedQuery, rdflib_format: str) -> bytes:
        graph = self.graph(store)
        if not self._slots.acquire(timeout=self.timeout_seconds):
            raise SparqlError(503, "busy", "every SPARQL slot is busy; try again shortly")
        try:
            if self._can_fork:
                return self._run_forked(graph, parsed, rdflib_format)
            return _serialize_result(graph.query(parsed.prepared), rdflib_format, parsed.gives_graph)
        finally:
            self._slots.release()

    def _run_forked(self, graph: Graph, parsed: ParsedQuery, rdflib_format: str) -> bytes:
        context = multiprocessing.get_context("fork")
        receiver, sender = context.Pipe(duplex=False)
        child = context.Process(
            target=_evaluate_in_child, args=(graph, parsed, rdflib_format, sender), daemon=True
        )
        child.start()
        sender.close()
        try:
            if not receiver.poll(self.timeout_seconds):
                raise SparqlError(
                    400,
                    "query-timeout",
                    f"the query ran longer than the {self.timeout_seconds:g} s limit and was stopped",
                )
            try:
                status, payload = receiver.recv()
            except EOFError:
                raise SparqlError(
                    500, "internal-error", "the query process ended without an answer"
                ) from None
        finally:
            receiver.close()
            if child.is_alive():
                child.kill()
            child.join()
            child.close()
        if status != "ok":
            raise SparqlError(400, "query-failed", f"the query failed: {payload}")
        return bytes(payload)


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
