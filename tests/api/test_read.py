"""The HTTP API's read endpoints on the extracted seed plan, over real HTTP, on both backends.

Expected facts come from the seed document itself (五大目标, 四大方向, 八大任务; the 民生 task whose
sub-task 深化智慧社区建设… names 智慧社区), never from a previous run's output.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from plankg import queries
from plankg.graph import GraphStore
from tests.support.api import assert_evidence_in_document, assert_problem, seed_text

LIVELIHOOD_TASK = "推动民生信息普惠提质增效"
COMMUNITY_SUBTASK = "深化智慧社区建设"
TEXT = seed_text()


def all_items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params={"limit": 200, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return list(body["items"])


def find(items: list[dict[str, Any]], name_start: str) -> dict[str, Any]:
    matches = [item for item in items if item["name"].startswith(name_start)]
    assert len(matches) == 1, [item["name"] for item in items]
    return matches[0]


# ---------------------------------------------------------------- the canonical question


def test_canonical_question_finds_the_livelihood_task_via_its_subtask(client: TestClient) -> None:
    response = client.get("/concepts/智慧社区/tasks")
    assert response.status_code == 200
    body = response.json()
    assert body["concept"]["name"] == "智慧社区"
    assert body["total"] == len(body["items"]) >= 1
    item = next(i for i in body["items"] if i["task"]["name"] == LIVELIHOOD_TASK)
    assert item["via"] == "subtask"
    assert item["mentioned_by"]["name"].startswith(COMMUNITY_SUBTASK)
    assert 0 < item["score"] <= 1
    evidence = item["evidence"]
    assert_evidence_in_document(evidence, TEXT)
    assert evidence["text"].startswith(COMMUNITY_SUBTASK)
    assert "智慧社区" in evidence["text"]
    # the evidence lies inside the task's own text, which is the document's text at the task's span
    task_evidence = item["task"]["evidence"]
    assert_evidence_in_document(task_evidence, TEXT)
    assert task_evidence["span"][0] <= evidence["span"][0] < evidence["span"][1] <= task_evidence["span"][1]
    assert evidence["document"] == task_evidence["document"]


def test_canonical_answer_lists_top_level_tasks_most_relevant_first(client: TestClient) -> None:
    body = client.get("/concepts/智慧城市/tasks", params={"limit": 200}).json()
    items = body["items"]
    assert items, "智慧城市 is broader than concepts the seed mentions"
    scores = [item["score"] for item in items]
    assert scores == sorted(scores, reverse=True)
    assert len({item["task"]["id"] for item in items}) == len(items)
    for item in items:
        detail = client.get(f"/tasks/{item['task']['id']}").json()
        assert detail["parent"] is None, "answers are top-level tasks"
        assert_evidence_in_document(item["evidence"], TEXT)
    # 智慧社区 is narrower than 智慧城市, so the livelihood task answers 智慧城市 too
    assert LIVELIHOOD_TASK in [i["task"]["name"] for i in items]
    for item in items:
        assert (item["via"] == "narrower") == (item["matched_concept"] != "智慧城市")


def test_canonical_question_pages(client: TestClient) -> None:
    whole = client.get("/concepts/智慧城市/tasks", params={"limit": 200}).json()
    first = client.get("/concepts/智慧城市/tasks", params={"limit": 1, "offset": 0}).json()
    second = client.get("/concepts/智慧城市/tasks", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == whole["total"]
    assert [i["task"]["id"] for i in first["items"] + second["items"]] == [
        i["task"]["id"] for i in whole["items"][:2]
    ]


def test_canonical_question_by_alternative_name_and_id(client: TestClient) -> None:
    by_name = client.get("/concepts/智慧社区/tasks").json()
    by_id = client.get(f"/concepts/{by_name['concept']['id']}/tasks").json()
    assert by_id == by_name
    for alt_name in by_name["concept"]["alt_names"]:
        assert client.get(f"/concepts/{alt_name}/tasks").json()["concept"]["id"] == by_name["concept"]["id"]


def test_every_concepts_answer_is_what_the_concept_tasks_query_says(
    client: TestClient, seeded: GraphStore
) -> None:
    """The answer of GET /concepts/{id}/tasks, for every concept, groups exactly the rows the named
    query concept_tasks gives (as `plankg query concept_tasks -p id=…` prints them): one item per
    top-level task, counting its rows, its evidence one of its rows' mentions."""
    concepts = all_items(client, "/concepts")
    answered = 0
    for concept in concepts:
        rows = queries.run(seeded, "concept_tasks", {"id": concept["id"]})
        body = client.get(f"/concepts/{concept['id']}/tasks", params={"limit": 200}).json()
        by_task: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_task.setdefault(row["task_id"], []).append(row)
        assert body["total"] == len(by_task), concept["name"]
        assert {item["task"]["id"] for item in body["items"]} == set(by_task)
        for item in body["items"]:
            task_rows = by_task[item["task"]["id"]]
            assert item["mentions"] == len(task_rows)
            chosen = [
                row
                for row in task_rows
                if row["span_start"] == item["evidence"]["span"][0]
                and row["concept_name"] == item["matched_concept"]
            ]
            assert chosen, (concept["name"], item)
            row = chosen[0]
            mention = item["mentioned_by"]["id"] if item["mentioned_by"] else item["task"]["id"]
            assert row["mention_id"] == mention
            direct = mention == row["task_id"]
            assert item["via"] == ("narrower" if row["depth"] else "direct" if direct else "subtask")
            assert item["task"]["name"] == row["task_name"] and item["task"]["plan_id"] == row["plan_id"]
            assert_evidence_in_document(item["evidence"], TEXT)
        answered += bool(rows)
    assert answered >= 5, "the seed's concepts are mentioned by its tasks"


