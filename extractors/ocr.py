"""OCR of one page image with Tesseract: deskew, orientation when needed, words with boxes and confidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np
import pytesseract
from PIL import Image, ImageOps

from oretrace.core.models import Page, TextSource
from oretrace.extractors.budget import Budget, resample_scale
from oretrace.extractors.layout import RawWord, order_words, union_bbox
from oretrace.extractors.rules import scan_rules, turned
from oretrace.extractors.scan_cleaning import (
    despeckle,
    estimate_skew,
    invert_dark_bands,
    remove_leaders,
    remove_rules,
    rule_masks,
    true_runs,
)
from oretrace.extractors.separators import restore_lost_marks
from oretrace.extractors.tesseract_engine import recognize

LOW_CONFIDENCE = 0.55  # mean word confidence below which the page may be turned: ask OSD
# Text recovered by the second pass is kept only when Tesseract is this sure of its line: the ink the first
# pass skipped is mostly missed table cells, but also stamps and signatures, which read as low-confidence noise.
RECOVERED_LINE_CONFIDENCE = 0.75
RECOVERED_WORD_CONFIDENCE = 0.6
# Tesseract reads words 20 to 40 pixels tall best and garbles far larger or smaller ones. An image whose
# stated resolution is wrong (72 or 96 dpi written by software that never knew the scan's) is enlarged to
# lettering 60 pixels tall and more, and a photo of a till receipt has lettering barely 10 pixels tall:
# such a page is read again at the resolution its lettering shows.
MIN_WORD_HEIGHT = 15
MAX_WORD_HEIGHT = 60
TARGET_WORD_HEIGHT = 30
MIN_WORDS_TO_MEASURE = 10  # fewer words say little about the size of the lettering

Box = tuple[int, int, int, int]  # x0, y0, x1, y1 in pixels


@dataclass(frozen=True)
class OcrOptions:
    languages: str = "eng+spa"
    dpi: int = 300
    timeout_seconds: int = 120
    # Pixels of the page image OCR works on (the resource budget, extractors.budget).
    max_pixels: int = Budget.max_pixels


def prepare_image(
    image: Image.Image, source_dpi: float | None, target_dpi: int, max_pixels: int = Budget.max_pixels
) -> Image.Image:
    """Grayscale at the target resolution; Tesseract reads small print poorly below ~200 dpi. An image whose
    stated resolution would make it larger than max_pixels at the target is enlarged only as far as that."""
    gray = ImageOps.exif_transpose(image).convert("L")
    if source_dpi and abs(source_dpi - target_dpi) > 20:
        scale = resample_scale(gray.width, gray.height, target_dpi / source_dpi, max_pixels)
        if abs(scale - 1) > 0.05:
            gray = gray.resize((round(gray.width * scale), round(gray.height * scale)), Image.Resampling.LANCZOS)
    return gray


def _tesseract_words(image: Image.Image, options: OcrOptions) -> list[RawWord]:
    return [
        RawWord(
            text=word.text,
            x0=word.left / image.width,
            y0=word.top / image.height,
            x1=(word.left + word.width) / image.width,
            y1=(word.top + word.height) / image.height,
            confidence=word.confidence,
        )
        for word in recognize(image, options.languages, psm=3, timeout_seconds=options.timeout_seconds)
    ]


def missed_text_regions(gray: Image.Image, words: list[RawWord], margin: int = 4) -> list[Box]:
    """Line-shaped stretches of ink that no word read covers.

    Tesseract's page segmentation sometimes drops a whole line, typically the second or third line of a
    ruled table cell. Ink left over once every word's box is masked out, grouped into bands of text height
    and split at column-sized gaps, finds those lines again.
    """
    ink = np.asarray(gray) < 128
    height, width = ink.shape
    for word in words:
        x0, y0 = max(int(word.x0 * width) - margin, 0), max(int(word.y0 * height) - margin, 0)
        ink[y0 : int(word.y1 * height) + margin, x0 : int(word.x1 * width) + margin] = False
    regions: list[Box] = []
    # A line of 6 to 30 pt print at 300 dpi is 12 to 90 pixels tall; anything else is a speck or a picture.
    for y0, y1 in true_runs(ink.sum(axis=1) >= 2, max_gap=3):
        if not 12 <= y1 - y0 <= 90:
            continue
        band = ink[y0:y1]
        # Gaps wider than 40 pixels (about 3.5 mm) separate columns rather than words.
        for x0, x1 in true_runs(band.any(axis=0), max_gap=40):
            if x1 - x0 >= 20 and band[:, x0:x1].sum() >= 40:
                regions.append((x0, y0, x1, y1))
    return regions


def recover_missed_words(gray: Image.Image, words: list[RawWord], options: OcrOptions) -> list[RawWord]:
    """Read the lines the first pass missed, in one more Tesseract call on the regions stacked together."""
    regions = missed_text_regions(gray, words)
    if not regions:
        return []
    return [
        word
        for line in _read_regions(gray, regions, options).values()
        if _mean_confidence(line) >= RECOVERED_LINE_CONFIDENCE
        for word in line
        if word.confidence >= RECOVERED_WORD_CONFIDENCE
    ]


# A line read with less confidence than this may be print under a stamp: read again with the stamp's lighter
# ink left out, and the new reading kept when it reads more characters in words Tesseract is sure of, and is
# no less sure on the whole.
STAMPED_LINE_CONFIDENCE = 0.7
SURE_WORD_CONFIDENCE = 0.8
# A stamp in coloured or grey ink is lighter than black print: within a line's box, the ink splits into the
# print's and the stamp's at the threshold Otsu finds between them, when they differ by this much.
MIN_INK_CONTRAST = 40
STAMP_INK_SHARE = 0.3  # of a line's ink, away from the print's strokes
PRINT_EDGE = 2  # pixels at 300 dpi: the grey edge of a stroke around its dark core


def reread_stamped_lines(gray: Image.Image, words: list[RawWord], options: OcrOptions) -> list[RawWord]:
    """The words, with the lines Tesseract read poorly read again in the print's ink alone.

    A rubber stamp pressed over a table ('VERIFIED', 'ORIGINAL') garbles the print beneath it and is read as
    letters of its own; its ink is lighter than the print. Each poorly read line is cut out, its lighter ink
    whitened, and all are read in one more Tesseract call; a line is replaced where the new reading is surer."""
    poor = [line for line in _lines(words) if _mean_confidence(line) < STAMPED_LINE_CONFIDENCE and _has_text(line)]
    if not poor:
        return words
    pixels = np.asarray(gray)
    regions: list[tuple[Box, int, list[RawWord]]] = []  # the box, the print's grey level, the words read there
    for box, read in _merged([(_line_box(line, gray.width, gray.height), line) for line in poor]):
        level = _print_level(pixels[box[1] : box[3], box[0] : box[2]])
        if level is not None:
            regions.append((box, level, read))
    if not regions:
        return words
    levels = {box: level for box, level, _ in regions}
    reread = _read_regions(gray, list(levels), options, prepare=lambda box, crop: _print_only(crop, levels[box]))
    in_poor_lines = {id(w) for line in poor for w in line}
    others = [w for w in words if id(w) not in in_poor_lines]
    replaced: set[int] = set()
    added: list[RawWord] = []
    for index, new in reread.items():
        _, _, read = regions[index]
        # What the region's padding took in of the lines around stays as the first pass read it.
        top, bottom = min(w.y0 for w in read), max(w.y1 for w in read)
        new = [w for w in new if top <= w.y_center <= bottom and not any(_centre_inside(w, o) for o in others)]
        if _sure_characters(new) > _sure_characters(read) and _mean_confidence(new) >= _mean_confidence(read):
            replaced.update(id(w) for w in read)
            added += new
    return [w for w in words if id(w) not in replaced] + added


def _print_level(crop: np.ndarray) -> int | None:
    """The grey level that parts the print's ink from a lighter stamp's in a crop, or None when no stamp covers
    it. The ink is split in three by Otsu's criterion (the print, the stamp, and the grey edges of both against
    the paper); the print is the darkest class. A stamp is told by its ink away from the print's strokes: a
    line of print alone has its lighter ink only at the edges of its strokes."""
    ink = crop < 200
    if ink.sum() < 50:
        return None
    level, _ = _three_class_otsu(crop[ink])
    dark, light = crop[ink & (crop < level)], crop[ink & (crop >= level)]
    if dark.size == 0 or light.size == 0 or float(np.median(light)) - float(np.median(dark)) < MIN_INK_CONTRAST:
        return None
    stray = ink & ~_near_print(crop, level)
    return level if stray.sum() >= STAMP_INK_SHARE * ink.sum() else None


def _near_print(pixels: np.ndarray, level: int) -> np.ndarray:
    """The print's pixels (darker than `level`) and the grey edges of its strokes."""
    kernel = np.ones((2 * PRINT_EDGE + 1,) * 2, np.uint8)
    return cv2.dilate((pixels < level).view(np.uint8), kernel).view(bool)


