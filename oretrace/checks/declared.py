"""The smelters a shipment's supplier declares in an RMI reporting template (CMRT / EMRT / AMRT): in the folder, or
loaded for the supplier beforehand."""

from __future__ import annotations

from oretrace.checks.context import ShipmentContext
from oretrace.checks.facts import exporter_key, shipped_commodity
from oretrace.core.folding import fold
from oretrace.core.models import DeclaredSmelter, DocType
from oretrace.reference.matching import match_smelter


def declared_smelters(shipment: ShipmentContext) -> list[DeclaredSmelter]:
    """The smelters of the templates in the shipment folder; without one, those of the template loaded for the
    shipment's exporter (`oretrace suppliers load`); none when neither exists."""
    in_folder = [
        smelter
        for document in shipment.of_type(DocType.DUE_DILIGENCE_TEMPLATE)
        if document.due_diligence is not None
        for smelter in document.due_diligence.smelters
    ]
    if in_folder or not shipment.supplier_templates:
        return in_folder
    exporter = exporter_key(shipment)
    on_file = shipment.supplier_templates.get(exporter) if exporter else None
    return list(on_file.smelters) if on_file else []


def for_metal_shipped(shipment: ShipmentContext, smelters: list[DeclaredSmelter]) -> list[DeclaredSmelter]:
    """The declared smelters of the shipped metal; all of them when the commodity is not known from the HS code."""
    commodity = shipped_commodity(shipment)
    if commodity is None:
        return smelters
    return [s for s in smelters if fold(s.metal) == fold(commodity)]


def reference_ids(shipment: ShipmentContext, name: str) -> frozenset[str]:
    """The reference smelter ids a name resolves to (every candidate of a tie); empty when it resolves to none."""
    match = match_smelter(name, shipment.reference)
    return frozenset(s.smelter_id for s in match.candidates) if match else frozenset()
