"""Every plan's place — division, level, period, issue date, title — held in memory per store object,
so that a question across plans filters and counts by dict lookups instead of reading 886 plans'
rows (and building their models) each time: 10-20 ms of every concept question at 886 plans.

The places follow the store as the term index does (plankg.services.term_index): before each use two
cheap queries list every plan's id and source sha256 (`export_plan_versions`) and the node count of
each label (`counts_by_label`); when either moved, every place is read again (`plan_places`). So they
stay right across processes and on both backends without a hook in the write path. Not seen, as
there: a forced rewrite of an unchanged document that changes a plan's facts but no count.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable

from plankg.graph.port import GraphStore, Row
from plankg.services.corpus_models import PlanPlace
from plankg.services.reads import read


def _place(row: Row) -> PlanPlace:
    issue_year = int(row["issue_date"][:4]) if row.get("issue_date") else None
    return PlanPlace(
        id=row["plan_id"],
        title=row.get("title") or row["plan_id"],
        region=row.get("region_name") or row.get("region"),
        region_code=row.get("region_code"),
        level=row.get("region_level"),
        period_start=row.get("period_start"),
        period_end=row.get("period_end"),
        issue_date=row.get("issue_date"),
        edition=row.get("edition"),
        doc_number=row.get("doc_number"),
        issuer=row.get("issuer"),
        topic=row.get("topic"),
        year=row.get("period_start") or issue_year,
    )


class _Places:
    """One store's places and the plan versions and label counts they were read at."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.token: tuple[dict[str, str | None], dict[str, int]] | None = None
        self.places: dict[str, PlanPlace] = {}

    def current(self, store: GraphStore) -> dict[str, PlanPlace]:
        with self.lock:
            versions = {row["id"]: row.get("sha256") for row in read(store, "export_plan_versions")}
            counts = {row["label"]: int(row["count"]) for row in read(store, "counts_by_label")}
            if self.token != (versions, counts):
                # read after the versions: a write landing in between leaves the places one step
                # behind, and the next call reads them again
                self.places = {row["plan_id"]: _place(row) for row in read(store, "plan_places")}
                self.token = (versions, counts)
            return self.places


_PLACES: weakref.WeakKeyDictionary[GraphStore, _Places] = weakref.WeakKeyDictionary()
_PLACES_LOCK = threading.Lock()


def plan_places(store: GraphStore) -> dict[str, PlanPlace]:
    """Every plan's place by id, as the store holds them now. Shared between calls: read, never
    change it."""
    with _PLACES_LOCK:
        places = _PLACES.get(store)
        if places is None:
            places = _PLACES[store] = _Places()
    return places.current(store)


def places_of(store: GraphStore, plan_ids: Iterable[str]) -> dict[str, PlanPlace]:
    """plan_places for some plans only: the unknown ones are left out."""
    everywhere = plan_places(store)
    return {plan_id: everywhere[plan_id] for plan_id in sorted(set(plan_ids)) if plan_id in everywhere}
