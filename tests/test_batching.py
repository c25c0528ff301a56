"""Documents grouped into tasks by estimated work, and documents carried between stages without their pages."""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pytest
from PIL import Image

from oretrace.core.config import Settings
from oretrace.core.models import ExtractedDocument
from oretrace.extractors.boxes import PageBoxes
from oretrace.extractors.document import sha256_of
from oretrace.pipeline.batching import (
    BATCH_SECONDS,
    CACHED_SECONDS,
    CHECK_DOCUMENT_SECONDS,
    MIN_BATCH_SECONDS,
    OCR_PAGE_SECONDS,
    UNKNOWN_SECONDS,
    estimate_seconds,
    guided_chunks,
    plan_batches,
    shipment_groups,
)
from oretrace.pipeline.documents import (
    assemble_shipment,
    is_extracted,
    process_document,
    with_pages,
    without_pages,
)


def _never_cached(_path: Path) -> bool:
    return False


def test_a_born_digital_pdf_is_cheap_and_a_scan_costs_ocr(invoice_pdf: Path, invoice_scan: Path) -> None:
    assert 0 < estimate_seconds(invoice_pdf, _never_cached) < 0.1 * OCR_PAGE_SECONDS
    assert estimate_seconds(invoice_scan, _never_cached) == OCR_PAGE_SECONDS


def test_an_image_only_pdf_costs_ocr_per_page(tmp_path: Path) -> None:
    frames = [Image.new("L", (400, 600), 255) for _ in range(3)]
    path = tmp_path / "scan.pdf"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    assert estimate_seconds(path, _never_cached) == 3 * OCR_PAGE_SECONDS


def test_a_multi_frame_tiff_costs_ocr_per_frame(tmp_path: Path) -> None:
    frames = [Image.new("L", (400, 600), 255) for _ in range(2)]
    path = tmp_path / "scan.tiff"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    assert estimate_seconds(path, _never_cached) == 2 * OCR_PAGE_SECONDS


@pytest.mark.parametrize("content", [b"", b"%PDF-1.7\n1 0 obj <<", b"not a document", b"\x89PNG\r\n\x1a\nbroken"])
def test_unreadable_files_are_estimated_not_raised(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    assert estimate_seconds(path, _never_cached) == UNKNOWN_SECONDS


def test_a_cached_document_is_almost_free(invoice_scan: Path) -> None:
    assert estimate_seconds(invoice_scan, lambda _p: True) == CACHED_SECONDS


def test_ocr_documents_get_a_task_each_and_cheap_ones_share() -> None:
    costs = [(Path(f"scan{i}.png"), OCR_PAGE_SECONDS) for i in range(3)]
    costs += [(Path(f"digital{i}.pdf"), 0.05) for i in range(300)]
    batches = plan_batches(costs, workers=2)

    assert [b.paths for b in batches[:3]] == [(p,) for p, _ in costs[:3]], "largest first, alone"
    cheap = batches[3:]
    assert sorted(p for b in batches for p in b.paths) == sorted(p for p, _ in costs), "each path exactly once"
    assert all(b.seconds <= BATCH_SECONDS + 1e-9 for b in cheap)
    assert 300 * 0.05 / BATCH_SECONDS <= len(cheap) <= 3 * 300 * 0.05 / BATCH_SECONDS


def test_batches_shrink_as_the_work_runs_out() -> None:
    chunks = guided_chunks([0.05] * 1000, lambda s: s, workers=2)
    sizes = [sum(chunk) for chunk in chunks]
    assert sizes[0] == pytest.approx(BATCH_SECONDS, abs=0.05)
    assert all(a >= b - 0.05 for a, b in pairwise(sizes)), "never growing"
    assert sizes[-2] <= MIN_BATCH_SECONDS + 0.05, "small batches at the end, so the workers finish together"
    assert sum(len(chunk) for chunk in chunks) == 1000


def test_little_work_still_uses_every_worker() -> None:
    costs = [(Path(f"digital{i}.pdf"), 0.2) for i in range(10)]
    assert len(plan_batches(costs, workers=2)) >= 2
    assert plan_batches([], workers=2) == []


def test_shipment_groups_keep_order_and_size() -> None:
    ids = [f"S{i}" for i in range(100)]
    groups = shipment_groups(ids, [4] * 100, workers=2)
    assert [i for group in groups for i in group] == ids
    assert all(len(group) * 4 * CHECK_DOCUMENT_SECONDS <= BATCH_SECONDS + 1e-9 for group in groups)
    assert shipment_groups(["big"], [200], workers=2) == [["big"]], "a large shipment is never split"


def test_pages_wait_in_the_cache_and_come_back(invoice_pdf: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    inbox = invoice_pdf.parent
    assert not is_extracted(sha256_of(invoice_pdf), settings)
    whole = process_document(invoice_pdf, inbox, settings)
    assert isinstance(whole, ExtractedDocument) and whole.pages
    assert is_extracted(sha256_of(invoice_pdf), settings)
    assert not is_extracted(None, settings), "a file that could not be hashed is never taken as extracted"

    light = without_pages(whole)
    assert isinstance(light, ExtractedDocument) and light.pages == [] and light.fields == whole.fields
    # The outline of each page's boxes travels with the fields and is left out of the JSON.
    assert light.box_outlines == {page.number: PageBoxes(page).outline for page in whole.pages}
    assert "box_outlines" not in light.model_dump()
    back = with_pages(light, inbox, settings)
    assert back == whole.model_copy(update={"box_outlines": light.box_outlines})

    # The checks read that outline: the pages back from the cache need not build their boxes again.
    assemble_shipment("SHP", [back])
    assert all(back.box_outline(page) is light.box_outlines[page.number] for page in back.pages)

    # Evicted from the cache (or extracted on another machine): read from the file again.
    for entry in (settings.home / "cache").rglob("*.json"):
        entry.unlink()
    assert with_pages(light, inbox, settings).pages == whole.pages


def test_a_document_changed_since_extraction_keeps_the_fields_read_before(invoice_pdf: Path, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")
    light = without_pages(process_document(invoice_pdf, invoice_pdf.parent, settings))
    for entry in (settings.home / "cache").rglob("*.json"):
        entry.unlink()
    buffer = io.BytesIO()
    Image.new("L", (50, 50), 255).save(buffer, "PNG")
    invoice_pdf.write_bytes(buffer.getvalue())
    assert isinstance(light, ExtractedDocument)
    assert with_pages(light, invoice_pdf.parent, settings) == light