# ---------------------------------------------------------------- lists


@pytest.mark.parametrize(
    "path", ["/plans", "/goals", "/directions", "/tasks", "/indicators", "/sectors", "/concepts"]
)
def test_lists_page_consistently(client: TestClient, path: str) -> None:
    whole = client.get(path, params={"limit": 200}).json()
    assert whole["limit"] == 200 and whole["offset"] == 0
    assert whole["total"] == len(whole["items"]) >= 1
    ids = [item["id"] for item in whole["items"]]
    assert len(set(ids)) == len(ids)
    paged: list[str] = []
    for offset in range(0, whole["total"], 3):
        page = client.get(path, params={"limit": 3, "offset": offset}).json()
        assert page["total"] == whole["total"]
        assert len(page["items"]) <= 3
        paged += [item["id"] for item in page["items"]]
    assert paged == ids
    past_end = client.get(path, params={"limit": 3, "offset": whole["total"] + 10_000}).json()
    assert past_end["items"] == [] and past_end["total"] == whole["total"]


def test_the_seed_plan_has_five_goals_four_directions_eight_tasks(client: TestClient) -> None:
    plans = all_items(client, "/plans")
    assert len(plans) == 1
    plan = client.get(f"/plans/{plans[0]['id']}").json()
    assert "青岛" in plan["title"] and plan["period_start"] == 2016 and plan["period_end"] == 2020
    assert plan["counts"]["goals"] == len(all_items(client, "/goals", plan=plan["id"])) == 5
    assert plan["counts"]["directions"] == len(all_items(client, "/directions")) == 4
    tasks = all_items(client, "/tasks")
    assert plan["counts"]["tasks"] == len(tasks)
    assert len([t for t in tasks if t["parent_id"] is None]) == 8


@pytest.mark.parametrize("path", ["/goals", "/directions", "/tasks", "/indicators"])
def test_list_evidence_is_the_document_text_at_its_span(client: TestClient, path: str) -> None:
    items = all_items(client, path)
    for item in items:
        assert_evidence_in_document(item["evidence"], TEXT)
    spans = [item["evidence"]["span"][0] for item in items]
    assert spans == sorted(spans), "lists come in document order"


# ---------------------------------------------------------------- details


