"""Marks OCR lost inside a number, put back from the page's pixels (extractors.separators).

The numbers are drawn in a real font at scan size; each word is given as Tesseract reads it when it drops
the mark ('175' for '17,5'), and the ink under it decides.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from oretrace.extractors.layout import RawWord
from oretrace.extractors.separators import restore_lost_marks

FONT_SIZE = 40  # about 30 pixels of digit height: 10 pt print at 300 dpi


def _page(printed: str) -> tuple[np.ndarray, RawWord]:
    """The ink of a page with `printed` on it, and the word OCR read there with its marks left out."""
    image = Image.new("L", (600, 120), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=FONT_SIZE)
    draw.text((40, 30), printed, font=font, fill=0)
    x0, y0, x1, y1 = draw.textbbox((40, 30), printed, font=font)
    digits = "".join(ch for ch in printed if ch.isdigit())
    word = RawWord(digits, x0 / image.width, y0 / image.height, x1 / image.width, y1 / image.height, 0.9)
    return np.asarray(image) < 128, word


# Other numbers on the page, as OCR read them whole: they show which mark is the decimal one.
DECIMAL_COMMA = [RawWord("0,0080", 0, 0, 0.1, 0.1), RawWord("99,95", 0, 0, 0.1, 0.1)]
DECIMAL_POINT = [RawWord("1,022.0", 0, 0, 0.1, 0.1), RawWord("0.0125", 0, 0, 0.1, 0.1)]


@pytest.mark.parametrize(
    ("printed", "page", "restored"),
    [
        ("17,5", DECIMAL_COMMA, "17,5"),
        ("7,8", DECIMAL_COMMA, "7,8"),
        ("99.71", DECIMAL_POINT, "99.71"),
        ("1,000.0", DECIMAL_POINT, "1,000.0"),
        ("12.500,75", DECIMAL_COMMA, "12.500,75"),
    ],
)
def test_a_mark_on_the_baseline_between_two_digits_is_put_back(
    printed: str, page: list[RawWord], restored: str
) -> None:
    ink, word = _page(printed)
    assert restore_lost_marks(ink, [*page, word])[-1].text == restored


@pytest.mark.parametrize(
    ("printed", "why"),
    [
        ("175", "no mark on the page"),
        ("2025", "no mark on the page"),
        ("1,000", "one mark before three digits: a thousand or one, the page cannot tell"),
        ("12-41", "a hyphen stands at mid-height, not on the baseline"),
    ],
)
def test_a_number_without_a_sure_mark_stays_as_read(printed: str, why: str) -> None:
    ink, word = _page(printed)
    assert restore_lost_marks(ink, [*DECIMAL_COMMA, word])[-1].text == word.text, why


def test_a_speck_below_the_line_is_no_mark() -> None:
    ink, word = _page("175")
    height, width = ink.shape
    # A blot in the gap between '7' and '5', well below the baseline.
    x = int((word.x0 + (word.x1 - word.x0) * 0.62) * width)
    ink[int(word.y1 * height) + 4 : int(word.y1 * height) + 8, x : x + 4] = True
    assert restore_lost_marks(ink, [*DECIMAL_COMMA, word])[-1].text == "175"


def test_a_page_that_never_shows_its_decimal_mark_keeps_its_numbers() -> None:
    ink, word = _page("17,5")
    assert restore_lost_marks(ink, [word])[-1].text == "175"
