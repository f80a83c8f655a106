"""`plankg load`: extract documents (files or whole folders) and write them into the configured store."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from plankg.cli.errors import ExitCode, fail
from plankg.cli.main import app
from plankg.graph import open_store
from plankg.pipeline import (
    DocumentResult,
    Failure,
    Status,
    collect_paths,
    default_jobs,
    load_many,
    start_workers,
)
from plankg.settings import get_settings

# The exit code of a run where documents failed: that of their cause (the largest when they differ).
FAILURE_EXIT = {
    Failure.UNREADABLE: ExitCode.BAD_INPUT,
    Failure.TOO_LARGE: ExitCode.BAD_INPUT,
    Failure.INVALID: ExitCode.BAD_INPUT,
    Failure.COLLISION: ExitCode.REFUSED,
    Failure.INTERNAL: ExitCode.ERROR,
}
STATUS_STYLE = {
    Status.LOADED: "green",
    Status.UNCHANGED: "dim",
    Status.SKIPPED: "yellow",
    Status.FAILED: "red",
}


@app.command()
def load(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="DIR|DOC",
            help="Documents (.txt .md .html .htm .docx .pdf) or folders (walked recursively).",
        ),
    ],
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help="Worker processes extracting documents (default: the CPU count, 1 under 60 documents).",
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option(help="Rewrite even when a document is unchanged; load documents that are not plans."),
    ] = False,
    replace: Annotated[
        bool,
        typer.Option(
            help="Let a different document replace a loaded plan whose id it maps to (refused otherwise)."
        ),
    ] = False,
    overrides: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE", help="YAML file of curated link overrides (default PLANKG_OVERRIDES_FILE)."
        ),
    ] = None,
) -> None:
    """Extract and load documents and folders, one transaction per document; reloading a changed
    document replaces its plan, an unchanged one is left as it is, a bad one is reported and the rest load."""
    settings = get_settings()
    documents = collect_paths(paths)
    if not documents:
        raise fail(f"no supported documents under {', '.join(map(str, paths))}", ExitCode.BAD_INPUT)
    console = Console()
    counts: Counter[Status] = Counter()
    results: list[DocumentResult] = []
    started = time.perf_counter()
    jobs = jobs or default_jobs(len(documents))
    if jobs > 1 and len(documents) > 1:
        start_workers()  # their warm-up overlaps opening the store
    with (
        open_store(settings) as store,
        Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=False,
        ) as progress,
    ):
        task = progress.add_task(_counts_line(counts), total=len(documents))

        def show(result: DocumentResult) -> None:
            counts[result.status] += 1
            results.append(result)
            if result.status in (Status.FAILED, Status.SKIPPED):
                style = STATUS_STYLE[result.status]
                hint = "; --force loads it anyway" if result.status is Status.SKIPPED else ""
                progress.console.print(
                    f"[{style}]{result.status}:[/{style}] {result.path}: {result.reason}{hint}",
                    soft_wrap=True,
                )
            elif result.outcome is not None and result.status is Status.LOADED:
                outcome = result.outcome
                progress.console.print(
                    f"loaded: {outcome.title} [dim]({outcome.plan_id}; {outcome.nodes} nodes, "
                    f"{outcome.relationships} links)[/dim]",
                    soft_wrap=True,
                )
            progress.update(task, description=_counts_line(counts), advance=1)

        load_many(
            store,
            documents,
            jobs=jobs,
            force=force,
            any_genre=force,
            replace=replace,
            overrides_path=overrides or settings.overrides_file,
            on_result=show,
        )
    seconds = time.perf_counter() - started
    console.print(_summary(results, counts, seconds))
    failures = {FAILURE_EXIT[r.failure] for r in results if r.status is Status.FAILED and r.failure}
    if counts[Status.SKIPPED]:
        console.print("skipped documents load anyway with: plankg load --force …")
    if ExitCode.REFUSED in failures:
        console.print("refused documents replace the plans they map to with: plankg load --replace …")
    if failures:
        raise typer.Exit(int(max(failures)))


def _counts_line(counts: Counter[Status]) -> str:
    return " · ".join(f"{status} {counts[status]}" for status in Status)


def _summary(results: list[DocumentResult], counts: Counter[Status], seconds: float) -> Table:
    table = Table(
        title=f"{len(results)} documents in {seconds:.1f} s ({len(results) / max(seconds, 1e-9):.1f}/s)"
    )
    table.add_column("result")
    table.add_column("documents", justify="right")
    table.add_column("which, and why", overflow="fold")
    for status in Status:
        listed = [r for r in results if r.status is status and status in (Status.SKIPPED, Status.FAILED)]
        detail = "\n".join(f"{r.path}: {r.reason}" for r in listed)
        style = STATUS_STYLE[status]
        table.add_row(f"[{style}]{status}[/{style}]", str(counts[status]), detail)
    return table
