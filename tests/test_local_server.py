"""The local Prefect server: started once per data directory, reused by later runs, stopped when idle."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from oretrace.flows.local_server import LocalServer, ServerPaths, ServerState, api_answers, status, stop_server
from tests.conftest import REPO, SAMPLE_DOCS, command_env

pytestmark = pytest.mark.slow


def _gone(pid: int, within: float = 60.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text().split()[2]:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture
def home(tmp_path: Path) -> Iterator[Path]:
    home = tmp_path / "home"
    previous = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = str(home / "prefect")
    yield home
    stop_server(home)
    if previous is None:
        os.environ.pop("PREFECT_HOME", None)
    else:
        os.environ["PREFECT_HOME"] = previous


def test_a_second_run_reuses_the_server_the_first_started(home: Path) -> None:
    first = LocalServer(home, idle_seconds=600)
    first.wait_ready()
    assert first.started_here
    first.stop()

    second = LocalServer(home, idle_seconds=600)
    assert not second.started_here
    assert second.state == first.state
    assert second.ready()
    second.stop()
    assert status(home).answers


def test_the_server_stops_when_idle_but_never_under_a_run(home: Path) -> None:
    using = LocalServer(home, idle_seconds=1)
    using.wait_ready()
    pid = using.state.pid
    time.sleep(4)  # well past the idle period, but a run holds the lease
    assert api_answers(using.api_url)
    assert status(home).in_use

    using.stop()
    assert _gone(pid)
    assert not ServerPaths.of(home).state.exists()
    assert status(home).state is None

    # The next run starts a new one.
    again = LocalServer(home, idle_seconds=600)
    assert again.started_here and again.state.pid != pid
    again.wait_ready()
    again.stop()


def test_a_stale_state_file_is_replaced(home: Path) -> None:
    # A pid that lives but is not the server (this test's own process), as after a reboot reused the pid.
    ServerState(pid=os.getpid(), port=1).write(ServerPaths.of(home).state)
    server = LocalServer(home, idle_seconds=600)
    assert server.started_here and server.state.pid != os.getpid()
    server.wait_ready()
    server.stop()


def _run(inbox: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = command_env(ORETRACE_HOME=str(home), ORETRACE_PREFECT_SERVER="local")
    return subprocess.run([sys.executable, "-m", "oretrace", "run", str(inbox)], env=env, cwd=REPO,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip


def test_oretrace_run_keeps_its_server_for_the_next_run(tmp_path: Path, home: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLE_DOCS / "inbox" / "SHP-2025-0001", inbox / "SHP-2025-0001")
    first = _run(inbox, home)
    assert first.returncode == 0, first.stderr
    assert "this run started a local server" in first.stdout
    pid = ServerState.read(ServerPaths.of(home).state).pid

    (inbox / "SHP-2025-0001-copy").mkdir()
    for document in (inbox / "SHP-2025-0001").iterdir():
        shutil.copy2(document, inbox / "SHP-2025-0001-copy")
    second = _run(inbox, home)
    assert second.returncode == 0, second.stderr
    assert re.search(r"of 2 shipments flagged", second.stdout), second.stdout
    assert "started a local server" not in second.stdout
    assert ServerState.read(ServerPaths.of(home).state).pid == pid

    env = command_env(ORETRACE_HOME=str(home))
    shown = subprocess.run([sys.executable, "-m", "oretrace", "prefect-server", "status"], env=env,
                           capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"pid {pid}" in shown and "answering" in shown
    stopped = subprocess.run([sys.executable, "-m", "oretrace", "prefect-server", "stop"], env=env,
                             capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert f"stopped the local Prefect server (pid {pid})" in stopped
    assert _gone(pid)
