"""A document seen as rows of phrases, with label lookup and the places a label's value can stand.

Forms put a value after its label ("Invoice No: 123"), in the next cell to the right, under the
label (boxed forms, table headers) or, for signature captions, above it. `value_candidates` yields
those places nearest first; the field parser decides which one holds a value of the right kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from rapidfuzz import fuzz

from oretrace.core.folding import fold
from oretrace.core.models import Page, Word
from oretrace.extractors.boxes import Box, PageBoxes
from oretrace.extractors.fields.labels import LABELS, OTHER_LABELS
from oretrace.extractors.layout import Phrase, split_phrases
from oretrace.extractors.normalize.names import is_legal_form

NEAR_GAP_HEIGHTS = 10  # a value under or over its label is never further from the row before it than this
BELOW_LINES = 4  # how far under a label (in lines) a value may stand: boxed forms wrap their labels
ABOVE_LINES = 2
_PARENTHESIZED = re.compile(r"^\s*\([^()]+\)\s*$")
_SLASH_COUNT = re.compile(r"^/\s*\d")
LONGER_LABEL_SCORE = 95.0  # a longer label OCR garbled a letter of still beats the shorter one it starts with
WRAP_ALIGN = 0.01  # a wrapped value's next line starts within this of its first line
WRAPPED_NAME_WORDS = 5  # the rest of a wrapped company name: a few words ending in the legal form
RIGHT_REACH = 0.45  # a value to the right of its label starts within half a page of it
# "1.", "11e.", "(3)", "b)": box numbers; a bare "18" is a value ("18 pallets"), not a box.
# EN 10168 certificates code their fields the same way ("A03 Document number", "C00 Batch number").
_BOX_NUMBER = re.compile(r"^\d{1,2}[a-z]?[.)]$|^\(\d{1,2}\)$|^[A-Za-z][.)]$|^[A-Z]\d{2}(?:\.\d)?$")
# Words that describe what a box should contain ("name, address, country"): text made of these is
# the rest of a label, not a value.
DESCRIPTOR_WORDS = frozenset(
    """name names address addresses country full business telephone phone tel email e mail and or of the
    including incl title position if any fax contact signature stamp see overleaf notes as far known
    nombre nombres direccion domicilio pais incluido el la y o de del telefono telefonico numero correo
    electronico cargo firma sello razon social no nr date dates fecha datum data authorised authorized
    signatory certifying authority seal cachet signataire carimbo assinatura
    nom adresse complete et ou du des pays nome endereco completo e do da""".split()
    # what a quantity is counted in ('11. Quantity & Unit', 'Cantidad y unidad')
    + "unit units unidad unidades unite unites unidade".split()
    # the unit of the numbers under a column caption ('Net kg', 'Gross MT')
    + "kg kgs kilos mt tm lbs lb tons tonnes".split()
)


@dataclass(frozen=True)
class LabelHit:
    label: str
    phrase: Phrase
    rest: list[Word]  # words of the phrase after the label, on the same line
    score: float
    # The label ends with ':' (or the rest starts with one): what follows is certainly its value.
    colon: bool = False
    # Found inside running text rather than at the start of a phrase.
    inside: bool = False


@dataclass(frozen=True)
class Candidate:
    text: str
    words: tuple[Word, ...]
    page: int
    where: str  # inline | box | right | below | above | column | text

    @property
    def confidence(self) -> float:
        return min((w.confidence for w in self.words), default=0.0)


_COLON_AT_END = re.compile(r":[°º'`.,·]*$")
# Words a caption may run on for before its colon: 'Producer / smelter:', or its translation after a slash,
# 'Nombre de colis / Number of packages :'.
CAPTION_RUN_ON = 6


def ends_with_colon(text: str) -> bool:
    """Whether a word or caption ends with a colon, a speck OCR read beside it allowed (':°', ':.'). A figure
    never does: what follows its digits is a speck ('1,022.0:')."""
    figure = any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)
    return bool(_COLON_AT_END.search(text.rstrip())) and not figure


def _wraps_another_column(row: list[Phrase], header_row: list[Phrase], header: Phrase) -> bool:
    """A line holding one cell, under another header of the table than `header`: that column's cell wrapped."""
    if len(row) != 1 or len(header_row) < 3:
        return False
    under = [h for h in header_row if h.overlaps_horizontally(row[0])]
    return len(under) == 1 and under[0] is not header


_NUMERIC_LINE = re.compile(r"^[(<]?\d[\d.,' ]*\s*(?:%|[a-zA-Z]{1,3}\.?)?$")


def _numeric_line(words: tuple[Word, ...]) -> bool:
    """A line that is one number, with at most a short unit ('9,087.5', '993.5 kg', '14 MT')."""
    return bool(_NUMERIC_LINE.match(" ".join(w.text for w in words)))


