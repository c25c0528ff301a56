"""Batches of born-digital documents read in worker processes.

Reading a text layer is Python work (characters to words, boxes, fields), and the threads of one process run
Python one at a time: on 2 cores a second thread reads no faster. When a run's text-layer work pays for their
start, its batches are read in a pool of worker processes instead, forked from a server that imported the
readers once. Documents that need OCR stay in threads: Tesseract runs in processes of its own.

A worker that dies on a document (a crash in a native library) costs only that document: the pool is made
anew, the batch's documents are read again one by one, and the one that kills a worker again is refused with
that reason, the way any unreadable file is."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.pipeline.batching import Batch
from oretrace.pipeline.documents import process_document, rejected, without_pages

Outcome = ExtractedDocument | Rejection
Reader = Callable[[Sequence[Path], Path, Settings, Sequence[str | None]], list[Outcome]]

# Estimated seconds of text-layer reading in a run (pipeline.batching) from which worker processes pay for
# their start (2.5-3 s of CPU here: the server's imports, each worker's name indexes); reading in them is
# about 1.6x faster on 2 cores.
MIN_RUN_SECONDS = 6.0

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()


def read_documents(
    paths: Sequence[Path], inbox_root: Path, settings: Settings, sha256s: Sequence[str | None]
) -> list[Outcome]:
    """Each document read and returned without its pages (pipeline.documents.without_pages)."""
    return [
        without_pages(process_document(path, inbox_root, settings, sha256))
        for path, sha256 in zip(paths, sha256s, strict=True)
    ]


def read_batch(
    batch: Batch,
    inbox_root: Path,
    settings: Settings,
    sha256s: Sequence[str | None],
    workers: bool,
    reader: Reader = read_documents,
) -> list[Outcome]:
    """`reader` over the batch's documents; in a worker process when the run uses `workers` (see
    `worth_workers`) and the batch reads text layers rather than needing OCR."""
    paths = batch.paths
    if not workers or batch.is_ocr:
        return reader(paths, inbox_root, settings, sha256s)
    pool = _shared_pool(settings.workers)
    try:
        return pool.submit(reader, paths, inbox_root, settings, sha256s).result()
    except BrokenProcessPool:
        _discard(pool)
    outcomes: list[Outcome] = []
    for path, sha256 in zip(paths, sha256s, strict=True):
        pool = _shared_pool(settings.workers)
        try:
            outcomes += pool.submit(reader, [path], inbox_root, settings, [sha256]).result()
        except BrokenProcessPool:
            _discard(pool)
            outcomes.append(rejected(path, inbox_root, "the reading process died on this file"))
    return outcomes


def worth_workers(batches: Sequence[Batch], settings: Settings) -> bool:
    """Whether a run's text-layer batches are worth worker processes: they are running already, or the work
    pays for their start (`MIN_RUN_SECONDS`). Never in a Dask worker: a daemon process, which may not start
    processes of its own."""
    if settings.workers < 2 or multiprocessing.current_process().daemon:
        return False
    return _pool is not None or sum(batch.seconds for batch in batches if not batch.is_ocr) >= MIN_RUN_SECONDS


def start_workers(settings: Settings) -> None:
    """Start the worker processes now rather than on the first batch (a warm process, as a benchmark or a
    long-running service has)."""
    pool = _shared_pool(settings.workers)
    list(pool.map(int, range(settings.workers)))


def stop_workers() -> None:
    """Stop the worker processes (they start again on the next batch that asks for them)."""
    global _pool
    with _pool_lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=True)


def warm_reading() -> None:
    """Build what reading builds on first use: the country, date and currency name indexes and the place
    gazetteer (seconds, once per process)."""
    from oretrace.extractors.normalize.countries import parse_country
    from oretrace.extractors.normalize.currency import parse_currency
    from oretrace.extractors.normalize.dates import parse_date
    from oretrace.nlp_models.gazetteer import place_country

    place_country("Bangkok")
    parse_country("Thailand")
    parse_date("6 April 2025")
    parse_currency("USD 1,000.00")


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # Forked from a server process that imported the readers once, never from this process: its
            # threads (Prefect's, the server's) may hold locks a forked child would wait on for ever.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["oretrace.pipeline.documents"])
            _pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=warm_reading)
        return _pool


def _discard(broken: ProcessPoolExecutor) -> None:
    """Forget a pool a dead worker broke (another thread may have replaced it already)."""
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)
