"""QR codes on a certificate of origin: decoded by zxing-cpp from the page as rendered (text-layer PDF) or as
scanned (PNG, OCR'd by Tesseract), kept with their box, never fetched; a code naming another certificate
number than the printed one is a `qr_certificate_mismatch` finding.

The certificates are synthetic (samplegen/specimens.py): drawn by ReportLab with its own QR widget, numbers and
parties invented.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from oretrace.checks import ShipmentContext, run_checks
from oretrace.checks.context import no_nlp
from oretrace.core.models import DocType, ExtractedDocument, Rejection
from oretrace.extractors.barcodes import certificate_number_in, decode_codes, may_carry_code
from samplegen.specimens import VERIFY_URL, qr_certificate, write_specimens
from tests.conftest import process_files, render

SHIPMENT = "SHP-QR"
NUMBER = "CO-2025-004711"


def certificate(qr_payload: str) -> bytes:
    return qr_certificate(NUMBER, qr_payload)


def process(tmp_path: Path, files: dict[str, bytes]) -> dict[str, ExtractedDocument | Rejection]:
    return process_files(tmp_path, SHIPMENT, files)


def findings_of(document: ExtractedDocument) -> list:
    context = ShipmentContext.build([document], shipment_id=SHIPMENT, load_nlp=no_nlp)
    return run_checks(context, only=["qr_certificate_mismatch"])


def png(pdf: bytes) -> bytes:
    out = io.BytesIO()
    render(pdf, dpi=200).save(out, format="PNG", dpi=(200, 200))
    return out.getvalue()


URL = VERIFY_URL


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


def test_samplegen_specimen_shipment_reads_and_flags_only_the_other_certificate(tmp_path: Path) -> None:
    written = write_specimens(tmp_path / "gen")
    outcomes = process(tmp_path, {path.name: path.read_bytes() for path in written})
    documents = [o for o in outcomes.values() if isinstance(o, ExtractedDocument)]
    assert len(documents) == 3
    assert outcomes["EXP-1043.xml"].doc_type == DocType.COMMERCIAL_INVOICE  # type: ignore[union-attr]
    context = ShipmentContext.build(documents, shipment_id=SHIPMENT, load_nlp=no_nlp)
    findings = run_checks(context, only=["qr_certificate_mismatch"])
    assert [f.evidence[-1].text for f in findings] == [VERIFY_URL.format("CO-2025-003388")]


def _page_pdf(draw: str) -> bytes:
    """One A4 page of text and a ruled table, plus what `draw` names."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setFont("Helvetica", 11)
    for row in range(12):
        y = 700 - row * 18
        pdf.drawString(80, y + 5, f"Line {row}   Antimony ingots   1,000.00 kg")
        pdf.line(72, y, 520, y)
    for x in (72, 250, 400, 520):
        pdf.line(x, 502, x, 718)
    pdf.rect(60, 40, 470, 760)
    if draw == "code128":
        code128.Code128("A", barWidth=1.5, barHeight=30).drawOn(pdf, 300, 750)
    elif draw == "label code128":  # bars as tall as a logistics label's
        code128.Code128("A", barWidth=1.5, barHeight=95).drawOn(pdf, 300, 380)
    elif draw == "image":
        logo = Image.new("L", (40, 40), 255)
        pdf.drawImage(ImageReader(logo), 500, 760, width=20, height=20)
    elif draw == "qr":
        return certificate(URL.format(NUMBER))
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("draw", ["nothing", "code128", "label code128", "image", "qr"])
def test_a_page_is_searched_for_codes_only_when_it_draws_what_a_code_can_be_made_of(draw: str) -> None:
    document = pypdfium2.PdfDocument(_page_pdf(draw))
    try:
        page = document[0]
        codes = decode_codes(page.render(scale=150 / 72, grayscale=True).to_pil())
        assert may_carry_code(page) == (draw != "nothing")
        assert bool(codes) == (draw in ("code128", "label code128", "qr"))
    finally:
        document.close()


def test_a_page_whose_objects_cannot_be_measured_is_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    def fails(self: pypdfium2.PdfObject) -> tuple[float, float, float, float]:
        raise pypdfium2.PdfiumError("no bounds")

    monkeypatch.setattr(pypdfium2.PdfObject, "get_bounds", fails)
    document = pypdfium2.PdfDocument(_page_pdf("nothing"))
    try:
        assert may_carry_code(document[0])
    finally:
        document.close()
