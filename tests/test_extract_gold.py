"""Extraction accuracy against hand-written gold annotations (tests/gold/*.yaml).

Each gold file was written from reading its document, not from the extractor's output. Entities match
by normalised name (equal, or one a prefix of the other, for clause-long names) or by overlapping span;
indicators by value + unit + comparator (+ baseline when the gold gives one). Matching is one-to-one.
F1 must be ≥ 0.95 per type on every gold document.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from plankg.loaders import extract_path
from plankg.ontology.records import Extraction

GOLD_DIR = Path(__file__).parent / "gold"
REPO = Path(__file__).resolve().parent.parent
MIN_F1 = 0.95
GOLD_FILES = sorted(p for p in GOLD_DIR.glob("*.yaml") if not p.name.endswith("_links.yaml"))


def corpus_dir() -> Path:
    for candidate in (
        Path(os.environ.get("PLANKG_CORPUS_DIR", "/nonexistent")),
        REPO.parent / "shared" / "corpus",  # CI: shared/ beside the clone
        Path("/work/shared/corpus"),
    ):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("shared/corpus not found; set PLANKG_CORPUS_DIR")


def gold_document(gold: dict[str, Any]) -> Path:
    where, name = gold["document"].split("/", 1)
    return corpus_dir() / name if where == "corpus" else GOLD_DIR / where / name


def norm(text: str) -> str:
    return re.sub(r"[\s\u3000“”\"'‘’「」《》，,。；;：:、！？!?（）()]", "", text)


def names_match(predicted: str, gold: str) -> bool:
    p, g = norm(predicted), norm(gold)
    if p == g:
        return True
    shorter = min(len(p), len(g))
    return shorter >= 4 and (p.startswith(g) or g.startswith(p))


@dataclass
class Score:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def match_one_to_one(predicted: list[Any], gold: list[Any], same: Any) -> Score:
    free = list(range(len(predicted)))
    tp = 0
    for g in gold:
        for index in free:
            if same(predicted[index], g):
                free.remove(index)
                tp += 1
                break
    return Score(tp, len(predicted), len(gold))


def entity_matcher(text: str) -> Any:
    def same(record: Any, gold_name: str) -> bool:
        if names_match(record.name, gold_name):
            return True
        # overlapping span: the gold name occurs inside the predicted record's span
        start = text.find(gold_name)
        while start != -1:
            if record.span[0] <= start < record.span[1]:
                return norm(gold_name) in norm(record.text)
            start = text.find(gold_name, start + 1)
        return False

    return same


def indicator_same(record: Any, gold: dict[str, Any]) -> bool:
    if abs(record.value - float(gold["value"])) > 1e-9 or record.unit != str(gold["unit"]):
        return False
    if record.comparator != gold["comparator"]:
        return False
    return not (
        "baseline" in gold and (record.baseline is None or abs(record.baseline - gold["baseline"]) > 1e-9)
    )


def score_document(extraction: Extraction, text: str, gold: dict[str, Any]) -> dict[str, Score]:
    same = entity_matcher(text)
    top_tasks = [t for t in extraction.tasks if t.parent is None]
    subtasks = [t for t in extraction.tasks if t.parent is not None]
    gold_tasks = gold.get("tasks") or []
    gold_subtasks = [s for t in gold_tasks for s in (t.get("subtasks") or [])]
    scores = {
        "goals": match_one_to_one(extraction.goals, gold.get("goals") or [], same),
        "directions": match_one_to_one(extraction.directions, gold.get("directions") or [], same),
        "tasks": match_one_to_one(top_tasks, [t["name"] for t in gold_tasks], same),
        "subtasks": match_one_to_one(subtasks, gold_subtasks, same),
        "indicators": match_one_to_one(extraction.indicators, gold.get("indicators") or [], indicator_same),
    }
    return scores


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def gold_case(request: pytest.FixtureRequest) -> tuple[dict[str, Any], Extraction, str]:
    gold = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    path = gold_document(gold)
    extraction = extract_path(path)
    text = path.read_text(encoding="utf-8")
    return gold, extraction, text


def test_gold_files_exist() -> None:
    assert len(GOLD_FILES) >= 5


@pytest.mark.parametrize("kind", ["goals", "directions", "tasks", "subtasks", "indicators"])
def test_f1_per_type(gold_case: tuple[dict[str, Any], Extraction, str], kind: str) -> None:
    gold, extraction, text = gold_case
    score = score_document(extraction, text, gold)[kind]
    assert score.f1 >= MIN_F1, (
        f"{gold['document']} {kind}: P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f} "
        f"({score.tp} matched of {score.predicted} predicted, {score.gold} gold)"
    )


def test_plan_metadata(gold_case: tuple[dict[str, Any], Extraction, str]) -> None:
    gold, extraction, _ = gold_case
    plan = extraction.plan
    for key, expected in gold["plan"].items():
        assert getattr(plan, key) == expected, f"{gold['document']}: plan.{key}"


def test_indicator_details(gold_case: tuple[dict[str, Any], Extraction, str]) -> None:
    """Where the gold gives a target year or normalised value, the matched indicator has it."""
    gold, extraction, _ = gold_case
    for expected in gold.get("indicators") or []:
        matches = [i for i in extraction.indicators if indicator_same(i, expected)]
        assert matches, f"no indicator {expected}"
        if "target_year" in expected:
            assert any(i.target_year == expected["target_year"] for i in matches), expected
        if "normalized_value" in expected:
            assert any(abs((i.normalized_value or 0) - expected["normalized_value"]) < 1e-3 for i in matches)


def test_warning_count(gold_case: tuple[dict[str, Any], Extraction, str]) -> None:
    gold, extraction, _ = gold_case
    assert len(extraction.warnings) == gold.get("warnings", 0), extraction.warnings