def test_goal_detail_has_its_indicator_and_supporting_tasks(client: TestClient) -> None:
    goal = find(all_items(client, "/goals"), "信息服务普惠民生")
    detail = client.get(f"/goals/{goal['id']}").json()
    assert_evidence_in_document(detail["evidence"], TEXT)
    coverage = [i for i in detail["indicators"] if "智慧社区" in i["name"]]
    assert coverage, detail["indicators"]
    assert "200万户" in coverage[0]["evidence"]["text"]
    scores = [t["score"] for t in detail["tasks"]]
    assert scores == sorted(scores, reverse=True)
    for task in detail["tasks"]:
        assert_evidence_in_document(task["evidence"], TEXT)
        task_detail = client.get(f"/tasks/{task['id']}").json()
        assert goal["id"] in [g["id"] for g in task_detail["goals"]]


def test_task_detail_links_parent_subtasks_and_more(client: TestClient) -> None:
    task = find(all_items(client, "/tasks"), LIVELIHOOD_TASK)
    detail = client.get(f"/tasks/{task['id']}").json()
    assert detail["parent"] is None and detail["parent_id"] is None
    names = [s["name"] for s in detail["subtasks"]]
    assert any(name.startswith(COMMUNITY_SUBTASK) for name in names)
    assert any(name.startswith("推进智慧医疗") for name in names)
    starts = [s["evidence"]["span"][0] for s in detail["subtasks"]]
    assert starts == sorted(starts)
    for subtask in detail["subtasks"]:
        assert_evidence_in_document(subtask["evidence"], TEXT)
        sub_detail = client.get(f"/tasks/{subtask['id']}").json()
        assert sub_detail["parent"]["id"] == task["id"] == sub_detail["parent_id"]
    for key in ("goals", "directions", "concepts", "sectors", "indicators"):
        assert isinstance(detail[key], list)
    community = find(detail["subtasks"], COMMUNITY_SUBTASK)
    community_detail = client.get(f"/tasks/{community['id']}").json()
    assert "智慧社区" in [c["name"] for c in community_detail["concepts"]]


def test_direction_detail(client: TestClient) -> None:
    directions = all_items(client, "/directions")
    direction = find(directions, "推动基于泛在感知的智慧青岛建设")
    detail = client.get(f"/directions/{direction['id']}").json()
    assert detail["name"] == direction["name"]
    assert_evidence_in_document(detail["evidence"], TEXT)
    for task in detail["tasks"]:
        task_detail = client.get(f"/tasks/{task['id']}").json()
        assert direction["id"] in [d["id"] for d in task_detail["directions"]]


# ---------------------------------------------------------------- filters


def test_task_filters(client: TestClient) -> None:
    every = all_items(client, "/tasks")
    by_concept = all_items(client, "/tasks", concept="智慧社区")
    assert any(t["name"].startswith(COMMUNITY_SUBTASK) for t in by_concept)
    for task in by_concept:
        concepts = client.get(f"/tasks/{task['id']}").json()["concepts"]
        assert concepts, task["name"]
    by_text = all_items(client, "/tasks", q="智慧医疗")
    assert by_text and all("智慧医疗" in t["text"] for t in by_text)
    plan_id = every[0]["plan_id"]
    assert len(all_items(client, "/tasks", plan=plan_id)) == len(every)
    assert all_items(client, "/tasks", plan="no-such-plan") == []
    goal = find(all_items(client, "/goals"), "信息服务普惠民生")
    for task in all_items(client, "/tasks", goal=goal["id"]):
        assert goal["id"] in [g["id"] for g in client.get(f"/tasks/{task['id']}").json()["goals"]]
    assert all_items(client, "/tasks", q="，。；") == []  # punctuation only: no terms, no match


def test_indicator_filters(client: TestClient) -> None:
    households = all_items(client, "/indicators", unit="万户")
    assert households
    assert all("万户" in (i["unit"], i["normalized_unit"]) for i in households)
    coverage = find(households, "智慧社区")
    assert coverage["value"] == 200 and coverage["normalized_value"] == 2_000_000
    goal = find(all_items(client, "/goals"), "信息服务普惠民生")
    measured = all_items(client, "/indicators", goal=goal["id"])
    assert coverage["id"] in [i["id"] for i in measured]
    assert all(i["goal_id"] == goal["id"] for i in measured)


# ---------------------------------------------------------------- search and graph


