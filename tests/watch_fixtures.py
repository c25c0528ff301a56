"""Running the real `oretrace watch` process in tests, and reading what it left behind."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, text

from oretrace.store.db import make_engine
from tests.conftest import REPO, SAMPLE_DOCS, command_env

ORETRACE = REPO / ".venv" / "bin" / "oretrace"
POSTGRES_URL_ENV = "ORETRACE_TEST_POSTGRES_URL"


def born_digital_shipments() -> dict[str, list[Path]]:
    """The born-digital files of each sample shipment (no OCR needed), by shipment id."""
    truth = json.loads((SAMPLE_DOCS / "ground_truth.json").read_text())
    shipments: dict[str, list[Path]] = {}
    for doc in truth["documents"]:
        if not doc["scanned"]:
            shipments.setdefault(doc["shipment_id"], []).append(SAMPLE_DOCS / doc["path"])
    return shipments


def drop_shipment(inbox: Path, shipment_id: str, files: list[Path], pause: float = 0.0) -> None:
    """Copy files into inbox/shipment_id one by one, as a person or a scanner would (new modification times)."""
    folder = inbox / shipment_id
    folder.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, folder / path.name)
        if pause:
            time.sleep(pause)


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hashes(root: Path) -> list[str]:
    """sha256 of every regular file under root, except reason files and partial copies."""
    if not root.exists():
        return []
    return sorted(
        sha256_bytes(p.read_bytes())
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink() and not p.name.endswith(".reason.txt") and ".partial-" not in p.name
    )


@dataclass
class WatchRun:
    """Places and settings of one service under test; start() launches a real `oretrace watch` process."""

    root: Path
    database_url: str | None = None
    quiet: float = 1.0
    lease: float = 20.0
    extra_args: list[str] = field(default_factory=list)
    extra_env: dict[str, str] = field(default_factory=dict)
    processes: list[subprocess.Popen] = field(default_factory=list)
    log_paths: list[Path] = field(default_factory=list)

    @property
    def inbox(self) -> Path:
        return self.root / "inbox"

    @property
    def archive(self) -> Path:
        return self.root / "archive"

    @property
    def quarantine(self) -> Path:
        return self.root / "quarantine"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def url(self) -> str:
        return self.database_url or f"sqlite:///{self.home / 'oretrace.db'}"

    def env(self) -> dict[str, str]:
        env = command_env()
        env |= {
            "ORETRACE_HOME": str(self.home),
            "ORETRACE_DATABASE_URL": self.url,
            # The shared page cache stays per test: a crash test must really read the files again.
            "PYTHONUNBUFFERED": "1",
        }
        return env | self.extra_env

    def start(self, label: str = "") -> subprocess.Popen:
        self.inbox.mkdir(parents=True, exist_ok=True)
        log_path = self.root / f"watch{len(self.processes)}{label}.log"
        self.log_paths.append(log_path)
        log = log_path.open("wb")
        args = [
            str(ORETRACE),
            "watch",
            str(self.inbox),
            "--archive",
            str(self.archive),
            "--quarantine",
            str(self.quarantine),
            "--quiet",
            str(self.quiet),
            "--poll-seconds",
            "0.5",
            "--lease",
            str(self.lease),
            "--no-prefect",
            *self.extra_args,
        ]
        process = subprocess.Popen(args, env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=self.root)
        self.processes.append(process)
        return process

    def wait_watching(self, timeout: float = 90) -> None:
        """Until every running process has started watching (imports done, store migrated)."""
        wait_until(
            lambda: all(
                "watching" in log.read_text(errors="replace") or process.poll() is not None
                for process, log in zip(self.processes, self.log_paths, strict=True)
            ),
            timeout,
            "the service to start",
            interval=0.2,
        )
        assert self.processes[-1].poll() is None, self.log_paths[-1].read_text(errors="replace")[-3000:]

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in sorted(self.root.glob("watch*.log")))

    def kill_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)

    def engine(self) -> Engine:
        return make_engine(self.url)


def wait_until(condition: Callable[[], bool], timeout: float, what: str, interval: float = 0.5) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def inbox_files(inbox: Path) -> list[Path]:
    return [p for p in inbox.rglob("*") if p.is_file() or p.is_symlink()]


def stop_gracefully(process: subprocess.Popen, timeout: float = 60) -> int:
    process.send_signal(signal.SIGTERM)
    return process.wait(timeout=timeout)


@contextmanager
def postgres_schema_url() -> Iterator[str | None]:
    """A URL whose connections use a fresh, dropped-after schema of the test PostgreSQL; None if not configured."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        yield None
        return
    schema = f"oretrace_watch_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