def is_descriptor(text: str) -> bool:
    """'(name, full address, country)' or 'electrónico': the wording of a box label, not its content."""
    stripped = text.strip()
    if stripped.startswith(("(", "/")) or ends_with_colon(stripped):
        return True
    tokens = fold(stripped).split()
    return bool(tokens) and sum(t in DESCRIPTOR_WORDS for t in tokens) / len(tokens) >= 0.6


class DocumentView:
    def __init__(self, pages: list[Page]) -> None:
        self.pages = pages
        self._hits: dict[tuple[tuple[str, ...], float], list[LabelHit]] = {}

    @cached_property
    def rows(self) -> list[list[Phrase]]:
        """All rows of all pages, in reading order."""
        return [row for page in self.pages for row in split_phrases(page, self._boxes[page.number].ruled_apart)]

    @cached_property
    def _row_of(self) -> dict[tuple[int, int], int]:
        return {(row[0].page, row[0].line): index for index, row in enumerate(self.rows)}

    def find_labels(self, labels: tuple[str, ...], min_score: float = 90.0) -> list[LabelHit]:
        """Phrases that start with one of the labels, best first (OCR slips tolerated on scanned pages).
        Memoised: every field's labels are also looked up once to know which phrases are labels."""
        key = (labels, min_score)
        if key not in self._hits:
            self._hits[key] = self._find_labels(labels, min_score)
        return self._hits[key]

    @cached_property
    def _folded(self) -> list[tuple[Phrase, _FoldedWords]]:
        """Every phrase with its words folded once, for every label set tried on it; and every box caption
        wrapped over several lines as one phrase, since a narrow box breaks its caption anywhere ('10. Number
        and' / 'date of invoices')."""
        phrases = [p for row in self.rows for p in row] + self._wrapped_captions + self._stacked_captions
        return [(p, _FoldedWords(_label_words(p))) for p in phrases]

    @cached_property
    def _stacked_captions(self) -> list[Phrase]:
        """Column captions of an open table wrapped onto a second header line ('Código' over 'arancelario'), each
        as one phrase: under a row of captions side by side, a line without figures whose phrases start where a
        caption above them starts."""
        captions = []
        for upper, lower in zip(self.rows, self.rows[1:], strict=False):
            if len(upper) < HEADER_BAND_CAPTIONS or upper[0].page != lower[0].page:
                continue
            if lower[0].y0 - upper[0].y1 > upper[0].y1 - upper[0].y0 or any(c.isdigit() for p in lower for c in p.text):
                continue  # not the next line, or a line of values
            for below in lower:
                above = next((p for p in upper if abs(p.x0 - below.x0) <= WRAP_ALIGN / 2), None)
                if above is not None:
                    captions.append(Phrase(page=above.page, line=above.line, words=[*above.words, *below.words]))
        return captions

    @cached_property
    def _wrapped_captions(self) -> list[Phrase]:
        captions = []
        for boxes in self._boxes.values():
            for box in boxes.boxes:
                if box.caption_lines > 1:
                    words = [w for line in box.lines[: box.caption_lines] for w in line]
                    captions.append(Phrase(page=box.page, line=words[0].line, words=words))
        return captions

    @cached_property
    def _text_layer_text(self) -> str:
        """The folded text of all phrases read from a text layer: where an exact label match must lie."""
        return "\n".join(folded.tokens for _, folded in self._folded if not folded.scanned)

    def _find_labels(self, labels: tuple[str, ...], min_score: float) -> list[LabelHit]:
        folded_labels = [_Label(label, folded, len(folded.split())) for label in labels for folded in [fold(label)]]
        # On a text layer only exact matches count, so a label absent from all of it is not tried there.
        present = [label for label in folded_labels if label.folded in self._text_layer_text]
        hits: list[LabelHit] = []
        for phrase, folded in self._folded:
            tried = folded_labels if folded.scanned else present
            if tried:
                hits.extend(_match_label(phrase, tried, min_score, folded, folded_labels))
        # Best match first; among equals a colon, then the more specific (longer) label, then reading order.
        return sorted(hits, key=lambda h: (-h.score, not h.colon, -len(fold(h.label).split())))

    @cached_property
    def _boxes(self) -> dict[int, PageBoxes]:
        return {page.number: PageBoxes(page) for page in self.pages}

    def boxes(self) -> Iterator[Box]:
        """Every ruled box of every page, page by page."""
        for page_boxes in self._boxes.values():
            yield from page_boxes.boxes

    def box_of(self, phrase: Phrase) -> Box | None:
        """The ruled box the phrase stands in (None outside boxes or on pages without rules)."""
        boxes = self._boxes.get(phrase.page)
        return boxes.box_of(phrase.words[0]) if boxes is not None else None

    def captioned_box(self, phrase: Phrase) -> Box | None:
        """The box whose caption the phrase is part of: its value is in that box (or, for a header cell, in
        the box below)."""
        box = self.box_of(phrase)
        return box if box is not None and box.in_caption(phrase.words[0]) else None

    def box_entries(self, box: Box) -> list[tuple[Word, ...]]:
        """The lines a captioned box holds: its content, or for a header cell the lines of the box below."""
        if box.header_only:
            below = self._boxes[box.page].box_below(box)
            return list(below.lines) if below is not None else []
        return list(box.content)

    def _ruled_column(self, header: Phrase, whole_cells: bool = False) -> list[Phrase] | None:
        box = self.box_of(header)
        if box is None or len(box.lines) != 1 or box.lines[0][0] is not header.words[0]:
            return None  # the header must be its cell's only line
        cells = self._boxes[header.page].column(box)
        if not cells:
            return None
        if whole_cells:  # a list wrapped over the cell's lines ('LT-2509-073, LT-2509-074,' / 'LT-2509-075')
            return [
                Phrase(page=cell.page, line=cell.lines[0][0].line, words=[w for line in cell.lines for w in line])
                for cell in cells
                if cell.lines
            ]
        # A cell's first line is its value (a wrapped description runs on); a cell whose every line is a number
        # is rows whose rules the scan lost ('4,084.5' over '9,087.5'): each line is a cell.
        return [
            Phrase(page=cell.page, line=line[0].line, words=list(line))
            for cell in cells
            for line in (cell.lines if all(_numeric_line(line) for line in cell.lines) else cell.lines[:1])
        ]

    def row_index(self, phrase: Phrase) -> int:
        return self._row_of[(phrase.page, phrase.line)]

    def phrase_before(self, phrase: Phrase) -> Phrase | None:
        """The phrase to the left of `phrase` on its row (None for the first, or for a caption wrapped over its
        box's lines, which stands in no row)."""
        row = self.rows[self.row_index(phrase)]
        position = next((i for i, other in enumerate(row) if other is phrase), 0)
        return row[position - 1] if position > 0 else None

    def phrases_under(self, phrase: Phrase, rows: int = 1) -> list[Phrase]:
        """The phrases of the next rows down that stand under the phrase (rows of OCR specks skipped)."""
        index = self.row_index(phrase)
        return list(self._near(index, phrase, range(index + 1, index + 1 + rows)))

    def row_of(self, candidate: Candidate) -> int:
        """Index of the row a candidate's first word stands in."""
        return self._row_of[(candidate.page, candidate.words[0].line)]

    def value_candidates(
        self, hit: LabelHit, inline: bool = True, above: bool = False, joined: bool = False
    ) -> Iterator[Candidate]:
        """Where a label's value may stand, nearest first. A label that is a box's caption has its value in
        that box and nowhere else (`joined`: the box's first lines together first, for a name wrapped over
        two lines); a label inside a box looks for its value only within the box."""
        phrase = hit.phrase
        rest_words = hit.rest
        # "Producer / smelter: USAMSA": the label runs on to its colon, the value follows it. A label with a colon
        # of its own has its value right after it ('Peso líquido: 40.000 kg - Peso bruto total: 40.958 kg').
        colon_at = next((i for i, w in enumerate(rest_words[:CAPTION_RUN_ON]) if ends_with_colon(w.text)), None)
        if _own_colon(hit):
            # ... up to the next caption on the line, which ends in its own colon.
            next_caption, colon_at = colon_at, None
            if inline and next_caption:
                value_words = rest_words[: next_caption + 1]
                yield Candidate(" ".join(w.text for w in value_words), tuple(value_words), phrase.page, "inline")
        if colon_at is not None and colon_at + 1 < len(rest_words):
            value_words = rest_words[colon_at + 1 :]
            yield Candidate(" ".join(w.text for w in value_words), tuple(value_words), phrase.page, "inline")
        rest = " ".join(w.text for w in rest_words)
        # A label that describes its box ("Goods consigned to (name, address)") has its value under it.
        # ('Net Weight / 11 pallets  11,000.00 KGS': a count after a slash describes nothing; the value is beside.)
        boxed = bool(rest) and is_descriptor(rest) and not ends_with_colon(rest) and not _SLASH_COUNT.match(rest)
        if rest and inline and not is_descriptor(rest):
            wrapped = self._wrapped_name(phrase, rest_words)
            if wrapped is not None:
                yield wrapped
            yield Candidate(rest, tuple(hit.rest), phrase.page, "inline")
        elif inline and rest.startswith("("):
            # 'Number of packages (bundles) 22': the bracket describes, the value follows it.
            close = next((i for i, w in enumerate(rest_words) if w.text.endswith(")")), None)
            after = rest_words[close + 1 :] if close is not None else []
            text = " ".join(w.text for w in after)
            # ('Vendor (name and address) - Vendeur (nom et adresse)': the caption's translation follows.)
            translated = bool(after) and (after[0].text in _SEPARATORS or _described(text))
            if after and not translated and not is_descriptor(text):
                yield Candidate(text, tuple(after), phrase.page, "inline")
        captioned = self.captioned_box(phrase)
        if captioned is not None:
            if inline and hit.colon and not rest_words:
                # 'Total packages:  10 bundles' heading a box of such lines: the value beside the caption's colon.
                row = self.rows[self.row_index(phrase)]
                beside = [p for p in row if phrase.x1 - 0.005 <= p.x0 and p.x1 <= captioned.bbox[2]]
                if beside:
                    yield Candidate(beside[0].text, tuple(beside[0].words), phrase.page, "right")
            yield from self._box_candidates(captioned, joined)
            return
        box = self.box_of(phrase)
        index = self.row_index(phrase)
        # A describing label's value is under it in its ruled box; on an open page, or in a cell of its own, a
        # bracketed qualifier or an alternative after a slash ('Lote (declarado por el cliente) | LT-2505-082',
        # 'Productor / Marca | Hunan Zhirong Antimony') leaves the value beside it.
        # (A bracket that lists the box's contents, '(Exporter Name and Address)', still describes a box.)
        bracket = rest.startswith("(") and rest.endswith(")") and not _described(rest)
        qualifier = bracket or (rest.startswith("/") and not is_descriptor(rest[1:]))
        qualified = qualifier and (box is None or len(box.lines) == 1)
        if not boxed or qualified:
            right = [p for p in self.rows[index] if phrase.x1 - 0.005 <= p.x0 <= phrase.x1 + RIGHT_REACH]
            for p in right[:3]:
                yield Candidate(p.text, tuple(p.words), p.page, "right")
        if box is not None and len(box.lines) > 1 and _PARENTHESIZED.match(phrase.text):
            # '(NET WEIGHT)' printed under the figure it names.
            yield from self._within_box(box, phrase, below=False)
        if (
            box is not None
            and len(box.lines) > 1
            and (_header_band(box, phrase, self._box_rows(box)) or _caption_cell(box))
        ):
            # A table's header row in one box, or a header cell, its captions wrapped onto a second line
            # ('Partida' over 'arancelaria'): the values stand under the box.
            last = self._row_of[(box.page, box.lines[-1][0].line)]
            for p in self._near(last, phrase, range(last + 1, last + 1 + BELOW_LINES)):
                yield Candidate(p.text, tuple(p.words), p.page, "below")
            return
        if box is not None and len(box.lines) > 1:
            # Inside a box the value is in the box: below the label, or for a signature caption above it (down to
            # the caption). A label on the box's last line is a heading over a rule:
            # what is below it is under the rule, read as on an open page.
            if _last_line(box, phrase):
                for p in self._near(index, phrase, range(index + 1, index + 1 + BELOW_LINES)):
                    yield Candidate(p.text, tuple(p.words), p.page, "below")
            else:
                yield from self._within_box(box, phrase, below=True)
            if above:
                yield from self._within_box(box, phrase, below=False)
            return
        if _PARENTHESIZED.match(phrase.text):
            # '(Nombre y domicilio del exportador)': a fill-in form prints the caption under the line it names, the
            # whole line, wherever along it the caption is centred.
            above_row = next((r for r in range(index - 1, -1, -1) if not _specks(self.rows[r])), None)
            if above_row is not None and self.rows[above_row][0].page == phrase.page:
                words = tuple(w for p in self.rows[above_row] for w in p.words)
                yield Candidate(" ".join(w.text for w in words), words, phrase.page, "above")
            return
        for p in self._near(index, phrase, range(index + 1, index + 1 + BELOW_LINES)):
            yield Candidate(p.text, tuple(p.words), p.page, "below")
        if above:  # signature captions stand under what they describe
            for p in self._near(index, phrase, range(index - 1, index - 1 - ABOVE_LINES, -1)):
                yield Candidate(p.text, tuple(p.words), p.page, "above")

    def _within_box(self, box: Box, label: Phrase, below: bool) -> Iterator[Candidate]:
        """The phrases of the box's next lines below (or above) the label's line, nearest first, that stand under
        (or over) the label; above stops at the caption."""
        at = next(i for i, line in enumerate(box.lines) if any(w is label.words[0] for w in line))
        if below:
            order = range(at + 1, min(len(box.lines), at + 1 + BELOW_LINES))
        else:
            order = range(at - 1, max(box.caption_lines, at - BELOW_LINES) - 1, -1)
        for i in order:
            first = box.lines[i][0]
            row = self.rows[self._row_of[(box.page, first.line)]]
            for p in row:
                if self.box_of(p) is not box or is_descriptor(p.text):
                    continue
                overlap = min(p.x1, label.x1) - max(p.x0, label.x0)
                if overlap > 0 or abs(p.x0 - label.x0) < 0.02:
                    yield Candidate(p.text, tuple(p.words), p.page, "below" if below else "above")

    def _box_rows(self, box: Box) -> list[list[Phrase]]:
        """The rows of the view that the box's lines stand on."""
        return [self.rows[self._row_of[(box.page, line[0].line)]] for line in box.lines]

    def _wrapped_name(self, phrase: Phrase, value: list[Word]) -> Candidate | None:
        """A company name wrapped in a narrow value column ('NOMBRE/RAZÓN SOCIAL: Qinzhou Harbour Flame Retardant'
        over 'Materials Co., Ltd.'): the next line starts where the value starts and ends in a legal form that the
        value lacks. The name whole, or None."""
        if is_legal_form(value[-1].text):
            return None
        index = self.row_index(phrase)
        if index + 1 >= len(self.rows) or self.rows[index + 1][0].page != phrase.page:
            return None
        start = value[0].bbox[0]
        below = next((p for p in self.rows[index + 1] if abs(p.x0 - start) <= WRAP_ALIGN), None)
        if below is None or len(below.words) > WRAPPED_NAME_WORDS or not is_legal_form(below.words[-1].text):
            return None
        words = (*value, *below.words)
        return Candidate(" ".join(w.text for w in words), words, phrase.page, "inline")

    def _box_candidates(self, box: Box, joined: bool) -> Iterator[Candidate]:
        """The entries of a captioned box, line by line; box wording ('(Country)') is skipped."""
        lines = [line for line in self.box_entries(box) if not _box_wording(" ".join(w.text for w in line))]
        page = box.page
        if joined and len(lines) > 1:
            for size in (3, 2):
                words = tuple(w for line in lines[:size] for w in line)
                if len(lines) >= size:
                    yield Candidate(" ".join(w.text for w in words), words, page, "box")
        for line in lines:
            yield Candidate(" ".join(w.text for w in line), tuple(line), page, "box")

    def _near(self, index: int, label: Phrase, row_range: range) -> Iterator[Phrase]:
        """Phrases in the given rows whose horizontal extent overlaps the label, skipping box wording.
        Rows of OCR specks (stray marks read as '-', 'i', ':') do not count as rows."""
        step = row_range.step
        wanted = len(row_range)
        r = row_range.start
        edge = label.y1 if step > 0 else label.y0  # the edge of the last row passed
        reach = NEAR_GAP_HEIGHTS * (label.y1 - label.y0)
        while wanted > 0:
            if not 0 <= r < len(self.rows) or self.rows[r][0].page != label.page:
                return
            row = self.rows[r]
            r += step
            if _specks(row):
                continue
            # Across an empty stretch of the page (a page's footer under a signature) nothing is the label's.
            gap = row[0].y0 - edge if step > 0 else edge - row[0].y1
            if gap > reach:
                return
            edge = row[0].y1 if step > 0 else row[0].y0
            wanted -= 1
            for p in row:
                overlap = min(p.x1, label.x1) - max(p.x0, label.x0)
                if (overlap > 0 or abs(p.x0 - label.x0) < 0.02) and not is_descriptor(p.text):
                    yield p

    def column_below(self, header: Phrase, max_rows: int = 40, whole_cells: bool = False) -> list[Phrase]:
        """Cells of a table column under its header, until the table ends. A ruled column ends where the rules
        at its sides end, and an empty cell does not end it; otherwise the column ends at an empty row or two,
        a new label, or a line of running text wider than the column. A ruled cell gives its first line, or
        with `whole_cells` all its lines."""
        ruled = self._ruled_column(header, whole_cells)
        if ruled is not None:
            return ruled[:max_rows]
        cells: list[Phrase] = []
        misses = 0
        start = self.row_index(header)
        width = header.x1 - header.x0
        for row in self.rows[start + 1 : start + 1 + max_rows]:
            if row[0].page != header.page:
                break
            if _specks(row):
                continue
            in_column = [p for p in row if p.overlaps_horizontally(header)]
            if not in_column and _wraps_another_column(row, self.rows[start], header):
                continue  # the marks of the row above, wrapped over lines of their own column
            if not in_column:
                misses += 1
                if misses > 1:
                    break
                continue
            cell = in_column[0]
            if ends_with_colon(cell.text) or (cell.x1 - cell.x0) > max(3 * width, 0.3):
                break
            cells.append(cell)
            misses = 0
        return cells


