"""All configuration in one pydantic-settings class, read from PLANKG_* environment variables."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir
from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PLANKG_", env_file=".env", extra="ignore")

    store: Literal["embedded", "neo4j"] = "embedded"
    data_dir: Path = Field(default_factory=lambda: Path(user_data_dir("plankg")))

    neo4j_uri: str = "bolt://127.0.0.1:7687"
    neo4j_user: str = "neo4j"
    neo4j_password: str = "plankg-test-password"
    neo4j_database: str = "neo4j"

    api_key: str | None = None
    # CORS is off (same origin only) unless origins are listed, one by one: "*" is refused, since any
    # web site could then run /cypher from a visitor's browser
    cors_origins: list[str] = Field(default_factory=list)
    base_iri: str = "https://w3id.org/plankg/id/"
    max_upload_bytes: int = 60 * 1024 * 1024
    max_query_body_bytes: int = 64 * 1024  # bodies of POST /cypher and /sparql
    cypher_timeout_seconds: float = 10.0
    cypher_row_limit: int = 1000
    # memory a researcher's query may use (embedded: its worker's address space beyond the open
    # database; Neo4j: db.memory.transaction.max in the server's configuration), its answer's size,
    # and how many run at a time
    cypher_memory_mb: int = Field(default=1024, ge=64)
    cypher_max_answer_mb: int = Field(default=32, ge=1)
    cypher_workers: int = Field(default=2, ge=1)
    # hot API answers are reused this long (0: off); loads and deletes through the API clear them at once
    answer_cache_seconds: float = 2.0
    sparql_timeout_seconds: float = 10.0
    # memory a SPARQL query may add to its worker process (RLIMIT_AS beyond the forked server)
    sparql_memory_mb: int = Field(default=1024, ge=64)
    overrides_file: Path | None = None

    @field_validator("cors_origins")
    @classmethod
    def _origins_one_by_one(cls, origins: list[str]) -> list[str]:
        for origin in origins:
            if not re.fullmatch(r"https?://[^/\s*]+", origin):
                raise ValueError(
                    f"PLANKG_CORS_ORIGINS: {origin!r} is not an origin like https://explorer.example.org "
                    "(scheme and host, no path, no wildcard)"
                )
        return origins

    @property
    def embedded_path(self) -> Path:
        return self.data_dir / "graph.lbdb"


@cache
def get_settings() -> Settings:
    return Settings()
