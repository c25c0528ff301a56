"""The issue's seven measurements, each against its baseline measured in the same run, side by side.

Every function returns `Figure`s; nothing here asserts a target, it only reports whether it was met.
"""

from __future__ import annotations

import json
import os
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
from oretrace.config import Settings
from oretrace.models import ExtractedDocument, Rejection
from oretrace.prefect_startup import TemporaryServer

REPO = Path(__file__).resolve().parents[1]
OCR_LANGUAGES = Settings().ocr_languages


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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ORETRACE_", "PREFECT_"))}
    env["ORETRACE_HOME"] = str(home)
    return env


def oretrace_run(inbox: Path, home: Path, workers: int = 2, api_url: str | None = None) -> float:
    """Wall seconds of `oretrace run INBOX` in a new process: imports, Prefect start-up (none when `api_url`
    names a running server), work, store."""
    command = [sys.executable, "-m", "oretrace.cli", "run", str(inbox), "--workers", str(workers)]
    env = _clean_env(home) | ({"PREFECT_API_URL": api_url} if api_url else {})
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
    from oretrace.pipeline import process_document

    with ThreadPoolExecutor(max_workers=settings.workers) as pool:
        return list(pool.map(lambda p: process_document(p, inbox, settings), paths))


def _pages(outcomes: Iterable[ExtractedDocument | Rejection]) -> int:
    return sum(len(o.pages) for o in outcomes if isinstance(o, ExtractedDocument))


def check_and_store(outcomes: list[ExtractedDocument | Rejection], inbox: Path, settings: Settings) -> None:
    """The per-shipment half of a run as plain functions: checks, then the store."""
    from datetime import UTC, datetime

    from oretrace.pipeline import assemble_shipment
    from store.db import make_engine, migrate, session_scope
    from store.repository import record_shipment

    by_shipment: dict[str, list[ExtractedDocument | Rejection]] = {}
    for outcome in outcomes:
        shipment = outcome.source.shipment_id if isinstance(outcome, ExtractedDocument) else outcome.shipment_id
        by_shipment.setdefault(shipment or "", []).append(outcome)
    engine = make_engine(settings.resolved_database_url)
    migrate(engine)
    started = datetime.now(UTC)
    try:
        for shipment_id, docs in sorted(by_shipment.items()):
            result = assemble_shipment(shipment_id, docs)
            with session_scope(engine) as session:
                record_shipment(session, result, str(inbox), started, datetime.now(UTC))
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
    second = oretrace_run(corpus.scans_inbox, home)
    # The same two runs against a Prefect server that is already running (PREFECT_API_URL), as a team would.
    server = running_prefect_server(work / "shared-prefect")
    try:
        shared_first = oretrace_run(corpus.scans_inbox, work / "scans-home-shared", api_url=server.api_url)
        shared_second = oretrace_run(corpus.scans_inbox, work / "scans-home-shared", api_url=server.api_url)
    finally:
        server.stop()
    n = len(corpus.scans)
    scanned = Figure(
        key="scanned_pages",
        title=f"Scanned pages: oretrace run on {n} scans (start-up, OCR, fields, NER, checks, store)",
        value=round(first, 1), unit="s", baseline=f"2 raw tesseract processes, OMP_THREAD_LIMIT=1, -l {OCR_LANGUAGES}",
        baseline_value=round(raw, 1), ratio=round(first / raw, 2), ratio_meaning="oretrace / tesseract",
        target="<= 1.15", met=first / raw <= 1.15,
        detail={"oretrace_pages_per_s": round(n / first, 3), "tesseract_pages_per_s": round(n / raw, 3),
                "with_running_server_s": round(shared_first, 1),
                "with_running_server_ratio": round(shared_first / raw, 2)},
    )  # fmt: skip
    rerun = Figure(
        key="rerun",
        title=f"Re-run: the same {n}-scan inbox processed again (same data directory)",
        value=round(second, 1), unit="s", baseline="first run", baseline_value=round(first, 1),
        ratio=round(first / second, 1), ratio_meaning="first / second", target=">= 20", met=first / second >= 20,
        detail={"with_running_server_first_s": round(shared_first, 1),
                "with_running_server_second_s": round(shared_second, 1),
                "with_running_server_ratio": round(shared_first / shared_second, 1)},
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
    from checks import ShipmentContext, run_checks
    from extractors.classify import classify
    from extractors.document import describe_source
    from extractors.fields import extract_fields
    from extractors.text import read_pages
    from oretrace.pipeline import read_options

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
    settings = Settings(home=work / "digital-home", workers=2)
    inbox = corpus.digital_inbox
    with Timer() as end_to_end:
        outcomes = extract_all(corpus.digital, inbox, settings)
        check_and_store(outcomes, inbox, settings)
    pages = _pages(outcomes)
    with Timer() as plumber:
        _pdfplumber_words(corpus.digital)
    with Timer() as pdfium:
        _pdfium_text(corpus.digital)
    stages = _stage_seconds(corpus.digital, inbox, settings.model_copy(update={"home": work / "digital-stages"}))
    total = sum(stages.values())
    rate = pages / end_to_end.seconds
    detail: dict[str, float | int | str] = {
        "pages": pages,
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
    n = len(corpus.batch)
    settings = Settings(home=work / "batch-plain", workers=2)
    with Timer() as plain:
        outcomes = extract_all(corpus.batch, corpus.batch_inbox, settings)
        check_and_store(outcomes, corpus.batch_inbox, settings)
    empty = oretrace_run(corpus.empty_inbox, work / "batch-empty")
    flow = oretrace_run(corpus.batch_inbox, work / "batch-flow")
    share = (flow - plain.seconds) / flow
    share_warm = (flow - empty - plain.seconds) / (flow - empty)
    return Figure(
        key="orchestration", title=f"Orchestration: Prefect's share of `oretrace run` on {n} born-digital documents",
        value=round(flow, 1), unit="s", baseline="the same work as plain functions (2 threads)",
        baseline_value=round(plain.seconds, 1), ratio=round(share, 3), ratio_meaning="(run - plain) / run",
        target="< 0.05", met=share < 0.05,
        detail={"startup_s_empty_inbox": round(empty, 1), "share_after_startup": round(share_warm, 3),
                "pages": _pages(outcomes)},
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
    return Figure(
        key="memory", title=f"Memory: peak RSS extracting a {long['pages']}-page scanned PDF",
        value=peak, unit="MB", baseline="the same PDF's first page alone", baseline_value=single["peak_rss_mb"],
        ratio=round(peak / single["peak_rss_mb"], 2), ratio_meaning="long / one page", target="< 1536 MB",
        met=peak < 1536,
        detail={"seconds": long["seconds"], "extracted_document_kb_in_memory": round(per_doc / 1024, 1)},
    )  # fmt: skip
