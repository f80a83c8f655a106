"""The `plankg` Typer app; command modules register themselves on it."""

from __future__ import annotations

import typer

from plankg.cli.errors import ErrorMappingGroup

app = typer.Typer(
    name="plankg",
    help="plankg: a knowledge graph of government plan entities (目标, 方向, 任务, 指标, 领域, 概念).",
    no_args_is_help=True,
    add_completion=False,
    # click's plain help: flags without a <bool> tag, values named by their metavar (PORT, FILE …)
    rich_markup_mode=None,
    cls=ErrorMappingGroup,
)
