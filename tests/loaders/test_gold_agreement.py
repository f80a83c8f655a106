"""The gold of real documents from outside the corpus, and the second reader's gold beside it: every text a
gold names is copied from its document (else score_region could not place it and a reader's item would
silently count as missed), and benchmarks/gold_agreement.py scores every document both readers annotated."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.benchmarks import benchmark_json
from tests.support.corpus import REPO

GOLD = REPO / "tests" / "gold"
SECOND_READER = GOLD / "second_reader"
FIRST_READER_FILES = sorted(p for p in GOLD.glob("*/*.json") if (p.parent / "docs").is_dir())
SECOND_READER_FILES = sorted(SECOND_READER.glob("*/*.json"))
TEXT_KEYS = ("goals", "directions", "tasks", "acceptable_goals", "doubtful_tasks", "acceptable_tasks")


def texts_of(gold: dict) -> list[str]:
    """Every text a gold file places in its document: its items' and the optional texts (a sub-task may be
    given by its name, which score_region does not place)."""
    texts = []
    for key in TEXT_KEYS:
        for entry in gold.get(key) or []:
            if isinstance(entry, str):
                texts.append(entry)
                continue
            texts += [entry["text"]] if entry.get("text") else []
    return texts


def document_of(gold_path: Path) -> Path:
    if gold_path.is_relative_to(SECOND_READER):
        return GOLD / gold_path.parent.name / "docs" / f"{gold_path.stem}.txt"
    return gold_path.parent / "docs" / f"{gold_path.stem}.txt"


@pytest.mark.parametrize("gold_path", FIRST_READER_FILES + SECOND_READER_FILES, ids=lambda p: p.stem)
def test_every_gold_text_is_copied_from_its_document(gold_path: Path) -> None:
    document = document_of(gold_path).read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold["genre"] in {"plan", "plan_report", "plan_interpretation", "not_a_plan"}
    assert [text for text in texts_of(gold) if text not in document] == []


def test_the_second_reader_annotated_documents_that_have_first_gold() -> None:
    assert len(SECOND_READER_FILES) >= 15
    assert [p.name for p in SECOND_READER_FILES if not (GOLD / p.parent.name / p.name).is_file()] == []


def test_agreement_benchmark_scores_every_document_both_readers_annotated() -> None:
    summary = benchmark_json("gold_agreement.py")  # every batch, pooled
    expected = {(p.parent.name, f"{p.stem}.txt") for p in SECOND_READER_FILES}
    assert {(row["batch"], row["document"]) for row in summary["documents"]} == expected
    # a reader's gold scored against itself would be 1.00 everywhere; two readers differ somewhere
    assert 0 < summary["means"]["second_vs_first"] < 1
    for pair, kinds in summary["kind_means"].items():
        assert set(kinds) == {"goals", "tasks", "indicators"}, pair
        assert all(0 <= f1 <= 1 for f1 in kinds.values()), pair


def test_agreement_benchmark_scores_one_batch() -> None:
    batch = SECOND_READER_FILES[-1].parent.name
    summary = benchmark_json("gold_agreement.py", "--batch", batch)
    expected = {f"{p.stem}.txt" for p in SECOND_READER_FILES if p.parent.name == batch}
    assert {row["document"] for row in summary["documents"]} == expected