def _last_line(box: Box, phrase: Phrase) -> bool:
    return any(w is phrase.words[0] for w in box.lines[-1])


def _box_wording(text: str) -> bool:
    """'(Country)', 'name, address': what a box says it holds. A label ending with a colon is kept: it starts
    another value."""
    return is_descriptor(text) and not ends_with_colon(text)


_SEPARATORS = frozenset("-–—/|")
_BRACKETED_TEXT = re.compile(r"\(([^()]*)\)")


def _described(text: str) -> bool:
    """Whether a text carries a caption's bracketed description ('Vendeur (nom et adresse)')."""
    return any(is_descriptor(inner) for inner in _BRACKETED_TEXT.findall(text))


HEADER_BAND_CAPTIONS = 3
# Every field's labels and the captions of no field, folded, each once.
FOLDED_LABELS = tuple(
    dict.fromkeys(fold(label) for label in (*OTHER_LABELS, *(label for labels in LABELS.values() for label in labels)))
)


_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)\s*$")


def _caption_cell(box: Box) -> bool:
    """Whether a box holds one caption wrapped over its lines and nothing else ('Partida' / 'arancelaria'), its
    words perhaps cut short with a point ('PARTIDA' / 'ARANC.'), perhaps qualified in brackets ('HS code' /
    '(importing' / 'Party)')."""
    text = _TRAILING_BRACKET.sub("", " ".join(w.text for line in box.lines for w in line))
    words = text.split()
    folded = fold(text)
    if folded in FOLDED_LABELS:
        return True
    cut = [fold(w) for w in words if _ABBREVIATED.match(w)]
    if not cut or len(folded.split()) != len(words):
        return False
    return any(_abbreviates(folded.split(), label.split(), cut) for label in FOLDED_LABELS)


