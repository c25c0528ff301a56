"""QR codes and barcodes on a page image, decoded once per page by zxing-cpp, and what they say as fields.

A certificate of origin often carries a QR code that leads to the issuing chamber's verification page
('https://verify.example.org/coo?cert=ABC123') or holds the certificate's number. oretrace stays offline: the
payload is kept as text on the page (`Page.codes`, with its box), shown in the review, and never fetched.
"""

from __future__ import annotations

import ctypes
import re
from urllib.parse import parse_qsl, urlsplit

import pypdfium2
import pypdfium2.raw as pdfium_c
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

# What a text-layer page must draw to be able to carry a code, short of an image, a shading, a form XObject or an
# annotation (any of which counts). A code drawn in vectors is many marks close together: the fewest bars of the
# symbologies read (Code 128 with one character) are 13, and two-dimensional codes draw far more.
MIN_CODE_MARKS = 12
# A mark: a subpath of a path object no longer than this (a logistics label's bars are 32 mm, 91 pt, tall), and
# the marks of one code lie within this distance of each other in both directions.
MAX_MARK_POINTS = 200.0
# One path object with this many segments may be a whole code drawn as one outline.
MANY_SEGMENTS = 40
# Fonts that draw bars or modules instead of letters (a Type 3 font, which has no name, may draw anything).
CODE_FONT = re.compile(r"(?i)bar.?code|3.?of.?9|code.?(?:39|128)|\b[ic](?:39|128)|qr|matrix|pdf.?417|aztec|idautom")


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


def may_carry_code(page: pypdfium2.PdfPage) -> bool:
    """Whether a PDF page draws anything a code can be made of, from its objects alone, before it is rendered.

    False only for a page of plain text and simple vector shapes: no image, shading, form XObject or annotation,
    no text in a font that may draw bars, fewer than MIN_CODE_MARKS small subpaths close together, and no path of
    MIN_CODE_MARKS subpaths or MANY_SEGMENTS segments. Such a page renders without anything zxing-cpp can read.
    The caller holds the PDFium lock. An object PDFium cannot measure counts as one that may be a code.
    """
    try:
        return _may_carry_code(page)
    except pypdfium2.PdfiumError:
        return True


def _may_carry_code(page: pypdfium2.PdfPage) -> bool:
    if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
        return True
    marks: list[tuple[float, float, int]] = []  # centre and subpaths of each small path object
    fonts: dict[int, bool] = {}
    name = ctypes.create_string_buffer(256)
    for obj in page.get_objects(max_depth=0):
        kind = obj.type
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            font = pdfium_c.FPDFTextObj_GetFont(obj.raw)
            key = ctypes.cast(font, ctypes.c_void_p).value or 0
            if key not in fonts:
                length = pdfium_c.FPDFFont_GetBaseFontName(font, name, len(name)) if font else 0
                base = name.value.decode("latin-1") if 1 < length <= len(name) else ""
                fonts[key] = not base or bool(CODE_FONT.search(base))
            if fonts[key]:
                return True
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            count = pdfium_c.FPDFPath_CountSegments(obj.raw)
            if count >= MANY_SEGMENTS:
                return True
            subpaths = max(1, _subpaths(obj.raw, count))
            if subpaths >= MIN_CODE_MARKS:
                return True
            left, bottom, right, top = obj.get_bounds()
            if right - left <= MAX_MARK_POINTS and top - bottom <= MAX_MARK_POINTS:
                marks.append(((left + right) / 2, (bottom + top) / 2, subpaths))
        else:  # images, shadings, form XObjects (whose content is drawn in the form's own coordinates)
            return True
    return _clustered(marks)


def _clustered(marks: list[tuple[float, float, int]]) -> bool:
    """Whether MIN_CODE_MARKS marks lie within MAX_MARK_POINTS of one of them in both directions."""
    if sum(n for _, _, n in marks) < MIN_CODE_MARKS:
        return False
    return any(
        sum(n for x, y, n in marks if abs(x - cx) <= MAX_MARK_POINTS and abs(y - cy) <= MAX_MARK_POINTS)
        >= MIN_CODE_MARKS
        for cx, cy, _ in marks
    )


def _subpaths(path: pdfium_c.FPDF_PAGEOBJECT, count: int) -> int:
    return sum(
        pdfium_c.FPDFPathSegment_GetType(pdfium_c.FPDFPath_GetPathSegment(path, index)) == pdfium_c.FPDF_SEGMENT_MOVETO
        for index in range(count)
    )


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
