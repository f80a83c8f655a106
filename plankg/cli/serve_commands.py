"""`plankg serve`, `query`, `ask`, `demo`: the API and the named queries from the shell."""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

import typer
from rich.console import Console
from rich.table import Table

from plankg.cli.errors import ExitCode, fail
from plankg.cli.main import app
from plankg.settings import Settings, get_settings

SEED_NAME = "qingdao-informatization-13th-fyp.txt"
CANONICAL_CONCEPT = "智慧社区"
API_FACTORY = "plankg.api.app:create_server_app"

console = Console()


def seed_document_path() -> Path:
    """The seed plan: the shared corpus next to the repository or the working directory if there is one,
    else the copy shipped in the package (plankg/data/seed/), so `pip install -e . && plankg demo` works
    anywhere."""
    repo = Path(__file__).resolve().parents[2]
    for base in (Path.cwd(), repo):
        candidate = base.parent / "shared" / "corpus" / SEED_NAME
        if candidate.is_file():
            return candidate
    shipped = resources.files("plankg.data").joinpath("seed", SEED_NAME)
    return Path(str(shipped))


def _parse_param(text: str) -> tuple[str, Any]:
    key, sep, raw = text.partition("=")
    if not sep or not key:
        raise typer.BadParameter(f"{text!r}: expected KEY=VALUE")
    try:  # numbers, booleans, lists as JSON; anything else is a string
        value: Any = json.loads(raw)
    except ValueError:
        value = raw
    return key.strip(), value


TABLE_CELL_CHARS = 60  # longer values are cut in tables (--json prints them whole)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        text = ", ".join(_cell(v) for v in value)
    elif isinstance(value, dict):
        text = json.dumps(value, ensure_ascii=False, default=str)
    else:
        text = str(value)
    return text if len(text) <= TABLE_CELL_CHARS else text[: TABLE_CELL_CHARS - 1] + "…"


def _print_rows(rows: list[dict[str, Any]], title: str) -> None:
    table = Table(title=title, show_lines=False)
    columns = list(rows[0].keys()) if rows else []
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(column)) for column in columns))
    console.print(table)
    console.print(f"[dim]{len(rows)} row(s)[/dim]")


def _open_store(settings: Settings) -> Any:
    from plankg.graph import open_store

    return open_store(settings)  # a store that cannot open: cli/errors.py says so (exit 3)


