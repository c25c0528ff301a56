"""missing_document (low): one of the four trade documents of a shipment is absent.

Low, because a missing paper is a gap in the file, not by itself a contradiction of the declared origin; it
also explains why other checks could not run (no assay, no fingerprint).
"""

from __future__ import annotations

from oretrace.checks import wording
from oretrace.checks.context import ShipmentContext
from oretrace.checks.registry import register
from oretrace.core.models import DocType, Finding, Severity

REQUIRED = (
    DocType.COMMERCIAL_INVOICE,
    DocType.PACKING_LIST,
    DocType.CERTIFICATE_OF_ORIGIN,
    DocType.ASSAY_CERTIFICATE,
)


@register("missing_document", Severity.LOW, "A trade document is missing")
def missing_document(shipment: ShipmentContext) -> list[Finding]:
    present = {d.doc_type for d in shipment.documents}
    unclassified = sum(1 for d in shipment.documents if d.doc_type == DocType.OTHER)
    findings: list[Finding] = []
    for doc_type in REQUIRED:
        if doc_type in present:
            continue
        message = f"The shipment has no {wording.document(doc_type)}."
        if unclassified:
            # Worth saying: the document may be there but unreadable as its type.
            message += f" {unclassified} document(s) could not be classified and may include it."
        findings.append(missing_document.finding(message, []))
    return findings
