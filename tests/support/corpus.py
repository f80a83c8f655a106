"""Where the shared corpus is: ../shared/corpus beside this checkout (CI clones the repository with
shared/ next to it), or PLANKG_CORPUS_DIR. The one place tests and benchmarks find documents; no
machine's absolute path. Tests and benchmarks import it as `tests.support.corpus`."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[2]  # tests/support/corpus.py -> the checkout
GOLD_DIR = REPO / "tests" / "gold"  # hand-written annotations, kept in the repository
SEED_NAME = "qingdao-informatization-13th-fyp.txt"


def corpus_dir() -> Path:
    """PLANKG_CORPUS_DIR when set, else ../shared/corpus relative to the checkout."""
    configured = os.environ.get("PLANKG_CORPUS_DIR")
    corpus = Path(configured) if configured else REPO.parent / "shared" / "corpus"
    if not corpus.is_dir():
        raise FileNotFoundError(
            f"the shared corpus is not at {corpus}: put shared/ beside the checkout or set PLANKG_CORPUS_DIR"
        )
    return corpus


CORPUS = corpus_dir()
SEED_DOCUMENT = CORPUS / SEED_NAME


def run_python(*args: str) -> subprocess.CompletedProcess[str]:
    """`python <args>` in the checkout with the checkout importable, as a developer runs its scripts; its
    output captured as text."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )


def script_module(folder: str, script: str) -> ModuleType:
    """<folder>/<script>.py of the checkout (scripts/, benchmarks/) loaded afresh as a module, registered
    under its name first: its dataclasses look their module up."""
    spec = importlib.util.spec_from_file_location(script, REPO / folder / f"{script}.py")
    assert spec and spec.loader
    module = sys.modules[script] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
