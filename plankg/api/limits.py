"""Bounded request bodies: a pure ASGI middleware answering 413 problem+json past the limit.

Uploads (POST /plans) may be large; the researcher's query endpoints (/cypher, /sparql) take a small
body only. A declared Content-Length over the limit is refused before the app runs. A body without one
(chunked) is counted as it streams; once it passes the limit the app's receive() fails, and whatever
the app would have answered is replaced by the 413 (FastAPI turns body-read errors into a 400
otherwise). The API key of a write is checked before its body is read (routes/plans.py).
"""

from __future__ import annotations

import json
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plankg.api.problems import PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE


class BodyTooLarge(Exception):
    pass


QUERY_PATHS = ("/cypher", "/sparql")


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int, max_query_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_query_bytes = max_query_bytes

    def limit_for(self, path: str) -> tuple[int, str]:
        """The body limit of a path and the setting that sets it."""
        if path.rstrip("/") in QUERY_PATHS:
            return self.max_query_bytes, "PLANKG_MAX_QUERY_BODY_BYTES"
        return self.max_bytes, "PLANKG_MAX_UPLOAD_BYTES"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes, setting = self.limit_for(scope.get("path", ""))
        declared = _content_length(scope)
        if declared is not None and declared > max_bytes:
            await _refuse(scope, send, declared, max_bytes, setting)
            return

        received = 0
        exceeded = False
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal response_started
            if exceeded:
                return  # the 413 below replaces whatever the app answers
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except BodyTooLarge:
            pass
        except Exception:
            if not exceeded:
                raise
        if exceeded and not response_started:
            await _refuse(scope, send, None, max_bytes, setting)


async def _refuse(scope: Scope, send: Send, declared: int | None, max_bytes: int, setting: str) -> None:
    size = f"{declared} bytes" if declared is not None else "more"
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_BASE + "content-too-large",
        "title": "Content Too Large",
        "status": 413,
        "detail": f"the request body is {size}; the limit is {max_bytes} bytes ({setting})",
        "instance": scope.get("path", ""),
    }
    payload = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
