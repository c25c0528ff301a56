"""QR codes on a certificate of origin: decoded by zxing-cpp from the page as rendered (text-layer PDF) or as
scanned (PNG, OCR'd by Tesseract), kept with their box, never fetched; a code naming another certificate
number than the printed one is a `qr_certificate_mismatch` finding.

The certificates are synthetic: drawn by ReportLab with its own QR widget, numbers and parties invented.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from oretrace.checks import ShipmentContext, run_checks
from oretrace.checks.context import no_nlp
from oretrace.core.config import Settings
from oretrace.core.models import DocType, ExtractedDocument, Rejection
from oretrace.extractors.barcodes import certificate_number_in
from oretrace.pipeline.documents import process_document
from tests.conftest import draw_lines, render

SHIPMENT = "SHP-QR"
NUMBER = "CO-2025-004711"


def certificate(qr_payload: str) -> bytes:
    """A one-page certificate of origin (synthetic) with a 3 cm QR code at the top right."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    draw_lines(
        pdf,
        [
            ("Helvetica-Bold", 18, "CERTIFICATE OF ORIGIN"),
            ("Helvetica", 11, f"Certificate No: {NUMBER}"),
            ("Helvetica", 11, "Exporter: Siam Antimony Trading Co., Ltd."),
            ("Helvetica", 11, "Consignee: Great Lakes Alloys LLC"),
            ("Helvetica", 11, "Country of Origin: Thailand"),
            ("Helvetica", 11, "Description of goods: Antimony ingots 99.65%, HS 8110.10"),
            ("Helvetica", 11, "Issue Date: 14 March 2025"),
        ],
    )
    widget = QrCodeWidget(qr_payload)
    x0, y0, x1, y1 = widget.getBounds()
    size = 85.0  # points, about 3 cm
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    renderPDF.draw(drawing, pdf, A4[0] - 72 - size, A4[1] - 72 - size)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def process(tmp_path: Path, files: dict[str, bytes]) -> dict[str, ExtractedDocument | Rejection]:
    inbox = tmp_path / "inbox"
    (inbox / SHIPMENT).mkdir(parents=True)
    settings = Settings(home=tmp_path / "home")
    for name, data in files.items():
        (inbox / SHIPMENT / name).write_bytes(data)
    return {name: process_document(inbox / SHIPMENT / name, inbox, settings) for name in files}


def findings_of(document: ExtractedDocument) -> list:
    context = ShipmentContext.build([document], shipment_id=SHIPMENT, load_nlp=no_nlp)
    return run_checks(context, only=["qr_certificate_mismatch"])


def png(pdf: bytes) -> bytes:
    out = io.BytesIO()
    render(pdf, dpi=200).save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


URL = "https://verify.chamber.example/coo?cert={}&lang=en"


def test_qr_code_is_decoded_with_its_box_and_becomes_the_verification_code(tmp_path: Path) -> None:
    payload = URL.format(NUMBER)
    document = process(tmp_path, {"coo.pdf": certificate(payload)})["coo.pdf"]
    assert isinstance(document, ExtractedDocument)
    assert document.doc_type == DocType.CERTIFICATE_OF_ORIGIN
    [code] = document.pages[0].codes
    assert code.format == "QRCode" and code.text == payload
    x0, y0, x1, y1 = code.bbox  # top right of the page, about 3 cm (0.14 of A4's width) wide
    assert 0.70 < x0 < x1 < 0.95 and 0.03 < y0 < y1 < 0.2 and 0.1 < x1 - x0 < 0.2
    assert document.value("verification_code") == payload and document.value("barcodes") == [payload]
    assert document.fields["verification_code"].evidence[0].bbox == code.bbox
    assert document.value("certificate_number") == NUMBER
    assert findings_of(document) == []


@pytest.mark.parametrize("as_scan", [False, True], ids=["text-layer pdf", "scanned png"])
def test_qr_naming_another_certificate_is_a_finding(tmp_path: Path, as_scan: bool) -> None:
    pdf = certificate(URL.format("CO-2025-003388"))
    name = "coo.png" if as_scan else "coo.pdf"
    document = process(tmp_path, {name: png(pdf) if as_scan else pdf})[name]
    assert isinstance(document, ExtractedDocument)
    assert document.doc_type == DocType.CERTIFICATE_OF_ORIGIN
    assert document.value("certificate_number") == NUMBER
    [finding] = findings_of(document)
    assert finding.severity == "high"
    assert f"prints the certificate number {NUMBER}, but the QR code on its page 1 carries CO-2025-003388" in (
        finding.message
    )
    printed, code = finding.evidence
    assert NUMBER in printed.text and code.text == URL.format("CO-2025-003388") and code.bbox[0] > 0.7


@pytest.mark.parametrize(
    ("payload", "number"),
    [
        ("https://verify.example.org/coo?cert=CO-2025-004711", "CO-2025-004711"),
        ("https://verify.example.org/c?lang=es&certificado=A123456", "A123456"),
        ("https://verify.example.org/c/8f3a9e2b1c", None),  # an opaque token: no number to compare
        ("Certificate No: CO-2025-004711\nIssued by the chamber", "CO-2025-004711"),
        ("CO2025004711", "CO2025004711"),
        ("Thank you for your business", None),
    ],
)
def test_certificate_number_in_payload(payload: str, number: str | None) -> None:
    assert certificate_number_in(payload) == number
