"""Plan identity cannot collide silently (issue 9): a plan's title is the document's own, never one it
cites; an edited document replaces its own plan; a different document that maps to a stored plan's id
is refused, leaving the stored plan as it was, unless replace is said. On both backends."""

from __future__ import annotations

from pathlib import Path

import pytest

from plankg.graph import GraphStore, PlanCollision
from plankg.graph.identity import NEAR_SIMILARITY, compare_sources, text_similarity
from plankg.loaders import extract_document
from plankg.loaders.reading import SourceDocument
from plankg.pipeline import load_path, load_source
from tests.support.corpus import SEED_DOCUMENT, SEED_NAME
from tests.support.corpus_variants import DIGEST, SEED_TITLE

# An action plan whose body cites the seed as issued (印发《…》): it is its own plan, not the seed.
ACTION_PLAN = """青岛市智慧社区建设行动方案（2018-2020年）
根据青岛市政府办公厅印发《青岛市信息化“十三五”发展规划（2016-2020年）》的部署，为加快推进智慧社区建设，制定本方案。
一、工作目标
到2020年，全市建成智慧社区200个，社区综合服务平台覆盖率达到90%以上。
二、主要任务
（一）建设社区综合服务平台。整合社区服务资源，推动政务服务向社区延伸。
（二）推进智慧物业管理。推广智能门禁、智能停车等应用，提升社区治理水平。
三、保障措施
加强组织领导，落实资金保障，开展考核评估。
"""

SEED_TASK = "MATCH (t:Task) WHERE t.name = '推动民生信息普惠提质增效' RETURN t.id AS id"


def plan_node_count(store: GraphStore, plan_id: str) -> int:
    rows = store.read("MATCH (n) WHERE n.plan_id = $id OR n.id = $id RETURN count(n) AS n", {"id": plan_id})
    return int(rows[0]["n"])


def source_path_of(store: GraphStore, plan_id: str) -> str:
    rows = store.read("MATCH (p:Plan {id: $id}) RETURN p.source_path AS path", {"id": plan_id})
    return str(rows[0]["path"])


def test_the_title_is_the_documents_own_not_the_plan_it_cites() -> None:
    action = extract_document(SourceDocument.from_text(ACTION_PLAN, path="qingdao-smart-community.txt"))
    seed = extract_document(SourceDocument.from_text(SEED_DOCUMENT.read_text(encoding="utf-8"), SEED_NAME))
    assert action.plan.title == "青岛市智慧社区建设行动方案（2018-2020年）"
    assert seed.plan.title == SEED_TITLE  # a news report's plan is still the one it says was issued
    assert action.plan.id != seed.plan.id


def test_a_plan_citing_the_seed_loads_beside_it(store: GraphStore) -> None:
    seed = load_path(store, SEED_DOCUMENT)
    seed_nodes = plan_node_count(store, seed.plan_id)
    action = load_source(store, SourceDocument.from_text(ACTION_PLAN, path="qingdao-smart-community.txt"))
    assert action.changed and action.plan_id != seed.plan_id
    assert plan_node_count(store, seed.plan_id) == seed_nodes
    assert store.counts().nodes["Plan"] == 2


def test_a_different_document_mapping_to_a_loaded_plan_is_refused_unless_replaced(store: GraphStore) -> None:
    seed = load_path(store, SEED_DOCUMENT)
    seed_nodes = plan_node_count(store, seed.plan_id)
    assert seed_nodes > 40
    assert store.read(SEED_TASK) != []
    before = store.counts()
    digest = SourceDocument.from_text(DIGEST, path="qingdao-informatization-digest.txt")
    with pytest.raises(PlanCollision) as refused:
        load_source(store, digest)
    message = str(refused.value)
    assert seed.plan_id in message and SEED_NAME in message
    assert "qingdao-informatization-digest.txt" in message
    assert store.counts() == before  # nothing written: the seed is intact
    assert plan_node_count(store, seed.plan_id) == seed_nodes

    replaced = load_source(store, digest, replace=True)
    assert replaced.plan_id == seed.plan_id and replaced.changed
    assert 0 < plan_node_count(store, seed.plan_id) < seed_nodes
    assert source_path_of(store, seed.plan_id) == "qingdao-informatization-digest.txt"
    assert store.read(SEED_TASK) == []  # the seed's own tasks went with it


def test_an_edited_document_replaces_its_own_plan(store: GraphStore, tmp_path: Path) -> None:
    seed = load_path(store, SEED_DOCUMENT)
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    assert "2020年" in text
    edited = tmp_path / SEED_NAME  # the same file, revised: every 2020 target moved to 2021
    edited.write_text(text.replace("2020年", "2021年"), encoding="utf-8")
    outcome = load_path(store, edited)
    assert outcome.plan_id == seed.plan_id and outcome.changed
    assert source_path_of(store, seed.plan_id) == str(edited)


def test_near_and_far_texts() -> None:
    text = SEED_DOCUMENT.read_text(encoding="utf-8")
    assert text_similarity(text, text.replace("2020", "2021")) > 0.9
    assert text_similarity(text, DIGEST) < 0.1
    assert compare_sources("a/plan.txt", text, "b/plan.txt", text.replace("智慧", "数字")).same_source
    renamed = compare_sources("a/plan.txt", text, "b/other.txt", text)
    assert not renamed.same_source and renamed.describe() == "another file name"
    far = compare_sources("plan.txt", text, "plan.txt", DIGEST)
    assert not far.same_source and far.similarity is not None and far.similarity < NEAR_SIMILARITY
    # a long text is compared on a sample of its shingles, with the same verdict
    long_text = text * 80
    assert text_similarity(long_text, long_text.replace("2020", "2021")) > 0.85
    assert text_similarity(long_text, DIGEST * 400) < 0.1
