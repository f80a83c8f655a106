"""The Neo4j backend: the official driver over Bolt (bolt://, neo4j://, neo4j+s:// for Aura/clusters).

Writes run as managed transactions (`execute_write` retries transient failures by itself); reads
run as `execute_read`, so a cluster can route them to followers. Researcher Cypher runs in a READ
access-mode session with a server-side timeout, so the server refuses writes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from neo4j import READ_ACCESS, Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConfigurationError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from plankg.graph import cypher
from plankg.graph.guard import check_neo4j_plan, screen_statement
from plankg.graph.port import (
    Counts,
    GraphStore,
    QueryFailed,
    QueryTimedOut,
    QueryTooCostly,
    ReadOnlyViolation,
    Row,
    StoreError,
    StoreUnavailable,
    WriteResult,
)
from plankg.graph.values import plain
from plankg.graph.writer import (
    PreparedGraph,
    Transaction,
    count_all,
    prepare_graph,
    remove_plan,
    write_documents,
    write_new_batch,
    write_plan,
    write_prepared,
)
from plankg.ontology.records import PlanSubgraph
from plankg.ontology.schema import load_schema
from plankg.settings import Settings

ROW_SOURCE = cypher.MapRows()
READ_RETRY_SECONDS = 2.0  # reads retried on transient errors for at most this long (driver default: 30 s)
T = TypeVar("T")


def _rows(result: Any, limit: int | None = None) -> tuple[list[Row], bool]:
    rows: list[Row] = []
    for record in result:
        if limit is not None and len(rows) == limit:
            return rows, True
        rows.append({key: plain(value) for key, value in record.items()})
    return rows, False


class _Neo4jTransaction(Transaction):
    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx

    def run(self, statement: str, parameters: Mapping[str, Any]) -> list[Row]:
        return _rows(self.tx.run(statement, dict(parameters)))[0]

    def run_batch(self, statement: cypher.BatchStatement, rows: Sequence[Sequence[Any]]) -> int:
        record = self.tx.run(statement.cypher, statement.parameters(rows)).single()
        return int(record["written"]) if record else 0


class Neo4jStore(GraphStore):
    backend = "neo4j"
    batch_size = 10_000

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.uri = uri
        self.database = database
        try:
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                notifications_min_severity="OFF",
                connection_timeout=10.0,
            )
            self._driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, ConfigurationError, OSError, ValueError) as exc:
            driver = getattr(self, "_driver", None)
            if driver is not None:
                driver.close()
            raise StoreUnavailable(f"Neo4j not reachable at {uri}: {_message(exc)}") from exc

    @classmethod
    def from_settings(cls, settings: Settings) -> Neo4jStore:
        return cls(settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)

    def close(self) -> None:
        self._driver.close()

    # ------------------------------------------------------------ plumbing

    def _write(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self._driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from exc

    def _read(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            # a short retry budget: an unreachable server must answer 503 fast, not after 30 s of retries
            with self._driver.session(
                database=self.database, max_transaction_retry_time=READ_RETRY_SECONDS
            ) as session:
                return session.execute_read(work)
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from exc

    def _run_schema(self, statement: str) -> list[Row]:
        try:
            with self._driver.session(database=self.database) as session:
                return _rows(session.run(statement))[0]  # schema commands need an auto-commit transaction
        except (Neo4jError, DriverError) as exc:
            raise _translate(exc) from exc

    # ------------------------------------------------------------ schema

    def apply_schema(self) -> None:
        for item in cypher.neo4j_schema(load_schema()):
            self._run_schema(item.cypher)
        self._run_schema("CALL db.awaitIndexes(300)")

    def schema_applied(self) -> bool:
        constraints = {row["name"] for row in self._run_schema("SHOW CONSTRAINTS YIELD name")}
        indexes = {
            row["name"]
            for row in self._run_schema("SHOW INDEXES YIELD name, state")
            if row["state"] == "ONLINE"
        }
        for item in cypher.neo4j_schema(load_schema()):
            if item.name not in (constraints if item.kind == "constraint" else indexes):
                return False
        return True

    # ------------------------------------------------------------ writes

    def write_document(
        self, graph: PlanSubgraph, *, force: bool = False, replace: bool = False
    ) -> WriteResult:
        prepared = prepare_graph(graph)
        plan = write_plan(ROW_SOURCE, ROW_SOURCE)
        return self._write(
            lambda tx: write_prepared(
                _Neo4jTransaction(tx),
                plan,
                prepared,
                force=force,
                replace=replace,
                batch_size=self.batch_size,
            )
        )

    def write_documents(
        self, graphs: Sequence[PlanSubgraph], *, force: bool = False, replace: bool = False
    ) -> list[WriteResult | StoreError]:
        plan = write_plan(ROW_SOURCE, ROW_SOURCE)

        def write_one(prepared: PreparedGraph) -> WriteResult:
            return self._write(
                lambda tx: write_prepared(
                    _Neo4jTransaction(tx),
                    plan,
                    prepared,
                    force=force,
                    replace=replace,
                    batch_size=self.batch_size,
                )
            )

        def write_batch(prepared: list[PreparedGraph]) -> list[WriteResult]:
            return self._write(
                lambda tx: write_new_batch(_Neo4jTransaction(tx), plan, prepared, batch_size=self.batch_size)
            )

        return write_documents(
            graphs,
            plan=plan,
            read=self.read,
            write_one=write_one,
            write_batch=write_batch,
            force=force,
            replace=replace,
        )

    def delete_plan(self, plan_id: str) -> bool:
        plan = write_plan(ROW_SOURCE, ROW_SOURCE)

        def delete(tx: ManagedTransaction) -> bool:
            wrapped = _Neo4jTransaction(tx)
            if not wrapped.run(plan.fingerprint, {"plan_id": plan_id}):
                return False
            remove_plan(wrapped, plan, plan_id)
            return True

        return self._write(delete)

    def execute_write(self, statement: str, parameters: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one raw write statement in its own transaction: for tests, benchmarks and maintenance
        (the API never calls this; application writes go through write_document)."""
        return self._write(lambda tx: _Neo4jTransaction(tx).run(statement, parameters or {}))

    # ------------------------------------------------------------ reads

    def read(self, cypher_text: str, parameters: Mapping[str, Any] | None = None) -> list[Row]:
        params = dict(parameters or {})
        return self._read(lambda tx: _rows(tx.run(cypher_text, params))[0])

    def read_only(
        self,
        cypher_text: str,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout_seconds: float,
        row_limit: int,
    ) -> tuple[list[Row], bool]:
        """A researcher's query: screened (plankg.graph.guard), then EXPLAINed by the server — its
        query type must be read-only and every operator of its plan on the allow-list — then run in
        a READ session with the time limit as the transaction's timeout. The server itself refuses
        LOAD CSV from files and transactions over db.memory.transaction.max (its configuration)."""
        statement = screen_statement(cypher_text, self.backend)
        params = dict(parameters or {})

        @unit_of_work(timeout=timeout_seconds)
        def work(tx: ManagedTransaction) -> tuple[list[Row], bool]:
            summary = tx.run("EXPLAIN " + statement, params).consume()
            check_neo4j_plan(summary.query_type, _plan_operators(summary.plan))
            return _rows(tx.run(statement, params), row_limit)

        try:
            with self._driver.session(
                database=self.database,
                default_access_mode=READ_ACCESS,
                max_transaction_retry_time=0,  # a query stopped for its time or memory is not retried
                notifications_min_severity="OFF",
            ) as session:
                return session.execute_read(work)
        except (Neo4jError, DriverError) as exc:
            code = getattr(exc, "code", None) or ""
            if "TransactionTimedOut" in code:
                raise QueryTimedOut(
                    f"the query ran longer than the {timeout_seconds:g} s limit and was stopped"
                ) from exc
            if "MemoryPoolOutOfMemoryError" in code:
                raise QueryTooCostly(
                    f"the query needs more memory than the server allows one transaction "
                    f"(db.memory.transaction.max) and was stopped: {_message(exc)}"
                ) from exc
            raise _translate(exc) from exc

    def counts(self) -> Counts:
        return self._read(lambda tx: count_all(_Neo4jTransaction(tx)))

    def ping(self) -> bool:
        try:
            return self.read("RETURN 1 AS ok") == [{"ok": 1}]
        except StoreError:
            return False


def _plan_operators(plan: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """(operatorType, Details) of every operator of an EXPLAIN plan, depth first."""
    if not plan:
        return []
    details = str(plan.get("args", {}).get("Details", ""))
    found = [(str(plan.get("operatorType", "")), details)]
    for child in plan.get("children", []):
        found.extend(_plan_operators(child))
    return found


def _message(exc: BaseException) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(message).split())[:500]


def _translate(exc: Neo4jError | DriverError) -> StoreError:
    if isinstance(exc, ServiceUnavailable | SessionExpired):
        return StoreUnavailable(f"Neo4j unavailable: {_message(exc)}")
    if isinstance(exc, ClientError):
        code = exc.code or ""
        if code == "Neo.ClientError.Statement.AccessMode":
            return ReadOnlyViolation(f"refused by the server: {_message(exc)}")
    return QueryFailed(_message(exc))
