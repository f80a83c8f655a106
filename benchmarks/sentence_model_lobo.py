"""What the sentence model adds on documents it never saw: leave-one-batch-out over the real-document gold.

For each training batch (the outside batches and the corpus dev gold, as scripts/train_sentence_model.py
lists them), a model is trained on every other batch and the batch is extracted twice: by the rules alone
and with that model weighing reports' tasks (plankg/loaders/task_sentences.py). Both are scored with
../shared/tools/score_region.py; printed: mean per-document min-F1 per batch, rules alone beside rules +
model, over all documents and over reports and interpretations, beside TARGET.

The batches held out of training (HELD_OUT_SPLITS) are extracted by the shipped model instead: see
benchmarks/extract_accuracy.py --split sealed5. Needs the `train` extra (scikit-learn). About 3 minutes.

Usage: python benchmarks/sentence_model_lobo.py [--json]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
import plankg.loaders.extract as extract_module  # noqa: E402
import plankg.loaders.task_sentences as task_sentences  # noqa: E402
from plankg.cli.document_commands import extraction_json  # noqa: E402
from plankg.loaders.ngram_model import model_from_data  # noqa: E402
from tests.support.training import training_script  # noqa: E402

TARGET = 0.90
REPORT_GENRES = ("plan_report", "plan_interpretation")


def _batch_of(path: Path) -> str:
    """tests/gold/<batch>/docs/<doc>.txt -> batch; a corpus document -> corpus."""
    parts = path.resolve().parts
    return parts[parts.index("gold") + 1] if "gold" in parts and "docs" in parts else "corpus"


def _accuracy_benchmark() -> ModuleType:
    """benchmarks/extract_accuracy.py, imported by path (benchmarks/ is not a package): its scoring."""
    spec = importlib.util.spec_from_file_location(
        "plankg_bench_accuracy", REPO / "benchmarks" / "extract_accuracy.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being defined
    spec.loader.exec_module(module)
    return module


def evaluate() -> dict:
    training = training_script()
    score_document = _accuracy_benchmark().score_document
    documents = training.gold_documents()
    batches: dict[str, list[tuple[Path, Path]]] = {}
    for gold_path, path in documents:
        batches.setdefault(_batch_of(path), []).append((gold_path, path))
    weigh = extract_module.weigh_tasks
    with_goal = extract_module.with_learned_goal  # measured apart (benchmarks/goal_clause_lobo.py): off here
    extract_module.with_learned_goal = lambda outline, genre: outline
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for batch, members in batches.items():
            others = [(g, p) for g, p in documents if _batch_of(p) != batch]
            training.gold_documents = lambda others=others: others  # train without this batch
            texts, labels = training.labelled_sentences()
            model = model_from_data(training.model_data(*training.fit(texts, labels), sentences=len(texts)))
            task_sentences.sentence_model = lambda model=model: model
            for gold_path, path in members:
                scores = {}
                for variant, weigher in (("rules", lambda outline: outline), ("model", weigh)):
                    extract_module.weigh_tasks = weigher
                    extraction = json.loads(extraction_json(extract_module.extract_path(path)))
                    scored = score_document(path.name, gold_path, extraction, Path(workdir), path.parent)
                    scores[variant] = scored.min_f1
                genre = extraction["document"]["genre"]
                rows.append({"batch": batch, "document": path.name, "genre": genre, **scores})
    extract_module.weigh_tasks = weigh
    extract_module.with_learned_goal = with_goal
    return {"target": TARGET, "documents": rows}


def _mean(rows: list[dict], key: str) -> float:
    return sum(row[key] for row in rows) / len(rows) if rows else float("nan")


def print_report(summary: dict) -> None:
    rows = summary["documents"]
    print(f"{'batch':<10}{'docs':>6}{'rules':>8}{'+model':>8}   (mean per-document min-F1, target {TARGET})")
    for batch in dict.fromkeys(row["batch"] for row in rows):
        members = [row for row in rows if row["batch"] == batch]
        print(f"{batch:<10}{len(members):>6}{_mean(members, 'rules'):>8.3f}{_mean(members, 'model'):>8.3f}")
    reports = [row for row in rows if row["genre"] in REPORT_GENRES]
    for name, members in (("all", rows), ("reports", reports)):
        print(f"{name:<10}{len(members):>6}{_mean(members, 'rules'):>8.3f}{_mean(members, 'model'):>8.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    summary = evaluate()
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print_report(summary)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
