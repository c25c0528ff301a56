"""The speed measurements, each against its baseline measured in the same run, side by side.

Every function returns `Figure`s; nothing here asserts a target, it only reports whether it was met.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pypdfium2
from pydantic import BaseModel
from rapidfuzz.distance import Levenshtein

from benchmarks.corpus import Corpus
from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument, Rejection
from oretrace.flows.local_server import stop_server
from oretrace.flows.prefect_startup import TemporaryServer

REPO = Path(__file__).resolve().parents[1]
OCR_LANGUAGES = Settings().ocr_languages
# Timed passes of the born-digital figure (its median), after one that is not: a pass is 3 s, and one alone
# swings by a fifth between runs of this machine.
BORN_DIGITAL_PASSES = 3


class Figure(BaseModel):
    key: str
    title: str
    value: float
    unit: str
    baseline: str
    baseline_value: float | None = None
    ratio: float | None = None
    ratio_meaning: str = ""
    target: str = ""
    met: bool | None = None
    detail: dict[str, float | int | str] = {}


class Timer:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __enter__(self) -> Timer:
        self._started = time.perf_counter()
        return self

    def __exit__(self, *_: object) -> None:
        self.seconds = time.perf_counter() - self._started


def _clean_env(home: Path) -> dict[str, str]:
    """A new user's environment on data directory `home`; each run's Prefect server ends with it (as on a new
    data directory), so no server outlives its figure; `small_run` measures the local server that runs share."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORETRACE_", "PREFECT_"))}
    return env | {"ORETRACE_HOME": str(home), "ORETRACE_PREFECT_SERVER": "temporary"}


def oretrace_run(
    inbox: Path,
    home: Path,
    workers: int = 2,
    api_url: str | None = None,
    extra: tuple[str, ...] = (),
    extra_env: dict[str, str] | None = None,
) -> float:
    """Wall seconds of `oretrace run INBOX` in a new process: imports, Prefect start-up (none when `api_url`
    names a running server), work, store."""
    command = [sys.executable, "-m", "oretrace", "run", str(inbox), "--workers", str(workers), *extra]
    env = _clean_env(home) | ({"PREFECT_API_URL": api_url} if api_url else {}) | (extra_env or {})
    with Timer() as timer:
        done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"oretrace run failed ({done.returncode}): {done.stderr[-2000:]}")
    return timer.seconds


def raw_tesseract(files: Iterable[Path], processes: int = 2) -> float:
    """Wall seconds of `tesseract FILE stdout`, `processes` at a time, one OpenMP thread each."""
    env = os.environ | {"OMP_THREAD_LIMIT": "1"}

    def one(path: Path) -> None:
        subprocess.run(["tesseract", str(path), "stdout", "-l", OCR_LANGUAGES], env=env, capture_output=True,
                       check=True)  # fmt: skip

    with Timer() as timer, ThreadPoolExecutor(max_workers=processes) as pool:
        list(pool.map(one, files))
    return timer.seconds


def extract_all(paths: Iterable[Path], inbox: Path, settings: Settings) -> list[ExtractedDocument | Rejection]:
    from oretrace.pipeline.documents import process_document

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        return list(pool.map(lambda p: process_document(p, inbox, settings), paths))


def read_as_a_run_does(
    paths: list[Path], inbox: Path, settings: Settings, sha256_of: Callable[[Path], str | None] = lambda _: None
) -> list[ExtractedDocument | Rejection]:
    """The documents read as `oretrace run` reads them: in batches planned by their estimated work, each read
    by `pipeline.workers.read_batch`, `settings.workers` at a time. The outcomes come without their pages, as
    between a run's stages."""
    from oretrace.pipeline.batching import Batch, estimate_seconds, plan_batches
    from oretrace.pipeline.workers import read_batch, worth_workers

    batches = plan_batches([(p, estimate_seconds(p, lambda _: False)) for p in paths], settings.workers)
    workers = worth_workers(batches, settings)

    def read(batch: Batch) -> list[ExtractedDocument | Rejection]:
        return read_batch(batch, inbox, settings, [sha256_of(p) for p in batch.paths], workers)

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        by_path = {path: outcome for batch, outcomes in zip(batches, pool.map(read, batches), strict=True)
                   for path, outcome in zip(batch.paths, outcomes, strict=True)}  # fmt: skip
    return [by_path[path] for path in paths]


