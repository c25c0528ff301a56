"""Words from a PDF page's text layer (pdfplumber), and the test of whether that layer is usable."""

from __future__ import annotations

import pdfplumber.page

from extractors.layout import RawWord, order_words
from oretrace.models import Page, TextSource

MIN_CHARS = 20  # fewer characters than this is a stamp, a page number or an empty layer
MAX_BAD_CHAR_SHARE = 0.1
MAX_IMAGE_AREA_SHARE = 0.5  # a page mostly covered by an image with little text is a scan with a header


def text_layer_is_usable(page: pdfplumber.page.Page) -> bool:
    chars = page.chars
    if len(chars) < MIN_CHARS:
        return False
    # Fonts without a Unicode map come out as "(cid:NN)" or the replacement character.
    bad = sum(1 for c in chars if c["text"].startswith("(cid:") or c["text"] == "\ufffd")
    if bad / len(chars) > MAX_BAD_CHAR_SHARE:
        return False
    page_area = float(page.width * page.height)
    image_area = sum(float(img["width"] * img["height"]) for img in page.images)
    return not (image_area / page_area > MAX_IMAGE_AREA_SHARE and len(chars) < 200)


def read_text_layer(page: pdfplumber.page.Page, number: int) -> Page:
    width, height = float(page.width), float(page.height)
    words = page.extract_words(keep_blank_chars=False, use_text_flow=False, x_tolerance=1.5)
    raw = [
        RawWord(
            text=w["text"],
            x0=float(w["x0"]) / width,
            y0=float(w["top"]) / height,
            x1=float(w["x1"]) / width,
            y1=float(w["bottom"]) / height,
        )
        for w in words
    ]
    return Page(
        number=number,
        width=width,
        height=height,
        source=TextSource.TEXT_LAYER,
        language="",
        words=order_words(raw),
    )
