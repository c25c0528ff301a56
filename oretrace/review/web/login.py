"""Logging in and out: the login form (with its own CSRF cookie) and the JSON API's session endpoints."""

from __future__ import annotations

import secrets

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import Field

from oretrace.core.models import Frozen
from oretrace.review import auth
from oretrace.review.auth import MAX_NAME_LENGTH, AuthError, Role
from oretrace.review.login_throttle import LoginThrottled
from oretrace.review.models import StoreText
from oretrace.review.web.deps import (
    DB,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    CsrfFailed,
    Login,
    WriteLogin,
    check_csrf,
    set_session_cookie,
)
from oretrace.review.web.render import templates

router = APIRouter()


class LoginForm(Frozen):
    name: StoreText = Field(max_length=MAX_NAME_LENGTH)
    password: str = Field(max_length=auth.MAX_PASSWORD_LENGTH)


class LoginResult(Frozen):
    user: str
    role: Role
    csrf_token: str


def client_address(request: Request) -> str:
    """The client's address; behind a proxy, the one the proxy reports (serve --proxy-headers)."""
    return request.client.host if request.client else "unknown"


def safe_next(target: str | None) -> str:
    """Where to go after login: only a path on this site, never "//host" or a full URL."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, next: str = "/") -> Response:
    token = secrets.token_urlsafe(32)
    response = templates.TemplateResponse(
        request, "login.html", {"login_csrf": token, "next": safe_next(next), "error": None, "login": None}
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https"
    )
    return response


@router.post("/login", include_in_schema=False)
async def login_submit(request: Request, session: DB) -> Response:
    form = await request.form()
    cookie_token = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not cookie_token or not auth.csrf_matches(cookie_token, str(form.get("login_csrf", ""))):
        raise CsrfFailed()
    target = safe_next(str(form.get("next", "/")))
    name, password = str(form.get("name", "")), str(form.get("password", ""))[: auth.MAX_PASSWORD_LENGTH + 1]
    context = {"login_csrf": cookie_token, "next": target, "login": None}
    try:
        login = auth.attempt_login(session, name, password, client_address(request))
    except LoginThrottled as err:
        context["error"] = f"Too many failed logins: try again in {err.retry_after_seconds} seconds."
        headers = {"Retry-After": str(err.retry_after_seconds)}
        return templates.TemplateResponse(request, "login.html", context, 429, headers=headers)
    except AuthError:
        context["error"] = "Wrong user name or password."
        return templates.TemplateResponse(request, "login.html", context, 401)
    response = RedirectResponse(target, status_code=303)
    set_session_cookie(request, response, login)
    response.delete_cookie(LOGIN_CSRF_COOKIE)
    return response


@router.post("/logout", include_in_schema=False)
async def logout(request: Request, session: DB, login: Login) -> Response:
    form = await request.form()
    check_csrf(login, str(form.get("csrf_token", "")))
    auth.logout(session, login.token)
    session.commit()
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.post(
    "/api/session",
    response_model=LoginResult,
    tags=["session"],
    responses={401: {"description": "wrong name or password"}, 429: {"description": "back-off: see Retry-After"}},
)
def api_login(request: Request, body: LoginForm, session: DB) -> Response:
    """Log in: sets the session cookie and returns the CSRF token to send as X-CSRF-Token. After repeated
    failures for the name or from the address, 429 with Retry-After until the back-off has passed."""
    try:
        login = auth.attempt_login(session, body.name, body.password, client_address(request))
    except LoginThrottled as err:
        raise HTTPException(429, str(err), headers={"Retry-After": str(err.retry_after_seconds)}) from err
    except AuthError as err:
        raise HTTPException(401, "wrong user name or password") from err
    response = JSONResponse(
        LoginResult(user=login.actor.name, role=login.actor.role, csrf_token=login.csrf_token).model_dump()
    )
    set_session_cookie(request, response, login)
    return response


@router.delete("/api/session", status_code=204, tags=["session"])
def api_logout(session: DB, login: WriteLogin) -> Response:
    auth.logout(session, login.token)
    session.commit()
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE)
    return response


@router.get("/api/me", response_model=LoginResult, tags=["session"])
def api_me(login: Login) -> LoginResult:
    return LoginResult(user=login.actor.name, role=login.actor.role, csrf_token=login.csrf_token)
