"""The plan facts kept in memory (plankg.services.plan_facts) are what the store holds: the places
those a fresh read gives, each mentioning task's top-level task the one the concept_tasks query finds
by PART_OF steps in the store — on both backends, as plans are loaded, replaced, rewritten and deleted
behind the facts' back."""

from __future__ import annotations

from plankg.graph import GraphStore
from plankg.ontology.records import GraphNode, GraphRelationship
from plankg.pipeline import load_path
from plankg.services.plan_facts import _Facts, plan_facts
from plankg.services.reads import read, read_collected
from tests.support.corpus import SEED_DOCUMENT
from tests.support.graphs import plan_graph

CHAIN = 7  # tasks in one PART_OF chain: deeper than a top-level task is looked for (four steps up)


def _chain(plan_id: str) -> tuple[list[GraphNode], list[GraphRelationship]]:
    """Tasks c1 ← c2 ← … ← c7 (each PART_OF the one before), each mentioning 宽带."""
    nodes, links = [], []
    for depth in range(1, CHAIN + 1):
        task_id = f"{plan_id}-chain-{depth}"
        nodes.append(
            GraphNode(
                label="Task",
                id=task_id,
                properties={
                    "plan_id": plan_id,
                    "doc_id": f"doc-{plan_id}",
                    "name": f"链{depth}",
                    "text": f"链{depth}宽带",
                    "order": depth,
                    "span_start": 100 + depth,
                    "span_end": 110 + depth,
                },
            )
        )
        links.append(
            GraphRelationship(
                type="MENTIONS",
                source_label="Task",
                source_id=task_id,
                target_label="Concept",
                target_id="concept-broadband",
                properties={"score": 0.9, "method": "lexicon"},
            )
        )
        if depth > 1:
            links.append(
                GraphRelationship(
                    type="PART_OF",
                    source_label="Task",
                    source_id=task_id,
                    target_label="Task",
                    target_id=f"{plan_id}-chain-{depth - 1}",
                    properties={"score": 1.0},
                )
            )
    return nodes, links


def _assert_facts_are_the_store(store: GraphStore) -> None:
    kept = plan_facts(store)
    fresh = _Facts().current(store)
    assert kept.places == fresh.places
    assert (kept.task_plan, kept.task_start, kept.task_parent) == (
        fresh.task_plan,
        fresh.task_start,
        fresh.task_parent,
    )
    concepts = {row["id"] for row in store.read("MATCH (:Task)-[:MENTIONS]->(c:Concept) RETURN c.id AS id")}
    assert concepts
    for concept_id in concepts:
        rows = read(store, "concept_tasks", id=concept_id)
        assert {r["mention_id"]: r["task_id"] for r in rows} == {
            r["mention_id"]: kept.top_of(r["mention_id"]) for r in rows
        }, concept_id
        mentions = kept.with_tops(read_collected(store, "concept_task_mentions", "mentions", id=concept_id))

        def tops(found: list[dict[str, object]]) -> list[tuple[object, ...]]:
            return sorted((r["mention_id"], r["task_id"], r["plan_id"], r["task_span_start"]) for r in found)

        assert tops(mentions) == tops(rows), concept_id


def test_facts_follow_loads_replacements_and_deletions(store: GraphStore) -> None:
    nodes, links = _chain("plan-a")
    store.write_document(plan_graph("plan-a", extra_nodes=nodes, extra_relationships=links))
    store.write_document(plan_graph("plan-b", tasks=5))
    load_path(store, SEED_DOCUMENT)
    _assert_facts_are_the_store(store)
    facts = plan_facts(store)
    # the chain: up to four steps up the top is c1, further down each task is its own
    assert [facts.top_of(f"plan-a-chain-{d}") for d in range(1, CHAIN + 1)] == [
        "plan-a-chain-1",
        *["plan-a-chain-1"] * 4,
        "plan-a-chain-6",
        "plan-a-chain-7",
    ]
    assert facts.places["plan-a"].region == "青岛市"

    # replaced by another version (another sha256) without the chain
    store.write_document(plan_graph("plan-a", version=2, tasks=4))
    _assert_facts_are_the_store(store)
    assert plan_facts(store).top_of("plan-a-chain-3") is None

    # deleted: its places and tasks are gone
    assert store.delete_plan("plan-b")
    _assert_facts_are_the_store(store)
    assert "plan-b" not in plan_facts(store).places
    assert plan_facts(store).top_of("plan-b-task-2") is None

    # the same document rewritten with other nodes (same sha256, forced): the counts tell
    store.write_document(plan_graph("plan-a", version=2, tasks=6), force=True)
    _assert_facts_are_the_store(store)
    assert plan_facts(store).top_of("plan-a-task-6") == "plan-a-task-1"
