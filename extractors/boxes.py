"""The ruled boxes of a page and the words inside each, with the box's caption told apart from its content.

A word's box is bounded by the nearest rule above it, below it, left and right of it that spans the word
(`Page.rules`, from a PDF's paths or a scan's long ink runs). Words with the same four bounds share a box: a
form's numbered box ("10. Number and date of invoices" over "VNE/EXP/25/120" and "2025-10-01"), a table cell,
a header cell. The caption is the box's leading lines printed smaller than the rest (forms print their box
wording small and the entries large) or, where sizes do not differ, a first line that starts with a box
number. A label found in a caption has its value in the same box, and nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from statistics import median

import numpy as np

from oretrace.core.models import BBox, BoxOutline, Page, TextSource, Word
from oretrace.extractors.layout import is_rule_word

SPAN_TOLERANCE = 0.004  # a rule may stop this short of the word it bounds (page fractions)
CAPTION_HEIGHT_RATIO = 0.86  # caption lines are at most this tall relative to the box's other lines
SPECK_CONFIDENCE = 0.5
PAGE_EDGE = 0.005
HEADER_MAX_LINES = 4
HEADER_SIZE_SPREAD = 1.25  # a header cell wraps its caption over at most this many lines
_BOX_NUMBER = re.compile(r"^(?:\d{1,2}|[A-Z])[.)]?$")
_BRACKETED = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Box:
    page: int
    bbox: BBox  # the rules around it: x0 (left rule), y0 (top rule), x1, y1
    lines: tuple[tuple[Word, ...], ...]  # the words inside, line by line, top to bottom, each left to right
    caption_lines: int  # how many leading lines are the box's caption

    @property
    def words(self) -> tuple[Word, ...]:
        return tuple(w for line in self.lines for w in line)

    @property
    def caption(self) -> str:
        return " ".join(w.text for line in self.lines[: self.caption_lines] for w in line)

    @property
    def content(self) -> tuple[tuple[Word, ...], ...]:
        return self.lines[self.caption_lines :]

    @property
    def header_only(self) -> bool:
        """All caption: a header cell whose entry stands in the box below it."""
        return self.caption_lines == len(self.lines)

    def in_caption(self, word: Word) -> bool:
        return any(word is w for line in self.lines[: self.caption_lines] for w in line)


class PageBoxes:
    """The boxes of one page, and which box each word is in."""

    def __init__(self, page: Page) -> None:
        self.page = page

    @cached_property
    def boxes(self) -> list[Box]:
        boxes = _boxes(self.page)
        # A numbered caption with nothing but wording, over a box without a caption of its own, is a header cell:
        # all of it is caption, and its entry is in the box below ('10. Number and date of / invoices').
        scanned = self.page.source is TextSource.OCR
        return [
            replace(box, caption_lines=len(box.lines)) if _header_wording(box, scanned) and _below(box, boxes) else box
            for box in boxes
        ]

    @cached_property
    def _by_word(self) -> dict[int, Box]:
        return {id(w): box for box in self.boxes for w in box.words}

    def box_of(self, word: Word) -> Box | None:
        return self._by_word.get(id(word))

    def ruled_apart(self, left: Word, right: Word) -> bool:
        """Whether a rule runs between two words of a line: they stand in different boxes and a side of one
        of those boxes lies in the gap between them. A word that overflows its box's rule shares its box with
        nothing and parts from no one ('18,168' printed across a column rule before 'toneladas')."""
        left_box, right_box = self.box_of(left), self.box_of(right)
        if left_box is None or right_box is None or left_box is right_box:
            return False
        gap_start, gap_end = left.bbox[2] - SPAN_TOLERANCE, right.bbox[0] + SPAN_TOLERANCE
        return any(gap_start <= x <= gap_end for x in (left_box.bbox[2], right_box.bbox[0]))

    def box_below(self, box: Box) -> Box | None:
        return _below(box, self.boxes)

    @cached_property
    def outline(self) -> BoxOutline:
        """The boxes as plain values (`BoxOutline`): each word's box, the captions, the header cells and the box
        below each of them, boxes numbered in the order of `boxes`."""
        boxes = self.boxes
        number = {id(box): n for n, box in enumerate(boxes)}
        by_word = self._by_word
        return BoxOutline(
            word_boxes=tuple(-1 if (box := by_word.get(id(w))) is None else number[id(box)] for w in self.page.words),
            captions=tuple(box.caption for box in boxes),
            header_only=tuple(box.header_only for box in boxes),
            entry_below=tuple(
                number[id(below)] if box.header_only and (below := _below(box, boxes)) is not None else -1
                for box in boxes
            ),
        )

    def column(self, header: Box) -> list[Box] | None:
        """The cells of a ruled table column under its header cell, top to bottom, as far down as the rules
        at the column's sides reach; None when the header is not the top of a ruled column."""
        x0, _, x1, bottom = header.bbox
        ends = []
        for side in (x0, x1):
            reach = [
                r[3]
                for r in self.page.rules
                if r[3] - r[1] > r[2] - r[0]
                and abs((r[0] + r[2]) / 2 - side) <= KEY_TOLERANCE
                and r[1] <= bottom + KEY_TOLERANCE
                and r[3] > bottom + KEY_TOLERANCE
            ]
            ends.append(max(reach, default=0.0))
        end = min(ends)
        if end <= bottom + KEY_TOLERANCE:
            return None
        cells = [
            box
            for box in self.boxes
            if box is not header
            and abs(box.bbox[0] - x0) <= KEY_TOLERANCE
            and abs(box.bbox[2] - x1) <= KEY_TOLERANCE
            and box.bbox[1] >= bottom - KEY_TOLERANCE
            and box.bbox[3] <= end + KEY_TOLERANCE
        ]
        return sorted(cells, key=lambda box: box.bbox[1])


