"""Running a benchmark script exactly as a developer would, for its --json summary."""

from __future__ import annotations

import json
from types import ModuleType

from tests.support.corpus import run_python, script_module


def benchmark_json(script: str, *args: str) -> dict:
    """`python benchmarks/<script> <args> --json` in the checkout, its summary parsed (fails the test on a
    non-zero exit, with the script's error output)."""
    run = run_python(f"benchmarks/{script}", *args, "--json")
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def benchmark_module(script: str) -> ModuleType:
    """benchmarks/<script>.py loaded as a module, for the constants it declares."""
    return script_module("benchmarks", script)
