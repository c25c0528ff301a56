"""Hostile requests against the review workspace, on SQLite and PostgreSQL.

A corpus walks every route of the app with bad ids, numbers past the databases' 64-bit integers, bad enum
values, malformed and oversized bodies, as an anonymous visitor, a reviewer and an admin. No answer may be
a server error, and every answer (errors included) carries the security headers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from starlette.routing import Mount

from oretrace.review import auth
from oretrace.review.auth import Role
from oretrace.review.models import MAX_STORE_INT
from oretrace.review.web.app import create_app
from oretrace.review.web.middleware import MAX_BODY_BYTES
from oretrace.store.db import session_scope
from oretrace.store.repository import record_shipment
from tests import review_fixtures
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, SHIPMENT_ID, STARTED_AT, sha256_of, shipment

PASSWORD = "correct horse battery"
fast_argon2 = review_fixtures.fast_argon2
store_engine = review_fixtures.store_engine
pytestmark = pytest.mark.usefixtures("fast_argon2")

REQUIRED_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
INVOICE_SHA = sha256_of("SHP-2024-0117/invoice_0117.pdf")

# Values tried in every path parameter, one parameter at a time.
PATH_VALUES = [
    "0",
    "-1",
    str(2**63 - 1),
    str(2**63),
    str(-(2**63) - 1),
    str(2**64),
    "9" * 40,
    "1e3",
    "1.5",
    "abc",
    "%00",
    "a%00b",
    "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "%C3%A9t%C3%A9",
    "%F0%9F%92%A3",
    "%FF%FE",
    "x" * 3000,
    "<script>alert(1)</script>",
]
# Query strings tried on every page, download and API call that reads one.
QUERIES = [
    "status=bogus",
    "status=OPEN",
    "status=open&status=carry_over",
    "severity=%00",
    "check=%00",
    "sort=bogus",
    "sort=",
    "sort=age&descending=maybe",
    "min_age_days=abc",
    "min_age_days=nan",
    "min_age_days=inf",
    "max_age_days=-inf",
    "min_age_days=1e999",
    f"max_age_days={2**64}",
    "shipment=%00",
    "exporter=%00",
    "declared_origin=%00",
    "declared_origin=" + "Z" * 500,
    "assignee=%00",
    f"finding={2**63}",
    f"finding={2**64}",
    "finding=-1",
    "finding=abc",
    "limit=0",
    f"limit={2**63}",
    "limit=abc",
    "since=garbage",
    "since=2026-13-45",
    "until=99999-01-01",
    "since=%00",
    "document=%00",
    "user=%00",
    "user=" + "x" * 5000,
    "action=%00",
    "text=%00",
    f"before={2**63}",
    "before=abc",
    "format=xml",
    "next=%00",
    "q=" + "%FF" * 10,
]
HUGE_INTS = [2**63, 2**64, -(2**63) - 1, 10**40]


def json_bodies() -> list[tuple[str, bytes]]:
    """(content type, body) pairs for the JSON API's writes."""
    raw = [b"", b"{", b"[]", b"null", b'"x"', b"1e999", b"[" * 5000 + b"]" * 5000, b"\xff\xfe"]
    objects: list[dict[str, Any]] = [
        {"action": "bogus", "note": "x", "version": 1},
        {"action": "carry_over", "note": "x", "version": 1},
        {"action": "confirm", "note": "x", "version": "one"},
        {"action": "confirm", "note": "x\x00y", "version": 1},
        {"action": "assign", "assignee": "\x00", "version": 1},
        {"action": "assign", "assignee": "x" * 5000, "version": 1},
        {"action": "confirm", "note": ["x"], "version": 1},
        {"action": "confirm", "note": "x" * 100_000, "version": 1},
        *({"action": "confirm", "note": "x", "version": n} for n in HUGE_INTS),
        {"name": "\x00", "password": PASSWORD},
        {"name": "x" * 5000, "password": PASSWORD},
        {"name": "alice", "password": "\x00" * 20},
        {"name": "alice", "password": "x" * 100_000},
        {"name": ["alice"], "password": PASSWORD},
        {"name": "mallory", "role": "emperor", "password": PASSWORD},
        {"name": "mallory\x00", "role": "reviewer", "password": PASSWORD},
        {"role": "emperor"},
        {"active": "maybe"},
        {"role": None, "active": None},
    ]
    bodies = [("application/json", body) for body in raw]
    bodies += [("application/json", json.dumps(o).encode()) for o in objects]
    bodies += [("text/plain", b'{"action": "confirm"}'), ("application/x-www-form-urlencoded", b"a=%00&b")]
    return bodies


