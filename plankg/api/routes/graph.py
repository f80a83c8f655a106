"""Graph neighbourhoods for a frontend view, in Cytoscape.js elements format."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from plankg.api.deps import StoreDep
from plankg.api.problems import not_found
from plankg.graph.port import GraphStore, Row
from plankg.services.answer_cache import cached_json
from plankg.services.models import (
    CytoscapeEdge,
    CytoscapeEdgeData,
    CytoscapeElements,
    CytoscapeNode,
    CytoscapeNodeData,
    Neighborhood,
)
from plankg.services.reads import run

router = APIRouter(prefix="/graph", tags=["graph"])

MAX_NODES = 500


def _node(row: Row, depth: int, prefix: str = "") -> CytoscapeNode:
    """The node whose columns in `row` start with `prefix`: none in a graph_nodes row; "source_" or
    "target_" in a graph_edges row, whose ids are in the columns source and target."""
    node_id = row[prefix.removesuffix("_")] if prefix else row["id"]
    return CytoscapeNode(
        data=CytoscapeNodeData(
            id=node_id,
            label=row.get(f"{prefix}name") or node_id,
            type=row.get(f"{prefix}type") or "",
            plan_id=row.get(f"{prefix}plan_id"),
            order=row.get(f"{prefix}order"),
            span_start=row.get(f"{prefix}span_start"),
            span_end=row.get(f"{prefix}span_end"),
            depth=depth,
        )
    )


@router.get(
    "/neighborhood/{node_id}",
    response_model=Neighborhood,
    summary="Nodes and edges around a node (Cytoscape.js elements)",
    description="Breadth-first from the node, `depth` steps along relationships in either direction; the "
    "strongest links (by score) are followed first and at most `limit` nodes are returned. Node data hold "
    "`order` and the evidence span (`span_start`, `span_end`) when the node has them.",
)
async def neighborhood(
    request: Request,
    store: StoreDep,
    node_id: Annotated[
        str, Path(min_length=1, max_length=300, examples=["plan-6fa4e3960993-task-04-460833"])
    ],
    depth: Annotated[int, Query(ge=1, le=3, description="Steps from the node.")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_NODES, description="At most this many nodes.")] = 100,
) -> Response:
    return await cached_json(
        request, ("neighborhood", node_id, depth, limit), lambda: walk(store, node_id, depth, limit)
    )


def walk(store: GraphStore, node_id: str, depth: int, limit: int) -> Neighborhood:
    """Breadth-first from node_id, strongest links first, at most limit nodes."""
    start = run(store, "graph_nodes", ids=[node_id])
    if not start:
        raise not_found("node", node_id)
    nodes = {node_id: _node(start[0], 0)}
    edges: dict[str, CytoscapeEdge] = {}
    truncated = False
    frontier = [node_id]
    for level in range(1, depth + 1):
        if not frontier:
            break
        rows = run(store, "graph_edges", ids=frontier, limit=limit)
        in_frontier = set(frontier)
        leaving = sum(1 for row in rows if row["source"] in in_frontier)
        entering = len(rows) - leaving
        truncated = truncated or leaving >= limit or entering >= limit
        rows.sort(key=lambda row: -float(row.get("score") or 0.0))
        next_frontier: list[str] = []
        for row in rows:
            for end in ("source", "target"):
                end_id = row[end]
                if end_id in nodes:
                    continue
                if len(nodes) >= limit:
                    truncated = True
                    continue
                nodes[end_id] = _node(row, level, prefix=f"{end}_")
                next_frontier.append(end_id)
            if row["source"] in nodes and row["target"] in nodes:
                edge_id = f"{row['source']}|{row['type']}|{row['target']}"
                edges[edge_id] = CytoscapeEdge(
                    data=CytoscapeEdgeData(
                        id=edge_id,
                        source=row["source"],
                        target=row["target"],
                        label=row["type"],
                        score=row.get("score"),
                        method=row.get("method"),
                    )
                )
        frontier = next_frontier
    return Neighborhood(
        elements=CytoscapeElements(nodes=list(nodes.values()), edges=list(edges.values())),
        truncated=truncated,
    )
