"""Reading text: PDF text layer, OCR of scans, mixed PDFs, and files that cannot be read."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import TextSource
from oretrace.extractors import filetype
from oretrace.extractors.ocr import (
    OcrOptions,
    _tesseract_words,
    missed_text_regions,
    prepare_image,
    recover_missed_words,
)
from oretrace.extractors.scan_cleaning import estimate_skew, rule_masks
from oretrace.extractors.text import ReadOptions, read_pages
from tests.conftest import INVOICE_LINES, draw_lines, pdf_bytes, render


def words_of(page) -> set[str]:
    return {w.text.strip(".,:") for w in page.words}


def test_text_layer_gives_words_with_boxes_and_no_ocr(invoice_pdf: Path) -> None:
    (page,) = read_pages(invoice_pdf, filetype.PDF, ReadOptions())
    assert page.source is TextSource.TEXT_LAYER
    assert {"INV-2025-0042", "Thailand", "USD"} <= words_of(page)
    for word in page.words:
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1
    title = next(w for w in page.words if w.text == "COMMERCIAL")
    assert title.bbox[1] < 0.15, "top-left origin: the title is near the top"
    assert page.language == "eng"


def test_scanned_image_is_read_by_ocr(invoice_scan: Path) -> None:
    (page,) = read_pages(invoice_scan, filetype.PNG, ReadOptions())
    assert page.source is TextSource.OCR
    assert {"INV-2025-0042", "Thailand", "USD"} <= words_of(page)
    assert all(0.0 <= w.confidence <= 1.0 for w in page.words)
    lines = page.text.splitlines()
    assert lines[0].startswith("COMMERCIAL INVOICE")


def test_pdf_mixing_a_digital_and_a_scanned_page(tmp_path: Path) -> None:
    scan = render(pdf_bytes([[("Helvetica", 14, "Packing List No: PL-7781 Gross Weight 20,150 kg")]]))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw_lines(pdf, INVOICE_LINES)
    pdf.showPage()
    pdf.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    pdf.showPage()
    pdf.save()
    path = tmp_path / "mixed.pdf"
    path.write_bytes(buffer.getvalue())

    first, second = read_pages(path, filetype.PDF, ReadOptions())
    assert first.source is TextSource.TEXT_LAYER
    assert second.source is TextSource.OCR
    assert "PL-7781" in words_of(second)


def test_page_turned_sideways_is_detected_and_read(tmp_path: Path, invoice_scan: Path) -> None:
    path = tmp_path / "sideways.png"
    Image.open(invoice_scan).rotate(90, expand=True).save(path, dpi=(200, 200))
    (page,) = read_pages(path, filetype.PNG, ReadOptions())
    assert page.rotation in (90, 270)
    assert "INV-2025-0042" in words_of(page)


@pytest.mark.parametrize("angle", [-2.5, 1.5])
def test_skew_is_estimated(invoice_scan: Path, angle: float) -> None:
    tilted = Image.open(invoice_scan).rotate(angle, expand=False, fillcolor=255)
    assert estimate_skew(tilted) == pytest.approx(-angle, abs=0.5)


def _skew_by_turning(gray: Image.Image) -> float:
    """The sharpest row-ink profile found by turning a thumbnail at each trial angle: slow, plainly right."""
    small = gray.copy()
    small.thumbnail((900, 900))
    ink = (np.asarray(small) < 128).astype(np.uint8)
    scores = {}
    for angle in np.arange(-5.0, 5.125, 0.25):
        turn = cv2.getRotationMatrix2D((ink.shape[1] / 2, ink.shape[0] / 2), float(angle), 1.0)
        profile = cv2.warpAffine(ink, turn, ink.shape[::-1], flags=cv2.INTER_NEAREST).sum(axis=1, dtype=np.float64)
        scores[float(angle)] = float(np.square(np.diff(profile)).sum())
    return max(scores, key=scores.__getitem__)


@pytest.mark.parametrize("dpi", [200, 300])
@pytest.mark.parametrize("angle", [-3.0, 0.0, 1.25])
def test_skew_by_projection_agrees_with_turning_the_page(dpi: int, angle: float) -> None:
    page = render(pdf_bytes([INVOICE_LINES]), dpi=dpi).convert("L").rotate(angle, fillcolor=255)
    assert estimate_skew(page) == pytest.approx(_skew_by_turning(page), abs=0.25)


def test_rule_masks_keep_exactly_the_long_runs_of_ink() -> None:
    page = Image.new("L", (400, 300), 255)
    for box in (
        (0, 10, 49, 12),  # 50 px at the left edge: too short however the page edge is treated
        (100, 50, 179, 52),  # exactly 80 px: a rule
        (100, 90, 178, 91),  # 79 px: not
        (300, 100, 302, 299),  # a vertical rule down to the bottom edge
        (20, 200, 20, 299),  # 100 px, one pixel wide: still a rule
    ):
        page.paste(0, (box[0], box[1], box[2] + 1, box[3] + 1))
    horizontal, vertical = rule_masks(page, min_length=80)
    assert horizontal[50:53, 100:180].all() and horizontal.sum() == 3 * 80
    assert vertical[100:300, 300:303].all() and vertical[200:300, 20].all()
    assert vertical.sum() == 3 * 200 + 100


def test_encrypted_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    path.write_bytes(pdf_bytes([INVOICE_LINES], encrypt="secret"))
    with pytest.raises(UnreadableDocument, match="encrypted"):
        read_pages(path, filetype.PDF, ReadOptions())


def test_truncated_pdf_is_refused_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "truncated.pdf"
    path.write_bytes(pdf_bytes([INVOICE_LINES])[:400])
    with pytest.raises(UnreadableDocument, match=r"damaged|no pages"):
        read_pages(path, filetype.PDF, ReadOptions())


def test_oversized_image_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "bomb.png"
    Image.new("1", (4000, 4000), 1).save(path)
    with pytest.raises(UnreadableDocument, match="too large"):
        read_pages(path, filetype.PNG, ReadOptions(max_image_pixels=1_000_000))


def test_type_comes_from_content_not_name(tmp_path: Path, invoice_scan: Path) -> None:
    disguised = tmp_path / "invoice.pdf"
    disguised.write_bytes(invoice_scan.read_bytes())
    assert filetype.detect_media_type(disguised) == filetype.PNG
    empty = tmp_path / "empty.pdf"
    empty.touch()
    with pytest.raises(UnreadableDocument, match="empty"):
        filetype.detect_media_type(empty)


def test_lines_the_first_pass_missed_are_found_and_read() -> None:
    gray = prepare_image(render(pdf_bytes([INVOICE_LINES]), dpi=300), 300, 300)
    first = _tesseract_words(gray, OcrOptions())
    seller = [w for w in first if w.text in ("Seller:", "Siam", "Antimony", "Trading", "Co.,", "Ltd.")]
    assert len(seller) == 6
    # As if Tesseract's page segmentation had dropped the seller line, as it does with some table cells.
    missed_first = [w for w in first if w not in seller]

    regions = missed_text_regions(gray, missed_first)
    assert len(regions) == 1
    x0, y0, x1, y1 = regions[0]
    assert y0 <= min(w.y0 for w in seller) * gray.height and y1 >= max(w.y1 for w in seller) * gray.height
    assert x0 <= min(w.x0 for w in seller) * gray.width and x1 >= max(w.x1 for w in seller) * gray.width

    recovered = recover_missed_words(gray, missed_first, OcrOptions())
    assert " ".join(w.text for w in recovered) == "Seller: Siam Antimony Trading Co., Ltd."
    for found, original in zip(recovered, seller, strict=True):
        assert abs(found.x0 - original.x0) < 0.01 and abs(found.y0 - original.y0) < 0.01
    assert recover_missed_words(gray, first, OcrOptions()) == []  # nothing missed, no second pass
