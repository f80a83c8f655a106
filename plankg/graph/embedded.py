"""The embedded backend: LadybugDB (the Kùzu fork, `ladybug` 0.22) in a directory of the data dir.

Concurrency: one `Database` per path per process (shared by every store object on that path), one
`Connection` per thread (FastAPI runs sync endpoints in a thread pool; Ladybug releases the GIL while
a query runs), and a lock so one write transaction runs at a time. Another process holding the
database read-write makes opening fail with StoreUnavailable.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import ladybug

from plankg.graph import cypher
from plankg.graph.guard import screen_embedded_paging, screen_statement
from plankg.graph.port import (
    Counts,
    GraphStore,
    QueryFailed,
    QueryLimits,
    Row,
    StoreError,
    StoreUnavailable,
    WriteResult,
)
from plankg.graph.query_worker import QueryWorkers
from plankg.graph.values import plain_row
from plankg.graph.writer import (
    PreparedGraph,
    Transaction,
    WritePlan,
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

NODE_ROWS = cypher.ColumnRows()
RELATIONSHIP_ROWS = cypher.IndexedRows()
BULK_ROWS = cypher.ArrowRows()
# Checkpoint when the write-ahead log passes 256 MiB rather than Ladybug's default: loading 50k
# entities in 5 documents took 18 s instead of 28 s (measured); the cost is a longer log replay
# after a crash.
CHECKPOINT_THRESHOLD_BYTES = 256 * 1024 * 1024
_NO_TRANSACTION = "No active transaction"


class _SharedDatabases:
    """Ladybug lets one process open a path twice, as two independent Database objects writing the
    same files; counting references here keeps it to one per path."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[str, tuple[ladybug.Database, int]] = {}

    def acquire(self, path: Path) -> ladybug.Database:
        key = str(path.resolve())
        with self._lock:
            if key in self._open:
                database, users = self._open[key]
                self._open[key] = (database, users + 1)
                return database
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # a file where the data directory should be, no permission …
                raise StoreUnavailable(
                    f"cannot create the embedded store's directory {path.parent}: {exc.strerror or exc}; "
                    "set PLANKG_DATA_DIR to a writable directory"
                ) from exc
            try:
                database = ladybug.Database(key, checkpoint_threshold=CHECKPOINT_THRESHOLD_BYTES)
            except RuntimeError as exc:
                if "lock" in str(exc).lower():
                    raise StoreUnavailable(
                        f"the embedded store {key} is in use by another process ({_first_line(exc)}); "
                        "stop it (e.g. a running `plankg serve`) or set PLANKG_DATA_DIR to another directory"
                    ) from exc
                raise StoreUnavailable(f"cannot open the embedded store {key}: {_first_line(exc)}") from exc
            self._open[key] = (database, 1)
            return database

    def release(self, path: Path) -> None:
        key = str(path.resolve())
        with self._lock:
            database, users = self._open[key]
            if users > 1:
                self._open[key] = (database, users - 1)
                return
            del self._open[key]
        database.close()


_DATABASES = _SharedDatabases()


