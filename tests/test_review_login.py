"""Logins under attack, on SQLite and PostgreSQL: back-off per user name and per client address, failed logins
in the audit log, attempts sent in parallel, the login form's CSRF token."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from oretrace.review import auth, login_throttle
from oretrace.review.auth import AuthError, Role
from oretrace.review.login_throttle import (
    ADDRESS_FREE_FAILURES,
    USER_FREE_FAILURES,
    LoginThrottled,
    address_key,
    user_key,
)
from oretrace.review.server_keys import LOGIN_FORM_KEY, server_key, sign
from oretrace.review.web.app import create_app
from oretrace.review.web.deps import LOGIN_CSRF_COOKIE
from oretrace.review.web.login import LOGIN_FORM_LIFETIME
from oretrace.store.audit import AuditEntry, verify_chain
from oretrace.store.db import session_scope
from oretrace.store.review_tables import LoginThrottle
from tests import review_fixtures

PASSWORD = "correct horse battery"
fast_argon2 = review_fixtures.fast_argon2
store_engine = review_fixtures.store_engine
pytestmark = pytest.mark.usefixtures("fast_argon2")


@pytest.fixture
def users(store_engine: Engine) -> Engine:
    with session_scope(store_engine) as session:
        for name, role in (("alice", Role.REVIEWER), ("bob", Role.REVIEWER), ("carol", Role.AUDITOR)):
            auth.add_user(session, name, role, PASSWORD, by="cli")
    return store_engine


@pytest.fixture
def app(users: Engine, tmp_path: Path) -> Iterator[Any]:
    yield create_app(users, tmp_path / "home")


def _client(app: Any, address: str = "203.0.113.7") -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1", client=(address, 50000), follow_redirects=False)


def _api_login(c: TestClient, name: str, password: str) -> Any:
    return c.post("/api/session", json={"name": name, "password": password})


def test_a_wrong_password_burst_meets_a_growing_wait(app: Any) -> None:
    c = _client(app)
    started = time.monotonic()
    statuses = [_api_login(c, "alice", f"guess number {i}").status_code for i in range(50)]
    burst_seconds = time.monotonic() - started
    # The first failures are answered; from then on attempts wait, unchecked. On a slow machine a wait may run
    # out during the burst and let one guess through, which doubles the next wait: a handful at most.
    assert statuses[:USER_FREE_FAILURES] == [401] * USER_FREE_FAILURES
    late = statuses[USER_FREE_FAILURES:]
    assert set(late) <= {401, 429} and late[0] == 429
    assert late.count(401) <= 1 + math.log2(1 + burst_seconds)
    refused = _api_login(c, "alice", PASSWORD)
    assert refused.status_code == 429, "the right password must wait too, or the wait would confirm a guess"
    wait = int(refused.headers["retry-after"])
    assert wait >= 1
    time.sleep(wait + 0.1)
    # One more wrong guess after the wait doubles it; the right password then works once the wait is over.
    assert _api_login(c, "alice", "yet another guess").status_code == 401
    second = _api_login(c, "alice", PASSWORD)
    assert second.status_code == 429
    doubled = int(second.headers["retry-after"])
    assert doubled > wait
    time.sleep(doubled + 0.1)
    assert _api_login(c, "alice", PASSWORD).status_code == 200
    # The success cleared the name's count.
    assert [_api_login(c, "alice", "wrong again!").status_code for _ in range(3)] == [401] * 3


def test_the_back_off_doubles_up_to_its_ceiling(users: Engine) -> None:
    start = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    keys = [user_key("alice"), address_key("198.51.100.4")]
    now = start
    waits = []
    for _ in range(USER_FREE_FAILURES + 12):
        with session_scope(users) as session:
            rows = login_throttle.claim_attempt(session, keys, now)
            locked = rows[keys[0]].locked_until
        if locked is None:
            waits.append(0)
            continue
        waits.append(round((locked - now).total_seconds()))
        with pytest.raises(LoginThrottled), session_scope(users) as session:
            login_throttle.claim_attempt(session, keys, locked - timedelta(milliseconds=1))
        now = locked
    assert waits == [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900]
    # An hour after the last failure, the name starts afresh; names nobody tried since are dropped.
    with session_scope(users) as session:
        login_throttle.claim_attempt(session, [user_key("made-up"), keys[1]], now)
    later = now + timedelta(hours=1, seconds=1)
    with session_scope(users) as session:
        rows = login_throttle.claim_attempt(session, keys, later)
        assert rows[keys[0]].failures == 1
        assert session.get(LoginThrottle, user_key("made-up")) is None


def test_one_address_trying_many_names_is_held_back(app: Any) -> None:
    c = _client(app, "192.0.2.50")
    names = [f"user{i}" for i in range(ADDRESS_FREE_FAILURES)]
    assert {_api_login(c, name, "a wrong password").status_code for name in names} == {401}
    # Now the address waits, whoever it tries, even with a right password.
    assert _api_login(c, "bob", PASSWORD).status_code == 429
    # Another address is not held back, and bob's own name was never tried.
    assert _api_login(_client(app, "192.0.2.51"), "bob", PASSWORD).status_code == 200


def test_failed_logins_are_in_the_audit_log(app: Any, users: Engine) -> None:
    c = _client(app, "198.51.100.9")
    assert _api_login(c, "alice", "not her password").status_code == 401
    assert _api_login(c, "mallory", "no such user!").status_code == 401
    page = c.get("/login")
    token = page.text.split('name="login_csrf" value="')[1].split('"')[0]
    form = c.post("/login", data={"login_csrf": token, "name": "carol", "password": "wrong wrong", "next": "/"})
    assert form.status_code == 401 and "Wrong user name or password." in form.text
    with session_scope(users) as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "login.failed")).all()
        seen = [(e.actor, e.subject, e.details["reason"], e.details["failures"]) for e in entries]
        assert verify_chain(session).ok
    assert seen == [
        ("client:198.51.100.9", "user:alice", "wrong password", 1),
        ("client:198.51.100.9", "user:mallory", "unknown user", 1),
        ("client:198.51.100.9", "user:carol", "wrong password", 1),
    ]
    # An auditor reads them in carol's history.
    auditor = _client(app, "198.51.100.10")
    assert _api_login(auditor, "carol", PASSWORD).status_code == 200
    history = auditor.get("/api/history", params={"user": "carol"}).json()
    assert [(e["action"], e["details"]["address"]) for e in history if e["action"] == "login.failed"] == [
        ("login.failed", "198.51.100.9")
    ]


def test_the_form_login_waits_too(app: Any) -> None:
    c = _client(app)
    page = c.get("/login")
    token = page.text.split('name="login_csrf" value="')[1].split('"')[0]
    statuses = []
    for i in range(USER_FREE_FAILURES + 1):
        form = {"login_csrf": token, "name": "alice", "password": f"guess {i} wrong", "next": "/"}
        statuses.append(c.post("/login", data=form))
    assert [r.status_code for r in statuses] == [401] * USER_FREE_FAILURES + [429]
    assert "try again in 1 seconds" in statuses[-1].text and statuses[-1].headers["retry-after"] == "1"


def test_parallel_attempts_cannot_slip_past_the_count(users: Engine) -> None:
    """Twelve wrong passwords at once, each in its own session: only the free ones are checked."""
    outcomes: list[str] = []
    barrier = threading.Barrier(12)

    def attempt(i: int) -> None:
        with Session(users, expire_on_commit=False) as session:
            barrier.wait()
            try:
                auth.attempt_login(session, "alice", f"parallel guess {i}", "203.0.113.80")
                outcomes.append("in")
            except LoginThrottled:
                outcomes.append("throttled")
            except AuthError:
                outcomes.append("checked")

    threads = [threading.Thread(target=attempt, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes).count("checked") == USER_FREE_FAILURES
    assert outcomes.count("throttled") == 12 - USER_FREE_FAILURES
    with session_scope(users) as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "login.failed")).all()
        assert len(entries) == USER_FREE_FAILURES
        assert verify_chain(session).ok


def test_a_new_password_lifts_the_wait(users: Engine) -> None:
    with Session(users, expire_on_commit=False) as session:
        for i in range(USER_FREE_FAILURES):
            with pytest.raises(AuthError):
                auth.attempt_login(session, "alice", f"wrong {i} wrong", "203.0.113.90")
        with pytest.raises(LoginThrottled):
            auth.attempt_login(session, "alice", PASSWORD, "203.0.113.90")
    with session_scope(users) as session:
        auth.set_password(session, "alice", "a brand new password", by="cli")
    with Session(users, expire_on_commit=False) as session:
        assert auth.attempt_login(session, "alice", "a brand new password", "203.0.113.91").actor.name == "alice"


# --- the login form's CSRF token ------------------------------------------------------------------------------


def _form_token(page: Any) -> str:
    return page.text.split('name="login_csrf" value="')[1].split('"')[0]


def _form_login(c: TestClient, token: str, **headers: str) -> Any:
    form = {"login_csrf": token, "name": "alice", "password": PASSWORD, "next": "/history"}
    return c.post("/login", data=form, headers=headers)


def test_the_login_form_refuses_a_pair_an_attacker_chose(app: Any) -> None:
    c = _client(app)
    # A cookie and a field that match each other but that the server never signed.
    for cookie in ("attacker-chosen", f"{int(time.time())}.{'A' * 43}"):
        c.cookies.set(LOGIN_CSRF_COOKIE, cookie)
        assert _form_login(c, cookie).status_code == 403
    c.cookies.clear()
    # The server's own pair works.
    token = _form_token(c.get("/login"))
    assert _form_login(c, token).status_code == 303


def test_the_login_form_token_is_the_cookie_signed_and_expires(app: Any, users: Engine) -> None:
    with Session(users) as session:
        key = server_key(session, LOGIN_FORM_KEY)
    c = _client(app)
    fresh = f"{int(time.time())}.{'b' * 43}"
    stale = f"{int(time.time()) - LOGIN_FORM_LIFETIME - 60}.{'b' * 43}"
    c.cookies.set(LOGIN_CSRF_COOKIE, stale)
    assert _form_login(c, sign(key, "login form", stale)).status_code == 403
    c.cookies.set(LOGIN_CSRF_COOKIE, fresh)
    assert _form_login(c, sign(b"another key" * 3, "login form", fresh)).status_code == 403
    assert _form_login(c, sign(key, "login form", fresh)).status_code == 303


def test_a_login_posted_from_another_site_is_refused(app: Any) -> None:
    c = _client(app)
    token = _form_token(c.get("/login"))
    for site in ("cross-site", "same-site"):
        assert _form_login(c, token, **{"Sec-Fetch-Site": site}).status_code == 403
    assert _form_login(c, token, **{"Sec-Fetch-Site": "same-origin"}).status_code == 303


def test_workers_share_the_login_form_key(users: Engine, tmp_path: Path) -> None:
    first, second = create_app(users, tmp_path / "a"), create_app(users, tmp_path / "b")
    c = _client(first)
    token = _form_token(c.get("/login"))
    other = _client(second)
    other.cookies.set(LOGIN_CSRF_COOKIE, c.cookies[LOGIN_CSRF_COOKIE])
    assert _form_login(other, token).status_code == 303