def _three_class_otsu(values: np.ndarray) -> tuple[int, int]:
    """The two grey levels that split `values` into three classes with the largest variance between them."""
    share = np.bincount(values.ravel(), minlength=256).astype(np.float64)
    share /= share.sum()
    weight, moment = np.cumsum(share), np.cumsum(share * np.arange(256))
    low, high = np.meshgrid(np.arange(256), np.arange(256), indexing="ij")  # classes [0, low), [low, high), rest
    w0 = weight[low - 1] * (low > 0)
    m0 = moment[low - 1] * (low > 0)
    w1, m1 = weight[high - 1] - w0, moment[high - 1] - m0
    w2, m2 = 1.0 - w0 - w1, moment[-1] - m0 - m1
    with np.errstate(divide="ignore", invalid="ignore"):
        between = m0**2 / w0 + m1**2 / w1 + m2**2 / w2
    between[~((low < high) & (w0 > 0) & (w1 > 0) & (w2 > 0))] = -1.0
    best = int(np.argmax(between))
    return best // 256, best % 256


def _print_only(crop: Image.Image, level: int) -> Image.Image:
    """The crop with all ink but the print's whitened."""
    pixels = np.asarray(crop)
    return Image.fromarray(np.where(_near_print(pixels, level), pixels, 255).astype(np.uint8))


