"""How far two human readers agree on gold, beside how far the extractor agrees with each of them.

A second reader wrote gold for documents of an outside batch without seeing the first reader's gold
(tests/gold/second_reader/<batch>/<slug>.json beside tests/gold/<batch>/<slug>.json). Each reader's gold is
scored as if it were an extraction against the other's, with the same ../shared/tools/score_region.py that
scores the extractor, so the printed figures are on one scale: the human agreement is the ceiling a
mean per-document min-F1 target can be measured against on these documents.

Per kind (goals, tasks, indicators) the mean F1 says where readers, and the extractor, part ways.

Usage: python benchmarks/gold_agreement.py [--batch all|sealed19|…] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extract_accuracy import OUTSIDE_DIRS, REPO, TARGET, extract, score_document

SECOND_READER = REPO / "tests" / "gold" / "second_reader"
PAIRS = ("second_vs_first", "first_vs_second", "extractor_vs_first", "extractor_vs_second")
KINDS = ("goals", "tasks", "indicators")


def agreement(batch: str) -> dict:
    """One batch's documents that both readers annotated, with their means."""
    return summarised(batch, scored_rows(batch))


def agreement_over(batches: list[str]) -> dict:
    """Every batch's documents pooled (batch name beside each document), with their means."""
    return summarised("all", [{"batch": batch, **row} for batch in batches for row in scored_rows(batch)])


def scored_rows(batch: str) -> list[dict]:
    """Every document of one batch both readers annotated, scored four ways (PAIRS)."""
    first_dir = OUTSIDE_DIRS[batch]
    docs_dir = first_dir / "docs"
    rows = []
    cache: dict[str, dict | str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for second in sorted((SECOND_READER / batch).glob("*.json")):
            document = f"{second.stem}.txt"
            first = first_dir / second.name
            readers = {"first": first, "second": second}
            gold = {name: json.loads(path.read_text(encoding="utf-8")) for name, path in readers.items()}
            extraction = extract(document, cache, docs_dir)
            pairs = {
                "second_vs_first": (gold["second"], "first"),
                "first_vs_second": (gold["first"], "second"),
                "extractor_vs_first": (extraction, "first"),
                "extractor_vs_second": (extraction, "second"),
            }
            row: dict = {
                "document": document,
                "genres": [gold["first"].get("genre"), gold["second"].get("genre")],
            }
            for column, (predicted, against) in pairs.items():
                scored = score_document(document, readers[against], predicted, workdir, docs_dir)
                row[column] = scored.min_f1
                row[f"{column}_f1"] = {kind: scored.f1.get(kind, 0.0) for kind in KINDS}
            rows.append(row)
    return rows


def summarised(batch: str, rows: list[dict]) -> dict:
    """The rows with their means: per pair, of min-F1 and of each kind's F1 (none without rows)."""
    summary: dict = {"batch": batch, "target": TARGET, "documents": rows, "means": {}, "kind_means": {}}
    if rows:
        n = len(rows)
        summary["means"] = {c: sum(r[c] for r in rows) / n for c in PAIRS}
        summary["kind_means"] = {c: {k: sum(r[f"{c}_f1"][k] for r in rows) / n for k in KINDS} for c in PAIRS}
    return summary


def print_report(summary: dict) -> None:
    print(f"{'document':<58}{'genres':>26}{'2nd|1st':>9}{'1st|2nd':>9}{'ext|1st':>9}{'ext|2nd':>9}")
    for row in summary["documents"]:
        genres = "/".join(g or "?" for g in row["genres"])
        print(
            f"{row['document']:<58}{genres:>26}{row['second_vs_first']:>9.2f}{row['first_vs_second']:>9.2f}"
            f"{row['extractor_vs_first']:>9.2f}{row['extractor_vs_second']:>9.2f}"
        )
    means = summary["means"]
    if not means:
        print(f"no second-reader gold for {summary['batch']}")
        return
    n = len(summary["documents"])
    print("(A|B: A's items scored as an extraction against B's gold, mean per-document min-F1)")
    kinds = summary["kind_means"]
    for kind in KINDS:
        print(f"{kind + ' F1':<84}" + "".join(f"{kinds[c][kind]:>9.2f}" for c in PAIRS))
    print(
        f"\n{summary['batch']}, {n} documents: human agreement "
        f"{means['second_vs_first']:.3f} (second reader against first) / "
        f"{means['first_vs_second']:.3f} (first against second); extractor {means['extractor_vs_first']:.3f} "
        f"against first / {means['extractor_vs_second']:.3f} against second   target {summary['target']:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    batches = sorted(p.name for p in SECOND_READER.iterdir() if p.is_dir()) if SECOND_READER.is_dir() else []
    parser.add_argument("--batch", choices=["all", *batches], default="all")
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    args = parser.parse_args()
    if not batches:
        sys.exit("no second-reader gold under tests/gold/second_reader")
    summary = agreement_over(batches) if args.batch == "all" else agreement(args.batch)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_report(summary)


if __name__ == "__main__":
    main()
