"""Questions across plans over real HTTP, on both backends: the seed (青岛 十三五), its 十四五 edition
with two targets raised, the same plan for 济南 (in 山东) and 杭州 (not), and the State Council's
vocational education plan that the 十四五 edition says it carries out (tests/support/corpus_variants.py)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from plankg.api.app import create_app
from plankg.cli import app as cli_app
from plankg.graph import GraphStore, open_store
from plankg.pipeline import load_path
from plankg.settings import Settings, get_settings
from tests.support.api import api_settings, assert_evidence_in_document, assert_problem
from tests.support.corpus_variants import (
    CHANGED_TARGETS,
    other_city,
    qingdao_13th,
    qingdao_14th,
    vocational,
    write,
)
from tests.support.stores import BACKENDS, wipe


@dataclass
class Corpus:
    client: TestClient
    store: GraphStore
    ids: dict[str, str]  # file stem -> plan id
    texts: dict[str, str]  # plan id -> source text
    data_dir: Path | None


@pytest.fixture(scope="module", params=BACKENDS)
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    tmp = tmp_path_factory.mktemp("across")
    data_dir: Path | None = None
    if request.param == "embedded":
        data_dir = tmp / "db"
        store: GraphStore = open_store(Settings(store="embedded", data_dir=data_dir))
    else:
        store = wipe(request.getfixturevalue("neo4j_store"))
    paths = write(tmp, qingdao_14th(), vocational(), qingdao_13th(), other_city("济南"), other_city("杭州"))
    ids, texts = {}, {}
    for path in paths:
        outcome = load_path(store, path)
        ids[path.stem] = outcome.plan_id
        texts[outcome.plan_id] = path.read_text(encoding="utf-8")
    with TestClient(create_app(api_settings(), store=store)) as client:
        yield Corpus(client, store, ids, texts, data_dir)
    if data_dir is not None:
        store.close()
    else:
        wipe(store)


def test_region_filter_includes_sub_regions_and_facets_count_them(corpus: Corpus) -> None:
    answer = corpus.client.get("/concepts/智慧社区/tasks", params={"region": "山东", "limit": 200}).json()
    plans = {item["task"]["plan_id"] for item in answer["items"]}
    assert plans == {corpus.ids["qingdao-13th"], corpus.ids["qingdao-14th"], corpus.ids["济南-13th"]}
    regions = {facet["value"]: facet["count"] for facet in answer["facets"]["region"]}
    assert set(regions) == {"青岛市", "济南市"}
    assert sum(regions.values()) == answer["total"]
    assert {facet["value"] for facet in answer["facets"]["period"]} == {"2016-2020", "2021-2025"}
    assert set(answer["plans"]) == plans
    everywhere = corpus.client.get("/concepts/智慧社区/tasks", params={"limit": 200}).json()
    assert answer["total"] < everywhere["total"]
    hangzhou = corpus.client.get("/concepts/智慧社区/tasks", params={"region": "330000"}).json()
    assert {item["task"]["plan_id"] for item in hangzhou["items"]} == {corpus.ids["杭州-13th"]}
    year = corpus.client.get("/concepts/智慧社区/tasks", params={"year": 2023, "limit": 200}).json()
    assert {item["task"]["plan_id"] for item in year["items"]} == {corpus.ids["qingdao-14th"]}
    national = corpus.client.get("/concepts/智慧社区/tasks", params={"level": "national"}).json()
    assert national["total"] == 0
    assert_problem(corpus.client.get("/concepts/智慧社区/tasks", params={"region": "不存在"}), 422)


def test_concept_spread_gives_first_year_per_region(corpus: Corpus) -> None:
    answer = corpus.client.get("/concepts/智慧社区/plans").json()
    first = {row["region"]: (row["first_year"], row["plans"]) for row in answer["by_region"]}
    assert first == {"青岛市": (2016, 2), "济南市": (2016, 1), "杭州市": (2016, 1)}
    assert answer["total"] == 4
    for item in answer["items"]:
        assert_evidence_in_document(item["first_evidence"], corpus.texts[item["plan"]["id"]])
    in_shandong = corpus.client.get("/concepts/智慧社区/plans", params={"region": "山东"}).json()
    assert {row["region"] for row in in_shandong["by_region"]} == {"青岛市", "济南市"}


def test_indicator_comparison_puts_the_same_measure_side_by_side(corpus: Corpus) -> None:
    answer = corpus.client.get("/indicators/compare", params={"q": "政务服务网上可办率"}).json()
    assert answer["measure"] == "egov-online-service-rate"
    table = {
        row["region"]: {year: [cell["value"] for cell in cells] for year, cells in row["by_year"].items()}
        for row in answer["rows"]
    }
    assert table == {
        "青岛市": {"2020": [90.0], "2025": [98.0]},
        "济南市": {"2020": [90.0]},
        "杭州市": {"2020": [90.0]},
    }
    for row in answer["rows"]:
        for cells in row["by_year"].values():
            for cell in cells:
                assert cell["comparator"] == ">="
                assert_evidence_in_document(cell["evidence"], corpus.texts[cell["plan"]["id"]])
    by_alt_name = corpus.client.get("/indicators/compare", params={"q": "网办率"}).json()
    assert by_alt_name["rows"] == answer["rows"]


def _number(text: str) -> float:
    return float(re.findall(r"\d+", text)[-1])


def test_diff_reports_exactly_the_changed_targets(corpus: Corpus) -> None:
    old, new = corpus.ids["qingdao-13th"], corpus.ids["qingdao-14th"]
    answer = corpus.client.get(f"/plans/{old}/diff/{new}").json()
    expected = sorted(CHANGED_TARGETS.items(), key=lambda kv: corpus.texts[new].find(kv[1]))
    assert len(answer["targets_changed"]) == len(expected)
    for change, (before, after) in zip(answer["targets_changed"], expected, strict=True):
        assert before.startswith(change["name"])
        values = (change["old_target"]["value"], change["new_target"]["value"])
        assert values == (_number(before), _number(after))
        assert change["changed"] == ["value"]
        assert change["new"]["evidence"]["text"].startswith(after)
        assert_evidence_in_document(change["old"]["evidence"], corpus.texts[old])
    assert answer["targets_moved"] > 0  # every other target moved from 2020 to 2025, unchanged
    other_region = corpus.client.get(f"/plans/{old}/diff/{corpus.ids['济南-13th']}").json()
    assert other_region["targets_changed"] == [] and other_region["added"] == other_region["dropped"] == []
    assert_problem(corpus.client.get(f"/plans/{old}/diff/plan-nope"), 404)


def test_relations_of_a_plan_in_both_directions(corpus: Corpus) -> None:
    old, new, national = corpus.ids["qingdao-13th"], corpus.ids["qingdao-14th"], corpus.ids["vocational"]
    newer = corpus.client.get(f"/plans/{new}/relations").json()
    assert [link["plan_id"] for link in newer["succeeds"]] == [old]
    assert [link["plan_id"] for link in newer["implements"]] == [national]
    assert {link["plan_id"] for link in newer["cites"]} == {old, national}
    for link in newer["implements"] + newer["cites"]:
        start, end = link["evidence"]["span"]
        assert corpus.texts[new][start:end].endswith("》")
    older = corpus.client.get(f"/plans/{old}/relations").json()
    assert [link["plan_id"] for link in older["succeeded_by"]] == [new]
    assert [link["plan_id"] for link in older["cited_by"]] == [new]
    carried_out = corpus.client.get(f"/plans/{national}/relations").json()
    assert [link["plan_id"] for link in carried_out["implemented_by"]] == [new]
    unresolved = [c["title"] for c in carried_out["citations"] if not c["resolved"]]
    assert "中华人民共和国职业教育法" in unresolved
    assert_problem(corpus.client.get("/plans/plan-nope/relations"), 404)


def test_corpus_view_by_region_and_year(corpus: Corpus) -> None:
    answer = corpus.client.get("/corpus").json()
    assert answer["total"] == 5
    assert {f["value"]: f["count"] for f in answer["by_level"]} == {"city": 4, "national": 1}
    shandong = corpus.client.get("/corpus", params={"region": "山东", "year": 2018}).json()
    assert {p["id"] for p in shandong["plans"]} == {corpus.ids["qingdao-13th"], corpus.ids["济南-13th"]}


def test_across_plans_ranks_like_the_canonical_question(corpus: Corpus) -> None:
    """Across plans the concept question ranks rows without texts, their top-level tasks from the task
    tree kept in memory (plan_facts), and reads the page's texts after:
    the items are those the canonical question (concept_tasks, texts in every row) gives, in the same
    order, for every concept a task of the corpus mentions."""
    from plankg.queries import run
    from plankg.services.concept_tasks import rank_concept_tasks, rank_mentions, with_texts
    from plankg.services.plan_facts import plan_facts

    rows = corpus.store.read("MATCH (:Task)-[:MENTIONS]->(c:Concept) RETURN DISTINCT c.id AS id ORDER BY id")
    assert len(rows) >= 5
    subtasks = 0
    for concept_id in (row["id"] for row in rows):
        canonical = rank_concept_tasks(run(corpus.store, "concept_tasks", {"id": concept_id}))
        mentions = run(corpus.store, "concept_task_mentions", {"id": concept_id})[0]["mentions"]
        ranked = rank_mentions(plan_facts(corpus.store).with_tops(mentions))
        assert canonical and with_texts(corpus.store, ranked) == canonical, concept_id
        subtasks += sum(item.mentioned_by is not None for item in canonical)
    assert subtasks > 0, "some mention is a sub-task's: the steps up PART_OF are exercised"


def test_cli_answers_the_same_questions(corpus: Corpus, monkeypatch: pytest.MonkeyPatch) -> None:
    if corpus.data_dir is None:
        monkeypatch.setenv("PLANKG_STORE", "neo4j")  # URI and password as the test run's
    else:
        corpus.store.close()  # one process at a time may open the embedded store (the module's last test)
        monkeypatch.setenv("PLANKG_STORE", "embedded")
        monkeypatch.setenv("PLANKG_DATA_DIR", str(corpus.data_dir))
    get_settings.cache_clear()  # the settings of this test's environment
    runner = CliRunner()
    old, new = corpus.ids["qingdao-13th"], corpus.ids["qingdao-14th"]
    result = runner.invoke(cli_app, ["diff", old, new, "--json"])
    assert result.exit_code == 0, result.output
    assert [c["new_target"]["value"] for c in json.loads(result.output)["targets_changed"]] == [1300.0, 98.0]
    result = runner.invoke(cli_app, ["ask", "智慧社区", "--region", "山东", "--json"])
    assert result.exit_code == 0, result.output
    assert corpus.ids["杭州-13th"] not in result.output and corpus.ids["济南-13th"] in result.output
    for args in (["compare", "网办率"], ["relations", new], ["spread", "智慧社区"]):
        result = runner.invoke(cli_app, args)
        assert result.exit_code == 0, result.output
    assert runner.invoke(cli_app, ["ask", "智慧社区", "--region", "不存在"]).exit_code == 2
