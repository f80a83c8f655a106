"""Extraction accuracy against hand-written gold annotations (tests/gold/*.yaml).

Each gold file was written from reading its document, not from the extractor's output. Entities match
by normalised name (equal, or one a prefix of the other, for clause-long names) or by overlapping span;
indicators by value + unit + comparator (+ baseline when the gold gives one). Matching is one-to-one.
F1 must be ≥ 0.95 per type on every gold document. Spans index the decoded text (`read_document`), so
.html pages score like .txt files; `render: docx` re-renders a gold .txt as a Word file at test time,
`render: gb18030` saves it in that encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.shared import Pt

from plankg.loaders import extract_path, read_document
from plankg.ontology.records import Extraction
from tests.support.corpus import GOLD_DIR, corpus_dir

MIN_F1 = 0.95
GOLD_FILES = sorted(p for p in GOLD_DIR.glob("*.yaml") if not p.name.endswith("_links.yaml"))


def gold_document(gold: dict[str, Any]) -> Path:
    where, name = gold["document"].split("/", 1)
    return corpus_dir() / name if where == "corpus" else GOLD_DIR / where / name


def render_docx(source: Path, target: Path) -> Path:
    """The .txt as an office worker's Word file: one paragraph per line, indent as formatting, not spaces."""
    document = docx.Document()
    for line in source.read_text(encoding="utf-8").splitlines():
        stripped = line.strip(" \u3000")
        if not stripped:
            continue
        paragraph = document.add_paragraph()
        run = paragraph.add_run(stripped)
        if line.startswith("\u3000"):
            paragraph.paragraph_format.first_line_indent = Pt(24)
        if stripped.startswith(("一、", "二、", "三、", "四、", "五、")):
            run.bold = True
    document.save(str(target))
    return target


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


def indicator_names_match(predicted: str, gold: str) -> bool:
    """Lenient: the gold name inside the extracted one or the other way round (after normalising)."""
    p, g = norm(predicted), norm(gold)
    return bool(p) and (g in p or p in g)


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


def indicator_name_score(extraction: Extraction, gold: dict[str, Any]) -> Score:
    """One-to-one over value + unit + comparator + name: how many gold indicators get their name right."""

    def same(record: Any, expected: dict[str, Any]) -> bool:
        return indicator_same(record, expected) and indicator_names_match(record.name, str(expected["name"]))

    named = [g for g in gold.get("indicators") or [] if g.get("name")]
    return match_one_to_one(extraction.indicators, named, same)


def load_case(gold_path: Path, workdir: Path) -> tuple[dict[str, Any], Extraction, str]:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    path = gold_document(gold)
    if gold.get("render") == "docx":
        path = render_docx(path, workdir / (path.stem + ".docx"))
    elif gold.get("render") == "gb18030":
        rendered = workdir / (path.stem + ".gb18030.txt")
        rendered.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
        path = rendered
    extraction = extract_path(path)
    return gold, extraction, read_document(path).text


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def gold_case(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[dict[str, Any], Extraction, str]:
    return load_case(request.param, tmp_path_factory.mktemp("gold"))


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


def test_indicator_names(gold_case: tuple[dict[str, Any], Extraction, str]) -> None:
    """Names say what is measured: the gold name within the extracted one or vice versa, ≥ 0.9 of them."""
    gold, extraction, _ = gold_case
    score = indicator_name_score(extraction, gold)
    assert score.recall >= 0.9, f"{gold['document']}: {score.tp} of {score.gold} indicator names match"


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
