"""Geometry of words on a page: reading-order lines, and phrases split by wide gaps.

Both text sources (PDF text layer and OCR) go through `order_words`, so every later stage sees the
same notion of a line whatever the page came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from statistics import median

from oretrace.core.models import BBox, Page, TextSource, Word


@dataclass(frozen=True)
class RawWord:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    confidence: float = 1.0

    @property
    def y_center(self) -> float:
        return (self.y0 + self.y1) / 2


# A number mark run into the number it introduces ('No.MY2025-27-1233546', 'Nr.4711'): two words.
_GLUED_MARK = re.compile(r"^(No|NO|Nr|NR|N°|Nº|Ref|REF)\.([A-Z0-9][\w/-]*\d[\w./-]*)$")


def _unglued(word: RawWord) -> list[RawWord]:
    match = _GLUED_MARK.match(word.text.strip())
    if match is None:
        return [word]
    mark, rest = f"{match[1]}.", match[2]
    split = word.x0 + (word.x1 - word.x0) * len(mark) / len(word.text.strip())
    return [
        RawWord(mark, word.x0, word.y0, split, word.y1, word.confidence),
        RawWord(rest, split, word.y0, word.x1, word.y1, word.confidence),
    ]


MARK_HEIGHT_SHARE = 0.5


def order_words(raw: list[RawWord]) -> list[Word]:
    """Group words into lines by vertical overlap, then number lines top to bottom, words left to right."""
    words = [piece for w in raw if w.text.strip() for piece in _unglued(w)]
    if not words:
        return []
    lines: list[list[RawWord]] = []
    for word in sorted(words, key=lambda w: w.y_center):
        if lines:
            line = lines[-1]
            center = median(w.y_center for w in line)
            line_height = median(w.y1 - w.y0 for w in line)
            # A dash or a point is far shorter than the letters of its line: its own height would part it
            # (and every word after it) from a line tilted by a fraction of a degree.
            height = max(min(word.y1 - word.y0, line_height), MARK_HEIGHT_SHARE * line_height)
            # Same line when the centres are within half a text height: a small label beside a big
            # value still lines up, the next line down (a full height away) does not.
            if abs(word.y_center - center) <= 0.5 * height:
                line.append(word)
                continue
        lines.append([word])
    lines = _to_nearest_line(lines)
    ordered: list[Word] = []
    for number, line in enumerate(lines):
        for w in sorted(line, key=lambda w: w.x0):
            ordered.append(
                Word(
                    text=w.text.strip(),
                    bbox=_clamp((w.x0, w.y0, w.x1, w.y1)),
                    confidence=max(0.0, min(1.0, w.confidence)),
                    line=number,
                )
            )
    return ordered


def _to_nearest_line(lines: list[list[RawWord]]) -> list[list[RawWord]]:
    """Two columns set at different line pitches ('Plot 88, Bayan Lepas' beside 'Inv. No.: EXP-2509-958' half a
    line lower): a word the grouping gave to the line above whose centre is nearer the next line's goes there."""
    centres = [median(w.y_center for w in line) for line in lines]
    moved: list[list[RawWord]] = [[] for _ in lines]
    for index, line in enumerate(lines):
        for word in line:
            nearer = index + 1 < len(lines) and abs(word.y_center - centres[index + 1]) < abs(
                word.y_center - centres[index]
            )
            moved[index + 1 if nearer else index].append(word)
    return [line for line in moved if line]


def _clamp(box: tuple[float, float, float, float]) -> BBox:
    x0, y0, x1, y1 = (round(max(0.0, min(1.0, v)), 5) for v in box)
    return (x0, y0, x1, y1)


def union_bbox(boxes: list[BBox]) -> BBox:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


@dataclass
class Phrase:
    """Words of one line that stand together: a cell, a label, or a value."""

    page: int
    line: int
    words: list[Word] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def bbox(self) -> BBox:
        return union_bbox([w.bbox for w in self.words])

    @property
    def confidence(self) -> float:
        return min(w.confidence for w in self.words)

    @property
    def x0(self) -> float:
        return self.bbox[0]

    @property
    def x1(self) -> float:
        return self.bbox[2]

    @property
    def y0(self) -> float:
        return self.bbox[1]

    @property
    def y1(self) -> float:
        return self.bbox[3]

    def overlaps_horizontally(self, other: Phrase) -> bool:
        """Whether the two share part of their width: one stands above the other in a column."""
        return min(self.x1, other.x1) - max(self.x0, other.x0) > 0


# Gap between words, in text heights, beyond which they belong to different cells. OCR boxes hug the
# ink (no ascender/descender room), so the same spacing measures more heights there.
GAP_FACTOR = {TextSource.TEXT_LAYER: 1.0, TextSource.OCR: 1.6}


def split_phrases(page: Page, ruled_apart: Callable[[Word, Word], bool] | None = None) -> list[list[Phrase]]:
    """Split each line of a page into phrases wherever the gap between words is wider than a space: a column
    or cell boundary. With `ruled_apart` (whether a rule runs between two words), a rule also ends the phrase,
    however close the words stand ('N° de orden' | 'NALADISA' in two header cells)."""
    gap_factor = GAP_FACTOR[page.source]
    by_line: dict[int, list[Word]] = {}
    for word in page.words:
        by_line.setdefault(word.line, []).append(word)
    rows: list[list[Phrase]] = []
    for line_no in sorted(by_line):
        words = sorted(by_line[line_no], key=lambda w: w.bbox[0])
        height = median(w.bbox[3] - w.bbox[1] for w in words)
        # Heights are fractions of the page height and widths of its width: compare in one unit.
        aspect = page.height / page.width
        max_gap = height * aspect * gap_factor
        phrases: list[Phrase] = []
        prev: Word | None = None
        for word in words:
            if is_rule_word(word.text):
                # OCR reads table rules as bars: they separate cells and carry no text.
                prev = None
                continue
            # A space is as wide as the print on both sides of it: between two words of a letterhead's large
            # name it is wider than the line's small print makes a space.
            local_gap = max_gap if prev is None else max(max_gap, _height(prev, word) * aspect * gap_factor)
            apart = prev is None or word.bbox[0] - prev.bbox[2] > local_gap
            if apart or (ruled_apart is not None and ruled_apart(prev, word)):
                phrases.append(Phrase(page=page.number, line=line_no, words=[word]))
            else:
                phrases[-1].words.append(word)
            prev = word
        if phrases:
            rows.append(phrases)
    return rows


def _height(first: Word, second: Word) -> float:
    """The height of the smaller print of two words."""
    return min(first.bbox[3] - first.bbox[1], second.bbox[3] - second.bbox[1])


# What OCR reads from a ruled line: bars, brackets, long dashes and underscores ('|', '||', '—', '___', '|:').
# A hyphen is left out: on a text layer '-' is printed text ('Hanoi - Vietnam').
_RULE_WORD = re.compile(r"^[|¦\[\]—_]+:?$")


def is_rule_word(text: str) -> bool:
    """A word made only of rule strokes. Rows skip it, and so does every box (`boxes`): a box holds only words
    that stand in some row."""
    return bool(_RULE_WORD.match(text))
