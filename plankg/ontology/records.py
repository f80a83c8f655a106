"""Pydantic records that cross rooms: what the extractor produces and what stores write.

`Extraction` is the documented `plankg extract --json` shape. `PlanSubgraph` is the store-neutral
subgraph of one document (nodes and relationships, as neo4j-graphrag's Neo4jGraph), validated
against the ontology specs in schema.py.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from plankg.ontology.schema import load_schema

Span = tuple[int, int]
Comparator = Literal[">", ">=", "=", "<=", "<", "from_to"]
TargetKind = Literal["level", "change", "rate"]
ChangeDirection = Literal["increase", "decrease"]
IndicatorAttribute = Literal["binding", "expected"]
PropertyValue = str | int | float | bool | list[str] | None


Genre = Literal["plan", "plan_report", "plan_interpretation", "not_a_plan"]


class GenreEvidence(BaseModel):
    """What decided a document's genre: the rule, and the cue of the document with its span."""

    rule: str
    cue: str
    span: Span


class DocumentInfo(BaseModel):
    id: str
    path: str
    sha256: str
    chars: int
    encoding: str | None = None
    format: str | None = None
    genre: Genre = "plan"
    genre_evidence: GenreEvidence | None = None


class PlanInfo(BaseModel):
    id: str
    title: str
    region: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    issuer: str | None = None
    edition: str | None = None
    span: Span | None = None
    region_code: str | None = None  # GB/T 2260 code of the region (000000: the whole country)
    region_level: str | None = None  # national, province, city or district
    doc_number: str | None = None  # 文号: 国发〔2019〕4号
    issue_date: str | None = None  # YYYY-MM-DD
    topic: str | None = None
    edition_rank: int | None = None  # 十三五 → 13
    title_key: str | None = None
    series_key: str | None = None


class EntityRecord(BaseModel):
    """A goal, direction or task: its lead-sentence name, its whole text, and where it stands."""

    id: str
    name: str
    text: str
    span: Span
    order: int = 1


class TaskRecord(EntityRecord):
    parent: str | None = None


class IndicatorRecord(BaseModel):
    id: str
    name: str
    value: float
    unit: str
    comparator: Comparator
    baseline: float | None = None
    target_year: int | None = None
    subject: str | None = None  # id of the goal or task whose paragraph holds it
    span: Span
    text: str = ""
    normalized_value: float | None = None
    normalized_unit: str | None = None
    target_kind: TargetKind = "level"  # level reached, change over the period, or rate per year
    direction: ChangeDirection | None = None
    baseline_year: int | None = None
    attribute: IndicatorAttribute | None = None  # 约束性 → binding, 预期性 → expected
    measure: str | None = None  # harmonised measure id (ontology/data/indicators.yaml)


class CitationRecord(BaseModel):
    """A title the plan names (《…》): `implements` when it says it carries that document out."""

    id: str
    title: str
    title_key: str
    kind: Literal["cites", "implements"]
    span: Span


class SectorRecord(BaseModel):
    id: str
    name: str
    codes: list[str] = Field(default_factory=list)
    alt_names: list[str] = Field(default_factory=list)


class ConceptRecord(BaseModel):
    id: str
    name: str
    broader: list[str] = Field(default_factory=list)
    alt_names: list[str] = Field(default_factory=list)
    candidate: bool = False


def _link_type(value: str) -> str:
    if value not in load_schema().relationships:
        known = ", ".join(sorted(load_schema().relationships))
        raise ValueError(f"{value!r} is not a relationship type of plan.ttl ({known})")
    return value


# A relationship type declared in plan.ttl (pk:relType); the extractor emits SUPPORTS, ALIGNS_WITH,
# MEASURES, IN_SECTOR, MENTIONS and PART_OF.
LinkType = Annotated[str, AfterValidator(_link_type)]


class LinkRecord(BaseModel):
    type: LinkType
    source: str
    target: str
    score: float
    method: str
    span: Span


