"""Questions across plans, shared by the REST API and the CLI: the concept question filtered by
region (sub-regions included), level, year and plan with facets; a concept's spread over places and
years; one measure's targets side by side; what changed between two plans; how a plan relates to
others. Every answer comes from named queries; grouping, matching and paging happen here."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from plankg.graph.port import GraphStore, Row
from plankg.loaders.measures import find_measure
from plankg.loaders.regions import resolve_region, short_name
from plankg.services.concept_tasks import rank_mentions, resolve_concept, with_texts
from plankg.services.corpus_models import (
    CitedTitle,
    ComparisonRow,
    ConceptPlan,
    ConceptPlans,
    ConceptTaskFacets,
    ConceptTasksAcross,
    DiffEntity,
    Facet,
    IndicatorComparison,
    PlanDiff,
    PlanLink,
    PlanPlace,
    PlanRelations,
    RegionFirstYear,
    Target,
    TargetCell,
    TargetChange,
)
from plankg.services.models import Evidence
from plankg.services.plan_facts import places_of, plan_facts, plan_places
from plankg.services.reads import evidence, read, read_collected

LEVELS = ("national", "province", "city", "district")
NO_REGION = "未知"
NO_YEAR = "none"


class UnknownRegion(ValueError):
    """A region filter that names no division."""


def _period(place: PlanPlace) -> str:
    if place.period_start and place.period_end:
        return f"{place.period_start}-{place.period_end}"
    return str(place.year) if place.year else NO_YEAR


def _covers(place: PlanPlace, year: int) -> bool:
    if place.period_start is not None:
        return place.period_start <= year <= (place.period_end or place.period_start)
    return place.year == year


def plans_matching(
    store: GraphStore,
    places: dict[str, PlanPlace],
    *,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
    plan: str | None = None,
) -> set[str]:
    """Ids of the plans that pass every given filter; `region` (name or code) includes its sub-regions."""
    ids = set(places)
    if region:
        division = resolve_region(region)
        if division is None:
            raise UnknownRegion(f"no administrative division is called {region!r}")
        ids &= {row["plan_id"] for row in read(store, "plans_in_region", code=division.code)}
    if level:
        ids = {i for i in ids if places[i].level == level}
    if year is not None:
        ids = {i for i in ids if _covers(places[i], year)}
    if plan:
        ids &= {plan}
    return ids


def _facets(values: Iterable[str]) -> list[Facet]:
    counts = Counter(values)
    return [Facet(value=v, count=c) for v, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def concept_tasks_across(
    store: GraphStore,
    name: str,
    *,
    region: str | None = None,
    level: str | None = None,
    year: int | None = None,
    plan: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> ConceptTasksAcross | None:
    concept = resolve_concept(store, name)
    if concept is None:
        return None
    facts = plan_facts(store)
    places = facts.places
    wanted = plans_matching(store, places, region=region, level=level, year=year, plan=plan)
    # every mention read and those outside the plans left out here: at 886 plans the mentions alone
    # cost ~10 ms, no more than a store-side `IN $plans` (LadybugDB checks each row against the list)
    mentions = read_collected(store, "concept_task_mentions", "mentions", id=concept.id) if wanted else []
    rows = facts.with_tops(mentions, wanted)
    ranked = [entry for entry in rank_mentions(rows) if entry.best.row.get("plan_id") in wanted]
    matched = [places[entry.best.row["plan_id"]] for entry in ranked]
    page = with_texts(store, ranked[offset : offset + limit])
    return ConceptTasksAcross(
        concept=concept,
        items=page,
        total=len(ranked),
        limit=limit,
        offset=offset,
        facets=ConceptTaskFacets(
            region=_facets(p.region or NO_REGION for p in matched),
            level=_facets(p.level or NO_REGION for p in matched),
            period=_facets(_period(p) for p in matched),
        ),
        plans={i.task.plan_id: places[i.task.plan_id] for i in page if i.task.plan_id in places},
    )


def concept_plans(
    store: GraphStore,
    name: str,
    *,
    region: str | None = None,
    level: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> ConceptPlans | None:
    """Which plans mention a concept, where and when: one item per plan (earliest first) with its first
    mention, and the first year per region."""
    concept = resolve_concept(store, name)
    if concept is None:
        return None
    places = plan_places(store)
    wanted = plans_matching(store, places, region=region, level=level)
    mentions = {
        row["plan_id"]: int(row["mentions"])
        for row in read(store, "concept_plan_counts", id=concept.id)
        if row.get("plan_id") in wanted
    }
    order = sorted(mentions, key=lambda p: (places[p].year or 9999, places[p].region_code or "", p))
    regions: dict[str, list[PlanPlace]] = defaultdict(list)
    for plan_id in order:
        regions[places[plan_id].region or NO_REGION].append(places[plan_id])
    by_region = [
        RegionFirstYear(
            region=region_name,
            region_code=plans[0].region_code,
            level=plans[0].level,
            first_year=min((p.year for p in plans if p.year), default=None),
            plans=len(plans),
        )
        for region_name, plans in regions.items()
    ]
    by_region.sort(key=lambda r: (r.first_year or 9999, r.region_code or "", r.region))
    # each page plan's first mention (least start, then entity, in the query's order), with names and
    # evidence; the evidence text cut from the plan's source
    page_plans = order[offset : offset + limit]
    by_plan: dict[str, list[Row]] = defaultdict(list)
    rows = read(store, "concept_plan_first_mentions", id=concept.id, plans=page_plans) if page_plans else []
    for row in rows:
        by_plan[row["plan_id"]].append(row)
    firsts = {
        plan_id: min(plan_rows, key=lambda r: (r.get("span_start") or 0, r.get("entity_id") or ""))
        for plan_id, plan_rows in by_plan.items()
    }
    found = {plan_id: evidence(first) for plan_id, first in firsts.items()}
    # the sources in one round trip (one per plan took a Neo4j page ~35 ms)
    with_spans = sorted(plan_id for plan_id, ev in found.items() if ev is not None and ev.span is not None)
    text_rows = read(store, "plan_texts_of", plans=with_spans) if with_spans else []
    texts = {row["id"]: row.get("text") for row in text_rows}
    page = [
        ConceptPlan(
            plan=places[plan_id],
            mentions=mentions[plan_id],
            first_evidence=_text_evidence(texts.get(plan_id), found.get(plan_id)),
            mentioned_by=firsts.get(plan_id, {}).get("entity_name"),
            matched_concept=firsts.get(plan_id, {}).get("concept_name"),
        )
        for plan_id in page_plans
    ]
    return ConceptPlans(
        concept=concept,
        items=page,
        total=len(order),
        limit=limit,
        offset=offset,
        by_region=by_region,
        by_year=sorted(_facets(str(places[p].year or NO_YEAR) for p in order), key=lambda f: f.value),
    )


def _text_evidence(source: str | None, found: Evidence | None) -> Evidence | None:
    """Evidence of a mention: its span, with the text cut from the plan's source."""
    if found is None or found.span is None or not source:
        return found
    return found.model_copy(update={"text": source[found.span[0] : found.span[1]]})


