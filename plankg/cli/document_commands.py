"""Commands on documents: `plankg extract PATH [--json]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from plankg.cli.main import app
from plankg.loaders import DocumentReadError, extract_path
from plankg.ontology.records import Extraction
from plankg.settings import get_settings

BAD_INPUT_EXIT = 2


@app.command("extract")
def extract_command(
    path: Annotated[Path, typer.Argument(metavar="DOC", help="Plan document (.txt, .html, .docx, .pdf).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the Extraction as JSON (the documented shape).")
    ] = False,
) -> None:
    """Extract the plan, goals, directions, tasks and indicators of one document."""
    try:
        extraction = extract_document(path)
    except DocumentReadError as error:
        print(f"error: cannot read {error.path}: {error.reason}", file=sys.stderr)
        raise typer.Exit(BAD_INPUT_EXIT) from None
    except ValueError as error:  # e.g. a malformed overrides file
        print(f"error: {path}: {error}", file=sys.stderr)
        raise typer.Exit(BAD_INPUT_EXIT) from None
    if as_json:
        sys.stdout.write(extraction_json(extraction))
        return
    render_extraction(extraction, Console())


def extract_document(path: Path) -> Extraction:
    """The extraction `plankg extract PATH` makes (with the configured overrides file)."""
    return extract_path(path, overrides_path=get_settings().overrides_file)


def extraction_json(extraction: Extraction) -> str:
    """Exactly what `plankg extract PATH --json` prints (benchmarks/extract_accuracy.py scores this)."""
    return json.dumps(extraction.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def render_extraction(extraction: Extraction, console: Console) -> None:
    plan = extraction.plan
    period = (
        f"{plan.period_start or '?'}–{plan.period_end or '?'}"
        if plan.period_start or plan.period_end
        else "?"
    )
    tree = Tree(f"[bold]{plan.title}[/bold]  [dim]{plan.id}[/dim]")
    tree.add(
        f"region: {plan.region or '?'} · period: {period} · issuer: {plan.issuer or '?'} · "
        f"edition: {plan.edition or '—'} · document: {extraction.document.id}"
    )
    goals = tree.add(f"[green]目标 goals ({len(extraction.goals)})[/green]")
    for goal in extraction.goals:
        goals.add(f"{goal.order}. {goal.name}  [dim]{goal.span[0]}–{goal.span[1]}[/dim]")
    directions = tree.add(f"[cyan]方向 directions ({len(extraction.directions)})[/cyan]")
    for direction in extraction.directions:
        directions.add(
            f"{direction.order}. {direction.name}  [dim]{direction.span[0]}–{direction.span[1]}[/dim]"
        )
    top = [t for t in extraction.tasks if t.parent is None]
    tasks = tree.add(
        f"[magenta]任务 tasks ({len(top)}, {len(extraction.tasks) - len(top)} sub-tasks)[/magenta]"
    )
    for task in top:
        branch = tasks.add(f"{task.order}. {task.name}  [dim]{task.span[0]}–{task.span[1]}[/dim]")
        for sub in (t for t in extraction.tasks if t.parent == task.id):
            branch.add(f"{task.order}.{sub.order} {sub.name}")
    console.print(tree)
    if extraction.indicators:
        names = {e.id: e.name for e in (*extraction.goals, *extraction.tasks)}
        table = Table(title=f"指标 indicators ({len(extraction.indicators)})")
        for column in ("name", "comparator", "value", "unit", "kind", "baseline", "year", "attribute", "of"):
            table.add_column(column)
        for ind in extraction.indicators:
            table.add_row(
                ind.name,
                ind.comparator,
                f"{ind.value:g}",
                ind.unit,
                ind.target_kind + {"increase": " ↑", "decrease": " ↓"}.get(ind.direction or "", ""),
                "" if ind.baseline is None else f"{ind.baseline:g}",
                str(ind.target_year or ""),
                ind.attribute or "",
                names.get(ind.subject or "", ""),
            )
        console.print(table)
    console.print(
        f"sectors: {len(extraction.sectors)} · concepts: {len(extraction.concepts)} · "
        f"links: {len(extraction.links)}"
    )
    for warning in extraction.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
