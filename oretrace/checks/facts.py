"""One shipment's facts as the portfolio checks count them (oretrace.store.portfolio).

A portfolio finding adds up many shipments, so one misread field must not tip it: an exporter, declared origin
or smelter counts only when at least two documents of the shipment state it and none states another.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date

from oretrace.checks.context import ShipmentContext
from oretrace.checks.smelters import smelter_mentions
from oretrace.core.folding import fold
from oretrace.core.models import DocType, ExtractedDocument, ShipmentFacts

# Element whose mass percent on the assay gives the contained metal; commodities without one count net weight.
ELEMENT_OF = {"antimony": "Sb", "tungsten": "W", "gallium": "Ga", "germanium": "Ge"}
# Which field names the exporter on which document.
EXPORTER_FIELDS = {DocType.CERTIFICATE_OF_ORIGIN: "exporter_name", DocType.COMMERCIAL_INVOICE: "seller_name"}
MIN_SUPPORT = 2


def corroborated(statements: Iterable[str]) -> str | None:
    """The value stated by at least MIN_SUPPORT documents when no document states another; else None."""
    stated = list(statements)
    if len(set(stated)) != 1 or len(stated) < MIN_SUPPORT:
        return None
    return stated[0]


def _texts(documents: Iterable[ExtractedDocument], name: str) -> list[tuple[ExtractedDocument, str]]:
    found = []
    for document in documents:
        value = document.value(name)
        if isinstance(value, str) and value.strip():
            found.append((document, value.strip()))
    return found


def _exporter(context: ShipmentContext) -> tuple[str | None, str | None]:
    named = [
        (fold(text), text)
        for doc_type, name in EXPORTER_FIELDS.items()
        for _, text in _texts(context.of_type(doc_type), name)
    ]
    key = corroborated(folded for folded, _ in named)
    printed = next((text for folded, text in named if folded == key), None)
    return key, printed


def exporter_key(context: ShipmentContext) -> str | None:
    """The shipment's exporter as its documents corroborate it, folded: the key suppliers are filed under."""
    return _exporter(context)[0]


def _smelter(context: ShipmentContext) -> str | None:
    # One vote per document: a smelter named twice on the assay is still one document's word.
    per_document: dict[str, set[str]] = {}
    for mention in smelter_mentions(context):
        if mention.match is not None and not mention.match.ambiguous:
            per_document.setdefault(mention.document.document_id, set()).add(mention.match.smelter.smelter_id)
    if any(len(ids) > 1 for ids in per_document.values()):
        return None
    return corroborated(next(iter(ids)) for ids in per_document.values())


def _number(documents: Iterable[ExtractedDocument], name: str) -> float | None:
    values = [float(v) for d in documents if isinstance(v := d.value(name), int | float) and v > 0]
    # The median of what the documents state: one misread weight cannot move it when three agree.
    return statistics.median(values) if values else None


def shipped_commodity(context: ShipmentContext) -> str | None:
    """The one commodity the shipment's HS codes name; None when they name none or several."""
    commodities: set[str] = set()
    for _, code in _texts(context.documents, "hs_code"):
        commodities |= context.reference.commodities_for_hs(code)
    return commodities.pop() if len(commodities) == 1 else None


def _shipped_on(context: ShipmentContext) -> date | None:
    for doc_type, name in ((DocType.COMMERCIAL_INVOICE, "invoice_date"), (DocType.CERTIFICATE_OF_ORIGIN, "issue_date")):
        for _, text in _texts(context.of_type(doc_type), name):
            try:
                return date.fromisoformat(text)
            except ValueError:
                continue
    return None


def _metal_kg(context: ShipmentContext, commodity: str | None, net_kg: float | None) -> float | None:
    element = ELEMENT_OF.get(commodity or "")
    if net_kg is None or element is None:
        return net_kg
    shares = [
        c[element]
        for d in context.of_type(DocType.ASSAY_CERTIFICATE)
        if isinstance(c := d.value("composition_pct"), dict) and 0 < c.get(element, 0) <= 100
    ]
    return net_kg * statistics.median(shares) / 100 if shares else net_kg


def shipment_facts(context: ShipmentContext) -> ShipmentFacts:
    exporter, printed = _exporter(context)
    origins = [
        text.upper()
        for doc_type in (DocType.CERTIFICATE_OF_ORIGIN, DocType.COMMERCIAL_INVOICE)
        for _, text in _texts(context.of_type(doc_type), "country_of_origin")
    ]
    commodity = shipped_commodity(context)
    net_kg = _number(context.documents, "net_weight_kg")
    invoices = context.of_type(DocType.COMMERCIAL_INVOICE)
    currencies = {text.upper() for _, text in _texts(invoices, "currency")}
    return ShipmentFacts(
        commodity=commodity,
        exporter=exporter,
        exporter_printed=printed,
        origin=corroborated(origins),
        smelter_id=_smelter(context),
        net_kg=net_kg,
        metal_kg=_metal_kg(context, commodity, net_kg),
        value=_number(invoices, "total_amount"),
        currency=currencies.pop() if len(currencies) == 1 else None,
        shipped_on=_shipped_on(context),
    )
