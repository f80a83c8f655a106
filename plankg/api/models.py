"""Bodies only the HTTP API has: what an upload did, a researcher's Cypher and its rows, health. The
answers the API shares with the CLI and the Python API are in plankg/services/models.py."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from plankg.services.models import PlanDetail

# ---------------------------------------------------------------- uploads


class PlanLoadResult(BaseModel):
    """What POST /plans did: the plan as now stored, and whether anything was written."""

    plan: PlanDetail
    changed: bool = Field(description="False: the same document was already loaded; nothing was written.")
    nodes: int
    relationships: int
    warnings: list[str] = Field(default_factory=list)


class PlanFileResult(BaseModel):
    """What POST /plans did with one of several uploaded files."""

    filename: str
    status: Literal["loaded", "unchanged", "skipped", "failed"]
    reason: str = Field("", description="Why it was skipped or failed.")
    plan_id: str | None = None
    title: str | None = None
    nodes: int = 0
    relationships: int = 0
    warnings: list[str] = Field(default_factory=list)


class PlanLoadResults(BaseModel):
    """What POST /plans did with several files: one result per file, in upload order, and the counts."""

    items: list[PlanFileResult]
    counts: dict[str, int] = Field(description="Files per status: loaded, unchanged, skipped, failed.")


# ---------------------------------------------------------------- researcher's Cypher


class CypherRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "query": "MATCH (t:Task)-[:MENTIONS]->(c:Concept {name: $name}) RETURN t.name AS task",
                    "parameters": {"name": "智慧社区"},
                }
            ]
        },
    )

    query: str = Field(min_length=1, max_length=20_000, description="Read-only Cypher.")
    parameters: dict[str, Any] = Field(default_factory=dict)


class CypherResult(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description="true: the row limit cut the answer off.")
    row_limit: int


# ---------------------------------------------------------------- health


class Health(BaseModel):
    status: Literal["ok"]


class Readiness(BaseModel):
    status: Literal["ready"]
    backend: str
    schema_applied: bool
