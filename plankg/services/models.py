"""The answers of the service layer (pydantic v2), with Chinese examples for the OpenAPI page: the API
returns them as they are, the Python API (plankg.connect) hands them to notebooks.

Models mirror the named queries' columns. Bodies only HTTP has (uploads, POST /cypher, health) are in
plankg/api/models.py.
"""

from __future__ import annotations

from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from plankg.services.tabular import Tabular

ItemT = TypeVar("ItemT")

SEED_DOCUMENT = "doc-fca4d0c9d63dda8d"  # the seed plan's document id, for examples


class Evidence(BaseModel):
    """Where a statement stands in its source: text == document text[span[0]:span[1]]."""

    document: str | None = Field(default=None, description="Source document id.")
    span: tuple[int, int] | None = Field(
        default=None, description="Characters [start, end) of the decoded document."
    )
    text: str | None = Field(default=None, description="The evidence itself: the document's text at span.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "document": SEED_DOCUMENT,
                    "span": [2744, 2763],
                    "text": "深化智慧社区建设，推动社区服务水平提升",
                }
            ]
        }
    )


class Page(Tabular, BaseModel, Generic[ItemT]):
    """One page of a list: items, how many there are in all, and the page's place."""

    items: list[ItemT]
    total: int = Field(description="Number of items matching the request, over all pages.")
    limit: int
    offset: int


# ---------------------------------------------------------------- plans


class PlanSummary(Tabular, BaseModel):
    id: str
    name: str = Field(description="The plan's name (its title when it has no other).")
    title: str | None = None
    region: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    issuer: str | None = None
    edition: str | None = None
    source_sha256: str | None = None
    evidence: Evidence | None = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "plan-6fa4e3960993",
                    "name": "青岛市信息化“十三五”发展规划（2016-2020年）",
                    "title": "青岛市信息化“十三五”发展规划（2016-2020年）",
                    "region": "青岛市",
                    "period_start": 2016,
                    "period_end": 2020,
                    "issuer": "青岛市政府办公厅",
                    "edition": "十三五",
                }
            ]
        }
    )


class PlanDetail(PlanSummary):
    source_path: str | None = None
    counts: dict[str, int] = Field(
        default_factory=dict, description="How many goals, directions, tasks, indicators the plan holds."
    )


class PlanText(BaseModel):
    """A plan's whole source document, decoded: every evidence span of the plan indexes into `text`."""

    plan: str = Field(description="The plan's id.")
    document: str | None = Field(default=None, description="Source document id (evidence.document).")
    text: str = Field(description="The decoded document; evidence text == text[span[0]:span[1]].")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "plan": "plan-6fa4e3960993",
                    "document": SEED_DOCUMENT,
                    "text": "青岛规划：2020年建成全国领先智慧城市\n……",
                }
            ]
        }
    )


# ---------------------------------------------------------------- plan entities


class EntityFields(BaseModel):
    """What every plan entity answers with: its id, name, text, plan, place in the document, evidence."""

    id: str
    name: str
    text: str | None = None
    plan_id: str | None = None
    order: int | None = None
    evidence: Evidence | None = None


class EntitySummary(Tabular, EntityFields):
    pass


class LinkedEntity(BaseModel):
    """A node linked to the one asked about, with the link's confidence and how it was made."""

    id: str
    name: str
    text: str | None = None
    plan_id: str | None = Field(default=None, description="Its plan (none for concepts and sectors).")
    score: float | None = Field(default=None, description="Confidence of the link in [0, 1].")
    method: str | None = Field(
        default=None, description="How the link was made: structure, lexicon, term-overlap …"
    )
    link_span: tuple[int, int] | None = Field(default=None, description="Where the link's evidence stands.")
    evidence: Evidence | None = Field(default=None, description="The linked node's own evidence.")


class GoalSummary(EntitySummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "plan-6fa4e3960993-goal-04-40ac87",
                    "name": "信息服务普惠民生",
                    "text": "信息服务普惠民生。信息技术在社会保障、社区建设等领域的应用持续深化，"
                    "智慧社区覆盖200万户以上；……",
                    "plan_id": "plan-6fa4e3960993",
                    "order": 4,
                }
            ]
        }
    )


