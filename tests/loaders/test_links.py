"""Inferred task → goal / direction links on the seed, against a hand judgement; curated overrides."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest
import yaml

from plankg.loaders.extract import extract_path
from plankg.loaders.links import (
    BEST_LINK_FLOOR,
    LINK_THRESHOLD,
    METHOD,
    OVERRIDE_METHOD,
    apply_overrides,
    infer_links,
)
from plankg.ontology.records import Extraction, LinkRecord, TaskRecord
from tests.support.corpus import GOLD_DIR, SEED_DOCUMENT

SEED = SEED_DOCUMENT
GOLD = GOLD_DIR / "qingdao_links.yaml"
EXAMPLE_OVERRIDES = Path(str(resources.files("plankg.ontology").joinpath("data/link_overrides.example.yaml")))
LinkKey = tuple[str, str, str]  # (type, task name, goal or direction name)


@pytest.fixture(scope="module")
def seed() -> Extraction:
    return extract_path(SEED)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def inferred(seed: Extraction, seed_text: str) -> list[LinkRecord]:
    return infer_links(seed.goals, seed.directions, seed.tasks, seed_text)


def _named(links: list[LinkRecord], seed: Extraction) -> set[LinkKey]:
    names = {e.id: e.name for e in (*seed.goals, *seed.directions, *seed.tasks)}
    return {(link.type, names[link.source], names[link.target]) for link in links}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def _score(predicted: set[LinkKey], required: set[LinkKey], acceptable: set[LinkKey]) -> Score:
    true_positives = len(predicted & required)
    false_positives = len(predicted - required - acceptable)
    precision = true_positives / (true_positives + false_positives) if predicted else 0.0
    recall = true_positives / len(required)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(round(precision, 2), round(recall, 2), round(f1, 2))


def _gold() -> tuple[set[LinkKey], set[LinkKey]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    required: set[LinkKey] = set()
    acceptable: set[LinkKey] = set()
    for entry in data["tasks"]:
        for key, link_type in (("supports", "SUPPORTS"), ("aligns_with", "ALIGNS_WITH")):
            required |= {(link_type, entry["task"], target) for target in entry.get(key, [])}
            acceptable |= {(link_type, entry["task"], t) for t in entry.get(f"also_acceptable_{key}", [])}
    return required, acceptable


def test_gold_names_are_the_extracted_entities(seed: Extraction) -> None:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert [g.name for g in seed.goals] == data["goals"]
    assert [d.name for d in seed.directions] == data["directions"]
    assert [t.name for t in seed.tasks if t.parent is None] == [e["task"] for e in data["tasks"]]


def test_inferred_links_agree_with_the_hand_judgement(seed: Extraction, inferred: list[LinkRecord]) -> None:
    required, acceptable = _gold()
    predicted = _named(inferred, seed)
    by_type = {
        link_type: _score(
            {p for p in predicted if p[0] == link_type},
            {r for r in required if r[0] == link_type},
            {a for a in acceptable if a[0] == link_type},
        )
        for link_type in ("SUPPORTS", "ALIGNS_WITH")
    }
    overall = _score(predicted, required, acceptable)
    print(f"link inference on the seed: {by_type} overall {overall}")
    assert overall.f1 >= 0.7, overall
    assert by_type["SUPPORTS"].f1 >= 0.8, by_type
    assert overall.precision >= 0.8, overall


@pytest.mark.parametrize(
    ("task", "goal"),
    [
        ("推动民生信息普惠提质增效", "信息服务普惠民生"),
        ("建设高速、泛在、智能的信息基础设施", "基础支撑能级跃升"),
        ("构建创新驱动的现代信息技术产业体系", "信息产业形成新高地"),
    ],
)
def test_clear_cases_support_their_goal_best(
    seed: Extraction, inferred: list[LinkRecord], task: str, goal: str
) -> None:
    supports = [key for key in _named(inferred, seed) if key[0] == "SUPPORTS" and key[1] == task]
    assert supports == [("SUPPORTS", task, goal)]


def test_links_are_well_formed(seed: Extraction, inferred: list[LinkRecord]) -> None:
    tasks = {t.id: t for t in seed.tasks}
    goal_ids = {g.id for g in seed.goals}
    direction_ids = {d.id for d in seed.directions}
    assert inferred
    for link in inferred:
        task = tasks[link.source]
        assert task.parent is None, "only top-level tasks are linked"
        assert link.target in (goal_ids if link.type == "SUPPORTS" else direction_ids)
        assert link.method == METHOD and 0.0 <= link.score <= 1.0
        assert link.span == task.span
        assert link.score >= BEST_LINK_FLOOR
    # A task's second link to the same kind needs the full threshold.
    per_task: dict[tuple[str, str], list[float]] = {}
    for link in inferred:
        per_task.setdefault((link.type, link.source), []).append(link.score)
    for scores in per_task.values():
        assert all(s >= LINK_THRESHOLD for s in sorted(scores)[:-1])
    supported = {link.source for link in inferred if link.type == "SUPPORTS"}
    assert len(supported) >= 7, "nearly every top-level task supports some goal"


def test_inference_is_deterministic(seed: Extraction, seed_text: str, inferred: list[LinkRecord]) -> None:
    assert infer_links(seed.goals, seed.directions, seed.tasks, seed_text) == inferred


def test_a_task_span_outside_the_document_is_refused(seed: Extraction) -> None:
    task = TaskRecord(id="t", name="x", text="x", span=(0, 10_000))
    with pytest.raises(ValueError, match="outside the document"):
        infer_links(seed.goals, seed.directions, [task], "短文本")


# ---------------------------------------------------------------- overrides


def _apply(
    seed: Extraction, links: list[LinkRecord], path: Path | None, plan_id: str | None = None
) -> list[LinkRecord]:
    return apply_overrides(
        links,
        plan_id or seed.plan.id,
        path,
        goals=seed.goals,
        directions=seed.directions,
        tasks=seed.tasks,
    )


def _write(tmp_path: Path, entries: object) -> Path:
    path = tmp_path / "overrides.yaml"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    return path


def test_no_overrides_file_leaves_links_alone(seed: Extraction, inferred: list[LinkRecord]) -> None:
    assert _apply(seed, inferred, None) == inferred


def test_the_example_file_adds_and_removes_by_name(seed: Extraction, inferred: list[LinkRecord]) -> None:
    added = ("SUPPORTS", "建设规范有序的信息安全体系", "基础支撑能级跃升")
    removed = ("ALIGNS_WITH", "推动“互联网+”传统产业融合创新", "推动基于大数据的精细化建设")
    assert added not in _named(inferred, seed) and removed in _named(inferred, seed)
    result = _apply(seed, inferred, EXAMPLE_OVERRIDES)
    named = _named(result, seed)
    assert added in named and removed not in named
    assert len(result) == len(inferred)
    new = next(link for link in result if _named([link], seed) == {added})
    task = next(t for t in seed.tasks if t.name == added[1])
    assert (new.method, new.score, new.span, new.source) == (OVERRIDE_METHOD, 1.0, task.span, task.id)


def test_overrides_for_another_plan_are_ignored(
    seed: Extraction, inferred: list[LinkRecord], tmp_path: Path
) -> None:
    path = _write(
        tmp_path, [{"plan": "plan-other", "action": "add", "task": "no such task", "goal": "nothing"}]
    )
    assert _apply(seed, inferred, path) == inferred


def test_an_override_may_use_ids_and_replaces_an_inferred_link(
    seed: Extraction, inferred: list[LinkRecord], tmp_path: Path
) -> None:
    link = next(link for link in inferred if link.type == "SUPPORTS")
    path = _write(
        tmp_path,
        {"overrides": [{"plan": seed.plan.id, "action": "add", "task": link.source, "goal": link.target}]},
    )
    result = _apply(seed, inferred, path)
    replaced = [r for r in result if (r.type, r.source, r.target) == (link.type, link.source, link.target)]
    assert len(replaced) == 1 and replaced[0].method == OVERRIDE_METHOD and replaced[0].score == 1.0
    assert len(result) == len(inferred)


def test_an_unknown_name_for_this_plan_is_a_clear_error(
    seed: Extraction, inferred: list[LinkRecord], tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            {
                "plan": seed.plan.id,
                "action": "add",
                "task": "建设规范有序的信息安全体系",
                "goal": "不存在的目标",
            }
        ],
    )
    with pytest.raises(ValueError, match=r"override #1 .*不存在的目标"):
        _apply(seed, inferred, path)
    # A "*" entry is skipped by plans that lack the names.
    wildcard = _write(
        tmp_path, [{"plan": "*", "action": "remove", "task": "别的规划的任务", "direction": "x"}]
    )
    assert _apply(seed, inferred, wildcard) == inferred


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"plan": "*", "action": "replace", "task": "a", "goal": "b"}, "action must be"),
        ({"plan": "*", "action": "add", "task": "a"}, "exactly one of 'goal' or 'direction'"),
        ({"plan": "*", "action": "add", "task": "a", "goal": "b", "direction": "c"}, "exactly one of"),
        ({"plan": "*", "action": "add", "task": "", "goal": "b"}, "'task' must be"),
        ({"plan": "*", "action": "add", "task": "a", "goal": "b", "score": 0.5}, "unknown keys"),
        ("add everything", "must be a mapping"),
    ],
)
def test_malformed_entries_are_refused(
    seed: Extraction, inferred: list[LinkRecord], tmp_path: Path, entry: object, message: str
) -> None:
    path = _write(tmp_path, [entry])
    with pytest.raises(ValueError, match=message):
        _apply(seed, inferred, path)


def test_a_missing_or_broken_file_is_a_clear_error(
    seed: Extraction, inferred: list[LinkRecord], tmp_path: Path
) -> None:
    with pytest.raises(ValueError, match="does not exist"):
        _apply(seed, inferred, tmp_path / "absent.yaml")
    broken = tmp_path / "broken.yaml"
    broken.write_text("overrides: [unclosed", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        _apply(seed, inferred, broken)


def test_names_resolve_only_with_records(
    inferred: list[LinkRecord], seed: Extraction, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            {
                "plan": seed.plan.id,
                "action": "remove",
                "task": "推动民生信息普惠提质增效",
                "goal": "信息服务普惠民生",
            }
        ],
    )
    with pytest.raises(ValueError, match="no records were passed"):
        apply_overrides(inferred, seed.plan.id, path)
    assert len(_apply(seed, inferred, path)) == len(inferred) - 1
