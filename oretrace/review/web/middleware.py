"""ASGI middleware around the whole workspace: security headers on every response, request limits.

Both wrap the application outside Starlette's own error middleware (see app.ReviewApp), so that a 500 page,
a 413 or a 400 sent here carries the same headers as any page, and an oversized body is refused before any
route, dependency or login check runs.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from urllib.parse import unquote_to_bytes

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Nothing the workspace accepts comes near this: a decision note is at most 4,000 characters.
MAX_BODY_BYTES = 64 * 1024


class BodyTooLarge(HTTPException):
    """Raised from `receive` when a body without (or beyond) its Content-Length outgrows the limit. Being an
    HTTPException, it reaches the app's handler wherever the body is read (FastAPI re-raises it as is)."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"the request body is larger than {limit} bytes")


class SecurityHeaders:
    """Adds `headers` to every HTTP response that does not set them itself, plus no-store caching outside
    /static/ and HSTS when the request came over HTTPS (directly or through a trusted proxy)."""

    def __init__(self, app: ASGIApp, headers: Mapping[str, str]) -> None:
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(self.headers)
        if not scope["path"].startswith("/static/"):
            extra.append((b"cache-control", b"no-store"))
        if scope.get("scheme") == "https":
            extra.append((b"strict-transport-security", b"max-age=31536000"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                added = [(name, value) for name, value in extra if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *added]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestLimits:
    """Refuses, before the application sees them: a body over `max_body_bytes` by its Content-Length (413) or
    as it streams in (413), a malformed Content-Length (400), and a NUL character in the path or query
    string (400; PostgreSQL refuses NUL in text, and no id or filter of the workspace contains one)."""

    def __init__(self, app: ASGIApp, max_body_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if "\x00" in scope["path"] or b"\x00" in unquote_to_bytes(scope.get("query_string", b"")):
            await _refuse(scope, send, 400, "the address contains a NUL character")
            return
        lengths = [v for k, v in scope.get("headers", []) if k.lower() == b"content-length"]
        declared: int | None = None
        if lengths:
            if len(set(lengths)) > 1 or not lengths[0].strip().isdigit():
                await _refuse(scope, send, 400, "malformed Content-Length")
                return
            declared = int(lengths[0])
            if declared > self.max_body_bytes:
                await _refuse(scope, send, 413, f"the request body is larger than {self.max_body_bytes} bytes")
                return
        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self.max_body_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as err:
            if started:
                raise
            await _refuse(scope, send, 413, str(err.detail))


async def _refuse(scope: Scope, send: Send, status: int, message: str) -> None:
    """A short answer sent without the application: JSON under /api/, plain text elsewhere."""
    if scope["path"].startswith("/api/"):
        body, media = json.dumps({"detail": message}).encode(), b"application/json"
    else:
        body, media = f"Error {status}: {message}\n".encode(), b"text/plain; charset=utf-8"
    headers = [(b"content-type", media), (b"content-length", str(len(body)).encode()), (b"connection", b"close")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
