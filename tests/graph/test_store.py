"""The graph store port on both backends: schema, idempotent and atomic writes, plan replacement,
read-only Cypher, concurrency. Every test runs on the embedded store and on a real Neo4j."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from plankg.graph import (
    GraphStore,
    InvalidGraph,
    QueryFailed,
    ReadOnlyViolation,
    StoreError,
    StoreUnavailable,
    open_store,
)
from plankg.graph.cypher import FULLTEXT_INDEX
from plankg.graph.embedded import EmbeddedStore
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph
from plankg.ontology.schema import load_schema
from plankg.pipeline import load_path
from plankg.settings import Settings
from tests.support.corpus import SEED_DOCUMENT
from tests.support.graphs import plan_graph, snapshot
from tests.support.stores import wipe


def node(store: GraphStore, node_id: str) -> dict[str, Any] | None:
    rows = store.read("MATCH (n) WHERE n.id = $id RETURN n AS node", {"id": node_id})
    assert len(rows) <= 1
    return rows[0]["node"] if rows else None


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {key: value for key, value in counts.items() if value}


# ---------------------------------------------------------------- schema


def test_schema_is_applied_and_reapplying_changes_nothing(store: GraphStore) -> None:
    assert store.schema_applied()
    store.apply_schema()
    assert store.schema_applied()
    assert store.ping()
    counts = store.counts()
    assert set(counts.nodes) == set(load_schema().nodes)
    assert set(counts.relationships) == set(load_schema().relationships)


def test_embedded_schema_comes_from_the_ontology(tmp_path: Path) -> None:
    with EmbeddedStore(tmp_path / "graph.lbdb") as store:
        assert not store.schema_applied()
        store.apply_schema()
        assert store.schema_applied()
        for spec in load_schema().nodes.values():
            columns = store.read(f"CALL table_info('{spec.label}') RETURN name")
            assert {row["name"] for row in columns} == set(spec.keys)
        for rel in load_schema().relationships.values():
            pairs = store.read(
                f"CALL show_connection('{rel.type}') RETURN `source table name` AS s, "
                "`destination table name` AS t"
            )
            assert {(row["s"], row["t"]) for row in pairs} == set(rel.pairs)


@pytest.mark.neo4j
def test_neo4j_schema_has_constraints_and_indexes(neo4j_store: GraphStore) -> None:
    constraints = neo4j_store.read("SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties")
    unique = {
        (row["labelsOrTypes"][0], tuple(row["properties"]))
        for row in constraints
        if row["type"] == "UNIQUENESS"
    }
    assert {(label, ("id",)) for label in load_schema().nodes} <= unique
    indexes = neo4j_store.read("SHOW INDEXES YIELD type, labelsOrTypes, properties WHERE type = 'RANGE'")
    # the indicator comparison looks indicators up by measure
    ranged = {(row["labelsOrTypes"][0], tuple(row["properties"])) for row in indexes}
    assert ("Indicator", ("measure",)) in ranged
    # Dropping one index makes the schema incomplete; applying it again restores it.
    neo4j_store.execute_write(f"DROP INDEX {FULLTEXT_INDEX}")  # type: ignore[attr-defined]
    assert not neo4j_store.schema_applied()
    neo4j_store.apply_schema()
    assert neo4j_store.schema_applied()


def test_duplicate_ids_are_refused_by_the_store(store: GraphStore) -> None:
    create = "CREATE (n:Task {id: 'task-dup', name: $name}) RETURN n.id AS id"
    store.execute_write(create, {"name": "第一"})  # type: ignore[attr-defined]
    with pytest.raises(StoreError):
        store.execute_write(create, {"name": "第二"})  # type: ignore[attr-defined]
    rows = store.read("MATCH (n:Task) RETURN n.id AS id, n.name AS name")
    assert rows == [{"id": "task-dup", "name": "第一"}]


# ---------------------------------------------------------------- writing documents


def test_write_then_reload_is_idempotent(store: GraphStore) -> None:
    graph = plan_graph()
    first = store.write_document(graph)
    assert first.changed and not first.replaced
    assert first.nodes == len(graph.nodes) and first.relationships == len(graph.relationships)
    before = snapshot(store)
    counts = store.counts()

    again = store.write_document(graph)
    assert not again.changed
    forced = store.write_document(graph, force=True)
    assert forced.changed and forced.replaced
    assert store.counts() == counts
    assert snapshot(store) == before
    assert sum(counts.nodes.values()) == len(graph.nodes)
    assert sum(counts.relationships.values()) == len(graph.relationships)


def test_properties_round_trip_exactly(store: GraphStore) -> None:
    tricky = (
        "“十三五”时期，全市（含崂山区）宽带≥200Mbps；路径C:\\data\\x\t'单引号' \"双引号\"\n第二行　全角空格😀"
    )
    graph = plan_graph(
        extra_nodes=[
            GraphNode(
                label="Task",
                id="plan-qd-task-tricky",
                properties={
                    "plan_id": "plan-qd",
                    "name": "推进“互联网+政务服务”",
                    "text": tricky,
                    "order": 9,
                    "terms": ["互联网+", "政务", ""],
                },
            )
        ]
    )
    store.write_document(graph)
    stored = node(store, "plan-qd-task-tricky")
    assert stored == {
        "_label": "Task",
        "id": "plan-qd-task-tricky",
        "plan_id": "plan-qd",
        "name": "推进“互联网+政务服务”",
        "text": tricky,
        "order": 9,
        "terms": ["互联网+", "政务", ""],
    }
    indicator = node(store, "plan-qd-indicator-1")
    assert indicator is not None
    assert indicator["value"] == 200.0 and isinstance(indicator["value"], float)  # float property from an int
    assert indicator["unit"] == "万户" and indicator["target_year"] == 2020
    plan = node(store, "plan-qd")
    assert plan is not None and plan["source_text"] == graph.nodes[0].properties["source_text"]
    assert plan["source_sha256"] == graph.source_sha256
    sector = node(store, "sector-ict")
    assert sector == {
        "_label": "Sector",
        "id": "sector-ict",
        "name": "信息传输、软件和信息技术服务业",
        "codes": ["GB:I"],
        "alt_names": ["信息技术"],
    }
    link = store.read(
        "MATCH (t:Task {id: 'plan-qd-task-2'})-[r:SUPPORTS]->(g:Goal) RETURN r.score AS score, "
        "r.method AS method, r.doc_id AS doc_id, r.span_start AS span_start, r.span_end AS span_end"
    )
    assert link == [
        {"score": 0.8, "method": "structure", "doc_id": "doc-plan-qd", "span_start": 42, "span_end": 52}
    ]


def test_absent_properties_are_null_and_empty_lists_stay_empty(store: GraphStore) -> None:
    store.write_document(
        plan_graph(
            extra_nodes=[
                GraphNode(label="Task", id="plan-qd-task-bare", properties={"name": "只有名称"}),
                GraphNode(label="Task", id="plan-qd-task-empty", properties={"name": "空列表", "terms": []}),
            ]
        )
    )
    assert node(store, "plan-qd-task-bare") == {
        "_label": "Task",
        "id": "plan-qd-task-bare",
        "name": "只有名称",
        "plan_id": "plan-qd",
    }
    empty = node(store, "plan-qd-task-empty")
    assert empty is not None and empty["terms"] == []
    # A property the new version no longer has is removed, not left behind.
    store.write_document(
        plan_graph(
            version=2,
            extra_nodes=[
                GraphNode(label="Task", id="plan-qd-task-empty", properties={"name": "空列表"}),
            ],
        )
    )
    assert node(store, "plan-qd-task-empty") == {
        "_label": "Task",
        "id": "plan-qd-task-empty",
        "name": "空列表",
        "plan_id": "plan-qd",
    }
    assert node(store, "plan-qd-task-bare") is None


def test_replacing_a_plan_removes_stale_nodes(store: GraphStore) -> None:
    store.write_document(plan_graph(tasks=4))
    assert node(store, "plan-qd-task-4") is not None
    assert node(store, "concept-cand-plan-qd") is not None

    smaller = plan_graph(version=2, tasks=2)
    result = store.write_document(smaller)
    assert result.changed and result.replaced
    assert node(store, "plan-qd-task-3") is None and node(store, "plan-qd-task-4") is None
    task = node(store, "plan-qd-task-2")
    assert task is not None and task["text"].endswith("版本2")
    counts = store.counts()
    assert counts.nodes["Task"] == 2
    assert sum(counts.nodes.values()) == len(smaller.nodes)
    assert sum(counts.relationships.values()) == len(smaller.relationships)
    replaced = snapshot(store)
    assert replaced == snapshot_of_fresh_load(store, smaller)


def snapshot_of_fresh_load(store: GraphStore, graph: PlanSubgraph) -> dict[str, Any]:
    """What `graph` alone looks like, loaded into an empty store of the same backend."""
    if isinstance(store, EmbeddedStore):
        with EmbeddedStore(store.path.parent / "fresh.lbdb") as fresh:
            fresh.apply_schema()
            fresh.write_document(graph)
            return snapshot(fresh)
    wipe(store)
    store.write_document(graph)
    return snapshot(store)


def test_shared_nodes_outlive_the_plans_that_link_them(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a"))
    store.write_document(plan_graph("plan-b"))
    assert store.counts().nodes["Plan"] == 2
    assert store.delete_plan("plan-a")
    assert not store.delete_plan("plan-a")
    assert store.read("MATCH (n) WHERE n.plan_id = 'plan-a' OR n.id = 'plan-a' RETURN n.id AS id") == []
    # Shared vocabulary stays; plan-b still mentions it. plan-a's own candidate concept, now unlinked, goes.
    assert node(store, "concept-broadband") is not None and node(store, "sector-ict") is not None
    assert node(store, "concept-cand-plan-a") is None
    assert node(store, "concept-cand-plan-b") is not None
    mentions = store.read(
        "MATCH (t:Task)-[:MENTIONS]->(c:Concept {id: 'concept-broadband'}) RETURN t.id AS id"
    )
    assert sorted(row["id"] for row in mentions) == [f"plan-b-task-{i}" for i in (1, 2, 3)]
    assert store.delete_plan("plan-b")
    assert nonzero(store.counts().nodes) == {"Concept": 1, "Sector": 1}
    assert nonzero(store.counts().relationships) == {}


def test_links_from_other_plans_survive_a_replacement_but_not_a_deletion(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a"))
    cross_link = GraphRelationship(
        type="SUPPORTS",
        source_label="Task",
        source_id="plan-b-task-1",
        target_label="Goal",
        target_id="plan-a-goal-1",
        properties={"score": 0.3},
    )
    store.write_document(plan_graph("plan-b", extra_relationships=[cross_link]))
    query = (
        "MATCH (t:Task)-[r:SUPPORTS]->(g:Goal {id: 'plan-a-goal-1'}) "
        "WHERE t.plan_id = 'plan-b' RETURN r.score AS s"
    )
    assert store.read(query) == [{"s": 0.3}]
    store.write_document(plan_graph("plan-a", version=2))  # plan-a-goal-1 comes again: updated in place
    assert store.read(query) == [{"s": 0.3}]
    assert store.delete_plan("plan-a")
    assert store.read(query) == []
    assert store.counts().nodes["Task"] == 3


def test_ids_owned_by_another_plan_are_refused(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a"))
    before = snapshot(store)
    intruder = GraphNode(label="Task", id="plan-a-task-2", properties={"name": "冒名任务"})
    refused = r"already belong to another plan: Task plan-a-task-2 \(plan plan-a\)"
    with pytest.raises(InvalidGraph, match=refused):
        store.write_document(plan_graph("plan-b", extra_nodes=[intruder]))
    assert snapshot(store) == before


def test_a_failing_write_leaves_the_store_as_it_was(store: GraphStore) -> None:
    store.write_document(plan_graph())
    before = snapshot(store)
    counts = store.counts()
    # Version 2 replaces everything, then hits a link to a task that exists nowhere, mid-way.
    broken = plan_graph(
        version=2,
        tasks=5,
        extra_relationships=[
            GraphRelationship(
                type="PART_OF",
                source_label="Task",
                source_id="plan-qd-task-3",
                target_label="Task",
                target_id="plan-qd-task-missing",
            ),
        ],
    )
    store.batch_size = 2  # type: ignore[attr-defined]  # several batches are written before the failure
    with pytest.raises(InvalidGraph, match="plan-qd-task-missing"):
        store.write_document(broken)
    assert store.counts() == counts
    assert snapshot(store) == before
    # The store still takes writes afterwards.
    assert store.write_document(plan_graph(version=3)).changed


def test_graphs_the_ontology_forbids_are_refused_before_writing(store: GraphStore) -> None:
    good = plan_graph()

    def with_node(label: str, node_id: str, **properties: Any) -> PlanSubgraph:
        extra = GraphNode(label=label, id=node_id, properties=properties)
        return good.model_copy(update={"nodes": [*good.nodes, extra]})

    wrong_direction = GraphRelationship(
        type="SUPPORTS",
        source_label="Goal",
        source_id="plan-qd-goal-1",
        target_label="Task",
        target_id="plan-qd-task-1",
    )
    cases = [
        with_node("Person", "p1"),  # a label the ontology lacks
        with_node("Task", "任务", name="x"),  # a non-ASCII id
        with_node("Task", "t-x", name="x", order="一"),  # a value of the wrong type
        with_node("Task", "t-other", name="x", plan_id="other"),  # a node of another plan
        good.model_copy(update={"relationships": [*good.relationships, wrong_direction]}),
        good.model_copy(update={"nodes": good.nodes[1:]}),  # no Plan node
    ]
    for graph in cases:
        with pytest.raises(InvalidGraph):
            store.write_document(graph)
    assert sum(store.counts().nodes.values()) == 0


def test_seed_document_loads_and_reloads_unchanged(store: GraphStore) -> None:
    first = load_path(store, SEED_DOCUMENT)
    assert first.changed and first.nodes > 50
    counts = store.counts()
    assert sum(counts.nodes.values()) == first.nodes
    assert sum(counts.relationships.values()) == first.relationships
    assert not load_path(store, SEED_DOCUMENT).changed
    # Evidence survives the store: each task's span indexes the stored source text.
    plan = store.read("MATCH (p:Plan) RETURN p.source_text AS text")[0]["text"]
    tasks = store.read("MATCH (t:Task) RETURN t.text AS text, t.span_start AS s, t.span_end AS e")
    assert tasks and all(plan[row["s"] : row["e"]] == row["text"] for row in tasks)


# ---------------------------------------------------------------- researcher Cypher


@pytest.mark.parametrize(
    "query",
    [
        "CREATE (n:Task {id: 'x', name: 'y'}) RETURN n.id",
        "MATCH (n:Task) SET n.name = '改' RETURN count(n)",
        "MATCH (n:Task) DETACH DELETE n",
        "MERGE (n:Concept {id: 'concept-new'}) RETURN n.id",
        "MATCH (n:Goal) SET n.text = NULL RETURN count(n)",
    ],
)
def test_read_only_cypher_cannot_write(store: GraphStore, query: str) -> None:
    store.write_document(plan_graph())
    before = snapshot(store)
    with pytest.raises(ReadOnlyViolation, match=r"refused"):
        store.read_only(query, timeout_seconds=5, row_limit=10)
    assert snapshot(store) == before


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) RETURN n.id AS id; CREATE (m:Task {id: 'x', name: 'y'})",
        "COMMIT; CREATE (m:Task {id: 'x', name: 'y'})",
        "COPY (MATCH (n) RETURN n.id) TO '/tmp/plankg-leak.csv'",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "LOAD FROM '/etc/passwd' RETURN *",
        "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    ],
)
def test_read_only_cypher_cannot_escape_its_transaction(store: GraphStore, query: str) -> None:
    store.write_document(plan_graph())
    before = snapshot(store)
    with pytest.raises(ReadOnlyViolation):
        store.read_only(query, timeout_seconds=5, row_limit=10)
    assert snapshot(store) == before
    assert not Path("/tmp/plankg-leak.csv").exists()


def test_read_only_cypher_schema_changes_are_refused(store: GraphStore) -> None:
    ddl = {
        "embedded": "CREATE NODE TABLE Person(id STRING, PRIMARY KEY(id))",
        "neo4j": "CREATE INDEX person_id IF NOT EXISTS FOR (n:Person) ON (n.id)",
    }[store.backend]
    with pytest.raises(ReadOnlyViolation):
        store.read_only(ddl, timeout_seconds=5, row_limit=10)
    assert store.schema_applied()


def test_read_only_cypher_reads_with_a_row_limit(store: GraphStore) -> None:
    store.write_document(plan_graph(tasks=5))
    query = "MATCH (t:Task) WHERE t.plan_id = $plan RETURN t.id AS id, t.name AS name ORDER BY id"
    rows, truncated = store.read_only(query, {"plan": "plan-qd"}, timeout_seconds=5, row_limit=3)
    assert truncated and [row["id"] for row in rows] == ["plan-qd-task-1", "plan-qd-task-2", "plan-qd-task-3"]
    rows, truncated = store.read_only(query, {"plan": "plan-qd"}, timeout_seconds=5, row_limit=5)
    assert not truncated and len(rows) == 5 and rows[0]["name"] == "任务1：推进光纤到户"
    with pytest.raises(QueryFailed):
        store.read_only("MATCH (n:Task RETURN n", timeout_seconds=5, row_limit=5)


def test_read_only_cypher_is_stopped_at_its_time_limit(store: GraphStore) -> None:
    store.write_document(plan_graph(tasks=100))
    slow = (
        "MATCH (a:Task), (b:Task), (c:Task), (d:Task) "
        "WHERE a.`order` + b.`order` * c.`order` - d.`order` = -7 RETURN count(*) AS n"
    )
    with pytest.raises(QueryFailed, match="longer than"):
        store.read_only(slow, timeout_seconds=0.2, row_limit=10)
    # The connection is usable again, without the limit.
    rows, _ = store.read_only("MATCH (t:Task) RETURN count(t) AS n", timeout_seconds=5, row_limit=10)
    assert rows == [{"n": 100}]


# ---------------------------------------------------------------- concurrency and process safety


def test_reads_from_many_threads_while_writing(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a"))
    errors: list[BaseException] = []
    seen: list[int] = []

    def reader() -> None:
        try:
            for _ in range(15):
                rows = store.read("MATCH (t:Task) WHERE t.plan_id = 'plan-a' RETURN count(t) AS n")
                seen.append(rows[0]["n"])
                store.read_only("MATCH (n) RETURN count(n) AS n", timeout_seconds=5, row_limit=1)
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(6)]
    for thread in threads:
        thread.start()
    for version in range(2, 5):
        store.write_document(plan_graph("plan-b", version=version, tasks=version))
    for thread in threads:
        thread.join()
    assert not errors, errors
    assert seen == [3] * 90
    assert store.counts().nodes["Task"] == 3 + 4


def test_embedded_store_locked_by_another_process(tmp_path: Path) -> None:
    settings = Settings(store="embedded", data_dir=tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from plankg.graph import open_store; from plankg.settings import Settings; "
            f"s = open_store(Settings(store='embedded', data_dir={str(tmp_path)!r})); "
            "print('ready', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreUnavailable, match="in use by another process"):
            open_store(settings)
    finally:
        holder.communicate("", timeout=30)
    with open_store(settings) as store:  # free again once the other process has gone
        assert store.ping()


def run_cli(args: list[str], env: dict[str, str]) -> Any:
    """Run the plankg CLI in-process with these PLANKG_* variables (settings re-read for the call)."""
    from typer.testing import CliRunner

    from plankg.cli import app
    from plankg.settings import get_settings

    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args, env=env)
    finally:
        get_settings.cache_clear()


def test_stats_command_prints_the_counts(store: GraphStore) -> None:
    env = {"PLANKG_STORE": store.backend}
    if isinstance(store, EmbeddedStore):
        env["PLANKG_DATA_DIR"] = str(store.path.parent)
    store.write_document(plan_graph())
    expected = store.counts()
    done = run_cli(["stats", "--json"], env)
    assert done.exit_code == 0, done.output
    stats = json.loads(done.stdout)
    assert stats["backend"] == store.backend
    assert stats["nodes"] == expected.nodes and stats["relationships"] == expected.relationships
    assert stats["total_nodes"] == len(plan_graph().nodes)
    table = run_cli(["stats"], env)
    assert table.exit_code == 0 and "MENTIONS" in table.stdout and "Task" in table.stdout


def test_stats_command_reports_an_unreachable_store() -> None:
    done = run_cli(["stats"], {"PLANKG_STORE": "neo4j", "PLANKG_NEO4J_URI": "bolt://127.0.0.1:1"})
    assert done.exit_code == 3
    assert "Neo4j not reachable at bolt://127.0.0.1:1" in " ".join(done.output.split())


def test_open_store_follows_the_settings(tmp_path: Path) -> None:
    with open_store(Settings(store="embedded", data_dir=tmp_path / "nested" / "dir")) as store:
        assert store.backend == "embedded" and store.schema_applied()
        assert (tmp_path / "nested" / "dir" / "graph.lbdb").exists()
    with pytest.raises(StoreUnavailable, match=r"Neo4j not reachable at bolt://127\.0\.0\.1:1\b"):
        open_store(Settings(store="neo4j", neo4j_uri="bolt://127.0.0.1:1"))


def test_two_store_objects_in_one_process_share_the_database(tmp_path: Path) -> None:
    settings = Settings(store="embedded", data_dir=tmp_path)
    with open_store(settings) as first, open_store(settings) as second:
        first.write_document(plan_graph())
        assert second.counts() == first.counts()
    with open_store(settings) as reopened:
        assert reopened.counts().nodes["Task"] == 3