def _abbreviates(words: list[str], label: list[str], cut: list[str]) -> bool:
    """Whether the words are the label's, those in `cut` shortened to the label word's beginning."""
    return len(words) == len(label) and all(
        w == lw or (w in cut and lw.startswith(w)) for w, lw in zip(words, label, strict=True)
    )


def _header_band(box: Box, label: Phrase, rows: list[list[Phrase]]) -> bool:
    """Whether a box holds a table's header row: captions side by side (three or more on one of the box's lines;
    a caption wrapped onto a second line may stand alone there, 'CÓDIGO' over 'NANDINA') and nothing else, no
    figure in any of its lines."""
    if any(c.isdigit() for line in box.lines for w in line for c in w.text):
        return False
    in_box = {id(w) for line in box.lines for w in line}
    side_by_side = max(sum(1 for p in row if id(p.words[0]) in in_box) for row in rows)
    return side_by_side >= HEADER_BAND_CAPTIONS and id(label.words[0]) in in_box


def _specks(row: list[Phrase]) -> bool:
    """A row of stray marks OCR read as '-', 'i', ':': not a row of the document."""
    return all(len(p.text.strip()) <= 2 for p in row)


def numbered(phrase: Phrase) -> bool:
    """Whether a phrase starts with a box number ('4. Nombre y domicilio del importador'): it captions a box."""
    return len(_label_words(phrase)) < len(phrase.words)


