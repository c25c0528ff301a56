"""The web app's security rules over HTTP (FastAPI's TestClient): logins, CSRF, roles, headers, the API."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image
from sqlalchemy import Engine, select, text

from oretrace.core.models import ShipmentFacts
from oretrace.extractors.document import sha256_of
from oretrace.review import auth, page_images
from oretrace.review.auth import Role
from oretrace.review.web.app import CONTENT_SECURITY_POLICY, SESSION_COOKIE, create_app
from oretrace.review.web.charts import CHART_CSP
from oretrace.store import schema
from oretrace.store.audit import AuditEntry, verify_chain
from oretrace.store.db import session_scope
from oretrace.store.repository import record_shipment
from tests import review_fixtures
from tests.review_fixtures import sqlite_engine
from tests.store_fixtures import FINISHED_AT, INBOX_ROOT, STARTED_AT, shipment

PASSWORD = "correct horse battery"
fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    from oretrace.store.db import migrate

    engine = sqlite_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        record_shipment(session, shipment(), INBOX_ROOT, STARTED_AT, FINISHED_AT)
        for name, role in (("alice", Role.REVIEWER), ("carol", Role.AUDITOR), ("dave", Role.ADMIN)):
            auth.add_user(session, name, role, PASSWORD, by="cli")
    yield engine
    engine.dispose()


@pytest.fixture
def app(engine: Engine, tmp_path: Path) -> object:
    return create_app(engine, tmp_path / "home")


def client(app: object) -> TestClient:
    return TestClient(app, base_url="http://127.0.0.1")  # type: ignore[arg-type]


def form_login(c: TestClient, name: str, password: str = PASSWORD, next_: str = "/") -> object:
    page = c.get("/login")
    token = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    return c.post(
        "/login",
        data={"login_csrf": token, "name": name, "password": password, "next": next_},
        follow_redirects=False,
    )


def api_login(c: TestClient, name: str) -> str:
    response = c.post("/api/session", json={"name": name, "password": PASSWORD})
    assert response.status_code == 200, response.text
    return response.json()["csrf_token"]


def high_finding(c: TestClient) -> dict:
    return next(i for i in c.get("/api/queue").json()["items"] if i["severity"] == "high")


def test_everything_needs_a_login(app: object) -> None:
    c = client(app)
    for path in ("/", "/history", "/shipments/SHP-2024-0117", "/findings/1", "/users", "/audit", "/export/history.csv"):
        response = c.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
    for path in ("/api/queue", "/api/findings/1", "/api/history", "/api/users", "/api/audit/verify"):
        assert c.get(path).status_code == 401
    assert c.post("/api/findings/1/decisions", json={"action": "confirm", "note": "x", "version": 1}).status_code == 401


def test_security_headers_and_cookie(app: object) -> None:
    c = client(app)
    response = form_login(c, "alice")
    assert response.status_code == 303
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = c.get("/")
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert page.headers["x-frame-options"] == "DENY" and page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    # No inline script or style anywhere: the CSP would block it, and it is where injected markup would live.
    assert "<script>" not in page.text and "style=" not in page.text and " on" not in re.sub(r"\s+", " ", page.text)


def test_login_rules(app: object) -> None:
    c = client(app)
    assert form_login(c, "alice", "wrong password!!").status_code == 401
    assert c.get("/", follow_redirects=False).status_code == 303
    # A login form without its double-submit token is refused.
    c.get("/login")
    assert c.post("/login", data={"name": "alice", "password": PASSWORD, "login_csrf": "forged"}).status_code == 403
    # The redirect after login stays on this site.
    for target in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        assert form_login(c, "alice", next_=target).headers["location"] == "/dashboard"
    assert form_login(c, "alice", next_="/history?user=alice").headers["location"] == "/history?user=alice"
    # The dashboard is the first page after login, for reviewers and auditors alike.
    for name in ("alice", "carol"):
        assert form_login(c, name, next_="/").headers["location"] == "/dashboard"
    assert form_login(c, "alice", next_="/?check=origin_switch").headers["location"] == "/?check=origin_switch"


def test_logout_ends_the_session(app: object) -> None:
    c = client(app)
    form_login(c, "alice")
    page = c.get("/")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    assert c.post("/logout", data={"csrf_token": "wrong"}).status_code == 403
    assert c.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    assert c.get("/api/me").status_code == 401


def test_csrf_is_required_for_every_change(app: object) -> None:
    c = client(app)
    csrf = api_login(c, "alice")
    finding = high_finding(c)
    body = {"action": "confirm", "note": "seen", "version": finding["version"]}
    url = f"/api/findings/{finding['finding_id']}/decisions"
    assert c.post(url, json=body).status_code == 403
    assert c.post(url, json=body, headers={"X-CSRF-Token": "not-the-token"}).status_code == 403
    form = {"action": "confirm", "note": "seen", "version": str(finding["version"]), "query": ""}
    assert c.post(f"/findings/{finding['finding_id']}/decide", data=form).status_code == 403
    assert c.post(f"/findings/{finding['finding_id']}/decide", data=form | {"csrf_token": "x"}).status_code == 403
    assert c.get(f"/api/findings/{finding['finding_id']}").json()["status"] == "open"
    assert c.post(url, json=body, headers={"X-CSRF-Token": csrf}).json()["status"] == "confirmed"


def test_roles_are_checked_on_the_server(app: object, engine: Engine) -> None:
    reviewer, auditor, admin = client(app), client(app), client(app)
    reviewer_csrf = api_login(reviewer, "alice")
    auditor_csrf = api_login(auditor, "carol")
    admin_csrf = api_login(admin, "dave")
    finding = high_finding(auditor)
    url = f"/api/findings/{finding['finding_id']}/decisions"
    body = {"action": "dismiss", "note": "not mine to decide", "version": 1}
    assert auditor.post(url, json=body, headers={"X-CSRF-Token": auditor_csrf}).status_code == 403
    assert admin.post(url, json=body, headers={"X-CSRF-Token": admin_csrf}).status_code == 403
    new_user = {"name": "erin", "role": "reviewer", "password": PASSWORD}
    assert reviewer.post("/api/users", json=new_user, headers={"X-CSRF-Token": reviewer_csrf}).status_code == 403
    assert auditor.post("/api/users", json=new_user, headers={"X-CSRF-Token": auditor_csrf}).status_code == 403
    assert reviewer.get("/users").status_code == 403
    # Auditors read everything.
    assert auditor.get("/api/history").status_code == 200
    assert auditor.get("/api/users").status_code == 200
    assert auditor.get("/api/audit/verify").json()["ok"] is True
    created = admin.post("/api/users", json=new_user, headers={"X-CSRF-Token": admin_csrf})
    assert created.status_code == 201 and created.json()["role"] == "reviewer"
    change = {"role": "auditor"}
    assert reviewer.patch("/api/users/erin", json=change, headers={"X-CSRF-Token": reviewer_csrf}).status_code == 403
    assert admin.patch("/api/users/erin", json=change).status_code == 403  # no CSRF header
    changed = admin.patch("/api/users/erin", json=change, headers={"X-CSRF-Token": admin_csrf})
    assert changed.status_code == 200 and changed.json()["role"] == "auditor"
    own = admin.patch("/api/users/dave", json={"active": False}, headers={"X-CSRF-Token": admin_csrf})
    assert own.status_code == 422
    # Deactivating a user ends their logins at once.
    assert (
        admin.patch("/api/users/alice", json={"active": False}, headers={"X-CSRF-Token": admin_csrf}).json()["active"]
        is False
    )
    assert reviewer.get("/api/me").status_code == 401
    history = auditor.get("/api/history", params={"user": "erin"}).json()
    assert [(e["actor"], e["action"]) for e in history] == [("user:dave", "user.changed"), ("user:dave", "user.added")]
    assert history[0]["details"] == {"role": {"from": "reviewer", "to": "auditor"}}
    assert auditor.get(f"/api/findings/{finding['finding_id']}").json()["status"] == "open"
    with session_scope(engine) as session:
        assert verify_chain(session).ok


def test_api_conflict_returns_the_current_state(app: object) -> None:
    c = client(app)
    csrf = api_login(c, "alice")
    finding = high_finding(c)
    url = f"/api/findings/{finding['finding_id']}/decisions"
    first = c.post(
        url, json={"action": "escalate", "note": "needs a second look", "version": 1}, headers={"X-CSRF-Token": csrf}
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = c.post(url, json={"action": "dismiss", "note": "fine", "version": 1}, headers={"X-CSRF-Token": csrf})
    assert stale.status_code == 409
    assert stale.json()["current"]["status"] == "escalated" and stale.json()["current"]["version"] == 2
    assert "escalate" in stale.json()["detail"]
    missing_note = c.post(url, json={"action": "dismiss", "note": " ", "version": 2}, headers={"X-CSRF-Token": csrf})
    assert missing_note.status_code == 422


def test_openapi_describes_the_api(app: object) -> None:
    schema_doc = client(app).get("/openapi.json").json()
    paths = schema_doc["paths"]
    for path in (
        "/api/queue",
        "/api/shipments/{shipment_id}",
        "/api/findings/{finding_id}",
        "/api/findings/{finding_id}/decisions",
        "/api/history",
        "/api/history/export",
        "/api/documents/{document_id}/versions",
        "/api/audit/verify",
        "/api/users",
        "/api/session",
    ):
        assert path in paths, path
    assert "post" in paths["/api/findings/{finding_id}/decisions"]
    assert "DecisionRequest" in schema_doc["components"]["schemas"]
    # Pages are not API.
    assert "/" not in paths and "/findings/{finding_id}/decide" not in paths


def test_exports_neutralise_spreadsheet_formulas(app: object) -> None:
    c = client(app)
    csrf = api_login(c, "alice")
    finding = high_finding(c)
    note = '=HYPERLINK("http://evil.example","click")'
    c.post(
        f"/api/findings/{finding['finding_id']}/decisions",
        json={"action": "confirm", "note": note, "version": 1},
        headers={"X-CSRF-Token": csrf},
    )
    csv_text = c.get("/api/history/export", params={"format": "csv", "finding": finding["finding_id"]}).text
    assert csv_text.splitlines()[0] == "seq,created_at,actor,action,subject,details"
    json_rows = c.get("/api/history/export", params={"format": "json", "finding": finding["finding_id"]}).json()
    assert json_rows[0]["details"]["note"] == note
    queue_csv = c.get("/export/queue.csv", params={"status": "all"}).text
    assert queue_csv.startswith("finding_id,shipment_id,severity")
    from oretrace.core.csv_cells import escape_cell

    assert escape_cell(note) == "'" + note and escape_cell("-1+2") == "'-1+2" and escape_cell("Bolivia") == "Bolivia"


def test_page_image_needs_the_unchanged_file(app: object, engine: Engine, tmp_path: Path) -> None:
    c = client(app)
    api_login(c, "carol")
    view = c.get("/api/shipments/SHP-2024-0117").json()
    invoice = next(d for d in view["documents"] if d["doc_type"] == "commercial_invoice")
    # The store's fixture files do not exist on disk: a clear 404, never another file.
    response = c.get(f"/documents/{invoice['document_id']}/pages/1.png")
    assert response.status_code == 404 and "no longer where it was read" in response.text


def test_locate_source_checks_the_hash(engine: Engine, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    (inbox / "SHP-1").mkdir(parents=True)
    image = inbox / "SHP-1" / "scan.png"
    Image.new("RGB", (300, 200), "white").save(image)
    sha = sha256_of(image)
    with session_scope(engine) as session:
        session.add(schema.Shipment(id="SHP-1", inbox_root=str(inbox)))
        session.flush()
        row = schema.Document(
            sha256=sha, source_path="SHP-1/scan.png", shipment_id="SHP-1", media_type="image/png", size=1
        )
        session.add(row)
        session.flush()
        assert page_images.locate_source(session, row) == image
        png = page_images.cached_page_png(tmp_path / "cache", image, sha, "image/png", 1, rotation=90)
        with Image.open(png) as rendered:
            assert rendered.size == (200, 300)  # turned as OCR turned it
        image.write_bytes(image.read_bytes() + b"changed")
        assert page_images.locate_source(session, row) is None


def test_queue_page_reads_the_origin_as_a_country_name(app: object) -> None:
    c = client(app)
    form_login(c, "carol")
    page = c.get("/", params={"declared_origin": "Bolivia", "status": "all"})
    assert page.status_code == 200 and page.text.count('class="row') == 2
    unknown = c.get("/", params={"declared_origin": "Atlantis"})
    assert "No country is called “Atlantis”" in unknown.text and 'class="row' not in unknown.text


def test_auditors_read_the_users_page(app: object) -> None:
    auditor, reviewer = client(app), client(app)
    form_login(auditor, "carol")
    form_login(reviewer, "alice")
    page = auditor.get("/")
    assert '<a href="/users">Users</a>' in page.text
    users = auditor.get("/users")
    assert users.status_code == 200
    assert re.findall(r'<tr data-user="([^"]+)"', users.text) == ["alice", "carol", "dave"]
    assert 'action="/users' not in users.text and "can read the users but not change them" in users.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', users.text).group(1)  # type: ignore[union-attr]
    form = {"csrf_token": token, "name": "erin", "role": "admin", "password": PASSWORD}
    assert auditor.post("/users", data=form).status_code == 403
    assert auditor.post("/users/alice", data={"csrf_token": token, "role": "admin"}).status_code == 403
    admin = client(app)
    form_login(admin, "dave")
    assert 'action="/users/alice"' in admin.get("/users").text
    # Reviewers keep to findings.
    assert reviewer.get("/users").status_code == 403 and '<a href="/users">' not in reviewer.get("/").text


def test_history_page_filters_and_pages(app: object) -> None:
    c = client(app)
    form_login(c, "carol")
    first = c.get("/history", params={"limit": 2})
    total = int(re.search(r"Entries 1–2 of (\d+)", first.text).group(1))  # type: ignore[union-attr]
    assert total > 4 and 'id="newest-page"' not in first.text
    older = re.search(r'id="older-page" href="([^"]+)"', first.text).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    second = c.get(older)
    assert f"Entries 3–4 of {total}" in second.text and 'id="newest-page"' in second.text
    seqs = [re.findall(r"<tr data-action=\"[^\"]+\">\s*<td>(\d+)</td>", p.text) for p in (first, second)]
    assert len(seqs[0]) == len(seqs[1]) == 2 and int(seqs[0][-1]) > int(seqs[1][0])
    # Filters by action family, by user in any case, by text in the details.
    users = c.get("/history", params={"action": "user", "user": "ALICE"})
    assert re.findall(r'<tr data-action="([^"]+)"', users.text) == ["user.added"]
    assert re.search(r'<option value="user.added"\s*>user.added</option>', c.get("/history").text)
    assert 'data-action="user.added"' in c.get("/history", params={"text": "REVIEWER"}).text
    assert "Nothing recorded" in c.get("/history", params={"text": "no such text anywhere"}).text


def test_a_bad_filter_is_explained_on_the_page(app: object) -> None:
    c = client(app)
    form_login(c, "carol")
    queue = c.get("/", params={"min_age_days": "abc", "status": "open"})
    assert queue.status_code == 422 and queue.headers["content-type"].startswith("text/html")
    assert 'id="filter-problem"' in queue.text and "min_age_days" in queue.text and 'id="queue-filters"' in queue.text
    assert 'id="whoami"' in queue.text
    history = c.get("/history", params={"since": "last tuesday"})
    assert history.status_code == 422 and "bad filter since" in history.text and 'id="history-table"' in history.text
    # Other refusals are pages with the workspace's header, not raw JSON.
    missing = c.get("/findings/999999")
    assert missing.status_code == 404 and 'id="whoami"' in missing.text and "no finding 999999" in missing.text
    too_big = c.get(f"/findings/{2**40}")
    assert too_big.status_code == 422 and 'id="error-message"' in too_big.text
    # The JSON API answers in JSON.
    assert c.get("/api/queue", params={"min_age_days": "abc"}).json()["detail"].startswith("bad filter min_age_days")


def test_audit_page_for_auditors_and_admins(app: object, engine: Engine) -> None:
    auditor, admin, reviewer = client(app), client(app), client(app)
    form_login(auditor, "carol")
    form_login(admin, "dave")
    form_login(reviewer, "alice")
    with session_scope(engine) as session:
        chain = verify_chain(session)
    for c in (auditor, admin):
        assert '<a href="/audit">Audit</a>' in c.get("/").text
        page = c.get("/audit")
        assert page.status_code == 200
        verdict = re.search(r'id="audit-verdict"[^>]*>([^<]+)', page.text).group(1)  # type: ignore[union-attr]
        assert verdict.startswith(f"The audit log verifies: its {chain.entries} entries are whole, and the ")
        assert f'<code id="head-hash">{chain.head_hash}</code>' in page.text
        assert "No anchor file is set" in page.text and 'id="row-problems"' not in page.text
    # Reviewers are refused, like on the users page, and see no link to it.
    assert reviewer.get("/audit").status_code == 403 and '<a href="/audit">' not in reviewer.get("/").text
    assert reviewer.get("/api/audit/verify").status_code == 403
    # A head recorded earlier is checked on request.
    held = auditor.get("/audit", params={"expect_head": chain.head_hash})
    assert f"(entry {chain.entries}): nothing up to it changed" in held.text
    missing = auditor.get("/audit", params={"expect_head": "f" * 64})
    assert "it no longer holds the recorded head" in missing.text
    assert auditor.get("/audit", params={"expect_head": "not a hash"}).status_code == 422
    assert auditor.get("/api/audit/verify", params={"expect_head": "f" * 64}).json()["ok"] is False


def test_audit_page_names_rows_changed_behind_the_log(app: object, engine: Engine) -> None:
    reviewer, auditor = client(app), client(app)
    csrf = api_login(reviewer, "alice")
    finding = high_finding(reviewer)
    decided = reviewer.post(
        f"/api/findings/{finding['finding_id']}/decisions",
        json={"action": "confirm", "note": "smelter in CN", "version": 1},
        headers={"X-CSRF-Token": csrf},
    )
    assert decided.status_code == 200
    # Edited in the database: what the finding page shows changes, and the chain alone stays whole.
    with engine.begin() as connection:
        connection.execute(text("UPDATE decisions SET note = 'dismissed by phone'"))
        connection.execute(text("UPDATE users SET role = 'admin' WHERE name = 'carol'"))
        connection.execute(text("UPDATE shipment_runs SET verdict = 'clear'"))
    with session_scope(engine) as session:
        assert verify_chain(session).ok
        decision_id = session.scalar(text("SELECT id FROM decisions"))
        carol_id = session.scalar(text("SELECT id FROM users WHERE name = 'carol'"))
        decided_seq = session.scalar(select(AuditEntry.seq).where(AuditEntry.action == "finding.decided"))
        carol_seq = session.scalar(select(AuditEntry.seq).where(AuditEntry.subject == "user:carol"))
        run_seq = session.scalar(select(AuditEntry.seq).where(AuditEntry.action == "shipment_run.recorded"))
    form_login(auditor, "carol")
    page = auditor.get("/audit")
    assert page.status_code == 200
    assert "The audit log does not verify: 3 rows differ from what it records." in page.text
    fid = finding["finding_id"]
    assert (
        f'<a href="/findings/{fid}">decision {decision_id} on finding {fid} (shipment SHP-2024-0117)</a>'
        f" differs from audit entry {decided_seq}" in page.text
    )
    assert (
        f'<a href="/users">user carol (id {carol_id})</a> differs from audit entry {carol_seq}, '
        "the latest that records it" in page.text
    )
    assert (
        '<a href="/shipments/SHP-2024-0117">shipment run 1 of shipment SHP-2024-0117</a>'
        f" differs from audit entry {run_seq}" in page.text
    )
    assert f'href="/history?before={decided_seq + 1}"' in page.text
    report = auditor.get("/api/audit/verify").json()
    assert report["ok"] is False and report["problem"] is None and report["rows"]["problem_count"] == 3
    assert {(p["table"], p["kind"], p["link"]["page"]) for p in report["rows"]["problems"]} == {
        ("decisions", "differs", "finding"),
        ("users", "differs", "users"),
        ("shipment_runs", "differs", "shipment"),
    }


def _store_acme_surge(engine: Engine, metal_kg_per_t: float | None = None, smelter_id: str | None = None) -> None:
    """Acme ships 10 t a quarter through 2024, then 60 t in 2025 Q1; the portfolio is evaluated and stored."""
    from datetime import date

    from oretrace.core.config import PortfolioThresholds
    from oretrace.core.models import ShipmentFacts
    from oretrace.reference import default_reference
    from oretrace.store.portfolio_review import evaluate_and_store
    from samplegen.history import HistoryShipment, write_history

    def ship(number: int, day: date, tonnes: float) -> HistoryShipment:
        metal = tonnes * metal_kg_per_t if metal_kg_per_t is not None else None
        facts = ShipmentFacts(
            exporter="acme", exporter_printed="Acme", origin="CN", shipped_on=day, net_kg=tonnes * 1000,
            metal_kg=metal, smelter_id=smelter_id,
        )  # fmt: skip
        return HistoryShipment(f"T-{number:04d}", facts)

    with session_scope(engine) as session:
        write_history(
            session, [*(ship(n, date(2024, 1 + 3 * n, 5), 10) for n in range(4)), ship(9, date(2025, 2, 5), 60)]
        )
        evaluate_and_store(session, default_reference(), PortfolioThresholds())


def test_portfolio_findings_in_the_queue_page_and_api(app: object, engine: Engine) -> None:
    _store_acme_surge(engine)
    c = client(app)
    form_login(c, "alice")
    page = c.get("/", params={"scope": "portfolio", "status": "all"})
    assert page.text.count('class="row') == 1 and 'data-scope="portfolio"' in page.text
    assert 'data-scope="portfolio"' not in c.get("/", params={"scope": "shipment", "status": "all"}).text
    (item,) = c.get("/api/queue", params={"scope": "portfolio"}).json()["items"]
    assert item["scope"] == "portfolio" and item["shipment_id"] == "portfolio:exporter:Acme"
    finding = c.get(f"/findings/{item['finding_id']}").text
    assert (
        '<a href="/shipments/T-0009" data-shipment="T-0009">' in finding and "window 2025-01-01..2025-03-31" in finding
    )

    body = {"action": "dismiss", "note": "a new contract, seen", "version": item["version"]}
    url = f"/api/findings/{item['finding_id']}/decisions"
    auditor = client(app)
    auditor_csrf = api_login(auditor, "carol")
    assert auditor.post(url, json=body, headers={"X-CSRF-Token": auditor_csrf}).status_code == 403
    reviewer = client(app)
    csrf = api_login(reviewer, "alice")
    assert reviewer.post(url, json=body, headers={"X-CSRF-Token": csrf}).json()["status"] == "dismissed"


def test_dashboard_figures_and_links(app: object, engine: Engine) -> None:
    _store_acme_surge(engine, metal_kg_per_t=1000, smelter_id="SM0003")
    checked = shipment().model_copy(
        update={
            "facts": ShipmentFacts(exporter="acme", exporter_printed="Acme", origin="CN", shipped_on=date(2025, 3, 1))
        }
    )
    with session_scope(engine) as session:
        record_shipment(session, checked, INBOX_ROOT, STARTED_AT, FINISHED_AT)
    c = client(app)
    form_login(c, "carol")
    charts = {chart["id"]: chart for chart in c.get("/api/dashboard").json()["charts"]}
    assert list(charts) == ["origin-months", "exporter-history", "smelter-capacity", "open-findings", "flag-rate"]
    months = {row["label"]: row["segments"] for row in charts["origin-months"]["rows"]}
    assert months["2025-02"] == [{"key": "CN", "value": 60.0, "queue": {"declared_origin": "CN", "status": "all"}}]
    (acme,) = charts["exporter-history"]["rows"]
    assert (acme["label"], acme["segments"][0]["value"], acme["marker"]) == ("Acme (2025 Q1)", 60.0, 10.0)
    (smelter,) = charts["smelter-capacity"]["rows"]
    assert (smelter["segments"][0]["value"], smelter["marker"]) == (90.0, 6000.0)
    opened = {(row["label"], s["key"]): s["value"] for row in charts["open-findings"]["rows"] for s in row["segments"]}
    assert opened[("supplier_volume_surge", "high")] == 1
    assert sum(opened.values()) == len(c.get("/api/queue").json()["items"])

    # The checked shipment (its findings on its latest run) beside Acme's unchecked one in 2025 Q1: half flagged.
    rates = {row["label"]: row["segments"][0]["value"] for row in charts["flag-rate"]["rows"]}
    assert rates == {
        "CN 2024 Q2 (0/1)": 0.0,
        "CN 2024 Q3 (0/1)": 0.0,
        "CN 2024 Q4 (0/1)": 0.0,
        "CN 2025 Q1 (1/2)": 50.0,
    }
    assert charts["flag-rate"]["rows"][-1]["queue"] == {"declared_origin": "CN", "status": "all"}

    page = c.get("/dashboard")
    assert page.status_code == 200 and page.text.count('<img class="chart-image"') == 5 and "style=" not in page.text
    assert '<a href="/?check=supplier_volume_surge&amp;severity=high" class="bar-link">1</a>' in page.text
    # Each chart is an SVG image drawn by matplotlib; its own policy allows only the styles inside it.
    image = c.get("/dashboard/charts/flag-rate.svg")
    assert image.status_code == 200 and image.headers["content-type"] == "image/svg+xml"
    assert image.headers["content-security-policy"] == CHART_CSP and "script" not in CHART_CSP
    assert b"<svg" in image.content and b"CN 2025 Q1 (1/2)" in image.content and b"<script" not in image.content
    assert c.get("/dashboard/charts/no-such-chart.svg").status_code == 404
    assert client(app).get("/dashboard/charts/flag-rate.svg", follow_redirects=False).status_code == 303
    assert '<a href="/dashboard" id="nav-dashboard">' in c.get("/").text


def test_matplotlib_is_imported_only_to_draw_a_chart() -> None:
    code = "import sys, oretrace.cli.main, oretrace.review.web.app; print('matplotlib' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_a_chart_draws_names_from_documents_as_text() -> None:
    from oretrace.review.models import ChartData, ChartRow, ChartSegment
    from oretrace.review.web.charts import chart_svg

    # Unbalanced TeX between dollar signs: an error if matplotlib read it as mathtext.
    hostile = "Acme $\\frac{1}$ <script>alert(1)</script> & _Co"
    row = ChartRow(label=hostile, segments=[ChartSegment(key="_hidden", value=3, queue={})], marker=5, queue={})
    svg = chart_svg(ChartData(id="x", title="t", unit="t", marker_label="cap", rows=[row], queue={}))
    assert b"<script" not in svg and b"&lt;script&gt;" in svg and b"Acme $" in svg