def _pages(outcomes: Iterable[ExtractedDocument | Rejection]) -> int:
    return sum(len(o.pages) for o in outcomes if isinstance(o, ExtractedDocument))


def check_and_store(outcomes: list[ExtractedDocument | Rejection], inbox: Path, settings: Settings) -> None:
    """The per-shipment half of a run as plain functions: checks (in the worker processes when they run, as a
    run's are), then the store (migrated already, as a run's is at its start)."""
    from datetime import UTC, datetime

    from oretrace.pipeline.workers import checked_shipments, worth_workers
    from oretrace.store.db import make_engine, session_scope
    from oretrace.store.repository import record_shipment

    by_shipment: dict[str, list[ExtractedDocument | Rejection]] = {}
    for outcome in outcomes:
        shipment = outcome.source.shipment_id if isinstance(outcome, ExtractedDocument) else outcome.shipment_id
        by_shipment.setdefault(shipment or "", []).append(outcome)
    engine = make_engine(settings.resolved_database_url)
    started = datetime.now(UTC)
    workers = worth_workers([], settings)  # no batches: whether the workers run
    try:
        for _, check in checked_shipments(dict(sorted(by_shipment.items())), inbox, settings, None, None, workers):
            with session_scope(engine) as session:
                record_shipment(session, check(), str(inbox), started, datetime.now(UTC))
    finally:
        engine.dispose()


def running_prefect_server(home: Path) -> TemporaryServer:
    """A Prefect API server of its own (database under `home`), answering before this returns."""
    saved = os.environ.get("PREFECT_HOME")
    os.environ["PREFECT_HOME"] = str(home / "prefect")
    try:
        server = TemporaryServer(home)
    finally:
        if saved is None:
            os.environ.pop("PREFECT_HOME", None)
        else:
            os.environ["PREFECT_HOME"] = saved
    server.wait_ready()
    return server


# 1 and 6 ----------------------------------------------------------------------------------------------


def scanned_and_rerun(corpus: Corpus, work: Path) -> tuple[list[Figure], Path, float]:
    raw = raw_tesseract(corpus.scans)
    home = work / "scans-home"
    first = oretrace_run(corpus.scans_inbox, home)
    second = oretrace_run(corpus.scans_inbox, home)  # unchanged: found up to date, nothing processed
    forced = oretrace_run(corpus.scans_inbox, home, extra=("--force",))  # processed again from the caches
    # The same two runs against a Prefect server that is already running (PREFECT_API_URL), as a team would.
    server = running_prefect_server(work / "shared-prefect")
    try:
        shared_first = oretrace_run(corpus.scans_inbox, work / "scans-home-shared", api_url=server.api_url)
        shared_forced = oretrace_run(
            corpus.scans_inbox, work / "scans-home-shared", api_url=server.api_url, extra=("--force",)
        )
    finally:
        server.stop()
    n = len(corpus.scans)
    scanned = Figure(
        key="scanned_pages",
        title=f"Scanned pages: oretrace run on {n} scans (start-up, OCR, fields, NER, checks, store)",
        value=round(first, 1), unit="s", baseline=f"2 raw tesseract processes, OMP_THREAD_LIMIT=1, -l {OCR_LANGUAGES}",
        baseline_value=round(raw, 1), ratio=round(first / raw, 2), ratio_meaning="oretrace / tesseract",
        target="<= 1.3", met=first / raw <= 1.3,
        detail={"oretrace_pages_per_s": round(n / first, 3), "tesseract_pages_per_s": round(n / raw, 3),
                "with_running_server_s": round(shared_first, 1),
                "with_running_server_ratio": round(shared_first / raw, 2)},
    )  # fmt: skip
    rerun = Figure(
        key="rerun",
        title=f"Re-run: the same {n}-scan inbox run again (same data directory; found unchanged)",
        value=round(second, 1), unit="s", baseline="first run", baseline_value=round(first, 1),
        ratio=round(first / second, 1), ratio_meaning="first / second", target=">= 20", met=first / second >= 20,
        detail={"forced_rerun_s": round(forced, 1), "forced_rerun_ratio": round(first / forced, 1),
                "with_running_server_first_s": round(shared_first, 1),
                "with_running_server_forced_rerun_s": round(shared_forced, 1),
                "with_running_server_forced_ratio": round(shared_first / shared_forced, 1)},
    )  # fmt: skip
    return [scanned, rerun], home, first


