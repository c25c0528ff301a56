"""Page images for the workspace: find a document's file, render a page to PNG, cache it.

Evidence boxes are not drawn into the image: the page template positions them over it (0-1 coordinates
from the top-left corner, as in oretrace.models.Evidence), so one cached image serves every finding.

The pipeline's resource budget holds here too (`oretrace.extractors.budget`, settings ORETRACE_LIMIT_*),
checked before anything is decoded: a PDF's streams and active content, the page's size in points, the
images it draws; an image's pixels and decoded bytes from its header. A page is drawn at most
DISPLAY_LONG_SIDE pixels along its longest side (a larger page is drawn smaller: the evidence boxes are
relative), once: concurrent requests for the same page wait for the one rendering, then share its file.
Each page has two sizes: SCREEN (RENDER_DPI, what a page shows first) and FULL (up to FULL_DPI, for zooming
in), both within DISPLAY_LONG_SIDE and the budget.

The original file is served only through `open_source`, which checks its SHA-256 through the handle it
returns, so a file replaced after the check is never sent in the document's name.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
import threading
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

import pypdfium2
from PIL import Image
from sqlalchemy.orm import Session

from oretrace.core.config import get_settings
from oretrace.core.errors import OretraceError, UnreadableDocument
from oretrace.core.stored_files import write_atomically
from oretrace.extractors.budget import (
    Budget,
    check_image,
    check_page_size,
    check_pdf_page_images,
    check_render,
    pixel_limit,
)
from oretrace.extractors.document import sha256_of
from oretrace.extractors.safety import refuse_hostile_pdf
from oretrace.extractors.text import PDFIUM_LOCK
from oretrace.store import schema
from oretrace.store.claims import archived_paths

# Wide enough to read a table cell, small enough to load fast: about 1000 px across an A4 page.
RENDER_DPI = 120
# Zoomed in, small print stays sharp; DISPLAY_LONG_SIDE still bounds it (an A4 page: about 170 dpi).
FULL_DPI = 300
# A screen needs no more: a page larger than A3 at RENDER_DPI is drawn at a lower resolution.
DISPLAY_LONG_SIDE = 2000
# Scans at SCREEN size: about a screen's height; at FULL size, DISPLAY_LONG_SIDE.
SCAN_SCREEN_SIZE = (1400, 2000)
# Bump when rendering changes, so cached images are redrawn.
RENDER_VERSION = 2

# One lock per image being rendered: the first request draws it, the others wait and serve its file.
_RENDERING: dict[Path, threading.Lock] = {}
_RENDERING_GUARD = threading.Lock()


class PageSize(StrEnum):
    SCREEN = "screen"
    FULL = "full"


class PageImageError(Exception):
    """The page cannot be shown (file gone or changed, page out of range); the message says which."""


class SourceUnavailable(OretraceError):
    """The document's file is gone, or a file lies where it was read but with other content (`changed`)."""

    default_remedy = "put the file back as it was read, or run the shipment again to read the file as it is now"

    def __init__(self, source_path: str, *, changed: bool) -> None:
        if changed:
            message = f"the file {source_path} has changed since it was read (its SHA-256 differs)"
        else:
            message = f"the file {source_path} is gone: it is no longer where it was read"
        super().__init__(message)
        self.changed = changed


def _candidates(session: Session, document_row: schema.Document) -> list[Path]:
    """Where the document's file may be: inbox_root/source_path, then the watch archive's copies."""
    paths = []
    shipment = session.get(schema.Shipment, document_row.shipment_id) if document_row.shipment_id else None
    if shipment is not None:
        paths.append(Path(shipment.inbox_root) / document_row.source_path)
    # `oretrace watch` moves recorded files from the inbox to its archive.
    return paths + archived_paths(session, document_row.id)


