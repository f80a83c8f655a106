"""`plankg load` on folders and many files, and the CLI's errors, through the real command in
subprocesses on the embedded store: parallel extraction, one transaction per document, a result for
every document (loaded / unchanged / skipped / failed) and one exit code per cause (cli/errors.py)."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plankg.cli.errors import ExitCode
from plankg.graph import open_store
from plankg.loaders.reading import SUPPORTED_EXTENSIONS
from plankg.services.search import search
from plankg.settings import Settings
from tests.support.corpus import CORPUS, REPO, SEED_DOCUMENT, SEED_NAME
from tests.support.corpus_variants import DIGEST

GOV_2019 = SEED_DOCUMENT.parent / "gov-2019"
PLANKG = [sys.executable, "-c", "from plankg.cli import app; app()"]

HOLD_DATABASE = """
import sys
from plankg.graph import open_store
from plankg.settings import Settings
store = open_store(Settings(store="embedded", data_dir=sys.argv[1]))
print("holding", flush=True)
sys.stdin.read()
store.close()
"""


def environment(data_dir: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PLANKG_")}
    env.update(PLANKG_STORE="embedded", PLANKG_DATA_DIR=str(data_dir), COLUMNS="250")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def plankg(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PLANKG, *args], env=environment(data_dir), capture_output=True, text=True, timeout=900
    )


def summary_counts(output: str) -> dict[str, int]:
    """The counts of the summary table's rows (loaded, unchanged, skipped, failed)."""
    rows = re.findall(r"^\W*(loaded|unchanged|skipped|failed)\s*\W\s*(\d+)\s", output, re.MULTILINE)
    counts = {status: int(count) for status, count in rows}
    assert set(counts) == {"loaded", "unchanged", "skipped", "failed"}, output
    return counts


def plan_count(data_dir: Path) -> int:
    done = plankg(data_dir, "stats", "--json")
    assert done.returncode == 0, done.stderr
    return int(json.loads(done.stdout)["nodes"]["Plan"])


def assert_one_line_error(done: subprocess.CompletedProcess[str], code: ExitCode, *words: str) -> None:
    assert done.returncode == code, done.stderr + done.stdout
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert "Traceback" not in done.stderr and len(lines) == 1, done.stderr
    assert lines[0].startswith("error:") and all(word in lines[0] for word in words), lines[0]


def test_a_real_folder_loads_in_parallel_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    documents = [p for p in GOV_2019.rglob("*") if p.suffix.lower() in SUPPORTED_EXTENSIONS]
    assert len([p for p in documents if p.suffix == ".txt"]) == 47

    first = plankg(tmp_path, "load", str(GOV_2019), "--jobs", "2")
    counts = summary_counts(first.stdout)
    assert sum(counts.values()) == len(documents)
    # the crawl mixes plans and other documents: both kinds are there, the others skipped with a reason
    assert counts["loaded"] > 0 and counts["skipped"] > 0 and counts["unchanged"] == 0
    skipped = re.findall(r"^skipped: (\S+): (.*)$", first.stdout, re.MULTILINE)
    assert len(skipped) == counts["skipped"] and all(r.startswith("not a plan") for _p, r in skipped)
    assert plan_count(tmp_path) == counts["loaded"]
    # Any failure is a refused collision (two documents of the crawl mapping to one plan id), named
    # with both files; and the exit code says so.
    failed = re.findall(r"^failed: (\S+): (.*)$", first.stdout, re.MULTILINE)
    assert len(failed) == counts["failed"]
    assert all("maps to plan" in reason and "already loaded from" in reason for _path, reason in failed)
    assert first.returncode == (ExitCode.REFUSED if failed else ExitCode.OK), first.stderr

    second = plankg(tmp_path, "load", str(GOV_2019), "--jobs", "2")
    again = summary_counts(second.stdout)
    assert again == {
        "loaded": 0,
        "unchanged": counts["loaded"],
        "skipped": counts["skipped"],
        "failed": counts["failed"],
    }
    assert plan_count(tmp_path) == counts["loaded"]


def test_parallel_extraction_writes_the_graph_one_process_writes(tmp_path: Path) -> None:
    """--jobs 2 (workers forked warm from the forkserver, the run's options sent once per worker)
    and --jobs 1 (all in this process) load real plans into the same graph: the same nodes with the
    same search terms, and the same search answers on the seed."""
    folder = tmp_path / "plans"
    folder.mkdir()
    names = [
        SEED_NAME,
        "state-council-2019-4-vocational-education-reform.txt",
        "news/cn_digital_economy_plan_2022.txt",
        "news/cn_medical_insurance_plan_2021.txt",
    ]
    for name in names:
        shutil.copy(CORPUS / name, folder / Path(name).name)
    graphs, answers = [], []
    for jobs in ("1", "2"):
        data_dir = tmp_path / f"jobs-{jobs}"
        done = plankg(data_dir, "load", str(folder), "--jobs", jobs)
        assert done.returncode == ExitCode.OK, done.stdout + done.stderr
        assert summary_counts(done.stdout)["loaded"] == len(names)
        with open_store(Settings(store="embedded", data_dir=data_dir)) as store:
            rows = store.read("MATCH (n) RETURN label(n) AS label, n.id AS id, n.terms AS terms")
            graphs.append(sorted((r["label"], r["id"], tuple(r["terms"] or ())) for r in rows))
            found = search(store, "智慧社区", limit=10)
            answers.append([hit.id for hit in found.items])
            assert found.items and "智慧社区" in (found.items[0].name or "") + (found.items[0].snippet or "")
    assert graphs[0] == graphs[1] and len(graphs[0]) > 300
    assert sum(1 for _label, _id, terms in graphs[0] if terms) > 200
    assert answers[0] == answers[1]


