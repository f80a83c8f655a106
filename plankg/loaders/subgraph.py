"""Extraction (+ its source text) → PlanSubgraph: the store-neutral subgraph of one document.

Plan-owned nodes carry plan_id, doc_id, their evidence span and search terms; Sector and Concept nodes
are shared vocabulary (no plan_id). Every relationship carries doc_id, span_start, span_end, score and
method. The result is checked against the ontology before it is returned.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from plankg.loaders.regions import chain, resolve_region
from plankg.loaders.terms import TermCache, search_terms
from plankg.ontology.records import (
    EntityRecord,
    Extraction,
    GraphNode,
    GraphRelationship,
    LinkRecord,
    PlanSubgraph,
    PropertyValue,
)
from plankg.ontology.schema import load_schema

STRUCTURE_METHOD = "structure"
SCHEME_METHOD = "scheme"
CANDIDATE_METHOD = "candidate"
REGION_METHOD = "division-table"  # the plan's region looked up in cpca's division codes
CITATION_METHOD = "quoted-title"


def region_id(code: str) -> str:
    return f"region-{code}"


def to_plan_subgraph(extraction: Extraction, source_text: str) -> PlanSubgraph:
    """Build and validate the subgraph of one extracted document; raises ValueError on a bad span."""
    if len(source_text) != extraction.document.chars:
        raise ValueError(
            f"source text has {len(source_text)} characters; "
            f"the extraction was made from {extraction.document.chars}"
        )
    plan = extraction.plan
    doc_id = extraction.document.id
    nodes: list[GraphNode] = []
    relationships: list[GraphRelationship] = []
    label_of: dict[str, str] = {}

    def provenance(span: tuple[int, int]) -> dict[str, Any]:
        """What every plan-owned node keeps of where it came from: its plan, document and span."""
        return {"plan_id": plan.id, "doc_id": doc_id, "span_start": span[0], "span_end": span[1]}

    def rel(
        rel_type: str, source: str, target: str, span: tuple[int, int], score: float, method: str
    ) -> None:
        _check_span(source_text, span, f"{rel_type} {source}->{target}")
        relationships.append(
            GraphRelationship(
                type=rel_type,
                source_label=label_of[source],
                source_id=source,
                target_label=label_of[target],
                target_id=target,
                properties={
                    "doc_id": doc_id,
                    "span_start": span[0],
                    "span_end": span[1],
                    "score": float(score),
                    "method": method,
                },
            )
        )

    plan_span = plan.span or (0, 0)
    plan_props: dict[str, PropertyValue] = {
        "name": plan.title,
        "title": plan.title,
        "region": plan.region,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "issuer": plan.issuer,
        "edition": plan.edition,
        "edition_rank": plan.edition_rank,
        "doc_number": plan.doc_number,
        "issue_date": plan.issue_date,
        "topic": plan.topic,
        "title_key": plan.title_key,
        "series_key": plan.series_key,
        "genre": extraction.document.genre,
        "genre_evidence": _genre_evidence(extraction),
        "source_sha256": extraction.document.sha256,
        "source_path": extraction.document.path,
        "source_text": source_text,
        "doc_id": doc_id,
        "plan_id": plan.id,
        "span_start": plan_span[0],
        "span_end": plan_span[1],
    }
    nodes.append(GraphNode(label="Plan", id=plan.id, properties=plan_props))
    label_of[plan.id] = "Plan"
    division = resolve_region(plan.region_code)
    if division is not None:
        # the plan's division and its parents, shared by every plan in them
        divisions = chain(division)
        for region in divisions:
            nodes.append(
                GraphNode(
                    label="Region",
                    id=region_id(region.code),
                    properties={"name": region.name, "code": region.code, "level": region.level},
                )
            )
            label_of[region_id(region.code)] = "Region"
        rel("IN_REGION", plan.id, region_id(division.code), plan_span, 1.0, REGION_METHOD)
        for child, parent in pairwise(divisions):
            rel("WITHIN", region_id(child.code), region_id(parent.code), plan_span, 1.0, REGION_METHOD)
    for citation in extraction.citations:
        _check_span(source_text, citation.span, f"Citation {citation.id}")
        nodes.append(
            GraphNode(
                label="Citation",
                id=citation.id,
                properties={
                    "name": citation.title,
                    "text": source_text[citation.span[0] : citation.span[1]],
                    "title_key": citation.title_key,
                    "kind": citation.kind,
                    **provenance(citation.span),
                },
            )
        )
        label_of[citation.id] = "Citation"
        rel("NAMES", plan.id, citation.id, citation.span, 1.0, CITATION_METHOD)

    def entity_node(label: str, record: EntityRecord) -> None:
        _check_span(source_text, record.span, f"{label} {record.id}", record.text)
        nodes.append(
            GraphNode(
                label=label,
                id=record.id,
                properties={
                    "name": record.name,
                    "text": record.text,
                    "order": record.order,
                    **provenance(record.span),
                },
            )
        )
        label_of[record.id] = label

    for goal in extraction.goals:
        entity_node("Goal", goal)
        rel("HAS_GOAL", plan.id, goal.id, goal.span, 1.0, STRUCTURE_METHOD)
    for direction in extraction.directions:
        entity_node("Direction", direction)
        rel("HAS_DIRECTION", plan.id, direction.id, direction.span, 1.0, STRUCTURE_METHOD)
    for task in extraction.tasks:
        entity_node("Task", task)
    for task in extraction.tasks:
        if task.parent is None:
            rel("HAS_TASK", plan.id, task.id, task.span, 1.0, STRUCTURE_METHOD)
    for indicator in extraction.indicators:
        _check_span(source_text, indicator.span, f"Indicator {indicator.id}", indicator.text or None)
        nodes.append(
            GraphNode(
                label="Indicator",
                id=indicator.id,
                properties={
                    "name": indicator.name,
                    "text": indicator.text or source_text[indicator.span[0] : indicator.span[1]],
                    "value": float(indicator.value),
                    "unit": indicator.unit,
                    "comparator": indicator.comparator,
                    "baseline": None if indicator.baseline is None else float(indicator.baseline),
                    "target_year": indicator.target_year,
                    "normalized_value": None
                    if indicator.normalized_value is None
                    else float(indicator.normalized_value),
                    "normalized_unit": indicator.normalized_unit,
                    "measure": indicator.measure,
                    "target_kind": indicator.target_kind,
                    "direction": indicator.direction,
                    "baseline_year": indicator.baseline_year,
                    "attribute": indicator.attribute,
                    **provenance(indicator.span),
                },
            )
        )
        label_of[indicator.id] = "Indicator"
    for sector in extraction.sectors:
        nodes.append(
            GraphNode(
                label="Sector",
                id=sector.id,
                properties={
                    "name": sector.name,
                    "codes": list(sector.codes),
                    "alt_names": list(sector.alt_names),
                },
            )
        )
        label_of[sector.id] = "Sector"
    for concept in extraction.concepts:
        nodes.append(
            GraphNode(
                label="Concept",
                id=concept.id,
                properties={
                    "name": concept.name,
                    "alt_names": list(concept.alt_names),
                    "candidate": concept.candidate,
                },
            )
        )
        label_of[concept.id] = "Concept"

    # structural links come from the records themselves; the others from extraction.links
    seen: set[tuple[str, str, str]] = set()
    for task in extraction.tasks:
        if task.parent is not None:
            seen.add(("PART_OF", task.id, task.parent))
            rel("PART_OF", task.id, task.parent, task.span, 1.0, STRUCTURE_METHOD)
    for indicator in extraction.indicators:
        if indicator.subject is not None:
            seen.add(("MEASURES", indicator.id, indicator.subject))
            rel("MEASURES", indicator.id, indicator.subject, indicator.span, 1.0, STRUCTURE_METHOD)
    mention_evidence: dict[str, tuple[int, int]] = {}
    for link in extraction.links:
        key = (link.type, link.source, link.target)
        if key in seen:
            continue
        seen.add(key)
        _check_link(link, label_of)
        rel(link.type, link.source, link.target, link.span, link.score, link.method)
        if link.type == "MENTIONS":
            mention_evidence.setdefault(link.target, link.span)

    # BROADER: evidence is the first mention of the concept or of a concept below it
    concepts = {c.id: c for c in extraction.concepts}
    changed = True
    while changed:
        changed = False
        for concept in extraction.concepts:
            for parent in concept.broader:
                if parent in concepts and parent not in mention_evidence and concept.id in mention_evidence:
                    mention_evidence[parent] = mention_evidence[concept.id]
                    changed = True
    for concept in extraction.concepts:
        for parent in concept.broader:
            if parent not in concepts or concept.id not in mention_evidence:
                continue
            method, score = (CANDIDATE_METHOD, 0.5) if concept.candidate else (SCHEME_METHOD, 1.0)
            rel("BROADER", concept.id, parent, mention_evidence[concept.id], score, method)

    term_cache: TermCache = {}  # the document's word blocks, segmented once for all its nodes
    graph = PlanSubgraph(
        plan_id=plan.id,
        source_sha256=extraction.document.sha256,
        nodes=[with_search_terms(node, term_cache) for node in nodes],
        relationships=relationships,
    )
    graph.validate_against_ontology()
    return graph


def search_terms_text(node: GraphNode) -> str:
    """The text a node's search terms are cut from: the plan's title; a vocabulary entry's name and
    alternative names; otherwise name and text. One rule for every loader (extraction, RDF import)."""
    props = node.properties
    if node.label == "Plan":
        return str(props.get("title") or props.get("name") or "")
    if "alt_names" in load_schema().node(node.label).keys:
        alt_names = props.get("alt_names") or []
        return " ".join([str(props.get("name") or ""), *(alt_names if isinstance(alt_names, list) else [])])
    return f"{props.get('name') or ''} {props.get('text') or ''}"


def with_search_terms(node: GraphNode, cache: TermCache | None = None) -> GraphNode:
    """The node with its `terms` index filled (for labels whose schema has one); `cache` is shared by
    the nodes of one document (`search_terms`)."""
    if "terms" not in load_schema().node(node.label).keys:
        return node
    terms = search_terms(search_terms_text(node), cache)
    return node.model_copy(update={"properties": {**node.properties, "terms": terms}})


def _check_span(text: str, span: tuple[int, int], what: str, expected: str | None = None) -> None:
    start, end = span
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"{what}: span {span} lies outside the document ({len(text)} characters)")
    if expected is not None and text[start:end] != expected:
        raise ValueError(f"{what}: text[{start}:{end}] is not the record's text")


def _check_link(link: LinkRecord, label_of: dict[str, str]) -> None:
    """Both ends are extracted entities of classes the ontology lets this link type join."""
    for end in (link.source, link.target):
        if end not in label_of:
            raise ValueError(f"{link.type} link names unknown entity {end!r}")
    spec = load_schema().relationship(link.type)
    ends = (label_of[link.source], label_of[link.target])
    if not spec.joins(*ends):
        raise ValueError(
            f"{link.type} cannot join a {ends[0]} ({link.source!r}) to a {ends[1]} ({link.target!r}); "
            f"plan.ttl allows {', '.join(f'{a}→{b}' for a, b in spec.pairs)}"
        )


def _genre_evidence(extraction: Extraction) -> str | None:
    """ "rule: cue @start-end", the evidence that decided the document's genre."""
    evidence = extraction.document.genre_evidence
    if evidence is None:
        return None
    return f"{evidence.rule}: {evidence.cue} @{evidence.span[0]}-{evidence.span[1]}"
