"""Statements about production and origin in a document's text, found by their labels.

A *statement* is a label and the words that belong to it:

* PRODUCER: "Producer / smelter: Hechi Wuji", "Productor / fundidora: ...", "Produced by: ...", the box
  "4. Producer name and address" of a USMCA certification with the name and address printed below it;
* ORIGIN: "Country of origin: Thailand", "Origin of ore: Hechi, Guangxi, P.R. China", "Ore origin: ...";
* MADE_IN: "MADE IN CHINA", "PRODUCT OF P.R. CHINA", "HECHO EN MÉXICO" anywhere (shipping marks);
* GOODS: the description of goods ("Goods: ...", the "Description of goods" column or box).

Labels of parties and transport (consignee, buyer, importer, exporter, laboratory, port of loading or
discharge, destination, vessel) are never statements, even when their words are next to an origin word,
because an address there says where a company sits or where the goods go, not where they were made.

Printed lines often hold several columns ("Consignee ... | Marks and numbers"), so each line is cut into
segments at wide gaps (`checks.text`) and a value continues only below its own label, within the x-range of
its column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median

from rapidfuzz import fuzz

from oretrace.checks.context import ShipmentContext
from oretrace.checks.text import Line, PageText, Segment, Token, evidence_for
from oretrace.core.folding import fold_chars
from oretrace.core.models import Evidence, ExtractedDocument
from oretrace.extractors.boxes import PageBoxes
from oretrace.reference import distinctive_words


class Kind(StrEnum):
    PRODUCER = "producer"
    ORIGIN = "origin"
    MADE_IN = "made_in"
    GOODS = "goods"


PRODUCER_WORDS = frozenset(
    "producer producers produced productor productora producido producida manufacturer manufactured fabricante "
    "fabricado smelter smelted fundidora fundicion refinery refiner refined maker".split()
)
ORIGIN_WORDS = frozenset("origin origen provenance procedencia".split())
GOODS_WORDS = frozenset(
    "goods description descripcion mercancia mercancias merchandise commodity product producto material".split()
)
# Parties, transport and paperwork: an address or place after these labels is not an origin statement.
EXCLUDED_WORDS = frozenset(
    "consignee consignatario consignor buyer comprador importer importador exporter exportador notify notificar "
    "sold vendido seller vendedor shipper remitente ship port puerto discharge descarga destination destino "
    "loading embarque lab laboratory laboratorio client cliente customer bank banco carrier transport "
    "transporte vessel buque delivery entrega issue issued expedido emision certifier certificador analyst "
    "analista criterion criterio sample muestra certificate certification certificado certificacion certify "
    "certifies certifico agreement acuerdo chamber camara authority autoridad signature firma".split()
)
# Short words that may sit inside a heading ("Description of goods", "Producer name and address").
# Small words of headings; 's' is what is left of a possessive ("Producer's name"), and 'if known', 'if any',
# 'if applicable' qualify an optional box ("2. Producer's name and address, if known").
HEADING_FILLERS = frozenset("of and or the de del la las los y e en no n nr s if known any applicable".split())
# Words that describe what a box holds ("Producer name and address"), not a value.
DESCRIPTOR_WORDS = frozenset(
    "name names nombre address addresses direccion domicilio country pais incl including incluido incluida "
    "telephone phone telefono email mail correo electronico and full completo completa optional opcional".split()
)
TRANSPORT_CUES = frozenset(
    "to via cif cfr fob dap ddp cpt cip fca exw port puerto destination destino hacia delivered entrega".split()
)
MADE_IN = re.compile(
    r"\b(?:made|manufactured|produced|product|products|hecho|fabricado|producido|elaborado|producto|productos)"
    r"\s+(?:in|of|en|de)\s+",
)
BOX_NUMBER = re.compile(r"^\d{1,2}\s*[.)]")

LABEL_MAX_WORDS = 5
MADE_IN_MAX_WORDS = 5
CONTINUATION_MAX_WORDS = 10  # an address line under "Producer: ..." is short; a sentence is not an address
COLUMN_TOLERANCE = 0.01  # page widths a value may start left of its label
MAX_GAP_LINES = 2.5  # a blank taller than this many line heights ends a box or table column
BLOCK_LINES = {Kind.PRODUCER: 4, Kind.ORIGIN: 2, Kind.GOODS: 12}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", fold_chars(text))


_VOCABULARIES: tuple[tuple[str, frozenset[str]], ...] = (
    ("excluded", EXCLUDED_WORDS),
    (Kind.PRODUCER, PRODUCER_WORDS),
    (Kind.ORIGIN, ORIGIN_WORDS),
    (Kind.GOODS, GOODS_WORDS),
    ("descriptor", DESCRIPTOR_WORDS),
)


def _word_class(word: str) -> str | None:
    """Which label vocabulary a word belongs to. Exact spellings first ("producto" is goods, "productor" a
    producer); otherwise one OCR slip in a long word ("Productcr"), but not another word that merely contains
    a label word ("reproduced")."""
    for name, vocabulary in _VOCABULARIES:
        if word in vocabulary:
            return name
    if word in HEADING_FILLERS or len(word) < 6:
        return None
    best: tuple[float, str | None] = (0.0, None)
    for name, vocabulary in _VOCABULARIES:
        for known in vocabulary:
            if len(known) >= 6 and known[0] == word[0] and abs(len(known) - len(word)) <= 1:
                score = fuzz.ratio(word, known)
                if score >= 85 and score > best[0]:
                    best = (score, name)
    return best[1]


def is_excluded_label(label: str) -> bool:
    """A party, transport or paperwork label ("Client:", "Laboratory:", "Port of discharge:")."""
    return any(_word_class(w) == "excluded" for w in _words(label))


def label_values(segment: Segment) -> list[tuple[tuple[Token, ...], tuple[Token, ...]]]:
    """(label tokens including the colon, value tokens) for every 'label: value' in a segment."""
    return _label_values(segment)


def classify(label: str) -> Kind | None:
    """The kind of statement a label introduces; None for parties, transport, paperwork and anything else."""
    classes = {_word_class(w) for w in _words(label)}
    if "excluded" in classes:
        return None
    for kind in (Kind.PRODUCER, Kind.ORIGIN, Kind.GOODS):
        if kind in classes:
            return kind
    return None


def is_descriptor_only(tokens: Sequence[Token]) -> bool:
    """True for values that hold no name or place: "nombre y dirección", OCR crumbs ("funcidora o 7")."""
    words = [w for w in distinctive_words(" ".join(t.text for t in tokens)) if not w.isdigit()]
    return not [w for w in words if len(w) >= 3 and w not in DESCRIPTOR_WORDS]


@dataclass(frozen=True)
class Statement:
    document: ExtractedDocument
    page: int
    kind: Kind
    label: tuple[Token, ...]
    pieces: tuple[tuple[Token, ...], ...]  # the value, one piece per printed line, in reading order

    @property
    def label_text(self) -> str:
        return " ".join(t.text for t in self.label)

    @property
    def value_text(self) -> str:
        return join_pieces(self.pieces)

    @property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for piece in self.pieces for t in piece)

    def evidence(self, pieces: Sequence[tuple[Token, ...]] | None = None) -> list[Evidence]:
        """The label and value words, one box per printed line (a box across lines would cover neighbours)."""
        chosen = self.pieces if pieces is None else pieces
        by_line: dict[int, list[Token]] = {}
        for token in (*self.label, *(t for piece in chosen for t in piece)):
            by_line.setdefault(token.line, []).append(token)
        return [evidence_for(self.document, self.page, tokens) for _, tokens in sorted(by_line.items())]


def join_pieces(pieces: Sequence[Sequence[Token]]) -> str:
    """Lines of a value as one string: "Xinhua Fuyuan Antimony Products Co., Ltd., Loudi, Hunan, China"."""
    text = ""
    for piece in pieces:
        line = " ".join(t.text for t in piece)
        text = f"{text}{' ' if text.endswith((',', ';')) else ', '}{line}" if text else line
    return text


def _colon_positions(segment: Segment) -> list[int]:
    return [i for i, t in enumerate(segment.tokens) if t.text.endswith(":") or t.text == ":"]


def _label_start(tokens: Sequence[Token], colon: int, floor: int) -> int:
    """First token of the label that ends at `colon`: up to LABEL_MAX_WORDS words without digits, stopping
    after a word that ends a value (",", ".")."""
    start = colon
    while start > floor and colon - start < LABEL_MAX_WORDS - 1:
        previous = tokens[start - 1].text
        if any(ch.isdigit() for ch in previous) or previous.endswith((",", ";")):
            break
        start -= 1
    return start


def _label_values(segment: Segment) -> list[tuple[tuple[Token, ...], tuple[Token, ...]]]:
    """(label tokens including the colon, value tokens) for every 'label: value' in the segment."""
    tokens = segment.tokens
    colons = _colon_positions(segment)
    pairs: list[tuple[tuple[Token, ...], tuple[Token, ...]]] = []
    floor = 0
    for n, colon in enumerate(colons):
        start = _label_start(tokens, colon, floor)
        end = len(tokens)
        if n + 1 < len(colons):
            end = _label_start(tokens, colons[n + 1], colon + 1)
        # A colon glued to the label word ("Producer:") or standing alone ("Productor :").
        label_end = colon + 1
        pairs.append((tuple(tokens[start:label_end]), tuple(tokens[label_end:end])))
        floor = end
    return pairs


def _starts_new_label(tokens: Sequence[Token]) -> bool:
    head = tokens[: LABEL_MAX_WORDS + 1]
    if any(t.text.endswith(":") or t.text == ":" for t in head):
        return True
    text = " ".join(t.text for t in tokens)
    return bool(BOX_NUMBER.match(text)) or _is_header(text)


def _is_header(text: str) -> bool:
    """A column or box heading: label words without figures, optionally numbered ("4. Producer name and
    address", "Description of goods"); not a sentence (no final full stop) and not a marking."""
    body = BOX_NUMBER.sub("", text).strip()
    if not body or body.endswith(".") or any(ch.isdigit() for ch in body):
        return False
    if MADE_IN.search(fold_chars(body) + " "):
        return False
    words = _words(body)
    if not words or len(words) > 12:
        return False
    label_like = sum(1 for w in words if _word_class(w) is not None or w in HEADING_FILLERS)
    return label_like / len(words) >= 0.75


class _PageReader:
    def __init__(self, document: ExtractedDocument, page: PageText) -> None:
        self.document = document
        self.page = page
        heights = [t.word.bbox[3] - t.word.bbox[1] for t in page.tokens]
        self.line_height = median(heights) if heights else 0.01
        # The page's boxes as the extraction left them (`BoxOutline`): a box is its number, -1 is none.
        self.outline = document.box_outline(page.page) or PageBoxes(page.page).outline
        self._word_numbers = {id(w): n for n, w in enumerate(page.page.words)}

    def _box(self, token: Token) -> int:
        return self.outline.word_boxes[self._word_numbers[id(token.word)]]

    def _in_party_or_transport_box(self, token: Token) -> bool:
        """A word in a box captioned for a party or for transport ('3. Means of transport and route',
        'Consignee'): an address or a route there says where a company sits or where the goods travel."""
        box = self._box(token)
        return box >= 0 and bool(caption := self.outline.captions[box]) and is_excluded_label(caption)

    def _same_box(self, label: Token, token: Token) -> bool:
        """Whether `token` may continue a value labelled by `label`: in the label's box, or for a header cell
        in the box below it; anywhere when the label stands in no box."""
        box = self._box(label)
        if box < 0:
            return True
        if self.outline.header_only[box]:
            return self._box(token) in (box, self.outline.entry_below[box])
        return self._box(token) == box

    def _statement(self, kind: Kind, label: Sequence[Token], pieces: Sequence[tuple[Token, ...]]) -> Statement:
        return Statement(self.document, self.page.page.number, kind, tuple(label), tuple(pieces))

    @staticmethod
    def _right_edge(line: Line, segment: Segment) -> float:
        later = [s.x0 for s in line.segments if s.x0 > segment.x1]
        return min(later) if later else 1.0

    def _below(
        self, line: Line, left: float, right: float, max_lines: int, *, adjacent: bool, max_words: int | None
    ) -> list[tuple[Token, ...]]:
        """Pieces of the lines under `line` whose words lie in the column [left, right).

        Stops at the next label or heading in the column, a "Total" row, a wide vertical gap (the end of a
        box or table), or `max_lines`; `adjacent` also stops at the first line with nothing in the column.
        """
        pieces: list[tuple[Token, ...]] = []
        bottom = max(t.word.bbox[3] for t in line.tokens)
        anchor = next((t for t in line.tokens if left - COLUMN_TOLERANCE <= t.x0), line.tokens[0])
        for below in self.page.lines[line.index + 1 :]:
            tokens = tuple(
                t
                for t in below.tokens
                if left - COLUMN_TOLERANCE <= t.x0 and t.x_center < right and self._same_box(anchor, t)
            )
            if not tokens:
                if adjacent:
                    break
                continue
            top = min(t.word.bbox[1] for t in tokens)
            if top - bottom > MAX_GAP_LINES * self.line_height:
                break
            if _starts_new_label(tokens) or fold_chars(tokens[0].text).startswith("total"):
                break
            if max_words is not None and len(tokens) > max_words:
                break
            pieces.append(tokens)
            bottom = max(t.word.bbox[3] for t in tokens)
            if len(pieces) >= max_lines:
                break
        return pieces

    def read(self) -> list[Statement]:
        return [kept for statement in self._read() if (kept := self._outside_party_boxes(statement)) is not None]

    def _outside_party_boxes(self, statement: Statement) -> Statement | None:
        """The statement without the words that stand in a party's or a transport box; None when nothing is
        left."""
        pieces = [
            kept
            for piece in statement.pieces
            if (kept := tuple(t for t in piece if not self._in_party_or_transport_box(t)))
        ]
        if not pieces:
            return None
        if pieces == list(statement.pieces):
            return statement
        return self._statement(statement.kind, statement.label, pieces)

    def _read(self) -> list[Statement]:
        found: list[Statement] = []
        for line in self.page.lines:
            for n, segment in enumerate(line.segments):
                found += self._made_in(segment)
                pairs = _label_values(segment)
                for label, value in pairs:
                    kind = classify(" ".join(t.text for t in label))
                    if kind is not None:
                        found += self._labelled(line, n, kind, label, value)
                if not pairs and _is_header(segment.text) and (kind := classify(segment.text)) is not None:
                    right = self._right_edge(line, segment)
                    pieces = self._below(line, segment.x0, right, BLOCK_LINES[kind], adjacent=False, max_words=None)
                    if pieces:
                        found.append(self._statement(kind, segment.tokens, pieces))
        return found

    def _labelled(
        self, line: Line, index: int, kind: Kind, label: tuple[Token, ...], value: tuple[Token, ...]
    ) -> list[Statement]:
        segment = line.segments[index]
        if not value and index + 1 < len(line.segments):
            # "País de origen:   México": the value printed in the next cell of the same line.
            following = line.segments[index + 1].tokens
            if not _starts_new_label(following):
                value = following
        pieces: list[tuple[Token, ...]] = [value] if value and not is_descriptor_only(value) else []
        right = self._right_edge(line, segment)
        if kind == Kind.PRODUCER and pieces:
            # The producer's address often follows on the next lines: "Productor: X, S.A." / "San Luis Potosí".
            pieces += self._below(line, segment.x0, right, 2, adjacent=True, max_words=CONTINUATION_MAX_WORDS)
        elif kind == Kind.PRODUCER:
            # Label with the value in the box below ("4. Productor: nombre y dirección" / name / address).
            pieces = self._below(line, segment.x0, right, BLOCK_LINES[kind], adjacent=False, max_words=None)
        elif kind == Kind.ORIGIN and not pieces:
            pieces = self._below(line, segment.x0, right, 1, adjacent=True, max_words=CONTINUATION_MAX_WORDS)
        return [self._statement(kind, label, pieces)] if pieces else []

    def _made_in(self, segment: Segment) -> list[Statement]:
        folded = fold_chars(segment.text)
        statements: list[Statement] = []
        for match in MADE_IN.finditer(folded):
            cue = segment.tokens_between(segment.start + match.start(), segment.start + match.end() - 1)
            after = [t for t in segment.tokens if t.start >= segment.start + match.end()]
            value: list[Token] = []
            for token in after[:MADE_IN_MAX_WORDS]:
                if token.text.endswith(":"):  # the next label on the same line ("MADE IN THAILAND NET WEIGHT:")
                    break
                value.append(token)
            if cue and value:
                statements.append(self._statement(Kind.MADE_IN, cue, [tuple(value)]))
        return statements


def document_statements(shipment: ShipmentContext, document: ExtractedDocument) -> list[Statement]:
    def compute() -> list[Statement]:
        pages = shipment.text(document).pages.values()
        return [s for page in pages for s in _PageReader(document, page).read()]

    return shipment.memo(("statements", document.document_id), compute)
