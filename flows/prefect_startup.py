"""Hide Prefect's start-up behind useful work, and pay it once per data directory rather than once per run.

With no `PREFECT_API_URL`, a process's first flow run starts Prefect's temporary API server and waits for it:
4 s on an idle two-core machine, 15-30 s under load, before any task runs, plus 5 s of importing the server's
code into the client process only to launch it. `oretrace run` instead uses the data directory's local server
(`oretrace.flows.local_server`: started by the first run that needs it, reused by the next ones until it has
been idle `ORETRACE_PREFECT_SERVER_IDLE_MINUTES`), as its very first step, points this process at it through
`PREFECT_API_URL` before Prefect is imported, and, while a server it started is not yet answering, extracts
the inbox's documents with the plain pipeline functions into the document cache and builds the indexes the
checks use. The flow's tasks then find those documents extracted and only check and store them. With
`ORETRACE_PREFECT_SERVER=temporary` (or where the local server cannot be used) the same happens with a
temporary server that is stopped when the run ends.

The read-ahead only fills caches, so it cannot change a result. With `PREFECT_API_URL` already set (a shared
server), with a Dask cluster doing the work, or once Prefect is imported in this process, nothing is launched
or read ahead and Prefect behaves as usual.
"""

from __future__ import annotations

import atexit
import logging
import os
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from oretrace.core.config import Settings
from oretrace.flows.local_server import STARTUP_TIMEOUT_SECONDS, LocalServer, api_answers, free_port, server_env
from oretrace.pipeline import progress
from oretrace.pipeline.documents import process_document
from oretrace.pipeline.inbox import InboxSnapshot
from oretrace.pipeline.workers import warm_reading
from oretrace.reference import ReferenceData

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupReport:
    server_seconds: float  # until the server answered; 0 when none was needed
    documents_read_ahead: int
    server_error: str | None = None
    server_started: bool = False  # the local server was started by this run (and outlives it)


class TemporaryServer:
    """Prefect's API server in a subprocess for the length of one run, as Prefect itself would start it."""

    started_here = False  # nothing outlives the run

    def __init__(self, home: Path) -> None:
        self.port = free_port()
        self.log_path = home / "prefect" / "temporary-server.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
                 "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "error", "--lifespan", "on"],
                env=server_env(), stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        atexit.register(self.stop)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def ready(self) -> bool:
        """True once the API answers; raises if the server process has exited."""
        if self.process.poll() is not None:
            tail = self.log_path.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"Prefect's server exited with code {self.process.returncode}: {tail}")
        return api_answers(self.api_url)

    def wait_ready(self, timeout: float = STARTUP_TIMEOUT_SECONDS) -> None:
        deadline = time.monotonic() + timeout
        while not self.ready():
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"Prefect's server did not answer within {timeout:.0f} s ({self.log_path})")
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def start_server(settings: Settings) -> LocalServer | TemporaryServer:
    """The data directory's local server (started if none runs), or a temporary one as configured or when the
    local one cannot be used (e.g. a file system without locks)."""
    home = settings.home.resolve()
    if settings.prefect_server == "local":
        try:
            server = LocalServer(home, idle_seconds=settings.prefect_server_idle_minutes * 60)
        except OSError as err:
            log.warning("the local Prefect server cannot be used (%s); a temporary one serves this run", err)
        else:
            atexit.register(server.stop)
            return server
    return TemporaryServer(home)


def read_ahead(snapshot: InboxSnapshot, settings: Settings, until: Callable[[], bool]) -> int:
    """Extract documents into the caches, `settings.workers` at a time, until `until()` is true; documents
    already started are finished. Returns how many were extracted."""
    read = 0
    with ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="read-ahead") as pool:
        running: set = set()
        for path in snapshot.paths:
            while len(running) >= settings.workers and not until():
                finished, running = wait(running, timeout=0.25, return_when=FIRST_COMPLETED)
                read += len(finished)
                progress.advance("read ahead", len(finished))
            if until():
                break
            running.add(pool.submit(process_document, path, snapshot.root, settings, snapshot.sha256_of(path)))
        finished = wait(running).done
        read += len(finished)
        progress.advance("read ahead", len(finished))
    return read


def warm_up(reference: ReferenceData) -> None:
    """Build once, while the server starts, what this process's first document and shipment would otherwise
    wait for: the place gazetteer, country, date and currency name indexes, the NER pipeline and the reference
    data (8-20 s here)."""
    from oretrace.checks.context import load_default_nlp

    warm_reading()
    load_default_nlp(reference)


def start_prefect_reading_ahead(snapshot: InboxSnapshot, settings: Settings, reference: ReferenceData) -> StartupReport:
    """Start or reuse Prefect's server and extract documents until it answers (see the module's notes)."""
    if os.environ.get("PREFECT_API_URL") or settings.dask_address or "prefect" in sys.modules:
        return StartupReport(server_seconds=0.0, documents_read_ahead=0)
    started = time.perf_counter()
    server = start_server(settings)
    os.environ["PREFECT_API_URL"] = server.api_url  # read by Prefect when it is imported, after this
    warming = ThreadPoolExecutor(max_workers=1, thread_name_prefix="warm-up")
    warmed = warming.submit(warm_up, reference)
    warming.shutdown(wait=False)
    try:
        read = read_ahead(snapshot, settings, until=server.ready)
        server.wait_ready()
        warmed.exception()  # a failure here shows again, and is reported, where the checks need the same data
    except RuntimeError as err:
        # The flow run then starts Prefect's own temporary server, as it would without this module.
        server.stop()
        os.environ.pop("PREFECT_API_URL", None)
        elapsed = time.perf_counter() - started
        return StartupReport(server_seconds=elapsed, documents_read_ahead=0, server_error=str(err))
    return StartupReport(
        server_seconds=time.perf_counter() - started, documents_read_ahead=read, server_started=server.started_here
    )
