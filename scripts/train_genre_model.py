"""Train the genre model: is a document the rules read as a report or interpretation news on no plan?

Documents and their labels come from the real-document gold: the training documents of
scripts/train_sentence_model.py (never the frozen or fresh corpus documents) and the held-out batches read
after their first score (READ_BATCHES, never the untouched ones), each labelled by its gold genre
(not_a_plan or on_a_plan). Each reads as plankg/loaders/genre_model.py
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
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # scikit-learn is needed to train, not to import this module
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]
from train_sentence_model import GOLD, fit, gold_documents, write_model_data  # noqa: E402
from train_sentence_model import model_data as ngram_model_data  # noqa: E402

from plankg.loaders.genre_model import MODEL_PATH, NO_PLAN, ON_A_PLAN, model_text  # noqa: E402
from plankg.loaders.reading import read_document  # noqa: E402

# Batches held out of the sentence and goal models' training and read after their first score (developed
# on, never in the untouched figure): 130 People's Daily and Shanghai documents, 46 of them not plans —
# features, statistics, news of rules — where the training batches hold few news pages on no plan (10 of
# the 368 documents the rules read as news). Learning from them, the model silences more such pages
# (benchmarks/ACCURACY.md, thirty-second session).
READ_BATCHES = tuple(f"sealed{n}" for n in (*range(89, 105), *range(109, 113), 150, 152, 164, 226, 230, 231))


def training_documents() -> list[tuple[Path, Path]]:
    """(gold file, document) of every document the genre model learns from."""
    read = [
        (gold_path, GOLD / batch / "docs" / f"{gold_path.stem}.txt")
        for batch in READ_BATCHES
        for gold_path in sorted((GOLD / batch).glob("*.json"))
    ]
    return gold_documents() + read


def model_data(vectorizer: TfidfVectorizer, classifier: LogisticRegression, **counted: int) -> dict:
    """The sentence model's plain data of the fit, naming the read batches among what it was trained on."""
    model = ngram_model_data(vectorizer, classifier, **counted)
    model["trained_on"]["splits"] += READ_BATCHES
    return model


def labelled_documents() -> tuple[list[str], list[str]]:
    """What the model reads of each training document, and its gold genre as the model's label."""
    texts: list[str] = []
    labels: list[str] = []
    for gold_path, path in training_documents():
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
