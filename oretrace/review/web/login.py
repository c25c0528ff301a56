"""Logging in and out: the login form and the JSON API's session endpoints.

The login form has no login to bind a CSRF token to, so it gets its own: GET /login sets a random pre-login
cookie (with the time it was issued), and the form carries an HMAC of that cookie under a key of the
server's (review.server_keys). Someone who can plant cookies cannot make up a pair the server accepts, and a
pair expires after LOGIN_FORM_LIFETIME. Browsers also say where a form post comes from (Sec-Fetch-Site):
a login posted from any other site is refused.
"""

from __future__ import annotations

import secrets
import time

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import Field

from oretrace.core.models import Frozen
from oretrace.review import auth
from oretrace.review.auth import MAX_NAME_LENGTH, AuthError, Role
from oretrace.review.login_throttle import LoginThrottled
from oretrace.review.models import StoreText
from oretrace.review.server_keys import LOGIN_FORM_KEY, server_key, sign
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

LOGIN_FORM_LIFETIME = 2 * 3600
_PURPOSE = "login form"


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


# The first page after login unless the user was sent to log in from another: the dashboard's figures lead to
# the queue filtered to them, and the bare queue ("/") is one click away.
LANDING = "/dashboard"


def safe_next(target: str | None) -> str:
    """Where to go after login: only a path on this site, never "//host" or a full URL."""
    if target and target != "/" and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return LANDING


def _login_form_token(key: bytes, cookie: str, now: float) -> str | None:
    """The form token that goes with a pre-login cookie, or None if the cookie is malformed or too old."""
    issued, _, nonce = cookie.partition(".")
    if not issued.isdigit() or len(nonce) < 32 or not 0 <= now - int(issued) <= LOGIN_FORM_LIFETIME:
        return None
    return sign(key, _PURPOSE, cookie)


def _cross_site(request: Request) -> bool:
    # Sent by browsers with every request; absent from other clients, which CSRF does not concern.
    return request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none")


@router.get("/login", response_class=HTMLResponse, include_in_schema=False)
def login_page(request: Request, session: DB, next: str = LANDING) -> Response:
    cookie = f"{int(time.time())}.{secrets.token_urlsafe(32)}"
    token = _login_form_token(server_key(session, LOGIN_FORM_KEY), cookie, time.time())
    response = templates.TemplateResponse(
        request, "login.html", {"login_csrf": token, "next": safe_next(next), "error": None, "login": None}
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE,
        cookie,
        max_age=LOGIN_FORM_LIFETIME,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.post("/login", include_in_schema=False)
async def login_submit(request: Request, session: DB) -> Response:
    form = await request.form()
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    expected = _login_form_token(server_key(session, LOGIN_FORM_KEY), cookie, time.time())
    if _cross_site(request) or expected is None or not auth.csrf_matches(expected, str(form.get("login_csrf", ""))):
        raise CsrfFailed()
    target = safe_next(str(form.get("next", LANDING)))
    name, password = str(form.get("name", "")), str(form.get("password", ""))[: auth.MAX_PASSWORD_LENGTH + 1]
    context = {"login_csrf": expected, "next": target, "login": None}
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
