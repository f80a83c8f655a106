"""A sentence's kind — task, goal or other — weighed by a model learned from real documents' gold.

Rules say what a task looks like in an official text's numbered items; reports and interpretations tell
theirs in sentences of every shape. The model (character 1–3-grams, tf-idf, logistic regression, trained
by scripts/train_sentence_model.py with scikit-learn) ships as plain data in models/sentence_kinds.json.gz
and is applied with numpy, no scikit-learn (plankg/loaders/ngram_model.py): tens of microseconds a sentence.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from plankg.loaders.ngram_model import CharNgramModel, model_from_data, read_model_data

MODEL_PATH = Path(__file__).with_name("models") / "sentence_kinds.json.gz"
PREFIX_CHARS = 120  # a sentence's kind shows in its opening; the tail of a long one is its detail
# Half-width punctuation reads as full-width (the gold is mostly full-width; a sentence's kind is the same)
_FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")


def model_text(sentence: str) -> str:
    """What the model reads of a sentence, in training and at run time alike."""
    return sentence[:PREFIX_CHARS].translate(_FULL_WIDTH)


@cache
def sentence_model(path: Path = MODEL_PATH) -> CharNgramModel:
    return model_from_data(read_model_data(path))
