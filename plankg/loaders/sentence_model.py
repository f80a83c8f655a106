"""A sentence's kind — task, goal or other — weighed by a model learned from real documents' gold.

Rules say what a task looks like in an official text's numbered items; reports and interpretations tell
theirs in sentences of every shape. The model (character 1–3-grams, tf-idf, logistic regression, trained
by scripts/train_sentence_model.py with scikit-learn) ships as plain data in models/sentence_kinds.json.gz
and is applied here in plain Python: no scikit-learn at run time, nothing fetched, microseconds a sentence.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("models") / "sentence_kinds.json.gz"
PREFIX_CHARS = 120  # a sentence's kind shows in its opening; the tail of a long one is its detail
_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char analyzer folds them
# Half-width punctuation reads as full-width (the gold is mostly full-width; a sentence's kind is the same)
_FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")


def model_text(sentence: str) -> str:
    """What the model reads of a sentence, in training and at run time alike."""
    return sentence[:PREFIX_CHARS].translate(_FULL_WIDTH)


@dataclass(frozen=True)
class SentenceModel:
    classes: tuple[str, ...]
    ngram_range: tuple[int, int]
    index: dict[str, int]
    idf: list[float]
    coef: list[list[float]]
    intercept: list[float]

    def probabilities(self, sentence: str) -> dict[str, float]:
        """P(kind) for each kind, as scikit-learn's predict_proba gives it for the trained pipeline."""
        text = _WHITE_SPACES.sub(" ", model_text(sentence).lower())
        low, high = self.ngram_range
        counts = Counter(text[i : i + n] for n in range(low, high + 1) for i in range(len(text) - n + 1))
        weights = {}
        for ngram, count in counts.items():
            if (column := self.index.get(ngram)) is not None:
                weights[column] = (1.0 + math.log(count)) * self.idf[column]
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        scores = [
            bias + sum(row[column] * w for column, w in weights.items()) / norm
            for row, bias in zip(self.coef, self.intercept, strict=True)
        ]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {kind: e / total for kind, e in zip(self.classes, exps, strict=True)}


def read_model_data(path: Path) -> dict:
    """The plain data a training script wrote (scripts/train_sentence_model.py's write_model_data)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


@cache
def sentence_model(path: Path = MODEL_PATH) -> SentenceModel:
    return model_from_data(read_model_data(path))


def model_from_data(data: dict) -> SentenceModel:
    """A model from the plain data scripts/train_sentence_model.py writes."""
    return SentenceModel(
        classes=tuple(data["classes"]),
        ngram_range=(data["ngram_range"][0], data["ngram_range"][1]),
        index={ngram: i for i, ngram in enumerate(data["ngrams"])},
        idf=data["idf"],
        coef=data["coef"],
        intercept=data["intercept"],
    )
