"""The resource budget of one page, checked before anything is rendered or decoded.

What a file costs in memory follows what it describes, not its size: a 400-byte PDF can describe a page seven
metres square, which PDFium would render at 300 dpi into a 7 GB bitmap; a 17 KB PNG that states 50 dpi
would be resampled to 300 dpi at 36 times its pixels; a kilobyte of Flate data can inflate to a gigabyte.
Every such figure is known from headers and dictionaries before the work starts, and is checked here:

- a page's longest side in points (`max_page_points`, 14,400 pt = 200 in: the largest page the PDF
  specification provides for, ISO 32000-1 annex C); a larger page is refused;
- the pixels of one page as it is read (`max_pixels`): a PDF page rendered at the OCR resolution (from its
  size in points), an image resampled to it (from its header's size and stated resolution); a page that would
  be larger is refused, its figures in the reason. Only a stated 72 or 96 dpi, the screen defaults software
  writes when it never knew the scan's, is not taken at its word: such an image is read as it is, then at the
  resolution its lettering shows. That second reading is enlarged only as far as the budget (`resample_scale`);
- the bytes one decoded image or stream takes (`max_decoded_bytes`): an image's pixels times its bytes per
  pixel (from its header, before it is loaded), the images a PDF page draws (from their dictionaries, before
  the page is rendered), and every Flate-compressed stream of a PDF (inflated in small pieces and counted,
  never held whole, before any PDF library reads the file).

Each check raises UnreadableDocument with the figures, which is the quarantine reason.
"""

from __future__ import annotations

import math
import mmap
import os
import re
import warnings
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image

from oretrace.core.errors import UnreadableDocument

POINTS_PER_INCH = 72.0
CM_PER_POINT = 2.54 / 72
# Bytes per pixel of a decoded image as PIL holds it (RGB is padded to four bytes), by PIL mode.
PIL_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "PA": 2, "LA": 2, "La": 2, "I;16": 2, "I;16B": 2, "I;16L": 2}
DEFAULT_PIL_BYTES = 4
# Inflated at most this much at a time while a stream is measured.
INFLATE_STEP = 1 << 20
# Where a stream's data starts: the keyword `stream` (not `endstream`) and its end of line.
STREAM_START = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")


@dataclass(frozen=True)
class Budget:
    max_page_points: float = 14_400.0
    max_pixels: int = 50_000_000
    max_decoded_bytes: int = 256 * 1024 * 1024


def _megapixels(pixels: float) -> str:
    return f"{pixels / 1e6:,.0f} megapixels" if pixels >= 1e6 else f"{pixels / 1e6:,.2f} megapixels"


def _mib(size: float) -> str:
    return f"{size / 2**20:,.0f} MiB"


def check_page_size(number: int, width_pt: float, height_pt: float, budget: Budget) -> None:
    """Refuse a page whose longest side is over max_page_points (or which has no area at all)."""
    side = max(width_pt, height_pt)
    if side > budget.max_page_points:
        raise UnreadableDocument(
            f"page {number} is {width_pt:,.0f} x {height_pt:,.0f} pt ({width_pt * CM_PER_POINT:,.0f} x "
            f"{height_pt * CM_PER_POINT:,.0f} cm); the largest page read is {budget.max_page_points:,.0f} pt "
            f"({budget.max_page_points * CM_PER_POINT:,.0f} cm) a side"
        )
    if width_pt <= 0 or height_pt <= 0:
        raise UnreadableDocument(f"page {number} has no area ({width_pt:g} x {height_pt:g} pt)")


def check_render(number: int, width_pt: float, height_pt: float, dpi: float, budget: Budget) -> None:
    """Refuse a PDF page whose bitmap at `dpi` would have more than max_pixels pixels."""
    check_page_size(number, width_pt, height_pt, budget)
    width, height = round(width_pt * dpi / POINTS_PER_INCH), round(height_pt * dpi / POINTS_PER_INCH)
    if width * height > budget.max_pixels:
        raise UnreadableDocument(
            f"page {number} would be {width:,} x {height:,} pixels at {dpi:g} dpi ({_megapixels(width * height)}); "
            f"the limit is {_megapixels(budget.max_pixels)}"
        )


def _resampled(width: int, height: int, source_dpi: float, target_dpi: float) -> tuple[int, int]:
    scale = target_dpi / source_dpi
    return round(width * scale), round(height * scale)


def fits_resampled(width: int, height: int, source_dpi: float, target_dpi: float, budget: Budget) -> bool:
    wide, high = _resampled(width, height, source_dpi, target_dpi)
    return source_dpi >= target_dpi or wide * high <= budget.max_pixels


