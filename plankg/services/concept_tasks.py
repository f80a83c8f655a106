"""The canonical question — which tasks carry out a concept? — answered from the rows of one named
query, concept_tasks (one row per mention), ranked and grouped here per top-level task.

One query rather than steps composed here: on Neo4j it is 3–4× faster than the three round trips the
steps took, on LadybugDB about 2× slower (≈ 8 ms against 4 ms on the 55-document corpus); the answer
cache hides both for repeated questions. Shared by GET /concepts/{name}/tasks and `plankg ask`.

Across many plans (plankg.services.corpus) the rows come without texts and without the top-level task
(concept_task_mentions; the tops from the task tree plankg.services.plan_facts keeps), are ranked
the same way (`rank_mentions`), and only the page's tasks are read for their texts (`with_texts`): at
886 plans the texts of every mention were half the time of the question.
"""

from __future__ import annotations

from dataclasses import dataclass

from plankg.graph.port import GraphStore, Row
from plankg.services.models import Concept, ConceptTaskItem, ConceptTasks, Evidence, TaskRef, Via
from plankg.services.reads import evidence, read

# How much an indirect mention counts: a sub-task's mention is a little weaker evidence that the task
# carries the concept out than the task's own text; each BROADER step down weakens it again.
SUBTASK_WEIGHT = 0.9
NARROWER_WEIGHT_PER_STEP = 0.8


def resolve_concept(store: GraphStore, name: str) -> Concept | None:
    rows = read(store, "concept_by_name", name=name)
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


@dataclass
class RankedTask:
    """One top-level task of a ranked answer: its best mention and how many mentions it has."""

    task_id: str
    best: _Mention
    mentions: int


def rank_mentions(rows: list[Row]) -> list[RankedTask]:
    """One entry per top-level task, best first: its best mention decides via and score. Reads only
    the ranking columns (concept_task_mentions' rows with their tops: PlanFacts.with_tops)."""
    by_task: dict[str, list[_Mention]] = {}
    for row in rows:
        by_task.setdefault(row["task_id"], []).append(_mention(row))
    ranked: list[tuple[tuple[float, int, str, int, str], RankedTask]] = []
    for task_id, mentions in by_task.items():
        best = max(
            mentions,
            key=lambda m: (m.relevance, m.via == "direct", -(m.row.get("span_start") or 0)),
        )
        row = best.row
        order_key = (
            -best.relevance,
            -len(mentions),
            row.get("plan_id") or "",
            int(row.get("task_span_start") or 0),
            task_id,
        )
        ranked.append((order_key, RankedTask(task_id, best, len(mentions))))
    return [entry for _, entry in sorted(ranked, key=lambda pair: pair[0])]


def task_item(entry: RankedTask) -> ConceptTaskItem:
    """The answer item of a ranked task; its best mention's row must carry the texts (concept_tasks'
    columns)."""
    row = entry.best.row
    return ConceptTaskItem(
        task=_top_task(row),
        via=entry.best.via,
        score=entry.best.relevance,
        evidence=_mention_evidence(row),
        mentioned_by=_mentioning_task(row) if row["mention_id"] != entry.task_id else None,
        matched_concept=row.get("concept_name") or row["concept_id"],
        mentions=entry.mentions,
    )


def rank_concept_tasks(rows: list[Row]) -> list[ConceptTaskItem]:
    """One item per top-level task: its best mention decides via, score and evidence."""
    return [task_item(entry) for entry in rank_mentions(rows)]


def with_texts(store: GraphStore, page: list[RankedTask]) -> list[ConceptTaskItem]:
    """Items of ranked tasks whose rows came without texts (concept_task_mentions): the top and the
    mentioning tasks of the page are read by id (task_cards) and put into their rows as concept_tasks
    names them."""
    ids = sorted({entry.task_id for entry in page} | {entry.best.row["mention_id"] for entry in page})
    cards = {row["id"]: row for row in read(store, "task_cards", ids=ids)} if ids else {}
    items = []
    for entry in page:
        row = entry.best.row
        top, mention = cards.get(entry.task_id, {}), cards.get(row["mention_id"], {})
        full = {
            **row,
            "task_name": top.get("name"),
            "task_text": top.get("text"),
            "task_order": top.get("order"),
            "task_doc_id": top.get("doc_id"),
            "task_span_end": top.get("span_end"),
            "mention_name": mention.get("name"),
            "mention_text": mention.get("text"),
            "doc_id": mention.get("doc_id"),
            "span_end": mention.get("span_end"),
        }
        items.append(
            task_item(
                RankedTask(
                    entry.task_id, _Mention(full, entry.best.via, entry.best.relevance), entry.mentions
                )
            )
        )
    return items


def answer_concept_tasks(store: GraphStore, name: str, *, limit: int, offset: int = 0) -> ConceptTasks | None:
    """The ranked answer for a concept name, alternative name or id; None if no concept is called so."""
    concept = resolve_concept(store, name)
    if concept is None:
        return None
    ranked = rank_concept_tasks(read(store, "concept_tasks", id=concept.id))
    return ConceptTasks(
        concept=concept, items=ranked[offset : offset + limit], total=len(ranked), limit=limit, offset=offset
    )