def form_bodies(csrf: str) -> list[dict[str, str]]:
    """Form fields for the pages' writes, with the login's CSRF token so they get past it."""
    base = {"csrf_token": csrf, "action": "confirm", "note": "seen", "version": "1", "query": ""}
    variants: list[dict[str, str]] = [
        {},
        base | {"version": "abc"},
        *(base | {"version": str(n)} for n in HUGE_INTS),
        base | {"version": "9" * 5000},
        base | {"action": "carry_over"},
        base | {"action": "bogus"},
        base | {"note": "x\x00y"},
        base | {"note": "x" * 50_000},
        base | {"action": "assign", "assignee": "\x00"},
        base | {"action": "assign", "assignee": "x" * 5000},
        base | {"query": "status=bogus&sort=bogus&min_age_days=abc"},
        base | {"query": f"min_age_days={2**64}&%00=%00"},
        {"csrf_token": csrf, "name": "\x00", "role": "reviewer", "password": PASSWORD},
        {"csrf_token": csrf, "name": "mallory", "role": "emperor", "password": PASSWORD},
        {"csrf_token": csrf, "name": "mallory", "role": "reviewer", "password": "\x00" * 20},
        {"csrf_token": csrf, "role": "emperor", "active": "on"},
        {"login_csrf": "x", "name": "\x00", "password": "\x00", "next": "\x00"},
        {"login_csrf": "x" * 5000, "name": "x" * 5000, "password": "x" * 100_000, "next": "//evil"},
    ]
    return variants


@dataclass
class Outcome:
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    missing_headers: list[str] = field(default_factory=list)

    def record(self, method: str, url: str, response: Any) -> None:
        self.requests += 1
        label = f"{method} {url[:120]} -> {response.status_code}"
        if response.status_code >= 500:
            self.server_errors.append(label)
        if any(h not in response.headers for h in REQUIRED_HEADERS):
            self.missing_headers.append(label)


@pytest.fixture
def app(store_engine: Engine, tmp_path: Path) -> Iterator[Any]:
    with session_scope(store_engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
        for name, role in (("alice", Role.REVIEWER), ("carol", Role.AUDITOR), ("dave", Role.ADMIN)):
            auth.add_user(session, name, role, PASSWORD, by="cli")
    yield create_app(store_engine, tmp_path / "home")


def _client(app: Any) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False, follow_redirects=False)