def test_search_is_chinese_aware_and_ranked(client: TestClient) -> None:
    body = client.get("/search", params={"q": "智慧社区", "limit": 200}).json()
    assert "智慧社区" in body["terms"]
    assert body["items"]
    scores = [hit["score"] for hit in body["items"]]
    assert scores == sorted(scores, reverse=True)
    best = body["items"][0]
    assert "智慧社区" in best["matched"]
    names = [hit["name"] for hit in body["items"]]
    assert any(name.startswith(COMMUNITY_SUBTASK) for name in names)
    for hit in body["items"]:
        if hit["evidence"] and hit["evidence"]["text"]:
            assert_evidence_in_document(hit["evidence"], TEXT)
    # a word inside a longer one is found too: 社区 is a term of 智慧社区 texts
    assert client.get("/search", params={"q": "社区"}).json()["total"] >= 1


def test_neighborhood_is_cytoscape_elements(client: TestClient) -> None:
    task = find(all_items(client, "/tasks"), LIVELIHOOD_TASK)
    one = client.get(f"/graph/neighborhood/{task['id']}", params={"depth": 1}).json()
    nodes = {n["data"]["id"]: n["data"] for n in one["elements"]["nodes"]}
    assert nodes[task["id"]]["depth"] == 0 and nodes[task["id"]]["type"] == "Task"
    assert nodes[task["id"]]["label"] == LIVELIHOOD_TASK
    edges = [e["data"] for e in one["elements"]["edges"]]
    assert edges
    for edge in edges:
        assert edge["source"] in nodes and edge["target"] in nodes
        assert task["id"] in (edge["source"], edge["target"])
    labels = {edge["label"] for edge in edges}
    assert "PART_OF" in labels  # its sub-tasks
    subtask_ids = {s["id"] for s in client.get(f"/tasks/{task['id']}").json()["subtasks"]}
    assert subtask_ids <= set(nodes)
    two = client.get(f"/graph/neighborhood/{task['id']}", params={"depth": 2}).json()
    assert {n["data"]["id"] for n in two["elements"]["nodes"]} >= set(nodes)
    capped = client.get(f"/graph/neighborhood/{task['id']}", params={"depth": 3, "limit": 4}).json()
    assert len(capped["elements"]["nodes"]) == 4 and capped["truncated"] is True


def test_neighborhood_links_come_strongest_first_in_one_fixed_order(client: TestClient) -> None:
    # the embedded engine may give a UNION's leaving and entering links in either order: a regression test
    # for the Python API and the REST API answering the same neighbourhood in two orders
    task = find(all_items(client, "/tasks"), LIVELIHOOD_TASK)
    body = client.get(f"/graph/neighborhood/{task['id']}", params={"depth": 1}).json()
    edges = [
        (-(e["data"]["score"] or 0.0), e["data"]["source"], e["data"]["label"], e["data"]["target"])
        for e in body["elements"]["edges"]
    ]
    assert {edge[1] for edge in edges} - {task["id"]} and task["id"] in {edge[1] for edge in edges}
    assert edges == sorted(edges)


def test_neighborhood_nodes_carry_order_and_span(client: TestClient) -> None:
    task = find(all_items(client, "/tasks"), LIVELIHOOD_TASK)
    body = client.get(f"/graph/neighborhood/{task['id']}", params={"depth": 2, "limit": 500}).json()
    detail_path = {"Goal": "goals", "Direction": "directions", "Task": "tasks", "Indicator": "indicators"}
    seen = set()
    for node in (n["data"] for n in body["elements"]["nodes"]):
        if node["type"] in detail_path:
            detail = client.get(f"/{detail_path[node['type']]}/{node['id']}").json()
            assert (node["span_start"], node["span_end"]) == tuple(detail["evidence"]["span"])
            assert TEXT[node["span_start"] : node["span_end"]] == detail["evidence"]["text"]
            assert node["order"] == detail.get("order")  # indicators have none
            seen.add(node["type"])
        elif node["type"] in ("Concept", "Sector"):
            assert node["order"] is None and node["span_start"] is None and node["span_end"] is None
            seen.add(node["type"])
    assert {"Goal", "Task", "Concept"} <= seen
    assert any(n["data"]["order"] for n in body["elements"]["nodes"])


# ---------------------------------------------------------------- a plan's text and picture


