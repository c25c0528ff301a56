"""smelter_not_declared (medium): the assay certificate's producer is not among the supplier's declared smelters.

The declared smelters are the Smelter List of an RMI reporting template (CMRT / EMRT / AMRT) in the shipment
folder; without one there is nothing to compare with and no finding. The producer is declared when it and a
declared smelter resolve to the same reference-list smelter (the supplier's own CID is not compared: the
reference list has its own ids), or, failing that, when their folded names are equal.
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.declared import declared_smelters, reference_ids
from oretrace.checks.registry import register
from oretrace.checks.smelters import assay_producers
from oretrace.core.folding import fold
from oretrace.core.models import Finding, Severity


@register("smelter_not_declared", Severity.MEDIUM, "The named smelter is not among the supplier's declared smelters")
def smelter_not_declared(shipment: ShipmentContext) -> list[Finding]:
    declared = declared_smelters(shipment)
    if not declared:
        return []
    declared_ids = frozenset().union(*(reference_ids(shipment, s.name) for s in declared))
    declared_names = {fold(s.name) for s in declared}
    findings: list[Finding] = []
    for producer in assay_producers(shipment):
        ids = frozenset(s.smelter_id for s in producer.match.candidates) if producer.match else frozenset()
        if ids & declared_ids or fold(producer.printed) in declared_names:
            continue
        names = wording.enumerate_words(sorted({f"'{s.name}'" for s in declared}))
        message = (
            f"The {wording.document(producer.document.doc_type)} names the producer '{producer.printed}', which is "
            f"not among the smelters the supplier declares in its reporting template ({names})."
        )
        evidence = [e for m in producer.mentions for e in m.evidence] + [s.evidence for s in declared]
        findings.append(smelter_not_declared.finding(message, evidence))
    return findings
