"""The one write algorithm both backends run inside their own transaction.

A backend supplies a `Transaction` (run a statement, run a batch statement); this module turns a
PlanSubgraph into ordered, batched statements generated from the ontology and checks the outcome.
"""

from __future__ import annotations

import gc
import logging
import time
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

from plankg.graph import cypher
from plankg.graph.identity import compare_sources
from plankg.graph.plan_links import ResolveStatements, resolve_statements
from plankg.graph.port import (
    Counts,
    InvalidGraph,
    PlanCollision,
    QueryFailed,
    Row,
    StoreError,
    WriteResult,
)
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph
from plankg.ontology.schema import PropertySpec, load_schema

log = logging.getLogger(__name__)
CITATION_LABEL = "Citation"
T = TypeVar("T")


class Transaction(ABC):
    """One open transaction of a backend."""

    @abstractmethod
    def run(self, statement: str, parameters: Mapping[str, Any]) -> list[Row]: ...

    @abstractmethod
    def run_batch(self, statement: cypher.BatchStatement, rows: Sequence[Sequence[Any]]) -> int:
        """Run a batch statement over rows (never empty); return its `written` count."""


@dataclass(frozen=True)
class WritePlan:
    """The statements of one backend dialect, generated once from the ontology."""

    nodes: dict[str, cypher.BatchStatement]
    # CREATE statements of the plan-owned labels, for plans new to the store (no id can exist yet).
    new_nodes: dict[str, cypher.BatchStatement]
    # The same CREATEs (new plan's nodes by label, fresh links by key) fed by the backend's bulk row
    # source, for batches of at least its `min_rows` rows; empty when it has none.
    bulk_nodes: dict[str, cypher.BatchStatement]
    bulk_links: dict[tuple[str, str, str, bool], cypher.BatchStatement]
    # (type, source label, target label, fresh): a fresh link starts at a plan-owned node of the
    # document, which this write created or stripped of its outgoing links: it cannot exist yet.
    relationships: dict[tuple[str, str, str, bool], cypher.BatchStatement]
    fingerprint: str
    fingerprints: str
    source: str
    plan_node_ids: dict[str, str]
    delete_plan_links: tuple[str, ...]
    delete_nodes: dict[str, str]
    delete_plan: tuple[str, ...]
    cleanup: tuple[str, ...]
    resolve: ResolveStatements
    # Shared (not plan-owned) nodes as stored, to write only those a document creates or changes.
    stored_nodes: dict[str, str]


@cache
def write_plan(
    node_source: cypher.RowSource,
    relationship_source: cypher.RowSource,
    *,
    create_fresh_links: bool = False,
    bulk_source: cypher.RowSource | None = None,
) -> WritePlan:
    """The statements of one dialect. With `create_fresh_links`, fresh links are CREATEd (what MERGE
    would do, as none can exist; much faster on Ladybug), the others MERGEd; else all are MERGEd.
    `bulk_source` feeds the same CREATEs for large batches (a new plan's nodes, fresh links)."""
    schema = load_schema()
    owned = schema.plan_owned_labels
    relationships: dict[tuple[str, str, str, bool], cypher.BatchStatement] = {}
    bulk_links: dict[tuple[str, str, str, bool], cypher.BatchStatement] = {}
    for spec in schema.relationships.values():
        for s, t in spec.pairs:
            merge = cypher.relationship_upsert(spec, s, t, relationship_source)
            create = cypher.relationship_create(spec, s, t, relationship_source)
            relationships[(spec.type, s, t, False)] = merge
            relationships[(spec.type, s, t, True)] = create if create_fresh_links else merge
            if bulk_source is not None and create_fresh_links:
                bulk_links[(spec.type, s, t, True)] = cypher.relationship_create(spec, s, t, bulk_source)
    return WritePlan(
        nodes={label: cypher.node_upsert(spec, node_source) for label, spec in schema.nodes.items()},
        new_nodes={label: cypher.node_create(schema.node(label), node_source) for label in owned},
        bulk_nodes={label: cypher.node_create(schema.node(label), bulk_source) for label in owned}
        if bulk_source is not None
        else {},
        bulk_links=bulk_links,
        relationships=relationships,
        fingerprint=cypher.plan_fingerprint(),
        fingerprints=cypher.plan_fingerprints(),
        source=cypher.plan_source(),
        plan_node_ids={label: cypher.plan_node_ids(label) for label in owned},
        delete_plan_links=tuple(cypher.delete_plan_links(label) for label in owned),
        delete_nodes={label: cypher.delete_nodes(label) for label in owned},
        delete_plan=tuple(cypher.delete_plan_statements(schema)),
        cleanup=tuple(cypher.orphan_candidate_cleanup(schema)),
        resolve=resolve_statements(),
        stored_nodes={
            label: cypher.stored_nodes(spec) for label, spec in schema.nodes.items() if not spec.plan_owned
        },
    )


