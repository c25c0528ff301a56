"""The PDF text layer read by PDFium: words and boxes against what was drawn, usability, pdfplumber's share."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import getDescent, stringWidth
from reportlab.pdfgen import canvas

from oretrace.core.models import TextSource
from oretrace.extractors import filetype
from oretrace.extractors.pdf_text import group_words, read_chars, text_layer_is_usable
from oretrace.extractors.text import ReadOptions, read_pages
from tests.conftest import INVOICE_LINES, draw_lines, pdf_bytes

WIDTH, HEIGHT = A4
# What is drawn: (x, baseline, size, text), inside the displayed page however it is turned; two cells of
# one table row stand 30 points apart.
DRAWN = [
    (72, 540, 14, "Bill of Lading BL-99812"),
    (72, 480, 10, "Gross weight"),
    (72 + stringWidth("Gross weight", "Helvetica", 10) + 30, 480, 10, "20,150.000 kg"),
    (300, 420, 9, "Vessel: MSC Aurora / Voyage 114E"),
]


def _drawn_pdf(rotation: int = 0, crop: tuple[float, float, float, float] | None = None) -> bytes:
    """The DRAWN text, turned so that it reads upright once the page is shown with its /Rotate."""
    buffer = io.BytesIO()
    # reportlab swaps the page size of a page turned by 90 or 270 degrees: the MediaBox stays portrait A4.
    pdf = canvas.Canvas(buffer, pagesize=A4 if rotation % 180 == 0 else (HEIGHT, WIDTH), invariant=1)
    if crop:
        pdf.setCropBox(crop)
    pdf.setPageRotation(rotation)
    # Content space is the displayed page: (x, y) there lands where /Rotate shows it at (x, y).
    if rotation == 90:
        pdf.translate(WIDTH, 0)
        pdf.rotate(90)
    elif rotation == 180:
        pdf.translate(WIDTH, HEIGHT)
        pdf.rotate(180)
    elif rotation == 270:
        pdf.translate(0, HEIGHT)
        pdf.rotate(-90)
    for x, y, size, text in DRAWN:
        pdf.setFont("Helvetica", size)
        pdf.drawString(x, y, text)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _expected_words(display_width: float, display_height: float, dx: float = 0, dy: float = 0) -> list[tuple]:
    """Each drawn word with its box in points from the displayed page's top-left corner."""
    words = []
    for x, y, size, text in DRAWN:
        start = x
        for word in text.split(" "):
            end = start + stringWidth(word, "Helvetica", size)
            bottom = display_height - (y + getDescent("Helvetica", size)) + dy
            words.append((word, start - dx, bottom - size, end - dx, bottom))
            start = end + stringWidth(" ", "Helvetica", size)
    return sorted(words, key=lambda w: (round(w[2]), w[1]))


def _read(data: bytes, tmp_path: Path) -> list:
    path = tmp_path / "page.pdf"
    path.write_bytes(data)
    (page,) = read_pages(path, filetype.PDF, ReadOptions())
    assert page.source is TextSource.TEXT_LAYER
    return page


def _assert_words_match(page, expected: list[tuple]) -> None:
    assert [w.text for w in page.words] == [w[0] for w in expected]
    for word, (_, x0, top, x1, bottom) in zip(page.words, expected, strict=True):
        box = (x0 / page.width, top / page.height, x1 / page.width, bottom / page.height)
        # Within half a point: the same boxes pdfplumber reports (font size tall, from the descent).
        assert word.bbox == pytest.approx(box, abs=0.5 / min(page.width, page.height)), word.text


def test_words_and_boxes_are_those_drawn(tmp_path: Path) -> None:
    page = _read(_drawn_pdf(), tmp_path)
    assert (page.width, page.height) == pytest.approx((WIDTH, HEIGHT))
    _assert_words_match(page, _expected_words(WIDTH, HEIGHT))
    gross = next(w for w in page.words if w.text == "Gross")
    row = [w for w in page.words if w.line == gross.line]
    assert [w.text for w in row] == ["Gross", "weight", "20,150.000", "kg"], "one line, cells apart"


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_page_gives_words_in_displayed_coordinates(tmp_path: Path, rotation: int) -> None:
    page = _read(_drawn_pdf(rotation), tmp_path)
    shown_w, shown_h = (WIDTH, HEIGHT) if rotation == 180 else (HEIGHT, WIDTH)
    assert (page.width, page.height) == pytest.approx((shown_w, shown_h))
    _assert_words_match(page, _expected_words(shown_w, shown_h))


def test_crop_box_moves_the_origin_and_the_size(tmp_path: Path) -> None:
    crop = (50, 100, 550, 800)
    page = _read(_drawn_pdf(crop=crop), tmp_path)
    assert (page.width, page.height) == pytest.approx((500, 700))
    _assert_words_match(page, _expected_words(500, 800, dx=50))


