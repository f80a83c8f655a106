"""`plankg load`: extract documents and write them into the configured store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from plankg.cli.main import app
from plankg.graph import open_store
from plankg.loaders.reading import DocumentReadError, read_document
from plankg.pipeline import load_source
from plankg.settings import get_settings

err_console = Console(stderr=True)


@app.command()
def load(
    paths: Annotated[
        list[Path], typer.Argument(metavar="DOC", help="Plan documents (.txt .md .html .docx .pdf).")
    ],
    force: Annotated[
        bool,
        typer.Option(help="Rewrite even when a document is unchanged; load documents that are not plans."),
    ] = False,
    overrides: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="YAML file of link overrides (default PLANKG_OVERRIDES_FILE)."),
    ] = None,
) -> None:
    """Extract and load one or many documents; reloading a changed document replaces its plan."""
    settings = get_settings()
    try:
        # Read every document first: a bad one stops the run before anything is written.
        sources = [read_document(p) for p in paths]
    except DocumentReadError as exc:
        err_console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    console = Console()
    overrides_path = overrides or settings.overrides_file
    with open_store(settings) as store, Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=False,
    ) as progress:
        task = progress.add_task("loading", total=len(sources))
        for source in sources:
            progress.update(task, description=Path(source.path).name)
            outcome = load_source(store, source, force=force, any_genre=force, overrides_path=overrides_path)
            if outcome.skipped is not None:
                progress.console.print(f"skipped: {source.path}: {outcome.skipped}; --force loads it anyway")
                progress.advance(task)
                continue
            state = "loaded" if outcome.changed else "unchanged"
            progress.console.print(
                f"{state}: {outcome.title} [dim]({outcome.plan_id}; {outcome.nodes} nodes, "
                f"{outcome.relationships} links)[/dim]"
            )
            for warning in outcome.warnings:
                progress.console.print(f"[yellow]warning:[/yellow] {warning}")
            progress.advance(task)