@dataclass(frozen=True)
class PreparedGraph:
    """A validated PlanSubgraph as rows per label and per (type, source label, target label, fresh)."""

    plan_id: str
    source_sha256: str
    source_path: str | None
    source_text: str | None
    node_rows: dict[str, list[tuple[Any, ...]]]
    relationship_rows: dict[tuple[str, str, str, bool], list[tuple[Any, ...]]]
    node_ids: frozenset[tuple[str, str]]
    owned_ids: dict[str, frozenset[str]]  # plan-owned ids of the document, per label

    @property
    def node_count(self) -> int:
        return sum(len(rows) for rows in self.node_rows.values())

    @property
    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationship_rows.values())


def prepare_graph(graph: PlanSubgraph) -> PreparedGraph:
    """Validate against the ontology and lay the graph out as rows; raise InvalidGraph on bad input."""
    try:
        graph.validate_against_ontology()
    except (ValueError, KeyError) as exc:
        raise InvalidGraph(str(exc).strip("\"'")) from exc
    nodes: dict[tuple[str, str], GraphNode] = {}
    for node in graph.nodes:
        key = (node.label, node.id)
        if key in nodes and nodes[key].properties != node.properties:
            raise InvalidGraph(f"{node.label} {node.id} appears twice with different properties")
        nodes[key] = node
    plan = nodes.get((cypher.PLAN_LABEL, graph.plan_id))
    if plan is None:
        raise InvalidGraph(f"the graph has no {cypher.PLAN_LABEL} node with id {graph.plan_id!r}")
    plan_sha = plan.properties.get("source_sha256")
    if plan_sha not in (None, graph.source_sha256):
        raise InvalidGraph(f"plan {graph.plan_id}: source_sha256 {plan_sha} differs from the graph's")

    node_rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    owned_ids: dict[str, set[str]] = defaultdict(set)
    for (label, node_id), node in nodes.items():
        layout = _node_layout(label)
        properties = node.properties
        row = list(map(properties.get, layout.keys))
        row[layout.at_id] = node_id
        if layout.plan_owned:
            owner = properties.get("plan_id")
            if owner not in (None, graph.plan_id):
                raise InvalidGraph(f"{label} {node_id} belongs to plan {owner}, not {graph.plan_id}")
            if layout.at_plan_id is not None:
                row[layout.at_plan_id] = graph.plan_id
            owned_ids[label].add(node_id)
        if layout.at_source_sha256 is not None:
            row[layout.at_source_sha256] = graph.source_sha256
        node_rows[label].append(_floats(layout.floats, row))

    relationships: dict[tuple[str, str, str, str, str], GraphRelationship] = {}
    for rel in graph.relationships:
        relationships[(rel.type, rel.source_label, rel.target_label, rel.source_id, rel.target_id)] = rel
    relationship_rows: dict[tuple[str, str, str, bool], list[tuple[Any, ...]]] = defaultdict(list)
    for (rel_type, source_label, target_label, source_id, target_id), rel in relationships.items():
        fresh = source_id in owned_ids.get(source_label, ())
        keys, floats = _relationship_layout(rel_type)
        row = [source_id, target_id, *map(rel.properties.get, keys)]
        relationship_rows[(rel_type, source_label, target_label, fresh)].append(_floats(floats, row))
    return PreparedGraph(
        plan_id=graph.plan_id,
        source_sha256=graph.source_sha256,
        source_path=plan.properties.get("source_path"),
        source_text=plan.properties.get("source_text"),
        node_rows=dict(node_rows),
        relationship_rows=dict(relationship_rows),
        node_ids=frozenset(nodes),
        owned_ids={label: frozenset(ids) for label, ids in owned_ids.items()},
    )


# (position, multi-valued) of the float properties in a row
Floats = tuple[tuple[int, bool], ...]


