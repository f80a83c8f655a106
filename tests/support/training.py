"""The models' training scripts (scripts/train_sentence_model.py, train_goal_clause_model.py,
train_genre_model.py), loaded as modules: the one way tests and benchmarks reach their gold reading and their
scikit-learn fit."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from tests.support.corpus import run_python, script_module


def training_script(name: str = "train_sentence_model") -> ModuleType:
    return script_module("scripts", name)


def last_warning_without_scikit_learn(path: Path) -> str:
    """The last warning of `path`'s extraction in a fresh interpreter where importing scikit-learn fails:
    the shipped models must be read without it."""
    program = (
        "import sys; sys.modules['sklearn'] = None\n"  # any `import sklearn` now raises ImportError
        "from plankg.loaders.extract import extract_path\n"
        f"print(extract_path({str(path)!r}).warnings[-1])\n"
    )
    run = run_python("-c", program)
    assert run.returncode == 0, run.stderr
    return run.stdout
