"""`plankg export --format csv|xlsx|parquet|graphml|gexf`: the graph for analysis tools (see
plankg.analysis); `export_command` in rdf_commands hands these formats here."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rich.console import Console

from plankg import queries
from plankg.analysis import writers
from plankg.analysis.tables import read_graph_tables
from plankg.cli.errors import ExitCode, fail
from plankg.graph import open_store
from plankg.settings import get_settings

err_console = Console(stderr=True)
STREAMABLE = ("graphml", "gexf")  # one file: may go to stdout


def export_for_analysis(fmt: str, *, plan: str | None, output: Path | None) -> None:
    if output is None and fmt not in STREAMABLE:
        hint = "give -o PATH (csv: a folder or a .zip)"
        raise fail(f"the {fmt} export writes files: {hint}", ExitCode.BAD_INPUT)
    for module in ("pandas", "pyarrow", "openpyxl", "networkx"):
        try:
            writers.require(module, fmt)
        except writers.AnalysisExtraMissing as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    started = time.perf_counter()
    with open_store(get_settings()) as store:
        if plan and not any(row["id"] == plan for row in queries.run(store, "export_plan_versions", {})):
            raise fail(f"no plan with id {plan!r}; `plankg query plans` lists them", ExitCode.BAD_INPUT)
        tables = read_graph_tables(store, plan=plan)
    if output is None:
        writers.write_network(tables, fmt, sys.stdout.buffer)
        sys.stdout.buffer.flush()
        return
    try:
        written = writers.write(tables, fmt, output)
    except (FileExistsError, NotADirectoryError) as exc:
        raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    size = sum(path.stat().st_size for path in written)
    rows = sum(len(table.rows) for table in tables.tables())
    err_console.print(
        f"wrote {output} ({len(written)} file{'s' if len(written) != 1 else ''}, {size:,} bytes, "
        f"{rows:,} rows, {time.perf_counter() - started:.2f} s)"
    )
