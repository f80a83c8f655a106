"""A plan among plans: the comparable metadata (division, 文号, date, topic, edition rank), the titles
it cites and the harmonised measures of its indicators, added to what extract.py reads of one plan."""

from __future__ import annotations

from plankg.loaders.measures import measure_of
from plankg.loaders.plan_facts import plan_facts
from plankg.loaders.plan_relations import cited_titles
from plankg.loaders.regions import resolve_region
from plankg.ontology.records import CitationRecord, IndicatorRecord, PlanInfo


def with_plan_context(plan: PlanInfo, text: str) -> PlanInfo:
    division = resolve_region(plan.region)
    facts = plan_facts(
        text,
        plan.title,
        edition=plan.edition,
        period=(plan.period_start, plan.period_end),
        division=division,
        issuer=plan.issuer,
    )
    return plan.model_copy(
        update={
            "region_code": division.code if division else None,
            "region_level": division.level if division else None,
            "doc_number": facts.doc_number,
            "issue_date": facts.issue_date,
            "topic": facts.topic,
            "edition_rank": facts.edition_rank,
            "title_key": facts.title_key,
            "series_key": facts.series_key,
        }
    )


def plan_citations(plan: PlanInfo, text: str) -> list[CitationRecord]:
    return [
        CitationRecord(
            id=f"{plan.id}-cite-{order:02d}-{cited.kind[:3]}",
            title=cited.title,
            title_key=cited.key,
            kind=cited.kind,  # type: ignore[arg-type]
            span=cited.span,
        )
        for order, cited in enumerate(cited_titles(text, plan.title_key or ""), start=1)
    ]


def with_measures(indicators: list[IndicatorRecord]) -> list[IndicatorRecord]:
    return [
        indicator.model_copy(update={"measure": measure_of(indicator.name, indicator.text)})
        for indicator in indicators
    ]
