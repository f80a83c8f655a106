"""Extraction cost against text size: seconds and peak memory at 1, 5, 20 and 50 MiB.

Each input is real corpus text (../shared/corpus documents, the frozen test split left out) run
together until it reaches the size; the "single-line" variant removes every line break, as a web page
flattened to one line gives it. Each row runs in a fresh process, so peak memory (ru_maxrss) is the
row's own; the one-time loading of the dictionaries and vocabulary is timed apart ("setup"). CPU seconds
are printed beside the wall-clock ones: on a shared machine they are the fairer figure.
Target (issue 9): 50 MiB extracted in < 60 s and < 2 GiB.

Usage: python benchmarks/extract_scaling.py [--sizes 1,5,20,50] [--layouts lines,single-line]
       [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FROZEN = {
    "gov-2019/gov13.txt",
    "gov-2019/gov01.txt",
    "gov-2019/gov35.txt",
    "news/cn_education_power_qa_2025.txt",
    "news/cn_ai_manufacturing_jiedu_2026.txt",
}
TARGET_MIB, TARGET_SECONDS, TARGET_GIB = 50, 60.0, 2.0


def corpus_dir(explicit: str | None) -> Path:
    for candidate in (Path(explicit) if explicit else None, REPO.parent / "shared" / "corpus"):
        if candidate is not None and candidate.is_dir():
            return candidate
    sys.exit("corpus not found; pass --corpus")


def build_text(corpus: Path, mib: float, layout: str) -> str:
    documents = [
        path.read_text(encoding="utf-8")
        for path in sorted(corpus.rglob("*.txt"))
        if path.relative_to(corpus).as_posix() not in FROZEN
    ]
    target = int(mib * 1024 * 1024)
    parts: list[str] = []
    size = 0
    while size < target:
        document = documents[len(parts) % len(documents)]
        parts.append(document)
        size += len(document.encode("utf-8")) + 1
    text = "\n".join(parts)
    return text.replace("\n", "") if layout == "single-line" else text


def measure(corpus: Path, mib: float, layout: str) -> dict[str, float]:
    """Run in a child process: setup, then one extraction; reports seconds and peak RSS."""
    import resource
    import time

    from plankg.loaders.extract import extract_text

    text = build_text(corpus, mib, layout)
    started = time.perf_counter()
    extract_text("到2025年，数字经济核心产业增加值达到100亿元。")  # loads dictionaries and vocabulary
    setup = time.perf_counter() - started
    baseline_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu_started = time.perf_counter(), time.process_time()
    extraction = extract_text(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "mib": len(text.encode("utf-8")) / 2**20,
        "seconds": seconds,
        "cpu": cpu,
        "setup": setup,
        "peak_mib": peak,
        "setup_mib": baseline_rss,
        "tasks": len(extraction.tasks),
        "indicators": len(extraction.indicators),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,5,20,50", help="MiB, comma-separated")
    parser.add_argument("--layouts", default="lines,single-line")
    parser.add_argument("--corpus")
    parser.add_argument("--row", help=argparse.SUPPRESS)  # "MIB:LAYOUT", run in the child
    args = parser.parse_args()
    corpus = corpus_dir(args.corpus)
    if args.row:
        mib, layout = args.row.split(":")
        print(json.dumps(measure(corpus, float(mib), layout)))
        return
    print(f"target: {TARGET_MIB} MiB in < {TARGET_SECONDS:.0f} s and < {TARGET_GIB:.0f} GiB")
    print(
        f"{'layout':<12} {'MiB':>6} {'seconds':>8} {'CPU s':>7} {'s/MiB':>6} {'peak MiB':>9} "
        f"{'tasks':>7} {'indic.':>7}"
    )
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    for layout in args.layouts.split(","):
        for size in args.sizes.split(","):
            child = subprocess.run(
                [sys.executable, __file__, "--corpus", str(corpus), "--row", f"{size}:{layout}"],
                capture_output=True,
                text=True,
                env=environment,
                check=False,
            )
            if child.returncode != 0:
                print(f"{layout:<12} {size:>6} failed: {child.stderr.strip().splitlines()[-1:]}")
                continue
            row = json.loads(child.stdout.strip().splitlines()[-1])
            verdict = ""
            if float(size) == TARGET_MIB:
                held = row["seconds"] < TARGET_SECONDS and row["peak_mib"] < TARGET_GIB * 1024
                verdict = "  target met" if held else "  TARGET MISSED"
            print(
                f"{layout:<12} {row['mib']:>6.1f} {row['seconds']:>8.1f} {row['cpu']:>7.1f} "
                f"{row['seconds'] / row['mib']:>6.2f} "
                f"{row['peak_mib']:>9.0f} {row['tasks']:>7} {row['indicators']:>7}{verdict}",
                flush=True,
            )


if __name__ == "__main__":
    main()