def _label_words(phrase: Phrase) -> list[Word]:
    """The words a label may start at. Boxed forms number their boxes ("1. Goods consigned from"): the number
    is not part of the label."""
    words = phrase.words
    if len(words) > 1 and _BOX_NUMBER.match(words[0].text):
        return words[1:]
    # A bare box number before a capitalised caption word ('1 Consignor / Expéditeur'); before a lower-case word
    # ('11 pallets') or capitals ('23 BUNDLES') it is a quantity.
    if len(words) > 1 and _BARE_NUMBER.match(words[0].text) and _capitalised(words[1].text):
        return words[1:]
    return words


_BARE_NUMBER = re.compile(r"^\d{1,2}$")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and any(c.islower() for c in word[1:])


class _Label(NamedTuple):
    label: str
    folded: str
    tokens: int  # words of the folded label


def _match_label(
    phrase: Phrase, labels: list[_Label], min_score: float, folded: _FoldedWords, every_label: list[_Label]
) -> list[LabelHit]:
    words = _label_words(phrase)
    scanned = folded.scanned
    at_start = _match_at_start(phrase, words, labels, min_score, scanned, folded)
    # A phrase may start with one label and hold another further on (two headers read as one phrase).
    hits = [
        _abbreviated_continuation(at_start, every_label) if at_start is not None else None,
        _match_inside(phrase, words, labels, folded),
    ]
    return [hit for hit in hits if hit is not None]