def locate_source(session: Session, document_row: schema.Document, annex_dir: Path | None = None) -> Path | None:
    """The document's file, if it is still where the pipeline read it and still has the same content.

    documents.source_path is relative to the shipment's inbox root. A file whose SHA-256 differs is a
    different document, never shown in its place. A document embedded in another (a PDF attached to an
    e-invoice) has no file of its own: its bytes are taken from its carrier's and kept under `annex_dir`
    (none without one).
    """
    if document_row.parent_id is not None:
        return _annex_copy(session, document_row, annex_dir) if annex_dir is not None else None
    for candidate in _candidates(session, document_row):
        if candidate.is_file() and sha256_of(candidate) == document_row.sha256:
            return candidate
    return None


def _annex_copy(session: Session, document_row: schema.Document, annex_dir: Path) -> Path | None:
    target = annex_dir / f"{document_row.sha256}.pdf"
    if target.is_file() and sha256_of(target) == document_row.sha256:
        return target
    try:
        data = _annex_bytes(session, document_row)
    except SourceUnavailable:
        return None
    write_atomically(target, data)
    return target


def _annex_bytes(session: Session, document_row: schema.Document) -> bytes:
    """An embedded document's bytes, from its carrier's file as the carrier is found; SourceUnavailable when the
    carrier is gone or changed, or no longer embeds these bytes under the name."""
    carrier = session.get(schema.Document, document_row.parent_id)
    if carrier is None:
        raise SourceUnavailable(document_row.source_path, changed=False)
    name = document_row.source_path.removeprefix(carrier.source_path + "#")
    with open_source(session, carrier) as handle:
        data = handle.read()
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(data)
        try:
            found = [
                bytes(attachment.get_data())
                for index in range(pdf.count_attachments())
                if (attachment := pdf.get_attachment(index)).get_name() == name
            ]
        finally:
            pdf.close()
    annex = next((data for data in found if hashlib.sha256(data).hexdigest() == document_row.sha256), None)
    if annex is None:
        raise SourceUnavailable(document_row.source_path, changed=bool(found))
    return annex


def open_source(session: Session, document_row: schema.Document) -> BinaryIO:
    """The document's file opened for reading at its start, its content checked through this handle: a file
    replaced (renamed over) afterwards does not change what the handle reads. Raises SourceUnavailable.

    An embedded document's bytes come from its carrier's file, checked the same way, then by their own hash."""
    if document_row.parent_id is not None:
        return io.BytesIO(_annex_bytes(session, document_row))
    changed = False
    for candidate in _candidates(session, document_row):
        if not candidate.is_file():  # also keeps a FIFO planted at the path from blocking the open
            continue
        handle = candidate.open("rb")
        if hashlib.file_digest(handle, "sha256").hexdigest() == document_row.sha256:
            handle.seek(0)
            return handle
        handle.close()
        changed = True
    raise SourceUnavailable(document_row.source_path, changed=changed)


def checked_chunks(handle: BinaryIO, sha256: str, source_path: str) -> Iterator[bytes]:
    """The handle's bytes, hashed again as they go: a file rewritten in place while it is sent ends in an
    error, so the client gets a cut-off download (short of its Content-Length), never a complete wrong one."""
    digest = hashlib.sha256()
    with handle:
        while block := handle.read(1 << 20):
            digest.update(block)
            yield block
    if digest.hexdigest() != sha256:
        raise SourceUnavailable(source_path, changed=True)


def budget_in_force() -> Budget:
    limits = get_settings().limits
    return Budget(
        max_page_points=limits.max_page_points,
        max_pixels=limits.max_image_pixels,
        max_decoded_bytes=limits.max_decoded_bytes,
    )


