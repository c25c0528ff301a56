"""Documents grouped into orchestration tasks of about equal work.

A Prefect task costs 35-95 ms of client time and 50-60 ms of server CPU (`../shared/MEASURED.md`): nothing
next to OCR (about 3 s a page), most of the work of a born-digital page (a few ms to read). So a task
carries one document that needs OCR, or as many cheap documents as make up about the same work; documents
already in the extraction cache are almost free. The estimate looks at each file only as far as it must:
its hash (for the cache), an image's frame count, a PDF's per-page character count through PDFium.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
from PIL import Image

from extractors import filetype
from extractors.pdf_text import MIN_CHARS
from extractors.text import PDFIUM_LOCK

# Estimated seconds of work on one core; only their proportions matter.
OCR_PAGE_SECONDS = 3.0
TEXT_PAGE_SECONDS = 0.03
CACHED_SECONDS = 0.01
UNKNOWN_SECONDS = 0.05  # a file that cannot be probed is rejected quickly by extraction
# Work per task: large enough that Prefect's per-task cost stays a few percent of it.
BATCH_SECONDS = 3.0


@dataclass(frozen=True)
class Batch:
    paths: tuple[Path, ...]
    seconds: float  # estimated

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
        with Image.open(path) as image:
            return OCR_PAGE_SECONDS * getattr(image, "n_frames", 1)
    except Exception:  # any file that cannot be probed is refused by extraction, quickly and with its reason
        return UNKNOWN_SECONDS


def _pdf_seconds(path: Path) -> float:
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            seconds = 0.0
            for index in range(len(pdf)):
                page = pdf[index]
                text = page.get_textpage()
                has_text = text.count_chars() >= MIN_CHARS
                text.close()
                page.close()
                seconds += TEXT_PAGE_SECONDS if has_text else OCR_PAGE_SECONDS
            return seconds
        finally:
            pdf.close()


def plan_batches(costs: Sequence[tuple[Path, float]], workers: int) -> list[Batch]:
    """Pack documents into batches of about BATCH_SECONDS of work (fewer seconds when there is too little
    work to keep every worker busy), largest first so that a long document never starts last."""
    if not costs:
        return []
    total = sum(seconds for _, seconds in costs)
    budget = min(BATCH_SECONDS, total / max(workers, 1))
    batches: list[Batch] = []
    paths: list[Path] = []
    seconds = 0.0
    for path, cost in sorted(costs, key=lambda item: -item[1]):
        if paths and seconds + cost > budget:
            batches.append(Batch(tuple(paths), seconds))
            paths, seconds = [], 0.0
        paths.append(path)
        seconds += cost
    batches.append(Batch(tuple(paths), seconds))
    return batches


def shipment_groups(shipment_ids: Sequence[str], documents_per_shipment: Sequence[int]) -> list[list[str]]:
    """Shipments split into groups for the check-and-store tasks, about CHECK_DOCUMENTS documents each."""
    groups: list[list[str]] = []
    count = 0
    for shipment_id, documents in zip(shipment_ids, documents_per_shipment, strict=True):
        if not groups or count + documents > CHECK_DOCUMENTS:
            groups.append([])
            count = 0
        groups[-1].append(shipment_id)
        count += documents
    return groups


# Checking and storing a shipment takes 50-100 ms a document (NER, checks, store writes).
CHECK_DOCUMENTS = math.ceil(BATCH_SECONDS / 0.075)
