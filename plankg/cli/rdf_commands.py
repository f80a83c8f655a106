"""`plankg export` (the graph as RDF) and `plankg import-rdf` (an export loaded back into a store)."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, BinaryIO

import typer
from rich.console import Console

from plankg import queries
from plankg.analysis.writers import FORMATS as ANALYSIS_FORMATS
from plankg.cli.analysis_commands import export_for_analysis
from plankg.cli.errors import ExitCode, fail
from plankg.cli.main import app
from plankg.graph import open_store
from plankg.graph.port import InvalidGraph
from plankg.pipeline import read_rdf_export
from plankg.rdf.export import FORMATS, export, rdf_format
from plankg.rdf.importer import RdfImportError
from plankg.rdf.mapping import RdfMapping
from plankg.settings import get_settings

err_console = Console(stderr=True)


@app.command("export")
def export_command(
    rdf: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"RDF: {', '.join(FORMATS)}; for analysis tools: {', '.join(ANALYSIS_FORMATS)}.",
        ),
    ] = "ttl",
    plan: Annotated[
        str | None,
        typer.Option(
            metavar="PLAN_ID", help="Only this plan (its id) and the concepts and sectors it links."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="File to write (default stdout); csv: a folder or .zip, parquet: a folder.",
        ),
    ] = None,
) -> None:
    """Export the graph as RDF (Turtle, JSON-LD, N-Triples or RDF/XML; N-Triples and Turtle stream), as
    tables (CSV folder or .zip, Excel workbook, Parquet folder) or as a network (GraphML, GEXF)."""
    if rdf.lower() in ANALYSIS_FORMATS:
        export_for_analysis(rdf.lower(), plan=plan, output=output)
        return
    try:
        fmt = rdf_format(rdf)
    except ValueError as exc:
        raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    settings = get_settings()
    with open_store(settings) as store:
        if plan and not any(row["id"] == plan for row in queries.run(store, "export_plan_versions", {})):
            raise fail(f"no plan with id {plan!r}; `plankg query plans` lists them", ExitCode.BAD_INPUT)
        chunks = export(store, RdfMapping(settings.base_iri), fmt, plan=plan)
        if output is None:
            _write(chunks, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        # Write beside the target and rename, so a failed export leaves no half file behind.
        partial = output.with_name(output.name + ".partial")
        try:
            with partial.open("wb") as sink:
                written = _write(chunks, sink)
            partial.replace(output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    err_console.print(f"wrote {output} ({written:,} bytes, {fmt.media_type})")


def _write(chunks: Iterable[bytes], sink: BinaryIO) -> int:
    written = 0
    for chunk in chunks:
        sink.write(chunk)
        written += len(chunk)
    return written


@app.command("import-rdf")
def import_rdf_command(
    file: Annotated[
        Path, typer.Argument(metavar="FILE", help="A plankg RDF export (.ttl .nt .jsonld .rdf).")
    ],
    rdf: Annotated[
        str | None,
        typer.Option("--format", "-f", metavar="FORMAT", help="RDF format, if the suffix does not tell."),
    ] = None,
    base_iri: Annotated[
        str | None,
        typer.Option(metavar="IRI", help="Base IRI the export was made under (default: read from the data)."),
    ] = None,
    force: Annotated[bool, typer.Option(help="Rewrite plans even when their sha256 is unchanged.")] = False,
) -> None:
    """Load an RDF export back into the configured store, one transaction per plan."""
    rdflib_format = None
    if rdf is not None:
        try:
            rdflib_format = rdf_format(rdf).rdflib_format
        except ValueError as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    try:
        # Every plan is read and checked before anything is written.
        graphs = read_rdf_export(file, rdf_format=rdflib_format, base_iri=base_iri)
    except RdfImportError as exc:
        raise fail(str(exc), ExitCode.BAD_INPUT) from exc
    console = Console()
    with open_store(get_settings()) as store:
        for graph in graphs:
            try:
                result = store.write_document(graph, force=force)
            except InvalidGraph as exc:
                raise fail(f"plan {graph.plan_id}: {exc}", ExitCode.BAD_INPUT) from exc
            state = "loaded" if result.changed else "unchanged"
            console.print(
                f"{state}: {graph.plan_id} "
                f"[dim]({len(graph.nodes)} nodes, {len(graph.relationships)} links)[/dim]"
            )
