"""Running a benchmark script exactly as a developer would, for its --json summary."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

from tests.support.corpus import REPO, run_python


def benchmark_json(script: str, *args: str) -> dict:
    """`python benchmarks/<script> <args> --json` in the checkout, its summary parsed (fails the test on a
    non-zero exit, with the script's error output)."""
    run = run_python(f"benchmarks/{script}", *args, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def benchmark_module(script: str) -> ModuleType:
    """benchmarks/<script>.py loaded as a module, for the constants it declares (registered under its name
    first: its dataclasses look their module up)."""
    name = f"benchmarks_{script}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{script}.py")
        assert spec and spec.loader
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]