@dataclass(frozen=True)
class NodeLayout:
    """Where a label's values go in its rows (the order of the ontology's properties)."""

    keys: tuple[str, ...]
    floats: Floats
    plan_owned: bool
    at_id: int
    at_plan_id: int | None
    at_source_sha256: int | None  # the plan node's, set from the graph


def _floats(floats: Floats, row: list[Any]) -> tuple[Any, ...]:
    """The row as the store keeps it: a float property given as 200 is stored as 200.0 on both
    backends (Neo4j would otherwise keep an integer where Ladybug keeps a DOUBLE)."""
    for at, multi in floats:
        value = row[at]
        if value is not None:
            row[at] = [float(v) for v in value] if multi else float(value)
    return tuple(row)


def _float_positions(props: Sequence[PropertySpec], offset: int = 0) -> Floats:
    return tuple(
        (offset + at, prop.multi_valued) for at, prop in enumerate(props) if prop.value_type == "float"
    )


@cache
def _node_layout(label: str) -> NodeLayout:
    spec = load_schema().node(label)
    keys = spec.keys
    return NodeLayout(
        keys=keys,
        floats=_float_positions(spec.properties),
        plan_owned=spec.plan_owned,
        at_id=keys.index("id"),
        at_plan_id=keys.index("plan_id") if "plan_id" in keys else None,
        at_source_sha256=(
            keys.index("source_sha256") if label == cypher.PLAN_LABEL and "source_sha256" in keys else None
        ),
    )


@cache
def _relationship_layout(rel_type: str) -> tuple[tuple[str, ...], Floats]:
    """A type's property keys, and the float positions of its rows (after source and target id)."""
    spec = load_schema().relationship(rel_type)
    return spec.keys, _float_positions(spec.properties, offset=2)


