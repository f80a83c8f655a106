"""Questions across plans from the shell: a concept's spread, one measure compared, two plans diffed,
a plan's relations. Each prints a table, or with --json the same JSON as the API."""

from __future__ import annotations

from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from plankg.cli.errors import ExitCode, fail
from plankg.cli.main import app
from plankg.cli.serve_commands import _open_store
from plankg.settings import get_settings

console = Console()

AsJson = Annotated[bool, typer.Option("--json", help="Print the same JSON as the API.")]
RegionOption = Annotated[
    str | None, typer.Option(metavar="REGION", help="Only plans of this division or within it (山东).")
]


def _emit_json(answer: BaseModel) -> None:
    typer.echo(answer.model_dump_json(indent=2))


@app.command()
def spread(
    concept: Annotated[str, typer.Argument(metavar="CONCEPT", help="A concept's name or id.")],
    region: RegionOption = None,
    limit: Annotated[int, typer.Option(metavar="N", help="At most this many plans.")] = 50,
    as_json: AsJson = False,
) -> None:
    """Which plans mention a concept, where and when (first year per region)."""
    from plankg.services.corpus import UnknownRegion, concept_plans

    with _open_store(get_settings()) as store:
        try:
            answer = concept_plans(store, concept, region=region, limit=limit)
        except UnknownRegion as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from None
    if answer is None:
        hint = "`plankg query concepts_page` lists them"
        raise fail(f"no concept called {concept!r}; {hint}", ExitCode.BAD_INPUT)
    if as_json:
        return _emit_json(answer)
    table = Table(title=f"{answer.concept.name}: first year per region")
    for column in ("region", "level", "first year", "plans"):
        table.add_column(column)
    for row in answer.by_region:
        table.add_row(row.region, row.level or "", str(row.first_year or ""), str(row.plans))
    console.print(table)
    plans = Table(title=f"plans that mention {answer.concept.name} ({answer.total})")
    for column in ("year", "region", "plan", "mentions", "first mention"):
        plans.add_column(column, overflow="fold")
    for item in answer.items:
        first = item.first_evidence
        plans.add_row(
            str(item.plan.year or ""),
            item.plan.region or "",
            item.plan.title,
            str(item.mentions),
            (first.text or "") if first else "",
        )
    console.print(plans)
    return None


@app.command()
def compare(
    measure: Annotated[str, typer.Argument(metavar="MEASURE", help="A measure (5G基站) or name.")],
    region: RegionOption = None,
    as_json: AsJson = False,
) -> None:
    """The same measure across plans: region × target year, with values and comparators."""
    from plankg.services.corpus import UnknownRegion, compare_indicators

    with _open_store(get_settings()) as store:
        try:
            answer = compare_indicators(store, measure, region=region, limit=200)
        except UnknownRegion as exc:
            raise fail(str(exc), ExitCode.BAD_INPUT) from None
    if as_json:
        return _emit_json(answer)
    title = answer.measure_name or measure
    table = Table(title=f"{title} ({answer.unit or 'as written'}): {answer.total} regions")
    table.add_column("region")
    for year in answer.years:
        table.add_column(year, overflow="fold")
    for row in answer.rows:
        cells = []
        for year in answer.years:
            targets = row.by_year.get(year, [])
            cells.append("; ".join(f"{t.comparator} {t.value:g}{t.unit}" for t in targets))
        table.add_row(row.region, *cells)
    console.print(table)
    return None


@app.command()
def diff(
    old: Annotated[str, typer.Argument(metavar="OLD", help="Plan id (e.g. the 十三五 edition).")],
    new: Annotated[str, typer.Argument(metavar="NEW", help="Plan id (e.g. the 十四五 edition).")],
    as_json: AsJson = False,
) -> None:
    """What changed between two plans: goals, tasks, indicators added or dropped; targets changed."""
    from plankg.services.corpus import diff_plans

    with _open_store(get_settings()) as store:
        answer = diff_plans(store, old, new)
    if answer is None:
        raise fail(f"no plan {old!r} or {new!r}; `plankg query plans` lists them", ExitCode.BAD_INPUT)
    if as_json:
        return _emit_json(answer)
    table = Table(title=f"{answer.old.title} → {answer.new.title}: targets changed")
    for column in ("indicator", "old", "new", "what"):
        table.add_column(column, overflow="fold")
    for change in answer.targets_changed:
        o, n = change.old_target, change.new_target
        table.add_row(
            change.name,
            f"{o.comparator} {o.value:g}{o.unit} ({o.target_year})",
            f"{n.comparator} {n.value:g}{n.unit} ({n.target_year})",
            ", ".join(change.changed),
        )
    console.print(table)
    console.print(
        f"added {len(answer.added)}, dropped {len(answer.dropped)}, kept {answer.kept}, "
        f"targets only moved in year {answer.targets_moved}"
    )
    for entity in answer.added:
        console.print(f"  + {entity.kind}: {entity.name}")
    for entity in answer.dropped:
        console.print(f"  - {entity.kind}: {entity.name}")
    return None


@app.command()
def relations(
    plan: Annotated[str, typer.Argument(metavar="PLAN", help="Plan id.")],
    as_json: AsJson = False,
) -> None:
    """What a plan cites, implements and succeeds, and what cites, implements or succeeds it."""
    from plankg.services.corpus import plan_relations

    with _open_store(get_settings()) as store:
        answer = plan_relations(store, plan)
    if answer is None:
        raise fail(f"no plan {plan!r}; `plankg query plans` lists them", ExitCode.BAD_INPUT)
    if as_json:
        return _emit_json(answer)
    table = Table(title=answer.plan.title)
    for column in ("relation", "plan", "evidence span"):
        table.add_column(column, overflow="fold")
    groups = {
        "cites": answer.cites,
        "implements": answer.implements,
        "succeeds": answer.succeeds,
        "cited by": answer.cited_by,
        "implemented by": answer.implemented_by,
        "succeeded by": answer.succeeded_by,
    }
    for label, links in groups.items():
        for link in links:
            span = link.evidence.span if link.evidence else None
            table.add_row(label, link.title or link.plan_id, f"{span[0]}:{span[1]}" if span else "")
    for cited in answer.citations:
        if not cited.resolved:
            table.add_row(f"{cited.kind} (not loaded)", cited.title, "")
    console.print(table)
    return None
