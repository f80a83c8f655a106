"""Hand-built PlanSubgraphs for the RDF tests that need no store: one of every node label and
relationship type of the ontology, with awkward text (quotes, backslashes, newlines, controls)."""

from __future__ import annotations

import hashlib

from plankg.graph.plan_links import PLAN_LINK_TYPES
from plankg.ontology.records import GraphNode, GraphRelationship, PlanSubgraph
from plankg.ontology.schema import load_schema

SOURCE_TEXT = (
    "青岛市信息化“十三五”发展规划\n"
    "一、发展目标\n基础支撑能级跃升。互联网用户数超过1000万户。\n"
    '二、主要任务\n（一）建设智慧社区。推进社区服务"一网通办"，路径C:\\data\\x\t完成。\r\n'
)
PLAN_ID = "qd-info-13"
DOC_ID = "doc-qd-info-13"


def _span(fragment: str) -> dict[str, int | str]:
    start = SOURCE_TEXT.index(fragment)
    return {"doc_id": DOC_ID, "span_start": start, "span_end": start + len(fragment)}


def sample_graph(plan_id: str = PLAN_ID, *, with_value: bool = True) -> PlanSubgraph:
    sha = hashlib.sha256(SOURCE_TEXT.encode()).hexdigest()
    owned = {"plan_id": plan_id}
    indicator: dict[str, object] = {
        **owned,
        "name": "互联网用户数",
        "unit": "万户",
        "comparator": ">",
        "baseline": 0.5,
        "target_year": 2020,
        "text": "互联网用户数超过1000万户",
        "normalized_value": 10000000.0,
        "normalized_unit": "户",
        "target_kind": "level",
        "direction": "increase",
        "baseline_year": 2015,
        "attribute": "expected",
        **_span("互联网用户数超过1000万户"),
    }
    if with_value:
        indicator["value"] = 1000.0
    nodes = [
        GraphNode(
            label="Plan",
            id=plan_id,
            properties={
                **owned,
                "name": "青岛市信息化“十三五”发展规划",
                "title": "青岛市信息化“十三五”发展规划",
                "region": "青岛市",
                "period_start": 2016,
                "period_end": 2020,
                "issuer": "青岛市人民政府办公厅",
                "edition": "十三五",
                "edition_rank": 13,
                "doc_number": "青政办发〔2016〕13号",
                "issue_date": "2016-06-30",
                "topic": "信息化发展规划",
                "title_key": "青岛市信息化十三五发展规划",
                "series_key": "370200|信息化发展规划",
                "source_sha256": sha,
                "source_path": "corpus/qingdao.txt",
                "source_text": SOURCE_TEXT,
                "terms": ["青岛", "信息化"],
                **_span("青岛市信息化“十三五”发展规划"),
            },
        ),
        GraphNode(
            label="Goal",
            id=f"{plan_id}-g1",
            properties={
                **owned,
                "name": "基础支撑能级跃升",
                "text": "基础支撑能级跃升。",
                "order": 1,
                **_span("基础支撑能级跃升。"),
            },
        ),
        GraphNode(
            label="Direction",
            id=f"{plan_id}-d1",
            properties={
                **owned,
                "name": "主要任务",
                "text": "二、主要任务",
                "order": 1,
                **_span("二、主要任务"),
            },
        ),
        GraphNode(
            label="Task",
            id=f"{plan_id}-t1",
            properties={
                **owned,
                "name": "建设智慧社区",
                "text": "（一）建设智慧社区。",
                "order": 1,
                **_span("（一）建设智慧社区。"),
            },
        ),
        GraphNode(
            label="Task",
            id=f"{plan_id}-t1.1",
            properties={
                **owned,
                "name": '推进社区服务"一网通办"',
                "text": '推进社区服务"一网通办"，路径C:\\data\\x\t完成。\r\n',
                "order": 1,
                **_span('推进社区服务"一网通办"，路径C:\\data\\x\t完成。\r\n'),
            },
        ),
        GraphNode(label="Indicator", id=f"{plan_id}-i1", properties=indicator),
        GraphNode(
            label="Sector",
            id="sector-community-services",
            properties={"name": "社区服务", "codes": ["COFOG:10.7", "GB4754:O80"], "alt_names": ["社区"]},
        ),
        GraphNode(
            label="Concept",
            id="smart-city",
            properties={"name": "智慧城市", "alt_names": [], "candidate": False},
        ),
        GraphNode(
            label="Concept",
            id="smart-community",
            properties={"name": "智慧社区", "alt_names": ["智能社区", "数字社区"], "candidate": False},
        ),
        GraphNode(
            label="Region",
            id="region-370200",
            properties={"name": "青岛市", "code": "370200", "level": "city"},
        ),
        GraphNode(
            label="Region",
            id="region-370000",
            properties={"name": "山东省", "code": "370000", "level": "province"},
        ),
        GraphNode(
            label="Citation",
            id=f"{plan_id}-cite-01-cit",
            properties={
                **owned,
                "name": "青岛市信息化“十三五”发展规划",
                "kind": "cites",
                "title_key": "青岛市信息化十三五发展规划",
                "text": "青岛市信息化“十三五”发展规划",
                **_span("青岛市信息化“十三五”发展规划"),
            },
        ),
    ]
    t1, t11, goal = f"{plan_id}-t1", f"{plan_id}-t1.1", f"{plan_id}-g1"

    def link(
        rel_type: str,
        source: tuple[str, str],
        target: tuple[str, str],
        span: str | None,
        score: float = 1.0,
        method: str = "structure",
    ) -> GraphRelationship:
        properties: dict[str, object] = {"score": score, "method": method}
        if span is not None:
            properties.update(_span(span))
        return GraphRelationship(
            type=rel_type,
            source_label=source[0],
            source_id=source[1],
            target_label=target[0],
            target_id=target[1],
            properties=properties,
        )

    relationships = [
        link("HAS_GOAL", ("Plan", plan_id), ("Goal", goal), "基础支撑能级跃升。"),
        link("HAS_DIRECTION", ("Plan", plan_id), ("Direction", f"{plan_id}-d1"), "二、主要任务"),
        link("HAS_TASK", ("Plan", plan_id), ("Task", t1), "（一）建设智慧社区。"),
        link("HAS_TASK", ("Plan", plan_id), ("Task", t11), "推进社区服务"),
        link("PART_OF", ("Task", t11), ("Task", t1), "推进社区服务"),
        link("SUPPORTS", ("Task", t1), ("Goal", goal), "建设智慧社区", 0.72, "term-overlap"),
        link("ALIGNS_WITH", ("Task", t1), ("Direction", f"{plan_id}-d1"), "主要任务", 0.9),
        link("MEASURES", ("Indicator", f"{plan_id}-i1"), ("Goal", goal), "互联网用户数", 0.8, "paragraph"),
        link("IN_SECTOR", ("Task", t1), ("Sector", "sector-community-services"), "社区", 0.6, "lexicon"),
        link("MENTIONS", ("Task", t11), ("Concept", "smart-community"), "社区服务", 0.55, "lexicon"),
        link("MENTIONS", ("Goal", goal), ("Concept", "smart-city"), "基础支撑", 0.4, "lexicon"),
        link("BROADER", ("Concept", "smart-community"), ("Concept", "smart-city"), None, 1.0, "scheme"),
        link(
            "IN_REGION", ("Plan", plan_id), ("Region", "region-370200"), "青岛市信息化", 1.0, "division-table"
        ),
        link("WITHIN", ("Region", "region-370200"), ("Region", "region-370000"), None, 1.0, "division-table"),
        link(
            "NAMES",
            ("Plan", plan_id),
            ("Citation", f"{plan_id}-cite-01-cit"),
            "青岛市信息化",
            1.0,
            "quoted-title",
        ),
    ]
    graph = PlanSubgraph(plan_id=plan_id, source_sha256=sha, nodes=nodes, relationships=relationships)
    graph.validate_against_ontology()
    return graph


def covers_ontology(graph: PlanSubgraph) -> bool:
    """Every label and every link type a document holds; plan-to-plan links (CITES, IMPLEMENTS,
    SUCCEEDS) join two documents, so the store makes them (tests/graph/test_plan_links.py exports them)."""
    schema = load_schema()
    return {n.label for n in graph.nodes} == set(schema.nodes) and {
        r.type for r in graph.relationships
    } == set(schema.relationships) - set(PLAN_LINK_TYPES)
