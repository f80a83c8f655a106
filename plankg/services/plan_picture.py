"""The picture of a whole plan (GET /plans/{id}/graph), from the plan_picture_nodes,
plan_picture_vocabulary and plan_picture_edges queries, as Cytoscape.js elements."""

from __future__ import annotations

from plankg.graph.port import GraphStore, Row
from plankg.services.models import (
    CytoscapeEdge,
    CytoscapeEdgeData,
    GraphNodeData,
    PlanPicture,
    PlanPictureElements,
    PlanPictureNode,
)
from plankg.services.reads import read

MAX_PICTURE_NODES = 2000
_LAST = 1 << 62  # sorts rows without a span after those with one


def _node(row: Row) -> PlanPictureNode:
    return PlanPictureNode(
        data=GraphNodeData(
            id=row["id"],
            label=row.get("name") or row["id"],
            type=row["type"],
            plan_id=row.get("plan_id"),
            order=row.get("order"),
            span_start=row.get("span_start"),
            span_end=row.get("span_end"),
        )
    )


def _edge(row: Row) -> CytoscapeEdge:
    edge_id = f"{row['source']}|{row['type']}|{row['target']}"
    return CytoscapeEdge(
        data=CytoscapeEdgeData(
            id=edge_id,
            source=row["source"],
            target=row["target"],
            label=row["type"],
            score=row.get("score"),
            method=row.get("method"),
        )
    )


def plan_picture(store: GraphStore, plan_id: str, *, vocabulary: bool, limit: int) -> PlanPicture | None:
    """The plan's own nodes first (plan, goals, directions, tasks, indicators, sub-tasks, each in document
    order), then its most linked concepts and sectors, at most `limit` in all; None for an unknown plan.

    Each query returns at most `limit` rows of each kind, so the store never reads more than a few times
    `limit` nodes; the plan's own row always comes back, so more than `limit` rows means some were cut.
    """
    owned = read(store, "plan_picture_nodes", plan_id=plan_id, limit=limit)
    if not any(row["type"] == "Plan" for row in owned):
        return None
    owned.sort(key=lambda row: (row["rank"], _span_or_last(row), row["id"]))
    truncated = len(owned) > limit
    chosen = owned[:limit]
    if vocabulary:
        room = limit - len(chosen)
        # with no room left, one row of each kind is enough to tell whether the limit cut any off
        shared = read(store, "plan_picture_vocabulary", plan_id=plan_id, limit=max(room, 1))
        shared.sort(key=lambda row: (-int(row.get("links") or 0), row["id"]))
        truncated = truncated or len(shared) > room
        chosen += shared[:room]
    ids = [row["id"] for row in chosen]
    edge_rows = read(store, "plan_picture_edges", plan_id=plan_id, ids=ids)
    edges = {edge.data.id: edge for edge in map(_edge, edge_rows)}
    ordered = [edges[edge_id] for edge_id in sorted(edges)]
    return PlanPicture(
        plan=plan_id,
        elements=PlanPictureElements(nodes=[_node(row) for row in chosen], edges=ordered),
        truncated=truncated,
    )


def _span_or_last(row: Row) -> int:
    start = row.get("span_start")
    return int(start) if start is not None else _LAST
