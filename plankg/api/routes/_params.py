"""Query and path parameters that several routers share."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query

from plankg.services.reads import MAX_LIMIT

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, at most {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
PlanFilter = Annotated[
    str | None,
    Query(
        max_length=300,
        description="Only this plan's (plan id).",
        examples=["plan-6fa4e3960993"],
    ),
]


def entity_id(example: str) -> Any:
    return Path(min_length=1, max_length=300, description="The node's id.", examples=[example])
