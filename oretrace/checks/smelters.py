"""Smelters named on a shipment's documents, resolved against the reference list.

Sources, strongest first:

1. the assay certificate's `smelter_name` field (the extractor's reading of "Producer / smelter: ...");
2. producer statements in any document's text (`checks.statements`: "Productor / fundidora: ...",
   "Produced by: ...", the producer box of a USMCA certification), one printed line at a time, so that a
   name on one line and its address on the next are told apart;
3. SMELTER entities of the NER's reference-list ruler, which carry smelter ids (exact names and aliases);
4. on the assay certificate only, as a last resort when OCR has garbled the producer label
   ("[PEPA ter: PT Sinar Antimon Smelting"): a value that names a smelting or refining business (a facility
   word such as "Smelting", "Refinery", "Fundición") outside client and laboratory lines, then SMELTER
   entities of the statistical model that look like a company or plant name.

A printed value is a *name* only if it has distinctive words (not just "fundidora" or "name and address")
and is not entirely a place ("Madero, Coahuila, México" is the smelter's address, printed where OCR lost
the name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oretrace.checks.context import ShipmentContext
from oretrace.checks.entities import document_entities
from oretrace.checks.statements import (
    Kind,
    Statement,
    document_statements,
    is_descriptor_only,
    is_excluded_label,
    label_values,
)
from oretrace.checks.text import Token, evidence_for, field_evidence
from oretrace.core.folding import fold_chars
from oretrace.core.models import DocType, Evidence, ExtractedDocument
from oretrace.nlp_models.gazetteer import find_places
from oretrace.reference import SmelterMatch, distinctive_words, match_smelter

# Words that name a smelting or refining business: on an assay certificate, such a name is the producer.
FACILITY_WORDS = frozenset("smelter smelting smeltery refinery refining refineria roaster fundicion fundidora".split())
# Words that make an unlabelled string look like a producer's name rather than OCR debris.
COMPANY_CUES = frozenset(
    "smelter smelting smeltery refinery refining roaster plant mill mine mining metal metals metallurgical "
    "antimony antimon antimonio fundicion fundidora co ltd limited inc corp corporation company llc nv cjsc jsc "
    "pt tbk sa cv gmbh plc industries industry".split()
)


def clean_printed(text: str) -> str:
    """Drop OCR debris around a printed name ("‘PT Sinar Antimon Smelting |")."""
    return text.strip(" |‘’'\"“”_—:;,[]{}") or text


@dataclass(frozen=True)
class SmelterMention:
    document: ExtractedDocument
    printed: str
    evidence: tuple[Evidence, ...]
    match: SmelterMatch | None
    source: str  # "field", "producer statement", "ruler", "facility name", "ner"
    statement: Statement | None = None

    @property
    def resolved(self) -> bool:
        return self.match is not None


def _has_company_cue(text: str) -> bool:
    return bool(set(re.findall(r"[a-z]+", text.casefold())) & COMPANY_CUES)


def is_name(text: str) -> bool:
    """Distinctive words, and either a company cue ("smelter", "Co., Ltd.") or a word that is not a place.

    The cue matters for names made of place words: "Madero smelter (United States Antimony Corporation)".
    """
    words = [w for w in distinctive_words(text) if len(w) >= 3 and not w.isdigit()]
    if not words:
        return False
    if _has_company_cue(text):
        return True
    place_words = {w for p in find_places(text) for w in distinctive_words(text[p.start : p.end])}
    return any(w not in place_words for w in words)


def _looks_like_company(text: str) -> bool:
    return _has_company_cue(text) and is_name(text)


def _field_mention(shipment: ShipmentContext, document: ExtractedDocument) -> SmelterMention | None:
    value = document.value("smelter_name")
    if not isinstance(value, str) or not is_name(value):
        return None
    return SmelterMention(
        document,
        value,
        tuple(field_evidence(document, "smelter_name")),
        match_smelter(value, shipment.reference),
        "field",
    )


def _statement_mention(shipment: ShipmentContext, statement: Statement) -> SmelterMention | None:
    """The first printed line of a producer statement that resolves to a reference smelter; else the first
    line that reads as a name (unresolved)."""
    first_name: tuple[Token, ...] | None = None
    for piece in statement.pieces:
        text = " ".join(t.text for t in piece)
        if is_descriptor_only(piece) or not is_name(text):
            continue
        match = match_smelter(text, shipment.reference)
        if match is not None:
            return SmelterMention(
                statement.document, text, tuple(statement.evidence([piece])), match, "producer statement", statement
            )
        first_name = first_name or piece
    if first_name is None:
        return None
    text = " ".join(t.text for t in first_name)
    return SmelterMention(
        statement.document, text, tuple(statement.evidence([first_name])), None, "producer statement", statement
    )


def _entity_mentions(shipment: ShipmentContext, document: ExtractedDocument) -> list[SmelterMention]:
    mentions: list[SmelterMention] = []
    for entity in document_entities(shipment, document):
        if entity.label != "SMELTER":
            continue
        evidence = (evidence_for(document, entity.page, entity.tokens),)
        ids = entity.entity.smelter_ids
        if ids:
            candidates = tuple(s for i in ids if (s := shipment.reference.smelter(i)) is not None)
            if candidates:
                match = SmelterMatch(entity.entity.text, candidates[0], 100.0, entity.entity.text, candidates)
                mentions.append(SmelterMention(document, entity.entity.text, evidence, match, "ruler"))
        elif document.doc_type == DocType.ASSAY_CERTIFICATE and _looks_like_company(entity.entity.text):
            match = match_smelter(entity.entity.text, shipment.reference)
            mentions.append(SmelterMention(document, entity.entity.text, evidence, match, "ner"))
    return mentions


def _facility_mentions(shipment: ShipmentContext, document: ExtractedDocument) -> list[SmelterMention]:
    """Values on an assay certificate that name a smelting or refining business, outside party labels."""
    mentions: list[SmelterMention] = []
    for number, page in shipment.text(document).pages.items():
        for line in page.lines:
            for segment in line.segments:
                pairs = label_values(segment) or [((), segment.tokens)]
                for label, value in pairs:
                    text = " ".join(t.text for t in value)
                    words = set(re.findall(r"[a-z]+", fold_chars(text)))
                    if not value or is_excluded_label(" ".join(t.text for t in label)) or not words & FACILITY_WORDS:
                        continue
                    if is_name(text):
                        evidence = (evidence_for(document, number, value),)
                        match = match_smelter(text, shipment.reference)
                        mentions.append(SmelterMention(document, text, evidence, match, "facility name"))
    return mentions


def smelter_mentions(shipment: ShipmentContext) -> list[SmelterMention]:
    """Every smelter mention on every document, in source order (field, statements, entities)."""

    def compute() -> list[SmelterMention]:
        mentions: list[SmelterMention] = []
        for document in shipment.documents:
            if document.doc_type == DocType.ASSAY_CERTIFICATE and (m := _field_mention(shipment, document)):
                mentions.append(m)
            for statement in document_statements(shipment, document):
                if statement.kind == Kind.PRODUCER and (m := _statement_mention(shipment, statement)):
                    mentions.append(m)
            mentions += _entity_mentions(shipment, document)
            if document.doc_type == DocType.ASSAY_CERTIFICATE:
                mentions += _facility_mentions(shipment, document)
        return mentions

    return shipment.memo("smelter_mentions", compute)


LABELLED = frozenset({"field", "producer statement"})


@dataclass(frozen=True)
class NamedProducer:
    """The producer an assay certificate names: resolved if any reading of it matches the reference list."""

    document: ExtractedDocument
    mentions: tuple[SmelterMention, ...]

    @property
    def match(self) -> SmelterMatch | None:
        return next((m.match for m in self.mentions if m.match is not None), None)

    @property
    def printed(self) -> str:
        return clean_printed(self.mentions[0].printed)


def assay_producers(shipment: ShipmentContext) -> list[NamedProducer]:
    """Per assay certificate, the readings of the producer it names (empty when it names none)."""
    producers: list[NamedProducer] = []
    for document in shipment.of_type(DocType.ASSAY_CERTIFICATE):
        mentions = [m for m in smelter_mentions(shipment) if m.document is document]
        # Labelled readings decide; a reference name elsewhere on the page ("Client: ...") must not stand in
        # for an unknown producer. NER entities only when no label survived (e.g. lost by OCR).
        for tier in (LABELLED, {"ruler"}, {"facility name"}, {"ner"}):
            chosen = tuple(m for m in mentions if m.source in tier)
            if chosen:
                producers.append(NamedProducer(document, chosen))
                break
    return producers