def _login(c: TestClient, name: str) -> str:
    response = c.post("/api/session", json={"name": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


GOOD_PATH = {
    "finding_id": "1",
    "shipment_id": SHIPMENT_ID,
    "document_id": INVOICE_SHA,
    "number": "1",
    "name": "alice",
    "fmt": "csv",
    "path": "app.css",
}


def _routes(app: Any) -> list[tuple[str, set[str]]]:
    """(path template, methods) of every route, through included routers."""
    routes = []
    pending = list(app.routes)
    while pending:
        route = pending.pop(0)
        if hasattr(route, "original_router"):
            pending.extend(route.original_router.routes)
        elif isinstance(route, Mount):
            routes.append((route.path + "/{path}", {"GET"}))
        elif isinstance(route, APIRoute) or hasattr(route, "methods"):
            routes.append((route.path, set(route.methods or ()) - {"HEAD"}))
    # Logging out last, so that the logged-in runs reach every other route with their login.
    return sorted(routes, key=lambda r: r[0] == "/logout" or "DELETE" in r[1])


def _fill(template: str, overrides: dict[str, str]) -> str:
    return re.sub(r"{(\w+)(?::\w+)?}", lambda m: overrides.get(m.group(1), GOOD_PATH.get(m.group(1), "1")), template)


def _send(c: TestClient, method: str, url: str, outcome: Outcome, csrf: str | None, **kwargs: Any) -> None:
    headers = dict(kwargs.pop("headers", {}) or {})
    if csrf:
        headers["X-CSRF-Token"] = csrf
    response = c.request(method, url, headers=headers, **kwargs)
    outcome.record(method, url, response)


def run_corpus(app: Any) -> Outcome:
    """Every route with every hostile value, as an anonymous visitor, a reviewer and an admin."""
    outcome = Outcome()
    sessions: list[tuple[TestClient, str | None]] = [(_client(app), None)]
    for name in ("alice", "dave"):
        c = _client(app)
        sessions.append((c, _login(c, name)))
    for c, csrf in sessions:
        for template, methods in _routes(app):
            names = re.findall(r"{(\w+)", template)
            urls = [_fill(template, {})]
            urls += [_fill(template, {n: v}) for n in names for v in PATH_VALUES]
            for method in sorted(methods):
                for url in urls:
                    if method == "GET":
                        _send(c, method, url, outcome, csrf)
                    elif template.startswith("/api/"):
                        _send(c, method, url, outcome, csrf, json={"action": "confirm", "note": "x", "version": 1})
                    else:
                        form = {"csrf_token": csrf or "", "action": "confirm", "note": "x", "version": "1"}
                        _send(c, method, url, outcome, csrf, data=form)
                if method == "GET":
                    for query in QUERIES:
                        _send(c, method, f"{urls[0]}?{query}", outcome, csrf)
                elif template.startswith("/api/"):
                    for content_type, body in json_bodies():
                        headers = {"Content-Type": content_type}
                        _send(c, method, urls[0], outcome, csrf, content=body, headers=headers)
                else:
                    for form in form_bodies(csrf or ""):
                        _send(c, method, urls[0], outcome, csrf, data=form)
                    files = {"note": ("note.txt", b"\x00" * 10, "application/octet-stream")}
                    _send(c, method, urls[0], outcome, csrf, data={"csrf_token": csrf or ""}, files=files)
        # Cookies an attacker planted: junk session tokens of every shape.
        for token in ("", "x" * 5000, "%00", "%C3%A9", quote("\x00")):
            c.cookies.set("oretrace_session", token)
            _send(c, "GET", "/api/me", outcome, None)
    return outcome


def test_hostile_request_corpus_gets_no_server_error(app: Any) -> None:
    outcome = run_corpus(app)
    assert outcome.requests > 2000
    assert not outcome.server_errors, f"{len(outcome.server_errors)} server errors: {outcome.server_errors[:20]}"
    assert not outcome.missing_headers, f"{len(outcome.missing_headers)} without headers: {outcome.missing_headers[:5]}"


# --- the rules the corpus relies on, one by one ----------------------------------------------------------------


def test_oversized_bodies_are_refused_before_the_login(app: Any) -> None:
    c = _client(app)
    big = b'{"name": "alice", "password": "' + b"x" * (MAX_BODY_BYTES + 1) + b'"}'
    # Refused by the declared length, before the route could parse it or ask for a login.
    for url in ("/api/session", "/api/findings/1/decisions", "/login", "/findings/1/decide"):
        response = c.post(url, content=big, headers={"Content-Type": "application/json"})
        assert response.status_code == 413, url
        assert all(h in response.headers for h in REQUIRED_HEADERS)

    # A streamed body (no Content-Length) is cut off once it passes the limit.
    def chunks() -> Iterator[bytes]:
        yield b'{"name": "alice", "password": "'
        for _ in range(20):
            yield b"x" * 8192
        yield b'"}'

    streamed = c.post("/api/session", content=chunks(), headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413 and "content-security-policy" in streamed.headers
    streamed_form = c.post("/login", content=chunks(), headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert streamed_form.status_code == 413
    # Just under the limit is read as usual (here: a wrong password).
    fits = {"name": "alice", "password": "x" * 900}
    assert c.post("/api/session", json=fits).status_code == 401
    lying = c.post("/api/session", content=b"{}", headers={"Content-Length": "abc", "Content-Type": "application/json"})
    assert lying.status_code == 400


def test_numbers_beyond_the_store_are_invalid_not_errors(app: Any) -> None:
    c = _client(app)
    _login(c, "alice")
    for number in (MAX_STORE_INT + 1, 2**63, 2**64):
        assert c.get(f"/api/findings/{number}").status_code == 422
        page = c.get(f"/findings/{number}")
        assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
        assert "finding_id" in page.text and "less than or equal to" in page.text
        assert c.get(f"/documents/{INVOICE_SHA}/pages/{number}.png").status_code == 422
        body = {"action": "confirm", "note": "seen", "version": number}
        assert c.post("/api/findings/1/decisions", json=body).status_code in (403, 422)
    assert c.get(f"/api/findings/{MAX_STORE_INT}").status_code == 404
    assert c.get("/api/history", params={"finding": 2**63}).status_code == 422


def test_bad_filters_are_invalid_on_every_route(app: Any) -> None:
    c = _client(app)
    _login(c, "alice")
    for query in ("status=bogus", "sort=bogus", "min_age_days=abc", "min_age_days=nan", "severity=urgent"):
        for url in ("/", "/findings/1", "/export/queue.csv", "/export/queue.json", "/api/queue"):
            response = c.get(f"{url}?{query}")
            assert response.status_code == 422, (url, query)
            if not url.startswith("/api/"):
                # A page, not a raw JSON error.
                assert response.headers["content-type"].startswith("text/html") or url.startswith("/export/")
    assert c.get("/shipments/a%00b").status_code == 400
    assert c.get("/api/history?user=%00").status_code == 400


def test_a_server_error_carries_the_security_headers(app: Any, store_engine: Engine) -> None:
    c = _client(app)
    _login(c, "alice")
    # A real failure: the store loses a table the queue reads.
    with store_engine.begin() as connection:
        connection.execute(text("DROP TABLE decisions"))
    for url in ("/api/findings/1", "/findings/1"):
        response = c.get(url)
        assert response.status_code == 500
        assert all(h in response.headers for h in REQUIRED_HEADERS)
        assert "failed on this request" in response.text
