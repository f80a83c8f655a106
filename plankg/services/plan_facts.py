"""What questions across plans look up for every plan and task, held in memory per store object: each
plan's place (division, level, period, issue date, title) and the task tree (each task's plan, start
and parent). A filter by region, level or year and the facets are then dict lookups, and a concept's
mentions need no PART_OF steps in the store to find their top-level tasks: at 886 plans reading the
places cost 10-20 ms of every concept question, the steps up 20-35 ms of the year question.

The facts follow the store as the term index does (plankg.services.term_index): before each use two
cheap queries list every plan's id and source sha256 (plankg.services.store_version) and the node count of
each label (`counts_by_label`). When either moved the places are read again (`plan_places`), and the
tasks of plans added or replaced are (`task_parents_of_plans`), deleted plans' dropped; counts that
moved while no plan's version did make it read every task again (`task_parents`). So they stay right
across processes and on both backends without a hook in the write path. The versions are read before
the facts: a write landing in between leaves them one step behind, and the next use catches up. Not
seen, as there: a forced rewrite of an unchanged document that changes facts but no count.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Container, Iterable
from dataclasses import dataclass, field

from plankg.graph.port import GraphStore, Row
from plankg.services.corpus_models import PlanPlace
from plankg.services.reads import read
from plankg.services.store_version import store_version

# A top-level task is found at most this many PART_OF steps up; from a task further down the task
# itself counts as its top (as the concept_tasks query has it)
MAX_STEPS_UP = 4


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


@dataclass(frozen=True)
class PlanFacts:
    """The facts as of one look at the store (not changed afterwards: a later refresh makes new dicts)."""

    places: dict[str, PlanPlace]
    # each task's plan, start and parent (None: a top-level task), as dicts of plain values: the
    # garbage collector does not track them (22k objects, one per task, made each full collection
    # ~25 % longer)
    task_plan: dict[str, str | None]
    task_start: dict[str, int | None]
    task_parent: dict[str, str | None]
    _tops: dict[str, str] = field(default_factory=dict)  # found so far (the same whoever finds them)

    def top_of(self, task_id: str) -> str | None:
        """The task's top-level task (itself when it has no parent or is more than MAX_STEPS_UP steps
        down); None for a task the facts do not know (written since they were read)."""
        found = self._tops.get(task_id)
        if found is not None:
            return found
        if task_id not in self.task_parent:
            return None
        up = [task_id]
        while len(up) <= MAX_STEPS_UP + 1:
            parent = self.task_parent[up[-1]]
            if parent is None or parent not in self.task_parent:
                break
            up.append(parent)
        found = task_id if len(up) > MAX_STEPS_UP + 1 else up[-1]
        self._tops[task_id] = found
        return found

    def with_tops(self, rows: Iterable[Row], within: Container[str | None] | None = None) -> list[Row]:
        """concept_task_mentions rows with the mentioning task's start and plan (mention_plan_id), and
        its top-level task: task_id, plan_id, task_span_start; only mentions by tasks of the plans
        `within`, if given. Mentions by a task not known yet are left out."""
        out = []
        for row in rows:
            mention_id = row["mention_id"]
            if within is not None and self.task_plan.get(mention_id) not in within:
                continue
            top_id = self.top_of(mention_id)
            if top_id is None:
                continue
            out.append(
                {
                    **row,
                    "span_start": self.task_start[mention_id],
                    "mention_plan_id": self.task_plan[mention_id],
                    "task_id": top_id,
                    "plan_id": self.task_plan[top_id],
                    "task_span_start": self.task_start[top_id],
                }
            )
        return out


def _tasks(rows: Iterable[Row], into: PlanFacts) -> None:
    for row in rows:
        task_id = row["id"]
        into.task_plan[task_id] = row.get("plan_id")
        into.task_start[task_id] = row.get("span_start")
        into.task_parent[task_id] = row.get("parent_id")


class _Facts:
    """One store's facts and the plan versions and label counts they were read at."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.versions: dict[str, str | None] | None = None
        self.counts: dict[str, int] = {}
        self.facts = PlanFacts({}, {}, {}, {})

    def current(self, store: GraphStore) -> PlanFacts:
        with self.lock:
            now = store_version(store)
            versions, counts = now.versions, now.counts
            if versions == self.versions and counts == self.counts:
                return self.facts
            places = {row["plan_id"]: _place(row) for row in read(store, "plan_places")}
            indexed = self.versions
            if indexed is None or versions == indexed:  # first use, or a change no version shows: all
                facts = PlanFacts(places, {}, {}, {})
                _tasks(read(store, "task_parents"), facts)
            else:
                changed = sorted(p for p, sha in versions.items() if p not in indexed or indexed[p] != sha)
                gone = set(changed) | (indexed.keys() - versions.keys())
                old = self.facts
                kept = [task_id for task_id, plan_id in old.task_plan.items() if plan_id not in gone]
                facts = PlanFacts(
                    places,
                    {task_id: old.task_plan[task_id] for task_id in kept},
                    {task_id: old.task_start[task_id] for task_id in kept},
                    {task_id: old.task_parent[task_id] for task_id in kept},
                )
                if changed:
                    _tasks(read(store, "task_parents_of_plans", plans=changed), facts)
            self.facts = facts
            self.versions, self.counts = versions, counts
            return self.facts


_FACTS: weakref.WeakKeyDictionary[GraphStore, _Facts] = weakref.WeakKeyDictionary()
_FACTS_LOCK = threading.Lock()


def plan_facts(store: GraphStore) -> PlanFacts:
    """The store's plan places and task tree as it holds them now."""
    with _FACTS_LOCK:
        facts = _FACTS.get(store)
        if facts is None:
            facts = _FACTS[store] = _Facts()
    return facts.current(store)


def plan_places(store: GraphStore) -> dict[str, PlanPlace]:
    """Every plan's place by id. Shared between calls: read, never change it."""
    return plan_facts(store).places


def places_of(store: GraphStore, plan_ids: Iterable[str]) -> dict[str, PlanPlace]:
    """The places of a few plans, looked up by id in the store (cheaper than making sure the kept ones
    are current): the unknown ones are left out."""
    wanted = sorted({plan_id for plan_id in plan_ids if plan_id})
    if not wanted:
        return {}
    return {row["plan_id"]: _place(row) for row in read(store, "plan_places_of", plans=wanted)}