class GoalDetail(GoalSummary):
    indicators: list[LinkedEntity] = Field(default_factory=list, description="Indicators that measure it.")
    tasks: list[LinkedEntity] = Field(default_factory=list, description="Tasks that support it, best first.")
    sectors: list[LinkedEntity] = Field(default_factory=list)
    concepts: list[LinkedEntity] = Field(default_factory=list)


class DirectionSummary(EntitySummary):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "plan-6fa4e3960993-dir-02-f1babb",
                    "name": "推动基于泛在感知的智慧青岛建设",
                    "plan_id": "plan-6fa4e3960993",
                    "order": 2,
                }
            ]
        }
    )


class DirectionDetail(DirectionSummary):
    tasks: list[LinkedEntity] = Field(default_factory=list, description="Tasks aligned with it, best first.")
    concepts: list[LinkedEntity] = Field(default_factory=list)


class TaskSummary(EntitySummary):
    parent_id: str | None = Field(default=None, description="The task this one is a sub-task of.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "plan-6fa4e3960993-task-04-460833",
                    "name": "推动民生信息普惠提质增效",
                    "text": "推动民生信息普惠提质增效。推进智慧医疗，优化居民就医环境；……",
                    "plan_id": "plan-6fa4e3960993",
                    "order": 4,
                    "parent_id": None,
                }
            ]
        }
    )


class TaskDetail(TaskSummary):
    parent: LinkedEntity | None = None
    subtasks: list[LinkedEntity] = Field(default_factory=list)
    goals: list[LinkedEntity] = Field(default_factory=list, description="Goals it supports, best first.")
    directions: list[LinkedEntity] = Field(default_factory=list)
    concepts: list[LinkedEntity] = Field(default_factory=list)
    sectors: list[LinkedEntity] = Field(default_factory=list)
    indicators: list[LinkedEntity] = Field(default_factory=list)


class Indicator(Tabular, BaseModel):
    id: str
    name: str
    text: str | None = None
    plan_id: str | None = None
    value: float | None = None
    unit: str | None = None
    comparator: str | None = None
    baseline: float | None = None
    target_year: int | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None
    target_kind: Literal["level", "change", "rate"] | None = Field(
        default=None,
        description="level (达到85%), change over the period (下降15%) or rate per year (年均增长8%).",
    )
    direction: Literal["increase", "decrease"] | None = Field(
        default=None, description="Which way a change or rate moves, or a level is reached (提高到, 降至)."
    )
    baseline_year: int | None = Field(default=None, description="The year a change is measured against.")
    attribute: Literal["binding", "expected"] | None = Field(
        default=None, description="指标属性 of an indicator table: 约束性 → binding, 预期性 → expected."
    )
    goal_id: str | None = Field(default=None, description="The goal it measures.")
    goal_name: str | None = Field(default=None, description="The name of the goal it measures.")
    task_id: str | None = Field(default=None, description="The task it measures.")
    task_name: str | None = Field(default=None, description="The name of the task it measures.")
    evidence: Evidence | None = None

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "plan-6fa4e3960993-ind-29eb7d09",
                    "name": "智慧社区覆盖",
                    "value": 200,
                    "unit": "万户",
                    "comparator": ">=",
                    "normalized_value": 2000000,
                    "normalized_unit": "户",
                    "target_year": 2020,
                    "target_kind": "level",
                }
            ]
        }
    )


class IndicatorDetail(Indicator):
    goals: list[LinkedEntity] = Field(default_factory=list, description="Goals it measures.")
    tasks: list[LinkedEntity] = Field(default_factory=list, description="Tasks it measures.")
    sectors: list[LinkedEntity] = Field(default_factory=list)
    concepts: list[LinkedEntity] = Field(default_factory=list)


class Sector(BaseModel):
    id: str
    name: str
    codes: list[str] = Field(
        default_factory=list, description="GB/T 4754-2017 (GB4754:…) or UN COFOG (COFOG:…) codes."
    )
    alt_names: list[str] = Field(default_factory=list)
    members: int = Field(default=0, description="Goals, tasks and indicators in this sector.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "sector-transport",
                    "name": "交通运输",
                    "codes": ["GB4754:G", "COFOG:04.5"],
                    "alt_names": ["交通", "公共交通"],
                    "members": 3,
                }
            ]
        }
    )


