"""Words from a PDF page's text layer, and the test of whether that layer is usable.

PDFium (pypdfium2) gives each character with its box in a few milliseconds a page; grouping characters into
words follows pdfplumber's `extract_words` (lines by top within a tolerance, words split on whitespace, on a
horizontal gap wider than `X_TOLERANCE` and on a step back), so pages read the same whichever library reads
them. pdfplumber's layout parsing costs ~170 ms a page: it is kept only for pages with text that is not
upright on the displayed page (sideways or slanted), which it groups into words along their own direction.

Every function here calls PDFium: callers hold the PDFium lock.
"""

from __future__ import annotations

import ctypes
import dataclasses
import math
from dataclasses import dataclass
from typing import NamedTuple

import pdfplumber.page
import pypdfium2
import pypdfium2.raw as pdfium_c

from oretrace.core.models import BBox, Page, TextSource
from oretrace.extractors.layout import RawWord, order_words
from oretrace.extractors.rules import MIN_RULE_POINTS, normalised, path_rules

MIN_CHARS = 20  # fewer characters than this is a stamp, a page number or an empty layer
MAX_BAD_CHAR_SHARE = 0.1
MAX_IMAGE_AREA_SHARE = 0.5  # a page mostly covered by an image with little text is a scan with a header
FEW_CHARS = 200  # below this many characters, an image-covered page is treated as a scan
X_TOLERANCE = 1.5  # points between characters of one word
Y_TOLERANCE = 3.0  # points between the tops of characters of one line
MAX_SLANT = 0.01  # baseline rise per unit of run still counted as horizontal

# Ligatures a font may draw as one glyph, spelt out as pdfplumber's extract_words does by default.
LIGATURES = {"ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬁ": "fi", "ﬂ": "fl", "ﬆ": "st", "ﬅ": "st"}


class Char(NamedTuple):
    """One character drawn on the page, in points from the displayed page's top-left corner."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class TextLayer:
    """What PDFium finds on one page: its displayed size, upright characters, and what speaks against them."""

    width: float
    height: float
    chars: list[Char]
    unmapped: int  # characters whose font has no Unicode mapping for them
    not_upright: int  # characters drawn sideways, upside down or slanted on the displayed page
    image_area: float  # area covered by images, in square points
    rules: list[BBox] = dataclasses.field(default_factory=list)  # ruled lines, 0-1 (see extractors.rules)

    @property
    def char_count(self) -> int:
        return len(self.chars) + self.not_upright


def read_chars(page: pypdfium2.PdfPage) -> TextLayer:
    """Every character PDFium finds on the page (its own generated spaces and line breaks left out)."""
    left, bottom, right, top = page.get_cropbox()
    rotation = page.get_rotation()
    # Page space (y up) to the displayed page (y down, after the clockwise /Rotate), as x' = ax+by+c, y' = dx+ey+f.
    ax, bx, cx, dy, ey, fy = {
        0: (1, 0, -left, 0, -1, top),
        90: (0, 1, -bottom, 1, 0, -left),
        180: (-1, 0, right, 0, 1, -bottom),
        270: (0, -1, top, -1, 0, right),
    }[rotation]
    width, height = (right - left, top - bottom) if rotation in (0, 180) else (top - bottom, right - left)
    chars: list[Char] = []
    unmapped = not_upright = 0
    surrogates = False
    # Bound once: this loop runs for every character of every page, and each name lookup costs.
    get_unicode, is_generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
    has_map_error, get_matrix = pdfium_c.FPDFText_HasUnicodeMapError, pdfium_c.FPDFText_GetMatrix
    get_box, get_font_size = pdfium_c.FPDFText_GetLooseCharBox, pdfium_c.FPDFText_GetFontSize
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        box = pdfium_c.FS_RECTF()
        matrix = pdfium_c.FS_MATRIX()
        count = pdfium_c.FPDFText_CountChars(handle)
        page_text = _page_text(handle, count)
        for index in range(count):
            code = ord(page_text[index]) if page_text is not None else get_unicode(handle, index)
            glyph = chr(code)
            # PDFium generates spaces and line breaks of its own between text runs; only whitespace can be one.
            if glyph.isspace():
                if is_generated(handle, index):
                    continue
            elif code in (0, 0xFFFD) or has_map_error(handle, index):
                unmapped += 1
            get_matrix(handle, index, matrix)
            a, b = matrix.a, matrix.b
            # Direction of the baseline on the displayed page: upright text runs along +x.
            run_x = ax * a + bx * b
            if run_x <= 0 or abs(dy * a + ey * b) > MAX_SLANT * run_x:
                not_upright += 1
                continue
            get_box(handle, index, box)
            b_left, b_bottom, b_right, b_top = box.left, box.bottom, box.right, box.top
            x_0, x_1 = ax * b_left + bx * b_bottom + cx, ax * b_right + bx * b_top + cx
            y_0, y_1 = dy * b_left + ey * b_bottom + fy, dy * b_right + ey * b_top + fy
            # PDFium's loose box spans the font's ascent to descent; pdfplumber's (pdfminer's) is one
            # font size tall from the descent: keep the baseline side and take the size as the height.
            size = get_font_size(handle, index) * math.hypot(matrix.c, matrix.d)
            lower = y_0 if y_0 > y_1 else y_1
            if code in (2, 0xFFFE):  # PDFium's marks for a hyphen that ends a line (per character, in a text run)
                glyph = "-"
            elif code == 0:
                glyph = "\ufffd"
            elif 0xD800 <= code <= 0xDFFF:
                surrogates = True
            chars.append(
                Char(
                    LIGATURES.get(glyph, glyph),
                    x_0 if x_0 < x_1 else x_1,
                    lower - size,
                    x_1 if x_1 > x_0 else x_0,
                    lower,
                )
            )
    finally:
        textpage.close()
    segments = path_rules(page, lambda x, y: (ax * x + bx * y + cx, dy * x + ey * y + fy))
    return TextLayer(
        width=width,
        height=height,
        chars=_join_surrogates(chars) if surrogates else chars,
        unmapped=unmapped,
        not_upright=not_upright,
        image_area=_image_area(page),
        rules=normalised(segments, width, height),
    )


def _page_text(handle: pdfium_c.FPDF_TEXTPAGE, count: int) -> str | None:
    """All characters' text in one call, one UTF-16 unit per character; None when the units and characters
    do not line up one to one (a character beyond the Basic Multilingual Plane takes two units)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    units = pdfium_c.FPDFText_GetText(handle, 0, count, buffer) - 1  # without the terminating zero
    if units != count:
        return None
    return bytes(buffer)[: 2 * count].decode("utf-16-le", "surrogatepass")


