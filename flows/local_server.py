"""A Prefect API server per data directory, started by the first run that needs it and reused until idle.

Prefect's temporary server costs every run its start-up (4 s on an idle two-core machine, 15-30 s on a busy
one), which is most of a small run. So `oretrace run` keeps the server it starts: a detached process
(`python -m oretrace.flows.local_server`) whose address is in `<home>/prefect/local-server.json`. A later run
on the same data directory finds it there and uses it at once.

Who uses the server is told by a lock, not by a count that a crash could leave wrong: each run holds a shared
`flock` on `local-server.lease` while it uses the server and touches the file when it takes and releases it. The
server checks every few seconds whether it could take that lock exclusively (no run holds it) and whether the
file is older than the idle period; then it removes its state file, still holding the lock, and exits. A run
that read the state file just before waits for that lock and reads the state again, so it never meets a server
that is going away. A state file whose process is gone, or is not this server, is replaced. Starting is
serialised by a second lock (`local-server.start`), so two runs at once start one server.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO

# A cold start (new database: migrations) took up to 120 s on two cores busy with other heavy jobs.
STARTUP_TIMEOUT_SECONDS = 300
SERVER_MODULE = "oretrace.flows.local_server"

# What a server started by oretrace needs from Prefect, and nothing more.
SERVER_ENV = {
    "PREFECT_UI_ENABLED": "0",
    "PREFECT__SERVER_EPHEMERAL": "1",  # only the services a server without deployments needs
    "PREFECT__SERVER_FINAL": "1",
    # No blocks are used (results are not persisted); registering every block type costs seconds.
    "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env() -> dict[str, str]:
    """This process's environment for a server it launches: never pointed at another server."""
    env = {key: value for key, value in os.environ.items() if key != "PREFECT_API_URL"}
    return env | SERVER_ENV


