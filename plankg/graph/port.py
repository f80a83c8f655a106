"""The store port: one interface, interchangeable backends (as rdflib's Graph over its Store)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from plankg.ontology.records import PlanSubgraph

Row = dict[str, Any]


class StoreError(Exception):
    """Base of every error a store raises; the API maps it to problem+json."""


class StoreUnavailable(StoreError):
    """The store cannot be reached (server down, database locked): try again later (HTTP 503)."""


class ReadOnlyViolation(StoreError):
    """A read-only query tried to write, change the schema or call a writing procedure."""


class QueryFailed(StoreError):
    """A query was refused by the store (syntax, semantics, time limit)."""


class QueryTimedOut(QueryFailed):
    """A researcher's query ran past its time limit and was stopped (HTTP 504)."""


class QueryTooCostly(QueryFailed):
    """A researcher's query needed more memory (or a larger answer) than it may have (HTTP 422)."""


@dataclass(frozen=True)
class QueryLimits:
    """What a researcher's query may use besides time and rows (those are per call)."""

    memory_mb: int = 1024  # address space a query may add (embedded worker) — PLANKG_CYPHER_MEMORY_MB
    max_answer_mb: int = 32  # size of one answer — PLANKG_CYPHER_MAX_ANSWER_MB
    workers: int = 2  # researcher queries at a time (embedded) — PLANKG_CYPHER_WORKERS


class InvalidGraph(StoreError, ValueError):
    """A document graph the store will not write: it breaks the ontology or links to missing nodes
    (HTTP 422). Nothing was written."""


class PlanCollision(StoreError):
    """A different document maps to the id of a plan already stored (HTTP 409). Nothing was written;
    writing again with replace=True replaces the stored plan."""

    def __init__(self, plan_id: str, stored_path: str | None, new_path: str | None, reason: str) -> None:
        self.plan_id = plan_id
        self.stored_path = stored_path
        self.new_path = new_path
        self.reason = reason
        super().__init__(f"{new_path or 'the document'} {self.refusal}")

    @property
    def refusal(self) -> str:
        """The refusal without the new document's name (for lists that name it already)."""
        return (
            f"maps to plan {self.plan_id}, already loaded from {self.stored_path or 'another document'} "
            f"({self.reason}); refused: replace it explicitly if it should take that plan's place"
        )


@dataclass(frozen=True)
class WriteResult:
    plan_id: str
    changed: bool  # False: the same document (same sha256) was already loaded, nothing written
    nodes: int = 0
    relationships: int = 0
    replaced: bool = False  # True: an older version of the plan was replaced


@dataclass(frozen=True)
class Counts:
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)


class GraphStore(ABC):
    """What every backend offers. Writes are generated from the ontology inside plankg.graph;
    reads are named queries from plankg.queries, passed in as text."""

    backend: str

    @abstractmethod
    def apply_schema(self) -> None:
        """Create node/rel tables or constraints and indexes from the ontology (idempotent)."""

    @abstractmethod
    def schema_applied(self) -> bool: ...

    @abstractmethod
    def write_document(
        self, graph: PlanSubgraph, *, force: bool = False, replace: bool = False
    ) -> WriteResult:
        """Write one document's subgraph in one transaction, replacing the plan's previous subgraph.
        An unchanged document (same plan id and sha256) writes nothing unless force is set. A different
        document (another file name, or a text far from the stored one) mapping to a stored plan's id
        raises PlanCollision unless replace is set."""

    def write_documents(
        self, graphs: Sequence[PlanSubgraph], *, force: bool = False, replace: bool = False
    ) -> list[WriteResult | StoreError]:
        """Write several documents, each atomically and as write_document one after another would; a
        document refused (InvalidGraph, PlanCollision) has its error in its place of the answer, and
        the others are written. Backends write runs of documents of new plans in one transaction."""
        outcomes: list[WriteResult | StoreError] = []
        for graph in graphs:
            try:
                outcomes.append(self.write_document(graph, force=force, replace=replace))
            except (InvalidGraph, PlanCollision) as exc:
                outcomes.append(exc)
        return outcomes

    @abstractmethod
    def delete_plan(self, plan_id: str) -> bool:
        """Remove a plan and every plan-owned node of it; shared concepts and sectors stay."""

    @abstractmethod
    def read(self, cypher: str, parameters: Mapping[str, Any] | None = None) -> list[Row]:
        """Run a read query (text from plankg.queries) and return rows as dicts."""

    @abstractmethod
    def read_only(
        self,
        cypher: str,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout_seconds: float,
        row_limit: int,
    ) -> tuple[list[Row], bool]:
        """Run a researcher's Cypher so that the store itself refuses writes (ReadOnlyViolation);
        returns (rows, truncated)."""

    @abstractmethod
    def counts(self) -> Counts: ...

    @abstractmethod
    def ping(self) -> bool:
        """True when the store answers a trivial query."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
