"""Decimal and thousands marks OCR lost inside a number ('78' for '7,8', '10000' for '1,000.0').

Tesseract drops a comma or point whose few pixels sit close under the digits. The mark is still on the page:
a small blot on the line's baseline, in a gap between two digits that is wider than digits of one font leave
between them. Such a blot in such a gap puts the mark back; anything less certain leaves the word as read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

import cv2
import numpy as np

from oretrace.extractors.layout import RawWord

_DIGITS = re.compile(r"^\d{2,}$")
# The marks a page writes its numbers with: a mark followed by other than three digits ends a number, so it is
# the decimal mark ('0,0080', '1,022.0'); the other one groups thousands.
_DECIMAL_ENDING = re.compile(r"\d([.,])(?:\d{1,2}|\d{4,})$")
THOUSANDS_GROUP = 3

# In heights of the word's digits (from the top of the digits to their baseline).
WHOLE_GLYPH = 0.6  # a component this tall, of the tallest, is a digit; shorter ones are marks or specks
MARK_MIN, MARK_MAX_WIDTH, MARK_MAX_HEIGHT = 0.08, 0.4, 0.45
MARK_LOW = 0.55  # the mark's top lies in the lower part of the line
# A comma reaches below the baseline, a point sits on it; a mark higher up is a hyphen, one far lower a speck.
MARK_ABOVE_BASELINE, MARK_BELOW_BASELINE = 0.15, 0.35
# Digits leave a narrow gap between them; a mark widens it by its own advance: about half a digit height.
GAP_MIN, GAP_MAX = 0.35, 0.8
PAD, PAD_BELOW = 2, 6  # pixels around the word's box: the box Tesseract gives may cut off a comma's tail


def restore_lost_marks(ink: np.ndarray, words: list[RawWord]) -> list[RawWord]:
    """`words` with the marks put back into all-digit words read off `ink` (True where the page is inked)."""
    decimal = _decimal_mark(words)
    if decimal is None:
        return words  # no number on the page shows which mark is which
    thousands = "," if decimal == "." else "."
    height, width = ink.shape
    restored = []
    for word in words:
        text = word.text.strip()
        if _DIGITS.match(text):
            crop = ink[
                max(int(word.y0 * height) - PAD, 0) : int(word.y1 * height) + PAD_BELOW,
                max(int(word.x0 * width) - PAD, 0) : int(word.x1 * width) + PAD,
            ]
            marked = _with_marks(text, mark_positions(crop, len(text)), decimal, thousands)
            if marked != text:
                word = replace(word, text=marked)
        restored.append(word)
    return restored


def _decimal_mark(words: list[RawWord]) -> str | None:
    counts = {".": 0, ",": 0}
    for word in words:
        if (match := _DECIMAL_ENDING.search(word.text.strip())) is not None:
            counts[match.group(1)] += 1
    if counts["."] == counts[","]:
        return None
    return max(counts, key=lambda mark: counts[mark])


def mark_positions(crop: np.ndarray, digits: int) -> list[int]:
    """How many digits stand before each mark in the word's crop, or [] when its glyphs are not clearly
    `digits` whole digits (a broken or merged glyph) or a blot is no sure mark."""
    _, _, stats, _ = cv2.connectedComponentsWithStats(crop.astype(np.uint8), connectivity=8)
    parts = [tuple(int(v) for v in row[:4]) for row in stats[1:]]
    if not parts:
        return []
    tallest = max(h for _, _, _, h in parts)
    glyphs = sorted((p for p in parts if p[3] >= WHOLE_GLYPH * tallest), key=lambda p: p[0])
    if len(glyphs) != digits:
        return []
    top = float(np.median([y for _, y, _, _ in glyphs]))
    baseline = float(np.median([y + h for _, y, _, h in glyphs]))
    size = baseline - top
    positions = []
    for index, (left, right) in enumerate(pairwise(glyphs), start=1):
        gap_start, gap_end = left[0] + left[2], right[0]
        gap = gap_end - gap_start
        marks = [
            (x, y, w, h)
            for x, y, w, h in parts
            if (x, y, w, h) not in glyphs
            and gap_start <= x and x + w <= gap_end
            and MARK_MIN * size <= w <= MARK_MAX_WIDTH * size and MARK_MIN * size <= h <= MARK_MAX_HEIGHT * size
            and y >= top + MARK_LOW * size
            and -MARK_ABOVE_BASELINE * size <= y + h - baseline <= MARK_BELOW_BASELINE * size
        ]  # fmt: skip
        if len(marks) == 1 and GAP_MIN * size <= gap <= GAP_MAX * size and gap >= marks[0][2] + 2:
            positions.append(index)
    return positions


def _with_marks(text: str, positions: list[int], decimal: str, thousands: str) -> str:
    """The digits with marks at `positions`: the last is the decimal mark unless three digits follow it, and a
    thousands mark has three digits after it, up to the next mark. One mark followed by three digits could be
    either ('1,000' is a thousand on one page and one on another), so that word is left as read."""
    if not positions:
        return text
    ends = [*positions[1:], len(text)]
    groups = [end - start for start, end in zip(positions, ends, strict=True)]
    if any(group != THOUSANDS_GROUP for group in groups[:-1]):
        return text
    if groups[-1] == THOUSANDS_GROUP and len(positions) == 1:
        return text
    marks = [thousands] * len(positions)
    if groups[-1] != THOUSANDS_GROUP:
        marks[-1] = decimal
    pieces = [text[start:end] for start, end in zip([0, *positions], [*positions, len(text)], strict=True)]
    return pieces[0] + "".join(mark + piece for mark, piece in zip(marks, pieces[1:], strict=True))