def test_plans_list_names_every_plan_as_its_detail_does(client: TestClient) -> None:
    for item in all_items(client, "/plans"):
        detail = client.get(f"/plans/{item['id']}").json()
        assert item["name"] and item["name"] == detail["name"]
        assert item["title"] == detail["title"] and item["evidence"] == detail["evidence"]


def test_plan_text_is_the_document_every_span_indexes(client: TestClient) -> None:
    plan = all_items(client, "/plans")[0]
    body = client.get(f"/plans/{plan['id']}/text").json()
    assert body["plan"] == plan["id"]
    assert body["document"] == plan["evidence"]["document"]
    text = body["text"]
    assert text == TEXT  # the decoded seed file, character for character
    for path in ("/goals", "/directions", "/tasks", "/indicators"):
        items = all_items(client, path, plan=plan["id"])
        assert items
        for item in items:
            start, end = item["evidence"]["span"]
            assert text[start:end] == item["evidence"]["text"], item["id"]
            assert item["evidence"]["document"] == body["document"]
    # the links' spans index the same text: each goal a task supports is stated there
    task = find(all_items(client, "/tasks"), LIVELIHOOD_TASK)
    for goal in client.get(f"/tasks/{task['id']}").json()["goals"]:
        start, end = goal["link_span"]
        assert 0 <= start < end <= len(text)
    assert_problem(client.get("/plans/no-such-plan/text"), 404)


def _owned_nodes(client: TestClient, plan_id: str) -> dict[str, dict[str, Any]]:
    """The plan's own nodes as the list endpoints give them, by id."""
    nodes = {}
    for path, kind in (
        ("/goals", "Goal"),
        ("/directions", "Direction"),
        ("/tasks", "Task"),
        ("/indicators", "Indicator"),
    ):
        for item in all_items(client, path, plan=plan_id):
            nodes[item["id"]] = {**item, "type": kind}
    return nodes


def test_plan_graph_is_the_whole_plan(client: TestClient) -> None:
    plan_id = all_items(client, "/plans")[0]["id"]
    owned = _owned_nodes(client, plan_id)
    body = client.get(f"/plans/{plan_id}/graph").json()
    assert body["plan"] == plan_id and body["truncated"] is False
    nodes = {n["data"]["id"]: n["data"] for n in body["elements"]["nodes"]}
    assert set(nodes) == {plan_id, *owned}
    assert nodes[plan_id]["type"] == "Plan"
    for node_id, item in owned.items():
        node = nodes[node_id]
        assert node["type"] == item["type"] and node["label"] == item["name"]
        assert node["plan_id"] == plan_id and node["order"] == item.get("order")
        assert [node["span_start"], node["span_end"]] == item["evidence"]["span"]
    edges = [e["data"] for e in body["elements"]["edges"]]
    assert len({e["id"] for e in edges}) == len(edges)
    for edge in edges:
        assert edge["source"] in nodes and edge["target"] in nodes
    by_type: dict[str, set[tuple[str, str]]] = {}
    for edge in edges:
        by_type.setdefault(edge["label"], set()).add((edge["source"], edge["target"]))
    assert not {"MENTIONS", "IN_SECTOR", "BROADER"} & set(by_type)
    kinds = {kind: {i for i, item in owned.items() if item["type"] == kind} for kind in ("Goal", "Direction")}
    assert by_type["HAS_GOAL"] == {(plan_id, goal) for goal in kinds["Goal"]}
    assert by_type["HAS_DIRECTION"] == {(plan_id, d) for d in kinds["Direction"]}
    tasks = {i: item for i, item in owned.items() if item["type"] == "Task"}
    assert by_type["HAS_TASK"] == {(plan_id, t) for t, item in tasks.items() if item["parent_id"] is None}
    assert by_type["PART_OF"] == {(t, item["parent_id"]) for t, item in tasks.items() if item["parent_id"]}
    indicators = [item for item in owned.values() if item["type"] == "Indicator"]
    assert by_type["MEASURES"] == {(i["id"], i["goal_id"] or i["task_id"]) for i in indicators}
    # SUPPORTS and ALIGNS_WITH, with their scores, as the task details have them
    supports = {(e["source"], e["target"]): e["score"] for e in edges if e["label"] == "SUPPORTS"}
    aligns = {(e["source"], e["target"]) for e in edges if e["label"] == "ALIGNS_WITH"}
    expected_supports, expected_aligns = {}, set()
    for task_id in tasks:
        detail = client.get(f"/tasks/{task_id}").json()
        expected_supports.update({(task_id, g["id"]): g["score"] for g in detail["goals"]})
        expected_aligns.update((task_id, d["id"]) for d in detail["directions"])
    assert supports == expected_supports and supports
    assert aligns == expected_aligns


