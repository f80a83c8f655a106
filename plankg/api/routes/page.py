"""The explorer page: "/" answers index.html, /static/{file} its script, style and icons.

The page is plain HTML, CSS and ES modules written for plankg (plankg/api/static/), with no third-party
code and no build step; it reads the graph only through the public REST API, so it doubles as the
reference client for other frontends. Kept out of the OpenAPI schema: it is not part of the API.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from plankg.api.problems import ProblemError

router = APIRouter(include_in_schema=False)

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
# The browser revalidates on every load (cheap: ETag → 304), so a new version is never stale.
CACHE_HEADERS = {"Cache-Control": "no-cache"}


def _file(name: str) -> FileResponse:
    path = (STATIC_DIR / name).resolve()
    media_type = MEDIA_TYPES.get(path.suffix)
    # only plain files directly in static/ with a known type: no path tricks, no directory listings
    if path.parent != STATIC_DIR or media_type is None or not path.is_file():
        raise ProblemError(404, "not-found", f"no page file {name!r}")
    return FileResponse(path, media_type=media_type, headers=CACHE_HEADERS)


@router.get("/")
def explorer_page() -> FileResponse:
    return _file("index.html")


@router.get("/static/{name}")
def explorer_asset(name: Annotated[str, PathParam(max_length=100)]) -> FileResponse:
    return _file(name)
