"""Writing many documents at once (GraphStore.write_documents) on both backends: runs of new plans go
in one transaction, with the outcome of writing them one by one; a batch that fails is rolled back
and written one by one, so a bad document costs only itself; a process killed mid-batch leaves the
store as it was. And the plan-to-plan link lookup by title key, whose cost must not grow with the
number of citations stored."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plankg.graph import GraphStore, InvalidGraph, PlanCollision, StoreError, WriteResult
from plankg.graph.cypher import ArrowRows
from plankg.graph.embedded import EmbeddedStore
from plankg.graph.plan_links import resolve_statements
from plankg.loaders.reading import read_document
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph
from plankg.pipeline import prepare_source
from tests.support.corpus_variants import qingdao_13th, qingdao_14th, vocational, write
from tests.support.graphs import links, plan_graph, snapshot
from tests.support.stores import wipe

REPO = Path(__file__).resolve().parents[2]


def wipe_all(store: GraphStore) -> None:
    wipe(store)


# Tasks of a large plan: enough rows for the embedded store's bulk (Arrow) statements.
LARGE = ArrowRows.min_rows + 50


def varied_plans(count: int, tasks: int = 2) -> list[PlanSubgraph]:
    """Plans sharing a sector and a concept; each gives the shared concept other alt names (or none),
    so the batch must end where one-by-one writing ends: the last non-null value of each property."""
    graphs = []
    for number in range(count):
        graph = plan_graph(f"plan-{number}", tasks=tasks + number % 3)
        nodes = [
            GraphNode(
                label=n.label,
                id=n.id,
                properties={**n.properties, "alt_names": [f"别名{number}"] if number % 2 else None},
            )
            if n.id == "concept-broadband"
            else n
            for n in graph.nodes
        ]
        graphs.append(graph.model_copy(update={"nodes": nodes}))
    return graphs


def batch_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The writer's debug records of batches: written together, or one by one after a failure."""
    return [r.getMessage() for r in caplog.records if "new plans" in r.getMessage()]


@pytest.mark.parametrize("tasks", [2, LARGE])
def test_a_batch_of_new_plans_ends_as_writing_them_one_by_one(
    store: GraphStore, caplog: pytest.LogCaptureFixture, tasks: int
) -> None:
    graphs = varied_plans(6, tasks)
    for graph in graphs:
        store.write_document(graph)
    one_by_one = snapshot(store)
    wipe_all(store)
    caplog.set_level(logging.DEBUG, logger="plankg.graph.writer")
    outcomes = store.write_documents(graphs)
    assert any(m.startswith("plan 6 new plans:") for m in batch_messages(caplog))  # one transaction
    assert not any("one by one" in m for m in batch_messages(caplog))
    assert [o.plan_id for o in outcomes if isinstance(o, WriteResult) and o.changed] == [
        g.plan_id for g in graphs
    ]
    assert snapshot(store) == one_by_one
    # idempotent: again, nothing changes and nothing is written
    again = store.write_documents(graphs)
    assert all(isinstance(o, WriteResult) and not o.changed for o in again)
    assert snapshot(store) == one_by_one


def test_a_bad_document_in_a_batch_costs_only_itself(
    store: GraphStore, caplog: pytest.LogCaptureFixture
) -> None:
    store.write_document(plan_graph("plan-stored"))
    # large: its tasks and their links go through the bulk statements, the broken link among them
    broken = plan_graph(
        "plan-broken",
        tasks=LARGE,
        extra_relationships=[
            GraphRelationship(
                type="PART_OF",
                source_label="Task",
                source_id="plan-broken-task-2",
                target_label="Task",
                target_id="plan-broken-task-missing",
            ),
        ],
    )
    intruder = plan_graph(
        "plan-intruder",
        extra_nodes=[
            GraphNode(label="Task", id="plan-stored-task-1", properties={"name": "冒名任务"}),
        ],
    )
    good = [plan_graph("plan-a"), plan_graph("plan-b"), plan_graph("plan-c")]
    store.batch_size = 2  # type: ignore[attr-defined]  # the batch writes several statements before failing
    caplog.set_level(logging.DEBUG, logger="plankg.graph.writer")
    # the broken link fails after the batch's nodes and some links are written; the intruder's id
    # is refused before anything is written
    outcomes = store.write_documents([good[0], broken, good[1]])
    outcomes += store.write_documents([intruder, good[2]])
    assert any("batch of 3 new plans written one by one" in m for m in batch_messages(caplog))
    assert any("batch of 2 new plans written one by one" in m for m in batch_messages(caplog))
    assert [type(o).__name__ for o in outcomes] == [
        "WriteResult",
        "InvalidGraph",
        "WriteResult",
        "InvalidGraph",
        "WriteResult",
    ]
    assert "plan-broken-task-missing" in str(outcomes[1])
    assert "already belong to another plan" in str(outcomes[3])
    written = snapshot(store)
    # exactly what writing the stored plan and the good ones one by one gives
    wipe_all(store)
    for graph in [plan_graph("plan-stored"), *good]:
        store.write_document(graph)
    assert snapshot(store) == written


