"""Train the sentence model (task / goal / other) the prose reader consults for reports and interpretations.

Training sentences come labelled for free from the real-document gold: every sentence of a gold document is
`task` when at least half of it lies in the gold's task texts, `goal` when in its goal texts, `other`
otherwise (sentences in acceptable or doubtful texts are left out, as the gold leaves them open).
Documents: the outside batches (TRAINING_SPLITS: every tests/gold/<batch>/docs) and the corpus gold of the
dev split — never the frozen or fresh corpus documents, nor the batches kept unseen for scoring
(HELD_OUT_SPLITS).

Character 1–3-grams (scikit-learn's TfidfVectorizer) and a logistic regression; the fitted vocabulary, idf
and weights are written to plankg/loaders/models/sentence_kinds.json.gz, which plankg reads offline with no
scikit-learn (plankg/loaders/sentence_model.py). Needs the `train` extra: pip install -e ".[train]".

Usage: python scripts/train_sentence_model.py [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:  # scikit-learn is needed to train, not to import this module
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from plankg.loaders.reading import read_document  # noqa: E402
from plankg.loaders.sentence_model import MODEL_PATH, model_text  # noqa: E402
from plankg.loaders.task_sentences import line_sentences  # noqa: E402

GOLD = REPO / "tests" / "gold"
CORPUS = REPO.parent / "shared" / "corpus"  # ../shared beside the checkout
# Batches kept unseen, scored once before they could join the training (sealed5 to sealed8 did). The early
# ones still unseen are listed; from sealed73 on every batch is held out, so a new one is unseen by default.
_HELD_OUT_BEFORE_73 = (19, 21, 48, 49, 50, 55, 56, 61, 62, 65, 66, 67, 68, 69, 70)
_HELD_OUT_FROM = 73


def _batch_number(split: str) -> int | None:
    number = split.removeprefix("sealed")
    return int(number) if split.startswith("sealed") and number.isdigit() else None


HELD_OUT_SPLITS: tuple[str, ...] = tuple(
    sorted(
        (
            path.parent.name
            for path in GOLD.glob("sealed*/docs")
            if (n := _batch_number(path.parent.name)) is not None
            and (n in _HELD_OUT_BEFORE_73 or n >= _HELD_OUT_FROM)
        ),
        key=_batch_number,
    )
)
# every batch of outside documents (tests/gold/<batch>/docs) not held out
TRAINING_SPLITS = tuple(
    sorted(path.parent.name for path in GOLD.glob("*/docs") if path.parent.name not in HELD_OUT_SPLITS)
)
CORPUS_EXCLUDED = ("frozen", "fresh")
LEFT_OPEN = ("acceptable_goals", "doubtful_tasks", "acceptable_tasks", "overall_goal")  # neither way
COVERED = 0.5  # share of a sentence inside gold texts that gives it their label
SETTINGS = {"ngram_range": (1, 3), "min_df": 2, "sublinear_tf": True, "C": 4.0}


def gold_documents() -> list[tuple[Path, Path]]:
    """(gold file, document) of every training document."""
    found = [
        (gold_path, GOLD / split / "docs" / f"{gold_path.stem}.txt")
        for split in TRAINING_SPLITS
        for gold_path in sorted((GOLD / split).glob("*.json"))
    ]
    splits = yaml.safe_load((GOLD / "real" / "splits.yaml").read_text(encoding="utf-8")) or {}
    excluded = {doc for name in CORPUS_EXCLUDED for doc in splits.get(name) or []}
    for gold_path in sorted((GOLD / "real").rglob("*.json")):
        document = gold_path.relative_to(GOLD / "real").with_suffix(".txt").as_posix()
        if document not in excluded:
            found.append((gold_path, CORPUS / document))
    return found


def _texts(entries: list | None) -> list[str]:
    texts = []
    for entry in entries or []:
        if isinstance(entry, str):
            texts.append(entry)
            continue
        texts.append(entry.get("text") or "")
        subtasks = entry.get("subtasks") or []
        texts += [sub if isinstance(sub, str) else sub.get("text") or "" for sub in subtasks]
    return [text for text in texts if text]


def _as_list(value: list | str | dict | None) -> list:
    return value if isinstance(value, list) else [value] if value else []


def _spans(text: str, texts: list[str]) -> list[tuple[int, int]]:
    return [(at, at + len(t)) for t in texts if (at := text.find(t)) >= 0]


def _share(start: int, end: int, spans: list[tuple[int, int]]) -> float:
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return min(1.0, inside / max(1, end - start))


def labelled_sentences() -> tuple[list[str], list[str]]:
    """Sentences of the training documents and their labels (not_a_plan documents hold no items: left out)."""
    sentences_out: list[str] = []
    labels: list[str] = []
    for gold_path, path in gold_documents():
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if gold.get("genre") == "not_a_plan":
            continue
        text = read_document(path).text
        tasks, goals = _spans(text, _texts(gold.get("tasks"))), _spans(text, _texts(gold.get("goals")))
        left_open = _spans(text, [t for key in LEFT_OPEN for t in _texts(_as_list(gold.get(key)))])
        for start, end in line_sentences(text):
            if _share(start, end, tasks) >= COVERED:
                label = "task"
            elif _share(start, end, goals) >= COVERED:
                label = "goal"
            elif _share(start, end, left_open) >= COVERED:
                continue
            else:
                label = "other"
            sentences_out.append(model_text(text[start:end]))
            labels.append(label)
    return sentences_out, labels


def fit(texts: list[str], labels: list[str]) -> tuple[TfidfVectorizer, LogisticRegression]:
    """The fitted scikit-learn vectorizer and classifier."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(
        analyzer="char", ngram_range=SETTINGS["ngram_range"], min_df=SETTINGS["min_df"], sublinear_tf=True
    )
    features = vectorizer.fit_transform(texts)
    classifier = LogisticRegression(C=SETTINGS["C"], class_weight="balanced", max_iter=5000)
    return vectorizer, classifier.fit(features, labels)


def model_data(vectorizer: TfidfVectorizer, classifier: LogisticRegression, **counted: int) -> dict:
    """The fitted model as plain data: n-grams, their idf, one weight row and intercept per class (one row
    for two classes); `counted` says what it was trained on (sentences=…, documents=…)."""
    return {
        "classes": [str(c) for c in classifier.classes_],
        "ngram_range": list(SETTINGS["ngram_range"]),
        "ngrams": sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get),
        "idf": [round(float(v), 6) for v in vectorizer.idf_],
        "coef": [[round(float(v), 6) for v in row] for row in classifier.coef_],
        "intercept": [round(float(v), 6) for v in classifier.intercept_],
        "trained_on": {"splits": [*TRAINING_SPLITS, "corpus dev"], **counted},
    }


def write_model_data(model: dict, path: Path) -> None:
    """A model's plain data as gzipped JSON, with no time stamp: the same gold gives the same file."""
    data = json.dumps(model, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as out:
        out.write(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    texts, labels = labelled_sentences()
    model = model_data(*fit(texts, labels), sentences=len(texts))
    write_model_data(model, args.out)
    counts = {label: labels.count(label) for label in model["classes"]}
    print(f"{len(texts)} sentences {counts}, {len(model['ngrams'])} n-grams -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
