"""Tesseract read through its library, one engine per thread kept loaded (extractors.tesseract_engine)."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from oretrace.core.errors import UnreadableDocument
from oretrace.extractors.ocr import prepare_image
from oretrace.extractors.tesseract_engine import recognize

REPO = Path(__file__).resolve().parent.parent

FONT = ImageFont.load_default(size=40)


def _line_image(text: str) -> Image.Image:
    image = Image.new("L", (1400, 120), 255)
    ImageDraw.Draw(image).text((40, 30), text, font=FONT, fill=0)
    return image


def test_the_library_reads_a_page_word_for_word_as_the_tesseract_program_does(tmp_path: Path) -> None:
    """Same words, same boxes, same confidences: the engine is the program's library with its models."""
    page = Image.new("L", (1800, 700), 255)
    draw = ImageDraw.Draw(page)
    for row, text in enumerate(["COMMERCIAL INVOICE", "Invoice No.: EXP-2506-847", "Net weight: 23,220.50 kg",
                                "Lote No. CA-2505-181  Bultos: 23", "Total: USD 1.165.080,52"]):  # fmt: skip
        draw.text((60, 40 + 120 * row), text, font=FONT, fill=0)
    path = tmp_path / "page.png"
    page.save(path)
    library = [(w.text, w.left, w.top, w.width, w.height) for w in recognize(page, "eng+spa", 3, 60)]
    assert library == _program_words(path) and len(library) >= 14


def _program_words(path: Path) -> list[tuple[str, int, int, int, int]]:
    tsv = subprocess.run(["tesseract", str(path), "-", "-l", "eng+spa", "--psm", "3", "tsv"],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    rows = [r for r in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["text"].strip() and float(r["conf"]) >= 0]  # fmt: skip
    return [(r["text"], int(r["left"]), int(r["top"]), int(r["width"]), int(r["height"])) for r in rows]


def test_threads_read_pages_side_by_side_as_one_thread_reads_them() -> None:
    images = [_line_image(text) for text in ("Net weight 23,220.50 kg", "Lote No. CA-2505-181", "Bruto 13.260")]
    alone = [[w.text for w in recognize(image, "eng+spa", 6, 60)] for image in images]
    with ThreadPoolExecutor(max_workers=3) as pool:
        together = list(pool.map(lambda image: [w.text for w in recognize(image, "eng+spa", 6, 60)], images * 2))
    assert together == alone * 2
    assert alone[0] == ["Net", "weight", "23,220.50", "kg"]


def test_a_page_that_takes_longer_than_its_time_is_unreadable() -> None:
    page = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(page)
    for row in range(60):
        draw.text((80, 60 + 55 * row), "Antimony ingots Sb 99.90% min lot L-2505-343 " * 3, fill=0,
                  font=ImageFont.load_default(size=36))  # fmt: skip
    with pytest.raises(UnreadableDocument, match="longer than"):
        recognize(page, "eng+spa", psm=3, timeout_seconds=0.001)


def test_a_blank_or_speckled_image_has_no_words() -> None:
    assert recognize(Image.new("L", (600, 200), 255), "eng+spa", psm=6, timeout_seconds=60) == []
    speckled = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(speckled).rectangle((300, 90, 302, 92), fill=0)
    assert recognize(speckled, "eng+spa", psm=6, timeout_seconds=60) == []


def test_a_scan_reads_as_the_program_reads_it_whatever_resolution_its_file_states(tmp_path: Path) -> None:
    """A 240-dpi fax resampled to 300 dpi still carries 'dpi: 240' from its file. Tesseract reads the pixels alone,
    as the program reads them from a PGM file, which states no resolution."""
    scan = Image.open(REPO / "sample_docs/inbox/SHP-2025-0008/fax_09506.tif")
    gray = prepare_image(scan, 240, 300)
    assert gray.info.get("dpi") == (240, 240)
    path = tmp_path / "page.pgm"
    gray.save(path)
    library = [(w.text, w.left, w.top, w.width, w.height) for w in recognize(gray, "eng+spa", 3, 120)]
    assert library == _program_words(path) and len(library) > 100


def test_leptonicas_complaints_are_kept_off_stderr() -> None:
    """Leptonica prints 'Error in boxClipToRectangle: ...' on stderr while Tesseract segments some pages (the
    receipts of the SROIE set); loading the engine silences it. A call Leptonica refuses shows it, in a process
    of its own, before and after."""
    complain = (
        "import ctypes, ctypes.util; ctypes.CDLL(ctypes.util.find_library('lept')).boxClipToRectangle(None, 1, 1)"
    )
    loud = subprocess.run([sys.executable, "-c", complain], capture_output=True, text=True, check=True)
    assert "Error in boxClipToRectangle" in loud.stderr
    quiet = subprocess.run(
        [sys.executable, "-c", f"import oretrace.extractors.tesseract_engine; {complain}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert quiet.stderr == ""