def _sure_characters(words: list[RawWord]) -> int:
    return sum(len(w.text) for w in words if w.confidence >= SURE_WORD_CONFIDENCE)


def _has_text(line: list[RawWord]) -> bool:
    return any(sum(c.isalnum() for c in w.text) >= 2 for w in line)


def _lines(words: list[RawWord]) -> list[list[RawWord]]:
    """Words grouped into lines: a word joins a line when each of it and the line's last word spans the other's
    middle height (a stamp's tall letters, across two lines of print, join neither)."""
    lines: list[list[RawWord]] = []
    for word in sorted(words, key=lambda w: (w.y_center, w.x0)):
        line = next((ln for ln in lines if _share_a_line(ln[-1], word)), None)
        if line is None:
            lines.append([word])
        else:
            line.append(word)
    return lines


def _share_a_line(one: RawWord, other: RawWord) -> bool:
    return one.y0 <= other.y_center <= one.y1 and other.y0 <= one.y_center <= other.y1


def _line_box(line: list[RawWord], width: int, height: int) -> Box:
    pad = round(max(w.y1 - w.y0 for w in line) * height * 0.3)
    x0, y0, x1, y1 = union_bbox([(w.x0, w.y0, w.x1, w.y1) for w in line])
    return (
        max(round(x0 * width) - pad, 0),
        max(round(y0 * height) - pad, 0),
        min(round(x1 * width) + pad, width),
        min(round(y1 * height) + pad, height),
    )


def _merged(boxes: list[tuple[Box, list[RawWord]]]) -> list[tuple[Box, list[RawWord]]]:
    """Boxes that overlap merged into one, with the words of each."""
    out: list[tuple[Box, list[RawWord]]] = []
    for box, read in sorted(boxes, key=lambda b: b[0][1]):
        for i, (other, other_read) in enumerate(out):
            if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] and other[1] < box[3]:
                joined = (min(box[0], other[0]), min(box[1], other[1]), max(box[2], other[2]), max(box[3], other[3]))
                out[i] = (joined, other_read + read)
                break
        else:
            out.append((box, list(read)))
    return out


def _centre_inside(word: RawWord, other: RawWord) -> bool:
    return other.x0 <= (word.x0 + word.x1) / 2 <= other.x1 and other.y0 <= word.y_center <= other.y1


