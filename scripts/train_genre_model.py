"""Train the genre model: is a document the rules read as a report or interpretation news on no plan?

Documents and their labels come from the real-document gold: the same training documents as
scripts/train_sentence_model.py (never the frozen or fresh corpus documents, nor the batches held out),
each labelled by its gold genre (not_a_plan or on_a_plan). Each reads as plankg/loaders/genre_model.py
reads it at run time: the opening of its text. The fit and the model's plain data are the sentence
model's (character 1–3-grams, tf-idf, logistic regression), written to plankg/loaders/models/
genre_news.json.gz. Needs the `train` extra.

Usage: python scripts/train_genre_model.py [--out PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]
from train_sentence_model import fit, gold_documents, model_data, write_model_data  # noqa: E402

from plankg.loaders.genre_model import MODEL_PATH, NO_PLAN, ON_A_PLAN, model_text  # noqa: E402
from plankg.loaders.reading import read_document  # noqa: E402


def labelled_documents() -> tuple[list[str], list[str]]:
    """What the model reads of each training document, and its gold genre as the model's label."""
    texts: list[str] = []
    labels: list[str] = []
    for gold_path, path in gold_documents():
        genre = json.loads(gold_path.read_text(encoding="utf-8"))["genre"]
        texts.append(model_text(read_document(path).text))
        labels.append(NO_PLAN if genre == NO_PLAN else ON_A_PLAN)
    return texts, labels


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    texts, labels = labelled_documents()
    model = model_data(*fit(texts, labels), documents=len(texts))
    write_model_data(model, args.out)
    no_plan = labels.count(NO_PLAN)
    print(f"{len(texts)} documents ({no_plan} {NO_PLAN}), {len(model['ngrams'])} n-grams -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
