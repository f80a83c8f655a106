"""The sentence model's training script (scripts/train_sentence_model.py), loaded as a module: the one way
tests and benchmarks reach its gold reading and its scikit-learn fit."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.support.corpus import REPO


def training_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "train_sentence_model", REPO / "scripts" / "train_sentence_model.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
