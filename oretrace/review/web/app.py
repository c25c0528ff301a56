"""The review workspace as a web application: server-rendered pages and a JSON API over review.service.

Security model: a login sets a random token in an HttpOnly, SameSite=Strict cookie (the store keeps its
hash); every state-changing request carries the login's CSRF token (a form field, or the X-CSRF-Token
header for the JSON API); every endpoint resolves the user server-side and the service layer checks the
role. Extracted text is hostile: templates autoescape everything, scripts never build HTML from data, and
the Content-Security-Policy allows only this site's own script and style files.

Routers: `login` (sessions), `pages` (HTML), `api` (JSON); `deps` holds the request dependencies.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from oretrace.review import auth, service
from oretrace.review.auth import LoginSession, PermissionDenied
from oretrace.review.page_images import SourceUnavailable
from oretrace.review.web import api, login, pages
from oretrace.review.web.deps import SESSION_COOKIE, CsrfFailed, LoginRequired
from oretrace.review.web.middleware import MAX_BODY_BYTES, RequestLimits, SecurityHeaders
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


class ReviewApp(FastAPI):
    """FastAPI with the security headers and request limits outside Starlette's error middleware, so they
    apply to every response (500s included) and before any route, dependency or login check."""

    max_body_bytes = MAX_BODY_BYTES

    def build_middleware_stack(self) -> ASGIApp:
        inner = RequestLimits(super().build_middleware_stack(), self.max_body_bytes)
        return SecurityHeaders(inner, SECURITY_HEADERS)


def create_app(engine: Engine, home: Path) -> FastAPI:
    """The workspace over `engine`; page images are cached under home/cache/page_images."""
    app = ReviewApp(
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
    _add_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _login_of(request: Request) -> LoginSession | None:
    """The visitor's login, for the page header of an error page (None if there is none, or the store fails)."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    try:
        with Session(request.app.state.engine) as session:
            return auth.resolve(session, token)
    except Exception:
        return None


def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    if _wants_json(request):
        return JSONResponse({"detail": message}, status_code=status, headers=headers)
    login = _login_of(request) if status != 500 else None
    context = {"status": status, "message": message, "login": login}
    return templates.TemplateResponse(request, "error.html", context, status, headers=headers)


def _validation_message(err: RequestValidationError) -> str:
    """The first problem in words: "finding_id: Input should be less than or equal to 2147483647"."""
    problems = []
    for error in err.errors()[:3]:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(problems) or "invalid request"


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

    @app.exception_handler(SourceUnavailable)
    async def source_unavailable(request: Request, err: SourceUnavailable) -> Response:
        # 409: a file with other content lies where the document was read; 410: no file is left.
        return _error(request, 409 if err.changed else 410, f"{err}; {err.remedy}")

    @app.exception_handler(service.InvalidDecision)
    async def invalid_decision(request: Request, err: service.InvalidDecision) -> Response:
        return _error(request, 422, str(err))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> Response:
        if err.status_code in (204, 304):
            return Response(status_code=err.status_code, headers=err.headers)
        return _error(request, err.status_code, str(err.detail), err.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, err: RequestValidationError) -> Response:
        if _wants_json(request):
            # FastAPI's own shape for the API: every problem with its location.
            errors = [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in err.errors()]
            return JSONResponse({"detail": errors}, status_code=422)
        return _error(request, 422, _validation_message(err))

    @app.exception_handler(Exception)
    async def server_error(request: Request, err: Exception) -> Response:
        # Starlette's error middleware logs the exception after this answer is sent.
        return _error(request, 500, "the workspace failed on this request; it has been logged")