# 2 ----------------------------------------------------------------------------------------------------


def cores(corpus: Corpus, work: Path, count: int) -> Figure:
    paths = corpus.scans[:count]
    timings = {}
    for workers in (1, 2):
        settings = Settings(home=work / f"cores-{workers}", workers=workers)
        with Timer() as timer:
            extract_all(paths, corpus.scans_inbox, settings)
        timings[workers] = timer.seconds
    speedup = timings[1] / timings[2]
    return Figure(
        key="cores", title=f"Cores: extraction of {count} scans with 2 workers", value=round(timings[2], 1), unit="s",
        baseline="1 worker", baseline_value=round(timings[1], 1), ratio=round(speedup, 2),
        ratio_meaning="1 worker / 2 workers", target=">= 1.8", met=speedup >= 1.8,
    )  # fmt: skip


# 3 ----------------------------------------------------------------------------------------------------


def _stage_seconds(paths: Iterable[Path], inbox: Path, settings: Settings) -> dict[str, float]:
    """One pass on one thread, timing each stage of extraction separately (no caches)."""
    from oretrace.checks import ShipmentContext, run_checks
    from oretrace.extractors.classify import classify
    from oretrace.extractors.document import describe_source
    from oretrace.extractors.fields import extract_fields
    from oretrace.extractors.text import read_pages
    from oretrace.pipeline.documents import read_options

    options = read_options(settings)
    stages = dict.fromkeys(("hash and type", "text layer", "classification", "fields", "checks and NER"), 0.0)
    docs = []
    for path in paths:
        t0 = time.perf_counter()
        source = describe_source(path, inbox, settings.limits.max_file_bytes)
        t1 = time.perf_counter()
        pages = read_pages(path, source.media_type, options)
        t2 = time.perf_counter()
        classification = classify(pages)
        t3 = time.perf_counter()
        fields = extract_fields(classification.doc_type, pages)
        t4 = time.perf_counter()
        for stage, seconds in zip(stages, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=False):
            stages[stage] += seconds
        docs.append(ExtractedDocument(source=source, pipeline_version="bench", classification=classification,
                                      pages=pages, fields=fields))  # fmt: skip
    by_shipment: dict[str | None, list[ExtractedDocument]] = {}
    for doc in docs:
        by_shipment.setdefault(doc.source.shipment_id, []).append(doc)
    t0 = time.perf_counter()
    for shipment_id, shipment_docs in by_shipment.items():
        run_checks(ShipmentContext.build(shipment_docs, shipment_id=shipment_id))
    stages["checks and NER"] = time.perf_counter() - t0
    return stages


def _pdfplumber_words(paths: Iterable[Path]) -> int:
    pages = 0
    for path in paths:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_words()
                page.close()
                pages += 1
    return pages


def _pdfium_text(paths: Iterable[Path]) -> int:
    pages = 0
    for path in paths:
        document = pypdfium2.PdfDocument(str(path))
        try:
            for page in document:
                page.get_textpage().get_text_range()
                pages += 1
        finally:
            document.close()
    return pages


