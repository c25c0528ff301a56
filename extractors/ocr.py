"""OCR of one page image with Tesseract: deskew, orientation when needed, words with boxes and confidence."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytesseract
from PIL import Image, ImageFilter, ImageOps

from extractors.errors import UnreadableDocument
from extractors.layout import RawWord, order_words
from oretrace.models import Page, TextSource

# Tesseract's OpenMP threads oversubscribe a small CPU: one thread per process is 2.4x faster here,
# and parallelism comes from running several pages at once instead.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

LOW_CONFIDENCE = 0.55  # mean word confidence below which the page may be turned: ask OSD
MAX_SKEW_DEGREES = 5.0


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "eng+spa"
    dpi: int = 300
    timeout_seconds: int = 120


def prepare_image(image: Image.Image, source_dpi: float | None, target_dpi: int) -> Image.Image:
    """Grayscale at the target resolution; Tesseract reads small print poorly below ~200 dpi."""
    gray = ImageOps.exif_transpose(image).convert("L")
    if source_dpi and abs(source_dpi - target_dpi) > 20:
        scale = target_dpi / source_dpi
        gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS)
    return gray


def estimate_skew(gray: Image.Image, max_degrees: float = MAX_SKEW_DEGREES, step: float = 0.25) -> float:
    """Angle (degrees) that makes text lines horizontal: the rotation whose row-ink profile is sharpest."""
    small = gray.copy()
    small.thumbnail((900, 900))
    ink = Image.fromarray((np.asarray(small) < 128).astype(np.uint8) * 255)
    best_angle, best_score = 0.0, -1.0
    for angle in np.arange(-max_degrees, max_degrees + step / 2, step):
        rotated = np.asarray(ink.rotate(float(angle), resample=Image.Resampling.NEAREST, fillcolor=0))
        profile = rotated.sum(axis=1, dtype=np.float64)
        score = float(np.square(np.diff(profile)).sum())
        if score > best_score:
            best_angle, best_score = float(angle), score
    return best_angle


def remove_rules(gray: Image.Image, min_length: int = 80, ink_below: int = 200) -> Image.Image:
    """Erase table rules and box borders: long straight runs of ink. Tesseract reads ruled tables
    poorly (cells merge or vanish, rules come back as '|'); text strokes are far shorter than a rule."""
    pixels = np.asarray(gray)
    ink = pixels < ink_below
    rules = _long_runs(ink, min_length) | _long_runs(ink.T, min_length).T
    if not rules.any():
        return gray
    cleaned = pixels.copy()
    cleaned[rules] = 255
    return Image.fromarray(cleaned)


def _long_runs(ink: np.ndarray, min_length: int) -> np.ndarray:
    """Mask of the horizontal runs of ink at least `min_length` long."""
    padded = np.zeros((ink.shape[0], ink.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = ink
    edges = np.diff(padded, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)  # row-major order pairs each run's start with its end
    long = (ends - starts) >= min_length
    mask = np.zeros(ink.shape, dtype=bool)
    for row, start, end in zip(rows[long], starts[long], ends[long], strict=True):
        mask[row, start:end] = True
    return mask


def _tesseract_words(path: Path, options: OcrOptions, width: int, height: int) -> list[RawWord]:
    try:
        data = pytesseract.image_to_data(
            str(path),
            lang=options.languages,
            config="--psm 3",
            output_type=pytesseract.Output.DICT,
            timeout=options.timeout_seconds,
        )
    except RuntimeError as err:  # pytesseract raises RuntimeError on timeout
        raise UnreadableDocument(f"OCR took longer than {options.timeout_seconds} s on one page") from err
    except pytesseract.TesseractError as err:
        raise UnreadableDocument(f"Tesseract could not read the page image: {err.message}") from err
    words: list[RawWord] = []
    for text, conf, left, top, w, h in zip(
        data["text"], data["conf"], data["left"], data["top"], data["width"], data["height"], strict=True
    ):
        if not text or not text.strip() or float(conf) < 0:
            continue
        words.append(
            RawWord(
                text=text,
                x0=left / width,
                y0=top / height,
                x1=(left + w) / width,
                y1=(top + h) / height,
                confidence=float(conf) / 100.0,
            )
        )
    return words


def _osd_rotation(path: Path) -> int:
    try:
        osd = pytesseract.image_to_osd(str(path), config="--psm 0", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return 0  # too little text to tell: keep the page as it is
    return int(osd.get("rotate", 0)) % 360


def _mean_confidence(words: list[RawWord]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def ocr_page(image: Image.Image, number: int, source_dpi: float | None, options: OcrOptions) -> Page:
    gray = prepare_image(image, source_dpi, options.dpi)
    skew = estimate_skew(gray)
    if skew:
        gray = gray.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    # Speckle from scanning breaks letters apart for Tesseract; a 3x3 median removes it and keeps strokes.
    gray = remove_rules(gray).filter(ImageFilter.MedianFilter(3))
    rotation = 0
    with tempfile.TemporaryDirectory(prefix="oretrace-ocr-") as scratch:
        # Tesseract reads a file path directly; an uncompressed PGM is the cheapest file to write.
        path = Path(scratch) / "page.pgm"
        gray.save(path)
        words = _tesseract_words(path, options, gray.width, gray.height)
        if _mean_confidence(words) < LOW_CONFIDENCE or len(words) < 10:
            rotation = _osd_rotation(path)
            if rotation:
                # OSD reports how far to turn the page clockwise; PIL rotates anticlockwise.
                gray = gray.rotate(-rotation, expand=True, fillcolor=255)
                gray.save(path)
                words = _tesseract_words(path, options, gray.width, gray.height)
    return Page(
        number=number,
        width=float(gray.width),
        height=float(gray.height),
        source=TextSource.OCR,
        language=options.languages,
        rotation=rotation,
        skew=round(skew, 2),
        words=order_words(words),
    )
