"""`oretrace serve` as a real process: over TLS, and behind an HTTPS proxy, the session cookie is Secure."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from oretrace.review import auth
from oretrace.review.auth import Role
from oretrace.store.audit import AuditEntry
from oretrace.store.db import make_engine, migrate, session_scope
from tests.review_fixtures import cheap_password_hashing

PASSWORD = "correct horse battery"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    migrate(engine)
    with cheap_password_hashing(), session_scope(engine) as session:
        auth.add_user(session, "alice", Role.REVIEWER, PASSWORD, by="cli")
    engine.dispose()
    return home


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(home: Path, *options: str) -> Iterator[int]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "ORETRACE_DATABASE_URL"} | {"ORETRACE_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "oretrace", "serve", "--port", str(port), *options],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else "serve exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("oretrace serve did not start listening")
        yield port
    finally:
        process.terminate()
        process.wait(20)


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def _session_cookie(response: httpx.Response) -> str:
    return next(c for c in response.headers.get_list("set-cookie") if c.startswith("oretrace_session="))


def test_behind_an_https_proxy_the_cookie_is_secure(home: Path) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.23"}
    body = {"name": "alice", "password": PASSWORD}
    with serving(home, "--proxy-headers", "--forwarded-allow-ips", "127.0.0.1") as port:
        url = f"http://127.0.0.1:{port}"
        response = httpx.post(f"{url}/api/session", json=body, headers=forwarded)
        assert response.status_code == 200
        assert "; secure" in _session_cookie(response).lower()
        assert response.headers["strict-transport-security"].startswith("max-age=")
        # The back-off and the audit log see the client the proxy reports.
        assert (
            httpx.post(f"{url}/api/session", json=body | {"password": "wrong one!"}, headers=forwarded).status_code
            == 401
        )
    # Without the option, the same headers from anyone are ignored: plain HTTP, no Secure flag.
    with serving(home) as port:
        response = httpx.post(f"http://127.0.0.1:{port}/api/session", json=body, headers=forwarded)
        assert response.status_code == 200
        assert "secure" not in _session_cookie(response).lower()
        assert "strict-transport-security" not in response.headers
        assert (
            httpx.post(f"http://127.0.0.1:{port}/api/session", json=body | {"password": "wrong two!"}).status_code
            == 401
        )
    engine = make_engine(f"sqlite:///{home / 'oretrace.db'}")
    with session_scope(engine) as session:
        actors = session.scalars(select(AuditEntry.actor).where(AuditEntry.action == "login.failed")).all()
    engine.dispose()
    assert actors == ["client:198.51.100.23", "client:127.0.0.1"]


def test_over_tls_the_cookie_is_secure(home: Path, tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    with serving(home, "--ssl-certfile", str(cert), "--ssl-keyfile", str(key)) as port:
        with httpx.Client(verify=False) as client:
            response = client.post(
                f"https://127.0.0.1:{port}/api/session", json={"name": "alice", "password": PASSWORD}
            )
        assert response.status_code == 200
        assert "; secure" in _session_cookie(response).lower()
        assert "strict-transport-security" in response.headers


def test_serve_needs_both_tls_files(home: Path, tmp_path: Path) -> None:
    cert, _ = _self_signed(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "ORETRACE_DATABASE_URL"} | {"ORETRACE_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-m", "oretrace", "serve", "--ssl-certfile", str(cert)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "--ssl-keyfile" in result.stderr


def test_serve_on_a_store_without_users_hints_at_the_first_admin_and_still_serves(tmp_path: Path) -> None:
    home = tmp_path / "empty-home"
    home.mkdir()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "ORETRACE_DATABASE_URL"} | {"ORETRACE_HOME": str(home)}
    log = tmp_path / "serve.log"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "oretrace", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/login", timeout=2)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("oretrace serve did not start listening")
        assert response.status_code == 200, "served all the same"
    finally:
        process.terminate()
        process.wait(20)
    assert "oretrace users add NAME --role admin" in log.read_text()
