"""Named entities of a shipment's documents, read where the checks use them.

The checks use three kinds of entity: SMELTER entities of the reference list's ruler, on any line of any
document (`checks.smelters`); on an assay certificate, the statistical model's SMELTER entities anywhere (a
producer named without its label); and the entities within statements, whose places and organisation names
`checks.places` reads (`checks.statements`). So the statistical model reads every page of an assay
certificate whole and, on other pages, the runs of lines that hold a statement's label or value, each with
`CONTEXT_LINES` lines above and below; the ruler alone reads the other lines. The ruler's entities are the
same either way: it runs before the model, which keeps what the ruler set, and no ruler pattern spans a line
break.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from oretrace.checks.context import ShipmentContext
from oretrace.checks.statements import document_statements
from oretrace.checks.text import PageText, Token
from oretrace.core.models import DocType, ExtractedDocument

if TYPE_CHECKING:
    from oretrace.nlp_models.pipeline import Entity

# Lines read by the model above and below a run of statement lines, as the context it reads them in.
CONTEXT_LINES = 1


@dataclass(frozen=True)
class DocEntity:
    """A named entity found on one page of a document, with the words it covers."""

    entity: Entity
    page: int
    tokens: tuple[Token, ...]

    @property
    def label(self) -> str:
        return self.entity.label


@dataclass(frozen=True)
class _Span:
    """Characters [start, end) of a page's text, read by the whole pipeline (`model`) or by the ruler alone."""

    page: int
    text: PageText
    start: int
    end: int
    model: bool


def document_entities(shipment: ShipmentContext, document: ExtractedDocument) -> list[DocEntity]:
    """The entities of `document` the checks use, page by page in reading order (empty without a pipeline)."""
    return shipment.memo(("entities", document.document_id), lambda: _entities(shipment, document))


def _entities(shipment: ShipmentContext, document: ExtractedDocument) -> list[DocEntity]:
    nlp = shipment.nlp
    if nlp is None:
        return []
    from oretrace.nlp_models.pipeline import extract_entities_of, ruler_entities_of

    pages = [(number, page) for number, page in shipment.text(document).pages.items() if page.text.strip()]
    spans: list[_Span] = []
    if document.doc_type == DocType.ASSAY_CERTIFICATE:
        spans = [_Span(number, page, 0, len(page.text), True) for number, page in pages]
    else:
        read: dict[int, set[int]] = {}
        for statement in document_statements(shipment, document):
            read.setdefault(statement.page, set()).update(t.line for t in (*statement.label, *statement.tokens))
        for number, page in pages:
            spans += _spans(number, page, read.get(number, set()))
    model = [s for s in spans if s.model]
    ruler = [s for s in spans if not s.model]
    # The document's spans in one batch through the pipeline, and one through the ruler.
    found = zip(model, extract_entities_of([s.text.text[s.start : s.end] for s in model], nlp), strict=True)
    found_by_ruler = zip(ruler, ruler_entities_of([s.text.text[s.start : s.end] for s in ruler], nlp), strict=True)
    by_page: dict[int, list[DocEntity]] = {}
    for span, entities in (*found, *found_by_ruler):
        for entity in entities:
            start, end = entity.start_char + span.start, entity.end_char + span.start
            tokens = span.text.tokens_between(start, end)
            if tokens:
                shifted = entity.model_copy(update={"start_char": start, "end_char": end}) if span.start else entity
                by_page.setdefault(span.page, []).append(DocEntity(shifted, span.page, tokens))
    return [e for number, _ in pages for e in sorted(by_page.get(number, []), key=lambda e: e.entity.start_char)]


def _spans(number: int, page: PageText, lines: Iterable[int]) -> list[_Span]:
    """The page's text cut into runs of whole lines: those the model reads (the given lines with their context
    lines) and those between, for the ruler."""
    last = len(page.lines) - 1
    model = {n for line in lines for n in range(line - CONTEXT_LINES, line + CONTEXT_LINES + 1) if 0 <= n <= last}
    spans: list[_Span] = []
    first = 0
    for index in range(len(page.lines)):
        if index == last or (index in model) != (index + 1 in model):
            start, end = page.lines[first].tokens[0].start, page.lines[index].tokens[-1].end
            spans.append(_Span(number, page, start, end, first in model))
            first = index + 1
    return spans
