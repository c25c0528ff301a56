"""Documents and shipments grouped into orchestration tasks by their estimated work.

A Prefect task costs 35-95 ms of client time and 50-60 ms of server CPU (`../shared/MEASURED.md`): nothing
next to OCR (about 3 s a page), as much as the whole work of a born-digital page. So a task carries one
document that needs OCR, or many cheap ones. Batches shrink as the work runs out (guided scheduling), so the
workers finish together instead of one of them running the last large batch alone. The estimate looks at a
file only as far as it must: its hash (for the cache), an image's frame count, a PDF's page count and whether
it has fonts at all (an image-only PDF is a scan).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pypdfium2
from PIL import Image

from oretrace.extractors import filetype
from oretrace.extractors.text import PDFIUM_LOCK

# Estimated seconds of work on one core; only their proportions matter.
OCR_PAGE_SECONDS = 3.0
TEXT_PAGE_SECONDS = 0.05  # text layer, classification, fields
CACHED_SECONDS = 0.01
UNKNOWN_SECONDS = 0.05  # a file that cannot be probed is refused quickly by extraction
CHECK_DOCUMENT_SECONDS = 0.075  # NER, checks and store writes, per document
# Largest batch: Prefect's per-task cost stays a few percent of it. Smallest: below it, a task is mostly overhead.
BATCH_SECONDS = 3.0
MIN_BATCH_SECONDS = 0.5

T = TypeVar("T")


@dataclass(frozen=True)
class Batch:
    paths: tuple[Path, ...]
    seconds: float  # estimated

    @property
    def is_ocr(self) -> bool:
        """A document estimated as OCR pages (batches of text-layer documents hold several, or less work)."""
        return len(self.paths) == 1 and self.seconds >= OCR_PAGE_SECONDS

    @property
    def label(self) -> str:
        first = self.paths[0].name
        return first if len(self.paths) == 1 else f"{first} +{len(self.paths) - 1}"


def estimate_seconds(path: Path, is_cached: Callable[[Path], bool]) -> float:
    """Estimated extraction time of one file: cached, OCR pages, text-layer pages."""
    try:
        if is_cached(path):
            return CACHED_SECONDS
        media_type = filetype.detect_media_type(path)
        if media_type == filetype.PDF:
            return _pdf_seconds(path)
        if media_type == filetype.XML:  # an XML invoice is parsed, never rendered or OCR'd
            return TEXT_PAGE_SECONDS
        with Image.open(path) as image:
            return OCR_PAGE_SECONDS * getattr(image, "n_frames", 1)
    except Exception:  # any file that cannot be probed is refused by extraction, quickly and with its reason
        return UNKNOWN_SECONDS


def _pdf_seconds(path: Path) -> float:
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            pages = len(pdf)
        finally:
            pdf.close()
    # A PDF without a single font has no text layer to read: every page is OCR'd.
    has_fonts = b"/Font" in path.read_bytes()
    return pages * (TEXT_PAGE_SECONDS if has_fonts else OCR_PAGE_SECONDS)


def guided_chunks(items: Sequence[T], seconds: Callable[[T], float], workers: int) -> list[list[T]]:
    """Consecutive items in chunks of at most BATCH_SECONDS, each at most a worker's share of the work still
    left (never below MIN_BATCH_SECONDS); an item larger than that is a chunk of its own. The last chunks
    shrink to MIN_BATCH_SECONDS, so the workers finish together, and the larger ones before them keep the task
    runs few (16 for the 200 born-digital documents of `make bench` on 2 workers)."""
    remaining = sum(seconds(item) for item in items)
    chunks: list[list[T]] = []
    current: list[T] = []
    current_seconds = 0.0

    def budget() -> float:
        return min(BATCH_SECONDS, max(MIN_BATCH_SECONDS, remaining / max(workers, 1)))

    limit = budget()
    for item in items:
        cost = seconds(item)
        if current and current_seconds + cost > limit:
            chunks.append(current)
            remaining -= current_seconds
            current, current_seconds = [], 0.0
            limit = budget()
        current.append(item)
        current_seconds += cost
    if current:
        chunks.append(current)
    return chunks


def plan_batches(costs: Sequence[tuple[Path, float]], workers: int) -> list[Batch]:
    """Documents in extraction batches, largest work first so that a long document never starts last."""
    ordered = sorted(costs, key=lambda item: -item[1])
    return [
        Batch(tuple(path for path, _ in chunk), sum(cost for _, cost in chunk))
        for chunk in guided_chunks(ordered, lambda item: item[1], workers)
    ]


def shipment_groups(
    shipment_ids: Sequence[str], documents_per_shipment: Sequence[int], workers: int
) -> list[list[str]]:
    """Shipments in groups for the check-and-store tasks, in their order."""
    documents = dict(zip(shipment_ids, documents_per_shipment, strict=True))
    return guided_chunks(shipment_ids, lambda s: documents[s] * CHECK_DOCUMENT_SECONDS, workers)