# OCR reads a faint 'l' as '!' or '|' ('Tota!', 'Tota|'): inside or at the end of a word, after letters.
_OCR_L = re.compile(r"(?<=[A-Za-z]{2})[!|](?=[A-Za-z]|[^\w]*$)")


def _ocr_letters(text: str) -> str:
    return _OCR_L.sub("l", text)


class _FoldedWords:
    """A phrase's words folded once for all the labels tried on it. Folding works token by token, so the
    folded text of any run of words is a run of `tokens`: a label absent from it cannot match (a cheap test
    that skips most labels on most phrases without changing any result)."""

    def __init__(self, words: list[Word]) -> None:
        self.scanned = any(w.confidence < 1.0 for w in words)  # OCR: labels may match inexactly
        # Labels are matched on the OCR-corrected text; the hit keeps the words as read.
        self.texts = [_ocr_letters(w.text) for w in words] if self.scanned else [w.text for w in words]
        self.words = [fold(text) for text in self.texts]
        self.tokens = " ".join(w for w in self.words if w)  # = fold() of all the words' text
        self._prefixes: dict[int, tuple[str, str, str]] = {}
        self._lengths: dict[int, tuple[int, ...]] = {}
        self.cumulative = [0]
        for word in self.words:
            self.cumulative.append(self.cumulative[-1] + len(word.split()))

    def prefix(self, n: int) -> tuple[str, str, str]:
        """The first `n` words' text, folded, and folded without a unit run into its caption ('G.W.(KG)'):
        worked out once per phrase for every label tried."""
        if n not in self._prefixes:
            text = " ".join(self.texts[:n])
            self._prefixes[n] = (text, fold(text), fold(_GLUED_UNIT.sub("", text)))
        return self._prefixes[n]

    def prefix_lengths(self, tokens: int) -> tuple[int, ...]:
        """How many words from the start a label of `tokens` folded words may take: the words that cover it,
        on scans also one word more or less (OCR splits and joins words)."""
        if tokens not in self._lengths:
            n = self.covering(0, tokens)
            if n is None:
                self._lengths[tokens] = ()
            elif self.scanned:
                self._lengths[tokens] = tuple(k for k in (n - 1, n, n + 1) if 0 < k <= len(self.words))
            else:
                self._lengths[tokens] = (n,)
        return self._lengths[tokens]

    def covering(self, start: int, tokens: int) -> int | None:
        """`_words_covering(words[start:], tokens)`, from the running token counts."""
        end = bisect_left(self.cumulative, self.cumulative[start] + tokens, lo=start + 1)
        return end - start if end < len(self.cumulative) else None


