"""The explorer page: plain HTML, CSS and ES modules written for plankg (static/), with no third-party
code and no build step. It reads the graph only through the public REST API, so it doubles as the
reference client for other frontends; the API serves its files (plankg.api.routes.page).
"""

from __future__ import annotations

from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent / "static"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}


def asset(name: str) -> tuple[Path, str] | None:
    """The page file called `name` and its media type; None unless it is a plain file directly in
    static/ with a known type (no path tricks, no directory listings)."""
    path = (STATIC_DIR / name).resolve()
    media_type = MEDIA_TYPES.get(path.suffix)
    if path.parent != STATIC_DIR or media_type is None or not path.is_file():
        return None
    return path, media_type
