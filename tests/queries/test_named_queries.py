"""Every named query gives the same rows on the embedded store and on Neo4j, over the same data
(hand-built plans plus the seed document), and the catalog reads its headers and checks parameters.

The cross-backend tests need both stores: without a reachable Neo4j they skip (fail under CI=true).
A new query whose parameter has no example value below fails here: add one to `example_value`.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from plankg import queries
from plankg.graph import GraphStore, StoreUnavailable, open_store
from plankg.ontology.schema import load_schema
from plankg.queries import QueryCatalog, QueryParameterError, UnknownQuery
from plankg.settings import Settings
from tests.support.corpus import SEED_DOCUMENT
from tests.support.graphs import plan_graph
from tests.support.stores import neo4j_missing, neo4j_settings, wipe

# ---------------------------------------------------------------- both stores, same data


@pytest.fixture(scope="module")
def stores(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[GraphStore, GraphStore]]:
    request.getfixturevalue("neo4j_store")  # this run's hold on the shared database (conftest.py)
    try:
        neo4j = open_store(neo4j_settings())
    except StoreUnavailable as exc:
        neo4j_missing(str(exc))
    embedded = open_store(Settings(store="embedded", data_dir=tmp_path_factory.mktemp("named-queries")))
    wipe(neo4j)
    try:
        for store in (embedded, neo4j):
            store.write_document(plan_graph("plan-a", tasks=3))
            store.write_document(plan_graph("plan-b", tasks=5))
            try:
                from plankg.pipeline import load_path
            except ImportError:  # the loaders are optional for these tests
                continue
            load_path(store, SEED_DOCUMENT)
        assert embedded.counts() == neo4j.counts()
        yield embedded, neo4j
    finally:
        embedded.close()
        neo4j.close()


@pytest.fixture(scope="module")
def samples(stores: tuple[GraphStore, GraphStore]) -> dict[str, Any]:
    """Real values from the loaded data to fill query parameters with."""
    embedded, _ = stores

    def first(query: str) -> Any:
        rows = embedded.read(query)
        assert rows, f"no data for {query}"
        return rows[0]["v"]

    plan = first("MATCH (p:Plan) RETURN p.id AS v ORDER BY size(p.source_text) DESC, v LIMIT 1")
    return {
        "plan": plan,
        "goal": first(f"MATCH (g:Goal) WHERE g.plan_id = '{plan}' RETURN g.id AS v ORDER BY v LIMIT 1"),
        "task": first(
            f"MATCH (t:Task)-[:SUPPORTS]->(:Goal) WHERE t.plan_id = '{plan}' "
            "RETURN t.id AS v ORDER BY v LIMIT 1"
        ),
        "direction": first("MATCH (d:Direction) RETURN d.id AS v ORDER BY v LIMIT 1"),
        "concept": first("MATCH (:Task)-[:MENTIONS]->(c:Concept) RETURN c.id AS v ORDER BY v LIMIT 1"),
        "concept_name": first("MATCH (:Task)-[:MENTIONS]->(c:Concept) RETURN c.name AS v ORDER BY v LIMIT 1"),
        "sector": first("MATCH (:Task)-[:IN_SECTOR]->(s:Sector) RETURN s.id AS v ORDER BY v LIMIT 1"),
        "indicator": first("MATCH (i:Indicator) RETURN i.id AS v ORDER BY v LIMIT 1"),
        "unit": first("MATCH (i:Indicator) RETURN i.unit AS v ORDER BY v LIMIT 1"),
        "doc_id": first(f"MATCH (p:Plan) WHERE p.id = '{plan}' RETURN p.doc_id AS v"),
        "code": first(
            "MATCH (:Task)-[:IN_SECTOR]->(s:Sector) WHERE size(s.codes) > 0 "
            "RETURN s.codes[1] AS v ORDER BY s.id LIMIT 1"
        ),
        "term": first(
            f"MATCH (t:Task) WHERE t.plan_id = '{plan}' AND size(t.terms) > 0 "
            "RETURN t.terms[1] AS v ORDER BY t.id LIMIT 1"
        ),
    }


_ID_BY_PREFIX = {
    "goal": "goal",
    "task": "task",
    "direction": "direction",
    "concept": "concept",
    "plan": "plan",
    "sector": "sector",
    "indicator": "indicator",
    "node": "task",
}


def example_value(query: str, param: str, samples: dict[str, Any], narrow: bool) -> Any:
    """A value for one parameter; `narrow` fills filters that accept '' (= no filter) for real."""
    filters = {
        "plan": samples["plan"],
        "goal": samples["goal"],
        "direction": samples["direction"],
        "sector": samples["sector"],
        "concept": samples["concept"],
        "unit": samples["unit"],
        "candidate": "false",
        "q": samples["term"],
        "kind": "level",
        "attribute": "binding",
    }
    if param in filters:
        return filters[param] if narrow else ""
    fixed: dict[str, Any] = {
        "plan_id": samples["plan"],
        "doc_id": samples["doc_id"],
        # a sector code, or for plans_in_region 山东's division code (the seed's 青岛 lies within it)
        "code": "370000" if query == "plans_in_region" else samples["code"],
        "offset": 0,
        "skip": 0,
        "limit": 100,
        "name": samples["concept_name"],
        "measure": "egov-online-service-rate",
        "terms": [samples["term"]] if narrow or param != "terms" else [""],
        "ids": [samples["plan"], samples["goal"], samples["task"], samples["concept"], samples["sector"]],
        "plans": [samples["plan"]],
        # search_hits: one node of each label the samples have ([''] = none)
        **{
            f"{label}_ids": [samples[label]]
            for label in ("plan", "goal", "direction", "task", "indicator", "concept", "sector")
        },
        "citation_ids": [""],
        "region_ids": [""],
    }
    if query == "search" and param == "terms":
        return [samples["term"], "信息化"]
    if param in fixed:
        return fixed[param]
    if param == "id":
        return samples[_ID_BY_PREFIX.get(query.split("_")[0], "task")]
    pytest.fail(f"no example value for parameter {param!r} of query {query!r}: add one to example_value()")


def canonical(value: Any) -> Any:
    """Rows as compared across backends: floats to 9 significant digits; inside maps, a null entry
    equals a missing one (Ladybug's properties(n) has every column of every table, Neo4j only set ones)."""
    if isinstance(value, float):
        return float(f"{value:.9g}") if math.isfinite(value) else str(value)
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def _sorted(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(value, key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    return value


def ordered(name: str, backend: str, rows: list[dict[str, Any]]) -> list[Any]:
    rows = [{k: canonical(v) for k, v in row.items()} for row in rows]
    if "ORDER BY" in queries.text(name, backend).upper():
        return rows
    if "COLLECT(" in queries.text(name, backend).upper():  # lists collected in no order: as sets
        rows = [{k: _sorted(v) for k, v in row.items()} for row in rows]
    return sorted(rows, key=lambda row: json.dumps(row, sort_keys=True, ensure_ascii=False))


@pytest.mark.neo4j
@pytest.mark.parametrize("name", queries.names())
@pytest.mark.parametrize("narrow", [False, True], ids=["broad", "narrow"])
def test_query_gives_the_same_rows_on_both_backends(
    stores: tuple[GraphStore, GraphStore], samples: dict[str, Any], name: str, narrow: bool
) -> None:
    info = queries.describe(name)
    params = {p.name: example_value(name, p.name, samples, narrow) for p in info.params}
    embedded, neo4j = stores
    embedded_rows = queries.run(embedded, name, params)
    neo4j_rows = queries.run(neo4j, name, params)
    assert ordered(name, "embedded", embedded_rows) == ordered(name, "neo4j", neo4j_rows), params


@pytest.mark.neo4j
def test_generic_queries_answer_with_real_rows(
    stores: tuple[GraphStore, GraphStore], samples: dict[str, Any]
) -> None:
    for store in stores:
        plans = queries.run(store, "plans")
        assert {"plan-a", "plan-b", samples["plan"]} <= {row["id"] for row in plans}
        assert [row["title"] for row in plans] == sorted(row["title"] for row in plans)
        plan = queries.run(store, "plan_by_id", {"plan_id": "plan-a"})
        expected = [("青岛市“十三五”信息化规划（plan-a）", 2016)]
        assert [(row["title"], row["period_start"]) for row in plan] == expected
        assert queries.run(store, "plan_by_id", {"plan_id": "plan-none"}) == []
        node = queries.run(store, "node_by_id", {"id": "plan-b-task-5"})
        assert node == [
            {
                "node": {
                    "_label": "Task",
                    "id": "plan-b-task-5",
                    "plan_id": "plan-b",
                    "doc_id": "doc-plan-b",
                    "name": "任务5：推进光纤到户",
                    "order": 5,
                    "text": "（5）推进光纤到户，建设政务云。版本1",
                    "span_start": 45,
                    "span_end": 55,
                    "terms": ["光纤", "政务云", "任务5"],
                }
            }
        ]
        counts = store.counts()
        by_label = {row["label"]: row["count"] for row in queries.run(store, "counts_by_label")}
        assert by_label == {label: n for label, n in counts.nodes.items() if n}
        by_type = {row["type"]: row["count"] for row in queries.run(store, "counts_by_type")}
        assert by_type == {rel_type: n for rel_type, n in counts.relationships.items() if n}
        assert by_type["MENTIONS"] >= 3 + 1 + 5 + 1


# ---------------------------------------------------------------- the catalog itself


def test_every_query_has_a_header_and_a_text_for_each_backend() -> None:
    assert {"plans", "plan_by_id", "node_by_id", "counts_by_label", "counts_by_type"} <= set(queries.names())
    for name in queries.names():
        info = queries.describe(name)
        assert info.name == name and info.answers and str(info) == info.answers
        for backend in ("embedded", "neo4j"):
            text = queries.text(name, backend)
            assert f"// name: {name}" in text and "RETURN" in text.upper()
    assert queries.text("counts_by_label", "embedded") != queries.text("counts_by_label", "neo4j")
    assert queries.text("plans", "embedded") == queries.text("plans", "neo4j")
    assert [p.name for p in queries.describe("plan_by_id").params] == ["plan_id"]
    assert queries.describe("plans").params == ()


def test_the_neo4j_label_counts_name_every_ontology_label() -> None:
    # counts_by_label on Neo4j reads one count-store entry per label it names: a label the ontology
    # gains must be named there too, or its nodes go uncounted
    text = queries.text("counts_by_label", "neo4j")
    named = set(re.findall(r"MATCH \(n:(\w+)\)", text))
    assert named == set(load_schema().nodes)


def test_parameters_are_checked_against_the_header(embedded_store: GraphStore) -> None:
    with pytest.raises(QueryParameterError, match="missing plan_id"):
        queries.run(embedded_store, "plan_by_id", {})
    with pytest.raises(QueryParameterError, match="unexpected plan"):
        queries.run(embedded_store, "plan_by_id", {"plan_id": "x", "plan": "x"})
    with pytest.raises(QueryParameterError, match="plan_id must be string"):
        queries.run(embedded_store, "plan_by_id", {"plan_id": 7})
    with pytest.raises(UnknownQuery):
        queries.run(embedded_store, "no_such_query", {})
    assert queries.run(embedded_store, "plan_by_id", {"plan_id": "x"}) == []


def test_header_format(tmp_path: Path) -> None:
    (tmp_path / "page.cypher").write_text(
        "// name: page\n"
        "// answers: which tasks match, one page\n"
        "//          at a time\n"
        "// params: plan, goal (strings, '' = any plan's, goal's), terms (list of strings),\n"
        "//         limit (int), verbose (bool, optional), anything\n"
        "// (a free note)\n"
        "MATCH (t:Task) RETURN t.id AS id LIMIT $limit\n",
        encoding="utf-8",
    )
    (tmp_path / "page.neo4j.cypher").write_text(
        (tmp_path / "page.cypher").read_text(encoding="utf-8").replace("t.id", "t.id + ''"), encoding="utf-8"
    )
    catalog = QueryCatalog(tmp_path)
    info = catalog.describe("page")
    assert info.answers == "which tasks match, one page at a time"
    assert [(p.name, p.type, p.required) for p in info.params] == [
        ("plan", "string", True),
        ("goal", "string", True),
        ("terms", "list", True),
        ("limit", "int", True),
        ("verbose", "bool", False),
        ("anything", "", True),
    ]
    assert info.notes == ("(a free note)",)
    assert "t.id + ''" in catalog.text("page", "neo4j")
    assert "t.id + ''" not in catalog.text("page", "embedded")
    checked = catalog.check_params("page", {"plan": "", "goal": "", "terms": [], "limit": 1, "anything": 3})
    assert checked["verbose"] is None
    with pytest.raises(QueryParameterError, match="limit must be int"):
        catalog.check_params("page", {"plan": "", "goal": "", "terms": [], "limit": True, "anything": 1})

    (tmp_path / "bad.cypher").write_text("// name: other\n// answers: x\nRETURN 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="must be 'bad'"):
        QueryCatalog(tmp_path)