def check_resample(
    number: int, width: int, height: int, source_dpi: float | None, target_dpi: float, budget: Budget
) -> None:
    """Refuse an image whose stated resolution makes it larger than max_pixels once resampled to `target_dpi`."""
    if not source_dpi or fits_resampled(width, height, source_dpi, target_dpi, budget):
        return
    wide, high = _resampled(width, height, source_dpi, target_dpi)
    if wide * high > budget.max_pixels:
        raise UnreadableDocument(
            f"page {number} is {width}x{height} pixels stated at {source_dpi:.0f} dpi: read at {target_dpi:.0f} dpi it "
            f"would be {wide:,} x {high:,} pixels ({_megapixels(wide * high)}); the limit is "
            f"{_megapixels(budget.max_pixels)}"
        )


def resample_scale(width: int, height: int, scale: float, max_pixels: int) -> float:
    """`scale`, or the largest scale that keeps a width x height image within max_pixels."""
    if width * height * scale * scale <= max_pixels:
        return scale
    return math.sqrt(max_pixels / (width * height))


def check_image(image: Image.Image, number: int, budget: Budget) -> None:
    """Refuse an image frame whose header promises more pixels or decoded bytes than the budget (not loaded)."""
    width, height = image.size
    pixels = width * height
    if pixels > budget.max_pixels:
        raise UnreadableDocument(
            f"page {number} is too large to process safely ({width}x{height} pixels, {_megapixels(pixels)}; "
            f"the limit is {_megapixels(budget.max_pixels)})"
        )
    decoded = pixels * PIL_BYTES_PER_PIXEL.get(image.mode, DEFAULT_PIL_BYTES)
    if decoded > budget.max_decoded_bytes:
        raise UnreadableDocument(
            f"page {number} is too large to process safely ({width}x{height} pixels in mode {image.mode} decode "
            f"to {_mib(decoded)}; the limit is {_mib(budget.max_decoded_bytes)})"
        )


def check_pdf_page_images(page: pypdfium2.PdfPage, number: int, budget: Budget) -> None:
    """Refuse a PDF page whose images would decode to more than max_decoded_bytes together, from their
    dictionaries (pixel size and bits per pixel), before the page is rendered. The caller holds the PDFium lock."""
    total = 0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE]):
        try:
            width, height = image.get_px_size()
        except pypdfium2.PdfiumError:
            continue
        try:
            bits = image.get_metadata().bits_per_pixel
        except pypdfium2.PdfiumError:
            bits = 32
        total += width * height * max(1, math.ceil(bits / 8))
        if total > budget.max_decoded_bytes:
            raise UnreadableDocument(
                f"page {number} draws images that decode to more than {_mib(budget.max_decoded_bytes)} "
                f"(one is {width}x{height} pixels)"
            )


def _streams(data: bytes | mmap.mmap) -> Iterator[int]:
    for match in STREAM_START.finditer(data):
        yield match.end()


def inflated_size(data: bytes | mmap.mmap, start: int, limit: int) -> int:
    """How many bytes the zlib data at `start` inflates to, counting at most up to `limit` + 1 (0 when it is not
    zlib data). Memory stays at INFLATE_STEP whatever the stream holds."""
    inflater = zlib.decompressobj()
    position, end = start, len(data)
    total = 0
    pending = b""
    try:
        while True:
            if not pending:
                if position >= end:
                    return total
                pending, position = data[position : position + INFLATE_STEP], position + INFLATE_STEP
            total += len(inflater.decompress(pending, INFLATE_STEP))
            if total > limit or inflater.eof:
                return total
            pending = inflater.unconsumed_tail
    except zlib.error:
        return total


def check_pdf_streams(path: Path, budget: Budget) -> None:
    """Refuse a PDF with a Flate-compressed stream that inflates to more than max_decoded_bytes.

    Streams are found by their keyword, so those holding compressed object streams count too; data that is
    not zlib (images in JPEG, other filters) is left to the other checks.
    """
    with path.open("rb") as handle:
        if os.fstat(handle.fileno()).st_size == 0:
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:  # read as needed, never held whole
            check_stream_sizes(data, budget)


def check_stream_sizes(data: bytes | mmap.mmap, budget: Budget) -> None:
    """check_pdf_streams of a PDF's bytes (a file's, or those of a PDF embedded in another)."""
    for start in _streams(data):
        size = inflated_size(data, start, budget.max_decoded_bytes)
        if size > budget.max_decoded_bytes:
            raise UnreadableDocument(
                f"the PDF holds a compressed stream (at byte {start:,}) that inflates to more than "
                f"{_mib(budget.max_decoded_bytes)}"
            )


@contextmanager
def pixel_limit(max_pixels: int) -> Iterator[None]:
    """PIL's decompression-bomb limit set to `max_pixels` for the `Image.open` inside, its warning raised as an
    error, and the limit put back after: the limit is process-wide, and one reading's budget must not decide
    what every later reading may open."""
    previous = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = max_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            yield
    finally:
        Image.MAX_IMAGE_PIXELS = previous
