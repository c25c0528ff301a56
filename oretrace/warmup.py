"""Hide Prefect's start-up behind useful work.

Without a Prefect server configured, a process's first flow run starts a temporary local API server,
which takes 14-30 s here. `oretrace run` starts that server in the background at once and meanwhile
reads (OCRs) the inbox's pages into the page cache; the flow's tasks then find their pages read.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from pathlib import Path

from oretrace.config import Settings
from oretrace.pipeline import read_into_cache


def start_prefect_server() -> Future[None]:
    """Start Prefect's temporary API server in a background thread, unless PREFECT_API_URL names one.
    The server object is Prefect's per-process singleton, so the first flow run reuses it."""

    def start() -> None:
        from prefect.settings import PREFECT_API_URL

        if PREFECT_API_URL.value():
            return
        from prefect.server.api.server import SubprocessASGIServer

        SubprocessASGIServer().start()

    future: Future[None] = Future()

    def run() -> None:
        try:
            start()
            future.set_result(None)
        except BaseException as err:  # the flow run will start the server itself and report the error
            future.set_exception(err)

    threading.Thread(target=run, name="prefect-server-start", daemon=True).start()
    return future


class PagePrefetch:
    """Reads pages into the cache on `workers` threads until stopped."""

    def __init__(self, paths: Iterable[Path], inbox_root: Path, settings: Settings) -> None:
        self._pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="prefetch")
        self._futures = [self._pool.submit(read_into_cache, p, inbox_root, settings) for p in paths]

    def stop(self) -> int:
        """Drop what has not started, wait for what has (so no page is read twice); return pages read."""
        for future in self._futures:
            future.cancel()
        wait([f for f in self._futures if not f.cancelled()])
        self._pool.shutdown()
        return sum(1 for f in self._futures if f.done() and not f.cancelled())
