"""The graph as tables for analysis tools: one table per node label and one per relationship type,
read through the export_nodes and export_relationships named queries.

Beside each goal, direction, task and indicator stand the columns a researcher filters on — its
plan's title, region, period and issuer; tasks carry their parent, indicators what they measure. Each
link row carries both ends' names, its score and method, its plan and its evidence text (the source
document's characters at the link's span). Columns are typed from the ontology, so Parquet keeps ints,
floats, booleans and lists. Left out: search terms (a store detail) and a plan's whole source text
(it is `GET /plans/{id}/text`; evidence columns already quote it where it matters).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from plankg import queries
from plankg.graph.port import GraphStore, Row
from plankg.ontology.schema import OntologySchema, PropertySpec, load_schema

ColumnType = Literal["string", "int", "float", "bool", "list"]
PAGE_SIZE = 5000

_LEAD = ("id", "name", "title", "text")
_PROVENANCE = ("doc_id", "span_start", "span_end")
_LEFT_OUT = {"terms", "source_text", "plan_id"}  # plan_id is placed with the plan columns
_PLAN_COLUMNS: tuple[tuple[str, str, ColumnType], ...] = (
    ("plan_id", "id", "string"),
    ("plan_title", "title", "string"),
    ("plan_region", "region", "string"),
    ("plan_period_start", "period_start", "int"),
    ("plan_period_end", "period_end", "int"),
    ("plan_issuer", "issuer", "string"),
)
# Columns a node table gains from its outgoing links: <stem>_id and <stem>_name of the link's target,
# as (stem, relationship type, target label).
_DERIVED: dict[str, tuple[tuple[str, str, str], ...]] = {
    "Task": (("parent", "PART_OF", "Task"),),
    "Indicator": (("goal", "MEASURES", "Goal"), ("task", "MEASURES", "Task")),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType


@dataclass
class Table:
    """One node label's or one relationship type's rows, each a dict over `columns`."""

    name: str
    kind: Literal["node", "link"]
    columns: tuple[Column, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def to_pandas(self) -> Any:
        """A DataFrame with nullable dtypes (needs the `analysis` extra)."""
        from plankg.analysis.writers import to_pandas

        return to_pandas(self)


@dataclass
class GraphTables:
    """The node tables (by label) and link tables (by relationship type) of one export."""

    nodes: dict[str, Table]
    links: dict[str, Table]

    def tables(self) -> list[Table]:
        return [*self.nodes.values(), *self.links.values()]


def _column_type(prop: PropertySpec) -> ColumnType:
    return "list" if prop.multi_valued else prop.value_type


def _node_columns(label: str, schema: OntologySchema) -> tuple[Column, ...]:
    spec = schema.node(label)
    props = {p.key: p for p in spec.properties if not p.store_only and p.key not in _LEFT_OUT}
    columns = [Column(key, _column_type(props[key])) for key in _LEAD if key in props]
    columns += [
        Column(key, _column_type(prop))
        for key, prop in props.items()
        if key not in _LEAD and key not in _PROVENANCE
    ]
    for name, *_ in _DERIVED.get(label, ()):
        columns += [Column(f"{name}_id", "string"), Column(f"{name}_name", "string")]
    if spec.plan_owned and label != "Plan":
        columns += [Column(name, kind) for name, _, kind in _PLAN_COLUMNS]
    elif any(p.key == "plan_id" for p in spec.properties) and label != "Plan":
        columns.append(Column("plan_id", "string"))
    columns += [Column(key, _column_type(props[key])) for key in _PROVENANCE if key in props]
    return tuple(columns)


def _link_columns(rel_type: str, schema: OntologySchema) -> tuple[Column, ...]:
    props = {p.key: p for p in schema.relationship(rel_type).properties}
    ends = [
        Column(f"{end}_{part}", "string") for end in ("source", "target") for part in ("id", "type", "name")
    ]
    scored = [Column(key, _column_type(props[key])) for key in ("score", "method") if key in props]
    plan = [Column(name, kind) for name, _, kind in _PLAN_COLUMNS]
    provenance = [Column(key, _column_type(props[key])) for key in _PROVENANCE if key in props]
    return (*ends, *scored, Column("evidence", "string"), *plan, *provenance)


def _typed(value: Any, kind: ColumnType) -> Any:
    """A store value as its column's Python type (Neo4j and LadybugDB differ on ints held as floats)."""
    if value is None:
        return None
    if kind == "int":
        return int(value)
    if kind == "float":
        return float(value)
    if kind == "bool":
        return bool(value)
    if kind == "list":
        return [str(item) for item in value]
    return str(value)


