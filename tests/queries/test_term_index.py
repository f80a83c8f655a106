"""The search term index (plankg.services.term_index) gives exactly the candidates of the `search`
query's scan of every node, on both backends, and stays so as plans are loaded, replaced, rewritten
and deleted — by this store object or behind its back."""

from __future__ import annotations

from typing import Any

from plankg.graph import GraphStore
from plankg.ontology.records import GraphNode
from plankg.pipeline import load_path
from plankg.services.reads import read
from plankg.services.search import CANDIDATES, search, terms_of_query
from plankg.services.term_index import term_index
from tests.support.corpus import SEED_DOCUMENT
from tests.support.graphs import plan_graph

QUERIES = [
    "光纤",
    "政务云 任务2",
    "智慧社区",
    "信息化规划",
    "青岛 宽带",
    "改版",
    "建设 信息基础设施 光纤 智慧",
]


def _revised_goal(plan_id: str, term: str) -> GraphNode:
    """A goal only one version of a plan has, holding a term no other node holds."""
    return GraphNode(
        label="Goal",
        id=f"{plan_id}-goal-revised",
        properties={
            "plan_id": plan_id,
            "doc_id": f"doc-{plan_id}",
            "name": f"{term}目标",
            "text": f"{term}。",
            "order": 2,
            "span_start": 60,
            "span_end": 64,
            "terms": [term],
        },
    )


def _assert_index_is_the_scan(store: GraphStore) -> dict[str, list[dict[str, Any]]]:
    """The index's candidates against the scan's rows, for every query; returns the rows by query."""
    found = {}
    for q in QUERIES:
        terms = terms_of_query(q)
        scanned = read(store, "search", terms=terms, limit=CANDIDATES)
        assert term_index(store).candidates(store, terms, CANDIDATES) == scanned, q
        found[q] = scanned
    return found


def test_index_follows_loads_replacements_and_deletions(store: GraphStore) -> None:
    store.write_document(plan_graph("plan-a", extra_nodes=[_revised_goal("plan-a", "改版")]))
    store.write_document(plan_graph("plan-b", tasks=5))
    load_path(store, SEED_DOCUMENT)
    found = _assert_index_is_the_scan(store)
    assert {row["plan_id"] for row in found["光纤"]} >= {"plan-a", "plan-b"}
    assert [row["id"] for row in found["改版"]] == ["plan-a-goal-revised"]
    assert found["智慧社区"], "the seed document mentions 智慧社区"

    # replaced by another version (another sha256): the revised goal is gone, a new one is found
    store.write_document(plan_graph("plan-a", version=2, extra_nodes=[_revised_goal("plan-a", "新版")]))
    found = _assert_index_is_the_scan(store)
    assert found["改版"] == []
    assert [hit.id for hit in search(store, "新版", limit=10).items] == ["plan-a-goal-revised"]

    # deleted: none of its nodes is a candidate any more
    assert store.delete_plan("plan-b")
    found = _assert_index_is_the_scan(store)
    assert "plan-b" not in {row["plan_id"] for rows in found.values() for row in rows}

    # the same document rewritten with other nodes (same sha256, forced): the counts tell
    store.write_document(plan_graph("plan-a", version=2, tasks=6), force=True)
    found = _assert_index_is_the_scan(store)
    assert "plan-a-task-6" in {row["id"] for row in found["光纤"]}


def test_index_stays_right_over_many_replacements(store: GraphStore) -> None:
    """Each replacement leaves dropped slots behind; once they outnumber the live ones the index is
    compacted. The index is told of no write: it learns every change from the store (as it learns of
    writes by another process)."""
    store.write_document(plan_graph("plan-a", extra_nodes=[_revised_goal("plan-a", "改版")]))
    store.write_document(plan_graph("plan-b"))
    index = term_index(store)
    assert [row["id"] for row in index.candidates(store, ["改版"], CANDIDATES)] == ["plan-a-goal-revised"]
    for version in range(2, 8):
        term = f"第{version}版"
        graph = plan_graph("plan-a", version=version, extra_nodes=[_revised_goal("plan-a", term)])
        store.write_document(graph)
        assert [row["id"] for row in index.candidates(store, [term], CANDIDATES)] == ["plan-a-goal-revised"]
        assert index.candidates(store, ["改版"], CANDIDATES) == []
        assert len(index.candidates(store, ["光纤"], CANDIDATES)) == 2 * 3  # the tasks of both
        _assert_index_is_the_scan(store)
