"""Cypher generated from the ontology, shared by both backends where their dialects agree.

Only the way a batch of rows reaches a statement differs: Neo4j unwinds a list of maps
(`UNWIND $rows AS row ... row.name`), LadybugDB unwinds parallel typed columns (converting a list
of maps is ~5x slower there, and lists holding nulls trip its type inference). A `RowSource`
hides that difference; the MERGE/SET body after it is the same text on both backends.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pyarrow as pa

from plankg.ontology.schema import (
    NodeSpec,
    OntologySchema,
    PropertySpec,
    RelationshipSpec,
    ValueType,
    load_schema,
)

# Ladybug column types of the ontology's value types.
LADYBUG_TYPES: dict[ValueType, str] = {
    "string": "STRING",
    "int": "INT64",
    "float": "DOUBLE",
    "bool": "BOOLEAN",
}

PLAN_LABEL = load_schema().plan_label
CANDIDATE_KEY = "candidate"  # shared nodes flagged candidate=true go once nothing links them


def quote(identifier: str) -> str:
    """Backtick-quote a label, type or property name (`order`, `value` are keywords)."""
    return "`" + identifier.replace("`", "``") + "`"


def ladybug_type(prop: PropertySpec) -> str:
    base = LADYBUG_TYPES[prop.value_type]
    return f"{base}[]" if prop.multi_valued else base


# ---------------------------------------------------------------- schema DDL


def ladybug_node_table(spec: NodeSpec) -> str:
    columns = ", ".join(f"{quote(p.key)} {ladybug_type(p)}" for p in spec.properties)
    return f"CREATE NODE TABLE IF NOT EXISTS {quote(spec.label)}({columns}, PRIMARY KEY(id))"


def ladybug_rel_table(spec: RelationshipSpec) -> str:
    pairs = ", ".join(f"FROM {quote(s)} TO {quote(t)}" for s, t in spec.pairs)
    props = "".join(f", {quote(p.key)} {ladybug_type(p)}" for p in spec.properties)
    return f"CREATE REL TABLE IF NOT EXISTS {quote(spec.type)}({pairs}{props})"


@dataclass(frozen=True)
class Neo4jSchemaItem:
    name: str
    kind: str  # "constraint" or "index"
    cypher: str


def neo4j_schema(schema: OntologySchema) -> list[Neo4jSchemaItem]:
    """A uniqueness constraint on id per label, lookup indexes on plan_id, name and the keys that join
    plans (title_key of plans and citations, series_key of plans), the measure of indicators (the
    indicator comparison), one full-text index."""
    items: list[Neo4jSchemaItem] = []
    for spec in schema.nodes.values():
        lower = spec.label.lower()
        label = quote(spec.label)
        items.append(
            Neo4jSchemaItem(
                f"plankg_{lower}_id",
                "constraint",
                f"CREATE CONSTRAINT plankg_{lower}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
            )
        )
        for key in ("plan_id", "name", "title_key", "series_key", "measure"):
            if key in spec.keys:
                items.append(
                    Neo4jSchemaItem(
                        f"plankg_{lower}_{key}",
                        "index",
                        f"CREATE INDEX plankg_{lower}_{key} IF NOT EXISTS "
                        f"FOR (n:{label}) ON (n.{quote(key)})",
                    )
                )
    text_keys = [k for k in ("name", "text") if any(k in s.keys for s in schema.nodes.values())]
    labels = "|".join(quote(label) for label in schema.nodes)
    on_each = ", ".join(f"n.{quote(k)}" for k in text_keys)
    items.append(
        Neo4jSchemaItem(
            FULLTEXT_INDEX,
            "index",
            f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{labels}) ON EACH [{on_each}]",
        )
    )
    return items


FULLTEXT_INDEX = "plankg_fulltext"  # Neo4j only: CALL db.index.fulltext.queryNodes('plankg_fulltext', $q)


# ---------------------------------------------------------------- batched writes


@dataclass(frozen=True)
class Column:
    """One value of every row of a batch: a property, or a relationship's source/target id."""

    key: str
    value_type: ValueType
    multi_valued: bool = False