class SectorDetail(Sector):
    """A sector and its members, of every plan, each with the link's score, method and span."""

    goals: list[LinkedEntity] = Field(default_factory=list, description="Goals in this sector.")
    tasks: list[LinkedEntity] = Field(default_factory=list, description="Tasks in this sector.")
    indicators: list[LinkedEntity] = Field(default_factory=list, description="Indicators in this sector.")
    truncated: bool = Field(default=False, description="true: `limit` cut one of the lists short.")


class Concept(BaseModel):
    id: str
    name: str
    alt_names: list[str] = Field(default_factory=list)
    candidate: bool = Field(
        default=False, description="true: found in a document, not yet in the concept scheme."
    )
    broader: list[str] = Field(default_factory=list, description="Names of its broader concepts.")
    mentions: int | None = Field(
        default=None, description="How many goals, directions, tasks, indicators mention it."
    )

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "concept-smart-community",
                    "name": "智慧社区",
                    "alt_names": ["智能社区"],
                    "candidate": False,
                    "broader": ["智慧城市"],
                    "mentions": 2,
                }
            ]
        }
    )


# ---------------------------------------------------------------- the canonical question

Via = Literal["direct", "subtask", "narrower"]


class TaskRef(EntityFields):
    pass


class ConceptTaskItem(BaseModel):
    task: TaskRef = Field(description="A top-level task that carries out the concept.")
    via: Via = Field(
        description="direct: the task's own text mentions the concept; subtask: one of its sub-tasks does; "
        "narrower: it mentions a narrower concept (BROADER*)."
    )
    score: float = Field(description="Relevance in [0, 1]: the mention's score, discounted by how indirect.")
    evidence: Evidence = Field(description="The text that mentions the concept (the task or its sub-task).")
    mentioned_by: TaskRef | None = Field(
        default=None, description="The sub-task that mentions it (via subtask)."
    )
    matched_concept: str = Field(description="The concept named in the text (itself or a narrower one).")
    mentions: int = Field(
        default=1, description="How many mentions, in the task and its sub-tasks, lead here."
    )


class ConceptTasks(Tabular, BaseModel):
    concept: Concept
    items: list[ConceptTaskItem]
    total: int
    limit: int
    offset: int

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "concept": {
                        "id": "concept-smart-community",
                        "name": "智慧社区",
                        "alt_names": [],
                        "candidate": False,
                        "broader": ["智慧城市"],
                    },
                    "items": [
                        {
                            "task": {
                                "id": "plan-6fa4e3960993-task-04-460833",
                                "name": "推动民生信息普惠提质增效",
                            },
                            "via": "subtask",
                            "score": 0.9,
                            "evidence": {
                                "document": SEED_DOCUMENT,
                                "span": [2744, 2763],
                                "text": "深化智慧社区建设，推动社区服务水平提升",
                            },
                            "mentioned_by": {
                                "id": "plan-6fa4e3960993-task-04-460833-04-7b7139",
                                "name": "深化智慧社区建设",
                            },
                            "matched_concept": "智慧社区",
                            "mentions": 1,
                        }
                    ],
                    "total": 1,
                    "limit": 20,
                    "offset": 0,
                }
            ]
        }
    )


# ---------------------------------------------------------------- search and graph


class SearchHit(BaseModel):
    id: str
    type: str = Field(description="Plan, Goal, Direction, Task, Indicator, Sector or Concept.")
    name: str | None = None
    snippet: str | None = Field(default=None, description="The text around the first matched term.")
    plan_id: str | None = None
    score: float = Field(description="Share of the query's weight that the node matches, in [0, 1].")
    matched: list[str] = Field(description="The query terms found in the node's text.")
    evidence: Evidence | None = None


