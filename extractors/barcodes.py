"""QR codes and barcodes on a page image, decoded once per page by zxing-cpp, and what they say as fields.

A certificate of origin often carries a QR code that leads to the issuing chamber's verification page
('https://verify.example.org/coo?cert=ABC123') or holds the certificate's number. oretrace stays offline: the
payload is kept as text on the page (`Page.codes`, with its box), shown in the review, and never fetched.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

import zxingcpp
from PIL import Image

from oretrace.core.models import DocType, Evidence, FieldValue, Page, PageCode

# Text-layer pages are rendered at this resolution for decoding only: a QR module of 0.5 mm is 3 pixels.
CODE_DPI = 150
# The symbologies trade documents print; the retail and postal ones are left out so that a row of table
# rules is never read as an EAN.
FORMATS = (
    zxingcpp.BarcodeFormat.QRCode,
    zxingcpp.BarcodeFormat.DataMatrix,
    zxingcpp.BarcodeFormat.Aztec,
    zxingcpp.BarcodeFormat.PDF417,
    zxingcpp.BarcodeFormat.Code128,
    zxingcpp.BarcodeFormat.Code39,
)
MATRIX = frozenset({"QRCode", "MicroQRCode", "DataMatrix", "Aztec"})
# Query parameters and plain-text labels that name a certificate's number (English, Spanish, French, German).
NUMBER_KEYS = re.compile(
    r"^(?:cert(?:ificate)?(?:_?(?:no|nr|num|number|id))?|certificado|certificat|zertifikat|coo(?:_?(?:no|id))?"
    r"|no|nr|num|number|numero|número|serial|ref|reference)$",
    re.IGNORECASE,
)
LABELLED_NUMBER = re.compile(
    r"(?i)\b(?:certificate|certificado|certificat|zertifikat|cert\.?)\s*(?:of origin\s*)?"
    r"(?:no\.?|nr\.?|number|n[º°o]\.?|num\.?|#)?\s*[:=]?\s*([A-Z0-9][A-Z0-9/\-.]{2,39})"
)
IDENTIFIER = re.compile(r"[A-Z0-9][A-Z0-9/\-.]{2,39}", re.IGNORECASE)


def decode_codes(image: Image.Image) -> list[PageCode]:
    """Every code zxing-cpp finds on the image, with its box normalised to the image (0-1, top-left origin)."""
    gray = image if image.mode == "L" else image.convert("L")
    width, height = gray.size
    codes: list[PageCode] = []
    for found in zxingcpp.read_barcodes(gray, formats=FORMATS):
        if not found.valid or not found.text:
            continue
        p = found.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        bbox = (
            max(0.0, min(xs) / width),
            max(0.0, min(ys) / height),
            min(1.0, max(xs) / width),
            min(1.0, max(ys) / height),
        )
        codes.append(PageCode(format=found.format.name, text=found.text, bbox=bbox))
    return codes


def certificate_number_in(payload: str) -> str | None:
    """The certificate number a code's payload carries: a URL's query parameter ('?cert=ABC123'), a labelled
    number in text ('Certificate No: ABC123'), or the payload itself when it is one bare identifier."""
    text = payload.strip()
    if re.match(r"(?i)^https?://", text):
        for key, value in parse_qsl(urlsplit(text).query):
            if NUMBER_KEYS.match(key) and IDENTIFIER.fullmatch(value.strip()):
                return value.strip()
        return None
    labelled = LABELLED_NUMBER.search(text)
    if labelled:
        return labelled.group(1).rstrip(".")
    return text if IDENTIFIER.fullmatch(text) and re.search(r"\d", text) else None


def _evidence(page: Page, code: PageCode) -> Evidence:
    return Evidence(page=page.number, bbox=code.bbox, text=code.text)


def code_fields(pages: list[Page], doc_type: DocType) -> dict[str, FieldValue]:
    """`barcodes`: every payload on the document, each with its box. On a certificate of origin,
    `verification_code`: the first two-dimensional code's payload (its verification URL or code)."""
    found = [(page, code) for page in pages for code in page.codes]
    if not found:
        return {}
    fields = {
        "barcodes": FieldValue(
            name="barcodes",
            value=[code.text for _, code in found],
            confidence=1.0,
            evidence=[_evidence(page, code) for page, code in found],
        )
    }
    matrix = [(page, code) for page, code in found if code.format in MATRIX]
    if doc_type == DocType.CERTIFICATE_OF_ORIGIN and matrix:
        page, code = matrix[0]
        fields["verification_code"] = FieldValue(
            name="verification_code", value=code.text, confidence=1.0, evidence=[_evidence(page, code)], raw=code.text
        )
    return fields