class _QueryGate:
    """Shared for researcher queries, exclusive for writes. A query worker reads the database files
    from another process: opened, or read, while this process writes or checkpoints, it sees a torn
    state (measured: workers crashed while a loop of writes ran). Writes wait for running queries
    (at most their time limit); waiting writes go first, so queries cannot starve them."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def shared(self) -> Iterator[None]:
        with self._condition:
            while self._writing or self._writers_waiting:
                self._condition.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            while self._writing or self._readers:
                self._condition.wait()
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


def _write_plan() -> WritePlan:
    """MERGE over typed columns; CREATE (a new plan's nodes, fresh links) too, or over Arrow tables
    for large batches."""
    return write_plan(NODE_ROWS, RELATIONSHIP_ROWS, create_fresh_links=True, bulk_source=BULK_ROWS)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


class _ThreadConnection(Transaction):
    """One thread's connection, with statements prepared once for batch writes."""

    def __init__(self, database: ladybug.Database) -> None:
        self.connection = ladybug.Connection(database)
        # The pybind connection, when present, skips the wrapper's per-call walk over every
        # parameter value (it dominated bulk loads); otherwise batches go through execute().
        self._native: Any = self.connection._get_pybind_connection()
        self._prepared: dict[str, Any] = {}

    def run(self, statement: str, parameters: Mapping[str, Any]) -> list[Row]:
        try:
            result = self.connection.execute(statement, dict(parameters))
        except RuntimeError as exc:
            raise QueryFailed(_first_line(exc)) from exc
        if isinstance(result, list):
            for extra in result:
                extra.close()
            raise QueryFailed("only one statement may be run at a time")
        try:
            return _rows(result)
        finally:
            result.close()

    def run_batch(self, statement: cypher.BatchStatement, rows: Sequence[Sequence[Any]]) -> int:
        parameters = statement.parameters(rows)
        if self._native is None or isinstance(statement.source, cypher.ArrowRows):
            return int(self.run(statement.cypher, parameters)[0]["written"])
        try:
            prepared = self._prepared.get(statement.cypher)
            if prepared is None:
                sample = statement.source.sample_parameters(statement.columns)
                prepared = self._native.prepare(statement.cypher, sample)
                if not prepared.is_success():
                    raise QueryFailed(prepared.get_error_message())
                self._prepared[statement.cypher] = prepared
            result = self._native.execute(prepared, parameters)
            try:
                return int(result.getNext()[0])
            finally:
                result.close()
        except RuntimeError as exc:
            raise QueryFailed(_first_line(exc)) from exc

    def rollback(self) -> None:
        try:
            self.connection.execute("ROLLBACK")
        except RuntimeError as exc:
            # Ladybug already rolled back a transaction whose statement failed.
            if _NO_TRANSACTION not in str(exc):
                raise

    def forget_prepared(self) -> None:
        self._prepared.clear()

    def close(self) -> None:
        self._prepared.clear()
        self.connection.close()


class EmbeddedStore(GraphStore):
    backend = "embedded"
    # Rows per UNWIND. Measured with benchmarks/bulk_load.py (30k entities): 1k-2k rows use ~13%
    # less CPU and 200 MiB less memory than 10k-25k; smaller batches add per-statement overhead.
    batch_size = 2_000

    def __init__(self, path: Path, *, query_limits: QueryLimits | None = None) -> None:
        self.path = Path(path)
        self.query_limits = query_limits or QueryLimits()
        self._workers: QueryWorkers | None = None
        # Moves after every committed write: researcher query workers see the graph as it was when
        # they opened it, so a query after a write gets a fresh worker.
        self._generation = 0
        self._database = _DATABASES.acquire(self.path)
        self._local = threading.local()
        self._connections: list[_ThreadConnection] = []
        self._connections_lock = threading.Lock()
        self._write_lock = threading.Lock()
        self._query_gate = _QueryGate()
        self._closed = False

    # ------------------------------------------------------------ connections

    def _connection(self) -> _ThreadConnection:
        if self._closed:
            raise StoreUnavailable(f"the embedded store {self.path} is closed")
        connection: _ThreadConnection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = _ThreadConnection(self._database)
            self._local.connection = connection
            with self._connections_lock:
                self._connections.append(connection)
        return connection

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._workers is not None:
            self._workers.close()
        with self._connections_lock:
            for connection in self._connections:
                connection.close()
            self._connections.clear()
        _DATABASES.release(self.path)

    # ------------------------------------------------------------ schema

    def _tables(self) -> dict[str, str]:
        rows = self._connection().run("CALL show_tables() RETURN name, type", {})
        return {row["name"]: row["type"] for row in rows}

    def _columns(self, table: str) -> dict[str, str]:
        """Column types as the DDL spells them (table_info reports BOOLEAN as BOOL)."""
        rows = self._connection().run(f"CALL table_info({_literal(table)}) RETURN name, type", {})
        return {row["name"]: row["type"].replace("BOOL", "BOOLEAN") for row in rows}

    def _pairs(self, table: str) -> set[tuple[str, str]]:
        rows = self._connection().run(
            f"CALL show_connection({_literal(table)}) "
            "RETURN `source table name` AS s, `destination table name` AS t",
            {},
        )
        return {(row["s"], row["t"]) for row in rows}

    def apply_schema(self) -> None:
        """Create missing tables; add columns and FROM/TO pairs the ontology gained since."""
        schema = load_schema()
        with self._connections_lock:
            for thread_connection in self._connections:  # statements prepared against the old tables
                thread_connection.forget_prepared()
        with self._write_lock, self._query_gate.exclusive():
            self._generation += 1
            connection = self._connection()
            tables = self._tables()
            for spec in schema.nodes.values():
                if spec.label not in tables:
                    connection.run(cypher.ladybug_node_table(spec), {})
                    continue
                columns = self._columns(spec.label)
                for prop in spec.properties:
                    if prop.key not in columns:
                        connection.run(
                            f"ALTER TABLE {cypher.quote(spec.label)} "
                            f"ADD {cypher.quote(prop.key)} {cypher.ladybug_type(prop)}",
                            {},
                        )
            for rel in schema.relationships.values():
                if rel.type not in tables:
                    connection.run(cypher.ladybug_rel_table(rel), {})
                    continue
                for source, target in sorted(set(rel.pairs) - self._pairs(rel.type)):
                    connection.run(
                        f"ALTER TABLE {cypher.quote(rel.type)} "
                        f"ADD FROM {cypher.quote(source)} TO {cypher.quote(target)}",
                        {},
                    )
                columns = self._columns(rel.type)
                for prop in rel.properties:
                    if prop.key not in columns:
                        connection.run(
                            f"ALTER TABLE {cypher.quote(rel.type)} "
                            f"ADD {cypher.quote(prop.key)} {cypher.ladybug_type(prop)}",
                            {},
                        )

    def schema_applied(self) -> bool:
        schema = load_schema()
        tables = self._tables()
        for spec in schema.nodes.values():
            if tables.get(spec.label) != "NODE":
                return False
            columns = self._columns(spec.label)
            if any(columns.get(p.key) != cypher.ladybug_type(p) for p in spec.properties):
                return False
        for rel in schema.relationships.values():
            if tables.get(rel.type) != "REL" or not set(rel.pairs) <= self._pairs(rel.type):
                return False
            columns = self._columns(rel.type)
            if any(columns.get(p.key) != cypher.ladybug_type(p) for p in rel.properties):
                return False
        return True

    # ------------------------------------------------------------ writes

    def _in_transaction(self, work: Any) -> Any:
        with self._write_lock, self._query_gate.exclusive():
            connection = self._connection()
            connection.run("BEGIN TRANSACTION", {})
            try:
                result = work(connection)
            except BaseException:
                connection.rollback()
                raise
            try:
                connection.run("COMMIT", {})
            except StoreError:
                connection.rollback()
                raise
            finally:
                self._generation += 1
            return result

    def write_document(
        self, graph: PlanSubgraph, *, force: bool = False, replace: bool = False
    ) -> WriteResult:
        prepared = prepare_graph(graph)
        plan = _write_plan()
        result: WriteResult = self._in_transaction(
            lambda tx: write_prepared(
                tx, plan, prepared, force=force, replace=replace, batch_size=self.batch_size
            )
        )
        return result

    def write_documents(
        self, graphs: Sequence[PlanSubgraph], *, force: bool = False, replace: bool = False
    ) -> list[WriteResult | StoreError]:
        plan = _write_plan()

        def write_one(prepared: PreparedGraph) -> WriteResult:
            result: WriteResult = self._in_transaction(
                lambda tx: write_prepared(
                    tx, plan, prepared, force=force, replace=replace, batch_size=self.batch_size
                )
            )
            return result

        def write_batch(prepared: list[PreparedGraph]) -> list[WriteResult]:
            results: list[WriteResult] = self._in_transaction(
                lambda tx: write_new_batch(tx, plan, prepared, batch_size=self.batch_size)
            )
            return results

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
        plan = _write_plan()

        def delete(tx: _ThreadConnection) -> bool:
            if not tx.run(plan.fingerprint, {"plan_id": plan_id}):
                return False
            remove_plan(tx, plan, plan_id)
            return True

        deleted: bool = self._in_transaction(delete)
        return deleted

    def execute_write(self, statement: str, parameters: Mapping[str, Any] | None = None) -> list[Row]:
        """Run one raw write statement in its own transaction: for tests, benchmarks and maintenance
        (the API never calls this; application writes go through write_document)."""
        rows: list[Row] = self._in_transaction(lambda tx: tx.run(statement, parameters or {}))
        return rows

    # ------------------------------------------------------------ reads

    def read(self, cypher_text: str, parameters: Mapping[str, Any] | None = None) -> list[Row]:
        return self._connection().run(cypher_text, parameters or {})

    def read_only(
        self,
        cypher_text: str,
        parameters: Mapping[str, Any] | None = None,
        *,
        timeout_seconds: float,
        row_limit: int,
    ) -> tuple[list[Row], bool]:
        """A researcher's query: screened (plankg.graph.guard), then planned, checked against the
        allow-list of reading operators and run by a query worker process that holds the database
        read-only under a memory cap and is killed at the time limit (plankg.graph.query_worker)."""
        statement = screen_statement(cypher_text, self.backend)
        params = dict(parameters or {})
        screen_embedded_paging(statement, params)
        if self._closed:
            raise StoreUnavailable(f"the embedded store {self.path} is closed")
        with self._connections_lock:
            if self._workers is None:
                self._workers = QueryWorkers(
                    self.path,
                    memory_mb=self.query_limits.memory_mb,
                    max_answer_mb=self.query_limits.max_answer_mb,
                    max_workers=self.query_limits.workers,
                )
            workers = self._workers
        with self._query_gate.shared():  # no write while a worker opens or reads the files
            return workers.run(
                statement,
                params,
                generation=self._generation,
                timeout_seconds=timeout_seconds,
                row_limit=row_limit,
            )

    def counts(self) -> Counts:
        return count_all(self._connection())

    def ping(self) -> bool:
        try:
            return self.read("RETURN 1 AS ok") == [{"ok": 1}]
        except StoreError:
            return False


_SCALARS = frozenset((str, int, float, bool, type(None)))


def _rows(result: ladybug.QueryResult) -> list[Row]:
    """A result's rows as plain dicts. Read through the pybind result (the wrapper's get_next costs
    ~4 µs a row more) and converted (plain_row) only when a value is not a scalar already: reading
    back was a third of a 1,400-row question at 886 plans."""
    columns = result.get_column_names()
    native = result._query_result
    rows = []
    while native.hasNext():
        values = native.getNext()
        if _SCALARS.issuperset(map(type, values)):
            rows.append(dict(zip(columns, values, strict=True)))
        else:
            rows.append(plain_row(columns, values))
    return rows


def _literal(table: str) -> str:
    """A table name as a string literal: Ladybug's table functions take no parameters."""
    if not table.isidentifier():
        raise StoreError(f"unexpected table name {table!r}")
    return f"'{table}'"
