"""The `plankg` Typer app; command modules register themselves on it."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperArgument

from plankg.cli.errors import ErrorMappingGroup


class NamedArgument(TyperArgument):
    """A positional argument shown in --help by its metavar alone (CONCEPT, FILE), as options are:
    without the <str>/<list[Path]> tag Typer adds to arguments whatever their metavar."""

    def display_type_rich(self, ctx: Any) -> str | None:  # Any: Typer 0.29 vendors its own click
        return None


class PlankgGroup(ErrorMappingGroup):
    """The command group: errors mapped to exit codes (ErrorMappingGroup), arguments named plainly.
    Typer has no hook for the argument class, so each command's arguments are switched to
    NamedArgument (a subclass adding no state) once, when the group is built."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            for param in command.params:
                if type(param) is TyperArgument:
                    param.__class__ = NamedArgument


app = typer.Typer(
    name="plankg",
    help="plankg: a knowledge graph of government plan entities (目标, 方向, 任务, 指标, 领域, 概念).",
    no_args_is_help=True,
    add_completion=False,
    # click's plain help: flags without a <bool> tag, values named by their metavar (PORT, FILE …)
    rich_markup_mode=None,
    cls=PlankgGroup,
)