def _match_inside(phrase: Phrase, words: list[Word], labels: list[_Label], folded: _FoldedWords) -> LabelHit | None:
    """A label of two or more words inside running text, followed by its value:
    "... single shipment, invoice No. ES-INV-25-0099"."""
    folded_words = folded.words
    for label, folded_label, tokens in labels:
        if tokens == 1 and _ends_merged_header(words, folded_words, folded_label):
            # 'Colis n° / Pkg No. Lot': a one-word header OCR joined to the header before it heads its own column.
            return LabelHit(label=label, phrase=Phrase(page=phrase.page, line=phrase.line, words=words[-1:]), rest=[],
                            score=95.0)  # fmt: skip
        if folded_label not in folded.tokens:
            continue
        for start in range(1, len(words) - (tokens > 1)):
            n = folded.covering(start, tokens)
            if n is None:
                break
            if " ".join(folded_words[start : start + n]) != folded_label:
                continue
            # One word inside a phrase is a label only as a caption's alternative, after a slash up to the caption's
            # colon or in brackets ('Partida / lote: LT-2505-387', 'Client sample ref. (lot)'); elsewhere it is a
            # word of the text ('Sales Director / exporter' under a signature).
            bracketed = words[start].text.startswith("(") and words[start].text.rstrip(":").endswith(")")
            alternative = words[start - 1].text == "/" and ends_with_colon(words[start + n - 1].text)
            if tokens < 2 and not (alternative or bracketed):
                continue
            if start + n < len(words):
                rest = words[start + n :]
                # 'Titulaire du compte : NETPRESSE': the colon may stand apart from the label.
                colon = ends_with_colon(words[start + n - 1].text) or words[start + n].text.startswith(":")
                return LabelHit(
                    label=label, phrase=phrase, rest=_strip_separators(rest), score=95.0, colon=colon, inside=True
                )
            # Two column headers read as one phrase ("Origin criterion Country of origin"): the label
            # at its end heads its own column, so it stands alone as the label phrase.
            header = Phrase(page=phrase.page, line=phrase.line, words=list(words[start:]))
            return LabelHit(label=label, phrase=header, rest=[], score=95.0)
    return None


def _ends_merged_header(words: list[Word], folded_words: list[str], folded_label: str) -> bool:
    """Whether a phrase of column headers ends with a one-word header: capitalised, after a header that ends
    in a mark of its own ('No.', '°', '/', ')')."""
    if len(words) < 3 or folded_words[-1] != folded_label or not words[-1].text[:1].isupper():
        return False
    return words[-2].text.rstrip()[-1:] in ".°)/:"


