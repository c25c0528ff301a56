"""Born-digital documents read, and shipments checked, in worker processes.

Reading a text layer is Python work (characters to words, boxes, fields), and so are the checks; the threads
of one process run Python one at a time: on 2 cores a second thread reads no faster. When a run's text-layer
work pays for their start, its batches are read in a pool of worker processes instead, forked from a server
that imported the readers once, and its shipments are checked there too, while the run's own process writes
the results to the store. Documents that need OCR stay in threads: Tesseract runs in processes of its own.

A worker that dies on a document (a crash in a native library) costs only that document: the pool is made
anew, the batch's documents are read again one by one, and the one that kills a worker again is refused with
that reason, the way any unreadable file is."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from oretrace.core import index_files
from oretrace.core.config import Settings
from oretrace.core.models import DueDiligenceTemplate, ExtractedDocument, Rejection, ShipmentJudgement, ShipmentResult
from oretrace.pipeline.batching import Batch
from oretrace.pipeline.documents import (
    judge_shipment,
    process_document,
    rejected,
    shipment_result,
    with_embedded,
    with_pages,
    without_pages,
)
from oretrace.reference import ReferenceData, default_reference

Outcome = ExtractedDocument | Rejection
Reader = Callable[[Sequence[Path], Path, Settings, Sequence[str | None]], list[Outcome]]
Judge = Callable[
    [str, list[ExtractedDocument], ReferenceData | None, Mapping[str, DueDiligenceTemplate] | None], ShipmentJudgement
]

# Estimated seconds of text-layer reading in a run (pipeline.batching) from which worker processes pay for
# their start (3-4 s of CPU here: the server's imports, each worker's name indexes and NER pipeline); reading
# in them is about 1.6x faster on 2 cores, and the checks run beside the store writes.
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


def checked_shipments(
    shipments: Mapping[str, Sequence[Outcome]],
    inbox_root: Path,
    settings: Settings,
    reference: ReferenceData | None,
    supplier_templates: Mapping[str, DueDiligenceTemplate] | None,
    workers: bool,
    judge: Judge = judge_shipment,
) -> Iterator[tuple[str, Callable[[], ShipmentResult]]]:
    """Each shipment with a call that returns its result (as `pipeline.documents.assemble_shipment`), in order;
    the call raises what checking that shipment raised. With `workers`, every shipment is judged in the worker
    processes at once while the caller takes the results one by one (to store them); without, each is checked
    when its result is asked for, so only one shipment's pages are held at a time."""
    checking = _Checking(judge, inbox_root, settings, reference, dict(supplier_templates or {}))
    pool = _shared_pool(settings.workers) if workers else None
    judged = {i: pool.submit(checking.judgement, i, light) for i, light in shipments.items()} if pool else {}
    for shipment_id, light in shipments.items():
        yield shipment_id, partial(checking.result, shipment_id, light, pool, judged.get(shipment_id))


@dataclass(frozen=True)
class _Checking:
    """What checking a run's shipments needs, here and in a worker process (it is sent there with each)."""

    judge: Judge
    inbox_root: Path
    settings: Settings
    reference: ReferenceData | None
    templates: dict[str, DueDiligenceTemplate]

    def judgement(self, shipment_id: str, light: Sequence[Outcome]) -> ShipmentJudgement:
        """In a worker: the shipment's judgement, its pages taken from the extraction cache."""
        outcomes = _whole(light, self.inbox_root, self.settings)
        reference = _known(self.reference or default_reference())
        return self.judge(shipment_id, _documents(outcomes), reference, self.templates)

    def result(
        self,
        shipment_id: str,
        light: Sequence[Outcome],
        pool: ProcessPoolExecutor | None,
        judged: Future[ShipmentJudgement] | None,
    ) -> ShipmentResult:
        """The shipment made whole, with its judgement from a worker (`judged`) or made here."""
        outcomes = _whole(light, self.inbox_root, self.settings)
        judgement = None
        if pool is not None and judged is not None:
            try:
                judgement = judged.result()
            except BrokenProcessPool:  # a worker died (out of memory, say): the shipment is judged here instead
                _discard(pool)
        if judgement is None:
            judgement = self.judge(shipment_id, _documents(outcomes), self.reference, self.templates)
        return shipment_result(shipment_id, outcomes, judgement)


def _whole(light: Sequence[Outcome], inbox_root: Path, settings: Settings) -> list[Outcome]:
    return [with_pages(o, inbox_root, settings) if isinstance(o, ExtractedDocument) else o for o in light]


def _documents(outcomes: list[Outcome]) -> list[ExtractedDocument]:
    """The documents checked: embedded ones as their own."""
    return [o for o in with_embedded(outcomes) if isinstance(o, ExtractedDocument)]


_references: dict[str, ReferenceData] = {}


def _known(reference: ReferenceData) -> ReferenceData:
    """The worker's own copy of this version of the reference data: what is built from it on first use (the
    smelter matcher, the NER pipeline's ruler) is built once per worker, not once per shipment."""
    return _references.setdefault(reference.version, reference)


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


def _warm_worker(index_directory: Path | None) -> None:
    """A worker's start: what reading and checking build on first use (the NER pipeline: about a second), the
    name indexes from the run's index files."""
    from oretrace.checks.context import load_default_nlp

    index_files.keep_in(index_directory)
    warm_reading()
    load_default_nlp(_known(default_reference()))


def _shared_pool(workers: int) -> ProcessPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            # Forked from a server process that imported the readers once, never from this process: its
            # threads (Prefect's, the server's) may hold locks a forked child would wait on for ever.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["oretrace.pipeline.documents"])
            _pool = ProcessPoolExecutor(
                max_workers=workers, mp_context=context, initializer=_warm_worker, initargs=(index_files.directory(),)
            )
        return _pool


def _discard(broken: ProcessPoolExecutor) -> None:
    """Forget a pool a dead worker broke (another thread may have replaced it already)."""
    global _pool
    with _pool_lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)