def _render_pdf_page(path: Path, number: int, dpi: int, budget: Budget) -> Image.Image:
    import pypdfium2

    from oretrace.extractors.text import PDFIUM_LOCK

    # Streams and active content first, before PDFium parses anything.
    refuse_hostile_pdf(path, budget)
    # PDFium is not thread-safe; the pipeline may be reading documents in the same process.
    with PDFIUM_LOCK:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            if not 1 <= number <= len(pdf):
                raise PageImageError(f"the document has {len(pdf)} pages, not {number}")
            width, height = pdf.get_page_size(number - 1)
            check_page_size(number, width, height, budget)
            scale = min(dpi / 72, DISPLAY_LONG_SIDE / max(width, height))
            check_render(number, width, height, scale * 72, budget)
            page = pdf[number - 1]
            try:
                check_pdf_page_images(page, number, budget)
                return page.render(scale=scale).to_pil().convert("RGB")
            finally:
                page.close()
        finally:
            pdf.close()


def _render_image_page(path: Path, number: int, budget: Budget, bound: tuple[int, int]) -> Image.Image:
    try:
        with pixel_limit(budget.max_pixels):
            image = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise PageImageError(f"the image is too large to show (over {budget.max_pixels:,} pixels)") from err
    with image:
        frames = getattr(image, "n_frames", 1)
        if not 1 <= number <= frames:
            raise PageImageError(f"the image has {frames} pages, not {number}")
        image.seek(number - 1)
        check_image(image, number, budget)  # from the header, before the pixels are decoded
        image.draft("RGB", (DISPLAY_LONG_SIDE, DISPLAY_LONG_SIDE))  # JPEG decodes at a reduced size when it can
        page = image.convert("RGB")
    # Scans can be 300 dpi and larger than a screen needs.
    page.thumbnail(bound)
    return page


def _turn(page: Image.Image, rotation: int, skew: float) -> Image.Image:
    """The same turns OCR applied (extractors.ocr: deskew, then the clockwise rotation), so word boxes land
    where they were read. Text-layer pages have neither."""
    if skew:
        page = page.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=(255, 255, 255))
    if rotation:
        page = page.rotate(-rotation, expand=True, fillcolor=(255, 255, 255))
    return page


def render_page(
    source: Path,
    media_type: str,
    number: int,
    *,
    rotation: int = 0,
    skew: float = 0.0,
    size: PageSize = PageSize.SCREEN,
    budget: Budget | None = None,
) -> Image.Image:
    budget = budget or budget_in_force()
    full = size is PageSize.FULL
    try:
        if media_type == "application/pdf":
            page = _render_pdf_page(source, number, FULL_DPI if full else RENDER_DPI, budget)
        else:
            bound = (DISPLAY_LONG_SIDE, DISPLAY_LONG_SIDE) if full else SCAN_SCREEN_SIZE
            page = _render_image_page(source, number, budget, bound)
    except UnreadableDocument as err:
        raise PageImageError(f"the page is not shown: {err}") from err
    return _turn(page, rotation, skew)


def _lock_for(target: Path) -> threading.Lock:
    with _RENDERING_GUARD:
        return _RENDERING.setdefault(target, threading.Lock())


def cached_page_png(
    cache_dir: Path,
    source: Path,
    sha256: str,
    media_type: str,
    number: int,
    *,
    rotation: int = 0,
    skew: float = 0.0,
    size: PageSize = PageSize.SCREEN,
    budget: Budget | None = None,
) -> Path:
    """The page as a PNG under cache_dir, rendered on the first request only."""
    key = f"{sha256}-p{number}-r{rotation}-s{skew:g}-v{RENDER_VERSION}"
    if size is PageSize.FULL:  # the screen size keeps the keys of images already cached
        key += "-full"
    target = cache_dir / sha256[:2] / f"{hashlib.sha256(key.encode()).hexdigest()}.png"
    if target.is_file():
        return target
    lock = _lock_for(target)
    with lock:
        if target.is_file():  # drawn by the request this one waited for
            return target
        image = render_page(source, media_type, number, rotation=rotation, skew=skew, size=size, budget=budget)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename: a concurrent request never serves half a file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            image.save(handle, format="PNG", optimize=False)
        os.replace(tmp, target)
    with _RENDERING_GUARD:
        _RENDERING.pop(target, None)
    return target