class RowSource(ABC):
    """How a batch of rows (tuples, one value per column) enters a statement."""

    # Rows per statement when the source sets its own (else the store's batch size).
    batch_rows: ClassVar[int | None] = None
    # Fewest rows worth a statement fed by this source, where the writer has another to choose.
    min_rows: ClassVar[int] = 0

    @abstractmethod
    def unwind(self, columns: Sequence[Column]) -> str:
        """The clause that turns the parameters into one row per record."""

    @abstractmethod
    def ref(self, columns: Sequence[Column], key: str) -> str:
        """The expression for column `key` of the current row."""

    @abstractmethod
    def parameters(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        """The query parameters carrying the rows."""

    def sample_parameters(self, columns: Sequence[Column]) -> dict[str, Any]:
        """One-row parameters of the right types, to prepare a statement before the real batch."""
        row = tuple(
            [_SENTINELS[c.value_type]] if c.multi_valued else _SENTINELS[c.value_type] for c in columns
        )
        return self.parameters(columns, [row])


class MapRows(RowSource):
    """Neo4j: `UNWIND $rows AS row`, each row a map (the idiom Neo4j's own loaders use)."""

    def unwind(self, columns: Sequence[Column]) -> str:
        return "UNWIND $rows AS row"

    def ref(self, columns: Sequence[Column], key: str) -> str:
        return f"row.{quote(key)}"

    def parameters(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        keys = [c.key for c in columns]
        return {"rows": [dict(zip(keys, row, strict=True)) for row in rows]}


_SENTINELS: dict[ValueType, Any] = {"string": "", "int": 0, "float": 0.0, "bool": False}


class ColumnRows(RowSource):
    """LadybugDB: parallel lists `$c0, $c1 …` indexed by `UNWIND range(1, $n) AS i` (lists count from 1).

    Each list ends with a typed sentinel that no row reads, so a column of nulls still has a type
    (an all-null list crashes Ladybug 0.22's type inference). List-valued columns carry nulls as
    empty lists plus a null mask `$m<k>`, because a null inside a list of lists is mis-converted.
    """

    def unwind(self, columns: Sequence[Column]) -> str:
        values = []
        for index, column in enumerate(columns):
            value = f"$c{index}[i]"
            if column.multi_valued:
                value = f"CASE WHEN $m{index}[i] THEN NULL ELSE {value} END"
            values.append(f"{value} AS v{index}")
        return "UNWIND range(1, $n) AS i WITH " + ", ".join(values)

    def ref(self, columns: Sequence[Column], key: str) -> str:
        for index, column in enumerate(columns):
            if column.key == key:
                return f"v{index}"
        raise KeyError(key)

    def parameters(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        params: dict[str, Any] = {"n": len(rows)}
        for index, (column, values) in enumerate(zip(columns, _columns_of(rows, len(columns)), strict=True)):
            sentinel = _SENTINELS[column.value_type]
            if column.multi_valued:
                params[f"m{index}"] = [v is None for v in values] + [False]
                params[f"c{index}"] = [[] if v is None else list(v) for v in values] + [[sentinel]]
            else:
                if column.value_type == "float":
                    values = [None if v is None else float(v) for v in values]
                params[f"c{index}"] = [*values, sentinel]
        return params


class IndexedRows(ColumnRows):
    """LadybugDB, for relationships: `UNWIND $rows AS row` over small maps {i, src, dst} (never null),
    the properties read from typed columns as `$c<k>[row.i]`.

    Matching the end nodes on values projected by a WITH (as ColumnRows does) makes Ladybug plan a
    scan and hash join instead of two primary-key lookups: 5-60x slower, measured. Values read
    straight from the unwound map keep the lookups; the columns keep nulls safe (a null inside a
    list of maps is mistyped by Ladybug 0.22).
    """

    _FIELDS: ClassVar[dict[str, str]] = {"_source": "src", "_target": "dst"}

    def unwind(self, columns: Sequence[Column]) -> str:
        return "UNWIND $rows AS row"

    def ref(self, columns: Sequence[Column], key: str) -> str:
        if key in self._FIELDS:
            return f"row.{self._FIELDS[key]}"
        for index, column in enumerate(columns):
            if column.key == key:
                value = f"$c{index}[row.i]"
                if column.multi_valued:
                    return f"(CASE WHEN $m{index}[row.i] THEN NULL ELSE {value} END)"
                return value
        raise KeyError(key)

    def parameters(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        ends = [index for index, column in enumerate(columns) if column.key in self._FIELDS]
        params = super().parameters(columns, rows)
        del params["n"]
        for index in ends:
            del params[f"c{index}"]
        params["rows"] = [
            {"i": number, **{self._FIELDS[columns[index].key]: row[index] for index in ends}}
            for number, row in enumerate(rows, start=1)
        ]
        return params


_ARROW_TYPES: dict[ValueType, pa.DataType] = {
    "string": pa.string(),
    "int": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
}


class ArrowRows(RowSource):
    """LadybugDB, for CREATE: `LOAD FROM $rows`, the rows one typed Arrow table scanned by the
    database, each column by its name. Values cross into the database as columns, not one Python
    object at a time: CREATE of 10k nodes or links takes 2x less CPU than over UNWIND (measured), a
    small batch more (see min_rows).
    Unlike COPY FROM, it is an ordinary statement of the transaction: Ladybug 0.22 rolls a COPY into
    a non-empty table back wrongly (the next write stores the rolled-back rows, measured), a CREATE
    fed by LOAD FROM correctly. Relationships keep their primary-key lookups of the end nodes."""

    batch_rows = 50_000  # larger tables cost less per row; this bounds one table's memory
    # A LOAD FROM statement costs ~1.3 ms more than a prepared UNWIND and ~10 µs less per row
    # (measured): below this, the UNWIND form is cheaper.
    min_rows = 200

    def unwind(self, columns: Sequence[Column]) -> str:
        return "LOAD FROM $rows"

    def ref(self, columns: Sequence[Column], key: str) -> str:
        if not any(column.key == key for column in columns):
            raise KeyError(key)
        return quote(key)

    def parameters(self, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        arrays = []
        for column, values in zip(columns, _columns_of(rows, len(columns)), strict=True):
            kind = _ARROW_TYPES[column.value_type]
            arrays.append(pa.array(values, type=pa.list_(kind) if column.multi_valued else kind))
        return {"rows": pa.Table.from_arrays(arrays, names=[column.key for column in columns])}


def _columns_of(rows: Sequence[Sequence[Any]], width: int) -> list[Sequence[Any]]:
    """The rows' values column by column (one transposition instead of a pass per column)."""
    return list(zip(*rows, strict=True)) if rows else [()] * width


@dataclass(frozen=True)
class BatchStatement:
    """A statement run once per batch; it returns one row `{written: <rows it merged>}`."""

    cypher: str
    columns: tuple[Column, ...]
    source: RowSource

    def parameters(self, rows: Sequence[Sequence[Any]]) -> dict[str, Any]:
        return self.source.parameters(self.columns, rows)


def node_columns(spec: NodeSpec) -> tuple[Column, ...]:
    return tuple(Column(p.key, p.value_type, p.multi_valued) for p in spec.properties)


def relationship_columns(spec: RelationshipSpec) -> tuple[Column, ...]:
    ends = (Column("_source", "string"), Column("_target", "string"))
    return ends + tuple(Column(p.key, p.value_type, p.multi_valued) for p in spec.properties)


def node_upsert(spec: NodeSpec, source: RowSource) -> BatchStatement:
    """MERGE on id, then set every property (null when absent). Shared vocabulary nodes keep a value
    they already have when this document has none, so one plan cannot blank another's alt names.
    ON CREATE/ON MATCH rather than one SET: Ladybug loads new nodes ~1.4x faster so (measured)."""
    columns = node_columns(spec)
    on_create, on_match = [], []
    for column in columns:
        if column.key == "id":
            continue
        target = f"n.{quote(column.key)}"
        value = source.ref(columns, column.key)
        on_create.append(f"{target} = {value}")
        kept = value if spec.plan_owned else f"coalesce({value}, {target})"
        on_match.append(f"{target} = {kept}")
    cypher = (
        f"{source.unwind(columns)} "
        f"MERGE (n:{quote(spec.label)} {{id: {source.ref(columns, 'id')}}}) "
        f"ON CREATE SET {', '.join(on_create)} ON MATCH SET {', '.join(on_match)} "
        "RETURN count(n) AS written"
    )
    return BatchStatement(cypher, columns, source)


def node_create(spec: NodeSpec, source: RowSource) -> BatchStatement:
    """CREATE with every property, for the plan-owned nodes of a plan new to the store: none of its ids
    exists (the writer refuses ids another plan owns), so this is what MERGE would do, without a
    lookup per row (Ladybug: ~1.3x less CPU than MERGE, measured)."""
    columns = node_columns(spec)
    props = ", ".join(f"{quote(c.key)}: {source.ref(columns, c.key)}" for c in columns)
    cypher = f"{source.unwind(columns)} CREATE (n:{quote(spec.label)} {{{props}}}) RETURN count(n) AS written"
    return BatchStatement(cypher, columns, source)


def plan_fingerprints() -> str:
    """The stored sha256 of those of some plan ids that are stored."""
    return (
        f"UNWIND $plan_ids AS wanted MATCH (p:{quote(PLAN_LABEL)} {{id: wanted}}) "
        "RETURN p.id AS id, p.source_sha256 AS source_sha256"
    )


def relationship_upsert(
    spec: RelationshipSpec, source_label: str, target_label: str, source: RowSource
) -> BatchStatement:
    """Two separate MATCHes (a comma-joined MATCH is ~300x slower on Ladybug), then MERGE and set
    the properties. ON CREATE/ON MATCH rather than a plain SET: Ladybug finds a relationship created
    in the same statement by walking its node's adjacency, so a plain SET costs O(degree) per row
    (a plan with 4k tasks: 1.6 s against 0.9 s). A row whose end node is missing matches nothing,
    so `written` falls short and the writer fails."""
    columns = relationship_columns(spec)
    sets = ", ".join(f"r.{quote(c.key)} = {source.ref(columns, c.key)}" for c in columns[2:])
    cypher = (
        f"{source.unwind(columns)} "
        f"MATCH (a:{quote(source_label)} {{id: {source.ref(columns, '_source')}}}) "
        f"MATCH (b:{quote(target_label)} {{id: {source.ref(columns, '_target')}}}) "
        f"MERGE (a)-[r:{quote(spec.type)}]->(b) "
        + (f"ON CREATE SET {sets} ON MATCH SET {sets} " if sets else "")
        + "RETURN count(r) AS written"
    )
    return BatchStatement(cypher, columns, source)


def relationship_create(
    spec: RelationshipSpec, source_label: str, target_label: str, source: RowSource
) -> BatchStatement:
    """CREATE with its properties, for links starting at a plan-owned node of the document: no such
    link can exist yet (the writer deletes the links starting at the plan's old nodes, refuses ids
    owned by another plan, and dedupes the document's links), so this is what MERGE would do.
    Ladybug sets properties on a link created in the same transaction in O(degree): with MERGE +
    SET, a plan node with 15k HAS_TASK links took 12-18 s against 1 s for CREATE (measured)."""
    columns = relationship_columns(spec)
    props = ", ".join(f"{quote(c.key)}: {source.ref(columns, c.key)}" for c in columns[2:])
    cypher = (
        f"{source.unwind(columns)} "
        f"MATCH (a:{quote(source_label)} {{id: {source.ref(columns, '_source')}}}) "
        f"MATCH (b:{quote(target_label)} {{id: {source.ref(columns, '_target')}}}) "
        f"CREATE (a)-[r:{quote(spec.type)}{' {' + props + '}' if props else ''}]->(b) "
        "RETURN count(r) AS written"
    )
    return BatchStatement(cypher, columns, source)


# ---------------------------------------------------------------- plan-level statements (same text on both)


def plan_fingerprint() -> str:
    return f"MATCH (p:{quote(PLAN_LABEL)} {{id: $plan_id}}) RETURN p.source_sha256 AS source_sha256"


def plan_source() -> str:
    """What a stored plan was loaded from: enough to tell its own edited document from another one."""
    return (
        f"MATCH (p:{quote(PLAN_LABEL)} {{id: $plan_id}}) "
        "RETURN p.source_path AS source_path, p.source_text AS source_text"
    )


def plan_node_ids(label: str) -> str:
    return f"MATCH (n:{quote(label)}) WHERE n.plan_id = $plan_id RETURN n.id AS id"


def delete_plan_links(label: str) -> str:
    """Delete the links that start at the plan's nodes of one label (links other plans made to them
    stay as long as their end does)."""
    return f"MATCH (n:{quote(label)})-[r]->() WHERE n.plan_id = $plan_id DELETE r"


def delete_nodes(label: str) -> str:
    return f"UNWIND $ids AS gone MATCH (n:{quote(label)} {{id: gone}}) DETACH DELETE n"


def delete_plan_statements(schema: OntologySchema) -> list[str]:
    """DETACH DELETE the plan node and every node of a plan-owned label that carries its plan_id."""
    statements = [f"MATCH (n:{quote(PLAN_LABEL)}) WHERE n.id = $plan_id DETACH DELETE n"]
    for label in schema.plan_owned_labels:
        if label != PLAN_LABEL:
            statements.append(f"MATCH (n:{quote(label)}) WHERE n.plan_id = $plan_id DETACH DELETE n")
    return statements


def orphan_candidate_cleanup(schema: OntologySchema) -> list[str]:
    """Shared nodes a document discovered (candidate = true) that nothing points to any more: links
    run from user to used (MENTIONS, IN_SECTOR, narrower BROADER broader), so no incoming link means
    unused; its own outgoing BROADER links go with it. `$keep` (never empty) spares the ids the
    document being written carries. One pass: a candidate only a deleted one pointed to stays until
    the next delete or replace."""
    return [
        f"MATCH (n:{quote(spec.label)}) WHERE n.{CANDIDATE_KEY} = true AND NOT n.id IN $keep "
        f"AND NOT EXISTS {{ MATCH (n)<-[]-() }} DETACH DELETE n"
        for spec in schema.nodes.values()
        if not spec.plan_owned and CANDIDATE_KEY in spec.keys
    ]


def existing_ids(label: str) -> str:
    return (
        f"UNWIND $ids AS wanted MATCH (n:{quote(label)} {{id: wanted}}) "
        "RETURN n.id AS id, n.plan_id AS plan_id"
    )


def stored_nodes(spec: NodeSpec) -> str:
    """Every property of the stored nodes of some ids (absent ids return nothing)."""
    props = ", ".join(f"n.{quote(p.key)} AS {quote(p.key)}" for p in spec.properties)
    return f"UNWIND $ids AS wanted MATCH (n:{quote(spec.label)} {{id: wanted}}) RETURN {props}"


def label_count(label: str) -> str:
    return f"MATCH (n:{quote(label)}) RETURN count(n) AS count"


def type_count(rel_type: str) -> str:
    return f"MATCH ()-[r:{quote(rel_type)}]->() RETURN count(r) AS count"