def _join_surrogates(chars: list[Char]) -> list[Char]:
    """PDFium gives a character beyond the Basic Multilingual Plane (an emoji) as two UTF-16 halves."""
    joined: list[Char] = []
    for char in chars:
        if _is_low_surrogate(char.text) and joined and _is_high_surrogate(joined[-1].text):
            high = joined.pop()
            text = (high.text + char.text).encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            joined.append(Char(text, high.x0, high.top, max(high.x1, char.x1), high.bottom))
        else:
            joined.append(char)
    # A half without its partner (a font mapping a symbol to half a pair) is no text: left out.
    return [c for c in joined if not (_is_high_surrogate(c.text) or _is_low_surrogate(c.text))]


def _is_high_surrogate(text: str) -> bool:
    return len(text) == 1 and "\ud800" <= text <= "\udbff"


def _is_low_surrogate(text: str) -> bool:
    return len(text) == 1 and "\udc00" <= text <= "\udfff"


def _image_area(page: pypdfium2.PdfPage) -> float:
    area = 0.0
    for image in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        left, bottom, right, top = image.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    return area


def text_layer_is_usable(layer: TextLayer) -> bool:
    count = layer.char_count
    if count < MIN_CHARS:
        return False
    # Fonts without a Unicode map give characters with no text, or the replacement character.
    if layer.unmapped / count > MAX_BAD_CHAR_SHARE:
        return False
    page_area = layer.width * layer.height
    return not (layer.image_area / page_area > MAX_IMAGE_AREA_SHARE and count < FEW_CHARS)


def needs_layout_parser(layer: TextLayer) -> bool:
    """Text that is not upright on the displayed page: pdfplumber groups it into words along its direction."""
    return layer.not_upright > 0


def group_words(chars: list[Char]) -> list[Char]:
    """Characters to words as pdfplumber's extract_words does with use_text_flow=False."""
    words: list[Char] = []
    for line in _lines(chars):
        current: list[Char] = []
        for char in sorted(line, key=lambda c: c.x0):
            if char.text.isspace():
                _close(current, words)
                current = []
                continue
            if current:
                prev = current[-1]
                if char.x0 < prev.x0 or char.x0 > prev.x1 + X_TOLERANCE or abs(char.top - prev.top) > Y_TOLERANCE:
                    _close(current, words)
                    current = []
            current.append(char)
        _close(current, words)
    return words


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters clustered by their top: a new line wherever sorted tops step by more than the tolerance."""
    tops = sorted({c.top for c in chars})
    cluster_of: dict[float, int] = {}
    cluster = 0
    for index, value in enumerate(tops):
        if index and value > tops[index - 1] + Y_TOLERANCE:
            cluster += 1
        cluster_of[value] = cluster
    lines: list[list[Char]] = [[] for _ in range(cluster + 1)] if tops else []
    for char in chars:
        lines[cluster_of[char.top]].append(char)
    return lines


def _close(current: list[Char], words: list[Char]) -> None:
    if current:
        words.append(
            Char(
                text="".join(c.text for c in current),
                x0=min(c.x0 for c in current),
                top=min(c.top for c in current),
                x1=max(c.x1 for c in current),
                bottom=max(c.bottom for c in current),
            )
        )


def read_text_layer(layer: TextLayer, number: int) -> Page:
    words = group_words(layer.chars)
    return _page(words, layer.width, layer.height, number, layer.rules)


def read_text_layer_with_layout_parser(page: pdfplumber.page.Page, number: int) -> Page:
    """The page read by pdfplumber: its words in the page's displayed coordinates, whatever their direction."""
    width, height = float(page.width), float(page.height)  # already turned by /Rotate
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=X_TOLERANCE)
    chars = [Char(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"])) for w in words]
    segments = [
        (float(e["x0"]), float(e["top"]), float(e["x1"]), float(e["bottom"]))
        for e in page.edges
        if max(float(e["x1"]) - float(e["x0"]), float(e["bottom"]) - float(e["top"])) >= MIN_RULE_POINTS
    ]
    return _page(chars, width, height, number, normalised(segments, width, height))


def _page(words: list[Char], width: float, height: float, number: int, rules: list[BBox]) -> Page:
    raw = [
        RawWord(text=w.text, x0=w.x0 / width, y0=w.top / height, x1=w.x1 / width, y1=w.bottom / height) for w in words
    ]
    return Page(
        number=number,
        width=width,
        height=height,
        source=TextSource.TEXT_LAYER,
        language="",
        words=order_words(raw),
        rules=rules,
    )
