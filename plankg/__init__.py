"""plankg: a knowledge graph of government plan entities.

`plankg.connect()` opens the Python API (plankg.session); it is imported on first use, so `import plankg`
stays light for the CLI and the loaders."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from plankg.session import KnowledgeGraph, NotFound, connect

__all__ = ["KnowledgeGraph", "NotFound", "connect"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from plankg import session

        return getattr(session, name)
    raise AttributeError(f"module 'plankg' has no attribute {name!r}")
