"""Shared fixtures: real documents rendered on the fly (reportlab -> PDF, pypdfium2 -> image)."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

REPO = Path(__file__).resolve().parents[1]
SAMPLE_DOCS = REPO / "sample_docs"

INVOICE_LINES = [
    ("Helvetica-Bold", 18, "COMMERCIAL INVOICE"),
    ("Helvetica", 11, "Invoice No: INV-2025-0042"),
    ("Helvetica", 11, "Invoice Date: 14 March 2025"),
    ("Helvetica", 11, "Seller: Siam Antimony Trading Co., Ltd."),
    ("Helvetica", 11, "Buyer: Great Lakes Alloys LLC"),
    ("Helvetica", 11, "Country of Origin: Thailand"),
    ("Helvetica", 11, "Net Weight: 20,000.00 kg"),
    ("Helvetica", 11, "Total Amount: USD 250,000.00"),
]


def draw_lines(pdf: canvas.Canvas, lines: list[tuple[str, int, str]]) -> None:
    y = A4[1] - 72
    for font, size, text in lines:
        pdf.setFont(font, size)
        pdf.drawString(72, y, text)
        y -= size * 2.2


def pdf_bytes(pages: list[list[tuple[str, int, str]]], **canvas_args: object) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, **canvas_args)
    for lines in pages:
        draw_lines(pdf, lines)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def render(pdf: bytes, dpi: int = 200) -> Image.Image:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return document[0].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()


@pytest.fixture
def invoice_pdf(tmp_path: Path) -> Path:
    path = tmp_path / "digital.pdf"
    path.write_bytes(pdf_bytes([INVOICE_LINES]))
    return path


@pytest.fixture
def invoice_scan(tmp_path: Path) -> Path:
    """The invoice as a 200 dpi grayscale PNG, as a scanner would deliver it."""
    path = tmp_path / "scan.png"
    render(pdf_bytes([INVOICE_LINES])).save(path, dpi=(200, 200))
    return path
