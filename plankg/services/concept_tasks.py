"""The canonical question — which tasks carry out a concept? — answered in the rows of the
concept_tasks query, built from three small named queries (concept_narrower, concept_mentions,
task_parents) composed here: LadybugDB plans the one-query form (a BROADER path before MENTIONS, then
PART_OF*1..4 with NOT EXISTS) several times slower than these steps, each of which starts from ids.

Shared by GET /concepts/{name}/tasks and `plankg ask`, so both rank the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from plankg.graph.port import GraphStore, Row
from plankg.services.models import Concept, ConceptTaskItem, ConceptTasks, Evidence, TaskRef, Via
from plankg.services.reads import evidence, run

# How much an indirect mention counts: a sub-task's mention is a little weaker evidence that the task
# carries the concept out than the task's own text; each BROADER step down weakens it again.
SUBTASK_WEIGHT = 0.9
NARROWER_WEIGHT_PER_STEP = 0.8
# How far up PART_OF a mentioning task's top-level task is looked for (concept_tasks: PART_OF*1..4).
MAX_TASK_NESTING = 4


def resolve_concept(store: GraphStore, name: str) -> Concept | None:
    rows = run(store, "concept_by_name", name=name)
    if not rows:
        return None
    # an exact id or name beats an alternative name another concept happens to share
    row = min(
        rows, key=lambda r: (r["id"] != name and r.get("name") != name, bool(r.get("candidate")), r["id"])
    )
    return Concept(
        id=row["id"],
        name=row.get("name") or row["id"],
        alt_names=row.get("alt_names") or [],
        candidate=bool(row.get("candidate")),
        broader=sorted(b for b in (row.get("broader") or []) if b),
    )


@dataclass
class _Mention:
    row: Row
    via: Via
    relevance: float


def _mention(row: Row) -> _Mention:
    depth = int(row.get("depth") or 0)
    from_subtask = row["mention_id"] != row["task_id"]
    via: Via = "narrower" if depth > 0 else "subtask" if from_subtask else "direct"
    weight = (SUBTASK_WEIGHT if from_subtask else 1.0) * NARROWER_WEIGHT_PER_STEP**depth
    score = row.get("score")
    return _Mention(row, via, round((1.0 if score is None else float(score)) * weight, 4))


def _top_task(row: Row) -> TaskRef:
    return TaskRef(
        id=row["task_id"],
        name=row.get("task_name") or row["task_id"],
        text=row.get("task_text"),
        plan_id=row.get("plan_id"),
        order=row.get("task_order"),
        evidence=evidence(
            {
                "doc_id": row.get("task_doc_id"),
                "span_start": row.get("task_span_start"),
                "span_end": row.get("task_span_end"),
                "text": row.get("task_text"),
            }
        ),
    )


def _mention_evidence(row: Row) -> Evidence:
    found = evidence(
        {
            "doc_id": row.get("doc_id"),
            "span_start": row.get("span_start"),
            "span_end": row.get("span_end"),
            "text": row.get("mention_text"),
        }
    )
    return found or Evidence(document=row.get("doc_id"))


def _mentioning_task(row: Row) -> TaskRef:
    return TaskRef(
        id=row["mention_id"],
        name=row.get("mention_name") or row["mention_id"],
        text=row.get("mention_text"),
        plan_id=row.get("plan_id"),
        evidence=_mention_evidence(row),
    )


def rank_concept_tasks(rows: list[Row]) -> list[ConceptTaskItem]:
    """One item per top-level task: its best mention decides via, score and evidence."""
    by_task: dict[str, list[_Mention]] = {}
    for row in rows:
        by_task.setdefault(row["task_id"], []).append(_mention(row))
    items: list[tuple[tuple[float, int, str, int, str], ConceptTaskItem]] = []
    for task_id, mentions in by_task.items():
        best = max(
            mentions,
            key=lambda m: (m.relevance, m.via == "direct", -(m.row.get("span_start") or 0)),
        )
        row = best.row
        item = ConceptTaskItem(
            task=_top_task(row),
            via=best.via,
            score=best.relevance,
            evidence=_mention_evidence(row),
            mentioned_by=_mentioning_task(row) if row["mention_id"] != task_id else None,
            matched_concept=row.get("concept_name") or row["concept_id"],
            mentions=len(mentions),
        )
        order_key = (
            -best.relevance,
            -len(mentions),
            row.get("plan_id") or "",
            int(row.get("task_span_start") or 0),
            task_id,
        )
        items.append((order_key, item))
    return [item for _, item in sorted(items, key=lambda pair: pair[0])]


def _parents_up_to_top(store: GraphStore, task_ids: set[str]) -> dict[str, list[Row]]:
    """Each task's parents (task_parents rows), asked one PART_OF step at a time for the tasks
    MAX_TASK_NESTING steps above task_ids and their own parents — enough to tell which are roots."""
    parents: dict[str, list[Row]] = {}
    asked: set[str] = set()
    frontier = set(task_ids)
    for _ in range(MAX_TASK_NESTING + 1):
        frontier -= asked
        if not frontier:
            break
        rows = run(store, "task_parents", ids=sorted(frontier))
        asked |= frontier
        for row in rows:
            parents.setdefault(row["child_id"], []).append(row)
        frontier = {row["id"] for row in rows}
    return parents


def _tops(task_id: str, parents: dict[str, list[Row]], steps: int = 1) -> list[Row]:
    """The parentless tasks 1..MAX_TASK_NESTING PART_OF steps above a task, one per path (as the
    concept_tasks query's OPTIONAL MATCH finds them); [] when there is none."""
    found: list[Row] = []
    for parent in parents.get(task_id, []):
        if parent["id"] not in parents:
            found.append(parent)
        elif steps < MAX_TASK_NESTING:
            found.extend(_tops(parent["id"], parents, steps + 1))
    return found


def concept_task_rows(store: GraphStore, concept_id: str) -> list[Row]:
    """The rows the concept_tasks query gives for a concept id: one per BROADER path to a concept a
    task mentions, per mention, per path to the mentioning task's top-level task (itself if none)."""
    narrower = run(store, "concept_narrower", id=concept_id)
    if not narrower:
        return []
    mentions: dict[str, list[Row]] = {}
    for row in run(store, "concept_mentions", ids=sorted({n["concept_id"] for n in narrower})):
        mentions.setdefault(row["concept_id"], []).append(row)
    mentioning = {m["id"] for rows in mentions.values() for m in rows}
    parents = _parents_up_to_top(store, mentioning) if mentioning else {}
    tops = {task_id: _tops(task_id, parents) for task_id in mentioning}
    rows: list[Row] = []
    for path in narrower:
        for mention in mentions.get(path["concept_id"], []):
            for top in tops[mention["id"]] or [mention]:
                rows.append(
                    {
                        "task_id": top["id"],
                        "task_name": top.get("name"),
                        "task_text": top.get("text"),
                        "plan_id": top.get("plan_id"),
                        "task_order": top.get("order"),
                        "task_doc_id": top.get("doc_id"),
                        "task_span_start": top.get("span_start"),
                        "task_span_end": top.get("span_end"),
                        "mention_id": mention["id"],
                        "mention_name": mention.get("name"),
                        "mention_text": mention.get("text"),
                        "doc_id": mention.get("doc_id"),
                        "span_start": mention.get("span_start"),
                        "span_end": mention.get("span_end"),
                        "concept_id": path["concept_id"],
                        "concept_name": path.get("concept_name"),
                        "depth": path["depth"],
                        "score": mention.get("score"),
                        "method": mention.get("method"),
                    }
                )
    return rows


def answer_concept_tasks(store: GraphStore, name: str, *, limit: int, offset: int = 0) -> ConceptTasks | None:
    """The ranked answer for a concept name, alternative name or id; None if no concept is called so."""
    concept = resolve_concept(store, name)
    if concept is None:
        return None
    ranked = rank_concept_tasks(concept_task_rows(store, concept.id))
    return ConceptTasks(
        concept=concept, items=ranked[offset : offset + limit], total=len(ranked), limit=limit, offset=offset
    )
