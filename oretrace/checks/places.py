"""Places named within given words of a page, with their country: the NER's GPE entities and the gazetteer.

Both sources are used because each misses what the other finds: the NER sees context (it does not take
"Reading: 12 ppm" for a town) but misses unusual spellings; the gazetteer knows 50,000 names but no context.
Words inside an organisation, smelter or laboratory name (by the NER) are never places: "Hunan" in
"Hunan Zhirong Antimony" names a company, and the smelter checks deal with it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from oretrace.checks.context import ShipmentContext
from oretrace.checks.entities import document_entities
from oretrace.checks.text import Token
from oretrace.core.models import ExtractedDocument
from oretrace.nlp_models.gazetteer import find_places

NAME_LABELS = frozenset({"ORG", "SMELTER", "LAB"})


@dataclass(frozen=True)
class Place:
    country: str
    tokens: tuple[Token, ...]

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens).strip(" ,.;:|()")


def _joined(tokens: Sequence[Token]) -> tuple[str, list[tuple[int, int, Token]]]:
    """The words joined by spaces, and each word's span in that string."""
    spans: list[tuple[int, int, Token]] = []
    parts: list[str] = []
    offset = 0
    for token in tokens:
        spans.append((offset, offset + len(token.text), token))
        parts.append(token.text)
        offset += len(token.text) + 1
    return " ".join(parts), spans


def name_tokens(shipment: ShipmentContext, document: ExtractedDocument, page: int) -> set[Token]:
    """Words that the NER puts inside an organisation, smelter or laboratory name on this page."""
    return {
        t for e in document_entities(shipment, document) if e.page == page and e.label in NAME_LABELS for t in e.tokens
    }


def places_in(
    shipment: ShipmentContext,
    document: ExtractedDocument,
    page: int,
    tokens: Sequence[Token],
    masked: set[Token] | None = None,
    *,
    gazetteer: bool = True,
) -> list[Place]:
    """Places among `tokens` (one page), outside organisation names and outside `masked`.

    `gazetteer=False` keeps only the NER's places: for text where names of people and things are common
    (descriptions of goods), a bare gazetteer hit ("Mariana", "Ramos") is too often not a place.
    """
    allowed = set(tokens) - name_tokens(shipment, document, page) - (masked or set())
    found: list[Place] = []
    for entity in document_entities(shipment, document):
        country = entity.entity.country
        if entity.page == page and entity.label == "GPE" and country and set(entity.tokens) <= allowed:
            found.append(Place(country, entity.tokens))
    text, spans = _joined(tokens)
    for match in find_places(text) if gazetteer else []:
        covered = tuple(t for start, end, t in spans if start < match.end and end > match.start)
        if covered and set(covered) <= allowed:
            found.append(Place(match.iso2, covered))
    # One place per set of words (the NER and the gazetteer often agree); NER first.
    unique: dict[frozenset[Token], Place] = {}
    for place in found:
        unique.setdefault(frozenset(place.tokens), place)
    return sorted(unique.values(), key=lambda p: p.tokens[0].start)
