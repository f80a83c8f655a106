"""A text's class weighed by character n-grams: the plain-Python reading of a scikit-learn pipeline.

The training scripts fit tf-idf over character 1–3-grams and a logistic regression with scikit-learn and
write them as plain data (gzipped JSON); this module applies them with numpy, no scikit-learn at run time
and nothing fetched. The sentence model (a sentence's kind) and the genre model (news on no plan) are two.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char analyzer folds them


@dataclass(frozen=True)
class CharNgramModel:
    classes: tuple[str, ...]
    ngram_range: tuple[int, int]
    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # one row per class, or one row of the second class when there are two
    intercept: np.ndarray

    def probabilities(self, text: str) -> dict[str, float]:
        """P(class) of a text, as scikit-learn's predict_proba gives it for the trained pipeline."""
        text = _WHITE_SPACES.sub(" ", text.lower())
        low, high = self.ngram_range
        counts: Counter[str] = Counter()
        for n in range(low, high + 1):  # n shifted copies zipped: the n-grams in order, at C speed
            counts.update(text if n == 1 else map("".join, zip(*(text[k:] for k in range(n)), strict=False)))
        columns = np.fromiter(map(self.index.get, counts, repeat(-1)), dtype=np.int64, count=len(counts))
        known = columns >= 0
        columns = columns[known]
        frequencies = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[known]
        weights = (1.0 + np.log(frequencies)) * self.idf[columns]  # sublinear tf times idf
        norm = math.sqrt(float(weights @ weights)) or 1.0
        scores = self.intercept + (self.coef[:, columns] @ weights) / norm
        if len(scores) == 1:  # two classes: the one row scores the second against the first
            scores = np.array([0.0, scores[0]])
        exps = np.exp(scores - scores.max())
        return dict(zip(self.classes, (exps / exps.sum()).tolist(), strict=True))


def read_model_data(path: Path) -> dict:
    """The plain data a training script wrote (scripts/train_sentence_model.py's write_model_data)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def model_from_data(data: dict) -> CharNgramModel:
    """A model from the plain data a training script writes."""
    return CharNgramModel(
        classes=tuple(str(c) for c in data["classes"]),
        ngram_range=(data["ngram_range"][0], data["ngram_range"][1]),
        index={ngram: i for i, ngram in enumerate(data["ngrams"])},
        idf=np.asarray(data["idf"], dtype=np.float64),
        coef=np.asarray(data["coef"], dtype=np.float64),
        intercept=np.asarray(data["intercept"], dtype=np.float64),
    )
