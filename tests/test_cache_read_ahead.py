"""Documents read ahead into the caches while Prefect's server starts, and the temporary server itself."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from oretrace.core.config import Settings
from oretrace.flows.prefect_startup import TemporaryServer, read_ahead
from oretrace.pipeline.inbox import InboxSnapshot
from tests.conftest import INVOICE_LINES, REPO, command_env, pdf_bytes


def _inbox(tmp_path: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        lines = [(font, size, text.replace("0042", f"{index:04d}")) for font, size, text in INVOICE_LINES]
        path = tmp_path / "inbox" / f"SHP-{index}" / "invoice.pdf"
        path.parent.mkdir(parents=True)
        path.write_bytes(pdf_bytes([lines]))
        paths.append(path)
    return paths


def _cached_documents(settings: Settings) -> int:
    return len(list((settings.home / "cache" / "documents").rglob("*.json")))


def test_read_ahead_fills_the_document_cache(tmp_path: Path) -> None:
    _inbox(tmp_path, 3)
    settings = Settings(home=tmp_path / "home", workers=2)
    assert read_ahead(InboxSnapshot.take(tmp_path / "inbox"), settings, until=lambda: False) == 3
    assert _cached_documents(settings) == 3


def test_read_ahead_stops_when_the_server_is_ready(tmp_path: Path) -> None:
    _inbox(tmp_path, 6)
    settings = Settings(home=tmp_path / "home", workers=1)
    ready = threading.Event()

    def until() -> bool:
        if _cached_documents(settings) >= 2:
            ready.set()
        return ready.is_set()

    read = read_ahead(InboxSnapshot.take(tmp_path / "inbox"), settings, until=until)
    assert 2 <= read < 6
    assert _cached_documents(settings) == read


@pytest.mark.slow
def test_temporary_server_answers_and_stops(tmp_path: Path) -> None:
    env_home = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = str(tmp_path / "prefect")
    try:
        server = TemporaryServer(tmp_path)
        server.wait_ready()
        assert server.ready()
        server.stop()
        assert server.process.poll() is not None
    finally:
        if env_home is None:
            os.environ.pop("PREFECT_HOME", None)
        else:
            os.environ["PREFECT_HOME"] = env_home


@pytest.mark.slow
def test_oretrace_run_with_its_own_server_stores_every_shipment(tmp_path: Path) -> None:
    _inbox(tmp_path, 2)
    env = command_env(ORETRACE_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "oretrace", "run", str(tmp_path / "inbox")], env=env,
                          cwd=REPO, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert re.search(r"\d of 2 shipments flagged; 2 documents, 2 pages", done.stdout), done.stdout
    assert "did not start" not in done.stderr
    assert len(list((tmp_path / "home" / "cache" / "documents").rglob("*.json"))) == 2

    # The same inbox again: nothing changed, so nothing is processed and Prefect is not started.
    server_log = tmp_path / "home" / "prefect" / "temporary-server.log"
    server_started = server_log.stat().st_mtime_ns
    again = subprocess.run([sys.executable, "-m", "oretrace", "run", str(tmp_path / "inbox")], env=env,
                           cwd=REPO, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert "unchanged since the run that finished" in again.stdout and re.search(
        r"\d of 2 shipments flagged, as stored", again.stdout
    )
    assert server_log.stat().st_mtime_ns == server_started

    # A file changed: the inbox is processed again.
    _inbox(tmp_path / "more", 1)
    (tmp_path / "more" / "inbox" / "SHP-0" / "invoice.pdf").rename(tmp_path / "inbox" / "SHP-1" / "second.pdf")
    third = subprocess.run([sys.executable, "-m", "oretrace", "run", str(tmp_path / "inbox")], env=env,
                           cwd=REPO, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert third.returncode == 0, third.stderr
    assert re.search(r"\d of 2 shipments flagged; 3 documents, 3 pages", third.stdout), third.stdout