def _below(box: Box, boxes: list[Box]) -> Box | None:
    """The box under a header cell: it starts at the header's bottom rule, shares most of its width and does not
    open with a box number of its own."""
    x0, _, x1, bottom = box.bbox
    best: Box | None = None
    for other in boxes:
        ox0, top, ox1, _ = other.bbox
        overlap = min(x1, ox1) - max(x0, ox0)
        beneath = abs(top - bottom) <= 2 * KEY_TOLERANCE and overlap >= 0.6 * min(x1 - x0, ox1 - ox0)
        if beneath and not _numbered(other.lines[0]) and (best is None or overlap > _overlap(box, best)):
            best = other
    return best


def _overlap(a: Box, b: Box) -> float:
    return min(a.bbox[2], b.bbox[2]) - max(a.bbox[0], b.bbox[0])


def _header_wording(box: Box, scanned: bool = False) -> bool:
    """A numbered caption and nothing else: no digits after the box number, a few lines at most, one size
    throughout (on a scan a lone word's box is too uncertain a measure and is left out)."""
    lines = box.lines
    if not _numbered(lines[0]) or len(lines) > HEADER_MAX_LINES:
        return False
    rest = " ".join(w.text for w in [*lines[0][1:], *(w for line in lines[1:] for w in line)])
    # Digits in brackets are the caption's own wording ('(6 digit-level)', '(see note 2)'); others are an entry.
    if any(c.isdigit() for c in _BRACKETED.sub("", rest)):
        return False
    # One size throughout (OCR's boxes vary with ascenders and descenders): an entry is printed larger.
    measured = [line for line in lines if not scanned or len(line) > 1] or list(lines)
    heights = [median(w.bbox[3] - w.bbox[1] for w in line) for line in measured]
    return max(heights) <= HEADER_SIZE_SPREAD * min(heights)


