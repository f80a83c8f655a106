"""Answers to questions across plans: where, since when, how targets compare, what changed."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from plankg.services.models import Concept, ConceptTaskItem, Evidence
from plankg.services.tabular import Tabular


class PlanPlace(BaseModel):
    """A plan with what compares it to others."""

    id: str
    title: str
    region: str | None = Field(default=None, description="Division name (青岛市), from the division table.")
    region_code: str | None = Field(default=None, description="GB/T 2260 code; 000000 for the whole country.")
    level: str | None = Field(default=None, description="national, province, city or district.")
    period_start: int | None = None
    period_end: int | None = None
    issue_date: str | None = None
    edition: str | None = None
    doc_number: str | None = Field(default=None, description="文号, e.g. 国发〔2019〕4号.")
    issuer: str | None = None
    topic: str | None = None
    year: int | None = Field(
        default=None, description="The plan's first year: its period's start, else the issue year."
    )


class Facet(BaseModel):
    value: str
    count: int


class ConceptTaskFacets(BaseModel):
    region: list[Facet]
    level: list[Facet]
    period: list[Facet]


class ConceptTasksAcross(Tabular, BaseModel):
    concept: Concept
    items: list[ConceptTaskItem]
    total: int
    limit: int
    offset: int
    facets: ConceptTaskFacets = Field(description="Counts of the matching tasks per region, level, period.")
    plans: dict[str, PlanPlace] = Field(description="The plans of the items on this page, by id.")


class ConceptPlan(BaseModel):
    plan: PlanPlace
    mentions: int
    first_evidence: Evidence | None = Field(default=None, description="The plan's first mention.")
    mentioned_by: str | None = Field(default=None, description="Name of the entity of the first mention.")
    matched_concept: str | None = None


class RegionFirstYear(BaseModel):
    region: str
    region_code: str | None = None
    level: str | None = None
    first_year: int | None
    plans: int


class ConceptPlans(BaseModel):
    concept: Concept
    items: list[ConceptPlan]
    total: int
    limit: int
    offset: int
    by_region: list[RegionFirstYear] = Field(description="First year the concept appears in each region.")
    by_year: list[Facet] = Field(description="Plans mentioning it per first year.")


class TargetCell(BaseModel):
    indicator_id: str
    name: str
    value: float
    unit: str
    comparator: str
    baseline: float | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None
    target_year: int | None = None
    plan: PlanPlace
    evidence: Evidence | None = None


class ComparisonRow(BaseModel):
    region: str
    region_code: str | None = None
    level: str | None = None
    by_year: dict[str, list[TargetCell]] = Field(description="Target year (or 'none') → the targets.")


class IndicatorComparison(BaseModel):
    query: str
    measure: str | None = Field(default=None, description="Harmonised measure id, when the query names one.")
    measure_name: str | None = None
    unit: str | None = Field(default=None, description="The measure's normalised unit.")
    years: list[str]
    rows: list[ComparisonRow] = Field(description="One row per region (paged), targets per target year.")
    total: int = Field(description="Number of regions.")
    limit: int
    offset: int


class DiffEntity(BaseModel):
    kind: Literal["goal", "task", "indicator"]
    id: str
    name: str
    evidence: Evidence | None = None


class Target(BaseModel):
    value: float
    unit: str
    comparator: str
    baseline: float | None = None
    target_year: int | None = None
    normalized_value: float | None = None
    normalized_unit: str | None = None


class TargetChange(BaseModel):
    name: str
    old: DiffEntity
    new: DiffEntity
    old_target: Target
    new_target: Target
    changed: list[str] = Field(description="Which parts changed: value, comparator, unit, baseline.")


class PlanDiff(BaseModel):
    old: PlanPlace
    new: PlanPlace
    added: list[DiffEntity]
    dropped: list[DiffEntity]
    kept: int = Field(description="Goals, tasks and indicators found in both.")
    targets_changed: list[TargetChange]
    targets_moved: int = Field(description="Matched targets whose only change is the target year.")


class PlanLink(BaseModel):
    type: Literal["CITES", "IMPLEMENTS", "SUCCEEDS"]
    plan: PlanPlace | None
    plan_id: str
    title: str | None = None
    method: str | None = None
    evidence: Evidence | None = None


class CitedTitle(BaseModel):
    title: str
    kind: str
    resolved: list[str] = Field(description="Ids of loaded plans of that title (empty: not loaded yet).")
    evidence: Evidence | None = None


class PlanRelations(BaseModel):
    plan: PlanPlace
    cites: list[PlanLink]
    implements: list[PlanLink]
    succeeds: list[PlanLink]
    cited_by: list[PlanLink]
    implemented_by: list[PlanLink]
    succeeded_by: list[PlanLink]
    citations: list[CitedTitle] = Field(description="Every title the plan names, resolved or not.")
