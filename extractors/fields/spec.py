"""Label-driven field extraction, shared by every document type."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import median

from oretrace.core.folding import fold
from oretrace.core.models import Evidence, FieldValue, Word
from oretrace.extractors.classify import DOCUMENT_TITLES
from oretrace.extractors.fields import parsers
from oretrace.extractors.fields.labels import LABELS, OTHER_LABELS
from oretrace.extractors.fields.parsers import Parser
from oretrace.extractors.fields.view import (
    FOLDED_LABELS,
    RIGHT_REACH,
    Candidate,
    DocumentView,
    LabelHit,
    ends_with_colon,
    is_descriptor,
    numbered,
)
from oretrace.extractors.layout import union_bbox

WHERE_WEIGHT = {"inline": 1.0, "box": 0.95, "right": 0.95, "below": 0.9, "column": 0.9, "text": 0.8}


@dataclass(frozen=True)
class LabelledField:
    """A field found next to one of its labels and read by `parse`."""

    name: str
    labels: tuple[str, ...]
    parse: Parser
    # A parser may depend on the label and what heads it, e.g. "Net weight (MT)" sets the unit.
    parse_for_label: Callable[[DocumentView, LabelHit], Parser] | None = None
    # Names run on from a label without a colon ("Laboratory Manager", "Exporter declares"): only a
    # colon makes the rest of the phrase a value.
    inline_needs_colon: bool = False
    # Look above the label too: dates of issue stand over the "Place and date" caption of a signature box.
    look_above: bool = False
    # A value may wrap over two or three lines of its box ('ESTADOS UNIDOS' / 'MEXICANOS'): read them together
    # first.
    join_lines: bool = False
    # Words that mark the right one of several equal labels, in the label's phrase or its box's caption: the
    # certifying authority's 'Place and date' rather than the exporter's.
    prefer_words: frozenset[str] = frozenset()

    def ordered_hits(self, view: DocumentView) -> list[LabelHit]:
        hits = view.find_labels(self.labels)
        if not self.prefer_words:
            return hits
        return sorted(hits, key=lambda hit: not self.prefer_words & _context_words(view, hit))

    def extract(self, view: DocumentView, skip: set[int]) -> FieldValue:
        hits = self.ordered_hits(view)
        if not hits:
            return FieldValue.missing(self.name, f"no label for {self.name} found")
        reasons: list[str] = []
        for hit in hits:
            parse = self.parse_for_label(view, hit) if self.parse_for_label else self.parse
            if not is_label(hit, parse, self.inline_needs_colon) or names_other(hit, self.labels):
                continue
            if parse is parsers.party_name and _numbers_the_party(hit):
                continue  # 'Customer No. 1239872': the party's number, not its name
            if answers_caption(view, hit) or _bare_title(view, hit) or _bracket_tail(hit):
                continue
            header = _in_header_row(view, hit)
            own = own_label_ids(hits)
            for candidate in translated_value(
                view, self.labels, hit, parse, view.value_candidates(hit, above=self.look_above, joined=self.join_lines)
            ):
                candidate = _after_number_mark(candidate)
                if candidate.where == "inline" and _STREET_NUMBER.match(candidate.text):
                    # 'No. 7, Jalan Bendahara, 31650 Ipoh': a street number, the address after it; the mark
                    # labels nothing, and the line under the address (a telephone number) is no value of it.
                    break
                if run_on_caption(candidate, hit):
                    continue  # the next column's caption run into this one ('Productor fundidora')
                if candidate.where != "inline" and id(candidate.words[0]) in skip:
                    if ends_reading(candidate, skip, own):
                        break
                    continue  # a label, not a value
                if (
                    candidate.where != "inline"
                    and _FIELD_CODE.match(candidate.words[0].text)
                    and len(candidate.words) > 1
                ):
                    continue  # 'C02 Direction of the test piece': a coded field of its own
                if header and candidate.where == "right":
                    continue  # the next column's caption; the value stands under its caption
                parsed = parse(candidate.text)
                if parsed.found:
                    return field_value(self.name, parsed.value, candidate, hit.score / 100)
                reasons.append(parsed.reason or "unparsed")
                if candidate.where == "inline" and hit.colon and any(c.isdigit() for c in candidate.text):
                    # 'Invoice No.: 2025:0604' (a slash OCR read as a colon): the label's value is there, unread;
                    # the line below belongs to another label ('MV Sea Lotus V.093W').
                    break
        return FieldValue.missing(self.name, f"label found but no readable value ({reasons[0] if reasons else ''})")


def _numbers_the_party(hit: LabelHit) -> bool:
    words, label = fold(hit.phrase.text).split(), fold(hit.label).split()
    at = next((i for i in range(len(words)) if words[i : i + len(label)] == label), None)
    following = words[at + len(label) :] if at is not None else []
    return bool(following) and following[0] in _PARTY_NUMBER_WORDS


# A house number and the street after its comma ('7, Jalan Bendahara'): an address, not a reference.
_STREET_NUMBER = re.compile(r"^\d{1,4}[A-Za-z]?,\s+[^\W\d_]{2,}")
NUMBER_MARKS = frozenset({"no", "n", "nr", "numero", "number", "#"})  # folded: 'Nro.', 'Núm.' are 'no'
# Words after a party's label that make it the caption of the party's number or code ('Customer No.', 'Client ID').
_PARTY_NUMBER_WORDS = NUMBER_MARKS | {"id", "code", "codigo"}


def after_number_mark(
    words: Sequence[Word], marks: frozenset[str] = NUMBER_MARKS, within: int = 3
) -> Sequence[Word] | None:
    """The words after a bare number mark and its colon ('N°: 2025/0894' -> '2025/0894'), the colon among the
    first `within` words; None where the words do not start with such a mark."""
    colon = next((i for i, w in enumerate(words[:within]) if ends_with_colon(w.text)), None)
    if colon is None or fold(" ".join(w.text for w in words[: colon + 1])) not in marks:
        return None
    return words[colon + 1 :]


def _after_number_mark(candidate: Candidate) -> Candidate:
    """In a box that a caption names ('4. Commercial invoice'), 'N°: 2025/0894' is the number of what the box
    holds: the value is what follows the mark and its colon."""
    if candidate.where != "box" or len(candidate.words) < 2:
        return candidate
    rest = after_number_mark(candidate.words)
    if rest is None:
        return candidate
    return Candidate(" ".join(w.text for w in rest), tuple(rest), candidate.page, "box")


# Field codes of EN 10168 certificates and numbered boxes ('A03', 'C00', 'B09.1').
_FIELD_CODE = re.compile(r"^[A-Z]\d{2}(?:\.\d)?$")


def _in_header_row(view: DocumentView, hit: LabelHit) -> bool:
    """A bare caption in a row of three or more captions without numbers ('Manufacturer  Customer
    Business Transaction'): a header row, whose values stand under each caption."""
    if hit.colon or hit.rest or hit.inside:
        return False
    row = view.rows[view.row_index(hit.phrase)]

    def caption(text: str) -> bool:
        words = text.split()
        if words and _FIELD_CODE.match(words[0]):
            words = words[1:]
        return not any(c.isdigit() for w in words for c in w)

    return len(row) >= 3 and all(caption(p.text) for p in row)


def translated_value(
    view: DocumentView, labels: tuple[str, ...], hit: LabelHit, parse: Parser, candidates: Iterable[Candidate]
) -> Iterator[Candidate]:
    """Bilingual forms follow a label with its translation: 'Bescheinigungsnummer / Document number
    1866645/001'. What follows the translation (itself one of the field's labels) is the value; when the
    translation ends the phrase ('Certificate ID / Zertifikatsnummer   43'), the value is in the next cell."""
    rest = hit.rest
    if rest and rest[0].text.startswith("/"):
        words = [w for w in rest if w.text != "/"]
        if rest[0].text != "/":
            words = rest
        folded_labels = {fold(label) for label in labels}
        if fold(" ".join(w.text for w in words).lstrip("/")) in folded_labels:
            # The whole rest is the translation ("Herstellerwerk / Manufacturer's plant"): no word of it is
            # the value, which stands in the next cell or under the caption.
            phrase = hit.phrase
            for p in view.rows[view.row_index(phrase)]:
                if phrase.x1 - 0.005 <= p.x0 <= phrase.x1 + RIGHT_REACH:
                    yield Candidate(p.text, tuple(p.words), p.page, "right")
                    break
            yield from candidates
            return
        for n in range(len(words) - 1, 0, -1):
            translation = fold(" ".join(w.text for w in words[:n]).lstrip("/"))
            if translation in folded_labels and parse(" ".join(w.text for w in words[n:])).found:
                value_words = tuple(words[n:])
                yield Candidate(" ".join(w.text for w in value_words), value_words, hit.phrase.page, "inline")
                break
    yield from candidates


class LabelWords(set[int]):
    """Identities of the first words of label phrases (never values); `fields` holds those that label a
    canonical field, as opposed to any phrase ending with a colon."""

    def __init__(self, ids: set[int], fields: set[int]) -> None:
        super().__init__(ids)
        self.fields = fields


def own_label_ids(hits: Iterable[LabelHit]) -> set[int]:
    return {id(hit.phrase.words[0]) for hit in hits}


def ends_reading(candidate: Candidate, skip: set[int], own: set[int]) -> bool:
    """Below (or above) a label, another field's label starts that field's value: what follows is not ours."""
    first = id(candidate.words[0])
    fields = skip.fields if isinstance(skip, LabelWords) else set()
    return candidate.where in ("below", "box", "above") and first in fields and first not in own


def _context_words(view: DocumentView, hit: LabelHit) -> set[str]:
    """The folded words of a label's phrase and of the caption of the box it stands in."""
    box = view.box_of(hit.phrase)
    text = hit.phrase.text + (" " + box.caption if box is not None else "")
    return set(fold(text).split())


def names_other(hit: LabelHit, own: tuple[str, ...] = ()) -> bool:
    """'8. Origin criterion' starts with the label 'origin' but names the origin criterion (OTHER_LABELS);
    'Goods consigned from', matched loosely on a scan as 'goods consigned to', names the exporter: a longer
    label of another field that the phrase starts with names that field."""
    others = _longer_labels(fold(hit.label), own)
    words = hit.phrase.words
    if hit.inside and hit.rest:
        # Inside running text the label ends where its value starts: what precedes it may widen it
        # ('(Exporter Reference No BE0712345678)').
        end = next(i for i, w in enumerate(words) if w is hit.rest[0])
        before = " ".join(fold(w.text) for w in words[:end] if fold(w.text))
        return any(f" {before}".endswith(f" {other}") for other in others)
    phrase = " ".join(fold(w.text) for w in words if fold(w.text))
    phrase = re.sub(r"^\d{1,2}\s+", "", phrase)  # the box number
    return any(f"{phrase} ".startswith(f"{other} ") for other in others)


@lru_cache(maxsize=4096)
def _longer_labels(label: str, own: tuple[str, ...]) -> tuple[str, ...]:
    """The folded labels longer than `label` that are not among the field's own, nor the label with only a
    description after it ('consignee name' for 'Consignee (name and address)' names the consignee whatever the
    field): asked for every label hit of every field, so worked out once for each label and field."""
    mine = {fold(o) for o in own}
    return tuple(
        other
        for other in FOLDED_LABELS
        if len(other) > len(label)
        and other not in mine
        and not (
            other.startswith(f"{label} ")
            and is_descriptor(other.removeprefix(f"{label} "))
            # 'Invoice date' is a date's caption, not a description of the invoice box
            and not other.endswith(" date")
        )
    )


def is_label(hit: LabelHit, parse: Parser, needs_colon: bool = False) -> bool:
    """Whether a phrase that starts with a label's words is that label. Words run on after it without a
    colon ("Date of shipment", "Laboratory Manager", "Origin criterion") make it another phrase, unless
    they are the value itself ("Invoice No 4711"), the label's own description ("(name, address)") or the
    caption of the next column run into it ("Net weight Origin")."""
    if hit.colon or not hit.rest:
        return True
    rest = " ".join(w.text for w in hit.rest)
    if is_descriptor(rest) or starts_with_label(rest):
        return True
    return not needs_colon and parse(rest).found


def _bracket_tail(hit: LabelHit) -> bool:
    """'acheteur)': the end of a bracketed caption wrapped from the line above ('(inclure le n° de commande de
    l' / 'acheteur)'), which labels nothing."""
    text = hit.phrase.text.rstrip()
    return not hit.inside and text.endswith(")") and "(" not in text


TITLE_OVER_TEXT = 1.3  # a title is printed this much taller than the line under it; a caption is not


def _bare_title(view: DocumentView, hit: LabelHit) -> bool:
    """'COMMERCIAL INVOICE' alone and printed larger than the line under it: the document's title, which labels
    nothing under it but a number marked as one (the seller's street number there is no invoice number). A
    'Commercial invoice' caption over its number is printed as small as the number. A title is no other label
    either."""
    if fold(hit.phrase.text) not in DOCUMENT_TITLES or hit.colon:
        return False
    if fold(hit.label) != fold(hit.phrase.text):
        return True  # another label read into the title ('CERTIFICATE OF ORIGIN' as 'certificate no' on a scan)
    under = view.phrases_under(hit.phrase)
    if any(fold(phrase.words[0].text) in NUMBER_MARKS for phrase in under):
        return False  # 'INVOICE' over '# 2022-001': the document's own number, marked as one
    below = [w for phrase in under for w in phrase.words]
    return bool(below) and _print_height(hit.phrase.words) >= TITLE_OVER_TEXT * _print_height(below)


def _print_height(words: Sequence[Word]) -> float:
    return median(w.bbox[3] - w.bbox[1] for w in words)


def answers_caption(view: DocumentView, hit: LabelHit) -> bool:
    """'1. Certifier: | Exporter', 'Notify: | Consignee': a label's word standing alone as the value of the
    caption before it on its row names a role, not a box holding that field's value. A numbered caption
    ('3. Nombre del productor: | 4. Nombre del importador') heads a box of its own."""
    if hit.colon or hit.rest or numbered(hit.phrase):
        return False
    before = view.phrase_before(hit.phrase)
    return before is not None and ends_with_colon(before.text)


def run_on_caption(candidate: Candidate, hit: LabelHit) -> bool:
    """The words after a label are the next column's caption run into it ('Productor fundidora'), not a value;
    what follows a colon after them is ('Productor / fundidora: Fundición ...'), and so is what follows the
    label's own colon, whatever word it starts with ('Analysed by: Laboratorio Metalúrgico ...')."""
    return (
        candidate.where == "inline"
        and not hit.colon
        and bool(hit.rest)
        and candidate.words[0] is hit.rest[0]
        and starts_with_label(candidate.text)
    )


def starts_with_label(text: str) -> bool:
    folded = f"{fold(text)} "
    return any(folded.startswith(label) for label in _RUN_ON_LABELS)


MIN_RUN_ON_LABEL = 5  # shorter labels ('no', 'date') start too many phrases to mark a caption run on
_RUN_ON_LABELS = tuple(f"{label} " for label in FOLDED_LABELS if len(label) >= MIN_RUN_ON_LABEL)


def field_value(name: str, value: object, candidate: Candidate, match_score: float = 1.0) -> FieldValue:
    confidence = candidate.confidence * WHERE_WEIGHT.get(candidate.where, 0.8) * match_score
    return FieldValue(
        name=name,
        value=value,  # type: ignore[arg-type]
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        evidence=[
            Evidence(page=candidate.page, bbox=union_bbox([w.bbox for w in candidate.words]), text=candidate.text)
        ],
        raw=candidate.text,
    )


def extract_labelled(view: DocumentView, fields: Iterable[LabelledField]) -> tuple[dict[str, FieldValue], set[int]]:
    """Every field found next to its labels, and the label phrases (for the fallbacks to skip)."""
    skip = label_word_ids(view, [*LABELS.values(), OTHER_LABELS])
    return {spec.name: spec.extract(view, skip) for spec in fields}, skip


def label_word_ids(view: DocumentView, label_sets: Iterable[tuple[str, ...]]) -> LabelWords:
    """Identity of the first word of every phrase that is itself a label, so it is never read as a value."""
    ids: set[int] = set()
    for labels in label_sets:
        for hit in view.find_labels(labels):
            # "Laboratorio Metalúrgico del Norte" starts with a label word but is a name, not a label.
            if not hit.inside and (hit.colon or not hit.rest or is_descriptor(" ".join(w.text for w in hit.rest))):
                ids.add(id(hit.phrase.words[0]))
    fields = set(ids)
    for row in view.rows:
        for phrase, following in zip(row, [*row[1:], None], strict=True):
            text = phrase.text.strip()
            if ends_with_colon(text) or (text.startswith("(") and text.endswith(")")):
                ids.add(id(phrase.words[0]))
            elif following is not None and following.text.startswith(":") and not any(c.isdigit() for c in text):
                # 'Nummer  : GE2020211': the colon stands apart from its label. A figure before a speck
                # ('KS-2506-056 :1.000,0') is a value.
                ids.add(id(phrase.words[0]))
    return LabelWords(ids, fields)


# Under a document's title a bare 'No.:', 'Número:' or 'Folio:' is the document's own number ('FACTURA' over
# 'No.: F-00659'); lower down the page the same mark numbers anything (a bill of lading, a container, a
# package), and a mark with more words before its colon is another number ('Núm. reg. id. trib.:').
BARE_MARKS = NUMBER_MARKS - {"#"} | {"folio"}
HEADER_ZONE = 0.3  # the top of the first page


def bare_number(view: DocumentView, name: str) -> FieldValue:
    """The reference after a bare number mark and its colon in the header of the first page, or under the mark
    where it heads a cell."""
    for row in view.rows:
        for index, phrase in enumerate(row):
            if phrase.page != 1 or phrase.y0 >= HEADER_ZONE:
                continue
            after = after_number_mark(phrase.words, BARE_MARKS, within=2)
            if after is None and fold(phrase.text) in BARE_MARKS:
                # 'Folio' heading its cell of the header grid, the number under it ('Folio | Fecha' over
                # 'F-00106 | 18 de marzo de 2025').
                under = view.phrases_under(phrase, rows=2)
                value = list(under[0].words) if under else []
            elif after is None:
                continue
            else:
                value = list(after) or (row[index + 1].words if index + 1 < len(row) else [])
            text = " ".join(w.text for w in value)
            parsed = parsers.identifier(text)
            if value and parsed.found:
                return field_value(name, parsed.value, Candidate(text, tuple(value), 1, "right"), 0.9)
    return FieldValue.missing(name, "no bare number mark in the header")


def first_found(*values: FieldValue) -> FieldValue:
    for value in values:
        if value.found:
            return value
    return values[0]