def test_plan_graph_with_vocabulary_adds_the_concepts_and_sectors_of_its_nodes(client: TestClient) -> None:
    plan_id = all_items(client, "/plans")[0]["id"]
    owned = _owned_nodes(client, plan_id)
    body = client.get(f"/plans/{plan_id}/graph", params={"vocabulary": "true", "limit": 2000}).json()
    assert body["truncated"] is False
    nodes = {n["data"]["id"]: n["data"] for n in body["elements"]["nodes"]}
    mentions, sectors = set(), set()
    detail_path = {"Goal": "goals", "Direction": "directions", "Task": "tasks", "Indicator": "indicators"}
    for node_id, item in owned.items():
        detail = client.get(f"/{detail_path[item['type']]}/{node_id}").json()
        mentions |= {(node_id, c["id"]) for c in detail.get("concepts", [])}
        sectors |= {(node_id, s["id"]) for s in detail.get("sectors", [])}
    vocabulary = {i: node for i, node in nodes.items() if i not in owned and i != plan_id}
    assert set(vocabulary) == {c for _, c in mentions} | {s for _, s in sectors}
    assert {n["type"] for n in vocabulary.values()} == {"Concept", "Sector"}
    edges = [e["data"] for e in body["elements"]["edges"]]
    assert {(e["source"], e["target"]) for e in edges if e["label"] == "MENTIONS"} == mentions
    assert {(e["source"], e["target"]) for e in edges if e["label"] == "IN_SECTOR"} == sectors
    for edge in edges:
        assert edge["source"] in nodes and edge["target"] in nodes


def test_plan_graph_limit_keeps_the_plan_structure_first(client: TestClient) -> None:
    plan_id = all_items(client, "/plans")[0]["id"]
    owned = _owned_nodes(client, plan_id)
    goals = [i for i, item in owned.items() if item["type"] == "Goal"]
    first_direction = next(i for i, item in owned.items() if item["type"] == "Direction")
    cut = client.get(f"/plans/{plan_id}/graph", params={"limit": len(goals) + 2}).json()
    assert cut["truncated"] is True
    assert [n["data"]["id"] for n in cut["elements"]["nodes"]] == [plan_id, *goals, first_direction]
    for edge in cut["elements"]["edges"]:
        assert {edge["data"]["source"], edge["data"]["target"]} <= {plan_id, *goals, first_direction}
    exact = client.get(f"/plans/{plan_id}/graph", params={"limit": len(owned) + 1}).json()
    assert exact["truncated"] is False and len(exact["elements"]["nodes"]) == len(owned) + 1
    # no room left for the vocabulary: the answer says it left some out
    params = {"limit": len(owned) + 1, "vocabulary": "true"}
    full = client.get(f"/plans/{plan_id}/graph", params=params).json()
    assert full["truncated"] is True and len(full["elements"]["nodes"]) == len(owned) + 1
    assert_problem(client.get("/plans/no-such-plan/graph"), 404)
    assert_problem(client.get(f"/plans/{plan_id}/graph", params={"limit": 0}), 422)
    assert_problem(client.get(f"/plans/{plan_id}/graph", params={"limit": 2001}), 422)


# ---------------------------------------------------------------- indicator and sector details


