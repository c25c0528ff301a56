"""Per page, the text layer when it is usable, OCR otherwise. A PDF may mix both."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFPasswordIncorrect
from PIL import Image, ImageSequence, UnidentifiedImageError

from oretrace.core.errors import UnreadableDocument
from oretrace.core.models import Page
from oretrace.extractors import filetype
from oretrace.extractors.barcodes import CODE_DPI, decode_codes, may_carry_code
from oretrace.extractors.budget import (
    Budget,
    check_image,
    check_page_size,
    check_pdf_page_images,
    check_render,
    check_resample,
    fits_resampled,
    pixel_limit,
)
from oretrace.extractors.language import detect_language
from oretrace.extractors.ocr import OcrOptions, ocr_page
from oretrace.extractors.pdf_text import (
    needs_layout_parser,
    read_chars,
    read_text_layer,
    read_text_layer_with_layout_parser,
    text_layer_is_usable,
)

# Resolutions written by software that never knew the scan's (screen defaults), rather than by a scanner.
SOFTWARE_DEFAULT_DPI = (72, 96)
# PDFium is not thread-safe: documents are read on several threads, so every PDFium call holds this lock.
PDFIUM_LOCK = threading.Lock()


@dataclass(frozen=True)
class ReadOptions:
    ocr: OcrOptions = field(default_factory=OcrOptions)
    max_pages: int = 500
    max_image_pixels: int = Budget.max_pixels
    max_page_points: float = Budget.max_page_points
    max_decoded_bytes: int = Budget.max_decoded_bytes

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(self.ocr.languages.split("+"))

    @property
    def budget(self) -> Budget:
        return Budget(
            max_page_points=self.max_page_points,
            max_pixels=self.max_image_pixels,
            max_decoded_bytes=self.max_decoded_bytes,
        )


def read_pages(path: Path, media_type: str, options: ReadOptions) -> list[Page]:
    if media_type == filetype.PDF:
        pages = list(_read_pdf(path, options))
    else:
        pages = list(_read_image(path, options))
    if not pages:
        raise UnreadableDocument("the document has no pages")
    return [p.model_copy(update={"language": detect_language(p.text, options.languages)}) for p in pages]


def _read_pdf(path: Path, options: ReadOptions) -> Iterator[Page]:
    """Each page from its text layer when that is usable, by OCR of its rendering otherwise.

    One PDFium document serves both; pdfplumber opens the file only for pages whose text is not upright.
    """
    with PDFIUM_LOCK:
        pdf = _open_pdfium(path)
    with _closing_pdfium(pdf), _lazy_pdfplumber(path) as layout_page:
        with PDFIUM_LOCK:
            page_count = len(pdf)
        if page_count > options.max_pages:
            raise UnreadableDocument(f"the PDF has {page_count} pages; the limit is {options.max_pages}")
        # Every page's size from the page tree, before any page is loaded: one seven metres wide refuses the file.
        for index in range(page_count):
            with PDFIUM_LOCK:
                width, height = pdf.get_page_size(index)
            check_page_size(index + 1, width, height, options.budget)
        for index in range(page_count):
            try:
                yield _read_pdf_page(pdf, index, options, layout_page)
            except UnreadableDocument:
                raise
            except Exception as err:
                raise UnreadableDocument(f"page {index + 1} of the PDF cannot be read ({err})") from err


def _read_pdf_page(
    pdf: pypdfium2.PdfDocument, index: int, options: ReadOptions, layout_page: Callable[[int], Page]
) -> Page:
    with PDFIUM_LOCK:
        page = pdf[index]
        try:
            layer = read_chars(page)
            ocr = not text_layer_is_usable(layer)
            # Rendered once: at the OCR resolution when the page is OCR'd, else lower, for its codes alone, and
            # a text-layer page only when it draws something a code can be made of.
            dpi = options.ocr.dpi if ocr else CODE_DPI
            image = None
            try:
                if ocr or may_carry_code(page):
                    # The budget first: the bitmap's pixels and the page's images decoded, before anything is drawn.
                    width, height = page.get_size()
                    check_render(index + 1, width, height, dpi, options.budget)
                    check_pdf_page_images(page, index + 1, options.budget)
                    # Copy out of PDFium's buffer before the lock is released.
                    image = page.render(scale=dpi / 72, grayscale=True).to_pil().copy()
            except UnreadableDocument:
                if ocr:
                    raise
                # A page over the budget whose text layer reads is still read, without its codes.
        finally:
            page.close()
    codes = decode_codes(image) if image is not None else []
    if ocr and image is not None:
        read = ocr_page(image, index + 1, source_dpi=options.ocr.dpi, options=options.ocr)
    elif needs_layout_parser(layer):
        read = layout_page(index)
    else:
        read = read_text_layer(layer, index + 1)
    return read.model_copy(update={"codes": codes})


def _open_pdfium(path: Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(str(path))
    except pypdfium2.PdfiumError as err:
        if "password" in str(err).lower():
            raise UnreadableDocument("the PDF is encrypted and needs a password") from err
        raise UnreadableDocument(f"the PDF is damaged and cannot be parsed ({err})") from err


@contextmanager
def _closing_pdfium(pdf: pypdfium2.PdfDocument) -> Iterator[None]:
    try:
        yield
    finally:
        with PDFIUM_LOCK:
            pdf.close()


@contextmanager
def _lazy_pdfplumber(path: Path) -> Iterator[Callable[[int], Page]]:
    """Pages read by pdfplumber, which opens the file only if some page needs its layout parsing."""
    state: dict[str, pdfplumber.PDF] = {}

    def layout_page(index: int) -> Page:
        if "pdf" not in state:
            try:
                state["pdf"] = pdfplumber.open(path)
            except Exception as err:  # pdfminer raises many types for broken files
                if _needs_password(err):
                    raise UnreadableDocument("the PDF is encrypted and needs a password") from err
                raise UnreadableDocument(f"the PDF is damaged and cannot be parsed ({_root_cause(err)})") from err
        page = state["pdf"].pages[index]
        try:
            return read_text_layer_with_layout_parser(page, index + 1)
        finally:
            page.close()  # pdfplumber caches layout per page; long PDFs would grow without it

    try:
        yield layout_page
    finally:
        if "pdf" in state:
            state["pdf"].close()


def _causes(err: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = err
    while seen is not None:
        yield seen
        yield from (a for a in seen.args if isinstance(a, BaseException))
        seen = seen.__cause__ or seen.__context__


def _needs_password(err: BaseException) -> bool:
    return any(isinstance(e, PDFPasswordIncorrect) or "password" in str(e).lower() for e in _causes(err))


def _root_cause(err: BaseException) -> str:
    *_, last = _causes(err)
    return f"{type(last).__name__}: {last}" if str(last) else type(last).__name__


def _read_image(path: Path, options: ReadOptions) -> Iterator[Page]:
    budget = options.budget
    try:
        with pixel_limit(budget.max_pixels):
            image = Image.open(path)
            image.size  # noqa: B018 - forces the header to be parsed inside the guard
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise UnreadableDocument(
            f"the image is too large to process safely (over {budget.max_pixels:,} pixels)"
        ) from err
    except (UnidentifiedImageError, OSError) as err:
        raise UnreadableDocument(f"the image cannot be decoded ({err})") from err
    with image:
        frames = getattr(image, "n_frames", 1)
        if frames > options.max_pages:
            raise UnreadableDocument(f"the image has {frames} pages; the limit is {options.max_pages}")
        for index, frame in enumerate(ImageSequence.Iterator(image)):
            # From the frame's header, before its pixels are decoded: as it is, and resampled for OCR.
            check_image(frame, index + 1, budget)
            dpi = _image_dpi(frame)
            if (
                dpi is not None
                and round(dpi) in SOFTWARE_DEFAULT_DPI
                and not fits_resampled(frame.width, frame.height, dpi, options.ocr.dpi, budget)
            ):
                dpi = None  # a default no scanner wrote: read as it is, then at the size its lettering shows
            check_resample(index + 1, frame.width, frame.height, dpi, options.ocr.dpi, budget)
            try:
                frame.load()
            except OSError as err:
                raise UnreadableDocument(f"the image is truncated or damaged ({err})") from err
            read = ocr_page(frame, index + 1, source_dpi=dpi, options=options.ocr)
            yield read.model_copy(update={"codes": decode_codes(frame)})


def _image_dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        value = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        return None
    return value if 50 <= value <= 1200 else None
