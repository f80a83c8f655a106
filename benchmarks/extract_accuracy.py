"""Extraction accuracy on real documents: score_region F1 per gold document, genre accuracy, non-plan silence.

For every gold file under tests/gold/real (one per corpus document) in the chosen split, the extractor runs
in process and produces exactly what `plankg extract DOC --json` prints; ../shared/tools/score_region.py
scores that against the gold. Printed: a table per document, the mean per-document min-F1 beside TARGET,
where the documents are lost (per gold genre: mean min-F1, and each gated kind's mean F1 and how many
documents score 0 on it), the genre accuracy over tests/gold/real/genres.yaml (when the extraction emits
document.genre) and, for every not_a_plan document, how many goals + tasks + indicators + directions were
extracted (target 0).

Splits: frozen = the `frozen` list in tests/gold/real/splits.yaml (score only at the very end); fresh = the
`fresh` list (gold written before the extractor ever ran on those documents: an honest unseen figure, not
for tuning); dev = every other document with a gold file (derived, so gold added later joins dev); all =
every gold document. Genre and not_a_plan figures cover the corpus documents of the split: frozen / fresh =
their listed documents, dev = all the others.

external / holdout = real documents from outside the corpus (tests/gold/<split>/docs, found in public
repositories), gold written from their text before the extractor ever ran on them; their genres are in their
gold files. Each was scored once before any tuning on it (external batch by batch: 0.46 over its 41
documents; holdout: 0.44 over 18), then developed on; final = the last documents collected, scored once
after all rules, never developed on.

untouched = the batches never tuned on and never in the models' training (UNTOUCHED_BATCHES) scored together;
untouched-validation / untouched-test = its two halves, every other batch in number order.

batches = every outside batch scored on its own, in one run: the JSON maps each batch to the summary its
own --split gives (what the tests hold each batch's floor to).

Usage: python benchmarks/extract_accuracy.py [--json] [--split dev|fresh|frozen|all|untouched|
    untouched-validation|untouched-test|batches|<batch of OUTSIDE_SPLITS>]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType

import yaml

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # ../shared beside the checkout, never an absolute path
CORPUS = SHARED / "corpus"
SCORER = SHARED / "tools" / "score_region.py"
GOLD_ROOT = REPO / "tests" / "gold"  # the corpus gold (real/) and a folder per batch of outside documents
GOLD_DIR = GOLD_ROOT / "real"
# real documents from outside the corpus (public repositories), gold written before any extractor run,
# each batch scored once before any tuning on it: every tests/gold/<batch>/docs (external, holdout, final,
# blind, last, sealed, sealed2 …), so a new batch needs no listing here
OUTSIDE_SPLITS = tuple(
    sorted(
        (path.parent.name for path in GOLD_ROOT.glob("*/docs")),
        key=lambda name: (name.startswith("sealed"), int(re.sub(r"\D", "", name) or 1), name),
    )
)
OUTSIDE_DIRS = {name: GOLD_ROOT / name for name in OUTSIDE_SPLITS}
# The batches never tuned on and never in the models' training: the honest unseen figure. A batch joins
# when it was scored once and never opened after (sealed105–108 in the twenty-fourth session, sealed113–116
# in the twenty-fifth, sealed117–124 in the twenty-sixth, sealed125–140 in the twenty-seventh, sealed141–156
# but 150 and 152 in the twenty-eighth, sealed157–172 but 164 in the twenty-ninth, sealed173–188 in the
# thirtieth, sealed189–213 in the thirty-first, sealed214–225 in the thirty-second); a batch read after its
# first score joins the developed documents instead.
UNTOUCHED_BATCHES = (
    "sealed21",
    *(f"sealed{n}" for n in (48, 49, 50, 55, 56, 61, 62)),
    *(f"sealed{n}" for n in range(65, 71)),
    *(f"sealed{n}" for n in range(73, 89)),
    *(f"sealed{n}" for n in range(105, 109)),
    *(f"sealed{n}" for n in range(113, 141)),
    *(f"sealed{n}" for n in (*range(141, 150), 151, *range(153, 157))),
    *(f"sealed{n}" for n in (*range(157, 164), *range(165, 173))),
    *(f"sealed{n}" for n in range(173, 189)),
    *(f"sealed{n}" for n in range(189, 214)),
    *(f"sealed{n}" for n in range(214, 226)),
)
# scored together, and in two halves (every other batch in number order): one to decide a change on in
# aggregate, the other to confirm it
BATCH_GROUPS = {
    "untouched": UNTOUCHED_BATCHES,
    "untouched-validation": UNTOUCHED_BATCHES[0::2],
    "untouched-test": UNTOUCHED_BATCHES[1::2],
}
TARGET = 0.90
SCORED_KINDS = ("goals", "tasks", "directions", "indicators")
GATED_KINDS = ("goals", "tasks", "indicators")  # min-F1 is taken over these
ITEM_KINDS = ("goals", "tasks", "indicators", "directions")
LISTED_SPLITS = ("frozen", "fresh")
SCORE_LINE = re.compile(
    r"^(?P<kind>goals|tasks|directions|indicators)\s+pred=\s*(?P<pred>\d+) gold=\s*(?P<gold>\d+) "
    r"P=(?P<p>[\d.]+) R=(?P<r>[\d.]+) F1=(?P<f1>[\d.]+)"
)
MIN_F1_LINE = re.compile(r"^min_f1=(?P<value>[\d.]+)")

sys.path.insert(0, str(REPO))
from plankg.cli.document_commands import extract_document, extraction_json  # noqa: E402


@dataclass
class DocumentScore:
    document: str
    min_f1: float
    f1: dict[str, float] = field(default_factory=dict)
    predicted: dict[str, int] = field(default_factory=dict)
    gold: dict[str, int] = field(default_factory=dict)
    error: str | None = None


def gold_files() -> dict[str, Path]:
    """Corpus-relative document path -> its gold file, for every gold JSON under tests/gold/real."""
    return {
        path.relative_to(GOLD_DIR).with_suffix(".txt").as_posix(): path
        for path in sorted(GOLD_DIR.rglob("*.json"))
    }


def listed_splits() -> dict[str, str]:
    """Corpus-relative document -> its listed split (frozen or fresh); unlisted documents are dev."""
    splits = yaml.safe_load((GOLD_DIR / "splits.yaml").read_text(encoding="utf-8")) or {}
    return {doc: name for name in LISTED_SPLITS for doc in splits.get(name) or []}


def in_split(document: str, split: str, listed: dict[str, str]) -> bool:
    return split == "all" or listed.get(document, "dev") == split


def outside_gold(folder: Path, prefix: str = "") -> tuple[dict[str, Path], dict[str, str]]:
    """The documents of an outside folder (docs/<slug>.txt, named <prefix><slug>.txt) -> their gold files,
    and -> their genres."""
    files = {f"{prefix}{path.stem}.txt": path for path in sorted(folder.glob("*.json"))}
    genres = {doc: json.loads(path.read_text(encoding="utf-8"))["genre"] for doc, path in files.items()}
    return files, genres


def extract(document: str, cache: dict[str, dict | str], root: Path = CORPUS) -> dict | str:
    """The `plankg extract --json` object of a document, or the error text when extraction fails."""
    if document not in cache:
        try:
            cache[document] = json.loads(extraction_json(extract_document(root / document)))
        except Exception as error:  # a crash is a result to report, not a reason to stop the run
            cache[document] = f"{type(error).__name__}: {error}"
    return cache[document]


@cache
def score_region() -> ModuleType:
    """../shared/tools/score_region.py, loaded once: this process scores every document (a process a
    document cost the test suite minutes)."""
    sys.path.insert(0, str(SCORER.parent))  # it imports score_strict from beside it
    spec = importlib.util.spec_from_file_location("score_region", SCORER)
    assert spec is not None and spec.loader is not None, f"cannot load {SCORER}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score_document(
    document: str, gold_path: Path, extraction: dict | str, workdir: Path, root: Path = CORPUS
) -> DocumentScore:
    if isinstance(extraction, str):
        return DocumentScore(document, 0.0, error=extraction)
    predicted_path = workdir / "extraction.json"
    predicted_path.write_text(json.dumps(extraction, ensure_ascii=False), encoding="utf-8")
    printed = io.StringIO()
    argv = sys.argv
    sys.argv = [str(SCORER), str(predicted_path), str(gold_path), str(root / document)]  # what it reads
    try:
        with contextlib.redirect_stdout(printed):
            code = score_region().main()
    except Exception as error:  # the scorer's failure on one document is a result, as an extractor's is
        return DocumentScore(document, 0.0, error=f"score_region failed: {type(error).__name__}: {error}")
    finally:
        sys.argv = argv
    result = DocumentScore(document, 0.0)
    min_f1 = None
    for line in printed.getvalue().splitlines():
        if match := SCORE_LINE.match(line):
            kind = match["kind"]
            result.f1[kind] = float(match["f1"])
            result.predicted[kind] = int(match["pred"])
            result.gold[kind] = int(match["gold"])
        elif match := MIN_F1_LINE.match(line):
            min_f1 = float(match["value"])
    if code != 0 or min_f1 is None:
        result.error = f"score_region failed: {printed.getvalue()[-200:]}"
        return result
    result.min_f1 = min_f1
    return result


def item_count(extraction: dict | str) -> int | None:
    if isinstance(extraction, str):
        return None
    return sum(len(extraction.get(kind) or []) for kind in ITEM_KINDS)


def by_genre(scores: list[DocumentScore], genres: dict[str, str]) -> dict[str, dict]:
    """Where the documents are lost, per gold genre: how many, their mean min-F1, and for each gated kind its
    mean F1 and the number of documents where it is 0 (a document that failed to extract counts as 0)."""
    table: dict[str, dict] = {}
    for genre in sorted({genres.get(score.document, "unknown") for score in scores}):
        rows = [score for score in scores if genres.get(score.document, "unknown") == genre]
        table[genre] = {
            "documents": len(rows),
            "mean_min_f1": sum(row.min_f1 for row in rows) / len(rows),
            "mean_f1": {kind: sum(row.f1.get(kind, 0.0) for row in rows) / len(rows) for kind in GATED_KINDS},
            "zero_f1": {kind: sum(1 for row in rows if row.f1.get(kind, 0.0) == 0.0) for kind in GATED_KINDS},
        }
    return table


def evaluate(split: str) -> dict:
    if split in BATCH_GROUPS:  # the batches as one split, each document named <batch>/docs/<document>
        golds, genres = {}, {}
        for batch in BATCH_GROUPS[split]:
            batch_golds, batch_genres = outside_gold(OUTSIDE_DIRS[batch], prefix=f"{batch}/docs/")
            golds |= batch_golds
            genres |= batch_genres
        root, listed = GOLD_ROOT, {doc: split for doc in golds}
    elif split in OUTSIDE_DIRS:
        golds, genres = outside_gold(OUTSIDE_DIRS[split])
        root, listed = OUTSIDE_DIRS[split] / "docs", {doc: split for doc in golds}
    else:
        golds, root, listed = gold_files(), CORPUS, listed_splits()
        genres = yaml.safe_load((GOLD_DIR / "genres.yaml").read_text(encoding="utf-8")) or {}
    cache: dict[str, dict | str] = {}
    scores: list[DocumentScore] = []
    with tempfile.TemporaryDirectory() as workdir:
        for document, gold_path in golds.items():
            if in_split(document, split, listed):
                extraction = extract(document, cache, root)
                scores.append(score_document(document, gold_path, extraction, Path(workdir), root))

    scope = [doc for doc in genres if in_split(doc, split, listed)]
    extractions = {doc: extract(doc, cache, root) for doc in scope}
    emitted = {
        doc: e["document"]["genre"]
        for doc, e in extractions.items()
        if isinstance(e, dict) and (e.get("document") or {}).get("genre") is not None
    }
    genre: dict = {"emitted": bool(emitted), "documents": len(scope)}
    if emitted:
        wrong = {
            doc: {"gold": genres[doc], "extracted": emitted.get(doc)}
            for doc in scope
            if emitted.get(doc) != genres[doc]
        }
        genre.update(accuracy=(len(scope) - len(wrong)) / len(scope) if scope else 1.0, wrong=wrong)
    not_a_plan = {doc: item_count(extractions[doc]) for doc in scope if genres[doc] == "not_a_plan"}
    mean = sum(s.min_f1 for s in scores) / len(scores) if scores else None
    return {
        "split": split,
        "target": TARGET,
        "mean_min_f1": mean,
        "documents": [asdict(s) for s in scores],
        "by_genre": by_genre(scores, genres),
        "genre": genre,
        "not_a_plan_items": not_a_plan,
        "not_a_plan_total": sum(n for n in not_a_plan.values() if n is not None),
        "extraction_errors": {doc: e for doc, e in cache.items() if isinstance(e, str)},
    }


def print_report(summary: dict) -> None:
    header = f"{'document':<58}" + "".join(f"{k:>12}" for k in SCORED_KINDS) + f"{'min_f1':>8}"
    print(header)
    for row in summary["documents"]:
        if row["error"]:
            print(f"{row['document']:<58}  ERROR {row['error']}")
            continue
        cells = "".join(
            f"{row['f1'].get(k, 0.0):>6.2f} {row['predicted'].get(k, 0):>2}/{row['gold'].get(k, 0):<2}"
            for k in SCORED_KINDS
        )
        print(f"{row['document']:<58}{cells}{row['min_f1']:>8.2f}")
    print("(each cell: F1 predicted/gold; directions are reported, not gated)")
    mean = summary["mean_min_f1"]
    shown = "n/a (no gold documents)" if mean is None else f"{mean:.3f}"
    print(
        f"\nmean per-document min-F1 ({summary['split']}, {len(summary['documents'])} documents): "
        f"{shown}   target {summary['target']:.2f}"
    )
    print(f"\n{'by gold genre':<22}{'documents':>10}{'min-F1':>8}" + "".join(f"{k:>12}" for k in GATED_KINDS))
    for name, row in summary["by_genre"].items():
        cells = "".join(f"{row['mean_f1'][k]:>6.2f} ({row['zero_f1'][k]:>2})" for k in GATED_KINDS)
        print(f"  {name:<20}{row['documents']:>10}{row['mean_min_f1']:>8.3f}{cells}")
    print("(each kind: mean F1 (documents where it is 0))\n")
    genre = summary["genre"]
    if genre["emitted"]:
        print(f"genre accuracy: {genre['accuracy']:.3f} over {genre['documents']} documents")
        for doc, pair in genre["wrong"].items():
            print(f"    {doc}: gold {pair['gold']}, extracted {pair['extracted']}")
    else:
        print("genre: not emitted yet")
    counts = summary["not_a_plan_items"]
    print(
        f"not_a_plan documents: {len(counts)}, items extracted (goals+tasks+indicators+directions): "
        f"{summary['not_a_plan_total']}   target 0"
    )
    for doc, n in counts.items():
        if n != 0:
            print(f"    {doc}: {'extraction failed' if n is None else n}")
    for doc, error in summary["extraction_errors"].items():
        print(f"extraction error {doc}: {error}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=("dev", "fresh", "frozen", "all", *BATCH_GROUPS, "batches", *OUTSIDE_DIRS),
        default="dev",
    )
    parser.add_argument("--json", action="store_true", help="print a machine-readable summary")
    args = parser.parse_args()
    if args.split == "batches":
        batches = {batch: evaluate(batch) for batch in OUTSIDE_SPLITS}
        if args.json:
            print(json.dumps({"split": "batches", "target": TARGET, "batches": batches}, ensure_ascii=False))
        else:
            for batch, summary in batches.items():
                loud = sum(1 for n in summary["not_a_plan_items"].values() if n != 0)
                print(
                    f"{batch:<12} {summary['mean_min_f1']:.3f} over {len(summary['documents'])} documents, "
                    f"{loud} non-plans given items"
                )
        return
    summary = evaluate(args.split)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_report(summary)


if __name__ == "__main__":
    main()