def test_words_follow_pdfplumber_grouping(tmp_path: Path) -> None:
    """Same words as pdfplumber's extract_words(x_tolerance=1.5) on a page with tight and wide gaps."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw_lines(pdf, INVOICE_LINES)
    text = pdf.beginText(72, 300)
    text.setFont("Helvetica", 10)
    for gap in (0.5, 1.0, 2.0, 4.0):  # extra points between two letters: words split beyond 1.5
        text.setCharSpace(gap)
        text.textOut("AB")
        text.setCharSpace(0)
        text.textOut(" ")
    pdf.drawText(text)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 250, "Positions-")  # a hyphen ending a line, which PDFium marks as one
    pdf.drawString(72, 235, "nummer")
    pdf.drawString(72, 280, "Sub")
    pdf.drawString(72 + stringWidth("Sub", "Helvetica", 12), 281, "script")  # one point higher: same line
    pdf.showPage()
    pdf.save()
    data = buffer.getvalue()

    document = pypdfium2.PdfDocument(data)
    ours = [w.text for w in group_words(read_chars(document[0]).chars)]
    document.close()
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        theirs = [w["text"] for w in plumber.pages[0].extract_words(x_tolerance=1.5)]
    assert ours == theirs
    assert {"AB", "A", "B", "Subscript", "Positions-"} <= set(ours), " ".join(ours[-12:])


def test_sideways_text_is_read_by_pdfplumber_not_dropped(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw_lines(pdf, INVOICE_LINES)
    pdf.saveState()
    pdf.translate(40, 600)
    pdf.rotate(-90)  # reads top to bottom
    pdf.setFont("Helvetica", 9)
    pdf.drawString(0, 0, "Registered office Rotterdam KvK 24123456")
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    page = _read(buffer.getvalue(), tmp_path)
    texts = {w.text for w in page.words}
    assert "INV-2025-0042" in texts
    assert "24123456" in texts, "sideways words come from pdfplumber"
    number = next(w for w in page.words if w.text == "24123456")
    x0, y0, x1, y1 = number.bbox
    assert y1 - y0 > x1 - x0, "a sideways word stands taller than wide"


def test_page_turned_under_upright_content_is_read_by_pdfplumber_at_its_shown_size(tmp_path: Path) -> None:
    """/Rotate 90 over content drawn for an upright page: the text runs down the shown page."""
    document = pypdfium2.PdfDocument(pdf_bytes([INVOICE_LINES]))
    document[0].set_rotation(90)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    page = _read(buffer.getvalue(), tmp_path)
    assert (page.width, page.height) == pytest.approx((HEIGHT, WIDTH))
    assert "INV-2025-0042" in {w.text for w in page.words}
    for word in page.words:
        x0, y0, x1, y1 = word.bbox
        assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1


def _layer_of(data: bytes):
    document = pypdfium2.PdfDocument(data)
    try:
        return read_chars(document[0])
    finally:
        document.close()


def test_usable_layer_is_kept_and_a_stamp_is_not() -> None:
    assert text_layer_is_usable(_layer_of(pdf_bytes([INVOICE_LINES])))
    assert not text_layer_is_usable(_layer_of(pdf_bytes([[("Helvetica", 10, "Page 1/2")]])))


def test_scan_with_a_text_header_is_not_usable() -> None:
    scan = Image.new("L", (1240, 1754), 255)
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.drawImage(ImageReader(scan), 0, 0, width=WIDTH, height=HEIGHT)
    pdf.setFont("Helvetica", 8)
    pdf.drawString(20, 20, "Scanned by ACME Capture 4.2 on 2025-05-23 10:43")
    pdf.showPage()
    pdf.save()
    layer = _layer_of(buffer.getvalue())
    assert layer.image_area == pytest.approx(WIDTH * HEIGHT, rel=0.01)
    assert not text_layer_is_usable(layer)


def test_layer_of_unmapped_characters_is_not_usable(tmp_path: Path) -> None:
    """Characters whose font gives no Unicode (PDFium falls back to the character code): the page is OCR'd."""
    data = _type3_pdf(b"A" * 40)
    layer = _layer_of(data)
    assert layer.char_count == 40 and layer.unmapped == 40
    assert not text_layer_is_usable(layer)
    path = tmp_path / "type3.pdf"
    path.write_bytes(data)
    (page,) = read_pages(path, filetype.PDF, ReadOptions())
    assert page.source is TextSource.OCR


def _type3_pdf(text: bytes) -> bytes:
    """A page drawn with a Type 3 font whose one glyph (a filled box) is named /g1: no Unicode behind it."""
    glyph = b"600 0 0 0 500 700 d1 0 0 500 700 re f"
    content = b"BT /F1 12 Tf 72 700 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
        b" /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
        b" /CharProcs << /g1 6 0 R >> /Encoding << /Type /Encoding /Differences [65 /g1] >>"
        b" /FirstChar 65 /LastChar 65 /Widths [600] /Resources << >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(glyph) + glyph + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
