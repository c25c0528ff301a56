"""OCR at the resolution a page's lettering shows, whatever resolution the image file states."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from oretrace.core.errors import UnreadableDocument
from oretrace.extractors import filetype
from oretrace.extractors.layout import RawWord
from oretrace.extractors.ocr import MAX_WORD_HEIGHT, MIN_WORD_HEIGHT, _median_word_height
from oretrace.extractors.text import ReadOptions, read_pages
from tests.conftest import INVOICE_LINES, pdf_bytes, render


def _scan(tmp_path: Path, render_dpi: int, stated_dpi: int) -> tuple[Path, Image.Image]:
    image = render(pdf_bytes([INVOICE_LINES]), dpi=render_dpi)
    path = tmp_path / "scan.png"
    image.save(path, dpi=(stated_dpi, stated_dpi))
    return path, image


def _word_height(page) -> float:
    heights = sorted((w.bbox[3] - w.bbox[1]) * page.height for w in page.words if len(w.text) >= 2)
    return heights[len(heights) // 2]


def test_image_stating_a_default_72_dpi_is_read_at_its_real_resolution(tmp_path: Path) -> None:
    # Scanned at 200 dpi, but the file says 72: taken at its word, the page would be enlarged four times over.
    path, image = _scan(tmp_path, render_dpi=200, stated_dpi=72)
    (page,) = read_pages(path, filetype.PNG, ReadOptions())
    assert page.width < 1.5 * image.width
    assert MIN_WORD_HEIGHT <= _word_height(page) <= MAX_WORD_HEIGHT
    assert {"INV-2025-0042", "Thailand", "USD"} <= {w.text.strip(".,:") for w in page.words}


def test_image_with_tiny_lettering_is_enlarged_before_reading(tmp_path: Path) -> None:
    # A phone photo of a till receipt: small print, and a stated resolution that claims nothing is wrong.
    path, image = _scan(tmp_path, render_dpi=75, stated_dpi=300)
    (page,) = read_pages(path, filetype.PNG, ReadOptions())
    assert page.width > 1.5 * image.width
    assert MIN_WORD_HEIGHT <= _word_height(page) <= MAX_WORD_HEIGHT
    assert "INV-2025-0042" in {w.text.strip(".,:") for w in page.words}


@pytest.mark.parametrize(("heights", "median"), [([], 0.0), ([0.01, 0.02, 0.03], 40.0)])
def test_median_word_height_in_pixels(heights: list[float], median: float) -> None:
    words = [RawWord(text="word", x0=0.1, y0=0.5, x1=0.2, y1=0.5 + h) for h in heights]
    words.append(RawWord(text=".", x0=0.3, y0=0.5, x1=0.31, y1=0.9))  # a mark, not a word
    assert _median_word_height(words, 2000) == pytest.approx(median)


def test_a_small_pixel_budget_refuses_a_large_image_and_leaves_the_process_limit_alone(tmp_path: Path) -> None:
    """PIL's decompression-bomb limit is process-wide: one reading's budget applies to its own file only."""
    path = tmp_path / "large.png"
    Image.new("L", (3000, 3000), 255).save(path)
    before = Image.MAX_IMAGE_PIXELS
    with pytest.raises(UnreadableDocument, match="too large"):
        read_pages(path, filetype.PNG, ReadOptions(max_image_pixels=1_000_000))
    assert before == Image.MAX_IMAGE_PIXELS
