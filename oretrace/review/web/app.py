"""The review workspace as a web application: server-rendered pages and a JSON API over review.service.

Security model: a login sets a random token in an HttpOnly, SameSite=Strict cookie (the store keeps its
hash); every state-changing request carries the login's CSRF token (a form field, or the X-CSRF-Token
header for the JSON API); every endpoint resolves the user server-side and the service layer checks the
role. Extracted text is hostile: templates autoescape everything, scripts never build HTML from data, and
the Content-Security-Policy allows only this site's own script and style files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Header, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams
from starlette.templating import Jinja2Templates

from oretrace.core.models import Frozen
from oretrace.review import auth, service
from oretrace.review.auth import Actor, AuthError, LoginSession, Permission, PermissionDenied, Role, UserError
from oretrace.review.export import ExportFormat, history_export, queue_export
from oretrace.review.models import (
    DecisionRequest,
    DocumentHistory,
    FindingView,
    HistoryEntry,
    HistoryFilters,
    QueueResult,
    ShipmentView,
)
from oretrace.review.page_images import PageImageError
from oretrace.review.web.forms import history_filters_from, queue_filters_from
from oretrace.review.web.render import format_value
from oretrace.store.audit import VerificationResult, verify_chain
from oretrace.store.review_tables import DecisionAction

SESSION_COOKIE = "oretrace_session"
LOGIN_CSRF_COOKIE = "oretrace_login_csrf"
CSRF_HEADER = "X-CSRF-Token"
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
DECISION_ACTIONS = [
    DecisionAction.CONFIRM,
    DecisionAction.DISMISS,
    DecisionAction.ESCALATE,
    DecisionAction.REOPEN,
]


class LoginRequired(Exception):
    pass


class CsrfFailed(Exception):
    pass


class LoginForm(Frozen):
    name: str
    password: str


class NewUser(Frozen):
    name: str
    role: Role
    password: str


class UserChange(Frozen):
    role: Role | None = None
    active: bool | None = None


class LoginResult(Frozen):
    user: str
    role: Role
    csrf_token: str


def db(request: Request) -> Iterator[Session]:
    """One session per request. Endpoints that write commit before they respond (so a redirect's next page
    sees the change); anything left is committed afterwards, or rolled back if the endpoint failed."""
    session = Session(request.app.state.engine, expire_on_commit=False)
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


DB = Annotated[Session, Depends(db)]


def current_login(request: Request, session: DB) -> LoginSession:
    login = auth.resolve(session, request.cookies.get(SESSION_COOKIE))
    if login is None:
        raise LoginRequired()
    return login


Login = Annotated[LoginSession, Depends(current_login)]


def check_csrf(login: LoginSession, given: str | None) -> None:
    if not auth.csrf_matches(login.csrf_token, given):
        raise CsrfFailed()


def api_csrf(login: Login, token: Annotated[str | None, Header(alias=CSRF_HEADER)] = None) -> LoginSession:
    """The login of a state-changing API call, which must carry the login's CSRF token in X-CSRF-Token."""
    check_csrf(login, token)
    return login


WriteLogin = Annotated[LoginSession, Depends(api_csrf)]


