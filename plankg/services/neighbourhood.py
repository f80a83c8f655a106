"""A node's neighbourhood for a graph view (Cytoscape.js elements), from the neighbourhood_nodes and
neighbourhood_edges queries: breadth-first, strongest links first."""

from __future__ import annotations

from plankg.graph.port import GraphStore, Row
from plankg.services.models import (
    CytoscapeEdge,
    CytoscapeEdgeData,
    CytoscapeElements,
    CytoscapeNode,
    CytoscapeNodeData,
    Neighborhood,
)
from plankg.services.reads import read

MAX_NODES = 500


def _node(row: Row, depth: int, prefix: str = "") -> CytoscapeNode:
    """The node whose columns in `row` start with `prefix`: none in a neighbourhood_nodes row; "source_" or
    "target_" in a neighbourhood_edges row, whose ids are in the columns source and target."""
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


def _strongest_first(row: Row) -> tuple[float, str, str, str]:
    return (-float(row.get("score") or 0.0), row["source"], row["type"], row["target"])


def neighbourhood(store: GraphStore, node_id: str, *, depth: int, limit: int) -> Neighborhood | None:
    """Breadth-first from node_id, `depth` steps either way, strongest links first, at most `limit`
    nodes; None for an unknown node."""
    start = read(store, "neighbourhood_nodes", ids=[node_id])
    if not start:
        return None
    nodes = {node_id: _node(start[0], 0)}
    edges: dict[str, CytoscapeEdge] = {}
    truncated = False
    frontier = [node_id]
    for level in range(1, depth + 1):
        if not frontier:
            break
        found = read(store, "neighbourhood_edges", ids=frontier, limit=limit)
        in_frontier = set(frontier)
        leaving = sum(1 for row in found if row["source"] in in_frontier)
        entering = len(found) - leaving
        truncated = truncated or leaving >= limit or entering >= limit
        # strongest first, ties in one fixed order: the engine may give the leaving and the entering links
        # (two parts of one UNION) in either order
        found.sort(key=_strongest_first)
        next_frontier: list[str] = []
        for row in found:
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