class SearchResults(Tabular, BaseModel):
    query: str
    terms: list[str] = Field(description="The query segmented as the index is.")
    items: list[SearchHit]
    total: int
    limit: int
    offset: int

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "query": "智慧社区",
                    "terms": ["智慧社区"],
                    "items": [
                        {
                            "id": "plan-6e5e8d5358e7-task-01-5d3c2a",
                            "type": "Task",
                            "name": "加快建设智慧社区综合服务平台",
                            "snippet": "加快建设智慧社区综合服务平台",
                            "score": 1.0,
                            "matched": ["智慧社区"],
                        }
                    ],
                    "total": 1,
                    "limit": 20,
                    "offset": 0,
                }
            ]
        }
    )


class GraphNodeData(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    label: str = Field(description="Text to show: the node's name.")
    type: str = Field(description="Plan, Goal, Direction, Task, Indicator, Sector or Concept.")
    plan_id: str | None = None
    order: int | None = Field(default=None, description="Place among its siblings, from 1.")
    span_start: int | None = Field(default=None, description="Evidence: first character in the plan's text.")
    span_end: int | None = Field(default=None, description="Evidence: one past the last character.")


class CytoscapeNodeData(GraphNodeData):
    depth: int = Field(description="Steps from the asked node.")


class CytoscapeNode(BaseModel):
    data: CytoscapeNodeData


class CytoscapeEdgeData(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str
    source: str
    target: str
    label: str = Field(description="Relationship type: SUPPORTS, PART_OF, MENTIONS …")
    score: float | None = None
    method: str | None = None


class CytoscapeEdge(BaseModel):
    data: CytoscapeEdgeData


class CytoscapeElements(BaseModel):
    nodes: list[CytoscapeNode]
    edges: list[CytoscapeEdge]


class Neighborhood(Tabular, BaseModel):
    """Cytoscape.js elements: pass `elements` to cytoscape({elements}) as is."""

    elements: CytoscapeElements
    truncated: bool = Field(description="true: the limit cut nodes off.")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "elements": {
                        "nodes": [
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993-task-04-460833",
                                    "label": "推动民生信息普惠提质增效",
                                    "type": "Task",
                                    "depth": 0,
                                }
                            },
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993-goal-04-40ac87",
                                    "label": "信息服务普惠民生",
                                    "type": "Goal",
                                    "depth": 1,
                                }
                            },
                        ],
                        "edges": [
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993-task-04-460833|SUPPORTS|"
                                    "plan-6fa4e3960993-goal-04-40ac87",
                                    "source": "plan-6fa4e3960993-task-04-460833",
                                    "target": "plan-6fa4e3960993-goal-04-40ac87",
                                    "label": "SUPPORTS",
                                    "score": 0.82,
                                }
                            }
                        ],
                    },
                    "truncated": False,
                }
            ]
        }
    )


class PlanPictureNode(BaseModel):
    data: GraphNodeData


class PlanPictureElements(BaseModel):
    nodes: list[PlanPictureNode]
    edges: list[CytoscapeEdge]


class PlanPicture(Tabular, BaseModel):
    """The picture of a whole plan as Cytoscape.js elements: pass `elements` to cytoscape({elements})."""

    plan: str = Field(description="The plan's id.")
    elements: PlanPictureElements
    truncated: bool = Field(description="true: the limit cut nodes off (the plan's own are kept first).")

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "plan": "plan-6fa4e3960993",
                    "elements": {
                        "nodes": [
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993",
                                    "label": "青岛市信息化“十三五”发展规划（2016-2020年）",
                                    "type": "Plan",
                                    "plan_id": "plan-6fa4e3960993",
                                }
                            },
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993-goal-04-40ac87",
                                    "label": "信息服务普惠民生",
                                    "type": "Goal",
                                    "plan_id": "plan-6fa4e3960993",
                                    "order": 4,
                                    "span_start": 1131,
                                    "span_end": 1249,
                                }
                            },
                        ],
                        "edges": [
                            {
                                "data": {
                                    "id": "plan-6fa4e3960993|HAS_GOAL|plan-6fa4e3960993-goal-04-40ac87",
                                    "source": "plan-6fa4e3960993",
                                    "target": "plan-6fa4e3960993-goal-04-40ac87",
                                    "label": "HAS_GOAL",
                                    "score": 1.0,
                                    "method": "structure",
                                }
                            }
                        ],
                    },
                    "truncated": False,
                }
            ]
        }
    )