def batches(rows: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_prepared(
    tx: Transaction,
    plan: WritePlan,
    graph: PreparedGraph,
    *,
    force: bool,
    batch_size: int,
    replace: bool = False,
) -> WriteResult:
    """Replace the plan's subgraph with `graph` inside `tx`; raise (so the caller rolls back) on failure.

    A plan loaded before keeps the nodes whose ids come again (updated in place, so links other plans
    made to them survive); its other nodes and the links starting at its nodes go, and the
    document's links are written anew. Deleting all its nodes first would be simpler, but Neo4j
    then MERGEs the same ids 3-5x slower (measured: 19 s against 7.6 s for a 10k-entity plan).
    A plan new to the store has its own nodes CREATEd: none of their ids can exist.
    """
    existing = tx.run(plan.fingerprint, {"plan_id": graph.plan_id})
    if existing and existing[0]["source_sha256"] == graph.source_sha256 and not force:
        return WriteResult(plan_id=graph.plan_id, changed=False)
    if existing and not replace:
        _refuse_another_source(tx, plan, graph)
    _refuse_foreign_ids(tx, plan, [graph])
    if existing:
        _strip_old_version(tx, plan, graph, batch_size)
    _write_rows(
        tx,
        plan,
        graph.plan_id,
        graph.node_rows,
        graph.relationship_rows,
        [graph],
        new=not existing,
        batch_size=batch_size,
    )
    _resolve_plan_links(tx, plan, [graph], incoming=bool(existing))
    if existing:
        shared = {label for label, spec in load_schema().nodes.items() if not spec.plan_owned}
        keep = sorted({node_id for label, node_id in graph.node_ids if label in shared} | {""})
        for statement in plan.cleanup:
            tx.run(statement, {"keep": keep})
    return WriteResult(
        plan_id=graph.plan_id,
        changed=True,
        nodes=graph.node_count,
        relationships=graph.relationship_count,
        replaced=bool(existing),
    )


class NotBatchable(Exception):
    """A batch of new documents that must be written one by one instead: a plan of it is stored by
    now, or its documents share ids or link to each other's nodes. Nothing was written."""


def write_new_batch(
    tx: Transaction, plan: WritePlan, graphs: Sequence[PreparedGraph], *, batch_size: int
) -> list[WriteResult]:
    """Write the documents of several plans new to the store inside `tx`, as one document's statements
    over all their rows: the per-statement cost that dominates small plans is paid once per batch.
    The outcome is what writing them one after another gives (shared nodes keep the last non-null
    value, a shared link the last document's properties); anything that could make it differ raises
    NotBatchable, any refusal InvalidGraph: the caller rolls back and writes them one by one."""
    plan_ids = [graph.plan_id for graph in graphs]
    if len(set(plan_ids)) != len(plan_ids) or tx.run(plan.fingerprints, {"plan_ids": plan_ids}):
        raise NotBatchable("a plan of the batch is stored or comes twice")
    owner: dict[tuple[str, str], int] = {}
    for number, graph in enumerate(graphs):
        for label, ids in graph.owned_ids.items():
            for node_id in ids:
                if owner.setdefault((label, node_id), number) != number:
                    raise NotBatchable(f"{label} {node_id} is in two documents of the batch")
    for number, graph in enumerate(graphs):
        for (_type, source_label, target_label, _fresh), rows in graph.relationship_rows.items():
            for row in rows:
                if (
                    owner.get((source_label, row[0]), number) != number
                    or owner.get((target_label, row[1]), number) != number
                ):
                    raise NotBatchable("a document of the batch links to another one's node")
    _refuse_foreign_ids(tx, plan, graphs)
    node_rows, relationship_rows = _combined_rows(graphs)
    _write_rows(
        tx,
        plan,
        f"{len(graphs)} new plans",
        node_rows,
        relationship_rows,
        graphs,
        new=True,
        batch_size=batch_size,
    )
    _resolve_plan_links(tx, plan, graphs, incoming=False)
    return [
        WriteResult(
            plan_id=graph.plan_id,
            changed=True,
            nodes=graph.node_count,
            relationships=graph.relationship_count,
        )
        for graph in graphs
    ]


def _combined_rows(
    graphs: Sequence[PreparedGraph],
) -> tuple[dict[str, list[tuple[Any, ...]]], dict[tuple[str, str, str, bool], list[tuple[Any, ...]]]]:
    """The rows of several documents as one document's: plan-owned nodes and the links starting at them
    side by side (their ids are disjoint); a shared node once, each property the last non-null value
    the documents give it in order (what ON MATCH coalesce(new, stored) leaves after writing them one
    by one); a link between shared nodes once, with the last document's properties (MERGE's SET)."""
    node_rows: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    shared: dict[str, dict[Any, tuple[Any, ...]]] = defaultdict(dict)
    relationship_rows: dict[tuple[str, str, str, bool], list[tuple[Any, ...]]] = defaultdict(list)
    merged_links: dict[tuple[str, str, str, bool], dict[tuple[Any, Any], tuple[Any, ...]]] = defaultdict(dict)
    for graph in graphs:
        for label, rows in graph.node_rows.items():
            layout = _node_layout(label)
            if layout.plan_owned:
                node_rows[label].extend(rows)
                continue
            at_id = layout.at_id
            seen = shared[label]
            for row in rows:
                old = seen.get(row[at_id])
                seen[row[at_id]] = (
                    row
                    if old is None
                    else tuple(
                        old_value if value is None else value
                        for value, old_value in zip(row, old, strict=True)
                    )
                )
        for key, rows in graph.relationship_rows.items():
            if key[3]:
                relationship_rows[key].extend(rows)
            else:
                merged_links[key].update({(row[0], row[1]): row for row in rows})
    for label, by_id in shared.items():
        node_rows[label] = list(by_id.values())
    for key, by_ends in merged_links.items():
        relationship_rows[key] = list(by_ends.values())
    return dict(node_rows), dict(relationship_rows)


def _write_rows(
    tx: Transaction,
    plan: WritePlan,
    name: str,
    node_rows: Mapping[str, list[tuple[Any, ...]]],
    relationship_rows: Mapping[tuple[str, str, str, bool], list[tuple[Any, ...]]],
    graphs: Sequence[PreparedGraph],
    *,
    new: bool,
    batch_size: int,
) -> None:
    """Nodes (shared ones only when created or changed; a new plan's own ones CREATEd), then links."""
    started = time.perf_counter(), time.process_time()
    count = 0
    for label, rows in node_rows.items():
        count += len(rows)
        statement = plan.nodes[label]
        if label in plan.stored_nodes:
            rows = _changed_nodes(tx, plan.stored_nodes[label], label, rows)
        elif new:
            statement = _sized(plan.new_nodes[label], plan.bulk_nodes.get(label), len(rows))
        for batch in batches(rows, statement.source.batch_rows or batch_size):
            tx.run_batch(statement, batch)
    _log_phase("nodes", name, count, started)

    started = time.perf_counter(), time.process_time()
    _check_outside_endpoints(tx, graphs)
    count = 0
    for key, rows in relationship_rows.items():
        count += len(rows)
        statement = _sized(plan.relationships[key], plan.bulk_links.get(key), len(rows))
        for batch in batches(rows, statement.source.batch_rows or batch_size):
            written = tx.run_batch(statement, batch)
            if written != len(batch):
                raise InvalidGraph(
                    f"{len(batch) - written} {key[0]} links from {key[1]} to {key[2]} "
                    "refer to nodes that do not exist"
                )
    _log_phase("relationships", name, count, started)


def _sized(
    statement: cypher.BatchStatement, bulk: cypher.BatchStatement | None, rows: int
) -> cypher.BatchStatement:
    """The bulk form of a statement for enough rows to repay its higher cost per statement."""
    return bulk if bulk is not None and rows >= bulk.source.min_rows else statement


def _resolve_plan_links(
    tx: Transaction, plan: WritePlan, graphs: Sequence[PreparedGraph], *, incoming: bool
) -> None:
    """Make the CITES, IMPLEMENTS and SUCCEEDS links of the plans written (plankg.graph.plan_links)."""
    resolve = plan.resolve
    cites = any(graph.owned_ids.get(CITATION_LABEL) for graph in graphs)
    parameters = {"plan_ids": [graph.plan_id for graph in graphs]}
    for statement in (
        *(resolve.drop_incoming if incoming else ()),
        *(resolve.own_citations if cites else ()),
        *resolve.citing_it,
        *resolve.editions,
    ):
        tx.run(statement, parameters)


def _changed_nodes(
    tx: Transaction, statement: str, label: str, rows: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """The rows of shared nodes (concepts, sectors, regions) that MERGE would create or change: every
    plan names the same few, and rewriting an unchanged node costs a write statement each time. A
    stored node is unchanged when each property equals coalesce(new, stored), the ON MATCH rule."""
    keys = [prop.key for prop in load_schema().node(label).properties]
    at_id = keys.index("id")
    stored = {row["id"]: row for row in tx.run(statement, {"ids": [row[at_id] for row in rows]})}
    changed = []
    for row in rows:
        old = stored.get(row[at_id])
        if old is None or any(
            value is not None and _plain(value) != _plain(old[key])
            for key, value in zip(keys, row, strict=True)
        ):
            changed.append(row)
    return changed


def _plain(value: Any) -> Any:
    """A value as compared with what the store returns (lists and tuples alike)."""
    return list(value) if isinstance(value, tuple | list) else value


def _strip_old_version(tx: Transaction, plan: WritePlan, graph: PreparedGraph, batch_size: int) -> None:
    """Delete the links starting at the plan's nodes, and the nodes the new version no longer has."""
    for statement in plan.delete_plan_links:
        tx.run(statement, {"plan_id": graph.plan_id})
    for label, statement in plan.plan_node_ids.items():
        old = {row["id"] for row in tx.run(statement, {"plan_id": graph.plan_id})}
        stale = sorted(old - graph.owned_ids.get(label, frozenset()))
        for batch in batches(stale, batch_size):
            tx.run(plan.delete_nodes[label], {"ids": list(batch)})


def remove_plan(tx: Transaction, plan: WritePlan, plan_id: str) -> None:
    """Delete the plan and all its nodes, then the candidate concepts only it used."""
    for statement in plan.delete_plan:
        tx.run(statement, {"plan_id": plan_id})
    for statement in plan.cleanup:
        tx.run(statement, {"keep": [""]})


def _log_phase(phase: str, plan_id: str, rows: int, started: tuple[float, float]) -> None:
    """Debug timing of a write phase, wall and CPU seconds of this process (benchmarks/bulk_load.py
    listens to these records)."""
    seconds = time.perf_counter() - started[0]
    cpu_seconds = time.process_time() - started[1]
    log.debug(
        "plan %s: %d %s in %.3f s (%.3f s CPU)",
        plan_id,
        rows,
        phase,
        seconds,
        cpu_seconds,
        extra={"phase": phase, "rows": rows, "seconds": seconds, "cpu_seconds": cpu_seconds},
    )


def _refuse_another_source(tx: Transaction, plan: WritePlan, graph: PreparedGraph) -> None:
    """The stored plan is replaced by its own document, edited; a different document that maps to the
    same id (a summary or an action plan carrying its title) is refused unless replace is said."""
    stored = tx.run(plan.source, {"plan_id": graph.plan_id})[0]
    comparison = compare_sources(
        stored["source_path"], stored["source_text"], graph.source_path, graph.source_text
    )
    if not comparison.same_source:
        raise PlanCollision(graph.plan_id, stored["source_path"], graph.source_path, comparison.describe())


def _refuse_foreign_ids(tx: Transaction, plan: WritePlan, graphs: Sequence[PreparedGraph]) -> None:
    """A plan-owned id of a document that exists under another plan would be taken over by MERGE (or
    doubled by CREATE): refuse the document instead."""
    owners: dict[str, dict[str, str]] = defaultdict(dict)
    for graph in graphs:
        for label, ids in graph.owned_ids.items():
            owners[label].update(dict.fromkeys(ids, graph.plan_id))
    taken: list[str] = []
    for label, ids in sorted(owners.items()):
        for batch in batches(sorted(ids), 50_000):
            rows = tx.run(cypher.existing_ids(label), {"ids": list(batch)})
            foreign = [row for row in rows if row["plan_id"] != ids[row["id"]]]
            taken.extend(f"{label} {row['id']} (plan {row['plan_id']})" for row in foreign)
    if taken:
        shown = ", ".join(taken[:5]) + (" …" if len(taken) > 5 else "")
        raise InvalidGraph(f"{len(taken)} ids already belong to another plan: {shown}")


def _check_outside_endpoints(tx: Transaction, graphs: Sequence[PreparedGraph]) -> None:
    """Links may end at nodes already in the store (shared concepts, sectors); name any that are not."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for graph in graphs:
        for (_type, source_label, target_label, _fresh), rows in graph.relationship_rows.items():
            for row in rows:
                for label, node_id in ((source_label, row[0]), (target_label, row[1])):
                    if (label, node_id) not in graph.node_ids:
                        wanted[label].add(node_id)
    missing: list[str] = []
    for label, ids in sorted(wanted.items()):
        found = {row["id"] for row in tx.run(cypher.existing_ids(label), {"ids": sorted(ids)})}
        missing.extend(f"{label} {node_id}" for node_id in sorted(ids - found))
    if missing:
        shown = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
        raise InvalidGraph(f"{len(missing)} link ends are neither in the document nor in the store: {shown}")


def count_all(tx: Transaction) -> Counts:
    """Nodes per ontology label and relationships per type, zeros included."""
    schema = load_schema()
    return Counts(
        nodes={label: tx.run(cypher.label_count(label), {})[0]["count"] for label in schema.nodes},
        relationships={
            rel_type: tx.run(cypher.type_count(rel_type), {})[0]["count"] for rel_type in schema.relationships
        },
    )


# Rows of one batch of new documents: ~330 small plans of the corpus, or a few large ones. Each batch
# pays ~45 statements and a commit (~0.2 s on Ladybug): 197 corpus plans (58k rows) went in at 24k
# entities/s as one batch against 16k as three of 20k rows (measured, same peak RSS); bounded so a
# batch's parameters stay small next to the store's own memory.
NEW_BATCH_ROWS = 100_000


@dataclass(frozen=True)
class _Holder:
    """What a document of a plan id meets as the stored plan when its turn comes: the store's plan, or
    a document earlier in the call (`provider`: its number while it waits in the unwritten run)."""

    source_sha256: str | None
    source: Callable[[], tuple[str | None, str | None]]  # (path, text), read only when needed
    provider: int | None = None


def _held_by(graph: PreparedGraph, provider: int | None = None) -> _Holder:
    return _Holder(graph.source_sha256, lambda: (graph.source_path, graph.source_text), provider)


def _decided_without_writing(
    graph: PreparedGraph, holder: _Holder, *, force: bool, replace: bool
) -> WriteResult | PlanCollision | None:
    """The outcome of a document whose plan is held when nothing is to be written (write_prepared's
    own checks, in its order): the same source again, or another document refused; None: it writes."""
    if holder.source_sha256 == graph.source_sha256 and not force:
        return WriteResult(plan_id=graph.plan_id, changed=False)
    if replace:
        return None
    stored_path, stored_text = holder.source()
    comparison = compare_sources(stored_path, stored_text, graph.source_path, graph.source_text)
    if comparison.same_source:
        return None
    return PlanCollision(graph.plan_id, stored_path, graph.source_path, comparison.describe())


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while documents become rows and statements: the rows are tuples
    of plain values (no cycles), but tens of thousands of them set off full collections, each a scan
    of every object of the process (the documents themselves): ~20 % of the CPU of writing 198
    corpus plans (measured). Turned back on if it was on; a thread that finds it off leaves it so."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@_collector_paused()
def write_documents(
    graphs: Sequence[PlanSubgraph],
    *,
    plan: WritePlan,
    read: Callable[[str, Mapping[str, Any]], list[Row]],
    write_one: Callable[[PreparedGraph], WriteResult],
    write_batch: Callable[[list[PreparedGraph]], list[WriteResult]],
    force: bool = False,
    replace: bool = False,
    batch_rows: int = NEW_BATCH_ROWS,
) -> list[WriteResult | StoreError]:
    """Write documents in order, each atomically, as if one by one: a run of documents whose plans are
    not stored goes in one transaction (`write_batch`); a batch that fails is rolled back and its
    documents written one by one (`write_one`), so one bad document never costs the others. A
    document of a plan already held (stored, or earlier in the call) that writes nothing — the same
    source again, another document refused — is decided up front and leaves the run whole: in a
    store of many plans such documents are common, and each used to split a batch in two. A document
    refused (InvalidGraph, PlanCollision) has its error in its place of the answer; any other error
    stops the run."""
    outcomes: list[WriteResult | StoreError | None] = [None] * len(graphs)
    prepared: dict[int, PreparedGraph] = {}
    for number, graph in enumerate(graphs):
        try:
            prepared[number] = prepare_graph(graph)
        except InvalidGraph as exc:
            outcomes[number] = exc
    plan_ids = sorted({graph.plan_id for graph in prepared.values()})
    holders = {
        row["id"]: _Holder(row["source_sha256"], _stored_source(read, plan, row["id"]))
        for row in read(plan.fingerprints, {"plan_ids": plan_ids})
    }
    # A decision that depends on a document of the run being written: (its number, the provider's).
    decided: dict[int, tuple[WriteResult | PlanCollision, int]] = {}

    def settle(number: int) -> None:
        """The document's plan is held by it once written; a provider refused holds nothing."""
        graph = prepared[number]
        if isinstance(outcomes[number], WriteResult):
            holders[graph.plan_id] = _held_by(graph)
        elif (holder := holders.get(graph.plan_id)) is not None and holder.provider == number:
            del holders[graph.plan_id]

    def one(number: int) -> None:
        try:
            outcomes[number] = write_one(prepared[number])
        except (InvalidGraph, PlanCollision) as exc:
            outcomes[number] = exc
        settle(number)

    def flush(run: list[int]) -> None:
        writers = [number for number in run if number not in decided]
        if len(writers) > 1:
            try:
                for number, result in zip(writers, write_batch([prepared[n] for n in writers]), strict=True):
                    outcomes[number] = result
                    settle(number)
                for number in run:
                    if number in decided:
                        outcomes[number] = decided.pop(number)[0]
                return
            except (NotBatchable, InvalidGraph, QueryFailed) as exc:
                log.debug("batch of %d new plans written one by one: %s", len(writers), exc)
        for number in run:
            if number not in decided:
                one(number)
                continue
            outcome, provider = decided.pop(number)
            if isinstance(outcomes[provider], WriteResult):
                outcomes[number] = outcome
            else:  # the document it met was refused: its turn again, against the store
                one(number)

    run: list[int] = []
    rows = 0
    for number, document in sorted(prepared.items()):
        holder = holders.get(document.plan_id)
        if holder is not None:
            outcome = _decided_without_writing(document, holder, force=force, replace=replace)
            if outcome is not None and holder.provider is None:
                outcomes[number] = outcome
                continue
            if outcome is not None and holder.provider is not None:
                decided[number] = (outcome, holder.provider)
                run.append(number)
                continue
            flush(run)
            run, rows = [], 0
            one(number)
            continue
        size = document.node_count + document.relationship_count
        if run and rows + size > batch_rows:
            flush(run)
            run, rows = [], 0
        run.append(number)
        rows += size
        holders[document.plan_id] = _held_by(document, number)
    flush(run)
    done = [outcome for outcome in outcomes if outcome is not None]
    assert len(done) == len(graphs), "every document has an outcome"
    return done


def _stored_source(
    read: Callable[[str, Mapping[str, Any]], list[Row]], plan: WritePlan, plan_id: str
) -> Callable[[], tuple[str | None, str | None]]:
    def source() -> tuple[str | None, str | None]:
        row = read(plan.source, {"plan_id": plan_id})[0]
        return row["source_path"], row["source_text"]

    return source