def _match_at_start(
    phrase: Phrase,
    words: list[Word],
    labels: list[_Label],
    min_score: float,
    scanned: bool,
    folded: _FoldedWords,
) -> LabelHit | None:
    best: LabelHit | None = None
    for label, folded_label, tokens in labels:
        if not scanned and not folded.tokens.startswith(folded_label):
            continue  # only an exact match counts on a text layer, and the phrase does not start with it
        for n in folded.prefix_lengths(tokens):
            prefix_text, prefix, unglued = folded.prefix(n)
            if folded_label in (prefix, unglued):
                score = 100.0
            elif scanned and len(folded_label) >= 6:
                score = fuzz.ratio(prefix, folded_label)  # OCR garbles a letter or two
                if len(folded_label) < 10 and score < 95:
                    continue  # in short words one letter is another word: "producto" is not "productor"
                if " " not in folded_label and folded_label.startswith(prefix):
                    continue  # a one-word label's stem is another word of its own: 'Embarcado' is no 'embarcador'
            else:
                continue
            longer = best is not None and len(folded_label) > len(fold(best.label))
            # A longer label read through an OCR slip ('Pais de origen de las mcrancias') explains more of the
            # phrase than the shorter label it starts with, matched exactly ('Pais de origen').
            better = (
                best is None or score > best.score or (longer and (score == best.score or score >= LONGER_LABEL_SCORE))
            )
            if score >= min_score and better:
                rest = words[n:]
                # "Producer / smelter:" - the label's own words may run on up to the colon.
                colon = ends_with_colon(prefix_text) or any(ends_with_colon(w.text) for w in rest[:CAPTION_RUN_ON])
                best = LabelHit(label=label, phrase=phrase, rest=_strip_separators(rest), score=score, colon=colon)
    return best


def _own_colon(hit: LabelHit) -> bool:
    """Whether the label itself ends in a colon ('Peso líquido: 40.000 kg'), rather than a caption's words run
    on to one after it ('Producer / smelter: USAMSA')."""
    if not hit.rest:
        return False
    start = next((i for i, w in enumerate(hit.phrase.words) if w is hit.rest[0]), 0)
    return any(ends_with_colon(w.text) for w in hit.phrase.words[max(0, start - 2) : start])


# A word abbreviated with its point ('Aranc.', 'Decl.'): no digits, at least three letters.
_ABBREVIATED = re.compile(r"^[^\W\d_]{3,}\.:?$")


def _abbreviated_continuation(hit: LabelHit, labels: list[_Label]) -> LabelHit:
    """'Partida Aranc.' is 'Partida arancelaria' abbreviated: a word cut short after the label, that starts
    the next word of one of the field's longer labels, is part of that label and not its value."""
    while hit.rest and _ABBREVIATED.match(hit.rest[0].text):
        stem = f"{fold(hit.label)} {fold(hit.rest[0].text)}"
        longer = next(
            (lb for lb in labels if lb.folded.startswith(stem) and lb.folded[len(stem) : len(stem) + 1].isalpha()), None
        )
        if longer is None:
            break
        hit = replace(hit, label=longer.label, rest=_strip_separators(hit.rest[1:]))
    return hit


# A caption run into its bracketed unit ('G.W.(KG)', 'NET WT.(KGS)'): one word to OCR and to a text layer.
_GLUED_UNIT = re.compile(r"(?<=[^\s(])\((?:kgs?|kilos?|lbs?|mts?|m/t|t|tm|tons?|tonnes?)\.?\)[.:]?$", re.IGNORECASE)


def _words_covering(words: list[Word], tokens: int) -> int | None:
    """How many words it takes for their folded text to have `tokens` tokens ("N.W." is two)."""
    count = 0
    for n, word in enumerate(words, start=1):
        count += len(fold(word.text).split())
        if count >= tokens:
            return n
    return None


# A column's code in brackets after its caption: a GS1 application identifier ('Lote (10)', 'Neto kg (3101)').
_COLUMN_CODE = re.compile(r"^\(\d{2,4}\)$")


def _strip_separators(words: list[Word]) -> list[Word]:
    rest = list(words)
    while rest and rest[0].text in {":", "-", "#", ".", "No.", "no.", "Nº", "N°", "No", "no", "No:"}:
        rest = rest[1:]
    # With its code gone, what is left of a caption is at most a unit: the code is no value.
    uncoded = [w for w in rest if not _COLUMN_CODE.match(w.text)]
    if len(uncoded) < len(rest) and not any(c.isdigit() for w in uncoded for c in w.text):
        return uncoded
    return rest