class Extraction(BaseModel):
    """Everything extracted from one document: the `plankg extract --json` shape."""

    document: DocumentInfo
    plan: PlanInfo
    goals: list[EntityRecord] = Field(default_factory=list)
    directions: list[EntityRecord] = Field(default_factory=list)
    tasks: list[TaskRecord] = Field(default_factory=list)
    indicators: list[IndicatorRecord] = Field(default_factory=list)
    sectors: list[SectorRecord] = Field(default_factory=list)
    concepts: list[ConceptRecord] = Field(default_factory=list)
    links: list[LinkRecord] = Field(default_factory=list)
    citations: list[CitationRecord] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- store-neutral graph


class GraphNode(BaseModel):
    model_config = ConfigDict(frozen=True)

    label: str
    id: str
    properties: dict[str, PropertyValue] = Field(default_factory=dict)


class GraphRelationship(BaseModel):
    model_config = ConfigDict(frozen=True)

    type: str
    source_label: str
    source_id: str
    target_label: str
    target_id: str
    properties: dict[str, PropertyValue] = Field(default_factory=dict)


class PlanSubgraph(BaseModel):
    """One document's subgraph: the unit a store writes atomically (replacing the plan's old one)."""

    plan_id: str
    source_sha256: str
    nodes: list[GraphNode] = Field(default_factory=list)
    relationships: list[GraphRelationship] = Field(default_factory=list)

    def validate_against_ontology(self) -> None:
        """Raise ValueError naming the first node or link the ontology does not allow."""
        for node in self.nodes:
            by_key, required = _node_checks(node.label)
            properties = node.properties
            unknown = properties.keys() - by_key.keys()
            if unknown:
                raise ValueError(f"{node.label} {node.id}: unknown properties {sorted(unknown)}")
            for key in required:
                if properties.get(key) in (None, ""):
                    raise ValueError(f"{node.label} {node.id}: {key} is required")
            for key, value in properties.items():
                exact, value_type, multi = by_key[key]
                # the common case (values of exactly an allowed type) decided here; the rest (bools
                # where numbers go, subclasses, errors) by _check_value
                if value is None:
                    continue
                if multi:
                    if type(value) is list and exact.issuperset(map(type, value)):
                        continue
                elif type(value) in exact:
                    continue
                _check_value(node, key, value, value_type, multi)
            if not node.id.isascii():
                raise ValueError(f"{node.label} id {node.id!r} is not ASCII")
        for rel in self.relationships:
            pairs, keys = _relationship_checks(rel.type)
            if (rel.source_label, rel.target_label) not in pairs:
                raise ValueError(f"{rel.type} may not join {rel.source_label} to {rel.target_label}")
            unknown = rel.properties.keys() - keys
            if unknown:
                where = f"{rel.type} {rel.source_id}->{rel.target_id}"
                raise ValueError(f"{where}: unknown properties {sorted(unknown)}")


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "int": (int,),
    "float": (int, float),
    "bool": (bool,),
}


@cache
def _node_checks(label: str) -> tuple[dict[str, tuple[frozenset[type], str, bool]], tuple[str, ...]]:
    """A label's properties by key as (the exact Python types a value, or each item of a list, may
    have without further checks; value type; multi-valued), and its required keys."""
    spec = load_schema().node(label)
    by_key = {
        prop.key: (
            frozenset(_PYTHON_TYPES[prop.value_type]),
            prop.value_type,
            prop.multi_valued,
        )
        for prop in spec.properties
    }
    required = tuple(p.key for p in spec.properties if p.required and p.key != "id")
    return by_key, required


@cache
def _relationship_checks(rel_type: str) -> tuple[frozenset[tuple[str, str]], frozenset[str]]:
    spec = load_schema().relationship(rel_type)
    return frozenset(spec.pairs), frozenset(spec.keys)


def _check_value(node: GraphNode, key: str, value: Any, value_type: str, multi: bool) -> None:
    if value is None:
        return
    if multi and not isinstance(value, list):
        raise ValueError(f"{node.label} {node.id}.{key}: expected a list, got {type(value).__name__}")
    allowed = _PYTHON_TYPES[value_type]
    for item in value if multi else (value,):
        if not isinstance(item, allowed) or (value_type in ("int", "float") and isinstance(item, bool)):
            raise ValueError(f"{node.label} {node.id}.{key}: {item!r} is not {value_type}")