@app.command()
def serve(
    host: Annotated[str, typer.Option(metavar="HOST", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="TCP port.")] = 8000,
    log_level: Annotated[str, typer.Option(metavar="LEVEL", help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (OpenAPI docs at /docs) and the explorer page (/) on the configured store."""
    settings = get_settings()
    console.print(
        f"plankg explorer on http://{host}:{port}/ , API docs at /docs  [dim]({settings.store} store)[/dim]"
    )
    _run_api(host, port, log_level)


def _run_api(host: str, port: int, log_level: str) -> None:
    """uvicorn builds the app from its import string (plankg.api:create_app, which reads the settings
    from the environment), so the CLI itself never imports the web layer."""
    import uvicorn

    uvicorn.run(API_FACTORY, factory=True, host=host, port=port, log_level=log_level)


@app.command()
def query(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="A named query from plankg/queries (see --list).")
    ] = "",
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", metavar="KEY=VALUE", help="KEY=VALUE; VALUE is JSON if it parses."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print rows as JSON.")] = False,
    list_names: Annotated[
        bool, typer.Option("--list", help="List the named queries and what they answer.")
    ] = False,
) -> None:
    """Run a named query and print its rows as a table (or JSON)."""
    from plankg import queries

    if list_names or not name:
        table = Table(title="named queries")
        table.add_column("name")
        table.add_column("answers", overflow="fold")
        for query_name in queries.names():
            table.add_row(query_name, str(queries.describe(query_name)))
        console.print(table)
        return
    if name not in queries.names():
        raise fail(f"no named query {name!r}; `plankg query --list` shows them", ExitCode.BAD_INPUT)
    params = dict(_parse_param(p) for p in (param or []))
    settings = get_settings()
    with _open_store(settings) as store:
        from plankg.graph.port import StoreError

        try:
            rows = queries.run(store, name, params)
        except (StoreError, KeyError, ValueError) as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    else:
        _print_rows(rows, name)


@app.command()
def ask(
    concept: Annotated[
        str, typer.Argument(metavar="CONCEPT", help="A concept's name, alternative name or id.")
    ] = CANONICAL_CONCEPT,
    limit: Annotated[int, typer.Option(metavar="N", help="At most this many tasks.")] = 20,
    region: Annotated[
        str | None, typer.Option(metavar="REGION", help="Only plans of this division or within it (山东).")
    ] = None,
    level: Annotated[
        str | None, typer.Option(metavar="LEVEL", help="national, province, city or district.")
    ] = None,
    year: Annotated[int | None, typer.Option(metavar="YEAR", help="Only plans covering it.")] = None,
    plan: Annotated[str | None, typer.Option(metavar="PLAN", help="Only this plan's (plan id).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the same JSON as the API.")] = False,
) -> None:
    """Which tasks carry out this concept? — the API's canonical question, from the shell."""
    from plankg.services.corpus import UnknownRegion, concept_tasks_across

    settings = get_settings()
    with _open_store(settings) as store:
        try:
            answer = concept_tasks_across(
                store, concept, region=region, level=level, year=year, plan=plan, limit=limit
            )
        except UnknownRegion as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from None
    if answer is None:
        hint = "`plankg query concepts_page` lists them"
        raise fail(f"no concept called {concept!r}; {hint}", ExitCode.BAD_INPUT)
    if as_json:
        typer.echo(answer.model_dump_json(indent=2))
        return
    table = Table(title=f"tasks that carry out {answer.concept.name} ({answer.total})")
    for column in ("#", "task", "via", "score", "evidence", "span"):
        table.add_column(column, overflow="fold")
    for rank, item in enumerate(answer.items, start=1):
        span = item.evidence.span
        table.add_row(
            str(rank),
            item.task.name,
            item.via if item.via == "direct" else f"{item.via}: {item.matched_concept}",
            f"{item.score:.2f}",
            item.evidence.text or "",
            f"{item.evidence.document}[{span[0]}:{span[1]}]" if span else "",
        )
    console.print(table)


@app.command()
def demo(
    host: Annotated[str, typer.Option(metavar="HOST", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(metavar="PORT", help="TCP port.")] = 8000,
    serve_api: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Serve the API after loading.")
    ] = True,
) -> None:
    """Load the seed plan into the embedded store and serve the API, printing example URLs."""
    from plankg.pipeline import load_path

    settings = get_settings().model_copy(update={"store": "embedded"})
    seed = seed_document_path()
    store = _open_store(settings)
    try:
        outcome = load_path(store, seed)
        state = "loaded" if outcome.changed else "already loaded"
        console.print(
            f"{state}: {outcome.title} [dim]({outcome.plan_id}, {outcome.nodes} nodes, "
            f"{outcome.relationships} links) into {settings.embedded_path}[/dim]"
        )
        base = f"http://{host}:{port}"
        console.print(f"explorer: {base}/  [dim](search, ask, draw the plan, open the evidence)[/dim]")
        console.print("or try the API:")
        for path in (
            f"/concepts/{quote(CANONICAL_CONCEPT)}/tasks",
            f"/search?q={quote(CANONICAL_CONCEPT)}",
            f"/plans/{outcome.plan_id}",
            "/tasks?limit=5",
            "/docs",
        ):
            console.print(f"  {base}{path}")
    finally:
        store.close()  # the served app opens its own (one process may write the embedded store)
    if serve_api:
        os.environ["PLANKG_STORE"] = "embedded"
        get_settings.cache_clear()
        _run_api(host, port, "info")
