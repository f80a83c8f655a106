"""GET /search: full-text search over names and texts, Chinese-aware (plankg.services.search)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from plankg.api.deps import StoreDep, cached_json
from plankg.services.models import SearchResults
from plankg.services.reads import MAX_LIMIT
from plankg.services.search import CANDIDATES, PHRASE_BONUS, search

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=SearchResults,
    summary="Search names and texts (Chinese-aware, ranked)",
    description="The query is segmented into words with the same dictionary as the indexed texts; nodes "
    "holding more of the query's words (longer words weigh more) rank first; containing the query "
    f"verbatim adds {PHRASE_BONUS}. `total` counts at most {CANDIDATES} matches.",
)
async def search_route(
    request: Request,
    store: StoreDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="What to look for.", examples=["智慧社区"])
    ],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=CANDIDATES)] = 0,
) -> Response:
    return await cached_json(
        request, ("search", q, limit, offset), lambda: search(store, q, limit=limit, offset=offset)
    )