def test_one_corrupt_file_does_not_stop_the_others(tmp_path: Path) -> None:
    folder = tmp_path / "plans"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEED_DOCUMENT, folder / SEED_NAME)
    good = sorted(GOV_2019.glob("*.txt"))[0]
    shutil.copy(good, folder / "sub" / good.name)
    (folder / "sub" / "broken.docx").write_bytes(random.Random(9).randbytes(4096))
    (folder / "notes.csv").write_text("not,a,document\n", encoding="utf-8")  # not a document: not walked

    done = plankg(tmp_path / "data", "load", str(folder), "--jobs", "2")
    assert summary_counts(done.stdout) == {"loaded": 2, "unchanged": 0, "skipped": 0, "failed": 1}
    assert re.search(r"^failed: \S*broken\.docx: .+", done.stdout, re.MULTILINE), done.stdout
    assert done.returncode == ExitCode.BAD_INPUT
    assert plan_count(tmp_path / "data") == 2


def test_a_collision_is_refused_with_exit_4_and_replaced_on_request(tmp_path: Path) -> None:
    digest = tmp_path / "qingdao-informatization-digest.txt"
    digest.write_text(DIGEST, encoding="utf-8")
    data = tmp_path / "data"
    assert plankg(data, "load", str(SEED_DOCUMENT)).returncode == 0
    refused = plankg(data, "load", str(digest))
    assert refused.returncode == ExitCode.REFUSED
    named = rf"failed: \S*{digest.name}: maps to plan plan-\w+, already loaded from \S*{SEED_NAME}"
    assert re.search(named, refused.stdout), refused.stdout
    replaced = plankg(data, "load", str(digest), "--replace")
    assert replaced.returncode == 0 and summary_counts(replaced.stdout)["loaded"] == 1
    assert plan_count(data) == 1


def test_a_locked_store_is_one_line_and_exit_3_for_every_command(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_DATABASE, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=environment(tmp_path),
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        for command in (
            ["load", str(SEED_DOCUMENT)],
            ["stats"],
            ["ask", "智慧社区"],
            ["export", "-f", "nt"],
            ["query", "plans"],
        ):
            assert_one_line_error(
                plankg(tmp_path, *command), ExitCode.STORE_UNAVAILABLE, "store unavailable", "another process"
            )
    finally:
        if holder.stdin is not None:
            holder.stdin.close()
        holder.wait(timeout=60)


def test_a_data_dir_that_cannot_be_a_directory_is_exit_3(tmp_path: Path) -> None:
    occupied = tmp_path / "a-file"
    occupied.write_text("", encoding="utf-8")
    for command in (["load", str(SEED_DOCUMENT)], ["stats"]):
        assert_one_line_error(
            plankg(occupied, *command), ExitCode.STORE_UNAVAILABLE, str(occupied), "PLANKG_DATA_DIR"
        )


@pytest.mark.parametrize("name, reason", [("missing.txt", "no such file"), ("folder", "is a directory")])
def test_a_missing_path_or_a_directory_is_named_as_such(tmp_path: Path, name: str, reason: str) -> None:
    (tmp_path / "folder").mkdir()
    path = str(tmp_path / name)
    assert_one_line_error(plankg(tmp_path / "data", "extract", path), ExitCode.BAD_INPUT, path, reason)
    if name == "missing.txt":  # (a folder given to load is walked: see the tests above)
        done = plankg(tmp_path / "data", "load", path)
        assert done.returncode == ExitCode.BAD_INPUT
        assert f"failed: {path}: {reason}" in done.stdout


def test_an_empty_folder_is_bad_input(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert_one_line_error(
        plankg(tmp_path / "data", "load", str(tmp_path / "empty")),
        ExitCode.BAD_INPUT,
        "no supported documents",
    )


def test_every_command_says_bad_input_in_one_line_with_exit_2(tmp_path: Path) -> None:
    """Across-plans, export and import commands print their errors the way load does (cli/errors.fail)."""
    not_rdf = tmp_path / "notes.txt"
    not_rdf.write_text("not RDF", encoding="utf-8")
    commands = {
        ("spread", "不存在的概念"): "不存在的概念",
        ("relations", "plan-none"): "plan-none",
        ("diff", "plan-old", "plan-new"): "plan-old",
        ("export", "-f", "nope"): "nope",
        ("export", "--plan", "plan-none"): "plan-none",
        ("export", "-f", "csv"): "-o PATH",
        ("import-rdf", str(not_rdf)): "notes.txt",
    }
    for command, named in commands.items():
        assert_one_line_error(plankg(tmp_path / "data", *command), ExitCode.BAD_INPUT, named)
