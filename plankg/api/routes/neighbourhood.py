"""GET /graph/neighborhood/{id}: a node's neighbourhood for a graph view (plankg.services.neighbourhood)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from plankg.api.deps import StoreDep, cached_json
from plankg.api.problems import not_found
from plankg.services.models import Neighborhood
from plankg.services.neighbourhood import MAX_NODES, neighbourhood

router = APIRouter(prefix="/graph", tags=["graph"])


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
    def answer() -> Neighborhood:
        found = neighbourhood(store, node_id, depth=depth, limit=limit)
        if found is None:
            raise not_found("node", node_id)
        return found

    return await cached_json(request, ("neighborhood", node_id, depth, limit), answer)
