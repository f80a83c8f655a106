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
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
import plankg.loaders.extract as extract_module  # noqa: E402
import plankg.loaders.task_sentences as task_sentences  # noqa: E402
from plankg.cli.document_commands import extraction_json  # noqa: E402
from plankg.loaders.sentence_model import model_from_data  # noqa: E402
from tests.support.training import training_script  # noqa: E402

SCORER = REPO.parent / "shared" / "tools" / "score_region.py"
TARGET = 0.90
REPORT_GENRES = ("plan_report", "plan_interpretation")


def _batch_of(path: Path) -> str:
    """tests/gold/<batch>/docs/<doc>.txt -> batch; a corpus document -> corpus."""
    parts = path.resolve().parts
    return parts[parts.index("gold") + 1] if "gold" in parts and "docs" in parts else "corpus"


def _min_f1(extraction: dict, gold: dict, path: Path, workdir: Path) -> float:
    predicted, expected = workdir / "extraction.json", workdir / "gold.json"
    predicted.write_text(json.dumps(extraction, ensure_ascii=False), encoding="utf-8")
    expected.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCORER), str(predicted), str(expected), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(run.stdout.split("min_f1=")[1].split()[0])


def evaluate() -> dict:
    training = training_script()
    documents = training.gold_documents()
    batches: dict[str, list[tuple[dict, Path]]] = {}
    for gold, path in documents:
        batches.setdefault(_batch_of(path), []).append((gold, path))
    weigh = extract_module.weigh_tasks
    rows = []
    with tempfile.TemporaryDirectory() as workdir:
        for batch, members in batches.items():
            others = [(g, p) for g, p in documents if _batch_of(p) != batch]
            training.gold_documents = lambda others=others: others  # train without this batch
            texts, labels = training.labelled_sentences()
            model = model_from_data(training.model_data(*training.fit(texts, labels), sentences=len(texts)))
            task_sentences.sentence_model = lambda model=model: model
            for gold, path in members:
                scores = {}
                for variant, weigher in (("rules", lambda outline: outline), ("model", weigh)):
                    extract_module.weigh_tasks = weigher
                    extraction = json.loads(extraction_json(extract_module.extract_path(path)))
                    scores[variant] = _min_f1(extraction, gold, path, Path(workdir))
                genre = extraction["document"]["genre"]
                rows.append({"batch": batch, "document": path.name, "genre": genre, **scores})
    extract_module.weigh_tasks = weigh
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
