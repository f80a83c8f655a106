"""One exit code per cause, the same for every command, and a one-line message for each.

| code | cause |
|---|---|
| 0 | done |
| 1 | an unexpected error (a bug: the traceback is printed) |
| 2 | bad input: a missing path, a directory where a file was expected, an unreadable or invalid
|   | document, a bad option |
| 3 | store unavailable: locked by another process, unreachable, cannot be opened |
| 4 | refused: a different document maps to a plan already loaded (`plankg load --replace` replaces it) |
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

import click
import typer
from rich.console import Console
from typer.core import TyperGroup

from plankg.graph.port import InvalidGraph, PlanCollision, StoreUnavailable
from plankg.loaders.reading import DocumentReadError


class ExitCode(IntEnum):
    OK = 0
    ERROR = 1
    BAD_INPUT = 2
    STORE_UNAVAILABLE = 3
    REFUSED = 4


err_console = Console(stderr=True, highlight=False)


def fail(message: str, code: ExitCode) -> typer.Exit:
    """Print `error: message` on stderr; the caller raises the returned Exit."""
    err_console.print(f"[red]error:[/red] {message}", markup=True, soft_wrap=True)
    return typer.Exit(int(code))


def exit_for(exc: BaseException) -> typer.Exit | None:
    """The one-line message and exit code of an error every command may meet; None for others."""
    if isinstance(exc, StoreUnavailable):
        return fail(f"store unavailable: {exc}", ExitCode.STORE_UNAVAILABLE)
    if isinstance(exc, PlanCollision):
        return fail(f"{exc} (plankg load --replace)", ExitCode.REFUSED)
    if isinstance(exc, DocumentReadError):
        return fail(f"cannot read {exc.path}: {exc.reason}", ExitCode.BAD_INPUT)
    if isinstance(exc, InvalidGraph):
        return fail(str(exc), ExitCode.BAD_INPUT)
    if isinstance(exc, FileNotFoundError | IsADirectoryError | NotADirectoryError | PermissionError):
        return fail(f"{exc.filename}: {exc.strerror}", ExitCode.BAD_INPUT)
    return None


class ErrorMappingGroup(TyperGroup):
    """Runs a command and turns the errors of `exit_for` into their message and exit code, so no
    command prints a traceback for a locked store or a bad path."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            mapped = exit_for(exc)
            if mapped is None:
                raise
            raise mapped from None
