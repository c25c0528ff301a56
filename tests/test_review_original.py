"""Downloads of a document's original file over HTTP (FastAPI's TestClient, a real PDF on disk, SQLite)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from oretrace.extractors.document import sha256_of
from oretrace.review import auth, page_images
from oretrace.review.auth import Role
from oretrace.review.web.app import create_app
from oretrace.store import schema
from oretrace.store.db import migrate, session_scope
from tests import review_fixtures
from tests.conftest import pdf_bytes
from tests.review_fixtures import sqlite_engine
from tests.test_review_web import PASSWORD, form_login

fast_argon2 = review_fixtures.fast_argon2
pytestmark = pytest.mark.usefixtures("fast_argon2")

# Quotes, a line break that would start a header of its own, a semicolon, a percent sign and non-ASCII.
HOSTILE_NAME = 'facture "finale"\r\nX-Injected: yes; 100% ü.pdf'
INVOICE = [("Helvetica-Bold", 18, "COMMERCIAL INVOICE"), ("Helvetica", 11, "Invoice No: INV-7")]


class Original:
    def __init__(self, path: Path, sha256: str) -> None:
        self.path = path
        self.sha256 = sha256
        self.url = f"/documents/{sha256}/original"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = sqlite_engine(tmp_path)
    migrate(engine)
    with session_scope(engine) as session:
        for name, role in (("alice", Role.REVIEWER), ("carol", Role.AUDITOR), ("dave", Role.ADMIN)):
            auth.add_user(session, name, role, PASSWORD, by="cli")
    yield engine
    engine.dispose()


@pytest.fixture
def original(engine: Engine, tmp_path: Path) -> Original:
    """A PDF recorded as read from inbox/SHP-9/<HOSTILE_NAME>."""
    inbox = tmp_path / "inbox"
    (inbox / "SHP-9").mkdir(parents=True)
    path = inbox / "SHP-9" / HOSTILE_NAME
    path.write_bytes(pdf_bytes([INVOICE]))
    sha = sha256_of(path)
    with session_scope(engine) as session:
        session.add(schema.Shipment(id="SHP-9", inbox_root=str(inbox)))
        session.flush()
        session.add(
            schema.Document(
                sha256=sha,
                source_path=f"SHP-9/{HOSTILE_NAME}",
                shipment_id="SHP-9",
                media_type="application/pdf",
                size=path.stat().st_size,
            )
        )
    return Original(path, sha)


def logged_in(engine: Engine, tmp_path: Path, name: str) -> TestClient:
    c = TestClient(create_app(engine, tmp_path / "home"), base_url="http://127.0.0.1")
    assert form_login(c, name).status_code == 303  # type: ignore[attr-defined]
    return c


def test_every_role_downloads_the_original_bytes(engine: Engine, tmp_path: Path, original: Original) -> None:
    for name in ("alice", "carol", "dave"):
        response = logged_in(engine, tmp_path, name).get(original.url)
        assert response.status_code == 200, (name, response.text)
        assert response.content == original.path.read_bytes()
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["content-length"] == str(original.path.stat().st_size)
        assert response.headers["cache-control"] == "no-store"


def test_anonymous_visitors_get_no_bytes(engine: Engine, tmp_path: Path, original: Original) -> None:
    anonymous = TestClient(create_app(engine, tmp_path / "home"), base_url="http://127.0.0.1")
    response = anonymous.get(original.url, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login?next=")
    assert b"%PDF" not in response.content


def test_a_hostile_file_name_stays_inside_its_header(engine: Engine, tmp_path: Path, original: Original) -> None:
    response = logged_in(engine, tmp_path, "carol").get(original.url)
    header = response.headers["content-disposition"]
    assert "x-injected" not in response.headers
    assert not any(ch in header for ch in "\r\n")
    assert header == (
        'attachment; filename="facture _finale___X-Injected: yes; 100_ _.pdf"; '
        "filename*=UTF-8''facture%20%22finale%22%0D%0AX-Injected%3A%20yes%3B%20100%25%20%C3%BC.pdf"
    )
    # The exact name comes back from filename* (RFC 6266 / RFC 8187).
    assert unquote(header.split("filename*=UTF-8''")[1], encoding="utf-8") == HOSTILE_NAME


def test_a_changed_or_missing_file_is_refused_with_the_reason(
    engine: Engine, tmp_path: Path, original: Original
) -> None:
    c = logged_in(engine, tmp_path, "alice")
    original.path.write_bytes(original.path.read_bytes() + b"\n% one more line\n")
    changed = c.get(original.url)
    assert changed.status_code == 409 and changed.headers["content-type"].startswith("text/html")
    assert "has changed since it was read" in changed.text and "%PDF" not in changed.text
    assert "content-disposition" not in changed.headers
    original.path.unlink()
    gone = c.get(original.url)
    assert gone.status_code == 410 and "is gone" in gone.text and 'id="whoami"' in gone.text
    assert c.get(f"/documents/{'0' * 64}/original").status_code == 404


def test_a_file_rewritten_while_it_is_sent_is_cut_off(engine: Engine, original: Original) -> None:
    with session_scope(engine) as session:
        row = session.scalars(select(schema.Document)).one()
        handle = page_images.open_source(session, row)
    # Same length, other bytes, same inode: what the handle reads next is no longer the document.
    data = original.path.read_bytes()
    original.path.write_bytes(data[:-8] + b"XXXXXXXX")
    with pytest.raises(page_images.SourceUnavailable, match="has changed"):
        list(page_images.checked_chunks(handle, original.sha256, row.source_path))
