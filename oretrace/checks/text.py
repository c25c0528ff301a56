"""Page text with geometry: character offsets <-> words, lines cut into column segments, evidence boxes.

`PageText.text` is exactly `Page.text` (words of a line joined by one space, lines by "\n"), so character
offsets from anything run on `Page.text` (the NER, the gazetteer, regular expressions) map back to the words
they cover and from there to a bounding box on the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
from statistics import median

from oretrace.core.models import Evidence, ExtractedDocument, Page, TextSource, Word

# Two words of one printed line belong to different columns (boxes, table cells) when the blank between
# them is wider than this many word heights; ordinary word spacing is about a third of a height.
COLUMN_GAP_HEIGHTS = 1.6


@dataclass(frozen=True)
class Token:
    """A word and its character span in the page text."""

    word: Word
    start: int
    end: int
    line: int  # position of its line in PageText.lines

    @property
    def text(self) -> str:
        return self.word.text

    @property
    def x0(self) -> float:
        return self.word.bbox[0]

    @property
    def x1(self) -> float:
        return self.word.bbox[2]

    @property
    def x_center(self) -> float:
        return (self.word.bbox[0] + self.word.bbox[2]) / 2


@dataclass(frozen=True)
class Segment:
    """Consecutive words of one line with no column gap between them (one cell, box or label+value)."""

    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.tokens)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.tokens)

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens overlapping the page-text span [start, end)."""
        return tuple(t for t in self.tokens if t.start < end and t.end > start)


@dataclass(frozen=True)
class Line:
    index: int
    tokens: tuple[Token, ...]
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


class PageText:
    def __init__(self, page: Page) -> None:
        self.page = page
        grouped: dict[int, list[Word]] = {}
        for word in page.words:
            grouped.setdefault(word.line, []).append(word)
        lines: list[Line] = []
        tokens: list[Token] = []
        offset = 0
        for position, (_, words) in enumerate(sorted(grouped.items())):
            line_tokens: list[Token] = []
            for word in words:
                line_tokens.append(Token(word, offset, offset + len(word.text), position))
                offset += len(word.text) + 1  # the joining space, or the "\n" after the last word
            lines.append(Line(position, tuple(line_tokens), self._segments(line_tokens)))
            tokens.extend(line_tokens)
        self.lines: tuple[Line, ...] = tuple(lines)
        self.tokens: tuple[Token, ...] = tuple(tokens)
        self.text = "\n".join(line.text for line in lines)

    def _segments(self, tokens: list[Token]) -> tuple[Segment, ...]:
        if not tokens:
            return ()
        height = median((t.word.bbox[3] - t.word.bbox[1]) * self.page.height for t in tokens)
        segments: list[list[Token]] = [[tokens[0]]]
        for previous, token in pairwise(tokens):
            gap = (token.x0 - previous.x1) * self.page.width
            if gap > COLUMN_GAP_HEIGHTS * max(height, 1e-6):
                segments.append([])
            segments[-1].append(token)
        return tuple(Segment(tuple(s)) for s in segments)

    def tokens_between(self, start: int, end: int) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.start < end and t.end > start)


class DocumentText:
    """Per-page text and geometry of one extracted document, built once per document."""

    def __init__(self, document: ExtractedDocument) -> None:
        self.document = document

    @cached_property
    def pages(self) -> dict[int, PageText]:
        return {page.number: PageText(page) for page in self.document.pages}


def union_bbox(words: Iterable[Word]) -> tuple[float, float, float, float]:
    boxes = [w.bbox for w in words]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def evidence_for(document: ExtractedDocument, page: int, tokens: Sequence[Token]) -> Evidence:
    """Evidence for words of one page: their joint box and their text in reading order."""
    ordered = sorted(tokens, key=lambda t: t.start)
    return Evidence(
        document_id=document.document_id,
        page=page,
        bbox=union_bbox(t.word for t in ordered),
        text=" ".join(t.text for t in ordered),
    )


def field_evidence(document: ExtractedDocument, name: str) -> list[Evidence]:
    """The extractor's evidence for a field, with the document id filled in."""
    field = document.fields.get(name)
    if field is None:
        return []
    return [e if e.document_id else e.model_copy(update={"document_id": document.document_id}) for e in field.evidence]


# Below this Tesseract word confidence, a reading is treated as doubtful: a difference that rests on it is
# reported LOW ("verify on the page") instead of flagging the shipment. On the sample scans, correctly read
# reference numbers score 0.90-0.96 and the misreadings seen (an inserted digit) 0.74 and below.
DOUBTFUL_CONFIDENCE = 0.8
# Below this, an extracted value was not read beside its own label in its own box but pieced together by a
# fallback (a weight from a total row without its label, a name from the letterhead): not enough to flag on.
WEAK_EXTRACTION = 0.7
# Below this the classifier took the document for its type on a lead of one or two cues (0.62, 0.73; three cues
# give 0.82). Every document of the generated sets taken for the wrong type scored below it, and few taken for
# the right one. What a number label means depends on the form ('No.' on an EUR.1 is its export document), so a
# reference read under this type's labels may be another form's; a net weight means the same on any form.
DOUBTFUL_TYPE = 0.75


def doubtful_type(document: ExtractedDocument) -> bool:
    """The document's type rests on little evidence: a number it cites may be another form's."""
    return document.classification.confidence < DOUBTFUL_TYPE


def reading_confidence(document: ExtractedDocument, name: str) -> float:
    """How sure the OCR was of a field's reading: the lowest confidence among the page words under its
    evidence, counting only the words with digits when there are any (the number, not a smudged unit next
    to it). 1.0 for a text layer or when no word is found."""
    field = document.fields.get(name)
    if field is None:
        return 1.0
    pages = {page.number: page for page in document.pages}
    words: list[Word] = []
    for evidence in field.evidence:
        page = pages.get(evidence.page)
        if page is None:
            continue
        x0, y0, x1, y1 = evidence.bbox
        words += [w for w in page.words if w.bbox[0] < x1 and x0 < w.bbox[2] and w.bbox[1] < y1 and y0 < w.bbox[3]]
    numbers = [w for w in words if any(ch.isdigit() for ch in w.text)]
    return min((w.confidence for w in numbers or words), default=1.0)


# Characters OCR takes for one another in printed references ('FXP-2507-075' for 'EXP-2507-075').
OCR_LOOKALIKES = frozenset(
    frozenset(pair) for pair in ("0O", "0D", "0Q", "1I", "1L", "5S", "8B", "2Z", "6G", "EF", "UV", "MN")
)


def ocr_lookalike(first: str, second: str) -> bool:
    """Two references of one length that differ in one character only, a pair OCR confuses: one reference
    misread, not two."""
    if len(first) != len(second):
        return False
    differences = [(a, b) for a, b in zip(first.upper(), second.upper(), strict=True) if a != b]
    return len(differences) == 1 and frozenset(differences[0]) in OCR_LOOKALIKES


def read_by_ocr(document: ExtractedDocument, name: str) -> bool:
    """Whether a field was read from a page the OCR read (not from a text layer)."""
    field = document.fields.get(name)
    if field is None:
        return False
    sources = {page.number: page.source for page in document.pages}
    return any(sources.get(evidence.page) == TextSource.OCR for evidence in field.evidence)


def weakly_read(document: ExtractedDocument, name: str) -> bool:
    """The field was read doubtfully: OCR doubted its words, or the extractor found it only by a fallback."""
    field = document.fields.get(name)
    if field is None or not field.found:
        return False
    return reading_confidence(document, name) < DOUBTFUL_CONFIDENCE or field.confidence < WEAK_EXTRACTION
