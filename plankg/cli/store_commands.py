"""`plankg stats`: what the configured store holds, per node label and relationship type."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from plankg.cli.main import app
from plankg.graph import open_store
from plankg.settings import get_settings


@app.command()
def stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Node counts per label and relationship counts per type of the configured store."""
    settings = get_settings()
    with open_store(settings) as store:  # a store that cannot open: cli/errors.py says so (exit 3)
        counts = store.counts()
        location = str(settings.embedded_path) if store.backend == "embedded" else settings.neo4j_uri
    if as_json:
        payload = {
            "backend": settings.store,
            "location": location,
            "nodes": counts.nodes,
            "relationships": counts.relationships,
            "total_nodes": sum(counts.nodes.values()),
            "total_relationships": sum(counts.relationships.values()),
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console = Console()
    console.print(f"[bold]{settings.store} store[/bold] [dim]{location}[/dim]")
    for title, column, values in (
        ("nodes", "label", counts.nodes),
        ("relationships", "type", counts.relationships),
    ):
        table = Table(title=title)
        table.add_column(column)
        table.add_column("count", justify="right")
        for name, count in sorted(values.items()):
            table.add_row(name, f"{count:,}")
        table.add_section()
        table.add_row("total", f"{sum(values.values()):,}", style="bold")
        console.print(table)