def born_digital(corpus: Corpus, work: Path) -> Figure:
    """Throughput once the process is warm: the one-off loading of the NER model, gazetteer, name indexes and
    reference data (start-up, measured in the scanned-pages figure and the small run) is done before the timer
    starts, and a first pass, not timed, builds what each process builds on first use. Each pass reads into a
    new data directory (no cache)."""
    import oretrace.store.repository  # noqa: F401  (the store's modules: imported at start-up by `oretrace run`)
    from oretrace.flows.prefect_startup import warm_up
    from oretrace.pipeline.workers import start_workers
    from oretrace.reference import default_reference
    from oretrace.store.db import make_engine, migrate

    warm_up(default_reference())
    settings = Settings(home=work / "digital", workers=2)
    with Timer() as workers_start:
        start_workers(settings)
    inbox = corpus.digital_inbox
    rates = []
    for number in range(1 + BORN_DIGITAL_PASSES):  # the first pass warms what each process builds on first use
        run = settings.model_copy(update={"home": work / f"digital-home-{number}"})
        run.home.mkdir(parents=True)
        migrate(make_engine(run.resolved_database_url))  # a run's start-up
        with Timer() as end_to_end:
            outcomes = read_as_a_run_does(list(corpus.digital), inbox, run)
            check_and_store(outcomes, inbox, run)
        pages = sum(len(o.box_outlines) for o in outcomes if isinstance(o, ExtractedDocument))
        rates.append(pages / end_to_end.seconds)
    rate = statistics.median(rates[1:])
    with Timer() as plumber:
        _pdfplumber_words(corpus.digital)
    with Timer() as pdfium:
        _pdfium_text(corpus.digital)
    stages = _stage_seconds(corpus.digital, inbox, settings.model_copy(update={"home": work / "digital-stages"}))
    total = sum(stages.values())
    detail: dict[str, float | int | str] = {
        "pages": pages,
        "worker_processes_start_s": round(workers_start.seconds, 2),
        "first_pass_pages_per_s": round(rates[0], 2),
        "timed_passes_pages_per_s": ", ".join(f"{r:.1f}" for r in rates[1:]),
        "pdfium_text_pages_per_s_1_thread": round(pages / pdfium.seconds, 1),
        **{f"share {stage}": round(seconds / total, 3) for stage, seconds in stages.items()},
        "one_thread_stage_seconds": round(total, 2),
    }
    return Figure(
        key="born_digital",
        title=f"Born-digital pages/s, {pages} pages, 2 workers (text, classes, fields, checks, store)",
        value=round(rate, 2), unit="pages/s", baseline="pdfplumber extract_words alone, 1 thread",
        baseline_value=round(pages / plumber.seconds, 2), ratio=round(rate / (pages / plumber.seconds), 2),
        ratio_meaning="oretrace / pdfplumber words", target=">= 25 pages/s", met=rate >= 25, detail=detail,
    )  # fmt: skip


# 4 ----------------------------------------------------------------------------------------------------


def orchestration(corpus: Corpus, work: Path) -> Figure:
    """The flow against the same plain functions in one process (benchmarks.flow_probe), with a running
    Prefect server; `oretrace run` with its own temporary server is reported beside it."""
    n = len(corpus.batch)
    server = running_prefect_server(work / "orchestration-prefect")
    try:
        command = [sys.executable, "-m", "benchmarks.flow_probe", str(corpus.batch_inbox), str(work / "probe")]
        env = _clean_env(work / "probe") | {"PREFECT_API_URL": server.api_url}
        done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=False)
    finally:
        server.stop()
    if done.returncode != 0:
        raise RuntimeError(f"flow probe failed: {done.stderr[-2000:]}")
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    plain, flow = probe["plain_s"], probe["flow_s"]
    share = (flow - plain) / flow
    own_server = oretrace_run(corpus.batch_inbox, work / "batch-flow")
    return Figure(
        key="orchestration", title=f"Orchestration: Prefect's share of the flow on {n} born-digital documents",
        value=flow, unit="s", baseline="the same work as plain functions, same process and workers (median of 3 each)",
        baseline_value=plain, ratio=round(share, 3), ratio_meaning="(flow - plain) / flow",
        target="< 0.05", met=share < 0.05,
        detail={"pages": probe["flow_pages"], "oretrace_run_with_its_own_server_s": round(own_server, 1)},
    )  # fmt: skip


