"""Hand-built plan graphs for store and query tests: every plan-owned label, Chinese text, no extraction."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from plankg.graph import GraphStore
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph


def source_text(plan_id: str, version: int = 1) -> str:
    return (
        f"{plan_id} 版本{version}：“十三五”信息化规划。"
        "发展目标：建成智慧青岛。主要任务：推进光纤到户，建设政务云。"
    )


def plan_graph(
    plan_id: str = "plan-qd",
    *,
    version: int = 1,
    tasks: int = 3,
    concept_id: str = "concept-broadband",
    extra_nodes: list[GraphNode] | None = None,
    extra_relationships: list[GraphRelationship] | None = None,
) -> PlanSubgraph:
    """A small plan with every plan-owned label, a shared sector and concepts, and Chinese text.
    `version` changes the source (so its sha256) and the task texts; `tasks` sets the task count."""
    text = source_text(plan_id, version)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    owned: dict[str, Any] = {"plan_id": plan_id, "doc_id": f"doc-{plan_id}"}
    nodes = [
        GraphNode(
            label="Plan",
            id=plan_id,
            properties={
                "name": f"青岛市“十三五”信息化规划（{plan_id}）",
                "title": f"青岛市“十三五”信息化规划（{plan_id}）",
                "region": "青岛市",
                "period_start": 2016,
                "period_end": 2020,
                "issuer": "青岛市人民政府",
                "edition": "十三五",
                "source_path": f"corpus/{plan_id}.txt",
                "source_text": text,
                "doc_id": f"doc-{plan_id}",
                "terms": ["青岛", "信息化", "规划"],
            },
        ),
        GraphNode(
            label="Goal",
            id=f"{plan_id}-goal-1",
            properties={
                **owned,
                "name": "建成智慧青岛",
                "text": "发展目标：建成智慧青岛。",
                "order": 1,
                "span_start": 20,
                "span_end": 32,
                "terms": ["智慧", "青岛"],
            },
        ),
        GraphNode(
            label="Direction",
            id=f"{plan_id}-direction-1",
            properties={**owned, "name": "信息基础设施", "text": "主要任务", "order": 1},
        ),
        GraphNode(
            label="Indicator",
            id=f"{plan_id}-indicator-1",
            properties={
                **owned,
                "name": "光纤到户用户数",
                "text": "光纤到户用户数达到200万户",
                "value": 200,
                "unit": "万户",
                "comparator": ">=",
                "target_year": 2020,
                "normalized_value": 2_000_000,
                "normalized_unit": "户",
            },
        ),
        GraphNode(
            label="Sector",
            id="sector-ict",
            properties={
                "name": "信息传输、软件和信息技术服务业",
                "codes": ["GB:I"],
                "alt_names": ["信息技术"],
            },
        ),
        GraphNode(label="Concept", id=concept_id, properties={"name": "宽带", "candidate": False}),
        GraphNode(
            label="Concept",
            id=f"concept-cand-{plan_id}",
            properties={"name": f"候选概念{plan_id}", "candidate": True, "alt_names": ["新词"]},
        ),
    ]
    relationships = [
        _rel("HAS_GOAL", "Plan", plan_id, "Goal", f"{plan_id}-goal-1"),
        _rel("HAS_DIRECTION", "Plan", plan_id, "Direction", f"{plan_id}-direction-1"),
        _rel("MEASURES", "Indicator", f"{plan_id}-indicator-1", "Goal", f"{plan_id}-goal-1", score=1.0),
        _rel("IN_SECTOR", "Goal", f"{plan_id}-goal-1", "Sector", "sector-ict", score=0.7, method="lexicon"),
        _rel("BROADER", "Concept", f"concept-cand-{plan_id}", "Concept", concept_id, score=0.5),
    ]
    for index in range(1, tasks + 1):
        task_id = f"{plan_id}-task-{index}"
        nodes.append(
            GraphNode(
                label="Task",
                id=task_id,
                properties={
                    **owned,
                    "name": f"任务{index}：推进光纤到户",
                    "order": index,
                    "text": f"（{index}）推进光纤到户，建设政务云。版本{version}",
                    "span_start": 40 + index,
                    "span_end": 50 + index,
                    "terms": ["光纤", "政务云", f"任务{index}"],
                },
            )
        )
        relationships += [
            _rel("HAS_TASK", "Plan", plan_id, "Task", task_id),
            _rel(
                "SUPPORTS",
                "Task",
                task_id,
                "Goal",
                f"{plan_id}-goal-1",
                score=0.8,
                method="structure",
                doc_id=f"doc-{plan_id}",
                span_start=40 + index,
                span_end=50 + index,
            ),
            _rel("ALIGNS_WITH", "Task", task_id, "Direction", f"{plan_id}-direction-1", score=0.6),
            _rel("MENTIONS", "Task", task_id, "Concept", concept_id, score=0.9, method="lexicon"),
        ]
        if index > 1:
            relationships.append(_rel("PART_OF", "Task", task_id, "Task", f"{plan_id}-task-1", score=1.0))
    relationships.append(
        _rel("MENTIONS", "Task", f"{plan_id}-task-1", "Concept", f"concept-cand-{plan_id}", score=0.4)
    )
    return PlanSubgraph(
        plan_id=plan_id,
        source_sha256=sha,
        nodes=nodes + (extra_nodes or []),
        relationships=relationships + (extra_relationships or []),
    )


def _rel(
    rel_type: str, source_label: str, source_id: str, target_label: str, target_id: str, **properties: Any
) -> GraphRelationship:
    return GraphRelationship(
        type=rel_type,
        source_label=source_label,
        source_id=source_id,
        target_label=target_label,
        target_id=target_id,
        properties=properties,
    )


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Every node and relationship with all its properties, in a backend-neutral, ordered form."""
    nodes = store.read("MATCH (n) RETURN n AS node")
    rels = store.read("MATCH (a)-[r]->(b) RETURN a.id AS source, r AS rel, b.id AS target")
    return {
        "nodes": sorted(json.dumps(row["node"], sort_keys=True, ensure_ascii=False) for row in nodes),
        "relationships": sorted(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rels),
    }


def links(store: GraphStore, rel_type: str) -> set[tuple[str, str, str]]:
    """(citing title, cited title, method) of every plan-to-plan link of one type."""
    rows = store.read(
        f"MATCH (a:Plan)-[r:{rel_type}]->(b:Plan) RETURN a.title AS a, b.title AS b, r.method AS method"
    )
    return {(row["a"], row["b"], row["method"]) for row in rows}