def test_a_batch_and_one_by_one_make_the_same_plan_links(store: GraphStore, tmp_path: Path) -> None:
    paths = write(tmp_path, qingdao_13th(), vocational(), qingdao_14th())
    graphs = [prepare_source(read_document(path)).graph for path in paths]
    assert all(graphs)
    for graph in graphs:
        store.write_document(graph)  # type: ignore[arg-type]
    expected = snapshot(store)
    kinds = {kind: links(store, kind) for kind in ("CITES", "IMPLEMENTS", "SUCCEEDS")}
    assert kinds["SUCCEEDS"] and kinds["IMPLEMENTS"]
    wipe_all(store)
    store.write_documents([g for g in graphs if g is not None])
    assert {kind: links(store, kind) for kind in kinds} == kinds
    assert snapshot(store) == expected


def another_document(plan_id: str) -> PlanSubgraph:
    """A different document (another file, another text) that maps to the plan id: refused."""
    graph = plan_graph(plan_id, version=2)
    nodes = [
        GraphNode(
            label=n.label,
            id=n.id,
            properties={
                **n.properties,
                "source_path": f"corpus/{plan_id}-summary.txt",
                "source_text": "另一份文件的全文。" * 20,
            },
        )
        if n.label == "Plan"
        else n
        for n in graph.nodes
    ]
    return graph.model_copy(update={"nodes": nodes, "source_sha256": "f" * 64})


def one_by_one(store: GraphStore, graphs: list[PlanSubgraph]) -> list[str]:
    """Write each document on its own, as write_documents must end; the kinds of outcome."""
    kinds = []
    for graph in graphs:
        try:
            result = store.write_document(graph)
            kinds.append("written" if result.changed else "unchanged")
        except StoreError as exc:
            kinds.append(type(exc).__name__)
    return kinds


def kinds_of(outcomes: list[WriteResult | StoreError]) -> list[str]:
    return [
        ("written" if o.changed else "unchanged") if isinstance(o, WriteResult) else type(o).__name__
        for o in outcomes
    ]


def test_documents_of_held_plans_that_write_nothing_leave_the_batch_whole(
    store: GraphStore, caplog: pytest.LogCaptureFixture
) -> None:
    """The same document again and another document of a stored plan (or of a plan earlier in the
    call) are decided without splitting the run of new plans: one transaction for the four new ones."""
    new = varied_plans(4)
    documents = [
        new[0],
        plan_graph("plan-stored"),
        new[1],
        another_document("plan-stored"),
        new[2],
        another_document("plan-1"),
        new[3],
        new[1],
    ]
    store.write_document(plan_graph("plan-stored"))
    caplog.set_level(logging.DEBUG, logger="plankg.graph.writer")
    outcomes = store.write_documents(documents)
    assert any(m.startswith("plan 4 new plans:") for m in batch_messages(caplog))
    assert not any("one by one" in m for m in batch_messages(caplog))
    kinds = [
        "written",
        "unchanged",
        "written",
        "PlanCollision",
        "written",
        "PlanCollision",
        "written",
        "unchanged",
    ]
    assert kinds_of(outcomes) == kinds
    assert isinstance(outcomes[5], PlanCollision) and "plan-1-summary.txt" in str(outcomes[5])
    written = snapshot(store)
    wipe_all(store)
    store.write_document(plan_graph("plan-stored"))
    assert one_by_one(store, documents) == kinds
    assert snapshot(store) == written


def test_a_document_refused_against_a_batch_that_fails_gets_its_own_turn(store: GraphStore) -> None:
    """Another document of a plan that an earlier one of the run would write: when that one is refused
    (the batch fails and is written one by one), the later one is no longer a collision: it loads."""
    broken = plan_graph(
        "plan-b",
        extra_relationships=[
            GraphRelationship(
                type="PART_OF",
                source_label="Task",
                source_id="plan-b-task-2",
                target_label="Task",
                target_id="plan-b-task-missing",
            ),
        ],
    )
    documents = [plan_graph("plan-a"), broken, another_document("plan-b"), plan_graph("plan-c")]
    outcomes = store.write_documents(documents)
    assert kinds_of(outcomes) == ["written", "InvalidGraph", "written", "written"]
    written = snapshot(store)
    wipe_all(store)
    assert one_by_one(store, documents) == kinds_of(outcomes)
    assert snapshot(store) == written
    assert store.read("MATCH (p:Plan {id: 'plan-b'}) RETURN p.source_path AS path") == [
        {"path": "corpus/plan-b-summary.txt"}
    ]


