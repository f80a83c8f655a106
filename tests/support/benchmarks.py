"""Running a benchmark script exactly as a developer would, for its --json summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.support.corpus import REPO


def benchmark_json(script: str, *args: str) -> dict:
    """`python benchmarks/<script> <args> --json` in the checkout, its summary parsed (fails the test on a
    non-zero exit, with the script's error output)."""
    run = subprocess.run(
        [sys.executable, f"benchmarks/{script}", *args, "--json"],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)
