"""The explorer page (plankg.explorer) served by the API: "/" answers index.html, /static/{file} its
script, style and icons. Kept out of the OpenAPI schema: the page is not part of the API.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

from plankg import explorer
from plankg.api.problems import ProblemError

router = APIRouter(include_in_schema=False)

# The browser revalidates on every load (cheap: ETag → 304), so a new version is never stale.
CACHE_HEADERS = {"Cache-Control": "no-cache"}


def _file(name: str) -> FileResponse:
    found = explorer.asset(name)
    if found is None:
        raise ProblemError(404, "not-found", f"no page file {name!r}")
    path, media_type = found
    return FileResponse(path, media_type=media_type, headers=CACHE_HEADERS)


@router.get("/")
def explorer_page() -> FileResponse:
    return _file("index.html")


@router.get("/static/{name}")
def explorer_asset(name: Annotated[str, PathParam(max_length=100)]) -> FileResponse:
    return _file(name)