def api_answers(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


@dataclass(frozen=True)
class ServerPaths:
    folder: Path

    @classmethod
    def of(cls, home: Path) -> ServerPaths:
        folder = home.resolve() / "prefect"
        folder.mkdir(parents=True, exist_ok=True)
        return cls(folder)

    @property
    def state(self) -> Path:
        return self.folder / "local-server.json"

    @property
    def lease(self) -> Path:
        return self.folder / "local-server.lease"

    @property
    def start_lock(self) -> Path:
        return self.folder / "local-server.start"

    @property
    def log(self) -> Path:
        return self.folder / "local-server.log"


@dataclass(frozen=True)
class ServerState:
    pid: int
    port: int

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @classmethod
    def read(cls, path: Path) -> ServerState | None:
        try:
            record = json.loads(path.read_text())
            return cls(pid=int(record["pid"]), port=int(record["port"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def write(self, path: Path) -> None:
        partial = path.with_suffix(".json.part")
        partial.write_text(json.dumps({"pid": self.pid, "port": self.port}))
        partial.replace(path)


def _is_this_server(pid: int) -> bool:
    """The process lives and runs this module (a pid left in a stale state file may have been reused)."""
    try:
        return SERVER_MODULE.encode() in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _touch(path: Path) -> None:
    os.utime(path)


class LocalServer:
    """This run's use of the data directory's server; `stop()` ends the use, not the server."""

    def __init__(self, home: Path, idle_seconds: float) -> None:
        self.paths = ServerPaths.of(home)
        self._launched: subprocess.Popen[bytes] | None = None
        self._lease: IO[bytes] | None = None
        with self.paths.start_lock.open("ab") as start_lock:
            fcntl.flock(start_lock, fcntl.LOCK_EX)
            state = self._running_state()
            if state is None:
                state = self._launch(idle_seconds)
            self.state = state

    @property
    def api_url(self) -> str:
        return self.state.api_url

    @property
    def started_here(self) -> bool:
        return self._launched is not None

    def _hold_lease(self) -> None:
        self._lease = self.paths.lease.open("ab")
        fcntl.flock(self._lease, fcntl.LOCK_SH)  # waits while a server that found itself idle is stopping
        _touch(self.paths.lease)

    def _running_state(self) -> ServerState | None:
        """The state of a server that will stay up while this run holds its lease, or None."""
        if ServerState.read(self.paths.state) is None:
            return None
        self._hold_lease()
        state = ServerState.read(self.paths.state)  # again: a server that stopped meanwhile removed it
        if state is not None and _is_this_server(state.pid):
            return state
        self.stop()
        return None

    def _launch(self, idle_seconds: float) -> ServerState:
        self._hold_lease()  # before the server exists, so it never sees itself idle before this run starts
        port = free_port()
        with self.paths.log.open("ab") as log:
            self._launched = subprocess.Popen(
                [sys.executable, "-m", SERVER_MODULE, "--home", str(self.paths.folder.parent), "--port", str(port),
                 "--idle-seconds", str(idle_seconds)],
                env=server_env(), stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,  # outlives this run, and a Ctrl-C in its terminal
            )  # fmt: skip
        state = ServerState(pid=self._launched.pid, port=port)
        state.write(self.paths.state)
        return state

    def ready(self) -> bool:
        """True once the API answers; raises if the server's process has exited."""
        if self._launched is not None:
            exited = self._launched.poll() is not None
        else:
            exited = not _is_this_server(self.state.pid)
        if exited:
            tail = self.paths.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"the local Prefect server (pid {self.state.pid}) exited: {tail}")
        return api_answers(self.api_url)

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while not self.ready():
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the local Prefect server did not answer within {timeout:.0f} s ({self.paths.log})")
            time.sleep(0.2)

    def stop(self) -> None:
        """End this run's use: the server stays up for the next run until it has been idle long enough."""
        if self._lease is not None:
            _touch(self.paths.lease)
            self._lease.close()  # closing the file releases the lock
            self._lease = None


@dataclass(frozen=True)
class ServerStatus:
    state: ServerState | None
    answers: bool
    in_use: bool  # a run holds the lease
    idle_seconds: float  # since a run last took or released the server


def status(home: Path) -> ServerStatus:
    paths = ServerPaths.of(home)
    state = ServerState.read(paths.state)
    if state is None or not _is_this_server(state.pid):
        return ServerStatus(state=None, answers=False, in_use=False, idle_seconds=0.0)
    with paths.lease.open("ab") as lease:
        try:
            fcntl.flock(lease, fcntl.LOCK_EX | fcntl.LOCK_NB)
            in_use = False
        except BlockingIOError:
            in_use = True
        idle = time.time() - paths.lease.stat().st_mtime
    return ServerStatus(state=state, answers=api_answers(state.api_url), in_use=in_use, idle_seconds=idle)


def stop_server(home: Path, timeout: float = 30.0) -> int | None:
    """Stop the data directory's server now (a run using it loses its API); the pid stopped, or None."""
    paths = ServerPaths.of(home)
    state = ServerState.read(paths.state)
    if state is None or not _is_this_server(state.pid):
        paths.state.unlink(missing_ok=True)
        return None
    os.kill(state.pid, 15)
    deadline = time.monotonic() + timeout
    while _is_this_server(state.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    paths.state.unlink(missing_ok=True)
    return state.pid


# --- the server process ---


def _watch_idle(paths: ServerPaths, lease: IO[bytes], idle_seconds: float, stop: threading.Event) -> None:
    """Set `stop` once no run holds the lease and none took or released it for `idle_seconds`; the lease stays
    locked then, until this process exits, so a run that read the old state waits, finds it gone and starts a
    new server."""
    poll = min(5.0, max(idle_seconds / 2, 0.2))
    while not stop.wait(poll):
        try:
            fcntl.flock(lease, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue  # a run is using the server
        try:
            idle = time.time() - paths.lease.stat().st_mtime
        except OSError:  # the data directory is gone: nobody can use this server any more
            idle = float("inf")
        if idle >= idle_seconds:
            state = ServerState.read(paths.state)
            if state is not None and state.pid == os.getpid():
                paths.state.unlink(missing_ok=True)
            stop.set()
            return
        fcntl.flock(lease, fcntl.LOCK_UN)


def serve(home: Path, port: int, idle_seconds: float) -> None:
    import uvicorn
    from prefect.server.api.server import create_app

    paths = ServerPaths.of(home)
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="error"))
    stop = threading.Event()
    with paths.lease.open("ab") as lease:
        threading.Thread(target=_watch_idle, args=(paths, lease, idle_seconds, stop), daemon=True).start()
        threading.Thread(target=lambda: (stop.wait(), setattr(server, "should_exit", True)), daemon=True).start()
        try:
            server.run()  # until idle, or SIGTERM (`oretrace prefect-server stop`)
        finally:
            state = ServerState.read(paths.state)
            if state is not None and state.pid == os.getpid():
                paths.state.unlink(missing_ok=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="oretrace's local Prefect server for one data directory")
    parser.add_argument("--home", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--idle-seconds", type=float, required=True)
    arguments = parser.parse_args(argv)
    os.environ.setdefault("PREFECT_HOME", str(ServerPaths.of(arguments.home).folder))
    serve(arguments.home, arguments.port, arguments.idle_seconds)


if __name__ == "__main__":
    main()
