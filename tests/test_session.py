"""The Python API (`plankg.connect`): every method answers exactly what the REST API answers for the same
question, on both backends, and its answers turn into DataFrames and notebook HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

import plankg
from plankg.graph import GraphStore
from plankg.session import KnowledgeGraph, NotFound, settings_for
from plankg.settings import Settings
from tests.support.corpus import SEED_DOCUMENT


@pytest.fixture(scope="module")
def kg(seeded: GraphStore) -> KnowledgeGraph:
    return KnowledgeGraph(seeded)


def same(answer: BaseModel, rest: TestClient, path: str) -> None:
    response = rest.get(path)
    assert response.status_code == 200, response.text
    assert answer.model_dump(mode="json") == response.json(), path


def first_id(kg: KnowledgeGraph, method: Callable[..., Any], **filters: Any) -> str:
    items = method(**filters, limit=1).items
    assert items, method.__name__
    return str(items[0].id)


def test_the_canonical_question_and_search(kg: KnowledgeGraph, client: TestClient) -> None:
    same(kg.ask("智慧社区"), client, f"/concepts/{quote('智慧社区')}/tasks")
    same(
        kg.ask("智慧城市", limit=3, offset=1), client, f"/concepts/{quote('智慧城市')}/tasks?limit=3&offset=1"
    )
    assert kg.ask("智慧社区").total >= 1
    same(kg.search("智慧社区"), client, f"/search?q={quote('智慧社区')}")
    same(kg.search("大数据", limit=5, offset=2), client, f"/search?q={quote('大数据')}&limit=5&offset=2")


def test_lists_with_filters(kg: KnowledgeGraph, client: TestClient) -> None:
    plan_id = first_id(kg, kg.plans)
    goal_id = first_id(kg, kg.goals, plan=plan_id)
    same(kg.plans(), client, "/plans")
    same(kg.goals(plan=plan_id, limit=50), client, f"/goals?plan={plan_id}&limit=50")
    same(kg.tasks(limit=200), client, "/tasks?limit=200")
    same(kg.tasks(concept="智慧社区"), client, f"/tasks?concept={quote('智慧社区')}")
    same(kg.tasks(q="智慧医疗", plan=plan_id), client, f"/tasks?q={quote('智慧医疗')}&plan={plan_id}")
    same(kg.tasks(goal=goal_id, offset=1), client, f"/tasks?goal={goal_id}&offset=1")
    same(kg.indicators(limit=200), client, "/indicators?limit=200")
    same(kg.indicators(goal=goal_id), client, f"/indicators?goal={goal_id}")
    same(kg.indicators(unit="万户", plan=plan_id), client, f"/indicators?unit={quote('万户')}&plan={plan_id}")
    same(kg.indicators(kind="level", limit=200), client, "/indicators?kind=level&limit=200")
    same(kg.indicators(attribute="binding"), client, "/indicators?attribute=binding")
    assert kg.tasks(concept="智慧社区").total >= 1 and kg.indicators(unit="万户").total >= 1


def test_one_node_reads_and_pictures(kg: KnowledgeGraph, client: TestClient) -> None:
    plan_id = first_id(kg, kg.plans)
    goal_id, task_id = first_id(kg, kg.goals), first_id(kg, kg.tasks)
    indicator_id = first_id(kg, kg.indicators)
    same(kg.plan(plan_id), client, f"/plans/{plan_id}")
    same(kg.goal(goal_id), client, f"/goals/{goal_id}")
    same(kg.task(task_id), client, f"/tasks/{task_id}")
    same(kg.indicator(indicator_id), client, f"/indicators/{indicator_id}")
    same(kg.plan_picture(plan_id), client, f"/plans/{plan_id}/graph")
    same(
        kg.plan_picture(plan_id, vocabulary=True, limit=40),
        client,
        f"/plans/{plan_id}/graph?vocabulary=true&limit=40",
    )
    same(kg.neighbourhood(task_id), client, f"/graph/neighborhood/{task_id}")
    same(
        kg.neighbourhood(goal_id, depth=2, limit=30),
        client,
        f"/graph/neighborhood/{goal_id}?depth=2&limit=30",
    )


def test_unknown_names_raise_not_found_where_rest_says_404(kg: KnowledgeGraph, client: TestClient) -> None:
    for ask, path in (
        (lambda: kg.ask("没有这个概念"), f"/concepts/{quote('没有这个概念')}/tasks"),
        (lambda: kg.plan("plan-nope"), "/plans/plan-nope"),
        (lambda: kg.task("task-nope"), "/tasks/task-nope"),
        (lambda: kg.neighbourhood("node-nope"), "/graph/neighborhood/node-nope"),
    ):
        assert client.get(path).status_code == 404
        with pytest.raises(NotFound):
            ask()


def test_every_named_query_by_name(kg: KnowledgeGraph, seeded: GraphStore) -> None:
    from plankg import queries

    names = [info.name for info in kg.queries()]
    assert names == queries.names() and "concept_tasks" in names
    plan_id = first_id(kg, kg.plans)
    result = kg.query("plan_by_id", plan_id=plan_id)
    assert result.rows == queries.run(seeded, "plan_by_id", {"plan_id": plan_id}) and len(result.rows) == 1
    frame = kg.query("counts_by_label").to_pandas()
    stored = {label: count for label, count in kg.stats().nodes.items() if count}  # the query omits zeros
    assert dict(zip(frame["label"], frame["count"], strict=True)) == stored
    with pytest.raises(queries.UnknownQuery):
        kg.query("no_such_query")


def test_answers_as_dataframes_and_notebook_html(kg: KnowledgeGraph) -> None:
    answer = kg.ask("智慧社区")
    frame = answer.to_pandas()
    assert len(frame) == len(answer.items)
    assert list(frame["task.id"]) == [item.task.id for item in answer.items]
    assert list(frame["evidence.text"]) == [item.evidence.text for item in answer.items]
    indicators = kg.indicators(limit=200)
    table = indicators.to_pandas()
    assert len(table) == indicators.total and {"value", "unit", "plan_id", "evidence.span"} <= set(
        table.columns
    )
    picture = kg.plan_picture(first_id(kg, kg.plans))
    assert len(picture.to_pandas()) == len(picture.elements.nodes)
    detail = kg.task(first_id(kg, kg.tasks)).to_pandas()
    assert len(detail) == 1 and "goals" in detail.columns
    page = answer._repr_html_()
    assert f"ConceptTasksAcross: {len(answer.items)} of {answer.total}" in page and "<table" in page
    assert answer.items[0].task.name in page
    network = kg.to_networkx()
    assert network.number_of_nodes() == sum(kg.stats().nodes.values())


def test_connect_opens_a_folder_a_uri_or_the_settings(tmp_path: Path) -> None:
    assert settings_for(tmp_path).store == "embedded" and settings_for(tmp_path).data_dir == tmp_path
    neo4j = settings_for("neo4j+s://example.databases.neo4j.io")
    assert neo4j.store == "neo4j" and neo4j.neo4j_uri == "neo4j+s://example.databases.neo4j.io"
    explicit = Settings(store="embedded", data_dir=tmp_path / "x")
    assert settings_for(explicit) is explicit
    with plankg.connect(tmp_path / "store") as kg:
        assert kg.plans().total == 0
        (outcome,) = kg.load(SEED_DOCUMENT)
        assert outcome.changed and kg.plans().items[0].id == outcome.plan_id
        assert kg.ask("智慧社区").total >= 1
