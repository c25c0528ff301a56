"""Page images for the workspace: find a document's file, render a page to PNG, cache it.

Evidence boxes are not drawn into the image: the page template positions them over it (0-1 coordinates
from the top-left corner, as in oretrace.models.Evidence), so one cached image serves every finding.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from PIL import Image
from sqlalchemy.orm import Session

from oretrace.extractors.document import sha256_of
from oretrace.store import schema
from oretrace.store.claims import archived_paths

# Wide enough to read a table cell, small enough to load fast: about 1000 px across an A4 page.
RENDER_DPI = 120
MAX_IMAGE_PIXELS = 120_000_000
# Bump when rendering changes, so cached images are redrawn.
RENDER_VERSION = 1


class PageImageError(Exception):
    """The page cannot be shown (file gone or changed, page out of range); the message says which."""


def locate_source(session: Session, document_row: schema.Document) -> Path | None:
    """The document's file, if it is still where the pipeline read it and still has the same content.

    documents.source_path is relative to the shipment's inbox root. A file whose SHA-256 differs is a
    different document, never shown in its place.
    """
    if document_row.shipment_id is None:
        return None
    shipment = session.get(schema.Shipment, document_row.shipment_id)
    if shipment is None:
        return None
    candidate = Path(shipment.inbox_root) / document_row.source_path
    if candidate.is_file() and sha256_of(candidate) == document_row.sha256:
        return candidate
    # `oretrace watch` moves recorded files from the inbox to its archive.
    for archived in archived_paths(session, document_row.id):
        if archived.is_file() and sha256_of(archived) == document_row.sha256:
            return archived
    return None


def _render_pdf_page(path: Path, number: int, dpi: int) -> Image.Image:
    import pypdfium2

    from oretrace.extractors.text import PDFIUM_LOCK

    # PDFium is not thread-safe; the pipeline may be reading documents in the same process.
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            if not 1 <= number <= len(pdf):
                raise PageImageError(f"the document has {len(pdf)} pages, not {number}")
            page = pdf[number - 1]
            try:
                return page.render(scale=dpi / 72).to_pil().convert("RGB")
            finally:
                page.close()
        finally:
            pdf.close()


def _render_image_page(path: Path, number: int) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    with Image.open(path) as image:
        frames = getattr(image, "n_frames", 1)
        if not 1 <= number <= frames:
            raise PageImageError(f"the image has {frames} pages, not {number}")
        image.seek(number - 1)
        page = image.convert("RGB")
    # Scans can be 300 dpi and larger than a screen needs.
    page.thumbnail((1400, 2000))
    return page


def _turn(page: Image.Image, rotation: int, skew: float) -> Image.Image:
    """The same turns OCR applied (extractors.ocr: deskew, then the clockwise rotation), so word boxes land
    where they were read. Text-layer pages have neither."""
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=(255, 255, 255))
    if rotation:
        page = page.rotate(-rotation, expand=True, fillcolor=(255, 255, 255))
    return page


def render_page(source: Path, media_type: str, number: int, *, rotation: int = 0, skew: float = 0.0) -> Image.Image:
    if media_type == "application/pdf":
        page = _render_pdf_page(source, number, RENDER_DPI)
    else:
        page = _render_image_page(source, number)
    return _turn(page, rotation, skew)


def cached_page_png(
    cache_dir: Path, source: Path, sha256: str, media_type: str, number: int, *, rotation: int = 0, skew: float = 0.0
) -> Path:
    """The page as a PNG under cache_dir, rendered on first request."""
    key = f"{sha256}-p{number}-r{rotation}-s{skew:g}-v{RENDER_VERSION}"
    target = cache_dir / sha256[:2] / f"{hashlib.sha256(key.encode()).hexdigest()}.png"
    if target.is_file():
        return target
    image = render_page(source, media_type, number, rotation=rotation, skew=skew)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Write then rename: a concurrent request never serves half a file.
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        image.save(handle, format="PNG", optimize=False)
    os.replace(tmp, target)
    return target
