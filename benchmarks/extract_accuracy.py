"""Extraction accuracy per gold document: P/R/F1 per type and indicator-name agreement.

Scores every tests/gold/*.yaml exactly as tests/test_extract_gold.py does (same matcher, same rendering
of `render: docx` cases) and prints one table, so a change to the rules can be judged on all documents
at once rather than test by test.

Usage: python benchmarks/extract_accuracy.py [GOLD_NAME ...] [--misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from test_extract_gold import (  # noqa: E402
    GOLD_FILES,
    indicator_name_score,
    indicator_names_match,
    indicator_same,
    load_case,
    score_document,
)

KINDS = ["goals", "directions", "tasks", "subtasks", "indicators"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="gold file stems to score (default: all)")
    parser.add_argument("--misses", action="store_true", help="list unmatched gold and extra indicators")
    args = parser.parse_args()
    files = [p for p in GOLD_FILES if not args.names or p.stem in args.names]
    print(f"{'document':<32}" + "".join(f"{k:>12}" for k in KINDS) + f"{'names':>8}")
    with tempfile.TemporaryDirectory() as workdir:
        for gold_path in files:
            gold, extraction, text = load_case(gold_path, Path(workdir))
            scores = score_document(extraction, text, gold)
            names = indicator_name_score(extraction, gold)
            row = "".join(f"{scores[k].f1:>12.2f}" for k in KINDS)
            print(f"{gold_path.stem:<32}{row}{names.tp:>5}/{names.gold}")
            if args.misses:
                report_misses(extraction, gold)


def report_misses(extraction: object, gold: dict) -> None:
    predicted = list(extraction.indicators)  # type: ignore[attr-defined]
    for expected in gold.get("indicators") or []:
        hit = next((r for r in predicted if indicator_same(r, expected)), None)
        if hit is None:
            print(f"    missing  {expected}")
            continue
        predicted.remove(hit)
        if expected.get("name") and not indicator_names_match(hit.name, str(expected["name"])):
            print(f"    name     {hit.name!r} (gold {expected['name']!r})")
    for extra in predicted:
        print(f"    extra    {extra.name} {extra.comparator} {extra.value} {extra.unit} | {extra.text}")


if __name__ == "__main__":
    main()
