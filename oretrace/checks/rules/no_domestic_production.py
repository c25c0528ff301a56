"""no_domestic_production (medium): the declared origin country produces none of the commodity.

Rule (as in sample_docs/README.md): the declared country has no production record above 0 t for the
commodity in reference/production.csv AND no facility for the commodity in reference/smelters.csv.

For antimony, production.csv has mine rows only (USGS world mine production); it has no refinery rows, so a
smelter/refinery listed in smelters.csv stands for refinery capacity: Thailand, Belgium and Oman are absent
from production.csv but refine antimony from imported feed, and an export of metal from there is plausible.
For commodities that do have refinery rows (gallium), a refinery row above 0 t counts too.

The commodity comes from the HS codes on the invoice and certificate of origin via reference/hs_codes.csv
(2617 ores, 2825.80 oxides, 8110 metal, ...); antimony when no code is readable or known, since oretrace
reads antimony shipments.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.text import field_evidence
from oretrace.core.models import DocType, Evidence, Finding, Severity

DEFAULT_COMMODITY = "antimony"
HS_DOCUMENTS = (DocType.COMMERCIAL_INVOICE, DocType.CERTIFICATE_OF_ORIGIN)


def commodities(shipment: ShipmentContext) -> tuple[set[str], list[Evidence]]:
    """Commodities named by the shipment's HS codes, with the evidence of the codes that named them."""
    found: set[str] = set()
    evidence: list[Evidence] = []
    for doc_type in HS_DOCUMENTS:
        for document in shipment.of_type(doc_type):
            code = document.value("hs_code")
            if isinstance(code, str) and (named := shipment.reference.commodities_for_hs(code)):
                found |= named
                evidence += field_evidence(document, "hs_code")
    return (found or {DEFAULT_COMMODITY}), evidence


@register("no_domestic_production", Severity.MEDIUM, "The declared origin produces none of the commodity")
def no_domestic_production(shipment: ShipmentContext) -> list[Finding]:
    origin = shipment.declared_origin
    if origin is None:
        return []
    reference = shipment.reference
    named, hs_evidence = commodities(shipment)
    findings: list[Finding] = []
    for commodity in sorted(named):
        records = reference.production_of(commodity, origin)
        if any(r.tonnes > 0 for r in records) or reference.smelters_in(origin, commodity):
            continue
        if records:
            years = sorted({r.year for r in records})
            production = f"records 0 t of {commodity} production there in {years[0]}-{years[-1]}"
        else:
            production = f"records no {commodity} production there"
        origin_doc = shipment.origin_document
        message = (
            f"{wording.declared_by(origin_doc.doc_type if origin_doc else None)} origin "
            f"{wording.country(origin)}, but the reference data {production} (production.csv) and lists no "
            f"{commodity} smelter, refinery or mine in that country (smelters.csv)."
        )
        findings.append(no_domestic_production.finding(message, shipment.origin_evidence + hs_evidence))
    return findings
