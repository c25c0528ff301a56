"""unknown_smelter (medium): the assay certificate names a producer that is not in the reference list.

"Not in the list" means no reading of the name (field, producer line, NER) reaches the matcher's threshold
against any name or alias (`reference_data.matching.DEFAULT_THRESHOLD`). A certificate that names no
producer at all, or whose producer could not be read, gives no finding: a missing value is not evidence.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.checks.smelters import assay_producers
from oretrace.core.models import Finding, Severity
from oretrace.reference import DEFAULT_THRESHOLD
from oretrace.reference.matching import matcher_for

# Below the match threshold but close enough to be worth naming to the reviewer (a misspelt known smelter).
NEAR_MISS = 70.0


@register("unknown_smelter", Severity.MEDIUM, "The named smelter is not in the reference list")
def unknown_smelter(shipment: ShipmentContext) -> list[Finding]:
    findings: list[Finding] = []
    matcher = matcher_for(shipment.reference)
    for producer in assay_producers(shipment):
        if producer.match is not None:
            continue
        closest = matcher.match(producer.printed, threshold=NEAR_MISS)
        nearest = (
            f" Nearest reference entry: {closest.smelter.name} ({wording.country(closest.smelter.country)}), "
            f"similarity {closest.score:.0f} of 100 where {DEFAULT_THRESHOLD:.0f} is needed; check the spelling."
            if closest
            else ""
        )
        message = (
            f"The {wording.document(producer.document.doc_type)} names the producer '{producer.printed}', which "
            f"is not in the reference list of smelters under its name or any alias.{nearest}"
        )
        evidence = [e for m in producer.mentions for e in m.evidence]
        findings.append(unknown_smelter.finding(message, list({id(e): e for e in evidence}.values())))
    return findings