def _read_regions(
    gray: Image.Image,
    regions: list[Box],
    options: OcrOptions,
    padding: int = 12,
    prepare: Callable[[Box, Image.Image], Image.Image] | None = None,
) -> dict[int, list[RawWord]]:
    """The words of each region (by its index), read in one Tesseract call on the regions stacked together, in
    the page's coordinates. `prepare` changes a region's crop before it is read."""
    heights = [y1 - y0 + 2 * padding for _, y0, _, y1 in regions]
    stack = Image.new("L", (max(x1 - x0 for x0, _, x1, _ in regions) + 2 * padding, sum(heights)), 255)
    offsets = np.cumsum([0, *heights[:-1]])
    for box, offset in zip(regions, offsets, strict=True):
        x0, y0, x1, y1 = box
        # Clamped to the page: PIL fills a crop beyond the edge with black, which would read as ink.
        left, top = max(x0 - padding, 0), max(y0 - padding, 0)
        crop = gray.crop((left, top, min(x1 + padding, gray.width), min(y1 + padding, gray.height)))
        if prepare is not None:
            crop = prepare(box, crop)
        stack.paste(crop, (left - (x0 - padding), int(offset) + top - (y0 - padding)))
    by_region: dict[int, list[RawWord]] = {}
    for word in recognize(stack, options.languages, psm=6, timeout_seconds=options.timeout_seconds):
        text, conf, left, top, w, h = word.text, word.confidence, word.left, word.top, word.width, word.height
        index = int(np.searchsorted(offsets, top + h / 2, side="right")) - 1
        x0, y0, _, _ = regions[index]
        dx, dy = x0 - padding, y0 - padding - int(offsets[index])
        by_region.setdefault(index, []).append(
            RawWord(
                text=text,
                x0=(left + dx) / gray.width,
                y0=(top + dy) / gray.height,
                x1=(left + w + dx) / gray.width,
                y1=(top + h + dy) / gray.height,
                confidence=conf,
            )
        )
    return by_region


# A speck of dirt or what is left where two rules crossed, read as a letter ('5', 'a', ':'), is a few pixels
# across; the smallest word printed, a full stop on its own, is a third of the print's height and more.
SPECK_SHARE = 0.3


def without_specks(words: list[RawWord], word_height: float, size: tuple[int, int]) -> list[RawWord]:
    """The words less those far smaller than the print (`word_height`, in pixels) both ways."""
    small = SPECK_SHARE * word_height
    width, height = size
    return [w for w in words if (w.y1 - w.y0) * height >= small or (w.x1 - w.x0) * width >= small]


def _osd_rotation(image: Image.Image) -> int:
    # The pixels alone, as the page is read: the resolution its scan's file states is not the page's now.
    plain = Image.frombytes(image.mode, image.size, image.tobytes())
    try:
        osd = pytesseract.image_to_osd(plain, config="--psm 0", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:
        return 0  # too little text to tell: keep the page as it is
    return int(osd.get("rotate", 0)) % 360


def _median_word_height(words: list[RawWord], height: int) -> float:
    """Median height in pixels of the words of two characters or more (marks and specks left out)."""
    heights = sorted((w.y1 - w.y0) * height for w in words if len(w.text.strip()) >= 2)
    return heights[len(heights) // 2] if heights else 0.0


def _mean_confidence(words: list[RawWord]) -> float:
    return sum(w.confidence for w in words) / len(words) if words else 0.0


def ocr_page(
    image: Image.Image, number: int, source_dpi: float | None, options: OcrOptions, fit_text_size: bool = True
) -> Page:
    gray = prepare_image(image, source_dpi, options.dpi, options.max_pixels)
    skew = estimate_skew(gray)
    if skew:
        gray = gray.rotate(skew, resample=Image.Resampling.BILINEAR, expand=False, fillcolor=255)
    gray = invert_dark_bands(gray)
    # The rules tell the page's boxes apart (extractors.boxes), then are erased for Tesseract.
    masks = rule_masks(gray)
    rules = scan_rules(*masks)
    gray = despeckle(remove_leaders(remove_rules(gray, masks)))
    rotation = 0
    words = _tesseract_words(gray, options)
    if _mean_confidence(words) < LOW_CONFIDENCE or len(words) < 10:
        rotation = _osd_rotation(gray)
        if rotation:
            # OSD reports how far to turn the page clockwise; PIL rotates anticlockwise.
            gray = gray.rotate(-rotation, expand=True, fillcolor=255)
            words = _tesseract_words(gray, options)
    word_height = _median_word_height(words, gray.height)
    measured = len(words) >= MIN_WORDS_TO_MEASURE
    if fit_text_size and measured and not MIN_WORD_HEIGHT <= word_height <= MAX_WORD_HEIGHT:
        # Read the page again from the start at the resolution its lettering shows it has (at most 4x
        # off the stated one).
        ratio = min(max(word_height / TARGET_WORD_HEIGHT, 0.25), 4.0)
        return ocr_page(image, number, (source_dpi or options.dpi) * ratio, options, fit_text_size=False)
    words = reread_stamped_lines(gray, words, options)
    words += recover_missed_words(gray, words, options)
    words = restore_lost_marks(np.asarray(gray) < 128, without_specks(words, word_height, gray.size))
    return Page(
        number=number,
        width=float(gray.width),
        height=float(gray.height),
        source=TextSource.OCR,
        language=options.languages,
        rotation=rotation,
        skew=round(skew, 2),
        words=order_words(words),
        rules=turned(rules, rotation),
    )