def _templates() -> Jinja2Templates:
    # Autoescaping on for every template, whatever its name: all data shown is treated as text.
    env = Environment(loader=PackageLoader("oretrace.review.web", "templates"), autoescape=True)
    env.filters["value"] = format_value
    env.globals["urlencode"] = urlencode
    return Jinja2Templates(env=env)


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
    templates = _templates()
    image_cache = home / "cache" / "page_images"
    app.mount("/static", StaticFiles(packages=[("oretrace.review.web", "static")]), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Any]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if not request.url.path.startswith("/static/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    # --- errors ---------------------------------------------------------------------------------------------

    def _wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def _error(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message}, status)

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

    # --- login ----------------------------------------------------------------------------------------------

    def _safe_next(target: str | None) -> str:
        # Only paths on this site: never "//host" or a full URL.
        if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
            return target
        return "/"

    def _set_session_cookie(request: Request, response: Response, login: LoginSession) -> None:
        response.set_cookie(
            SESSION_COOKIE,
            login.token,
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
            max_age=int(auth.SESSION_LIFETIME.total_seconds()),
            path="/",
        )

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/") -> Response:
        import secrets

        token = secrets.token_urlsafe(32)
        response = templates.TemplateResponse(
            request, "login.html", {"login_csrf": token, "next": _safe_next(next), "error": None, "login": None}
        )
        response.set_cookie(
            LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https"
        )
        return response

    @app.post("/login", include_in_schema=False)
    async def login_submit(request: Request, session: DB) -> Response:
        form = await request.form()
        cookie_token = request.cookies.get(LOGIN_CSRF_COOKIE)
        if not cookie_token or not auth.csrf_matches(cookie_token, str(form.get("login_csrf", ""))):
            raise CsrfFailed()
        target = _safe_next(str(form.get("next", "/")))
        try:
            login = auth.login(session, str(form.get("name", "")), str(form.get("password", "")))
        except AuthError:
            response = templates.TemplateResponse(
                request,
                "login.html",
                {"login_csrf": cookie_token, "next": target, "error": "Wrong user name or password.", "login": None},
                401,
            )
            return response
        session.commit()
        response = RedirectResponse(target, status_code=303)
        _set_session_cookie(request, response, login)
        response.delete_cookie(LOGIN_CSRF_COOKIE)
        return response

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request, session: DB, login: Login) -> Response:
        form = await request.form()
        check_csrf(login, str(form.get("csrf_token", "")))
        auth.logout(session, login.token)
        session.commit()
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    # --- pages ----------------------------------------------------------------------------------------------

    def page(request: Request, name: str, login: LoginSession, status: int = 200, **context: Any) -> Response:
        base = {"login": login, "can_decide": login.actor.can(Permission.DECIDE)}
        base["can_manage_users"] = login.actor.can(Permission.MANAGE_USERS)
        return templates.TemplateResponse(request, name, base | context, status)

    def _queue_context(session: Session, actor: Actor, params: QueryParams) -> dict[str, Any]:
        try:
            filters = queue_filters_from(params)
        except ValidationError as err:
            raise HTTPException(422, f"bad filter: {err.errors()[0].get('msg')}") from err
        result = service.list_queue(session, actor, filters)
        return {"queue": result, "filters": filters, "query": str(params)}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def queue_page(request: Request, session: DB, login: Login) -> Response:
        users = [u.name for u in auth.list_users(session, login.actor) if u.role is Role.REVIEWER]
        context = _queue_context(session, login.actor, request.query_params)
        return page(request, "queue.html", login, reviewers=users, **context)

    @app.get("/shipments/{shipment_id}", response_class=HTMLResponse, include_in_schema=False)
    def shipment_page(request: Request, shipment_id: str, session: DB, login: Login) -> Response:
        view = service.shipment_view(session, login.actor, shipment_id)
        return page(request, "shipment.html", login, shipment=view)

    def _finding_page(
        request: Request,
        session: Session,
        login: LoginSession,
        finding_id: int,
        query: str,
        *,
        conflict: str | None = None,
        error: str | None = None,
        note: str = "",
        status: int = 200,
    ) -> Response:
        view = service.finding_view(session, login.actor, finding_id)
        params = QueryParams(query)
        filters = queue_filters_from(params)
        next_id = service.next_finding_id(session, login.actor, finding_id, filters)
        reviewers = [u.name for u in auth.list_users(session, login.actor) if u.role is Role.REVIEWER and u.active]
        pages = _evidence_pages(view)
        return page(
            request,
            "finding.html",
            login,
            status,
            finding=view,
            pages=pages,
            next_id=next_id if next_id != finding_id else None,
            query=query,
            actions=DECISION_ACTIONS,
            reviewers=reviewers,
            conflict=conflict,
            error=error,
            note=note,
        )

    @app.get("/findings/{finding_id}", response_class=HTMLResponse, include_in_schema=False)
    def finding_page(request: Request, finding_id: int, session: DB, login: Login) -> Response:
        return _finding_page(request, session, login, finding_id, str(request.query_params))

    @app.post("/findings/{finding_id}/decide", include_in_schema=False)
    async def decide_form(request: Request, finding_id: int, session: DB, login: Login) -> Response:
        form = await request.form()
        check_csrf(login, str(form.get("csrf_token", "")))
        query = str(form.get("query", ""))
        login.actor.require(Permission.DECIDE)
        try:
            request_model = DecisionRequest(
                action=DecisionAction(str(form.get("action", ""))),
                note=str(form.get("note", "")),
                version=int(str(form.get("version", "0"))),
                assignee=str(form.get("assignee") or "") or None,
            )
        except (ValueError, ValidationError):
            return _finding_page(
                request, session, login, finding_id, query, error="Choose a decision and write a note.", status=422
            )
        filters = queue_filters_from(QueryParams(query))
        next_id = service.next_finding_id(session, login.actor, finding_id, filters)
        try:
            service.decide(session, login.actor, finding_id, request_model)
            session.commit()
        except service.DecisionConflict as conflict:
            # The reviewer's note stays in the form, to decide again on the current state.
            return _finding_page(
                request, session, login, finding_id, query, conflict=str(conflict), note=request_model.note, status=409
            )
        except service.InvalidDecision as err:
            return _finding_page(
                request, session, login, finding_id, query, error=str(err), note=request_model.note, status=422
            )
        suffix = f"?{query}" if query else ""
        if request_model.action is DecisionAction.ASSIGN or next_id is None or next_id == finding_id:
            return RedirectResponse(f"/findings/{finding_id}{suffix}", status_code=303)
        return RedirectResponse(f"/findings/{next_id}{suffix}", status_code=303)

    @app.get("/history", response_class=HTMLResponse, include_in_schema=False)
    def history_page(request: Request, session: DB, login: Login) -> Response:
        filters = _history_filters(request.query_params)
        entries = service.history(session, login.actor, filters)
        return page(request, "history.html", login, entries=entries, filters=filters, query=str(request.query_params))

    @app.get("/documents/{document_id}/history", response_class=HTMLResponse, include_in_schema=False)
    def document_history_page(request: Request, document_id: str, session: DB, login: Login) -> Response:
        view = service.document_history(session, login.actor, document_id)
        return page(request, "document_history.html", login, document=view)

    @app.get("/documents/{document_id}/pages/{number}.png", include_in_schema=False)
    def page_png(document_id: str, number: int, session: DB, login: Login) -> Response:
        try:
            path = service.page_image(session, login.actor, document_id, number, image_cache)
        except (service.PageUnavailable, PageImageError) as err:
            raise service.NotFound(str(err)) from err
        return FileResponse(path, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    @app.get("/users", response_class=HTMLResponse, include_in_schema=False)
    def users_page(request: Request, session: DB, login: Login) -> Response:
        login.actor.require(Permission.MANAGE_USERS)
        return page(request, "users.html", login, users=auth.list_users(session, login.actor), error=None)

    @app.post("/users", include_in_schema=False)
    async def users_add(request: Request, session: DB, login: Login) -> Response:
        form = await request.form()
        check_csrf(login, str(form.get("csrf_token", "")))
        login.actor.require(Permission.MANAGE_USERS)
        try:
            auth.add_user_as(
                session, login.actor, str(form.get("name", "")), Role(str(form.get("role"))), str(form.get("password"))
            )
        except (UserError, ValueError) as err:
            users = auth.list_users(session, login.actor)
            return page(request, "users.html", login, 422, users=users, error=str(err))
        session.commit()
        return RedirectResponse("/users", status_code=303)

    @app.post("/users/{name}", include_in_schema=False)
    async def users_change(request: Request, name: str, session: DB, login: Login) -> Response:
        form = await request.form()
        check_csrf(login, str(form.get("csrf_token", "")))
        try:
            auth.change_user_as(
                session, login.actor, name, role=Role(str(form.get("role"))), active=form.get("active") == "on"
            )
        except (UserError, ValueError) as err:
            users = auth.list_users(session, login.actor)
            return page(request, "users.html", login, 422, users=users, error=str(err))
        session.commit()
        return RedirectResponse("/users", status_code=303)

    @app.get("/export/queue.{fmt}", include_in_schema=False)
    def export_queue(request: Request, fmt: ExportFormat, session: DB, login: Login) -> Response:
        result = service.list_queue(session, login.actor, queue_filters_from(request.query_params))
        return _download(queue_export(result.items, fmt), fmt, "queue")

    @app.get("/export/history.{fmt}", include_in_schema=False)
    def export_history(request: Request, fmt: ExportFormat, session: DB, login: Login) -> Response:
        entries = service.history(session, login.actor, _history_filters(request.query_params))
        return _download(history_export(entries, fmt), fmt, "history")

    # --- JSON API -------------------------------------------------------------------------------------------

    @app.post("/api/session", response_model=LoginResult, tags=["session"])
    def api_login(request: Request, body: LoginForm, session: DB) -> Response:
        """Log in: sets the session cookie and returns the CSRF token to send as X-CSRF-Token."""
        try:
            login = auth.login(session, body.name, body.password)
        except AuthError as err:
            raise HTTPException(401, "wrong user name or password") from err
        session.commit()
        response = JSONResponse(
            LoginResult(user=login.actor.name, role=login.actor.role, csrf_token=login.csrf_token).model_dump()
        )
        _set_session_cookie(request, response, login)
        return response

    @app.delete("/api/session", status_code=204, tags=["session"])
    def api_logout(session: DB, login: WriteLogin) -> Response:
        auth.logout(session, login.token)
        session.commit()
        response = Response(status_code=204)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/api/me", response_model=LoginResult, tags=["session"])
    def api_me(login: Login) -> LoginResult:
        return LoginResult(user=login.actor.name, role=login.actor.role, csrf_token=login.csrf_token)

    @app.get("/api/queue", response_model=QueueResult, tags=["review"])
    def api_queue(request: Request, session: DB, login: Login) -> QueueResult:
        """Findings of each shipment's latest run. Query: status, severity, check (repeatable), shipment,
        exporter, declared_origin, assignee ('-' for unassigned), min_age_days, max_age_days, sort, descending."""
        try:
            filters = queue_filters_from(request.query_params)
        except ValidationError as err:
            raise HTTPException(422, str(err)) from err
        return service.list_queue(session, login.actor, filters)

    @app.get("/api/shipments/{shipment_id}", response_model=ShipmentView, tags=["review"])
    def api_shipment(shipment_id: str, session: DB, login: Login) -> ShipmentView:
        return service.shipment_view(session, login.actor, shipment_id)

    @app.get("/api/findings/{finding_id}", response_model=FindingView, tags=["review"])
    def api_finding(finding_id: int, session: DB, login: Login) -> FindingView:
        return service.finding_view(session, login.actor, finding_id)

    @app.post(
        "/api/findings/{finding_id}/decisions",
        response_model=FindingView,
        tags=["review"],
        responses={409: {"description": "the finding changed since `version`; body has `current`"}},
    )
    def api_decide(finding_id: int, body: DecisionRequest, session: DB, login: WriteLogin) -> Response:
        """Confirm, dismiss, escalate, reopen or assign. Send the finding's `version` as last read."""
        try:
            view = service.decide(session, login.actor, finding_id, body)
            session.commit()
        except service.DecisionConflict as conflict:
            return JSONResponse(
                {"detail": str(conflict), "current": conflict.current.model_dump(mode="json")}, status_code=409
            )
        return JSONResponse(view.model_dump(mode="json"))

    @app.get("/api/history", response_model=list[HistoryEntry], tags=["history"])
    def api_history(request: Request, session: DB, login: Login) -> list[HistoryEntry]:
        """Audit entries, newest first. Query: shipment, document, finding, user, since, until, limit."""
        return service.history(session, login.actor, _history_filters(request.query_params))

    @app.get("/api/history/export", tags=["history"])
    def api_history_export(request: Request, session: DB, login: Login, format: ExportFormat) -> Response:
        entries = service.history(session, login.actor, _history_filters(request.query_params))
        return _download(history_export(entries, format), format, "history")

    @app.get("/api/documents/{document_id}/versions", response_model=DocumentHistory, tags=["history"])
    def api_document_versions(document_id: str, session: DB, login: Login) -> DocumentHistory:
        return service.document_history(session, login.actor, document_id)

    @app.get("/api/audit/verify", response_model=VerificationResult, tags=["history"])
    def api_audit_verify(session: DB, login: Login) -> VerificationResult:
        login.actor.require(Permission.READ)
        return verify_chain(session)

    @app.get("/api/users", response_model=list[auth.UserInfo], tags=["users"])
    def api_users(session: DB, login: Login) -> list[auth.UserInfo]:
        return auth.list_users(session, login.actor)

    @app.post("/api/users", response_model=auth.UserInfo, status_code=201, tags=["users"])
    def api_add_user(body: NewUser, session: DB, login: WriteLogin) -> auth.UserInfo:
        try:
            user = auth.add_user_as(session, login.actor, body.name, body.role, body.password)
            session.commit()
            return user
        except UserError as err:
            raise HTTPException(422, str(err)) from err

    @app.patch("/api/users/{name}", response_model=auth.UserInfo, tags=["users"])
    def api_change_user(name: str, body: UserChange, session: DB, login: WriteLogin) -> auth.UserInfo:
        """Change a user's role or (de)activate them (admins). Deactivation ends the user's logins."""
        try:
            user = auth.change_user_as(session, login.actor, name, role=body.role, active=body.active)
        except UserError as err:
            raise HTTPException(422, str(err)) from err
        session.commit()
        return user

    return app


def _history_filters(params: QueryParams) -> HistoryFilters:
    try:
        return history_filters_from(params)
    except ValidationError as err:
        raise HTTPException(422, f"bad filter: {err.errors()[0].get('msg')}") from err


def _download(body: str, fmt: ExportFormat, stem: str) -> Response:
    media = "text/csv; charset=utf-8" if fmt is ExportFormat.CSV else "application/json"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{stem}.{fmt}"'})


class EvidencePage(Frozen):
    """One page image with the evidence boxes that lie on it."""

    document_id: str
    page: int
    source_path: str | None
    doc_type: str | None
    boxes: list[dict[str, Any]]


def _evidence_pages(view: FindingView) -> list[EvidencePage]:
    pages: dict[tuple[str, int], EvidencePage] = {}
    for number, evidence in enumerate(view.evidence, start=1):
        if not evidence.document_id:
            continue
        key = (evidence.document_id, evidence.page)
        if key not in pages:
            pages[key] = EvidencePage(
                document_id=evidence.document_id,
                page=evidence.page,
                source_path=evidence.source_path,
                doc_type=evidence.doc_type,
                boxes=[],
            )
        x0, y0, x1, y1 = (min(max(v, 0.0), 1.0) for v in evidence.bbox)
        # SVG user units on a 1000x1000 viewBox stretched over the image: no inline styles needed (CSP).
        pages[key].boxes.append(
            {
                "n": number,
                "x": round(x0 * 1000, 1),
                "y": round(y0 * 1000, 1),
                "w": round(max(x1 - x0, 0.002) * 1000, 1),
                "h": round(max(y1 - y0, 0.002) * 1000, 1),
                "text": evidence.text,
            }
        )
    return list(pages.values())