def small_run(corpus: Corpus, work: Path, rounds: int) -> Figure:
    """One born-digital shipment of four documents through `oretrace run` in a new process, with no
    PREFECT_API_URL, on a data directory that has seen an earlier run: with the local server the first run
    left (the default), against a temporary server per run, alternately; each round a shipment neither data
    directory has read (`corpus.small_shipments`: the samples' born-digital documents, one of each type)."""
    shipments = corpus.small_shipments[: rounds + 1]
    homes = {mode: work / f"small-{mode}" for mode in ("local", "temporary")}

    def run(shipment: Path, mode: str) -> float:
        inbox = work / f"small-inbox-{mode}-{shipment.name}"
        shutil.copytree(shipment, inbox / shipment.name)
        return oretrace_run(inbox, homes[mode], extra_env={"ORETRACE_PREFECT_SERVER": mode})

    for mode in homes:
        run(shipments[0], mode)  # the earlier run
    seconds: dict[str, list[float]] = {"local": [], "temporary": []}
    try:
        for shipment in shipments[1 : rounds + 1]:
            for mode in homes:
                seconds[mode].append(run(shipment, mode))
    finally:
        stop_server(homes["local"])
    local, temporary = statistics.median(seconds["local"]), statistics.median(seconds["temporary"])
    return Figure(
        key="small_run", title="Small run: one born-digital shipment of 4 documents, `oretrace run` in a new process",
        value=local, unit="s", baseline="the same with a temporary Prefect server per run",
        baseline_value=temporary, ratio=round(local / temporary, 2), ratio_meaning="local server / temporary",
        target="<= 6 s", met=local <= 6.0,
        detail={f"{mode}_runs_s": " ".join(f"{v:.1f}" for v in values) for mode, values in seconds.items()},
    )  # fmt: skip


# 5 ----------------------------------------------------------------------------------------------------


def _normalised(text: str) -> str:
    return " ".join(text.split())


def character_accuracy(pairs: Iterable[tuple[str, str]]) -> float:
    """1 - edit distance / truth length, summed over pages, after collapsing whitespace."""
    distance = length = 0
    for found, truth in pairs:
        truth = _normalised(truth)
        distance += Levenshtein.distance(_normalised(found), truth)
        length += len(truth)
    return 1 - distance / length


def _ocrmypdf(path: Path, out: Path) -> str:
    command = [sys.executable, "-m", "ocrmypdf", "--skip-text", "-l", OCR_LANGUAGES, "--output-type", "pdf",
               "--jobs", "1", "--quiet", str(path), str(out)]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False,
                          env=os.environ | {"OMP_THREAD_LIMIT": "1"})  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"ocrmypdf failed on {path.name}: {done.stderr[-1000:]}")
    with pdfplumber.open(out) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def ocrmypdf_comparison(corpus: Corpus, work: Path, home: Path, count: int, oretrace_seconds: float) -> Figure:
    paths = corpus.scans[:count]
    out = work / "ocrmypdf"
    out.mkdir(parents=True, exist_ok=True)
    with Timer() as timer, ThreadPoolExecutor(max_workers=2) as pool:
        theirs = list(pool.map(lambda p: _ocrmypdf(p, out / f"{p.stem}.pdf"), paths))
    # oretrace's text of the same pages, from the first run's cache (read, not re-OCR'd).
    ours = extract_all(paths, corpus.scans_inbox, Settings(home=home, workers=2))
    truth = [corpus.page_text[p][0] for p in paths]
    our_text = [o.pages[0].text if isinstance(o, ExtractedDocument) else "" for o in ours]
    ours_acc = character_accuracy(zip(our_text, truth, strict=True))
    theirs_acc = character_accuracy(zip(theirs, truth, strict=True))
    # Time compared per page, as the OCRmyPDF run may cover fewer scans than the oretrace run.
    ours_per_page = oretrace_seconds / len(corpus.scans)
    theirs_per_page = timer.seconds / len(paths)
    return Figure(
        key="ocrmypdf", title=f"OCRmyPDF --skip-text + pdfplumber vs oretrace run, {count} scans, 2 at a time",
        value=round(ours_per_page, 2), unit="s/page (oretrace, end to end)", baseline="OCRmyPDF + pdfplumber",
        baseline_value=round(theirs_per_page, 2), ratio=round(theirs_per_page / ours_per_page, 2),
        ratio_meaning="OCRmyPDF time / oretrace time", target="> 1 and accuracy >= OCRmyPDF's",
        met=theirs_per_page > ours_per_page and ours_acc >= theirs_acc,
        detail={"char_accuracy_oretrace": round(ours_acc, 4), "char_accuracy_ocrmypdf": round(theirs_acc, 4)},
    )  # fmt: skip


# 7 ----------------------------------------------------------------------------------------------------