def read_graph_tables(
    store: GraphStore, *, plan: str | None = None, page_size: int = PAGE_SIZE
) -> GraphTables:
    """The store's tables, or one plan's with the shared concepts and sectors it links to."""
    params = {"plan": plan or ""}
    node_rows = queries.pages(store, "export_nodes", params, page_size=page_size)
    link_rows = queries.pages(store, "export_relationships", params, page_size=page_size)
    return build_graph_tables(node_rows, link_rows)


def build_graph_tables(node_rows: Iterable[Row], link_rows: Iterable[Row]) -> GraphTables:
    """Tables from export rows: {label, properties} and {type, source_label, source_id, target_label,
    target_id, properties}."""
    schema = load_schema()
    nodes: dict[str, dict[str, Any]] = {}  # id -> properties
    labels: dict[str, str] = {}
    for row in node_rows:
        node_id = row["properties"]["id"]
        nodes[node_id] = row["properties"]
        labels[node_id] = row["label"]
    links = list(link_rows)
    plans = {node_id: props for node_id, props in nodes.items() if labels[node_id] == "Plan"}
    texts = {props.get("doc_id"): props.get("source_text") for props in plans.values()}

    derived: dict[str, dict[str, Any]] = {}  # node id -> its derived columns (the first link wins)
    for link in links:
        for stem, rel_type, target_label in _DERIVED.get(link["source_label"], ()):
            if link["type"] == rel_type and link["target_label"] == target_label:
                columns = derived.setdefault(link["source_id"], {})
                if f"{stem}_id" not in columns:
                    columns[f"{stem}_id"] = link["target_id"]
                    columns[f"{stem}_name"] = nodes.get(link["target_id"], {}).get("name")

    node_tables = {label: Table(label, "node", _node_columns(label, schema)) for label in schema.nodes}
    for node_id, props in nodes.items():
        table = node_tables[labels[node_id]]
        plan = plans.get(props.get("plan_id") or "", {})
        values: dict[str, Any] = {**props, **derived.get(node_id, {})}
        if table.name != "Plan":
            for name, key, _ in _PLAN_COLUMNS:
                values[name] = plan.get(key) if plan else None
            values["plan_id"] = props.get("plan_id")
        table.rows.append({c.name: _typed(values.get(c.name), c.type) for c in table.columns})

    link_tables = {t: Table(t, "link", _link_columns(t, schema)) for t in schema.relationships}
    for link in links:
        table = link_tables[link["type"]]
        props = link["properties"] or {}
        source, target = nodes.get(link["source_id"], {}), nodes.get(link["target_id"], {})
        plan_id = source.get("plan_id") or target.get("plan_id")
        plan = plans.get(plan_id or "", {})
        values = {
            "source_id": link["source_id"],
            "source_type": link["source_label"],
            "source_name": source.get("name"),
            "target_id": link["target_id"],
            "target_type": link["target_label"],
            "target_name": target.get("name"),
            "evidence": _evidence(
                texts.get(props.get("doc_id")), props.get("span_start"), props.get("span_end")
            ),
            **{name: plan.get(key) if plan else None for name, key, _ in _PLAN_COLUMNS},
            **{key: props.get(key) for key in ("score", "method", *_PROVENANCE)},
        }
        if not plan:
            values["plan_id"] = plan_id
        table.rows.append({c.name: _typed(values.get(c.name), c.type) for c in table.columns})
    return GraphTables(node_tables, link_tables)


def _evidence(text: str | None, start: Any, end: Any) -> str | None:
    if text is None or start is None or end is None:
        return None
    return text[int(start) : int(end)]
