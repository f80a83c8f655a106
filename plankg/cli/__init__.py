"""Command-line interface. Each module adds its commands to the one Typer app."""

from plankg.cli import (  # noqa: F401  (registration)
    across_commands,
    document_commands,
    load_commands,
    rdf_commands,
    serve_commands,
    store_commands,
)
from plankg.cli.main import app

__all__ = ["app"]
