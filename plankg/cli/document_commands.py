"""Commands: document_commands (being written)."""

from plankg.cli.main import app  # noqa: F401