def _boxes(page: Page) -> list[Box]:
    if not page.rules or not page.words:
        return []
    rules = np.array(page.rules, dtype=float)
    flat = rules[:, 2] - rules[:, 0] >= rules[:, 3] - rules[:, 1]
    horizontal = rules[flat]  # x0, y0, x1, y1
    vertical = rules[~flat]
    if not len(horizontal) or not len(vertical):
        return []
    h_y = (horizontal[:, 1] + horizontal[:, 3]) / 2
    v_x = (vertical[:, 0] + vertical[:, 2]) / 2
    groups: dict[tuple[float, float, float, float], list[Word]] = {}
    for word in page.words:
        if word.confidence < SPECK_CONFIDENCE and len(word.text.strip()) <= 2:
            continue  # OCR's reading of a speck or a stamp's stroke: not part of any box
        if is_rule_word(word.text):
            continue  # a rule read as a word: the rows leave it out, so a box line of it would stand in no row
        x0, y0, x1, y1 = word.bbox
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        inset = 0.25 * (y1 - y0)
        spans_x = (horizontal[:, 0] - SPAN_TOLERANCE <= cx) & (cx <= horizontal[:, 2] + SPAN_TOLERANCE)
        spans_y = (vertical[:, 1] - SPAN_TOLERANCE <= cy) & (cy <= vertical[:, 3] + SPAN_TOLERANCE)
        above = h_y[spans_x & (h_y <= y0 + inset)]
        below = h_y[spans_x & (h_y >= y1 - inset)]
        left = v_x[spans_y & (v_x <= x0 + 0.002)]
        right = v_x[spans_y & (v_x >= x1 - 0.002)]
        if not (len(above) and len(below) and len(left) and len(right)):
            continue
        key = (round(float(left.max()), 3), round(float(above.max()), 3), round(float(right.min()), 3),
               round(float(below.min()), 3))  # fmt: skip
        groups.setdefault(key, []).append(word)
    boxes = []
    for key, words in _merged(groups).items():
        if key[0] <= PAGE_EDGE and key[2] >= 1 - PAGE_EDGE:
            continue  # rules along the page's own edges frame the page, not a box
        ordered = _lines(words)
        boxes.append(Box(page=page.number, bbox=key, lines=ordered, caption_lines=_caption_lines(ordered)))
    return boxes


def _lines(words: list[Word]) -> tuple[tuple[Word, ...], ...]:
    """The box's words in lines: a word joins the line whose middle is within half a text height of its own.
    Within one box this is surer than the page's lines, which a neighbouring column can split."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bbox[1] + w.bbox[3]) / 2):
        middle, height = (word.bbox[1] + word.bbox[3]) / 2, word.bbox[3] - word.bbox[1]
        if lines:
            last = lines[-1]
            last_middle = median((w.bbox[1] + w.bbox[3]) / 2 for w in last)
            if abs(middle - last_middle) <= 0.5 * min(height, median(w.bbox[3] - w.bbox[1] for w in last)):
                last.append(word)
                continue
        lines.append([word])
    return tuple(tuple(sorted(line, key=lambda w: w.bbox[0])) for line in lines)


KEY_TOLERANCE = 0.005  # rules of one box found a hair apart for different words (a scan's rule is a band)


def _merged(groups: dict[tuple[float, float, float, float], list[Word]]) -> dict[tuple[float, ...], list[Word]]:
    """Groups whose bounds differ by less than KEY_TOLERANCE on every side, as one."""
    merged: dict[tuple[float, ...], list[Word]] = {}
    for key in sorted(groups, key=lambda k: -len(groups[k])):
        for known in merged:
            if all(abs(a - b) <= KEY_TOLERANCE for a, b in zip(known, key, strict=True)):
                merged[known].extend(groups[key])
                break
        else:
            merged[key] = list(groups[key])
    return merged


def _numbered(line: tuple[Word, ...]) -> bool:
    """'10. Number and date of invoices', '1 Consignor', 'B) Remarks': a box number and caption words. A bare
    number before capitals is a quantity ('23 BUNDLES OF ...'), not a box number."""
    if len(line) < 2 or not _BOX_NUMBER.match(line[0].text):
        return False
    following = line[1].text
    if not any(c.isalpha() for c in following):
        return False
    return line[0].text[-1] in ".)" or (following[0].isupper() and any(c.islower() for c in following))


def _caption_lines(lines: tuple[tuple[Word, ...], ...]) -> int:
    """How many leading lines are the caption: those printed clearly smaller than the box's other lines; where
    sizes do not differ, a first line that starts with a box number ('10.', '3', 'B)') and has words after it.
    A box number OCR set on a line of its own ('1.' a little above 'Vendor (name and address)') begins the
    caption of the line after it."""
    if len(lines) > 1 and len(lines[0]) == 1 and lines[0][0].text[-1:] in ".)" and _BOX_NUMBER.match(lines[0][0].text):
        return 1 + (_caption_lines(lines[1:]) or 1)
    heights = [median(w.bbox[3] - w.bbox[1] for w in line) for line in lines]
    numbered = _numbered(lines[0])
    if len(lines) == 1:
        return 1 if numbered else 0
    reference = median(heights[1:])
    count = 0
    while (
        count < len(lines) - 1
        and heights[count] <= CAPTION_HEIGHT_RATIO * reference
        and abs(heights[count] - heights[0]) <= (1 - CAPTION_HEIGHT_RATIO) * heights[0]  # one caption, one size
    ):
        count += 1
    return count or int(numbered)
