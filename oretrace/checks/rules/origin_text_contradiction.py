"""origin_text_contradiction (high): free text places the goods or their producer in another country.

Only statements about production or origin count (`checks.statements`): producer names and addresses,
origin lines ("Origin of ore: Guangxi"), markings ("MADE IN CHINA", "PRODUCT OF P.R. CHINA") and
descriptions of goods. Party and transport addresses (buyer, consignee, laboratory, ports, destination)
are never read as origin. Also compared: a `country_of_origin` field on a document other than the one the
declared origin was taken from (an invoice saying China next to a certificate saying Thailand).

Not double-counted with `smelter_origin_mismatch`: a producer statement that resolves to a reference smelter
is that check's evidence, address included; and places inside company names ("Hunan" in "Hunan Zhirong
Antimony") never count. In descriptions of goods, places after a transport word ("CIF Baltimore", "to
Laredo") are destinations, not origins.
"""

from __future__ import annotations

import re

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.places import Place, places_in
from oretrace.checks.registry import register
from oretrace.checks.smelters import COMPANY_CUES, smelter_mentions
from oretrace.checks.statements import (
    TRANSPORT_CUES,
    Kind,
    Statement,
    document_statements,
    join_pieces,
)
from oretrace.checks.text import DOUBTFUL_CONFIDENCE, Token, field_evidence, reading_confidence
from oretrace.core.folding import fold_chars
from oretrace.core.models import Evidence, ExtractedDocument, Finding, Severity

QUOTE_MAX_CHARS = 160
WHAT = {
    Kind.PRODUCER: "the producer named on the {doc}",
    Kind.ORIGIN: "an origin statement on the {doc}",
    Kind.MADE_IN: "the marking on the {doc}",
    Kind.GOODS: "the description of goods on the {doc}",
}


def _company_tokens(statement: Statement) -> set[Token]:
    """Leading comma-separated parts of the first value line up to the last one that reads as a company
    ("Xinhua Fuyuan Antimony Products Co., Ltd., Loudi, Hunan" -> up to "Ltd."): its place words name the
    company, the parts after it are its address."""
    if not statement.pieces:
        return set()
    parts: list[list[Token]] = [[]]
    for token in statement.pieces[0]:
        parts[-1].append(token)
        if token.text.endswith(","):
            parts.append([])
    last_company = -1
    for n, part in enumerate(parts):
        words = set(re.findall(r"[a-z]+", fold_chars(" ".join(t.text for t in part))))
        if words & COMPANY_CUES:
            last_company = n
    return {t for part in parts[: last_company + 1] for t in part}


def _after_transport_word(place: Place, statement: Statement) -> bool:
    tokens = statement.tokens
    index = tokens.index(place.tokens[0])
    before = [re.sub(r"\W", "", fold_chars(t.text)) for t in tokens[max(0, index - 2) : index]]
    return any(word in TRANSPORT_CUES for word in before)


def _resolved_statements(shipment: ShipmentContext) -> set[int]:
    return {id(m.statement) for m in smelter_mentions(shipment) if m.statement is not None and m.resolved}


def _contradictions(shipment: ShipmentContext, statement: Statement, origin: str) -> list[Place]:
    masked = _company_tokens(statement) if statement.kind == Kind.PRODUCER else set()
    gazetteer = statement.kind != Kind.GOODS
    places = places_in(shipment, statement.document, statement.page, statement.tokens, masked, gazetteer=gazetteer)
    if statement.kind == Kind.GOODS:
        places = [p for p in places if not _after_transport_word(p, statement)]
    return [p for p in places if p.country != origin]


def _field_contradiction(shipment: ShipmentContext, document: ExtractedDocument, origin: str) -> Finding | None:
    value = document.value("country_of_origin")
    if document is shipment.origin_document or not isinstance(value, str) or value == origin:
        return None
    origin_doc = shipment.origin_document
    message = (
        f"{wording.declared_by(origin_doc.doc_type if origin_doc else None)} origin {wording.country(origin)}, "
        f"but the {wording.document(document.doc_type)} gives the country of origin as {wording.country(value)}."
    )
    evidence = shipment.origin_evidence + field_evidence(document, "country_of_origin")
    if reading_confidence(document, "country_of_origin") < DOUBTFUL_CONFIDENCE:
        message += " The OCR read that country with low confidence: compare the page."
        return origin_text_contradiction.finding(message, evidence, Severity.LOW)
    return origin_text_contradiction.finding(message, evidence)


def _overlaps(evidence: list[Evidence], reported: list[Evidence]) -> bool:
    def hit(a: Evidence, b: Evidence) -> bool:
        return (
            a.document_id == b.document_id
            and a.page == b.page
            and a.bbox[0] < b.bbox[2]
            and b.bbox[0] < a.bbox[2]
            and a.bbox[1] < b.bbox[3]
            and b.bbox[1] < a.bbox[3]
        )

    return any(hit(a, b) for a in evidence for b in reported)


@register("origin_text_contradiction", Severity.HIGH, "Text places the goods or producer in another country")
def origin_text_contradiction(shipment: ShipmentContext) -> list[Finding]:
    origin = shipment.declared_origin
    if origin is None:
        return []
    resolved = _resolved_statements(shipment)
    origin_doc = shipment.origin_document
    declared = f"{wording.declared_by(origin_doc.doc_type if origin_doc else None)} origin {wording.country(origin)}"
    findings: list[Finding] = []
    reported: list[Evidence] = []
    for document in shipment.documents:
        seen: set[Token] = set()
        for statement in document_statements(shipment, document):
            if id(statement) in resolved:
                continue
            places = [p for p in _contradictions(shipment, statement, origin) if not set(p.tokens) & seen]
            if not places:
                continue
            seen |= {t for p in places for t in p.tokens}
            place_tokens = {t for p in places for t in p.tokens}
            pieces = [piece for piece in statement.pieces if set(piece) & place_tokens]
            evidence = statement.evidence(pieces)
            countries = wording.enumerate_words(sorted({wording.country(p.country) for p in places}))
            what = WHAT[statement.kind].format(doc=wording.document(document.doc_type))
            # Quote the whole value when it is short (a producer's name and address), else the lines that matter.
            quoted_pieces = statement.pieces if len(statement.value_text) <= QUOTE_MAX_CHARS else pieces
            quoted = f"{statement.label_text} {join_pieces(quoted_pieces)}"
            message = (
                f"{declared}, but {what} reads '{quoted.strip()}', placing the goods or their producer in "
                f"{countries} ({wording.enumerate_words([p.text for p in places])})."
            )
            findings.append(origin_text_contradiction.finding(message, shipment.origin_evidence + evidence))
            reported += evidence
        field_finding = _field_contradiction(shipment, document, origin)
        if field_finding and not _overlaps(field_finding.evidence[len(shipment.origin_evidence) :], reported):
            findings.append(field_finding)
    return findings