KILLED_WRITER = """
import logging, os, signal, sys
from pathlib import Path
from plankg.graph.cypher import ArrowRows
from plankg.graph.embedded import EmbeddedStore
from tests.graph.test_bulk_write import LARGE, varied_plans

class KillAfterNodes(logging.Handler):
    def emit(self, record):
        if getattr(record, "phase", None) == "nodes":  # nodes written, links and commit not yet
            os.kill(os.getpid(), signal.SIGKILL)

log = logging.getLogger("plankg.graph.writer")
log.setLevel(logging.DEBUG)
log.addHandler(KillAfterNodes())
store = EmbeddedStore(Path(sys.argv[1]))
store.write_documents(varied_plans(8, LARGE)[2:])
"""


def test_a_process_killed_mid_batch_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "graph.lbdb"
    with EmbeddedStore(path) as store:
        store.apply_schema()
        store.write_documents(varied_plans(2, LARGE))
        before = snapshot(store)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], env=env, cwd=REPO, check=False)
    assert done.returncode == -9  # killed by the handler, after the batch's nodes were written
    with EmbeddedStore(path) as store:
        assert snapshot(store) == before
        # and the store takes the same batch afterwards
        outcomes = store.write_documents(varied_plans(8, LARGE)[2:])
        assert all(isinstance(o, WriteResult) and o.changed for o in outcomes)
        assert store.counts().nodes["Plan"] == 8


def _profile(store: Any, plan_id: str) -> Any:
    """Neo4j's profile of the write path's lookup of the citations naming a plan (its reading part),
    read through the driver: the store answers rows only."""
    statement = resolve_statements().citing_it[0]
    reading = statement.split(" WITH ")[0] + " RETURN count(*) AS found"
    with store._driver.session(database=store.database) as session:
        return session.run("PROFILE " + reading, {"plan_ids": [plan_id]}).consume().profile


def _db_hits(store: Any, plan_id: str) -> int:

    def hits(plan: Any) -> int:
        return int(plan.get("dbHits", 0)) + sum(hits(child) for child in plan.get("children", []))

    return hits(_profile(store, plan_id))


def citing(number: int, cited_key: str) -> PlanSubgraph:
    graph = plan_graph(f"citer-{number}", tasks=1)
    citation = GraphNode(
        label="Citation",
        id=f"citer-{number}-citation-1",
        properties={
            "plan_id": f"citer-{number}",
            "name": "某规划",
            "title_key": cited_key,
            "kind": "cites",
            "span_start": 1,
            "span_end": 5,
        },
    )
    names = GraphRelationship(
        type="NAMES",
        source_label="Plan",
        source_id=f"citer-{number}",
        target_label="Citation",
        target_id=citation.id,
    )
    return graph.model_copy(
        update={
            "nodes": [*graph.nodes, citation],
            "relationships": [*graph.relationships, names],
        }
    )


@pytest.mark.neo4j
def test_finding_the_citations_of_a_plan_is_an_index_lookup(neo4j_store: GraphStore) -> None:
    """The lookup's cost stays the same when 10x more citations of other titles are stored."""
    wipe_all(neo4j_store)
    target = plan_graph("plan-cited")
    key = "target-title"
    target = target.model_copy(
        update={
            "nodes": [
                GraphNode(label=n.label, id=n.id, properties={**n.properties, "title_key": key})
                if n.label == "Plan"
                else n
                for n in target.nodes
            ]
        }
    )
    neo4j_store.write_documents([citing(0, key), *(citing(n, f"other-{n}") for n in range(1, 5))])
    neo4j_store.write_document(target)
    citer, cited = "青岛市“十三五”信息化规划（citer-0）", "青岛市“十三五”信息化规划（plan-cited）"
    assert links(neo4j_store, "CITES") == {(citer, cited, "title-match")}
    small = _db_hits(neo4j_store, "plan-cited")
    neo4j_store.write_documents([citing(n, f"other-{n}") for n in range(5, 50)])
    assert neo4j_store.counts().nodes["Citation"] == 50
    assert _db_hits(neo4j_store, "plan-cited") == small
    operators = json.dumps(_operators(_profile(neo4j_store, "plan-cited")), ensure_ascii=False)
    assert "NodeIndexSeek" in operators and "title_key" in operators


def _operators(plan: Any) -> list[str]:
    found = [f"{plan['operatorType']} {plan.get('args', {}).get('Details', '')}"]
    for child in plan.get("children", []):
        found.extend(_operators(child))
    return found


def test_refusals_are_errors_in_place(store: GraphStore) -> None:
    bad = PlanSubgraph(plan_id="plan-x", source_sha256="0" * 64, nodes=[], relationships=[])
    outcomes = store.write_documents([bad, plan_graph("plan-y")])
    assert isinstance(outcomes[0], InvalidGraph)
    assert isinstance(outcomes[1], WriteResult) and outcomes[1].changed
