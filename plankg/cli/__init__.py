"""Command-line interface. Each module adds its commands to the one Typer app."""

from plankg.cli import document_commands, load_commands, serve_commands, store_commands  # noqa: F401  (registration)
from plankg.cli.main import app

__all__ = ["app"]
