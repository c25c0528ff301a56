"""Request dependencies of the workspace: the store session, the login behind the cookie, the CSRF check."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Path, Query, Request, Response
from sqlalchemy.orm import Session

from oretrace.review import auth
from oretrace.review.auth import LoginSession
from oretrace.review.models import MAX_FILTER_TEXT, MAX_STORE_INT

SESSION_COOKIE = "oretrace_session"
LOGIN_CSRF_COOKIE = "oretrace_login_csrf"
CSRF_HEADER = "X-CSRF-Token"


# Path parameters, checked before anything reaches the store: a number beyond the store's integer columns or
# an over-long name is a 422, not a database error.
FindingId = Annotated[int, Path(ge=1, le=MAX_STORE_INT, description="finding id")]
PageNumber = Annotated[int, Path(ge=1, le=MAX_STORE_INT, description="page number, from 1")]
ShipmentId = Annotated[str, Path(min_length=1, max_length=MAX_FILTER_TEXT, description="shipment id")]
DocumentId = Annotated[str, Path(pattern="^[0-9a-f]{64}$", description="the document's SHA-256")]
UserName = Annotated[str, Path(min_length=1, max_length=64, description="user name")]
ExpectHead = Annotated[
    str | None,
    Query(pattern="^[0-9a-f]{64}$", description="a head hash recorded earlier: the log must still contain it"),
]


class LoginRequired(Exception):
    pass


class CsrfFailed(Exception):
    pass


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


def set_session_cookie(request: Request, response: Response, login: LoginSession) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        login.token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=int(auth.SESSION_LIFETIME.total_seconds()),
        path="/",
    )
