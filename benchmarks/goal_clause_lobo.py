"""What the goal-clause model adds on documents it never saw, two ways, over reports and interpretations.

1. Six-fold cross-validation over the training batches (scripts/train_goal_clause_model.py's documents):
   each fold's documents are extracted with no goal model and with one trained on the other five folds.
2. The batches held out of all training (HELD_OUT_SPLITS), extracted with no goal model and with the shipped
   one, which never saw them.
Both scored with ../shared/tools/score_region.py; printed: mean per-document min-F1 and goal F1 without and
with the model, documents up and down, beside TARGET.

The two differ on purpose and for a reason: the rules were tuned on the training batches until they found
no goal mostly where the gold has none, so there the model's goal is often one too many; on documents the
rules never saw, a report the rules find no goal in has one in the gold three times in four.
Needs the `train` extra (scikit-learn). About 4 minutes.

Usage: python benchmarks/goal_clause_lobo.py [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks"), str(REPO / "scripts")]
from sentence_model_lobo import REPORT_GENRES, TARGET, _accuracy_benchmark, _batch_of  # noqa: E402
from train_sentence_model import HELD_OUT_SPLITS  # noqa: E402

import plankg.loaders.extract as extract_module  # noqa: E402
import plankg.loaders.goal_clauses as goal_clauses  # noqa: E402
from plankg.cli.document_commands import extraction_json  # noqa: E402
from tests.support.training import training_script  # noqa: E402

FOLDS = 6


def _scored(
    documents: list[tuple[Path, Path]], model_for: Callable[[Path], goal_clauses.GoalClauseModel]
) -> list[dict]:
    """Each report or interpretation among `documents` scored without and with its goal model."""
    score_document = _accuracy_benchmark().score_document
    with_goal = extract_module.with_learned_goal
    rows = []
    try:
        with tempfile.TemporaryDirectory() as workdir:
            for gold_path, path in documents:
                row: dict = {"batch": _batch_of(path), "document": path.name}
                model = model_for(path)
                for variant, learned_goal in (
                    ("without", lambda outline, genre: outline),
                    ("with", lambda outline, genre, model=model: with_goal(outline, genre, model)),
                ):
                    extract_module.with_learned_goal = learned_goal
                    extraction = json.loads(extraction_json(extract_module.extract_path(path)))
                    if extraction["document"]["genre"] not in REPORT_GENRES:
                        break
                    scored = score_document(path.name, gold_path, extraction, Path(workdir), path.parent)
                    row[variant] = {"min_f1": scored.min_f1, "goal_f1": scored.f1.get("goals", 1.0)}
                else:
                    rows.append(row)
    finally:
        extract_module.with_learned_goal = with_goal
    return rows


def cross_validated(training: ModuleType) -> list[dict]:
    documents = training.gold_documents()
    batches = sorted({_batch_of(path) for _, path in documents})
    fold_of = {batch: i % FOLDS for i, batch in enumerate(batches)}
    clauses = {path: training.document_clauses(gold_path, path) for gold_path, path in documents}
    models = {}
    for fold in range(FOLDS):
        features: list[list[str]] = []
        labels: list[int] = []
        for path, (rows, marks) in clauses.items():
            if fold_of[_batch_of(path)] != fold:
                features += rows
                labels += marks
        fitted = training.model_data(*training.fit(features, labels), clauses=len(labels))
        models[fold] = goal_clauses.model_from_data(fitted)
    return _scored(documents, lambda path: models[fold_of[_batch_of(path)]])


def held_out() -> list[dict]:
    gold = REPO / "tests" / "gold"
    documents = [
        (gold_path, gold / split / "docs" / f"{gold_path.stem}.txt")
        for split in HELD_OUT_SPLITS
        for gold_path in sorted((gold / split).glob("*.json"))
    ]
    shipped = goal_clauses.goal_clause_model()
    return _scored(documents, lambda path: shipped)


def summary(rows: list[dict]) -> dict:
    def mean(variant: str, key: str) -> float:
        return round(statistics.mean(row[variant][key] for row in rows), 4) if rows else 0.0

    return {
        "documents": len(rows),
        "min_f1": {variant: mean(variant, "min_f1") for variant in ("without", "with")},
        "goal_f1": {variant: mean(variant, "goal_f1") for variant in ("without", "with")},
        "up": sum(row["with"]["min_f1"] > row["without"]["min_f1"] + 1e-9 for row in rows),
        "down": sum(row["with"]["min_f1"] < row["without"]["min_f1"] - 1e-9 for row in rows),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    training = training_script("train_goal_clause_model")
    results = {"cross-validated": summary(cross_validated(training)), "held out": summary(held_out())}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for name, result in results.items():
        print(
            f"{name:16} {result['documents']:3} reports and interpretations: min-F1 "
            f"{result['min_f1']['without']:.4f} -> {result['min_f1']['with']:.4f} (target {TARGET}), goal F1 "
            f"{result['goal_f1']['without']:.4f} -> {result['goal_f1']['with']:.4f}, "
            f"{result['up']} up, {result['down']} down"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
