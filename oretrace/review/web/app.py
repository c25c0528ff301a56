"""The review workspace as a web application: server-rendered pages and a JSON API over review.service.

Security model: a login sets a random token in an HttpOnly, SameSite=Strict cookie (the store keeps its
hash); every state-changing request carries the login's CSRF token (a form field, or the X-CSRF-Token
header for the JSON API); every endpoint resolves the user server-side and the service layer checks the
role. Extracted text is hostile: templates autoescape everything, scripts never build HTML from data, and
the Content-Security-Policy allows only this site's own script and style files.

Routers: `login` (sessions), `pages` (HTML), `api` (JSON); `deps` holds the request dependencies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine

from oretrace.review import service
from oretrace.review.auth import PermissionDenied
from oretrace.review.web import api, login, pages
from oretrace.review.web.deps import SESSION_COOKIE, CsrfFailed, LoginRequired
from oretrace.review.web.render import templates

__all__ = ["CONTENT_SECURITY_POLICY", "SESSION_COOKIE", "create_app"]

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def create_app(engine: Engine, home: Path) -> FastAPI:
    """The workspace over `engine`; page images are cached under home/cache/page_images."""
    app = FastAPI(
        title="oretrace review workspace",
        description="Findings queue, decisions, history and audit log of the oretrace review store.",
        version="1",
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.image_cache = home / "cache" / "page_images"
    app.mount("/static", StaticFiles(packages=[("oretrace.review.web", "static")]), name="static")
    for router in (login.router, pages.router, api.router):
        app.include_router(router)
    app.middleware("http")(_security_headers)
    _add_error_handlers(app)
    return app


async def _security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "log in first"}, status_code=401)
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)

    @app.exception_handler(CsrfFailed)
    async def csrf_failed(request: Request, _: CsrfFailed) -> Response:
        return _error(request, 403, "the form's security token is missing or out of date: reload the page")

    @app.exception_handler(PermissionDenied)
    async def permission_denied(request: Request, err: PermissionDenied) -> Response:
        return _error(request, 403, f"not allowed: {err}")

    @app.exception_handler(service.NotFound)
    async def not_found(request: Request, err: service.NotFound) -> Response:
        return _error(request, 404, str(err))

    @app.exception_handler(service.InvalidDecision)
    async def invalid_decision(request: Request, err: service.InvalidDecision) -> Response:
        return _error(request, 422, str(err))
