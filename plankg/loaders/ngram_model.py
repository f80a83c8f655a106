"""A text's class weighed by character n-grams: a scikit-learn pipeline read without scikit-learn.

The training scripts fit tf-idf over character 1–3-grams and a logistic regression with scikit-learn and
write them as plain data (gzipped JSON); this module applies them with numpy, no scikit-learn at run time
and nothing fetched. The sentence model (a sentence's kind) and the genre model (news on no plan) are two.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_WHITE_SPACES = re.compile(r"\s\s+")  # as scikit-learn's char analyzer folds them
# An n-gram of up to three characters as one integer, 21 bits a character (every code point + 1 fits, so
# n-grams of different lengths never share a key): a text's n-grams are counted and looked up in numpy.
_BITS = 21


def ngram_key(ngram: str) -> int:
    key = 0
    for char in ngram:
        key = (key << _BITS) | (ord(char) + 1)
    return key


def _text_keys(text: str, low: int, high: int) -> np.ndarray:
    """The keys of every n-gram of `text` (low ≤ n ≤ high), in no particular order."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64) + 1
    parts = []
    for n in range(low, high + 1):
        count = len(points) - n + 1
        if count <= 0:
            continue
        keys = points[:count].copy()
        for k in range(1, n):
            keys = (keys << _BITS) | points[k : k + count]
        parts.append(keys)
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.int64)


@dataclass(frozen=True)
class CharNgramModel:
    classes: tuple[str, ...]
    ngram_range: tuple[int, int]
    keys: np.ndarray  # the vocabulary's n-gram keys, sorted
    columns: np.ndarray  # the column of each sorted key
    idf: np.ndarray
    coef: np.ndarray  # one row per class, or one row of the second class when there are two
    intercept: np.ndarray

    def probabilities(self, text: str) -> dict[str, float]:
        """P(class) of a text, as scikit-learn's predict_proba gives it for the trained pipeline."""
        text = _WHITE_SPACES.sub(" ", text.lower())
        keys, counts = np.unique(_text_keys(text, *self.ngram_range), return_counts=True)
        at = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        known = self.keys[at] == keys
        columns = self.columns[at[known]]
        weights = (1.0 + np.log(counts[known])) * self.idf[columns]  # sublinear tf times idf
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
    keys = np.fromiter(map(ngram_key, data["ngrams"]), dtype=np.int64, count=len(data["ngrams"]))
    order = np.argsort(keys)
    return CharNgramModel(
        classes=tuple(str(c) for c in data["classes"]),
        ngram_range=(data["ngram_range"][0], data["ngram_range"][1]),
        keys=keys[order],
        columns=order,
        idf=np.asarray(data["idf"], dtype=np.float64),
        coef=np.asarray(data["coef"], dtype=np.float64),
        intercept=np.asarray(data["intercept"], dtype=np.float64),
    )