def test_indicator_detail_links_what_it_measures(client: TestClient) -> None:
    items = all_items(client, "/indicators")
    assert items
    for item in items:
        detail = client.get(f"/indicators/{item['id']}").json()
        assert {k: v for k, v in detail.items() if k in item} == item  # the list's fields, the same
        measured = detail["goals"] + detail["tasks"]
        assert [m["id"] for m in measured] == [item["goal_id"] or item["task_id"]]
        assert measured[0]["name"] == (item["goal_name"] or item["task_name"])
        assert_evidence_in_document(measured[0]["evidence"], TEXT)
        # the link is stated where the indicator is written
        start, end = measured[0]["link_span"]
        own_start, own_end = detail["evidence"]["span"]
        assert start < own_end and own_start < end
        kind = "goals" if item["goal_id"] else "tasks"
        back = client.get(f"/{kind}/{measured[0]['id']}").json()["indicators"]
        assert item["id"] in [i["id"] for i in back]
        for sector in detail["sectors"]:
            members = client.get(f"/sectors/{sector['id']}", params={"limit": 200}).json()["indicators"]
            assert item["id"] in [m["id"] for m in members]
    coverage = client.get(f"/indicators/{find(items, '智慧社区')['id']}").json()
    assert coverage["goals"][0]["name"] == "信息服务普惠民生"  # 五大目标之四 names 智慧社区覆盖200万户
    assert_problem(client.get("/indicators/no-such-indicator"), 404)


def test_sector_detail_lists_its_members_by_id_or_name(client: TestClient) -> None:
    sectors = all_items(client, "/sectors")
    with_members = [s for s in sectors if s["members"]]
    assert with_members
    kinds = ("goals", "tasks", "indicators")
    longest: dict[str, int] = {}
    for sector in with_members:
        detail = client.get(f"/sectors/{sector['id']}", params={"limit": 200}).json()
        longest[sector["id"]] = max(len(detail[kind]) for kind in kinds)
        assert {k: detail[k] for k in sector} == sector
        assert detail["truncated"] is False
        members = detail["goals"] + detail["tasks"] + detail["indicators"]
        assert len(members) == sector["members"]
        for kind in kinds:
            starts = [m["evidence"]["span"][0] for m in detail[kind]]
            assert starts == sorted(starts), "members come in document order"
            for member in detail[kind]:
                assert_evidence_in_document(member["evidence"], TEXT)
                assert member["plan_id"] and member["score"] is not None
                member_sectors = client.get(f"/{kind}/{member['id']}").json()["sectors"]
                assert sector["id"] in [s["id"] for s in member_sectors]
    biggest = max(with_members, key=lambda s: longest[s["id"]])
    assert longest[biggest["id"]] > 1
    by_name = client.get(f"/sectors/{biggest['name']}", params={"limit": 1}).json()
    assert by_name["id"] == biggest["id"] and by_name["members"] == biggest["members"]
    assert by_name["truncated"] is True
    assert all(len(by_name[kind]) <= 1 for kind in kinds)
    assert_problem(client.get("/sectors/no-such-sector"), 404)


def test_health_and_readiness(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz").json()
    assert ready["status"] == "ready" and ready["schema_applied"] is True


# ---------------------------------------------------------------- errors on the seeded store


@pytest.mark.parametrize(
    "path",
    [
        "/plans/no-such-plan",
        "/goals/no-such-goal",
        "/directions/no-such-direction",
        "/tasks/no-such-task",
        "/concepts/没有这个概念/tasks",
        "/graph/neighborhood/no-such-node",
        "/indicators/no-such-indicator",
        "/sectors/no-such-sector",
        "/plans/no-such-plan/text",
        "/plans/no-such-plan/graph",
        "/no/such/route",
    ],
)
def test_unknown_ids_are_404_problems(client: TestClient, path: str) -> None:
    assert_problem(client.get(path), 404)


@pytest.mark.parametrize(
    "path",
    [
        "/tasks?limit=0",
        "/tasks?limit=201",
        "/goals?offset=-1",
        "/search",
        "/search?q=",
        "/graph/neighborhood/x?depth=4",
        "/concepts?candidate=maybe",
        "/indicators?limit=abc",
    ],
)
def test_bad_parameters_are_422_problems(client: TestClient, path: str) -> None:
    problem = assert_problem(client.get(path), 422)
    assert problem["errors"], problem


def test_wrong_method_is_a_405_problem(client: TestClient) -> None:
    assert_problem(client.delete("/goals"), 405)
    assert_problem(client.put("/concepts/智慧社区/tasks"), 405)