def compare_indicators(
    store: GraphStore,
    q: str,
    *,
    region: str | None = None,
    level: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> IndicatorComparison:
    """One measure across plans as a table region × target year. `q` names a measure of the
    vocabulary (id, name or alt name); otherwise indicators whose name holds `q`."""
    measure = find_measure(q)
    rows = (
        read(store, "measure_indicators", measure=measure.id)
        if measure is not None
        else read(store, "named_indicators", q=q)
    )
    places = places_of(store, (row["plan_id"] for row in rows))
    wanted = plans_matching(store, places, region=region, level=level)
    table: dict[str, dict[str, list[TargetCell]]] = defaultdict(lambda: defaultdict(list))
    region_of: dict[str, PlanPlace] = {}
    years: set[str] = set()
    kept = [row for row in rows if row.get("plan_id") in wanted]
    for row in sorted(kept, key=lambda r: _cell_order(r, places)):
        place = places[row["plan_id"]]
        key = place.region or NO_REGION
        region_of.setdefault(key, place)
        year = str(row["target_year"]) if row.get("target_year") else NO_YEAR
        years.add(year)
        table[key][year].append(
            TargetCell(
                indicator_id=row["id"],
                name=row.get("name") or row["id"],
                value=float(row["value"]),
                unit=row.get("unit") or "",
                comparator=row.get("comparator") or "=",
                baseline=row.get("baseline"),
                normalized_value=row.get("normalized_value"),
                normalized_unit=row.get("normalized_unit"),
                target_year=row.get("target_year"),
                plan=place,
                evidence=evidence(row),
            )
        )
    ordered = sorted(table, key=lambda r: (region_of[r].region_code or "999999", r))
    out_rows = [
        ComparisonRow(
            region=r,
            region_code=region_of[r].region_code,
            level=region_of[r].level,
            by_year={y: table[r][y] for y in sorted(table[r])},
        )
        for r in ordered
    ]
    return IndicatorComparison(
        query=q,
        measure=measure.id if measure else None,
        measure_name=measure.name if measure else None,
        unit=measure.unit if measure else None,
        years=sorted(years),
        rows=out_rows[offset : offset + limit],
        total=len(out_rows),
        limit=limit,
        offset=offset,
    )


def _cell_order(row: Row, places: dict[str, PlanPlace]) -> tuple[Any, ...]:
    """Indicators by division code, target year, plan, start and id, a missing code, year or start
    last (as a Cypher ORDER BY has them)."""
    code, year, start = places[row["plan_id"]].region_code, row.get("target_year"), row.get("span_start")
    return (
        code is None,
        code or "",
        year is None,
        year or 0,
        row["plan_id"],
        start is None,
        start or 0,
        row["id"],
    )


# ---------------------------------------------------------------- diff

_PUNCT_RE = re.compile(r"[\s“”\"'‘’「」《》（）()、，,。.:：;；!！?？—\-\d]")
_EDITION_RE = re.compile(r"十[一二三四五]五")


def _match_key(name: str, place_names: Iterable[str]) -> str:
    """A name as compared across two plans: without punctuation, numbers, editions and the plans' own
    region names (青岛市… and 济南市… match)."""
    key = name
    for place in place_names:
        key = key.replace(place, "")
    return _PUNCT_RE.sub("", _EDITION_RE.sub("", key))


def _keyed(rows: list[Row], kind_of: Any, place_names: list[str]) -> dict[tuple[str, str, int], Row]:
    seen: Counter[tuple[str, str]] = Counter()
    out: dict[tuple[str, str, int], Row] = {}
    for row in sorted(rows, key=lambda r: (r.get("span_start") or 0, r["id"])):
        base = (kind_of(row), _match_key(row.get("name") or "", place_names))
        out[(*base, seen[base])] = row
        seen[base] += 1
    return out


def _pair_targets(
    old: list[Row], new: list[Row], place_names: list[str]
) -> tuple[list[tuple[Row, Row]], list[Row], list[Row]]:
    """Indicators of two plans paired by name; among those of one name, first those written in the same
    unit, then the rest in document order. Returns (pairs, only in old, only in new)."""

    def groups(rows: list[Row]) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for row in sorted(rows, key=lambda r: (r.get("span_start") or 0, r["id"])):
            out[_match_key(row.get("name") or "", place_names)].append(row)
        return out

    old_groups, new_groups = groups(old), groups(new)
    pairs: list[tuple[Row, Row]] = []
    old_only: list[Row] = []
    new_only: list[Row] = []
    for name in sorted(old_groups.keys() | new_groups.keys()):
        olds, news = list(old_groups.get(name, [])), list(new_groups.get(name, []))
        for o in list(olds):
            same_unit = next((n for n in news if n.get("unit") == o.get("unit")), None)
            if same_unit is not None:
                pairs.append((o, same_unit))
                olds.remove(o)
                news.remove(same_unit)
        pairs.extend(zip(olds, news, strict=False))
        old_only.extend(olds[len(news) :])
        new_only.extend(news[len(olds) :])
    return pairs, old_only, new_only


def _target(row: Row) -> Target:
    return Target(
        value=float(row["value"]),
        unit=row.get("unit") or "",
        comparator=row.get("comparator") or "=",
        baseline=row.get("baseline"),
        target_year=row.get("target_year"),
        normalized_value=row.get("normalized_value"),
        normalized_unit=row.get("normalized_unit"),
    )


def _entity(kind: str, row: Row) -> DiffEntity:
    name = row.get("name") or row["id"]
    return DiffEntity(kind=kind, id=row["id"], name=name, evidence=evidence(row))  # type: ignore[arg-type]


def diff_plans(store: GraphStore, old_id: str, new_id: str) -> PlanDiff | None:
    """Goals, tasks and indicators of two plans matched by name (region names, editions and numbers
    left out; the n-th of a name with the n-th), with what was added, dropped, and which targets
    changed. None when either plan is unknown."""
    places = places_of(store, (old_id, new_id))
    if old_id not in places or new_id not in places:
        return None
    names = sorted(
        {n for p in (places[old_id], places[new_id]) for n in (p.region, short_name(p.region or "")) if n},
        key=len,
        reverse=True,
    )
    sides = []
    for plan_id in (old_id, new_id):
        statements = _keyed(read(store, "plan_statements", plan=plan_id), lambda r: r["kind"], names)
        sides.append((statements, read(store, "plan_targets", plan=plan_id)))
    (old_st, old_targets), (new_st, new_targets) = sides
    pairs, old_only, new_only = _pair_targets(old_targets, new_targets, names)
    added = [_entity(k[0], new_st[k]) for k in new_st if k not in old_st]
    added += [_entity("indicator", row) for row in new_only]
    dropped = [_entity(k[0], old_st[k]) for k in old_st if k not in new_st]
    dropped += [_entity("indicator", row) for row in old_only]
    changes: list[TargetChange] = []
    moved = 0
    for old_row, new_row in pairs:
        before, after = _target(old_row), _target(new_row)
        changed = [
            part
            for part, a, b in (
                ("value", before.normalized_value or before.value, after.normalized_value or after.value),
                ("comparator", before.comparator, after.comparator),
                ("unit", before.normalized_unit or before.unit, after.normalized_unit or after.unit),
                ("baseline", before.baseline, after.baseline),
            )
            if a != b
        ]
        if changed:
            changes.append(
                TargetChange(
                    name=new_row.get("name") or new_row["id"],
                    old=_entity("indicator", old_row),
                    new=_entity("indicator", new_row),
                    old_target=before,
                    new_target=after,
                    changed=changed,
                )
            )
        elif before.target_year != after.target_year:
            moved += 1
    changes.sort(key=lambda c: c.new.evidence.span[0] if c.new.evidence and c.new.evidence.span else 0)
    kept = len(old_st.keys() & new_st.keys()) + len(pairs)
    return PlanDiff(
        old=places[old_id],
        new=places[new_id],
        added=added,
        dropped=dropped,
        kept=kept,
        targets_changed=changes,
        targets_moved=moved,
    )


def plan_relations(store: GraphStore, plan_id: str) -> PlanRelations | None:
    rows = read(store, "plan_relations", plan=plan_id)
    places = places_of(store, [plan_id, *(row["other_id"] for row in rows)])
    if plan_id not in places:
        return None
    groups: dict[tuple[str, str], list[PlanLink]] = defaultdict(list)
    for row in rows:
        groups[(row["direction"], row["type"])].append(
            PlanLink(
                type=row["type"],
                plan=places.get(row["other_id"]),
                plan_id=row["other_id"],
                title=row.get("other_title"),
                method=row.get("method"),
                evidence=evidence(row),
            )
        )
    for links in groups.values():
        links.sort(
            key=lambda link: (
                link.evidence.span[0] if link.evidence and link.evidence.span else 0,
                link.plan_id,
            )
        )
    citations: dict[str, CitedTitle] = {}
    for row in read(store, "plan_citations", plan=plan_id):
        cited = citations.setdefault(
            row["id"],
            CitedTitle(title=row["title"], kind=row["kind"], resolved=[], evidence=evidence(row)),
        )
        if row.get("resolved_id"):
            cited.resolved.append(row["resolved_id"])
    return PlanRelations(
        plan=places[plan_id],
        cites=groups[("out", "CITES")],
        implements=groups[("out", "IMPLEMENTS")],
        succeeds=groups[("out", "SUCCEEDS")],
        cited_by=groups[("in", "CITES")],
        implemented_by=groups[("in", "IMPLEMENTS")],
        succeeded_by=groups[("in", "SUCCEEDS")],
        citations=list(citations.values()),
    )