def _probe(path: Path, home: Path) -> dict:
    command = [sys.executable, "-m", "benchmarks.memory_probe", str(path), str(home)]
    done = subprocess.run(command, env=_clean_env(home), cwd=REPO, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"memory probe failed: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _bytes_per_item(load: Callable[[], list]) -> float:
    """Memory held by what `load` returns, per item (tracemalloc: Python allocations only)."""
    tracemalloc.start()
    try:
        held = load()
        size, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return size / max(1, len(held))


def _run_peak_rss(inbox: Path, home: Path, api_url: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of `oretrace run INBOX` against a running Prefect server. The peak is the
    VmHWM of the process and its reading workers, read while it runs (it only grows, so the last reading
    before the exit is the peak)."""
    from benchmarks.memory_probe import tree_peak_rss_mb

    command = [sys.executable, "-m", "oretrace", "run", str(inbox)]
    env = _clean_env(home) | {"PREFECT_API_URL": api_url}
    peak = 0.0
    with Timer() as timer:
        process = subprocess.Popen(command, env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        errors = ThreadPoolExecutor(max_workers=1).submit(process.stderr.read) if process.stderr else None
        while process.poll() is None:
            try:
                peak = max(peak, tree_peak_rss_mb(process.pid))
            except (OSError, RuntimeError):  # exited between the poll and the read (a zombie has no VmHWM)
                break
            time.sleep(0.2)
        process.wait()
    if process.returncode != 0:
        tail = errors.result()[-2000:].decode(errors="replace") if errors else ""
        raise RuntimeError(f"oretrace run failed ({process.returncode}): {tail}")
    return timer.seconds, peak


def backlog(corpus: Corpus, work: Path) -> dict[str, float]:
    """Peak RSS of a run over the many-shipment backlog against the same run over its first few shipments."""
    server = running_prefect_server(work / "backlog-prefect")
    try:
        small_s, small_mb = _run_peak_rss(corpus.backlog_baseline_inbox, work / "backlog-home", server.api_url)
        large_s, large_mb = _run_peak_rss(corpus.backlog_inbox, work / "backlog-home", server.api_url)
    finally:
        server.stop()
    return {
        "backlog_shipments": sum(1 for p in corpus.backlog_inbox.iterdir() if p.is_dir()),
        "backlog_peak_rss_mb": round(large_mb, 1),
        "backlog_seconds": round(large_s, 1),
        "baseline_shipments": sum(1 for p in corpus.backlog_baseline_inbox.iterdir() if p.is_dir()),
        "baseline_peak_rss_mb": round(small_mb, 1),
        "baseline_seconds": round(small_s, 1),
        "backlog_over_baseline": round(large_mb / small_mb, 2),
    }


def memory(corpus: Corpus, work: Path) -> Figure:
    one_page = work / "one-page" / "scan-1.pdf"
    if not one_page.exists():
        one_page.parent.mkdir(parents=True, exist_ok=True)
        document = pypdfium2.PdfDocument(str(corpus.long_pdf))
        single = pypdfium2.PdfDocument.new()
        single.import_pages(document, [0])
        single.save(str(one_page))
        single.close()
        document.close()
    long = _probe(corpus.long_pdf, work / "memory-long")
    single = _probe(one_page, work / "memory-one")
    # What one extracted document costs in memory, to size a backlog: the born-digital samples re-read from cache.
    settings = Settings(home=work / "digital-home", workers=2)
    per_doc = _bytes_per_item(lambda: extract_all(corpus.digital, corpus.digital_inbox, settings))
    peak = long["peak_rss_mb"]
    many = backlog(corpus, work)
    bounded = many["backlog_peak_rss_mb"] < 1536 and many["backlog_over_baseline"] < 1.5
    return Figure(
        key="memory", title=f"Memory: peak RSS extracting a {long['pages']}-page scanned PDF",
        value=peak, unit="MB", baseline="the same PDF's first page alone", baseline_value=single["peak_rss_mb"],
        ratio=round(peak / single["peak_rss_mb"], 2), ratio_meaning="long / one page",
        target="< 1536 MB; backlog run < 1536 MB and < 1.5x its first shipments'", met=peak < 1536 and bounded,
        detail={"seconds": long["seconds"], "extracted_document_kb_in_memory": round(per_doc / 1024, 1), **many},
    )  # fmt: skip
