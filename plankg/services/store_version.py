"""What the in-memory term index and plan facts check before each use: every plan's id and source
sha256, and the node count of each label. Two cheap queries: the versions come as one row
(`plan_versions`), the counts from Neo4j's count store (`counts_by_label`); at 886 plans on Neo4j
the check cost ~50 ms per question as a row per plan and a scan of every node's labels, now ~8 ms."""

from __future__ import annotations

from dataclasses import dataclass

from plankg.graph.port import GraphStore
from plankg.services.reads import read


@dataclass(frozen=True)
class StoreVersion:
    versions: dict[str, str | None]  # plan id -> source sha256 (None: unknown)
    counts: dict[str, int]  # label -> nodes (labels with none left out)


def store_version(store: GraphStore) -> StoreVersion:
    """The store's plan versions and label counts now; read in that order (versions first), so facts
    read after them are never older than the versions say."""
    rows = read(store, "plan_versions")
    versions: dict[str, str | None] = {}
    for entry in rows[0]["versions"] if rows else []:
        plan_id, _, sha256 = entry.rpartition(" ")  # a sha256 has no space; an id might
        versions[plan_id] = sha256 or None
    counts = {row["label"]: int(row["count"]) for row in read(store, "counts_by_label")}
    return StoreVersion(versions, counts)
