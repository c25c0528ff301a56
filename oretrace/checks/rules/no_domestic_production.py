"""no_domestic_production (medium): the declared origin country cannot have produced the goods.

Rule: the HS codes on the invoice and certificate of origin say which commodity the goods are and how far they
are processed (reference/hs_codes.csv, its `stage` column, else the chapter: 26 ores and concentrates, the
others refined metal, oxides and compounds). Refined goods need refinery output in the declared country: a
refinery row above 0 t in production.csv, or a smelter, refinery, roaster or metallurgical plant listed for the
commodity in smelters.csv. Ores and concentrates need mine output: a mine row above 0 t, or a listed mine or
mill. A listed facility whose kind is not recorded counts for both, so a gap in the reference data never raises
a finding on its own. Waste and scrap arise wherever the metal is used and are not checked. Without a readable
HS code the goods are taken as antimony (oretrace reads antimony shipments) of either stage: any mine or
refinery output, or any listed facility, suffices.

So a country that mines antimony but lists no refinery (Bolivia, Vietnam) cannot be the origin of antimony
ingots or trioxide, and one that only refines imported feed (Belgium, Oman) cannot be the origin of ore.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.text import field_evidence
from oretrace.core.models import DocType, Evidence, Finding, Severity
from oretrace.reference import GoodsStage, ReferenceData, Stage

DEFAULT_COMMODITY = "antimony"
HS_DOCUMENTS = (DocType.COMMERCIAL_INVOICE, DocType.CERTIFICATE_OF_ORIGIN)
# The production stage goods of each processing stage come from.
SOURCE_STAGE = {GoodsStage.ORE: Stage.MINE, GoodsStage.REFINED: Stage.REFINERY}
GOODS_WORDS = {Stage.MINE: "ore or concentrate", Stage.REFINERY: "refined"}
STAGE_WORDS = {Stage.MINE: "mine", Stage.REFINERY: "refinery"}
FACILITY_WORDS = {Stage.MINE: "mine or mill", Stage.REFINERY: "smelter or refinery"}


def commodities(shipment: ShipmentContext) -> tuple[dict[str, set[GoodsStage]], list[Evidence]]:
    """Commodity -> how processed its goods are by their HS codes (empty: no readable code), with the
    evidence of the codes that named them."""
    found: dict[str, set[GoodsStage]] = {}
    evidence: list[Evidence] = []
    for doc_type in HS_DOCUMENTS:
        for document in shipment.of_type(doc_type):
            code = document.value("hs_code")
            if not isinstance(code, str):
                continue
            named = shipment.reference.commodities_for_hs(code)
            for commodity in named:
                found.setdefault(commodity, set()).update(shipment.reference.goods_stages(code, commodity))
            if named:
                evidence += field_evidence(document, "hs_code")
    return (found or {DEFAULT_COMMODITY: set()}), evidence


def produces(reference: ReferenceData, commodity: str, country: str, stage: Stage | None) -> bool:
    """Whether the reference data records output of `commodity` at `stage` (None: any stage) in `country`."""
    if any(r.tonnes > 0 for r in reference.production_of(commodity, country, stage)):
        return True
    facilities = reference.smelters_in(country, commodity)
    return any(stage is None or stage in f.stages for f in facilities)


@register("no_domestic_production", Severity.MEDIUM, "The declared origin produces none of the commodity")
def no_domestic_production(shipment: ShipmentContext) -> list[Finding]:
    origin = shipment.declared_origin
    if origin is None:
        return []
    reference = shipment.reference
    named, hs_evidence = commodities(shipment)
    findings: list[Finding] = []
    for commodity, goods in sorted(named.items()):
        if not goods:
            if not produces(reference, commodity, origin, None):
                findings.append(_finding(shipment, commodity, None, hs_evidence))
            continue
        stages = {SOURCE_STAGE[g] for g in goods if g in SOURCE_STAGE}
        # Scrap alone names nothing to check; goods named at two stages (a misread code on one document)
        # pass when either stage is produced there.
        if not stages or any(produces(reference, commodity, origin, stage) for stage in stages):
            continue
        findings.append(_finding(shipment, commodity, sorted(stages)[0], hs_evidence))
    return findings


def _finding(shipment: ShipmentContext, commodity: str, stage: Stage | None, hs_evidence: list[Evidence]) -> Finding:
    origin = shipment.declared_origin or ""
    reference = shipment.reference
    origin_doc = shipment.origin_document
    declared = f"{wording.declared_by(origin_doc.doc_type if origin_doc else None)} origin {wording.country(origin)}"
    if stage is None:
        records = reference.production_of(commodity, origin)
        if records:
            years = sorted({r.year for r in records})
            production = f"records 0 t of {commodity} production there in {years[0]}-{years[-1]}"
        else:
            production = f"records no {commodity} production there"
        message = (
            f"{declared}, but the reference data {production} (production.csv) and lists no {commodity} smelter, "
            f"refinery or mine in that country (smelters.csv)."
        )
    else:
        other = _other_stage(reference, commodity, origin, stage)
        message = (
            f"{declared} for {GOODS_WORDS[stage]} {commodity} (HS code), but the reference data records no "
            f"{commodity} {STAGE_WORDS[stage]} production there (production.csv) and lists no {commodity} "
            f"{FACILITY_WORDS[stage]} in that country (smelters.csv){other}."
        )
    return no_domestic_production.finding(message, shipment.origin_evidence + hs_evidence)


def _other_stage(reference: ReferenceData, commodity: str, country: str, stage: Stage) -> str:
    """What the country does produce, when it produces the commodity at the other stage."""
    other = Stage.MINE if stage is Stage.REFINERY else Stage.REFINERY
    records = [r for r in reference.production_of(commodity, country, other) if r.tonnes > 0]
    if records:
        latest = max(records, key=lambda r: r.year)
        return f"; it records {STAGE_WORDS[other]} production only ({latest.tonnes:,.0f} t in {latest.year})"
    if produces(reference, commodity, country, other):
        return f"; it lists only a {FACILITY_WORDS[other]} there"
    return ""
